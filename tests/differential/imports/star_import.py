# from module import *, with and without __all__.
from _plainmod import *
print(bump(), counter)
from mypkg.helper import *
print(shout('star'))
import sys
print('_private' in dir())
