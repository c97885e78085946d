//! Sockets in the memory world: `socketpair`, and loopback-only `AF_INET`,
//! `AF_INET6` and `AF_UNIX` sockets (stream and datagram) that bind, listen,
//! connect and accept among themselves, plus a resolver that knows numeric
//! addresses and `localhost`.
//!
//! Invariants: a connected stream socket holds a weak link to its peer and
//! writes into the peer's inbox; closing the last description of a socket
//! (dropping its [`SockEnd`]) gives the peer end-of-file and frees its
//! address; an address (family and port, or `AF_UNIX` path) is bound by at
//! most one live socket; a connection completes at once (the listener's
//! backlog holds the server side until `accept`); nothing blocks — a call
//! that would wait fails with `EAGAIN`. No ancillary data: `sendmsg` with
//! items fails with `EOPNOTSUPP`.

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::{Rc, Weak};

use super::{err, MemoryHost, OpenFile, Target};
use crate::socket::{
    AddrInfo, AncData, HostEnt, NetError, NetResult, RecvMsg, SockAddr, AF_INET, AF_INET6, AF_UNIX,
    AF_UNSPEC, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_SEQPACKET, SOCK_STREAM, SOL_SOCKET,
};
use crate::{
    Fd, HostResult, OpenFlags, Stat, EADDRINUSE, EADDRNOTAVAIL, EAFNOSUPPORT, EAGAIN, EDESTADDRREQ,
    EINVAL, EISCONN, ENOTCONN, ENOTSOCK, EOPNOTSUPP, EPIPE, EPROTONOSUPPORT,
};

/// How much a stream socket's inbox holds before `send` fails with `EAGAIN`.
const STREAM_CAPACITY: usize = 212_992;
/// The first port handed out for port 0.
const FIRST_EPHEMERAL: u16 = 32768;
/// glibc's `EAI_ADDRFAMILY` (libc does not name it).
const EAI_ADDRFAMILY: i32 = -9;
/// `S_IFSOCK`.
const S_IFSOCK: u32 = 0o140_000;

/// Where a socket is bound: (family, port) for IP, (AF_UNIX, path) for local.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Ip(i32, u16),
    Path(Vec<u8>),
}

/// The memory world's network: who is bound where.
#[derive(Default)]
pub(super) struct Net {
    bound: BTreeMap<Key, Weak<RefCell<Sock>>>,
    next_port: u16,
}

impl Net {
    fn free_port(&mut self, family: i32) -> HostResult<u16> {
        for _ in 0..=u16::MAX {
            if self.next_port < FIRST_EPHEMERAL {
                self.next_port = FIRST_EPHEMERAL;
            }
            let p = self.next_port;
            self.next_port = self.next_port.wrapping_add(1);
            if !self.live(&Key::Ip(family, p)) {
                return Ok(p);
            }
        }
        err(EADDRINUSE)
    }

    fn live(&self, key: &Key) -> bool {
        self.bound.get(key).is_some_and(|w| w.strong_count() > 0)
    }

    fn lookup(&self, key: &Key) -> Option<Rc<RefCell<Sock>>> {
        self.bound.get(key).and_then(Weak::upgrade)
    }
}

pub(super) struct Sock {
    family: i32,
    kind: i32,
    proto: i32,
    local: Option<SockAddr>,
    key: Option<Key>,
    /// The connected peer's address (for datagram sockets: the default
    /// destination).
    peer_addr: Option<SockAddr>,
    /// The other end of a connected stream (or of a datagram socketpair).
    peer: Weak<RefCell<Sock>>,
    connected: bool,
    listening: bool,
    backlog: VecDeque<Rc<RefCell<Sock>>>,
    stream: VecDeque<u8>,
    messages: VecDeque<(Vec<u8>, Option<SockAddr>)>,
    /// No more data will arrive (the peer closed or shut down writing).
    eof: bool,
    read_shut: bool,
    write_shut: bool,
    options: BTreeMap<(i32, i32), Vec<u8>>,
}

impl Sock {
    fn new(family: i32, kind: i32, proto: i32) -> Sock {
        Sock {
            family,
            kind,
            proto,
            local: None,
            key: None,
            peer_addr: None,
            peer: Weak::new(),
            connected: false,
            listening: false,
            backlog: VecDeque::new(),
            stream: VecDeque::new(),
            messages: VecDeque::new(),
            eof: false,
            read_shut: false,
            write_shut: false,
            options: BTreeMap::new(),
        }
    }

