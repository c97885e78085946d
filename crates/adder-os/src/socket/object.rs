//! The `_socket.socket` type: creation (`__new__`/`__init__`, CPython's
//! `sock_initobj` and `init_sockobject`), the attributes, blocking and
//! timeout modes, and the calls that configure or name a socket (`bind`,
//! `listen`, `shutdown`, `get/setsockopt`, `getsockname`, ...). The data
//! transfer methods are in `io` and `msg`.
//!
//! Invariant: `fd` is -1 exactly when the socket is closed or detached (or
//! was never initialised); a socket owns its descriptor and closes it once —
//! in `close()` or, failing that, when the payload is dropped — through the
//! host it was created with. `timeout` is in nanoseconds: -1 blocking, 0
//! non-blocking, >0 a timeout (then the descriptor itself is non-blocking
//! and waits happen in `poll`, as in CPython).

use std::cell::Cell;
use std::rc::Rc;

use adder_host::socket::{
    AF_INET, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM, SOL_SOCKET, SO_PROTOCOL, SO_TYPE,
};
use adder_host::Host;
use adder_object::{payload, Trace, Value};
use adder_vm::kinds::OS_FIRST;
use adder_vm::objects::types::tflags;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};

use super::{
    addr, arg_i, arg_long, default_timeout, io, meth_noargs, meth_o, msg, parse_timeout,
    timeout_value,
};
use crate::args::{tuple_count, Sig};
use crate::util;

const SOCKET_KIND: u8 = OS_FIRST + 6;

/// Holds no references: not tracked (instances of Python subclasses are,
/// through their class and `__dict__`).
#[derive(Trace)]
pub struct Socket {
    pub fd: Cell<i32>,
    pub family: Cell<i32>,
    pub kind: Cell<i32>,
    pub proto: Cell<i32>,
    pub timeout: Cell<i64>,
    /// The host boundary: no Python objects.
    #[trace(skip)]
    pub host: Rc<dyn Host>,
}

payload!(Socket, SOCKET_KIND, "socket", needs_finalize = needs_close);

/// A socket that dies open goes through `__del__` (CPython's
/// `sock_finalize`: a ResourceWarning, then the close).
fn needs_close(h: &adder_object::Header) -> bool {
    h.payload::<Socket>().is_some_and(|s| s.fd.get() >= 0)
}

impl Drop for Socket {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 {
            let _ = self.host.close(fd);
        }
    }
}

impl Socket {
    pub fn new(host: Rc<dyn Host>) -> Socket {
        Socket {
            fd: Cell::new(-1),
            family: Cell::new(AF_INET),
            kind: Cell::new(SOCK_STREAM),
            proto: Cell::new(0),
            timeout: Cell::new(-1),
            host,
        }
    }
}

/// Creates the type and registers its methods.
pub fn make_type(vm: &mut Vm) -> Value {
    let object = vm.t.object.clone();
    let t = native::new_type(
        vm,
        "_socket",
        "socket",
        &object,
        <Socket as adder_object::heap::Payload>::vtable(),
        SOCKET_KIND,
        tflags::BASETYPE,
    );
    vm.set_new(&t, sock_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", sock_init),
        ("__repr__", sock_repr),
        ("__del__", sock_del),
        ("fileno", fileno),
        ("close", close),
        ("detach", detach),
        ("settimeout", settimeout),
        ("gettimeout", gettimeout),
        ("setblocking", setblocking),
        ("getblocking", getblocking),
        ("bind", bind),
        ("listen", listen),
        ("shutdown", shutdown),
        ("getsockname", getsockname),
        ("getpeername", getpeername),
        ("getsockopt", getsockopt),
        ("setsockopt", setsockopt),
        ("_accept", io::accept),
        ("connect", io::connect),
        ("connect_ex", io::connect_ex),
        ("send", io::send),
        ("sendall", io::sendall),
        ("sendto", io::sendto),
        ("recv", io::recv),
        ("recvfrom", io::recvfrom),
        ("recv_into", io::recv_into),
        ("recvfrom_into", io::recvfrom_into),
        ("sendmsg", msg::sendmsg),
        ("recvmsg", msg::recvmsg),
        ("recvmsg_into", msg::recvmsg_into),
    ];
    for &(name, f) in methods {
        vm.add_method(&t, name, f);
    }
    vm.add_getset(&t, "family", get_family, Some(readonly));
    vm.add_getset(&t, "type", get_type, Some(readonly));
    vm.add_getset(&t, "proto", get_proto, Some(readonly));
    vm.add_getset(&t, "timeout", get_timeout, None);
    t
}

