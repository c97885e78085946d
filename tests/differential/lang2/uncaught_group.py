# uncaught ExceptionGroup: last stderr line
def f():
    raise ExceptionGroup("several problems", [ValueError("v"), TypeError("t")])
print("before")
f()
