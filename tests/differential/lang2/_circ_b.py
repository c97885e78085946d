print("start _circ_b")
import _circ_a
B_VALUE = "b"
print("b sees partial a:", hasattr(_circ_a, "A_VALUE"))
def use_a():
    return "b sees " + _circ_a.A_VALUE
print("end _circ_b")
