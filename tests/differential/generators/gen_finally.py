# Generators with try/finally, with-statements inside, and garbage-free close on exhaustion.
class CM:
    def __enter__(self):
        print('enter')
    def __exit__(self, *a):
        print('exit', a[0].__name__ if a[0] else None)
def g():
    with CM():
        try:
            yield 1
            yield 2
        finally:
            print('finally in gen')
for v in g():
    print('got', v)
gen = g()
print(next(gen))
gen.close()
def h():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
x = h()
next(x)
x.close()
print('done')
