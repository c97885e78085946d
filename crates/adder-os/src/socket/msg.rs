//! `sendmsg`, `recvmsg` and `recvmsg_into` on `_socket.socket`: scatter/
//! gather data and ancillary items (`SCM_RIGHTS` descriptors, credentials).
//!
//! Invariant: the buffers of `sendmsg` are gathered into one host request
//! and `recvmsg_into` scatters what one host `recvmsg` returned, in order —
//! the same bytes the kernel's iovec handling would move; ancillary items
//! cross the host boundary as (level, type, data) values.

use adder_host::AncData;
use adder_object::Value;
use adder_vm::{Args, PyResult, Vm};

use super::object::{me, rest};
use super::{addr, arg_i, arg_n, bytes_arg, io};
use crate::args::tuple_count;

fn iterable(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    if vm.iter(v).is_err() {
        return Err(vm.type_error(msg));
    }
    vm.iterate(v)
}

pub fn sendmsg(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "sendmsg")?;
    let a = rest(&args);
    tuple_count(vm, &a, "sendmsg", 1, 4)?;
    let items = iterable(vm, &a.pos[0], "sendmsg() argument 1 must be an iterable")?;
    let mut data = Vec::new();
    for it in &items {
        data.extend(bytes_arg(vm, it)?);
    }
    let mut anc = Vec::new();
    if let Some(c) = a.pos.get(1) {
        let list = iterable(vm, c, "sendmsg() argument 2 must be an iterable")?;
        let ctx = "[sendmsg() ancillary data items]()";
        for item in list {
            let Some(t) = item
                .downcast::<adder_vm::objects::seq::Tuple>()
                .map(|t| t.items.to_vec())
            else {
                return Err(vm.type_error(format!(
                    "{ctx} argument must be 3-item sequence, not {}",
                    vm.type_name(&item)
                )));
            };
            if t.len() != 3 {
                return Err(vm.type_error(format!(
                    "{ctx} argument must be sequence of length 3, not {}",
                    t.len()
                )));
            }
            let level = arg_i(vm, &t[0])?;
            let kind = arg_i(vm, &t[1])?;
            let payload = bytes_arg(vm, &t[2])?;
            anc.push(AncData {
                level,
                kind,
                data: payload,
            });
        }
    }
    let flags = match a.pos.get(2) {
        Some(v) => arg_i(vm, v)?,
        None => 0,
    };
    let to = match a.pos.get(3).filter(|v| !v.is_none()) {
        Some(v) => Some(addr::parse(vm, s.family.get(), v, "sendmsg")?),
        None => None,
    };
    let host = s.host.clone();
    let n = io::call(vm, s, true, |fd| {
        host.sendmsg(fd, &data, &anc, flags, to.as_ref())
    })?;
    Ok(vm.new_int(n as i64))
}

/// Parses `ancbufsize` and `flags` at positions `i`, `i + 1`.
fn anc_and_flags(vm: &mut Vm, a: &Args, i: usize) -> PyResult<(usize, i32)> {
    let anc = match a.pos.get(i) {
        Some(v) => arg_n(vm, v)?,
        None => 0,
    };
    let flags = match a.pos.get(i + 1) {
        Some(v) => arg_i(vm, v)?,
        None => 0,
    };
    let anc = usize::try_from(anc)
        .ok()
        .filter(|&n| n <= i32::MAX as usize)
        .ok_or_else(|| vm.value_error("invalid ancillary data buffer length"))?;
    if anc > vm.max_alloc {
        return Err(vm.new_exception_msg(&vm.t.memory_error.clone(), ""));
    }
    Ok((anc, flags))
}

/// The (ancdata, msg_flags, address) part of a `recvmsg` result.
fn tail(vm: &mut Vm, m: &adder_host::RecvMsg) -> PyResult<Vec<Value>> {
    if m.malformed {
        let w = adder_vm::native::import(vm, "_warnings")?;
        let msg = vm.new_str("received malformed or improperly-truncated ancillary data");
        let cat = vm.t.runtime_warning.clone();
        let level = vm.new_int(1);
        vm.call_method(&w, "warn", vec![msg, cat, level])?;
    }
    let mut items = Vec::new();
    for c in &m.ancdata {
        let level = vm.new_int(i64::from(c.level));
        let kind = vm.new_int(i64::from(c.kind));
        let data = vm.new_bytes(c.data.clone());
        items.push(vm.new_tuple(vec![level, kind, data]));
    }
    let list = vm.new_list(items);
    let flags = vm.new_int(i64::from(m.flags));
    let a = addr::make(vm, m.addr.as_ref());
    Ok(vec![list, flags, a])
}

pub fn recvmsg(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "recvmsg")?;
    let a = rest(&args);
    tuple_count(vm, &a, "recvmsg", 1, 3)?;
    let bufsize = arg_n(vm, &a.pos[0])?;
    let Ok(bufsize) = usize::try_from(bufsize) else {
        return Err(vm.value_error("negative buffer size in recvmsg()"));
    };
    let (anc, flags) = anc_and_flags(vm, &a, 1)?;
    if bufsize > vm.max_alloc {
        return Err(vm.new_exception_msg(&vm.t.memory_error.clone(), ""));
    }
    let host = s.host.clone();
    let m = io::call(vm, s, false, |fd| host.recvmsg(fd, bufsize, anc, flags))?;
    let data = vm.new_bytes(m.data.clone());
    let mut out = vec![data];
    out.extend(tail(vm, &m)?);
    Ok(vm.new_tuple(out))
}

pub fn recvmsg_into(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "recvmsg_into")?;
    let a = rest(&args);
    tuple_count(vm, &a, "recvmsg_into", 1, 3)?;
    let bufs = iterable(
        vm,
        &a.pos[0],
        "recvmsg_into() argument 1 must be an iterable",
    )?;
    let mut sizes = Vec::new();
    for b in &bufs {
        match io::writable_len(vm, b, "recvmsg_into", 1) {
            Ok(n) => sizes.push(n),
            Err(_) => {
                return Err(vm.type_error(
                    "recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers",
                ))
            }
        }
    }
    let (anc, flags) = anc_and_flags(vm, &a, 1)?;
    let total: usize = sizes.iter().sum();
    let host = s.host.clone();
    let m = io::call(vm, s, false, |fd| host.recvmsg(fd, total, anc, flags))?;
    let mut off = 0;
    for (b, n) in bufs.iter().zip(&sizes) {
        let end = (off + n).min(m.data.len());
        if off >= end {
            break;
        }
        io::fill(b, &m.data[off..end]);
        off = end;
    }
    let nv = vm.new_int(m.data.len() as i64);
    let mut out = vec![nv];
    out.extend(tail(vm, &m)?);
    Ok(vm.new_tuple(out))
}
