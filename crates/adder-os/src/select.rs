//! The `select` module: `select()` and `poll` objects, both on the host's
//! `poll`. (No `epoll`/`kqueue`: `selectors` then picks `PollSelector`.)
//!
//! Invariant: a wait interrupted by a signal runs the Python handlers and
//! resumes with the time that is left (PEP 475); results name the objects
//! the caller passed, in the caller's order.

use std::cell::RefCell;

use adder_host::consts;
use adder_object::{payload, Trace, Value};
use adder_vm::kinds::OS_FIRST;
use adder_vm::objects::seq::List;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};

use crate::args::{self, positional};
use crate::util;

const POLL_KIND: u8 = OS_FIRST + 2;
/// `FD_SETSIZE`: `select()` cannot watch descriptors at or above it.
const FD_SETSIZE: i32 = 1024;

fn ev(name: &str) -> i16 {
    consts::lookup(consts::POLL, name).unwrap_or(0) as i16
}

#[derive(Trace)]
pub struct Poll {
    /// (fd, events) in registration order.
    fds: RefCell<Vec<(i32, i16)>>,
    polling: std::cell::Cell<bool>,
}

payload!(Poll, POLL_KIND, "select.poll");

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[("select", select), ("poll", poll)];
    native::module_add_fns(vm, m, fns);
    native::module_add_ints(vm, m, consts::POLL);
    native::module_add_ints(vm, m, &[("PIPE_BUF", 4096)]);
    let err = vm.t.os_error.clone();
    native::module_set(vm, m, "error", err);
    let object = vm.t.object.clone();
    let t = native::new_type(
        vm,
        "select",
        "poll",
        &object,
        <Poll as adder_object::heap::Payload>::vtable(),
        POLL_KIND,
        0,
    );
    vm.set_new(&t, no_new);
    vm.add_method(&t, "register", poll_register);
    vm.add_method(&t, "modify", poll_modify);
    vm.add_method(&t, "unregister", poll_unregister);
    vm.add_method(&t, "poll", poll_poll);
    native::module_set(vm, m, "_poll_type", t);
    Ok(())
}

/// Seconds → milliseconds for `poll`, rounding up (`_PyTime_ROUND_CEILING`);
/// None (or absent) → -1, wait forever.
fn timeout_ms(vm: &mut Vm, v: Option<&Value>, scale: f64, name: &str) -> PyResult<i64> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(-1);
    };
    let x = args::seconds(vm, v)? * scale;
    if scale == 1000.0 && x < 0.0 {
        return Err(vm.value_error(format!("{name} must be non-negative")));
    }
    if x < 0.0 {
        return Ok(-1);
    }
    if x > 9.2e15 {
        return Err(vm.overflow_error("timeout is too large"));
    }
    Ok(x.ceil() as i64)
}

/// Polls, retrying after signals with the time left.
fn wait(vm: &mut Vm, fds: &[(i32, i16)], timeout: i64) -> PyResult<Vec<i16>> {
    let deadline = (timeout >= 0).then(|| vm.host.monotonic_ns() + timeout as u64 * 1_000_000);
    let mut left = timeout;
    loop {
        match vm.host.poll(fds, left) {
            Ok(r) => return Ok(r),
            Err(e) if e.errno == adder_host::EINTR => {
                crate::signal::check(vm)?;
                if let Some(d) = deadline {
                    let now = vm.host.monotonic_ns();
                    left = (d.saturating_sub(now) / 1_000_000) as i64;
                }
            }
            Err(e) => return Err(util::plain_error(vm, &e)),
        }
    }
}

fn select(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "select.select", 3, 4)?;
    let timeout = match args.pos.get(3).filter(|v| !v.is_none()) {
        Some(v) => {
            let s = args::seconds(vm, v)?;
            if s < 0.0 {
                return Err(vm.value_error("timeout must be non-negative"));
            }
            if s * 1000.0 > 9.2e15 {
                return Err(vm.overflow_error("timeout is too large"));
            }
            (s * 1000.0).ceil() as i64
        }
        None => -1,
    };
    let mut lists = Vec::new();
    for (i, bits) in [(0, ev("POLLIN")), (1, ev("POLLOUT")), (2, ev("POLLPRI"))] {
        let seq = args.pos[i].clone();
        // A list is read live (its length rechecked at each step), as
        // CPython's PySequence_Fast loop does; other iterables are copied.
        let live = seq.downcast::<List>().is_some();
        let copied = if live {
            Vec::new()
        } else {
            match vm.iterate(&seq) {
                Ok(o) => o,
                Err(_) => return Err(vm.type_error("arguments 1-3 must be sequences")),
            }
        };
        let mut objs = Vec::new();
        let mut fds = Vec::new();
        let mut k = 0;
        loop {
            let o = if live {
                let item = seq
                    .downcast::<List>()
                    .and_then(|l| l.items.borrow().get(k).cloned());
                match item {
                    Some(o) => o,
                    None => break,
                }
            } else {
                match copied.get(k) {
                    Some(o) => o.clone(),
                    None => break,
                }
            };
            k += 1;
            let fd = args::file_descriptor(vm, &o)?;
            if fd >= FD_SETSIZE {
                return Err(vm.value_error("filedescriptor out of range in select()"));
            }
            objs.push(o);
            fds.push((fd, bits));
        }
        lists.push((objs, fds));
    }
    let all: Vec<(i32, i16)> = lists.iter().flat_map(|(_, f)| f.iter().copied()).collect();
    let revents = wait(vm, &all, timeout)?;
    if revents.iter().any(|&r| r & ev("POLLNVAL") != 0) {
        return Err(util::errno_error(vm, adder_host::EBADF));
    }
    let ready_mask = [
        ev("POLLIN") | ev("POLLHUP") | ev("POLLERR"),
        ev("POLLOUT") | ev("POLLERR"),
        ev("POLLPRI"),
    ];
    let mut out = Vec::new();
    let mut k = 0;
    for (i, (objs, _)) in lists.iter().enumerate() {
        let mut ready = Vec::new();
        for o in objs {
            if revents[k] & ready_mask[i] != 0 {
                ready.push(o.clone());
            }
            k += 1;
        }
        out.push(vm.new_list(ready));
    }
    Ok(vm.new_tuple(out))
}

