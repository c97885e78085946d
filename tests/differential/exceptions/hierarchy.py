# The built-in exception hierarchy.
def chain(cls):
    return ' > '.join(c.__name__ for c in cls.__mro__)
for cls in [BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, FloatingPointError,
            LookupError, IndexError, KeyError, ValueError, UnicodeDecodeError, UnicodeEncodeError, TypeError,
            NameError, UnboundLocalError, AttributeError, OSError, FileNotFoundError, PermissionError,
            RuntimeError, RecursionError, NotImplementedError, StopIteration, StopAsyncIteration,
            GeneratorExit, KeyboardInterrupt, SystemExit, ImportError, ModuleNotFoundError, SyntaxError,
            IndentationError, TabError, AssertionError, EOFError, MemoryError, BufferError, Warning,
            DeprecationWarning, UserWarning, BaseExceptionGroup, ExceptionGroup, TimeoutError,
            ConnectionResetError, BrokenPipeError, IsADirectoryError, BlockingIOError, ChildProcessError]:
    print(chain(cls))
print(IOError is OSError, EnvironmentError is OSError, issubclass(KeyError, LookupError))
try:
    raise IndexError('x')
except LookupError as e:
    print('caught via base', type(e).__name__)
try:
    try:
        raise KeyError('k')
    except (ValueError, TypeError):
        print('wrong')
except KeyError:
    print('outer caught')
try:
    raise SystemExit(3)
except Exception:
    print('not here')
except BaseException as e:
    print('BaseException', type(e).__name__, e.code)
