# dir(): module subclasses, a __dict__ that is not a dict, unusual __class__, traceback objects
import sys


class M(type(sys)):
    pass


m = M("m")
m.b = 2
m.a = 1
print([n for n in dir(m) if not n.startswith("__")], m.__dict__["a"])


class M2(M):
    __dict__ = property(lambda self: "Not a dict!")


try:
    dir(M2("m2"))
except TypeError as e:
    print("TypeError:", e)


class Foo:
    __slots__ = ["__class__", "__dict__"]

    def __init__(self):
        self.bar = "wow"


print(dir(Foo()))
print(sorted([].__dir__()) == dir([]), len([].__dir__()) == len(set([].__dir__())))
try:
    raise IndexError
except IndexError as e:
    print(sorted(dir(e.__traceback__)))
u = type(sys).__new__(type(sys))
print(u.__dict__, hasattr(u, "__name__"))
u.__init__("named")
print(u.__name__)


class Bad:
    def __dir__(self):
        return 7


try:
    dir(Bad())
except TypeError as e:
    print("TypeError:", e)
