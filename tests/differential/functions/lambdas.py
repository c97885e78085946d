# lambda expressions.
sq = lambda x: x * x
print(sq(5), sq.__name__, (lambda: 'noargs')(), (lambda *a, **k: (a, k))(1, b=2))
print(list(map(lambda x: x + 1, [1, 2])), sorted([3, 1, 2], key=lambda x: -x))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda x, y=2, *, z=3: x + y + z)(1), (lambda a, /, b: a - b)(5, b=1))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20), (lambda: (yield))().__class__.__name__)
print([(lambda i=i: i)() for i in range(3)], (lambda: lambda: 42)()())
print(sq.__qualname__, (lambda: 0).__qualname__, type(sq).__name__)
