# properties, data/non-data descriptors, __set_name__
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        self._c = None

t = Temp()
t.c = 25
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print("ValueError", e)
del t.c
print(t.c)

class RO:
    @property
    def x(self):
        return 1
r = RO()
try:
    r.x = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.x
except AttributeError as e:
    print("AttributeError:", e)

class Named:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "class access " + self.name
        return obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, value):
        obj.__dict__["_" + self.name] = value * 2

class M:
    alpha = Named()
    beta = Named()
print(M.alpha, M.__dict__["beta"].owner, M.__dict__["beta"].name)
m = M()
print(m.alpha)
m.alpha = 5
print(m.alpha, sorted(m.__dict__))

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class N:
    attr = NonData()
n = N()
print(n.attr)
n.__dict__["attr"] = "from instance"
print(n.attr)

class Data:
    def __get__(self, obj, objtype=None):
        return "data wins"
    def __set__(self, obj, value):
        pass
class D:
    attr = Data()
d = D()
d.__dict__["attr"] = "instance"
print(d.attr)
p = property(lambda self: 3, doc="my doc")
print(p.__doc__, p.fget(None), p.fset, p.fdel)
print(type(Temp.__dict__["c"]).__name__, Temp.c.fget.__name__)
