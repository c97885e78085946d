# A __call__ (or metaclass __call__) that is not a descriptor is called
# without self; __mro_entries__ is looked up on the base object itself.
class C:
    __call__ = dict
print(C()(a=1))

class N:
    __call__ = len
print(N()([1, 2, 3]))

class Meta(type):
    __call__ = dict
class K(metaclass=Meta):
    pass
print(K(x=2))

class S:
    @staticmethod
    def __call__(*a):
        return a
print(S()(1, 2))

def entries(bases):
    return (dict,)
def factory():
    pass
factory.__mro_entries__ = entries
class D(factory):
    pass
print(D.__mro__, D.__orig_bases__ == (factory,))

from typing import TypedDict, NamedTuple
class P(TypedDict):
    x: int
    y: str
print(P(x=1, y="a"), type(P(x=1, y="a")).__name__, P.__required_keys__ == {"x", "y"})

class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt._fields)
