# isinstance / issubclass with tuples, ABC-ish hooks
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (C, A)), isinstance(1, (str, (float, int))))
print(issubclass(B, A), issubclass(A, A), issubclass(B, (C,)), issubclass(bool, int), issubclass(int, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)), isinstance(int, type))
print(isinstance(type, type), isinstance(object, type), issubclass(type, object), isinstance(A, object))
print(isinstance(1, ()), issubclass(A, ()))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(A, 1),
            lambda: isinstance(1, (int, 1)), lambda: isinstance(1, [int])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta): pass
print(isinstance("magic", Magic), isinstance(Magic(), Magic), issubclass(int, Magic), issubclass(str, Magic))
print(isinstance("magic", (int, Magic)))
class Fake:
    __class__ = A
print(isinstance(Fake(), A), type(Fake()).__name__)
print(isinstance(3, int | str), isinstance("s", int | None), issubclass(bool, int | str))
print(int | str, type(int | str).__name__, (int | None))
u = int | str
print(u.__args__, (int | str) == (str | int))
print(B.__mro__, B.__bases__, A.__subclasses__() == [B])
class D(B, C): pass
print([k.__name__ for k in D.__mro__], issubclass(D, C))
print(isinstance([], (list, dict)), isinstance({}, (list,)), type([]) is list, type(B()) == A)
print(issubclass(KeyError, (LookupError, TypeError)), issubclass(StopIteration, Exception))
print(isinstance(print, type(len)), isinstance(lambda: 0, type(print)), callable(isinstance))
