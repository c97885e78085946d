# User-defined exception classes, raising classes vs instances, catching.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table):
        super().__init__(f'table {table} missing')
        self.table = table
for exc in [AppError, AppError('msg'), DbError('users')]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, e, e.args)
try:
    raise 5
except TypeError as e:
    print('TypeError:', e)
try:
    raise object
except TypeError as e:
    print('TypeError:', e)
class NotExc:
    pass
try:
    try:
        raise ValueError('v')
    except NotExc:
        pass
except TypeError as e:
    print('TypeError:', e)
handlers = (KeyError, DbError)
try:
    raise DbError('t')
except handlers as e:
    print('tuple handler', e.table)
def thrower(kind):
    raise kind('from ' + kind.__name__)
for k in [KeyError, IndexError, ZeroDivisionError]:
    try:
        thrower(k)
    except (KeyError, IndexError) as e:
        print('lookup', repr(e))
    except ArithmeticError as e:
        print('arith', e)
try:
    raise StopIteration
except StopIteration as e:
    print(repr(e), e.value)
