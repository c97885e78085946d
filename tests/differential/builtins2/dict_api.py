# dict API and its error messages
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 100), d.setdefault("n", []))
print(d.pop("n"), d.pop("z", "dflt"), d)
try:
    d.pop("z")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)])
print(d)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), dict(a=1, b=2), dict([(1, 2)], c=3))
print(d | {"q": 9}, {"a": 1} | {"a": 2})
e = {"k": 1}; e |= {"j": 2}; e |= [("m", 3)]; print(e)
print("a" in d, "zz" not in d, len(d), bool({}), {} == {}, {1: 2} == {1: 2.0})
del d["a"]; d["a"] = "readded"; print(list(d))
for bad in [lambda: {}["k"], lambda: {}[[1]], lambda: {}.popitem(), lambda: dict(1),
            lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: {} | [], lambda: {}.update(1),
            lambda: {"a": 1} < {"b": 2}, lambda: {}.get(), lambda: dict.fromkeys(5),
            lambda: {(1, [2]): 3}]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
it = {"a": 1, "b": 2}
try:
    for k in it:
        it["new"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
ks = {"a": 1, "b": 2}.keys()
print(ks & {"a", "z"}, ks | {"c"} == {"a", "b", "c"}, ks - {"a"}, "a" in ks, len(ks))
items = {"a": 1}.items()
print(("a", 1) in items, ("a", 2) in items, list(reversed({"x": 1, "y": 2})))
vals = {"a": [1]}.values()
print(list(vals), type(vals).__name__, type(ks).__name__, type(items).__name__)
class Missing(dict):
    def __missing__(self, k):
        return k * 2
mm = Missing(a=1)
print(mm["a"], mm["zz"], mm.get("zz"), "zz" in mm)
print(repr({1: {2: {3: None}}}), {True: 1, 1: 2, 1.0: 3})
print({k: v for k, v in sorted({"b": 1, "a": 2}.items())})
r = {}; r["self"] = r; print(r)
print(dict(sorted({3: "c", 1: "a"}.items())), sorted({"x": 1, "y": 0}, key=lambda k: {"x": 1, "y": 0}[k]))
print(d.copy() == d, d.copy() is d, dict(d) == d, {**d} == d)
