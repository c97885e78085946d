# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration('oops')
g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__, e.__cause__)
def bad_next():
    it = iter([])
    yield next(it)
try:
    list(bad_next())
except RuntimeError as e:
    print('RuntimeError:', e)
def ret():
    yield 1
    return 'value'
g = ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print('StopIteration', repr(e.value), e.args)
def early():
    return
    yield
print(list(early()))
e = StopIteration(1, 2)
print(e.value, e.args)
print(StopIteration().value)
