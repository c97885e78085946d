# __name__ / __qualname__ of nested functions, classes, lambdas, methods
def outer():
    def inner():
        pass
    class Local:
        def meth(self):
            pass
        class Deeper:
            pass
    return inner, Local
inner, Local = outer()
print(inner.__name__, inner.__qualname__)
print(Local.__name__, Local.__qualname__, Local.meth.__qualname__, Local.Deeper.__qualname__)
class Top:
    def m(self):
        def helper():
            return (lambda: 0)
        return helper
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): pass
    @property
    def p(self): pass
    lam = lambda self: 0
    class Nested:
        def n(self): pass
h = Top().m()
print(h.__qualname__, h().__qualname__, Top.s.__qualname__, Top.c.__qualname__, Top.p.fget.__qualname__)
print(Top.lam.__qualname__, Top.Nested.n.__qualname__, Top.Nested.__qualname__, Top.Nested.__module__)
print((lambda: 0).__name__, [lambda: 0][0].__qualname__)
gen = (x for x in [])
print(gen.__name__, gen.__qualname__)
def gfunc():
    yield
print(gfunc().__name__, gfunc().__qualname__)
async def afunc():
    pass
co = afunc()
print(co.__name__, co.__qualname__)
co.close()
def rename():
    pass
rename.__name__ = "renamed"
rename.__qualname__ = "Some.renamed"
print(rename.__name__, rename.__qualname__)
try:
    rename.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
def with_doc():
    "the docstring"
print(with_doc.__doc__, outer.__doc__, with_doc.__module__)
def annotated(a: int, b: "str" = "x") -> list:
    pass
print(annotated.__annotations__)
print(sorted(k for k in dir(annotated) if k in ("__defaults__", "__kwdefaults__", "__globals__", "__dict__")))
print(annotated.__defaults__, annotated.__kwdefaults__, annotated.__globals__ is globals())
class Meta(type):
    def mm(cls): pass
print(Meta.mm.__qualname__, type.__qualname__, int.__add__.__qualname__ if hasattr(int.__add__, "__qualname__") else "")
