# send, throw, close and the protocol errors around them.
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total
g = acc()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print('returned', e.value)
g = acc()
try:
    g.send(1)
except TypeError as e:
    print('TypeError:', e)
def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('caught', e)
            yield 'recovered'
c = catcher()
next(c)
print(c.throw(ValueError('boom')), next(c))
try:
    c.throw(KeyError('k'))
except KeyError as e:
    print('KeyError propagated', e)
print(next(c, 'exhausted'))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
c = closer()
next(c)
c.close()
c.close()
print(next(c, 'closed'))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'nope'
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)
def thrower():
    yield 1
t = thrower()
try:
    t.throw(TypeError, TypeError('direct'))
except TypeError as e:
    print('TypeError', e)
print(next(t, 'done'))
