//! Data transfer on `_socket.socket`: `connect`, `_accept`, `send*` and
//! `recv*`, all through [`call`], CPython's `sock_call_ex`.
//!
//! Invariant: a socket with a timeout waits in the host's `poll` (for at
//! most what is left of the timeout, measured from the first wait) before
//! each attempt and retries after `EWOULDBLOCK`; a call interrupted by a
//! signal runs the Python handlers and retries (PEP 475); a timeout raises
//! `TimeoutError("timed out")`. Received data is copied into the caller's
//! buffer only after the call returns, so a handler that resizes the
//! buffer cannot make the copy overrun it.

use adder_host::{HostError, HostResult, EAGAIN, EINTR, EWOULDBLOCK};
use adder_object::Value;
use adder_vm::builtins::memview::MemoryView;
use adder_vm::objects::string::ByteArray;
use adder_vm::{Args, PyResult, Vm};

use super::object::{me, rest, Socket};
use super::{addr, arg_i, arg_n};
use crate::args::{no_kw, tuple_count, Sig};
use crate::util;

/// Why a socket call failed.
pub enum Fail {
    Timeout,
    Os(HostError),
}

fn poll_bits(name: &str) -> i16 {
    adder_host::consts::lookup(adder_host::consts::POLL, name).unwrap_or(0) as i16
}

/// `internal_select`: waits until the socket is ready; Ok(true) when the
/// wait timed out. Only sockets with a timeout wait.
fn wait(vm: &Vm, s: &Socket, writing: bool, interval_ns: i64, connect: bool) -> HostResult<bool> {
    let fd = s.fd.get();
    if s.timeout.get() <= 0 || fd < 0 {
        return Ok(false);
    }
    let mut events = if writing {
        poll_bits("POLLOUT")
    } else {
        poll_bits("POLLIN")
    };
    if connect {
        events |= poll_bits("POLLERR");
    }
    let ms = if interval_ns < 0 {
        -1
    } else {
        (interval_ns / 1_000_000 + i64::from(interval_ns % 1_000_000 != 0)).min(i64::from(i32::MAX))
    };
    let r = vm.host.poll(&[(fd, events)], ms)?;
    Ok(r.iter().all(|&e| e == 0))
}

/// CPython's `sock_call_ex`: runs `f` on the socket's descriptor, waiting
/// first when the socket has a timeout (or for `connect`), retrying after
/// signals; the failure is returned, not raised.
pub fn call_ex<T>(
    vm: &mut Vm,
    s: &Socket,
    writing: bool,
    timeout: i64,
    connect: bool,
    mut f: impl FnMut(i32) -> HostResult<T>,
) -> PyResult<Result<T, Fail>> {
    let has_timeout = timeout > 0;
    let mut deadline: Option<u64> = None;
    loop {
        if has_timeout || connect {
            let r = if has_timeout {
                let now = vm.host.monotonic_ns();
                let interval = match deadline {
                    Some(d) => d.saturating_sub(now) as i64 - i64::from(now > d),
                    None => {
                        deadline = Some(now.saturating_add(timeout as u64));
                        timeout
                    }
                };
                if interval >= 0 {
                    wait(vm, s, writing, interval, connect)
                } else {
                    Ok(true)
                }
            } else {
                wait(vm, s, writing, timeout, connect)
            };
            match r {
                Err(e) if e.errno == EINTR => {
                    crate::signal::check(vm)?;
                    continue;
                }
                Err(e) => return Ok(Err(Fail::Os(e))),
                Ok(true) => return Ok(Err(Fail::Timeout)),
                Ok(false) => {}
            }
        }
        let err = loop {
            match f(s.fd.get()) {
                Ok(v) => return Ok(Ok(v)),
                Err(e) if e.errno == EINTR => crate::signal::check(vm)?,
                Err(e) => break e,
            }
        };
        if s.timeout.get() > 0 && (err.errno == EWOULDBLOCK || err.errno == EAGAIN) {
            continue;
        }
        return Ok(Err(Fail::Os(err)));
    }
}

/// The exception for a failure.
pub fn raise(vm: &mut Vm, f: Fail) -> Value {
    match f {
        Fail::Timeout => vm.new_exception_msg(&vm.t.timeout_error.clone(), "timed out"),
        Fail::Os(e) => util::plain_error(vm, &e),
    }
}

/// `sock_call`: `call_ex` with the socket's own timeout, raising.
pub fn call<T>(
    vm: &mut Vm,
    s: &Socket,
    writing: bool,
    f: impl FnMut(i32) -> HostResult<T>,
) -> PyResult<T> {
    let timeout = s.timeout.get();
    match call_ex(vm, s, writing, timeout, false, f)? {
        Ok(v) => Ok(v),
        Err(e) => Err(raise(vm, e)),
    }
}

// ----- connecting ---------------------------------------------------------------------------

