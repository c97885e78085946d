//! `posix` functions about the process and the system: identity, the
//! environment, random bytes, `uname`/`times`/`cpu_count`, `sysconf` and
//! friends, signals to processes, waiting and wait-status decoding,
//! `system` and `_exit`.
//!
//! Invariant: wait statuses are decoded with Linux's `<sys/wait.h>` layout,
//! and every value crosses the host boundary as plain data.

use adder_host::{consts, SpawnRequest};
use adder_object::Value;
use adder_vm::builtins::structseq;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::vm::NativeFn;
use adder_vm::{Args, PyResult, Vm};

use super::attr;
use super::fds::retrying;
use crate::args::{self, noargs, parse, positional};
use crate::util::{self, decode};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("getgroups", getgroups),
    ("getlogin", getlogin),
    ("getpgrp", getpgrp),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("urandom", urandom),
    ("uname", uname),
    ("times", times),
    ("cpu_count", cpu_count),
    ("strerror", strerror),
    ("kill", kill),
    ("waitpid", waitpid),
    ("wait", wait),
    ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    ("WIFEXITED", wifexited),
    ("WEXITSTATUS", wexitstatus),
    ("WIFSIGNALED", wifsignaled),
    ("WTERMSIG", wtermsig),
    ("WIFSTOPPED", wifstopped),
    ("WSTOPSIG", wstopsig),
    ("WIFCONTINUED", wifcontinued),
    ("WCOREDUMP", wcoredump),
    ("_exit", exit),
    ("sysconf", sysconf),
    ("confstr", confstr),
    ("pathconf", pathconf),
    ("system", system),
];

fn int(vm: &Vm, v: i64) -> Value {
    vm.new_int(v)
}

macro_rules! id_fn {
    ($f:ident, $name:literal, $e:expr) => {
        fn $f(vm: &mut Vm, args: Args) -> PyResult {
            noargs(vm, &args, concat!("posix.", $name))?;
            let get: fn(&Vm) -> i64 = $e;
            Ok(int(vm, get(vm)))
        }
    };
}

id_fn!(getpid, "getpid", |vm| i64::from(vm.host.getpid()));
id_fn!(getppid, "getppid", |vm| i64::from(vm.host.getppid()));
id_fn!(getuid, "getuid", |vm| i64::from(vm.host.getuid()));
id_fn!(geteuid, "geteuid", |vm| i64::from(vm.host.geteuid()));
id_fn!(getgid, "getgid", |vm| i64::from(vm.host.getgid()));
id_fn!(getegid, "getegid", |vm| i64::from(vm.host.getegid()));
id_fn!(getpgrp, "getpgrp", |vm| i64::from(vm.host.getpgrp()));

fn getgroups(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "posix.getgroups")?;
    let r = vm.host.getgroups();
    let g = util::check(vm, r, None)?;
    let items = g.into_iter().map(|x| vm.new_int(i64::from(x))).collect();
    Ok(vm.new_list(items))
}

fn getlogin(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "posix.getlogin")?;
    let r = vm.host.getlogin();
    let name = util::check(vm, r, None)?;
    Ok(vm.new_string(decode(&name)))
}

/// `PyUnicode_FSConverter`: str (encoded) or bytes, no NUL bytes.
fn fs_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let b = if let Some(s) = v.downcast::<Str>() {
        let s = s.as_str().to_string();
        util::encode(vm, &s)?
    } else if let Some(b) = v.downcast::<Bytes>() {
        b.b.to_vec()
    } else {
        match util::fspath(vm, v)? {
            Some(p) => return fs_bytes(vm, &p),
            None => {
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(v)
                )))
            }
        }
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

