# Descriptor methods called directly, data descriptors without __get__, metaclass descriptors,
# __class__ assignment limits, classmethod/staticmethod metadata


class C:
    __slots__ = ("a", "_x")

    def getx(self):
        return self._x

    def setx(self, v):
        self._x = v

    def delx(self):
        del self._x

    x = property(getx, setx, delx)


c = C()
C.x.__set__(c, 100)
print(C.x.__get__(c), C.x.__get__(None, C) is C.x)
C.x.__delete__(c)
print(hasattr(c, "x"))
C.a.__set__(c, 5)
print(C.a.__get__(c))
C.a.__delete__(c)
print(hasattr(c, "a"))
for args in [(1, 2), (object(), 2)]:
    try:
        C.a.__set__(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    property().__set__(c, 1)
except AttributeError as e:
    print("AttributeError:", e)


class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["a"] = value


class X:
    a = SetOnly()


x = X()
print(type(x.a).__name__)
x.a = 42
print(x.a)


class Meta(type):
    @property
    def ro(cls):
        return "read-only"

    def _get(cls):
        return cls._v

    def _set(cls, v):
        cls._v = v * 2

    rw = property(_get, _set)


class K(metaclass=Meta):
    pass


K.rw = 21
print(K.rw, K.ro)
try:
    K.ro = 1
except AttributeError as e:
    print("AttributeError:", e)
Meta.a = SetOnly.__new__(type("D", (), {"__set__": lambda s, o, v: None}))
K.a = 42
print(type(K.a).__name__)


class H1:
    pass


class H2:
    pass


h = H1()
h.__class__ = H2
print(type(h).__name__)
for obj, cls in [(object(), H1), (H1(), object), (1, H1)]:
    try:
        obj.__class__ = cls
    except TypeError as e:
        print("TypeError:", e)


def func(x):
    "doc"
    return x


for wrapper in (classmethod, staticmethod):
    w = wrapper(func)
    print(w.__wrapped__ is func, w.__name__, w.__doc__, w.__qualname__, sorted(w.__dict__))
    print(repr(w).replace(hex(id(func)), "ADDR"))
    w.extra = 1
    print(w.extra)