    fn is_stream(&self) -> bool {
        self.kind == SOCK_STREAM
    }

    /// The address `getsockname` reports while unbound.
    fn unbound_name(&self) -> Option<SockAddr> {
        Some(match self.family {
            AF_INET => SockAddr::Inet {
                addr: [0; 4],
                port: 0,
            },
            AF_INET6 => SockAddr::Inet6 {
                addr: [0; 16],
                port: 0,
                flowinfo: 0,
                scope_id: 0,
            },
            _ => SockAddr::Unix(Vec::new()),
        })
    }
}

/// A socket as an open-file target; dropping the last description closes it.
pub(super) struct SockEnd {
    pub(super) sock: Rc<RefCell<Sock>>,
}

impl Drop for SockEnd {
    fn drop(&mut self) {
        let peer = {
            let mut s = self.sock.borrow_mut();
            s.backlog.clear();
            s.peer.upgrade()
        };
        if let Some(p) = peer {
            if let Ok(mut p) = p.try_borrow_mut() {
                p.eof = true;
            }
        }
    }
}

/// The address key of `addr` for a socket of `family`.
fn key_of(family: i32, addr: &SockAddr) -> HostResult<Key> {
    match (family, addr) {
        (AF_INET, SockAddr::Inet { port, .. }) => Ok(Key::Ip(AF_INET, *port)),
        (AF_INET6, SockAddr::Inet6 { port, .. }) => Ok(Key::Ip(AF_INET6, *port)),
        (AF_UNIX, SockAddr::Unix(p)) => {
            let end = if p.first() == Some(&0) {
                p.len()
            } else {
                p.iter().position(|&b| b == 0).unwrap_or(p.len())
            };
            Ok(Key::Path(p[..end].to_vec()))
        }
        _ => err(EAFNOSUPPORT),
    }
}

/// Whether `addr` is one of this world's own addresses (loopback or any).
fn local_address(addr: &SockAddr) -> bool {
    match addr {
        SockAddr::Inet { addr, .. } => addr[0] == 127 || *addr == [0; 4],
        SockAddr::Inet6 { addr, .. } => addr[..15] == [0; 15] && addr[15] <= 1,
        _ => true,
    }
}

fn with_port(addr: &SockAddr, port: u16) -> SockAddr {
    match addr {
        SockAddr::Inet { addr, .. } => SockAddr::Inet { addr: *addr, port },
        SockAddr::Inet6 {
            addr,
            flowinfo,
            scope_id,
            ..
        } => SockAddr::Inet6 {
            addr: *addr,
            port,
            flowinfo: *flowinfo,
            scope_id: *scope_id,
        },
        other => other.clone(),
    }
}

fn loopback(family: i32, port: u16) -> SockAddr {
    if family == AF_INET6 {
        let mut a = [0u8; 16];
        a[15] = 1;
        SockAddr::Inet6 {
            addr: a,
            port,
            flowinfo: 0,
            scope_id: 0,
        }
    } else {
        SockAddr::Inet {
            addr: [127, 0, 0, 1],
            port,
        }
    }
}

impl MemoryHost {
    fn sock(&self, fd: Fd) -> HostResult<Rc<RefCell<Sock>>> {
        let file = self.state.borrow().file(fd)?;
        let file = file.borrow();
        match &file.target {
            Target::Socket(end) => Ok(end.sock.clone()),
            _ => err(ENOTSOCK),
        }
    }

    fn install_sock(&self, sock: Sock, nonblock: bool) -> Fd {
        let file = OpenFile {
            target: Target::Socket(SockEnd {
                sock: Rc::new(RefCell::new(sock)),
            }),
            pos: 0,
            flags: OpenFlags {
                read: true,
                write: true,
                nonblock,
                ..OpenFlags::default()
            },
        };
        self.state.borrow_mut().install(file, false)
    }

    fn install_rc(&self, sock: Rc<RefCell<Sock>>) -> Fd {
        let file = OpenFile {
            target: Target::Socket(SockEnd { sock }),
            pos: 0,
            flags: OpenFlags {
                read: true,
                write: true,
                ..OpenFlags::default()
            },
        };
        self.state.borrow_mut().install(file, false)
    }