/// `sock_connect_impl`: the outcome of a connection in progress (SO_ERROR).
fn connect_status(s: &Socket, fd: i32) -> HostResult<()> {
    let b = s.host.getsockopt(
        fd,
        adder_host::socket::SOL_SOCKET,
        adder_host::socket::SO_ERROR,
        4,
    )?;
    let mut raw = [0u8; 4];
    raw[..b.len().min(4)].copy_from_slice(&b[..b.len().min(4)]);
    match i32::from_ne_bytes(raw) {
        0 => Ok(()),
        e if e == adder_host::EISCONN => Ok(()),
        e => Err(HostError::from_errno(e)),
    }
}

/// `internal_connect`: Ok(Ok(())) when connected, Ok(Err(errno)) when the
/// connection failed.
fn internal_connect(
    vm: &mut Vm,
    s: &Socket,
    a: &adder_host::SockAddr,
) -> PyResult<Result<(), Fail>> {
    let fd = s.fd.get();
    let err = match s.host.connect(fd, a) {
        Ok(()) => return Ok(Ok(())),
        Err(e) => e,
    };
    let timeout = s.timeout.get();
    let wait_connect = if err.errno == EINTR {
        crate::signal::check(vm)?;
        timeout != 0
    } else {
        timeout > 0 && err.errno == adder_host::EINPROGRESS
    };
    if !wait_connect {
        return Ok(Err(Fail::Os(err)));
    }
    call_ex(vm, s, true, timeout, true, |fd| connect_status(s, fd))
}

pub fn connect(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "connect")?;
    let v = super::meth_o(vm, &rest(&args), "socket.connect")?;
    let a = addr::parse(vm, s.family.get(), &v, "connect")?;
    match internal_connect(vm, s, &a)? {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(raise(vm, e)),
    }
}

pub fn connect_ex(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "connect_ex")?;
    let v = super::meth_o(vm, &rest(&args), "socket.connect_ex")?;
    let a = addr::parse(vm, s.family.get(), &v, "connect_ex")?;
    let code = match internal_connect(vm, s, &a)? {
        Ok(()) => 0,
        Err(Fail::Timeout) => EWOULDBLOCK,
        Err(Fail::Os(e)) => e.errno,
    };
    Ok(vm.new_int(i64::from(code)))
}

pub fn accept(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "_accept")?;
    super::meth_noargs(vm, &rest(&args), "socket._accept")?;
    let host = s.host.clone();
    let (fd, peer) = call(vm, s, false, |fd| host.accept(fd))?;
    let fdv = vm.new_int(i64::from(fd));
    let a = addr::make(vm, peer.as_ref());
    Ok(vm.new_tuple(vec![fdv, a]))
}

// ----- sending ---------------------------------------------------------------------------------

/// The optional `flags` argument at `i`.
fn flags_at(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    match a.pos.get(i) {
        Some(v) => arg_i(vm, v),
        None => Ok(0),
    }
}

pub fn send(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "send")?;
    let a = rest(&args);
    tuple_count(vm, &a, "send", 1, 2)?;
    let data = super::bytes_arg(vm, &a.pos[0])?;
    let flags = flags_at(vm, &a, 1)?;
    let host = s.host.clone();
    let n = call(vm, s, true, |fd| host.send(fd, &data, flags))?;
    Ok(vm.new_int(n as i64))
}

pub fn sendall(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "sendall")?;
    let a = rest(&args);
    tuple_count(vm, &a, "sendall", 1, 2)?;
    let data = super::bytes_arg(vm, &a.pos[0])?;
    let flags = flags_at(vm, &a, 1)?;
    let host = s.host.clone();
    let total = s.timeout.get();
    let has_timeout = total > 0;
    let mut deadline: Option<u64> = None;
    let mut sent = 0;
    while sent < data.len() {
        let mut timeout = total;
        if has_timeout {
            let now = vm.host.monotonic_ns();
            match deadline {
                Some(d) => timeout = d.saturating_sub(now) as i64 - i64::from(now > d),
                None => deadline = Some(now.saturating_add(total as u64)),
            }
            if timeout <= 0 {
                return Err(raise(vm, Fail::Timeout));
            }
        }
        let chunk = &data[sent..];
        match call_ex(vm, s, true, timeout, false, |fd| {
            host.send(fd, chunk, flags)
        })? {
            Ok(n) => sent += n,
            Err(e) => return Err(raise(vm, e)),
        }
        // A send interrupted after a partial write succeeds: run the
        // handlers before going on.
        crate::signal::check(vm)?;
    }
    Ok(Value::NONE)
}

pub fn sendto(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "sendto")?;
    let a = rest(&args);
    no_kw(vm, &a, "sendto")?;
    let (flags, target) = match a.pos.len() {
        2 => (0, a.pos[1].clone()),
        3 => (arg_i(vm, &a.pos[1])?, a.pos[2].clone()),
        n => return Err(vm.type_error(format!("sendto() takes 2 or 3 arguments ({n} given)"))),
    };
    let data = super::bytes_arg(vm, &a.pos[0])?;
    let to = addr::parse(vm, s.family.get(), &target, "sendto")?;
    let host = s.host.clone();
    let n = call(vm, s, true, |fd| host.sendto(fd, &data, flags, &to))?;
    Ok(vm.new_int(n as i64))
}

// ----- receiving ---------------------------------------------------------------------------------

