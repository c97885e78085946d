//! Argument parsing and argument conversions for the `_io` and `_codecs`
//! natives, reproducing CPython 3.11's Argument Clinic messages.
//!
//! Invariant: every native in this crate checks its receiver and its
//! arguments through these helpers, so a wrong call raises the TypeError
//! CPython raises (never a panic, never a silently ignored argument).

use adder_object::Value;
use adder_vm::kinds;
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn kw_name(k: &Value) -> String {
    k.downcast::<Str>()
        .map_or_else(|| "?".to_string(), |s| s.as_str().to_string())
}

/// The receiver of a method call (`args.pos[0]`).
pub fn this(vm: &Vm, args: &Args, qual: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) => Ok(v.clone()),
        None => Err(vm.type_error(format!("unbound method {qual}() needs an argument"))),
    }
}

/// A method taking no arguments besides `self` (`METH_NOARGS`).
pub fn noargs(vm: &Vm, args: &Args, qual: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(format!("{qual}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// A method taking exactly one positional argument (`METH_O`).
pub fn onearg(vm: &Vm, args: &Args, qual: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!("{qual}() takes exactly one argument ({n} given)")));
    }
    Ok(args.pos[1].clone())
}

/// Positional-only parameters (Argument Clinic `/`): `skip` leading values
/// (the receiver) are not counted. Missing optional ones are `None`.
pub fn posargs(
    vm: &Vm,
    args: &Args,
    skip: usize,
    name: &str,
    qual: &str,
    min: usize,
    max: usize,
) -> PyResult<Vec<Option<Value>>> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let pos = args.pos.get(skip..).unwrap_or(&[]);
    let n = pos.len();
    if min == 1 && max == 1 && n != 1 {
        // A single positional-only parameter is METH_O in CPython.
        return Err(vm.type_error(format!("{qual}() takes exactly one argument ({n} given)")));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )));
    }
    if n < min {
        return Err(vm.type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )));
    }
    let mut out: Vec<Option<Value>> = pos.iter().cloned().map(Some).collect();
    out.resize(max, None);
    Ok(out)
}

/// Parameters that may be passed by keyword (Argument Clinic with
/// keywords). `kwonly` is the index of the first keyword-only parameter
/// (`params.len()` when there is none); the first `min` are required.
pub fn kwargs(
    vm: &Vm,
    args: &mut Args,
    skip: usize,
    fname: &str,
    params: &[&str],
    min: usize,
    kwonly: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos.get(skip..).unwrap_or(&[]).to_vec();
    let n = pos.len();
    let total = n + args.kw.len();
    if total > params.len() {
        let max = params.len();
        let what = if n == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max} {what}argument{} ({total} given)",
            plural(max)
        )));
    }
    if n > kwonly {
        if kwonly == 0 {
            return Err(vm.type_error(format!("{fname}() takes no positional arguments")));
        }
        return Err(vm.type_error(format!(
            "{fname}() takes {} {kwonly} positional argument{} ({n} given)",
            if min < kwonly { "at most" } else { "exactly" },
            plural(kwonly)
        )));
    }
    let mut out: Vec<Option<Value>> = pos.into_iter().map(Some).collect();
    out.resize(params.len(), None);
    for (k, v) in std::mem::take(&mut args.kw) {
        let kn = kw_name(&k);
        match params.iter().position(|p| *p == kn) {
            Some(i) if i < n => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{kn}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{kn}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, p) in params.iter().enumerate().take(min) {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{p}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

/// An optional argument that is present and not None.
pub fn given(v: &Option<Value>) -> Option<&Value> {
    v.as_ref().filter(|v| !v.is_none())
}

/// A Python int as i64 via `__index__` (`'str' object cannot be
/// interpreted as an integer`); overflow raises OverflowError with `what`.
pub fn index_i64(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let b: BigInt = vm.index(v)?;
    b.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// A Python int as i64 when it is an int (with `__index__`), or None.
pub fn index_opt_i64(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    match vm.index_opt(v)? {
        Some(b) => Ok(Some(b.to_i64().ok_or_else(|| {
            vm.overflow_error("Python int too large to convert to C ssize_t")
        })?)),
        None => Ok(None),
    }
}

/// `_Py_convert_optional_to_ssize_t`: None or absent is -1.
pub fn size_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if v.is_none() => Ok(-1),
        Some(v) => match index_opt_i64(vm, v)? {
            Some(i) => Ok(i),
            None => Err(vm.type_error(format!(
                "argument should be integer or None, not '{}'",
                vm.type_name(v)
            ))),
        },
    }
}

/// The text of a str value.
pub fn str_of(v: &Value) -> Option<&str> {
    v.downcast::<Str>().map(|s| s.as_str())
}

/// A str argument or the TypeError `{what} must be str, not X`.
pub fn need_str<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v.downcast::<Str>() {
        Some(s) => Ok(s.as_str()),
        None => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_name(v)))),
    }
}

