# int.to_bytes / int.from_bytes (defaults, signedness, overflow, argument
# errors, subclasses) and the other int methods on edge values.

def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2**64 - 1, -2**63]:
    for length in [0, 1, 2, 9]:
        for order in ['big', 'little']:
            for signed in [False, True]:
                t(lambda: v.to_bytes(length, order, signed=signed))
t(lambda: (5).to_bytes())
t(lambda: (5).to_bytes(2))
t(lambda: (5).to_bytes(length=2, byteorder='little'))
t(lambda: (5).to_bytes(-1, 'big'))
t(lambda: (5).to_bytes(1, 'middle'))
t(lambda: (5).to_bytes(1, 5))
t(lambda: (5).to_bytes(1, 'big', True))
t(lambda: (5).to_bytes(x=1))
t(lambda: (5).to_bytes(1.0))

for data in [b'', b'\x00', b'\xff', b'\x01\x00', b'\x80\x00\x00', bytearray(b'\xfe\xff'),
             [1, 2], (255, 0), iter([7, 8])]:
    for order in ['big', 'little']:
        for signed in [False, True]:
            t(lambda: int.from_bytes(data, order, signed=signed))
t(lambda: int.from_bytes(b'\x01\x02'))
t(lambda: int.from_bytes(bytes=b'\x01', byteorder='little'))
t(lambda: int.from_bytes('ab'))
t(lambda: int.from_bytes(5))
t(lambda: int.from_bytes([300]))
t(lambda: int.from_bytes([-1]))
t(lambda: int.from_bytes(b'\x01', 'x'))
t(lambda: int.from_bytes())
t(lambda: bool.from_bytes(b'\x01', 'big'))
t(lambda: bool.from_bytes(b'\x00', 'big'))


class MyInt(int):
    def __repr__(self):
        return 'MyInt(%s)' % int(self)


class WithBytes:
    def __bytes__(self):
        return b'\x01\x00'


t(lambda: MyInt.from_bytes(b'\x01\x00', 'big'))
t(lambda: int.from_bytes(WithBytes(), 'little'))
t(lambda: MyInt(300).to_bytes(2, 'big'))

for v in [0, 1, -1, 255, -256, 2**100, -(2**100) + 1, True, False]:
    t(lambda: (v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(),
               v.real, v.imag, v.numerator, v.denominator, v.__sizeof__() > 0))
t(lambda: (7).bit_length(1))
t(lambda: int.bit_count('x'))
t(lambda: MyInt(6).as_integer_ratio())
t(lambda: type(MyInt(6).real).__name__)
t(lambda: type(MyInt(6).numerator).__name__)
t(lambda: MyInt(6).__getnewargs__())
t(lambda: type(+MyInt(6)).__name__)
t(lambda: type(MyInt(6).__index__()).__name__)
