//! Argument conversion shared by this crate's modules: CPython's
//! `PyFloat_AsDouble`, `PyNumber_Index`, the argument-count messages of
//! `METH_O` and Argument Clinic functions, and new exception classes.
//!
//! Invariant: every converter raises exactly the exception CPython 3.11
//! raises for the same bad argument, and none can panic.

use adder_object::Value;
use adder_vm::num::{as_bigint, as_float, int_to_f64};
use adder_vm::objects::string::Str;
use adder_vm::ops::{is_heap_type, type_lookup};
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// `PyFloat_AsDouble(v)`: floats (and subclasses) directly, then
/// `__float__`, then `__index__`; TypeError "must be real number, not T".
pub fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    let t = vm.type_of(v);
    if !is_heap_type(&t) {
        if let Some(i) = as_bigint(v) {
            return int_to_f64(vm, &i);
        }
    }
    let n = vm.intern("__float__");
    if let Some(f) = type_lookup(&t, &n) {
        let r = vm.call_method_value(&f, v, vec![])?;
        return match as_float(&r) {
            Some(x) => Ok(x),
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
        };
    }
    let n = vm.intern("__index__");
    if type_lookup(&t, &n).is_some() || as_bigint(v).is_some() {
        let i = vm.index(v)?;
        return int_to_f64(vm, &i);
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// `PyNumber_Index(v)` as a big integer.
pub fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    vm.index(v)
}

/// An `int` argument (`PyLong_AsLong` on `__index__`), with its messages.
pub fn c_int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let i = vm.index(v)?;
    match i.to_i64() {
        Some(x) => i32::try_from(x).map_err(|_| {
            if x > 0 {
                vm.overflow_error("signed integer is greater than maximum")
            } else {
                vm.overflow_error("signed integer is less than minimum")
            }
        }),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

/// Checks a `METH_O` call: exactly one positional, no keywords.
/// `qual` is the qualified name (`math.sqrt`).
pub fn one_arg(vm: &mut Vm, qual: &str, args: &Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos[0].clone())
}

/// Checks a positional-only Argument Clinic call (`_PyArg_CheckPositional`):
/// `name expected N arguments, got M` and friends.
pub fn positional(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    if n < min || n > max {
        let (which, bound) = if n < min {
            (if min == max { "" } else { "at least " }, min)
        } else {
            (if min == max { "" } else { "at most " }, max)
        };
        return Err(vm.type_error(format!(
            "{name} expected {which}{bound} argument{}, got {n}",
            if bound == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Binds an Argument Clinic call: the first `posonly` of `names` are
/// positional-only, the first `max_pos` may be given positionally, the rest
/// by keyword; the first `required` are required. Raises CPython's clinic
/// messages for bad calls.
pub fn bind(
    vm: &mut Vm,
    fname: &str,
    mut args: Args,
    names: &[&str],
    (posonly, max_pos, required): (usize, usize, usize),
) -> PyResult<Vec<Option<Value>>> {
    let npos = args.pos.len();
    if npos < posonly.min(required) {
        let exact = if required == max_pos {
            "exactly"
        } else {
            "at least"
        };
        let n = posonly.min(required);
        return Err(vm.type_error(format!(
            "{fname}() takes {exact} {n} positional argument{} ({npos} given)",
            if n == 1 { "" } else { "s" }
        )));
    }
    if npos > max_pos {
        let exact = if required == max_pos {
            "exactly"
        } else {
            "at most"
        };
        return Err(vm.type_error(format!(
            "{fname}() takes {exact} {max_pos} positional argument{} ({npos} given)",
            if max_pos == 1 { "" } else { "s" }
        )));
    }
    let mut out: Vec<Option<Value>> = args.pos.drain(..).map(Some).collect();
    out.resize(names.len(), None);
    for (k, v) in args.kw.drain(..) {
        let key = k
            .downcast::<Str>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        match names
            .iter()
            .position(|n| *n == key)
            .filter(|&i| i >= posonly)
        {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(i) => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// A new exception class `module.name` deriving from `base`.
pub fn new_exception_type(vm: &mut Vm, module: &str, name: &str, bases: Vec<Value>) -> PyResult {
    let n = vm.new_str(name);
    let b = vm.new_tuple(bases);
    let d = vm.new_dict();
    let k = vm.new_str("__module__");
    let m = vm.new_str(module);
    vm.dict_set(&d, k, m)?;
    let ty = vm.t.type_.clone();
    vm.call(&ty, vec![n, b, d])
}

/// The bytes of a bytes-like argument (bytes or bytearray), copied.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    use adder_vm::objects::string::{ByteArray, Bytes};
    if let Some(b) = v.downcast::<Bytes>() {
        return Some(b.b.to_vec());
    }
    v.downcast::<ByteArray>().map(|b| b.b.borrow().clone())
}
