# exec/eval with custom globals/locals
g = {"x": 10}
print(eval("x + 1", g), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
l = {"y": 5}
print(eval("x * y", g, l))
exec("z = x + y", g, l)
print(l["z"], "z" in g)
exec("w = 1", g)
print(g["w"])
ns = {}
exec("def f(a):\n    return a * k\nk = 3", ns)
print(ns["f"](4))
print(eval("len('abc')"), eval("[i for i in range(3)]"))
print(eval("__name__", {"__name__": "custom"}))
restricted = {"__builtins__": {}}
try:
    eval("len('x')", restricted)
except NameError as e:
    print("NameError:", e)
print(eval("a", {"__builtins__": {"a": "from fake builtins"}}))
class Locals(dict):
    def __getitem__(self, k):
        if k == "magic":
            return 42
        return dict.__getitem__(self, k)
print(eval("magic + 1", {}, Locals()))
class Mapping:
    def __getitem__(self, k):
        if k == "q":
            return "mapped"
        raise KeyError(k)
print(eval("q", {}, Mapping()))
try:
    eval("nope", {}, Mapping())
except NameError as e:
    print("NameError:", e)
print(exec("1 + 1"), eval("  7 "), eval("\n8"))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    eval(5)
except TypeError as e:
    print("TypeError:", e)
try:
    eval("1", [])
except TypeError as e:
    print("TypeError:", e)
def inner():
    v = 5
    return eval("v + 1"), eval("v", {"v": 0})
print(inner())
ls = {}
exec("class K:\n    val = 9", {}, ls)
print(ls["K"].val, ls["K"].__module__)
code_ns = {"__name__": "modname"}
exec("def h(): pass", code_ns)
print(code_ns["h"].__module__)
exec(compile("res = 2 ** 10", "<s>", "exec"), g)
print(g["res"])
print(eval(b"1 + 2"), eval("(lambda: x)()", {"x": "closure-free"}))
