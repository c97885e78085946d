# Calling the special methods of int, bool, float and complex directly:
# NotImplemented for foreign operands, reflected forms, self-type checks,
# argument-count errors, and the results user subclasses see via super().

def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

ops = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'divmod', 'pow',
       'lshift', 'rshift', 'and', 'or', 'xor']
for op in ops:
    for pre in ('', 'r'):
        name = '__%s%s__' % (pre, op)
        for a, b in [(7, 3), (-7, 2), (7, 2.0), (7, 'x'), (True, 3)]:
            m = getattr(int, name, None)
            if m is not None:
                t(lambda: m(a, b))
for op in ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'divmod', 'pow']:
    for pre in ('', 'r'):
        name = '__%s%s__' % (pre, op)
        for a, b in [(7.5, 2), (-7.5, 2.0), (7.5, 1j), (7.5, None), (2.0, 10**400)]:
            t(lambda: getattr(float, name)(a, b))
for op in ['add', 'sub', 'mul', 'truediv', 'pow']:
    for pre in ('', 'r'):
        name = '__%s%s__' % (pre, op)
        for a, b in [(1+2j, 2), (1+2j, 0.5), (1+2j, 3-1j), (1j, 'x')]:
            t(lambda: getattr(complex, name)(a, b))
for name in ['__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__']:
    t(lambda: getattr(int, name)(3, 3))
    t(lambda: getattr(int, name)(3, 3.0))
    t(lambda: getattr(float, name)(3.0, 3))
    t(lambda: getattr(float, name)(3.5, 2**80))
    t(lambda: getattr(float, name)(3.0, 'a'))
    t(lambda: getattr(complex, name)(3+0j, 3))
    t(lambda: getattr(complex, name)(3+0j, 3.0))
    t(lambda: getattr(complex, name)(3+1j, 3+1j))
    t(lambda: getattr(complex, name)(3j, None))

t(lambda: int.__add__(1.0, 2))
t(lambda: int.__add__())
t(lambda: (1).__add__())
t(lambda: (1).__add__(1, 2))
t(lambda: (1).__neg__(2))
t(lambda: (1).bit_length(1))
t(lambda: int.bit_length(1.0))
t(lambda: float.__neg__(1))
t(lambda: float.hex(1))
t(lambda: complex.__abs__(1.0))
t(lambda: (1).__pow__())
t(lambda: (1).__pow__(2, 3, 4))
t(lambda: int.__pow__(2, 10, 1000))
t(lambda: int.__pow__(2, 10, 3.0))
t(lambda: int.__rpow__(10, 2, 1000))
t(lambda: float.__pow__(2.0, 3, 5))
t(lambda: complex.__pow__(2j, 3, 5))
t(lambda: (1).__round__(1, 2))
t(lambda: (1.5).__floor__(1))

for v in [0, 5, -5, 2**70, True]:
    for name in ['__neg__', '__pos__', '__invert__', '__abs__', '__bool__', '__int__',
                 '__index__', '__float__', '__trunc__', '__floor__', '__ceil__',
                 '__round__', '__repr__', '__hash__', '__getnewargs__',
                 'conjugate', 'bit_length', 'bit_count', 'as_integer_ratio']:
        t(lambda: getattr(v, name)())
    # Sizes are the implementation's own (Adder reports its real ones).
    t(lambda: v.__sizeof__() > 0)
    t(lambda: (v.real, v.imag, v.numerator, v.denominator))
for v in [0.0, -0.0, 2.5, -3.75, 1e300, float('inf')]:
    for name in ['__neg__', '__pos__', '__abs__', '__bool__', '__int__', '__float__',
                 '__trunc__', '__floor__', '__ceil__', '__round__', '__repr__', '__hash__',
                 '__getnewargs__', '__sizeof__', 'conjugate', 'is_integer', 'hex']:
        t(lambda: getattr(v, name)())
    t(lambda: (v.real, v.imag))
for v in [0j, 1+2j, complex(-1.5, -0.0), complex(3e300, 4e300)]:
    for name in ['__neg__', '__pos__', '__abs__', '__bool__', '__repr__', '__hash__',
                 '__getnewargs__', '__complex__', 'conjugate']:
        t(lambda: getattr(v, name)())
    t(lambda: (v.real, v.imag))


class I(int):
    def __add__(self, other):
        return ('I.add', super().__add__(other))

    def __eq__(self, other):
        return ('I.eq', super().__eq__(other))

    def __lt__(self, other):
        return super().__lt__(other)


class F(float):
    def __sub__(self, other):
        return ('F.sub', super().__sub__(other))

    def __rsub__(self, other):
        return ('F.rsub', super().__rsub__(other))


class C(complex):
    def __mul__(self, other):
        return ('C.mul', super().__mul__(other))


t(lambda: I(2) + 3)
t(lambda: I(2) + 3.5)
t(lambda: I(2) == 2)
t(lambda: I(2) == 'x')
t(lambda: I(2) < 2.5)
t(lambda: F(2.5) - 1)
t(lambda: 1 - F(2.5))
t(lambda: F(2.5) - 'x')
t(lambda: C(1j) * 2)
t(lambda: C(1j) * C(1j))
t(lambda: float.__round__(2.675, 2))
t(lambda: float.__round__(2.5))
t(lambda: float.__round__(2.5, None))
t(lambda: int.__round__(1250, -2))
t(lambda: int.__round__(1350, -2))
t(lambda: int.__round__(-1250, -2))
t(lambda: int.__round__(15, None))
t(lambda: int.__round__(15, 1.0))
