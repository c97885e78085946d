//! Argument parsing for the text types' methods, reproducing the three
//! families of CPython 3.11 argument errors (old-style `PyArg_ParseTuple`,
//! Argument Clinic positional-only, Argument Clinic with keywords).
//!
//! Invariant: every method of `str`, `bytes` and `bytearray` parses its
//! arguments through `parse` (after `recv` has checked `self`), so the error
//! text for a wrong call depends only on the declared `Style`.

use adder_object::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::kinds;
use crate::objects::string::Str;
use crate::vm::{Args, PyResult, Vm};

/// How a method reports argument-count and keyword errors.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `find() takes at least 1 argument (0 given)`, `str.find() takes no keyword arguments`.
    Old,
    /// `replace expected at least 2 arguments, got 1` (`METH_NOARGS`/`METH_O`
    /// get `str.upper() takes no arguments (1 given)` / `takes exactly one argument`).
    Clinic,
    /// Keywords allowed: `split() takes at most 2 arguments (3 given)`.
    Kw,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The receiver (`args.pos[0]`), checked to be of the builtin layout `kind`.
#[inline(always)]
pub fn recv(vm: &mut Vm, args: &Args, tname: &str, kind: u8, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) if v.kind() == Some(kind) => Ok(v.clone()),
        _ => Err(recv_error(vm, args, tname, name)),
    }
}

#[inline(never)]
fn recv_error(vm: &mut Vm, args: &Args, tname: &str, name: &str) -> Value {
    match args.pos.first() {
        None => vm.type_error(format!("unbound method {tname}.{name}() needs an argument")),
        Some(v) => vm.type_error(format!(
            "descriptor '{name}' for '{tname}' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        )),
    }
}

/// Parses the arguments after `self` into one slot per parameter (an
/// array: parsing allocates nothing). The arguments are moved out of
/// `args`, which the caller must not read again.
#[inline(always)]
pub fn parse<const N: usize>(
    vm: &mut Vm,
    args: &mut Args,
    tname: &str,
    name: &str,
    params: &[&str; N],
    min: usize,
    style: Style,
) -> PyResult<[Option<Value>; N]> {
    let n = args.pos.len().saturating_sub(1);
    // The common call, inlined into each method: positional arguments
    // only, as many as the method takes.
    if args.kw.is_empty() && min <= n && n <= N {
        let mut out = [const { None }; N];
        for (slot, v) in out.iter_mut().zip(args.pos.iter_mut().skip(1)) {
            *slot = Some(v.take());
        }
        return Ok(out);
    }
    parse_slow(vm, args, tname, name, params, min, style)
}

/// `parse` for keywords, and for argument counts that raise.
#[inline(never)]
fn parse_slow<const N: usize>(
    vm: &mut Vm,
    args: &mut Args,
    tname: &str,
    name: &str,
    params: &[&str; N],
    min: usize,
    style: Style,
) -> PyResult<[Option<Value>; N]> {
    let max = N;
    let n = args.pos.len().saturating_sub(1);
    let mut out = [const { None }; N];
    if style != Style::Kw && !args.kw.is_empty() {
        return Err(vm.type_error(format!("{tname}.{name}() takes no keyword arguments")));
    }
    // Argument Clinic counts keyword arguments too when there are too many.
    let given = n + args.kw.len();
    if style == Style::Kw && given > max {
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} argument{} ({given} given)",
            plural(max)
        )));
    }
    if n > max || (style != Style::Kw && n < min) {
        let msg = match style {
            Style::Old | Style::Kw if n > max => {
                format!(
                    "{name}() takes at most {max} argument{} ({n} given)",
                    plural(max)
                )
            }
            Style::Old => format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                plural(min)
            ),
            _ if max == 0 => format!("{tname}.{name}() takes no arguments ({n} given)"),
            _ if max == 1 && min == 1 => {
                format!("{tname}.{name}() takes exactly one argument ({n} given)")
            }
            _ if n > max => format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            ),
            _ => format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            ),
        };
        return Err(vm.type_error(msg));
    }
    for (slot, v) in out.iter_mut().zip(args.pos.iter_mut().skip(1)) {
        *slot = Some(v.take());
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        let kname = k
            .downcast::<Str>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        match params.iter().position(|p| *p == kname) {
            Some(i) if i < n => {
                return Err(vm.type_error(format!(
                    "argument for {name}() given by name ('{kname}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{kname}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    for (i, p) in params.iter().enumerate().take(min) {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{name}() missing required argument '{p}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

/// The text of a str value.
pub fn str_of(v: &Value) -> Option<&str> {
    v.downcast::<Str>().map(|s| s.as_str())
}

/// A required str argument; `msg` gets the type name appended (Argument
/// Clinic messages, recognisable by "argument", call `None` "None").
pub fn need_str(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<String> {
    match str_of(v) {
        Some(s) => Ok(s.to_string()),
        None if v.is_none() && msg.contains("argument") => Err(vm.type_error(format!("{msg}None"))),
        None => Err(vm.type_error(format!("{msg}{}", vm.type_name(v)))),
    }
}

/// Like `need_str`, but returns the str value itself (no copy of its text).
pub fn need_str_value(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Value> {
    match str_of(v) {
        Some(_) => Ok(v.clone()),
        None => need_str(vm, v, msg).map(|_| Value::NONE),
    }
}

/// `__index__` converted to `isize`, with CPython's overflow message.
pub fn index_isize(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let i = vm.index(v)?;
    i.to_isize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// A `start`/`end` slice bound of find-like methods (None = default).
pub fn slice_bound(vm: &mut Vm, v: &Option<Value>) -> PyResult<Option<isize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match vm.index_opt(v)? {
            Some(i) => Ok(Some(clamp_isize(&i))),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

fn clamp_isize(i: &BigInt) -> isize {
    i.to_isize().unwrap_or(if i.is_negative() {
        isize::MIN
    } else {
        isize::MAX
    })
}

/// Resolves optional start/end against `len` the way `ADJUST_INDICES` does:
/// returns (start, end) with `0 <= start`, `end <= len`; start may exceed end.
pub fn adjust(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let len = len as isize;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    (s as usize, e as usize)
}

/// The bytes of any bytes-like value (any buffer exporter).
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    crate::buffer::bytes_of(v)
}

/// The bytes of a `bytes` or `bytearray` (what `bytes` compares with).
pub fn bytes_or_bytearray(v: &Value) -> Option<Vec<u8>> {
    match v.kind() {
        Some(kinds::BYTES) | Some(kinds::BYTEARRAY) => crate::buffer::bytes_of(v),
        _ => None,
    }
}

/// A required bytes-like argument (`a bytes-like object is required, not 'X'`).
pub fn need_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `None` or absent → `None`.
pub fn opt(v: &Option<Value>) -> Option<&Value> {
    v.as_ref().filter(|v| !v.is_none())
}

/// Converts an `adder_text` error into the Python exception it names.
pub fn text_err(vm: &Vm, e: adder_text::TextError) -> Value {
    use adder_text::ErrKind;
    let t = match e.kind {
        ErrKind::ValueError => &vm.t.value_error,
        ErrKind::TypeError => &vm.t.type_error,
        ErrKind::OverflowError => &vm.t.overflow_error,
        ErrKind::ZeroDivisionError => &vm.t.zero_division_error,
    };
    vm.new_exception_msg(t, e.msg)
}
