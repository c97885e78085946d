//! `complex`: the constructor (`complex(real, imag)`, `complex(str)` with
//! CPython's literal grammar, `__complex__`), methods and special methods.
//!
//! Invariant: arithmetic here accepts `complex`, `float` and `int` operands
//! (widened to a pair of floats) and returns `NotImplemented` for anything
//! else; only `==` and `!=` are defined, ordering is `NotImplemented`.

use adder_bytecode::{BinOp, CmpOp};
use adder_object::Value;

use super::{noargs_self, slot_args};
use crate::num::{self, as_bigint, as_complex, as_float, is_int};
use crate::objects::number::Complex;
use crate::objects::string::Str;
use crate::ops::{is_heap_type, type_lookup};
use crate::vm::{Args, PyResult, Vm};

fn is_complex(v: &Value) -> bool {
    v.downcast::<Complex>().is_some()
}

fn cval(v: &Value) -> (f64, f64) {
    as_complex(v).unwrap_or((0.0, 0.0))
}

fn exact_complex(vm: &Vm, v: &Value) -> Value {
    if vm.type_of(v).is(&vm.t.complex) {
        return v.clone();
    }
    let (re, im) = cval(v);
    vm.new_complex(re, im)
}

// ----- parsing ------------------------------------------------------------------------

enum ParseErr {
    Malformed,
    Underscore,
}

/// The longest float literal (with optional sign, `inf`/`nan`) at `pos`.
fn float_prefix(b: &[u8], pos: usize) -> Option<(f64, usize)> {
    let mut p = pos;
    let negative = b.get(p) == Some(&b'-');
    if matches!(b.get(p), Some(b'+' | b'-')) {
        p += 1;
    }
    let sign = |x: f64| if negative { -x } else { x };
    let rest = &b[p..];
    let starts =
        |w: &str| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    if starts("infinity") {
        return Some((sign(f64::INFINITY), p + 8));
    }
    if starts("inf") {
        return Some((sign(f64::INFINITY), p + 3));
    }
    if starts("nan") {
        return Some((sign(f64::NAN), p + 3));
    }
    let start = p;
    let digits = |p: &mut usize| {
        let s = *p;
        while b.get(*p).is_some_and(u8::is_ascii_digit) {
            *p += 1;
        }
        *p > s
    };
    let int_part = digits(&mut p);
    let mut frac_part = false;
    if b.get(p) == Some(&b'.') {
        let mut q = p + 1;
        frac_part = digits(&mut q);
        if int_part || frac_part {
            p = q;
        }
    }
    if !int_part && !frac_part {
        return None;
    }
    if matches!(b.get(p), Some(b'e' | b'E')) {
        let mut q = p + 1;
        if matches!(b.get(q), Some(b'+' | b'-')) {
            q += 1;
        }
        if digits(&mut q) {
            p = q;
        }
    }
    let text = std::str::from_utf8(&b[start..p]).ok()?;
    let x: f64 = text.parse().ok()?;
    Some((sign(x), p))
}

