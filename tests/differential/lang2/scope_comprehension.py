# comprehension scopes and leak behaviour
i = "outer"
lst = [i for i in range(3)]
print(lst, i)

gen = (i * 2 for i in range(3))
print(list(gen), i)

d = {k: v for k, v in zip("abc", range(3))}
print(d)

s = {x % 3 for x in range(10)}
print(sorted(s))

nested = [[j for j in range(i)] for i in range(4)]
print(nested)

def f():
    y = 10
    return [y + k for k in range(3)]
print(f())

def g():
    funcs = [lambda: k for k in range(3)]
    return [fn() for fn in funcs]
print(g())

def h():
    funcs = [lambda k=k: k for k in range(3)]
    return [fn() for fn in funcs]
print(h())

# first iterable evaluated in enclosing scope
def first_iter():
    data = [1, 2, 3]
    return [x for x in data if x > 1]
print(first_iter())

class K:
    data = [1, 2, 3]
    out = [x for x in data]
print(K.out)

# walrus binds in containing scope
def walrus():
    total = 0
    vals = [total := total + v for v in range(5)]
    return vals, total
print(walrus())

print([(a, b) for a in range(3) for b in range(a)])
print([x for x in range(20) if x % 2 if x % 3])
print({(a, b): a * b for a in range(2) for b in range(2)})
g2 = (x for x in [1, 2])
print(type(g2).__name__, next(g2), next(g2), next(g2, "done"))
