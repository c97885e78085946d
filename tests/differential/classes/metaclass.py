# Metaclasses: __new__, __init__, __call__, __prepare__, class creation order.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcs, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')))
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kw.get('tag', 'none')
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('init', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('call', cls.__name__, a)
        return super().__call__(*a, **k)
    def __repr__(cls):
        return f'<class {cls.__name__} via Meta>'
class A(metaclass=Meta, tag='hello'):
    x = 1
    def __init__(self, v):
        self.v = v
a = A(5)
print(a.v, A.tag, A.injected, type(A).__name__, repr(A), isinstance(A, Meta))
class B(A):
    pass
print(B.tag, type(B) is Meta)
X = type('X', (object,), {'y': 2, 'm': lambda self: 'method'})
print(X.__name__, X().y, X().m(), type(X).__name__)
class M1(type): pass
class M2(type): pass
class C1(metaclass=M1): pass
class C2(metaclass=M2): pass
try:
    class C3(C1, C2): pass
except TypeError as e:
    print('TypeError:', e)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton):
    pass
print(S() is S(), type(type).__name__, type(object).__name__, type(5) is int)
