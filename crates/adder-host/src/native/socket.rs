//! Socket system calls and the name service of the native host.
//! Invariant: addresses cross this module only as [`SockAddr`] values
//! (encoded into a `sockaddr_storage` for the call and decoded from it
//! afterwards, never longer than the kernel reported); new descriptors are
//! close-on-exec; blocking calls surface `EINTR` only when the interpreter
//! has a signal to handle, except `connect`, which never retries (a
//! restarted `connect` would fail with `EALREADY`). The `unsafe` blocks are
//! libc calls on buffers and structs owned by the calling function.

use std::ffi::{CStr, CString};
use std::mem::size_of;

use super::{check, last_error, retry_blocking};
use crate::socket::{AddrInfo, AncData, HostEnt, NetError, NetResult, RecvMsg, SockAddr};
use crate::{Fd, HostError, HostResult, EINVAL};

type Storage = libc::sockaddr_storage;

fn zeroed_storage() -> Storage {
    // SAFETY: an all-zero sockaddr_storage is a valid value of this C struct.
    unsafe { std::mem::zeroed() }
}

fn einval<T>() -> HostResult<T> {
    Err(HostError::from_errno(EINVAL))
}

/// Writes `value` at the start of `st` (a `sockaddr_*` no larger than it).
fn put<T: Copy>(st: &mut Storage, value: T) -> libc::socklen_t {
    assert!(size_of::<T>() <= size_of::<Storage>());
    // SAFETY: `T` fits in the storage (checked above) and every sockaddr
    // type has an alignment no stricter than sockaddr_storage's.
    unsafe { std::ptr::write((st as *mut Storage).cast::<T>(), value) };
    size_of::<T>() as libc::socklen_t
}

/// Reads a `T` from the start of `st`.
fn get<T: Copy>(st: &Storage) -> T {
    assert!(size_of::<T>() <= size_of::<Storage>());
    // SAFETY: `T` fits in the storage, is a plain C struct valid for any
    // bit pattern, and its alignment is no stricter than the storage's.
    unsafe { std::ptr::read((st as *const Storage).cast::<T>()) }
}

/// Encodes `addr` for a system call.
pub fn encode(addr: &SockAddr) -> HostResult<(Storage, libc::socklen_t)> {
    let mut st = zeroed_storage();
    let len = match addr {
        SockAddr::Inet { addr, port } => {
            // SAFETY: an all-zero sockaddr_in is valid.
            let mut sin: libc::sockaddr_in = unsafe { std::mem::zeroed() };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = port.to_be();
            sin.sin_addr.s_addr = u32::from_ne_bytes(*addr);
            put(&mut st, sin)
        }
        SockAddr::Inet6 {
            addr,
            port,
            flowinfo,
            scope_id,
        } => {
            // SAFETY: an all-zero sockaddr_in6 is valid.
            let mut sin6: libc::sockaddr_in6 = unsafe { std::mem::zeroed() };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = port.to_be();
            sin6.sin6_flowinfo = flowinfo.to_be();
            sin6.sin6_addr.s6_addr = *addr;
            sin6.sin6_scope_id = *scope_id;
            put(&mut st, sin6)
        }
        SockAddr::Unix(path) => {
            // SAFETY: an all-zero sockaddr_un is valid.
            let mut sun: libc::sockaddr_un = unsafe { std::mem::zeroed() };
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            let abstract_ns = path.first().is_none_or(|&b| b == 0);
            let limit = if abstract_ns {
                sun.sun_path.len()
            } else {
                sun.sun_path.len() - 1
            };
            if path.len() > limit {
                return einval();
            }
            for (d, &s) in sun.sun_path.iter_mut().zip(path.iter()) {
                *d = s as libc::c_char;
            }
            put(&mut st, sun);
            let base = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            (base + path.len() + usize::from(!abstract_ns)) as libc::socklen_t
        }
        SockAddr::Netlink { pid, groups } => {
            // SAFETY: an all-zero sockaddr_nl is valid.
            let mut snl: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
            snl.nl_family = libc::AF_NETLINK as libc::sa_family_t;
            snl.nl_pid = *pid;
            snl.nl_groups = *groups;
            put(&mut st, snl)
        }
        SockAddr::Vsock { cid, port } => {
            // SAFETY: an all-zero sockaddr_vm is valid.
            let mut svm: libc::sockaddr_vm = unsafe { std::mem::zeroed() };
            svm.svm_family = libc::AF_VSOCK as libc::sa_family_t;
            svm.svm_cid = *cid;
            svm.svm_port = *port;
            put(&mut st, svm)
        }
        SockAddr::Other { family, data } => {
            // SAFETY: an all-zero sockaddr is valid.
            let mut sa: libc::sockaddr = unsafe { std::mem::zeroed() };
            sa.sa_family = *family as libc::sa_family_t;
            for (d, &s) in sa.sa_data.iter_mut().zip(data.iter()) {
                *d = s as libc::c_char;
            }
            put(&mut st, sa)
        }
    };
    Ok((st, len))
}

