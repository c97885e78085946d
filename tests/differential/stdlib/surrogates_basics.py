# Lone surrogates in str: chr/ord, repr/ascii, predicates, formatting,
# translate, numeric parsing errors, json. Never prints a raw surrogate.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, ascii(str(e)))
    else:
        print(label, '->', ascii(r))


s = chr(0xdc80)
print(len(s), ord(s), hex(ord(chr(0xd800))), hex(ord(chr(0xdfff))))
print([hex(ord(c)) for c in chr(0xd7ff) + chr(0xd800) + chr(0xdbff) + chr(0xdc00) + chr(0xe000)])
t('chr range', lambda: chr(0x110000))
t('chr neg', lambda: chr(-1))
t('ord 2', lambda: ord(s + s))
print(repr(s), ascii(s), repr('a\ud800b\udfffc'), ascii('x\udcff'))
print(repr(['\ud800', 'ok']), repr({'\udc80': 1}))
print(str(s) == s, s == '\udc80', '\ud800' != '\udc80', s in 'ab\udc80cd')
print('a\udc80b'.find('\udc80'), 'a\udc80b'.split('\udc80'), 'x\udc80'.replace('\udc80', 'Y'))
print(ascii('\ud800\udc00'), len('\ud800\udc00'), ascii('\ud800' + '\udc00'))
u = 'p\ud800q\udc80r'
print(ascii(u[1]), ascii(u[1:4]), ascii(u[::-1]), ascii(u[::2]))
print(ascii(list(u)), ascii(sorted(['\udc80', '\udc81', '\udc7f'])))
print(hash(s) == hash('\udc80'), {s: 1}['\udc80'], ascii(s * 3))
print(ascii(s.upper()), ascii(s.lower()), ascii(s.casefold()), ascii(s.title()), ascii(s.swapcase()))
print([f(s) for f in (str.isalpha, str.isalnum, str.isdecimal, str.isdigit,
                     str.isnumeric, str.isspace, str.isidentifier, str.islower,
                     str.isupper, str.istitle, str.isascii, str.isprintable)])
print(ascii(s.center(5, '*')), ascii(s.zfill(3)), ascii(s.strip()), ascii(('\udc80' + ' ').strip()))
print(ascii('%c' % 0xdc80), ascii('%c' % '\ud800'), ascii('%5c|' % 0xd800))
print(ascii(format(0xd800, 'c')), ascii('{:c}'.format(0xdfff)), ascii('{!a}'.format(s)))
print(ascii('%r' % s), ascii('%a' % s), ascii(f'{s!r}'), ascii(f'{s!a}'), ascii(f'{s:>3}'))
t('%c big', lambda: '%c' % 0x110000)
t('format c big', lambda: format(0x110000, 'c'))
print(ascii('a\udc80'.translate({0xdc80: 0xd800, ord('a'): 'A'})))
print(ascii('a\udc80b'.translate({0xdc80: None})))
print(ascii('\udc80'.translate(str.maketrans('\udc80', '\ud800'))))
print(sorted(str.maketrans('\udc80x', '\ud800y', '\udfff').items()))
print(sorted(str.maketrans({'\udc80': 'x', 0xd800: None}).items()))
t('int', lambda: int('\udc80'))
t('int 16', lambda: int('1\ud800', 16))
t('float', lambda: float('\udc80'))
t('complex', lambda: complex('\udc80'))
t('str.format bad conv', lambda: '{0!\udc80}'.format(1))
t('percent bad char', lambda: '%\udc80' % (1,))
t('format spec bad code', lambda: format(1, '\udc80'))
t('encode strict', lambda: 'ab\udc80'.encode())
t('isidentifier', lambda: '\udc80'.isidentifier())
t('getattr', lambda: getattr(object(), '\udc80'))

import json
print(json.dumps('\udc80\ud800'), json.dumps(['a\udfff']))
print(ascii(json.dumps('\udc80', ensure_ascii=False)))
print(ascii(json.loads('"\\udc80\\ud800"')), ascii(json.loads('"\\ud83d\\ude00"')))
print(ascii(json.loads('"\\ud83dx"')))

import re
print(ascii(re.findall('[\ud800-\udfff]', 'a\ud800b\udc80c\U0001f600')))
print(ascii(re.sub('\udc80', 'X', 'a\udc80b\udc80')), re.search('\udcff+', 'ab\udcff\udcff').span())
print(ascii(re.match('(.)(.)', '\ud800\udc00').groups()), re.match(r'\w', '\udc80'))
print(ascii(re.escape('\ud800')), ascii(re.split('\ud800', 'a\ud800b')))
print(re.compile('\udc80', re.I).fullmatch('\udc80') is not None)

import pickle
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    d = pickle.dumps('a\udc80\ud800', proto)
    print(proto, ascii(pickle.loads(d)), b'\xed\xb2\x80' in d or b'\\udc80' in d)

import string
print(ascii(string.Template('$x').substitute(x='\udc80')))
print(ascii(str(['\udc80'])), ascii(repr(('\ud800',))))

import marshal
for v in ['a\udc80\ud800', ('\udfff', ['x\ud800'])]:
    d = marshal.dumps(v)
    print(ascii(marshal.loads(d)), b'\xed\xb2\x80' in d or b'\xed\xbf\xbf' in d)
print(ascii(marshal.loads(b'u\x03\x00\x00\x00\xed\xb2\x80')))
