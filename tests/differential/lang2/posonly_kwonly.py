# positional-only / keyword-only combos and their TypeErrors
def f(a, b, /, c, *, d):
    return (a, b, c, d)

def attempt(fn, *args, **kw):
    try:
        print(fn(*args, **kw))
    except TypeError as e:
        print("TypeError:", e)

attempt(f, 1, 2, 3, d=4)
attempt(f, 1, 2, c=3, d=4)
attempt(f, 1, b=2, c=3, d=4)
attempt(f, 1, 2, 3, 4)
attempt(f, 1, 2, 3)
attempt(f, 1, 2, d=4)
attempt(f, 1, 2, 3, d=4, e=5)
attempt(f, 1)
attempt(f)

def g(a, /, **kw):
    return a, kw
attempt(g, 1, a=2)

def h(*, x, y=2):
    return x, y
attempt(h, 1)
attempt(h)
attempt(h, x=1, y=3)

def k(a, b=2, /):
    return a, b
attempt(k, 1)
attempt(k, 1, 2, 3)
attempt(k, a=1)

def m(a, b, c):
    return a
attempt(m, 1, 2, a=3)
attempt(m, 1, 2, 3, 4)
attempt(m, 1)
attempt(m, 1, 2, c=3, d=4)

def n(*args, **kwargs):
    return args, kwargs
attempt(n, 1, 2, x=3)
attempt(n, *[1, 2], **{"a": 1})

def p():
    pass
attempt(p, 1)
attempt(p, x=1)

class K:
    def meth(self, a, *, b):
        return a, b
attempt(K().meth, 1, 2)
attempt(K().meth, 1)
attempt(K.meth, 1)

def q(a, b, /, *args, c, **kw):
    return a, b, args, c, kw
attempt(q, 1, 2, 3, 4, c=5, a=6)
attempt(lambda x, /: x, x=1)
attempt(f, 1, 2, 3, **{"d": 4, "c": 5})
