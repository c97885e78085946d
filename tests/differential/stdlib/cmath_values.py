# cmath: results over ordinary inputs and every special-value class (inf, nan, signed
# zeros), and the errors CPython raises for them.
import math, cmath
def r(f, *a):
    try: return repr(f(*a))
    except Exception as e: return type(e).__name__
two = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 0.5, 1e300, -1e-300, 3.0, 7.0, float("inf"), -float("inf"), float("nan")]
for v in [complex(0.3, 0.4), complex(-2, 1), complex(1e-310, 1e-310), complex(1e308, 1e308), complex(0, 1), complex(1, 0), complex(-1, -0.0), complex(2, -3), complex(0.9, 0.1), complex(-1e-5, 1e-5), complex(400, 2), complex(-720, 1)]:
    print([r(getattr(cmath, n), v) for n in ['acos','acosh','asin','asinh','atan','atanh','cos','cosh','exp','log','log10','sin','sinh','sqrt','tan','tanh','phase','polar']])
sp = [complex(a, b) for a in [-math.inf, -2.5, -0.0, 0.0, 2.5, math.inf, math.nan] for b in [-math.inf, -2.5, -0.0, 0.0, 2.5, math.inf, math.nan]]
for n in ['acos','acosh','asin','asinh','atan','atanh','cos','cosh','exp','log','log10','sin','sinh','sqrt','tan','tanh','phase','polar','isinf','isnan','isfinite']:
    print(n, [r(getattr(cmath, n), v) for v in sp])
print([r(cmath.rect, a, b) for a in two for b in two])
print(r(cmath.log, 3+4j, 2-1j), r(cmath.isclose, 1+1j, 1+1.0000000001j), cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)

