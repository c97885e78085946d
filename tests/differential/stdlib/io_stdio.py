# The standard streams and print()/input() on top of them.
import io, sys

for name in ('stdin', 'stdout', 'stderr'):
    s = getattr(sys, name)
    print(name, repr(s), s is getattr(sys, '__%s__' % name))
    print(' ', s.encoding, s.errors, s.line_buffering, s.write_through, s.mode, s.name)
    raw = getattr(s.buffer, 'raw', s.buffer)
    print(' ', type(s.buffer).__name__, repr(s.buffer), repr(raw), raw.closefd)
    print(' ', s.fileno(), s.isatty(), s.readable(), s.writable(), s.closed)
print(sys.stdout.write('written\n'), sys.stdout.write(''))
try:
    sys.stdout.write(b'bytes')
except TypeError as e:
    print('TypeError', e)
print(sys.stdin.read(), repr(sys.stdin.readline()))
try:
    input()
except EOFError as e:
    print('EOFError', e)
try:
    sys.stdout.read()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)

# print() to various files
buf = io.StringIO()
print('a', 1, None, sep=', ', end='.\n', file=buf)
print(file=buf)
print('x', file=buf, flush=True)
print(repr(buf.getvalue()))
print('to', 'stdout', sep='_', file=None)
class Recorder:
    def __init__(self):
        self.calls = []
    def write(self, s):
        self.calls.append(s)
    def flush(self):
        self.calls.append('<flush>')
r = Recorder()
print('p', 'q', file=r, flush=True)
print(r.calls)
for bad in [dict(sep=5), dict(end=b'x'), dict(foo=1)]:
    try:
        print('x', **bad)
    except TypeError as e:
        print('TypeError', e)
try:
    print('x', file=5)
except AttributeError as e:
    print('AttributeError', e)
sys.stdout.buffer.write(b'raw bytes line\n')
sys.stdout.flush()
sys.stdout.buffer.flush()
print('mixed', flush=True)
sys.stdout.buffer.write('héllo\n'.encode())
print(sys.stdout.newlines, sys.stdout.seekable())
print('to stderr', file=sys.stderr)
sys.stderr.write('stderr last line\n')
