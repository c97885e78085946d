//! Arithmetic of the builtin numeric types (int, bool, float, complex).
//!
//! Invariant: these functions implement Python's semantics exactly for
//! operands of builtin numeric type (or subclasses, read through their
//! payloads) and return `Ok(None)` ("NotImplemented") for anything else, so
//! the generic operator protocol in `ops` can try the reflected method.
//! Small-int fast paths fall back to big ints on overflow; every int<->float
//! conversion and float operation goes through `adder_text`'s correctly
//! rounded primitives.

use adder_bytecode::BinOp;
use adder_object::Value;
use adder_text::{ErrKind, TextError};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::objects::number::{BigInt as BigObj, BoxedFloat, Complex};
use crate::vm::{PyResult, Vm};

/// A numeric operand, widened.
pub enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

/// The int value of an int or bool, if it is one.
pub fn as_bigint(v: &Value) -> Option<BigInt> {
    if let Some(i) = v.as_small_int() {
        return Some(BigInt::from(i));
    }
    if let Some(b) = v.as_bool() {
        return Some(BigInt::from(b as i64));
    }
    v.downcast::<BigObj>().map(|b| b.value())
}

/// i64 value of an int/bool that fits.
pub fn as_i64(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    v.downcast::<BigObj>().and_then(|b| b.to_i64())
}

pub fn is_int(v: &Value) -> bool {
    v.is_small_int() || v.is_bool() || v.downcast::<BigObj>().is_some()
}

pub fn as_float(v: &Value) -> Option<f64> {
    if let Some(x) = v.as_inline_float() {
        return Some(x);
    }
    v.downcast::<BoxedFloat>().map(|b| b.0)
}

pub fn as_complex(v: &Value) -> Option<(f64, f64)> {
    v.downcast::<Complex>().map(|c| (c.re, c.im))
}

pub fn to_num(v: &Value) -> Option<Num> {
    if let Some(x) = as_float(v) {
        return Some(Num::Float(x));
    }
    if let Some(i) = as_bigint(v) {
        return Some(Num::Int(i));
    }
    v.downcast::<Complex>().map(|c| Num::Complex(c.re, c.im))
}

/// The exception for an `adder_text` error.
pub fn text_error(vm: &Vm, e: TextError) -> Value {
    let ty = match e.kind {
        ErrKind::ValueError => &vm.t.value_error,
        ErrKind::TypeError => &vm.t.type_error,
        ErrKind::OverflowError => &vm.t.overflow_error,
        ErrKind::ZeroDivisionError => &vm.t.zero_division_error,
    };
    vm.new_exception_msg(ty, e.msg)
}

/// `float(i)`: correctly rounded; OverflowError when too large.
pub fn int_to_f64(vm: &Vm, i: &BigInt) -> PyResult<f64> {
    adder_text::bigint_to_f64(i).map_err(|e| text_error(vm, e))
}

/// The exact integer value of an integral float (`x.floor()` of a finite float).
pub fn float_to_bigint_exact(x: f64) -> BigInt {
    adder_text::float_to_bigint(x).unwrap_or_default()
}

impl Vm {
    pub fn new_complex(&self, re: f64, im: f64) -> Value {
        self.alloc_builtin(&self.t.complex, Complex { re, im })
    }
}

/// Small-int fast path for the common operators; `None` to take the slow path.
#[inline]
pub fn small_binop(op: BinOp, a: i64, b: i64) -> Option<i64> {
    match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::FloorDiv if b != 0 && !(a == i64::MIN && b == -1) => {
            Some(Integer::div_floor(&a, &b))
        }
        BinOp::Mod if b != 0 && !(a == i64::MIN && b == -1) => Some(Integer::mod_floor(&a, &b)),
        BinOp::And => Some(a & b),
        BinOp::Or => Some(a | b),
        BinOp::Xor => Some(a ^ b),
        _ => None,
    }
}

/// The value of an exact `int` that fits in 128 bits (no allocation).
#[inline]
pub fn exact_int_i128(vm: &Vm, v: &Value) -> Option<i128> {
    if let Some(i) = v.as_small_int() {
        return Some(i as i128);
    }
    let b = v.downcast::<BigObj>()?;
    if !vm.is_exact(v, &vm.t.int) {
        return None;
    }
    b.to_i128()
}

