//! The `_socket` module (CPython 3.11: Modules/socketmodule.c), through the
//! host's socket calls: the `socket` type (in `object`, `io`, `msg`),
//! address conversion (`addr`), the name service (`resolve`), textual IP
//! addresses (`inet`), and here the module itself — constants, exceptions,
//! byte-order and `inet_*` helpers, `socketpair`, `dup`, `close` and the
//! default timeout.
//!
//! Invariant: the module's state (the default timeout, in nanoseconds, -1
//! for none) lives in its own dict under `_defaulttimeout`; every OS
//! interaction goes through `vm.host`; argument errors carry the messages
//! CPython's `PyArg_Parse*` formats produce for the same call.

mod addr;
mod inet;
mod io;
mod msg;
mod object;
mod resolve;

use adder_host::socket::{self as hs, AF_INET, AF_INET6, AF_UNIX, SOCK_STREAM};
use adder_object::Value;
use adder_vm::objects::string::Str;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};
use num_traits::{Signed, ToPrimitive};

use crate::args::{self, no_kw, tuple_count};
use crate::util;

pub use object::Socket;

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    native::module_add_ints(vm, m, hs::SOCKET_CONSTS);
    let any = vm.new_str("00:00:00:00:00:00");
    native::module_set(vm, m, "BDADDR_ANY", any);
    let local = vm.new_str("00:00:00:FF:FF:FF");
    native::module_set(vm, m, "BDADDR_LOCAL", local);
    native::module_set(vm, m, "has_ipv6", Value::TRUE);
    let minus_one = vm.new_int(-1);
    native::module_set(vm, m, "_defaulttimeout", minus_one);

    let os_error = vm.t.os_error.clone();
    native::module_set(vm, m, "error", os_error.clone());
    let timeout = vm.t.timeout_error.clone();
    native::module_set(vm, m, "timeout", timeout);
    for name in ["herror", "gaierror"] {
        let ty = new_exception_type(vm, name, &os_error)?;
        native::module_set(vm, m, name, ty);
    }

    let t = object::make_type(vm);
    native::module_set(vm, m, "socket", t.clone());
    native::module_set(vm, m, "SocketType", t);

    let fns: &[(&'static str, NativeFn)] = &[
        ("socketpair", socketpair),
        ("dup", dup),
        ("close", close),
        ("getdefaulttimeout", getdefaulttimeout),
        ("setdefaulttimeout", setdefaulttimeout),
        ("ntohs", ntohs),
        ("htons", htons),
        ("ntohl", ntohl),
        ("htonl", htonl),
        ("inet_aton", inet_aton),
        ("inet_ntoa", inet_ntoa),
        ("inet_pton", inet_pton),
        ("inet_ntop", inet_ntop),
        ("CMSG_LEN", cmsg_len),
        ("CMSG_SPACE", cmsg_space),
    ];
    native::module_add_fns(vm, m, fns);
    native::module_add_fns(vm, m, resolve::FUNCTIONS);
    Ok(())
}

/// A new exception class `socket.<name>` deriving from `base`.
fn new_exception_type(vm: &mut Vm, name: &str, base: &Value) -> PyResult {
    let n = vm.new_str(name);
    let b = vm.new_tuple(vec![base.clone()]);
    let d = vm.new_dict();
    let k = vm.new_str("__module__");
    let m = vm.new_str("socket");
    vm.dict_set(&d, k, m)?;
    let ty = vm.t.type_.clone();
    vm.call(&ty, vec![n, b, d])
}

/// The `_socket` module object (imported if need be).
fn module(vm: &mut Vm) -> PyResult<Value> {
    native::import(vm, "_socket")
}

/// The default timeout in nanoseconds (-1: none).
fn default_timeout(vm: &mut Vm) -> PyResult<i64> {
    let m = module(vm)?;
    Ok(native::module_get(&m, "_defaulttimeout")
        .and_then(|v| v.as_small_int())
        .unwrap_or(-1))
}

