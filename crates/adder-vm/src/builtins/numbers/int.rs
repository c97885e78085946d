//! `int` and `bool`: constructors (`int(x, base)` with CPython's conversion
//! protocol `__int__` / `__index__` / `__trunc__`), methods and special
//! methods.
//!
//! Invariant: an instance of a user subclass of `int` is always a heap
//! object with a `BigInt` payload (even for small values); everything that
//! returns "the int value" of such an instance returns an exact `int`
//! (normalised to a small int when it fits).

use adder_bytecode::{BinOp, CmpOp};
use adder_object::Value;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{method_self_check, noargs_self, number_text, parse_args, slot_args};
use crate::kinds;
use crate::num::{self, as_bigint, as_float, is_int, text_error};
use crate::objects::string::Str;
use crate::ops::{is_heap_type, type_lookup};
use crate::vm::{Args, PyResult, Vm};

fn is_bool(v: &Value) -> bool {
    v.is_bool()
}

/// The exact-`int` value of an int or int-subclass instance.
pub(crate) fn exact_int(vm: &Vm, v: &Value) -> Value {
    if v.is_small_int() {
        return v.clone();
    }
    if let Some(b) = v.as_bool() {
        return vm.new_int(b as i64);
    }
    if vm.type_of(v).is(&vm.t.int) {
        return v.clone();
    }
    vm.new_bigint(as_bigint(v).unwrap_or_default())
}

fn big(v: &Value) -> BigInt {
    as_bigint(v).unwrap_or_default()
}

// ----- construction ------------------------------------------------------------

