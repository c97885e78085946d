# Data and non-data descriptors, __set_name__, lookup precedence.
class Data:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 2)
    def __delete__(self, obj):
        print('delete', self.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return 'nondata'
class C:
    d = Data()
    n = NonData()
c = C()
print(c.d, type(C.d).__name__)
c.d = 5
print(c.d, c.__dict__)
c.__dict__['d'] = 'instance'
print(c.d)
print(c.n)
c.__dict__['n'] = 'instance wins'
print(c.n)
del c.d
class Ro:
    def __get__(self, obj, t):
        return 42
    def __set__(self, obj, v):
        raise AttributeError('read only')
class D:
    r = Ro()
d = D()
try:
    d.r = 1
except AttributeError as e:
    print('AttributeError:', e)
print(d.r, D.r)
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, t=None):
        return self.f if obj is None else (lambda *a: self.f(obj, *a))
class E:
    @Method
    def hello(self, x):
        return 'hello ' + x
print(E().hello('w'), E.hello(None, 'cls'))
def plain(self):
    return 'bound to ' + type(self).__name__
E.p = plain
print(E().p(), plain.__get__(E())(), type(plain.__get__(E())).__name__)
