# property.getter/setter/deleter re-derive a docstring that came from the getter;
# a property subclass with __slots__ cannot store one


class Base:
    @property
    def spam(self):
        """Base.getter"""
        return 1

    @spam.setter
    def spam(self, value):
        pass


class Sub(Base):
    @Base.spam.getter
    def spam(self):
        """Sub.getter"""
        return 2


print(Base.spam.__doc__, Sub.spam.__doc__, Sub().spam)
p = property(lambda s: 1, doc="explicit")
print(p.getter(lambda s: 2).__doc__)


class SlotsProperty(property):
    __slots__ = ()


try:
    class Foo:
        @SlotsProperty
        def spam(self):
            """docstring"""
            return 1
except AttributeError as e:
    print("AttributeError")
print(hasattr(SlotsProperty(), "__dict__"))
