# __class_getitem__ as plain classmethod
class Box:
    def __class_getitem__(cls, item):
        return ("Box", cls.__name__, item)

print(Box[int])
print(Box[1, 2])
print(Box["k"])
print(Box[1:2])

class Sub(Box):
    pass
print(Sub[str])

class Explicit:
    @classmethod
    def __class_getitem__(cls, item):
        return cls.__name__ + "[" + repr(item) + "]"
print(Explicit[3])
print(type(Box.__dict__["__class_getitem__"]).__name__)

class Both:
    def __getitem__(self, i):
        return "instance " + str(i)
    def __class_getitem__(cls, i):
        return "class " + str(i)
print(Both[0], Both()[0])

class NoGet:
    pass
try:
    NoGet[0]
except TypeError as e:
    print("TypeError:", e)

class Meta(type):
    def __getitem__(cls, i):
        return "meta " + str(i)
class WithMeta(metaclass=Meta):
    def __class_getitem__(cls, i):
        return "cgi " + str(i)
print(WithMeta[5])

class Cache:
    made = {}
    def __class_getitem__(cls, key):
        return cls.made.setdefault(key, type("Cache_" + str(key), (cls,), {}))
a = Cache[1]
b = Cache[1]
print(a is b, a.__name__, issubclass(a, Cache))
try:
    one = 1
    one[0]
except TypeError as e:
    print("TypeError:", e)
try:
    len[0]
except TypeError as e:
    print("TypeError:", e)
