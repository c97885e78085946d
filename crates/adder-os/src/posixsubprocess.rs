//! `_posixsubprocess.fork_exec`, what `subprocess.Popen` uses to start a
//! child, implemented with the host's `spawn` (the host forks and execs; the
//! interpreter itself never forks).
//!
//! Invariant: the child is set up exactly as CPython's `child_exec` sets it
//! up (pipe ends closed, 0/1/2 redirected, cwd, umask, signals, session and
//! process group, descriptors closed except `fds_to_keep`) and reports a
//! failure through `errpipe_write` in CPython's format, so `subprocess`
//! raises the same exceptions. What needs code to run in the child
//! (`preexec_fn`) or privileges (`user`, `group`, `extra_groups`) raises
//! NotImplementedError / is refused instead of being ignored.

use adder_host::SpawnRequest;
use adder_object::Value;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};

use crate::args::{self, positional};
use crate::util;

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[("fork_exec", fork_exec)];
    native::module_add_fns(vm, m, fns);
    Ok(())
}

/// `PyUnicode_FSConverter` for one argv/env/executable item.
fn fs_item(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let p = match util::fspath(vm, v)? {
        Some(p) => p,
        None => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(v)
            )))
        }
    };
    let b = if let Some(s) = p.downcast::<Str>() {
        let s = s.as_str().to_string();
        util::encode(vm, &s)?
    } else if let Some(b) = p.downcast::<Bytes>() {
        b.b.to_vec()
    } else {
        Vec::new()
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

fn fs_list(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<Vec<u8>>> {
    let items = vm
        .iterate(v)
        .map_err(|_| vm.type_error(format!("{what} must be a tuple")))?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(fs_item(vm, it)?);
    }
    Ok(out)
}

fn opt_fd(vm: &mut Vm, v: &Value) -> PyResult<Option<i32>> {
    let fd = args::c_int(vm, v)?;
    Ok((fd >= 0).then_some(fd))
}

fn fork_exec(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_posixsubprocess.fork_exec", 23, 23)?;
    let p = &args.pos;
    let argv = if p[0].is_none() {
        Vec::new()
    } else {
        fs_list(vm, &p[0], "argv")?
    };
    let executables = fs_list(vm, &p[1], "executable_list")?;
    let close_fds = vm.truthy(&p[2])?;
    let keep_items = vm.iterate(&p[3])?;
    let mut keep_fds = Vec::with_capacity(keep_items.len());
    let mut prev = -1;
    for it in &keep_items {
        let fd = adder_vm::num::as_i64(it).filter(|&f| f >= 0 && f <= i64::from(i32::MAX));
        match fd {
            Some(f) if f as i32 > prev => {
                prev = f as i32;
                keep_fds.push(f as i32);
            }
            _ => return Err(vm.value_error("bad value(s) in fds_to_keep")),
        }
    }
    let cwd = if p[4].is_none() {
        None
    } else {
        Some(fs_item(vm, &p[4])?)
    };
    let env = if p[5].is_none() {
        None
    } else {
        Some(fs_list(vm, &p[5], "env")?)
    };
    let mut fds = [None; 8];
    for (i, slot) in fds.iter_mut().enumerate() {
        *slot = opt_fd(vm, &p[6 + i])?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] =
        fds;
    let restore_signals = vm.truthy(&p[14])?;
    let setsid = vm.truthy(&p[15])?;
    let pgid = if p[16].is_none() {
        None
    } else {
        let g = args::c_int(vm, &p[16])?;
        (g >= 0).then_some(g)
    };
    if !p[17].is_none() || !p[18].is_none() || !p[19].is_none() {
        return Err(vm.new_exception_msg(
            &vm.t.not_implemented_error.clone(),
            "fork_exec: changing the child's user or groups is not supported by Adder",
        ));
    }
    let umask = args::c_int(vm, &p[20])?;
    if !p[21].is_none() {
        return Err(vm.new_exception_msg(
            &vm.t.not_implemented_error.clone(),
            "preexec_fn is not supported by Adder (the interpreter never forks)",
        ));
    }
    let req = SpawnRequest {
        argv,
        executables,
        env,
        cwd,
        stdin: p2cread,
        stdout: c2pwrite,
        stderr: errwrite,
        close_in_child: [p2cwrite, c2pread, errread, errpipe_read]
            .into_iter()
            .flatten()
            .collect(),
        close_fds,
        keep_fds,
        err_fd: errpipe_write,
        restore_signals,
        setsid,
        pgid,
        umask: (umask >= 0).then_some(umask as u32),
    };
    let r = vm.host.spawn(&req);
    let pid = util::check(vm, r, None)?;
    Ok(vm.new_int(i64::from(pid)))
}
