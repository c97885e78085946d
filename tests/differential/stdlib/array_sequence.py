# array: constructor, sequence protocol (index, slices with steps, slice
# assignment and deletion), concatenation, repetition, comparisons,
# iteration, subclasses.
from array import array
def t(fn, /, *a, **k):
    try:
        print(repr(fn(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(array); t(array, 1); t(array, 'x'); t(array, 'ii'); t(array, ''); t(array, 'i', 'abc'); t(array, 'x', 5)
t(array, 'i', array('u', 'a')); t(array, 'i', 5); t(array, 'i', typecode='i'); t(array, typecode='i')
t(array, 'i', [1], 2); t(array, 'u', [1]); t(array, 'u', array('i', [1])); t(array, 'i', array('d', [1.5]))
t(array, 'd', array('i', [1])); t(array, 'b', b'\x01\xff'); t(array, 'b', bytearray(b'\x01\xff')); t(array, 'h', b'\x01')
t(array, 'q', (1, 2)); t(array, 'i', range(3)); t(array, 'd', iter([1, 2])); t(array, 'i', [1, 'x']); t(array, 'u', 'xyz')
t(array, 'H', b'1234'); t(array, 'i', (x * 2 for x in range(4))); t(array, 'x', 'abc')
def gen():
    yield 1
    raise KeyError('boom')
t(array, 'i', gen())
a = array('i', range(10))
print(len(a), a[0], a[-1], a[3:7], a[::-1], a[::3], a[-3:], a[100:], a[2:8:2], a[8:2:-2])
t(a.__getitem__, 10); t(a.__getitem__, -11); t(a.__getitem__, 'x'); t(a.__getitem__, 2**70); t(a.__getitem__, 1.0)
t(a.__setitem__, 10, 1); t(a.__setitem__, 'x', 1); t(a.__setitem__, 0, 'x'); t(a.__setitem__, slice(0, 1), [1])
t(a.__setitem__, slice(0, 1), array('d', [1])); t(a.__setitem__, slice(None, None, 2), array('i', [1, 2, 3]))
t(a.__delitem__, 10); t(a.__delitem__, 'x')
def show(expr):
    x = array('i', range(10))
    exec(expr, {'x': x, 'array': array})
    print(expr, '->', x)
for e in ['x[2:5] = array("i")', 'x[::3] = array("i", [0, 0, 0, 0])', 'del x[::3]', 'del x[::-3]',
          'x[5:2] = array("i", [7, 7])', 'x[1:3] = x', 'x += x', 'x *= 2', 'x *= 0', 'x *= -3', 'x.extend(x)',
          'x[::-1] = array("i", range(10))', 'del x[2:4]', 'del x[:]', 'x[-2:] = array("i", [1, 2, 3])',
          'x[100:] = array("i", [5])', 'del x[1:9:3]', 'x[1] = 100', 'x[-1] = -1', 'del x[-1]', 'del x[0]',
          'x[2:2] = array("i", [5, 6])', 'x[::2] = array("i", range(5))', 'del x[8:2:-2]', 'x[:] = array("i")']:
    show(e)
b = array('i', [1, 2])
print(b + array('i', [3]), b * 3, 3 * b, b * 0, b * -1, array('i') * 5)
t(lambda: b + [1]); t(lambda: b + array('d')); t(lambda: b * 1.5); t(lambda: 1.5 * b); t(lambda: b * 'x')
t(lambda: b * 2**70); t(lambda: b * 2**62); t(lambda: array('u', 'ab') + 1)
def iadd():
    c = array('i'); c += [1]
t(iadd)
def iadd2():
    c = array('i'); c += array('d')
t(iadd2)
def imul():
    c = array('i', [1]); c *= 1.5
t(imul)
class R:
    def __radd__(self, o): return 'radd'
    def __rmul__(self, o): return 'rmul'
print(b + R(), b * R())
print(1 in b, 3 in b, 1.0 in b, 'x' in b, list(b), list(reversed(b)), sorted(array('d', [3, 1, 2])))
x, y = array('i', [1, 2, 3]), array('i', [1, 2, 4])
print(x == y, x != y, x < y, x <= y, x > y, x >= y, x == x, x < x, x <= x)
print(array('i', [1, 2]) < array('i', [1, 2, 3]), array('i', [1, 3]) > array('d', [1, 2.5]))
print(array('i', [1]) == array('d', [1.0]), array('b', [-1]) < array('B', [255]), array('Q', [2**64 - 1]) > array('q', [-1]))
print(array('d', [1.5, float('nan')]) == array('d', [1.5, float('nan')]), array('d', [float('nan')]) < array('d', [float('nan')]))
print(array('u', 'abc') < array('u', 'abd'), array('u', 'b') > array('u', 'abc'), array('u') == array('i'))
print(x == [1, 2, 3], x != (1, 2, 3))
t(lambda: x < [1]); t(lambda: x < 5)
print(x.__eq__(1), x.__lt__(array('d')), x.__eq__(array('i', [1, 2, 3])))
it = iter(x)
print(type(it).__name__, type(it).__module__, next(it), list(it), list(it))
e = array('i', [1])
it1, it2 = iter(e), iter(e)
for _ in it1: next(it2)
e.append(5)
print(list(it1), list(it2))
class A(array):
    pass
s = A('i', [1, 2, 3])
print(repr(s), type(s[0:2]).__name__, type(s + s).__name__, type(s * 2).__name__, type(s.__copy__()).__name__)
s.attr = 5
print(s.attr, s == array('i', [1, 2, 3]))
class B(array):
    def __new__(cls, tc, init=None, extra=None):
        return super().__new__(cls, tc, init or [])
    def __init__(self, tc, init=None, extra=None):
        self.extra = extra
w = B('d', [1], extra=7)
print(w, w.extra)
class C(array):
    def __init__(self, *args, **kw):
        pass
print(C('b', [1]), str(array('b', [1])), array('u', 'x'), array('d'))
print(bool(array('i')), bool(array('i', [0])))
import weakref
r = weakref.ref(b)
print(r() is b)
