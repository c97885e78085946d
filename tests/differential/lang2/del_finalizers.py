# __del__ runs deterministically at refcount zero (CPython semantics)
log = []
class Res:
    def __init__(self, name):
        self.name = name
        log.append("open " + name)
    def __del__(self):
        log.append("close " + self.name)
r = Res("a")
del r
print(log); log.clear()
r = Res("b")
r = Res("c")
print(log); log.clear()
def scope():
    tmp = Res("local")
    log.append("leaving")
scope()
print(log); log.clear()
lst = [Res("x"), Res("y")]
lst.pop(0)
print(log); log.clear()
lst.clear()
print(log); log.clear()
holder = Res("held")
alias = holder
del holder
print(log)
del alias
print(log); log.clear()
d = {"k": Res("dictval")}
d["k"] = None
print(log); log.clear()
Res("temporary")
print(log); log.clear()
class Parent:
    def __init__(self):
        self.child = Res("child")
p = Parent()
del p
print(log); log.clear()
def gen():
    r = Res("in-gen")
    yield 1
    yield 2
g = gen()
next(g)
del g
print(log); log.clear()
r = None
print(log)
