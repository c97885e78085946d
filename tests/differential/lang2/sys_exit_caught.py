# SystemExit is an exception: catch, inspect, re-raise with message
import sys
for arg in [None, 0, 5, "msg", (1, 2)]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args)
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
try:
    sys.exit(1)
except Exception:
    print("wrong")
except SystemExit:
    print("SystemExit not an Exception")
print("final exit with string message")
sys.stdout.flush()
sys.exit("fatal: something went wrong")
