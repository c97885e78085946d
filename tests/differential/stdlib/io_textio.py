# TextIOWrapper over in-memory buffers: codecs, newlines, tell/seek cookies.
import io

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

data = 'héllo\nwörld\n€uro\nlast'.encode('utf-8')
w = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8')
print(w.encoding, w.errors, w.line_buffering, w.write_through, w.newlines, repr(w))
print(w.read(2), w.tell(), w.read(1), w.tell(), w.readline(), w.tell())
print(w.seek(0), w.readline(), w.tell(), w.read(3), w.tell(), w.readline(), w.tell())
pos = w.tell()
rest = w.read()
print(repr(rest), w.seek(pos), w.read() == rest, w.tell())
print(w.seek(0), next(w))
t('tell in iteration', lambda: w.tell())
print(list(w), w.tell())
print(w.seek(0, 1) > 0, w.seek(0, 2), w.read(), w.newlines)
t('seek cur', lambda: w.seek(3, 1))
t('seek end', lambda: w.seek(3, 2))
t('seek neg', lambda: w.seek(-1))
t('seek whence', lambda: w.seek(0, 5))
t('seek float', lambda: w.seek(1.5))
t('seek str', lambda: w.seek('a'))
t('seek huge', lambda: w.seek(2**200))
print(w.seek(0), w.read(4), w.readlines())

# tell/seek round trips for several codecs
for enc in ['utf-8', 'latin-1', 'utf-16', 'utf-16-le', 'utf-32', 'cp1252', 'ascii']:
    text = 'ab\ncd\xe9f\ngh\n' if enc != 'ascii' else 'ab\ncd\nef\n'
    b = io.BytesIO()
    w = io.TextIOWrapper(b, encoding=enc)
    print(enc, w.write(text), w.tell())
    w.flush()
    raw = b.getvalue()
    print(enc, raw)
    w.seek(0)
    cookies = []
    while True:
        c = w.tell()
        ch = w.read(1)
        if not ch:
            break
        cookies.append((c, ch))
    print(enc, cookies)
    for c, ch in cookies[::3]:
        w.seek(c)
        print(enc, c, repr(w.read(2)))

# newline handling on read
src = b'a\r\nb\rc\nd'
for nl in [None, '', '\n', '\r', '\r\n']:
    w = io.TextIOWrapper(io.BytesIO(src), newline=nl)
    print(repr(nl), w.readlines(), w.newlines)
    w = io.TextIOWrapper(io.BytesIO(src), newline=nl)
    print(repr(nl), repr(w.read()), w.newlines)
w = io.TextIOWrapper(io.BytesIO(b'x\r'), newline=None)
print(repr(w.read(1)), repr(w.read(1)), repr(w.read()))

# newline handling on write
for nl in [None, '', '\n', '\r', '\r\n']:
    b = io.BytesIO()
    w = io.TextIOWrapper(b, newline=nl)
    w.write('a\nb\r\nc\r')
    w.flush()
    print(repr(nl), b.getvalue())

# buffering and flushing
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding='ascii')
w.write('abc')
print(b.getvalue(), end=' ')
w.flush()
print(b.getvalue())
w = io.TextIOWrapper(io.BytesIO(), line_buffering=True)
w.write('no newline')
print(w.buffer.getvalue(), end=' ')
w.write(' now\n')
print(w.buffer.getvalue())
w = io.TextIOWrapper(io.BytesIO(), write_through=True)
w.write('through')
print(w.buffer.getvalue(), w.write_through)
w = io.TextIOWrapper(io.BytesIO())
w._CHUNK_SIZE = 4
w.write('abcdef')
print(w.buffer.getvalue(), w._CHUNK_SIZE)
def setcs(v):
    w._CHUNK_SIZE = v
t('chunk 0', lambda: setcs(0))
t('chunk str', lambda: setcs('a'))

# encoding errors
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding='ascii')
t('ascii encode', lambda: w.write('\xe9'))
w = io.TextIOWrapper(io.BytesIO(), encoding='ascii', errors='xmlcharrefreplace')
w.write('caf\xe9 \u20ac')
w.flush()
print(w.buffer.getvalue())
w = io.TextIOWrapper(io.BytesIO(), encoding='latin-1', errors='backslashreplace')
w.write('\u20ac\xe9')
w.flush()
print(w.buffer.getvalue())
w = io.TextIOWrapper(io.BytesIO(b'abc\xffdef'), encoding='utf-8')
t('utf8 decode', lambda: w.read())
w = io.TextIOWrapper(io.BytesIO(b'abc\xffdef\xfe'), encoding='utf-8', errors='replace')
print(repr(w.read()))
w = io.TextIOWrapper(io.BytesIO(b'abc\xffdef'), encoding='ascii', errors='ignore')
print(repr(w.read()))

