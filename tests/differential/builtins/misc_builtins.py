# all any enumerate zip sorted reversed len range slice iter next hash(int) id-free, __import__, __build_class__.
print(all([]), all([1, 0]), any([]), any([0, '', 'x']), all(x > 0 for x in [1, 2]), len({'a': 1}), len(range(3, 10, 2)))
print(sorted('bca'), sorted([3, 1], reverse=True), list(reversed(range(3))), hash(42), hash(-1), hash(True), hash(2.0))
m = __import__('sys')
print(m.__name__, type(m).__name__)
def body():
    x = 1
    def meth(self):
        return 'built'
C = __build_class__(lambda: None, 'C') if False else None
import builtins
print(builtins.len is len, type(builtins).__name__, builtins.__name__, 'print' in dir(builtins))
names = sorted(n for n in dir(builtins) if not n.startswith('_'))
print(len(names) > 100, [n for n in ['abs', 'zip', 'map', 'open', 'ExceptionGroup'] if n in names])
print(isinstance(NotImplemented, type(NotImplemented)), Ellipsis is ..., type(...).__name__, bool(NotImplemented) if False else 'ok')
print(object().__class__.__name__, type(object.__init__).__name__, type([].append).__name__, type(object.__str__).__name__)
print(len(dir(object)) > 10, hasattr(object, '__init_subclass__'), object.__doc__[:20])
