# BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair.
import io, os

BASE = '/tmp/adder_io_test_io_buffered'

def cleanup():
    try:
        os.remove(BASE)
    except OSError:
        pass

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

# Reader over BytesIO with a tiny buffer.
raw = io.BytesIO(b'0123456789' * 3)
b = io.BufferedReader(raw, 4)
print(b.peek(), b.read1(), b.read(3), b.peek(1), b.tell())
print(b.seek(2, 1), b.read(2), b.read1(-2), b.tell(), raw.tell())
print(b.seek(0), b.read(11), b.tell(), b.readline(), b.read(), b.read(), b.read1(5))
print(b.seek(-4, 2), b.read(), b.seek(3), b.readline(4), b.tell())
t('seek float', lambda: b.seek(0.5))
t('seek whence', lambda: b.seek(0, 7))
t('read -2', lambda: b.read(-2))
t('readline float', lambda: b.readline(1.5))
t('write', lambda: b.write(b'x'))
t('truncate', lambda: b.truncate())
ba = bytearray(5)
print(b.seek(0), b.readinto(ba), ba, b.readinto1(ba), ba)
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.raw is raw, b.closed)
print(repr(b), b.flush())
r = b.detach()
print(r is raw, b.raw)
for name in ['read', 'peek', 'tell', 'readable', 'closed', 'name']:
    t('detached ' + name, lambda name=name: getattr(b, name)() if name not in ('closed', 'name') else getattr(b, name))
print(repr(b))

lines = io.BufferedReader(io.BytesIO(b'a\nbb\nccc\n\nlast'), 3)
print(lines.readlines(), lines.read())
lines = io.BufferedReader(io.BytesIO(b'a\nbb\nccc\n'))
print(list(lines), lines.readline())

# Writer over BytesIO.
raw = io.BytesIO()
w = io.BufferedWriter(raw, 4)
print(w.write(b'ab'), raw.getvalue(), w.write(b'cde'), raw.getvalue())
print(w.write(b'0123456789'), raw.getvalue(), w.tell())
print(w.write(bytearray(b'zz')), w.flush(), raw.getvalue())
print(w.seek(1), w.write(b'X'), w.tell(), w.flush(), raw.getvalue())
print(w.truncate(3), raw.getvalue(), w.tell())
t('write str', lambda: w.write('x'))
t('read', lambda: w.read())
t('peek', lambda: w.peek())
print(w.readable(), w.writable(), repr(w))
w.close()
t('closed write', lambda: w.write(b'x'))
t('closed flush', lambda: w.flush())
print(w.closed)

# Random: reading and writing interleaved.
raw = io.BytesIO(b'abcdefgh')
r = io.BufferedRandom(raw, 3)
print(r.read(2), r.write(b'XY'), r.tell(), r.read(1), r.seek(0), r.read())
print(raw.getvalue(), r.seek(1), r.write(b'-'), r.seek(0, 1), r.read(2), r.peek()[:1])
r.flush()
print(raw.getvalue())

# A real file.
cleanup()
with open(BASE, 'wb') as f:
    print(type(f).__name__, repr(f).replace(BASE, 'BASE'), f.raw.mode, f.mode, f.name == BASE)
    print(f.write(b'line one\nline two\n'), f.tell())
    f.write(b'x' * 10000)
    print(f.tell(), f.seekable())
with open(BASE, 'rb') as f:
    print(type(f).__name__, f.readline(), f.peek()[:4], f.read1(5), f.tell())
    print(len(f.read()), f.read(), f.tell())
    print(f.seek(-5, 2), f.read(), f.seek(3), f.read(5))
with open(BASE, 'r+b') as f:
    print(type(f).__name__, f.read(4), f.write(b'ONE'), f.tell(), f.seek(0), f.read(9))
    print(f.truncate(9), f.seek(0, 2))
with open(BASE, 'ab') as f:
    print(f.tell(), f.write(b'!'), f.tell())
with open(BASE, 'rb', buffering=0) as f:
    print(type(f).__name__, f.read())
with open(BASE, 'rb', buffering=3) as f:
    print(f.peek(), f.read(5))

# Pairs.
p = io.BufferedRWPair(io.BytesIO(b'abc'), io.BytesIO())
print(p.read(1), p.write(b'z'), p.peek(), p.readable(), p.writable(), p.closed, p.seekable())
t('pair seek', lambda: p.seek(0))
t('pair tell', lambda: p.tell())
t('pair fileno', lambda: p.fileno())
print(p.isatty(), p.flush(), p.read(), p.close(), p.closed)
t('pair kw', lambda: io.BufferedRWPair(io.BytesIO(), io.BytesIO(), buffer_size=3))

# Construction errors.
t('size 0', lambda: io.BufferedReader(io.BytesIO(), 0))
t('size neg', lambda: io.BufferedWriter(io.BytesIO(), -1))
t('random size', lambda: io.BufferedRandom(io.BytesIO(), 0))
t('not raw', lambda: io.BufferedReader(1))
t('kw', lambda: io.BufferedReader(io.BytesIO(), foo=1))
t('uninit', lambda: io.BufferedReader.__new__(io.BufferedReader).read())

class NotReadable(io.RawIOBase):
    def readable(self):
        return False
t('not readable', lambda: io.BufferedReader(NotReadable()))
t('not writable', lambda: io.BufferedWriter(NotReadable()))
t('not seekable', lambda: io.BufferedRandom(NotReadable()))

# Python raw streams.
class Chunks(io.RawIOBase):
    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.calls = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        if not self.chunks:
            return 0
        c = self.chunks.pop(0)
        if c is None:
            return None
        b[:len(c)] = c
        return len(c)
c = Chunks([b'ab', b'cd\n', b'ef'])
br = io.BufferedReader(c)
print(br.readline(), br.read(), c.calls)
c = Chunks([b'ab', None, b'cd'])
br = io.BufferedReader(c)
print(br.read(5), br.read(5), br.read(5))
class Lying(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        return -1
t('lying readinto', lambda: io.BufferedReader(Lying()).read(2))

class Sink(io.RawIOBase):
    def __init__(self, limit=None):
        self.data = b''
        self.limit = limit
    def writable(self):
        return True
    def write(self, b):
        b = bytes(b)
        if self.limit is not None:
            b = b[:self.limit]
        self.data += b
        return len(b)
s = Sink()
bw = io.BufferedWriter(s, 4)
print(bw.write(b'ab'), s.data, bw.write(b'cdefgh'), s.data, bw.flush(), s.data)
s = Sink(limit=1)
bw = io.BufferedWriter(s, 4)
print(bw.write(b'abcdefgh'), bw.flush(), s.data)
class Liar(io.RawIOBase):
    def writable(self):
        return True
    def write(self, b):
        return 99
bw = io.BufferedWriter(Liar())
print(bw.write(b'ab'))
t('liar flush', lambda: bw.flush())
class Blocked(io.RawIOBase):
    def writable(self):
        return True
    def write(self, b):
        return None
bw = io.BufferedWriter(Blocked())
print(bw.write(b'ab'))
try:
    bw.flush()
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e.characters_written)

class Sub(io.BufferedReader):
    pass
s = Sub(io.BytesIO(b'sub'))
print(repr(s), s.read(), isinstance(s, io.BufferedReader))
cleanup()
