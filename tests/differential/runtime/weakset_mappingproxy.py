class A: x = 1
import types, weakref, collections.abc
p = types.MappingProxyType({'a': 1})
print(p == {'a': 1}, p != {'a': 2}, p | {'b': 2}, {'c': 3} | p, list(reversed(p)))
class K: pass
k = K(); s = weakref.WeakSet([k]); print(k in s, len(s))
d = weakref.WeakKeyDictionary(); d[k] = 5; print(d[k])
print(isinstance({}, collections.abc.Mapping))
from collections import Counter
print(Counter(a=1), Counter({'x': 2}))
r1 = weakref.ref(k); r2 = weakref.ref(k, lambda r: None); print(r1 == r2, hash(r1) == hash(k))
