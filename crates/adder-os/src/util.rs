//! What the OS modules share beyond argument parsing: CPython's
//! `path_converter` (str, bytes, `os.PathLike`, optionally an fd or None),
//! file-name encoding, and raising `OSError` subclasses from host errors.
//!
//! Invariant: file names cross the host boundary as bytes (UTF-8 for str
//! paths) and come back as str exactly when the caller passed str (or
//! nothing); every host error becomes the `OSError` subclass CPython would
//! raise, carrying the filename object(s) the caller passed.

use adder_host::HostError;
use adder_object::Value;
use adder_vm::kinds;
use adder_vm::objects::string::{ByteArray, Bytes, Str};
use adder_vm::{PyResult, Vm};
use num_traits::ToPrimitive;

/// A converted path argument.
pub struct PathArg {
    /// The encoded path (empty when `fd` is set).
    pub bytes: Vec<u8>,
    /// Set when the caller passed a file descriptor.
    pub fd: Option<i32>,
    /// What error messages show as the filename (the str/bytes/fd given).
    pub object: Value,
    /// Whether results (names) should be bytes.
    pub is_bytes: bool,
}

/// Which forms a path parameter accepts (CPython's `path_t` settings).
#[derive(Clone, Copy)]
pub struct PathSpec<'a> {
    pub func: &'a str,
    pub arg: &'a str,
    pub allow_fd: bool,
    pub nullable: bool,
}

impl<'a> PathSpec<'a> {
    pub fn new(func: &'a str, arg: &'a str) -> PathSpec<'a> {
        PathSpec {
            func,
            arg,
            allow_fd: false,
            nullable: false,
        }
    }
    pub fn fd(mut self) -> Self {
        self.allow_fd = true;
        self
    }
    pub fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }

    fn type_error_text(&self, vm: &Vm, v: &Value) -> String {
        let allowed = match (self.allow_fd, self.nullable) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        };
        format!(
            "{}: {} should be {allowed}, not {}",
            self.func,
            self.arg,
            vm.type_name(v)
        )
    }

    fn type_error(&self, vm: &Vm, v: &Value) -> Value {
        vm.type_error(self.type_error_text(vm, v))
    }
}

/// `os.fsencode` for a str: UTF-8 with `surrogateescape` (U+DC80..U+DCFF
/// become the bytes they stand for); any other lone surrogate raises
/// CPython's `UnicodeEncodeError`.
pub fn encode(vm: &mut Vm, s: &str) -> PyResult<Vec<u8>> {
    match adder_text::surrogate::encode_utf8_surrogateescape(s) {
        Ok(b) => Ok(b.into_owned()),
        Err((start, end)) => {
            let args = vec![
                vm.new_str("utf-8"),
                vm.new_str(s),
                vm.new_int(start as i64),
                vm.new_int(end as i64),
                vm.new_str("surrogates not allowed"),
            ];
            let t = vm.t.unicode_encode_error.clone();
            Err(match vm.call(&t, args) {
                Ok(e) | Err(e) => e,
            })
        }
    }
}

/// `os.fsdecode` of OS bytes: UTF-8 with `surrogateescape`.
pub fn decode(b: &[u8]) -> String {
    adder_text::surrogate::decode_utf8_surrogateescape(b).into_owned()
}

