# circular imports between helper modules
import sys
import _circ_a
import _circ_b
print(_circ_a.use_b(), _circ_b.use_a())
print(_circ_a._circ_b is _circ_b, _circ_b._circ_a is _circ_a)
try:
    import _circ_c
except ImportError as e:
    print("ImportError:", e)
print("_circ_c" in sys.modules, "_circ_d" in sys.modules)
import _circ_a as again
print(again is _circ_a, _circ_a.__name__, __name__)
