# operator (backed by _operator): every function, the callable objects,
# length_hint, _compare_digest and argument errors.
import operator
import _operator
from operator import *


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


print(add(1, 2), sub(5, 3), mul('ab', 3), matmul.__name__, truediv(7, 2), floordiv(7, 2), mod(7, 3), pow(2, 10))
print(lshift(1, 4), rshift(32, 2), and_(12, 10), or_(12, 10), xor(12, 10), neg(5), pos(-5), inv(5), invert(0))
print(lt(1, 2), le(2, 2), eq(1, 1.0), ne(1, 2), gt(3, 2), ge(1, 2), lt('a', 'b'))
print(truth([]), truth([0]), not_(0), is_(None, None), is_not(1, None), abs(-3), abs(-2.5), index(7), index(True))
print(concat([1], [2]), concat('a', 'b'), contains([1, 2], 2), countOf([1, 2, 1, 1.0], 1), indexOf('abc', 'c'))
l = [1, 2, 3]; setitem(l, 0, 9); delitem(l, 1); print(l, getitem(l, -1), getitem({'a': 1}, 'a'), getitem('abc', slice(1, None)))
x = [1]; print(iadd(x, [2]) is x, x, iconcat(x, [3]), imul([1], 2), isub(5, 1), ipow(2, 3), ior({1}, {2}))
print(imatmul.__name__, itruediv(1, 4), ifloordiv(9, 2), imod(9, 4), ilshift(1, 2), irshift(8, 1), iand(6, 3), ixor(6, 3))
s = {1, 2}; print(isub(s, {1}) is s, s)
print(call(max, 1, 5, 2), call(sorted, [3, 1], reverse=True))
print(length_hint([1, 2]), length_hint(iter([1, 2, 3])), length_hint(iter(range(10))), length_hint(5, 7), length_hint(5))
class H:
    def __length_hint__(self): return 4
class HN:
    def __length_hint__(self): return NotImplemented
class HB:
    def __length_hint__(self): return -1
class HS:
    def __length_hint__(self): return 'x'
class L:
    def __len__(self): return 3
    def __length_hint__(self): return 9
class LE:
    def __len__(self): raise TypeError('no')
    def __length_hint__(self): return 2
print(length_hint(H()), length_hint(HN(), 8), length_hint(L()), length_hint(LE()))
err(length_hint, HB()); err(length_hint, HS()); err(length_hint, 1, 'a'); err(length_hint)
print(_operator._compare_digest('abc', 'abc'), _operator._compare_digest(b'abc', b'abd'), _operator._compare_digest(b'a', bytearray(b'a')), _operator._compare_digest('a', 'ab'))
err(_operator._compare_digest, 'a', b'a'); err(_operator._compare_digest, 'é', 'é'); err(_operator._compare_digest, 1, 1)

# callable objects
g = itemgetter(1); print(g([1, 2, 3]), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 5}), itemgetter(slice(1, 3))([1, 2, 3, 4]))
a = attrgetter('real'); print(a(3), attrgetter('real', 'imag')(1 + 2j), attrgetter('__class__.__name__')(1))
mc = methodcaller('split', ','); print(mc('a,b'), methodcaller('split', sep='-', maxsplit=1)('a-b-c'), methodcaller('upper')('x'))
print(repr(g), repr(itemgetter(1, 'a')), repr(attrgetter('a.b', 'c')), repr(methodcaller('f', 1, k=2)), repr(methodcaller('g')))
print(g.__reduce__(), attrgetter('a.b').__reduce__(), methodcaller('f', 1).__reduce__())
r = methodcaller('f', 1, k=2).__reduce__(); print(r[1], r[0].func, r[0].args, r[0].keywords)
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)), list(map(attrgetter('imag'), [1j, 2])))
err(itemgetter); err(attrgetter); err(attrgetter, 1); err(methodcaller); err(methodcaller, 1)
err(attrgetter('a'), 1); err(attrgetter('real.nope'), 1); err(g, [1]); err(g); err(g, [1], [2]); err(g, x=1)
err(itemgetter, 1, k=2); err(attrgetter, 'a', k=2)
for t in (itemgetter, attrgetter, methodcaller):
    err(type, 'X', (t,), {})
    print(t.__module__, t.__name__, repr(t))
import copy
print(copy.copy(g)([5, 6]), copy.deepcopy(methodcaller('count', 1))([1, 1, 2]))

# argument errors with CPython's messages
for name in ['add', 'neg', 'truth', 'setitem', 'length_hint', 'index', 'is_', 'iadd', 'abs', 'lt']:
    f = getattr(operator, name)
    err(f); err(f, 1, 2, 3, 4); err(f, x=1)
err(call); err(call, 1)
err(concat, 1, 2); err(concat, {}, {}); err(iconcat, 1, [1]); err(countOf, 1, 1); err(indexOf, [1], 2); err(index, 'a'); err(getitem, 1, 2)
print(add.__module__, operator.add is _operator.add, operator.__name__)
