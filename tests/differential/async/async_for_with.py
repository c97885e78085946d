# async for, async with, async generators and async comprehensions.
class Tick:
    def __await__(self):
        yield 'tick'
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class Ctx:
    async def __aenter__(self):
        print('enter')
        await Tick()
        return 'resource'
    async def __aexit__(self, et, ev, tb):
        print('exit', et.__name__ if et else None)
        return et is KeyError
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
async def main():
    out = []
    async for v in ARange(3):
        out.append(v)
    async with Ctx() as r:
        out.append(r)
    async with Ctx():
        raise KeyError('swallowed')
    out.append([x async for x in agen(3)])
    out.append({x: 1 async for x in agen(2)})
    out.append([await_x for await_x in [1]])
    ag = agen(2)
    out.append(await ag.__anext__())
    out.append(type(ag).__name__)
    async for v in agen(2):
        out.append(v)
    else:
        out.append('else')
    return out
print(run(main()))
async def fails():
    async with Ctx():
        raise ValueError('propagates')
try:
    run(fails())
except ValueError as e:
    print('ValueError:', e)
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print('TypeError:', e)
