# Comparison slots that fail to bind, __init__ descriptors, deleting class attributes via
# instances without a __dict__


def booh(self):
    raise AttributeError("booh")


class E:
    __eq__ = property(booh)


print(E() == E(), E() != E())


class I:
    __init__ = property(booh)


try:
    I()
except AttributeError as e:
    print("AttributeError:", e)


class CallableInit:
    def __call__(self, *args):
        print("called with", args)


class J:
    __init__ = CallableInit()


J(1, 2)


class B:
    y = 0
    __slots__ = ("z",)


for action in [lambda: delattr(B(), "y"), lambda: setattr(B(), "y", 1), lambda: delattr(B(), "x"),
               lambda: delattr(B(), "z")]:
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
