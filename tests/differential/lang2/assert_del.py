# assert messages and del semantics
def check(cond, msg=None):
    try:
        if msg is None:
            assert cond
        else:
            assert cond, msg
        return "ok"
    except AssertionError as e:
        return "AssertionError args=" + repr(e.args)
print(check(True), check(1, "m"), check(0), check([], "empty list"))
print(check(False, ("tuple", 1)), check("", {"d": 1}))
lazy = []
def msg():
    lazy.append("evaluated")
    return "lazy msg"
try:
    assert True, msg()
    assert False, msg()
except AssertionError as e:
    print(e, lazy)

x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
try:
    del x
except NameError as e:
    print("NameError:", e)

lst = list(range(10))
del lst[0]
del lst[-1]
del lst[::2]
print(lst)
del lst[1:]
print(lst)
try:
    del lst[5]
except IndexError as e:
    print("IndexError:", e)

d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)

class C: pass
c = C(); c.attr = 1
del c.attr
try:
    del c.attr
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
s = "str"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
def local_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
nested = {"k": {"inner": 1, "keep": 2}}
del nested["k"]["inner"]
print(nested)
try:
    del C.nothing
except AttributeError as e:
    print("AttributeError:", e)
