class A:
    pass
A.__call__ = A()
a = A()
try:
    a()
except RecursionError as e:
    print("RecursionError", e)
def f(x):
    return lambda: x + 1
g = f(3)
for fn in (eval, lambda c: exec(c, {})):
    try:
        fn(g.__code__)
    except TypeError as e:
        print(e)
class B: pass
class C(B): pass
class D(B): pass
print([c.__name__ for c in B.__subclasses__()])
import traceback
def bad(): return 1/0
try:
    bad()
except Exception:
    print(traceback.format_exc().splitlines()[-1])
print(bad.__code__.replace(co_name="renamed").co_name)