/// Removes underscores that sit between two digits; any other underscore is an error.
fn strip_underscores(s: &str) -> Result<String, ParseErr> {
    if !s.contains('_') {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return Err(ParseErr::Underscore);
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return Err(ParseErr::Underscore);
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == '_' {
        return Err(ParseErr::Underscore);
    }
    Ok(out)
}

fn parse_complex(s: &str) -> Result<(f64, f64), ParseErr> {
    let mut ascii = String::with_capacity(s.len());
    for c in s.chars() {
        if adder_text::chars::is_space(c) {
            ascii.push(' ');
        } else if c.is_ascii() {
            ascii.push(c);
        } else {
            match adder_text::chars::decimal_value(c) {
                Some(d) => ascii.push(char::from(b'0' + d as u8)),
                None => return Err(ParseErr::Malformed),
            }
        }
    }
    let text = strip_underscores(&ascii)?;
    let b = text.as_bytes();
    let mut p = 0;
    let skip = |p: &mut usize| {
        while b.get(*p) == Some(&b' ') {
            *p += 1;
        }
    };
    skip(&mut p);
    let bracket = b.get(p) == Some(&b'(');
    if bracket {
        p += 1;
        skip(&mut p);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (mut re, mut im) = (0.0, 0.0);
    if let Some((z, end)) = float_prefix(b, p) {
        p = end;
        if matches!(b.get(p), Some(b'+' | b'-')) {
            re = z;
            match float_prefix(b, p) {
                Some((y, end)) => {
                    im = y;
                    p = end;
                }
                None => {
                    im = if b[p] == b'+' { 1.0 } else { -1.0 };
                    p += 1;
                }
            }
            if !is_j(b.get(p)) {
                return Err(ParseErr::Malformed);
            }
            p += 1;
        } else if is_j(b.get(p)) {
            im = z;
            p += 1;
        } else {
            re = z;
        }
    } else {
        im = match b.get(p) {
            Some(b'+') => {
                p += 1;
                1.0
            }
            Some(b'-') => {
                p += 1;
                -1.0
            }
            _ => 1.0,
        };
        if !is_j(b.get(p)) {
            return Err(ParseErr::Malformed);
        }
        p += 1;
    }
    skip(&mut p);
    if bracket {
        if b.get(p) != Some(&b')') {
            return Err(ParseErr::Malformed);
        }
        p += 1;
        skip(&mut p);
    }
    if p != b.len() {
        return Err(ParseErr::Malformed);
    }
    Ok((re, im))
}

// ----- construction ------------------------------------------------------------------

/// Whether a non-complex value can be a part of a complex (has `__float__` or `__index__`).
fn is_real_number(vm: &mut Vm, v: &Value) -> bool {
    let t = vm.type_of(v);
    if as_float(v).is_some() || is_int(v) {
        return true;
    }
    let (f, i) = (vm.names.__float__.clone(), vm.names.__index__.clone());
    type_lookup(&t, &f).is_some() || type_lookup(&t, &i).is_some()
}

/// `complex(x)` for one non-string argument: `(re, im)`.
pub fn complex_from_object(vm: &mut Vm, x: &Value) -> PyResult<(f64, f64)> {
    let r = complex_parts(vm, x, None)?;
    Ok(r)
}

fn complex_parts(vm: &mut Vm, r: &Value, i: Option<&Value>) -> PyResult<(f64, f64)> {
    if let Some(s) = r.downcast::<Str>() {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return parse_complex(s.as_str()).map_err(|e| match e {
            ParseErr::Malformed => vm.value_error("complex() arg is a malformed string"),
            ParseErr::Underscore => {
                let rep = adder_text::str_repr(s.as_str());
                vm.value_error(format!("could not convert string to complex: {rep}"))
            }
        });
    }
    if let Some(iv) = i {
        if iv.downcast::<Str>().is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    let mut r = r.clone();
    let t = vm.type_of(&r);
    if is_heap_type(&t) {
        let n = vm.names.__complex__.clone();
        if let Some(f) = type_lookup(&t, &n) {
            let res = vm.call_method_value(&f, &r, vec![])?;
            if !is_complex(&res) {
                return Err(vm.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&res)
                )));
            }
            r = res;
        }
    }
    if !is_complex(&r) && !is_real_number(vm, &r) {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(&r)
        )));
    }
    if let Some(iv) = i {
        if !is_complex(iv) && !is_real_number(vm, iv) {
            return Err(vm.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                vm.type_name(iv)
            )));
        }
    }
    let (cr, r_complex) = match as_complex(&r) {
        Some(c) => (c, true),
        None => ((super::float_from_object(vm, &r)?, 0.0), false),
    };
    let (ci, i_complex) = match i {
        None => ((cr.1, 0.0), false),
        Some(iv) => match as_complex(iv) {
            Some(c) => (c, true),
            None => ((super::float_from_object(vm, iv)?, 0.0), false),
        },
    };
    let mut re = cr.0;
    let mut im = ci.0;
    if i_complex {
        re -= ci.1;
    }
    if r_complex && i.is_some() {
        im += cr.1;
    }
    Ok((re, im))
}

