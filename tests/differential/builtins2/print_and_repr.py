# print() options and repr of builtin objects
import sys
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print()
print(sep="x")
print("no newline", end="")
print(" <- continued")
print(1, 2.0, None, True, [1], (1,), {1: 2}, "s", b"b", sep="|")
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
print(*range(5))
print(*"abc", sep="-", end=".\n")
print("multi\nline")
print(None, sep=None, end=None)
for bad in [lambda: print(sep=5), lambda: print(end=[]), lambda: print(file=5), lambda: print(bad_kw=1)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("captured", 1, file=w, sep="+")
print(w.parts)
print(repr(print), repr(len), repr(int), repr(type), repr(object), repr(None), repr(...), repr(NotImplemented))
print(repr(range(5)), repr(range(1, 5, 2)), repr(slice(1, 2)), repr(int.__add__)[:30])
print(str(type(None)), repr(ValueError), repr(type(len)), repr(sys.exit)[:20])
print(repr([1, [2, [3]]]), repr({"a": (1, {2})}), repr(frozenset()), repr(set()), repr({}), repr([]))
print(repr(1e100), repr(-1.5e-10), repr(float("inf")), repr(complex(1, -1)), repr(True), repr(2 ** 64))
print(repr("a\nb"), repr("tab\t"), repr("\x7f"), repr("é"), repr("\U0001F600"), repr("\\"))
def func(): pass
class K:
    def meth(self): pass
print(func.__name__, func.__qualname__, K.meth.__qualname__, repr(K)[:16], repr(K.meth)[:20])
sys.stdout.write("direct write\n")
n = sys.stdout.write("abc\n")
print(n)
print("ünïcödé ✓", "日本語")
print(str(sys.maxsize), type(sys.argv).__name__, sys.version_info[:2], sys.byteorder)
