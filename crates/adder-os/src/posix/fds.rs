//! `posix` functions on file descriptors: open/close/read/write/seek,
//! duplication, pipes, descriptor flags, terminals.
//!
//! Invariant: calls that can block retry after `EINTR` once the Python
//! signal handlers have run (PEP 475), so a handler's exception propagates
//! and otherwise the call completes; errors carry no filename except for
//! `open`.

use adder_host::{consts, OpenFlags, Whence};
use adder_object::Value;
use adder_vm::builtins::structseq;
use adder_vm::vm::NativeFn;
use adder_vm::{Args, PyResult, Vm};

use super::{attr, no_dir_fd};
use crate::args::{self, parse, positional, truth};
use crate::util::{self, path, PathSpec};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("open", open),
    ("close", close),
    ("closerange", closerange),
    ("read", read),
    ("write", write),
    ("lseek", lseek),
    ("ftruncate", ftruncate),
    ("fsync", fsync),
    ("fdatasync", fdatasync),
    ("dup", dup),
    ("dup2", dup2),
    ("pipe", pipe),
    ("isatty", isatty),
    ("get_inheritable", get_inheritable),
    ("set_inheritable", set_inheritable),
    ("get_blocking", get_blocking),
    ("set_blocking", set_blocking),
    ("device_encoding", device_encoding),
    ("pread", pread),
    ("pwrite", pwrite),
    ("get_terminal_size", get_terminal_size),
];

fn req(v: &[Option<Value>], i: usize) -> Value {
    v.get(i).cloned().flatten().unwrap_or(Value::NONE)
}

fn flag(name: &str) -> i64 {
    consts::lookup(consts::OPEN_FLAGS, name).unwrap_or(0)
}

/// `OpenFlags` for an `os.open` flags int (bits Adder does not model are
/// ignored).
pub fn open_flags(bits: i64) -> OpenFlags {
    let acc = bits & flag("O_ACCMODE");
    let has = |n: &str| {
        let f = flag(n);
        f != 0 && bits & f == f
    };
    OpenFlags {
        read: acc == flag("O_RDONLY") || acc == flag("O_RDWR"),
        write: acc == flag("O_WRONLY") || acc == flag("O_RDWR"),
        append: has("O_APPEND"),
        create: has("O_CREAT"),
        truncate: has("O_TRUNC"),
        exclusive: has("O_EXCL"),
        nonblock: has("O_NONBLOCK"),
        directory: has("O_DIRECTORY"),
        nofollow: has("O_NOFOLLOW"),
        sync: has("O_SYNC"),
        dsync: has("O_DSYNC") && !has("O_SYNC"),
        noctty: has("O_NOCTTY"),
    }
}

pub use crate::posix_retry as retrying;

fn open(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(
        vm,
        &args,
        "open",
        &["path", "flags", "mode", "dir_fd"],
        2,
        3,
    )?;
    let p = path(vm, &req(&a, 0), PathSpec::new("open", "path"))?;
    let bits = args::c_int(vm, &req(&a, 1))?;
    let mode = match &a[2] {
        Some(m) => args::c_int(vm, m)?,
        None => 0o777,
    };
    no_dir_fd(vm, &a[3], "open", "dir_fd")?;
    let flags = open_flags(i64::from(bits));
    let r = retrying(vm, |vm| vm.host.open(&p.bytes, flags, mode as u32))?;
    let fd = util::check(vm, r, Some(&p.object))?;
    Ok(vm.new_int(i64::from(fd)))
}

