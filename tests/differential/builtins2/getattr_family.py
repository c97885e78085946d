# getattr / setattr / hasattr / delattr
class O:
    cls_attr = "c"
    def __init__(self):
        self.a = 1
o = O()
print(getattr(o, "a"), getattr(o, "cls_attr"), getattr(o, "zz", None), hasattr(o, "a"), hasattr(o, "zz"))
setattr(o, "b", 2)
setattr(o, "with space", 3)
print(o.b, getattr(o, "with space"), sorted(vars(o)))
delattr(o, "b")
print(hasattr(o, "b"))
for bad in [lambda: getattr(o, "missing"), lambda: getattr(o, 5), lambda: setattr(o, 5, 1),
            lambda: delattr(o, "missing"), lambda: getattr(o), lambda: hasattr(o, None),
            lambda: setattr(1, "x", 2), lambda: delattr(O, "nothing"), lambda: setattr(o),
            lambda: getattr(1, "real", 2, 3)]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class Raises:
    @property
    def boom(self):
        raise ValueError("inside property")
    @property
    def attr_err(self):
        raise AttributeError("hidden")
r = Raises()
try:
    hasattr(r, "boom")
except ValueError as e:
    print("ValueError propagates:", e)
print(hasattr(r, "attr_err"), getattr(r, "attr_err", "fallback"))
setattr(O, "added", lambda self: "method added")
print(o.added())
print(getattr(o, "__class__").__name__, getattr(O, "__name__"), getattr(5, "real"))
print(getattr([], "append").__name__, getattr("s", "upper")())
class Sub(O): pass
s = Sub()
print(getattr(s, "cls_attr"), hasattr(Sub, "a"), hasattr(s, "a"))
delattr(O, "cls_attr")
print(hasattr(s, "cls_attr"))
try:
    setattr(int, "x", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(None, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(o, "__class__")
except TypeError as e:
    print("TypeError:", e)
print(getattr(O, "__dict__")["__module__"], getattr(None, "__bool__")())
class Dyn:
    def __getattr__(self, n):
        return n.upper()
print(getattr(Dyn(), "hello"), hasattr(Dyn(), "anything"))
print(getattr(o, "a", None), getattr(o, "a", "ignored-default"))
