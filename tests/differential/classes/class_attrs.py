# Class vs instance attributes, __dict__, __class__, dunder attributes.
class A:
    """Doc of A."""
    shared = []
    count = 0
    def __init__(self, name):
        self.name = name
        A.count += 1
    def add(self, x):
        self.shared.append(x)
a, b = A('a'), A('b')
a.add(1); b.add(2)
print(A.shared, a.shared is b.shared, A.count, a.count, a.__dict__, A.__doc__, A.__name__, A.__module__)
a.count = 100
print(a.count, A.count, b.count, sorted(k for k in A.__dict__ if not k.startswith('__')))
print(a.__class__ is A, type(a).__name__, isinstance(a, A), A.__dict__['count'], 'name' in vars(a))
a.__class__ = type('Other', (), {'extra': 'yes', '__init__': lambda s: None})
print(type(a).__name__, a.extra)
class B:
    x = 1
    y = x + 1
    try:
        z = [x * i for i in range(3)]
    except NameError as e:
        z = str(e)
    def meth(self): return self.x
print(B.y, B.z, B().meth(), B.meth(B()), type(B.__dict__).__name__)
try:
    B.__dict__['x'] = 5
except TypeError as e:
    print('TypeError:', e)
B.x = 10
print(B().meth(), B.y)
del B.x
try:
    B().meth()
except AttributeError as e:
    print('AttributeError:', e)
class Empty: pass
e = Empty()
e.__dict__['k'] = 'v'
print(e.k, Empty.__bases__, Empty.__mro__[-1].__name__, Empty.__subclasses__(), len(object.__subclasses__()) > 10)
