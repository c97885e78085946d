# __call__ and callable objects, non-callable errors
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=2), callable(a), callable(Adder), callable(1))

class NotCallable:
    pass
for obj in [1, "s", None, [1], NotCallable()]:
    try:
        obj()
    except TypeError as e:
        print("TypeError:", e)

class ClassLevel:
    pass
c = ClassLevel()
c.__call__ = lambda: "instance attr"
try:
    c()
except TypeError as e:
    print("TypeError:", e)
ClassLevel.__call__ = lambda self: "class attr"
print(c())

class Chain:
    def __call__(self):
        return self
ch = Chain()
print(ch()()() is ch)

def f(): return "f"
print(f.__call__(), type(f).__name__, callable(f.__call__))
m = [].append
print(type(m).__name__, callable(m))

class Meth:
    def m(self, x):
        return x
bm = Meth().m
print(type(bm).__name__, bm(4), bm.__func__ is Meth.m, type(bm.__self__).__name__)

class CallableBad:
    __call__ = 5
try:
    CallableBad()()
except TypeError as e:
    print("TypeError:", e)

class Fact:
    def __new__(cls, *a):
        return a
print(Fact(1, 2))

class Init:
    def __init__(self):
        return None
print(type(Init()).__name__)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
try:
    (lambda: 0)(1)
except TypeError as e:
    print("TypeError:", e)
