# Instances whose classes assign many attributes on self (the first
# instances are sized from the methods' `self.x = ...` stores): inheritance,
# attributes beyond the prediction, deletion, __dict__ and vars().
class Base:
    def __init__(self, a):
        self.a = a
        self.b = a + 1
        self.c = a + 2

class Child(Base):
    def __init__(self, a):
        super().__init__(a)
        self.d = a * 2
        self.e = a * 3
        self.f = [a]

    def grow(self):
        for i in range(30):
            setattr(self, 'x%d' % i, i)

    def rebind(self):
        self = None
        return self

objs = [Child(i) for i in range(12)]
print([(o.a, o.b, o.c, o.d, o.e, o.f) for o in objs][:3])
objs[0].grow()
print(objs[0].x29, sorted(vars(objs[0]))[:8], len(vars(objs[0])))
del objs[1].c
print(hasattr(objs[1], 'c'), objs[1].__dict__)
objs[2].__dict__['zz'] = 5
print(objs[2].zz, objs[2].e)
print(objs[3].rebind(), objs[3].a)

class Odd:
    def set(other, v):
        other.v = v
    def __init__(this):
        this.w = 1

o = Odd()
o.set(3)
print(o.v, o.w, vars(o))

class Empty:
    pass

e = Empty()
for n in 'abcdefghij':
    setattr(e, n, n.upper())
print(vars(e))
print(sum(len(vars(Child(i))) for i in range(20)))
