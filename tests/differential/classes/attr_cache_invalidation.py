# Attribute lookups from the same instruction must see every change to the
# classes involved (the loop caches lookups per layout).

class Base:
    kind = 'base'
    def m(self):
        return 'Base.m'

class Child(Base):
    def __init__(self, v):
        self.v = v

def read(o):
    return o.v, o.kind, o.m()

def write(o, x):
    o.v = x

objs = [Child(i) for i in range(3)]
for o in objs:
    print(read(o))

# A class attribute changes on the base: seen through the subclass.
Base.kind = 'changed'
print(read(objs[0]))

# A method replaced on the base, then overridden on the subclass.
Base.m = lambda self: 'new Base.m'
print(read(objs[1]))
Child.m = lambda self: 'Child.m'
print(read(objs[1]))
del Child.m
print(read(objs[1]))

# A data descriptor added later shadows the instance attribute.
print(read(objs[2]))
Base.v = property(lambda self: 'property v', lambda self, x: print('set v', x))
print(read(objs[2]))
write(objs[2], 42)
del Base.v
print(read(objs[2]))
write(objs[2], 43)
print(read(objs[2]))

# __getattribute__ / __setattr__ added after the caches are warm.
for _ in range(3):
    write(objs[0], 1)
    print(read(objs[0]))
Child.__getattribute__ = lambda self, n: 'ga:' + n if n != 'm' else object.__getattribute__(self, n)
print(read(objs[0]))
del Child.__getattribute__
print(read(objs[0]))
Child.__setattr__ = lambda self, n, x: print('setattr', n, x)
write(objs[0], 5)
del Child.__setattr__
write(objs[0], 6)
print(read(objs[0]))

# __class__ assignment between compatible classes.
class Other:
    kind = 'other'
    def m(self):
        return 'Other.m'
o = Child(7)
print(read(o))
o.__class__ = Other
print(read(o))

# Many classes through one site (more than the cache remembers).
classes = [type('K%d' % i, (Base,), {'kind': 'k%d' % i}) for i in range(7)]
insts = []
for i, k in enumerate(classes):
    x = k()
    x.v = i
    insts.append(x)
for _ in range(2):
    print([read(x) for x in insts])

# Attributes deleted, instances pushed to dict mode.
p = Child(1)
print(read(p))
del p.v
try:
    read(p)
except AttributeError as e:
    print('AttributeError', e)
p.v = 2
print(read(p))
p.__dict__['v'] = 3
print(read(p))
for i in range(40):
    setattr(p, 'a%d' % i, i)
print(read(p), p.a39)

# Builtin methods through the same site.
def app(x, v):
    x.append(v)
    return x
print(app([], 1), app([2], 3))
class L(list):
    def append(self, v):
        list.append(self, v * 10)
print(app(L(), 1), app([], 1))

# Slots.
class S:
    __slots__ = ('v',)
    kind = 'slots'
    def m(self):
        return 'S.m'
s = S()
s.v = 1
print(read(s))
write(s, 2)
print(read(s))

# A metaclass does not change instance lookups; class-level reads work.
class Meta(type):
    kind = 'meta'
class WithMeta(metaclass=Meta):
    def __init__(self):
        self.v = 0
    def m(self):
        return 'WithMeta.m'
w = WithMeta()
print(w.v, w.m(), WithMeta.kind)

# __bases__ assignment changes what the same sites find.
class A:
    kind = 'A'
    def m(self):
        return 'A.m'
class B:
    kind = 'B'
    def m(self):
        return 'B.m'
class C(A):
    def __init__(self):
        self.v = 'c'
c = C()
for _ in range(3):
    print(read(c))
C.__bases__ = (B,)
for _ in range(3):
    print(read(c))
A.kind = 'A2'
B.kind = 'B2'
print(read(c))
