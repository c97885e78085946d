# augmented assignment semantics on mutable/immutable, attrs, subscripts
a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = "x"
s += "y"
s *= 2
print(s)
class Box:
    def __init__(self):
        self.items = [0]
        self.n = 0
box = Box()
box.n += 5
box.items += [1]
box.items[0] += 10
print(box.n, box.items)
d = {"k": 1}
d["k"] += 1
d.setdefault("list", []).append(3)
d["list"] += [4]
print(d)
try:
    d["missing"] += 1
except KeyError as e:
    print("KeyError:", e)
try:
    undefined_var += 1
except NameError as e:
    print("NameError:", e)
def local_aug():
    try:
        counter += 1
    except UnboundLocalError as e:
        return str(e)
counter = 0
print(local_aug())
class Logger:
    def __init__(self): self.log = []
    def __getitem__(self, k):
        self.log.append(("get", k)); return 1
    def __setitem__(self, k, v):
        self.log.append(("set", k, v))
lg = Logger()
lg["x"] += 5
print(lg.log)
class NoIadd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return NoIadd(self.v + o)
n1 = NoIadd(1)
n2 = n1
n1 += 1
print(n1.v, n2.v, n1 is n2)
class IaddReturnsOther:
    def __iadd__(self, o): return "replaced"
r = IaddReturnsOther()
r += 1
print(r)
class IaddNotImpl:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "fell back to add"
q = IaddNotImpl()
q += 1
print(q)
m = [[0] * 2] * 2
m[0][0] += 1
print(m)
x = 10
x /= 4
print(x, type(x).__name__)
y = 2 ** 70
y //= 3
y %= 10 ** 9
print(y)
try:
    z = "s"
    z -= "t"
except TypeError as e:
    print("TypeError:", e)
try:
    w = None
    w += 1
except TypeError as e:
    print("TypeError:", e)
