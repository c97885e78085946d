# __slots__: private names are mangled and slots sorted; __dict__/__weakref__ descriptors;
# weak references need a __weakref__ slot; __qualname__/__classcell__ may be slots
import weakref


class C4:
    __slots__ = ["__a"]

    def __init__(self, value):
        self.__a = value

    def get(self):
        return self.__a


x = C4(5)
print(x.get(), x._C4__a, sorted(k for k in C4.__dict__ if "a" in k))


class G:
    __slots__ = ["a", "b"]


class H:
    __slots__ = ["b", "a"]


g = G()
g.a, g.b = 1, 2
g.__class__ = H
print(g.a, g.b)


class Plain:
    pass


class Sub(Plain):
    pass


print(sorted(Plain.__dict__), "__dict__" in Sub.__dict__, Plain.__doc__)
p = Plain()
p.x = 1
print(p.__weakref__ is None, Plain.__dict__["__dict__"].__get__(p) == {"x": 1})
r = weakref.ref(p)
print(p.__weakref__ is r)
p.__dict__ = {"y": 2}
print(p.y)
del p.__dict__
print(p.__dict__)


class NoWeak:
    __slots__ = ()


class WithWeak:
    __slots__ = ("__weakref__",)


class IntSub(int):
    pass


for obj in [NoWeak(), WithWeak(), IntSub(1), object(), Plain()]:
    try:
        weakref.ref(obj)
        print("ok", type(obj).__name__)
    except TypeError as ex:
        print("TypeError:", ex)


class Meta(type):
    def __new__(mcls, name, bases, ns, attr):
        print(attr in ns)
        return super().__new__(mcls, name, bases, ns)


class Q(metaclass=Meta, attr="__qualname__"):
    __slots__ = ["__qualname__"]


print(type(Q.__dict__["__qualname__"]).__name__, Q.__qualname__)
print(None.__doc__, type(None).__doc__)
for attr in ("fget", "fset", "fdel"):
    try:
        setattr(property(), attr, 1)
    except AttributeError as ex:
        print("AttributeError:", ex)
