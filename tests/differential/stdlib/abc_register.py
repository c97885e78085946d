# abc: virtual subclasses (register), __subclasshook__, the positive and
# negative caches and the cache token, through _abc's native checks.
import abc
from abc import ABC, ABCMeta, abstractmethod


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r if isinstance(r, (bool, int, type(None))) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


def dump(cls):
    reg, cache, neg, ver = abc._get_dump(cls)
    return (sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache),
            sorted(r().__name__ for r in neg), type(ver).__name__)


class A(ABC):
    pass


class B:
    pass


b = B()
print(issubclass(B, A), issubclass(B, (A,)), isinstance(b, A), isinstance(b, (A,)))
print(dump(A))
t0 = abc.get_cache_token()
B1 = A.register(B)
t1 = abc.get_cache_token()
print(B1 is B, t1 > t0, t1 - t0, t1 == abc.get_cache_token())
print(issubclass(B, A), isinstance(b, A), isinstance(b, (A,)))
print(dump(A))


class C(B):
    pass


print(issubclass(C, A), isinstance(C(), A), dump(A))

# Registering again, or registering a subclass, is a no-op (no new token).
t2 = abc.get_cache_token()
A.register(B)
A.register(C)
print(abc.get_cache_token() == t2)

# As a class decorator.


@A.register
class D:
    pass


print(D.__name__, issubclass(D, A), abc.get_cache_token() > t2)

# Builtins.


class Num(ABC):
    pass


Num.register(int)
print(isinstance(42, Num), issubclass(int, Num), issubclass(bool, Num), isinstance(True, Num))
print(isinstance(4.5, Num), issubclass(float, Num))


class Sub(Num):
    pass


Sub.register(str)


class MyStr(str):
    pass


print(isinstance("", Num), issubclass(str, Num), issubclass(MyStr, Num), issubclass(MyStr, Sub))
print(issubclass(str, Sub), issubclass(int, Sub))

# Errors.
err(A.register, 4)
err(A.register, b)
err(issubclass, 42, A)
err(issubclass, {}, A)
err(isinstance, 1, A)


class E(ABC):
    pass


E.register(E)  # silently accepted


class E1(E):
    pass


err(E1.register, E)
err(E.register, E1)


class F:
    pass


E1.register(F)
E1.register(F)
print(issubclass(F, E), issubclass(F, E1))

# Transitivity through registration.


class TA(ABC):
    pass


class TB(ABC):
    pass


class TC(ABC):
    pass


print(issubclass(TA, TA), issubclass(TA, TB), issubclass(TB, TA))
TA.register(TB)


class TB1(TB):
    pass


class TC1(TC):
    pass


print(issubclass(TB1, TA))
TB1.register(TC1)
print(issubclass(TC, TB), issubclass(TC, TB1), issubclass(TC1, TA), issubclass(TC1, TB), issubclass(TC1, TB1))
TC1.register(int)


class MyInt(int):
    pass


print(issubclass(MyInt, TA), isinstance(42, TA), isinstance(42, TB1))

# __subclasshook__.


class H(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is H:
            return "foo" in C.__dict__
        return NotImplemented


class HasFoo:
    foo = 1


class NoFoo:
    bar = 1


print(issubclass(H, H), issubclass(HasFoo, H), issubclass(NoFoo, H), isinstance(HasFoo(), H))
print(dump(H))


class H2(H):
    pass


print(issubclass(HasFoo, H2), issubclass(H2, H2), issubclass(H2, H))


class Sized_(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized_:
            for k in C.__mro__:
                if "__len__" in k.__dict__:
                    return True
        return NotImplemented


print(issubclass(list, Sized_), issubclass(int, Sized_), isinstance([], Sized_), isinstance(3, Sized_))
print(dump(Sized_))


class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


err(issubclass, int, BadHook)


class RaisingHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        raise KeyError("hook")


err(issubclass, int, RaisingHook)
err(isinstance, 1, RaisingHook)

# The hook is not consulted again once an answer is cached; the negative
# cache is dropped when any registration moves the token.
calls = []


class Counted(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        calls.append(C.__name__)
        return NotImplemented


class Plain:
    pass


print(issubclass(Plain, Counted), issubclass(Plain, Counted), isinstance(Plain(), Counted), calls)
print(dump(Counted))


class Other(ABC):
    pass


Other.register(type("Unrelated", (), {}))
print(issubclass(Plain, Counted), calls)
Counted.register(Plain)
print(issubclass(Plain, Counted), isinstance(Plain(), Counted), calls)
print(dump(Counted))

# _reset_caches / _reset_registry / _abc_caches_clear / _abc_registry_clear
Counted._abc_caches_clear()
print(dump(Counted))
print(issubclass(Plain, Counted), calls[-1:])
Counted._abc_registry_clear()
print(dump(Counted))
print(issubclass(Plain, Counted))
Counted._abc_caches_clear()
print(issubclass(Plain, Counted), dump(Counted))

# __subclasses__ that is not a list, or raises.
for i, func in enumerate([None, lambda x: [], lambda: 42, lambda: [42]]):
    class S(ABC):
        __subclasses__ = func
    try:
        issubclass(int, S)
    except TypeError as e:
        print(i, "TypeError", e)


def raise_exc():
    raise Exception("exception from __subclasses__")


class S2(ABC):
    __subclasses__ = raise_exc


err(issubclass, int, S2)


# __class__ differing from type(): both are checked.
class Proxy:
    @property
    def __class__(self):
        return int


class IntLike(ABC):
    pass


IntLike.register(int)
print(isinstance(Proxy(), IntLike), isinstance(Proxy(), int))


class ProxyNonType:
    @property
    def __class__(self):
        return 5


err(isinstance, ProxyNonType(), IntLike)

# A user metaclass deriving ABCMeta overriding __subclasscheck__.


class Meta(ABCMeta):
    def __subclasscheck__(cls, sub):
        print("meta check", sub.__name__)
        return super().__subclasscheck__(sub)


class M(metaclass=Meta):
    pass


print(issubclass(int, M), isinstance(1, M))

# Calling the instance/subclass checks through ABCMeta directly.
print(ABCMeta.__instancecheck__(A, b), ABCMeta.__subclasscheck__(A, B), ABCMeta.__subclasscheck__(A, int))

# tricky __new__ (with_metaclass pattern)


def with_metaclass(meta, *bases):
    class metaclass(type):
        def __new__(cls, name, this_bases, d):
            return meta(name, bases, d)
    return type.__new__(metaclass, "temporary_class", (), {})


class Base1:
    pass


class Trick(with_metaclass(ABCMeta, Base1)):
    pass


print(type(Trick).__name__, Trick.__bases__, issubclass(Trick, Base1))
