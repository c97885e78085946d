# Decorators: plain, with arguments, stacked, class decorators, wraps-free.
def trace(fn):
    def wrapper(*a, **k):
        print('call', fn.__name__, a, k)
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, 2), add.__name__)
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x):
    return 'hi ' + x
print(hi('bob'))
def d1(f):
    print('applying d1')
    return lambda: 'd1(' + f() + ')'
def d2(f):
    print('applying d2')
    return lambda: 'd2(' + f() + ')'
@d1
@d2
def base():
    return 'base'
print(base())
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class A:
    pass
print(registry, A.registered)
@(lambda f: f.__name__ * 2)
def weird():
    pass
print(weird)
class Cnt:
    def __init__(self, f):
        self.f = f
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)
@Cnt
def sq(x):
    return x * x
print(sq(3), sq(4), sq.n)
