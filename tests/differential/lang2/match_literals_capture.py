# match: literal, capture, wildcard, value, or, as patterns, guards
import sys

class Color:
    RED = "red"
    GREEN = "green"

def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case True:
            return "true?"
        case None:
            return "none"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes"
        case -1:
            return "minus one"
        case 1.5:
            return "one and half"
        case 2+3j:
            return "complex"
        case Color.RED:
            return "red color"
        case str() as s if len(s) > 5:
            return "long str " + s
        case int(n) if n < 0:
            return "negative " + str(n)
        case (10 | 20) as ten_or_twenty:
            return "tens " + str(ten_or_twenty)
        case _:
            return "other " + repr(x)

for v in [0, 2, True, False, None, "hello", b"bytes", -1, 1.5, 2+3j,
          "red", "lengthy!", -7, 20, 1.0, "x", 0.0, sys.maxsize]:
    print(repr(v), "->", classify(v))

def capture(x):
    match x:
        case y:
            return ("captured", y)
print(capture(42))

def guard_order(x):
    match x:
        case n if n > 10:
            return "big"
        case n if n > 5:
            return "medium"
        case n:
            return "small " + str(n)
print([guard_order(v) for v in (1, 7, 11)])

def side(x, log):
    match x:
        case a if log.append("g1") or False:
            return "no"
        case b if log.append("g2") or True:
            return "yes " + str(b)
log = []
print(side(3, log), log)
