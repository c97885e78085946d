# abc underneath typing.Protocol, functools.singledispatch (cache token) and os.PathLike.
import collections.abc as c
import typing, functools, numbers, io, os
from typing import Protocol, runtime_checkable
@runtime_checkable
class HasX(Protocol):
    x: int
    def m(self): ...
class Good:
    x = 1
    def m(self): pass
class Bad: pass
print(isinstance(Good(), HasX), isinstance(Bad(), HasX), issubclass(Good, typing.Hashable))
print(isinstance([], typing.Iterable), isinstance(3, typing.SupportsInt), isinstance("", typing.SupportsIndex))
@functools.singledispatch
def f(x): return "base"
@f.register
def _(x: numbers.Integral): return "int"
@f.register(c.Sequence)
def _(x): return "seq"
print(f(1), f([1]), f("s"), f(1.5), f(True))
class MySeq:
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
import collections.abc as c
c.Sequence.register(MySeq)
print(f(MySeq()))
print(isinstance(os.environ, c.MutableMapping), isinstance(io.BytesIO(), io.IOBase), os.PathLike.__subclasshook__(str))
class P:
    def __fspath__(self): return "p"
print(isinstance(P(), os.PathLike), issubclass(str, os.PathLike))
# singledispatch re-resolves after a registration moves the cache token.
class Late:
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
print(f(Late()))
c.Sequence.register(Late)
print(f(Late()))
