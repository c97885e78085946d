# collections.deque: construction, both ends, maxlen, sequence protocol,
# rotation, comparisons, iteration and mutation errors, repr and copying.
from collections import deque
import copy


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


d = deque('abc')
print(d, len(d), list(d), bool(d), bool(deque()))
d.append('d'); d.appendleft('z'); print(d, d.pop(), d.popleft(), d)
d.extend('ef'); d.extendleft('yx'); print(d)
d.rotate(); print(d); d.rotate(-2); print(d); d.rotate(10); print(d); d.rotate(0); print(d)
print(d[0], d[-1], d[3]); d[1] = 'Q'; print(d); del d[2]; print(d); del d[-1]; print(d)
print('Q' in d, 'nope' in d, d.count('x'), d.index('a'), d.index('b', 1), d.index('y', -10, -1))
d.insert(1, 'I'); d.insert(-1, 'J'); d.insert(100, 'K'); d.insert(-100, 'L'); print(d)
d.remove('I'); print(d); d.reverse(); print(d)
d.clear(); print(d, len(d))
print(deque(), deque([]), deque(range(3), 5), deque(maxlen=2), deque(iterable=[1], maxlen=None))

# maxlen
d = deque(range(5), maxlen=3); print(d, d.maxlen)
d.append(9); print(d); d.appendleft(8); print(d); d.extend([1, 2]); print(d); d.extendleft([3, 4]); print(d)
d = deque(maxlen=0); d.append(1); d.extend(range(3)); print(d, d.maxlen, deque().maxlen)
err(deque(maxlen=2, iterable=[1, 2]).insert, 0, 1)
d = deque([1, 2], maxlen=3); d.insert(1, 5); print(d)
d = deque('ab', 3); d *= 5; print(d); d = deque('abcd', 5); print(d * 3)
err(setattr, deque(), 'maxlen', 3)

# arithmetic
a = deque([1, 2]); b = a + deque([3]); print(a, b, a * 2, 2 * a, a * 0, a * -1)
a += [4, 5]; print(a); a *= 2; print(a); a *= 0; print(a)
d = deque([1]); d *= 3; print(d)
err(lambda: deque([1]) + [1]); err(lambda: deque([1]) * 'a'); err(lambda: [1] + deque())
d = deque([1, 2]); d += d; print(d); d.extend(d); print(d)

# comparisons
print(deque([1, 2]) == deque([1, 2]), deque([1]) != deque([1, 2]), deque([1, 2]) < deque([1, 3]),
      deque([1, 2]) < deque([1, 2, 0]), deque([2]) > deque([1, 5]), deque() <= deque(), deque([1]) >= deque())
print(deque([1]) == [1], deque() != ())
err(lambda: deque([1]) < [1]); err(hash, deque())

# errors
for f, a in [(deque, (1,)), (deque, ([], -1)), (deque, ([], 'a')), (deque, ([], 1, 2)), (deque, ([], 1.5))]:
    err(f, *a)
err(deque, x=1); err(deque, [], iterable=[])
err(deque().pop); err(deque().popleft); err(deque([1]).index, 2); err(deque([1]).remove, 2)
err(lambda: deque([1])[5]); err(lambda: deque([1])[-2]); err(lambda: deque([1])['a']); err(lambda: deque([1])[0:1])
err(deque([1]).rotate, 'a'); err(deque([1]).rotate, 1, 2); err(deque([1]).insert, 0)
err(deque([1]).index); err(deque([1]).index, 1, 'a')
def setbad():
    d = deque([1]); d[3] = 0
err(setbad)
def delbad():
    d = deque([1]); del d[3]
err(delbad)

# iteration
d = deque(range(5)); print(list(reversed(d)), list(iter(d)), sum(d))
it = iter(d); next(it); print(it.__length_hint__(), list(it), it.__length_hint__())
def mutate(op):
    d = deque([1, 2, 3])
    it = iter(d)
    next(it)
    op(d)
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError", e)
    else:
        print("no error")
mutate(lambda d: d.append(4)); mutate(lambda d: d.pop()); mutate(lambda d: d.rotate(1))
mutate(lambda d: d.clear()); mutate(lambda d: d.__setitem__(0, 9)); mutate(lambda d: d.reverse())
mutate(lambda d: d.extend([])); mutate(lambda d: d.insert(0, 1))
d = deque([1, 2]); it = iter(d); list(it); d.append(3)
err(next, it)
class Evil:
    def __eq__(self, other):
        dd.clear()
        return False
dd = deque([Evil(), 1]); err(dd.count, 1)
dd = deque([Evil(), 1]); err(dd.index, 1)
dd = deque([Evil(), 1]); err(dd.remove, 1)
dd = deque([Evil(), 1]); err(lambda: 1 in dd)

# repr, recursion, subclasses
d = deque([1]); d.append(d); print(d)
print(repr(deque(['a'], maxlen=4)))
class D(deque):
    pass
x = D('ab', 3); print(x, type(x.copy()).__name__, x.copy(), type(x + deque()).__name__, type(x * 2).__name__)
x.attr = 5; print(x.attr)
y = copy.copy(deque([1, [2]], 3)); print(y, y.maxlen)
z = copy.deepcopy(deque([1, [2]])); print(z)
print(deque([1], 2).__reduce__()[:3], deque().__reduce__()[:3])
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)
import _collections
it = _collections._deque_iterator(deque([1, 2, 3]), 1); print(list(it))
it = _collections._deque_reverse_iterator(deque([1, 2, 3]), 2); print(list(it))
it = iter(deque([1, 2, 3])); next(it); print(it.__reduce__()[1][1])
print(deque.__module__, deque.__name__, repr(deque), deque.__hash__)
print(isinstance(deque(), object), issubclass(D, deque))
