//! `open()`, `open_code()` and `text_encoding()` (CPython 3.11:
//! Modules/_io/_iomodule.c).
//!
//! Invariant: `open` validates its arguments in CPython's order with
//! CPython's messages, builds FileIO → Buffered* → TextIOWrapper natively,
//! and closes the raw file again if a later layer fails.

use adder_object::Value;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{Args, PyResult, Vm};

use crate::args::{self, given};
use crate::buffered::{self, Buffered, Kind};
use crate::fileio::{self, FileIo};
use crate::state::{io_type, T};

/// `PyNumber_Check`: ints, floats, complex, and objects with `__index__`,
/// `__int__` or `__float__`.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if v.as_small_int().is_some() || v.as_inline_float().is_some() || v.is_bool() {
        return true;
    }
    if matches!(
        v.kind(),
        Some(adder_vm::kinds::BIGINT)
            | Some(adder_vm::kinds::FLOAT)
            | Some(adder_vm::kinds::COMPLEX)
    ) {
        return true;
    }
    let t = vm.type_of(v);
    ["__index__", "__int__", "__float__"].iter().any(|n| {
        let k = vm.intern(n);
        adder_vm::ops::type_lookup(&t, &k).is_some()
    })
}

#[allow(clippy::too_many_arguments)]
pub fn open_impl(
    vm: &mut Vm,
    file: Value,
    mode: &str,
    buffering: i64,
    encoding: Option<String>,
    errors: Option<Value>,
    newline: Option<String>,
    closefd: bool,
    opener: Value,
) -> PyResult {
    let path_or_fd = if is_number(vm, &file) {
        file.clone()
    } else {
        let p = fileio::fspath(vm, &file)?;
        if p.downcast::<Str>().is_none() && p.downcast::<Bytes>().is_none() {
            let r = vm.repr_string(&file)?;
            return Err(vm.type_error(format!("invalid file: {r}")));
        }
        p
    };
    let (mut creating, mut reading, mut writing, mut appending, mut updating) =
        (false, false, false, false, false);
    let (mut text, mut binary) = (false, false);
    let invalid = |vm: &Vm| vm.value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.char_indices() {
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            'b' => binary = true,
            _ => return Err(invalid(vm)),
        }
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid(vm));
        }
    }
    let mut rawmode = String::new();
    for (flag, ch) in [
        (creating, 'x'),
        (reading, 'r'),
        (writing, 'w'),
        (appending, 'a'),
        (updating, '+'),
    ] {
        if flag {
            rawmode.push(ch);
        }
    }
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if creating as u8 + reading as u8 + writing as u8 + appending as u8 > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if binary && buffering == 1 {
        let cat = vm.t.runtime_warning.clone();
        crate::state::warn(
            vm,
            &cat,
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
            1,
        )?;
    }
    // The raw file.
    let fio_t = io_type(vm, T::FileIo)?;
    let rm = vm.new_string(rawmode);
    let cf = Value::from_bool(closefd);
    let raw = vm.call(&fio_t, vec![path_or_fd, rm, cf, opener])?;
    let result = (|| -> PyResult {
        let mut buffering = buffering;
        let mut line_buffering = false;
        let isatty = if buffering == 1 || buffering < 0 {
            match raw.downcast::<FileIo>() {
                Some(f) if f.fd.get() >= 0 => vm.host.isatty(f.fd.get()),
                _ => {
                    let r = vm.call_method(&raw, "isatty", vec![])?;
                    vm.truthy(&r)?
                }
            }
        } else {
            false
        };
        if buffering == 1 || (buffering < 0 && isatty) {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            buffering = match raw.downcast::<FileIo>() {
                Some(f) => f.blksize.get(),
                None => {
                    let b = vm.getattr_str(&raw, "_blksize")?;
                    args::index_i64(vm, &b)?
                }
            };
            if buffering <= 1 {
                buffering = crate::iobase::DEFAULT_BUFFER_SIZE as i64;
            }
        }
        if buffering < 0 {
            return Err(vm.value_error("invalid buffering size"));
        }
        if buffering == 0 {
            if !binary {
                return Err(vm.value_error("can't have unbuffered text I/O"));
            }
            return Ok(raw.clone());
        }
        let (kind, which) = if updating {
            (Kind::Random, T::BufferedRandom)
        } else if creating || writing || appending {
            (Kind::Writer, T::BufferedWriter)
        } else if reading {
            (Kind::Reader, T::BufferedReader)
        } else {
            return Err(vm.value_error(format!("unknown mode: '{mode}'")));
        };
        let bt = io_type(vm, which)?;
        let buffer = vm.alloc_builtin(&bt, Buffered::new(kind));
        if let Some(b) = buffer.downcast::<Buffered>() {
            buffered::setup(vm, &buffer, b, raw.clone(), buffering)?;
        }
        if binary {
            return Ok(buffer);
        }
        let w = crate::textio::new_wrapper(
            vm,
            buffer.clone(),
            encoding,
            errors,
            newline,
            line_buffering,
            false,
        );
        let w = match w {
            Ok(w) => w,
            Err(e) => {
                // Like CPython: close the buffer (and so the raw file).
                let _ = vm.call_method(&buffer, "close", vec![]);
                return Err(e);
            }
        };
        let m = vm.intern("mode");
        let mv = vm.new_str(mode);
        vm.setattr(&w, &m, mv)?;
        Ok(w)
    })();
    match result {
        Ok(v) => Ok(v),
        Err(e) => {
            if let Some(f) = raw.downcast::<FileIo>() {
                let _ = fileio::close_native(vm, &raw, f);
            } else {
                let _ = vm.call_method(&raw, "close", vec![]);
            }
            Err(e)
        }
    }
}

