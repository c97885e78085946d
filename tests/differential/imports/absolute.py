# Absolute imports of a sibling module and a package; module caching.
import sys
import _plainmod
import _plainmod as pm
from _plainmod import bump
print(_plainmod is pm, bump(), pm.counter, _plainmod.__name__, '_plainmod' in sys.modules)
import _plainmod
print(bump(), sys.modules['_plainmod'] is _plainmod)
import mypkg
print(mypkg.VERSION, mypkg.shout('hi'), mypkg.__name__, mypkg.__package__, hasattr(mypkg, '__path__'))
import mypkg.sub.leaf as leaf
print(leaf.where(), leaf.__name__)
from mypkg.sub import PARENT_VERSION, shout
print(PARENT_VERSION, shout('x'))
from mypkg import helper as h
print(h.shout('y'), type(h).__name__)
print(sorted(k for k in sys.modules if k.startswith('mypkg')))
