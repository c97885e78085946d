# The socket type as socket.py uses it: subclassing _socket.socket,
# socket.socket's repr / dup / context manager / pickling refusal, the
# descriptor closing when the object dies, and detach.
import gc
import os
import pickle
import socket
import _socket


def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


print(socket.socket.__mro__)
print(issubclass(socket.socket, _socket.socket), socket.SocketType is _socket.socket)


class My(_socket.socket):
    def hello(self):
        return "hello %d" % self.family


m = My(socket.AF_UNIX, socket.SOCK_STREAM)
m.extra = 42
print(type(m).__name__, m.hello(), m.extra, m.family, type(m.family).__name__)
print(repr(m).startswith("<socket object, fd="))
m.close()
print(m.fileno())


class WithInit(socket.socket):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.tag = "tagged"


w = WithInit(socket.AF_INET, socket.SOCK_DGRAM)
print(w.tag, w.family, w.type, repr(w.family), repr(w.type))
w.close()

s = socket.socket()
print(repr(s.family), repr(s.type), s.proto, s.timeout)
print(s.__getstate__ if False else "")
t(pickle.dumps, s)
with s:
    print(s.fileno() >= 0, s._closed)
print(s._closed, s.fileno())
r = repr(s)
print(r)

# dup and detach
a, b = socket.socketpair()
d = a.dup()
print(type(d).__name__, d.family == a.family, d.fileno() != a.fileno())
d.send(b"dup")
print(b.recv(10))
fd = d.detach()
print(d.fileno(), fd >= 0)
os.close(fd)
print(socket.close is _socket.close, type(socket.dup(a.fileno())).__name__)

# an unreferenced socket closes its descriptor
x = socket.socket()
fd = x.fileno()
os.fstat(fd)
del x
gc.collect()
try:
    os.fstat(fd)
    print("still open")
except OSError as e:
    print("closed", e.errno)
x = _socket.socket()
fd = x.fileno()
del x
try:
    os.fstat(fd)
    print("still open")
except OSError as e:
    print("closed", e.errno)

# the io layer over a socket
a2, b2 = socket.socketpair()
f = a2.makefile("rwb", buffering=0)
print(type(f).__name__, f.readable(), f.writable(), f.fileno() == a2.fileno())
f.write(b"raw")
print(b2.recv(10))
b2.send(b"back")
buf = bytearray(10)
print(f.readinto(buf), buf[:4])
f.close()
a2.close()
print(a2._closed)
b2.close()
a.close(); b.close()

# family / type conversion to enums for unknown values
n = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)
print(repr(n.family), repr(n.type))
n.close()
t(socket.socket, socket.AF_INET, socket.SOCK_STREAM, 0, "x")
print(socket.socket(fileno=None).fileno() >= 0)
