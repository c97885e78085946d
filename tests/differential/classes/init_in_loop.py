# cls(...) of a plain class runs __init__ as a frame of the calling loop:
# defaults, varargs, errors, non-None returns, generators, recursion,
# metaclass __call__, custom __new__, __slots__, abstract classes.
class A:
    def __init__(self, x, y=2, *a, **k):
        self.x = x; self.y = y; self.a = a; self.k = k
print(vars(A(1)), vars(A(1, 3, 4, z=5)))
class B:
    def __init__(self):
        return 5
try:
    B()
except TypeError as e:
    print(e)
class C:
    def __init__(self, v):
        if v: raise ValueError(v)
try:
    C(7)
except ValueError as e:
    print('VE', e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
try:
    A()
except TypeError as e:
    print(e)
class D(A):
    def __init__(self):
        super().__init__(9)
print(vars(D()))
class G:
    def __init__(self):
        yield 1
try:
    G()
except TypeError as e:
    print(e)
import sys
class R:
    def __init__(self, n):
        self.c = R(n - 1) if n else None
sys.setrecursionlimit(200)
try:
    R(1000)
except RecursionError as e:
    print('RecursionError', e)
class Meta(type):
    def __call__(cls, *a):
        print('meta call', a)
        return super().__call__(*a)
class M(metaclass=Meta):
    def __init__(self, q):
        self.q = q
print(vars(M(3)))
class N:
    def __new__(cls, *a):
        o = object.__new__(cls); o.made = True; return o
    def __init__(self, v):
        self.v = v
print(vars(N(4)))
class Slots:
    __slots__ = ('p',)
    def __init__(self, p):
        self.p = p
print(Slots(8).p)
from abc import ABC, abstractmethod
class Abs(ABC):
    @abstractmethod
    def f(self): ...
    def __init__(self): print('never')
try:
    Abs()
except TypeError as e:
    print(e)