    /// Binds `sock` to `addr` (port 0: a free port).
    fn bind_rc(&self, sock: &Rc<RefCell<Sock>>, addr: &SockAddr) -> HostResult<()> {
        let family = sock.borrow().family;
        if sock.borrow().local.is_some() {
            return err(EINVAL);
        }
        if !local_address(addr) {
            return err(EADDRNOTAVAIL);
        }
        let mut st = self.state.borrow_mut();
        let mut key = key_of(family, addr)?;
        let mut addr = addr.clone();
        if key == Key::Ip(family, 0) {
            let port = st.net.free_port(family)?;
            key = Key::Ip(family, port);
            addr = with_port(&addr, port);
        }
        if st.net.live(&key) {
            return err(EADDRINUSE);
        }
        st.net.bound.insert(key.clone(), Rc::downgrade(sock));
        let mut s = sock.borrow_mut();
        s.local = Some(addr);
        s.key = Some(key);
        Ok(())
    }

    /// Binds an unbound IP socket to the loopback address and a free port.
    fn autobind(&self, sock: &Rc<RefCell<Sock>>) -> HostResult<()> {
        let (family, bound) = {
            let s = sock.borrow();
            (s.family, s.local.is_some())
        };
        if bound || family == AF_UNIX {
            return Ok(());
        }
        self.bind_rc(sock, &loopback(family, 0))
    }

    pub(super) fn sock_read(
        &self,
        sock: &Rc<RefCell<Sock>>,
        buf: &mut [u8],
        peek: bool,
    ) -> HostResult<(usize, Option<SockAddr>)> {
        let mut s = sock.borrow_mut();
        if s.is_stream() {
            if !s.connected {
                return err(ENOTCONN);
            }
            if s.stream.is_empty() {
                let gone = s.peer.strong_count() == 0;
                return if s.eof || gone || s.read_shut || buf.is_empty() {
                    Ok((0, None))
                } else {
                    err(EAGAIN)
                };
            }
            let n = s.stream.len().min(buf.len());
            for (d, b) in buf.iter_mut().zip(s.stream.iter()) {
                *d = *b;
            }
            if !peek {
                s.stream.drain(..n);
            }
            let from = s.peer_addr.clone();
            return Ok((n, from));
        }
        let Some((data, from)) = (if peek {
            s.messages.front().cloned()
        } else {
            s.messages.pop_front()
        }) else {
            return if s.read_shut {
                Ok((0, None))
            } else {
                err(EAGAIN)
            };
        };
        let n = data.len().min(buf.len());
        buf[..n].copy_from_slice(&data[..n]);
        Ok((n, from))
    }

    pub(super) fn sock_write(
        &self,
        sock: &Rc<RefCell<Sock>>,
        buf: &[u8],
        to: Option<&SockAddr>,
    ) -> HostResult<usize> {
        let (stream, connected, write_shut, family) = {
            let s = sock.borrow();
            (s.is_stream(), s.connected, s.write_shut, s.family)
        };
        if write_shut {
            return err(EPIPE);
        }
        if stream {
            if to.is_some() && !connected {
                return err(ENOTCONN);
            }
            if !connected {
                return err(ENOTCONN);
            }
            let peer = sock.borrow().peer.upgrade();
            let Some(peer) = peer else {
                return err(EPIPE);
            };
            let mut p = peer.borrow_mut();
            if p.read_shut {
                return err(EPIPE);
            }
            let room = STREAM_CAPACITY.saturating_sub(p.stream.len());
            if room == 0 && !buf.is_empty() {
                return err(EAGAIN);
            }
            let n = room.min(buf.len());
            p.stream.extend(&buf[..n]);
            return Ok(n);
        }
        // Datagrams.
        let target = match to {
            Some(a) => {
                let key = key_of(family, a)?;
                self.state.borrow().net.lookup(&key)
            }
            None => {
                let (peer, addr) = {
                    let s = sock.borrow();
                    (s.peer.upgrade(), s.peer_addr.clone())
                };
                match (peer, addr) {
                    (Some(p), _) => Some(p),
                    (None, Some(a)) => {
                        let key = key_of(family, &a)?;
                        self.state.borrow().net.lookup(&key)
                    }
                    (None, None) => return err(EDESTADDRREQ),
                }
            }
        };
        self.autobind(sock)?;
        let from = sock.borrow().local.clone();
        // A datagram to an address nobody holds is lost, as on a real network.
        if let Some(t) = target {
            if Rc::ptr_eq(&t, sock) {
                sock.borrow_mut().messages.push_back((buf.to_vec(), from));
            } else {
                t.borrow_mut().messages.push_back((buf.to_vec(), from));
            }
        }
        Ok(buf.len())
    }

