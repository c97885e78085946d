# dict semantics: ordering, equality, keys, hashing of keys.
d = {}
for k in [3, 1, 2, 'x', (1, 2), 1.0, True, None]:
    d[k] = str(k)
print(d, len(d))
d2 = {3: 'a'}
d2[1] = 'b'
del d2[3]
d2[3] = 'c'
print(d2, list(d2))
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3}, {} == {}, {1: 1} == {1.0: 1})
try:
    {[1]: 2}
except TypeError as e:
    print('TypeError:', e)
try:
    {1: 2} < {3: 4}
except TypeError as e:
    print('TypeError:', e)
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 3)
    def __eq__(self, o):
        return isinstance(o, Key) and self.v == o.v
    def __repr__(self):
        return f'Key({self.v})'
m = {Key(i): i for i in range(7)}
print(m, m[Key(4)], Key(10) in m)
class Missing(dict):
    def __missing__(self, key):
        return key * 2
mm = Missing(a=1)
print(mm['a'], mm['zz'], mm, mm.get('zz'))
try:
    for k in d:
        d['new'] = 1
except RuntimeError as e:
    print('RuntimeError:', e)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
print(dict(zip('abc', range(3))), {**{'a': 1}, 'b': 2, **{'a': 3}})
