# default argument evaluation time & mutability
calls = []
def default_maker(v):
    calls.append(v)
    return v

def f(a=default_maker(1), b=default_maker(2)):
    return a, b
print(calls)
print(f(), f(5), calls)

def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
print(append_to.__defaults__)

def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe(1), safe(2))

n = 10
def g(v=n):
    return v
n = 20
print(g())

def kw(a, *, b=n, c=[]):
    c.append(a)
    return b, c
print(kw(1), kw(2))
print(sorted(kw.__kwdefaults__))

def h(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(h(1, c=3))
print(h(1, 5, 6, 7, c=3, e=9))
print(h.__defaults__, h.__kwdefaults__)

h.__defaults__ = (100,)
print(h(1, c=0))

def lam_defaults():
    return [(lambda x=i: x)() for i in range(3)]
print(lam_defaults())

class C:
    def m(self, x=[]):
        x.append(len(x))
        return x
c = C()
print(c.m(), c.m(), C().m())
print(f.__code__.co_argcount, h.__code__.co_kwonlyargcount)
