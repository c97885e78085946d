# type() with three arguments
def method(self):
    return "method on " + type(self).__name__
Point = type("Point", (), {"x": 0, "y": 0, "describe": method})
p = Point()
print(Point.__name__, Point.__qualname__, Point.__bases__, p.describe(), p.x)
print(Point.__module__, type(Point).__name__)
Base = type("Base", (object,), {"greet": lambda self: "hi from " + type(self).__name__})
Derived = type("Derived", (Base,), {"extra": 1})
d = Derived()
print(d.greet(), Derived.__mro__[1].__name__, isinstance(d, Base), Derived.extra)
WithInit = type("WithInit", (), {"__init__": lambda self, v: setattr(self, "v", v), "__repr__": lambda self: f"WithInit({self.v})"})
print(WithInit(3), repr(WithInit("s")))
print(type(1), type("s"), type(None), type(type), type(int), type(p) is Point)
for args in [("N",), ("N", ()), ("N", (), {}, 1), (1, (), {}), ("N", 5, {}), ("N", (), 5), ("N", (1,), {})]:
    try:
        print(type(*args))
    except TypeError as e:
        print("TypeError:", e)
Slotted = type("Slotted", (), {"__slots__": ("a",)})
s = Slotted(); s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print("AttributeError:", e)
class Meta(type):
    pass
M = Meta("M", (), {})
print(type(M).__name__, type(type("X", (M,), {})).__name__)
Doc = type("Doc", (), {"__doc__": "docstring here"})
print(Doc.__doc__)
QN = type("QN", (), {"__qualname__": "Outer.QN"})
print(QN.__qualname__, QN.__name__)
Ex = type("Ex", (ValueError,), {})
try:
    raise Ex("dynamic exception")
except ValueError as e:
    print(type(e).__name__, e, Ex.__mro__[1].__name__)
ns = {"counter": 0}
def inc(self):
    type(self).counter += 1
    return type(self).counter
C = type("C", (), dict(ns, inc=inc))
print(C().inc(), C().inc(), ns["counter"])
class Normal:
    a = 1
print(type("Normal", Normal.__bases__, dict(Normal.__dict__)).a)
print(type.__name__, type("T", (), {}).__dict__.get("__module__"))
try:
    type("Bad", (bool,), {})
except TypeError as e:
    print("TypeError:", e)