// ----- argument converters (PyArg_Parse formats) --------------------------------------

/// The `i` format: a C int, with getargs' overflow messages.
pub fn arg_i(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if args::is_float(v) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index(v)?;
    let Some(x) = i.to_i64() else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    if x > i64::from(i32::MAX) {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    if x < i64::from(i32::MIN) {
        return Err(vm.overflow_error("signed integer is less than minimum"));
    }
    Ok(x as i32)
}

/// The `n` format: a `Py_ssize_t`.
pub fn arg_n(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if args::is_float(v) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index(v)?;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// The `I` format: an unsigned int, keeping the low 32 bits (no range check).
pub fn arg_uint_mask(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    if args::is_float(v) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index(v)?;
    let low = &i & num_bigint::BigInt::from(0xffff_ffffu32);
    Ok(low.to_u32().unwrap_or(0))
}

/// `PyLong_AsLong` for METH_O arguments that take a socket descriptor.
fn arg_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if args::is_float(v) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index(v)?;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

/// A METH_O function `qual(arg)`: its one argument.
fn meth_o(vm: &Vm, args: &Args, qual: &str) -> PyResult<Value> {
    no_kw(vm, args, qual)?;
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos[0].clone())
}

/// A METH_NOARGS function `qual()`.
fn meth_noargs(vm: &Vm, args: &Args, qual: &str) -> PyResult<()> {
    no_kw(vm, args, qual)?;
    if !args.pos.is_empty() {
        return Err(vm.type_error(format!(
            "{qual}() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    Ok(())
}

/// The UTF-8 bytes of a str (`PyUnicode_AsUTF8`): a lone surrogate raises
/// the codec's `UnicodeEncodeError`.
pub fn utf8_of(vm: &mut Vm, v: &Value, s: &str) -> PyResult<Vec<u8>> {
    if adder_text::surrogate::has_surrogates(s) {
        let codec = vm.new_str("utf-8");
        vm.call_method(v, "encode", vec![codec])?;
    }
    Ok(s.as_bytes().to_vec())
}

/// A `s` format argument: the str's UTF-8 bytes (no embedded NUL).
fn arg_s(vm: &mut Vm, v: &Value, func: &str, pos: usize) -> PyResult<Vec<u8>> {
    let Some(s) = v.downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "{func}() argument {pos} must be str, not {}",
            vm.type_name(v)
        )));
    };
    let b = utf8_of(vm, v, s.as_str())?;
    if b.contains(&0) {
        return Err(vm.value_error("embedded null character"));
    }
    Ok(b)
}

/// A `y*` argument: any bytes-like object (`array.array` included, whose
/// buffer is its items' bytes), or CPython's "a bytes-like object is
/// required" TypeError.
pub fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = args::bytes_like(v) {
        return Ok(b);
    }
    if vm.type_name(v) == "array.array" {
        let b = vm.call_method(v, "tobytes", vec![])?;
        if let Some(b) = args::bytes_like(&b) {
            return Ok(b);
        }
    }
    Err(vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    )))
}

// ----- timeouts ------------------------------------------------------------------------

/// `socket_parse_timeout`: None → -1, else non-negative nanoseconds
/// (`_PyTime_FromSecondsObject` with `_PyTime_ROUND_TIMEOUT`).
pub fn parse_timeout(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_none() {
        return Ok(-1);
    }
    let ns: i64 = if args::is_float(v) {
        let d = adder_vm::num::as_float(v).unwrap_or(0.0);
        if d.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let x = d * 1e9;
        // _PyTime_ROUND_UP: away from zero.
        let x = if x >= 0.0 { x.ceil() } else { x.floor() };
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&x) {
            return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
        }
        x as i64
    } else {
        let i = vm.index(v)?;
        let too_big = || "timestamp too large to convert to C _PyTime_t";
        let secs = i.to_i64().ok_or_else(|| vm.overflow_error(too_big()))?;
        secs.checked_mul(1_000_000_000)
            .ok_or_else(|| vm.overflow_error(too_big()))?
    };
    if ns < 0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(ns)
}