/// An optional str argument (None allowed):
/// `{fname}() argument '{arg}' must be str or None, not X`.
pub fn opt_str(vm: &Vm, v: &Option<Value>, fname: &str, arg: &str) -> PyResult<Option<String>> {
    match given(v) {
        None => Ok(None),
        Some(v) => match v.downcast::<Str>() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => Err(vm.type_error(format!(
                "{fname}() argument '{arg}' must be str or None, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

/// The bytes of a bytes-like object (any buffer exporter), if it is one.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    adder_vm::buffer::bytes_of(v)
}

/// A required bytes-like argument (`a bytes-like object is required, not 'X'`).
pub fn need_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    adder_vm::buffer::need_bytes(vm, v)
}

/// The length in bytes of a writable buffer (`readinto` targets).
pub fn writable_len(vm: &mut Vm, b: &Value) -> PyResult<usize> {
    if adder_vm::buffer::is_writable(b) {
        return Ok(adder_vm::buffer::byte_len(b).unwrap_or(0));
    }
    if adder_vm::buffer::is_buffer(b) || b.kind() == Some(kinds::STR) {
        return Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(b)
        )));
    }
    vm.len(b)
}

/// Copies `data` into the start of the writable buffer `b`.
pub fn fill_buffer(vm: &mut Vm, b: &Value, data: &[u8]) -> PyResult<()> {
    if data.is_empty() {
        return Ok(());
    }
    if adder_vm::buffer::is_writable(b) {
        let n = data.len().min(adder_vm::buffer::byte_len(b).unwrap_or(0));
        adder_vm::buffer::write(b, 0, &data[..n]);
        return Ok(());
    }
    // Any other object supporting slice assignment (memoryview, ...).
    let start = vm.new_int(0);
    let stop = vm.new_int(data.len() as i64);
    let sl = vm.new_slice(start, stop, Value::NONE);
    let bytes = vm.new_bytes(data.to_vec());
    vm.setitem(b, sl, bytes)
}

/// The exact type name CPython prints for a native `_io` type (`_io.FileIO`)
/// or the plain name of a Python subclass.
pub fn tp_name(vm: &Vm, v: &Value) -> String {
    let t = vm.type_of(v);
    let to = vm.type_obj(&t);
    let name = to.name();
    if to.has_flag(adder_vm::objects::types::tflags::HEAPTYPE) {
        return name;
    }
    let module = adder_vm::ops::dict_get_str(to.dict(), "__module__")
        .and_then(|m| m.downcast::<Str>().map(|s| s.as_str().to_string()));
    match module {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    }
}

/// Whether `v`'s class is a native (non-heap) type: for a payload that only
/// one `_io` class uses, this means "exactly that class".
pub fn is_exact_native(vm: &Vm, v: &Value) -> bool {
    let t = vm.type_of(v);
    !vm.type_obj(&t)
        .has_flag(adder_vm::objects::types::tflags::HEAPTYPE)
}
