# coroutines driven manually with send(None)
class Suspend:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield ("suspend", self.v)
        return ("resumed", got)

async def leaf(n):
    r = await Suspend(n)
    return r

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]

coro = middle()
print(type(coro).__name__)
print(coro.send(None))
print(coro.send("x"))
try:
    coro.send("y")
except StopIteration as e:
    print("done:", e.value)

async def immediate():
    return 42
c = immediate()
try:
    c.send(None)
except StopIteration as e:
    print("immediate", e.value)

try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

async def raiser():
    await Suspend(0)
    raise ValueError("in coro")
c2 = raiser()
c2.send(None)
try:
    c2.send(None)
except ValueError as e:
    print("ValueError:", e)

async def catches():
    try:
        await Suspend("t")
    except KeyError as e:
        return "caught " + repr(e)
c3 = catches()
c3.send(None)
try:
    c3.throw(KeyError("kk"))
except StopIteration as e:
    print(e.value)

async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError:", e)

def run(coro):
    steps = 0
    value = None
    while True:
        try:
            value = coro.send(value)
            steps += 1
        except StopIteration as e:
            return steps, e.value

async def many():
    total = 0
    for i in range(4):
        r = await Suspend(i)
        total += i
    return total
print(run(many()))
c4 = many()
c4.close()
print(c4.cr_frame is None, many.__name__, c4.__qualname__)
async def awaits_coro_twice():
    inner = immediate()
    await inner
    await inner
try:
    run(awaits_coro_twice())
except RuntimeError as e:
    print("RuntimeError:", e)