/// `_PyTime_AsSecondsDouble`, or None for -1.
pub fn timeout_value(vm: &Vm, ns: i64) -> Value {
    if ns < 0 {
        return Value::NONE;
    }
    let secs = if ns % 1_000_000_000 == 0 {
        (ns / 1_000_000_000) as f64
    } else {
        ns as f64 / 1e9
    };
    vm.new_float(secs)
}

fn getdefaulttimeout(vm: &mut Vm, args: Args) -> PyResult {
    meth_noargs(vm, &args, "_socket.getdefaulttimeout")?;
    let ns = default_timeout(vm)?;
    Ok(timeout_value(vm, ns))
}

fn setdefaulttimeout(vm: &mut Vm, args: Args) -> PyResult {
    let v = meth_o(vm, &args, "_socket.setdefaulttimeout")?;
    let ns = parse_timeout(vm, &v)?;
    let m = module(vm)?;
    let nv = vm.new_int(ns);
    native::module_set(vm, &m, "_defaulttimeout", nv);
    Ok(Value::NONE)
}

// ----- descriptors ------------------------------------------------------------------------

fn socketpair(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "socketpair", 0, 3)?;
    let family = match args.pos.first() {
        Some(v) => arg_i(vm, v)?,
        None => AF_UNIX,
    };
    let kind = match args.pos.get(1) {
        Some(v) => arg_i(vm, v)?,
        None => SOCK_STREAM,
    };
    let proto = match args.pos.get(2) {
        Some(v) => arg_i(vm, v)?,
        None => 0,
    };
    let host = vm.host.clone();
    let r = crate::posix_retry(vm, |_| host.socketpair(family, kind, proto))?;
    let (a, b) = util::check(vm, r, None)?;
    let m = module(vm)?;
    let t = native::module_get(&m, "socket").unwrap_or(Value::NONE);
    let mut out = Vec::new();
    for fd in [a, b] {
        let s = vm.alloc_builtin(&t, Socket::new(vm.host.clone()));
        if let Err(e) = object::init_object(vm, &s, fd, family, kind, proto) {
            let _ = host.close(a);
            let _ = host.close(b);
            return Err(e);
        }
        out.push(s);
    }
    Ok(vm.new_tuple(out))
}

fn dup(vm: &mut Vm, args: Args) -> PyResult {
    let v = meth_o(vm, &args, "_socket.dup")?;
    let fd = arg_long(vm, &v)?;
    let fd = i32::try_from(fd).unwrap_or(-1);
    let r = vm.host.dup(fd);
    let new = util::check(vm, r, None)?;
    Ok(vm.new_int(i64::from(new)))
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let v = meth_o(vm, &args, "_socket.close")?;
    let fd = arg_long(vm, &v)?;
    let fd = i32::try_from(fd).unwrap_or(-1);
    match vm.host.close(fd) {
        Err(e) if e.errno != adder_host::ECONNRESET => Err(util::plain_error(vm, &e)),
        _ => Ok(Value::NONE),
    }
}

// ----- byte order ---------------------------------------------------------------------------

fn short_order(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    tuple_count(vm, &args, name, 1, 1)?;
    let x = arg_i(vm, &args.pos[0])?;
    if x < 0 {
        return Err(vm.overflow_error(format!(
            "{name}: can't convert negative Python int to C 16-bit unsigned integer"
        )));
    }
    if x > 0xffff {
        return Err(vm.overflow_error(format!(
            "{name}: Python int too large to convert to C 16-bit unsigned integer"
        )));
    }
    Ok(vm.new_int(i64::from((x as u16).swap_bytes())))
}

fn ntohs(vm: &mut Vm, args: Args) -> PyResult {
    short_order(vm, args, "ntohs")
}

fn htons(vm: &mut Vm, args: Args) -> PyResult {
    short_order(vm, args, "htons")
}

