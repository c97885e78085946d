# match: mapping patterns and class patterns (positional via __match_args__).
def m(x):
    match x:
        case {'type': 'point', 'x': x0, 'y': y0}:
            return f'point {x0},{y0}'
        case {'type': 'circle', **rest}:
            return f'circle rest={sorted(rest)}'
        case {'k': [_, *others]}:
            return f'k list tail {others}'
        case {}:
            return 'some mapping'
        case _:
            return 'not a mapping'
for v in [{'type': 'point', 'x': 1, 'y': 2, 'z': 3}, {'type': 'circle', 'r': 5, 'c': 0}, {'k': [1, 2, 3]}, {'q': 1}, {}, [1]]:
    print(v, '->', m(v))
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def c(p):
    match p:
        case Point3(0, 0, 0):
            return 'origin3'
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=yy):
            return f'on y axis at {yy}'
        case Point(xx, 0):
            return f'on x axis at {xx}'
        case Point3(_, _, z=zz) if zz > 0:
            return f'above {zz}'
        case int(i) | float(i):
            return f'number {i}'
        case str(s):
            return f'str {s}'
        case [Point(x=a), Point(x=b)]:
            return f'two points {a} {b}'
        case _:
            return 'unknown'
for v in [Point(0, 0), Point3(0, 0, 0), Point(0, 5), Point(3, 0), Point3(1, 1, 2), 4, 2.5, 'hi', [Point(1, 2), Point(3, 4)], Point(1, 1)]:
    print(c(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print('TypeError:', e)
