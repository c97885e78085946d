//! `int`, `bool`, `float` and `complex` (their constructors, methods and
//! special methods) and the numeric builtins `abs`, `divmod`, `pow`,
//! `round`, `bin`, `oct`, `hex`.
//!
//! Invariant: every special method registered here implements the builtin
//! behaviour of its own type only — it checks `self`'s type like a CPython
//! slot wrapper, and returns `NotImplemented` for operands its type does not
//! handle — so the generic operator protocol (`ops`, `protocol`) can dispatch
//! to them for user subclasses exactly as CPython does. The arithmetic itself
//! lives in `crate::num`; this module only adapts arguments and results.

mod complex;
mod float;
mod functions;
mod int;
pub use int::int_result;

pub use complex::complex_from_object;
pub use float::float_from_object;
pub use int::int_from_object;

use adder_object::Value;

use crate::objects::string::{ByteArray, Bytes, Str};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    int::init(vm);
    float::init(vm);
    complex::init(vm);
    functions::init(vm);
}

/// Parses Argument-Clinic style arguments: `names` are the parameters in
/// order; the first `posonly` are positional-only, those from `kwonly` on
/// keyword-only; the first `required` must be given. Returns one slot per
/// parameter.
pub(crate) fn parse_args(
    vm: &Vm,
    fname: &str,
    args: Args,
    names: &[&str],
    posonly: usize,
    kwonly: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let npos = args.pos.len();
    if npos > kwonly {
        let msg = if kwonly < names.len() {
            format!(
                "{fname}() takes at most {kwonly} positional argument{} ({npos} given)",
                plural(kwonly)
            )
        } else {
            format!(
                "{fname}() takes at most {kwonly} argument{} ({npos} given)",
                plural(kwonly)
            )
        };
        return Err(vm.type_error(msg));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in args.pos.into_iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kw {
        let key = k
            .downcast::<Str>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        match names.iter().position(|n| *n == key) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {fname}() given by name ('{key}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v);
            }
            _ => {
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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The text of a str, bytes or bytearray argument to a numeric constructor:
/// `(text, is_str)`. Bytes that are not ASCII become U+FFFD, which no number
/// grammar accepts.
pub(crate) fn number_text(v: &Value) -> Option<(String, bool)> {
    if let Some(s) = v.downcast::<Str>() {
        return Some((s.as_str().to_string(), true));
    }
    let bytes: Vec<u8> = if let Some(b) = v.downcast::<Bytes>() {
        b.b.to_vec()
    } else if let Some(b) = v.downcast::<ByteArray>() {
        b.b.borrow().clone()
    } else {
        return None;
    };
    let text = bytes
        .iter()
        .map(|&c| if c.is_ascii() { c as char } else { '\u{fffd}' })
        .collect();
    Some((text, false))
}

/// Checks `self` of a special method (a slot wrapper): at least one
/// positional argument whose type passes `ok`, no keywords, and exactly
/// `n` further arguments. Returns the arguments after `self`.
pub(crate) fn slot_args(
    vm: &Vm,
    args: Args,
    name: &str,
    tyname: &str,
    ok: fn(&Value) -> bool,
    n: usize,
) -> PyResult<(Value, Vec<Value>)> {
    let mut pos = args.pos.into_iter();
    let Some(s) = pos.next() else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{tyname}' object needs an argument"
        )));
    };
    if !ok(&s) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{tyname}' object but received a '{}'",
            vm.type_name(&s)
        )));
    }
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let rest: Vec<Value> = pos.collect();
    if rest.len() != n {
        return Err(vm.type_error(format!(
            "expected {n} argument{}, got {}",
            plural(n),
            rest.len()
        )));
    }
    Ok((s, rest))
}

/// Checks `self` of an ordinary method taking no arguments (METH_NOARGS).
pub(crate) fn noargs_self(
    vm: &Vm,
    args: Args,
    name: &str,
    tyname: &str,
    ok: fn(&Value) -> bool,
) -> PyResult<Value> {
    let mut pos = args.pos.into_iter();
    let Some(s) = pos.next() else {
        return Err(vm.type_error(format!(
            "unbound method {tyname}.{name}() needs an argument"
        )));
    };
    method_self_check(vm, &s, name, tyname, ok)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{tyname}.{name}() takes no keyword arguments")));
    }
    let n = pos.len();
    if n != 0 {
        return Err(vm.type_error(format!("{tyname}.{name}() takes no arguments ({n} given)")));
    }
    Ok(s)
}

pub(crate) fn method_self_check(
    vm: &Vm,
    s: &Value,
    name: &str,
    tyname: &str,
    ok: fn(&Value) -> bool,
) -> PyResult<()> {
    if !ok(s) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for '{tyname}' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        )));
    }
    Ok(())
}

/// Whether ordering `o` satisfies comparison `op`.
pub(crate) fn cmp_holds(op: adder_bytecode::CmpOp, o: std::cmp::Ordering) -> bool {
    use adder_bytecode::CmpOp;
    match op {
        CmpOp::Lt => o.is_lt(),
        CmpOp::Le => o.is_le(),
        CmpOp::Eq => o.is_eq(),
        CmpOp::Ne => o.is_ne(),
        CmpOp::Gt => o.is_gt(),
        CmpOp::Ge => o.is_ge(),
    }
}
