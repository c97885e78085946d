# getattr hasattr setattr delattr isinstance issubclass vars dir type id-free checks.
class A:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
    def meth(self):
        pass
class B(A):
    pass
a = B()
print(getattr(a, 'inst'), getattr(a, 'cls_attr'), getattr(a, 'nope', 'd'), hasattr(a, 'meth'), hasattr(a, 'x'))
setattr(a, 'new', 3)
print(vars(a), sorted(vars(A).keys() - {'__dict__', '__weakref__', '__module__', '__doc__'}))
delattr(a, 'new')
print(vars(a), isinstance(a, A), isinstance(a, (int, A)), isinstance(1, (str, (list, int))), issubclass(B, A), issubclass(B, (int,)))
print(issubclass(bool, int), issubclass(int, object), isinstance(A, type), isinstance(type, object), isinstance(object, type))
print([n for n in dir(a) if not n.startswith('__')], 'meth' in dir(B), dir(5)[:0])
print(type(a) is B, type(a).__name__, type(a).__bases__[0].__name__, B.__mro__[1] is A)
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
try:
    getattr(a, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    isinstance(1, 'x')
except TypeError as e:
    print('TypeError:', e)
x = 5
print(sorted(k for k in vars() if not k.startswith('__')), globals() is vars(), len(locals()) > 0)
def loc(p, q=2):
    r = 3
    return sorted(locals().items())
print(loc(1))
