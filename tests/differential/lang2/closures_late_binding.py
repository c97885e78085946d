# closures: late binding, cell sharing
def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(make())

def make2():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [f() for f in fs]
print(make2())

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get())
inc2, get2 = counter()
print(inc2(), get())

def shared():
    x = "before"
    def r():
        return x
    x = "after"
    return r
print(shared()())

def cells():
    a = 1
    b = 2
    def f():
        return a + b
    return f
fn = cells()
print(len(fn.__closure__), [c.cell_contents for c in fn.__closure__])
print(fn.__code__.co_freevars)
print(cells.__code__.co_cellvars)

def no_closure():
    return 1
print(no_closure.__closure__)

def deep():
    v = 1
    def l1():
        def l2():
            def l3():
                return v
            return l3
        return l2
    return l1()()()
print(deep())

def loop_closure():
    result = []
    for name in ["a", "b"]:
        def show(prefix):
            return prefix + name
        result.append(show)
    return [f(">") for f in result]
print(loop_closure())

adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print([adders[k](10) for k in sorted(adders)])