/// A str or bytes result, matching the kind of the argument.
pub fn name_value(vm: &mut Vm, b: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        vm.new_bytes(b.to_vec())
    } else {
        vm.new_string(decode(b))
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__()`.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if matches!(v.kind(), Some(kinds::STR) | Some(kinds::BYTES)) {
        return Ok(Some(v.clone()));
    }
    let t = vm.type_of(v);
    let Ok(f) = vm.getattr_str(&t, "__fspath__") else {
        return Ok(None);
    };
    if f.is_none() {
        return Ok(None);
    }
    let r = vm.call(&f, vec![v.clone()])?;
    if matches!(r.kind(), Some(kinds::STR) | Some(kinds::BYTES))
        || r.downcast::<Str>().is_some()
        || r.downcast::<Bytes>().is_some()
    {
        return Ok(Some(r));
    }
    Err(vm.type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        vm.type_obj(&t).name(),
        vm.type_name(&r)
    )))
}

/// Issues a DeprecationWarning attributed to the caller (a warning turned
/// into an error propagates).
pub fn deprecation(vm: &mut Vm, msg: &str) -> PyResult<()> {
    let Ok(w) = adder_vm::native::import(vm, "_warnings") else {
        return Ok(());
    };
    let m = vm.new_str(msg);
    let cat = vm.t.deprecation_warning.clone();
    let level = vm.new_int(1);
    vm.call_method(&w, "warn", vec![m, cat, level])?;
    Ok(())
}

/// CPython's `path_converter`.
pub fn path(vm: &mut Vm, v: &Value, spec: PathSpec) -> PyResult<PathArg> {
    if spec.nullable && v.is_none() {
        return Ok(PathArg {
            bytes: b".".to_vec(),
            fd: None,
            object: Value::NONE,
            is_bytes: false,
        });
    }
    if spec.allow_fd && adder_vm::num::is_int(v) {
        let i = vm.index(v)?;
        let fd = match i.to_i32() {
            Some(fd) => fd,
            None if i.sign() == num_bigint::Sign::Minus => {
                return Err(vm.overflow_error("fd is less than minimum"))
            }
            None => return Err(vm.overflow_error("fd is greater than maximum")),
        };
        return Ok(PathArg {
            bytes: Vec::new(),
            fd: Some(fd),
            object: v.clone(),
            is_bytes: false,
        });
    }
    let obj = if v.downcast::<ByteArray>().is_some()
        || v.downcast::<adder_vm::builtins::memview::MemoryView>()
            .is_some()
    {
        // Deprecated in CPython (a DeprecationWarning), still accepted.
        let msg = spec.type_error_text(vm, v);
        deprecation(vm, &msg)?;
        let data = adder_vm::ops::bytes_of(v).unwrap_or_default();
        vm.new_bytes(data)
    } else {
        match fspath(vm, v)? {
            Some(o) => o,
            None => return Err(spec.type_error(vm, v)),
        }
    };
    if let Some(s) = obj.downcast::<Str>() {
        if s.as_str().contains('\0') {
            return Err(vm.value_error("embedded null byte"));
        }
        let bytes = encode(vm, s.as_str())?;
        return Ok(PathArg {
            bytes,
            fd: None,
            object: obj,
            is_bytes: false,
        });
    }
    if let Some(b) = obj.downcast::<Bytes>() {
        if b.b.contains(&0) {
            return Err(vm.value_error(format!(
                "{}: embedded null character in {}",
                spec.func, spec.arg
            )));
        }
        let bytes = b.b.to_vec();
        return Ok(PathArg {
            bytes,
            fd: None,
            object: obj,
            is_bytes: true,
        });
    }
    Err(spec.type_error(vm, v))
}

/// The `OSError` (subclass chosen by errno) for a host error, with up to
/// two filename objects, as `PyErr_SetFromErrnoWithFilenameObjects`.
pub fn os_error(vm: &mut Vm, e: &HostError, f1: Option<&Value>, f2: Option<&Value>) -> Value {
    let errno = vm.new_int(i64::from(e.errno));
    let msg = vm.new_str(&e.message);
    let mut args = vec![errno, msg];
    if f1.is_some() || f2.is_some() {
        args.push(f1.cloned().unwrap_or(Value::NONE));
        if let Some(f2) = f2 {
            args.push(Value::NONE);
            args.push(f2.clone());
        }
    }
    let ty = vm.t.os_error.clone();
    match vm.call(&ty, args) {
        Ok(exc) | Err(exc) => exc,
    }
}

/// `os_error` without a filename.
pub fn plain_error(vm: &mut Vm, e: &HostError) -> Value {
    os_error(vm, e, None, None)
}

/// The OSError for an errno number.
pub fn errno_error(vm: &mut Vm, errno: i32) -> Value {
    plain_error(vm, &HostError::from_errno(errno))
}

/// Maps a host result to a Python one, raising `OSError` with `f1` as the
/// filename.
pub fn check<T>(vm: &mut Vm, r: adder_host::HostResult<T>, f1: Option<&Value>) -> PyResult<T> {
    r.map_err(|e| os_error(vm, &e, f1, None))
}

/// A float from seconds and nanoseconds parts, as CPython's stat times.
pub fn ns_to_float(ns: i128) -> f64 {
    let secs = ns.div_euclid(1_000_000_000);
    let frac = ns.rem_euclid(1_000_000_000);
    secs as f64 + frac as f64 * 1e-9
}

/// An int from an i128.
pub fn int128(vm: &Vm, v: i128) -> Value {
    match i64::try_from(v) {
        Ok(i) => vm.new_int(i),
        Err(_) => vm.new_bigint(num_bigint::BigInt::from(v)),
    }
}

/// A zero-filled buffer of `n` bytes, or MemoryError (never an abort).
pub fn zeroed(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut buf = Vec::new();
    if n > vm.max_alloc || buf.try_reserve_exact(n).is_err() {
        return Err(vm.new_exception_msg(&vm.t.memory_error.clone(), ""));
    }
    buf.resize(n, 0);
    Ok(buf)
}
