# re: str subjects beyond ASCII, case-insensitive matching, the ASCII and
# LOCALE flags, and bytes patterns.
import re

def show(pat, s, flags=0):
    m = re.search(pat, s, flags)
    print(ascii(pat), ascii(s), m and (m.span(), ascii(m.group())))

# categories follow str.isdecimal / isspace / isalnum
for ch in ['5', '\u0663', '\u00b2', '\u2167', 'a', '\u00e9', '\u093e', '\u4e00', '_', ' ',
           '\x1c', '\u2028', '\u00a0', '\u3000', '\u200b', '\n']:
    print(ascii(ch), [bool(re.match(p, ch)) for p in (r'\d', r'\w', r'\s', r'\D', r'\W', r'\S', '.')],
          [bool(re.match(p, ch, re.A)) for p in (r'\d', r'\w', r'\s')])
show(r'\w+', 'naïve café')
show(r'\b\w', 'über élan')
show(r'\bé', 'café é', re.A)
show(r'\d+', 'x\u0661\u0662\u0663y')

# case-insensitive matching (simple case folding as CPython does it)
for pat, s in [('straße', 'STRASSE'), ('ǅ', 'ǆ'), ('σ', 'Σ'), ('σ', 'ς'), ('Σ', 'ς'),
               ('i', 'İ'), ('İ', 'i'), ('ı', 'I'), ('é', 'É'), ('Ω', 'ω'), ('ÿ', 'Ÿ'),
               ('[à-ý]+', 'ÀÉÎÕÜ'), ('[Σ]', 'ς'), ('ǆ+', 'ǄǅǆǄ'),
               ('ﬀ', 'FF'), ('ß', 'ẞ'), ('[ß]', 'ẞ'), ('µ', 'Μ'), ('[^é]', 'É'), ('[^é]', 'x')]:
    show(pat, s, re.I)
show('(?i)(é)\\1', 'éÉ')
show('(?i:É)é', 'éé')
show('É', 'é', re.I | re.A)
show('(?a)é', 'É', re.I)
show('[a-z]+', 'ABCdef', re.I | re.A)

# non-ASCII subjects: spans are code-point indices
s = 'αβγ — δεζ'
for m in re.finditer(r'\w+', s):
    print(m.span(), m.group(), m.start(), m.end())
print(re.sub('β', 'BETA', s), re.split(r'\s*—\s*', s), re.findall('.', 'añ€😀'))
print(re.search('😀+', 'ab😀😀c').span(), re.sub('(.)', r'[\1]', '€x😀'))
print(re.match('.{2}', '€😀x').group(), ascii(re.escape('€ a')))
long = 'é' * 500 + 'needle' + 'ü' * 500
m = re.search('needle', long)
print(m.span(), m.group(), len(re.sub('é', 'e', long)), len(re.findall('ü', long)))
print(re.search('(é+)(needle)', long).span(2))

# bytes patterns use ASCII semantics; LOCALE is allowed only for bytes
b = 'caf\u00e9 na\u00efve'.encode('latin-1')
print(re.findall(rb'\w+', b), re.findall(rb'(?i)CAF', b), re.findall(rb'[\x80-\xff]', b))
print(re.match(rb'\xe9', b'\xc9', re.I), re.match(rb'a', b'A', re.I).group())
print(re.findall(rb'\w+', b, re.L), re.match(rb'(?L)\w', b'\xe9'))
print(re.search(rb'\s+', b'a \t\x1c\nb').span(), re.search(r'\s+', 'a \t\x1c\nb').span())
for flags in (re.L, re.U | re.A):
    try:
        re.compile('x', flags)
    except ValueError as e:
        print('ValueError', e)
try:
    re.compile(b'x', re.U)
except ValueError as e:
    print('ValueError', e)

# the case helpers of _sre
import _sre
print([_sre.unicode_tolower(c) for c in (65, 0xc9, 0x130, 0x3a3, 0x1e9e, 0x10400, -1)])
print([_sre.ascii_tolower(c) for c in (65, 0xc9, 90, 91)])
print([_sre.unicode_iscased(c) for c in (65, 49, 0xdf, 0x1c5, 0x2160, 0x10ffff)])
print([_sre.ascii_iscased(c) for c in (65, 49, 0xe9)])

# tokenizer-style loops over long non-ASCII strings (match at a position)
big1 = ('αβγ δε ' * 400) + 'END'
big2 = ('ünï cödé ' * 300) + 'FIN'
tok = re.compile(r'\S+|\s+')
counts = []
for s in (big1, big2, big1):
    pos = n = 0
    last = None
    while pos < len(s):
        m = tok.match(s, pos)
        pos = m.end()
        n += 1
        last = m
    counts.append((n, last.span(), last.group()))
print(counts)
a = tok.match(big1, 5)
b = tok.match(big2, 7)
print(a.span(), a.group(), b.span(), b.group(), a.string is big1)
class S(str):
    pass
ss = S('ééé abc ' * 200)
m = re.compile('abc').search(ss, 100)
print(m.span(), type(m.group()).__name__, type(m.string).__name__, re.sub('é', 'e', ss)[:12])
