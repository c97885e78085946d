# rich comparisons, reflection, total ordering by hand
class Ver:
    def __init__(self, *p):
        self.p = p
    def __eq__(self, o):
        if not isinstance(o, Ver):
            return NotImplemented
        return self.p == o.p
    def __lt__(self, o):
        if not isinstance(o, Ver):
            return NotImplemented
        return self.p < o.p
    def __le__(self, o):
        return self == o or self < o
    def __gt__(self, o):
        r = o.__lt__(self) if isinstance(o, Ver) else NotImplemented
        return r
    def __ge__(self, o):
        return not self < o
    def __repr__(self):
        return "Ver" + repr(self.p)
    __hash__ = None

vs = [Ver(1, 2), Ver(1, 0), Ver(0, 9), Ver(1, 2, 1)]
print(sorted(vs))
print(max(vs), min(vs))
print(Ver(1) == Ver(1), Ver(1) != Ver(1), Ver(1) < Ver(2), Ver(2) <= Ver(2), Ver(3) > Ver(2), Ver(1) >= Ver(2))
print(Ver(1) == 1, 1 == Ver(1), Ver(1) != "x")
try:
    Ver(1) < 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 >= Ver(1)
except TypeError as e:
    print("TypeError:", e)

log = []
class Spy:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        log.append(("lt", self.n, o.n)); return NotImplemented
    def __gt__(self, o):
        log.append(("gt", self.n, o.n)); return NotImplemented
    def __eq__(self, o):
        log.append(("eq", self.n, o.n)); return NotImplemented
try:
    Spy(1) < Spy(2)
except TypeError as e:
    print("TypeError:", e)
print(log)
log.clear()
print(Spy(1) == Spy(2), log)

class SubSpy(Spy):
    def __gt__(self, o):
        log.append(("sub-gt", self.n, o.n)); return True
log.clear()
print(Spy(1) < SubSpy(2), log)
class Weird:
    def __eq__(self, o): return "truthy string"
    def __ne__(self, o): return 0
print(Weird() == 1, Weird() != 1, [Weird()] == [Weird()])
class NoNe:
    def __eq__(self, o): return True
print(NoNe() != 1)
print([1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [3] > [2, 99])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError:", e)
