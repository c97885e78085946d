# len() of builtin containers (answered by the loop without a call), of
# subclasses and classes with __len__, of huge ranges, and len rebound.
class L(list):
    def __len__(self):
        return 42

class Sized:
    def __len__(self):
        return 7

class Bad:
    def __len__(self):
        return -1

items = ['abc', 'é€😀', [1, 2], (1,), {1: 2}, {1, 2, 3}, b'xy', bytearray(b'z'),
         range(0, 10, 3), {}.keys(), frozenset([1]), L([1]), Sized()]
print([len(x) for x in items])
for bad in (Bad(), 5, range(2**70)):
    try:
        len(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(e)
try:
    len([], [])
except TypeError as e:
    print(e)

def shadowed():
    len = lambda x: 'mine'
    return len([1, 2])
print(shadowed())
import builtins
saved = builtins.len
builtins.len = lambda x: 'patched'
print(len('abc'))
builtins.len = saved
print(len('abc'), sum(len(w) for w in ['a', 'bb', 'ccc']))
