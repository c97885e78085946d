# A change to a class reaches every subclass once, even through a lattice
# of diamonds (each level has two paths to the next), and lookups through
# the bottom class see it.
class Top:
    x = 0
level = [Top]
for depth in range(40):
    a = type('A%d' % depth, tuple(level), {})
    b = type('B%d' % depth, tuple(level), {})
    level = [a, b]
Bottom = type('Bottom', tuple(level), {})
o = Bottom()
def read(o):
    return o.x
for i in range(5):
    Top.x = i
    print(read(o), Bottom.x)
level[0].x = 'shadow'
print(read(o), Bottom.__mro__[1].__name__)
