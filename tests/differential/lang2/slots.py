# __slots__ behaviour
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p.y)
del p.y
print(hasattr(p, "y"), hasattr(p, "__dict__"))
print(type(P.x).__name__)
print(P.__slots__)

class Q(P):
    pass
q = Q(2)
q.anything = 3
print(q.anything, sorted(q.__dict__))

class R(P):
    __slots__ = ("w",)
r = R(1)
r.w = 9
print(r.x, r.w, hasattr(r, "__dict__"))

class WithDict:
    __slots__ = ("a", "__dict__")
wd = WithDict()
wd.a = 1
wd.b = 2
print(wd.a, wd.__dict__)

class Single:
    __slots__ = "only"
s = Single()
s.only = "yes"
print(s.only, Single.__slots__)

try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)

class Empty:
    __slots__ = ()
try:
    Empty().foo = 1
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(k for k in P.__dict__ if not k.startswith("__") or k == "__slots__"))
