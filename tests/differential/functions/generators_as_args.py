# Passing functions around: higher-order helpers, partial application by closure, reduce-free folds.
def fold(f, acc, items):
    for x in items:
        acc = f(acc, x)
    return acc
def partial(f, *a, **k):
    def p(*b, **kk):
        return f(*a, *b, **{**k, **kk})
    return p
add3 = partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), fold(lambda a, b: a * b, 1, range(1, 11)), fold(max, 0, [3, 9, 2]))
def compose(*fs):
    return lambda x: fold(lambda acc, f: f(acc), x, fs)
print(compose(str, len, lambda n: n * 2)(12345), list(map(partial(pow, 2), range(5))))