/// The socket `self` of a method call, or CPython's descriptor error.
pub fn me<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a Socket> {
    match args.pos.first() {
        None => Err(vm.type_error(format!(
            "descriptor '{name}' of '_socket.socket' object needs an argument"
        ))),
        Some(v) => v.downcast::<Socket>().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for '_socket.socket' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
    }
}

/// The arguments after `self`.
pub fn rest(args: &Args) -> Args {
    Args {
        pos: args
            .pos
            .get(1..)
            .unwrap_or_default()
            .iter()
            .cloned()
            .collect(),
        kw: args.kw.clone(),
    }
}

fn sock_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos.first().cloned().unwrap_or(Value::NONE);
    Ok(vm.alloc_builtin(&cls, Socket::new(vm.host.clone())))
}

/// `internal_setblocking`: the descriptor's `O_NONBLOCK` flag.
pub fn set_blocking(vm: &mut Vm, s: &Socket, block: bool) -> PyResult<()> {
    let r = s.host.set_blocking(s.fd.get(), block);
    util::check(vm, r, None)
}

/// CPython's `init_sockobject`: records the descriptor and its triple
/// (without the `SOCK_NONBLOCK`/`SOCK_CLOEXEC` bits) and applies the
/// default timeout.
pub fn init_object(
    vm: &mut Vm,
    obj: &Value,
    fd: i32,
    family: i32,
    kind: i32,
    proto: i32,
) -> PyResult<()> {
    let default = default_timeout(vm)?;
    let Some(s) = obj.downcast::<Socket>() else {
        return Err(vm.type_error("socket object expected"));
    };
    s.fd.set(fd);
    s.family.set(family);
    s.kind.set(kind & !(SOCK_NONBLOCK | SOCK_CLOEXEC));
    s.proto.set(proto);
    if kind & SOCK_NONBLOCK != 0 {
        s.timeout.set(0);
    } else {
        s.timeout.set(default);
        if default >= 0 {
            set_blocking(vm, s, false)?;
        }
    }
    Ok(())
}

/// An int socket option of `fd`, read with `getsockopt`.
fn int_option(host: &dyn Host, fd: i32, name: i32) -> adder_host::HostResult<i32> {
    let b = host.getsockopt(fd, SOL_SOCKET, name, 4)?;
    let mut a = [0u8; 4];
    a[..b.len().min(4)].copy_from_slice(&b[..b.len().min(4)]);
    Ok(i32::from_ne_bytes(a))
}

fn sock_init(vm: &mut Vm, args: Args) -> PyResult {
    me(vm, &args, "__init__")?;
    let sig = Sig {
        name: "socket",
        params: &["family", "type", "proto", "fileno"],
        posonly: 0,
        required: 0,
        maxpos: 4,
    };
    let a = sig.parse(vm, &args.pos[1..], &args.kw)?;
    let int_or = |vm: &mut Vm, v: &Option<Value>| -> PyResult<i32> {
        match v {
            Some(v) => arg_i(vm, v),
            None => Ok(-1),
        }
    };
    let mut family = int_or(vm, &a[0])?;
    let mut kind = int_or(vm, &a[1])?;
    let mut proto = int_or(vm, &a[2])?;
    let host = vm.host.clone();
    let fd = match a[3].as_ref().filter(|v| !v.is_none()) {
        Some(fdobj) => {
            let fd = arg_long(vm, fdobj)?;
            if fd < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            let fd = i32::try_from(fd).unwrap_or(i32::MAX);
            match host.getsockname(fd) {
                Ok(a) => {
                    if family == -1 {
                        family = a.map_or(adder_host::socket::AF_UNSPEC, |a| a.family());
                    }
                }
                Err(e) if e.errno == adder_host::EBADF || e.errno == adder_host::ENOTSOCK => {
                    return Err(util::plain_error(vm, &e));
                }
                Err(_) => {}
            }
            if kind == -1 {
                let r = int_option(&*host, fd, SO_TYPE);
                kind = util::check(vm, r, None)?;
            }
            if proto == -1 {
                let r = int_option(&*host, fd, SO_PROTOCOL);
                proto = util::check(vm, r, None)?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = AF_INET;
            }
            if kind == -1 {
                kind = SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            let r = host.socket(family, kind, proto);
            util::check(vm, r, None)?
        }
    };
    init_object(vm, &args.pos[0], fd, family, kind, proto)?;
    Ok(Value::NONE)
}

fn sock_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "__repr__")?;
    Ok(vm.new_string(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.kind.get(),
        s.proto.get()
    )))
}

