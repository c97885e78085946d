//! Argument parsing for the OS modules, with the messages CPython's Argument
//! Clinic and `PyArg_Parse*` produce, plus the converters those modules share
//! (C `int`, file descriptors, paths, timeouts).
//!
//! Invariant: every parser or converter either returns the value the C code
//! would have received or the exact exception CPython raises for the same
//! arguments; none panics.

use adder_object::Value;
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

fn s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The text of a str value (empty when it is not one).
pub fn text(v: &Value) -> String {
    v.downcast::<Str>()
        .map_or_else(String::new, |s| s.as_str().to_string())
}

/// A function's signature for keyword-aware parsing: the parameters in
/// order; the first `posonly` cannot be given by name, the first `required`
/// must be given, and at most `maxpos` may be given by position (the rest
/// are keyword-only).
pub struct Sig<'a> {
    pub name: &'a str,
    pub params: &'a [&'a str],
    pub posonly: usize,
    pub required: usize,
    pub maxpos: usize,
}

impl Sig<'_> {
    /// One slot per parameter (None: not given). `pos` excludes self.
    pub fn parse(
        &self,
        vm: &Vm,
        pos: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Vec<Option<Value>>> {
        let f = self.name;
        let n = pos.len();
        let total = self.params.len();
        if n + kw.len() > total {
            return Err(vm.type_error(format!(
                "{f}() takes at most {total} {}argument{} ({} given)",
                if n == 0 { "keyword " } else { "" },
                s(total),
                n + kw.len()
            )));
        }
        if n > self.maxpos {
            if self.maxpos == 0 {
                return Err(vm.type_error(format!("{f}() takes no positional arguments")));
            }
            let bound = if self.required < self.maxpos {
                "at most"
            } else {
                "exactly"
            };
            return Err(vm.type_error(format!(
                "{f}() takes {bound} {} positional argument{} ({n} given)",
                self.maxpos,
                s(self.maxpos)
            )));
        }
        let need_pos = self.posonly.min(self.required);
        if n < need_pos {
            let bound = if need_pos < self.maxpos {
                "at least"
            } else {
                "exactly"
            };
            return Err(vm.type_error(format!(
                "{f}() takes {bound} {need_pos} positional argument{} ({n} given)",
                s(need_pos)
            )));
        }
        let mut out: Vec<Option<Value>> = vec![None; total];
        for (slot, v) in out.iter_mut().zip(pos) {
            *slot = Some(v.clone());
        }
        let mut used = vec![false; kw.len()];
        for (i, slot) in out.iter_mut().enumerate().skip(n.max(self.posonly)) {
            match kw.iter().position(|(k, _)| text(k) == self.params[i]) {
                Some(j) => {
                    used[j] = true;
                    *slot = Some(kw[j].1.clone());
                }
                None if i < self.required => {
                    return Err(vm.type_error(format!(
                        "{f}() missing required argument '{}' (pos {})",
                        self.params[i],
                        i + 1
                    )));
                }
                None => {}
            }
        }
        if let Some(j) = used.iter().position(|u| !u) {
            for i in self.posonly..n.min(total) {
                if kw.iter().any(|(k, _)| text(k) == self.params[i]) {
                    return Err(vm.type_error(format!(
                        "argument for {f}() given by name ('{}') and position ({})",
                        self.params[i],
                        i + 1
                    )));
                }
            }
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for {f}()",
                text(&kw[j].0)
            )));
        }
        Ok(out)
    }
}

/// `parse` for a module function whose `Args` has no self.
pub fn parse(
    vm: &Vm,
    args: &Args,
    name: &str,
    params: &[&str],
    required: usize,
    maxpos: usize,
) -> PyResult<Vec<Option<Value>>> {
    Sig {
        name,
        params,
        posonly: 0,
        required,
        maxpos,
    }
    .parse(vm, &args.pos, &args.kw)
}

