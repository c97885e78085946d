# context managers: suppression, nesting, exit order
log = []
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        log.append("exit %s %s" % (self.name, et.__name__ if et else None))
        return self.suppress

with CM("a") as x, CM("b") as y:
    log.append("body " + x + y)
print(log); log.clear()

with CM("outer", suppress=True):
    with CM("inner"):
        raise KeyError("k")
    log.append("unreached")
print(log); log.clear()

try:
    with CM("nosup"):
        raise ValueError("v")
except ValueError as e:
    log.append("caught " + repr(e))
print(log); log.clear()

def in_func():
    with CM("ret"):
        return "returned"
print(in_func(), log); log.clear()

for i in range(3):
    with CM(str(i)):
        if i == 1:
            continue
        if i == 2:
            break
print(log); log.clear()

class Replace:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with Replace():
        raise ValueError("orig")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))

class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self): pass
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
with Truthy():
    1 / 0
print("suppressed via truthy")
with CM("t") as (p):
    pass
with CM("tuple") as [q, *r]:
    pass
print(q, r, log)