fn complex_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let a = super::parse_args(vm, "complex", args, &["real", "imag"], 0, 2, 0)?;
    if let (Some(r), None) = (&a[0], &a[1]) {
        if cls.is(&vm.t.complex) && vm.type_of(r).is(&vm.t.complex) {
            return Ok(r.clone());
        }
    }
    let zero = vm.new_int(0);
    let r = a[0].clone().unwrap_or(zero);
    let (re, im) = complex_parts(vm, &r, a[1].as_ref())?;
    if cls.is(&vm.t.complex) {
        return Ok(vm.new_complex(re, im));
    }
    Ok(vm.alloc_builtin(&cls, Complex { re, im }))
}

// ----- special methods ------------------------------------------------------------------

/// The complex value of an operand complex arithmetic accepts; `None` = NotImplemented.
fn operand(vm: &Vm, v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(c));
    }
    if let Some(f) = as_float(v) {
        return Ok(Some((f, 0.0)));
    }
    match as_bigint(v) {
        Some(i) => Ok(Some((num::int_to_f64(vm, &i)?, 0.0))),
        None => Ok(None),
    }
}

fn complex_binary(vm: &mut Vm, args: Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "complex", is_complex, 1)?;
    let Some(y) = operand(vm, &rest[0])? else {
        return Ok(vm.not_implemented.clone());
    };
    let x = cval(&a);
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    Ok(num::complex_binop(vm, op, x, y)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

fn complex_pow_impl(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult {
    let n = args.pos.len().saturating_sub(1);
    if !(1..=2).contains(&n) {
        return Err(vm.type_error(if n < 1 {
            format!(" expected at least 1 argument, got {n}")
        } else {
            format!(" expected at most 2 arguments, got {n}")
        }));
    }
    let (a, rest) = slot_args(vm, args, name, "complex", is_complex, n)?;
    let Some(y) = operand(vm, &rest[0])? else {
        return Ok(vm.not_implemented.clone());
    };
    if rest.get(1).is_some_and(|m| !m.is_none()) {
        return Err(vm.value_error("complex modulo"));
    }
    let x = cval(&a);
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let (re, im) = num::complex_pow(vm, x, y)?;
    Ok(vm.new_complex(re, im))
}
fn complex_pow(vm: &mut Vm, args: Args) -> PyResult {
    complex_pow_impl(vm, args, "__pow__", false)
}
fn complex_rpow(vm: &mut Vm, args: Args) -> PyResult {
    complex_pow_impl(vm, args, "__rpow__", true)
}

fn complex_compare(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "complex", is_complex, 1)?;
    let b = &rest[0];
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let (re, im) = cval(&a);
    let equal = if let Some((br, bi)) = as_complex(b) {
        re == br && im == bi
    } else if let Some(f) = as_float(b) {
        im == 0.0 && re == f
    } else if is_int(b) {
        // Exact comparison of the real part with the int.
        let x = vm.new_float(re);
        im == 0.0 && vm.native_compare(&x, b, CmpOp::Eq)?.unwrap_or(false)
    } else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(Value::from_bool(if op == CmpOp::Eq {
        equal
    } else {
        !equal
    }))
}

macro_rules! complex_binops {
    ($($f:ident $name:literal $op:ident $refl:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult { complex_binary(vm, args, $name, BinOp::$op, $refl) })*
        fn register_binops(vm: &mut Vm, ty: &Value) { $(vm.add_method(ty, $name, $f);)* }
    };
}

complex_binops! {
    complex_add "__add__" Add false; complex_radd "__radd__" Add true;
    complex_sub "__sub__" Sub false; complex_rsub "__rsub__" Sub true;
    complex_mul "__mul__" Mul false; complex_rmul "__rmul__" Mul true;
    complex_truediv "__truediv__" TrueDiv false; complex_rtruediv "__rtruediv__" TrueDiv true;
}

macro_rules! complex_cmps {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult { complex_compare(vm, args, $name, CmpOp::$op) })*
        fn register_cmps(vm: &mut Vm, ty: &Value) { $(vm.add_method(ty, $name, $f);)* }
    };
}

