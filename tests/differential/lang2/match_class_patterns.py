# match: class patterns with __match_args__, builtins, keyword patterns
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point3(_, _, z=zz):
            return f"3d z={zz}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point3(0, 0, 0), Point(0, 5), Point(4, 0), Point(2, 2),
          Point3(1, 2, 3), Point(1, 2), "pt"]:
    print(where(p))

def builtin(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s}"
        case list([a, *_]):
            return f"list starting {a}"
        case dict({"k": v}):
            return f"dict k={v}"
        case tuple((a, b)):
            return f"pair {a} {b}"
    return "other"
for v in [True, 3, 2.5, "s", [9, 8], {"k": 1}, (1, 2), (1, 2, 3), None]:
    print(builtin(v))

class NoArgs:
    pass
def too_many(x):
    match x:
        case NoArgs(a):
            return a
try:
    too_many(NoArgs())
except TypeError as e:
    print("TypeError:", e)

class Dup:
    __match_args__ = ("a",)
    a = 1
def dup(x):
    match x:
        case Dup(v, a=w):
            return v, w
try:
    dup(Dup())
except TypeError as e:
    print("TypeError:", e)

def not_a_class(x):
    fake = 5
    match x:
        case fake.__class__():
            return "int via attr"
print(not_a_class(3))
class BadMA:
    __match_args__ = ["x"]
    x = 1
def badma(v):
    match v:
        case BadMA(y):
            return y
try:
    print(badma(BadMA()))
except TypeError as e:
    print("TypeError:", e)
class Missing:
    __match_args__ = ("nope",)
def miss(v):
    match v:
        case Missing(q):
            return q
        case _:
            return "attr missing -> no match"
print(miss(Missing()))
