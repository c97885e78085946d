# importing a helper package with relative imports
import sys
import adpkg
print(adpkg.VERSION, adpkg.exported_helper(1), adpkg.util.helper(2))
print(adpkg.__name__, adpkg.util.__name__, adpkg.util.__package__, adpkg.__package__)
import adpkg.inner
print(adpkg.inner.parent_version, adpkg.inner.helper(3), adpkg.inner.deep.value, adpkg.inner.deep.where())
from adpkg.inner import deep as d2
print(d2 is adpkg.inner.deep, "adpkg.inner.deep" in sys.modules)
import adpkg.util as u
print(u is adpkg.util, u._hidden)
from adpkg import util, VERSION
print(util.helper("x"), VERSION)
import adpkg as again
print(again is adpkg, sys.modules["adpkg"] is adpkg)
try:
    from adpkg import not_there
except ImportError as e:
    print("ImportError:", e)
try:
    import adpkg.not_a_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    import totally_missing_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import adpkg.raises
except ValueError as e:
    print("ValueError:", e, "adpkg.raises" in sys.modules)
try:
    import adpkg.raises
except ValueError as e:
    print("second attempt re-executes:", e)
print(type(adpkg).__name__, hasattr(adpkg, "__path__"), hasattr(adpkg.util, "__path__"))
print(adpkg.__spec__.name, adpkg.util.__spec__.parent)
