# collections' Python layer over the native core: namedtuple (_tuplegetter),
# Counter (_count_elements), OrderedDict, ChainMap, UserDict/UserList/UserString.
import collections
import collections.abc
from collections import namedtuple, Counter, OrderedDict, ChainMap, UserDict, UserList, UserString, deque, defaultdict


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]), Point.x.__doc__)
print(type(Point.x).__name__, isinstance(p, tuple), p == (1, 2), hash(p) == hash((1, 2)), tuple(p), len(p))
x, y = p; print(x, y, repr(Point), Point.__module__)
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0, 1]); print(P3(5), P3._field_defaults)
R = namedtuple('R', 'class def', rename=True); print(R._fields)
err(Point, 1); err(Point, 1, 2, 3); err(setattr, p, 'x', 3); err(namedtuple, 'Bad', 'a a')
class Sub(Point):
    def norm(self): return abs(self.x) + abs(self.y)
print(Sub(-1, 2).norm(), Sub(3, 4))

c = Counter('abracadabra')
print(c.most_common(3), c['a'], c['z'], sorted(c.elements())[:4], sum(c.values()), c.total())
c.update('aaz'); c.subtract({'a': 1}); print(c['a'], c['z'])
print(Counter('aaab') + Counter('abb'), Counter('aaab') - Counter('abb'), Counter('aaa') & Counter('a'), Counter('a') | Counter('aa'))
print(Counter([1, 2, 2, 3, 3, 3]), Counter('aab') == Counter('aba'), repr(Counter()))

o = OrderedDict()
o['b'] = 1; o['a'] = 2; o['c'] = 3
print(o, list(o), o.popitem(), o.popitem(last=False), o)
o.update(z=1, y=2); o.move_to_end('z'); print(list(o)); o.move_to_end('y', last=False); print(list(o))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), list(reversed(o)))
err(o.move_to_end, 'nope'); err(OrderedDict().popitem)

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.maps, cm.new_child({'c': 4})['c'], cm.parents)
cm['d'] = 5; print(cm.maps[0]); err(cm.__getitem__, 'zz')

ud = UserDict(a=1); ud['b'] = 2; print(ud, len(ud), 'a' in ud, ud.data)
ul = UserList([3, 1, 2]); ul.sort(); print(ul, ul + [4], ul[1:], type(ul[1:]).__name__)
us = UserString('abc'); print(us.upper(), us + 'd', us[1], len(us), us == 'abc')
print(collections.abc.Sequence, isinstance(deque(), collections.abc.MutableSequence), isinstance(defaultdict(), collections.abc.MutableMapping))
print(isinstance(Counter(), dict))
