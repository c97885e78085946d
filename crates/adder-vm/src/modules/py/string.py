# Adder's `_string`: the format-string scanner behind `string.Formatter`,
# following `str.format`'s grammar as CPython 3.11 documents it.

def formatter_parser(format_string):
    """Yield (literal_text, field_name, format_spec, conversion) tuples."""
    if not isinstance(format_string, str):
        raise TypeError(f"descriptor 'formatter_parser' requires a 'str' object but received a '{type(format_string).__name__}'")
    return _parse(format_string)


def _parse(s):
    i, n = 0, len(s)
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                literal.append('{')
                i += 2
                yield ''.join(literal), None, None, None
                literal = []
                continue
            # A replacement field: find its matching close brace.
            depth, j = 1, i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            name, conv, spec = field, None, ''
            # The field name ends at '!' or ':' outside brackets.
            k, bracket = 0, False
            while k < len(field):
                ch = field[k]
                if ch == '[':
                    bracket = True
                elif ch == ']':
                    bracket = False
                elif not bracket and ch in '!:':
                    break
                k += 1
            name = field[:k]
            rest = field[k:]
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError("end of string while looking for conversion specifier")
                conv = rest[1]
                rest = rest[2:]
                if rest and rest[0] != ':':
                    raise ValueError("expected ':' after conversion specifier")
            if rest.startswith(':'):
                spec = rest[1:]
            yield ''.join(literal), name, spec, conv
            literal = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                i += 2
                yield ''.join(literal), None, None, None
                literal = []
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield ''.join(literal), None, None, None


def formatter_field_name_split(field_name):
    """Split 'a.b[0]' into ('a', iterator of (is_attr, key))."""
    if not isinstance(field_name, str):
        raise TypeError(f"descriptor 'formatter_field_name_split' requires a 'str' object but received a '{type(field_name).__name__}'")
    i, n = 0, len(field_name)
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    if first.isdigit():
        first = int(first)
    return first, _rest(field_name, i)


def _rest(s, i):
    n = len(s)
    while i < n:
        if s[i] == '.':
            j = i + 1
            while j < n and s[j] not in '.[':
                j += 1
            name = s[i + 1:j]
            if not name:
                raise ValueError("Empty attribute in format string")
            yield True, name
            i = j
        elif s[i] == '[':
            j = s.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = s[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            yield False, int(key) if key.isdigit() else key
            i = j + 1
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
