//! `posix` functions on paths: the stat family, permissions, links,
//! directories, renames, times, and `os.stat_result` itself.
//!
//! Invariant: each function converts its arguments as CPython's
//! `posixmodule.c` does (`path_t` rules, `dir_fd` refused), makes exactly one
//! host request for the operation, and raises the OSError subclass for the
//! host's errno with the filename object(s) CPython attaches.

use adder_host::Stat;
use adder_object::Value;
use adder_vm::builtins::structseq;
use adder_vm::vm::NativeFn;
use adder_vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

use super::{attr, no_dir_fd};
use crate::args::{self, parse, truth};
use crate::util::{self, int128, name_value, ns_to_float, os_error, path, PathArg, PathSpec};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat),
    ("lstat", lstat),
    ("fstat", fstat),
    ("access", access),
    ("chdir", chdir),
    ("chmod", chmod),
    ("fchmod", fchmod),
    ("chown", chown),
    ("getcwd", getcwd),
    ("getcwdb", getcwdb),
    ("link", link),
    ("listdir", listdir),
    ("mkdir", mkdir),
    ("readlink", readlink),
    ("rename", rename),
    ("replace", replace),
    ("rmdir", rmdir),
    ("unlink", unlink),
    ("remove", remove),
    ("symlink", symlink),
    ("utime", utime),
    ("truncate", truncate),
    ("umask", umask),
    ("fspath", fspath),
    ("statvfs", statvfs),
    ("fstatvfs", fstatvfs),
];

fn req(v: &[Option<Value>], i: usize) -> Value {
    v.get(i).cloned().flatten().unwrap_or(Value::NONE)
}

/// An `os.stat_result` for a host `Stat`.
pub fn stat_result(vm: &mut Vm, st: &Stat) -> PyResult {
    let ty = attr(vm, "stat_result")?;
    let secs = |ns: i128| ns.div_euclid(1_000_000_000);
    let mut v = vec![
        vm.new_int(i64::from(st.mode)),
        int128(vm, i128::from(st.ino)),
        int128(vm, i128::from(st.dev)),
        int128(vm, i128::from(st.nlink)),
        vm.new_int(i64::from(st.uid)),
        vm.new_int(i64::from(st.gid)),
        int128(vm, i128::from(st.size)),
    ];
    for t in [st.atime_ns, st.mtime_ns, st.ctime_ns] {
        v.push(int128(vm, secs(t)));
    }
    for t in [st.atime_ns, st.mtime_ns, st.ctime_ns] {
        v.push(vm.new_float(ns_to_float(t)));
    }
    for t in [st.atime_ns, st.mtime_ns, st.ctime_ns] {
        v.push(int128(vm, t));
    }
    v.push(int128(vm, i128::from(st.blksize)));
    v.push(int128(vm, i128::from(st.blocks)));
    v.push(int128(vm, i128::from(st.rdev)));
    Ok(structseq::new(vm, &ty, v))
}

/// `os.stat_result.__new__`: the generic constructor, then (as CPython) the
/// float times default to the integer ones when not given.
pub fn stat_result_new(vm: &mut Vm, args: Args) -> PyResult {
    let r = structseq::construct(vm, args)?;
    for i in 7..10 {
        if structseq::field(&r, i + 3).is_some_and(|v| v.is_none()) {
            let int_time = structseq::field(&r, i).unwrap_or(Value::NONE);
            structseq::set_field(&r, i + 3, int_time);
        }
    }
    Ok(r)
}

fn do_stat(vm: &mut Vm, p: &PathArg, follow: bool, func: &str) -> PyResult {
    let r = match p.fd {
        Some(fd) => {
            if !follow {
                return Err(vm.value_error(format!(
                    "{func}: cannot use fd and follow_symlinks together"
                )));
            }
            vm.host.fstat(fd)
        }
        None => vm.host.stat(&p.bytes, follow),
    };
    match r {
        Ok(st) => stat_result(vm, &st),
        Err(e) => Err(os_error(vm, &e, Some(&p.object), None)),
    }
}

fn stat(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(
        vm,
        &args,
        "stat",
        &["path", "dir_fd", "follow_symlinks"],
        1,
        1,
    )?;
    let p = path(vm, &req(&a, 0), PathSpec::new("stat", "path").fd())?;
    no_dir_fd(vm, &a[1], "stat", "dir_fd")?;
    let follow = truth(vm, &a[2], true)?;
    do_stat(vm, &p, follow, "stat")
}

fn lstat(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "lstat", &["path", "dir_fd"], 1, 1)?;
    let p = path(vm, &req(&a, 0), PathSpec::new("lstat", "path"))?;
    no_dir_fd(vm, &a[1], "lstat", "dir_fd")?;
    do_stat(vm, &p, false, "lstat")
}

