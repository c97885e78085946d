# _socket / socket module surface: constants, exceptions, byte order,
# textual addresses, ancillary sizes, the default timeout.
import _socket
import socket


def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


for name in ["AF_UNIX", "AF_INET", "AF_INET6", "AF_UNSPEC", "AF_NETLINK", "AF_PACKET",
             "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_SEQPACKET", "SOCK_NONBLOCK",
             "SOCK_CLOEXEC", "SOL_SOCKET", "SO_REUSEADDR", "SO_REUSEPORT", "SO_KEEPALIVE",
             "SO_ERROR", "SO_TYPE", "SO_RCVBUF", "SO_LINGER", "IPPROTO_TCP", "IPPROTO_UDP",
             "IPPROTO_IPV6", "IPV6_V6ONLY", "TCP_NODELAY", "TCP_KEEPIDLE", "MSG_PEEK",
             "MSG_DONTWAIT", "MSG_NOSIGNAL", "MSG_TRUNC", "SHUT_RD", "SHUT_WR", "SHUT_RDWR",
             "AI_PASSIVE", "AI_CANONNAME", "AI_NUMERICHOST", "AI_NUMERICSERV", "NI_NUMERICHOST",
             "NI_NUMERICSERV", "NI_NAMEREQD", "EAI_NONAME", "EAI_AGAIN", "EAI_SERVICE",
             "INADDR_ANY", "INADDR_LOOPBACK", "INADDR_BROADCAST", "SOMAXCONN", "SCM_RIGHTS",
             "IP_TOS", "IP_TTL", "IPPROTO_ICMP", "CAN_RAW", "TIPC_ADDR_ID", "VMADDR_CID_ANY"]:
    print(name, getattr(_socket, name))
ints = [n for n in dir(_socket) if n.isupper() and type(getattr(_socket, n)) is int]
print(len(ints))
print(_socket.has_ipv6, _socket.BDADDR_ANY, _socket.BDADDR_LOCAL)
print(_socket.error is OSError, _socket.timeout is TimeoutError, socket.timeout is TimeoutError)
print(_socket.herror.__mro__, _socket.gaierror.__mro__)
print(_socket.herror.__module__, _socket.gaierror.__name__)
print(_socket.SocketType is _socket.socket, _socket.socket.__module__)
e = _socket.gaierror(_socket.EAI_NONAME, "Name or service not known")
print(e.errno, e.strerror, e)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), socket.AddressFamily(10))
print(repr(socket.MsgFlag.MSG_PEEK), repr(socket.AddressInfo.AI_PASSIVE))
print(isinstance(socket.AF_INET, int), socket.AF_INET == 2)

# byte order
for f, v in [(_socket.ntohs, 1), (_socket.htons, 258), (_socket.ntohs, 0xffff),
             (_socket.ntohs, -1), (_socket.htons, 70000), (_socket.ntohs, "x"),
             (_socket.ntohs, 1.5), (_socket.ntohs, 2**40), (_socket.ntohl, 1),
             (_socket.htonl, 0x01020304), (_socket.ntohl, -1), (_socket.ntohl, 2**32),
             (_socket.htonl, 2**32 - 1), (_socket.htonl, 2**64), (_socket.ntohl, "x"),
             (_socket.ntohl, 1.5), (_socket.htonl, True)]:
    t(f, v)
t(_socket.ntohs)
t(_socket.ntohl)
t(_socket.ntohs, 1, 2)

# inet_aton / inet_ntoa
for s in ["1.2.3.4", "1", "1.2", "1.2.3", "0x7f.1", "0X7F.0.0.1", "010.1.1.1", "1.2.3.4 junk",
          "1.2.3.4\tx", "255.255.255.255", "0.0.0.0", "4294967295", "0xffffffff",
          "1.2.3.256", "", "1.2.3.4.5", "1..2", " 1.2.3.4", "08", "1.2.3.4x", "4294967296",
          "a.b.c.d", "1.16777216", "1.2.65536", "0x", "0x1g"]:
    t(_socket.inet_aton, s)
