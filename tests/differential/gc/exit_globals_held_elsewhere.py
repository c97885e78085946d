# A function of __main__ kept by another module keeps __main__'s globals
# alive after the module itself is gone: at exit they are still cleared,
# so the objects they hold are finalised (CPython clears that module too).
import builtins


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('del', self.n)


def keep():
    pass


builtins.adder_test_keep = keep
a = A('a')
print('end')