/// `sock_finalize`: warns "unclosed <repr>" (ResourceWarning) while the
/// socket still works, then closes it. (CPython also passes the socket as
/// the warning's `source`; the pure-Python `warnings.warn_explicit` of 3.11
/// would take it for the output file, so it is left out.)
fn sock_del(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "__del__")?;
    if s.fd.get() < 0 {
        return Ok(Value::NONE);
    }
    let obj = args.pos[0].clone();
    let text = vm.repr_string(&obj)?;
    let w = native::import(vm, "_warnings")?;
    let msg = vm.new_string(format!("unclosed {text}"));
    let cat = vm.t.resource_warning.clone();
    let level = vm.new_int(1);
    let warned = vm.call_method(&w, "warn", vec![msg, cat, level]);
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        let _ = s.host.close(fd);
    }
    warned.map(|_| Value::NONE)
}

fn get_socket<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Socket> {
    v.downcast::<Socket>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor for '_socket.socket' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))
    })
}

/// `family`, `type` and `proto` are read-only members (`T_INT`, `READONLY`).
fn readonly(vm: &mut Vm, _obj: &Value, _v: Value) -> PyResult<()> {
    Err(vm.new_exception_msg(&vm.t.attribute_error.clone(), "readonly attribute"))
}

fn get_family(vm: &mut Vm, v: &Value) -> PyResult {
    let s = get_socket(vm, v)?;
    Ok(vm.new_int(i64::from(s.family.get())))
}

fn get_type(vm: &mut Vm, v: &Value) -> PyResult {
    let s = get_socket(vm, v)?;
    Ok(vm.new_int(i64::from(s.kind.get())))
}

fn get_proto(vm: &mut Vm, v: &Value) -> PyResult {
    let s = get_socket(vm, v)?;
    Ok(vm.new_int(i64::from(s.proto.get())))
}

fn get_timeout(vm: &mut Vm, v: &Value) -> PyResult {
    let s = get_socket(vm, v)?;
    Ok(timeout_value(vm, s.timeout.get()))
}

fn fileno(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "fileno")?;
    meth_noargs(vm, &rest(&args), "socket.fileno")?;
    Ok(vm.new_int(i64::from(s.fd.get())))
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "close")?;
    meth_noargs(vm, &rest(&args), "socket.close")?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        // Not retried on EINTR (the descriptor is gone either way);
        // ECONNRESET only reports the peer's reset (bpo-30319).
        if let Err(e) = s.host.close(fd) {
            if e.errno != adder_host::ECONNRESET {
                return Err(util::plain_error(vm, &e));
            }
        }
    }
    Ok(Value::NONE)
}

fn detach(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "detach")?;
    meth_noargs(vm, &rest(&args), "socket.detach")?;
    let fd = s.fd.replace(-1);
    Ok(vm.new_int(i64::from(fd)))
}

fn settimeout(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "settimeout")?;
    let v = meth_o(vm, &rest(&args), "socket.settimeout")?;
    let ns = parse_timeout(vm, &v)?;
    s.timeout.set(ns);
    set_blocking(vm, s, ns < 0)?;
    Ok(Value::NONE)
}

fn gettimeout(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "gettimeout")?;
    meth_noargs(vm, &rest(&args), "socket.gettimeout")?;
    Ok(timeout_value(vm, s.timeout.get()))
}

fn setblocking(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "setblocking")?;
    let v = meth_o(vm, &rest(&args), "socket.setblocking")?;
    let block = arg_long(vm, &v)? != 0;
    s.timeout.set(if block { -1 } else { 0 });
    set_blocking(vm, s, block)?;
    Ok(Value::NONE)
}

fn getblocking(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "getblocking")?;
    meth_noargs(vm, &rest(&args), "socket.getblocking")?;
    Ok(Value::from_bool(s.timeout.get() != 0))
}

fn bind(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "bind")?;
    let v = meth_o(vm, &rest(&args), "socket.bind")?;
    let a = addr::parse(vm, s.family.get(), &v, "bind")?;
    let r = s.host.bind(s.fd.get(), &a);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn listen(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "listen")?;
    let a = rest(&args);
    tuple_count(vm, &a, "listen", 0, 1)?;
    let backlog = match a.pos.first() {
        Some(v) => arg_i(vm, v)?.max(0),
        None => adder_host::socket::SOMAXCONN.min(128),
    };
    let r = s.host.listen(s.fd.get(), backlog);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn shutdown(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "shutdown")?;
    let v = meth_o(vm, &rest(&args), "socket.shutdown")?;
    let how = crate::args::c_int(vm, &v)?;
    let r = s.host.shutdown(s.fd.get(), how);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn getsockname(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "getsockname")?;
    meth_noargs(vm, &rest(&args), "socket.getsockname")?;
    let r = s.host.getsockname(s.fd.get());
    let a = util::check(vm, r, None)?;
    Ok(addr::make(vm, a.as_ref()))
}

