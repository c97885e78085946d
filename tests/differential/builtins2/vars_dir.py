# vars and dir on classes and instances (sorted, filtered)
class Base:
    base_attr = 1
    def base_method(self): pass
class Child(Base):
    """doc"""
    child_attr = 2
    def __init__(self):
        self.inst = 3
    def child_method(self): pass
    @property
    def prop(self): return 4
    @staticmethod
    def st(): pass

c = Child()
print(vars(c), c.__dict__ is vars(c))
print(sorted(k for k in vars(Child) if not k.startswith("__")))
print(sorted(k for k in vars(Child)))
print([k for k in dir(c) if not k.startswith("__")])
print([k for k in dir(Child) if not k.startswith("__")])
print("__init__" in dir(c), "__class__" in dir(c), "inst" in dir(Child))
print(Child.__doc__, Base.__doc__, Child.__name__, Child.__qualname__, Child.__module__)
print(type(vars(Child)).__name__, vars(Child)["child_attr"])
try:
    vars(Child)["new"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
class Slotted:
    __slots__ = ("a",)
try:
    vars(Slotted())
except TypeError as e:
    print("TypeError:", e)
class CustomDir:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(CustomDir()))
def f(): pass
f.attr = 1
print(vars(f))
print(sorted(k for k in dir(f) if k.startswith("__c")))
print([k for k in dir([]) if not k.startswith("_")])
print([k for k in dir({}) if not k.startswith("_")])
print([k for k in dir("") if not k.startswith("_")][:12])
print([k for k in dir(1) if not k.startswith("_")])
def local_scope():
    a = 1
    b = 2
    return sorted(vars()), sorted(dir())
print(local_scope())
c.__dict__["direct"] = 5
print(c.direct, sorted(vars(c)))
c.__dict__ = {"replaced": True}
print(vars(c), hasattr(c, "inst"))