fn putenv(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "posix.putenv", 2, 2)?;
    let name = fs_bytes(vm, &args.pos[0])?;
    if name.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    let value = fs_bytes(vm, &args.pos[1])?;
    let r = vm.host.putenv(&name, &value);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn unsetenv(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.unsetenv")?;
    let name = fs_bytes(vm, &args.pos[0])?;
    let r = vm.host.unsetenv(&name);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn urandom(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.urandom")?;
    let n = args::c_long(vm, &args.pos[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    let mut buf = util::zeroed(vm, n)?;
    let r = vm.host.urandom(&mut buf);
    util::check(vm, r, None)?;
    Ok(vm.new_bytes(buf))
}

fn uname(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "posix.uname")?;
    let r = vm.host.uname();
    let u = util::check(vm, r, None)?;
    let ty = attr(vm, "uname_result")?;
    let vals = [u.sysname, u.nodename, u.release, u.version, u.machine]
        .iter()
        .map(|b| vm.new_string(decode(b)))
        .collect();
    Ok(structseq::new(vm, &ty, vals))
}

fn times(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "posix.times")?;
    let r = vm.host.times();
    let t = util::check(vm, r, None)?;
    let ty = attr(vm, "times_result")?;
    let vals = [
        t.user,
        t.system,
        t.children_user,
        t.children_system,
        t.elapsed,
    ]
    .iter()
    .map(|&x| vm.new_float(x))
    .collect();
    Ok(structseq::new(vm, &ty, vals))
}

fn cpu_count(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "posix.cpu_count")?;
    Ok(match vm.host.cpu_count() {
        Some(n) => vm.new_int(n as i64),
        None => Value::NONE,
    })
}

fn strerror(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.strerror")?;
    let code = args::c_int(vm, &args.pos[0])?;
    Ok(vm.new_string(adder_host::strerror(code)))
}

fn kill(vm: &mut Vm, args: Args) -> PyResult {
    args::tuple_count(vm, &args, "kill", 2, 2)?;
    let pid = args::c_int(vm, &args.pos[0])?;
    let sig = args::c_int(vm, &args.pos[1])?;
    let r = vm.host.kill(pid, sig);
    util::check(vm, r, None)?;
    crate::signal::check(vm)?;
    Ok(Value::NONE)
}

fn wait_result(vm: &mut Vm, pid: i32, options: i32) -> PyResult {
    let r = retrying(vm, |vm| vm.host.waitpid(pid, options))?;
    let (p, status) = util::check(vm, r, None)?;
    let p = vm.new_int(i64::from(p));
    let s = vm.new_int(i64::from(status));
    Ok(vm.new_tuple(vec![p, s]))
}

fn waitpid(vm: &mut Vm, args: Args) -> PyResult {
    args::tuple_count(vm, &args, "waitpid", 2, 2)?;
    let pid = args::c_int(vm, &args.pos[0])?;
    let options = args::c_int(vm, &args.pos[1])?;
    wait_result(vm, pid, options)
}

fn wait(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "posix.wait")?;
    wait_result(vm, -1, 0)
}

// Linux's <sys/wait.h> macros.
pub fn w_ifexited(s: i32) -> bool {
    s & 0x7f == 0
}
pub fn w_exitstatus(s: i32) -> i32 {
    (s >> 8) & 0xff
}
pub fn w_ifsignaled(s: i32) -> bool {
    (((s & 0x7f) + 1) as i8 >> 1) > 0
}
pub fn w_termsig(s: i32) -> i32 {
    s & 0x7f
}
pub fn w_ifstopped(s: i32) -> bool {
    s & 0xff == 0x7f
}

fn status_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i32> {
    let a = parse(vm, args, name, &["status"], 1, 1)?;
    let v = a[0].clone().unwrap_or(Value::NONE);
    args::c_int(vm, &v)
}

macro_rules! wait_macro {
    ($f:ident, $name:literal, $body:expr, bool) => {
        fn $f(vm: &mut Vm, args: Args) -> PyResult {
            let s = status_arg(vm, &args, $name)?;
            let m: fn(i32) -> bool = $body;
            Ok(Value::from_bool(m(s)))
        }
    };
    ($f:ident, $name:literal, $body:expr, int) => {
        fn $f(vm: &mut Vm, args: Args) -> PyResult {
            let s = status_arg(vm, &args, $name)?;
            let m: fn(i32) -> i32 = $body;
            Ok(vm.new_int(i64::from(m(s))))
        }
    };
}