/// Decodes what the kernel wrote (`len` bytes of `st`); None for an empty
/// address.
pub fn decode(st: &Storage, len: libc::socklen_t) -> Option<SockAddr> {
    let len = (len as usize).min(size_of::<Storage>());
    if len < size_of::<libc::sa_family_t>() {
        return None;
    }
    let family = i32::from(st.ss_family);
    Some(match family {
        libc::AF_INET => {
            let sin: libc::sockaddr_in = get(st);
            SockAddr::Inet {
                addr: sin.sin_addr.s_addr.to_ne_bytes(),
                port: u16::from_be(sin.sin_port),
            }
        }
        libc::AF_INET6 => {
            let sin6: libc::sockaddr_in6 = get(st);
            SockAddr::Inet6 {
                addr: sin6.sin6_addr.s6_addr,
                port: u16::from_be(sin6.sin6_port),
                flowinfo: u32::from_be(sin6.sin6_flowinfo),
                scope_id: sin6.sin6_scope_id,
            }
        }
        libc::AF_UNIX => {
            let sun: libc::sockaddr_un = get(st);
            let base = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            let n = len.saturating_sub(base).min(sun.sun_path.len());
            SockAddr::Unix(sun.sun_path[..n].iter().map(|&c| c as u8).collect())
        }
        libc::AF_NETLINK => {
            let snl: libc::sockaddr_nl = get(st);
            SockAddr::Netlink {
                pid: snl.nl_pid,
                groups: snl.nl_groups,
            }
        }
        libc::AF_VSOCK => {
            let svm: libc::sockaddr_vm = get(st);
            SockAddr::Vsock {
                cid: svm.svm_cid,
                port: svm.svm_port,
            }
        }
        _ => {
            let sa: libc::sockaddr = get(st);
            SockAddr::Other {
                family,
                data: sa.sa_data.iter().map(|&c| c as u8).collect(),
            }
        }
    })
}

fn storage_ptr(st: &mut Storage) -> *mut libc::sockaddr {
    (st as *mut Storage).cast()
}

pub fn socket(family: i32, kind: i32, proto: i32) -> HostResult<Fd> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) })
}

pub fn socketpair(family: i32, kind: i32, proto: i32) -> HostResult<(Fd, Fd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a writable array of two ints for the call.
    check(unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) })?;
    Ok((fds[0], fds[1]))
}

pub fn bind(fd: Fd, addr: &SockAddr) -> HostResult<()> {
    let (st, len) = encode(addr)?;
    // SAFETY: `st` holds a valid address of `len` bytes for the call.
    check(unsafe { libc::bind(fd, (&st as *const Storage).cast(), len) }).map(drop)
}

pub fn listen(fd: Fd, backlog: i32) -> HostResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::listen(fd, backlog) }).map(drop)
}

