# functools' native core: reduce, cmp_to_key, partial (and what builds on them).
import functools
from functools import reduce, cmp_to_key, partial
import operator


def noaddr(s):
    out = []
    for part in s.split(" at 0x"):
        if out:
            i = 0
            while i < len(part) and part[i] in "0123456789abcdef":
                i += 1
            part = part[i:]
        out.append(part)
    return "".join(out)


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", noaddr(repr(r)))
    except Exception as e:
        print(type(e).__name__, noaddr(str(e)))


# reduce
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [], 10), reduce(operator.mul, range(1, 6), 1))
print(reduce(lambda a, b: a + b, ['a', 'b', 'c']), reduce(max, iter([3, 9, 2])), reduce(operator.add, [5]))
err(reduce); err(reduce, 1); err(reduce, lambda a, b: a, []); err(reduce, 1, 2)
err(reduce, lambda a, b: a, [], 1, 2); err(reduce, function=1, iterable=2)
err(reduce, lambda a, b: 1 / 0, [1, 2])
print(reduce.__module__, functools.reduce is reduce)

# cmp_to_key
def cmp(a, b):
    return (a > b) - (a < b)
K = cmp_to_key(cmp)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), sorted('bca', key=K))
k = K(3); print(k.obj, k < K(4), k <= K(3), k == K(3), k != K(3), k > K(1), k >= K(5))
print(type(K).__name__, type(K).__module__, max([1, 5, 3], key=K), min([1, 5, 3], key=K))
err(K); err(hash, k); err(k.__lt__, 1); err(lambda: k < 1); err(cmp_to_key); err(cmp_to_key(1)(1).__lt__, cmp_to_key(1)(2))
print(K(obj=5).obj); k.obj = 9; print(k.obj)

# partial
def f(a, b=2, *args, **kw):
    return (a, b, args, kw)
p = partial(f, 1)
print(p(), p(3), p(3, 4, 5, x=6), p.func is f, p.args, p.keywords)
q = partial(f, 1, b=10); print(q(), q(b=20), q.keywords)
r = partial(partial(f, 1, c=1), 7, d=2); print(r.func is f, r.args, r.keywords, r())
print(noaddr(repr(p)), noaddr(repr(q)), repr(partial(len)).startswith('functools.partial(<built-in'))
print(partial(operator.add, 1)(2), partial(int, base=2)('101'), list(map(partial(pow, 2), range(5))))
p.attr = 1; print(p.attr, p.__dict__, partial(p).func is p)
err(partial); err(partial, 1); err(setattr, p, 'func', len); err(partial(len), 1, 2)
class P(partial):
    pass
pp = P(f, 1); print(type(pp).__name__, noaddr(repr(pp)), pp(2), type(partial(pp)).__name__, partial(pp).func is f)
red = partial(f, 1, x=2).__reduce__(); print(red[0].__name__, red[1][0] is f, red[2][1:])
s = partial(len); s.__setstate__((f, (1,), {'b': 5}, None)); print(s(), s.__dict__)
s.__setstate__((f, (1,), None, {'z': 1})); print(s.keywords, s.z)
err(s.__setstate__, (1, (), None, None)); err(s.__setstate__, (f, [], None, None)); err(s.__setstate__, 5)
rec = partial(print); rec.__setstate__((rec, (), {}, None)); print(noaddr(repr(rec)))
class C:
    m = partial(f, 'unbound')
print(C().m(), C.m())
import copy
c1 = copy.copy(q); print(c1(), c1 is not q); c2 = copy.deepcopy(q); print(c2())
print(partial[int])

# the Python layers above them
@functools.lru_cache(maxsize=2)
def sq(x):
    return x * x
print([sq(i) for i in (1, 2, 1, 3, 1)], sq.cache_info())
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
class M:
    def g(self, a, b): return a + b
    h = functools.partialmethod(g, 10)
print(M().h(5))
print(functools.cached_property.__name__, functools.wraps(len)(lambda: 0).__name__)
