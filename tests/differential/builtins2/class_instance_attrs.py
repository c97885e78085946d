# class attribute vs instance attribute shadowing
class Counter:
    count = 0
    shared = []
    def incr(self):
        self.count += 1
        self.shared.append(self.count)
a, b = Counter(), Counter()
a.incr(); a.incr(); b.incr()
print(a.count, b.count, Counter.count, Counter.shared)
print("count" in vars(a), "shared" in vars(a))
Counter.count = 100
c = Counter()
print(c.count, a.count)
del a.count
print(a.count)
class Method:
    def m(self):
        return "class method"
mm = Method()
mm.m = lambda: "instance override"
print(mm.m(), Method().m())
del mm.m
print(mm.m())
class WithProp:
    @property
    def v(self):
        return "prop"
wp = WithProp()
wp.__dict__["v"] = "instance dict"
print(wp.v)
class Parent:
    x = "parent"
class Kid(Parent):
    pass
k = Kid()
print(k.x)
Kid.x = "kid"
print(k.x, Parent.x)
del Kid.x
print(k.x)
Parent.x = "changed parent"
print(k.x)
class Seq:
    items = []
    def __init__(self):
        self.items = self.items + [len(self.items)]
s1, s2 = Seq(), Seq()
print(s1.items, s2.items, Seq.items)
class Func:
    f = len
print(Func().f("abc"))
class Lam:
    f = lambda *a: len(a)
print(Lam().f(1), Lam.f(1))
class St:
    def normal(*args):
        return len(args)
print(St().normal(), St.normal())
class Dunder:
    pass
d = Dunder()
d.__len__ = lambda: 5
try:
    len(d)
except TypeError as e:
    print("TypeError:", e)
Dunder.__len__ = lambda self: 7
print(len(d))
print(type(a).count, a.__class__ is Counter)
a.__class__ = Method
print(a.m(), type(a).__name__)