/// Parses `int(text, base)`, quoting the original object in errors.
fn parse_int_value(vm: &Vm, v: &Value, base: u32) -> PyResult<BigInt> {
    let Some((text, is_str)) = number_text(v) else {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    };
    match adder_text::parse_int(&text, base, vm.int_max_str_digits) {
        Ok(i) => Ok(i),
        Err(e) if !is_str && e.msg.starts_with("invalid literal") => {
            let raw = crate::ops::bytes_of(v).unwrap_or_default();
            let r: String = adder_text::bytes_repr(&raw).chars().take(200).collect();
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
        Err(e) => Err(text_error(vm, e)),
    }
}

/// The int a conversion method (`__int__`, `__index__`) returned; a strict
/// subclass of int (a bool) is accepted with 3.11's DeprecationWarning.
pub fn int_result(vm: &mut Vm, r: &Value, what: &str) -> PyResult<BigInt> {
    let Some(i) = as_bigint(r).filter(|_| !r.is_float()) else {
        return Err(vm.type_error(format!(
            "{what} returned non-int (type {})",
            vm.type_name(r)
        )));
    };
    if !vm.type_of(r).is(&vm.t.int) {
        vm.warn_deprecated(&format!(
            "{what} returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
            vm.type_name(r)
        ))?;
    }
    Ok(i)
}

/// `int(x)` for one argument (CPython's `PyNumber_Long`).
pub fn int_from_object(vm: &mut Vm, x: &Value) -> PyResult<BigInt> {
    let t = vm.type_of(x);
    if !is_heap_type(&t) {
        if let Some(i) = as_bigint(x) {
            return Ok(i);
        }
        if let Some(f) = as_float(x) {
            return adder_text::float_to_bigint(f).map_err(|e| text_error(vm, e));
        }
    }
    {
        let n = vm.names.__int__.clone();
        if let Some(f) = type_lookup(&t, &n) {
            let r = vm.call_method_value(&f, x, vec![])?;
            return int_result(vm, &r, "__int__");
        }
        let n = vm.names.__index__.clone();
        if let Some(f) = type_lookup(&t, &n) {
            let r = vm.call_method_value(&f, x, vec![])?;
            return int_result(vm, &r, "__index__");
        }
        let n = vm.names.__trunc__.clone();
        if let Some(f) = type_lookup(&t, &n) {
            vm.warn_deprecated("The delegation of int() to __trunc__ is deprecated.")?;
            let r = vm.call_method_value(&f, x, vec![])?;
            // Any int (a subclass too) is taken as is; other Integrals
            // go through __index__.
            if let Some(i) = as_bigint(&r).filter(|_| !r.is_float()) {
                return Ok(i);
            }
            return match vm.index_opt(&r)? {
                Some(i) => Ok(i),
                None => Err(vm.type_error(format!(
                    "__trunc__ returned non-Integral (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    if number_text(x).is_some() {
        return parse_int_value(vm, x, 10);
    }
    if let Some(m) = x.downcast::<crate::builtins::memview::MemoryView>() {
        // A buffer: its bytes are parsed (CPython copies them to bytes).
        let b = vm.new_bytes(m.bytes());
        return parse_int_value(vm, &b, 10);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

fn int_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let a = parse_args(vm, "int", args, &["x", "base"], 1, 2, 0)?;
    let value = match (&a[0], &a[1]) {
        (None, None) => BigInt::zero(),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from_object(vm, x)?,
        (Some(x), Some(b)) => {
            let b = vm.index(b)?;
            let base = match b.to_u32() {
                Some(n) if n == 0 || (2..=36).contains(&n) => n,
                _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            parse_int_value(vm, x, base)?
        }
    };
    if cls.is(&vm.t.int) {
        return Ok(vm.new_bigint(value));
    }
    if cls.is(&vm.t.bool_) {
        return Err(vm.type_error("int.__new__(bool) is not safe, use bool.__new__()"));
    }
    Ok(vm.alloc_int_of_class(&cls, &value))
}

fn bool_new(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    match args.pos.len() {
        1 => Ok(Value::FALSE),
        2 => {
            let b = vm.truthy(&args.pos[1])?;
            Ok(Value::from_bool(b))
        }
        n => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", n - 1))),
    }
}

// ----- binary special methods ------------------------------------------------------

fn int_binary(vm: &mut Vm, args: Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "int", is_int, 1)?;
    let b = &rest[0];
    if !is_int(b) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = if reflected { (b, &a) } else { (&a, b) };
    Ok(num::numeric_binop(vm, op, x, y)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

fn int_compare(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "int", is_int, 1)?;
    let b = &rest[0];
    if !is_int(b) {
        return Ok(vm.not_implemented.clone());
    }
    Ok(Value::from_bool(super::cmp_holds(op, big(&a).cmp(&big(b)))))
}

fn int_divmod_impl(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "int", is_int, 1)?;
    let b = &rest[0];
    if !is_int(b) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = if reflected {
        (big(b), big(&a))
    } else {
        (big(&a), big(b))
    };
    num::int_divmod(vm, &x, &y)
}

fn int_divmod(vm: &mut Vm, args: Args) -> PyResult {
    int_divmod_impl(vm, args, "__divmod__", false)
}
fn int_rdivmod(vm: &mut Vm, args: Args) -> PyResult {
    int_divmod_impl(vm, args, "__rdivmod__", true)
}

fn int_pow_impl(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult {
    let n = args.pos.len().saturating_sub(1);
    if !(1..=2).contains(&n) {
        return Err(vm.type_error(if n < 1 {
            format!(" expected at least 1 argument, got {n}")
        } else {
            format!(" expected at most 2 arguments, got {n}")
        }));
    }
    let (a, rest) = slot_args(vm, args, name, "int", is_int, n)?;
    let b = &rest[0];
    let m = rest.get(1).filter(|m| !m.is_none());
    if !is_int(b) || m.is_some_and(|m| !is_int(m)) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = if reflected {
        (b.clone(), a)
    } else {
        (a, b.clone())
    };
    match m {
        Some(m) => num::int_pow_mod(vm, big(&x), big(&y), big(m)),
        None => num::int_binop(vm, BinOp::Pow, big(&x), big(&y)),
    }
}

fn int_pow(vm: &mut Vm, args: Args) -> PyResult {
    int_pow_impl(vm, args, "__pow__", false)
}
fn int_rpow(vm: &mut Vm, args: Args) -> PyResult {
    int_pow_impl(vm, args, "__rpow__", true)
}

macro_rules! int_binops {
    ($($f:ident $name:literal $op:ident $refl:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult { int_binary(vm, args, $name, BinOp::$op, $refl) })*
        fn register_binops(vm: &mut Vm, ty: &Value) { $(vm.add_method(ty, $name, $f);)* }
    };
}

int_binops! {
    int_add "__add__" Add false; int_radd "__radd__" Add true;
    int_sub "__sub__" Sub false; int_rsub "__rsub__" Sub true;
    int_mul "__mul__" Mul false; int_rmul "__rmul__" Mul true;
    int_truediv "__truediv__" TrueDiv false; int_rtruediv "__rtruediv__" TrueDiv true;
    int_floordiv "__floordiv__" FloorDiv false; int_rfloordiv "__rfloordiv__" FloorDiv true;
    int_mod "__mod__" Mod false; int_rmod "__rmod__" Mod true;
    int_lshift "__lshift__" LShift false; int_rlshift "__rlshift__" LShift true;
    int_rshift "__rshift__" RShift false; int_rrshift "__rrshift__" RShift true;
    int_and "__and__" And false; int_rand "__rand__" And true;
    int_or "__or__" Or false; int_ror "__ror__" Or true;
    int_xor "__xor__" Xor false; int_rxor "__rxor__" Xor true;
}

macro_rules! int_cmps {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult { int_compare(vm, args, $name, CmpOp::$op) })*
        fn register_cmps(vm: &mut Vm, ty: &Value) { $(vm.add_method(ty, $name, $f);)* }
    };
}

int_cmps! {
    int_eq "__eq__" Eq; int_ne "__ne__" Ne; int_lt "__lt__" Lt;
    int_le "__le__" Le; int_gt "__gt__" Gt; int_ge "__ge__" Ge;
}

// ----- bool's logical operators ------------------------------------------------------

fn bool_logic(vm: &mut Vm, args: Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let (a, rest) = slot_args(vm, args, name, "bool", is_bool, 1)?;
    let b = &rest[0];
    if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
        return Ok(Value::from_bool(match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        }));
    }
    if !is_int(b) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = if reflected { (b, &a) } else { (&a, b) };
    Ok(num::numeric_binop(vm, op, x, y)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

macro_rules! bool_ops {
    ($($f:ident $name:literal $op:ident $refl:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult { bool_logic(vm, args, $name, BinOp::$op, $refl) })*
        fn register_bool_ops(vm: &mut Vm, ty: &Value) { $(vm.add_method(ty, $name, $f);)* }
    };
}

bool_ops! {
    bool_and "__and__" And false; bool_rand "__rand__" And true;
    bool_or "__or__" Or false; bool_ror "__ror__" Or true;
    bool_xor "__xor__" Xor false; bool_rxor "__rxor__" Xor true;
}

fn bool_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = slot_args(vm, args, "__repr__", "bool", is_bool, 0)?;
    Ok(vm.new_str(if s.as_bool() == Some(true) {
        "True"
    } else {
        "False"
    }))
}

// ----- unary special methods ------------------------------------------------------------

fn unary_self(vm: &Vm, args: Args, name: &str) -> PyResult<Value> {
    Ok(slot_args(vm, args, name, "int", is_int, 0)?.0)
}

fn int_neg(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__neg__")?;
    Ok(vm.new_bigint(-big(&s)))
}
fn int_pos(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__pos__")?;
    Ok(exact_int(vm, &s))
}
fn int_invert(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__invert__")?;
    Ok(vm.new_bigint(-big(&s) - 1))
}
fn int_abs(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__abs__")?;
    Ok(vm.new_bigint(big(&s).abs()))
}
fn int_bool(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__bool__")?;
    Ok(Value::from_bool(!big(&s).is_zero()))
}
fn int_int(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__int__")?;
    Ok(exact_int(vm, &s))
}
fn int_index(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__index__")?;
    Ok(exact_int(vm, &s))
}
fn int_float(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__float__")?;
    let f = num::int_to_f64(vm, &big(&s))?;
    Ok(vm.new_float(f))
}
fn int_hash(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__hash__")?;
    Ok(vm.new_int(num::hash_bigint(&big(&s))))
}

/// `str(i)` / `repr(i)` with the int/str digit limit.
pub(crate) fn int_to_string(vm: &Vm, i: &BigInt) -> PyResult<String> {
    if let Some(x) = i.to_i64() {
        return Ok(x.to_string());
    }
    adder_text::int_to_decimal(i, vm.int_max_str_digits).map_err(|e| text_error(vm, e))
}

fn int_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = unary_self(vm, args, "__repr__")?;
    let text = int_to_string(vm, &big(&s))?;
    Ok(vm.new_string(text))
}

fn int_noargs(vm: &Vm, args: Args, name: &str) -> PyResult<Value> {
    noargs_self(vm, args, name, "int", is_int)
}

fn int_trunc(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "__trunc__")?;
    Ok(exact_int(vm, &s))
}
fn int_floor(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "__floor__")?;
    Ok(exact_int(vm, &s))
}
fn int_ceil(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "__ceil__")?;
    Ok(exact_int(vm, &s))
}
fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "conjugate")?;
    Ok(exact_int(vm, &s))
}
fn int_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "__getnewargs__")?;
    let i = exact_int(vm, &s);
    Ok(vm.new_tuple(vec![i]))
}
fn int_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "__sizeof__")?;
    Ok(vm.new_int(crate::objects::size::real_size(&s) as i64))
}
fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "bit_length")?;
    Ok(vm.new_int(big(&s).bits() as i64))
}
fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "bit_count")?;
    let n: u64 = big(&s)
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(vm.new_int(n as i64))
}
fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult {
    let s = int_noargs(vm, args, "as_integer_ratio")?;
    let n = exact_int(vm, &s);
    Ok(vm.new_tuple(vec![n, vm.new_int(1)]))
}

