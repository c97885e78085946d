#!/usr/bin/python3.11
"""Regenerates str_cases.tsv from CPython 3.11 (the oracle).

Run: python3.11 crates/adder-text/testdata/gen_str_cases.py > crates/adder-text/testdata/str_cases.tsv
Columns: method, then arguments, then the result. Strings are written as
'.'-joined hex code points ('' for the empty string, '~' for None); lists as
'|'-joined strings prefixed by 'L'; booleans T/F; integers in decimal.
"""

def enc(v):
    if v is None:
        return '~'
    if isinstance(v, bool):
        return 'T' if v else 'F'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return 'L' + '|'.join(enc(x) for x in v)
    return '.'.join('%x' % ord(c) for c in v)

samples = ['', 'abc', '  a b  c  ', 'a,b,,c', 'Hello World', 'hello world', 'ß straße', 'İstanbul', 'ΑΣ ΟΔΟΣ',
           'ǆemal ǉ', 'ﬁsh', "they're bill's", 'a\tb\t\tc\nd\te', 'x\r\ny\rz\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029w',
           '\x1c\x1d a \x1e\x1f', '\u00a0\u3000x\u2009', '١٢٣', '²³', '½', 'Ⅻ', 'abc123', '_id', '1id', 'été',
           'ab\u0301c', 'ΣΑΣ', 'aΣ', 'ΣA', 'Σ', 'ǅa', 'ABC', 'ABC def', 'Title Case Here', 'ᾳ', 'ŉ', '\u0345',
           'a\x00b', 'é€😀', '\u200b', '\xad', 'a  b', '-42', '+7', 'ﬃ', 'ꭰ', 'ı', 'ſ']
lines = []
def add(name, *args, res):
    lines.append('\t'.join([name] + [enc(a) for a in args] + [enc(res)]))

for s in samples:
    for m in ['upper', 'lower', 'casefold', 'title', 'capitalize', 'swapcase', 'isalpha', 'isalnum', 'isdecimal',
              'isdigit', 'isnumeric', 'isspace', 'islower', 'isupper', 'istitle', 'isidentifier', 'isprintable',
              'isascii']:
        add(m, s, res=getattr(s, m)())
    for sep in [None, ' ', ',', 'b', 'ab']:
        for n in [-1, 0, 1, 2]:
            add('split', s, sep, n, res=s.split(sep, n))
            add('rsplit', s, sep, n, res=s.rsplit(sep, n))
    add('splitlines', s, False, res=s.splitlines())
    add('splitlines', s, True, res=s.splitlines(True))
    for chars in [None, ' ', 'ab', 'Σ']:
        add('strip', s, chars, res=s.strip(chars))
        add('lstrip', s, chars, res=s.lstrip(chars))
        add('rstrip', s, chars, res=s.rstrip(chars))
    for t in [0, 1, 4, 8]:
        add('expandtabs', s, t, res=s.expandtabs(t))
    for w in [0, 5, 10, 11]:
        add('center', s, w, '*', res=s.center(w, '*'))
        add('ljust', s, w, '*', res=s.ljust(w, '*'))
        add('rjust', s, w, '*', res=s.rjust(w, '*'))
        add('zfill', s, w, res=s.zfill(w))
    n = len(s)
    for sub in ['', 'a', 'b', 'Σ', 'ab']:
        for (st, en) in [(0, n), (1, n), (0, max(n - 1, 0)), (2, 1), (n, n), (n + 1, n + 1)]:
            f = s.find(sub, st, en)
            rf = s.rfind(sub, st, en)
            add('find', s, sub, st, en, res=f)
            add('rfind', s, sub, st, en, res=rf)
            add('count', s, sub, st, en, res=s.count(sub, st, en))
        for c in [-1, 0, 1, 2]:
            add('replace', s, sub, '<>', c, res=s.replace(sub, '<>', c))
print('\n'.join(lines))
