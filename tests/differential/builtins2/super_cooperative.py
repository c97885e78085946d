# super() in cooperative multiple inheritance
log = []
class Root:
    def __init__(self, **kw):
        log.append("Root")
        super().__init__()
    def hello(self):
        return ["Root"]
class A(Root):
    def __init__(self, a=None, **kw):
        log.append("A")
        self.a = a
        super().__init__(**kw)
    def hello(self):
        return ["A"] + super().hello()
class B(Root):
    def __init__(self, b=None, **kw):
        log.append("B")
        self.b = b
        super().__init__(**kw)
    def hello(self):
        return ["B"] + super().hello()
class C(A, B):
    def __init__(self, c=None, **kw):
        log.append("C")
        self.c = c
        super().__init__(**kw)
    def hello(self):
        return ["C"] + super().hello()
obj = C(a=1, b=2, c=3)
print(log, obj.a, obj.b, obj.c)
print(obj.hello(), [k.__name__ for k in C.__mro__])
print(super(A, obj).hello(), super(B, obj).hello())
print(super(C, C).hello(obj))
class D(B, A):
    def hello(self):
        return ["D"] + super().hello()
print(D().hello())
class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
class P:
    @classmethod
    def make(cls):
        return "P.make for " + cls.__name__
    @staticmethod
    def st():
        return "P.st"
class Q(P):
    @classmethod
    def make(cls):
        return "Q+" + super().make()
    @staticmethod
    def st():
        return "Q+" + super(Q, Q).st()
print(Q.make(), Q().make(), Q.st())
class Prop(P):
    @property
    def name(self):
        return "prop via " + super().make()
print(Prop().name)
def outside(self):
    return super().make()
try:
    outside(Q())
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(int, "s")
except TypeError as e:
    print("TypeError:", e)
s = super(C, obj)
print(type(s).__name__, s.__thisclass__.__name__, type(s.__self__).__name__)
class Attr(C):
    def __getattr__(self, n):
        return "getattr:" + n
print(Attr().missing_thing, super(Attr, Attr()).hello())
class Init2(A):
    def __init__(self):
        super(A, self).__init__()
log.clear(); Init2(); print(log)
