# Ints just past the small-int range, and up to and across 64 bits, take a
# 128-bit path in the loop: results must match arbitrary precision.
edges = [0, 1, -1, 2**31, 2**46, 2**47 - 1, 2**47, -2**47, 2**53 + 1, 2**62,
         2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 + 5, 10**30, -10**30]
ops = [
    ('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
    ('//', lambda a, b: a // b), ('%', lambda a, b: a % b), ('&', lambda a, b: a & b),
    ('|', lambda a, b: a | b), ('^', lambda a, b: a ^ b),
]
total = 0
for a in edges:
    for b in edges:
        for name, f in ops:
            try:
                r = f(a, b)
            except ZeroDivisionError:
                r = 'zde'
            total += hash(r) & 0xFFFF if r != "zde" else 1
            if a in (2**47, -2**63, 2**63 - 1) and b in (-1, 2**47, 7):
                print(a, name, b, '=', r)
print(total)
for a in (2**47, -2**47 - 3, 2**62, -2**63):
    for s in (0, 1, 15, 63, 64, 100):
        print(a, s, a << s, a >> s)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, (-2**63) // -1, (-2**63) % -1)
class I(int):
    def __add__(self, o):
        return 'I.add'
    def __lt__(self, o):
        return 'I.lt'
print(I(2**50) + 2**50, I(2**50) < 2**60, 2**60 < I(2**50))
print(True + 2**50, 2**50 & True, 2**50 < 2**51, 2**63 > 2**62, -2**63 == -(2**63))
seed = 12345
for _ in range(1000):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
print(seed)
x = 2**47
x += 1
x *= -3
x //= 5
x -= 2**62
print(x, type(x))
