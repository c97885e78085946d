//! The `_signal` module and signal delivery to Python code.
//!
//! The host records signals that have a Python handler (`SignalAction::Record`)
//! and raises a flag; the VM polls that flag at loop back-edges and calls
//! [`check`] (installed as `vm.signal_hook` by [`startup`]), which runs the
//! Python handlers in the main interpreter, as CPython's
//! `PyErr_CheckSignals`. Blocking calls that fail with `EINTR` call [`check`]
//! too before retrying (PEP 475).
//!
//! Invariant: the Python handler table lives in the `_signal` module's dict
//! (`_handlers`: signum -> handler object); before `_signal` is imported the
//! only recorded signal is SIGINT, whose handler is `default_int_handler`
//! (KeyboardInterrupt). A handler that raises leaves the signals after it
//! pending (`_leftover`), so none is lost.

use adder_host::{consts, SignalAction};
use adder_object::Value;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};

use crate::args::{self, positional};
use crate::util;

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

fn sig(name: &str) -> i32 {
    consts::lookup(consts::SIGNALS, name).unwrap_or(0) as i32
}

/// Start-up: CPython installs its SIGINT handler (KeyboardInterrupt) and
/// ignores SIGXFSZ before running any code.
pub fn startup(vm: &mut Vm) -> PyResult<()> {
    vm.signal_hook = Some(check);
    if vm.signal_flag.is_none() {
        return Ok(());
    }
    let int = sig("SIGINT");
    if vm.host.signal_query(int) == Ok(SignalAction::Default) {
        let _ = vm.host.signal_set(int, SignalAction::Record);
    }
    let xfsz = sig("SIGXFSZ");
    if vm.host.signal_query(xfsz) == Ok(SignalAction::Default) {
        let _ = vm.host.signal_set(xfsz, SignalAction::Ignore);
    }
    // PYTHONFAULTHANDLER, as CPython's start-up (before any code runs).
    if !vm.flags.ignore_environment
        && vm
            .host
            .getenv(b"PYTHONFAULTHANDLER")
            .is_some_and(|v| !v.is_empty())
    {
        let m = native::import(vm, "faulthandler")?;
        native::module_set(vm, &m, "_enabled", Value::TRUE);
    }
    Ok(())
}

fn signal_module(vm: &mut Vm) -> Option<Value> {
    let key = vm.new_str("_signal");
    let mods = vm.modules.clone();
    vm.dict_get(&mods, &key).ok().flatten()
}

fn handlers(vm: &mut Vm) -> Option<Value> {
    let m = signal_module(vm)?;
    native::module_get(&m, "_handlers")
}

fn keyboard_interrupt(vm: &mut Vm) -> Value {
    vm.new_exception(&vm.t.keyboard_interrupt.clone(), vec![])
}

/// Runs the Python handlers of the signals that arrived (`PyErr_CheckSignals`).
pub fn check(vm: &mut Vm) -> PyResult<()> {
    let mut pending = Vec::new();
    if let Some(m) = signal_module(vm) {
        if let Some(l) = native::module_get(&m, "_leftover") {
            pending.extend(
                vm.iterate(&l)?
                    .iter()
                    .filter_map(adder_vm::num::as_i64)
                    .map(|s| s as i32),
            );
            let empty = vm.new_list(vec![]);
            native::module_set(vm, &m, "_leftover", empty);
        }
    }
    pending.extend(vm.host.take_pending_signals());
    let table = handlers(vm);
    for (i, &s) in pending.iter().enumerate() {
        let handler = match &table {
            Some(t) => {
                let k = vm.new_int(i64::from(s));
                vm.dict_get(t, &k)?.unwrap_or(Value::NONE)
            }
            None if s == sig("SIGINT") => {
                leave(vm, &pending[i + 1..]);
                return Err(keyboard_interrupt(vm));
            }
            None => Value::NONE,
        };
        if !crate::faulthandler::on_signal(vm, s)? {
            continue;
        }
        if adder_vm::num::is_int(&handler) || handler.is_none() {
            continue;
        }
        let n = vm.new_int(i64::from(s));
        if let Err(e) = vm.call(&handler, vec![n, Value::NONE]) {
            leave(vm, &pending[i + 1..]);
            return Err(e);
        }
    }
    Ok(())
}

