//! `float`: the constructor (`float(x)` with the `__float__` / `__index__`
//! protocol and Python's literal grammar), methods and special methods.
//!
//! Invariant: arithmetic here accepts exactly `float` and `int` operands
//! (ints converted with correct rounding, OverflowError when too large) and
//! returns `NotImplemented` for anything else; results are exact `float`s.

use adder_bytecode::{BinOp, CmpOp};
use adder_object::Value;
use num_traits::{Signed, ToPrimitive};

use super::{method_self_check, noargs_self, number_text, slot_args};
use crate::num::{self, as_bigint, as_float, is_int, text_error};
use crate::objects::number::BoxedFloat;
use crate::objects::string::Str;
use crate::ops::{is_heap_type, type_lookup};
use crate::vm::{Args, PyResult, Vm};

fn is_float(v: &Value) -> bool {
    as_float(v).is_some()
}

fn fval(v: &Value) -> f64 {
    as_float(v).unwrap_or(0.0)
}

/// An exact float with the value of a float or float-subclass instance.
fn exact_float(vm: &Vm, v: &Value) -> Value {
    if v.is_float() || vm.type_of(v).is(&vm.t.float) {
        return v.clone();
    }
    vm.new_float(fval(v))
}

/// Parses `float(text)`, quoting the original object in errors.
fn parse_float_value(vm: &Vm, v: &Value) -> PyResult<f64> {
    let (text, is_str) = number_text(v).unwrap_or_default();
    match adder_text::parse_float(&text) {
        Ok(x) => Ok(x),
        Err(_) if !is_str => {
            let r = vm_repr_bytes(v);
            Err(vm.value_error(format!("could not convert string to float: {r}")))
        }
        Err(e) => Err(text_error(vm, e)),
    }
}

fn vm_repr_bytes(v: &Value) -> String {
    let raw = crate::ops::bytes_of(v).unwrap_or_default();
    let r = adder_text::bytes_repr(&raw);
    if v.kind() == Some(crate::kinds::BYTEARRAY) {
        format!("bytearray({r})")
    } else {
        r
    }
}

/// `float(x)` for one argument (CPython's `PyNumber_Float`).
pub fn float_from_object(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    let t = vm.type_of(x);
    if !is_heap_type(&t) {
        if let Some(f) = as_float(x) {
            return Ok(f);
        }
        if let Some(i) = as_bigint(x) {
            return num::int_to_f64(vm, &i);
        }
    }
    {
        let n = vm.names.__float__.clone();
        if let Some(f) = type_lookup(&t, &n) {
            let r = vm.call_method_value(&f, x, vec![])?;
            return match as_float(&r) {
                Some(v) => {
                    if !vm.type_of(&r).is(&vm.t.float) {
                        vm.warn_deprecated(&format!(
                            "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
                            vm.type_name(x),
                            vm.type_name(&r)
                        ))?;
                    }
                    Ok(v)
                }
                None => Err(vm.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(x),
                    vm.type_name(&r)
                ))),
            };
        }
        let n = vm.names.__index__.clone();
        if let Some(f) = type_lookup(&t, &n) {
            let r = vm.call_method_value(&f, x, vec![])?;
            let i = super::int::int_result(vm, &r, "__index__")?;
            return num::int_to_f64(vm, &i);
        }
        if let Some(f) = as_float(x) {
            return Ok(f);
        }
    }
    if number_text(x).is_some() {
        return parse_float_value(vm, x);
    }
    if let Some(m) = x.downcast::<crate::builtins::memview::MemoryView>() {
        // A buffer: its bytes are parsed (CPython copies them to bytes).
        let b = vm.new_bytes(m.bytes());
        return parse_float_value(vm, &b);
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    )))
}

fn float_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    if !args.kw.is_empty() {
        // Keywords are for a subclass's own __init__ (CPython's float_new
        // only refuses them when __init__ is float's).
        let init_n = vm.names.__init__.clone();
        let own_init = type_lookup(&cls, &init_n)
            .zip(type_lookup(&vm.t.float.clone(), &init_n))
            .is_some_and(|(a, b)| !a.is(&b));
        if cls.is(&vm.t.float) || !own_init {
            return Err(vm.type_error("float() takes no keyword arguments"));
        }
        args.kw.clear();
    }
    let x = match args.pos.len() {
        1 => 0.0,
        2 => float_from_object(vm, &args.pos[1])?,
        n => return Err(vm.type_error(format!("float expected at most 1 argument, got {}", n - 1))),
    };
    if cls.is(&vm.t.float) {
        return Ok(vm.new_float(x));
    }
    Ok(vm.alloc_builtin(&cls, BoxedFloat(x)))
}

// ----- binary special methods ---------------------------------------------------------

/// The float value of an operand float arithmetic accepts; `None` = NotImplemented.
fn operand(vm: &Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_float(v) {
        return Ok(Some(f));
    }
    match as_bigint(v) {
        Some(i) => num::int_to_f64(vm, &i).map(Some),
        None => Ok(None),
    }
}

