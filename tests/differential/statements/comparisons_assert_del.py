# Chained comparisons, identity, membership, assert, del.
def noisy(v):
    print('eval', v)
    return v
print(noisy(1) < noisy(2) < noisy(3))
print(noisy(3) < noisy(2) < noisy(1))
x = 5
print(1 < x < 10, 1 < x > 3, x == 5 == 5.0, 1 < x <= 5 != 6, 'a' < 'b' < 'c', None is None is not False)
print(3 in [1, 2, 3] in [[1, 2, 3]], 'b' not in 'abc', x is not None)
try:
    assert x == 5, 'not shown'
    assert x == 6, f'x was {x}'
except AssertionError as e:
    print('AssertionError:', e)
try:
    assert False
except AssertionError as e:
    print('AssertionError args', e.args)
a = [1, 2, 3, 4]
del a[0]
del a[-1]
print(a)
d = {'k': 1, 'j': 2}
del d['k']
print(d)
v = 1
del v
try:
    v
except NameError as e:
    print('NameError:', e)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, 'attr'))
p, q = 1, 2
del p, q
print('p' in dir(), 'q' in dir())
try:
    del undefined_thing
except NameError as e:
    print('NameError:', e)
l = list(range(10))
del l[::3]
print(l)