fn int_round(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.pos.len().saturating_sub(1);
    if n > 1 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {n}")));
    }
    let s = args.pos.first().cloned().unwrap_or(Value::NONE);
    method_self_check(vm, &s, "__round__", "int", is_int)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("int.__round__() takes no keyword arguments"));
    }
    let Some(nd) = args.pos.get(1) else {
        return Ok(exact_int(vm, &s));
    };
    let nd = vm.index(nd)?;
    if !nd.is_negative() {
        return Ok(exact_int(vm, &s));
    }
    Ok(vm.new_bigint(round_int(&big(&s), &nd)))
}

/// `round(x, nd)` for an int and a negative `nd`: round half to even to a
/// multiple of `10**-nd`.
pub(crate) fn round_int(x: &BigInt, nd: &BigInt) -> BigInt {
    let digits = (-nd).to_u64().unwrap_or(u64::MAX);
    // |x| < 10**digits means the result is 0 (|x| < half the unit unless equal).
    if digits > x.bits() / 3 + 2 {
        return BigInt::zero();
    }
    let p = num_traits::pow(BigInt::from(10), digits as usize);
    let (mut q, r) = x.div_mod_floor(&p);
    let twice = &r * 2;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    q * p
}

// ----- to_bytes / from_bytes --------------------------------------------------------------

