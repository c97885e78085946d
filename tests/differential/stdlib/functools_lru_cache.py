# functools.lru_cache over the native _lru_cache_wrapper.
import functools
from functools import lru_cache, cache


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


calls = []
@lru_cache(maxsize=3)
def f(x, y=0):
    calls.append((x, y))
    return x * 10 + y
print([f(i % 4) for i in range(10)], f.cache_info(), len(calls))
print(f(1), f(1, 0), f(1, y=0), f(x=1), f.cache_info())
f.cache_clear(); print(f.cache_info(), f(2), f.cache_info())
print(f.__name__, f.__qualname__, f.__wrapped__.__name__, f.cache_parameters(), type(f).__name__)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@cache
def sq(x):
    return x * x
print(sq(3), sq(3), sq.cache_info())

@lru_cache(maxsize=0)
def z(x):
    return x
print(z(1), z(1), z.cache_info())

@lru_cache(typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
@lru_cache()
def u(x):
    return type(x).__name__
print(u(1), u(1.0), u.cache_info())

@lru_cache
def bare(a, *rest, **kw):
    return (a, rest, sorted(kw.items()))
print(bare(1, 2, k=3), bare(1, 2, k=3), bare.cache_info())
err(bare, [])  # unhashable argument
print(bare.cache_info())

class C:
    def __init__(self): self.n = 0
    @lru_cache(maxsize=2)
    def m(self, x):
        self.n += 1
        return x + 1
c = C(); print(c.m(1), c.m(1), c.n, C.m.cache_info(), C.m is C.__dict__['m'])

@lru_cache(maxsize=2)
def boom(x):
    raise ValueError(x)
err(boom, 1); print(boom.cache_info())

# re-entrancy: the function calls itself with the same key
depth = []
@lru_cache(maxsize=4)
def re(x):
    depth.append(x)
    if len(depth) < 3:
        return re(x)
    return len(depth)
print(re(5), re(5), re.cache_info())

err(functools._lru_cache_wrapper, 1, 1, False, None)
err(functools._lru_cache_wrapper, len, 'a', False, None)
err(lru_cache, 'a')
import copy
print(copy.copy(f) is f, copy.deepcopy(f) is f, f.__reduce__())
print(lru_cache(maxsize=-5)(len).cache_info())
for size in (1, 2, 5):
    @lru_cache(maxsize=size)
    def g(x):
        return -x
    for v in [1, 2, 3, 1, 2, 4, 1, 5, 2, 2, 3]:
        g(v)
    print(size, g.cache_info())
