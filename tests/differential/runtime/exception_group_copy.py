l = [ValueError(1), TypeError(2)]
eg = ExceptionGroup("m", l)
l.clear()
print(repr(eg), eg.exceptions, eg.args[1] is l)
class MyEG(ExceptionGroup): pass
e2 = MyEG("x", (KeyError(1),))
print(type(e2.split(KeyError)[0]).__name__, e2.exceptions)
