# set / frozenset: constructors, methods, operators, result types, messages.
def err(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

def show(s):
    return type(s).__name__ + repr(sorted(s, key=repr))

print(show(set()), show(set('abca')), show(set([1, 2, 2])), show(frozenset(range(3))), show(set({'k': 1})), set(), frozenset())
f0 = frozenset([1, 2])
print(frozenset(f0) is f0, frozenset() == set(), set(f0) is f0, type(set(f0)).__name__)
err(lambda: set(1))
err(lambda: set([[]]))
err(lambda: set(x=1))
err(lambda: frozenset(x=1))
err(lambda: set([], []))
err(lambda: frozenset(1))
s = {1, 2, 3}
s.add(4); s.add(1); s.discard(99); s.discard(2); s.remove(3); print(show(s))
err(lambda: s.remove(99))
err(lambda: s.remove([]))
err(lambda: s.add([]))
err(lambda: set().pop())
p = {7}
print(p.pop(), p, len(p))
c = {1, 2}
c2 = c.copy(); c2.add(3); print(show(c), show(c2), c.copy() is c, f0.copy() is f0)
c2.clear(); print(c2)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(show(a | b), show(a & b), show(a - b), show(a ^ b), show(b - a))
print(show(a.union(b, [9], 'x')), show(a.intersection(b, [4, 3, 7])), show(a.difference([1], (2,))), show(a.symmetric_difference([4, 8])))
print(show(a.union()), show(a.intersection()), a.union() is a, f0.union() is f0, f0.intersection() is f0)
print(a.isdisjoint(b), a.isdisjoint([9]), {1}.issubset([1, 2]), {1, 2}.issuperset([1]), {1}.issubset({1}), set().issuperset(''), a <= a, a < a, a >= b, a > {1})
fa = frozenset(a)
print(show(fa | b), show(b | fa), show(fa & b), show(b - fa), show(fa ^ b), show(fa.union([7])), show(fa.difference(b)))
print(fa == a, a == fa, fa != frozenset(), {1, 2} < fa, fa > {1}, set() == frozenset())
err(lambda: {1} | [1])
err(lambda: {1} < [1])
err(lambda: {1}.union(1))
err(lambda: set().issubset(1))
err(lambda: {1} ^ 1)
print({1}.__or__(1), {1}.__eq__(1), {1}.__lt__([]), {1}.__and__({1, 2}), {1, 2}.__rsub__({2, 3}), {1}.__ror__(frozenset({2})) == {1, 2})
u = {1, 2, 3}
u |= {4}; u &= {1, 2, 4, 5}; u -= {1}; u ^= {2, 9}; print(show(u))
u.update([10], (11,)); u.intersection_update([4, 9, 10, 11, 12], {4, 9, 10, 11}); print(show(u))
u.difference_update([4], {9}); u.symmetric_difference_update([10, 20]); print(show(u))
u.difference_update(u); print(u)
err(lambda: u.__ior__([]))
f1 = frozenset({1})
g = f1
g |= {2}; print(show(g), show(f1), g is f1)
err(lambda: set.add(frozenset(), 1))
err(lambda: frozenset().add(1))
err(lambda: u.update(1))
err(lambda: u.add())
err(lambda: u.pop(1))
# hashing
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({-1, 5, 10 ** 20})), hash(frozenset(range(100))))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), frozenset({1}).__hash__() == hash(frozenset({1})))
err(lambda: hash(set()))
print(set.__hash__, {frozenset({1}): 'x'}[frozenset([1])], frozenset({1}) in {frozenset({1})}, {1} in {frozenset({1})})
ss = {frozenset({1}), frozenset({2})}
ss.remove({1}); ss.discard({2}); print(ss)
# subclasses
class S(set):
    pass
class F(frozenset):
    pass
sv, fv = S([1, 2]), F([1, 2])
print(sv, fv, type(sv | {3}).__name__, type(fv | {3}).__name__, type(sv.copy()).__name__, type(fv.copy()).__name__, sv == fv)
print(type({3} | sv).__name__, type(fv.union()).__name__, type(fv & sv).__name__, fv == frozenset([1, 2]))
err(lambda: S([1], [2]))
err(lambda: F([1], [2]))
class Tagged(set):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
t = Tagged('ab', 'T')
print(sorted(t), t.tag, len(t))
# mutation during iteration
m = {1, 2, 3}
try:
    for x in m:
        m.add(x + 10)
except RuntimeError as ex:
    print('RuntimeError', ex)
print(set([1, 1.0, True]), {0, False, 0.0}, len({(1, 2), (1, 2)}))
