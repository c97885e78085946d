# *args and **kwargs, unpacking in calls.
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], *(4,), b=2, **{'c': 3}, **{'d': 4}))
def g(a, b, c=3, *rest, key='k', **extra):
    return a, b, c, rest, key, extra
print(g(1, 2), g(1, 2, 3, 4, 5), g(*range(6), key='z', q=1), g(b=1, a=2, zz=9))
args = [1, 2]
kw = {'c': 30}
print(g(*args, **kw), g(*'xy'), g(*{10: 'a', 20: 'b'}))
try:
    g(1, 2, **{'a': 5})
except TypeError as e:
    print('TypeError:', e)
try:
    f(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print('TypeError:', e)
try:
    f(**{1: 2})
except TypeError as e:
    print('TypeError:', e)
try:
    f(*5)
except TypeError as e:
    print('TypeError:', e)
try:
    f(**[1])
except TypeError as e:
    print('TypeError:', e)
def h(*args):
    args = list(args)
    args.append('x')
    return args
print(h(1), h(), print(*[1, 2, 3], sep='-'))
