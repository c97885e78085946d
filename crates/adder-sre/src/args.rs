//! Argument parsing for `_sre`'s functions and methods with the messages of
//! CPython 3.11's Argument Clinic (`_PyArg_UnpackKeywords`, METH_NOARGS,
//! METH_O, positional-only checks) and its C integer converters.
//!
//! Invariant: each helper either returns the arguments or the exact
//! TypeError/OverflowError CPython raises for the same call; none panics.

use adder_object::Value;
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn kw_name(k: &Value) -> &str {
    k.downcast::<Str>().map_or("", |s| s.as_str())
}

/// A clinic signature whose parameters are all positional-or-keyword, the
/// first `required` of them required. `args.pos` excludes self.
pub fn parse(
    vm: &Vm,
    fname: &str,
    names: &[&str],
    required: usize,
    pos: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Vec<Option<Value>>> {
    let nargs = pos.len();
    let max = names.len();
    if nargs + kw.len() > max {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural(max),
            nargs + kw.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; max];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    let mut left = kw.len();
    for (i, name) in names.iter().enumerate().skip(nargs) {
        let found = kw.iter().find(|(k, _)| kw_name(k) == *name);
        match found {
            Some((_, v)) => {
                out[i] = Some(v.clone());
                left -= 1;
            }
            None if i < required => {
                return Err(vm.type_error(format!(
                    "{fname}() missing required argument '{name}' (pos {})",
                    i + 1
                )));
            }
            None => {}
        }
    }
    if left > 0 {
        for (i, name) in names.iter().enumerate().take(nargs) {
            if kw.iter().any(|(k, _)| kw_name(k) == *name) {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
        }
        for (k, _) in kw {
            if !names.contains(&kw_name(k)) {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {fname}()",
                    kw_name(k)
                )));
            }
        }
    }
    Ok(out)
}

/// METH_NOARGS (`qual` is `Type.name`): `args.pos[0]` is self.
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

/// METH_O: the one argument after self (`skip` is 1 for methods, 0 for
/// module functions).
pub fn onearg(vm: &Vm, args: &Args, qual: &str, skip: usize) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(skip);
    if n != 1 {
        return Err(vm.type_error(format!("{qual}() takes exactly one argument ({n} given)")));
    }
    Ok(args.pos[skip].clone())
}

/// Positional-only parameters after self: no keywords, at most `max`.
pub fn positional<'a>(
    vm: &Vm,
    args: &'a Args,
    qual: &str,
    name: &str,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let rest = args.pos.get(1..).unwrap_or(&[]);
    if rest.len() > max {
        return Err(vm.type_error(format!(
            "{name} expected at most {max} argument{}, got {}",
            plural(max),
            rest.len()
        )));
    }
    Ok(rest)
}

/// The clinic `Py_ssize_t` converter.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let i = vm.index(v)?;
    i.to_isize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// The clinic `int` converter.
pub fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let i = vm.index(v)?;
    i.to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// An optional `Py_ssize_t` argument with its default.
pub fn ssize_or(vm: &mut Vm, v: &Option<Value>, default: isize) -> PyResult<isize> {
    match v {
        Some(v) => ssize(vm, v),
        None => Ok(default),
    }
}
