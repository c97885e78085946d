//! The `sys` module, the bootstrap standard streams, and the registry of
//! native modules.
//!
//! The standard streams here (`StdStream`) are a minimal text layer over the
//! host's file descriptors 0/1/2 (line-buffered when the host says the fd is
//! a tty, block buffered otherwise, unbuffered with `-u`). They are only the
//! fallback for interpreters without the `_io` module (the VM's in-process
//! tests): the `_io` start-up hook (crates/adder-io) replaces them with real
//! `TextIOWrapper` objects before any user code runs.
//!
//! Invariant: every byte written to a stream reaches the host in order, and
//! `flush_std` at interpreter exit leaves nothing buffered.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace, Value};

use crate::kinds;
use crate::objects::string::Str;
use crate::ops::{dict_get_str, dict_set_str};
use crate::vm::{Args, PyResult, Vm};

#[derive(Trace)]
pub struct StdStream {
    pub fd: i32,
    pub buf: RefCell<Vec<u8>>,
    pub line_buffered: Cell<bool>,
    pub closed: Cell<bool>,
    pub name: &'static str,
}
payload!(StdStream, kinds::STREAM, "TextIOWrapper");

fn stream_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a StdStream> {
    v.downcast::<StdStream>()
        .ok_or_else(|| vm.type_error("expected a stream"))
}

fn host_write_all(vm: &mut Vm, fd: i32, mut data: &[u8]) -> PyResult<()> {
    let host = vm.host.clone();
    while !data.is_empty() {
        match host.write(fd, data) {
            Ok(0) => break,
            Ok(n) => data = &data[n..],
            Err(e) => return Err(super::exceptions::os_error(vm, &e, None)),
        }
    }
    Ok(())
}

fn flush_stream(vm: &mut Vm, s: &StdStream) -> PyResult<()> {
    let data = std::mem::take(&mut *s.buf.borrow_mut());
    if !data.is_empty() {
        host_write_all(vm, s.fd, &data)?;
    }
    Ok(())
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "write", &args, 2, 2)?;
    let s = stream_of(vm, &args.pos[0])?;
    let Some(text) = args.pos[1].downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args.pos[1])
        )));
    };
    if s.closed.get() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    let n = text.char_len();
    let flush_now = {
        let mut b = s.buf.borrow_mut();
        b.extend_from_slice(text.as_str().as_bytes());
        b.len() >= 8192
            || (s.line_buffered.get() && text.as_str().contains('\n'))
            || vm.flags.unbuffered
            || s.fd == 2
    };
    if flush_now {
        flush_stream(vm, s)?;
    }
    Ok(vm.new_int(n as i64))
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult {
    let s = stream_of(vm, &args.pos[0])?;
    flush_stream(vm, s)?;
    Ok(Value::NONE)
}

fn stream_readline(vm: &mut Vm, args: Args) -> PyResult {
    let s = stream_of(vm, &args.pos[0])?;
    let host = vm.host.clone();
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match host.read(s.fd, &mut byte) {
            Ok(0) => break,
            Ok(_) => {
                line.push(byte[0]);
                if byte[0] == b'\n' {
                    break;
                }
            }
            Err(e) => return Err(super::exceptions::os_error(vm, &e, None)),
        }
    }
    Ok(vm.new_string(String::from_utf8_lossy(&line).into_owned()))
}

fn stream_read(vm: &mut Vm, args: Args) -> PyResult {
    let s = stream_of(vm, &args.pos[0])?;
    let host = vm.host.clone();
    let mut out = Vec::new();
    let mut buf = vec![0u8; 65536];
    loop {
        match host.read(s.fd, &mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) => return Err(super::exceptions::os_error(vm, &e, None)),
        }
    }
    Ok(vm.new_string(String::from_utf8_lossy(&out).into_owned()))
}