pub fn accept(fd: Fd) -> HostResult<(Fd, Option<SockAddr>)> {
    let mut st = zeroed_storage();
    let mut len = size_of::<Storage>() as libc::socklen_t;
    let newfd = retry_blocking(|| {
        len = size_of::<Storage>() as libc::socklen_t;
        // SAFETY: `st` and `len` are writable for the call.
        unsafe { libc::accept4(fd, storage_ptr(&mut st), &mut len, libc::SOCK_CLOEXEC) as isize }
    })?;
    Ok((newfd as Fd, decode(&st, len)))
}

pub fn connect(fd: Fd, addr: &SockAddr) -> HostResult<()> {
    let (st, len) = encode(addr)?;
    // SAFETY: `st` holds a valid address of `len` bytes for the call.
    check(unsafe { libc::connect(fd, (&st as *const Storage).cast(), len) }).map(drop)
}

pub fn send(fd: Fd, buf: &[u8], flags: i32) -> HostResult<usize> {
    retry_blocking(|| {
        // SAFETY: `buf` is valid for reads of `buf.len()` bytes.
        unsafe { libc::send(fd, buf.as_ptr().cast(), buf.len(), flags) }
    })
}

pub fn sendto(fd: Fd, buf: &[u8], flags: i32, addr: &SockAddr) -> HostResult<usize> {
    let (st, len) = encode(addr)?;
    retry_blocking(|| {
        // SAFETY: `buf` is readable for its length; `st` holds `len` bytes.
        unsafe {
            libc::sendto(
                fd,
                buf.as_ptr().cast(),
                buf.len(),
                flags,
                (&st as *const Storage).cast(),
                len,
            )
        }
    })
}

pub fn recv(fd: Fd, buf: &mut [u8], flags: i32) -> HostResult<usize> {
    retry_blocking(|| {
        // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
        unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) }
    })
}

pub fn recvfrom(fd: Fd, buf: &mut [u8], flags: i32) -> HostResult<(usize, Option<SockAddr>)> {
    let mut st = zeroed_storage();
    let mut len = size_of::<Storage>() as libc::socklen_t;
    let n = retry_blocking(|| {
        len = size_of::<Storage>() as libc::socklen_t;
        // SAFETY: `buf` is writable for its length; `st`/`len` are writable.
        unsafe {
            libc::recvfrom(
                fd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                flags,
                storage_ptr(&mut st),
                &mut len,
            )
        }
    })?;
    Ok((n, decode(&st, len)))
}

/// A control buffer aligned for `cmsghdr` (u64 words), `bytes` long.
fn control_buffer(bytes: usize) -> Vec<u64> {
    vec![0u64; bytes.div_ceil(8)]
}

pub fn sendmsg(
    fd: Fd,
    data: &[u8],
    ancdata: &[AncData],
    flags: i32,
    addr: Option<&SockAddr>,
) -> HostResult<usize> {
    let mut space = 0usize;
    for item in ancdata {
        let s = crate::socket::cmsg_space(item.data.len())
            .ok_or_else(|| HostError::from_errno(EINVAL))?;
        space = space
            .checked_add(s)
            .ok_or_else(|| HostError::from_errno(EINVAL))?;
    }
    let mut control = control_buffer(space);
    let encoded = match addr {
        Some(a) => Some(encode(a)?),
        None => None,
    };
    let mut iov = libc::iovec {
        iov_base: data.as_ptr() as *mut libc::c_void,
        iov_len: data.len(),
    };
    // SAFETY: an all-zero msghdr is valid (null pointers, zero lengths).
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    if let Some((st, len)) = &encoded {
        msg.msg_name = (st as *const Storage) as *mut libc::c_void;
        msg.msg_namelen = *len;
    }
    if space > 0 {
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = space as _;
        // SAFETY: the control buffer is `space` bytes, zeroed and aligned,
        // and exactly holds CMSG_SPACE of every item, so each header and its
        // data written here lies inside it.
        unsafe {
            let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
            for item in ancdata {
                if cmsg.is_null() {
                    return einval();
                }
                (*cmsg).cmsg_level = item.level;
                (*cmsg).cmsg_type = item.kind;
                (*cmsg).cmsg_len = libc::CMSG_LEN(item.data.len() as u32) as _;
                std::ptr::copy_nonoverlapping(
                    item.data.as_ptr(),
                    libc::CMSG_DATA(cmsg),
                    item.data.len(),
                );
                cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
            }
        }
    }
    retry_blocking(|| {
        // SAFETY: `msg` points at `iov`, `control` and the encoded address,
        // all alive and unmoved for the call.
        unsafe { libc::sendmsg(fd, &msg, flags) }
    })
}

