import sys
def g():
    try:
        yield
    except Exception as exc:
        print("in except", sys.exc_info()[0])
        yield
        print("after yield", sys.exc_info()[0])
        yield
make = g()
next(make)
try:
    raise ValueError()
except Exception as exc:
    try:
        make.throw(exc)
    except Exception:
        pass
print("outside", sys.exc_info()[0])
next(make)
print("outside2", sys.exc_info()[0])
import contextlib
@contextlib.contextmanager
def cm():
    try:
        yield
    except AssertionError as e:
        print("caught", type(e).__name__)
        raise
try:
    with cm():
        assert False, "x"
except AssertionError as e:
    print("reraised", e)
