# builtin type attributes, type names, __class__, __name__ of builtins
for obj in [1, 1.0, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), None, True,
            range(1), slice(1), len, print, object(), type, NotImplemented, ...]:
    print(type(obj).__name__, type(obj).__module__, type(obj).__qualname__)
print(int.__mro__, bool.__mro__, type.__mro__, object.__bases__)
print(list.__name__, dict.__qualname__, str.__mro__, type(None).__name__)
print([].__class__, ().__class__.__name__, (1).__class__.__name__, "".__class__.__bases__)
print(callable(type(None)), type(None)(), type(...)() is ..., type(NotImplemented).__name__)
print(len.__name__, len.__qualname__, print.__module__, [].append.__name__, [].append.__qualname__)
print(dict.fromkeys.__name__, str.join.__qualname__, int.from_bytes.__name__)
print(int.__doc__ is not None, hasattr(int, "__add__"), hasattr(1, "__iadd__"), hasattr([], "__iadd__"))
print(hasattr(str, "__iter__"), hasattr(1, "__iter__"), hasattr(object(), "__dict__"), hasattr(len, "__dict__"))
print(sorted(k for k in ["__add__", "__radd__", "__len__", "__iter__", "__hash__"] if hasattr(str, k)))
print(sorted(k for k in ["__add__", "__radd__", "__len__", "__iter__", "__hash__", "__bool__"] if hasattr(int, k)))
print(sorted(k for k in ["__add__", "__iadd__", "__mul__", "__contains__", "__hash__", "__reversed__"] if getattr(list, k, None) is not None))
print(type(list.__dict__["append"]).__name__ in ("method_descriptor",), type(int.__dict__["real"]).__name__)
print(type(dict.__dict__["fromkeys"]).__name__, type(object.__dict__["__class__"]).__name__)
print(isinstance(int.__add__(1, 2), int), int.__add__(1, 2), str.upper("x"), list.__len__([1, 2]))
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2), int.__eq__(1, 1.0))
print(str.__add__("a", "b"), str.__mul__("a", 3), float.__neg__(2.0), dict.__getitem__({1: 2}, 1))
print(NotImplemented.__class__.__name__, bool(...), Ellipsis is ...)
try:
    int.__add__("a", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    str.upper(1)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append((), 1)
except TypeError as e:
    print("TypeError:", e)
