# Assigning __bases__ recomputes the MRO of the class and its subclasses, with CPython's checks


class C:
    pass


class C2:
    def __getattribute__(self, attr):
        if attr == "a":
            return 2
        return super().__getattribute__(attr)

    def meth(self):
        return 1


class D(C):
    pass


class E(D):
    pass


d, e = D(), E()
D.__bases__ = (C2,)
print(d.meth(), e.meth(), d.a, e.a, C2.__subclasses__() == [D], C.__subclasses__())
print([k.__name__ for k in E.__mro__])
for bad in [(), (D,), (C2, C2), (E,), 1, (1,), (type(None),), (int,)]:
    try:
        D.__bases__ = bad
        print("allowed", bad)
    except TypeError as ex:
        print("TypeError:", ex)
try:
    del D.__bases__
except (TypeError, AttributeError) as ex:
    print(type(ex).__name__, ex)
print([k.__name__ for k in D.__mro__])


class A1:
    pass


class A2(A1):
    pass


class M(type):
    fail = False

    def mro(cls):
        if M.fail:
            raise ValueError("no mro")
        return type.mro(cls)


class A0:
    pass


class X(A0, metaclass=M):
    pass


class Y(X):
    pass


M.fail = True
try:
    X.__bases__ = (A1,)
except ValueError as ex:
    print("ValueError:", ex, X.__bases__, [k.__name__ for k in Y.__mro__])
M.fail = False
X.__bases__ = (A2,)
print([k.__name__ for k in Y.__mro__])