/// A positional-only function (`name(a, b, /)`), named `module.name`:
/// keywords are refused with the qualified name, counts are checked with
/// `name expected N arguments, got M` (the bare name, as CPython).
pub fn positional(vm: &Vm, args: &Args, qualname: &str, min: usize, max: usize) -> PyResult<()> {
    no_kw(vm, args, qualname)?;
    let name = qualname.rsplit('.').next().unwrap_or(qualname);
    let n = args.pos.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", s(min))
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", s(min))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", s(max))
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// `PyArg_ParseTuple`'s count check: `name() takes exactly/at least/at
/// most N argument(s) (M given)`; rejects keywords.
pub fn tuple_count(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    no_kw(vm, args, name)?;
    let n = args.pos.len();
    let (bound, k) = if min == max && (n < min || n > max) {
        ("exactly", min)
    } else if n < min {
        ("at least", min)
    } else if n > max {
        ("at most", max)
    } else {
        return Ok(());
    };
    Err(vm.type_error(format!(
        "{name}() takes {bound} {k} argument{} ({n} given)",
        s(k)
    )))
}

/// `name() takes no keyword arguments` (`name` as CPython spells it, e.g.
/// "posix.write").
pub fn no_kw(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// A `METH_NOARGS` function: `name() takes no arguments (N given)`.
pub fn noargs(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    no_kw(vm, args, name)?;
    if !args.pos.is_empty() {
        return Err(vm.type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    Ok(())
}

/// A `METH_O` function: `name() takes exactly one argument (N given)`.
pub fn onearg(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    no_kw(vm, args, name)?;
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos[0].clone())
}

/// `__index__` as a big integer, or CPython's "cannot be interpreted as an
/// integer" TypeError.
pub fn index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    vm.index(v)
}

/// Whether `v` is a float (inline or boxed, subclasses included).
pub fn is_float(v: &Value) -> bool {
    !adder_vm::num::is_int(v) && adder_vm::num::as_float(v).is_some()
}

/// The Clinic `int` converter (`_PyLong_AsInt`).
pub fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if is_float(v) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index(v)?;
    i.to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// A C `long` (`PyLong_AsLong` after `__index__`).
pub fn c_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

/// An `unsigned int` as the `I` format takes it (bits kept, no range check
/// beyond C `unsigned long`).
pub fn c_uint_bits(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let i = vm.index(v)?;
    match i.to_i64() {
        Some(x) => Ok(x as u32),
        None => Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
    }
}

/// `_PyLong_FileDescriptor_Converter`-style fd from an int (for `fd`
/// parameters declared as `int fd`): non-negative is not required here.
pub fn fd(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    c_int(vm, v)
}

/// `PyObject_AsFileDescriptor`: an int, or an object with `fileno()`;
/// negative descriptors are a ValueError.
pub fn file_descriptor(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = if adder_vm::num::is_int(v) {
        c_int(vm, v)?
    } else {
        let f = match vm.getattr_str(v, "fileno") {
            Ok(f) => f,
            Err(_) => {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."))
            }
        };
        let r = vm.call(&f, vec![])?;
        if !adder_vm::num::is_int(&r) {
            return Err(vm.type_error("fileno() returned a non-integer"));
        }
        c_int(vm, &r)?
    };
    if n < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({n})"
        )));
    }
    Ok(n)
}

/// A bool parameter (`p` format: any object's truth value).
pub fn truth(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview), or None.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    adder_vm::ops::bytes_of(v)
}

/// A bytes-like argument or CPython's "a bytes-like object is required" error.
pub fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A timeout in seconds as a float (`_PyTime_FromSecondsObject`): int or
/// float; NaN is a ValueError.
pub fn seconds(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = adder_vm::num::as_float(v) {
        if is_float(v) || adder_vm::num::is_int(v) {
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            return Ok(f);
        }
    }
    if adder_vm::num::is_int(v) {
        let i = vm.index(v)?;
        return Ok(i.to_f64().unwrap_or(f64::INFINITY));
    }
    // Objects with __float__ / __index__.
    match vm.call_method(v, "__float__", vec![]) {
        Ok(f) => match adder_vm::num::as_float(&f) {
            Some(x) if x.is_nan() => Err(vm.value_error("Invalid value NaN (not a number)")),
            Some(x) => Ok(x),
            None => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
        },
        Err(_) => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}