fn byteorder_arg(vm: &Vm, fname: &str, v: Option<Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match v.downcast::<Str>() {
        Some(s) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        None => Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            vm.type_name(&v)
        ))),
    }
}

fn int_to_bytes(vm: &mut Vm, mut args: Args) -> PyResult {
    let s = args.pos.first().cloned().unwrap_or(Value::NONE);
    method_self_check(vm, &s, "to_bytes", "int", is_int)?;
    args.pos.remove(0);
    let a = parse_args(
        vm,
        "to_bytes",
        args,
        &["length", "byteorder", "signed"],
        0,
        2,
        0,
    )?;
    let length = match &a[0] {
        Some(l) => vm.index(l)?,
        None => BigInt::from(1),
    };
    if length.is_negative() {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, "to_bytes", a[1].clone())?;
    let signed = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let x = big(&s);
    if !signed && x.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    // CPython needs no bytes at all for 0, nor (signed, all sign bits) for -1.
    let minus_one = x == BigInt::from(-1);
    let mut bytes = if x.is_zero() || (signed && minus_one) {
        Vec::new()
    } else if signed {
        x.to_signed_bytes_le()
    } else {
        x.magnitude().to_bytes_le()
    };
    let length = length.to_usize().filter(|l| *l < (1 << 40));
    let Some(length) = length else {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    };
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if x.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

/// The bytes of a `bytes(x)`-convertible argument, as `int.from_bytes` accepts it.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::ops::bytes_of(v) {
        return Ok(b);
    }
    let cannot = |vm: &Vm| {
        vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(v)
        ))
    };
    if is_int(v) || v.kind() == Some(kinds::STR) {
        return Err(cannot(vm));
    }
    let bn = vm.names.__bytes__.clone();
    if let Some(r) = vm.call_special(v, &bn, vec![])? {
        return crate::ops::bytes_of(&r).ok_or_else(|| {
            vm.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))
        });
    }
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(_) => return Err(cannot(vm)),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        let i = vm.index(&x)?;
        match i.to_u8() {
            Some(b) => out.push(b),
            None => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn int_from_bytes(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let a = parse_args(
        vm,
        "from_bytes",
        args,
        &["bytes", "byteorder", "signed"],
        0,
        2,
        1,
    )?;
    let data = a[0].clone().unwrap_or(Value::NONE);
    let little = byteorder_arg(vm, "from_bytes", a[1].clone())?;
    let signed = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut bytes = bytes_arg(vm, &data)?;
    if !little {
        bytes.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    let r = vm.new_bigint(v);
    if cls.is(&vm.t.int) {
        return Ok(r);
    }
    vm.call(&cls, vec![r])
}

// ----- getsets ----------------------------------------------------------------------------

fn get_real(vm: &mut Vm, s: &Value) -> PyResult {
    Ok(exact_int(vm, s))
}
fn get_imag(vm: &mut Vm, _s: &Value) -> PyResult {
    Ok(vm.new_int(0))
}
fn get_denominator(vm: &mut Vm, _s: &Value) -> PyResult {
    Ok(vm.new_int(1))
}

pub fn init(vm: &mut Vm) {
    let t = vm.t.int.clone();
    vm.set_new(&t, int_new);
    register_binops(vm, &t);
    register_cmps(vm, &t);
    vm.add_method(&t, "__divmod__", int_divmod);
    vm.add_method(&t, "__rdivmod__", int_rdivmod);
    vm.add_method(&t, "__pow__", int_pow);
    vm.add_method(&t, "__rpow__", int_rpow);
    vm.add_method(&t, "__neg__", int_neg);
    vm.add_method(&t, "__pos__", int_pos);
    vm.add_method(&t, "__invert__", int_invert);
    vm.add_method(&t, "__abs__", int_abs);
    vm.add_method(&t, "__bool__", int_bool);
    vm.add_method(&t, "__int__", int_int);
    vm.add_method(&t, "__index__", int_index);
    vm.add_method(&t, "__float__", int_float);
    vm.add_method(&t, "__hash__", int_hash);
    vm.add_method(&t, "__repr__", int_repr);
    vm.add_method(&t, "__trunc__", int_trunc);
    vm.add_method(&t, "__floor__", int_floor);
    vm.add_method(&t, "__ceil__", int_ceil);
    vm.add_method(&t, "__round__", int_round);
    vm.add_method(&t, "__getnewargs__", int_getnewargs);
    vm.add_method(&t, "__sizeof__", int_sizeof);
    vm.add_method(&t, "conjugate", int_conjugate);
    vm.add_method(&t, "bit_length", int_bit_length);
    vm.add_method(&t, "bit_count", int_bit_count);
    vm.add_method(&t, "as_integer_ratio", int_as_integer_ratio);
    vm.add_method(&t, "to_bytes", int_to_bytes);
    vm.add_classmethod(&t, "from_bytes", int_from_bytes);
    vm.add_getset(&t, "real", get_real, None);
    vm.add_getset(&t, "imag", get_imag, None);
    vm.add_getset(&t, "numerator", get_real, None);
    vm.add_getset(&t, "denominator", get_denominator, None);

    let b = vm.t.bool_.clone();
    vm.set_new(&b, bool_new);
    register_bool_ops(vm, &b);
    vm.add_method(&b, "__repr__", bool_repr);
}
