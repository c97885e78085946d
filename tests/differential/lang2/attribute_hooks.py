# __getattr__, __getattribute__, __setattr__, __delattr__
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return "lazy " + name
        raise AttributeError(f"no {name!r} here")
lz = Lazy()
print(lz.real, lz.xyz, getattr(lz, "nope", "default"), hasattr(lz, "nope"))
try:
    lz.nope
except AttributeError as e:
    print("AttributeError:", e)

class Logged:
    log = []
    def __getattribute__(self, name):
        Logged.log.append(name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.value
lg = Logged()
lg.value = 3
print(lg.method(), Logged.log)

class Guard:
    def __setattr__(self, name, value):
        if name == "frozen":
            raise AttributeError("cannot set frozen")
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)
g = Guard()
g.a = 5
print(g.a)
try:
    g.frozen = 1
except AttributeError as e:
    print("AttributeError:", e)
del g.a
print(hasattr(g, "a"))
try:
    del g.missing
except AttributeError as e:
    print("AttributeError:", e)

class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom!")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
fb = Fallback()
print(fb.boom, fb.other)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, n):
        return getattr(self._t, n)
    def __setattr__(self, n, v):
        setattr(self._t, n, v)
class T: pass
tgt = T()
px = Proxy(tgt)
px.color = "red"
print(tgt.color, px.color, sorted(vars(px)))
class Plain: pass
try:
    Plain().missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Plain.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
