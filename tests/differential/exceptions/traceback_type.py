# types.TracebackType can be built and its tb_next is checked; the
# traceback of a re-raise keeps the frame's line (PEP 626).
import sys
import types


def get_tb():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__


other = get_tb()
frame = sys._getframe()
tb = types.TracebackType(other, frame, 1, 2)
print(tb.tb_next is other, tb.tb_frame is frame, tb.tb_lasti, tb.tb_lineno)
for bad in [("no", frame, 1, 2), (other, "no", 1, 2), (other, frame, "no", 2)]:
    try:
        types.TracebackType(*bad)
    except TypeError as x:
        print("TypeError")
try:
    del tb.tb_next
except TypeError as x:
    print("TypeError:", x)
try:
    tb.tb_next = tb
except ValueError as x:
    print("ValueError:", x)


def lines(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
    out = []
    while t:
        out.append(t.tb_frame.f_lineno - t.tb_frame.f_code.co_firstlineno)
        t = t.tb_next
    return out


def other_except():
    try:
        1 / 0
    except TypeError as ex:
        pass


def in_except():
    try:
        1 / 0
    except:
        1 / 0
        pass


def in_try():
    try:
        1 / 0
    finally:
        pass


print(lines(other_except), lines(in_except), lines(in_try))
