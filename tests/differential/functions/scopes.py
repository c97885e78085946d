# global and nonlocal declarations, UnboundLocalError.
g = 1
def read():
    return g
def write():
    global g
    g = 2
def bad():
    try:
        print(g)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    g = 3
print(read()); write(); print(g, read()); bad()
def outer():
    a = 1
    def mid():
        nonlocal a
        a = 2
        def inner():
            nonlocal a
            a += 10
        inner()
    mid()
    return a
print(outer())
def gen_global():
    global newname
    newname = 'created'
gen_global()
print(newname)
x = 'module'
class C:
    x = 'class'
    def m(self):
        return x
    y = [x for _ in range(1)]
print(C().m(), C.y)
def f():
    del_me = 1
    del del_me
    try:
        return del_me
    except NameError as e:
        return str(e)
print(f())
print('g' in globals(), sorted(k for k in globals() if not k.startswith('__'))[:5])
