//! The name service of `_socket`: `getaddrinfo`, `getnameinfo`, the
//! `gethostby*` family, `gethostname`/`sethostname`, services, protocols
//! and network interfaces.
//!
//! Invariant: every lookup goes through the host's resolver; failures
//! become `socket.gaierror` (an `EAI_*` code with `gai_strerror`'s text),
//! `socket.herror` (an `h_errno` with `hstrerror`'s text) or `OSError`, as
//! CPython raises them.

use adder_host::socket::{AF_INET, AF_INET6, AF_UNSPEC, AI_NUMERICHOST, SOCK_DGRAM};
use adder_host::SockAddr;
use adder_object::Value;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::vm::NativeFn;
use adder_vm::{Args, PyResult, Vm};
use num_traits::{Signed, ToPrimitive};

use super::addr::{self, host_name_et, net_error, os_error_msg, setipaddr, Ip};
use super::{arg_i, arg_s, arg_uint_mask, meth_noargs, meth_o, utf8_of};
use crate::args::{tuple_count, Sig};
use crate::util;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getaddrinfo", getaddrinfo),
    ("getnameinfo", getnameinfo),
    ("gethostbyname", gethostbyname),
    ("gethostbyname_ex", gethostbyname_ex),
    ("gethostbyaddr", gethostbyaddr),
    ("gethostname", gethostname),
    ("sethostname", sethostname),
    ("getservbyname", getservbyname),
    ("getservbyport", getservbyport),
    ("getprotobyname", getprotobyname),
    ("if_nameindex", if_nameindex),
    ("if_nametoindex", if_nametoindex),
    ("if_indextoname", if_indextoname),
];

/// C strings end at the first NUL.
fn c_str(mut b: Vec<u8>) -> Vec<u8> {
    if let Some(i) = b.iter().position(|&c| c == 0) {
        b.truncate(i);
    }
    b
}

