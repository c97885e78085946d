class AbstractClass:
    def __init__(self, bases): self.bases = bases
    def getbases(self): return self.bases
    __bases__ = property(getbases)
    def __call__(self): return AbstractInstance(self)
class AbstractInstance:
    def __init__(self, klass): self.klass = klass
    def getclass(self): return self.klass
    __class__ = property(getclass)
AbstractSuper = AbstractClass(bases=())
AbstractChild = AbstractClass(bases=(AbstractSuper,))
print(isinstance(AbstractChild(), AbstractSuper), issubclass(AbstractChild, AbstractSuper))
print(isinstance(AbstractSuper(), AbstractChild))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
t = int
for i in range(100000):
    t = (t,)
try:
    isinstance(1, t)
except RecursionError as e:
    print("RecursionError")
class Meta(type):
    def __instancecheck__(cls, inst): return inst == 7
class W(metaclass=Meta): pass
print(isinstance(7, W), isinstance(8, W))