fn fstat(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "fstat", &["fd"], 1, 1)?;
    let fd = args::c_int(vm, &req(&a, 0))?;
    match vm.host.fstat(fd) {
        Ok(st) => stat_result(vm, &st),
        Err(e) => Err(util::plain_error(vm, &e)),
    }
}

fn unavailable(vm: &mut Vm, func: &str, arg: &str) -> Value {
    vm.new_exception_msg(
        &vm.t.not_implemented_error.clone(),
        format!("{func}: {arg} unavailable on this platform"),
    )
}

fn access(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(
        vm,
        &args,
        "access",
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
    )?;
    let p = path(vm, &req(&a, 0), PathSpec::new("access", "path"))?;
    let mode = args::c_int(vm, &req(&a, 1))?;
    no_dir_fd(vm, &a[2], "access", "dir_fd")?;
    if truth(vm, &a[3], false)? {
        return Err(unavailable(vm, "access", "effective_ids"));
    }
    if !truth(vm, &a[4], true)? {
        return Err(unavailable(vm, "access", "follow_symlinks"));
    }
    let ok = vm.host.access(&p.bytes, mode as u32, false, true).is_ok();
    Ok(Value::from_bool(ok))
}

fn chdir(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "chdir", &["path"], 1, 1)?;
    let p = path(vm, &req(&a, 0), PathSpec::new("chdir", "path").fd())?;
    let r = match p.fd {
        Some(fd) => vm.host.fchdir(fd),
        None => vm.host.chdir(&p.bytes),
    };
    util::check(vm, r, Some(&p.object))?;
    Ok(Value::NONE)
}

fn chmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(
        vm,
        &args,
        "chmod",
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let p = path(vm, &req(&a, 0), PathSpec::new("chmod", "path").fd())?;
    let mode = args::c_int(vm, &req(&a, 1))?;
    no_dir_fd(vm, &a[2], "chmod", "dir_fd")?;
    if !truth(vm, &a[3], true)? {
        return Err(unavailable(vm, "chmod", "follow_symlinks"));
    }
    let r = match p.fd {
        Some(fd) => vm.host.fchmod(fd, mode as u32),
        None => vm.host.chmod(&p.bytes, mode as u32, true),
    };
    util::check(vm, r, Some(&p.object))?;
    Ok(Value::NONE)
}

fn fchmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "fchmod", &["fd", "mode"], 2, 2)?;
    let fd = args::c_int(vm, &req(&a, 0))?;
    let mode = args::c_int(vm, &req(&a, 1))?;
    let r = vm.host.fchmod(fd, mode as u32);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

/// `_Py_Uid_Converter`/`_Py_Gid_Converter`: -1 means "unchanged".
fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<u32>> {
    if !adder_vm::num::is_int(v) {
        return Err(vm.type_error(format!("{what} should be integer, not {}", vm.type_name(v))));
    }
    let i = vm.index(v)?;
    match i.to_i64() {
        Some(-1) => Ok(None),
        Some(x) if (0..i64::from(u32::MAX)).contains(&x) => Ok(Some(x as u32)),
        Some(x) if x < 0 => Err(vm.overflow_error(format!("{what} is less than minimum"))),
        _ => Err(vm.overflow_error(format!("{what} is greater than maximum"))),
    }
}

fn chown(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(
        vm,
        &args,
        "chown",
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        3,
    )?;
    let p = path(vm, &req(&a, 0), PathSpec::new("chown", "path"))?;
    let uid = id_arg(vm, &req(&a, 1), "uid")?;
    let gid = id_arg(vm, &req(&a, 2), "gid")?;
    no_dir_fd(vm, &a[3], "chown", "dir_fd")?;
    let follow = truth(vm, &a[4], true)?;
    let r = vm.host.chown(&p.bytes, uid, gid, follow);
    util::check(vm, r, Some(&p.object))?;
    Ok(Value::NONE)
}

fn cwd_bytes(vm: &mut Vm) -> PyResult<Vec<u8>> {
    let r = vm.host.getcwd();
    util::check(vm, r, None)
}

fn getcwd(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "posix.getcwd")?;
    let b = cwd_bytes(vm)?;
    Ok(name_value(vm, &b, false))
}

fn getcwdb(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "posix.getcwdb")?;
    let b = cwd_bytes(vm)?;
    Ok(vm.new_bytes(b))
}