    pub(super) fn sock_stat() -> Stat {
        Stat {
            mode: S_IFSOCK | 0o777,
            nlink: 1,
            uid: 1000,
            gid: 1000,
            blksize: 4096,
            ..Stat::default()
        }
    }

    /// `poll` readiness of a socket (POLLIN, POLLOUT, POLLHUP bits given).
    pub(super) fn sock_ready(
        sock: &Rc<RefCell<Sock>>,
        pollin: i16,
        pollout: i16,
        pollhup: i16,
    ) -> i16 {
        let s = sock.borrow();
        let mut r = 0;
        if s.listening {
            if !s.backlog.is_empty() {
                r |= pollin;
            }
            return r;
        }
        if s.is_stream() {
            if !s.stream.is_empty() || s.eof || s.read_shut {
                r |= pollin;
            }
            if s.connected {
                let peer_open = s.peer.upgrade().is_some();
                if peer_open && !s.write_shut {
                    r |= pollout;
                }
                if s.eof {
                    r |= pollhup;
                }
            }
        } else {
            if !s.messages.is_empty() {
                r |= pollin;
            }
            r |= pollout;
        }
        r
    }

    // ----- the Host methods (called from `impl Host for MemoryHost`) -------------------

    pub(super) fn m_socket(&self, family: i32, kind: i32, proto: i32) -> HostResult<Fd> {
        if ![AF_INET, AF_INET6, AF_UNIX].contains(&family) {
            return err(EAFNOSUPPORT);
        }
        let base = kind & !(SOCK_NONBLOCK | crate::socket::SOCK_CLOEXEC);
        if base != SOCK_STREAM
            && base != SOCK_DGRAM
            && !(family == AF_UNIX && base == SOCK_SEQPACKET)
        {
            return err(EPROTONOSUPPORT);
        }
        let proto = match (family, base, proto) {
            (AF_UNIX, _, 0) => 0,
            (AF_UNIX, _, _) => return err(EPROTONOSUPPORT),
            (_, SOCK_STREAM, 0 | 6) => 6,
            (_, SOCK_DGRAM, 0 | 17) => 17,
            _ => return err(EPROTONOSUPPORT),
        };
        Ok(self.install_sock(Sock::new(family, base, proto), kind & SOCK_NONBLOCK != 0))
    }

    pub(super) fn m_socketpair(&self, family: i32, kind: i32, proto: i32) -> HostResult<(Fd, Fd)> {
        if family != AF_UNIX {
            return err(if family == AF_INET || family == AF_INET6 {
                EOPNOTSUPP
            } else {
                EAFNOSUPPORT
            });
        }
        let base = kind & !(SOCK_NONBLOCK | crate::socket::SOCK_CLOEXEC);
        if ![SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET].contains(&base) {
            return err(EPROTONOSUPPORT);
        }
        if proto != 0 {
            return err(EPROTONOSUPPORT);
        }
        let a = Rc::new(RefCell::new(Sock::new(family, base, 0)));
        let b = Rc::new(RefCell::new(Sock::new(family, base, 0)));
        for (x, y) in [(&a, &b), (&b, &a)] {
            let mut s = x.borrow_mut();
            s.peer = Rc::downgrade(y);
            s.connected = true;
            s.local = Some(SockAddr::Unix(Vec::new()));
            s.peer_addr = Some(SockAddr::Unix(Vec::new()));
        }
        let nonblock = kind & SOCK_NONBLOCK != 0;
        let fa = self.install_rc(a);
        let fb = self.install_rc(b);
        if nonblock {
            for fd in [fa, fb] {
                if let Ok(f) = self.state.borrow().file(fd) {
                    f.borrow_mut().flags.nonblock = true;
                }
            }
        }
        Ok((fa, fb))
    }

