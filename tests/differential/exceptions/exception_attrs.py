# BaseException attribute rules: __cause__/__context__/args/__traceback__
# cannot be deleted, add_note needs a list, exceptions copy and pickle with
# their attributes, UnicodeError messages follow the mutable attributes.
import copy
import pickle

e = Exception(1)
for name in ("__cause__", "__context__", "args", "__traceback__"):
    try:
        delattr(e, name)
    except TypeError as x:
        print("TypeError:", x)
try:
    e.__cause__ = 1
except TypeError as x:
    print("TypeError:", x)

e.add_note("n1")
print(e.__notes__)
e.__notes__ = 42
try:
    e.add_note("n2")
except TypeError as x:
    print("TypeError:", x)

v = ValueError("a", 2)
v.extra = "x"
print(v.__reduce__()[0].__name__, v.__reduce__()[1], v.__reduce__()[2])
for c in (copy.copy(v), pickle.loads(pickle.dumps(v))):
    print(type(c).__name__, c.args, c.extra)
i = ImportError("msg", name="mod", path="/p")
c = pickle.loads(pickle.dumps(i))
print(c.msg, c.name, c.path)
e.__setstate__({"a": 1})
print(e.a)
try:
    e.__setstate__(5)
except TypeError as x:
    print("TypeError:", x)

u = UnicodeEncodeError("baz", "xxxxx", 1, 5, "foo")
print(u)
u.end = 2
print(u)
u.start = 1000
print(u)
d = UnicodeDecodeError("ascii", bytearray(b"\xff"), 0, 1, "bad")
print(repr(d.object), d)
t = UnicodeTranslateError("xxxx", 1, 2, "foo")
print(t)
for args in [("f.py", 1, 2), ("f.py", 1, 2, "t", 1), ("f.py", 1, 2, 3, 4, 5, 6)]:
    try:
        SyntaxError("m", args)
    except TypeError as x:
        print("TypeError:", x)
