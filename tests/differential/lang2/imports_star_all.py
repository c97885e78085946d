# from-import-star respects __all__ and underscores
from adpkg.star import *
print(public_a, _semi_private)
try:
    public_b
except NameError as e:
    print("NameError:", e)
from adpkg.nostar import *
print(visible)
try:
    _invisible
except NameError as e:
    print("NameError:", e)
try:
    _sys_alias
except NameError as e:
    print("NameError:", e)
from adpkg.star import public_b
print(public_b)
import adpkg.star as st
print(st.__all__, sorted(k for k in vars(st) if not k.startswith("__")))
try:
    from adpkg.bad_all import *
except AttributeError as e:
    print("AttributeError:", e)
def f():
    from adpkg.star import public_a as local_a
    return local_a
print(f())
import adpkg.util, adpkg.star
print(adpkg.star.public_a)
