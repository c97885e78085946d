# Class bodies, nested functions and global/nonlocal interplay.
counter = 0
class K:
    global counter
    counter = 10
    local = counter + 1
print(counter, K.local)
def outer():
    v = 'enclosing'
    class Inner:
        w = v
        def m(self):
            return v
    return Inner.w, Inner().m()
print(outer())
def f():
    x = 1
    class C:
        x = 2
        def g(self):
            return x
    return C().g(), C.x
print(f())
