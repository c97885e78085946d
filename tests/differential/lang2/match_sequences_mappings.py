# match: sequence and mapping patterns
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [first, *rest] if len(rest) > 3:
            return f"long first={first} rest={rest}"
        case [first, *mid, last]:
            return f"many {first} {mid} {last}"
        case _:
            return "not a sequence"

for v in [[], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", b"ab", {1: 2},
          range(3), (x for x in [1])]:
    print(type(v).__name__, seq(v))

def nested(x):
    match x:
        case [(a, b), [c, *_]]:
            return ("nested", a, b, c)
        case [int() | float() as n, str(s)]:
            return ("num-str", n, s)
        case [*_, [*inner]]:
            return ("last is list", inner)
    return "nomatch"
print(nested([(1, 2), [3, 4, 5]]))
print(nested([1.5, "s"]))
print(nested([0, 0, [7, 8]]))
print(nested([1]))

def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} extra={sorted(rest)}"
        case {"type": t}:
            return "unknown type " + t
        case {}:
            return "some mapping"
    return "not mapping"
print(mapping({"type": "point", "x": 1, "y": 2, "z": 3}))
print(mapping({"type": "circle", "r": 5, "color": "red", "w": 1}))
print(mapping({"type": "blob"}))
print(mapping({"other": 1}))
print(mapping({}))
print(mapping([("type", "point")]))

class DefaultMap(dict):
    def __missing__(self, k):
        return "missing!"
def dm(m):
    match m:
        case {"absent": v}:
            return "found " + v
        case _:
            return "no key"
print(dm(DefaultMap()))

def literal_keys(m):
    match m:
        case {1: a, "1": b}:
            return (a, b)
        case {None: n}:
            return ("none key", n)
print(literal_keys({1: "int", "1": "str"}), literal_keys({None: 0}))
def star_str(x):
    match x:
        case (*a, "end"):
            return a
print(star_str(("x", "y", "end")), star_str(["end"]), star_str("end"))
