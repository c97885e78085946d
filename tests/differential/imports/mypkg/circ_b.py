from . import circ_a
B_VALUE = 'b'
def get_a():
    return circ_a.A_VALUE
