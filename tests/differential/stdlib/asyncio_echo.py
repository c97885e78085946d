import asyncio, socket
async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b"hello async\n")
    await writer.drain()
    print(await reader.readline())
    writer.close()
    server.close()
    await server.wait_closed()
    r = await asyncio.gather(asyncio.sleep(0.01, result=1), asyncio.sleep(0, result=2))
    print(r)
asyncio.run(main())
def f(): return 1
def g(): return 2
f.__code__ = g.__code__
print(f())
import unittest.mock
m = unittest.mock.MagicMock(); m.x(3); print(m.x.call_args)
