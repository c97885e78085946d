# socketpair(): data transfer, buffers, timeouts, non-blocking mode,
# shutdown, sendmsg/recvmsg with descriptor passing, makefile, selectors,
# and signals interrupting a blocked call (PEP 475).
import array
import errno
import os
import selectors
import signal
import socket
import _socket


def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


a, b = socket.socketpair()
print(type(a).__name__, a.family, a.type, a.proto, a.timeout)
print(a.getsockname(), a.getpeername(), b.getsockname())
r = repr(a)
print(r[:r.index("fd=")], r[r.index(", family"):])
print(a.send(b"hello"), b.recv(3), b.recv(100))
a.sendall(b"x" * 100000 if False else b"abc")
buf = bytearray(10)
print(b.recv_into(buf, 2), buf)
print(b.recv_into(memoryview(buf)[5:]), buf)
a.send(b"12345")
print(b.recv_into(buf), buf)
a.send(b"peek")
print(b.recv(10, socket.MSG_PEEK), b.recv(10))
a.send(b"vw")
print(b.recvfrom(10))
a.send(b"xyz")
print(b.recvfrom_into(bytearray(5)))
print(a.send(memoryview(b"mem")), a.send(bytearray(b"ba")), b.recv(10))
a.send(array.array("b", [65, 66]))
print(b.recv(10))

# timeouts and non-blocking mode
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking(), b.timeout)
t(b.recv, 10)
t(b.recv_into, bytearray(4))
t(b.recvfrom, 10)
t(b.recvmsg, 10)
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
t(b.recv, 10)
try:
    b.recv(10)
except BlockingIOError as e:
    print(e.errno == errno.EAGAIN, e.strerror)
b.settimeout(None)
print(b.gettimeout(), b.getblocking(), os.get_blocking(b.fileno()))
b.settimeout(2)
print(b.gettimeout(), os.get_blocking(b.fileno()))
b.setblocking(True)
print(os.get_blocking(b.fileno()))
print(a.gettimeout(), socket.getdefaulttimeout())

# sendall of a large buffer with a timeout, read back
a.settimeout(5)
big = bytes(range(256)) * 4000
out = []
a.setblocking(False)
sent = 0
while sent < len(big):
    try:
        sent += a.send(big[sent:])
    except BlockingIOError:
        out.append(b.recv(65536))
while sum(map(len, out)) < len(big):
    out.append(b.recv(65536))
print(b"".join(out) == big)
a.setblocking(True)

# shutdown
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
t(a.send, b"x")
b.send(b"back")
print(a.recv(10))
a.close()
print(b.recv(10))
print(repr(a)[-45:], a.fileno())
t(a.recv, 1)
b.close()

# makefile
a, b = socket.socketpair()
wf = a.makefile("w", encoding="utf-8", newline="\n")
rf = b.makefile("r", encoding="utf-8")
wf.write("one\ntwo\n")
wf.flush()
print(rf.readline(), rf.readline())
wf.close()
a.close()
print(repr(rf.read()))
rf.close()
b.close()

# datagram pairs
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
print(a.type, b.type)
a.send(b"d1")
a.send(b"d2longer")
print(b.recv(100), b.recv(3))
print(b.recvfrom(100) if False else "skip")
a.close(); b.close()

# sendmsg / recvmsg, SCM_RIGHTS
a, b = socket.socketpair()
print(a.sendmsg([b"ab", b"cd", memoryview(b"ef")]), b.recvmsg(100))
r, w = os.pipe()
print(a.sendmsg([b"F"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [r, w]))]))
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(8))
print(msg, len(anc), anc[0][:2], len(anc[0][2]), flags, addr)
fds = array.array("i")
fds.frombytes(anc[0][2])
os.write(fds[1], b"via passed fd")
print(os.read(r, 100))
for fd in list(fds) + [r, w]:
    os.close(fd)
socket.send_fds(a, [b"sf"], [0])
m, got, fl, ad = socket.recv_fds(b, 10, 4)
print(m, len(got), fl, ad)
os.close(got[0])
a.sendmsg([b"hello world"])
b1, b2 = bytearray(3), bytearray(20)
print(b.recvmsg_into([b1, b2]), b1, bytes(b2))
a.sendmsg([b"trunc"])
print(b.recvmsg(2))
t(a.sendmsg, 5)
t(a.sendmsg, [5])
t(a.sendmsg, ["x"])
t(a.sendmsg, [b"x"], 5)
t(a.sendmsg, [b"x"], [5])
t(a.sendmsg, [b"x"], [(1, 2)])
t(a.sendmsg, [b"x"], [(1, 2, "x")])
t(a.sendmsg)
t(a.sendmsg, [b"x"], [], 0, None, 5)
t(a.sendmsg, [b"x"], flags=0)
t(b.recvmsg, -1)
t(b.recvmsg, 10, -1)
t(b.recvmsg)
t(b.recvmsg, 10, 0, 0, 0)
t(b.recvmsg_into, 5)
t(b.recvmsg_into, [b"x"])
t(b.recvmsg_into, [bytearray(1)], -1)
print(b.recv(10))
a.close(); b.close()

# selectors
a, b = socket.socketpair()
sel = selectors.PollSelector()
sel.register(b, selectors.EVENT_READ, "data")
sel.register(a, selectors.EVENT_WRITE)
print(sorted((k.fd == a.fileno(), ev) for k, ev in sel.select(0)))
a.send(b"x")
print(sorted((k.fd == a.fileno(), ev, k.data) for k, ev in sel.select(1)))
sel.unregister(a)
print(len(sel.select(0)))
sel.close()
a.close(); b.close()

# a signal handler runs while recv() blocks, then recv() resumes (PEP 475)
a, b = socket.socketpair()
seen = []
def handler(signum, frame):
    seen.append(signum)
    a.send(b"from handler")
old = signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(b.recv(100), seen == [signal.SIGALRM])
def raising(signum, frame):
    raise InterruptedError("handler raised")
signal.signal(signal.SIGALRM, raising)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t(b.recv, 100)
b.settimeout(5)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t(b.recv, 100)
signal.signal(signal.SIGALRM, old)
a.close(); b.close()

# the default timeout applies to new sockets
socket.setdefaulttimeout(1.5)
a, b = socket.socketpair()
print(a.gettimeout(), b.gettimeout(), os.get_blocking(a.fileno()))
c = socket.socket(fileno=os.dup(a.fileno()))
print(c.gettimeout(), c.family, c.type)
n = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(n.gettimeout(), n.type)
socket.setdefaulttimeout(None)
d = a.dup()
print(d.gettimeout(), d.family == a.family, d.fileno() != a.fileno())
f = socket.fromfd(b.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
print(f.gettimeout(), f.fileno() != b.fileno())
for s in (a, b, c, n, d, f):
    s.close()
x = _socket.socket(_socket.AF_UNIX)
fd = x.detach()
y = socket.socket(fileno=fd)
print(y.family, y.type, y.proto)
y.close()
print("done")