fn getpeername(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "getpeername")?;
    meth_noargs(vm, &rest(&args), "socket.getpeername")?;
    let r = s.host.getpeername(s.fd.get());
    let a = util::check(vm, r, None)?;
    Ok(addr::make(vm, a.as_ref()))
}

fn getsockopt(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "getsockopt")?;
    let a = rest(&args);
    tuple_count(vm, &a, "getsockopt", 2, 3)?;
    let level = arg_i(vm, &a.pos[0])?;
    let name = arg_i(vm, &a.pos[1])?;
    let buflen = match a.pos.get(2) {
        Some(v) => arg_i(vm, v)?,
        None => 0,
    };
    if buflen == 0 && s.family.get() == adder_host::socket::AF_VSOCK {
        // VSOCK options are 64-bit.
        let r = s.host.getsockopt(s.fd.get(), level, name, 8);
        let b = util::check(vm, r, None)?;
        let mut raw = [0u8; 8];
        raw[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
        let v = num_bigint::BigInt::from(u64::from_ne_bytes(raw));
        return Ok(vm.new_bigint(v));
    }
    if buflen == 0 {
        let r = s.host.getsockopt(s.fd.get(), level, name, 4);
        let b = util::check(vm, r, None)?;
        let mut raw = [0u8; 4];
        raw[..b.len().min(4)].copy_from_slice(&b[..b.len().min(4)]);
        return Ok(vm.new_int(i64::from(i32::from_ne_bytes(raw))));
    }
    if !(1..=1024).contains(&buflen) {
        return Err(addr::os_error_msg(vm, "getsockopt buflen out of range"));
    }
    let r = s.host.getsockopt(s.fd.get(), level, name, buflen as usize);
    let b = util::check(vm, r, None)?;
    Ok(vm.new_bytes(b))
}

fn setsockopt(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "setsockopt")?;
    let a = rest(&args);
    let fd = s.fd.get();
    if s.family.get() == adder_host::socket::AF_VSOCK {
        // setsockopt(level, opt, unsigned long long): VSOCK options are 64-bit.
        tuple_count(vm, &a, "setsockopt", 3, 3)?;
        let level = arg_i(vm, &a.pos[0])?;
        let name = arg_i(vm, &a.pos[1])?;
        let i = vm.index(&a.pos[2])?;
        let mask = num_bigint::BigInt::from(u64::MAX);
        let flag = num_traits::ToPrimitive::to_u64(&(i & mask)).unwrap_or(0);
        let r = s
            .host
            .setsockopt(fd, level, name, Some(&flag.to_ne_bytes()), 8);
        util::check(vm, r, None)?;
        return Ok(Value::NONE);
    }
    // setsockopt(level, opt, int), then setsockopt(level, opt, None, optlen);
    // a form that does not parse falls through to the buffer form, whose
    // error is the one reported (as CPython's successive PyArg_ParseTuple).
    if a.kw.is_empty() && a.pos.len() == 3 && adder_vm::num::is_int(&a.pos[2]) {
        let parsed = (|| -> PyResult<(i32, i32, i32)> {
            Ok((
                arg_i(vm, &a.pos[0])?,
                arg_i(vm, &a.pos[1])?,
                arg_i(vm, &a.pos[2])?,
            ))
        })();
        if let Ok((level, name, flag)) = parsed {
            let r = s
                .host
                .setsockopt(fd, level, name, Some(&flag.to_ne_bytes()), 4);
            util::check(vm, r, None)?;
            return Ok(Value::NONE);
        }
    }
    if a.kw.is_empty() && a.pos.len() == 4 && a.pos[2].is_none() && adder_vm::num::is_int(&a.pos[3])
    {
        let parsed = (|| -> PyResult<(i32, i32, u32)> {
            Ok((
                arg_i(vm, &a.pos[0])?,
                arg_i(vm, &a.pos[1])?,
                super::arg_uint_mask(vm, &a.pos[3])?,
            ))
        })();
        if let Ok((level, name, optlen)) = parsed {
            let r = s.host.setsockopt(fd, level, name, None, optlen);
            util::check(vm, r, None)?;
            return Ok(Value::NONE);
        }
    }
    // setsockopt(level, opt, buffer)
    tuple_count(vm, &a, "setsockopt", 3, 3)?;
    let level = arg_i(vm, &a.pos[0])?;
    let name = arg_i(vm, &a.pos[1])?;
    let buf = crate::args::buffer(vm, &a.pos[2])?;
    let r = s
        .host
        .setsockopt(fd, level, name, Some(&buf), buf.len() as u32);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}
