# async generators driven manually
class Tick:
    def __await__(self):
        v = yield "tick"
        return v

async def agen(n):
    for i in range(n):
        got = await Tick()
        yield (i, got)
    print("agen exhausting")

def drive(aw, resume=None):
    steps = []
    try:
        out = aw.send(None)
        steps.append(out)
        while True:
            out = aw.send(resume)
            steps.append(out)
    except StopIteration as e:
        return ("value", e.value, steps)
    except StopAsyncIteration:
        return ("end", None, steps)

ag = agen(2)
print(type(ag).__name__)
print(drive(ag.__anext__(), "r1"))
print(drive(ag.__anext__(), "r2"))
print(drive(ag.__anext__(), "r3"))
print(drive(ag.__anext__()))

async def simple():
    yield 1
    yield 2
s = simple()
results = []
while True:
    try:
        s.__anext__().send(None)
    except StopIteration as e:
        results.append(e.value)
    except StopAsyncIteration:
        break
print(results)

async def with_asend():
    x = yield "first"
    yield "got " + str(x)
w = with_asend()
try:
    w.asend(None).send(None)
except StopIteration as e:
    print(e.value)
try:
    w.asend("hello").send(None)
except StopIteration as e:
    print(e.value)

async def thrown():
    try:
        yield 1
    except ValueError as e:
        yield "handled " + str(e)
t = thrown()
try:
    t.__anext__().send(None)
except StopIteration as e:
    print(e.value)
try:
    t.athrow(ValueError("boom")).send(None)
except StopIteration as e:
    print(e.value)

async def consumer():
    out = []
    async for v in simple():
        out.append(v * 10)
    return out
c = consumer()
try:
    c.send(None)
except StopIteration as e:
    print("async for:", e.value)
async def comp():
    return [v async for v in simple()]
try:
    comp().send(None)
except StopIteration as e:
    print("async comp:", e.value)
print(simple.__name__, type(simple().__aiter__()).__name__)