    pub(super) fn m_bind(&self, fd: Fd, addr: &SockAddr) -> HostResult<()> {
        let sock = self.sock(fd)?;
        self.bind_rc(&sock, addr)
    }

    pub(super) fn m_listen(&self, fd: Fd) -> HostResult<()> {
        let sock = self.sock(fd)?;
        self.autobind(&sock)?;
        let mut s = sock.borrow_mut();
        if !s.is_stream() && s.kind != SOCK_SEQPACKET {
            return err(EOPNOTSUPP);
        }
        if s.connected {
            return err(EINVAL);
        }
        s.listening = true;
        Ok(())
    }

    pub(super) fn m_accept(&self, fd: Fd) -> HostResult<(Fd, Option<SockAddr>)> {
        let sock = self.sock(fd)?;
        let next = {
            let mut s = sock.borrow_mut();
            if !s.listening {
                return err(EINVAL);
            }
            s.backlog.pop_front()
        };
        let Some(conn) = next else {
            return err(EAGAIN);
        };
        let peer = conn.borrow().peer_addr.clone();
        Ok((self.install_rc(conn), peer))
    }

    pub(super) fn m_connect(&self, fd: Fd, addr: &SockAddr) -> HostResult<()> {
        let sock = self.sock(fd)?;
        let (family, stream, connected) = {
            let s = sock.borrow();
            (s.family, s.is_stream(), s.connected)
        };
        let key = key_of(family, addr)?;
        if !stream {
            self.autobind(&sock)?;
            let mut s = sock.borrow_mut();
            s.peer_addr = Some(addr.clone());
            return Ok(());
        }
        if connected {
            return err(EISCONN);
        }
        let listener = self.state.borrow().net.lookup(&key);
        let Some(listener) = listener.filter(|l| l.borrow().listening) else {
            return err(crate::ECONNREFUSED);
        };
        self.autobind(&sock)?;
        let (client_addr, kind, proto) = {
            let s = sock.borrow();
            (s.local.clone(), s.kind, s.proto)
        };
        let server_addr = listener.borrow().local.clone();
        let server = Rc::new(RefCell::new(Sock::new(family, kind, proto)));
        {
            let mut sv = server.borrow_mut();
            sv.local = server_addr.clone();
            sv.peer_addr = client_addr;
            sv.peer = Rc::downgrade(&sock);
            sv.connected = true;
        }
        {
            let mut s = sock.borrow_mut();
            s.peer = Rc::downgrade(&server);
            s.peer_addr = server_addr;
            s.connected = true;
        }
        listener.borrow_mut().backlog.push_back(server);
        Ok(())
    }

    pub(super) fn m_send(&self, fd: Fd, buf: &[u8], to: Option<&SockAddr>) -> HostResult<usize> {
        let sock = self.sock(fd)?;
        self.sock_write(&sock, buf, to)
    }

    pub(super) fn m_recv(
        &self,
        fd: Fd,
        buf: &mut [u8],
        flags: i32,
    ) -> HostResult<(usize, Option<SockAddr>)> {
        let sock = self.sock(fd)?;
        self.sock_read(&sock, buf, flags & crate::socket::MSG_PEEK != 0)
    }

    pub(super) fn m_sendmsg(
        &self,
        fd: Fd,
        data: &[u8],
        ancdata: &[AncData],
        addr: Option<&SockAddr>,
    ) -> HostResult<usize> {
        if !ancdata.is_empty() {
            return err(EOPNOTSUPP);
        }
        self.m_send(fd, data, addr)
    }

    pub(super) fn m_recvmsg(&self, fd: Fd, bufsize: usize, flags: i32) -> HostResult<RecvMsg> {
        let sock = self.sock(fd)?;
        let stream = sock.borrow().is_stream();
        let whole = if stream {
            bufsize
        } else {
            sock.borrow()
                .messages
                .front()
                .map_or(bufsize, |(d, _)| d.len().max(bufsize))
        };
        let mut data = vec![0u8; whole];
        let (n, from) = self.sock_read(&sock, &mut data, flags & crate::socket::MSG_PEEK != 0)?;
        let mut msg_flags = 0;
        if n > bufsize {
            msg_flags |= crate::socket::MSG_TRUNC;
        }
        data.truncate(n.min(bufsize));
        Ok(RecvMsg {
            data,
            ancdata: Vec::new(),
            flags: msg_flags,
            addr: if stream { None } else { from },
            malformed: false,
        })
    }

