# "Did you mean" hints on NameError and AttributeError in printed tracebacks.
import io
import sys

global_for_suggestions = None


def shown():
    err = io.StringIO()
    old, sys.stderr = sys.stderr, err
    try:
        sys.__excepthook__(*sys.exc_info())
    finally:
        sys.stderr = old
    return err.getvalue().splitlines()[-1]


def f():
    blech = None
    print(bluch)


for fn in [f, lambda: global_for_suggestio, lambda: ZeroDivisionErrrrr, lambda: zzzzzzzzz]:
    try:
        fn()
    except NameError:
        print(shown())


class A:
    blech = None


class B:
    blech = None

    def __getattr__(self, attr):
        raise AttributeError


for obj in [A(), B()]:
    try:
        obj.bluch
    except AttributeError:
        print(shown())
try:
    [].apend(1)
except AttributeError:
    print(shown())
A().bluch
