# Tuples of atoms stop being tracked at the first collection they survive
# (as in CPython); tuples holding containers or subclass instances stay,
# and cycles through tuples are still collected.
import gc
a = tuple([1, 2, 'x'])
b = tuple([[], 1])
c = tuple([a, 3.5, None])
class T(tuple): pass
d = T([1, 2])
e = tuple([(1, 2), frozenset()])
print([gc.is_tracked(x) for x in (a, b, c, d, e)])
gc.collect()
print([gc.is_tracked(x) for x in (a, b, c, d, e)])
print(any(x is a for x in gc.get_objects()), any(x is b for x in gc.get_objects()))
l = []
t = tuple([l])
l.append(t)
del l, t
print(gc.collect() >= 2)
