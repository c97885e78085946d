# StringIO: the in-memory text stream, its newline modes and positions.
import io

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

s = io.StringIO('héllo\nwörld\nlast')
print(s.read(3), s.tell(), s.readline(), s.readline(2), s.readline(), s.readline(), s.tell())
print(s.seek(0), s.readlines(), s.seek(0), list(s), s.seek(0), s.readlines(8))
print(s.seek(2), s.write('XY'), s.getvalue(), s.tell(), s.read(2))
print(s.seek(25), s.write('!'), repr(s.getvalue()), s.seek(0, 2), s.seek(0, 1))
print(s.truncate(5), s.getvalue(), s.tell(), s.seek(1), s.truncate(), s.getvalue())
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.flush(), s.line_buffering)
print(s.write(''), s.writelines(['a', 'b']), s.getvalue())

# accumulating writes, then reads
w = io.StringIO()
for i in range(5):
    w.write('line %d\n' % i)
print(repr(w.getvalue()), w.tell(), w.read(), w.seek(0), w.readline(), w.read(3))

# newline modes
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO(newline=nl)
    s.write('a\nb\r\nc\rd')
    print(repr(nl), repr(s.getvalue()), s.seek(0), s.readlines(), s.newlines)
    s = io.StringIO('x\ry\r\nz\n', newline=nl)
    print(repr(nl), repr(s.read()), s.seek(0), s.readlines(), s.newlines)
s = io.StringIO(newline=None)
s.write('a\r')
s.write('\nb')
print(repr(s.getvalue()), s.newlines)

# arguments and errors
t('write bytes', lambda: io.StringIO().write(b'x'))
t('write int', lambda: io.StringIO().write(5))
t('init int', lambda: io.StringIO(1))
t('init bytes', lambda: io.StringIO(b'x'))
t('newline bad', lambda: io.StringIO('x', 'y'))
t('newline int', lambda: io.StringIO('x', 3))
t('newline kw', lambda: io.StringIO(newline='\r').getvalue())
t('too many', lambda: io.StringIO('a', None, 3))
s = io.StringIO('abc')
t('read str', lambda: s.read('x'))
t('readline float', lambda: s.readline(1.5))
t('seek neg', lambda: s.seek(-1))
t('seek cur', lambda: s.seek(1, 1))
t('seek end', lambda: s.seek(1, 2))
t('seek whence', lambda: s.seek(0, 3))
t('seek float', lambda: s.seek(1.5))
t('seek big', lambda: s.seek(2**70))
t('truncate neg', lambda: s.truncate(-1))
t('truncate str', lambda: s.truncate('a'))
t('fileno', lambda: s.fileno())
t('detach', lambda: s.detach())
t('uninit', lambda: io.StringIO.__new__(io.StringIO).read())

# state
s = io.StringIO('one\ntwo', newline='\r\n')
s.read(2)
st = s.__getstate__()
print(st)
s2 = io.StringIO()
s2.__setstate__(st)
print(repr(s2.getvalue()), s2.tell(), repr(s2.read()))
t('setstate int', lambda: s2.__setstate__(1))
t('setstate short', lambda: s2.__setstate__(('a', None, 0)))

# closed
s = io.StringIO('abc')
with s:
    print(s.closed)
print(s.closed)
for name in ['read', 'readline', 'readlines', 'write', 'getvalue', 'seek', 'tell', 'truncate',
             'readable', 'writable', 'seekable', 'isatty', '__next__', '__iter__', '__enter__',
             'writelines']:
    def call(name=name):
        m = getattr(s, name)
        if name == 'write':
            return m('')
        if name == 'seek':
            return m(0)
        if name == 'writelines':
            return m([])
        return m()
    t('closed ' + name, call)
t('closed newlines', lambda: s.newlines)
t('closed line_buffering', lambda: s.line_buffering)
print(s.flush(), s.close())

# subclasses
class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())
u = Upper()
print(u.write('abc'), u.getvalue(), isinstance(u, io.TextIOBase))
print('x', 'y', sep='-', file=u)
print(repr(u.getvalue()))
class Lines(io.StringIO):
    def readline(self, size=-1):
        line = super().readline(size)
        return line.strip() + '|' if line else line
print(list(Lines('a\nb\n')))
class Bad(io.StringIO):
    def readline(self, size=-1):
        return 5
t('bad readline', lambda: next(Bad('a')))
