# __bases__ assigned again from inside a metaclass's mro(); cycles through __bases__;
# module objects change class


class Meta(type):
    hook = None

    def mro(cls):
        if Meta.hook:
            Meta.hook(cls)
        return type.mro(cls)


class A(metaclass=Meta):
    pass


class B1(A):
    pass


class B2(A):
    pass


class C(A):
    pass


def reassign(cls):
    if cls.__name__ == "C":
        Meta.hook = None
        C.__bases__ = (B2,)


Meta.hook = reassign
C.__bases__ = (B1,)
print(C.__bases__, B2.__subclasses__(), B1.__subclasses__())


def cycle(cls):
    if cls.__name__ == "B1":
        B2.__bases__ = (B1,)
    if cls.__name__ == "B2":
        B1.__bases__ = (B2,)


Meta.hook = cycle
try:
    B1.__bases__ += ()
except TypeError as e:
    print("TypeError:", e)
Meta.hook = None


import types


class SubModule(types.ModuleType):
    a = 1


m = types.ModuleType("m")
m.x = 5
m.__class__ = SubModule
print(type(m).__name__, m.a, m.x)
m.__class__ = types.ModuleType
print(type(m).__name__, hasattr(m, "a"), m.x)
