# classmethod over a descriptor binds it with __get__(owner, owner) (3.9-3.11 chaining)


class A:
    @classmethod
    @property
    def __doc__(cls):
        return "A doc for %r" % cls.__name__

    @classmethod
    @property
    def name(cls):
        return cls.__name__

    @classmethod
    @classmethod
    def twice(cls):
        return cls

    @staticmethod
    def plain():
        return "plain"

    def meth(self, cls):
        return (type(self).__name__, cls.__name__)


class B(A):
    from_bound = classmethod(A().meth)


print(A.__doc__, A.name, B.name, B().name)
print(A.twice() is A, B.twice() is B)
print(B.from_bound())


class Wrapper:
    def __init__(self, wrapped):
        self.wrapped = wrapped

    def __get__(self, instance, owner):
        return lambda: ("bound", instance is owner, owner.__name__)


class C:
    @classmethod
    @Wrapper
    def outer(cls):
        pass


print(C.outer(), C().outer())
