# The _abc module itself: its functions, argument errors, _abc_data and the
# dump format (called directly, as abc.py and refleak.py do).
import _abc
import abc
import weakref


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r if r is None or isinstance(r, (bool, int)) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


print(sorted(k for k in vars(_abc) if not k.startswith("__")))
print(_abc.__doc__)
print(_abc._abc_init, _abc.get_cache_token.__doc__.splitlines()[0])
print(_abc._abc_init.__doc__)
print(type(_abc.get_cache_token()).__name__)

err(_abc._abc_init)
err(_abc._abc_init, 1, 2)
err(_abc._abc_init, x=1)
err(_abc._abc_register, 1)
err(_abc._abc_register, 1, 2, 3)
err(_abc._abc_register, 1, 2, x=3)
err(_abc._abc_instancecheck)
err(_abc._abc_subclasscheck, 1)
err(_abc.get_cache_token, 1)
err(_abc.get_cache_token, x=1)
err(_abc._get_dump)
err(_abc._reset_registry, 1, 2)
err(_abc._reset_caches)

for f in ["_abc_init", "_get_dump", "_reset_registry", "_reset_caches"]:
    print(f, end=" ")
    err(getattr(_abc, f), 5)
for f in ["_abc_register", "_abc_instancecheck", "_abc_subclasscheck"]:
    print(f, end=" ")
    err(getattr(_abc, f), 5, int)


class X:
    _abc_impl = 3


for f in ["_get_dump", "_reset_registry", "_reset_caches"]:
    print(f, end=" ")
    err(getattr(_abc, f), X)
err(_abc._abc_instancecheck, X, 1)
err(_abc._abc_subclasscheck, X, int)
err(_abc._abc_subclasscheck, X, 1)
err(_abc._abc_register, X, 1)
err(_abc._abc_register, X, int)


class A(abc.ABC):
    pass


T = type(A._abc_impl)
print(T.__module__, T.__name__, T.__qualname__, repr(T))
d = T(1, 2, x=3)
print(type(d) is T)
try:
    class Sub(T):
        pass
except TypeError as e:
    print("TypeError", e)

reg, cache, neg, ver = _abc._get_dump(A)
print(type(reg).__name__, len(reg), len(cache), len(neg), ver == _abc.get_cache_token())


class B:
    pass


before = _abc.get_cache_token()
print(_abc._abc_register(A, B) is B, _abc.get_cache_token() - before)
reg, cache, neg, ver = _abc._get_dump(A)
print([type(r) is weakref.ref for r in reg], [r() is B for r in reg], len(cache), len(neg))
print(_abc._abc_subclasscheck(A, B), _abc._abc_instancecheck(A, B()), _abc._abc_subclasscheck(A, int))
reg, cache, neg, ver = _abc._get_dump(A)
print(len(reg), len(cache), sorted(r().__name__ for r in neg), ver == _abc.get_cache_token())


class C(B):
    pass


print(_abc._abc_subclasscheck(A, C), [r().__name__ for r in _abc._get_dump(A)[1]])
print(_abc._reset_caches(A), [len(s) for s in _abc._get_dump(A)[:3]])
print(_abc._reset_registry(A), [len(s) for s in _abc._get_dump(A)[:3]])
print(_abc._abc_subclasscheck(A, B))

# refleak.py's round trip: re-register from the dumped weak references.
A.register(B)
saved = _abc._get_dump(A)[0]
A._abc_registry_clear()
A._abc_caches_clear()
for ref in saved:
    obj = ref()
    if obj is not None:
        A.register(obj)
print(issubclass(B, A), isinstance(C(), A))


# _abc_init on a class with a plain metaclass.
class Plain:
    def f(self):
        pass


_abc._abc_init(Plain)
print(sorted(Plain.__abstractmethods__), type(Plain._abc_impl).__name__)


class Abs:
    @abc.abstractmethod
    def g(self):
        pass


_abc._abc_init(Abs)
print(sorted(Abs.__abstractmethods__))
try:
    Abs()
except TypeError as e:
    print("TypeError", e)

# __abc_tpflags__ is consumed by _abc_init.


class Flagged:
    __abc_tpflags__ = 1 << 5


_abc._abc_init(Flagged)
print("__abc_tpflags__" in Flagged.__dict__, Flagged.__flags__ & (1 << 5) != 0)


class Both:
    __abc_tpflags__ = (1 << 5) | (1 << 6)


err(_abc._abc_init, Both)


class NotInt:
    __abc_tpflags__ = "x"


_abc._abc_init(NotInt)
print("__abc_tpflags__" in NotInt.__dict__)
