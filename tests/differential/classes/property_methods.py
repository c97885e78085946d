# property, classmethod, staticmethod.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        """celsius"""
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError('too cold')
        self._c = v
    @c.deleter
    def c(self):
        print('deleting')
        self._c = None
    f = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.c = 100
print(t.c, t.f, Temp.c.__doc__, type(Temp.c).__name__)
try:
    t.c = -300
except ValueError as e:
    print('ValueError:', e)
try:
    t.f = 5
except AttributeError as e:
    print('AttributeError:', e)
del t.c
print(t.c)
try:
    del t.f
except AttributeError as e:
    print('AttributeError:', e)
class M:
    count = 0
    @classmethod
    def make(cls, n):
        cls.count += n
        return cls
    @staticmethod
    def util(a, b):
        return a * b
class N(M):
    pass
print(M.make(1).__name__, N.make(2).__name__, M.count, N.count, M.util(3, 4), M().util(2, 2), N().make(1).count)
print(type(M.__dict__['make']).__name__, type(M.__dict__['util']).__name__, M.__dict__['util'].__func__(5, 5))
p = property()
try:
    class E:
        x = property()
    E().x
except AttributeError as e:
    print('AttributeError:', e)
print(Temp.c.fget.__name__, Temp.c.fset is not None, property.__name__)
