# open(): argument checking, the layers it builds, and real files.
import io, os

BASE = '/tmp/adder_io_test_io_open'

def cleanup():
    for p in (BASE, BASE + '2'):
        try:
            os.remove(p)
        except OSError:
            pass

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

cleanup()
print(open is io.open, open.__name__)

# text files
with open(BASE, 'w') as f:
    print(type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__)
    print(repr(f).replace(BASE, 'BASE'), f.mode, f.name == BASE, f.encoding, f.errors)
    print(f.write('first line\n'), f.write('sécond\n'), f.writelines(['a\n', 'b\n']))
    print(f.tell(), f.writable(), f.readable(), f.seekable(), f.isatty(), f.line_buffering)
    t('read on w', lambda: f.read())
print(f.closed, f.buffer.closed, f.buffer.raw.closed)
t('write closed', lambda: f.write('x'))
with open(BASE) as f:
    print(f.read())
with open(BASE, encoding='utf-8') as f:
    print(f.readline(), f.tell(), f.readlines())
with open(BASE, 'r', newline='') as f:
    print(list(f))
with open(BASE, 'a') as f:
    print(f.tell(), f.write('appended\n'), f.tell())
with open(BASE, 'r+') as f:
    print(f.read(5), f.seek(0), f.write('FIRST'), f.seek(0), f.readline())
with open(BASE, 'rt', encoding='latin-1') as f:
    print(repr(f.read()))
with open(BASE, 'w+', encoding='utf-16') as f:
    print(f.write('ab'), f.tell(), f.seek(0), f.read())
with open(BASE, 'rb') as f:
    print(f.read())
with open(BASE, 'x' if False else 'w', newline='\r\n') as f:
    f.write('one\ntwo\n')
with open(BASE, 'rb') as f:
    print(f.read())
t('exclusive', lambda: open(BASE, 'x'))
with open(BASE + '2', 'x') as f:
    print(f.mode, f.write('new'))
with open(BASE + '2', 'ab') as f:
    print(type(f).__name__, f.mode, f.write(b'+bytes'))
with open(BASE + '2', 'rb', buffering=0) as f:
    print(type(f).__name__, f.read())
with open(BASE + '2', 'r', buffering=1) as f:
    print(f.line_buffering, f.read())
with open(BASE + '2', 'rb', 0) as raw, open(raw.fileno(), 'r', closefd=False) as f:
    print(f.read(), f.name == raw.fileno(), raw.closed)
with open(BASE + '2', 'r', opener=lambda p, fl: os.open(p, fl)) as f:
    print(f.read())

# errors
t('no args', lambda: open())
t('too many', lambda: open('x', 'r', -1, None, None, None, True, None, 9))
t('dup arg', lambda: open('x', mode='r', file='y'))
t('bad kw', lambda: open('x', foo=3))
t('float file', lambda: open(3.5))
t('list file', lambda: open([]))
t('mode int', lambda: open('x', 3))
t('buffering str', lambda: open('x', 'r', 'a'))
t('buffering float', lambda: open('x', 'r', 1.5))
for mode in ['rU', 'U', 'rw', 'rr', 'tb', 'b', 't', 'r+b+', 'z', 'wx']:
    t('mode ' + mode, lambda: open(BASE, mode))
t('binary encoding', lambda: open(BASE, 'rb', encoding='utf-8'))
t('binary errors', lambda: open(BASE, 'rb', errors='strict'))
t('binary newline', lambda: open(BASE, 'rb', newline='\n'))
t('unbuffered text', lambda: open(BASE, 'r', 0))
t('bad newline', lambda: open(BASE, 'r', newline='u'))
t('newline int', lambda: open(BASE, 'r', newline=5))
t('encoding int', lambda: open(BASE, 'r', encoding=5))
t('errors int', lambda: open(BASE, 'r', errors=5))
t('unknown encoding', lambda: open(BASE, 'r', encoding='nonexist'))
t('not text encoding', lambda: open(BASE, 'r', encoding='hex'))
t('missing', lambda: open('/nonexistent/x'))
t('missing bytes', lambda: open(b'/nonexistent/x'))
t('directory', lambda: open('/tmp'))
t('directory w', lambda: open('/tmp', 'w'))
t('nul', lambda: open('a\0b'))
t('negative fd', lambda: open(-1))
t('huge fd', lambda: open(2**70))
t('closefd name', lambda: open(BASE, closefd=False))
t('opener str', lambda: open(BASE, opener=lambda p, f: 'x'))
t('opener neg', lambda: open(BASE, opener=lambda p, f: -3))

class P:
    def __fspath__(self):
        return BASE + '2'
with open(P()) as f:
    print(f.read(), f.name == BASE + '2')
class BadP:
    def __fspath__(self):
        return 5
t('bad fspath', lambda: open(BadP()))

# files from the standard library
with open('/usr/lib/python3.11/this.py') as f:
    src = f.read()
print(len(src) > 100, src.count('\n') > 10, src.splitlines()[0])
with open('/usr/lib/python3.11/this.py', 'rb') as f:
    print(f.read(20), f.tell())
with open('/usr/lib/python3.11/os.py') as f:
    head = [next(f) for _ in range(3)]
print(head[0].rstrip())

print(io.text_encoding(None), io.text_encoding('x'), io.DEFAULT_BUFFER_SIZE)
t('open_code bytes', lambda: io.open_code(b'x'))
with io.open_code('/usr/lib/python3.11/this.py') as f:
    print(type(f).__name__, f.read(5))
cleanup()
