# The gc module's interface behaves as CPython's.
import gc

print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
old = gc.get_threshold()
print(old)
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5, 6)
print(gc.get_threshold())
gc.set_threshold(*old)
for bad in ("x", 1.5):
    try:
        gc.set_threshold(bad)
    except TypeError as e:
        print("TypeError", e)
for g in (-1, -2, 3):
    try:
        gc.collect(g)
    except ValueError as e:
        print("ValueError", e)
    try:
        gc.get_objects(g)
    except ValueError as e:
        print("ValueError", e)
print(type(gc.collect()), gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
c = gc.get_count()
print(type(c), len(c))
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(object()) in (True, False))

class C:
    pass

c = C()
objs = gc.get_objects()
print(any(o is c for o in objs))
l = [c]
print(any(r is l for r in gc.get_referrers(c)))
print(c in gc.get_referents(l), C in gc.get_referents(c))
gc.collect()
print(any(o is c for o in gc.get_objects(2)), any(o is c for o in gc.get_objects(0)))

phases = []
def cb(phase, info):
    phases.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(phases)

gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
x = []; x.append(x)
del x
gc.collect()
print(len(gc.garbage) > 0, any(type(o) is list for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
