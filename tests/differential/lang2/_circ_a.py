print("start _circ_a")
import _circ_b
A_VALUE = "a"
def use_b():
    return "a sees " + _circ_b.B_VALUE
print("end _circ_a")
