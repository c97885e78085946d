# class decorators that transform classes (hand-made dataclass/total ordering)
def auto_init(cls):
    fields = [k for k, v in cls.__dict__.items() if not k.startswith("_") and not callable(v)]
    def __init__(self, *args):
        for name, val in zip(fields, args):
            setattr(self, name, val)
    def __repr__(self):
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in fields)
        return f"{cls.__name__}({inner})"
    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, n) == getattr(other, n) for n in fields)
    cls.__init__ = __init__
    cls.__repr__ = __repr__
    cls.__eq__ = __eq__
    cls._fields = fields
    return cls

def ordering(cls):
    def __le__(a, b): return a < b or a == b
    def __gt__(a, b): return not a <= b
    def __ge__(a, b): return not a < b
    for name, f in [("__le__", __le__), ("__gt__", __gt__), ("__ge__", __ge__)]:
        if name not in cls.__dict__:
            setattr(cls, name, f)
    return cls

@ordering
@auto_init
class Card:
    rank = 0
    suit = ""
    def __lt__(self, other):
        return (self.rank, self.suit) < (other.rank, other.suit)

c1, c2, c3 = Card(10, "h"), Card(2, "s"), Card(10, "h")
print(c1, c2, c1 == c3, c1 != c2, c1 is c3)
print(c2 < c1, c2 <= c1, c1 > c2, c1 >= c3, sorted([c1, c2, c3]))
print(Card._fields, Card.__hash__)
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    get.wrapped = cls
    return get
@singleton
class Config:
    def __init__(self, v=1):
        self.v = v
print(Config(5).v, Config(9).v, Config() is Config(), type(Config).__name__, Config.wrapped.__name__)
def add_method(name):
    def deco(cls):
        setattr(cls, name, lambda self: f"{name} on {type(self).__name__}")
        return cls
    return deco
@add_method("greet")
@add_method("wave")
class Person:
    pass
print(Person().greet(), Person().wave())
def freeze(cls):
    def __setattr__(self, k, v):
        raise AttributeError(f"{cls.__name__} is frozen")
    orig_init = cls.__init__
    def __init__(self, *a):
        object.__setattr__(self, "_init", True)
        for i, v in enumerate(a):
            object.__setattr__(self, "f%d" % i, v)
    cls.__init__ = __init__
    cls.__setattr__ = __setattr__
    return cls
@freeze
class Frozen:
    pass
fz = Frozen(1, 2)
print(fz.f0, fz.f1)
try:
    fz.f0 = 9
except AttributeError as e:
    print("AttributeError:", e)
