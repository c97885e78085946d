# Default arguments: evaluated once, mutable defaults, None sentinel.
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1), f(2, 3), f(3, c=[0]), f(4))
x = 10
def g(v=x):
    return v
x = 20
print(g(), g(5), g.__defaults__)
def h(a, b=None, *, c=5, d):
    return a, b, c, d
print(h(1, d=4), h(1, 2, c=3, d=4), h.__kwdefaults__, h.__defaults__)
def k(*, a=1, b):
    return a + b
print(k(b=2), k(a=5, b=5))
def counter(n=[0]):
    n[0] += 1
    return n[0]
print(counter(), counter(), counter())
f.__defaults__ = (100, [9])
print(f(0))
def noargs():
    return 'none'
print(noargs.__defaults__, noargs.__kwdefaults__, noargs())
