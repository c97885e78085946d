# cmath: argument checking, errno-style errors (ValueError / OverflowError) and messages.
import cmath
def t(f, *a, **k):
    try: r = f(*a, **k); print(repr(r))
    except Exception as e: print(type(e).__name__, e)
t(cmath.log, 0, 2)
t(cmath.log, 2, 0)
t(cmath.log, 1, 1)
t(cmath.log, 0)
t(cmath.log)
t(cmath.log, 1, 2, 3)
t(cmath.sqrt, "x")
t(cmath.sqrt)
t(cmath.rect, 1)
t(cmath.phase, "a")
t(cmath.polar, complex(1e308, 1e308))
t(cmath.exp, complex(1000, 1))
t(cmath.isclose, 1, 2, 3)
t(cmath.log, "x")
t(cmath.log, 1, "x")
class C:
    def __complex__(self): return 1
t(cmath.sqrt, C())
t(cmath.atanh, 1)
t(cmath.log, 10**400)
t(cmath.sqrt, x=1)
t(cmath.acos)
t(cmath.phase, 1, 2)
t(cmath.isclose, 1, 1, rel_tol=-1)
t(cmath.isclose, 1j, 1j + 1e-12, abs_tol=1e-10)
t(cmath.isclose, complex('inf'), complex('inf'))
t(cmath.isclose, a=1, b=2)
t(cmath.isclose, 1, b=2, c=3)
t(cmath.sqrt, -4)
t(cmath.exp, 710)
t(cmath.cosh, complex(720, 0.5))
t(cmath.sinh, complex(0, float('inf')))
t(cmath.tanh, complex(1, float('inf')))
t(cmath.rect, 1, float('inf'))
t(cmath.rect, float('inf'), 0.5)
t(cmath.log, complex(0.0, -0.0))
t(cmath.log10, 0)
t(cmath.atanh, -1)
t(cmath.atanh, complex(1, 1e-200))
class Z:
    def __complex__(self): return 2+3j
t(cmath.exp, Z())
class F:
    def __float__(self): return 0.25
t(cmath.acos, F())
class Bad:
    def __complex__(self): raise RuntimeError("boom")
t(cmath.sin, Bad())