fn stream_fileno(vm: &mut Vm, args: Args) -> PyResult {
    let s = stream_of(vm, &args.pos[0])?;
    Ok(vm.new_int(s.fd as i64))
}
fn stream_isatty(vm: &mut Vm, args: Args) -> PyResult {
    let s = stream_of(vm, &args.pos[0])?;
    Ok(Value::from_bool(vm.host.isatty(s.fd)))
}
fn stream_true(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::TRUE)
}
fn stream_encoding(vm: &mut Vm, _v: &Value) -> PyResult {
    Ok(vm.new_str("utf-8"))
}
fn stream_errors(vm: &mut Vm, v: &Value) -> PyResult {
    let s = stream_of(vm, v)?;
    Ok(vm.new_str(if s.fd == 2 {
        "backslashreplace"
    } else {
        "strict"
    }))
}
fn stream_name(vm: &mut Vm, v: &Value) -> PyResult {
    let s = stream_of(vm, v)?;
    Ok(vm.new_str(s.name))
}
fn stream_closed(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Value::from_bool(stream_of(vm, v)?.closed.get()))
}
fn stream_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = stream_of(vm, &args.pos[0])?;
    let mode = if s.fd == 0 { "r" } else { "w" };
    Ok(vm.new_string(format!(
        "<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>",
        s.name
    )))
}

/// Writes text to sys.stderr (falling back to fd 2), for tracebacks.
pub fn write_stderr(vm: &mut Vm, text: &str) {
    flush_std(vm);
    let sys = vm.sys_module.clone();
    if let Ok(err) = vm.getattr_str(&sys, "stderr") {
        if !err.is_none() {
            let t = vm.new_str(text);
            if vm.call_method(&err, "write", vec![t]).is_ok() {
                let _ = vm.call_method(&err, "flush", vec![]);
                return;
            }
        }
    }
    let _ = host_write_all(vm, 2, text.as_bytes());
}

/// Flushes sys.stdout and sys.stderr (at exit and before tracebacks).
pub fn flush_std(vm: &mut Vm) {
    let sys = vm.sys_module.clone();
    for name in ["stdout", "stderr"] {
        if let Ok(s) = vm.getattr_str(&sys, name) {
            if !s.is_none() {
                let _ = vm.call_method(&s, "flush", vec![]);
            }
        }
    }
}

/// `sys.displayhook` for the interactive prompt and `single` mode.
pub fn displayhook(vm: &mut Vm, v: Value) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let b = vm.builtins.clone();
    crate::ops::dict_set_str(vm, &b, "_", Value::NONE)?;
    let r = vm.repr_string(&v)?;
    let sys = vm.sys_module.clone();
    let out = vm.getattr_str(&sys, "stdout")?;
    let t = vm.new_string(r + "\n");
    vm.call_method(&out, "write", vec![t])?;
    crate::ops::dict_set_str(vm, &b, "_", v)?;
    Ok(())
}

fn sys_displayhook(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "displayhook", &args, 1, 1)?;
    displayhook(vm, args.pos[0].clone())?;
    Ok(Value::NONE)
}

/// The exit status for an uncaught SystemExit (printing its message if any).
pub fn system_exit_status(vm: &mut Vm, e: &Value) -> i32 {
    let code = vm.getattr_str(e, "code").unwrap_or(Value::NONE);
    if code.is_none() {
        return 0;
    }
    if let Some(i) = crate::num::as_bigint(&code) {
        use num_traits::ToPrimitive;
        return i.to_i64().map_or(-1, |x| x as i32);
    }
    let msg = vm.str_string(&code).unwrap_or_default();
    write_stderr(vm, &format!("{msg}\n"));
    1
}

/// Line `line` (1-based) of a source file, for tracebacks.
pub fn source_line(vm: &mut Vm, filename: &str, line: u32) -> Option<String> {
    if filename.starts_with('<') || line == 0 {
        return None;
    }
    if let Some(src) = vm.source_cache.get(filename) {
        return src.lines().nth(line as usize - 1).map(|s| s.to_string());
    }
    let bytes = crate::import::read_file(vm, filename).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let l = text.lines().nth(line as usize - 1).map(|s| s.to_string());
    vm.source_cache.insert(filename.to_string(), text);
    l
}

