# FileIO: the raw layer over a file descriptor.
import io, os

BASE = '/tmp/adder_io_test_io_fileio'

def cleanup():
    for suffix in ('', '.x', '.dir'):
        p = BASE + suffix
        try:
            os.rmdir(p) if suffix == '.dir' else os.remove(p)
        except OSError:
            pass

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

cleanup()
f = io.FileIO(BASE, 'w')
print(f.mode, f.closefd, f.name == BASE, f.readable(), f.writable(), f.seekable())
print(f.write(b'hello\nworld\n'), f.tell())
t('read on w', lambda: f.read())
t('write str', lambda: f.write('abc'))
t('write int', lambda: f.write(5))
print(f.fileno() > 2, f.isatty())
f.close()
print(f.closed, repr(f))
for name in ['read', 'readall', 'write', 'seek', 'tell', 'truncate', 'fileno', 'isatty',
             'seekable', 'readable', 'writable', 'readline', 'readlines', '__enter__']:
    def call(name=name):
        m = getattr(f, name)
        if name == 'write':
            return m(b'x')
        if name == 'seek':
            return m(0)
        return m()
    t('closed ' + name, call)
f.close()  # closing twice is fine

f = io.FileIO(BASE)
print(f.mode, f.read(3), f.read(), f.read(), f.tell())
print(f.seek(0), f.readall(), f.seek(-3, 2), f.read(), f.seek(2), f.seek(3, 1))
b = bytearray(4)
print(f.seek(0), f.readinto(b), b)
t('readinto bytes', lambda: f.readinto(b'abcd'))
t('seek float', lambda: f.seek(1.5))
t('seek str', lambda: f.seek('a'))
t('seek negative', lambda: f.seek(-5))
t('seek whence', lambda: f.seek(0, 5))
t('read float', lambda: f.read(1.5))
t('truncate on r', lambda: f.truncate())
print(f.readline(), f.readlines())
f.seek(0)
print(list(f))
f.close()

with io.FileIO(BASE, 'r+') as f:
    print(f.mode, f.read(5), f.write(b'!'), f.tell())
    print(f.truncate(4), f.tell(), f.seek(0, 2))
    f.seek(0)
    print(f.read())
    print(f.truncate(), f.seek(0), f.read())
print(f.closed)

with io.FileIO(BASE, 'a') as f:
    print(f.mode, f.tell(), f.write(b'++'), f.tell())
    t('read on a', lambda: f.read())
with io.FileIO(BASE, 'rb') as f:
    print(f.read())
with io.FileIO(BASE, 'w+') as f:
    print(f.mode, f.read(), f.write(b'xyz'), f.seek(0), f.read())
with io.FileIO(BASE, 'ab+') as f:
    print(f.mode, f.read())
t('exclusive exists', lambda: io.FileIO(BASE, 'x'))
with io.FileIO(BASE + '.x', 'x') as f:
    print(f.mode, f.write(b'new'))
with io.FileIO(BASE + '.x', 'xb+' if False else 'r') as f:
    print(f.read())

# modes and arguments
for mode in ['rw', 'rt', '', 'r++', 'ra', 'q', 'bb']:
    t('mode %r' % mode, lambda: io.FileIO(BASE, mode))
t('mode int', lambda: io.FileIO(BASE, 3))
t('float name', lambda: io.FileIO(3.0))
t('None name', lambda: io.FileIO(None))
t('negative fd', lambda: io.FileIO(-1))
t('closefd name', lambda: io.FileIO(BASE, closefd=False))
t('missing', lambda: io.FileIO('/nonexistent/dir/file'))
t('missing bytes', lambda: io.FileIO(b'/nonexistent/dir/file'))
t('nul', lambda: io.FileIO('a\0b'))
os.mkdir(BASE + '.dir')
t('directory', lambda: io.FileIO(BASE + '.dir'))
t('directory w', lambda: io.FileIO(BASE + '.dir', 'w'))
t('kw', lambda: io.FileIO(BASE, foo=1))
t('too many', lambda: io.FileIO(BASE, 'r', True, None, 5))

# opener
calls = []
def opener(path, flags):
    calls.append((path == BASE, flags & 3))
    return os.open(path, flags)
with io.FileIO(BASE, 'r', opener=opener) as f:
    print(f.read(), calls)
t('opener str', lambda: io.FileIO(BASE, opener=lambda p, fl: 'x'))
t('opener negative', lambda: io.FileIO(BASE, opener=lambda p, fl: -7))

# descriptors
fd = os.open(BASE, os.O_RDONLY)
f = io.FileIO(fd, closefd=False)
print(repr(f).replace(str(fd), 'FD'), f.name == fd, f.read(2))
f.close()
print(os.read(fd, 2))
f = io.FileIO(fd)
f.close()
t('fd closed', lambda: os.read(fd, 1))
f = io.FileIO(1, 'w', closefd=False)
print(repr(f))
f.name = 'renamed'
print(repr(f))
del f.name
print(repr(f))

class MyFile(io.FileIO):
    pass
with MyFile(BASE) as m:
    print(repr(m).replace(BASE, 'BASE'), m.read(1), isinstance(m, io.FileIO))
    m.extra = 5
    print(m.extra)

cleanup()
