# int methods: to_bytes/from_bytes, as_integer_ratio, conjugate, properties.
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'))
print((-1).to_bytes(2, 'big', signed=True), (255).to_bytes(1, 'big'))
print((0).to_bytes(0, 'big'), (1).to_bytes())
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes([1, 2, 3], 'big'))
print(int.from_bytes(b''), int.from_bytes(b'\x80', signed=True))
print((7).as_integer_ratio(), (-3).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.__name__, int.__qualname__, type(5).__mro__)
print((10).__index__(), (10).__int__(), (10).__float__(), (10).__abs__(), (-10).__neg__())
print((3).__round__(), (1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2))
print(round(15, -1), round(25, -1), round(-35, -1), round(12345, -3))
print(int.__new__(int, '7'), isinstance(True, int), issubclass(bool, int))
class MyInt(int):
    pass
m = MyInt(5)
print(m + 1, type(m + 1).__name__, repr(m), type(m).__name__)