/// Keeps `rest` pending for the next check.
fn leave(vm: &mut Vm, rest: &[i32]) {
    if rest.is_empty() {
        return;
    }
    if let Some(m) = signal_module(vm) {
        let items = rest.iter().map(|&s| vm.new_int(i64::from(s))).collect();
        let l = vm.new_list(items);
        native::module_set(vm, &m, "_leftover", l);
        if let Some(f) = &vm.signal_flag {
            f.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
}

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("signal", signal),
        ("getsignal", getsignal),
        ("default_int_handler", default_int_handler),
        ("valid_signals", valid_signals),
        ("raise_signal", raise_signal),
        ("strsignal", strsignal),
        ("set_wakeup_fd", set_wakeup_fd),
        ("siginterrupt", siginterrupt),
        ("alarm", alarm),
        ("pause", pause),
        ("pthread_sigmask", pthread_sigmask),
        ("setitimer", setitimer),
        ("getitimer", getitimer),
    ];
    native::module_add_fns(vm, m, fns);
    native::module_add_ints(vm, m, &[("SIG_DFL", SIG_DFL), ("SIG_IGN", SIG_IGN)]);
    native::module_add_ints(vm, m, consts::SIGNALS);
    native::module_add_ints(vm, m, consts::SIGNAL_MISC);
    native::module_add_ints(
        vm,
        m,
        &[
            ("NSIG", i64::from(consts::NSIG)),
            ("SIGRTMIN", i64::from(consts::sigrtmin())),
            ("SIGRTMAX", i64::from(consts::sigrtmax())),
        ],
    );
    // signal.ItimerError is class itimer_error(OSError) of module "signal".
    let type_t = vm.t.type_.clone();
    let name = vm.new_str("itimer_error");
    let bases = vm.new_tuple(vec![vm.t.os_error.clone()]);
    let ns = vm.new_dict();
    let k = vm.new_str("__module__");
    let v = vm.new_str("signal");
    vm.dict_set(&ns, k, v)?;
    let itimer = vm.call(&type_t, vec![name, bases, ns])?;
    native::module_set(vm, m, "ItimerError", itimer);

    let table = vm.new_dict();
    let dih = native::module_get(m, "default_int_handler").unwrap_or(Value::NONE);
    for s in 1..consts::NSIG {
        let h = match vm.host.signal_query(s) {
            Ok(SignalAction::Default) => vm.new_int(SIG_DFL),
            Ok(SignalAction::Ignore) => vm.new_int(SIG_IGN),
            Ok(SignalAction::Record) if s == sig("SIGINT") => dih.clone(),
            _ => continue,
        };
        let k = vm.new_int(i64::from(s));
        vm.dict_set(&table, k, h)?;
    }
    native::module_set(vm, m, "_handlers", table);
    let left = vm.new_list(vec![]);
    native::module_set(vm, m, "_leftover", left);
    Ok(())
}

/// The host action matching the Python-level handler of `sig` (for
/// giving a signal back after `faulthandler.unregister`).
pub fn python_action(vm: &mut Vm, sig: i32) -> PyResult<SignalAction> {
    let Some(t) = handlers(vm) else {
        return Ok(if sig == self::sig("SIGINT") {
            SignalAction::Record
        } else {
            SignalAction::Default
        });
    };
    let k = vm.new_int(i64::from(sig));
    let h = vm.dict_get(&t, &k)?.unwrap_or(Value::NONE);
    Ok(match adder_vm::num::as_i64(&h) {
        Some(SIG_IGN) => SignalAction::Ignore,
        Some(_) => SignalAction::Default,
        None if h.is_none() => SignalAction::Default,
        None => SignalAction::Record,
    })
}

fn signum(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let s = args::c_int(vm, v)?;
    if !(1..consts::NSIG).contains(&s) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(s)
}

fn table(vm: &mut Vm) -> PyResult<Value> {
    match handlers(vm) {
        Some(t) => Ok(t),
        None => Err(vm.runtime_error("_signal is not initialised")),
    }
}

fn signal(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_signal.signal", 2, 2)?;
    let s = signum(vm, &args.pos[0])?;
    let handler = args.pos[1].clone();
    let action =
        if adder_vm::num::is_int(&handler) {
            match adder_vm::num::as_i64(&handler) {
                Some(SIG_DFL) => SignalAction::Default,
                Some(SIG_IGN) => SignalAction::Ignore,
                _ => return Err(vm.type_error(
                    "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
                )),
            }
        } else if vm.callable(&handler) {
            SignalAction::Record
        } else {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ));
        };
    let r = vm.host.signal_set(s, action);
    util::check(vm, r, None)?;
    let t = table(vm)?;
    let k = vm.new_int(i64::from(s));
    let old = vm.dict_get(&t, &k)?.unwrap_or(Value::NONE);
    let stored = match action {
        SignalAction::Default => vm.new_int(SIG_DFL),
        SignalAction::Ignore => vm.new_int(SIG_IGN),
        _ => handler,
    };
    vm.dict_set(&t, k, stored)?;
    Ok(old)
}

fn getsignal(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "_signal.getsignal")?;
    let s = signum(vm, &args.pos[0])?;
    let t = table(vm)?;
    let k = vm.new_int(i64::from(s));
    Ok(vm.dict_get(&t, &k)?.unwrap_or(Value::NONE))
}

fn default_int_handler(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_signal.default_int_handler", 2, 2)?;
    Err(keyboard_interrupt(vm))
}