fn no_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create 'select.poll' instances"))
}

fn poll(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "select.poll")?;
    let m = native::import(vm, "select")?;
    let t = vm.getattr_str(&m, "_poll_type")?;
    Ok(vm.alloc_builtin(
        &t,
        Poll {
            fds: RefCell::new(Vec::new()),
            polling: std::cell::Cell::new(false),
        },
    ))
}

fn this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a Poll> {
    args.pos
        .first()
        .and_then(|v| v.downcast::<Poll>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'select.poll' object"))
}

/// An event mask: `unsigned short` (`_PyLong_UnsignedShort_Converter`).
fn mask(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    let i = vm.index(v)?;
    use num_traits::ToPrimitive;
    match i.to_i64() {
        Some(x) if x < 0 => Err(vm.overflow_error("Python int too large for C unsigned short")),
        Some(x) if x <= 0xffff => Ok(x as u16 as i16),
        _ => Err(vm.overflow_error("Python int too large for C unsigned short")),
    }
}

fn poll_register(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args)?;
    let rest = Args::new(args.pos[1..].to_vec());
    positional(vm, &rest, "register", 1, 2)?;
    let fd = args::file_descriptor(vm, &args.pos[1])?;
    let events = match args.pos.get(2) {
        Some(v) => mask(vm, v)?,
        None => ev("POLLIN") | ev("POLLPRI") | ev("POLLOUT"),
    };
    let p = this(vm, &args)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = events,
        None => fds.push((fd, events)),
    }
    Ok(Value::NONE)
}

fn poll_modify(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args)?;
    let rest = Args::new(args.pos[1..].to_vec());
    positional(vm, &rest, "modify", 2, 2)?;
    let fd = args::file_descriptor(vm, &args.pos[1])?;
    let events = mask(vm, &args.pos[2])?;
    let p = this(vm, &args)?;
    let found = {
        let mut fds = p.fds.borrow_mut();
        match fds.iter_mut().find(|(f, _)| *f == fd) {
            Some(e) => {
                e.1 = events;
                true
            }
            None => false,
        }
    };
    if !found {
        return Err(util::errno_error(vm, adder_host::ENOENT));
    }
    Ok(Value::NONE)
}

fn poll_unregister(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args)?;
    let rest = Args::new(args.pos[1..].to_vec());
    positional(vm, &rest, "unregister", 1, 1)?;
    let fd = args::file_descriptor(vm, &args.pos[1])?;
    let p = this(vm, &args)?;
    let removed = {
        let mut fds = p.fds.borrow_mut();
        let before = fds.len();
        fds.retain(|(f, _)| *f != fd);
        fds.len() != before
    };
    if !removed {
        let k = vm.new_int(i64::from(fd));
        return Err(vm.key_error(k));
    }
    Ok(Value::NONE)
}

fn poll_poll(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args)?;
    let rest = Args::new(args.pos[1..].to_vec());
    positional(vm, &rest, "poll", 0, 1)?;
    let timeout = timeout_ms(vm, args.pos.get(1), 1.0, "timeout")?;
    let p = this(vm, &args)?;
    if p.polling.get() {
        return Err(vm.runtime_error("concurrent poll() invocation"));
    }
    let fds = p.fds.borrow().clone();
    p.polling.set(true);
    let r = wait(vm, &fds, timeout);
    if let Some(p) = args.pos[0].downcast::<Poll>() {
        p.polling.set(false);
    }
    let revents = r?;
    let mut out = Vec::new();
    for ((fd, _), r) in fds.iter().zip(revents) {
        if r != 0 {
            let a = vm.new_int(i64::from(*fd));
            let b = vm.new_int(i64::from(r as u16));
            out.push(vm.new_tuple(vec![a, b]));
        }
    }
    Ok(vm.new_list(out))
}
