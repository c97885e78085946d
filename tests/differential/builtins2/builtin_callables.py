# builtin functions: __call__, equality of bound builtin methods, MethodType over any callable
import types

print(len.__call__([1, 2]), [].append.__call__(1))
l = []
print(l.append == l.append, l.append != l.append, l.append == [].append, l.append == l.pop)
print(l.__add__ == l.__add__, l.__add__ == [].__add__)
print(hash(l.append) == hash(l.append))


class MyCallable:
    def __call__(self, arg):
        return arg


func = MyCallable()
m = types.MethodType(func, 7)
print(repr(m), m())
func.__name__ = "name"
print(repr(m))
func.__qualname__ = "qual"
print(repr(m))