pub fn recvmsg(fd: Fd, bufsize: usize, ancbufsize: usize, flags: i32) -> HostResult<RecvMsg> {
    let mut data = vec![0u8; bufsize];
    let mut control = control_buffer(ancbufsize);
    let mut st = zeroed_storage();
    let mut iov = libc::iovec {
        iov_base: data.as_mut_ptr().cast(),
        iov_len: bufsize,
    };
    // SAFETY: an all-zero msghdr is valid.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    let n = retry_blocking(|| {
        msg.msg_name = storage_ptr(&mut st).cast();
        msg.msg_namelen = size_of::<Storage>() as libc::socklen_t;
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = if ancbufsize > 0 {
            control.as_mut_ptr().cast()
        } else {
            std::ptr::null_mut()
        };
        msg.msg_controllen = ancbufsize as _;
        msg.msg_flags = 0;
        // SAFETY: every buffer `msg` points at is owned here and writable
        // for the length recorded in `msg`.
        unsafe { libc::recvmsg(fd, &mut msg, flags) }
    })?;
    data.truncate(n);
    let controllen = (msg.msg_controllen as usize).min(ancbufsize);
    let base = control.as_ptr() as usize;
    let mut ancdata = Vec::new();
    let mut malformed = false;
    let hdr = size_of::<libc::cmsghdr>();
    let data_off = crate::socket::cmsg_len(0).unwrap_or(hdr);
    if controllen > 0 {
        // SAFETY: the CMSG_* macros only walk headers inside
        // [msg_control, msg_control + msg_controllen), which lies within
        // `control`; each header is read only after checking that it fits.
        unsafe {
            let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
            while !cmsg.is_null() {
                let off = cmsg as usize - base;
                if off + hdr > controllen {
                    malformed = true;
                    break;
                }
                let clen = (*cmsg).cmsg_len as usize;
                if clen < data_off {
                    malformed = true;
                    break;
                }
                let avail = controllen - (off + data_off).min(controllen);
                let len = (clen - data_off).min(avail);
                let p = libc::CMSG_DATA(cmsg);
                ancdata.push(AncData {
                    level: (*cmsg).cmsg_level,
                    kind: (*cmsg).cmsg_type,
                    data: std::slice::from_raw_parts(p, len).to_vec(),
                });
                if off + clen >= controllen {
                    break;
                }
                cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
            }
        }
    }
    Ok(RecvMsg {
        data,
        ancdata,
        flags: msg.msg_flags,
        addr: decode(&st, msg.msg_namelen),
        malformed,
    })
}

pub fn shutdown(fd: Fd, how: i32) -> HostResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::shutdown(fd, how) }).map(drop)
}

pub fn sockname(fd: Fd, peer: bool) -> HostResult<Option<SockAddr>> {
    let mut st = zeroed_storage();
    let mut len = size_of::<Storage>() as libc::socklen_t;
    // SAFETY: `st` and `len` are writable for the call.
    let rc = unsafe {
        if peer {
            libc::getpeername(fd, storage_ptr(&mut st), &mut len)
        } else {
            libc::getsockname(fd, storage_ptr(&mut st), &mut len)
        }
    };
    check(rc)?;
    Ok(decode(&st, len))
}

