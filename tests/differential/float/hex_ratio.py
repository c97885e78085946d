# float.hex, float.fromhex, as_integer_ratio, is_integer.
for v in [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 3.0, 1 / 3, 1024.0, float('inf')]:
    print(v.hex())
for s in ['0x1p0', '0x1.8p1', '-0x1.4p+3', '0x.8', '0X1P-1074', 'inf', '0x1.fffffffffffffp+1023', ' 0x10 ']:
    print(float.fromhex(s))
for v in [0.5, 0.1, -2.75, 10.0, 1e20, 1 / 3, 0.0]:
    print(v, v.as_integer_ratio(), v.is_integer())
try:
    float.fromhex('0x1p9999')
except OverflowError as e:
    print('OverflowError:', e)
try:
    float.fromhex('zz')
except ValueError as e:
    print('ValueError:', e)
print((2.5).conjugate(), (2.5).real, (2.5).imag, float.__name__)
print((7.9).__trunc__(), (7.5).__floor__(), (7.5).__ceil__(), (-7.5).__floor__(), (-7.5).__ceil__())