/// `locals()` of the calling Python frame (a snapshot for functions).
pub fn current_locals(vm: &mut Vm) -> PyResult {
    let Some(f) = vm.frames.last() else {
        return Ok(vm.new_dict());
    };
    if !f.locals.is_null() {
        return Ok(f.locals.clone());
    }
    let code = f.code().code.clone();
    let fast = f.stack.locals().to_vec();
    let d = vm.new_dict();
    for (i, name) in code.varnames.iter().enumerate() {
        if let Some(v) = fast.get(i) {
            if !v.is_null() {
                dict_set_str(vm, &d, name, v.clone())?;
            }
        }
    }
    let nl = code.varnames.len();
    for (i, name) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
        if let Some(c) = fast.get(nl + i).and_then(|c| {
            c.downcast::<crate::objects::cell::Cell>()
                .map(|c| c.value.get())
        }) {
            if !c.is_null() {
                dict_set_str(vm, &d, name, c)?;
            }
        }
    }
    Ok(d)
}

fn exit(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "exit", &args, 0, 1)?;
    let se = vm.t.system_exit.clone();
    // Like raising with a value: a tuple argument becomes the args tuple.
    let pos = match args
        .pos
        .first()
        .and_then(|a| a.downcast::<crate::objects::seq::Tuple>())
    {
        Some(t) => t.items.to_vec(),
        None => args.pos.into_vec(),
    };
    Err(vm.call(&se, pos)?)
}
fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(vm.recursion_limit as i64))
}
fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "setrecursionlimit", &args, 1, 1)?;
    let Some(n) = crate::num::as_i64(&args.pos[0]).filter(|_| crate::num::is_int(&args.pos[0]))
    else {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth {
        return Err(vm.new_exception_msg(
            &vm.t.recursion_error.clone(),
            format!("cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", vm.depth),
        ));
    }
    vm.recursion_limit = n.min(i32::MAX as i64) as usize;
    Ok(Value::NONE)
}
fn exc_info(vm: &mut Vm, _args: Args) -> PyResult {
    let e = vm.handled_exception();
    if e.is_none() || e.is_null() {
        return Ok(vm.new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let t = vm.type_of(&e);
    let tb = e
        .downcast::<crate::objects::exception::Exception>()
        .map_or(Value::NONE, |x| x.traceback.get());
    Ok(vm.new_tuple(vec![t, e, tb]))
}
fn exception(vm: &mut Vm, _args: Args) -> PyResult {
    let e = vm.handled_exception();
    Ok(if e.is_null() { Value::NONE } else { e })
}
fn intern(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "intern", &args, 1, 1)?;
    match args.pos[0].downcast::<Str>() {
        Some(s) if vm.type_of(&args.pos[0]).is(&vm.t.str) => {
            let s = s.as_str().to_string();
            Ok(vm.intern(&s))
        }
        _ => Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(&args.pos[0])
        ))),
    }
}
/// `sys.getsizeof(object[, default])`: the object's `__sizeof__()` (Adder's
/// real size for builtin types, see `objects::size`); Adder adds no
/// collector header (CPython adds its 16-byte GC header for containers).
fn getsizeof(vm: &mut Vm, mut args: Args) -> PyResult {
    let default = args.take_kw("default");
    let object = args.take_kw("object");
    let mut pos = args.pos.into_iter();
    let Some(o) = object.or_else(|| pos.next()) else {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    let default = default.or_else(|| pos.next());
    if pos.next().is_some() || !args.kw.is_empty() {
        return Err(vm.type_error("getsizeof() takes at most 2 arguments"));
    }
    let t = vm.type_of(&o);
    let name = vm.names.__sizeof__.clone();
    let r = match crate::ops::type_lookup(&t, &name) {
        Some(f) => vm.call_method_value(&f, &o, vec![]),
        None => Err(vm.type_error(format!(
            "Type {} doesn't define __sizeof__",
            vm.type_name(&o)
        ))),
    };
    let n = r.and_then(|n| {
        if !crate::num::is_int(&n) {
            return Err(vm.type_error("an integer is required"));
        }
        match crate::num::as_i64(&n) {
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
            Some(i) if i < 0 => Err(vm.value_error("__sizeof__() should return >= 0")),
            Some(_) => Ok(n),
        }
    });
    match n {
        Ok(n) => Ok(n),
        Err(e) => match default {
            Some(d) if vm.exc_matches(&e, &vm.t.type_error.clone()) => Ok(d),
            _ => Err(e),
        },
    }
}
fn getrefcount(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "getrefcount", &args, 1, 1)?;
    let n = args.pos[0].header().map_or(1, |h| h.refcount() as i64);
    Ok(vm.new_int(n))
}
fn noop(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}
/// `sys.is_finalizing()`: Python code never runs during interpreter teardown here.
fn is_finalizing(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "is_finalizing", &args, 0, 0)?;
    Ok(Value::FALSE)
}
/// `sys.get_asyncgen_hooks()`: the (firstiter, finalizer) pair last set
/// (kept in the sys module's dict; the VM does not call them yet).
fn get_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "get_asyncgen_hooks", &args, 0, 0)?;
    let d = vm
        .sys_module
        .downcast::<crate::objects::module::Module>()
        .map(|m| m.dict.clone());
    let get = |k: &str| {
        d.as_ref()
            .and_then(|d| crate::ops::dict_get_str(d, k))
            .unwrap_or(Value::NONE)
    };
    let (a, b) = (get("_asyncgen_firstiter"), get("_asyncgen_finalizer"));
    Ok(vm.new_tuple(vec![a, b]))
}
/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: arguments not
/// given keep their value; each must be callable or None.
fn set_asyncgen_hooks(vm: &mut Vm, mut args: Args) -> PyResult {
    let firstiter = args.take_kw("firstiter");
    let finalizer = args.take_kw("finalizer");
    if let Some((k, _)) = args.kw.first() {
        let k = vm.str_string(k)?;
        return Err(vm.type_error(format!(
            "set_asyncgen_hooks() got an unexpected keyword argument '{k}'"
        )));
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "set_asyncgen_hooks() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut pos = args.pos.into_iter();
    let firstiter = firstiter.or_else(|| pos.next());
    let finalizer = finalizer.or_else(|| pos.next());
    let Some(d) = vm
        .sys_module
        .downcast::<crate::objects::module::Module>()
        .map(|m| m.dict.clone())
    else {
        return Ok(Value::NONE);
    };
    for (name, key, v) in [
        ("firstiter", "_asyncgen_firstiter", firstiter),
        ("finalizer", "_asyncgen_finalizer", finalizer),
    ] {
        if let Some(v) = v {
            if !v.is_none() && !vm.callable(&v) {
                return Err(vm.type_error(format!(
                    "callable {name} expected, got {}",
                    vm.type_name(&v)
                )));
            }
            dict_set_str(vm, &d, key, v)?;
        }
    }
    Ok(Value::NONE)
}
fn gettrace(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}
fn get_int_max_str_digits(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(vm.int_max_str_digits as i64))
}
fn set_int_max_str_digits(vm: &mut Vm, mut args: Args) -> PyResult {
    let v = args
        .take_kw("maxdigits")
        .or_else(|| args.pos.first().cloned());
    let Some(n) = v.as_ref().and_then(crate::num::as_i64) else {
        return Err(vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits'"));
    };
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::NONE)
}
fn getdefaultencoding(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("utf-8"))
}
fn getfilesystemencodeerrors(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "getfilesystemencodeerrors", &args, 0, 0)?;
    Ok(vm.new_str("surrogateescape"))
}
fn excepthook(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "excepthook", &args, 3, 3)?;
    crate::traceback::print_exception(vm, &args.pos[1]);
    Ok(Value::NONE)
}

