# math: integer functions (factorial, comb, perm, isqrt, gcd, lcm), exact sums and
# products, norms, and logarithms of ints too large for a float.
import math
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
for n in [0, 1, 2, 5, 20, 21, 22, 50, 170, 171, 500]:
    print(n, math.factorial(n) % (10**30 + 57), math.factorial(n).bit_length())
print(math.factorial(3000) % 1000000007, math.factorial(20000).bit_length())
for n, k in [(0, 0), (5, 2), (10, 10), (10, 11), (60, 30), (67, 33), (100, 50), (1000, 3), (10**20, 5), (2**70, 2)]:
    print(n, k, math.comb(n, k), math.perm(n, k))
print(math.comb(3000, 1500) % (10**9 + 7), math.perm(3000, 1200) % (10**9 + 9))
print(math.perm(6), math.perm(6, None), math.comb(True, False))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2**52, 2**64 - 1, 2**64, 10**50 + 12345, 3**200]:
    print(n, math.isqrt(n))
print(math.gcd(), math.gcd(-12), math.gcd(12, -18), math.gcd(0, 0), math.gcd(2**100, 6**40, 48), math.gcd(7, 1, 10**40))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(3, 0, 5), math.lcm(2**64, 3**40))
class I:
    def __index__(self): return 12
print(math.gcd(I(), 8), math.lcm(I(), 8), math.isqrt(I()), math.factorial(I()), math.comb(I(), 5), math.perm(I(), I()))
t(math.gcd, 1, 2.0)
t(math.lcm, 1.5)
t(math.comb, 5, 2.0)
t(math.perm, -1, 2)
t(math.perm, -1)
t(math.factorial, -5)
t(math.factorial, 2.5)
t(math.isqrt, "9")
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([1e-16, 1, 1e16]))
print(math.fsum([]), math.fsum(range(10)), math.fsum(iter([1.5, 2.25, 3])), math.fsum([2.0**53, 1.0, 1.0]), math.fsum([-0.0, -0.0]))
print(math.fsum([1e308, 1e308, -1e308]) if False else 0, math.fsum([float('inf'), 1.0]), math.fsum([float('-inf'), float('-inf')]))
t(math.fsum, [1e308, 1e308])
t(math.fsum, [float('inf'), float('-inf')])
t(math.fsum, [1, 'x'])
print(math.prod([]), math.prod(range(1, 20)), math.prod([2, 2.5]), math.prod([1.5, 2, 3]), math.prod([2**62, 2**62]), math.prod([3, 4], start=0.5))
print(math.prod(['ab', 3]), math.prod([[1], 2], start=1))
t(math.prod, ['a', 'b'])
t(math.prod, 5)
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 3, 4, 5), math.hypot(1e308, 1e308), math.hypot(1e-320, 1e-320), math.hypot(float('inf'), float('nan')), math.hypot(float('nan'), 1))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], iter([1, 1, 1])), math.dist((), ()), math.dist((1e308,), (-1e308,)))
t(math.dist, (1, 2), (1, 2, 3))
t(math.dist, [1], 5)
for v in [1, 2, 10, 2**1023, 2**1024, 10**400, 3**5000, 2**10000 - 1]:
    print(math.log(v), math.log2(v), math.log10(v), math.log(v, 3), math.log(v, 2**2000))
t(math.log, 0)
t(math.log, -(10**400))
t(math.log2, 0)
t(math.log10, -1)
t(math.log, 10, 1)
t(math.log, 10, 0)
t(math.log, 2**2000, 1.0)
print(math.log(True), math.log(8, 2), math.log(100, 10.0), math.log(0.5, 2**3000))
