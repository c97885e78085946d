# compile()/exec()/__import__() argument checks, exec closures, custom __builtins__ mappings
import sys
import types
import warnings


def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(compile, "a", "f", "exec", 0x100)
attempt(compile, "a", "f", "exec", 0, 0, 5)
attempt(compile, "a", "f", "exec", 1.5)
attempt(compile, "a", "f", "exec", foo=1)
attempt(compile, "pass", "?", "exec", mode="eval")
attempt(compile, "a\0", "f", "exec")
attempt(exec, b"a\0")
attempt(__import__, 1)
attempt(__import__, "")
attempt(__import__, "sys", name="sys")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    attempt(__import__, "", {"__package__": None, "__spec__": None, "__name__": "__main__"}, {}, ("foo",), 1)
    print([x.category.__name__ for x in w])


def outer():
    a, b = 2, 3

    def inner():
        return a * b
    return inner


f = outer()
res = []
code = compile("res.append(a * b)", "<c>", "exec")
attempt(exec, f.__code__, {}, closure=f.__closure__)
attempt(exec, f.__code__, {}, closure=(types.CellType(7), types.CellType(8)))
attempt(exec, f.__code__, {})
attempt(exec, f.__code__, {}, closure=(1, 2))
attempt(exec, f.__code__, {}, closure=list(f.__closure__))
attempt(exec, code, {"res": res}, closure=f.__closure__)
attempt(exec, "x = 1", {}, closure=f.__closure__)
c = types.CellType()
attempt(lambda: c.cell_contents)
print(types.CellType(5).cell_contents)

attempt(exec, "print(1)", {"__builtins__": 123})


class Raising(dict):
    def __getitem__(self, key):
        raise LookupError("no " + key)


attempt(exec, "print(superglobal)", {"__builtins__": Raising(superglobal=1)})
attempt(exec, "globalname", Raising(globalname=1))


class M:
    def __getitem__(self, key):
        if key == "a":
            return 12
        raise KeyError(key)

    def keys(self):
        return list("xyz")


print(eval("a", globals(), M()), eval("dir()", globals(), M()))


class HugeLen:
    def __len__(self):
        return sys.maxsize + 1


attempt(len, HugeLen())
attempt(object().__format__, 3)
attempt(object().__format__, None)
attempt(object().__format__, "d")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(bool(NotImplemented), [str(x.message) for x in w])
print(hash("spam") == hash(b"spam"))