# multi-byte characters split across chunks
w = io.TextIOWrapper(io.BytesIO((('é' * 50 + '\n') * 3).encode()), encoding='utf-8')
w._CHUNK_SIZE = 3
print([len(l) for l in w.readlines()])
w.seek(0)
print(w.read(51) == 'é' * 50 + '\n', w.tell())

# arguments
t('errors int', lambda: io.TextIOWrapper(io.BytesIO(), errors=5))
t('encoding int', lambda: io.TextIOWrapper(io.BytesIO(), encoding=5))
t('newline bad', lambda: io.TextIOWrapper(io.BytesIO(), newline='x'))
t('newline int', lambda: io.TextIOWrapper(io.BytesIO(), newline=5))
t('nul encoding', lambda: io.TextIOWrapper(io.BytesIO(), encoding='a\0b'))
t('unknown encoding', lambda: io.TextIOWrapper(io.BytesIO(), encoding='nonexistent'))
t('not text', lambda: io.TextIOWrapper(io.BytesIO(), encoding='hex'))
t('too many', lambda: io.TextIOWrapper(io.BytesIO(), 'utf-8', 'strict', '\n', False, False, 3))
t('missing', lambda: io.TextIOWrapper())
t('locale', lambda: io.TextIOWrapper(io.BytesIO(), encoding='locale').encoding)
t('write bytes', lambda: io.TextIOWrapper(io.BytesIO()).write(b'x'))
t('write none', lambda: io.TextIOWrapper(io.BytesIO()).write())
t('write kw', lambda: io.TextIOWrapper(io.BytesIO()).write(s='a'))
t('uninit', lambda: io.TextIOWrapper.__new__(io.TextIOWrapper).read())
t('uninit repr', lambda: repr(io.TextIOWrapper.__new__(io.TextIOWrapper)))

# reconfigure
w = io.TextIOWrapper(io.BytesIO(b'line\n'), encoding='utf-8')
print(w.reconfigure(encoding='latin-1'), w.encoding, w.reconfigure(line_buffering=True), w.line_buffering)
print(w.reconfigure(errors='replace'), w.errors, w.encoding)
w.read(1)
t('reconfigure after read', lambda: w.reconfigure(encoding='ascii'))
t('reconfigure positional', lambda: w.reconfigure(1))
t('reconfigure kw', lambda: w.reconfigure(foo=1))
print(w.reconfigure(write_through=True), w.write_through)
w = io.TextIOWrapper(io.BytesIO(), encoding='ascii')
w.reconfigure(newline='\r\n')
w.write('a\nb')
w.flush()
print(w.buffer.getvalue())

# detach and closing
w = io.TextIOWrapper(io.BytesIO(b'abcdef'))
print(w.read(2), type(w.detach()).__name__, repr(w), w.encoding, w.buffer)
for name in ['read', 'write', 'readline', 'tell', 'flush', 'closed', 'name', 'fileno']:
    def call(name=name):
        a = getattr(w, name)
        if name == 'write':
            return a('x')
        return a if name in ('closed', 'name') else a()
    t('detached ' + name, call)
b = io.BytesIO()
w = io.TextIOWrapper(b)
w.write('pending')
w.close()
print(w.closed, b.closed)
t('closed write', lambda: w.write('x'))
t('closed read', lambda: w.read())
t('closed tell', lambda: w.tell())
t('closed writable', lambda: w.writable())

# readonly / writeonly buffers
r = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b'text')))
print(r.readable(), r.writable(), r.read())
t('write on reader', lambda: r.write('x'))
wo = io.TextIOWrapper(io.BufferedWriter(io.BytesIO()))
t('read on writer', lambda: wo.read())
t('readline on writer', lambda: wo.readline())

# subclasses
class Lines(io.TextIOWrapper):
    def readline(self, size=-1):
        return super().readline(size).upper()
l = Lines(io.BytesIO(b'ab\ncd\n'))
print(list(l), repr(l))
