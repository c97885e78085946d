# object.__new__/object.__init__ reject extra arguments unless the other one is overridden


def attempt(f, *a, **k):
    try:
        f(*a, **k)
        print("ok")
    except TypeError as e:
        print("TypeError:", e)


class Neither:
    pass


class OnlyNew:
    def __new__(cls, *a, **k):
        return object.__new__(cls, *a, **k)


class OnlyInit:
    def __init__(self, *a, **k):
        object.__init__(self, *a, **k)


class Both(OnlyNew, OnlyInit):
    pass


class NewIsObjects:
    __new__ = object.__new__

    def __init__(self, x):
        self.x = x


for cls in [Neither, OnlyNew, OnlyInit, Both, NewIsObjects]:
    print(cls.__name__)
    attempt(cls, 1)
    attempt(cls, kw=1)
    attempt(object.__new__, cls, 1)
    attempt(object.__init__, cls.__new__(cls) if cls is not NewIsObjects else object.__new__(cls), 1)
attempt(object.__init__)
attempt(Neither().__init__, 42)
print(NewIsObjects(5).x)