fn link(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(
        vm,
        &args,
        "link",
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let src = path(vm, &req(&a, 0), PathSpec::new("link", "src"))?;
    let dst = path(vm, &req(&a, 1), PathSpec::new("link", "dst"))?;
    no_dir_fd(vm, &a[2], "link", "src_dir_fd")?;
    no_dir_fd(vm, &a[3], "link", "dst_dir_fd")?;
    let follow = truth(vm, &a[4], true)?;
    if src.is_bytes != dst.is_bytes {
        return Err(vm.type_error("link: src and dst must be the same type"));
    }
    let r = vm.host.link(&src.bytes, &dst.bytes, follow);
    r.map_err(|e| os_error(vm, &e, Some(&src.object), Some(&dst.object)))?;
    Ok(Value::NONE)
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "listdir", &["path"], 0, 1)?;
    let arg = a[0].clone().unwrap_or(Value::NONE);
    let p = path(vm, &arg, PathSpec::new("listdir", "path").nullable())?;
    let r = vm.host.listdir(&p.bytes);
    let names = match r {
        Ok(n) => n,
        Err(e) => {
            let shown = if p.object.is_none() {
                vm.new_str(".")
            } else {
                p.object.clone()
            };
            return Err(os_error(vm, &e, Some(&shown), None));
        }
    };
    let items: Vec<Value> = names
        .iter()
        .map(|n| name_value(vm, n, p.is_bytes))
        .collect();
    Ok(vm.new_list(items))
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "mkdir", &["path", "mode", "dir_fd"], 1, 2)?;
    let p = path(vm, &req(&a, 0), PathSpec::new("mkdir", "path"))?;
    let mode = match &a[1] {
        Some(m) => args::c_int(vm, m)?,
        None => 0o777,
    };
    no_dir_fd(vm, &a[2], "mkdir", "dir_fd")?;
    let r = vm.host.mkdir(&p.bytes, mode as u32);
    util::check(vm, r, Some(&p.object))?;
    Ok(Value::NONE)
}

fn readlink(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "readlink", &["path", "dir_fd"], 1, 1)?;
    let p = path(vm, &req(&a, 0), PathSpec::new("readlink", "path"))?;
    no_dir_fd(vm, &a[1], "readlink", "dir_fd")?;
    let r = vm.host.readlink(&p.bytes);
    let target = util::check(vm, r, Some(&p.object))?;
    Ok(name_value(vm, &target, p.is_bytes))
}

fn rename_impl(vm: &mut Vm, args: Args, func: &str) -> PyResult {
    let a = parse(
        vm,
        &args,
        func,
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
        2,
        2,
    )?;
    let src = path(vm, &req(&a, 0), PathSpec::new(func, "src"))?;
    let dst = path(vm, &req(&a, 1), PathSpec::new(func, "dst"))?;
    no_dir_fd(vm, &a[2], func, "src_dir_fd")?;
    no_dir_fd(vm, &a[3], func, "dst_dir_fd")?;
    if src.is_bytes != dst.is_bytes {
        return Err(vm.type_error(format!("{func}: src and dst must be the same type")));
    }
    let r = vm.host.rename(&src.bytes, &dst.bytes);
    r.map_err(|e| os_error(vm, &e, Some(&src.object), Some(&dst.object)))?;
    Ok(Value::NONE)
}

fn rename(vm: &mut Vm, args: Args) -> PyResult {
    rename_impl(vm, args, "rename")
}

fn replace(vm: &mut Vm, args: Args) -> PyResult {
    rename_impl(vm, args, "replace")
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "rmdir", &["path", "dir_fd"], 1, 1)?;
    let p = path(vm, &req(&a, 0), PathSpec::new("rmdir", "path"))?;
    no_dir_fd(vm, &a[1], "rmdir", "dir_fd")?;
    let r = vm.host.rmdir(&p.bytes);
    util::check(vm, r, Some(&p.object))?;
    Ok(Value::NONE)
}

fn unlink_impl(vm: &mut Vm, args: Args, func: &str) -> PyResult {
    let a = parse(vm, &args, func, &["path", "dir_fd"], 1, 1)?;
    let p = path(vm, &req(&a, 0), PathSpec::new(func, "path"))?;
    no_dir_fd(vm, &a[1], func, "dir_fd")?;
    let r = vm.host.unlink(&p.bytes);
    util::check(vm, r, Some(&p.object))?;
    Ok(Value::NONE)
}

fn unlink(vm: &mut Vm, args: Args) -> PyResult {
    unlink_impl(vm, args, "unlink")
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    unlink_impl(vm, args, "remove")
}

fn symlink(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(
        vm,
        &args,
        "symlink",
        &["src", "dst", "target_is_directory", "dir_fd"],
        2,
        3,
    )?;
    let src = path(vm, &req(&a, 0), PathSpec::new("symlink", "src"))?;
    let dst = path(vm, &req(&a, 1), PathSpec::new("symlink", "dst"))?;
    truth(vm, &a[2], false)?;
    no_dir_fd(vm, &a[3], "symlink", "dir_fd")?;
    if src.is_bytes != dst.is_bytes {
        return Err(vm.type_error("symlink: src and dst must be the same type"));
    }
    let r = vm.host.symlink(&src.bytes, &dst.bytes);
    r.map_err(|e| os_error(vm, &e, Some(&src.object), Some(&dst.object)))?;
    Ok(Value::NONE)
}

