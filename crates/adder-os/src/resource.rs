//! The `resource` module: `getrusage`, `getrlimit`/`setrlimit`,
//! `getpagesize` and the platform's constants, through the host.
//!
//! Invariant: limits cross the boundary as signed integers with
//! `RLIM_INFINITY` as -1 (as CPython shows it); errors carry CPython's
//! ValueError messages for the cases it singles out.

use adder_host::consts;
use adder_object::Value;
use adder_vm::builtins::structseq;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};

use crate::args::{self, positional};
use crate::util;

const FIELDS: &[&str] = &[
    "ru_utime",
    "ru_stime",
    "ru_maxrss",
    "ru_ixrss",
    "ru_idrss",
    "ru_isrss",
    "ru_minflt",
    "ru_majflt",
    "ru_nswap",
    "ru_inblock",
    "ru_oublock",
    "ru_msgsnd",
    "ru_msgrcv",
    "ru_nsignals",
    "ru_nvcsw",
    "ru_nivcsw",
];

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("getrusage", getrusage),
        ("getrlimit", getrlimit),
        ("setrlimit", setrlimit),
        ("getpagesize", getpagesize),
    ];
    native::module_add_fns(vm, m, fns);
    native::module_add_ints(vm, m, consts::RESOURCE);
    let t = structseq::new_type(vm, "resource", "struct_rusage", FIELDS, 16);
    native::module_set(vm, m, "struct_rusage", t);
    let err = vm.t.os_error.clone();
    native::module_set(vm, m, "error", err);
    Ok(())
}

fn getrusage(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "resource.getrusage")?;
    let who = args::c_int(vm, &args.pos[0])?;
    let u = match vm.host.getrusage(who) {
        Ok(u) => u,
        Err(e) if e.errno == adder_host::EINVAL => {
            return Err(vm.value_error("invalid who parameter"))
        }
        Err(e) => return Err(util::plain_error(vm, &e)),
    };
    let m = native::import(vm, "resource")?;
    let t = vm.getattr_str(&m, "struct_rusage")?;
    let mut vals = vec![vm.new_float(u.utime), vm.new_float(u.stime)];
    for x in [
        u.maxrss, u.ixrss, u.idrss, u.isrss, u.minflt, u.majflt, u.nswap, u.inblock, u.oublock,
        u.msgsnd, u.msgrcv, u.nsignals, u.nvcsw, u.nivcsw,
    ] {
        vals.push(vm.new_int(x));
    }
    Ok(structseq::new(vm, &t, vals))
}

fn resource_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let r = args::c_int(vm, v)?;
    let known = consts::RESOURCE
        .iter()
        .any(|&(n, x)| n.starts_with("RLIMIT_") && x == i64::from(r));
    if !known {
        return Err(vm.value_error("invalid resource specified"));
    }
    Ok(r)
}

fn getrlimit(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "resource.getrlimit")?;
    let r = resource_arg(vm, &args.pos[0])?;
    let res = vm.host.getrlimit(r);
    let (soft, hard) = util::check(vm, res, None)?;
    let a = vm.new_int(soft);
    let b = vm.new_int(hard);
    Ok(vm.new_tuple(vec![a, b]))
}

fn setrlimit(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "resource.setrlimit", 2, 2)?;
    let r = resource_arg(vm, &args.pos[0])?;
    let items = match vm.iterate(&args.pos[1]) {
        Ok(i) if i.len() == 2 => i,
        _ => return Err(vm.value_error("expected a tuple of 2 integers")),
    };
    let soft = args::c_long(vm, &items[0])?;
    let hard = args::c_long(vm, &items[1])?;
    match vm.host.setrlimit(r, soft, hard) {
        Ok(()) => Ok(Value::NONE),
        Err(e) if e.errno == adder_host::EINVAL => {
            Err(vm.value_error("current limit exceeds maximum limit"))
        }
        Err(e) if e.errno == adder_host::EPERM => {
            Err(vm.value_error("not allowed to raise maximum limit"))
        }
        Err(e) => Err(util::plain_error(vm, &e)),
    }
}

fn getpagesize(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "resource.getpagesize")?;
    let name = consts::lookup(consts::SYSCONF_NAMES, "SC_PAGESIZE").unwrap_or(30) as i32;
    let r = vm.host.sysconf(name);
    let v = util::check(vm, r, None)?;
    Ok(vm.new_int(v.unwrap_or(4096)))
}
