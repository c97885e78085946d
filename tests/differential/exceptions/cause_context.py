# __cause__, __context__, __suppress_context__, raise from None.
def show(e):
    print(type(e).__name__, e, '| cause:', repr(e.__cause__), '| context:', repr(e.__context__), '| suppress:', e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('implicit')
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError('explicit') from z
except ValueError as e:
    show(e)
try:
    try:
        {}['k']
    except KeyError:
        raise AttributeError('hidden') from None
except AttributeError as e:
    show(e)
try:
    raise TypeError('t') from ValueError('v')
except TypeError as e:
    show(e)
try:
    try:
        raise KeyError('a')
    finally:
        raise IndexError('b')
except IndexError as e:
    show(e)
try:
    raise ValueError('x') from 5
except TypeError as e:
    print('TypeError:', e)
def reraise():
    try:
        raise KeyError('orig')
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    show(e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
e = ValueError('manual')
e.__cause__ = KeyError('set')
print(e.__suppress_context__, repr(e.__cause__))
try:
    try:
        raise ValueError(1)
    except ValueError as inner:
        saved = inner
        raise
except ValueError as outer:
    print(outer is saved)
try:
    pass
finally:
    print('finally with no exception')
