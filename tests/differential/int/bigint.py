# Big integer arithmetic and repr.
a = 2 ** 100
b = 3 ** 70
print(a, b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b, b // 7, b % 7)
print(-a // 3, -a % 3, a // -3, a % -3)
print(divmod(a * b + 12345, b))
print(a ** 3)
print(10 ** 50 + 1, -(10 ** 50))
f = 1
for i in range(1, 60):
    f *= i
print(f)
print(f // (2 ** 40), f % 1000000007)
print(len(str(2 ** 10000)))
print(str(7 ** 200)[:30], str(7 ** 200)[-30:])
print(a == 2 ** 100, a < b, a > b, a != b)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-(2 ** 100)))
print((2 ** 64) >> 3, (2 ** 64) << 10, -(2 ** 64) >> 3)
print((2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1, (2 ** 100) ^ (2 ** 99))
print(~(2 ** 70), -(2 ** 70) & 0xFFFF)
print(abs(-(3 ** 80)), bool(2 ** 200), int(2 ** 80 / 1))
print(sum(range(10 ** 6)))
print(12345678901234567890123 * 98765432109876543210)
