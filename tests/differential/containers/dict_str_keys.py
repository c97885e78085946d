# Dict lookups with exact-str keys next to keys that only compare equal
# to a str through their own __eq__ (same hash): the str fast path must
# give way to them, in get/setdefault/[]/in and assignment.
class Alias:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return hash(self.s)
    def __eq__(self, other):
        print('Alias.__eq__', other)
        return other == self.s

class S(str):
    def __eq__(self, other):
        print('S.__eq__', other)
        return str.__eq__(self, other)
    __hash__ = str.__hash__

d = {Alias('k'): 1}
print(d.get('k'), 'k' in d, d['k'])
d['k'] = 2
print(len(d), list(d.values()))
e = {S('x'): 10, 'y': 20}
print(e.get('x'), e.get('y'), e.get('z', 'none'))
e['x'] = 11
print(len(e), sorted(e.values()))
f = {}
for w in ['a', 'b', 'a', 'c', 'b', 'a']:
    f[w] = f.get(w, 0) + 1
print(f, f.setdefault('d', []), f.setdefault('a', 99))
g = {'ab': 1}
k = ''.join(['a', 'b'])
print(g.get(k), k in g, g[k])
g[k] = 5
print(g)
