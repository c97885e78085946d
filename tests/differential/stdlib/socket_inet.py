# Loopback TCP and UDP over IPv4 and IPv6: bind to port 0, listen, connect,
# accept, transfer, addresses (ports are never printed), options, refused
# connections, timeouts on accept and connect_ex.
import errno
import socket


def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


def host_only(addr):
    return addr[0] if isinstance(addr, tuple) else addr


srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
print(srv.getsockname()[0], srv.getsockname()[1] > 0)
t(srv.getpeername)
srv.listen()
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
port = srv.getsockname()[1]
r = repr(srv)
print(r[:r.index("fd=")], r[r.index(", family"):r.index("laddr=")])

cli = socket.create_connection(("127.0.0.1", port))
conn, addr = srv.accept()
print(type(conn).__name__, conn.family, conn.type, conn.proto, host_only(addr))
print(cli.getpeername() == srv.getsockname(), conn.getpeername() == cli.getsockname())
print(cli.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE), cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
cli.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
print(cli.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))
print(cli.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
cli.sendall(b"ping" * 1000)
got = b""
while len(got) < 4000:
    got += conn.recv(8192)
print(len(got), got[:8])
conn.sendall(b"pong")
print(cli.recv(4))
cli.settimeout(0.05)
t(cli.recv, 10)
conn.close()
cli.settimeout(None)
print(cli.recv(10))
cli.close()

# accept with a timeout, and on a non-blocking listener
srv.settimeout(0.05)
t(srv.accept)
srv.setblocking(False)
t(srv.accept)
srv.setblocking(True)
srv.close()

# connecting to a closed port
free = socket.socket()
free.bind(("127.0.0.1", 0))
closed_port = free.getsockname()[1]
free.close()
c = socket.socket()
t(c.connect, ("127.0.0.1", closed_port))
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", closed_port)) == errno.ECONNREFUSED)
c.close()
c = socket.socket()
c.settimeout(2)
print(c.connect_ex(("127.0.0.1", closed_port)) == errno.ECONNREFUSED)
c.close()
try:
    socket.create_connection(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print("refused", e.errno == errno.ECONNREFUSED)

# a non-blocking connect in progress, completed through select
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
c = socket.socket()
c.setblocking(False)
rc = c.connect_ex(("127.0.0.1", port))
print(rc in (0, errno.EINPROGRESS))
import select
_, w, _ = select.select([], [c], [], 2)
print(w == [c], c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
conn, _ = srv.accept()
c.setblocking(True)
c.send(b"nb")
print(conn.recv(10))
conn.close(); c.close(); srv.close()

# UDP
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
print(u.type, u.getsockname()[0])
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(v.sendto(b"dgram", u.getsockname()))
data, frm = u.recvfrom(100)
print(data, frm[0], frm == v.getsockname())
v.sendto(b"second", 0, u.getsockname())
buf = bytearray(3)
n, frm = u.recvfrom_into(buf)
print(n, buf, frm[0])
v.connect(u.getsockname())
v.send(b"connected")
print(u.recv(100))
v.sendmsg([b"sm", b"sg"])
m = u.recvmsg(100)
print(m[0], m[1], m[2], m[3][0])
v.send(b"truncated")
m = u.recvmsg(3)
print(m[0], m[2] & socket.MSG_TRUNC != 0)
u.settimeout(0.05)
t(u.recvfrom, 10)
t(u.sendto, b"x", ("127.0.0.1", 0))
t(u.sendto, b"x", ("::1", 9))
u.close(); v.close()

# IPv6 loopback
if socket.has_ipv6:
    try:
        s6 = socket.socket(socket.AF_INET6)
        s6.bind(("::1", 0))
    except OSError as e:
        print("no ipv6 loopback", e.errno)
    else:
        s6.listen()
        a6 = s6.getsockname()
        print(a6[0], len(a6), a6[2:])
        c6 = socket.create_connection(("::1", a6[1]))
        conn6, addr6 = s6.accept()
        print(addr6[0], len(addr6), conn6.family)
        c6.sendall(b"six")
        print(conn6.recv(10))
        c6.close(); conn6.close(); s6.close()
        d6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        d6.bind(("::1", 0, 0, 0))
        d6.sendto(b"v6", d6.getsockname())
        data, frm = d6.recvfrom(10)
        print(data, frm[0], frm[2:])
        d6.close()
        t(socket.socket(socket.AF_INET6).bind, ("::1", 0, 0x100000))

# wildcard and broadcast names
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("", 0))
print(s.getsockname()[0])
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))
s.close()
s = socket.socket()
s.bind(("localhost", 0))
print(s.getsockname()[0])
s.close()
print(socket.socket().getsockname())
print(socket.socket(socket.AF_INET6).getsockname())
