# recursion with sys.setrecursionlimit
import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), depth(2500))

def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("RecursionError:", e)

class Rec:
    def __repr__(self):
        return repr(self)
try:
    repr(Rec())
except RecursionError as e:
    print("RecursionError:", e)

def mutual_a(n):
    return "a" if n == 0 else mutual_b(n - 1)
def mutual_b(n):
    return "b" if n == 0 else mutual_a(n - 1)
print(mutual_a(1001), mutual_a(1000))

sys.setrecursionlimit(200)
try:
    depth(1000)
except RecursionError as e:
    print("limited:", e)
print(depth(100))
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print("ValueError:", e)

def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(300))

def recover():
    try:
        return infinite(0)
    except RecursionError:
        return "recovered", depth(50)
print(recover())
nested = []
cur = nested
for _ in range(100):
    nxt = []
    cur.append(nxt)
    cur = nxt
print(str(nested)[:20], len(str(nested)))
