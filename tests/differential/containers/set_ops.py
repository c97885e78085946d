# set operators and methods (ints only, so order is deterministic).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} < b, a >= {1}, a > a, a == {4, 3, 2, 1})
print(a.union([9], (8,)), a.intersection(b, {4}), a.difference({1}, {2}), a.symmetric_difference([1, 10]))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}), len(a), 3 in a, 7 not in a)
s = set()
s.add(5); s.add(5); s.update([1, 2], {3}); print(s)
s.discard(99); s.remove(1); print(s, s.pop(), s)
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
try:
    set().pop()
except KeyError as e:
    print('KeyError:', e)
c = {1, 2, 3}
c |= {4}; c &= {2, 3, 4, 5}; c -= {2}; c ^= {9, 3}
print(c, set(), set('aaa'), set([1, 1, 2]), {x % 4 for x in range(10)})
c.intersection_update({4, 9, 10}); c.difference_update([9]); c.symmetric_difference_update({1}); print(c)
try:
    {[1]}
except TypeError as e:
    print('TypeError:', e)
try:
    a | [1]
except TypeError as e:
    print('TypeError:', e)
print(sorted({'b', 'a', 'c'}), sorted({'x'} | {'y'}), {1, 2}.copy(), {True, 1, 1.0}, {0, False})
c.clear(); print(c, repr(set()), str({1}))
