# Stores that add an attribute are cached per site as shape transitions;
# every way the answer can change must be seen: hooks and descriptors added
# later, instances with fewer inline slots, many attributes, deletion,
# __class__ assignment, __slots__, and subclasses sharing the site.
class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

def make(n):
    return [P(i, -i) for i in range(n)]

print([(p.a, p.b) for p in make(5)])

class Log:
    def __set__(self, obj, v):
        print('descriptor set', v)
        obj.__dict__['b_seen'] = v

P.b = Log()
ps = make(3)
print([p.__dict__ for p in ps])
del P.b
print([sorted(vars(p)) for p in make(3)])

def hook(self, name, v):
    print('setattr', name, v)
    object.__setattr__(self, name, v * 10)

P.__setattr__ = hook
print([(p.a, p.b) for p in make(2)])
del P.__setattr__
print([(p.a, p.b) for p in make(2)])

class Wide:
    def fill(self, n):
        for k in range(n):
            setattr(self, 'x%d' % k, k)
        self.last = n
        return self

ws = [Wide().fill(k) for k in (0, 3, 8, 30, 2, 40)]
print([w.last for w in ws], [len(vars(w)) for w in ws])

class Q(P):
    pass

class R(P):
    __slots__ = ()

objs = [P(1, 2), Q(3, 4), R(5, 6), Q(7, 8), P(9, 10)]
print([(type(o).__name__, o.a, o.b, sorted(vars(o))) for o in objs])

class S:
    __slots__ = ('a', 'b')
    def __init__(self, a, b):
        self.a = a
        self.b = b

print([(s.a, s.b) for s in (S(1, 2), S(3, 4))])
try:
    S(1, 2).c = 3
except AttributeError as e:
    print('AttributeError', e)

class A2:
    def __init__(self):
        self.a = 1
        self.b = 2

class B2:
    def __init__(self):
        self.a = 1
        self.b = 2

x = A2()
del x.a
x.a = 5
print(vars(x))
y = A2()
y.__class__ = B2
y.c = 3
print(type(y).__name__, vars(y), vars(A2()), vars(B2()))
for i in range(3):
    z = A2()
    z.__dict__['b'] = 'dict'
    z.b = i
    print(vars(z))
