import atexit, _thread, marshal
atexit.register(print, "bye", 1)
def late(): print("late registered runs first")
atexit.register(late)
l = _thread.allocate_lock()
print(l.acquire(), l.locked(), l.acquire(False))
l.release()
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError", e)
r = _thread.RLock()
with r:
    with r:
        print(r._is_owned())
data = (1, 2**70, -2**70, -3.5, "héllo", b"xy", [None, True, False], {"a": frozenset({1})}, 1j, ..., set())
b = marshal.dumps(data)
print(marshal.loads(b) == data)
for bad in [b"", b"i\x01", b"\xff"]:
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__)
try:
    marshal.dumps(object())
except ValueError as e:
    print(e)
import importlib, importlib.util
print(importlib.import_module("colorsys").__name__, importlib.util.find_spec("json") is not None)
import gc
print(gc.isenabled(), gc.collect() >= 0, gc.get_threshold())
gc.disable(); print(gc.isenabled()); gc.enable()
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
m = memoryview(b"abcdefgh")
print(len(m), m[1], bytes(m[2:5]), m.tolist()[:3], m.cast('I').itemsize, len(m.cast('H')))
ba = bytearray(b"xyz"); mv = memoryview(ba); mv[0] = 65; print(ba)
import sys
print('_weakref' in sys.builtin_module_names, 'gc' in sys.builtin_module_names)