fn new_stream(vm: &mut Vm, fd: i32, name: &'static str) -> Value {
    let tty = vm.host.isatty(fd);
    vm.alloc_builtin(
        &vm.t.std_stream.clone(),
        StdStream {
            fd,
            buf: RefCell::new(Vec::new()),
            line_buffered: Cell::new(tty),
            closed: Cell::new(false),
            name,
        },
    )
}

/// Builds the `sys` module from the configuration.
pub fn setup_sys(vm: &mut Vm) {
    let m = crate::import::new_module(vm, "sys");
    vm.sys_module = m.clone();
    let d = m
        .downcast::<crate::objects::module::Module>()
        .unwrap()
        .dict
        .clone();
    let set = |vm: &mut Vm, k: &str, v: Value| {
        let _ = dict_set_str(vm, &d, k, v);
    };
    let fns: &[(&'static str, crate::vm::NativeFn)] = &[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("intern", intern),
        ("getsizeof", getsizeof),
        ("getrefcount", getrefcount),
        ("settrace", noop),
        ("setprofile", noop),
        ("gettrace", gettrace),
        ("getprofile", gettrace),
        ("_getframe", crate::builtins::frames::getframe),
        ("displayhook", sys_displayhook),
        ("__displayhook__", sys_displayhook),
        ("excepthook", excepthook),
        ("__excepthook__", excepthook),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("getdefaultencoding", getdefaultencoding),
        ("getfilesystemencoding", getdefaultencoding),
        ("getfilesystemencodeerrors", getfilesystemencodeerrors),
        ("audit", noop),
        ("is_finalizing", is_finalizing),
        ("get_asyncgen_hooks", get_asyncgen_hooks),
        ("set_asyncgen_hooks", set_asyncgen_hooks),
    ];
    for (n, f) in fns {
        let nf = vm.new_native(
            n,
            *f,
            crate::objects::function::NativeKind::Function,
            m.clone(),
        );
        set(vm, n, nf);
    }
    crate::builtins::breakpoint::setup_sys(vm, &m, &d);
    let argv: Vec<Value> = vm
        .flags
        .argv
        .clone()
        .iter()
        .map(|a| vm.new_str(a))
        .collect();
    let argv = vm.new_list(argv);
    set(vm, "argv", argv.clone());
    set(vm, "orig_argv", argv);
    // sys.path[0] (the script's folder, or '') is inserted after `site`
    // has run, as in CPython (see Interpreter::new).
    let mut path = Vec::new();
    if !vm.flags.isolated && !vm.flags.ignore_environment {
        if let Some(pp) = vm.host.getenv(b"PYTHONPATH") {
            for p in String::from_utf8_lossy(&pp)
                .split(':')
                .filter(|s| !s.is_empty())
            {
                path.push(vm.new_str(p));
            }
        }
    }
    let stdlib = vm.flags.stdlib_path.clone();
    path.push(vm.new_string(stdlib.clone()));
    path.push(vm.new_string(format!("{stdlib}/lib-dynload")));
    let path = vm.new_list(path);
    set(vm, "path", path);
    let mods = vm.modules.clone();
    set(vm, "modules", mods);
    set(vm, "version", vm.new_str("3.11.2 (adder 0.1.0) [Rust]"));
    let vi = vec![
        vm.new_int(3),
        vm.new_int(11),
        vm.new_int(2),
        vm.new_str("final"),
        vm.new_int(0),
    ];
    set(vm, "version_info", vm.new_tuple(vi));
    set(vm, "hexversion", vm.new_int(0x030B02F0));
    set(vm, "api_version", vm.new_int(1013));
    set(vm, "platform", vm.new_str("linux"));
    set(vm, "byteorder", vm.new_str("little"));
    set(vm, "maxsize", vm.new_int(i64::MAX));
    set(vm, "maxunicode", vm.new_int(0x10FFFF));
    set(vm, "prefix", vm.new_str("/usr"));
    set(vm, "base_prefix", vm.new_str("/usr"));
    set(vm, "exec_prefix", vm.new_str("/usr"));
    set(vm, "base_exec_prefix", vm.new_str("/usr"));
    set(vm, "platlibdir", vm.new_str("lib"));
    set(vm, "abiflags", vm.new_str(""));
    set(vm, "float_repr_style", vm.new_str("short"));
    set(
        vm,
        "copyright",
        vm.new_str("Copyright (c) the Adder developers.\nPython's standard library: Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."),
    );
    // Numeric parameters (x86-64 IEEE doubles; CPython's int and hash layout,
    // which Adder's numeric hashing reproduces).
    let fi = crate::builtins::structseq::new_type(
        vm,
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        11,
    );
    let fv = vec![
        vm.new_float(f64::MAX),
        vm.new_int(f64::MAX_EXP as i64),
        vm.new_int(f64::MAX_10_EXP as i64),
        vm.new_float(f64::MIN_POSITIVE),
        vm.new_int(f64::MIN_EXP as i64),
        vm.new_int(f64::MIN_10_EXP as i64),
        vm.new_int(f64::DIGITS as i64),
        vm.new_int(f64::MANTISSA_DIGITS as i64),
        vm.new_float(f64::EPSILON),
        vm.new_int(2),
        vm.new_int(1),
    ];
    let fv = crate::builtins::structseq::new(vm, &fi, fv);
    set(vm, "float_info", fv);
    let ii = crate::builtins::structseq::new_type(
        vm,
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        4,
    );
    let iv = vec![
        vm.new_int(30),
        vm.new_int(4),
        vm.new_int(4300),
        vm.new_int(640),
    ];
    let iv = crate::builtins::structseq::new(vm, &ii, iv);
    set(vm, "int_info", iv);
    let hi = crate::builtins::structseq::new_type(
        vm,
        "sys",
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        9,
    );
    let hv = vec![
        vm.new_int(64),
        vm.new_int((1i64 << 61) - 1),
        vm.new_int(314159),
        vm.new_int(0),
        vm.new_int(1000003),
        vm.new_str("siphash13"),
        vm.new_int(64),
        vm.new_int(128),
        vm.new_int(0),
    ];
    let hv = crate::builtins::structseq::new(vm, &hi, hv);
    set(vm, "hash_info", hv);
    set(vm, "dont_write_bytecode", Value::TRUE);
    set(vm, "pycache_prefix", Value::NONE);
    let exe = vm
        .host
        .executable()
        .map(|e| String::from_utf8_lossy(&e).into_owned())
        .unwrap_or_default();
    set(vm, "executable", vm.new_string(exe.clone()));
    set(vm, "_base_executable", vm.new_string(exe));
    let names = crate::native::builtin_module_names(vm)
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    set(vm, "builtin_module_names", vm.new_tuple(names));
    for n in ["meta_path", "path_hooks"] {
        let l = vm.new_list(vec![]);
        set(vm, n, l);
    }
    let wo: Vec<Value> = vm
        .flags
        .warnoptions
        .clone()
        .iter()
        .map(|o| vm.new_str(o))
        .collect();
    let wo = vm.new_list(wo);
    set(vm, "warnoptions", wo);
    set(vm, "path_importer_cache", vm.new_dict());
    set(vm, "_xoptions", vm.new_dict());
    // sys.implementation: a simple namespace object (an instance of a tiny class).
    let ns_t = crate::builtins::namespace::make_type(vm);
    if let Some(t) = ns_t {
        let imp = vm.alloc_instance(&t);
        let cache_tag = vm.new_str("adder-311");
        let name = vm.new_str("adder");
        let ver = vec![
            vm.new_int(0),
            vm.new_int(1),
            vm.new_int(0),
            vm.new_str("alpha"),
            vm.new_int(0),
        ];
        let ver = vm.new_tuple(ver);
        for (k, v) in [
            ("name", name),
            ("cache_tag", cache_tag),
            ("version", ver),
            ("hexversion", vm.new_int(0x000100A0)),
            // Debian's build-time sysconfig data (`_sysconfigdata__linux_x86_64-linux-gnu`).
            ("_multiarch", vm.new_str("x86_64-linux-gnu")),
        ] {
            let key = vm.intern(k);
            let _ = vm.setattr(&imp, &key, v);
        }
        set(vm, "implementation", imp);
        let fl = vm.flags.clone();
        let fields = [
            ("debug", 0),
            ("inspect", 0),
            ("interactive", 0),
            ("optimize", fl.optimize as i64),
            ("dont_write_bytecode", 1),
            ("no_user_site", fl.isolated as i64),
            ("no_site", fl.no_site as i64),
            (
                "ignore_environment",
                (fl.ignore_environment || fl.isolated) as i64,
            ),
            ("verbose", 0),
            ("bytes_warning", 0),
            ("quiet", 0),
            ("hash_randomization", 1),
            ("isolated", fl.isolated as i64),
            ("dev_mode", 0),
            ("utf8_mode", 0),
            ("warn_default_encoding", 0),
            ("safe_path", fl.isolated as i64),
            ("int_max_str_digits", -1),
        ];
        let names: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
        let ft = crate::builtins::structseq::new_type(vm, "sys", "flags", &names, names.len());
        let vals = fields
            .iter()
            .map(|(k, v)| {
                if *k == "dev_mode" || *k == "safe_path" {
                    Value::from_bool(*v != 0)
                } else {
                    vm.new_int(*v)
                }
            })
            .collect();
        let flags = crate::builtins::structseq::new(vm, &ft, vals);
        set(vm, "flags", flags);
    }
    let stdin = new_stream(vm, 0, "<stdin>");
    let stdout = new_stream(vm, 1, "<stdout>");
    let stderr = new_stream(vm, 2, "<stderr>");
    for (n, s) in [
        ("stdin", stdin.clone()),
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
    ] {
        set(vm, n, s.clone());
        set(vm, &format!("__{n}__"), s);
    }
    crate::builtins::unraisable::init_sys(vm, &m, &d);
    let k = vm.new_str("sys");
    let _ = vm.dict_set(&mods_of(vm), k, m.clone());
    let k = vm.new_str("builtins");
    let b = vm.builtins_module.clone();
    let _ = vm.dict_set(&mods_of(vm), k, b);
    let _ = dict_get_str(&d, "path");
}

fn mods_of(vm: &Vm) -> Value {
    vm.modules.clone()
}

pub fn init(vm: &mut Vm) {
    init_module_type(vm);
    let t = vm.t.std_stream.clone();
    vm.add_method(&t, "write", stream_write);
    vm.add_method(&t, "flush", stream_flush);
    vm.add_method(&t, "readline", stream_readline);
    vm.add_method(&t, "read", stream_read);
    vm.add_method(&t, "fileno", stream_fileno);
    vm.add_method(&t, "isatty", stream_isatty);
    vm.add_method(&t, "writable", stream_true);
    vm.add_method(&t, "readable", stream_true);
    vm.add_method(&t, "__repr__", stream_repr);
    vm.add_getset(&t, "encoding", stream_encoding, None);
    vm.add_getset(&t, "errors", stream_errors, None);
    vm.add_getset(&t, "name", stream_name, None);
    vm.add_getset(&t, "closed", stream_closed, None);
}

fn module_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let d = vm.new_dict();
    // Empty until __init__ names it (`ModuleType.__new__(ModuleType)` has no __name__).
    Ok(vm.alloc_builtin(&cls, crate::objects::module::Module { dict: d }))
}

