# __hash__ / __eq__ interplay
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq.__hash__)
try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError:", e)
try:
    {OnlyEq(): 1}
except TypeError as e:
    print("TypeError:", e)

class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(3) in d, len({Key(1), Key(1), Key(2)}))

class Inherit(Key):
    pass
print(hash(Inherit(5)) == hash(5))

class Override(Key):
    def __eq__(self, o):
        return False
print(Override.__hash__)

class Keeps(Key):
    def __eq__(self, o):
        return False
    __hash__ = Key.__hash__
print(hash(Keeps(7)) == hash(7))

calls = []
class Collide:
    def __init__(self, n): self.n = n
    def __hash__(self):
        return 1
    def __eq__(self, o):
        calls.append((self.n, o.n))
        return self.n == o.n
s = {Collide(1), Collide(2), Collide(1)}
print(len(s), len(calls) > 0)

print(hash(1) == hash(1.0) == hash(True), hash(-1), hash(-2))
print({1: "a", 1.0: "b", True: "c"})
print(hash(()) == hash(()), hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    {{}}
except TypeError as e:
    print("TypeError:", e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
class BigHash:
    def __hash__(self): return 2 ** 70
print(hash(BigHash()) == hash(2 ** 70))
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
o = object()
print(hash(o) == hash(o), o == o, object() == object())
print(hash(float("inf")), hash(0.5), hash(2 ** 61 - 1), hash(-(2 ** 61)))
