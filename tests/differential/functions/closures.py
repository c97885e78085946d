# Closures, late binding, cells, nonlocal.
def make_adders():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def make_adders2():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders2()])
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner
    x = 'changed'
    return middle()()
print(outer())
def make():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
a = make()
a(1); print(a(2), a.__closure__[0].cell_contents, a.__code__.co_freevars)
def shadow():
    x = 1
    def f():
        x = 2
        return x
    return f(), x
print(shadow())
def unbound():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print('NameError:', e)
    y = 5
    return f()
print(unbound())
def fib_memo():
    memo = {}
    def fib(n):
        if n < 2:
            return n
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib
print(fib_memo()(80))
