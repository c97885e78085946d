import types
print(list[int], dict[str, list[int]], tuple[()], type[int])
print(list[int].__origin__, list[int].__args__, list[int] == list[int], hash(list[int]) == hash(list[int]))
print(type(list[int]), types.GenericAlias)
u = int | str | None
print(u, type(u), isinstance(3, u), isinstance(3.0, u), int | int)
print(u.__args__, (int | str) == (str | int))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(list[int]([1, 2]))
class C(list[int]): pass
print(C.__mro__)
import string
print(list(string.Formatter().parse("a{0!r:>5}b{x.y[1]}c{{d}}")))
print(string.Formatter().format("{0}-{name}", 1, name="n"))
