# class scopes do not leak into methods or comprehensions
x = "global x"

class A:
    x = "class x"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(2)]
    w = (lambda: x)()

print(A.y, A().m(), A.z, A.w)

def f():
    v = "func v"
    class B:
        v = "class v"
        def m(self):
            return v
        got = v
    return B().m(), B.got

print(f())

def g():
    v = "func v"
    class C:
        try:
            print("in C:", v)
        except NameError as e:
            print("NameError:", e)
        v = "shadow"
        print("in C after:", v)
    return C.v

print(g())

class D:
    items = [1, 2, 3]
    firsts = [i * 2 for i in items]
    try:
        pairs = [(i, j) for i in items for j in items if j > i]
    except NameError as e:
        pairs = str(e)
print(D.firsts, D.pairs)

class E:
    n = 3
    try:
        sq = [n * i for i in range(3)]
    except NameError as e:
        sq = "NameError: " + str(e)
print(E.sq)

class F:
    def __init__(self):
        self.name = __class__.__name__
    def who(self):
        return __class__
print(F().name, F().who() is F)

class G:
    locals_seen = sorted(k for k in locals() if not k.startswith("__"))
    a = 1
    b = 2
    after = sorted(k for k in locals() if not k.startswith("__"))
print(G.locals_seen, G.after)
