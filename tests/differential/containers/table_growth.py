# Dict and set tables across their layouts: index slot widths (tables of
# more than 128 and more than 32,768 slots), literal-sized dicts that grow,
# deletion churn, popitem followed by inserts, and CPython's set order.
import gc

# A literal's dict is sized for its items; adding keys grows it in order.
for n in range(1, 12):
    d = {'a': 1, 'b': 2, 'c': 3}
    for i in range(n):
        d['k%d' % i] = i
    assert list(d)[:3] == ['a', 'b', 'c'], d
print(d)

# Through every index width, with deletions and re-insertions on the way.
d = {}
for i in range(70000):
    d[i * 7919 % 100003] = i
    if i % 3 == 0:
        del d[(i // 2) * 7919 % 100003]
print(len(d), sum(d.values()) % 1000003, list(d)[:5], list(d)[-5:])
keys = list(d)
for k in keys[::2]:
    del d[k]
for k in keys[::4]:
    d[k] = -1
print(len(d), list(d)[:6], list(d)[-6:])
print(all(d[k] == -1 for k in keys[::4]))

# popitem trims the entry array; the next keys go after the survivors.
d = dict.fromkeys(range(300))
for _ in range(150):
    d.popitem()
for i in range(1000, 1200):
    d[i] = i
print(len(d), list(d)[145:155], list(d)[-3:])
while d:
    d.popitem()
d['x'] = 1
print(d)

# Deleting everything and refilling reuses the table; order stays insertion.
d = {str(i): i for i in range(200)}
for i in range(200):
    del d[str(i)]
for i in range(5):
    d[str(i * 11)] = i
print(d)

# Iteration positions survive deletions (RuntimeError on size change).
d = {i: i for i in range(10)}
it = iter(d)
next(it)
del d[5]
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
d = {i: str(i) for i in range(40)}
print(list(reversed(d))[:5], list(reversed(d.items()))[-2:])

# Sets follow CPython's slot order, across resizes and deletions.
s = set()
for i in range(0, 3000, 7):
    s.add(i)
    if i % 5 == 0:
        s.discard(i - 35)
print(len(s), list(s)[:12], list(s)[-12:])
s = {1, 2, 3}
s.add(-1)
s.add(2**61 + 5)
s.discard(2)
s.add(10)
print(list(s), s.pop(), list(s))
s = set(range(100000))
for i in range(0, 100000, 3):
    s.remove(i)
print(len(s), list(s)[:8], list(s)[-8:])
f = frozenset(range(-20, 20, 3))
print(list(f), list(f | {1000, -1000}), list(f.copy()))

# Cycles through dicts and sets are collected (the collector empties them).
class Node:
    pass
for _ in range(3):
    n = Node()
    n.d = {'self': n, 'big': {i: n for i in range(300)}}
    n.s = frozenset([n])
    del n
print(gc.collect() > 0)
