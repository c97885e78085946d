# decorators: stacked, with args, class decorators
trace = []

def deco(name):
    trace.append("make " + name)
    def wrap(fn):
        trace.append("apply " + name)
        def inner(*a, **k):
            return name + "(" + str(fn(*a, **k)) + ")"
        inner.__name__ = fn.__name__
        return inner
    return wrap

@deco("outer")
@deco("inner")
def base(x):
    return x * 2

print(trace)
print(base(5), base.__name__)

def plain(fn):
    fn.tagged = True
    return fn

@plain
def tagged():
    return 1
print(tagged.tagged, tagged())

def register(cls):
    cls.registered = cls.__name__.lower()
    return cls

@register
class Widget:
    pass
print(Widget.registered)

def replace_with_int(fn):
    return 42

@replace_with_int
def gone():
    pass
print(gone)

class Counter:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)

@Counter
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), add.calls)

registry = {}
@lambda f: registry.setdefault(f.__name__, f)
def via_lambda():
    return "lam"
print(via_lambda(), sorted(registry))

class Holder:
    @staticmethod
    @deco("s")
    def s(x):
        return x
    @classmethod
    def c(cls):
        return cls.__name__
    @property
    @deco("p")
    def p(self):
        return 7
print(Holder.s(3), Holder.c(), Holder().p)

decos = [deco("a"), deco("b")]
@decos[0]
@decos[1]
def combo():
    return 0
print(combo())
print(trace[-4:])
