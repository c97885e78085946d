# dict: constructors, update forms, methods, views, operators, messages.
def err(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

print(dict(), dict(a=1), dict([('a', 1), ('b', 2)], c=3), dict({'x': 1}, x=2), dict(['ab', 'cd']), dict(zip('ab', [1, 2])))
err(lambda: dict(1))
err(lambda: dict([(1, 2, 3)]))
err(lambda: dict([1]))
err(lambda: dict('a'))
err(lambda: dict({}, {}))
class Mapping:
    def keys(self):
        return ['k1', 'k2']
    def __getitem__(self, k):
        return k.upper()
print(dict(Mapping()))
d = {'a': 1}
d.update(Mapping()); d.update([('z', 26)], y=25); d.update({'a': 0}); d.update(); print(d)
err(lambda: d.update([(1, 2, 3)]))
err(lambda: d.update(1, 2))
err(lambda: d.update(1))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
err(lambda: dict.fromkeys())
err(lambda: dict.fromkeys(1))
err(lambda: dict.fromkeys([1], 2, 3))
e = {'a': 1, 'b': 2, 'c': 3}
print(e.get('a'), e.get('z'), e.get('z', 0), e.setdefault('a', 9), e.setdefault('d'), e.setdefault('e', 5), e)
print(e.pop('d'), e.pop('zz', 'dflt'), e.popitem(), e.popitem(), e)
err(lambda: e.pop('zz'))
err(lambda: {}.popitem())
err(lambda: e.get())
err(lambda: e.get(1, 2, 3))
err(lambda: e.pop())
err(lambda: e.keys(1))
err(lambda: e[[]])
err(lambda: e['missing'])
err(lambda: e.__delitem__('missing'))
f = e.copy(); f['new'] = 1; print(e, f, e.copy() == e, e.copy() is e)
f.clear(); print(f, len(f))
# popitem is LIFO, deletion keeps order
g = {i: i * i for i in range(6)}
del g[2]; g[2] = 'again'; print(g, g.popitem(), list(g))
# operators
print({'a': 1} | {'b': 2}, {'a': 1} | {'a': 3}, {'a': 1}.__or__([]), {}.__ror__({'x': 1}))
h = {'a': 1}; h |= {'b': 2}; h |= [('c', 3)]; print(h)
err(lambda: {} | 1)
err(lambda: {} | [('a', 1)])
err(lambda: h.__ior__(1))
print({'a': 1} == {'a': 1.0}, {'a': 1} != {'a': 2}, {1: 2}.__eq__([]), {}.__lt__({}))
err(lambda: {} < {})
err(lambda: hash({}))
print(dict.__hash__, 'a' in h, h.__contains__('zz'), len(h), h.__len__(), list(reversed(h)), list(h.__iter__()))
# views
v = {'a': 1, 'b': 2, 'c': 3}
k, vs, it = v.keys(), v.values(), v.items()
print(k, vs, it, len(k), len(vs), len(it), 'a' in k, 2 in vs, ('a', 1) in it, ('a', 2) in it, 'a' in it, (1, 2, 3) in it)
print(list(reversed(k)), list(reversed(vs)), list(reversed(it)), repr(k.mapping), k.mapping['a'])
v['d'] = 4; print(k, list(vs))
print(sorted(k | {'z'}), sorted(k & {'a', 'q'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}), sorted({'a', 'q'} - k), sorted(['a', 'x'] | k))
print(sorted(it & {('a', 1)}), sorted(it - {('a', 1)}), sorted(k & ['b', 'c', 'x']))
print(k == {'a', 'b', 'c', 'd'}, k == ['a', 'b', 'c', 'd'], {'a', 'b', 'c', 'd'} == k, k < {'a', 'b', 'c', 'd', 'e'}, k <= set('abcd'), k > {'a'}, k >= k)
print(it == {('a', 1), ('b', 2), ('c', 3), ('d', 4)}, vs == vs, vs == v.values(), k.isdisjoint(['x', 'y']), k.isdisjoint('a'), it.isdisjoint([('a', 1)]))
err(lambda: k | 1)
err(lambda: vs | {1})
err(lambda: hash(k))
err(lambda: vs < vs)
# mutation during iteration
m = {1: 1, 2: 2}
try:
    for key in m:
        m[key + 10] = 0
except RuntimeError as ex:
    print('RuntimeError', ex)
try:
    for key in m.values():
        del m[1]
except RuntimeError as ex:
    print('RuntimeError', ex)
m2 = {1: 1, 2: 2}
for key in m2:
    m2[key] = 'changed'
print(m2)
# subclasses
class D(dict):
    def __missing__(self, key):
        return key * 2
dd = D(a=1)
print(dd['a'], dd['zz'], dd.get('zz'), type(dd.copy()).__name__, type(dd | {}).__name__, dd, isinstance(dd, dict))
class Counter(dict):
    def __init__(self, it):
        super().__init__()
        for x in it:
            self[x] = self.get(x, 0) + 1
print(Counter('abracadabra'), D.fromkeys('ab', 0), type(D.fromkeys('ab')).__name__)
class Loud(dict):
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v)
lo = Loud()
lo['x'] = 1; lo.update(y=2); print(lo, Loud.fromkeys('pq'))
