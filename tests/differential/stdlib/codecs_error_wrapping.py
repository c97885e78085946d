# Exceptions raised inside codecs are wrapped ("encoding with 'x' codec
# failed (...)") exactly when CPython wraps them.
import codecs

state = {}


def raise_obj(*args, **kwds):
    raise state['obj']


def search(name):
    if name == 'wrap_test':
        return codecs.CodecInfo(raise_obj, raise_obj, name='wrap_test')


codecs.register(search)


class MyRuntimeError(RuntimeError):
    pass


class SlotsNone(RuntimeError):
    __slots__ = ()


class SlotsSome(RuntimeError):
    __slots__ = ('x',)


class InitOverride(RuntimeError):
    def __init__(self, *args):
        RuntimeError.__init__(self, *args)


class NewOverride(RuntimeError):
    def __new__(cls, *args):
        return RuntimeError.__new__(cls, *args)


def attr():
    e = RuntimeError('with attr')
    e.attr = 1
    return e


cases = [RuntimeError, RuntimeError('msg'), MyRuntimeError('msg'), SlotsNone('msg'),
         SlotsSome('msg'), InitOverride('msg'), NewOverride('msg'), attr(),
         RuntimeError(1), RuntimeError('a', 'b'), ValueError('v'), KeyError('k'),
         OSError(2, 'os'), UnicodeError('u'), StopIteration('s'), LookupError('l'),
         TypeError('t'), UnicodeEncodeError('ascii', 'x', 0, 1, 'r'), ExceptionGroup('g', [ValueError()])]
for obj in cases:
    state['obj'] = obj
    for label, f in [('str.encode', lambda: 'x'.encode('wrap_test')),
                     ('codecs.encode', lambda: codecs.encode('x', 'wrap_test')),
                     ('bytes.decode', lambda: b'x'.decode('wrap_test')),
                     ('codecs.decode', lambda: codecs.decode(b'x', 'wrap_test'))]:
        try:
            f()
        except Exception as e:
            cause = e.__cause__
            print(label, type(e).__name__, repr(str(e)),
                  type(cause).__name__ if cause is not None else None,
                  e.__suppress_context__)

for label, f in [('hex', lambda: codecs.decode(b'hello', 'hex_codec')),
                 ('ascii handler', lambda: 'x\xff'.encode('ascii', 'nope')),
                 ('codecs ascii handler', lambda: codecs.encode('x\xff', 'ascii', 'nope')),
                 ('utf16 handler', lambda: b'\xff'.decode('utf-16', 'nope')),
                 ('cp437 handler', lambda: '\u1234'.encode('cp437', 'nope')),
                 ('utf-16-le handler', lambda: b'\xff'.decode('utf-16-le', 'nope')),
                 ('lookup', lambda: 'x'.encode('no_such_codec'))]:
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__, repr(str(e)), type(e.__cause__).__name__)