fn float_binary(vm: &mut Vm, args: Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "float", is_float, 1)?;
    let Some(y) = operand(vm, &rest[0])? else {
        return Ok(vm.not_implemented.clone());
    };
    let x = fval(&a);
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    Ok(num::float_binop(vm, op, x, y)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

fn float_compare(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "float", is_float, 1)?;
    let b = &rest[0];
    if !is_float(b) && !is_int(b) {
        return Ok(vm.not_implemented.clone());
    }
    match vm.native_compare(&a, b, op)? {
        Some(r) => Ok(Value::from_bool(r)),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn float_divmod_impl(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "float", is_float, 1)?;
    let Some(y) = operand(vm, &rest[0])? else {
        return Ok(vm.not_implemented.clone());
    };
    let x = fval(&a);
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    num::float_divmod(vm, x, y)
}
fn float_divmod(vm: &mut Vm, args: Args) -> PyResult {
    float_divmod_impl(vm, args, "__divmod__", false)
}
fn float_rdivmod(vm: &mut Vm, args: Args) -> PyResult {
    float_divmod_impl(vm, args, "__rdivmod__", true)
}

fn float_pow_impl(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult {
    let n = args.pos.len().saturating_sub(1);
    if !(1..=2).contains(&n) {
        return Err(vm.type_error(if n < 1 {
            format!(" expected at least 1 argument, got {n}")
        } else {
            format!(" expected at most 2 arguments, got {n}")
        }));
    }
    let (a, rest) = slot_args(vm, args, name, "float", is_float, n)?;
    if rest.get(1).is_some_and(|m| !m.is_none()) {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let Some(y) = operand(vm, &rest[0])? else {
        return Ok(vm.not_implemented.clone());
    };
    let x = fval(&a);
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    num::float_pow(vm, x, y)
}
fn float_pow(vm: &mut Vm, args: Args) -> PyResult {
    float_pow_impl(vm, args, "__pow__", false)
}
fn float_rpow(vm: &mut Vm, args: Args) -> PyResult {
    float_pow_impl(vm, args, "__rpow__", true)
}

macro_rules! float_binops {
    ($($f:ident $name:literal $op:ident $refl:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult { float_binary(vm, args, $name, BinOp::$op, $refl) })*
        fn register_binops(vm: &mut Vm, ty: &Value) { $(vm.add_method(ty, $name, $f);)* }
    };
}

float_binops! {
    float_add "__add__" Add false; float_radd "__radd__" Add true;
    float_sub "__sub__" Sub false; float_rsub "__rsub__" Sub true;
    float_mul "__mul__" Mul false; float_rmul "__rmul__" Mul true;
    float_truediv "__truediv__" TrueDiv false; float_rtruediv "__rtruediv__" TrueDiv true;
    float_floordiv "__floordiv__" FloorDiv false; float_rfloordiv "__rfloordiv__" FloorDiv true;
    float_mod "__mod__" Mod false; float_rmod "__rmod__" Mod true;
}

macro_rules! float_cmps {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult { float_compare(vm, args, $name, CmpOp::$op) })*
        fn register_cmps(vm: &mut Vm, ty: &Value) { $(vm.add_method(ty, $name, $f);)* }
    };
}

float_cmps! {
    float_eq "__eq__" Eq; float_ne "__ne__" Ne; float_lt "__lt__" Lt;
    float_le "__le__" Le; float_gt "__gt__" Gt; float_ge "__ge__" Ge;
}

// ----- unary special methods and methods ------------------------------------------------

fn unary_self(vm: &Vm, args: Args, name: &str) -> PyResult<Value> {
    Ok(slot_args(vm, args, name, "float", is_float, 0)?.0)
}
fn float_noargs(vm: &Vm, args: Args, name: &str) -> PyResult<Value> {
    noargs_self(vm, args, name, "float", is_float)
}

fn float_neg(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__neg__")?;
    Ok(vm.new_float(-fval(&s)))
}
fn float_pos(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__pos__")?;
    Ok(exact_float(vm, &s))
}
fn float_abs(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__abs__")?;
    Ok(vm.new_float(fval(&s).abs()))
}
fn float_bool(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__bool__")?;
    Ok(Value::from_bool(fval(&s) != 0.0))
}
fn float_float(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__float__")?;
    Ok(exact_float(vm, &s))
}
fn float_int(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__int__")?;
    to_int(vm, fval(&s))
}
fn to_int(vm: &mut Vm, x: f64) -> PyResult {
    let i = adder_text::float_to_bigint(x).map_err(|e| text_error(vm, e))?;
    Ok(vm.new_bigint(i))
}
fn float_hash(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__hash__")?;
    let h = match adder_text::float_hash(fval(&s)) {
        Some(h) => h,
        None => (s.bits() >> 4) as i64,
    };
    Ok(vm.new_int(h))
}
fn float_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__repr__")?;
    Ok(vm.new_string(adder_text::float_repr(fval(&s))))
}
fn float_trunc(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "__trunc__")?;
    to_int(vm, fval(&s))
}
fn float_floor(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "__floor__")?;
    to_int(vm, fval(&s).floor())
}
fn float_ceil(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "__ceil__")?;
    to_int(vm, fval(&s).ceil())
}
fn float_conjugate(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "conjugate")?;
    Ok(exact_float(vm, &s))
}
fn float_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "__getnewargs__")?;
    let f = exact_float(vm, &s);
    Ok(vm.new_tuple(vec![f]))
}
fn float_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "__sizeof__")?;
    // A subclass instance carries a weak-reference slot as well.
    let extra = if s.is_float() || vm.type_of(&s).is(&vm.t.float) {
        0
    } else {
        8
    };
    Ok(vm.new_int(24 + extra))
}
fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "is_integer")?;
    let x = fval(&s);
    Ok(Value::from_bool(x.is_finite() && x.fract() == 0.0))
}
fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "as_integer_ratio")?;
    let (n, d) = adder_text::float_as_integer_ratio(fval(&s)).map_err(|e| text_error(vm, e))?;
    let (n, d) = (vm.new_bigint(n), vm.new_bigint(d));
    Ok(vm.new_tuple(vec![n, d]))
}
fn float_hex(vm: &mut Vm, args: Args) -> PyResult {
    let s = float_noargs(vm, args, "hex")?;
    Ok(vm.new_string(adder_text::float_hex(fval(&s))))
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("float.fromhex() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    let cls = args.pos[0].clone();
    let Some(s) = args.pos[1].downcast::<Str>() else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = adder_text::float_fromhex(s.as_str()).map_err(|e| text_error(vm, e))?;
    let r = vm.new_float(x);
    if cls.is(&vm.t.float) {
        return Ok(r);
    }
    vm.call(&cls, vec![r])
}

fn float_getformat(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("float.__getformat__() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "float.__getformat__() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    let Some(s) = args.pos[1].downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "__getformat__() argument must be str, not {}",
            vm.type_name(&args.pos[1])
        )));
    };
    match s.as_str() {
        "double" | "float" => Ok(vm.new_str("IEEE, little-endian")),
        _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.pos.len().saturating_sub(1);
    if n > 1 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {n}")));
    }
    let s = args.pos.first().cloned().unwrap_or(Value::NONE);
    method_self_check(vm, &s, "__round__", "float", is_float)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("float.__round__() takes no keyword arguments"));
    }
    let x = fval(&s);
    match args.pos.get(1).filter(|v| !v.is_none()) {
        None => {
            let i = adder_text::float_round_to_int(x).map_err(|e| text_error(vm, e))?;
            Ok(vm.new_bigint(i))
        }
        Some(nd) => {
            let nd = vm.index(nd)?;
            let nd = nd
                .to_i64()
                .unwrap_or(if nd.is_negative() { i64::MIN } else { i64::MAX });
            let r = adder_text::float_round(x, nd).map_err(|e| text_error(vm, e))?;
            Ok(vm.new_float(r))
        }
    }
}

