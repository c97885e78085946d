# operator overloading incl. reflected, in-place, NotImplemented fallback
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, int):
            return V(*[a + o for a in self.c])
        return NotImplemented
    def __radd__(self, o):
        return V(*[("r", a) for a in self.c]) if o == 0 else NotImplemented
    def __mul__(self, k):
        return V(*[a * k for a in self.c]) if isinstance(k, int) else NotImplemented
    __rmul__ = __mul__
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __abs__(self):
        return sum(abs(a) for a in self.c)
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))

a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 0 + a, a * 3, 3 * a, -a, abs(V(-3, 4)), a @ b)
print(sum([a]))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
try:
    a @ 1
except AttributeError as e:
    print("AttributeError:", e)

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __add__(self, x):
        return "plain add"
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc is ref, acc.items)

class OnlyAdd:
    def __add__(self, o):
        return "add used"
x = OnlyAdd()
x += 1
print(x)

class Sub(V):
    def __radd__(self, o):
        return "Sub.radd wins"
print(V(1) + Sub(2))

class L:
    def __lshift__(self, o): return "lshift"
    def __rrshift__(self, o): return "rrshift"
    def __pow__(self, o, mod=None): return ("pow", o, mod)
    def __rpow__(self, o): return ("rpow", o)
    def __floordiv__(self, o): return NotImplemented
    def __rfloordiv__(self, o): return "rfloordiv"
    def __invert__(self): return "invert"
    def __pos__(self): return "pos"
l = L()
print(l << 1, 1 >> l, l ** 2, pow(l, 2, 5), 2 ** l, ~l, +l)
try:
    l // l
except TypeError as e:
    print("TypeError:", e)
print(5 // l)
try:
    l & l
except TypeError as e:
    print("TypeError:", e)
try:
    -object()
except TypeError as e:
    print("TypeError:", e)
