# dict views: dynamic, set operations, reprs.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k))
d['d'] = 4
print(k, list(v), ('d', 4) in it, 'a' in k, 5 in v)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(sorted(it & {('a', 1)}), k == {'a', 'b', 'c', 'd'}, k.isdisjoint({'x'}), k < {'a', 'b', 'c', 'd', 'e'})
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(type(k).__name__, type(v).__name__, type(it).__name__, v == v, k.mapping if False else 'm')
try:
    k[0]
except TypeError as e:
    print('TypeError:', e)
print(list(map(len, [k, v, it])), {}.keys(), {}.items())