    pub(super) fn m_shutdown(&self, fd: Fd, how: i32) -> HostResult<()> {
        let sock = self.sock(fd)?;
        let peer = {
            let mut s = sock.borrow_mut();
            if !s.connected {
                return err(ENOTCONN);
            }
            match how {
                0 => s.read_shut = true,
                1 => s.write_shut = true,
                2 => {
                    s.read_shut = true;
                    s.write_shut = true;
                }
                _ => return err(EINVAL),
            }
            s.peer.upgrade()
        };
        if how != 0 {
            if let Some(p) = peer {
                p.borrow_mut().eof = true;
            }
        }
        Ok(())
    }

    pub(super) fn m_name(&self, fd: Fd, peer: bool) -> HostResult<Option<SockAddr>> {
        let sock = self.sock(fd)?;
        let s = sock.borrow();
        if peer {
            let dgram_peer = s.kind == SOCK_DGRAM && s.peer_addr.is_some();
            if !(s.connected || dgram_peer) {
                return err(ENOTCONN);
            }
            return Ok(s.peer_addr.clone());
        }
        Ok(s.local.clone().or_else(|| s.unbound_name()))
    }

    pub(super) fn m_getsockopt(
        &self,
        fd: Fd,
        level: i32,
        name: i32,
        buflen: usize,
    ) -> HostResult<Vec<u8>> {
        let sock = self.sock(fd)?;
        let s = sock.borrow();
        let int = |v: i32| Some(v.to_ne_bytes().to_vec());
        let value = if level == SOL_SOCKET {
            match name {
                n if n == crate::socket::SO_TYPE => int(s.kind),
                n if n == crate::socket::SO_DOMAIN => int(s.family),
                n if n == crate::socket::SO_PROTOCOL => int(s.proto),
                n if n == crate::socket::SO_ERROR => int(0),
                n if n == libc::SO_ACCEPTCONN => int(i32::from(s.listening)),
                _ => None,
            }
        } else {
            None
        };
        let mut v = value
            .or_else(|| s.options.get(&(level, name)).cloned())
            .unwrap_or_else(|| vec![0; 4]);
        v.truncate(buflen);
        Ok(v)
    }

    pub(super) fn m_setsockopt(
        &self,
        fd: Fd,
        level: i32,
        name: i32,
        value: Option<&[u8]>,
    ) -> HostResult<()> {
        let sock = self.sock(fd)?;
        let v = value.map(<[u8]>::to_vec).unwrap_or_default();
        sock.borrow_mut().options.insert((level, name), v);
        Ok(())
    }
}

// ----- the resolver -------------------------------------------------------------------

fn gai(code: i32) -> NetError {
    let message = match code {
        libc::EAI_NONAME => "Name or service not known",
        libc::EAI_SERVICE => "Servname not supported for ai_socktype",
        libc::EAI_FAMILY => "ai_family not supported",
        libc::EAI_SOCKTYPE => "ai_socktype not supported",
        EAI_ADDRFAMILY => "Address family for hostname not supported",
        _ => "Unknown error",
    };
    NetError::Gai {
        code,
        message: message.to_string(),
    }
}

