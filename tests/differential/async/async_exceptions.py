# Exceptions crossing await, try/finally in coroutines, throw() into coroutines.
class Tick:
    def __await__(self):
        yield
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
async def inner():
    try:
        await Tick()
        raise KeyError('inner failed')
    finally:
        print('inner finally')
async def outer():
    try:
        await inner()
    except KeyError as e:
        return f'handled {e}'
print(run(outer()))
async def waiting():
    try:
        await Tick()
    except ValueError as e:
        return f'thrown in: {e}'
c = waiting()
c.send(None)
try:
    c.throw(ValueError('from outside'))
except StopIteration as e:
    print(e.value)