pub fn getsockopt(fd: Fd, level: i32, name: i32, buflen: usize) -> HostResult<Vec<u8>> {
    let mut buf = vec![0u8; buflen];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` is writable for `len` bytes and `len` is writable.
    check(unsafe { libc::getsockopt(fd, level, name, buf.as_mut_ptr().cast(), &mut len) })?;
    buf.truncate((len as usize).min(buflen));
    Ok(buf)
}

pub fn setsockopt(fd: Fd, level: i32, name: i32, value: Option<&[u8]>, len: u32) -> HostResult<()> {
    let (ptr, len) = match value {
        Some(v) => (v.as_ptr(), v.len() as libc::socklen_t),
        None => (std::ptr::null(), len as libc::socklen_t),
    };
    // SAFETY: `ptr` is readable for `len` bytes, or null (the kernel then
    // reads nothing or fails with EFAULT).
    check(unsafe { libc::setsockopt(fd, level, name, ptr.cast(), len) }).map(drop)
}

// ----- the name service -------------------------------------------------------

fn c_string(b: &[u8]) -> HostResult<CString> {
    CString::new(b).map_err(|_| HostError::from_errno(EINVAL))
}

fn gai_error(code: i32) -> NetError {
    if code == libc::EAI_SYSTEM {
        return NetError::Os(last_error());
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) };
    NetError::Gai {
        code,
        message: msg.to_string_lossy().into_owned(),
    }
}

pub fn getaddrinfo(
    host: Option<&[u8]>,
    service: Option<&[u8]>,
    family: i32,
    socktype: i32,
    proto: i32,
    flags: i32,
) -> NetResult<Vec<AddrInfo>> {
    let host = host.map(c_string).transpose()?;
    let service = service.map(c_string).transpose()?;
    // SAFETY: an all-zero addrinfo is valid hints (null pointers).
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the strings are NUL-terminated (or null) and outlive the
    // call; `res` receives a list we free below.
    let rc = unsafe {
        libc::getaddrinfo(
            host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
            service.as_ref().map_or(std::ptr::null(), |s| s.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if rc != 0 {
        return Err(gai_error(rc));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned; each node and
        // its address/name are valid until freeaddrinfo.
        unsafe {
            let ai = &*p;
            let mut st = zeroed_storage();
            let len = (ai.ai_addrlen as usize).min(size_of::<Storage>());
            if !ai.ai_addr.is_null() {
                std::ptr::copy_nonoverlapping(
                    ai.ai_addr.cast::<u8>(),
                    (&mut st as *mut Storage).cast::<u8>(),
                    len,
                );
            }
            let canonname = if ai.ai_canonname.is_null() {
                Vec::new()
            } else {
                CStr::from_ptr(ai.ai_canonname).to_bytes().to_vec()
            };
            out.push(AddrInfo {
                family: ai.ai_family,
                socktype: ai.ai_socktype,
                protocol: ai.ai_protocol,
                canonname,
                addr: decode(&st, len as libc::socklen_t),
            });
            p = ai.ai_next;
        }
    }
    // SAFETY: `res` came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

pub fn getnameinfo(addr: &SockAddr, flags: i32) -> NetResult<(Vec<u8>, Vec<u8>)> {
    let (st, len) = encode(addr)?;
    let mut host = vec![0 as libc::c_char; 1025];
    let mut serv = vec![0 as libc::c_char; 32];
    // SAFETY: `st` holds `len` bytes; the output buffers are writable for
    // the lengths given.
    let rc = unsafe {
        libc::getnameinfo(
            (&st as *const Storage).cast(),
            len,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr(),
            serv.len() as libc::socklen_t,
            flags,
        )
    };
    if rc != 0 {
        return Err(gai_error(rc));
    }
    // SAFETY: getnameinfo NUL-terminated both buffers.
    let (h, s) = unsafe {
        (
            CStr::from_ptr(host.as_ptr()).to_bytes().to_vec(),
            CStr::from_ptr(serv.as_ptr()).to_bytes().to_vec(),
        )
    };
    Ok((h, s))
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod netdb {
    use super::*;

    extern "C" {
        fn gethostbyname_r(
            name: *const libc::c_char,
            ret: *mut libc::hostent,
            buf: *mut libc::c_char,
            buflen: libc::size_t,
            result: *mut *mut libc::hostent,
            h_errnop: *mut libc::c_int,
        ) -> libc::c_int;
        fn gethostbyaddr_r(
            addr: *const libc::c_void,
            len: libc::socklen_t,
            kind: libc::c_int,
            ret: *mut libc::hostent,
            buf: *mut libc::c_char,
            buflen: libc::size_t,
            result: *mut *mut libc::hostent,
            h_errnop: *mut libc::c_int,
        ) -> libc::c_int;
    }

    fn herror(code: i32) -> NetError {
        // SAFETY: hstrerror returns a static NUL-terminated string.
        let msg = unsafe { CStr::from_ptr(libc::hstrerror(code)) };
        NetError::Host {
            code,
            message: msg.to_string_lossy().into_owned(),
        }
    }

    /// Copies a `hostent` the resolver filled in.
    ///
    /// # Safety
    /// `h` must point at a hostent whose strings and lists are valid.
    unsafe fn collect(h: *const libc::hostent) -> HostEnt {
        // SAFETY: per contract.
        unsafe {
            let h = &*h;
            let name = if h.h_name.is_null() {
                Vec::new()
            } else {
                CStr::from_ptr(h.h_name).to_bytes().to_vec()
            };
            let mut aliases = Vec::new();
            let mut p = h.h_aliases;
            while !p.is_null() && !(*p).is_null() {
                aliases.push(CStr::from_ptr(*p).to_bytes().to_vec());
                p = p.add(1);
            }
            let mut addrs = Vec::new();
            let alen = usize::try_from(h.h_length).unwrap_or(0);
            let mut p = h.h_addr_list;
            while !p.is_null() && !(*p).is_null() {
                addrs.push(std::slice::from_raw_parts((*p).cast::<u8>(), alen).to_vec());
                p = p.add(1);
            }
            HostEnt {
                name,
                aliases,
                family: h.h_addrtype,
                addrs,
            }
        }
    }

    /// Runs a reentrant lookup, growing the scratch buffer on `ERANGE`.
    fn lookup(
        mut call: impl FnMut(
            *mut libc::hostent,
            *mut libc::c_char,
            usize,
            *mut *mut libc::hostent,
            *mut libc::c_int,
        ) -> libc::c_int,
    ) -> NetResult<HostEnt> {
        let mut size = 16 * 1024;
        loop {
            let mut buf = vec![0 as libc::c_char; size];
            // SAFETY: an all-zero hostent is valid.
            let mut ent: libc::hostent = unsafe { std::mem::zeroed() };
            let mut result: *mut libc::hostent = std::ptr::null_mut();
            let mut herr: libc::c_int = 0;
            let rc = call(&mut ent, buf.as_mut_ptr(), size, &mut result, &mut herr);
            if rc == libc::ERANGE && size < 1 << 22 {
                size *= 4;
                continue;
            }
            if result.is_null() {
                return Err(herror(if herr == 0 { 1 } else { herr }));
            }
            // SAFETY: on success `result` points at `ent`, whose strings
            // live in `buf`, both still alive here.
            return Ok(unsafe { collect(result) });
        }
    }

    pub fn gethostbyname(name: &[u8]) -> NetResult<HostEnt> {
        let name = c_string(name)?;
        lookup(|ent, buf, size, result, herr| {
            // SAFETY: every pointer is valid for the call (see `lookup`).
            unsafe { gethostbyname_r(name.as_ptr(), ent, buf, size, result, herr) }
        })
    }

    pub fn gethostbyaddr(addr: &[u8], family: i32) -> NetResult<HostEnt> {
        lookup(|ent, buf, size, result, herr| {
            // SAFETY: `addr` is readable for its length; the rest as above.
            unsafe {
                gethostbyaddr_r(
                    addr.as_ptr().cast(),
                    addr.len() as libc::socklen_t,
                    family,
                    ent,
                    buf,
                    size,
                    result,
                    herr,
                )
            }
        })
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod netdb {
    use super::*;

    pub fn gethostbyname(_name: &[u8]) -> NetResult<HostEnt> {
        Err(NetError::Os(HostError::from_errno(crate::ENOSYS)))
    }

    pub fn gethostbyaddr(_addr: &[u8], _family: i32) -> NetResult<HostEnt> {
        Err(NetError::Os(HostError::from_errno(crate::ENOSYS)))
    }
}

pub use netdb::{gethostbyaddr, gethostbyname};

pub fn gethostname() -> HostResult<Vec<u8>> {
    let mut buf = vec![0 as libc::c_char; 1024];
    // SAFETY: `buf` is writable for its length.
    check(unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) })?;
    // SAFETY: the buffer's last byte stays NUL, so the string terminates.
    Ok(unsafe { CStr::from_ptr(buf.as_ptr()) }.to_bytes().to_vec())
}

pub fn sethostname(name: &[u8]) -> HostResult<()> {
    // SAFETY: `name` is readable for its length.
    check(unsafe { libc::sethostname(name.as_ptr().cast(), name.len()) }).map(drop)
}

fn opt_c(b: Option<&[u8]>) -> Option<Option<CString>> {
    match b {
        None => Some(None),
        Some(b) => CString::new(b).ok().map(Some),
    }
}

pub fn getservbyname(name: &[u8], proto: Option<&[u8]>) -> Option<u16> {
    let name = CString::new(name).ok()?;
    let proto = opt_c(proto)?;
    // SAFETY: the strings are NUL-terminated (or null) for the call; the
    // result points at static storage read before any other netdb call.
    unsafe {
        let s = libc::getservbyname(
            name.as_ptr(),
            proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        );
        if s.is_null() {
            return None;
        }
        Some(u16::from_be((*s).s_port as u16))
    }
}

pub fn getservbyport(port: u16, proto: Option<&[u8]>) -> Option<Vec<u8>> {
    let proto = opt_c(proto)?;
    // SAFETY: as in `getservbyname`.
    unsafe {
        let s = libc::getservbyport(
            i32::from(port.to_be()),
            proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        );
        if s.is_null() || (*s).s_name.is_null() {
            return None;
        }
        Some(CStr::from_ptr((*s).s_name).to_bytes().to_vec())
    }
}

pub fn getprotobyname(name: &[u8]) -> Option<i32> {
    let name = CString::new(name).ok()?;
    // SAFETY: as in `getservbyname`.
    unsafe {
        let p = libc::getprotobyname(name.as_ptr());
        if p.is_null() {
            return None;
        }
        Some((*p).p_proto)
    }
}

pub fn if_nameindex() -> HostResult<Vec<(u32, Vec<u8>)>> {
    // SAFETY: no arguments; the list is freed below.
    let list = unsafe { libc::if_nameindex() };
    if list.is_null() {
        return Err(last_error());
    }
    let mut out = Vec::new();
    // SAFETY: the list ends with an entry whose index is 0; names are
    // NUL-terminated until if_freenameindex.
    unsafe {
        let mut p = list;
        while (*p).if_index != 0 {
            if !(*p).if_name.is_null() {
                out.push((
                    (*p).if_index,
                    CStr::from_ptr((*p).if_name).to_bytes().to_vec(),
                ));
            }
            p = p.add(1);
        }
        libc::if_freenameindex(list);
    }
    Ok(out)
}

pub fn if_nametoindex(name: &[u8]) -> u32 {
    let Ok(name) = CString::new(name) else {
        return 0;
    };
    // SAFETY: `name` is NUL-terminated.
    unsafe { libc::if_nametoindex(name.as_ptr()) }
}

pub fn if_indextoname(index: u32) -> HostResult<Vec<u8>> {
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE + 1];
    // SAFETY: `buf` holds IF_NAMESIZE bytes as the call requires.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(last_error());
    }
    // SAFETY: on success the buffer holds a NUL-terminated name.
    Ok(unsafe { CStr::from_ptr(buf.as_ptr()) }.to_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_round_trip() {
        let mut six = [0u8; 16];
        six[15] = 1;
        for a in [
            SockAddr::Inet {
                addr: [127, 0, 0, 1],
                port: 8080,
            },
            SockAddr::Inet6 {
                addr: six,
                port: 443,
                flowinfo: 5,
                scope_id: 1,
            },
            SockAddr::Unix(b"\0abstract".to_vec()),
            SockAddr::Netlink { pid: 7, groups: 3 },
            SockAddr::Vsock { cid: 2, port: 9 },
        ] {
            let (st, len) = encode(&a).unwrap();
            assert_eq!(decode(&st, len), Some(a));
        }
        let (st, len) = encode(&SockAddr::Unix(b"/tmp/x".to_vec())).unwrap();
        assert_eq!(decode(&st, len), Some(SockAddr::Unix(b"/tmp/x\0".to_vec())));
        assert!(encode(&SockAddr::Unix(vec![b'x'; 108])).is_err());
        assert_eq!(decode(&st, 0), None);
    }

    #[test]
    fn socketpair_and_loopback() {
        let (a, b) = socketpair(libc::AF_UNIX, libc::SOCK_STREAM, 0).unwrap();
        assert_eq!(send(a, b"hi", 0).unwrap(), 2);
        let mut buf = [0u8; 4];
        assert_eq!(recv(b, &mut buf, 0).unwrap(), 2);
        let m = {
            sendmsg(a, b"msg", &[], 0, None).unwrap();
            recvmsg(b, 16, 0, 0).unwrap()
        };
        assert_eq!(m.data, b"msg");
        assert_eq!(
            sockname(a, false).unwrap(),
            Some(SockAddr::Unix(Vec::new()))
        );
        let srv = socket(libc::AF_INET, libc::SOCK_STREAM, 0).unwrap();
        bind(
            srv,
            &SockAddr::Inet {
                addr: [127, 0, 0, 1],
                port: 0,
            },
        )
        .unwrap();
        listen(srv, 1).unwrap();
        let name = sockname(srv, false).unwrap().unwrap();
        let cli = socket(libc::AF_INET, libc::SOCK_STREAM, 0).unwrap();
        connect(cli, &name).unwrap();
        let (conn, peer) = accept(srv).unwrap();
        assert_eq!(peer, sockname(cli, false).unwrap());
        let one = getsockopt(srv, libc::SOL_SOCKET, libc::SO_ACCEPTCONN, 4).unwrap();
        assert_eq!(one, 1i32.to_ne_bytes());
        for fd in [a, b, srv, cli, conn] {
            // SAFETY: closing descriptors this test opened.
            unsafe { libc::close(fd) };
        }
        let r = getaddrinfo(Some(b"127.0.0.1"), Some(b"80"), 0, libc::SOCK_STREAM, 0, 0).unwrap();
        assert_eq!(
            r[0].addr,
            Some(SockAddr::Inet {
                addr: [127, 0, 0, 1],
                port: 80
            })
        );
        assert!(matches!(
            getaddrinfo(Some(b"x y"), None, 0, 0, 0, libc::AI_NUMERICHOST),
            Err(NetError::Gai { .. })
        ));
    }
}
