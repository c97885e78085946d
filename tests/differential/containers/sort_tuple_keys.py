# Sorting by tuple keys: small ints, strs, floats (NaN, -0.0), items that
# need a real comparison (big ints, mixed int/float, bools, nested tuples,
# user classes, str subclasses), different lengths, stability, errors.
import random

rng = random.Random(7)
recs = [(rng.randrange(5), 'n%d' % rng.randrange(7), i) for i in range(60)]
print(sorted(recs, key=lambda t: (t[0], t[1]))[:8])
print(sorted(recs, key=lambda t: (t[1], -t[0]), reverse=True)[:8])
print(sorted([(1.5, 'a'), (-0.0, 'b'), (0.0, 'a'), (1.5, 'A')]))
print(sorted([(2**70, 1), (2**70, 0), (3, 2), (2.5, 1), (True, 0), (1, 5)]))
print(sorted([(1, (2, 'b')), (1, (2, 'a')), (0, (9,)), (1, (2,))]))
print(sorted([(1, 2, 3), (1, 2), (1,), (), (0, 9)]))

class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('lt', self.v, other.v)
        return self.v < other.v
    def __eq__(self, other):
        print('eq', self.v, other.v)
        return self.v == other.v
    def __repr__(self):
        return 'K(%d)' % self.v

print(sorted([(1, K(2)), (0, K(5)), (1, K(1))]))
class S(str):
    def __lt__(self, other):
        print('S.lt', str(self), str(other))
        return str.__lt__(self, other)
print(sorted([(S('b'), 1), (S('a'), 2)]))
same = K(3)
print(sorted([(same, 1), (same, 0)]))
try:
    sorted([(1, 'a'), (1, 2)])
except TypeError as e:
    print(e)
print(sorted(['b', 'a', 'é', 'Z', '\U0001f600', 'ab']))