fn module_init(vm: &mut Vm, mut args: Args) -> PyResult {
    let m = args.pos.remove(0);
    let name = args.take_kw("name").or_else(|| args.pos.first().cloned());
    let doc = args
        .take_kw("doc")
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::NONE);
    let Some(name) = name else {
        return Err(vm.type_error("module.__init__() missing required argument 'name' (pos 1)"));
    };
    if name.kind() != Some(kinds::STR) {
        return Err(vm.type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    }
    let d = m
        .downcast::<crate::objects::module::Module>()
        .unwrap()
        .dict
        .clone();
    dict_set_str(vm, &d, "__name__", name)?;
    dict_set_str(vm, &d, "__doc__", doc)?;
    dict_set_str(vm, &d, "__package__", Value::NONE)?;
    dict_set_str(vm, &d, "__loader__", Value::NONE)?;
    dict_set_str(vm, &d, "__spec__", Value::NONE)?;
    Ok(Value::NONE)
}

fn module_dict(vm: &mut Vm, v: &Value) -> PyResult {
    let _ = vm;
    Ok(v.downcast::<crate::objects::module::Module>()
        .unwrap()
        .dict
        .clone())
}

/// `module.__annotations__`: the dict's entry, created empty on first use
/// (PEP 563's lazy module annotations, as CPython 3.10+).
fn module_annotations(vm: &mut Vm, v: &Value) -> PyResult {
    let Some(m) = v.downcast::<crate::objects::module::Module>() else {
        return Err(vm.type_error("descriptor '__annotations__' requires a 'module' object"));
    };
    let d = m.dict.clone();
    if let Some(a) = dict_get_str(&d, "__annotations__") {
        return Ok(a);
    }
    let a = vm.new_dict();
    dict_set_str(vm, &d, "__annotations__", a.clone())?;
    Ok(a)
}

