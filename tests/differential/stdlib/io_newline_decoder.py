# IncrementalNewlineDecoder: universal newlines over an optional decoder.
import io, codecs

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for translate in (True, False):
    d = io.IncrementalNewlineDecoder(None, translate)
    out = [d.decode(s) for s in ['a\r', '\nb\r', 'c\n', 'd\r']] + [d.decode('', final=True)]
    print(translate, out, d.newlines, d.getstate())
    d.reset()
    print(d.newlines, d.getstate(), repr(d.decode('x\r')), d.getstate())
    d.setstate((b'', 0))
    print(repr(d.decode('\n')), d.newlines)

utf8 = codecs.getincrementaldecoder('utf-8')()
d = io.IncrementalNewlineDecoder(utf8, translate=True)
print(repr(d.decode(b'\xc3')), d.getstate(), repr(d.decode(b'\xa9\r')), d.getstate())
print(repr(d.decode(b'\r\n', final=True)), d.newlines)
d.setstate((b'\xe2\x82', 3))
print(d.getstate(), repr(d.decode(b'\xac')), repr(d.decode(b'', True)))

d = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder('utf-16')(), False)
data = 'a\r\nb\rc'.encode('utf-16')
print([d.decode(data[i:i + 1]) for i in range(len(data))], d.newlines)

t('no args', lambda: io.IncrementalNewlineDecoder())
t('bytes without decoder', lambda: io.IncrementalNewlineDecoder(None, True).decode(b'x'))
t('uninit', lambda: io.IncrementalNewlineDecoder.__new__(io.IncrementalNewlineDecoder).decode('x'))
t('setstate int', lambda: io.IncrementalNewlineDecoder(None, True).setstate(5))
class BadDecoder:
    def decode(self, b, final=False):
        return 42
t('bad decoder', lambda: io.IncrementalNewlineDecoder(BadDecoder(), True).decode(b'x'))
class StateDecoder:
    def decode(self, b, final=False):
        return b.decode()
    def getstate(self):
        return (b'pending', 5)
    def setstate(self, st):
        print('  setstate', st)
    def reset(self):
        print('  reset')
d = io.IncrementalNewlineDecoder(StateDecoder(), True)
print(d.decode(b'ab\r'), d.getstate())
d.setstate((b'zz', 7))
d.reset()
