try:
    raise ValueError("V")
except* ValueError as e:
    print(repr(e))
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("V", repr(e))
except* TypeError as e:
    print("T", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("outer", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
except ExceptionGroup as e:
    print("outer2", repr(e), repr(e.exceptions[0].__context__))
import sys
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError:
    pass
print(sys.exc_info())