/// A dotted-quad IPv4 address.
fn parse_v4(s: &[u8]) -> Option<[u8; 4]> {
    let text = std::str::from_utf8(s).ok()?;
    let mut out = [0u8; 4];
    let mut parts = text.split('.');
    for o in &mut out {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *o = p.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// The addresses the memory world's resolver knows for `host`.
fn resolve(host: Option<&[u8]>, passive: bool) -> Option<Vec<(i32, Vec<u8>)>> {
    let mut one6 = vec![0u8; 16];
    one6[15] = 1;
    Some(match host {
        None if passive => vec![(AF_INET, vec![0; 4]), (AF_INET6, vec![0; 16])],
        None => vec![(AF_INET, vec![127, 0, 0, 1]), (AF_INET6, one6)],
        Some(b"localhost") => vec![(AF_INET, vec![127, 0, 0, 1])],
        Some(b"::1") => vec![(AF_INET6, one6)],
        Some(b"::") => vec![(AF_INET6, vec![0; 16])],
        Some(h) => vec![(AF_INET, parse_v4(h)?.to_vec())],
    })
}

pub(super) fn getaddrinfo(
    host: Option<&[u8]>,
    service: Option<&[u8]>,
    family: i32,
    socktype: i32,
    proto: i32,
    flags: i32,
) -> NetResult<Vec<AddrInfo>> {
    if host.is_none() && service.is_none() {
        return Err(gai(libc::EAI_NONAME));
    }
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&family) {
        return Err(gai(libc::EAI_FAMILY));
    }
    let port: u16 = match service {
        None => 0,
        Some(s) => std::str::from_utf8(s)
            .ok()
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| gai(libc::EAI_SERVICE))?,
    };
    let numeric = flags & crate::socket::AI_NUMERICHOST != 0;
    if numeric && host == Some(b"localhost") {
        return Err(gai(libc::EAI_NONAME));
    }
    let addrs = resolve(host, flags & crate::socket::AI_PASSIVE != 0)
        .ok_or_else(|| gai(libc::EAI_NONAME))?;
    let addrs: Vec<_> = addrs
        .into_iter()
        .filter(|(f, _)| family == AF_UNSPEC || *f == family)
        .collect();
    if addrs.is_empty() {
        return Err(gai(EAI_ADDRFAMILY));
    }
    let kinds: Vec<(i32, i32)> = match socktype {
        0 => vec![(SOCK_STREAM, 6), (SOCK_DGRAM, 17), (libc::SOCK_RAW, 0)],
        SOCK_STREAM => vec![(SOCK_STREAM, 6)],
        SOCK_DGRAM => vec![(SOCK_DGRAM, 17)],
        _ => return Err(gai(libc::EAI_SOCKTYPE)),
    };
    let mut out = Vec::new();
    for (f, a) in addrs {
        for &(k, p) in &kinds {
            if proto != 0 && proto != p {
                continue;
            }
            let addr = if f == AF_INET {
                let mut b = [0u8; 4];
                b.copy_from_slice(&a);
                SockAddr::Inet { addr: b, port }
            } else {
                let mut b = [0u8; 16];
                b.copy_from_slice(&a);
                SockAddr::Inet6 {
                    addr: b,
                    port,
                    flowinfo: 0,
                    scope_id: 0,
                }
            };
            out.push(AddrInfo {
                family: f,
                socktype: k,
                protocol: p,
                canonname: Vec::new(),
                addr: Some(addr),
            });
        }
    }
    Ok(out)
}

pub(super) fn getnameinfo(addr: &SockAddr) -> NetResult<(Vec<u8>, Vec<u8>)> {
    match addr {
        SockAddr::Inet { addr, port } => Ok((
            format!("{}.{}.{}.{}", addr[0], addr[1], addr[2], addr[3]).into_bytes(),
            port.to_string().into_bytes(),
        )),
        _ => Err(gai(libc::EAI_FAMILY)),
    }
}

pub(super) fn gethostbyname(name: &[u8]) -> NetResult<HostEnt> {
    let addr = match name {
        b"localhost" => [127, 0, 0, 1],
        n => parse_v4(n).ok_or_else(|| NetError::Host {
            code: 1,
            message: "Unknown host".to_string(),
        })?,
    };
    Ok(HostEnt {
        name: name.to_vec(),
        aliases: Vec::new(),
        family: AF_INET,
        addrs: vec![addr.to_vec()],
    })
}

