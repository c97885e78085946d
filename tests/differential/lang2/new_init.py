# __new__/__init__ interplay, immutables subclassing
class Tracked:
    def __new__(cls, *args, **kw):
        print("new", cls.__name__, args, kw)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, a, b=0):
        print("init", a, b)
        self.a = a
t = Tracked(1, b=2)
print(t.created, t.a)
class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never runs")
print(ReturnsOther())
class ReturnsSub:
    def __new__(cls):
        return object.__new__(Sub)
    def __init__(self):
        print("init on", type(self).__name__)
class Sub(ReturnsSub):
    pass
print(type(ReturnsSub()).__name__)
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
u = Upper("abc")
print(u, type(u).__name__, u + "d", type(u + "d").__name__, isinstance(u, str), len(u))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
    def __repr__(self):
        return "Pos(%d)" % int(self)
p = Pos(-5)
print(p, repr(p), p + 1, type(p + 1).__name__, p == 5, hash(p) == hash(5))
class Lst(list):
    def __init__(self, *a):
        super().__init__(a)
print(Lst(1, 2, 3), type(Lst() + []).__name__, len(Lst(1)))
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = D(a=1)
d["b"] = 1
d.update(c=1)
print(d)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
class OnlyNew:
    def __new__(cls, x):
        return super().__new__(cls)
print(type(OnlyNew(5)).__name__)
class OnlyInit:
    def __init__(self, x):
        self.x = x
print(OnlyInit(6).x)
try:
    object.__init__(OnlyInit(1), 5)
except TypeError as e:
    print("TypeError:", e)
class F(float):
    pass
print(F(1.5) + 1, type(F(2)).__name__, F("3.5"))
class T(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)
print(T(1, 2), type(T(1) * 2).__name__)
