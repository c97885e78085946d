# cls(...) of a plain class after its namespace or a base's changes
# (__init__/__new__ replaced, added, deleted, made abstract) and for a
# subclass with a metaclass: the answer must follow every change.
import abc

class Base:
    def __init__(self, x):
        self.x = x

class C(Base):
    pass

print(C(1).x, C(2).x)
def init2(self, x):
    self.x = x * 10
Base.__init__ = init2
print(C(3).x)
C.__init__ = lambda self, x: setattr(self, 'x', -x)
print(C(4).x)
del C.__init__
print(C(5).x)

def new(cls, *a):
    o = object.__new__(cls)
    o.made_by_new = True
    return o
Base.__new__ = new
c = C(6)
print(c.x, c.made_by_new)
Base.__new__ = lambda cls, *a: object.__new__(cls)
c = C(7)
print(c.x, hasattr(c, 'made_by_new'))

class A(abc.ABC):
    def __init__(self):
        self.ok = True
print(A().ok)
A.__abstractmethods__ = frozenset({'m'})
try:
    A()
except TypeError as e:
    print(e)
A.__abstractmethods__ = frozenset()
print(A().ok)

class Meta(type):
    def __call__(cls, *a):
        return 'via meta'
class D:
    def __init__(self):
        self.d = 1
print(D().d)
class E(D, metaclass=Meta):
    pass
print(E(), D().d)
class G(Base):
    def __init__(self, x):
        yield x
try:
    G(1)
except TypeError as e:
    print(e)