fn getaddrinfo(vm: &mut Vm, args: Args) -> PyResult {
    let sig = Sig {
        name: "getaddrinfo",
        params: &["host", "port", "family", "type", "proto", "flags"],
        posonly: 0,
        required: 2,
        maxpos: 6,
    };
    let a = sig.parse(vm, &args.pos, &args.kw)?;
    let hobj = a[0].clone().unwrap_or(Value::NONE);
    let pobj = a[1].clone().unwrap_or(Value::NONE);
    let mut ints = [0i32; 4];
    for (slot, v) in ints.iter_mut().zip(&a[2..]) {
        if let Some(v) = v {
            *slot = arg_i(vm, v)?;
        }
    }
    let host = if hobj.is_none() {
        None
    } else if let Some(s) = hobj.downcast::<Str>() {
        Some(c_str(addr::idna_encode(vm, &hobj, s.as_str())?))
    } else if let Some(b) = hobj.downcast::<Bytes>() {
        Some(c_str(b.b.to_vec()))
    } else {
        return Err(vm.type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port = if vm.type_of(&pobj).is(&vm.t.int) {
        let i = vm.index(&pobj)?;
        let Some(x) = i.to_i64() else {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        };
        Some(x.to_string().into_bytes())
    } else if let Some(s) = pobj.downcast::<Str>() {
        Some(c_str(utf8_of(vm, &pobj, s.as_str())?))
    } else if let Some(b) = pobj.downcast::<Bytes>() {
        Some(c_str(b.b.to_vec()))
    } else if pobj.is_none() {
        None
    } else {
        return Err(os_error_msg(vm, "Int or String expected"));
    };
    let [family, socktype, proto, flags] = ints;
    let r = vm.host.getaddrinfo(
        host.as_deref(),
        port.as_deref(),
        family,
        socktype,
        proto,
        flags,
    );
    let list = r.map_err(|e| net_error(vm, e))?;
    let mut out = Vec::new();
    for ai in list {
        let f = vm.new_int(i64::from(ai.family));
        let t = vm.new_int(i64::from(ai.socktype));
        let p = vm.new_int(i64::from(ai.protocol));
        let c = vm.new_string(util::decode(&ai.canonname));
        let sa = addr::make(vm, ai.addr.as_ref());
        out.push(vm.new_tuple(vec![f, t, p, c, sa]));
    }
    Ok(vm.new_list(out))
}

fn getnameinfo(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "getnameinfo", 2, 2)?;
    let flags = arg_i(vm, &args.pos[1])?;
    let sa = &args.pos[0];
    let Some(items) = sa
        .downcast::<adder_vm::objects::seq::Tuple>()
        .map(|t| t.items.to_vec())
    else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let illegal = |vm: &Vm| vm.type_error("getnameinfo(): illegal sockaddr argument");
    if !(2..=4).contains(&items.len()) {
        return Err(illegal(vm));
    }
    let Some(host) = items[0].downcast::<Str>() else {
        return Err(illegal(vm));
    };
    let host = utf8_of(vm, &items[0], host.as_str())?;
    if host.contains(&0) {
        return Err(vm.value_error("embedded null character"));
    }
    let port = arg_i(vm, &items[1])?;
    let flowinfo = match items.get(2) {
        Some(v) => arg_uint_mask(vm, v)?,
        None => 0,
    };
    let scope = match items.get(3) {
        Some(v) => arg_uint_mask(vm, v)?,
        None => 0,
    };
    if flowinfo > 0xfffff {
        return Err(vm.overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
    }
    let service = port.to_string().into_bytes();
    let r = vm.host.getaddrinfo(
        Some(&host),
        Some(&service),
        AF_UNSPEC,
        SOCK_DGRAM,
        0,
        AI_NUMERICHOST,
    );
    let list = r.map_err(|e| net_error(vm, e))?;
    if list.len() > 1 {
        return Err(os_error_msg(vm, "sockaddr resolved to multiple addresses"));
    }
    let target = match list.into_iter().next().and_then(|ai| ai.addr) {
        Some(a @ SockAddr::Inet { .. }) => {
            if items.len() != 2 {
                return Err(os_error_msg(vm, "IPv4 sockaddr must be 2 tuple"));
            }
            a
        }
        Some(SockAddr::Inet6 { addr, port, .. }) => SockAddr::Inet6 {
            addr,
            port,
            flowinfo,
            scope_id: scope,
        },
        Some(other) => other,
        None => return Err(os_error_msg(vm, "sockaddr resolved to multiple addresses")),
    };
    let r = vm.host.getnameinfo(&target, flags);
    let (h, s) = r.map_err(|e| net_error(vm, e))?;
    let hv = vm.new_string(util::decode(&h));
    let sv = vm.new_string(util::decode(&s));
    Ok(vm.new_tuple(vec![hv, sv]))
}

fn gethostbyname(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "gethostbyname", 1, 1)?;
    let name = host_name_et(vm, &args.pos[0], "gethostbyname")?;
    let ip = setipaddr(vm, &name, AF_INET)?;
    Ok(vm.new_string(addr::ip_text(&ip)))
}

/// CPython's `gethost_common`: (name, aliases, addresses).
fn host_tuple(vm: &mut Vm, h: adder_host::HostEnt, af: i32) -> PyResult {
    if h.family != af {
        return Err(util::errno_error(vm, adder_host::EAFNOSUPPORT));
    }
    let name = vm.new_string(util::decode(&h.name));
    let aliases: Vec<Value> = h
        .aliases
        .iter()
        .map(|a| vm.new_string(util::decode(a)))
        .collect();
    let mut addrs = Vec::new();
    for a in &h.addrs {
        let text = if let Ok(v4) = <[u8; 4]>::try_from(a.as_slice()) {
            addr::ip_text(&Ip::V4(v4))
        } else if let Ok(v6) = <[u8; 16]>::try_from(a.as_slice()) {
            addr::ip_text(&Ip::V6(v6))
        } else {
            continue;
        };
        addrs.push(vm.new_string(text));
    }
    let aliases = vm.new_list(aliases);
    let addrs = vm.new_list(addrs);
    Ok(vm.new_tuple(vec![name, aliases, addrs]))
}

fn gethostbyname_ex(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "gethostbyname_ex", 1, 1)?;
    let name = host_name_et(vm, &args.pos[0], "gethostbyname_ex")?;
    setipaddr(vm, &name, AF_INET)?;
    let r = vm.host.gethostbyname(&name);
    let h = r.map_err(|e| net_error(vm, e))?;
    host_tuple(vm, h, AF_INET)
}