t(_socket.inet_aton, b"1.2.3.4")
t(_socket.inet_aton, "a\0b")
t(_socket.inet_aton)
t(_socket.inet_ntoa, b"\x01\x02\x03\x04")
t(_socket.inet_ntoa, bytearray(b"abcd"))
t(_socket.inet_ntoa, memoryview(b"\xff\x00\xff\x00"))
t(_socket.inet_ntoa, b"\x01")
t(_socket.inet_ntoa, "abcd")

# inet_pton / inet_ntop
AF_INET, AF_INET6 = _socket.AF_INET, _socket.AF_INET6
for s in ["1.2.3.4", "1.2.3", "01.2.3.4", "0.0.0.0", "255.255.255.255", "1.2.3.4."]:
    t(_socket.inet_pton, AF_INET, s)
for s in ["::", "::1", "::ffff:1.2.3.4", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::",
          "2001:db8::1", "fe80::1:2", "x", ":1", "1::2::3", "1:2:3:4:5:6:7:8:9",
          "12345::", "1:", "::1.2.3", "1:2:3:4:5:6:1.2.3.4", "::FFFF:1.2.3.4"]:
    t(_socket.inet_pton, AF_INET6, s)
t(_socket.inet_pton, 99, "x")
t(_socket.inet_pton, AF_INET, b"1.2.3.4")
for b in [b"\x01\x02\x03\x04", b"\x01"]:
    t(_socket.inet_ntop, AF_INET, b)
for h in ["00000000000000000000000000000000", "00000000000000000000000000000001",
          "00000000000000000000ffff01020304", "00000000000000000000000001020304",
          "20010db8000000000000000000000001", "20010db8000100000001000000000001",
          "20010db8000000000000000000000000", "00010000000100000001000000010000",
          "000100000000000100000000000000000", "fe800000000000000000000000000001",
          "00000000000000000001000000000000", "0000000000000000000000000000ffff"]:
    t(_socket.inet_ntop, AF_INET6, bytes.fromhex(h[:32]))
t(_socket.inet_ntop, AF_INET6, bytes(15))
t(_socket.inet_ntop, 99, b"abcd")
for s in ["::1", "2001:db8:0:0:1:0:0:1", "::ffff:10.0.0.1", "1:0:0:2:0:0:0:3"]:
    print(s, _socket.inet_ntop(AF_INET6, _socket.inet_pton(AF_INET6, s)))

# CMSG sizes
for n in [0, 1, 4, 8, 9, 255]:
    print(n, _socket.CMSG_LEN(n), _socket.CMSG_SPACE(n))
t(_socket.CMSG_LEN, -1)
t(_socket.CMSG_SPACE, 2**62)
t(_socket.CMSG_LEN, 2**31)
t(_socket.CMSG_SPACE, 0x7fffffff - _socket.CMSG_SPACE(1) + 1)
t(_socket.CMSG_LEN, 0x7fffffff - _socket.CMSG_LEN(0) + 1)
print(_socket.CMSG_LEN(0x7fffffff - _socket.CMSG_LEN(0)))

# default timeout
t(_socket.getdefaulttimeout)
t(_socket.setdefaulttimeout, -1)
t(_socket.setdefaulttimeout, "x")
t(_socket.setdefaulttimeout, float("nan"))
t(_socket.setdefaulttimeout, 1e300)
t(_socket.setdefaulttimeout, 10**10)
for v in [2.5, 3, 0, 0.1, 1e-10, None]:
    _socket.setdefaulttimeout(v)
    print(v, _socket.getdefaulttimeout(), socket.getdefaulttimeout())
t(_socket.setdefaulttimeout)
t(_socket.getdefaulttimeout, 1)
t(_socket.gethostname, 1)
print(type(_socket.gethostname()).__name__, _socket.gethostname() == socket.gethostname())
t(_socket.dup, -1)
t(_socket.close, -1)
t(_socket.dup, "x")
t(_socket.close, 1.5)
t(_socket.socketpair, 1, 2, 3, 4)
t(_socket.socketpair, 12345)
t(_socket.socketpair, "x")