/// `_PyTime_ObjectToTimespec(ROUND_FLOOR)` in nanoseconds.
fn timespec_ns(vm: &mut Vm, v: &Value) -> PyResult<i128> {
    const LIMIT: f64 = 9.223_372_036_854_775e18;
    if let Some(f) = args::is_float(v)
        .then(|| adder_vm::num::as_float(v))
        .flatten()
    {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let secs = f.floor();
        if !(-LIMIT..LIMIT).contains(&secs) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        let mut ns = ((f - secs) * 1e9).floor() as i128;
        let mut s = secs as i128;
        if ns >= 1_000_000_000 {
            ns -= 1_000_000_000;
            s += 1;
        }
        return Ok(s * 1_000_000_000 + ns);
    }
    let i = vm.index(v)?;
    match i.to_i64() {
        Some(s) => Ok(i128::from(s) * 1_000_000_000),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

fn pair(v: &Value) -> Option<(Value, Value)> {
    let t = v.downcast::<adder_vm::objects::seq::Tuple>()?;
    match &t.items[..] {
        [a, b] if v.kind() == Some(adder_vm::kinds::TUPLE) => Some((a.clone(), b.clone())),
        _ => None,
    }
}

fn utime(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(
        vm,
        &args,
        "utime",
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
        2,
    )?;
    let p = path(vm, &req(&a, 0), PathSpec::new("utime", "path"))?;
    let times = a[1].clone().filter(|t| !t.is_none());
    if times.is_some() && a[2].is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let t = if let Some(t) = times {
        let Some((at, mt)) = pair(&t) else {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        };
        Some((timespec_ns(vm, &at)?, timespec_ns(vm, &mt)?))
    } else if let Some(ns) = &a[2] {
        let Some((at, mt)) = pair(ns) else {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        };
        let at = vm.index(&at)?;
        let mt = vm.index(&mt)?;
        match (at.to_i128(), mt.to_i128()) {
            (Some(x), Some(y)) => Some((x, y)),
            _ => return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
        }
    } else {
        None
    };
    no_dir_fd(vm, &a[3], "utime", "dir_fd")?;
    let follow = truth(vm, &a[4], true)?;
    let r = vm.host.utime(&p.bytes, t, follow);
    // CPython reports utime failures without the filename.
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "truncate", &["path", "length"], 2, 2)?;
    let p = path(vm, &req(&a, 0), PathSpec::new("truncate", "path").fd())?;
    let len = args::c_long(vm, &req(&a, 1))?;
    let r = if len < 0 {
        Err(adder_host::HostError::from_errno(adder_host::EINVAL))
    } else {
        match p.fd {
            Some(fd) => vm.host.ftruncate(fd, len as u64),
            None => vm.host.truncate(&p.bytes, len as u64),
        }
    };
    util::check(vm, r, Some(&p.object))?;
    Ok(Value::NONE)
}

fn umask(vm: &mut Vm, args: Args) -> PyResult {
    let v = args::onearg(vm, &args, "posix.umask")?;
    let m = args::c_int(vm, &v)?;
    let old = vm.host.umask(m as u32);
    Ok(vm.new_int(i64::from(old)))
}

fn fspath(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "fspath", &["path"], 1, 1)?;
    let v = req(&a, 0);
    match util::fspath(vm, &v)? {
        Some(p) => Ok(p),
        None => Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(&v)
        ))),
    }
}

fn statvfs_result(vm: &mut Vm, v: &adder_host::StatVfs) -> PyResult {
    let ty = attr(vm, "statvfs_result")?;
    let vals = [
        v.bsize, v.frsize, v.blocks, v.bfree, v.bavail, v.files, v.ffree, v.favail, v.flag,
        v.namemax, v.fsid,
    ]
    .iter()
    .map(|&x| int128(vm, i128::from(x)))
    .collect();
    Ok(structseq::new(vm, &ty, vals))
}

fn statvfs(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "statvfs", &["path"], 1, 1)?;
    let p = path(vm, &req(&a, 0), PathSpec::new("statvfs", "path").fd())?;
    let r = match p.fd {
        Some(fd) => vm.host.fstatvfs(fd),
        None => vm.host.statvfs(&p.bytes),
    };
    let v = util::check(vm, r, Some(&p.object))?;
    statvfs_result(vm, &v)
}

fn fstatvfs(vm: &mut Vm, args: Args) -> PyResult {
    args::positional(vm, &args, "posix.fstatvfs", 1, 1)?;
    let fd = args::c_int(vm, &args.pos[0])?;
    let r = vm.host.fstatvfs(fd);
    let v = util::check(vm, r, None)?;
    statvfs_result(vm, &v)
}
