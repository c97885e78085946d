import _weakref
class A:
    pass
a = A()
r = _weakref.ref(a)
print(r() is a, _weakref.getweakrefcount(a))
def cb(w):
    print("callback", w() is None)
r2 = _weakref.ref(a, cb)
print(r2 is r, _weakref.getweakrefcount(a))
del a
print("after del", r(), r2())
class B:
    def __del__(self):
        print("del B")
b = B()
b = None
print("after b")
def gen():
    try:
        yield 1
    finally:
        print("gen finally")
g = gen()
next(g)
del g
print("after gen")
p = _weakref.proxy(B())
try:
    p.x
except ReferenceError as e:
    print("RefErr", e)
class C:
    def __init__(self): self.v = 5
c = C()
p = _weakref.proxy(c)
print(p.v)
p.w = 3
print(c.w)
try:
    _weakref.ref(1)
except TypeError as e:
    print(e)
class D:
    def __del__(self):
        print("del at exit")
d = D()
