# metaclasses with __prepare__, __new__, __init__, __call__
log = []

class OrderedNS(dict):
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            log.append(k)
        super().__setitem__(k, v)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, sorted(kw)))
        return OrderedNS()
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, type(ns).__name__))
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name))
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        log.append(("call", cls.__name__, a))
        inst = super().__call__(*a, **k)
        inst.made_by_meta = True
        return inst

class Thing(metaclass=Meta, flavour="x"):
    b = 1
    a = 2
    def c(self):
        pass
    def __init__(self, v):
        self.v = v

for entry in log:
    print(entry)
print(Thing.order)
t = Thing(5)
print(t.v, t.made_by_meta, log[-1])
print(type(Thing).__name__, isinstance(Thing, Meta))

class Sub(Thing):
    z = 0
print(Sub.order, type(Sub).__name__)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Singleton):
    def __init__(self, n):
        self.n = n
print(One(1) is One(2), One(3).n)

class Reprish(type):
    def __repr__(cls):
        return "<class-ish " + cls.__name__ + ">"
class W(metaclass=Reprish):
    pass
print(repr(W), W)
Dyn = Meta("Dyn", (), {"q": 1})
print(Dyn.order, Dyn.q)
class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
try:
    class Bad(X1, X2): pass
except TypeError as e:
    print("TypeError:", e)