fn get_real(vm: &mut Vm, s: &Value) -> PyResult {
    Ok(exact_float(vm, s))
}
fn get_imag(vm: &mut Vm, _s: &Value) -> PyResult {
    Ok(vm.new_float(0.0))
}

pub fn init(vm: &mut Vm) {
    let t = vm.t.float.clone();
    vm.set_new(&t, float_new);
    register_binops(vm, &t);
    register_cmps(vm, &t);
    vm.add_method(&t, "__divmod__", float_divmod);
    vm.add_method(&t, "__rdivmod__", float_rdivmod);
    vm.add_method(&t, "__pow__", float_pow);
    vm.add_method(&t, "__rpow__", float_rpow);
    vm.add_method(&t, "__neg__", float_neg);
    vm.add_method(&t, "__pos__", float_pos);
    vm.add_method(&t, "__abs__", float_abs);
    vm.add_method(&t, "__bool__", float_bool);
    vm.add_method(&t, "__float__", float_float);
    vm.add_method(&t, "__int__", float_int);
    vm.add_method(&t, "__hash__", float_hash);
    vm.add_method(&t, "__repr__", float_repr);
    vm.add_method(&t, "__trunc__", float_trunc);
    vm.add_method(&t, "__floor__", float_floor);
    vm.add_method(&t, "__ceil__", float_ceil);
    vm.add_method(&t, "__round__", float_round);
    vm.add_method(&t, "__getnewargs__", float_getnewargs);
    vm.add_method(&t, "__sizeof__", float_sizeof);
    vm.add_method(&t, "conjugate", float_conjugate);
    vm.add_method(&t, "is_integer", float_is_integer);
    vm.add_method(&t, "as_integer_ratio", float_as_integer_ratio);
    vm.add_method(&t, "hex", float_hex);
    vm.add_classmethod(&t, "fromhex", float_fromhex);
    vm.add_classmethod(&t, "__getformat__", float_getformat);
    vm.add_getset(&t, "real", get_real, None);
    vm.add_getset(&t, "imag", get_imag, None);
}
