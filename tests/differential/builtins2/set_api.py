# set / frozenset API and errors (ints only, sorted output)
s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 3 in s, 9 not in s)
s.discard(9); s.discard(4); s.remove(3)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9], (10,))), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})))
print(sorted(a.symmetric_difference([4, 6])), a.isdisjoint({7}), {1, 2} <= a, {1, 2} < {1, 2})
print(a >= {1}, a.issuperset([1, 2]), {1}.issubset(range(3)), a == {4, 3, 2, 1})
c = set(a); c |= {7}; c &= {1, 7, 3}; c -= {1}; c ^= {8}
print(sorted(c))
c.update([20], (21,)); c.intersection_update(range(22)); c.difference_update([8])
print(sorted(c))
c.symmetric_difference_update({3, 100}); print(sorted(c))
fs = frozenset([1, 2])
print(sorted(fs | {3}), type(fs | {3}).__name__, type({3} | fs).__name__, fs == {1, 2})
print(hash(fs) == hash(frozenset({2, 1})), {fs: "ok"}[frozenset([1, 2])])
for bad in [lambda: set().pop(), lambda: {[1]}, lambda: {1} | [2], lambda: {1} < [1],
            lambda: fs.add(1), lambda: set(5), lambda: {1}.add([]), lambda: {1} + {2},
            lambda: {{1}}]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
x = {1, 2, 3}
try:
    for i in x:
        x.add(i + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(set(), frozenset(), repr(set()), repr(frozenset()))
print(repr({5}), repr(frozenset({6})))
print(sorted({n % 4 for n in range(20)}), set("aab") == {"a", "b"})
e = {1, 2}; print(e.copy() == e, e.copy() is e)
e.clear(); print(e, len(e))
print({1, 2} == frozenset({1, 2}), {1} != {1.0}, {0} == {False})
print(sorted({1, 2, 3} - {2} | {5} & {5, 6}), max({3, 9, 1}), sum({1, 2, 3}))
class Sub(set): pass
print(type(Sub([1]) | {2}).__name__, sorted(Sub([3, 1])))
