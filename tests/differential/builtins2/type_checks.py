# type(): name, __qualname__, __doc__ and __slots__ validation; __base__; namespace order
import collections


def attempt(f, *a):
    try:
        r = f(*a)
        print("ok", getattr(r, "__name__", r))
    except (TypeError, ValueError, UnicodeEncodeError) as e:
        print(type(e).__name__ + ":", e)


attempt(type, "A\x00B", (), {})
attempt(type, "A\udcdcB", (), {})
attempt(type, "A", (), {"__doc__": "x\udcdcy"})
attempt(type, "A", (), {"__qualname__": b"B"})
for slots in ["", "42", "x\x00y", ("__dict__", "__dict__"), ("__weakref__", "__weakref__"), ("a", "b")]:
    attempt(type, "A", (), {"__slots__": slots})
attempt(type, "A", (int,), {"__slots__": "x"})
attempt(type, "A", (int,), {"__slots__": ()})


class B:
    pass


attempt(type, "A", (B,), {"__slots__": "__dict__"})
attempt(type, "A", (B,), {"__slots__": "__weakref__"})
attempt(type, "A", (B,), {"__slots__": "x"})

C = type("C", (), {})
for name in ["D", "A\x00B", "A\udcdcB", b"A"]:
    try:
        C.__name__ = name
    except (TypeError, ValueError, UnicodeEncodeError) as e:
        print(type(e).__name__ + ":", e)
    print(C.__name__)
try:
    C.__qualname__ = b"Q"
except TypeError as e:
    print("TypeError:", e)


class Ham:
    pass


print(type("C", (Ham, int), {}).__base__, type("C", (Ham, object), {}).__base__, bool.__base__)
od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print(list(type("C", (), od).__dict__)[:2])