/// A zeroed receive buffer of `n` bytes.
fn buffer_of(vm: &mut Vm, n: i64) -> PyResult<Vec<u8>> {
    util::zeroed(vm, usize::try_from(n).unwrap_or(0))
}

pub fn recv(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "recv")?;
    let a = rest(&args);
    tuple_count(vm, &a, "recv", 1, 2)?;
    let n = arg_n(vm, &a.pos[0])?;
    let flags = flags_at(vm, &a, 1)?;
    if n < 0 {
        return Err(vm.value_error("negative buffersize in recv"));
    }
    let mut buf = buffer_of(vm, n)?;
    let host = s.host.clone();
    let got = call(vm, s, false, |fd| host.recv(fd, &mut buf, flags))?;
    buf.truncate(got);
    Ok(vm.new_bytes(buf))
}

pub fn recvfrom(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "recvfrom")?;
    let a = rest(&args);
    tuple_count(vm, &a, "recvfrom", 1, 2)?;
    let n = arg_n(vm, &a.pos[0])?;
    let flags = flags_at(vm, &a, 1)?;
    if n < 0 {
        return Err(vm.value_error("negative buffersize in recvfrom"));
    }
    let mut buf = buffer_of(vm, n)?;
    let host = s.host.clone();
    let (got, from) = call(vm, s, false, |fd| host.recvfrom(fd, &mut buf, flags))?;
    buf.truncate(got);
    let data = vm.new_bytes(buf);
    let a = addr::make(vm, from.as_ref());
    Ok(vm.new_tuple(vec![data, a]))
}

/// The length of a writable buffer argument (`w*`), or CPython's error.
pub fn writable_len(vm: &Vm, v: &Value, func: &str, pos: usize) -> PyResult<usize> {
    if let Some(b) = v.downcast::<ByteArray>() {
        return Ok(b.b.borrow().len());
    }
    if let Some(m) = v.downcast::<MemoryView>() {
        if m.released.get() {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        if m.obj.downcast::<ByteArray>().is_some() {
            return Ok(m.len);
        }
    }
    Err(vm.type_error(format!(
        "{func}() argument {pos} must be read-write bytes-like object, not {}",
        vm.type_name(v)
    )))
}

/// Copies `data` to the start of a writable buffer (clamped to its size).
pub fn fill(v: &Value, data: &[u8]) {
    if let Some(b) = v.downcast::<ByteArray>() {
        let mut b = b.b.borrow_mut();
        let n = data.len().min(b.len());
        b[..n].copy_from_slice(&data[..n]);
    } else if let Some(m) = v.downcast::<MemoryView>() {
        if let Some(b) = m.obj.downcast::<ByteArray>() {
            let mut b = b.b.borrow_mut();
            let end = (m.start + m.len).min(b.len());
            let start = m.start.min(end);
            let n = data.len().min(end - start);
            b[start..start + n].copy_from_slice(&data[..n]);
        }
    }
}

/// Parses `(buffer, nbytes=0, flags=0)`: (buffer, bytes to read, flags).
fn into_args(vm: &mut Vm, args: &Args, func: &str) -> PyResult<(Value, usize, i32)> {
    let sig = Sig {
        name: func,
        params: &["buffer", "nbytes", "flags"],
        posonly: 0,
        required: 1,
        maxpos: 3,
    };
    let a = sig.parse(vm, &args.pos[1..], &args.kw)?;
    let buf = a[0].clone().unwrap_or(Value::NONE);
    let buflen = writable_len(vm, &buf, func, 1)?;
    let nbytes = match &a[1] {
        Some(v) => arg_n(vm, v)?,
        None => 0,
    };
    let flags = match &a[2] {
        Some(v) => arg_i(vm, v)?,
        None => 0,
    };
    if nbytes < 0 {
        return Err(vm.value_error(format!("negative buffersize in {func}")));
    }
    let n = if nbytes == 0 {
        buflen
    } else {
        usize::try_from(nbytes).unwrap_or(usize::MAX)
    };
    if n > buflen {
        return Err(vm.value_error(if func == "recv_into" {
            "buffer too small for requested bytes"
        } else {
            "nbytes is greater than the length of the buffer"
        }));
    }
    Ok((buf, n, flags))
}

pub fn recv_into(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "recv_into")?;
    let (buf, n, flags) = into_args(vm, &args, "recv_into")?;
    let mut data = util::zeroed(vm, n)?;
    let host = s.host.clone();
    let got = call(vm, s, false, |fd| host.recv(fd, &mut data, flags))?;
    fill(&buf, &data[..got.min(data.len())]);
    Ok(vm.new_int(got as i64))
}

pub fn recvfrom_into(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "recvfrom_into")?;
    let (buf, n, flags) = into_args(vm, &args, "recvfrom_into")?;
    let mut data = util::zeroed(vm, n)?;
    let host = s.host.clone();
    let (got, from) = call(vm, s, false, |fd| host.recvfrom(fd, &mut data, flags))?;
    fill(&buf, &data[..got.min(data.len())]);
    let nv = vm.new_int(got as i64);
    let a = addr::make(vm, from.as_ref());
    Ok(vm.new_tuple(vec![nv, a]))
}
