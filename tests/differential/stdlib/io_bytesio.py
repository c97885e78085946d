# BytesIO: the in-memory binary stream.
import io

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

b = io.BytesIO(b'hello\nworld\nlast')
print(b.read(3), b.tell(), b.read1(2), b.readline(), b.readline(2), b.readline())
print(b.readline(), b.read(), b.read(), b.tell())
print(b.seek(0), b.readlines(), b.seek(0), b.readlines(7), b.seek(0), b.readlines(0))
print(b.seek(0), list(b), b.seek(6), next(b))
print(b.seek(2), b.write(b'XY'), b.getvalue(), b.tell())
print(b.seek(20), b.write(b'!'), b.getvalue(), b.seek(0, 2), b.seek(-3, 2), b.read())
print(b.seek(-100, 1), b.tell(), b.truncate(5), b.getvalue(), b.tell())
print(b.seek(10), b.truncate(), b.getvalue(), b.truncate(2), b.getvalue(), b.tell())
ba = bytearray(3)
print(b.seek(0), b.readinto(ba), ba, b.readinto(ba), ba)
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())
print(b.write(bytearray(b'ba')), b.writelines([b'1', bytearray(b'2')]), b.getvalue())
print(b.write(b''), b.getvalue())

# arguments and errors
t('read str', lambda: b.read('x'))
t('read float', lambda: b.read(1.5))
t('read kw', lambda: b.read(size=1))
t('read many', lambda: b.read(1, 2))
t('seek none', lambda: b.seek())
t('seek neg', lambda: b.seek(-1))
t('seek whence', lambda: b.seek(0, 3))
t('seek float', lambda: b.seek(1.5))
t('truncate neg', lambda: b.truncate(-1))
t('truncate str', lambda: b.truncate('a'))
t('readlines str', lambda: b.readlines('x'))
t('readlines float', lambda: b.readlines(1.5))
t('write str', lambda: b.write('abc'))
t('writelines str', lambda: b.writelines(['abc']))
t('readinto bytes', lambda: b.readinto(b'xx'))
t('init str', lambda: io.BytesIO('abc'))
t('init many', lambda: io.BytesIO(b'a', b'b'))
t('init kw', lambda: io.BytesIO(foo=1))
t('init both', lambda: io.BytesIO(initial_bytes=b'x', x=1))
print(io.BytesIO(initial_bytes=b'kw').getvalue(), io.BytesIO(None).getvalue(), io.BytesIO(bytearray(b'ba')).read())

# state
b = io.BytesIO(b'abc')
b.read(1)
print(b.__getstate__())
b.__setstate__((b'xyz', 2, None))
print(b.getvalue(), b.tell(), b.read())
b.__setstate__((b'xyz', 1, {'attr': 5}))
print(b.attr, b.read())
t('setstate short', lambda: b.__setstate__((b'x', 1)))
t('setstate str', lambda: b.__setstate__(('x', 1, None)))
t('setstate pos', lambda: b.__setstate__((b'x', 'a', None)))
t('setstate neg', lambda: b.__setstate__((b'x', -1, None)))
t('setstate dict', lambda: b.__setstate__((b'x', 1, 5)))

# closed
b = io.BytesIO(b'abc')
with b:
    print(b.closed)
print(b.closed)
for name in ['read', 'read1', 'readline', 'readlines', 'write', 'getvalue', 'seek', 'tell',
             'truncate', 'readable', 'writable', 'seekable', 'isatty', 'flush', '__next__',
             'readinto', 'writelines', '__enter__']:
    def call(name=name):
        m = getattr(b, name)
        if name == 'write':
            return m(b'')
        if name == 'seek':
            return m(0)
        if name == 'readinto':
            return m(bytearray(1))
        if name == 'writelines':
            return m([])
        return m()
    t('closed ' + name, call)
print(iter(b) is b, b.close())

# uninitialised and subclassed
u = io.BytesIO.__new__(io.BytesIO)
print(u.read(), u.getvalue())

class Loud(io.BytesIO):
    def write(self, data):
        return super().write(data.upper())
l = Loud(b'start ')
l.seek(0, 2)
print(l.write(b'end'), l.getvalue(), isinstance(l, io.BufferedIOBase), type(l).__mro__[1])
l.note = 'x'
print(l.note, l.__getstate__()[2])

# getbuffer(): a view sharing the contents; no resizing while it exists
m = io.BytesIO(b'1234567890')
buf = m.getbuffer()
print(bytes(buf), len(buf), m.seek(5), bytes(m.getbuffer()))
for name, call in [('write', lambda: m.write(b'x' * 100)), ('truncate', lambda: m.truncate()),
                   ('close', lambda: m.close()), ('writelines', lambda: m.writelines([b'x']))]:
    t('exported ' + name, call)
print(m.closed)
buf[3:6] = b'abc'
print(bytes(buf), m.getvalue())
del buf
print(m.truncate(), m.write(b'!'), m.getvalue())
m.close()
t('closed getbuffer', lambda: m.getbuffer())

# array.array as a buffer
import array
a = array.array('i', [1, 2, 3])
m = io.BytesIO(a)
print(m.getvalue(), m.write(array.array('b', [65, 66])), m.getvalue())
dst = array.array('b', [0] * 4)
m.seek(0)
print(m.readinto(dst), dst)
wide = array.array('h', [0, 0, 0])
m.seek(0)
print(m.readinto(wide), wide)