/// `a op b` computed in i128, for the operators Python defines exactly on
/// ints (None when the result does not fit or the operation raises:
/// another path must compute it).
#[inline]
pub fn wide_binop(op: BinOp, x: i128, y: i128) -> Option<i128> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        // i128::MIN // -1 is the one quotient that overflows.
        BinOp::FloorDiv if y != 0 && !(x == i128::MIN && y == -1) => {
            Some(Integer::div_floor(&x, &y))
        }
        BinOp::Mod if y != 0 && y != -1 => Some(Integer::mod_floor(&x, &y)),
        BinOp::Mod if y == -1 => Some(0),
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::LShift if (0..127).contains(&y) => {
            let r = x << y;
            (r >> y == x).then_some(r)
        }
        BinOp::RShift if y >= 0 => Some(x >> y.min(127)),
        _ => None,
    }
}

fn widen(vm: &Vm, n: Num) -> PyResult<(f64, f64)> {
    Ok(match n {
        Num::Int(i) => (int_to_f64(vm, &i)?, 0.0),
        Num::Float(f) => (f, 0.0),
        Num::Complex(r, i) => (r, i),
    })
}

/// `a op b` for builtin numbers; `Ok(None)` when not applicable.
pub fn numeric_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        if let Some(r) = small_binop(op, x, y) {
            return Ok(Some(vm.new_int(r)));
        }
    }
    if op == BinOp::MatMul {
        return Ok(None);
    }
    if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
        match op {
            BinOp::And => return Ok(Some(Value::from_bool(x & y))),
            BinOp::Or => return Ok(Some(Value::from_bool(x | y))),
            BinOp::Xor => return Ok(Some(Value::from_bool(x ^ y))),
            _ => {}
        }
    }
    let (na, nb) = match (to_num(a), to_num(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Ok(None),
    };
    match (na, nb) {
        (Num::Int(x), Num::Int(y)) => int_binop(vm, op, x, y).map(Some),
        (na @ Num::Complex(..), nb) | (na, nb @ Num::Complex(..)) => {
            if !matches!(
                op,
                BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
            ) {
                return Ok(None);
            }
            let x = widen(vm, na)?;
            let y = widen(vm, nb)?;
            complex_binop(vm, op, x, y)
        }
        (na, nb) => {
            if !matches!(
                op,
                BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::TrueDiv
                    | BinOp::FloorDiv
                    | BinOp::Mod
                    | BinOp::Pow
            ) {
                return Ok(None);
            }
            let x = widen(vm, na)?.0;
            let y = widen(vm, nb)?.0;
            float_binop(vm, op, x, y)
        }
    }
}

pub fn float_binop(vm: &mut Vm, op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => adder_text::float_floordiv(x, y).map_err(|e| text_error(vm, e))?,
        BinOp::Mod => adder_text::float_mod(x, y).map_err(|e| text_error(vm, e))?,
        BinOp::Pow => return float_pow(vm, x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(vm.new_float(r)))
}

/// `divmod(x, y)` for floats.
pub fn float_divmod(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    let (q, r) = adder_text::float_divmod(x, y).map_err(|e| text_error(vm, e))?;
    let (q, r) = (vm.new_float(q), vm.new_float(r));
    Ok(vm.new_tuple(vec![q, r]))
}

/// `divmod(x, y)` for ints.
pub fn int_divmod(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_zero() {
        return Err(vm.zero_division("integer division or modulo by zero"));
    }
    let (q, r) = x.div_mod_floor(y);
    let (q, r) = (vm.new_bigint(q), vm.new_bigint(r));
    Ok(vm.new_tuple(vec![q, r]))
}

pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    match adder_text::float_pow(x, y) {
        Ok(adder_text::PowResult::Float(r)) => Ok(vm.new_float(r)),
        Ok(adder_text::PowResult::Complex) => {
            complex_binop(vm, BinOp::Pow, (x, 0.0), (y, 0.0)).map(|r| r.unwrap_or(Value::NONE))
        }
        Err(e) => Err(text_error(vm, e)),
    }
}

// ----- complex arithmetic ---------------------------------------------------
// CPython 3.11: Objects/complexobject.c (_Py_c_quot, _Py_c_pow, c_powi).

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Complex division by scaling with the larger component of the divisor;
/// `None` on division by zero.
pub fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_r, abs_i) = (b.0.abs(), b.1.abs());
    if abs_r >= abs_i {
        if abs_r == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_i >= abs_r {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// The general complex power; `Err(())` for a domain error (zero to a
/// negative or complex power, or an infinite phase).
fn c_pow(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), ()> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(());
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        // cos/sin of an infinity is a domain error (errno EDOM) in C.
        return Err(());
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `a ** b` for complex numbers, with CPython's errors.
pub fn complex_pow(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let zero_err = || vm.zero_division("0.0 to a negative or complex power");
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            c_powu(a, n as u64)
        } else {
            c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs())).ok_or_else(zero_err)?
        }
    } else {
        c_pow(a, b).map_err(|_| zero_err())?
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(r)
}

