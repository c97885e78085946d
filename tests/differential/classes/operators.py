# Arithmetic operator dunders, reflected and in-place variants.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return f'V{self.c}'
    def _op(self, other, f):
        if isinstance(other, V):
            return V(*(f(a, b) for a, b in zip(self.c, other.c)))
        if isinstance(other, (int, float)):
            return V(*(f(a, other) for a in self.c))
        return NotImplemented
    def __add__(self, o): return self._op(o, lambda a, b: a + b)
    def __radd__(self, o): return self._op(o, lambda a, b: b + a)
    def __sub__(self, o): return self._op(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._op(o, lambda a, b: b - a)
    def __mul__(self, o): return self._op(o, lambda a, b: a * b)
    __rmul__ = __mul__
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._op(o, lambda a, b: a // b)
    def __mod__(self, o): return self._op(o, lambda a, b: a % b)
    def __pow__(self, o, m=None): return self._op(o, lambda a, b: pow(a, b, m))
    def __rpow__(self, o): return self._op(o, lambda a, b: b ** a)
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __lshift__(self, o): return self._op(o, lambda a, b: a << b)
    def __rshift__(self, o): return self._op(o, lambda a, b: a >> b)
    def __and__(self, o): return self._op(o, lambda a, b: a & b)
    def __or__(self, o): return self._op(o, lambda a, b: a | b)
    def __xor__(self, o): return self._op(o, lambda a, b: a ^ b)
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return self
    def __abs__(self): return V(*(abs(a) for a in self.c))
    def __invert__(self): return V(*(~a for a in self.c))
    def __divmod__(self, o): return (self // o, self % o)
v, w = V(1, 2), V(3, 4)
print(v + w, v + 1, 1 + v, v - 1, 10 - v, v * 2, 2 * v, v / 2, w // 2, w % 3, v ** 2, 2 ** v, pow(w, 2, 5))
print(v @ w, v << 2, w >> 1, v & 3, v | 4, v ^ 1, -v, +v, abs(V(-1, 2)), ~v, divmod(w, 2))
for expr in ['v + "s"', '"s" - v', 'v @ 1', 'v < w', '[] * v']:
    try:
        print(eval(expr))
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Sub(V):
    def __radd__(self, o):
        return 'Sub.radd wins'
print(V(1) + Sub(2))
class IP:
    def __init__(self):
        self.log = []
    def __iadd__(self, o):
        self.log.append(('iadd', o)); return self
    def __add__(self, o):
        return 'plain add'
    def __imul__(self, o):
        return NotImplemented
    def __mul__(self, o):
        return 'fallback mul'
i = IP()
j = i
i += 5
print(i is j, i.log)
i *= 2
print(i)
x = [1]
y = x
x += [2]
t = (1,)
u = t
t += (2,)
print(x is y, t is u, x, t)
