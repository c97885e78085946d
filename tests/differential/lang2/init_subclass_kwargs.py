# __init_subclass__ with keyword arguments
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, priority=0, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry.append(cls.plugin_name)

class A(Plugin, name="alpha", priority=3):
    pass
class B(Plugin):
    pass
class C(A, priority=9):
    pass
print(Plugin.registry)
print(A.plugin_name, A.priority, B.priority, C.plugin_name, C.priority)

try:
    class D(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init_subclass__(cls):
        cls.seen = True
try:
    class E(Base, flag=1):
        pass
except TypeError as e:
    print("TypeError:", e)

class F(Base):
    pass
print(F.seen, hasattr(Base, "seen"))

class Counted:
    count = 0
    def __init_subclass__(cls, **kw):
        Counted.count += 1
        cls.index = Counted.count
class G(Counted): pass
class H(Counted): pass
class I(H): pass
print(G.index, H.index, I.index, Counted.count)

class Req:
    def __init_subclass__(cls, **kw):
        if "run" not in cls.__dict__:
            raise TypeError(cls.__name__ + " must define run")
try:
    class Bad(Req):
        pass
except TypeError as e:
    print("TypeError:", e)
class Good(Req):
    def run(self):
        return "ran"
print(Good().run())
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
try:
    class J(object, x=1):
        pass
except TypeError as e:
    print("TypeError:", e)
