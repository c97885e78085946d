//! `_socket` on the in-memory host: the module's calls reach the host's
//! loopback-only network model, with no OS socket involved (the behaviour
//! the sandbox's in-memory world offers). Runs the interpreter in-process.

use std::rc::Rc;

use adder_host::MemoryHost;
use adder_vm::{Config, Interpreter};

fn run(src: &str) -> (i32, String, String) {
    let host = Rc::new(MemoryHost::new());
    let mut cfg = Config::new();
    cfg.no_site = true;
    cfg.stack_limit = 512 << 10;
    cfg.modules = adder_os::modules();
    let mut it = Interpreter::new(host.clone(), cfg);
    let status = it.run_main_source(src, "<test>");
    let out = String::from_utf8_lossy(&host.take_stdout()).into_owned();
    let err = String::from_utf8_lossy(&host.take_stderr()).into_owned();
    (status, out, err)
}

#[test]
fn socketpair_tcp_udp_and_resolver_in_memory() {
    let src = r#"
import _socket as s
a, b = s.socketpair()
print(a.send(b"hello"), b.recv(3), b.recv(10))
b.setblocking(False)
try:
    b.recv(1)
except BlockingIOError as e:
    print("empty", e.errno)
a.close()
print(b.recv(1))
srv = s.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port >= 32768)
c = s.socket()
c.connect(("127.0.0.1", port))
fd, addr = srv._accept()
conn = s.socket(fileno=fd)
print(conn.family, conn.type, conn.proto, addr == c.getsockname())
c.sendall(b"ping")
print(conn.recv(10), c.getpeername() == srv.getsockname())
try:
    s.socket().connect(("127.0.0.1", 1))
except ConnectionRefusedError as e:
    print("refused", e.errno)
try:
    s.socket().bind(("10.0.0.1", 0))
except OSError as e:
    print("not local", e.errno)
u = s.socket(s.AF_INET, s.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
v = s.socket(s.AF_INET, s.SOCK_DGRAM)
v.sendto(b"dgram", u.getsockname())
d, frm = u.recvfrom(10)
print(d, frm == v.getsockname())
u.settimeout(0.5)
try:
    u.recv(1)
except TimeoutError as e:
    print("timeout", e)
print(s.getaddrinfo("localhost", 80, s.AF_INET, s.SOCK_STREAM))
try:
    s.getaddrinfo("example.org", 80)
except s.gaierror as e:
    print("gaierror", e.errno, e.strerror)
print(s.gethostbyname("localhost"), s.gethostname(), s.if_nameindex())
"#;
    let (status, out, err) = run(src);
    assert_eq!(status, 0, "stderr: {err}");
    let expected = "\
5 b'hel' b'lo'
empty 11
b''
127.0.0.1 True
2 1 6 True
b'ping' True
refused 111
not local 99
b'dgram' True
timeout timed out
[(2, 1, 6, '', ('127.0.0.1', 80))]
gaierror -2 Name or service not known
127.0.0.1 adder [(1, 'lo')]
";
    assert_eq!(out, expected);
}
