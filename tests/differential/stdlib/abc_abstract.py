# abc: abstract methods (__abstractmethods__ computed by _abc._abc_init),
# instantiation errors, inheritance and update_abstractmethods.
import abc
from abc import ABC, ABCMeta, abstractmethod


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


def names(cls):
    return sorted(cls.__abstractmethods__)


print(abc.ABCMeta.__module__, type(abc.ABC), abc.ABC.__abstractmethods__)
print(type(abc.ABC.__abstractmethods__).__name__)


class A(ABC):
    @abstractmethod
    def f(self): ...

    @abstractmethod
    def g(self): ...

    def h(self):
        return "h"


print(names(A))
err(A)


class B(A):
    def f(self):
        return 1


print(names(B))
err(B)


class C(B):
    def g(self):
        return 2


print(names(C))
err(C)
print(C().f(), C().g(), C().h())


class D(C):
    @abstractmethod
    def h(self): ...


print(names(D))
err(D)


# Three abstract methods, sorted in the message.
class E(ABC):
    @abstractmethod
    def zeta(self): ...

    @abstractmethod
    def alpha(self): ...

    @abstractmethod
    def mid(self): ...


err(E)


# Abstract properties, classmethods, staticmethods.
class P(ABC):
    @property
    @abstractmethod
    def x(self): ...

    @classmethod
    @abstractmethod
    def cm(cls): ...

    @staticmethod
    @abstractmethod
    def sm(): ...

    @abc.abstractproperty
    def old(self): ...

    old_cm = classmethod(abstractmethod(lambda cls: None))
    old_sm = staticmethod(abstractmethod(lambda: None))


print(names(P))
err(P)


class Q(P):
    x = 1
    old = 2

    @classmethod
    def cm(cls):
        return "cm"

    sm = staticmethod(lambda: "sm")
    old_cm = classmethod(lambda cls: "ocm")
    old_sm = staticmethod(lambda: "osm")


print(names(Q), Q().x, Q.cm(), Q.sm(), Q.old_cm(), Q.old_sm())


# A value whose __isabstractmethod__ is computed.
class Flag:
    def __init__(self, v):
        self.v = v

    @property
    def __isabstractmethod__(self):
        return self.v


class R(ABC):
    yes = Flag(True)
    no = Flag(False)
    one = Flag(1)
    empty = Flag([])


print(names(R))


class Boom:
    @property
    def __isabstractmethod__(self):
        raise ValueError("boom")


try:
    class S(ABC):
        b = Boom()
except ValueError as e:
    print("ValueError", e)


# Overriding with a non-abstract attribute of another kind.
class T(A):
    f = None
    g = 0


print(names(T))
err(T)


# metaclass= form, and a mixin base that is not an ABC.
class Mixin:
    def g(self):
        return "mixin"


class U(Mixin, A):
    def f(self):
        return "f"


print(names(U), U().g())


class V(metaclass=ABCMeta):
    @abstractmethod
    def run(self): ...


print(type(V).__name__, names(V))
err(V)


# update_abstractmethods
class W(ABC):
    @abstractmethod
    def foo(self): ...


class X(W):
    pass


print(names(X))
X.foo = lambda self: 1
print(names(X))
abc.update_abstractmethods(X)
print(names(X))
err(X)


@abstractmethod
def late(self): ...


X.late = late
abc.update_abstractmethods(X)
print(names(X))
err(X)


class NotAbc:
    pass


print(abc.update_abstractmethods(NotAbc) is NotAbc, hasattr(NotAbc, "__abstractmethods__"))


# del of an implementation makes the inherited method abstract again (after update).
class Y(W):
    def foo(self):
        return 0


Y()
del Y.foo
abc.update_abstractmethods(Y)
err(Y)


# Setting __abstractmethods__ by hand.
class Z(ABC):
    pass


Z.__abstractmethods__ = frozenset({"q"})
err(Z)
Z.__abstractmethods__ = frozenset()
err(Z)


# The ABC's namespace keys and _abc_impl.
class K(ABC):
    __slots__ = ()


print([k for k in K.__dict__ if k != "__doc__"])
print(type(K._abc_impl).__module__, type(K._abc_impl).__name__)
print(type(K._abc_impl).__doc__)
print(hasattr(ABC, "__slots__"), ABC.__slots__)


# Class keywords pass through ABCMeta.__new__ to __init_subclass__.
saved = {}


class Recv:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        saved.update(kw)


class WithKw(Recv, ABC, x=1, y=2):
    pass


print(sorted(saved.items()))


# Metaclasses can be ABCs too.
class MA(metaclass=ABCMeta):
    @abstractmethod
    def x(self): ...


class meta(type, MA):
    def x(self):
        return 1


class UsesMeta(metaclass=meta):
    pass


print(names(MA), names(meta), type(UsesMeta).__name__)


# A bad __abstractmethods__ in a base.
class BadBase:
    __abstractmethods__ = [1]


try:
    class BadChild(BadBase, ABC):
        pass
except TypeError as e:
    print("TypeError", e)


class BadBase2:
    __abstractmethods__ = 5


try:
    class BadChild2(BadBase2, ABC):
        pass
except TypeError as e:
    print("TypeError", e)
