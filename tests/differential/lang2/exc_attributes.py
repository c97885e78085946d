# exception args/str/repr for many builtin classes
cases = [
    Exception(), Exception("one"), Exception("a", 2), Exception(None),
    ValueError("v"), KeyError("k"), KeyError(), KeyError(1, 2),
    IndexError("i"), TypeError(), AttributeError("attr"),
    StopIteration(), StopIteration(5), StopIteration(1, 2),
    OSError(), OSError("msg"), OSError(2, "No such file"),
    OSError(2, "No such file", "x.txt"),
    FileNotFoundError(2, "missing", "f"),
    SystemExit(), SystemExit(3), SystemExit("bye"),
    UnicodeError("u"), ArithmeticError(), ZeroDivisionError("z"),
    NotImplementedError(), RecursionError(), AssertionError("a"),
    NameError("n"), UnboundLocalError("u"), LookupError(),
    GeneratorExit(), KeyboardInterrupt(), RuntimeError(""),
]
for e in cases:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))

e = OSError(2, "No such file", "x.txt")
print(e.errno, e.strerror, e.filename, type(e).__name__)
print(type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__)
print(StopIteration(7).value, StopIteration().value)
print(SystemExit(4).code, SystemExit().code, SystemExit(1, 2).code)
ne = NameError("n", name="nm")
print(ne.name)
ae = AttributeError("a", name="nm", obj=5)
print(ae.name, ae.obj)
ex = ValueError("x")
ex.args = ("changed", 1)
print(str(ex), repr(ex))
ex.custom = "attr"
print(ex.custom)
print(issubclass(KeyError, LookupError), issubclass(FileNotFoundError, OSError))
print(IOError is OSError, EnvironmentError is OSError)
print(ZeroDivisionError.__mro__[1:])
print(ValueError.__bases__, BaseException.__bases__)
class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
m = MyErr(1, 2)
print(m.args, str(m), repr(m), m.b)
class StrErr(Exception):
    def __str__(self):
        return "custom str"
print(str(StrErr()), repr(StrErr(1)))
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
