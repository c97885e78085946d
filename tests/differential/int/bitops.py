# Bitwise operators on small and negative ints.
for a in [0, 1, 5, -5, 255, -256, 12345]:
    for b in [0, 3, -3, 0xF0]:
        print(a, b, a & b, a | b, a ^ b)
for n in [0, 1, 3, 63, 64, 100]:
    print(n, 1 << n, (1 << n) >> 1, -1 << n, -(1 << n) >> 2)
print((5).bit_length(), (-5).bit_length(), (0).bit_length(), (2 ** 100).bit_length())
print((255).bit_count(), (-255).bit_count(), (0).bit_count())
try:
    1 << -1
except ValueError as e:
    print('ValueError', e)
try:
    1 >> -1
except ValueError as e:
    print('ValueError', e)
print(~0, ~255, ~-256)
x = 0b1010
x &= 0b0110; print(x)
x |= 0b1000; print(x)
x ^= 0b1111; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
