# Basic int arithmetic, including negative operands.
vals = [0, 1, -1, 7, -7, 13, -13, 100, -100, 2**31, -(2**31)]
for a in vals:
    for b in [1, -1, 3, -3, 7, -7]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(10 / 4, -10 / 4, 1 / 3, 2 / 1)
print(abs(-5), -(-5), +5, ~5, ~-1)
print(3 * True, True + True, False - 1)
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 10; print(x)
print(0 ** 0, 2 ** -1, (-2) ** 3, (-2) ** -2)
print(int.__add__(3, 4), (5).__mul__(6), (5).__rsub__(1))
print((3).__truediv__(2), (3).__floordiv__(2))
print(int.__add__(3, 'x'))