fn gethostbyaddr(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "gethostbyaddr", 1, 1)?;
    let name = host_name_et(vm, &args.pos[0], "gethostbyaddr")?;
    let ip = setipaddr(vm, &name, AF_UNSPEC)?;
    let (bytes, af) = match ip {
        Ip::V4(a) => (a.to_vec(), AF_INET),
        Ip::V6(a) => (a.to_vec(), AF_INET6),
    };
    let r = vm.host.gethostbyaddr(&bytes, af);
    let h = r.map_err(|e| net_error(vm, e))?;
    host_tuple(vm, h, af)
}

fn gethostname(vm: &mut Vm, args: Args) -> PyResult {
    meth_noargs(vm, &args, "_socket.gethostname")?;
    let r = vm.host.gethostname();
    let name = util::check(vm, r, None)?;
    Ok(vm.new_string(util::decode(&name)))
}

fn sethostname(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "sethostname", 1, 1)?;
    let v = &args.pos[0];
    let name = if let Some(b) = v.downcast::<Bytes>() {
        b.b.to_vec()
    } else {
        let spec = util::PathSpec::new("sethostname", "name");
        util::path(vm, v, spec)?.bytes
    };
    let r = vm.host.sethostname(&name);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn getservbyname(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "getservbyname", 1, 2)?;
    let name = arg_s(vm, &args.pos[0], "getservbyname", 1)?;
    let proto = match args.pos.get(1) {
        Some(p) => Some(arg_s(vm, p, "getservbyname", 2)?),
        None => None,
    };
    match vm.host.getservbyname(&name, proto.as_deref()) {
        Some(port) => Ok(vm.new_int(i64::from(port))),
        None => Err(os_error_msg(vm, "service/proto not found")),
    }
}

fn getservbyport(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "getservbyport", 1, 2)?;
    let port = arg_i(vm, &args.pos[0])?;
    let proto = match args.pos.get(1) {
        Some(p) => Some(arg_s(vm, p, "getservbyport", 2)?),
        None => None,
    };
    let Ok(port) = u16::try_from(port) else {
        return Err(vm.overflow_error("getservbyport: port must be 0-65535."));
    };
    match vm.host.getservbyport(port, proto.as_deref()) {
        Some(name) => Ok(vm.new_string(util::decode(&name))),
        None => Err(os_error_msg(vm, "port/proto not found")),
    }
}

fn getprotobyname(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "getprotobyname", 1, 1)?;
    let name = arg_s(vm, &args.pos[0], "getprotobyname", 1)?;
    match vm.host.getprotobyname(&name) {
        Some(p) => Ok(vm.new_int(i64::from(p))),
        None => Err(os_error_msg(vm, "protocol not found")),
    }
}

fn if_nameindex(vm: &mut Vm, args: Args) -> PyResult {
    meth_noargs(vm, &args, "_socket.if_nameindex")?;
    let r = vm.host.if_nameindex();
    let list = util::check(vm, r, None)?;
    let mut out = Vec::new();
    for (i, name) in list {
        let iv = vm.new_int(i64::from(i));
        let nv = vm.new_string(util::decode(&name));
        out.push(vm.new_tuple(vec![iv, nv]));
    }
    Ok(vm.new_list(out))
}

fn if_nametoindex(vm: &mut Vm, args: Args) -> PyResult {
    tuple_count(vm, &args, "if_nametoindex", 1, 1)?;
    let v = &args.pos[0];
    let name = match util::fspath(vm, v)? {
        Some(p) => {
            if let Some(s) = p.downcast::<Str>() {
                util::encode(vm, s.as_str())?
            } else {
                adder_vm::ops::bytes_of(&p).unwrap_or_default()
            }
        }
        None => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(v)
            )))
        }
    };
    match vm.host.if_nametoindex(&name) {
        0 => Err(os_error_msg(vm, "no interface with this name")),
        i => Ok(vm.new_int(i64::from(i))),
    }
}

fn if_indextoname(vm: &mut Vm, args: Args) -> PyResult {
    let v = meth_o(vm, &args, "_socket.if_indextoname")?;
    if !adder_vm::num::is_int(&v) {
        return Err(vm.type_error("an integer is required"));
    }
    let i = vm.index(&v)?;
    if i.is_negative() {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    let Some(index) = i.to_u64() else {
        return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
    };
    let Ok(index) = u32::try_from(index) else {
        return Err(vm.overflow_error("index too large"));
    };
    let r = vm.host.if_indextoname(index);
    let name = util::check(vm, r, None)?;
    Ok(vm.new_string(util::decode(&name)))
}
