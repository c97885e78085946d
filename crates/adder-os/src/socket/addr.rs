//! Socket addresses between Python and the host: CPython's
//! `getsockaddrarg` (a Python address for a socket's family → [`SockAddr`]),
//! `makesockaddr` (the reverse), `setipaddr` (a host name or numeric
//! address → IP bytes, through the host's resolver) and the
//! `idna_converter` for host names; plus raising `gaierror`/`herror`.
//!
//! Invariant: every conversion either yields the address the C code would
//! have passed to the kernel or raises CPython's exception with CPython's
//! message; name resolution happens only through `vm.host`.

use adder_host::socket::{AF_INET, AF_INET6, AF_NETLINK, AF_UNIX, AF_UNSPEC, AF_VSOCK};
use adder_host::{NetError, SockAddr};
use adder_object::Value;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::{ByteArray, Bytes, Str};
use adder_vm::{native, PyResult, Vm};

use super::inet;
use super::{arg_i, arg_uint_mask};
use crate::util;

/// The exception for a failed name-service call: `socket.gaierror`,
/// `socket.herror` or the `OSError` for an errno.
pub fn net_error(vm: &mut Vm, e: NetError) -> Value {
    let (class, code, message) = match e {
        NetError::Os(e) => return util::plain_error(vm, &e),
        NetError::Gai { code, message } => ("gaierror", code, message),
        NetError::Host { code, message } => ("herror", code, message),
    };
    let m = match native::import(vm, "_socket") {
        Ok(m) => m,
        Err(e) => return e,
    };
    let Some(ty) = native::module_get(&m, class) else {
        return vm.new_exception_msg(&vm.t.os_error.clone(), message);
    };
    let code = vm.new_int(i64::from(code));
    let msg = vm.new_string(message);
    match vm.call(&ty, vec![code, msg]) {
        Ok(exc) | Err(exc) => exc,
    }
}

/// A plain `OSError(msg)` (no errno), as `PyErr_SetString(PyExc_OSError, ...)`.
pub fn os_error_msg(vm: &mut Vm, msg: &str) -> Value {
    vm.new_exception_msg(&vm.t.os_error.clone(), msg)
}

/// CPython's `idna_converter`: a host name as bytes (exact ASCII str as it
/// is, other str through the `idna` codec, bytes and bytearray raw).
pub fn host_name(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let raw = if let Some(s) = v.downcast::<Str>() {
        let exact = vm.type_of(v).is(&vm.t.str);
        if exact && s.as_str().is_ascii() {
            s.as_str().as_bytes().to_vec()
        } else {
            let codec = vm.new_str("idna");
            match vm.call_method(v, "encode", vec![codec]) {
                Ok(b) => adder_vm::ops::bytes_of(&b).unwrap_or_default(),
                Err(_) => return Err(vm.type_error("encoding of hostname failed")),
            }
        }
    } else if let Some(b) = v.downcast::<Bytes>() {
        b.b.to_vec()
    } else if let Some(b) = v.downcast::<ByteArray>() {
        b.b.borrow().clone()
    } else {
        return Err(vm.type_error(format!(
            "str, bytes or bytearray expected, not {}",
            vm.type_name(v)
        )));
    };
    if raw.contains(&0) {
        return Err(vm.type_error("host name must not contain null character"));
    }
    Ok(raw)
}

/// `str.encode("idna")` for a host name, with the codec's ASCII fast path
/// done here (label lengths checked, the bytes unchanged) and other text
/// handed to the `encodings.idna` codec.
pub fn idna_encode(vm: &mut Vm, v: &Value, s: &str) -> PyResult<Vec<u8>> {
    if !s.is_ascii() {
        let codec = vm.new_str("idna");
        let b = vm.call_method(v, "encode", vec![codec])?;
        return Ok(adder_vm::ops::bytes_of(&b).unwrap_or_default());
    }
    let labels: Vec<&str> = s.split('.').collect();
    let problem = if s.is_empty() {
        None
    } else if labels[..labels.len() - 1]
        .iter()
        .any(|l| l.is_empty() || l.len() >= 64)
    {
        Some("label empty or too long")
    } else if labels.last().is_some_and(|l| l.len() >= 64) {
        Some("label too long")
    } else {
        None
    };
    if let Some(p) = problem {
        let msg = format!("encoding with 'idna' codec failed (UnicodeError: {p})");
        return Err(vm.new_exception_msg(&vm.t.unicode_error.clone(), msg));
    }
    Ok(s.as_bytes().to_vec())
}

