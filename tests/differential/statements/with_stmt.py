# with statements: enter/exit order, exception suppression, multiple managers.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM('a') as x:
    print('body', x)
with CM('a') as x, CM('b') as y:
    print('body', x, y)
with (CM('p'), CM('q') as q):
    print('parenthesized', q)
with CM('s', suppress=True):
    raise ValueError('suppressed')
print('after suppressed')
try:
    with CM('n'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', e)
def f():
    with CM('ret'):
        return 'returned'
print(f())
for i in range(2):
    with CM(f'loop{i}'):
        if i == 0:
            continue
        break
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
a = [1, 2]
with CM('t') as a[0]:
    pass
print(a)
