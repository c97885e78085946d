# At exit, objects that only __main__'s globals hold are finalised while
# the globals are still intact (CPython collects the module's cycles before
# it clears anything), even when the module refers to itself.
import sys


class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name, helper(), type(sys).__name__, len(registry))
        registry.append(self.name)


def helper():
    return 'helper'


registry = [1, 2]
r = R('r')
me = sys.modules['__main__']
print('end')