/// A host name for the `et` format with the `idna` encoding (the
/// `gethostby*` functions): str through the codec, bytes-likes raw.
pub fn host_name_et(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Vec<u8>> {
    let raw = if let Some(s) = v.downcast::<Str>() {
        idna_encode(vm, v, s.as_str())?
    } else if let Some(b) = v.downcast::<Bytes>() {
        b.b.to_vec()
    } else if let Some(b) = v.downcast::<ByteArray>() {
        b.b.borrow().clone()
    } else {
        return Err(vm.type_error(format!(
            "{func}() argument 1 must be str, bytes or bytearray, not {}",
            vm.type_name(v)
        )));
    };
    if raw.contains(&0) {
        return Err(vm.type_error(format!(
            "{func}() argument 1 must be encoded string without null bytes, not {}",
            vm.type_name(v)
        )));
    }
    Ok(raw)
}

/// An IP address as `setipaddr` resolves it.
#[derive(Clone, Copy, Debug)]
pub enum Ip {
    V4([u8; 4]),
    V6([u8; 16]),
}

/// CPython's `setipaddr`: "" is the wildcard, "<broadcast>" and
/// "255.255.255.255" the broadcast address, numeric addresses are parsed
/// without a lookup, anything else goes to `getaddrinfo`.
pub fn setipaddr(vm: &mut Vm, name: &[u8], af: i32) -> PyResult<Ip> {
    let host = vm.host.clone();
    let first = |vm: &mut Vm, list: Vec<adder_host::AddrInfo>| -> PyResult<Ip> {
        match list.into_iter().next().and_then(|ai| ai.addr) {
            Some(SockAddr::Inet { addr, .. }) => Ok(Ip::V4(addr)),
            Some(SockAddr::Inet6 { addr, .. }) => Ok(Ip::V6(addr)),
            _ => Err(os_error_msg(vm, "unknown address family")),
        }
    };
    if name.is_empty() {
        let list = host
            .getaddrinfo(
                None,
                Some(b"0"),
                af,
                adder_host::socket::SOCK_DGRAM,
                0,
                adder_host::socket::AI_PASSIVE,
            )
            .map_err(|e| net_error(vm, e))?;
        if list.len() > 1 {
            return Err(os_error_msg(vm, "wildcard resolved to multiple address"));
        }
        return match list.first().and_then(|ai| ai.addr.clone()) {
            Some(SockAddr::Inet { addr, .. }) => Ok(Ip::V4(addr)),
            Some(SockAddr::Inet6 { addr, .. }) => Ok(Ip::V6(addr)),
            _ => Err(os_error_msg(vm, "unsupported address family")),
        };
    }
    if name == b"255.255.255.255" || name == b"<broadcast>" {
        if af != AF_INET && af != AF_UNSPEC {
            return Err(os_error_msg(vm, "address family mismatched"));
        }
        return Ok(Ip::V4([255; 4]));
    }
    if af == AF_UNSPEC || af == AF_INET {
        if let Some(a) = inet::pton4(name) {
            return Ok(Ip::V4(a));
        }
    }
    if (af == AF_UNSPEC || af == AF_INET6) && !name.contains(&b'%') {
        if let Some(a) = inet::pton6(name) {
            return Ok(Ip::V6(a));
        }
    }
    let list = host
        .getaddrinfo(Some(name), None, af, 0, 0, 0)
        .map_err(|e| net_error(vm, e))?;
    first(vm, list)
}

/// The text of an IP address (`inet_ntop`).
pub fn ip_text(ip: &Ip) -> String {
    match ip {
        Ip::V4(a) => inet::ntop4(a),
        Ip::V6(a) => inet::ntop6(a),
    }
}

fn tuple_items(v: &Value) -> Option<Vec<Value>> {
    v.downcast::<Tuple>().map(|t| t.items.to_vec())
}

/// A port from an address tuple (`i` format); an overflow is reported as
/// CPython's "port must be 0-65535." (the range is checked later, after
/// the host name resolved, as in `getsockaddrarg`).
fn port_int(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<i32> {
    match arg_i(vm, v) {
        Ok(p) => Ok(p),
        Err(e) if vm.type_name(&e) == "OverflowError" => Err(port_range(vm, caller)),
        Err(e) => Err(e),
    }
}

fn port_range(vm: &Vm, caller: &str) -> Value {
    vm.overflow_error(format!("{caller}(): port must be 0-65535."))
}

/// CPython's `getsockaddrarg`: the address `v` for a socket of `family`.
pub fn parse(vm: &mut Vm, family: i32, v: &Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        AF_UNIX => {
            let path = if let Some(s) = v.downcast::<Str>() {
                util::encode(vm, s.as_str())?
            } else {
                crate::args::buffer(vm, v)?
            };
            let abstract_ns = path.first().is_none_or(|&b| b == 0);
            let max = adder_host::socket::UNIX_PATH_MAX;
            if (abstract_ns && path.len() > max) || (!abstract_ns && path.len() >= max) {
                return Err(os_error_msg(vm, "AF_UNIX path too long"));
            }
            Ok(SockAddr::Unix(path))
        }
        AF_INET => {
            let Some(items) = tuple_items(v) else {
                return Err(vm.type_error(format!(
                    "{caller}(): AF_INET address must be tuple, not {}",
                    vm.type_name(v)
                )));
            };
            if items.len() != 2 {
                return Err(vm.type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = host_name(vm, &items[0])?;
            let port = port_int(vm, &items[1], caller)?;
            let ip = setipaddr(vm, &host, AF_INET)?;
            let Ip::V4(addr) = ip else {
                return Err(os_error_msg(vm, "unknown address family"));
            };
            let port = u16::try_from(port).map_err(|_| port_range(vm, caller))?;
            Ok(SockAddr::Inet { addr, port })
        }
        AF_INET6 => {
            let Some(items) = tuple_items(v) else {
                return Err(vm.type_error(format!(
                    "{caller}(): AF_INET6 address must be tuple, not {}",
                    vm.type_name(v)
                )));
            };
            if !(2..=4).contains(&items.len()) {
                return Err(vm.type_error(
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
                ));
            }
            let host = host_name(vm, &items[0])?;
            let port = port_int(vm, &items[1], caller)?;
            let flowinfo = match items.get(2) {
                Some(f) => arg_uint_mask(vm, f)?,
                None => 0,
            };
            let scope_id = match items.get(3) {
                Some(s) => arg_uint_mask(vm, s)?,
                None => 0,
            };
            let ip = setipaddr(vm, &host, AF_INET6)?;
            let Ip::V6(addr) = ip else {
                return Err(os_error_msg(vm, "unknown address family"));
            };
            let port = u16::try_from(port).map_err(|_| port_range(vm, caller))?;
            if flowinfo > 0xfffff {
                return Err(vm.overflow_error(format!("{caller}(): flowinfo must be 0-1048575.")));
            }
            Ok(SockAddr::Inet6 {
                addr,
                port,
                flowinfo,
                scope_id,
            })
        }
        AF_NETLINK | AF_VSOCK => {
            let what = if family == AF_NETLINK {
                ("AF_NETLINK", "(pid, groups)")
            } else {
                ("AF_VSOCK", "(cid, port)")
            };
            let Some(items) = tuple_items(v) else {
                return Err(vm.type_error(format!(
                    "{caller}(): {} address must be tuple, not {}",
                    what.0,
                    vm.type_name(v)
                )));
            };
            if items.len() != 2 {
                return Err(vm.type_error(format!("{} address must be a pair {}", what.0, what.1)));
            }
            let a = arg_uint_mask(vm, &items[0])?;
            let b = arg_uint_mask(vm, &items[1])?;
            Ok(if family == AF_NETLINK {
                SockAddr::Netlink { pid: a, groups: b }
            } else {
                SockAddr::Vsock { cid: a, port: b }
            })
        }
        _ => Err(os_error_msg(vm, &format!("{caller}(): bad family"))),
    }
}

/// CPython's `makesockaddr`: None for an empty address.
pub fn make(vm: &mut Vm, addr: Option<&SockAddr>) -> Value {
    let Some(addr) = addr else {
        return Value::NONE;
    };
    match addr {
        SockAddr::Inet { addr, port } => {
            let h = vm.new_string(inet::ntop4(addr));
            let p = vm.new_int(i64::from(*port));
            vm.new_tuple(vec![h, p])
        }
        SockAddr::Inet6 {
            addr,
            port,
            flowinfo,
            scope_id,
        } => {
            let h = vm.new_string(inet::ntop6(addr));
            let p = vm.new_int(i64::from(*port));
            let f = vm.new_int(i64::from(*flowinfo));
            let s = vm.new_int(i64::from(*scope_id));
            vm.new_tuple(vec![h, p, f, s])
        }
        SockAddr::Unix(path) => {
            if path.first() == Some(&0) {
                vm.new_bytes(path.clone())
            } else {
                let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
                vm.new_string(util::decode(&path[..end]))
            }
        }
        SockAddr::Netlink { pid, groups } => {
            let a = vm.new_int(i64::from(*pid));
            let b = vm.new_int(i64::from(*groups));
            vm.new_tuple(vec![a, b])
        }
        SockAddr::Vsock { cid, port } => {
            let a = vm.new_int(i64::from(*cid));
            let b = vm.new_int(i64::from(*port));
            vm.new_tuple(vec![a, b])
        }
        SockAddr::Other { family, data } => {
            let f = vm.new_int(i64::from(*family));
            let d = vm.new_bytes(data.clone());
            vm.new_tuple(vec![f, d])
        }
    }
}
