# super() in all its forms.
class A:
    def f(self):
        return 'A.f'
    @classmethod
    def c(cls):
        return 'A.c ' + cls.__name__
    @staticmethod
    def s():
        return 'A.s'
    def __init__(self):
        self.log = ['A']
class B(A):
    def f(self):
        return 'B.f/' + super().f()
    @classmethod
    def c(cls):
        return 'B.c/' + super().c()
    def __init__(self):
        super().__init__()
        self.log.append('B')
class C(B):
    def f(self):
        return 'C.f/' + super(B, self).f()
    def g(self):
        return super(C, self).f()
    def h(self):
        try:
            return [super().f() for _ in range(1)]
        except TypeError as e:
            return 'TypeError: ' + str(e)
    def i(self):
        return (lambda: super(C, self).f())()
c = C()
print(c.f(), c.g(), c.h(), c.i(), C.c(), B.c(), c.log)
print(super(C, c).f(), super(B, C).c(), super(A, c).__init__ is not None, super(C, c).s())
s = super(B, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
def outside(self):
    return super().f()
try:
    outside(c)
except RuntimeError as e:
    print('RuntimeError:', e)
class D(A):
    def f(self):
        del self
        try:
            return super().f()
        except RuntimeError as e:
            return str(e)
print(D().f())
try:
    super(B, 5)
except TypeError as e:
    print('TypeError:', e)
class P:
    def __getattr__(self, n):
        return 'getattr:' + n
class Q(P):
    def x(self):
        return super().zzz if False else super().__getattribute__('__class__').__name__
print(Q().x())
