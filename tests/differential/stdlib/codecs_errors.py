# The standard error handlers called directly, as codecs.py exposes them.
import codecs

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

enc = UnicodeEncodeError('ascii', 'aé€\U0001f600b', 1, 4, 'ordinal not in range(128)')
dec = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'invalid start byte')
tr = UnicodeTranslateError('aé€b', 1, 3, 'nope')
print(enc.encoding, enc.object, enc.start, enc.end, enc.reason, str(enc))
print(dec.encoding, dec.object, dec.start, dec.end, dec.reason, str(dec))
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
             'surrogatepass']:
    h = codecs.lookup_error(name)
    for exc in (enc, dec, tr, ValueError('x')):
        t('%s %s' % (name, type(exc).__name__), lambda: h(exc))
for exc in (enc, tr, ValueError('x')):
    t('surrogateescape %s' % type(exc).__name__, lambda: codecs.surrogateescape(exc))
t('strict non-exception', lambda: codecs.strict_errors(5))
t('no args', lambda: codecs.replace_errors())
t('two args', lambda: codecs.replace_errors(enc, enc))
print(codecs.ignore_errors is codecs.lookup_error('ignore'))

# the handlers through the codecs
s = 'x\xe9\u20acy'
for name in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(name, s.encode('ascii', name), s.encode('latin-1', name), s.encode('cp437', name))
print(b'x\xe9\x80y'.decode('utf-8', 'backslashreplace'), b'x\xe9\x80y'.decode('ascii', 'replace'))

# a handler that looks at the exception and skips ahead
def skip2(exc):
    print('  handler sees', type(exc).__name__, exc.start, exc.end, repr(exc.object[exc.start:exc.end]))
    return ('[%s]' % exc.reason[:7], exc.end + 1)
codecs.register_error('skip2', skip2)
print('ab\u20accd\u20ace'.encode('ascii', 'skip2'))
print(b'ab\xffcd\xfeef'.decode('utf-8', 'skip2'))
print(b'ab\xffcd'.decode('cp1252', 'skip2') if False else b'ab\x81cd'.decode('cp1252', 'skip2'))
