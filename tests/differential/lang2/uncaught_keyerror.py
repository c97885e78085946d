# uncaught KeyError repr-style message and exception-group summary
d = {"a": 1}
print(d["a"])
def lookup(k):
    return d[k]
lookup(("tuple", "key"))
