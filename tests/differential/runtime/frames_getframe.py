import sys
def f():
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_back.f_lineno)
    x = 5
    print(sorted(sys._getframe().f_locals))
    return fr
def g():
    return f()
fr = g()
print(type(fr).__name__, fr.f_globals is globals(), fr.f_builtins is not None)
class A:
    def __init__(self):
        print("init caller", sys._getframe(1).f_code.co_name)
def h():
    A()
h()
try:
    def bad():
        1/0
    bad()
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
try:
    sys._getframe(100)
except ValueError as e:
    print(e)
import warnings
def w():
    warnings.warn("careful", UserWarning, stacklevel=2)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    w()
print(caught[0].lineno, caught[0].filename == __file__)
