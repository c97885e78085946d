//! `faulthandler`, honestly minimal: `enable`/`disable`/`is_enabled` keep
//! the state, and `dump_traceback` writes the current Python stack in
//! CPython's format to the file's descriptor. `register(signum)` dumps the
//! stack when that signal arrives (at the interpreter's next safe point, from
//! `signal::check`), then runs the Python handler only with `chain=True`.
//! There is no handler for fatal signals (a crash in Adder is a Rust panic,
//! reported by the runtime). `dump_traceback_later` arms the host's watchdog
//! thread: it writes CPython's `Timeout (...)!` line and exits the process
//! when asked, but cannot dump the Python stack from its thread (said in
//! the report and in COMPATIBILITY.md).
//!
//! Invariant: the module's state lives in its dict (`_enabled`, and
//! `_registered`: signum -> (fd, all_threads, chain)); writing never raises
//! for a bad descriptor (as CPython's signal-safe writer, errors are ignored).

use adder_object::Value;
use adder_vm::objects::string::Str;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};

use crate::args::{self, Sig};

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("enable", enable),
        ("disable", disable),
        ("is_enabled", is_enabled),
        ("dump_traceback", dump_traceback),
        ("dump_traceback_later", dump_traceback_later),
        ("cancel_dump_traceback_later", cancel_dump_traceback_later),
        ("register", register),
        ("unregister", unregister),
    ];
    native::module_add_fns(vm, m, fns);
    native::module_set(vm, m, "_enabled", Value::FALSE);
    let d = vm.new_dict();
    native::module_set(vm, m, "_registered", d);
    Ok(())
}

fn module(vm: &mut Vm) -> PyResult<Value> {
    native::import(vm, "faulthandler")
}

/// The descriptor of a `file` argument (default `sys.stderr`), flushing it.
fn file_fd(vm: &mut Vm, file: Option<Value>) -> PyResult<i32> {
    let file = match file.filter(|f| !f.is_none()) {
        Some(f) => f,
        None => {
            let sys = vm.sys_module.clone();
            let e = vm.getattr_str(&sys, "stderr")?;
            if e.is_none() {
                return Err(vm.runtime_error("sys.stderr is None"));
            }
            e
        }
    };
    if adder_vm::num::is_int(&file) {
        let fd = args::c_int(vm, &file)?;
        if fd < 0 {
            return Err(vm.value_error("file is not a valid file descripter"));
        }
        return Ok(fd);
    }
    let fileno = vm.getattr_str(&file, "fileno")?;
    let r = vm.call(&fileno, vec![])?;
    let fd = args::c_int(vm, &r)?;
    if fd < 0 {
        return Err(vm.value_error("file is not a valid file descripter"));
    }
    if let Ok(flush) = vm.getattr_str(&file, "flush") {
        vm.call(&flush, vec![])?;
    }
    Ok(fd)
}

fn file_and_threads(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(i32, bool)> {
    let a = Sig {
        name,
        params: &["file", "all_threads"],
        posonly: 0,
        required: 0,
        maxpos: 2,
    }
    .parse(vm, &args.pos, &args.kw)?;
    let fd = file_fd(vm, a[0].clone())?;
    let all = args::truth(vm, &a[1], true)?;
    Ok((fd, all))
}

fn enable(vm: &mut Vm, args: Args) -> PyResult {
    file_and_threads(vm, &args, "enable")?;
    let m = module(vm)?;
    native::module_set(vm, &m, "_enabled", Value::TRUE);
    Ok(Value::NONE)
}

fn disable(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "faulthandler.disable")?;
    let m = module(vm)?;
    let was = native::module_get(&m, "_enabled").unwrap_or(Value::FALSE);
    native::module_set(vm, &m, "_enabled", Value::FALSE);
    Ok(was)
}

fn is_enabled(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "faulthandler.is_enabled")?;
    let m = module(vm)?;
    Ok(native::module_get(&m, "_enabled").unwrap_or(Value::FALSE))
}

/// A name as CPython's dumper writes it: at most 500 characters, then "...".
fn text(v: &Value) -> String {
    const MAX: usize = 500;
    let s = v
        .downcast::<Str>()
        .map_or_else(|| "???".to_string(), |s| s.as_str().to_string());
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s,
    }
}

/// The traceback text CPython's `faulthandler` writes.
fn stack_text(vm: &mut Vm, all_threads: bool) -> PyResult<String> {
    let mut out = if all_threads {
        let ident = native::import(vm, "_thread")
            .and_then(|t| vm.getattr_str(&t, "get_ident"))
            .and_then(|f| vm.call(&f, vec![]))
            .ok()
            .and_then(|v| adder_vm::num::as_i64(&v))
            .unwrap_or(0);
        format!("Current thread 0x{ident:016x} (most recent call first):\n")
    } else {
        "Stack (most recent call first):\n".to_string()
    };
    let sys = vm.sys_module.clone();
    let getframe = vm.getattr_str(&sys, "_getframe")?;
    let zero = vm.new_int(0);
    let mut frame = vm.call(&getframe, vec![zero]).unwrap_or(Value::NONE);
    let mut depth = 0;
    while !frame.is_none() && depth < 100 {
        let code = vm.getattr_str(&frame, "f_code")?;
        let file = vm.getattr_str(&code, "co_filename")?;
        let name = vm.getattr_str(&code, "co_name")?;
        let line = vm.getattr_str(&frame, "f_lineno")?;
        let line = adder_vm::num::as_i64(&line).map_or("???".to_string(), |l| l.to_string());
        out.push_str(&format!(
            "  File \"{}\", line {} in {}\n",
            text(&file),
            line,
            text(&name)
        ));
        frame = vm.getattr_str(&frame, "f_back")?;
        depth += 1;
    }
    if !frame.is_none() {
        out.push_str("  ...\n");
    }
    Ok(out)
}

