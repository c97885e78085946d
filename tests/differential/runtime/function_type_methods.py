import types
def mk(x):
    def g(): return x
    return g
g = mk(5)
h = types.FunctionType(g.__code__, {}, 'hh', None, g.__closure__)
print(h(), h.__name__)
def f(a, b=2): return a + b
f2 = types.FunctionType(f.__code__, globals(), None, (10,))
print(f2(1))
for bad in [lambda: types.FunctionType(g.__code__, {}), lambda: types.FunctionType(1, {}), lambda: types.FunctionType(f.__code__, 1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class A:
    def m(self): return 1
a = A()
print(a.m == a.m, a.m != A().m, hash(a.m) == hash(a.m), types.MethodType(A.m, a)())
try:
    types.MethodType(A.m, None)
except TypeError as e:
    print(e)
def f3(): return 1
def f4(): return 2
f3.__code__ = f4.__code__
print(f3())
try:
    f3.__code__ = g.__code__
except ValueError as e:
    print(e)
import weakref
print(weakref.ref, weakref.ProxyType)
