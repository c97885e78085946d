# type's __mro__/__dict__ getsets and getset descriptors' names, as inspect.getattr_static uses
import inspect


class Meta(type):
    @property
    def ro(cls):
        return "meta"


class C(metaclass=Meta):
    @classmethod
    def clsmethod(cls):
        return cls

    x = 1


print(type.__dict__["__mro__"].__get__(C) == C.__mro__, type.__dict__["__dict__"].__get__(C)["x"])
d = C.__dict__["__dict__"]
print(d.__name__, d.__qualname__, d.__objclass__ is C, type(d).__name__)
print(type(inspect.getattr_static(C, "clsmethod")).__name__, inspect.getattr_static(C, "x"))
try:
    C.ro = 1
except AttributeError as e:
    print("AttributeError:", e)
