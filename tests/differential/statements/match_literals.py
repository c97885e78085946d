# match: literal, capture, wildcard, value, or, as and guard patterns.
import sys
class Color:
    RED = 'red'
    GREEN = 'green'
def describe(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case -1:
            return 'minus one'
        case 1.5:
            return 'one and a half'
        case 'hello' | 'hi':
            return 'greeting'
        case b'bytes':
            return 'bytes literal'
        case None:
            return 'none'
        case True:
            return 'true'
        case Color.RED:
            return 'value pattern red'
        case 2j:
            return 'complex'
        case int(n) if n > 100:
            return f'big {n}'
        case str() as s if len(s) > 5:
            return f'long string {s}'
        case (1 | 2) as small_again:
            return 'unreachable'
        case other:
            return f'other {other!r}'
for v in [0, 2, -1, 1.5, 'hi', b'bytes', None, True, 1.0, 'red', 2j, 500, 'abcdefg', 'x', [1], False]:
    print(repr(v), '->', describe(v))
match 5:
    case _:
        print('wildcard')
y = 7
match y:
    case z:
        print('capture', z)
