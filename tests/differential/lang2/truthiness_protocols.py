# __bool__/__len__ truthiness, __index__, __contains__, __len__ errors
class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), not L(0))
print("yes" if L(2) else "no", [x for x in [L(0), L(1)] if x].__len__())
for bad in [B(1), B("s"), L(-1), L("3")]:
    try:
        bool(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    len(L(2 ** 70))
except OverflowError as e:
    print("OverflowError:", e)
class Both:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(Both()), len(Both()))
class Nothing: pass
print(bool(Nothing()), bool(0.0), bool(0j), bool(""), bool(" "), bool(()), bool(range(0)))
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx()], hex(Idx()), bin(Idx()), range(Idx()), [1, 2, 3, 4][Idx():])
print(list(range(10))[Idx():5], (Idx() * [0]) if False else [0] * Idx(), int(Idx()) if hasattr(Idx, "__int__") else "no int")
class BadIdx:
    def __index__(self): return "x"
try:
    [1][BadIdx()]
except TypeError as e:
    print("TypeError:", e)
try:
    lst1 = [1]
    lst1["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    lst1[1.0]
except TypeError as e:
    print("TypeError:", e)
class Cont:
    def __contains__(self, x): return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())
class ContTruthy:
    def __contains__(self, x): return [1]
print(1 in ContTruthy())
class IterOnly:
    def __iter__(self): return iter([1, 2])
print(2 in IterOnly(), 3 in IterOnly())
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    len(Nothing())
except TypeError as e:
    print("TypeError:", e)
print(1 in [1.0], None in [None], float("nan") in [float("nan")])
nan = float("nan")
print(nan in [nan], [nan] == [nan], (nan,) == (nan,), nan == nan)
print(0 or "" or [] or "last", 1 and "x" and [0], None or 0)