wait_macro!(wifexited, "WIFEXITED", w_ifexited, bool);
wait_macro!(wexitstatus, "WEXITSTATUS", w_exitstatus, int);
wait_macro!(wifsignaled, "WIFSIGNALED", w_ifsignaled, bool);
wait_macro!(wtermsig, "WTERMSIG", w_termsig, int);
wait_macro!(wifstopped, "WIFSTOPPED", w_ifstopped, bool);
wait_macro!(wstopsig, "WSTOPSIG", w_exitstatus, int);
wait_macro!(wifcontinued, "WIFCONTINUED", |s| s == 0xffff, bool);
wait_macro!(wcoredump, "WCOREDUMP", |s| s & 0x80 != 0, bool);

fn waitstatus_to_exitcode(vm: &mut Vm, args: Args) -> PyResult {
    let s = status_arg(vm, &args, "waitstatus_to_exitcode")?;
    if w_ifexited(s) {
        return Ok(vm.new_int(i64::from(w_exitstatus(s))));
    }
    if w_ifsignaled(s) {
        return Ok(vm.new_int(-i64::from(w_termsig(s))));
    }
    if w_ifstopped(s) {
        return Err(vm.value_error(format!(
            "process stopped by delivery of signal {}",
            w_exitstatus(s)
        )));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

fn exit(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "_exit", &["status"], 1, 1)?;
    let v = a[0].clone().unwrap_or(Value::NONE);
    let code = args::c_int(vm, &v)?;
    vm.host.exit(code)
}

/// A configuration name: an int, or a str looked up in `table`.
fn conf_name(vm: &mut Vm, v: &Value, table: &[(&str, i64)]) -> PyResult<i32> {
    if adder_vm::num::is_int(v) {
        return args::c_int(vm, v);
    }
    if let Some(s) = v.downcast::<Str>() {
        return match consts::lookup(table, s.as_str()) {
            Some(n) => Ok(n as i32),
            None => Err(vm.value_error("unrecognized configuration name")),
        };
    }
    Err(vm.type_error("configuration names must be strings or integers"))
}

fn sysconf(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.sysconf")?;
    let name = conf_name(vm, &args.pos[0], consts::SYSCONF_NAMES)?;
    let r = vm.host.sysconf(name);
    let v = util::check(vm, r, None)?;
    Ok(vm.new_int(v.unwrap_or(-1)))
}

fn confstr(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "posix.confstr")?;
    let name = conf_name(vm, &args.pos[0], consts::CONFSTR_NAMES)?;
    let r = vm.host.confstr(name);
    Ok(match util::check(vm, r, None)? {
        Some(b) => vm.new_string(decode(&b)),
        None => Value::NONE,
    })
}

fn pathconf(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "pathconf", &["path", "name"], 2, 2)?;
    let pv = a[0].clone().unwrap_or(Value::NONE);
    let p = util::path(vm, &pv, util::PathSpec::new("pathconf", "path"))?;
    let nv = a[1].clone().unwrap_or(Value::NONE);
    let name = conf_name(vm, &nv, consts::PATHCONF_NAMES)?;
    let r = vm.host.pathconf(&p.bytes, name);
    let v = util::check(vm, r, Some(&p.object))?;
    Ok(vm.new_int(v.unwrap_or(-1)))
}

fn system(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse(vm, &args, "system", &["command"], 1, 1)?;
    let cmd = a[0].clone().unwrap_or(Value::NONE);
    let cmd = fs_bytes(vm, &cmd)?;
    let req = SpawnRequest {
        argv: vec![b"sh".to_vec(), b"-c".to_vec(), cmd],
        executables: vec![b"/bin/sh".to_vec()],
        restore_signals: true,
        ..SpawnRequest::default()
    };
    let r = vm.host.spawn(&req);
    let pid = match r {
        Ok(p) => p,
        Err(_) => return Ok(vm.new_int(-1)),
    };
    let r = retrying(vm, |vm| vm.host.waitpid(pid, 0))?;
    let (_, status) = util::check(vm, r, None)?;
    Ok(vm.new_int(i64::from(status)))
}
