# Weak references freed deep inside a long chain (past the nesting at which
# frees are queued) while their targets die in the same cascade: no callback
# may reach a weakref object that is already being freed.
import weakref


class N:
    pass


calls = []


def cb(w):
    calls.append(repr(w)[:10])
    w()


for _ in range(20):
    head = None
    prev_t = N()
    for i in range(1000):
        n = N()
        t = N()
        n.w = weakref.ref(prev_t, cb)
        n.next = head
        n.t = t
        head, prev_t = n, t
    del n, t, prev_t
    del head
    junk = [weakref.ref(N()) for _ in range(100)]

# Every weakref still alive afterwards refers to a live object or is dead.
survivors = [weakref.ref(N()) for _ in range(10)]
print(all(r() is None for r in survivors))
print(len(set(calls)) <= 1, all(c.startswith('<weakref') for c in calls))
