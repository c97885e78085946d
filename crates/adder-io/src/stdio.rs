//! The standard streams: `sys.stdin`, `sys.stdout` and `sys.stderr` as
//! CPython builds them (`create_stdio` in Python/pylifecycle.c), and the
//! `builtins.open` wiring.
//!
//! Invariant: after start-up each standard stream is
//! `TextIOWrapper(Buffered*(FileIO(fd, closefd=False)))` — or, with `-u`,
//! a write-through wrapper straight over the FileIO for stdout/stderr —
//! with the encoding and error handler CPython would pick; a descriptor
//! that is not open gives `None`, as in CPython.

use adder_object::Value;
use adder_vm::{PyResult, Vm};

use crate::buffered::{self, Buffered, Kind};
use crate::state::{io_type, T};

/// `PYTHONIOENCODING` (when honoured): (encoding, errors), either may be empty.
fn io_encoding_env(vm: &Vm) -> (String, String) {
    if vm.flags.ignore_environment || vm.flags.isolated {
        return (String::new(), String::new());
    }
    match vm.host.getenv(b"PYTHONIOENCODING") {
        None => (String::new(), String::new()),
        Some(v) => {
            let s = String::from_utf8_lossy(&v).into_owned();
            match s.split_once(':') {
                Some((e, r)) => (e.to_string(), r.to_string()),
                None => (s, String::new()),
            }
        }
    }
}

/// The codec name CPython records for the stdio encoding (`codecs.lookup(x).name`).
fn codec_name(vm: &mut Vm, enc: &str) -> PyResult<String> {
    use crate::textio::Native;
    Ok(match crate::textio::native_codec(enc) {
        Some(Native::Utf8) => "utf-8".to_string(),
        Some(Native::Latin1) => "iso8859-1".to_string(),
        Some(Native::Ascii) => "ascii".to_string(),
        None => {
            let ci = crate::codecs::lookup(vm, enc)?;
            let n = vm.getattr_str(&ci, "name")?;
            vm.str_string(&n)?
        }
    })
}

fn create_stdio(
    vm: &mut Vm,
    fd: i32,
    write: bool,
    name: &str,
    encoding: &str,
    errors: &str,
) -> PyResult {
    if vm.host.fstat(fd).is_err() {
        return Ok(Value::NONE);
    }
    let unbuffered = vm.flags.unbuffered;
    let fio_t = io_type(vm, T::FileIo)?;
    let nm = vm.new_str(name);
    let raw =
        crate::fileio::new_for_fd(vm, &fio_t, fd, if write { "wb" } else { "rb" }, false, nm)?;
    let isatty = vm.host.isatty(fd);
    let buf = if write && unbuffered {
        raw
    } else {
        let (kind, which) = if write {
            (Kind::Writer, T::BufferedWriter)
        } else {
            (Kind::Reader, T::BufferedReader)
        };
        let bt = io_type(vm, which)?;
        let b = vm.alloc_builtin(&bt, Buffered::new(kind));
        let size = if isatty { 1024 } else { crate::DEFAULT_BLKSIZE };
        if let Some(bb) = b.downcast::<Buffered>() {
            buffered::setup(vm, &b, bb, raw, size)?;
        }
        b
    };
    let line_buffering = !unbuffered && (isatty || fd == 2);
    let errs = vm.new_str(errors);
    let w = crate::textio::new_wrapper(
        vm,
        buf,
        Some(encoding.to_string()),
        Some(errs),
        Some("\n".to_string()),
        line_buffering,
        unbuffered,
    )?;
    let m = vm.intern("mode");
    let mv = vm.new_str(if write { "w" } else { "r" });
    vm.setattr(&w, &m, mv)?;
    Ok(w)
}

/// The start-up hook: real standard streams and `builtins.open`.
pub fn startup(vm: &mut Vm) -> PyResult<()> {
    let io = crate::state::io_module(vm)?;
    // builtins.open is _io.open.
    if let Some(open) = adder_vm::native::module_get(&io, "open") {
        let b = vm.builtins.clone();
        adder_vm::ops::dict_set_str(vm, &b, "open", open)?;
    }
    let (env_enc, env_err) = io_encoding_env(vm);
    let env_names_encoding = !env_enc.is_empty();
    let utf8_mode = crate::textio::utf8_mode(vm);
    let enc = if env_enc.is_empty() {
        if utf8_mode {
            "utf-8".to_string()
        } else {
            crate::textio::locale_encoding(vm)
        }
    } else {
        env_enc
    };
    let enc = codec_name(vm, &enc)?;
    // CPython 3.11 (Python/initconfig.c): PYTHONIOENCODING's errors part;
    // "strict" when it names only an encoding; else surrogateescape in UTF-8
    // mode, the C/POSIX locale and the coercion targets (C.UTF-8, ...).
    let locale = crate::textio::locale_name(vm);
    let errors = if !env_err.is_empty() {
        env_err
    } else if env_names_encoding {
        "strict".to_string()
    } else if utf8_mode || matches!(locale.as_str(), "C.UTF-8" | "C.utf8" | "UTF-8") {
        "surrogateescape".to_string()
    } else {
        "strict".to_string()
    };
    let stdin = create_stdio(vm, 0, false, "<stdin>", &enc, &errors)?;
    let stdout = create_stdio(vm, 1, true, "<stdout>", &enc, &errors)?;
    let stderr = create_stdio(vm, 2, true, "<stderr>", &enc, "backslashreplace")?;
    let sys = vm.sys_module.clone();
    for (n, s) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        adder_vm::native::module_set(vm, &sys, n, s.clone());
        adder_vm::native::module_set(vm, &sys, &format!("__{n}__"), s);
    }
    Ok(())
}
