import copy, pickle
class P:
    def __init__(self): self.a = [1, 2]; self.b = "x"
p = P()
q = copy.copy(p); r = copy.deepcopy(p)
print(q.a is p.a, r.a is p.a, r.a == p.a, vars(r))
class S:
    __slots__ = ('x', 'y')
s = S(); s.x = 1
t = copy.deepcopy(s); print(t.x, hasattr(t, 'y'))
from collections import namedtuple, OrderedDict
Pt = namedtuple('Pt', 'x y')
print(copy.copy(Pt(1, 2)), pickle.loads(pickle.dumps(Pt(1, 2))))
print(pickle.loads(pickle.dumps(p)).__dict__)
class L(list): pass
l = L([1, 2]); l.z = 3
m = copy.deepcopy(l); print(type(m).__name__, m, m.z)
print(pickle.loads(pickle.dumps({1: [2, (3, 4)], 'a': {5}})))
print(int.__flags__ & (1<<24) != 0, P.__flags__ & (1<<9) != 0)
