# Lone surrogates through the codecs: every error handler with the UTF,
# Latin-1, ASCII, charmap, escape and UTF-7 codecs, both directions.
import codecs


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, ascii(str(e)),
              getattr(e, 'start', None), getattr(e, 'end', None))
    else:
        print(label, '->', ascii(r))


s = 'a\ud800\udc80b'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le',
            'utf-32-be', 'latin-1', 'ascii', 'cp1252', 'utf-7', 'unicode_escape',
            'raw_unicode_escape']:
    for err in ['strict', 'surrogateescape', 'surrogatepass', 'replace', 'ignore',
                'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
        t('%s %s' % (enc, err), lambda: s.encode(enc, err))

t('escape utf8', lambda: 'a\udc80\udcff'.encode('utf-8', 'surrogateescape'))
t('escape utf8 bad', lambda: 'a\udc80\udcff\ud800'.encode('utf-8', 'surrogateescape'))
t('escape latin1', lambda: 'a\udc80\udcff'.encode('latin-1', 'surrogateescape'))
t('escape latin1 bad', lambda: 'a\udc80\u1234\udcff'.encode('latin-1', 'surrogateescape'))
t('escape ascii', lambda: 'a\udc80\udcff'.encode('ascii', 'surrogateescape'))
t('escape cp1252', lambda: 'a\udc81\udc8d'.encode('cp1252', 'surrogateescape'))
t('escape cp1252 bad', lambda: 'a\udc81\u1234'.encode('cp1252', 'surrogateescape'))
t('escape utf16', lambda: '\udc80'.encode('utf-16-le', 'surrogateescape'))
t('pass latin1', lambda: '\ud800'.encode('latin-1', 'surrogatepass'))
t('strict run', lambda: 'x\udc80\udc81y'.encode('utf-8'))
t('strict one', lambda: 'x\udc80y'.encode('utf-8'))
t('utf16 strict run', lambda: 'x\udc80\udc81'.encode('utf-16'))

data = [
    (b'a\xff\x80b\xed\xa0\x80', 'utf-8'),
    (b'a\xed\xa0\x80\xed\xb2\x80', 'utf-8'),
    (b'a\xed\xa0', 'utf-8'),
    (b'\xf0\x9f\x98\x80\xe2\x82', 'utf-8'),
    (b'\x00\xd8a\x00', 'utf-16-le'),
    (b'\xd8\x00\x00a', 'utf-16-be'),
    (b'\x00\xdca\x00', 'utf-16-le'),
    (b'\x00\xd8', 'utf-16-le'),
    (b'\xff\xfe\x00\xd8a\x00', 'utf-16'),
    (b'\x00\xd8\x00\x00', 'utf-32-le'),
    (b'\x00\x00\xdc\x80', 'utf-32-be'),
    (b'\x80\xdc\x00\x00', 'utf-32-le'),
    (b'\xff\xff\xff\xff', 'utf-32-le'),
    (b'a\x80\xff', 'ascii'),
    (b'a\x80', 'latin-1'),
    (b'a\x81\x8d', 'cp1252'),
]
for b, enc in data:
    for err in ['strict', 'surrogateescape', 'surrogatepass', 'replace', 'backslashreplace']:
        t('%r %s %s' % (b, enc, err), lambda: b.decode(enc, err))

# Round trips.
raw = bytes(range(256))
s1 = raw.decode('utf-8', 'surrogateescape')
print(len(s1), s1.encode('utf-8', 'surrogateescape') == raw)
s2 = raw.decode('ascii', 'surrogateescape')
print(len(s2), s2.encode('ascii', 'surrogateescape') == raw, s2.encode('latin-1', 'surrogateescape') == raw)
lone = ''.join(chr(c) for c in range(0xd7f0, 0xe010))
for enc in ['utf-8', 'utf-16', 'utf-16-be', 'utf-32', 'utf-32-be']:
    b = lone.encode(enc, 'surrogatepass')
    print(enc, len(b), b.decode(enc, 'surrogatepass') == lone)

# The escape codecs and UTF-7.
t('ue decode', lambda: b'\\ud800\\U0000dc80x'.decode('unicode_escape'))
t('rue decode', lambda: b'\\ud800\\U0000dc80x'.decode('raw_unicode_escape'))
t('ue roundtrip', lambda: lone.encode('unicode_escape').decode('unicode_escape') == lone)
t('rue roundtrip', lambda: lone.encode('raw_unicode_escape').decode('raw_unicode_escape') == lone)
for b in [b'+2AA-', b'+3IA-', b'+2ADcgA-', b'+2ABh-', b'+2AA', b'+2AAx', b'a+2AB-x', b'+2D3eAA-',
          b'+AGE-', b'+-', b'+\xff', b'a\x80b', b'+2AA+', b'+AAAA', b'+ZZZZ-']:
    t('utf7 %r' % b, lambda: b.decode('utf-7'))
    t('utf7 %r replace' % b, lambda: b.decode('utf-7', 'replace'))
t('utf7 enc', lambda: '\ud800x\udc80\U0001f600-'.encode('utf-7'))
t('utf7 round', lambda: lone.encode('utf-7').decode('utf-7') == lone)
dec = codecs.getincrementaldecoder('utf-7')()
print(ascii([dec.decode(bytes([c])) for c in b'a+2D3eAA-b']))

# charmap with surrogates.
t('charmap dec', lambda: codecs.charmap_decode(b'\x00\x01', 'strict', {0: 0xdc80, 1: '\ud800'}))
t('charmap dec table', lambda: codecs.charmap_decode(b'\x00', 'strict', '\udc80'))
t('charmap enc', lambda: codecs.charmap_encode('\udc80', 'strict', {0xdc80: 5}))
t('charmap enc missing', lambda: codecs.charmap_encode('a\udc80', 'strict', {97: 1}))
t('charmap build', lambda: sorted(codecs.charmap_build('\udc80a').items()))

# The handlers called directly.
se = codecs.lookup_error('surrogateescape')
sp = codecs.lookup_error('surrogatepass')
for exc in [UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'x'),
            UnicodeDecodeError('utf-8', b'a\x00\xfeb', 1, 3, 'x'),
            UnicodeDecodeError('utf-8', b'\xed\xa0\x80', 0, 1, 'x'),
            UnicodeDecodeError('utf-16-be', b'\xd8\x00', 0, 1, 'x'),
            UnicodeDecodeError('utf-16', b'\x00\xd8', 0, 1, 'x'),
            UnicodeDecodeError('UTF32BE', b'\x00\x00\xd8\x00', 0, 1, 'x'),
            UnicodeDecodeError('latin-1', b'\x00\xd8', 0, 1, 'x'),
            UnicodeDecodeError('utf-8', b'\xff\xff\xff\xff\xff\xff', 0, 6, 'x'),
            UnicodeEncodeError('utf-8', 'a\udc80\udcffb', 1, 3, 'x'),
            UnicodeEncodeError('utf-8', 'a\ud800\udcffb', 1, 3, 'x'),
            UnicodeEncodeError('utf-16-le', 'a\ud800\udcffb', 1, 3, 'x'),
            UnicodeEncodeError('utf_32_be', 'a\ud800b', 1, 2, 'x'),
            UnicodeEncodeError('ascii', 'a\ud800b', 1, 2, 'x'),
            UnicodeTranslateError('a\ud800', 1, 2, 'x')]:
    t('se %r' % exc, lambda: se(exc))
    t('sp %r' % exc, lambda: sp(exc))
