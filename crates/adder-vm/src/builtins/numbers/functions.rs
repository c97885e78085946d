//! The numeric builtin functions: `abs`, `divmod`, `pow`, `round`, `bin`,
//! `oct`, `hex`.
//!
//! Invariant: for operands of builtin type these run the native arithmetic
//! directly; as soon as a user class is involved they dispatch through the
//! special methods found on the types (`__abs__`, `__divmod__` /
//! `__rdivmod__` with the subclass-first rule, `__pow__`, `__round__`).

use adder_bytecode::BinOp;
use adder_object::Value;
use num_traits::{Signed, ToPrimitive};

use super::parse_args;
use crate::num::{self, as_bigint, as_complex, as_float, is_int};
use crate::ops::{check_args, is_heap_type, is_subtype, type_lookup};
use crate::vm::{Args, PyResult, Vm};

fn abs(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "abs", &args, 1, 1)?;
    let x = &args.pos[0];
    let t = vm.type_of(x);
    if !is_heap_type(&t) {
        if let Some(i) = x.as_small_int() {
            return Ok(vm.new_int(i.abs()));
        }
        if let Some(f) = as_float(x) {
            return Ok(vm.new_float(f.abs()));
        }
        if let Some(i) = as_bigint(x) {
            return Ok(vm.new_bigint(i.abs()));
        }
        if let Some((re, im)) = as_complex(x) {
            let r = num::complex_abs(vm, re, im)?;
            return Ok(vm.new_float(r));
        }
    }
    let n = vm.names.__abs__.clone();
    match vm.call_special(x, &n, vec![])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(x)))),
    }
}

/// `divmod(a, b)` for builtin operands; `None` = not supported.
fn native_divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if is_int(a) && is_int(b) {
        let (x, y) = (
            as_bigint(a).unwrap_or_default(),
            as_bigint(b).unwrap_or_default(),
        );
        return num::int_divmod(vm, &x, &y).map(Some);
    }
    let f = |vm: &Vm, v: &Value| -> PyResult<Option<f64>> {
        if let Some(x) = as_float(v) {
            return Ok(Some(x));
        }
        match as_bigint(v) {
            Some(i) => num::int_to_f64(vm, &i).map(Some),
            None => Ok(None),
        }
    };
    if (as_float(a).is_some() || as_float(b).is_some())
        && (as_float(a).is_some() || is_int(a))
        && (as_float(b).is_some() || is_int(b))
    {
        let (Some(x), Some(y)) = (f(vm, a)?, f(vm, b)?) else {
            return Ok(None);
        };
        return num::float_divmod(vm, x, y).map(Some);
    }
    Ok(None)
}

