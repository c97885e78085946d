# float() and complex(): literal grammars, the __float__/__index__/
# __complex__ protocols, argument rules, classmethods and subclasses.

def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['  1_000.5 ', 'inf', '-Infinity', 'nan', '+1e5', '.5', '5.', '1e-400',
          '1e400', '\u0663.5', '0x10', '1__0', '_1', '1_', '', ' ', 'e5', '1e',
          '- 1', '1.5j', 'infinit']:
    t(lambda: float(s))
t(lambda: float())
t(lambda: float(3))
t(lambda: float(2**1024))
t(lambda: float(2**53 + 1))
t(lambda: float(-(2**63)))
t(lambda: float(True))
t(lambda: float(b'1.25'))
t(lambda: float(bytearray(b' 2 ')))
t(lambda: float(b'x'))
t(lambda: float(bytearray(b'x')))
t(lambda: float([]))
t(lambda: float(None))
t(lambda: float(1j))
t(lambda: float(x=1))
t(lambda: float(1, 2))


class WithFloat:
    def __float__(self):
        return 2.5


class WithIndex:
    def __index__(self):
        return 2**60 + 1


class BadFloat:
    def __float__(self):
        return 1


class MyFloat(float):
    pass


t(lambda: float(WithFloat()))
t(lambda: float(WithIndex()))
t(lambda: float(BadFloat()))
f = MyFloat('1.5')
t(lambda: (f, type(f).__name__, f + 1, type(f + 1).__name__))
t(lambda: MyFloat())
t(lambda: MyFloat.fromhex('0x1p-1'))
t(lambda: type(MyFloat.fromhex('0x1p-1')).__name__)
t(lambda: float.fromhex('0x1.8p1'))
t(lambda: float.fromhex('-0x1p-1074'))
t(lambda: float.fromhex('0x1p1024'))
t(lambda: float.fromhex('zz'))
t(lambda: float.fromhex(1))
t(lambda: float.fromhex())
t(lambda: float.__getformat__('double'))
t(lambda: float.__getformat__('float'))
t(lambda: float.__getformat__('x'))
t(lambda: float.__getformat__(1))
t(lambda: (2.5).as_integer_ratio())
t(lambda: (-0.1).as_integer_ratio())
t(lambda: float('nan').as_integer_ratio())
t(lambda: float('inf').as_integer_ratio())
t(lambda: (1e16).is_integer())
t(lambda: (0.1).hex())
t(lambda: hash(MyFloat(1.5)) == hash(1.5))
t(lambda: bool(MyFloat(0.0)))

for s in ['1+2j', '  ( 1+2j ) ', '1_0+2_0j', '1__0j', '-j', '+j', 'j', 'J', 'infj',
          'nan-infj', '1e5-1e-5j', '1e', '', '()', '1+2', '(1+2j', '1+2j)', '\u0663+1j',
          '1 + 2j', '1+-2j', '-1.5e-3J', 'inFinity+NaNj', '.5j', '5.j', '1jj']:
    t(lambda: complex(s))
t(lambda: complex())
t(lambda: complex(1, 2))
t(lambda: complex(real=1, imag=2))
t(lambda: complex(imag=3))
t(lambda: complex(1j, 1j))
t(lambda: complex(1.5, -0.0))
t(lambda: complex(-0.0))
t(lambda: complex(2**2000))
t(lambda: complex('1', 2))
t(lambda: complex(1, '2'))
t(lambda: complex(b'1'))
t(lambda: complex(None))
t(lambda: complex(1, None))
t(lambda: complex([]))
t(lambda: complex(1, 2, 3))
t(lambda: complex(x=1))
t(lambda: complex(WithFloat(), WithIndex()))


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class BadComplex:
    def __complex__(self):
        return 3


class MyComplex(complex):
    pass


t(lambda: complex(WithComplex()))
t(lambda: complex(WithComplex(), 1))
t(lambda: complex(BadComplex()))
c = MyComplex(1, 2)
t(lambda: (c, type(c).__name__, c + 1, type(c + 1).__name__))
t(lambda: complex(c) is c)
z = 1 + 2j
t(lambda: complex(z) is z)
t(lambda: MyComplex('3-4j').conjugate())