for name in ['backslashreplace', 'xmlcharrefreplace', 'replace', 'namereplace']:
    h = codecs.lookup_error(name)
    t(name, lambda: h(UnicodeEncodeError('ascii', 'a\ud800\udfffb', 1, 3, 'x')))
print(str(UnicodeEncodeError('ascii', '\udc80', 0, 1, 'r')))
print(str(UnicodeTranslateError('\ud800', 0, 1, 'r')))

# A custom handler.
def handler(e):
    return ('[%x]' % ord(e.object[e.start]), e.start + 1)
codecs.register_error('test.surr', handler)
for enc in ['utf-8', 'utf-16-le', 'latin-1', 'cp1252']:
    t('custom ' + enc, lambda: 'a\udc80\ud800'.encode(enc, 'test.surr'))
def bad(e):
    return ('\xe9', e.end)
codecs.register_error('test.bad', bad)
t('custom nonascii utf8', lambda: 'a\udc80'.encode('utf-8', 'test.bad'))
t('custom nonascii utf16', lambda: 'a\udc80'.encode('utf-16-le', 'test.bad'))
def odd(e):
    return (b'\x01', e.end)
codecs.register_error('test.odd', odd)
t('custom odd utf16', lambda: 'a\udc80'.encode('utf-16-le', 'test.odd'))
t('custom odd utf32', lambda: 'a\udc80'.encode('utf-32', 'test.odd'))
t('custom odd utf8', lambda: 'a\udc80'.encode('utf-8', 'test.odd'))
t('codecs.encode', lambda: codecs.encode('\udc80', 'utf-8', 'surrogateescape'))
t('codecs.decode', lambda: codecs.decode(b'\x80', 'utf-8', 'surrogateescape'))
t('codecs.utf_8_encode', lambda: codecs.utf_8_encode('\ud800', 'surrogatepass'))
t('codecs.utf_16_encode', lambda: codecs.utf_16_encode('\ud800', 'surrogatepass', 1))
t('codecs.utf_8_decode', lambda: codecs.utf_8_decode(b'\xed\xa0\x80\xed', 'surrogatepass'))
t('codecs.utf_8_decode final', lambda: codecs.utf_8_decode(b'\xed\xa0\x80\xed', 'surrogatepass', True))
d = codecs.getincrementaldecoder('utf-8')('surrogateescape')
print(ascii([d.decode(b'\xe2'), d.decode(b'\x82'), d.decode(b'x', True)]))
e = codecs.getincrementalencoder('utf-16')('surrogatepass')
print(e.encode('\ud800'), e.encode('\udc80'))

# A handler that rewinds, then gives up with an unencodable replacement.
class Rewind:
    def __init__(self, repl):
        self.repl, self.count = repl, 3
    def __call__(self, e):
        if self.count:
            self.count -= 1
            return (self.repl, 0)
        return (self.repl, e.end)
for repl in ['x', '\udcff']:
    for enc in ['ascii', 'latin-1', 'utf-8', 'utf-16', 'utf-32', 'iso-8859-15']:
        codecs.register_error('test.rewind', Rewind(repl))
        try:
            r = 'ab\udc80'.encode(enc, 'test.rewind')
            print(enc, ascii(r.decode(enc)))
        except UnicodeEncodeError as e:
            print(enc, type(e).__name__, e.start, e.end, ascii(e.object))
# The handlers check the exception's object.
class BadObj(UnicodeEncodeError):
    def __init__(self):
        UnicodeEncodeError.__init__(self, 'ascii', '', 0, 1, 'bad')
        self.object = []
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
             'surrogateescape', 'surrogatepass']:
    t('bad object ' + name, lambda: codecs.lookup_error(name)(BadObj()))
t('clamped', lambda: codecs.replace_errors(UnicodeEncodeError('ascii', 'abc', -5, 10, 'x')))
t('decode bytearray', lambda: codecs.replace_errors(UnicodeDecodeError('ascii', bytearray(b'\xff'), 0, 1, 'x')))