pub(super) fn gethostbyaddr(addr: &[u8], family: i32) -> NetResult<HostEnt> {
    if family == AF_INET && addr == [127, 0, 0, 1] {
        return Ok(HostEnt {
            name: b"localhost".to_vec(),
            aliases: Vec::new(),
            family,
            addrs: vec![addr.to_vec()],
        });
    }
    Err(NetError::Host {
        code: 1,
        message: "Unknown host".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Host, EAGAIN, ECONNREFUSED};

    fn v4(port: u16) -> SockAddr {
        SockAddr::Inet {
            addr: [127, 0, 0, 1],
            port,
        }
    }

    #[test]
    fn socketpair_streams_and_eof() {
        let h = MemoryHost::new();
        let (a, b) = h.socketpair(AF_UNIX, SOCK_STREAM, 0).unwrap();
        assert_eq!(h.send(a, b"hello", 0).unwrap(), 5);
        let mut buf = [0u8; 3];
        assert_eq!(h.recv(b, &mut buf, crate::socket::MSG_PEEK).unwrap(), 3);
        assert_eq!(h.recv(b, &mut buf, 0).unwrap(), 3);
        assert_eq!(&buf, b"hel");
        assert_eq!(h.read(b, &mut buf).unwrap(), 2);
        assert_eq!(h.recv(b, &mut buf, 0).unwrap_err().errno, EAGAIN);
        assert_eq!(h.poll(&[(b, 1), (a, 4)], 0).unwrap(), vec![0, 4]);
        h.close(a).unwrap();
        assert_eq!(h.recv(b, &mut buf, 0).unwrap(), 0);
        assert_eq!(h.send(b, b"x", 0).unwrap_err().errno, EPIPE);
        assert_eq!(h.fstat(b).unwrap().mode & 0o170_000, S_IFSOCK);
        h.close(b).unwrap();
    }

    #[test]
    fn loopback_tcp_and_udp() {
        let h = MemoryHost::new();
        let srv = h.socket(AF_INET, SOCK_STREAM, 0).unwrap();
        h.bind(srv, &v4(0)).unwrap();
        h.listen(srv, 5).unwrap();
        let Some(SockAddr::Inet { port, .. }) = h.getsockname(srv).unwrap() else {
            panic!("not bound");
        };
        assert!(port >= FIRST_EPHEMERAL);
        let cli = h.socket(AF_INET, SOCK_STREAM, 0).unwrap();
        assert_eq!(h.poll(&[(srv, 1)], 0).unwrap(), vec![0]);
        h.connect(cli, &v4(port)).unwrap();
        assert_eq!(h.poll(&[(srv, 1)], 0).unwrap(), vec![1]);
        let (conn, peer) = h.accept(srv).unwrap();
        assert_eq!(peer, h.getsockname(cli).unwrap());
        assert_eq!(h.getpeername(cli).unwrap(), Some(v4(port)));
        h.send(cli, b"ping", 0).unwrap();
        let mut buf = [0u8; 8];
        assert_eq!(h.recv(conn, &mut buf, 0).unwrap(), 4);
        h.shutdown(conn, crate::socket::SHUT_WR).unwrap();
        assert_eq!(h.recv(cli, &mut buf, 0).unwrap(), 0);
        assert_eq!(h.accept(srv).unwrap_err().errno, EAGAIN);
        let other = h.socket(AF_INET, SOCK_STREAM, 0).unwrap();
        assert_eq!(h.bind(other, &v4(port)).unwrap_err().errno, EADDRINUSE);
        h.close(srv).unwrap();
        assert_eq!(h.connect(other, &v4(port)).unwrap_err().errno, ECONNREFUSED);

        let u = h.socket(AF_INET, SOCK_DGRAM, 0).unwrap();
        h.bind(u, &v4(0)).unwrap();
        let to = h.getsockname(u).unwrap().unwrap();
        let v = h.socket(AF_INET, SOCK_DGRAM, 0).unwrap();
        h.sendto(v, b"dgram", 0, &to).unwrap();
        let (n, from) = h.recvfrom(u, &mut buf, 0).unwrap();
        assert_eq!(&buf[..n], b"dgram");
        assert_eq!(from, h.getsockname(v).unwrap());
        let m = {
            h.sendto(v, b"truncated", 0, &to).unwrap();
            h.recvmsg(u, 3, 0, 0).unwrap()
        };
        assert_eq!(m.data, b"tru");
        assert_ne!(m.flags & crate::socket::MSG_TRUNC, 0);
    }

    #[test]
    fn resolver() {
        let h = MemoryHost::new();
        let r = h
            .getaddrinfo(Some(b"127.0.0.1"), Some(b"80"), 0, SOCK_STREAM, 0, 0)
            .unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].addr, Some(v4(80)));
        assert!(matches!(
            h.getaddrinfo(Some(b"example.org"), None, 0, 0, 0, 0),
            Err(NetError::Gai {
                code: libc::EAI_NONAME,
                ..
            })
        ));
        assert_eq!(
            h.gethostbyname(b"localhost").unwrap().addrs,
            vec![vec![127, 0, 0, 1]]
        );
        assert_eq!(
            h.getnameinfo(&v4(8), 0).unwrap(),
            (b"127.0.0.1".to_vec(), b"8".to_vec())
        );
    }
}