fn module_set_annotations(vm: &mut Vm, v: &Value, a: Value) -> PyResult<()> {
    let Some(m) = v.downcast::<crate::objects::module::Module>() else {
        return Err(vm.type_error("descriptor '__annotations__' requires a 'module' object"));
    };
    let d = m.dict.clone();
    if a.is_null() {
        let key = vm.intern("__annotations__");
        if !crate::ops::dict_del_strkey(&d, &key) {
            return Err(vm.new_exception_msg(&vm.t.attribute_error.clone(), "__annotations__"));
        }
        return Ok(());
    }
    dict_set_str(vm, &d, "__annotations__", a)
}

fn module_dir(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos[0]
        .downcast::<crate::objects::module::Module>()
        .is_none()
    {
        return Err(vm.type_error("descriptor '__dir__' requires a 'module' object"));
    }
    // `self.__dict__`, which a subclass may override (CPython's module_dir).
    let dn = vm.names.__dict__.clone();
    let d = vm.getattr(&args.pos[0], &dn)?;
    if d.kind() != Some(crate::kinds::DICT) {
        return Err(vm.type_error("<module>.__dict__ is not a dictionary"));
    }
    // A module-level `__dir__` function (PEP 562) decides.
    if let Some(f) = dict_get_str(&d, "__dir__") {
        return vm.call(&f, vec![]);
    }
    let keys = d.downcast::<crate::objects::dict::Dict>().unwrap().keys();
    Ok(vm.new_list(keys))
}

/// The `module` type's constructor and attributes (`types.ModuleType`).
pub fn init_module_type(vm: &mut Vm) {
    let t = vm.t.module.clone();
    vm.set_new(&t, module_new);
    vm.add_method(&t, "__init__", module_init);
    vm.add_method(&t, "__dir__", module_dir);
    vm.add_getset(&t, "__dict__", module_dict, None);
    vm.add_getset_del(
        &t,
        "__annotations__",
        module_annotations,
        module_set_annotations,
    );
}
