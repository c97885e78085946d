# The abstract bases and their default methods, through Python subclasses.
import io

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

print([c.__name__ for c in io.FileIO.__mro__])
print([c.__name__ for c in io.BytesIO.__mro__])
print([c.__name__ for c in io.TextIOWrapper.__mro__])
print([c.__name__ for c in io.RawIOBase.__mro__])
print(io.UnsupportedOperation.__mro__[1:3], io.UnsupportedOperation.__module__)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.BlockingIOError is BlockingIOError, io.DEFAULT_BUFFER_SIZE)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedReader, io.BufferedIOBase))

base = io.IOBase()
print(base.seekable(), base.readable(), base.writable(), base.closed, base.isatty())
t('seek', lambda: base.seek(0))
t('tell', lambda: base.tell())
t('truncate', lambda: base.truncate())
t('fileno', lambda: base.fileno())
t('read', lambda: base.read())
t('checkSeekable', lambda: base._checkSeekable())
t('checkReadable', lambda: base._checkReadable())
t('checkWritable', lambda: base._checkWritable())
print(base.flush(), base._checkClosed(), base.close(), base.closed, base.close())
t('flush closed', lambda: base.flush())
t('enter closed', lambda: base.__enter__())
t('iter closed', lambda: iter(base))
t('isatty closed', lambda: base.isatty())
t('checkClosed', lambda: base._checkClosed())
t('readlines closed', lambda: base.readlines())
t('writelines closed', lambda: base.writelines([]))

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.log = []
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 4, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        self.log.append(len(b))
        return n
r = Raw(b'abcdef\nghij\nklm')
print(r.read(2), r.read(10), r.log)
print(r.readline(), r.readall(), r.read(), r.read(0))
r = Raw(b'one\ntwo\nthree\n')
print(r.readlines(), r.closed)
r = Raw(b'one\ntwo\nthree\n')
print(list(r), r.readlines(5))
r = Raw(b'one\ntwo\nthree\n')
print(r.readlines(5), r.readline(2), r.readline(-1))
with Raw(b'x') as r:
    print(r.closed, r.read())
print(r.closed)
t('read closed', lambda: list(r))

class Peeky(io.RawIOBase):
    def __init__(self):
        self.data = b'peek line\nnext'
    def readable(self):
        return True
    def peek(self, n):
        return self.data[:5]
    def read(self, n=-1):
        n = len(self.data) if n < 0 else n
        out, self.data = self.data[:n], self.data[n:]
        return out
p = Peeky()
print(p.readline(), p.readline())
class BadRead(io.RawIOBase):
    def read(self, n=-1):
        return 'text'
t('bad read', lambda: BadRead().readline())
class BadPeek(io.RawIOBase):
    def peek(self, n):
        return 5
t('bad peek', lambda: BadPeek().readline())
class NoneRead(io.RawIOBase):
    def readinto(self, b):
        return None
print(NoneRead().read(3), NoneRead().readall())
t('raw readinto', lambda: io.RawIOBase().readinto(bytearray(1)))
t('raw write', lambda: io.RawIOBase().write(b''))

class Buf(io.BufferedIOBase):
    def __init__(self):
        self.data = b'buffered data'
    def read(self, n=-1):
        n = len(self.data) if n is None or n < 0 else n
        out, self.data = self.data[:n], self.data[n:]
        return out
    read1 = read
b = Buf()
ba = bytearray(4)
print(b.readinto(ba), ba, b.readinto1(ba), ba, b.readline())
t('detach', lambda: io.BufferedIOBase().detach())
t('bufio read', lambda: io.BufferedIOBase().read())
t('bufio read1', lambda: io.BufferedIOBase().read1())
t('bufio write', lambda: io.BufferedIOBase().write(b''))
class TooMuch(io.BufferedIOBase):
    def read(self, n=-1):
        return b'x' * (n + 2)
t('too much', lambda: TooMuch().readinto(bytearray(2)))
class NotBytes(io.BufferedIOBase):
    def read(self, n=-1):
        return 'x'
t('not bytes', lambda: NotBytes().readinto(bytearray(2)))

tb = io.TextIOBase()
print(tb.encoding, tb.newlines, tb.errors)
t('text read', lambda: tb.read())
t('text readline', lambda: tb.readline())
t('text write', lambda: tb.write(''))
t('text detach', lambda: tb.detach())

class Collect(io.TextIOBase):
    def __init__(self):
        self.parts = []
    def writable(self):
        return True
    def write(self, s):
        self.parts.append(s)
        return len(s)
c = Collect()
print('a', 'b', sep='|', end='!\n', file=c)
c.writelines(['x', 'y'])
print(c.parts)

class Closer(io.IOBase):
    def flush(self):
        print('flushing', self.closed)
        raise ValueError('flush failed')
c = Closer()
t('close with failing flush', lambda: c.close())
print(c.closed)

# ABC registration through the io module's classes
f = open('/usr/lib/python3.11/this.py')
print(isinstance(f, io.IOBase), isinstance(f, io.TextIOBase), isinstance(f.buffer, io.BufferedIOBase),
      isinstance(f.buffer.raw, io.RawIOBase), isinstance(f, io.RawIOBase))
print(issubclass(io.FileIO, io.IOBase), issubclass(io.StringIO, io.BufferedIOBase))
try:
    f.no_such_attribute
except AttributeError as e:
    print(e)
f.close()
