# match: sequence patterns with star captures.
def m(x):
    match x:
        case []:
            return 'empty'
        case [a]:
            return f'one {a}'
        case [a, b]:
            return f'two {a} {b}'
        case [0, *rest]:
            return f'starts with 0, rest {rest}'
        case [first, *middle, last] if len(middle) > 2:
            return f'long {first}..{last} mid={middle}'
        case (a, b, c):
            return f'three {a} {b} {c}'
        case [*_, 'end']:
            return 'ends with end'
        case _:
            return 'other'
for v in [[], [1], (1, 2), [0, 1, 2, 3], [1, 2, 3, 4, 5], (7, 8, 9), ['a', 'b', 'c', 'end'], 'abc', b'ab', {1, 2}, range(2), [1, 2, 3, 4]]:
    print(repr(v), '->', m(v))
match [1, [2, 3]]:
    case [x, [y, z]]:
        print('nested', x, y, z)
match (1, 2):
    case [1, 2]:
        print('tuple matches list pattern')
match {'a': 1}:
    case [*_]:
        print('no')
    case _:
        print('mapping is not a sequence')
