# f-strings are checked as CPython 3.11 tokenizes them: one token whose
# fields are scanned by hand, expressions parsed as `(expr)` with an
# "f-string: " prefix; \N escapes need braces; bytes do not mix with str.
cases = [
    "f'{1#}'", "f'{)#}'", "f'{3!g}'", "f'{3! s}'", "f'{x!s{y}}'", "f'{3!ss}'",
    "f'{{}'", "f'}'", "f'{3:}>10}'", "f'{3:{{>10}'", "f'{3'", "f'{3!'", "f'{i='",
    "f'{((}'", "f'{a[4)}'", "f'{}'", "f'{ }'", "f'{!r}'", "f'{:}'",
    r"f'{\'a\'}'", r"f'{\t3}'", "f'{,}'", "f'{3)+(4}'", "f'{\"x'",
    "f'{lambda x:x}'", "f'{4:{/5}}'", "f'result: {value:{width:{0}}.{precision:1}}'",
    "f'{a $ b}'", r"f'\N'", r"f'\N{'", r"'\N'", r"'\N{GREEK'", "f'' b''", "b'' 'a'",
    "(b'a'\n 'b')", "x = b'a'\n'doc'",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), "|", e.msg)
width, precision, value = 10, 4, 12.34567
print(f'{value:{width}.{precision}}', f'{"{"}', f'{3:{"}"}>10}')
