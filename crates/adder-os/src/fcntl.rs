//! The `fcntl` module: `fcntl`, `ioctl`, `flock`, `lockf` and the platform's
//! constants, through the host.
//!
//! Invariant: buffer arguments are copied into a buffer of at most 1024
//! bytes (CPython's limit) and the result has the argument's length; locking
//! calls interrupted by a signal run the handlers and retry (PEP 475).

use adder_host::consts;
use adder_object::Value;
use adder_vm::objects::string::{ByteArray, Str};
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};

use crate::args::{self, positional};
use crate::posix_retry;
use crate::util;

const ARG_MAX: usize = 1024;

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("fcntl", fcntl),
        ("ioctl", ioctl),
        ("flock", flock),
        ("lockf", lockf),
    ];
    native::module_add_fns(vm, m, fns);
    native::module_add_ints(vm, m, consts::FCNTL);
    Ok(())
}

/// A read-only buffer argument (`s#`/`y#`): str (UTF-8) or bytes-like.
fn ro_buffer(v: &Value) -> Option<Vec<u8>> {
    if let Some(s) = v.downcast::<Str>() {
        return Some(s.as_str().as_bytes().to_vec());
    }
    adder_vm::ops::bytes_of(v)
}

fn int_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<i64> {
    if !adder_vm::num::is_int(v) && vm.getattr_str(v, "__index__").is_err() {
        return Err(vm.type_error(what));
    }
    let i = vm.index(v)?;
    use num_traits::ToPrimitive;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

fn fcntl(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "fcntl.fcntl", 2, 3)?;
    let fd = args::file_descriptor(vm, &args.pos[0])?;
    let cmd = args::c_int(vm, &args.pos[1])?;
    let arg = args.pos.get(2).cloned();
    if let Some(buf) = arg.as_ref().and_then(ro_buffer) {
        if buf.len() > ARG_MAX {
            return Err(vm.value_error("fcntl argument 3 is too long"));
        }
        let r = posix_retry(vm, |vm| vm.host.fcntl_buf(fd, cmd, &buf))?;
        let out = util::check(vm, r, None)?;
        return Ok(vm.new_bytes(out));
    }
    let n = match &arg {
        Some(a) => int_arg(
            vm,
            a,
            "fcntl() argument 3 must be an integer, a bytes-like object, or a string",
        )?,
        None => 0,
    };
    let r = posix_retry(vm, |vm| vm.host.fcntl_int(fd, cmd, n))?;
    let v = util::check(vm, r, None)?;
    Ok(vm.new_int(v))
}

fn ioctl(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "fcntl.ioctl", 2, 4)?;
    let fd = args::file_descriptor(vm, &args.pos[0])?;
    let req = args::c_long(vm, &args.pos[1])? as u64;
    let arg = args.pos.get(2).cloned();
    let mutate = match args.pos.get(3) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if let Some(a) = &arg {
        if let Some(ba) = a.downcast::<ByteArray>() {
            let buf = ba.b.borrow().clone();
            if mutate && buf.len() > ARG_MAX {
                return Err(vm.value_error("ioctl argument 3 is too long"));
            }
            let r = vm.host.ioctl_buf(fd, req, &buf[..buf.len().min(ARG_MAX)]);
            let (rc, out) = util::check(vm, r, None)?;
            if mutate {
                let mut b = ba.b.borrow_mut();
                let n = out.len().min(b.len());
                b[..n].copy_from_slice(&out[..n]);
                return Ok(vm.new_int(rc));
            }
            return Ok(vm.new_bytes(out));
        }
        if let Some(buf) = ro_buffer(a) {
            if buf.len() > ARG_MAX {
                return Err(vm.value_error("ioctl argument 3 is too long"));
            }
            let r = vm.host.ioctl_buf(fd, req, &buf);
            let (_, out) = util::check(vm, r, None)?;
            return Ok(vm.new_bytes(out));
        }
    }
    let n = match &arg {
        Some(a) => int_arg(
            vm,
            a,
            "ioctl() argument 3 must be an integer, a bytes-like object, or a string",
        )?,
        None => 0,
    };
    let r = vm.host.ioctl_int(fd, req, n);
    let v = util::check(vm, r, None)?;
    Ok(vm.new_int(v))
}

fn flock(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "fcntl.flock", 2, 2)?;
    let fd = args::file_descriptor(vm, &args.pos[0])?;
    let op = args::c_int(vm, &args.pos[1])?;
    let r = posix_retry(vm, |vm| vm.host.flock(fd, op))?;
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn lockf(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "fcntl.lockf", 2, 5)?;
    let fd = args::file_descriptor(vm, &args.pos[0])?;
    let cmd = args::c_int(vm, &args.pos[1])?;
    let len = match args.pos.get(2) {
        Some(v) => args::c_long(vm, v)?,
        None => 0,
    };
    let start = match args.pos.get(3) {
        Some(v) => args::c_long(vm, v)?,
        None => 0,
    };
    let whence = match args.pos.get(4) {
        Some(v) => args::c_int(vm, v)?,
        None => 0,
    };
    let un = consts::value(consts::FCNTL, "LOCK_UN") as i32;
    let sh = consts::value(consts::FCNTL, "LOCK_SH") as i32;
    let ex = consts::value(consts::FCNTL, "LOCK_EX") as i32;
    if cmd & (un | sh | ex) == 0 {
        return Err(vm.value_error("unrecognized lockf argument"));
    }
    let r = posix_retry(vm, |vm| vm.host.lockf(fd, cmd, len, start, whence))?;
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}
