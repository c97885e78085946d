# PEP 442: __del__ of objects in cycles runs once, resurrection is safe,
# weakref callbacks run unless the weakref itself is garbage.
import gc
import weakref

gc.disable()
log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(("del", self.name))


a = D("a"); b = D("b"); a.b = b; b.a = a
del a, b
gc.collect()
print(sorted(log)); log.clear()

saved = []


class Phoenix:
    def __del__(self):
        log.append("phoenix del")
        saved.append(self)


p = Phoenix(); p.me = p; wp = weakref.ref(p)
del p
gc.collect()
print(log, len(saved), wp() is None)
log.clear()
saved[0].me = None
saved.clear()
gc.collect()
print(log)

# Weakref callbacks: called for a live weakref, not for a garbage one.
class T:
    pass

t = T(); t.me = t
r_live = weakref.ref(t, lambda r: log.append("live callback"))
t.r = weakref.ref(t, lambda r: log.append("garbage callback"))
del t
gc.collect()
print(log, r_live() is None)
log.clear()

# A finaliser that raises is reported and ignored.
class Bad:
    def __del__(self):
        raise RuntimeError("boom")

x = Bad(); x.me = x
del x
import io, sys
old = sys.stderr
sys.stderr = io.StringIO()
gc.collect()
err = sys.stderr.getvalue()
sys.stderr = old
print("RuntimeError: boom" in err, "Exception ignored in" in err)

# Generators in cycles are closed (finally runs) once.
def gen():
    try:
        yield 1
    finally:
        log.append("gen finally")

class H:
    pass

h = H(); h.g = gen(); next(h.g); h.me = h
del h
gc.collect()
print(log)
