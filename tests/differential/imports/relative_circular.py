# Circular imports inside a package, and module attributes.
import mypkg.circ_a
import mypkg.circ_b
print(mypkg.circ_a.get_b(), mypkg.circ_b.get_a())
from mypkg import circ_a, circ_b
print(circ_a.circ_b is circ_b, circ_b.circ_a is circ_a)
print(mypkg.circ_a.__name__, mypkg.circ_a.__package__, __name__)
import sys
print(sys.modules['mypkg.circ_a'] is circ_a, type(sys).__name__, sys.__name__)
