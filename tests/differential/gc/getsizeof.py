# sys.getsizeof goes through __sizeof__ (default, errors) and grows with contents.
import sys
class S:
    def __sizeof__(self): return 42
class Neg:
    def __sizeof__(self): return -1
class Bad:
    def __sizeof__(self): return "x"
print(sys.getsizeof(S()) >= 42)
try: sys.getsizeof(Neg())
except ValueError as e: print("VE", e)
try: sys.getsizeof(Bad())
except TypeError as e: print("TE", e)
print(sys.getsizeof(Bad(), 7))
print(sys.getsizeof([]) < sys.getsizeof(list(range(100))), sys.getsizeof({}) < sys.getsizeof({i: i for i in range(100)}))
print(sys.getsizeof("a") < sys.getsizeof("a" * 1000), sys.getsizeof(10) <= sys.getsizeof(10**100))
print(type(sys.getsizeof(1)), sys.getsizeof(object()) > 0)
try: sys.getsizeof()
except TypeError as e: print("TE2")
class Huge:
    def __sizeof__(self): return -2**100
try: sys.getsizeof(Huge(), 5)
except OverflowError as e: print("OE", e)
