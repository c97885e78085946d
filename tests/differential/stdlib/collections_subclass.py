# Subclassing the native types of itertools/_collections/_functools, and
# attribute rules on their exact instances.
import itertools, functools, operator, contextvars
from collections import deque, defaultdict


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


class D(deque):
    __slots__ = ('tag',)
    def __init__(self, it=(), tag=None):
        super().__init__(it, 3)
        self.tag = tag
d = D('abcd', tag=1); print(d, d.tag, d.maxlen, len(d), type(d).__mro__[1].__name__)
err(setattr, deque(), 'x', 1)
class DD(defaultdict):
    def __missing__(self, key):
        return key * 2
x = DD(list); print(x[3], dict(x), x.default_factory)
class DD2(defaultdict):
    pass
y = DD2(int); y['a'] += 5; y.note = 'hi'; print(y, y.note, y.__dict__)
err(setattr, defaultdict(), 'x', 1)
class C(itertools.count):
    def __next__(self):
        return super().__next__() * 10
c = C(1); print(next(c), next(c), repr(c))
class Ch(itertools.chain):
    def __init__(self, *its, label=''):
        self.label = label
ch = Ch('ab', 'c', label='L'); print(list(ch), ch.label)
class Cy(itertools.cycle):
    pass
print(list(itertools.islice(Cy('xy'), 5)), isinstance(Cy('a'), itertools.cycle))
class P(functools.partial):
    def __call__(self, *a, **k):
        return ('P', super().__call__(*a, **k))
p = P(max, 3); print(p(5), p(1), p.func is max)
err(type, 'X', (itertools._grouper,), {}); err(type, 'X', (itertools._tee,), {})
err(type, 'X', (operator.itemgetter,), {}); err(type, 'X', (contextvars.ContextVar,), {})
err(type, 'X', (deque, defaultdict), {})
for t in (deque, defaultdict, itertools.count, functools.partial):
    print(t.__name__, t.__module__, t.__qualname__, repr(t), isinstance(t, type))
print(deque.__bases__, defaultdict.__bases__, defaultdict.__mro__)
print(deque.__init__.__qualname__ if hasattr(deque.__init__, '__qualname__') else '?')
err(deque.append, [], 1); err(itertools.count.__next__, 5)
# generic aliases
import collections
print(deque[int], defaultdict[str, int], functools.partial[int], itertools.chain[int], contextvars.ContextVar[int])
