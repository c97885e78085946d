# Function attributes: __name__, __qualname__, __defaults__, __doc__, __dict__, __module__.
def top(a, b=1, *args, c, d=2, **kw):
    """Docstring here."""
    return a
class Outer:
    def method(self):
        def inner():
            pass
        return inner
    class Nested:
        def deep(self):
            pass
print(top.__name__, top.__qualname__, top.__defaults__, top.__kwdefaults__, top.__doc__, top.__module__)
print(Outer.method.__qualname__, Outer().method().__qualname__, Outer.Nested.deep.__qualname__, Outer.Nested.__qualname__)
top.custom = 'attr'
print(top.custom, top.__dict__, hasattr(top, '__code__'), top.__code__.co_name, top.__code__.co_argcount)
def noddoc():
    pass
print(noddoc.__doc__, (lambda: 0).__name__, top.__annotations__)
def ann(x: int, y: 'str' = 'a') -> list:
    pass
print(ann.__annotations__)
top.__name__ = 'renamed'
print(top.__name__, top.__qualname__)
try:
    top.__name__ = 5
except TypeError as e:
    print('TypeError:', e)
print(type(top).__name__, callable(top), Outer.method.__name__, top.__code__.co_varnames)
m = Outer().method
print(m.__name__, m.__qualname__, m.__func__ is Outer.method, type(m).__name__)
