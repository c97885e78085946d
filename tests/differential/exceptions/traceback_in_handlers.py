# Exceptions inside except/finally blocks and nested handler state (sys.exc_info).
import sys
print(sys.exc_info())
try:
    raise ValueError('outer')
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
    try:
        raise KeyError('inner')
    except KeyError:
        print(sys.exc_info()[1].args)
    print(repr(sys.exc_info()[1]))
print(sys.exc_info())
def gen():
    try:
        raise IndexError('in gen')
    except IndexError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exception())
print(list(gen()), sys.exception())
