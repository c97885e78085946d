# breakpoint() forwards to sys.breakpointhook; the default hook reads $PYTHONBREAKPOINT
import os
import sys
import warnings

print(sys.breakpointhook is sys.__breakpointhook__)
calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or "ret"
print(breakpoint(1, 2, x=3), calls)
sys.breakpointhook = sys.__breakpointhook__

os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint())
os.environ["PYTHONBREAKPOINT"] = "builtins.len"
print(breakpoint("abc"))
os.environ["PYTHONBREAKPOINT"] = "abs"
print(breakpoint(-4))
for bad in [".", "..", ".foo", "foo.", "int.", "nosuchbuiltin", "nosuchmodule.nosuch"]:
    os.environ["PYTHONBREAKPOINT"] = bad
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = breakpoint()
    print(repr(bad), r, [(x.category.__name__, str(x.message)) for x in w])
del os.environ["PYTHONBREAKPOINT"]
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError:", e)
