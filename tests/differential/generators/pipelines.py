# Generator pipelines and itertools-free helpers.
def numbers(n):
    yield from range(n)
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squares(src):
    for x in src:
        yield x * x
def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x
def window(src, k):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) == k:
            yield tuple(buf)
            buf.pop(0)
print(list(take(4, squares(evens(numbers(100))))), list(window('abcde', 3)))
def batched(src, n):
    batch = []
    for x in src:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched(range(7), 3)), sum(squares(range(10))), dict(enumerate(take(2, 'xyz'))))
def counter():
    i = 0
    while True:
        cmd = yield i
        i = 0 if cmd == 'reset' else i + 1
c = counter()
print(next(c), next(c), next(c), c.send('reset'), next(c))
