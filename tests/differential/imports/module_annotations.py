# Module objects create __annotations__ on first use (and can delete it).
import types

m = types.ModuleType("m")
print("__annotations__" in m.__dict__)
a = m.__annotations__
print(a, "__annotations__" in m.__dict__, m.__annotations__ is a)
m.__annotations__ = {"x": int}
print(m.__annotations__)
del m.__annotations__
print("__annotations__" in m.__dict__)
try:
    del m.__annotations__
except AttributeError as e:
    print("AttributeError", e)
import json
print(json.__annotations__)
