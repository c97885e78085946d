# tuples: packing, methods, comparisons, hashing.
t = (1, 2, 3, 2)
print(t, t.count(2), t.index(3), t[1:], t[::-1], len(t), t + (4,), t * 2, (), (1,), tuple('ab'))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (1, 'a') == (1, 'a'), (2,) > (1, 9), () == ())
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    t.index(9)
except ValueError as e:
    print('ValueError:', e)
a, b, *c = t
print(a, b, c)
x = 1, 2
y = (x,)
print(x, y, type(x).__name__, tuple([1, 2]) is not None, (1, 2, 3)[5:], repr((1,)), str(('a',)))
print(hash((1, 2, 3)), hash(()), hash((1,)), hash((-1, -2)))
class P(tuple):
    pass
p = P((1, 2))
print(p, type(p).__name__, p + (3,), type(p + (3,)).__name__)
