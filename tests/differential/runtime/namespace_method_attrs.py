import types, sys
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns == types.SimpleNamespace(a=1, b="x"), ns.a)
ns.c = 3; del ns.a; print(ns, repr(types.SimpleNamespace()))
print(type(sys.implementation).__name__, type(sys.implementation) is types.SimpleNamespace)
class F:
    def m(self): pass
F.m.attr = 5
print(F().m.attr, F().m.__doc__, F().m.__name__)
def f(): pass
print(f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else type(f.__builtins__).__name__)
class D:
    def __set_name__(self, owner, name): raise ValueError("nope")
try:
    class C:
        x = D()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