complex_cmps! {
    complex_eq "__eq__" Eq; complex_ne "__ne__" Ne; complex_lt "__lt__" Lt;
    complex_le "__le__" Le; complex_gt "__gt__" Gt; complex_ge "__ge__" Ge;
}

fn unary_self(vm: &Vm, args: Args, name: &str) -> PyResult<Value> {
    Ok(slot_args(vm, args, name, "complex", is_complex, 0)?.0)
}

fn complex_neg(vm: &mut Vm, args: Args) -> PyResult {
    let (re, im) = cval(&unary_self(vm, args, "__neg__")?);
    Ok(vm.new_complex(-re, -im))
}
fn complex_pos(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__pos__")?;
    Ok(exact_complex(vm, &s))
}
fn complex_abs(vm: &mut Vm, args: Args) -> PyResult {
    let (re, im) = cval(&unary_self(vm, args, "__abs__")?);
    let r = num::complex_abs(vm, re, im)?;
    Ok(vm.new_float(r))
}
fn complex_bool(vm: &mut Vm, args: Args) -> PyResult {
    let (re, im) = cval(&unary_self(vm, args, "__bool__")?);
    Ok(Value::from_bool(re != 0.0 || im != 0.0))
}
fn complex_hash(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__hash__")?;
    let (re, im) = cval(&s);
    let ident = (s.bits() >> 4) as i64;
    let hr = adder_text::float_hash(re).unwrap_or(ident);
    let hi = adder_text::float_hash(im).unwrap_or(ident);
    Ok(vm.new_int(adder_text::complex_hash(hr, hi)))
}
fn complex_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (re, im) = cval(&unary_self(vm, args, "__repr__")?);
    Ok(vm.new_string(adder_text::complex_repr(re, im)))
}

fn complex_noargs(vm: &Vm, args: Args, name: &str) -> PyResult<Value> {
    noargs_self(vm, args, name, "complex", is_complex)
}
fn complex_conjugate(vm: &mut Vm, args: Args) -> PyResult {
    let (re, im) = cval(&complex_noargs(vm, args, "conjugate")?);
    Ok(vm.new_complex(re, -im))
}
fn complex_complex(vm: &mut Vm, args: Args) -> PyResult {
    let s = complex_noargs(vm, args, "__complex__")?;
    Ok(exact_complex(vm, &s))
}
fn complex_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    let (re, im) = cval(&complex_noargs(vm, args, "__getnewargs__")?);
    let (r, i) = (vm.new_float(re), vm.new_float(im));
    Ok(vm.new_tuple(vec![r, i]))
}
fn complex_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let s = complex_noargs(vm, args, "__sizeof__")?;
    // A subclass instance carries a weak-reference slot as well.
    let extra = if vm.type_of(&s).is(&vm.t.complex) {
        0
    } else {
        8
    };
    Ok(vm.new_int(32 + extra))
}

fn get_real(vm: &mut Vm, s: &Value) -> PyResult {
    Ok(vm.new_float(cval(s).0))
}
fn get_imag(vm: &mut Vm, s: &Value) -> PyResult {
    Ok(vm.new_float(cval(s).1))
}

pub fn init(vm: &mut Vm) {
    let t = vm.t.complex.clone();
    vm.set_new(&t, complex_new);
    register_binops(vm, &t);
    register_cmps(vm, &t);
    vm.add_method(&t, "__pow__", complex_pow);
    vm.add_method(&t, "__rpow__", complex_rpow);
    vm.add_method(&t, "__neg__", complex_neg);
    vm.add_method(&t, "__pos__", complex_pos);
    vm.add_method(&t, "__abs__", complex_abs);
    vm.add_method(&t, "__bool__", complex_bool);
    vm.add_method(&t, "__hash__", complex_hash);
    vm.add_method(&t, "__repr__", complex_repr);
    vm.add_method(&t, "__complex__", complex_complex);
    vm.add_method(&t, "__getnewargs__", complex_getnewargs);
    vm.add_method(&t, "__sizeof__", complex_sizeof);
    vm.add_method(&t, "conjugate", complex_conjugate);
    vm.add_getset(&t, "real", get_real, None);
    vm.add_getset(&t, "imag", get_imag, None);
}