pub fn complex_binop(
    vm: &mut Vm,
    op: BinOp,
    a: (f64, f64),
    b: (f64, f64),
) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => (a.0 + b.0, a.1 + b.1),
        BinOp::Sub => (a.0 - b.0, a.1 - b.1),
        BinOp::Mul => c_prod(a, b),
        BinOp::TrueDiv => {
            c_quot(a, b).ok_or_else(|| vm.zero_division("complex division by zero"))?
        }
        BinOp::Pow => complex_pow(vm, a, b)?,
        _ => return Ok(None),
    };
    Ok(Some(vm.new_complex(r.0, r.1)))
}

/// `abs(z)` for a complex number.
pub fn complex_abs(vm: &Vm, re: f64, im: f64) -> PyResult<f64> {
    // CPython 3.11: Objects/complexobject.c complex_abs.
    if re.is_infinite() || im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if re.is_nan() || im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_infinite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(r)
}

// ----- int arithmetic -------------------------------------------------------

pub fn int_binop(vm: &mut Vm, op: BinOp, x: BigInt, y: BigInt) -> PyResult<Value> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            if x.bits() + y.bits() > MAX_INT_BITS {
                return Err(vm.new_exception_msg(&vm.t.memory_error, ""));
            }
            x * y
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        BinOp::TrueDiv => {
            let f = adder_text::int_true_divide(&x, &y).map_err(|e| text_error(vm, e))?;
            return Ok(vm.new_float(f));
        }
        BinOp::Pow => return int_pow(vm, x, y),
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::LShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(vm.new_int(0));
            }
            match y.to_u64() {
                Some(n) if x.bits().saturating_add(n) <= MAX_INT_BITS => x << (n as usize),
                _ => return Err(vm.new_exception_msg(&vm.t.memory_error, "")),
            }
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(n) if n < x.bits() + 1 => x >> (n as usize),
                _ => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinOp::MatMul => {
            return Err(vm.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
        }
    };
    Ok(vm.new_bigint(r))
}

/// Largest int result (in bits) Adder computes before raising MemoryError.
pub const MAX_INT_BITS: u64 = 1 << 36;

fn int_pow(vm: &mut Vm, x: BigInt, y: BigInt) -> PyResult<Value> {
    if y.is_negative() {
        let xf = int_to_f64(vm, &x)?;
        let yf = int_to_f64(vm, &y)?;
        return float_pow(vm, xf, yf);
    }
    if x.is_one() || x.is_zero() {
        return Ok(vm.new_bigint(if y.is_zero() { BigInt::one() } else { x }));
    }
    if x == BigInt::from(-1) {
        return Ok(vm.new_int(if y.is_even() { 1 } else { -1 }));
    }
    let e = match y.to_u32() {
        Some(e) if (x.bits() as u128) * (e as u128) <= MAX_INT_BITS as u128 => e,
        _ => return Err(vm.new_exception_msg(&vm.t.memory_error, "")),
    };
    Ok(vm.new_bigint(num_traits::pow::Pow::pow(&x, e)))
}

/// `pow(a, b, m)` for ints.
pub fn int_pow_mod(vm: &mut Vm, a: BigInt, b: BigInt, m: BigInt) -> PyResult<Value> {
    // CPython 3.11: Objects/longobject.c long_pow (three-argument branch).
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let negative_out = m.is_negative();
    let mabs = m.abs();
    if mabs.is_one() {
        return Ok(vm.new_int(0));
    }
    let (base, exp) = if b.is_negative() {
        let inv = mod_inverse(&a, &mabs)
            .ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
        (inv, -b)
    } else {
        (a.mod_floor(&mabs), b)
    };
    let mut r = base.modpow(&exp, &mabs);
    if negative_out && !r.is_zero() {
        r -= &mabs;
    }
    Ok(vm.new_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.mod_floor(m).extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

// ----- hashing ----------------------------------------------------------------

/// CPython's numeric hash modulus (2^61 - 1).
pub const HASH_MODULUS: i64 = (1 << 61) - 1;

pub fn hash_bigint(i: &BigInt) -> i64 {
    adder_text::int_hash(i)
}

pub fn hash_i64(i: i64) -> i64 {
    if i == -1 {
        return -2;
    }
    if i.unsigned_abs() < HASH_MODULUS as u64 {
        return i;
    }
    hash_bigint(&BigInt::from(i))
}

/// Hash of a float; NaN hashes to 0 here (callers with an object hash it by identity).
pub fn hash_float(x: f64) -> i64 {
    adder_text::float_hash(x).unwrap_or(0)
}
