# A global read by a function (or a comprehension) dies as soon as the
# program drops it: no lookup cache keeps it alive.
import weakref

log = []


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append('del ' + self.name)


res = Res('a')


def use():
    return res.name


print(use(), use())
del res
print(log)

obj = Res('b')
refs = [weakref.ref(obj, lambda r, i=i: log.append(i)) for i in range(3)]
print(len(refs), [r() is obj for r in refs])
del obj
print(log)

value = Res('c')
print([value.name for _ in range(2)])
value = Res('d')
print(log)
print(use.__name__, [value.name for _ in range(2)])
del value
print(log)

# Weak references: several to one object, one dropped in the middle.
class T:
    pass


t = T()
order = []
rs = [weakref.ref(t, lambda r, i=i: order.append(i)) for i in range(5)]
del rs[2]
print(weakref.getweakrefcount(t), len(weakref.getweakrefs(t)))
plain = weakref.ref(t)
print(plain is weakref.ref(t), weakref.getweakrefcount(t))
del rs[0]
del t
print(order, plain())
