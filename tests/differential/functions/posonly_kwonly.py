# Positional-only and keyword-only parameters and their error messages.
def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
calls = [lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3), lambda: f(1),
         lambda: f(1, 2, 3, d=4, e=5), lambda: f(1, 2, 3, c=3, d=4), lambda: f()]
for c in calls:
    try:
        c()
    except TypeError as e:
        print('TypeError:', e)
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
def h(x, y=2, /, z=3):
    return x, y, z
print(h(1), h(1, 5), h(1, z=9))
def only_kw(*, x):
    return x
for c in [lambda: only_kw(1), lambda: only_kw(), lambda: only_kw(x=1, y=2)]:
    try:
        c()
    except TypeError as e:
        print('TypeError:', e)
def many(a, b, c):
    pass
for c in [lambda: many(1), lambda: many(1, 2, 3, 4), lambda: many(1, 2, c=3, b=2), lambda: many(1, 2, 3, d=0)]:
    try:
        c()
    except TypeError as e:
        print('TypeError:', e)
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount, f.__code__.co_varnames)