fn dump_traceback(vm: &mut Vm, args: Args) -> PyResult {
    let (fd, all) = file_and_threads(vm, &args, "dump_traceback")?;
    let s = stack_text(vm, all)?;
    let _ = adder_host::write_all(&*vm.host, fd, s.as_bytes());
    Ok(Value::NONE)
}

fn dump_traceback_later(vm: &mut Vm, args: Args) -> PyResult {
    let a = Sig {
        name: "dump_traceback_later",
        params: &["timeout", "repeat", "file", "exit"],
        posonly: 0,
        required: 1,
        maxpos: 4,
    }
    .parse(vm, &args.pos, &args.kw)?;
    let timeout = a[0].clone().unwrap_or(Value::NONE);
    let secs = args::seconds(vm, &timeout)?;
    if secs <= 0.0 {
        return Err(vm.value_error("timeout must be greater than 0"));
    }
    // CPython 3.11.2 converts the timeout to 64-bit nanoseconds first.
    if secs * 1e9 >= i64::MAX as f64 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    let repeat = match &a[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let fd = file_fd(vm, a[2].clone())?;
    let exit = match &a[3] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let message = timeout_header(secs)
        + "Stack dump not available: Adder's watchdog thread cannot read the interpreter's stack.\n";
    vm.host
        .arm_watchdog(secs, repeat, fd, exit, message.into_bytes())
        .map_err(|e| adder_vm::builtins::exceptions::os_error(vm, &e, None))?;
    Ok(Value::NONE)
}

/// CPython's first line of a watchdog report: `Timeout (H:MM:SS)!`, with
/// microseconds when the timeout has a fraction.
fn timeout_header(secs: f64) -> String {
    let us = (secs * 1e6).round() as u64;
    let (whole, frac) = (us / 1_000_000, us % 1_000_000);
    let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60);
    if frac == 0 {
        format!("Timeout ({h}:{m:02}:{s:02})!\n")
    } else {
        format!("Timeout ({h}:{m:02}:{s:02}.{frac:06})!\n")
    }
}

fn cancel_dump_traceback_later(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "faulthandler.cancel_dump_traceback_later")?;
    vm.host.cancel_watchdog();
    Ok(Value::NONE)
}

fn register(vm: &mut Vm, args: Args) -> PyResult {
    let a = Sig {
        name: "register",
        params: &["signum", "file", "all_threads", "chain"],
        posonly: 0,
        required: 1,
        maxpos: 4,
    }
    .parse(vm, &args.pos, &args.kw)?;
    let signum = a[0].clone().unwrap_or(Value::NONE);
    let s = args::c_int(vm, &signum)?;
    let fatal = ["SIGSEGV", "SIGFPE", "SIGABRT", "SIGBUS", "SIGILL"];
    if fatal
        .iter()
        .any(|n| adder_host::consts::lookup(adder_host::consts::SIGNALS, n) == Some(i64::from(s)))
    {
        return Err(vm.runtime_error(format!(
            "signal {s} cannot be registered, use enable() instead"
        )));
    }
    if !(1..adder_host::consts::NSIG).contains(&s) {
        return Err(vm.value_error("signal number out of range"));
    }
    let fd = file_fd(vm, a[1].clone())?;
    let all = args::truth(vm, &a[2], true)?;
    let chain = args::truth(vm, &a[3], false)?;
    let r = vm.host.signal_set(s, adder_host::SignalAction::Record);
    crate::util::check(vm, r, None)?;
    let m = module(vm)?;
    if let Some(d) = native::module_get(&m, "_registered") {
        let entry = vec![
            vm.new_int(i64::from(fd)),
            Value::from_bool(all),
            Value::from_bool(chain),
        ];
        let entry = vm.new_tuple(entry);
        vm.dict_set(&d, signum, entry)?;
    }
    Ok(Value::NONE)
}

/// Called for each arriving signal before its Python handler: dumps the
/// stack if `register`ed; returns whether the Python handler should run.
pub fn on_signal(vm: &mut Vm, sig: i32) -> PyResult<bool> {
    let key = vm.new_str("faulthandler");
    let mods = vm.modules.clone();
    let Some(m) = vm.dict_get(&mods, &key)? else {
        return Ok(true);
    };
    let Some(d) = native::module_get(&m, "_registered") else {
        return Ok(true);
    };
    let k = vm.new_int(i64::from(sig));
    let Some(entry) = vm.dict_get(&d, &k)? else {
        return Ok(true);
    };
    let items = vm.iterate(&entry)?;
    let fd = items.first().and_then(adder_vm::num::as_i64).unwrap_or(2) as i32;
    let all = items.get(1).is_some_and(|v| v.as_bool() == Some(true));
    let chain = items.get(2).is_some_and(|v| v.as_bool() == Some(true));
    let s = stack_text(vm, all)?;
    let _ = adder_host::write_all(&*vm.host, fd, s.as_bytes());
    Ok(chain)
}

fn unregister(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::positional(vm, &args, "faulthandler.unregister", 1, 1)?;
    let signum = args.pos[0].clone();
    args::c_int(vm, &signum)?;
    let m = module(vm)?;
    let Some(d) = native::module_get(&m, "_registered") else {
        return Ok(Value::FALSE);
    };
    let had = vm.dict_pop(&d, &signum)?.is_some();
    if had {
        // Back to what the Python level wants for this signal.
        let s = args::c_int(vm, &signum)?;
        let action = crate::signal::python_action(vm, s)?;
        let r = vm.host.signal_set(s, action);
        crate::util::check(vm, r, None)?;
    }
    Ok(Value::from_bool(had))
}
