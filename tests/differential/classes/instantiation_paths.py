# Instantiation takes a shortcut when __new__ is object.__new__: every
# argument check and abstract-class error must still be CPython's.
class A: pass
try: A(1)
except TypeError as e: print(e)
class B:
    def __init__(self, x): self.x = x
print(B(3).x)
try: B()
except TypeError as e: print(e)
class C:
    def __new__(cls, *a): return object.__new__(cls)
print(type(C(1, 2)).__name__)
try: object.__new__(B, 1)
except TypeError as e: print(e)
import abc
class D(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
try: D()
except TypeError as e: print(e)
class E(D):
    def f(self): return 1
print(E().f())
class F(int): pass
print(F(5) + 1)