fn fd_only(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i32> {
    let a = parse(vm, args, name, &["fd"], 1, 1)?;
    args::c_int(vm, &req(&a, 0))
}

fn unit(vm: &mut Vm, r: adder_host::HostResult<()>) -> PyResult {
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let fd = fd_only(vm, &args, "close")?;
    let r = vm.host.close(fd);
    unit(vm, r)
}

fn closerange(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.closerange", 2, 2)?;
    let lo = args::c_int(vm, &args.pos[0])?.max(0);
    let hi = args::c_int(vm, &args.pos[1])?;
    let limit = match vm
        .host
        .sysconf(consts::lookup(consts::SYSCONF_NAMES, "SC_OPEN_MAX").unwrap_or(4) as i32)
    {
        Ok(Some(n)) => i32::try_from(n).unwrap_or(i32::MAX).min(1 << 20),
        _ => 1024,
    };
    for fd in lo..hi.min(limit) {
        let _ = vm.host.close(fd);
    }
    Ok(Value::NONE)
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.read", 2, 2)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let n = args::c_long(vm, &args.pos[1])?;
    if n < 0 {
        return Err(util::errno_error(vm, adder_host::EINVAL));
    }
    let cap = usize::try_from(n).unwrap_or(usize::MAX);
    let mut buf = util::zeroed(vm, cap)?;
    let r = retrying(vm, |vm| vm.host.read(fd, &mut buf))?;
    let got = util::check(vm, r, None)?;
    buf.truncate(got);
    Ok(vm.new_bytes(buf))
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.write", 2, 2)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let data = args::buffer(vm, &args.pos[1])?;
    let r = retrying(vm, |vm| vm.host.write(fd, &data))?;
    let n = util::check(vm, r, None)?;
    Ok(vm.new_int(n as i64))
}

fn lseek(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.lseek", 3, 3)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let pos = args::c_long(vm, &args.pos[1])?;
    let how = args::c_int(vm, &args.pos[2])?;
    let whence = match how {
        0 => Whence::Set,
        1 => Whence::Cur,
        2 => Whence::End,
        _ => return Err(util::errno_error(vm, adder_host::EINVAL)),
    };
    let r = vm.host.seek(fd, pos, whence);
    let at = util::check(vm, r, None)?;
    Ok(util::int128(vm, i128::from(at)))
}

fn ftruncate(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.ftruncate", 2, 2)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let len = args::c_long(vm, &args.pos[1])?;
    if len < 0 {
        return Err(util::errno_error(vm, adder_host::EINVAL));
    }
    let r = retrying(vm, |vm| vm.host.ftruncate(fd, len as u64))?;
    unit(vm, r)
}

fn sync_impl(vm: &mut Vm, args: &Args, name: &str) -> PyResult {
    let a = parse(vm, args, name, &["fd"], 1, 1)?;
    let fd = args::file_descriptor(vm, &req(&a, 0))?;
    let r = retrying(vm, |vm| vm.host.fsync(fd))?;
    unit(vm, r)
}

fn fsync(vm: &mut Vm, args: Args) -> PyResult {
    sync_impl(vm, &args, "fsync")
}

fn fdatasync(vm: &mut Vm, args: Args) -> PyResult {
    sync_impl(vm, &args, "fdatasync")
}

fn dup(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.dup")?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let r = vm.host.dup(fd);
    let n = util::check(vm, r, None)?;
    Ok(vm.new_int(i64::from(n)))
}

fn dup2(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "dup2", &["fd", "fd2", "inheritable"], 2, 3)?;
    let fd = args::c_int(vm, &req(&a, 0))?;
    let fd2 = args::c_int(vm, &req(&a, 1))?;
    let inheritable = truth(vm, &a[2], true)?;
    let r = vm.host.dup2(fd, fd2, inheritable);
    let n = util::check(vm, r, None)?;
    Ok(vm.new_int(i64::from(n)))
}

fn pipe(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "posix.pipe")?;
    let r = vm.host.pipe();
    let (a, b) = util::check(vm, r, None)?;
    let a = vm.new_int(i64::from(a));
    let b = vm.new_int(i64::from(b));
    Ok(vm.new_tuple(vec![a, b]))
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.isatty")?;
    let fd = args::c_int(vm, &args.pos[0])?;
    Ok(Value::from_bool(vm.host.isatty(fd)))
}

fn get_inheritable(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.get_inheritable")?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let r = vm.host.get_inheritable(fd);
    Ok(Value::from_bool(util::check(vm, r, None)?))
}

fn set_inheritable(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.set_inheritable", 2, 2)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let on = args::c_int(vm, &args.pos[1])? != 0;
    let r = vm.host.set_inheritable(fd, on);
    unit(vm, r)
}

fn get_blocking(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.get_blocking")?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let r = vm.host.get_blocking(fd);
    Ok(Value::from_bool(util::check(vm, r, None)?))
}

fn set_blocking(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.set_blocking", 2, 2)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let on = args::c_int(vm, &args.pos[1])? != 0;
    let r = vm.host.set_blocking(fd, on);
    unit(vm, r)
}

fn device_encoding(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "device_encoding", &["fd"], 1, 1)?;
    let fd = args::c_int(vm, &req(&a, 0))?;
    if vm.host.isatty(fd) {
        Ok(vm.new_str("UTF-8"))
    } else {
        Ok(Value::NONE)
    }
}

fn pread(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.pread", 3, 3)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let n = args::c_long(vm, &args.pos[1])?;
    let off = args::c_long(vm, &args.pos[2])?;
    if n < 0 || off < 0 {
        return Err(util::errno_error(vm, adder_host::EINVAL));
    }
    let cap = usize::try_from(n).unwrap_or(usize::MAX);
    let mut buf = util::zeroed(vm, cap)?;
    let r = retrying(vm, |vm| vm.host.pread(fd, &mut buf, off as u64))?;
    let got = util::check(vm, r, None)?;
    buf.truncate(got);
    Ok(vm.new_bytes(buf))
}

fn pwrite(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.pwrite", 3, 3)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let data = args::buffer(vm, &args.pos[1])?;
    let off = args::c_long(vm, &args.pos[2])?;
    if off < 0 {
        return Err(util::errno_error(vm, adder_host::EINVAL));
    }
    let r = retrying(vm, |vm| vm.host.pwrite(fd, &data, off as u64))?;
    let n = util::check(vm, r, None)?;
    Ok(vm.new_int(n as i64))
}

fn get_terminal_size(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.get_terminal_size", 0, 1)?;
    let fd = match args.pos.first() {
        Some(v) => args::c_int(vm, v)?,
        None => 1,
    };
    let r = vm.host.terminal_size(fd);
    let (cols, rows) = util::check(vm, r, None)?;
    let ty = attr(vm, "terminal_size")?;
    let c = vm.new_int(i64::from(cols));
    let l = vm.new_int(i64::from(rows));
    Ok(structseq::new(vm, &ty, vec![c, l]))
}