fn valid_signals(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "_signal.valid_signals")?;
    // glibc reserves the first two real-time signals for itself.
    let rtmin = consts::sigrtmin();
    let items = (1..consts::NSIG)
        .filter(|&s| s < 32 || s >= rtmin)
        .map(|s| vm.new_int(i64::from(s)))
        .collect();
    adder_vm::builtins::set::make_set(vm, items, false)
}

fn raise_signal(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "_signal.raise_signal")?;
    let s = signum(vm, &args.pos[0])?;
    let r = vm.host.raise_signal(s);
    util::check(vm, r, None)?;
    check(vm)?;
    Ok(Value::NONE)
}

fn strsignal(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "_signal.strsignal")?;
    let s = signum(vm, &args.pos[0])?;
    Ok(match vm.host.strsignal(s) {
        Some(t) if !t.contains("Unknown signal") => vm.new_string(t),
        _ => Value::NONE,
    })
}

fn set_wakeup_fd(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::Sig {
        name: "set_wakeup_fd",
        params: &["fd", "warn_on_full_buffer"],
        posonly: 1,
        required: 1,
        maxpos: 1,
    }
    .parse(vm, &args.pos, &args.kw)?;
    let fdv = a[0].clone().unwrap_or(Value::NONE);
    let fd = args::c_int(vm, &fdv)?;
    if fd != -1 {
        let r = vm.host.fstat(fd);
        util::check(vm, r, None)?;
        let r = vm.host.get_blocking(fd);
        if util::check(vm, r, None)? {
            return Err(vm.value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    let r = vm.host.set_wakeup_fd(fd);
    let old = util::check(vm, r, None)?;
    Ok(vm.new_int(i64::from(old)))
}

fn siginterrupt(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_signal.siginterrupt", 2, 2)?;
    let s = signum(vm, &args.pos[0])?;
    let flag = args::c_int(vm, &args.pos[1])? != 0;
    let r = vm.host.siginterrupt(s, flag);
    util::check(vm, r, None)?;
    Ok(Value::NONE)
}

fn alarm(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "_signal.alarm")?;
    let secs = args::c_int(vm, &args.pos[0])?;
    let left = vm.host.alarm(secs as u32);
    Ok(vm.new_int(i64::from(left)))
}

fn pause(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "_signal.pause")?;
    let r = vm.host.pause();
    match r {
        Ok(()) => {}
        Err(e) if e.errno == adder_host::EINTR => {}
        Err(e) => return Err(util::plain_error(vm, &e)),
    }
    check(vm)?;
    Ok(Value::NONE)
}

fn signal_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<i32>> {
    let items = vm.iterate(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let s = args::c_int(vm, &it)?;
        if !(1..consts::NSIG).contains(&s) {
            return Err(vm.value_error(format!(
                "signal number {s} out of range [1; {}]",
                consts::NSIG - 1
            )));
        }
        out.push(s);
    }
    Ok(out)
}

fn pthread_sigmask(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_signal.pthread_sigmask", 2, 2)?;
    let how = args::c_int(vm, &args.pos[0])?;
    let set = signal_list(vm, &args.pos[1])?;
    let r = vm.host.sigmask(how, &set);
    let old = util::check(vm, r, None)?;
    check(vm)?;
    let items = old.into_iter().map(|s| vm.new_int(i64::from(s))).collect();
    adder_vm::builtins::set::make_set(vm, items, false)
}

fn itimer_error(vm: &mut Vm, e: &adder_host::HostError) -> Value {
    let Some(m) = signal_module(vm) else {
        return util::plain_error(vm, e);
    };
    let Some(cls) = native::module_get(&m, "ItimerError") else {
        return util::plain_error(vm, e);
    };
    let errno = vm.new_int(i64::from(e.errno));
    let msg = vm.new_str(&e.message);
    match vm.call(&cls, vec![errno, msg]) {
        Ok(x) | Err(x) => x,
    }
}

fn pair(vm: &mut Vm, (a, b): (f64, f64)) -> Value {
    let a = vm.new_float(a);
    let b = vm.new_float(b);
    vm.new_tuple(vec![a, b])
}

fn setitimer(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_signal.setitimer", 2, 3)?;
    let which = args::c_int(vm, &args.pos[0])?;
    let delay = args::seconds(vm, &args.pos[1])?;
    let interval = match args.pos.get(2) {
        Some(v) => args::seconds(vm, v)?,
        None => 0.0,
    };
    match vm.host.setitimer(which, delay, interval) {
        Ok(old) => Ok(pair(vm, old)),
        Err(e) => Err(itimer_error(vm, &e)),
    }
}

fn getitimer(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "_signal.getitimer")?;
    let which = args::c_int(vm, &args.pos[0])?;
    match vm.host.getitimer(which) {
        Ok(cur) => Ok(pair(vm, cur)),
        Err(e) => Err(itimer_error(vm, &e)),
    }
}
