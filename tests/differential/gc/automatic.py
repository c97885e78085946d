# Without gc.collect(), allocation drives collection: cyclic garbage made
# in a loop does not accumulate, and weakrefs to it die on their own.
import gc
import weakref

class Node:
    pass

refs = []
for i in range(20000):
    a = Node(); b = Node(); a.b = b; b.a = a
    if i % 1000 == 0:
        refs.append(weakref.ref(a))
    del a, b
dead = sum(r() is None for r in refs)
print(dead >= len(refs) // 2, len(refs))
print(gc.get_stats()[0]["collections"] > 0)
