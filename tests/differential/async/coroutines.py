# async def / await driven by a tiny hand-written event loop (no asyncio).
import sys
class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for _ in range(self.n):
            yield 'tick'
        return self.n
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps
async def add(a, b):
    await Sleep(1)
    return a + b
async def main():
    x = await add(1, 2)
    y = await Sleep(3)
    z = await add(x, y)
    return [x, y, z]
print(run(main()))
c = add(1, 1)
print(type(c).__name__, c.__name__, c.__qualname__)
c.close()
def run_all(coros):
    ready = list(coros)
    out = []
    while ready:
        c = ready.pop(0)
        try:
            c.send(None)
            ready.append(c)
        except StopIteration as e:
            out.append(e.value)
    return out
async def worker(name, n):
    for i in range(n):
        await Sleep(1)
    return name
print(run_all([worker('a', 3), worker('b', 1), worker('c', 2)]))
async def raiser():
    await Sleep(1)
    raise ValueError('inside coroutine')
try:
    run(raiser())
except ValueError as e:
    print('ValueError:', e)
async def nothing():
    return 'immediate'
print(run(nothing()))
co = nothing()
run(co)
try:
    co.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    run(Sleep(1))
except AttributeError as e:
    print('AttributeError:', e)
class NotAwaitable:
    pass
async def bad():
    await NotAwaitable()
try:
    run(bad())
except TypeError as e:
    print('TypeError:', e)
