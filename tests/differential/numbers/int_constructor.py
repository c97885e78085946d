# int() and bool(): argument rules, the __int__/__index__ protocol (__trunc__
# is left out: CPython warns on it), strings and bytes, and user subclasses.

def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: int())
t(lambda: int(7))
t(lambda: int(-2.9))
t(lambda: int(1e20))
t(lambda: int(True))
t(lambda: int('  -1_000  '))
t(lambda: int('0x1F', 0))
t(lambda: int('0o17', 0))
t(lambda: int('0b101', 0))
t(lambda: int('010', 0))
t(lambda: int('000', 0))
t(lambda: int('z', 36))
t(lambda: int('Z', base=36))
t(lambda: int('1F', 16))
t(lambda: int('0x1F', 16))
t(lambda: int('0x1F', 10))
t(lambda: int(b'  42\n'))
t(lambda: int(bytearray(b'-7')))
t(lambda: int(b'0xff', 16))
t(lambda: int('\u0663\u0664'))
t(lambda: int('abc'))
t(lambda: int(''))
t(lambda: int('1__0'))
t(lambda: int('_10'))
t(lambda: int(b'1x'))
t(lambda: int('12', 1))
t(lambda: int('12', 37))
t(lambda: int('12', -1))
t(lambda: int(12, 10))
t(lambda: int(base=10))
t(lambda: int('10', 16.0))
t(lambda: int(x=5))
t(lambda: int('5', 10, 3))
t(lambda: int([]))
t(lambda: int(None))
t(lambda: int(1j))
t(lambda: int(float('nan')))
t(lambda: int(float('-inf')))
t(lambda: int('9' * 5000))
t(lambda: len(str(int('9' * 4300))))
t(lambda: int('f' * 5000, 16).bit_length())


class WithInt:
    def __int__(self):
        return 42


class WithIndex:
    def __index__(self):
        return 7


class BadInt:
    def __int__(self):
        return 'x'


t(lambda: int(WithInt()))
t(lambda: int(WithIndex()))
t(lambda: int(BadInt()))
t(lambda: int(WithIndex(), 10))


class MyInt(int):
    pass


class MyStr(str):
    pass


class Shouty(int):
    def __repr__(self):
        return 'Shouty(%d)' % self


m = MyInt(5)
t(lambda: m)
t(lambda: type(m) is MyInt)
t(lambda: m + 1)
t(lambda: type(m + 1).__name__)
t(lambda: MyInt('ff', 16))
t(lambda: MyInt())
t(lambda: bool(MyInt(0)))
t(lambda: bool(MyInt(3)))
t(lambda: MyInt(3) == 3)
t(lambda: hash(MyInt(3)) == hash(3))
t(lambda: {MyInt(3): 'a'}[3])
t(lambda: int(MyInt(9)))
t(lambda: type(int(MyInt(9))).__name__)
t(lambda: int(MyStr('12')))
t(lambda: Shouty(4))
t(lambda: str(Shouty(4)))
t(lambda: -MyInt(4))
t(lambda: abs(MyInt(-4)))
t(lambda: MyInt(10) // 3)
t(lambda: divmod(MyInt(10), 3))
t(lambda: MyInt(1) << 70)
t(lambda: [1, 2, 3][MyInt(1)])
m.attr = 'has dict'
t(lambda: m.attr)

t(lambda: bool())
t(lambda: bool(0))
t(lambda: bool([1]))
t(lambda: bool(''))
t(lambda: bool(x=1))
t(lambda: bool(1, 2))
t(lambda: True & True)
t(lambda: True | False)
t(lambda: True ^ True)
t(lambda: True & 3)
t(lambda: 3 | False)
t(lambda: ~True)
t(lambda: -True)
t(lambda: True + True)
t(lambda: repr(True))
t(lambda: bool.__and__(True, False))
t(lambda: bool.__or__(True, 2))
t(lambda: bool.__xor__(True, 'x'))
t(lambda: bool.__repr__(1))
t(lambda: int.__repr__(True))
t(lambda: True.real)
t(lambda: False.denominator)
t(lambda: True.as_integer_ratio())
