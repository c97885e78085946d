# Table-driven codecs (charmap) and the escape codecs.
import codecs

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e, getattr(e, 'start', ''), getattr(e, 'end', ''))

# charmap with the standard tables
for enc in ['cp1252', 'cp437', 'iso8859-15', 'koi8-r', 'mac-roman', 'cp850']:
    s = 'aé€Ж'
    print(enc, s.encode(enc, 'replace'), bytes(range(0x80, 0x88)).decode(enc, 'replace'))
print(codecs.charmap_decode(b'\x00\x01', None, 'ab'))
t('table undefined', lambda: codecs.charmap_decode(b'\x00\x01\x02', 'strict', 'ab'))
print(codecs.charmap_decode(b'\x00\x01\x02', 'replace', 'ab\ufffe'))
print(codecs.charmap_decode(b'\x00\x01', None, {0: 'xy', 1: 0x41}))
t('map none', lambda: codecs.charmap_decode(b'\x02', None, {2: None}))
t('map missing', lambda: codecs.charmap_decode(b'\x03', None, {}))
t('map range', lambda: codecs.charmap_decode(b'\x00', None, {0: 0x110000}))
t('map type', lambda: codecs.charmap_decode(b'\x00', None, {0: 1.5}))
print(codecs.charmap_decode(b'ab'), codecs.charmap_encode('ab'))
print(codecs.charmap_encode('ab', None, {97: 1, 98: b'zz'}))
t('encode undefined', lambda: codecs.charmap_encode('abc', None, {97: 1}))
t('encode range', lambda: codecs.charmap_encode('a', None, {97: 300}))
print(codecs.charmap_encode('abca', 'replace', {97: 1, 63: 63}))
table = codecs.charmap_build('xyz')
print(codecs.charmap_encode('zyx', None, table), codecs.charmap_decode(b'\x02\x01\x00', None, 'xyz'))
t('build arg', lambda: codecs.charmap_build(5))

# escape_decode / escape_encode (bytes literals)
print(codecs.escape_decode(b'a\\nb\\t\\x41\\101\\\\\\\'\\"'), codecs.escape_decode('a\\x41'))
print(codecs.escape_decode(b'\\a\\b\\f\\v\\0\\377x\\\nq'))
t('bad x', lambda: codecs.escape_decode(b'a\\x4'))
t('bad x2', lambda: codecs.escape_decode(b'\\xzz'))
t('trailing', lambda: codecs.escape_decode(b'abc\\'))
print(codecs.escape_decode(b'\\x4', 'replace'), codecs.escape_decode(b'\\xq', 'ignore'))
print(codecs.escape_encode(b'a\n\x00\'"\\\x7f\xff'))
t('escape_encode str', lambda: codecs.escape_encode('x'))

# unicode_escape
print('a\n\'"é€\U0001f600\\'.encode('unicode_escape'))
print(b'a\\n\\u20ac\\U0001f600\\x41\\101\\t\\\\\xe9'.decode('unicode_escape'))
print(codecs.unicode_escape_decode(b'\\u12', None, False), codecs.unicode_escape_decode(b'ab\\', None, False))
t('truncated u', lambda: b'\\u12'.decode('unicode_escape'))
t('truncated x', lambda: b'\\x1'.decode('unicode_escape'))
t('truncated U', lambda: b'\\U0001f6'.decode('unicode_escape'))
t('too big', lambda: b'\\U00110000'.decode('unicode_escape'))
t('end backslash', lambda: b'abc\\'.decode('unicode_escape'))
print(b'a\\u12b\\x4z'.decode('unicode_escape', 'replace'), b'a\\u12b'.decode('unicode_escape', 'ignore'))
print(b'\\7'.decode('unicode_escape'))

# raw_unicode_escape
print('a\n\\é€\U0001f600'.encode('raw_unicode_escape'))
print(b'\\u20ac\\\\u20ac\\x\\U0001f600'.decode('raw_unicode_escape'))
t('raw truncated', lambda: b'\\u20'.decode('raw_unicode_escape'))
t('raw range', lambda: b'\\U00110000'.decode('raw_unicode_escape'))
print(codecs.raw_unicode_escape_decode(b'a\\u20', None, False))

# utf-7
for s in ['abc', 'a+b', '€uro', 'A\u2262\u0391.', 'Hi Mom -\u263a-!', '~\\', '\U0001f600']:
    b = s.encode('utf-7')
    print(repr(s), b, b.decode('utf-7') == s)
