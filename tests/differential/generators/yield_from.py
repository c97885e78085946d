# yield from: delegation, return values, send/throw forwarding.
def inner():
    x = yield 'i1'
    print('inner got', x)
    y = yield 'i2'
    print('inner got', y)
    return 'inner-result'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield 'o1'
    return 'outer-done'
g = outer()
print(next(g), g.send('a'), g.send('b'))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], 'ab', range(2), (x * x for x in range(3)))))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def sub():
    try:
        yield 1
    except KeyError:
        yield 'sub handled'
def deleg():
    yield from sub()
d = deleg()
next(d)
print(d.throw(KeyError))
def ret_gen():
    return 5
    yield
def use():
    v = yield from ret_gen()
    yield v
print(list(use()))
def closing_inner():
    try:
        yield 1
    finally:
        print('inner closed')
def closing_outer():
    yield from closing_inner()
c = closing_outer()
next(c)
c.close()
