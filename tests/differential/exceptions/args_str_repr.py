# Exception args, str, repr, attributes.
for e in [Exception(), Exception('one'), Exception('a', 2), ValueError(None), KeyError('k'), KeyError(),
          KeyError('a', 'b'), OSError(2, 'No such file'), OSError(2, 'msg', 'f.txt'), OSError('just'),
          StopIteration(5), SystemExit(), SystemExit(2), SyntaxError('bad', ('f.py', 1, 2, 'x = ', 1, 3)),
          UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte'), AttributeError('a', name='n', obj=1),
          NameError('nm', name='zz'), ImportError('imp', name='mod'), IndexError(1, 2)]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = OSError(2, 'No such file or directory', 'x.txt')
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2)
print(type(OSError(13, 'denied')).__name__, type(OSError(17, 'exists')).__name__, type(OSError(999, 'x')).__name__)
try:
    {}['missing']
except KeyError as e:
    print(e.args, str(e), repr(e))
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
try:
    raise MyErr(42, 'custom')
except MyErr as e:
    print(e, repr(e), e.code, e.args)
e = ValueError('x')
e.args = ('changed', 1)
print(e, e.with_traceback(None) is e, e.__traceback__, e.__notes__ if hasattr(e, '__notes__') else 'no notes')
e.add_note('note 1')
print(e.__notes__)
class NoInit(Exception):
    pass
print(repr(NoInit(1, 2)), str(NoInit('s')), NoInit.__mro__[1].__name__)
