# type.__doc__ descriptor, read-only class __dict__, hooks assigned on a base reach subclasses,
# __class__ assignment layout rules, writable/deletable instance __dict__s
import types


class X:
    "elephant"


X.__doc__ = "banana"
print(X.__doc__, type(type.__dict__["__doc__"]).__name__)
for action in [lambda: type.__dict__["__doc__"].__set__(list, "blah"),
               lambda: type.__dict__["__doc__"].__delete__(X),
               lambda: setattr(X, "__dict__", {}),
               lambda: setattr(X, "__mro__", ())]:
    try:
        action()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


class DocDescr:
    def __get__(self, obj, owner):
        return "doc of %s" % owner.__name__


class WithDescr:
    __doc__ = DocDescr()


print(WithDescr.__doc__, WithDescr().__doc__)


class A:
    pass


class B(A):
    pass


b = B()
b.foo = 42


def getattribute(self, name):
    if name == "foo":
        return 24
    return object.__getattribute__(self, name)


A.__getattribute__ = getattribute
print(b.foo)
del A.__getattribute__
print(b.foo)
A.__hash__ = lambda self: 7
print(hash(b))


class G:
    __slots__ = ["a", "b"]


class H:
    __slots__ = ["b", "a"]


class J:
    __slots__ = ["c", "b"]


class L(H):
    __slots__ = ["e"]


class M(G):
    __slots__ = ["e"]


class N(J):
    __slots__ = ["__weakref__"]


class P(J):
    __slots__ = ["__dict__"]


class C:
    pass


class D:
    pass


class F(C, D):
    pass


for src, dst in [(G, J), (L, M), (N, J), (P, J), (F, D), (C, F), (G, H)]:
    x = src()
    try:
        x.__class__ = dst
        print("ok", src.__name__, dst.__name__)
    except TypeError as e:
        print("TypeError:", e)


class Base:
    pass


class Module1(types.ModuleType, Base):
    pass


m = Module1("spam")
for action in [lambda: setattr(m, "__dict__", {}), lambda: Base.__dict__["__dict__"].__set__(m, {})]:
    try:
        action()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
e = Exception()
e.__dict__ = {"a": 1}
print(e.a)