fn long_order(vm: &mut Vm, args: Args, qual: &str) -> PyResult {
    let v = meth_o(vm, &args, qual)?;
    if !adder_vm::num::is_int(&v) {
        return Err(vm.type_error(format!("expected int, {} found", vm.type_name(&v))));
    }
    let i = vm.index(&v)?;
    if i.is_negative() {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    let Some(x) = i.to_u64() else {
        return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
    };
    let Ok(x) = u32::try_from(x) else {
        return Err(vm.overflow_error("int larger than 32 bits"));
    };
    Ok(vm.new_int(i64::from(x.swap_bytes())))
}

fn ntohl(vm: &mut Vm, args: Args) -> PyResult {
    long_order(vm, args, "_socket.ntohl")
}

fn htonl(vm: &mut Vm, args: Args) -> PyResult {
    long_order(vm, args, "_socket.htonl")
}

// ----- textual addresses ------------------------------------------------------------------

fn inet_aton(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "inet_aton", 1, 1)?;
    let s = arg_s(vm, &args.pos[0], "inet_aton", 1)?;
    match inet::aton(&s) {
        Some(b) => Ok(vm.new_bytes(b.to_vec())),
        None => Err(addr::os_error_msg(
            vm,
            "illegal IP address string passed to inet_aton",
        )),
    }
}

fn inet_ntoa(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "inet_ntoa", 1, 1)?;
    let b = args::buffer(vm, &args.pos[0])?;
    let Ok(a) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(addr::os_error_msg(
            vm,
            "packed IP wrong length for inet_ntoa",
        ));
    };
    Ok(vm.new_string(inet::ntop4(&a)))
}

fn inet_pton(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "inet_pton", 2, 2)?;
    let af = arg_i(vm, &args.pos[0])?;
    let s = arg_s(vm, &args.pos[1], "inet_pton", 2)?;
    let r = match af {
        AF_INET => inet::pton4(&s).map(|a| a.to_vec()),
        AF_INET6 => inet::pton6(&s).map(|a| a.to_vec()),
        _ => return Err(util::errno_error(vm, adder_host::EAFNOSUPPORT)),
    };
    match r {
        Some(b) => Ok(vm.new_bytes(b)),
        None => Err(addr::os_error_msg(
            vm,
            "illegal IP address string passed to inet_pton",
        )),
    }
}

fn inet_ntop(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "inet_ntop", 2, 2)?;
    let af = arg_i(vm, &args.pos[0])?;
    let b = args::buffer(vm, &args.pos[1])?;
    let bad_len = |vm: &Vm| vm.value_error("invalid length of packed IP address string");
    let text = match af {
        AF_INET => match <[u8; 4]>::try_from(b.as_slice()) {
            Ok(a) => inet::ntop4(&a),
            Err(_) => return Err(bad_len(vm)),
        },
        AF_INET6 => match <[u8; 16]>::try_from(b.as_slice()) {
            Ok(a) => inet::ntop6(&a),
            Err(_) => return Err(bad_len(vm)),
        },
        _ => return Err(vm.value_error(format!("unknown address family {af}"))),
    };
    Ok(vm.new_string(text))
}

// ----- ancillary-data sizes ------------------------------------------------------------------

fn cmsg_size(vm: &mut Vm, args: Args, name: &str, f: fn(usize) -> Option<usize>) -> PyResult {
    tuple_count(vm, &args, name, 1, 1)?;
    let n = arg_n(vm, &args.pos[0])?;
    let r = usize::try_from(n).ok().and_then(f);
    match r {
        Some(v) => Ok(vm.new_int(v as i64)),
        None => Err(vm.overflow_error(format!("{name}() argument out of range"))),
    }
}

fn cmsg_len(vm: &mut Vm, args: Args) -> PyResult {
    cmsg_size(vm, args, "CMSG_LEN", hs::cmsg_len)
}

fn cmsg_space(vm: &mut Vm, args: Args) -> PyResult {
    cmsg_size(vm, args, "CMSG_SPACE", hs::cmsg_space)
}
