# abs, divmod, pow, round, bin, oct, hex: builtin operands, mixed types,
# error messages, and dispatch to user classes' special methods.

def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, -5, 2**80, -2**80, True, -0.0, -2.5, float('-inf'), 3+4j, complex(-1e308, 1e308)]:
    t(lambda: abs(v))
t(lambda: abs('a'))
t(lambda: abs())
t(lambda: abs(1, 2))

for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (2**70, 3), (7, 0), (7.5, 2), (-7.5, 2),
             (7.5, -2.0), (7, 0.0), (0.0, -1.0), (7, 1e-300), (True, 2), (1j, 1), ('a', 1)]:
    t(lambda: divmod(a, b))
t(lambda: divmod(1))

for args in [(2, 10), (2, -1), (0, -1), (2.0, 0.5), (-8, 1/3), (2, 10, 1000), (2, -1, 7),
             (2, -1, 4), (2, 3, 0), (7, 5, -3), (7, 0, 1), (0, -1, 1), (2, 10**20, 10**9+7),
             (2, 3, 1.0), (2.0, 3, 5), (1j, 2, 3), (2, 3, 'x'), ('x', 3), (10.0, 400),
             (0j, -1), (1e200+1e200j, 2), (2j, 0.5), (1+1j, -3)]:
    t(lambda: pow(*args))
t(lambda: pow(base=2, exp=3, mod=5))
t(lambda: pow(2))
t(lambda: pow(2, exp=3))
t(lambda: pow(2, 3, mod=None))

for args in [(1.5,), (2.5,), (-0.5,), (2.675, 2), (1234.5678, -2), (1.5, None), (1234, -2),
             (1250, -2), (1350, -2), (-1250, -2), (15, 1), (5, -1), (25, -1), (1e300, 2),
             (float('nan'),), (float('inf'),), (float('inf'), 2), (1.5, 1.0), (0.5, 10**30),
             ([],), ()]:
    t(lambda: round(*args))
t(lambda: round(number=2.5))
t(lambda: round(1.25, ndigits=1))

for v in [0, 5, -255, 2**70, True]:
    t(lambda: (bin(v), oct(v), hex(v)))
t(lambda: bin(3.0))
t(lambda: hex('a'))
t(lambda: oct())


class Idx:
    def __index__(self):
        return 10


class Num:
    def __init__(self, v):
        self.v = v

    def __abs__(self):
        return ('abs', self.v)

    def __divmod__(self, other):
        return ('divmod', self.v, other)

    def __rdivmod__(self, other):
        return ('rdivmod', other, self.v)

    def __pow__(self, other, mod=None):
        return ('pow', self.v, other, mod)

    def __rpow__(self, other):
        return ('rpow', other, self.v)

    def __round__(self, nd=None):
        return ('round', self.v, nd)


class SubNum(Num):
    def __rdivmod__(self, other):
        return ('sub-rdivmod', other.v, self.v)


t(lambda: (bin(Idx()), oct(Idx()), hex(Idx())))
t(lambda: abs(Num(1)))
t(lambda: divmod(Num(1), 2))
t(lambda: divmod(2, Num(1)))
t(lambda: divmod(Num(1), SubNum(2)))
t(lambda: pow(Num(1), 2))
t(lambda: pow(2, Num(1)))
t(lambda: pow(Num(1), 2, 3))
t(lambda: pow(2, Num(1), 3))
t(lambda: Num(1) ** 2)
t(lambda: round(Num(1)))
t(lambda: round(Num(1), 3))
t(lambda: round(Num(1), None))
t(lambda: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11][Idx()])
