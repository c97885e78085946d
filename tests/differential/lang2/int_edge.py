# integer edge cases
big = 2 ** 200
print(big)
print(-big, big // 7, big % 7, -big // 7, -big % 7)
print(10 ** 50 + 1, 3 ** 100 - 1)
print(divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(7, 2))
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(divmod(-big, 3), divmod(big, -3))
print(1 << 100, (1 << 100) >> 99, -1 >> 10, -16 >> 2, -17 >> 2)
print(1 << 0, 5 >> 100, -5 >> 100)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print(pow(3, 100, 7), pow(2, -1, 7), pow(-3, 3, 5), pow(3, 3, -5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(2 ** -2, (-2) ** 3, (-8) ** (1 / 3) != 2, 0 ** 0)
print(big == float(big), 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 400 > 1e308, -10 ** 400 < float("-inf"), 10 ** 400 < float("inf"))
print(1 == 1.0, 1 < 1.5, 2 ** 63 == 2.0 ** 63, (2 ** 63) + 1 == 2.0 ** 63)
print(int(1e20), int(-2.9), int(2.9), int("  -12  "), int("0x1f", 16), int("1_000"))
print(int("0b101", 0), int("0o17", 0), int("z", 36), int("-0"), int(True))
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), big.bit_length())
print((1024).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
print(abs(-big) == big, -(-big) == big, +big == big)
print(big & 0xFFFF, big | 1, (big - 1) ^ big, ~big)
print(-big & 0xFF, -1 & big == big, (-big) | 1)
print(round(12345, -2), round(-125, -1), round(135, -1), round(5, 2))
print(7 .__index__(), (3).conjugate(), (6).numerator, (6).denominator, (5).real)
print(int.__mul__(3, 4), (3).__truediv__(2), (3).__rsub__(10))
print(True + True, True * 3, -True, ~True, False // 1)
print(hex(-255), oct(-8), bin(-5), hex(big)[:12])
print(abs(-2 ** 63), -(2 ** 63) // -1, (-2 ** 63) % 10)
print(12345678901234567890 * 98765432109876543210)
print(sum(range(10 ** 6)), 100000000000 * 100000000000)
print((2 ** 64) // (2 ** 32), (2 ** 64 - 1) % (2 ** 32 + 1))
print(int("9" * 40) // int("3" * 20))
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", str(e)[:60])
print(isinstance(True, int), int.__bases__, type(big).__name__)
print((7).as_integer_ratio(), (-3).bit_count() if hasattr(int, "bit_count") else "nb")
