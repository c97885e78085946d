# Reflected operators only go first when the subclass overrides them; classmethod __new__;
# object.__setattr__ cannot bypass type's; builtin methods used as hooks; bytearray.__init__


class C:
    def __floordiv__(self, other):
        return "C.__floordiv__"

    def __rfloordiv__(self, other):
        return "C.__rfloordiv__"


class D(C):
    def __rfloordiv__(self, other):
        return "D.__rfloordiv__"


class E(C):
    pass


print(C() // D(), C() // E(), 1 // E())


class N:
    @classmethod
    def __new__(*args):
        return args


class N2(N):
    pass


print(N(1, 2) == (N, N, 1, 2), N2(1) == (N2, N2, 1))


class A(type):
    def __setattr__(cls, key, value):
        object.__setattr__(cls, key, value)


class B:
    pass


class K(B, A):
    pass


obj = K("Obj", (object,), {})
try:
    obj.test = True
except TypeError as e:
    print("TypeError:", e)


class OkMeta(type):
    def __setattr__(cls, key, value):
        type.__setattr__(cls, key, value)

    def __delattr__(cls, key):
        super().__delattr__(key)


class Ok(metaclass=OkMeta):
    pass


Ok.x = 1
del Ok.x
print(hasattr(Ok, "x"))
for f in (lambda: object.__setattr__(str, "foo", 42), lambda: object.__delattr__(str, "lower")):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


class X(dict):
    __setattr__ = dict.__setitem__
    __neg__ = dict.copy


x = X()
x.y = 42
print(x["y"], -x == x, type(-x).__name__)
print(list.__add__.__objclass__ is list, hasattr([].append, "__objclass__"))
ba = bytearray(b"xyz")
bytearray.__init__(ba, "abc\xbd\u20ac", encoding="latin1", errors="replace")
print(ba)


class BA(bytearray):
    def __init__(self, *args):
        pass


print(BA(b"ignored"), bytearray.__new__(bytearray, b"abc"))
