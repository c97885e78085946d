# math: results of every float function over a broad sample, compared bit for bit
# (reprs) with CPython 3.11 (which uses the same platform libm).
import math, cmath
vals = [0.0, -0.0, 1e-320, 1e-300, 1e-20, 1e-10, 0.001, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0, 1.01, 1.5, 2.0, 2.5, 3.0, 3.7, 5.0, 7.5, 10.0, 15.3, 22.0, 23.5, 30.0, 50.5, 100.0, 141.0, 170.5, 171.7, 200.3, 500.0, 710.0, 1e10, 1e300, float('inf'), float('nan')]
vals = vals + [-v for v in vals if v]
def r(f, *a):
    try: return repr(f(*a))
    except Exception as e: return type(e).__name__
for name in ['acos','acosh','asin','asinh','atan','atanh','cbrt','cos','cosh','erf','erfc','exp','exp2','expm1','fabs','gamma','lgamma','log','log10','log1p','log2','sin','sinh','sqrt','tan','tanh','frexp','modf','ulp','degrees','radians','floor','ceil','trunc','isfinite']:
    f = getattr(math, name)
    print(name, ' '.join(r(f, v) for v in vals))
seed = [12345]
def u(a, b):
    seed[0] = (seed[0] * 6364136223846793005 + 1442695040888963407) % 2**64
    return a + (b - a) * (seed[0] >> 11) / 2**53
xs = [u(-30, 30) for _ in range(300)] + [u(-300, 300) for _ in range(100)] + [u(-1, 1) for _ in range(100)]
for name in ['gamma','lgamma','erf','erfc','exp','log','sin','tan','asinh','acosh','atanh']:
    f = getattr(math, name)
    print(name, ' '.join(r(f, v) for v in xs))
two = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 0.5, 1e300, -1e-300, 3.0, 7.0, float('inf'), -float('inf'), float('nan')]
for name in ['atan2','copysign','fmod','remainder','pow','hypot','nextafter','ldexp','log','isclose','dist']:
    f = getattr(math, name)
    out=[]
    for a in two:
        for b in two:
            if name == 'ldexp': b = int(b) if math.isfinite(b) else 5000
            if name == 'dist': out.append(r(f, (a, b), (b, 0.5))); continue
            out.append(r(f, a, b))
    print(name, ' '.join(out))
print(r(math.fsum, [0.1]*10), r(math.fsum, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), r(math.fsum, [1e-16, 1, 1e16]))
print(r(math.fsum, xs), r(math.hypot, *xs), r(math.dist, xs[:250], xs[250:]))
print(r(math.hypot, 1e-310, 3e-310), r(math.hypot, 3, 4, 5), r(math.hypot), r(math.hypot, -7.0))
print(r(math.prod, xs[:20]), r(math.prod, range(1, 30)), r(math.prod, [1, 2.5, 3]), r(math.prod, [2**62, 4]))
print(math.factorial(100), math.comb(100, 37), math.perm(50, 20), math.isqrt(10**50 + 12345), math.gcd(2**100, 6**40, 48), math.lcm(4, 6, 10))
print(math.factorial(20000).bit_length(), math.factorial(20000) % (10**9+7), math.comb(10**20, 3), math.perm(10**20, 3))
print(math.log(2**1000), math.log2(2**1000), math.log10(10**500), math.log(10**500, 7), math.log(3**2000, 2**1500))
print(math.pi, math.e, math.tau, math.inf, math.nan)