pub fn divmod_op(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    if !is_heap_type(&ta) && !is_heap_type(&tb) {
        if let Some(r) = native_divmod(vm, a, b)? {
            return Ok(r);
        }
    } else {
        let fwd = vm.names.__divmod__.clone();
        let rev = vm.names.__rdivmod__.clone();
        let fa = type_lookup(&ta, &fwd);
        let fb = if ta.is(&tb) {
            None
        } else {
            type_lookup(&tb, &rev)
        };
        let b_first = fb.is_some() && is_subtype(&tb, &ta);
        if b_first {
            let r = vm.call_method_value(fb.as_ref().unwrap(), b, vec![a.clone()])?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
        if let Some(f) = &fa {
            let r = vm.call_method_value(f, a, vec![b.clone()])?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
        if !b_first {
            if let Some(f) = &fb {
                let r = vm.call_method_value(f, b, vec![a.clone()])?;
                if !r.is(&vm.not_implemented) {
                    return Ok(r);
                }
            }
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "divmod", &args, 2, 2)?;
    divmod_op(vm, &args.pos[0], &args.pos[1])
}

/// The builtin three-argument power of a type's slot: `None` = NotImplemented.
fn ternary_slot(
    vm: &mut Vm,
    t: &Value,
    base: &Value,
    exp: &Value,
    m: &Value,
) -> PyResult<Option<Value>> {
    let widenable = |v: &Value| is_int(v) || as_float(v).is_some() || as_complex(v).is_some();
    if is_heap_type(t) {
        if !vm.type_of(base).is(t) {
            return Ok(None);
        }
        let n = vm.names.__pow__.clone();
        let Some(f) = type_lookup(t, &n) else {
            return Ok(None);
        };
        let r = vm.call_method_value(&f, base, vec![exp.clone(), m.clone()])?;
        return Ok(if r.is(&vm.not_implemented) {
            None
        } else {
            Some(r)
        });
    }
    if is_subtype(t, &vm.t.complex) {
        if widenable(base) && widenable(exp) {
            return Err(vm.value_error("complex modulo"));
        }
    } else if is_subtype(t, &vm.t.float) {
        let real = |v: &Value| is_int(v) || as_float(v).is_some();
        if real(base) && real(exp) {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        }
    } else if is_subtype(t, &vm.t.int) && is_int(base) && is_int(exp) && is_int(m) {
        let (a, b, c) = (
            as_bigint(base).unwrap_or_default(),
            as_bigint(exp).unwrap_or_default(),
            as_bigint(m).unwrap_or_default(),
        );
        return num::int_pow_mod(vm, a, b, c).map(Some);
    }
    Ok(None)
}

fn pow(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, "pow", args, &["base", "exp", "mod"], 0, 3, 2)?;
    let base = a[0].clone().unwrap_or(Value::NONE);
    let exp = a[1].clone().unwrap_or(Value::NONE);
    let m = a[2].clone().unwrap_or(Value::NONE);
    if m.is_none() {
        return vm.binary_op(&base, &exp, BinOp::Pow, false);
    }
    let tb = vm.type_of(&base);
    let te = vm.type_of(&exp);
    let tm = vm.type_of(&m);
    let mut types = vec![tb.clone()];
    if !te.is(&tb) {
        types.push(te.clone());
    }
    if !tm.is(&tb) && !tm.is(&te) {
        types.push(tm.clone());
    }
    for t in &types {
        if let Some(r) = ternary_slot(vm, t, &base, &exp, &m)? {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(&base),
        vm.type_name(&exp),
        vm.type_name(&m)
    )))
}

fn round(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, "round", args, &["number", "ndigits"], 0, 2, 1)?;
    let x = a[0].clone().unwrap_or(Value::NONE);
    let nd = a[1].clone().filter(|v| !v.is_none());
    let t = vm.type_of(&x);
    if !is_heap_type(&t) {
        if let Some(f) = as_float(&x) {
            return match nd {
                None => {
                    let i =
                        adder_text::float_round_to_int(f).map_err(|e| num::text_error(vm, e))?;
                    Ok(vm.new_bigint(i))
                }
                Some(n) => {
                    let n = vm.index(&n)?;
                    let n = n
                        .to_i64()
                        .unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
                    let r = adder_text::float_round(f, n).map_err(|e| num::text_error(vm, e))?;
                    Ok(vm.new_float(r))
                }
            };
        }
        if let Some(i) = as_bigint(&x) {
            let Some(n) = nd else {
                return Ok(vm.new_bigint(i));
            };
            let n = vm.index(&n)?;
            if !n.is_negative() {
                return Ok(vm.new_bigint(i));
            }
            return Ok(vm.new_bigint(super::int::round_int(&i, &n)));
        }
    }
    let rn = vm.names.__round__.clone();
    let Some(f) = type_lookup(&t, &rn) else {
        return Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&x)
        )));
    };
    match nd {
        None => vm.call_method_value(&f, &x, vec![]),
        Some(n) => vm.call_method_value(&f, &x, vec![n]),
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, base: u32) -> PyResult {
    check_args(vm, name, &args, 1, 1)?;
    let i = vm.index(&args.pos[0])?;
    Ok(vm.new_string(adder_text::int_to_str_radix(&i, base)))
}
fn bin(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, args, "bin", 2)
}
fn oct(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, args, "oct", 8)
}
fn hex(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, args, "hex", 16)
}

pub fn init(vm: &mut Vm) {
    vm.add_builtin("abs", abs);
    vm.add_builtin("divmod", divmod);
    vm.add_builtin("pow", pow);
    vm.add_builtin("round", round);
    vm.add_builtin("bin", bin);
    vm.add_builtin("oct", oct);
    vm.add_builtin("hex", hex);
}
