# __reduce_ex__ looks special methods up on the type and reads slot state through getattr;
# type's base is object
import copy
import copyreg


class Picky:
    def __getstate__(self):
        return {}

    def __getattr__(self, attr):
        if attr in ("__getnewargs__", "__getnewargs_ex__"):
            raise AssertionError(attr)
        return None


r = Picky().__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (Picky,), r[2])


class A:
    __slotnames__ = ["spam"]

    def __getattr__(self, attr):
        if attr == "spam":
            return 42
        raise AttributeError(attr)


print(A().__reduce_ex__(2)[2])


class B(bytes):
    pass


print(copy.copy(B(b"xy")), type(copy.copy(B(b"xy"))).__name__)
print(type.__bases__, type.__base__, type.__mro__)