/// `io.open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(
        vm,
        &mut args,
        0,
        "open",
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        8,
    )?;
    let file = a[0].clone().unwrap_or(Value::NONE);
    let mode = match &a[1] {
        None => "r".to_string(),
        Some(m) => args::need_str(vm, m, "open() argument 'mode'")?.to_string(),
    };
    let buffering = match &a[2] {
        None => -1,
        Some(b) => {
            if b.as_inline_float().is_some() || b.kind() == Some(adder_vm::kinds::FLOAT) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            args::index_i64(vm, b)?
        }
    };
    let encoding = args::opt_str(vm, &a[3], "open", "encoding")?;
    let errors = match given(&a[4]) {
        None => None,
        Some(e) if e.downcast::<Str>().is_some() => Some(e.clone()),
        Some(e) => {
            return Err(vm.type_error(format!(
                "open() argument 'errors' must be str or None, not {}",
                vm.type_name(e)
            )))
        }
    };
    let newline = args::opt_str(vm, &a[5], "open", "newline")?;
    let closefd = match &a[6] {
        None => true,
        Some(c) => args::index_i64(vm, c)? != 0,
    };
    let opener = a[7].clone().unwrap_or(Value::NONE);
    open_impl(
        vm, file, &mode, buffering, encoding, errors, newline, closefd, opener,
    )
}

pub fn open_code(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(vm, &mut args, 0, "open_code", &["path"], 1, 1)?;
    let p = a[0].clone().unwrap_or(Value::NONE);
    if p.downcast::<Str>().is_none() {
        return Err(vm.type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm.type_name(&p)
        )));
    }
    open_impl(vm, p, "rb", -1, None, None, None, true, Value::NONE)
}

pub fn text_encoding(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 0, "text_encoding", "text_encoding", 1, 2)?;
    let e = a[0].clone().unwrap_or(Value::NONE);
    if let Some(s) = &a[1] {
        args::index_i64(vm, s)?;
    }
    if !e.is_none() {
        return Ok(e);
    }
    Ok(if crate::textio::utf8_mode(vm) {
        vm.new_str("utf-8")
    } else {
        vm.new_str("locale")
    })
}
