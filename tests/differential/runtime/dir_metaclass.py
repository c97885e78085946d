import enum
class Color(enum.Enum):
    RED = 1
print(dir(Color))
print(dir(Color.RED))
class M(type):
    def __dir__(cls): return ['z', 'a']
class K(metaclass=M): pass
print(dir(K), len(dir(int)) > 10, 'append' in dir([]))
import types
m = types.ModuleType('mm'); m.__dir__ = lambda: ['q']
print(dir(m))
