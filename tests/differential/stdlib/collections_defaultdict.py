# collections.defaultdict, _count_elements and _tuplegetter.
from collections import defaultdict
import _collections


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


d = defaultdict(list)
d['a'].append(1); d['a'].append(2); d['b'].append(3)
print(d, d['a'], len(d), 'c' in d, d.get('c'), dict(d))
print(d.default_factory, defaultdict().default_factory, repr(defaultdict()))
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()), c['z'], 'z' in c)
d2 = defaultdict(lambda: 'dflt', {'x': 1}, y=2); print(d2['x'], d2['y'], d2['q'], sorted(d2))
d3 = defaultdict(None, [(1, 2)]); print(d3, d3[1]); err(lambda: d3[5])
print(isinstance(d, dict), issubclass(defaultdict, dict), type(d).__name__, defaultdict.__module__)
d.default_factory = set; d['s'].add(1); print(d['s'], d.default_factory)
e = d.copy(); print(type(e).__name__, e.default_factory, e == d, e is d)
print(d.__copy__() == d, d.__reduce__()[:4], list(d.__reduce__()[4])[:1])
print(defaultdict(int).__reduce__()[:4])
print(defaultdict(int, {1: 2}) | {3: 4}, {0: 1} | defaultdict(int, {1: 2}), type({} | defaultdict(int)).__name__)
m = defaultdict(int, {1: 1}); m |= {2: 2}; print(m, type(m).__name__)
err(lambda: defaultdict(int) | 1)
err(defaultdict, 1); err(defaultdict, None, 1, 2); err(defaultdict().__missing__)
err(defaultdict().__missing__, 'k')
print(defaultdict(list).__missing__('k'))
x = defaultdict(list); x.__missing__(1); print(x)
class DD(defaultdict):
    def __repr__(self):
        return 'DD!' + super().__repr__()
q = DD(int); q[1] += 1; print(q, type(q.copy()).__name__, q.copy())
r = defaultdict(); r.default_factory = r; print(repr(r))
rr = defaultdict(list); rr['self'] = rr; print(repr(rr))
print(defaultdict(int, a=1))

# _count_elements
counts = {}
_collections._count_elements(counts, 'abracadabra'); print(sorted(counts.items()))
class M(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
mm = M(); _collections._count_elements(mm, 'aab'); print(mm)
err(_collections._count_elements, {}, 1); err(_collections._count_elements, {})

# _tuplegetter
tg = _collections._tuplegetter(1, 'the second')
class P(tuple):
    second = tg
p = P((10, 20)); print(p.second, P.second is tg, tg.__doc__)
tg.__doc__ = 'changed'; print(tg.__doc__, tg.__reduce__())
err(setattr, p, 'second', 5); err(delattr, p, 'second')
err(tg.__get__, 5); print(tg.__get__(None, P) is tg)
err(lambda: P((1,)).second)
