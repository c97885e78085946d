# global / nonlocal interplay
counter = 0

def bump():
    global counter
    counter += 1
    return counter

print(bump(), bump(), counter)

def outer():
    x = 1
    def mid():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
            return x
        return inner()
    r = mid()
    return x, r

print(outer())

def make_global_in_func():
    global brand_new
    brand_new = "created"

make_global_in_func()
print(brand_new)

def shadow():
    counter = "local"
    def g():
        global counter
        return counter
    return counter, g()

print(shadow())

def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 5
    return y

print(unbound())

def nonlocal_chain():
    a = []
    def add(v):
        nonlocal a
        a = a + [v]
    for i in range(3):
        add(i)
    return a

print(nonlocal_chain())

def read_after_del():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return str(e)

print(read_after_del())

x = "module"
def f():
    def g():
        return x
    x = "enclosing"
    return g()
print(f())
