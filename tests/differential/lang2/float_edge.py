# float repr and round edge cases
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        -0.0, 100.0, 1.5e300 * 1.5e300, 2.5, 1e100, 0.000001, 1234.5678]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("  1.5  "), float("1e3"), float("-.5"), float("Infinity"), float("nan") != float("nan"))
print(round(2.5), round(3.5), round(-0.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(123.456, -1), round(123.456, -2), round(-1.5), round(1e20))
print(round(1.23456, 3), round(-1.23456, 1), round(5.0), type(round(5.0)).__name__)
print(type(round(5.5, 0)).__name__, round(5.5, 0))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(7.0 // 2, -7.0 // 2, 7.0 % -2, -7.0 % 2, divmod(-7.5, 2))
print(1e308 * 10, -1e308 * 10, 1e-320, 2.0 ** 0.5)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 * 1.0
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print((0.5).as_integer_ratio(), (2.5).is_integer(), (3.0).is_integer())
print((1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex())
print(float.__repr__(1.0), 3.0.__trunc__(), (-3.7).__floor__(), (-3.2).__ceil__())
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1), abs(-0.0))
print(int(1e300) % 1000, 1e300 == 10 ** 300, int(0.1 * 3 * 10))
print((-1) ** 0.5)
print(0.1 * 3, 1.1 * 1.1, 3 * 1.1, 1 - 0.9)
print(sum([0.1] * 10), 1e16 + 1, 9007199254740993.0)
print(float(True), float(-5), 2 ** 0.5 * 2 ** 0.5 == 2.0)
print(1 / 3 == 0.3333333333333333, 4.35 * 100, 0.57 * 100)
print(format(1e-7), format(1e16), format(12345.0, "g"), format(0.1, ".17g"))
