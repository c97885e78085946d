# print(): sep, end, file=sys.stderr, flush; repr vs str of items.
import sys
print('a', 'b', 'c')
print('a', 'b', sep='-')
print('no newline', end='')
print(' <- continued')
print(1, 2.5, None, True, [1, 'x'], {'k': (1,)}, sep=' | ', end=' END\n')
print()
print('', end='')
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
print(*range(5), sep=',')
print('x', sep=None, end=None)
print('multi\nline')
sys.stdout.write('direct write\n')
for bad in [dict(sep=1), dict(end=2), dict(file=5)]:
    try:
        print('z', **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print('captured', 42, file=w)
print(w.parts)
