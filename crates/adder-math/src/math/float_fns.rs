//! `math` functions of floats: the libm wrappers (`sin`, `exp`, ...), the
//! exactly computed ones (`frexp`, `ldexp`, `modf`, `fmod`, `remainder`,
//! `nextafter`, `ulp`, `copysign`), rounding to integers (`ceil`, `floor`,
//! `trunc`), logarithms (also of ints too large for a float), `pow`,
//! `isclose` and the predicates.
//!
//! Invariant: special values (NaN, infinities, signed zeros) are handled
//! before any libm call, exactly as CPython 3.11's `mathmodule.c` does, so
//! results do not depend on the libm's own special-case handling.

use adder_object::Value;
use adder_vm::native::module_add_fns;
use adder_vm::num::{as_bigint, as_float};
use adder_vm::ops::type_lookup;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use super::{check_errno, domain_error, math1_result, math2_result, Errno};
use crate::util::{bind, float_arg, one_arg, positional};

pub(super) fn register(vm: &mut Vm, m: &Value) {
    module_add_fns(
        vm,
        m,
        &[
            ("acos", acos),
            ("acosh", acosh),
            ("asin", asin),
            ("asinh", asinh),
            ("atan", atan),
            ("atan2", atan2),
            ("atanh", atanh),
            ("cbrt", cbrt),
            ("ceil", ceil),
            ("copysign", copysign),
            ("cos", cos),
            ("cosh", cosh),
            ("degrees", degrees),
            ("exp", exp),
            ("exp2", exp2),
            ("expm1", expm1),
            ("fabs", fabs),
            ("floor", floor),
            ("fmod", fmod),
            ("frexp", math_frexp),
            ("isclose", isclose),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("ldexp", math_ldexp),
            ("log", log),
            ("log10", log10),
            ("log1p", log1p),
            ("log2", log2),
            ("modf", modf),
            ("nextafter", math_nextafter),
            ("pow", pow),
            ("radians", radians),
            ("remainder", remainder),
            ("sin", sin),
            ("sinh", sinh),
            ("sqrt", sqrt),
            ("tan", tan),
            ("tanh", tanh),
            ("trunc", trunc),
            ("ulp", ulp),
        ],
    );
}

macro_rules! func1 {
    ($($name:ident, $qual:literal, $f:expr, $ovf:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult {
                let a = one_arg(vm, $qual, &args)?;
                let x = float_arg(vm, &a)?;
                let f: fn(f64) -> f64 = $f;
                math1_result(vm, x, f(x), $ovf)
            }
        )*
    };
}

func1! {
    acos, "math.acos", f64::acos, false;
    acosh, "math.acosh", adder_host::libm::acosh, false;
    asin, "math.asin", f64::asin, false;
    asinh, "math.asinh", adder_host::libm::asinh, false;
    atan, "math.atan", f64::atan, false;
    atanh, "math.atanh", adder_host::libm::atanh, false;
    cbrt, "math.cbrt", adder_host::libm::cbrt, false;
    cos, "math.cos", f64::cos, false;
    cosh, "math.cosh", f64::cosh, true;
    exp, "math.exp", f64::exp, true;
    exp2, "math.exp2", f64::exp2, true;
    expm1, "math.expm1", f64::exp_m1, true;
    fabs, "math.fabs", f64::abs, false;
    log1p, "math.log1p", |x| if x == 0.0 { x } else { x.ln_1p() }, false;
    sin, "math.sin", f64::sin, false;
    sinh, "math.sinh", f64::sinh, true;
    sqrt, "math.sqrt", f64::sqrt, false;
    tan, "math.tan", f64::tan, false;
    tanh, "math.tanh", f64::tanh, false;
}

/// Two float arguments of a positional-only function named `name`.
fn two_floats(vm: &mut Vm, name: &str, args: &Args) -> PyResult<(f64, f64)> {
    positional(vm, name, args, 2, 2)?;
    let x = float_arg(vm, &args.pos[0])?;
    let y = float_arg(vm, &args.pos[1])?;
    Ok((x, y))
}

/// `atan2` with C99's special cases handled first (CPython's `m_atan2`).
pub fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    y.atan2(x)
}

fn atan2(vm: &mut Vm, args: Args) -> PyResult {
    let (y, x) = two_floats(vm, "atan2", &args)?;
    math2_result(vm, y, x, m_atan2(y, x))
}

fn copysign(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, "copysign", &args)?;
    math2_result(vm, x, y, x.copysign(y))
}

/// IEEE 754 remainder: `x - n*y` with `n` the nearest integer to `x/y`
/// (ties to even); always exact.
pub fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        // Compare m with ay - m rather than with ay/2, which may be inexact.
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Halfway: choose the even multiple.
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn remainder(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, "remainder", &args)?;
    math2_result(vm, x, y, m_remainder(x, y))
}

fn degrees(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.degrees", &args)?;
    let x = float_arg(vm, &a)?;
    Ok(vm.new_float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.radians", &args)?;
    let x = float_arg(vm, &a)?;
    Ok(vm.new_float(x * (std::f64::consts::PI / 180.0)))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.isfinite", &args)?;
    Ok(Value::from_bool(float_arg(vm, &a)?.is_finite()))
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.isinf", &args)?;
    Ok(Value::from_bool(float_arg(vm, &a)?.is_infinite()))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.isnan", &args)?;
    Ok(Value::from_bool(float_arg(vm, &a)?.is_nan()))
}

// ----- rounding to integers ---------------------------------------------------------

fn int_of_float(vm: &mut Vm, x: f64) -> PyResult {
    match adder_text::float_to_bigint(x) {
        Ok(i) => Ok(vm.new_bigint(i)),
        Err(e) => Err(adder_vm::num::text_error(vm, e)),
    }
}

/// Calls special method `name` of `v`'s type, if it has one.
fn call_special(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let t = vm.type_of(v);
    let n = vm.intern(name);
    match type_lookup(&t, &n) {
        Some(f) => vm.call_method_value(&f, v, vec![]).map(Some),
        None => Ok(None),
    }
}

fn is_exact_float(vm: &Vm, v: &Value) -> bool {
    v.is_float() || (as_float(v).is_some() && vm.type_of(v).is(&vm.t.float))
}

fn round_with(vm: &mut Vm, args: Args, qual: &str, special: &str, f: fn(f64) -> f64) -> PyResult {
    let a = one_arg(vm, qual, &args)?;
    if is_exact_float(vm, &a) {
        let x = as_float(&a).unwrap_or(f64::NAN);
        return int_of_float(vm, f(x));
    }
    if let Some(i) = as_bigint(&a) {
        if !adder_vm::ops::is_heap_type(&vm.type_of(&a)) {
            return Ok(vm.new_bigint(i));
        }
    }
    if let Some(r) = call_special(vm, &a, special)? {
        return Ok(r);
    }
    let x = float_arg(vm, &a)?;
    int_of_float(vm, f(x))
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult {
    round_with(vm, args, "math.ceil", "__ceil__", f64::ceil)
}

fn floor(vm: &mut Vm, args: Args) -> PyResult {
    round_with(vm, args, "math.floor", "__floor__", f64::floor)
}

fn trunc(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.trunc", &args)?;
    if is_exact_float(vm, &a) {
        let x = as_float(&a).unwrap_or(f64::NAN);
        return int_of_float(vm, x.trunc());
    }
    match call_special(vm, &a, "__trunc__")? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(&a)
        ))),
    }
}

// ----- exact operations on the representation -------------------------------------------

/// C `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1`; `(x, 0)` for zero,
/// infinities and NaN.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adj) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(54), -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022 + adj)
}

/// C `ldexp`/`scalbn`: `x * 2**n`, correctly rounded (one rounding only,
/// also into the subnormal range).
pub fn ldexp(mut x: f64, n: i64) -> f64 {
    let mut n = n.clamp(-5000, 5000) as i32;
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000); // 2**1023
    let pm969 = f64::from_bits(0x0360_0000_0000_0000); // 2**-969 = 2**-1022 * 2**53
    if n > 1023 {
        x *= p1023;
        n -= 1023;
        if n > 1023 {
            x *= p1023;
            n -= 1023;
            if n > 1023 {
                n = 1023;
            }
        }
    } else if n < -1022 {
        x *= pm969;
        n += 1022 - 53;
        if n < -1022 {
            x *= pm969;
            n += 1022 - 53;
            if n < -1022 {
                n = -1022;
            }
        }
    }
    x * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// C `nextafter`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let b = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { b + 1 } else { b - 1 })
}

fn math_frexp(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.frexp", &args)?;
    let x = float_arg(vm, &a)?;
    let (m, e) = frexp(x);
    let m = vm.new_float(m);
    let e = vm.new_int(e as i64);
    Ok(vm.new_tuple(vec![m, e]))
}

fn math_ldexp(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, "ldexp", &args, 2, 2)?;
    let x = float_arg(vm, &args.pos[0])?;
    let Some(i) = as_bigint(&args.pos[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let exp = i
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let (r, e) = if x == 0.0 || !x.is_finite() {
        (x, Errno::Ok)
    } else if exp > i32::MAX as i64 {
        (f64::INFINITY.copysign(x), Errno::Range)
    } else if exp < i32::MIN as i64 {
        (0.0f64.copysign(x), Errno::Ok)
    } else {
        let r = ldexp(x, exp);
        (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        )
    };
    check_errno(vm, r, e)
}

fn modf(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.modf", &args)?;
    let x = float_arg(vm, &a)?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    let f = vm.new_float(f);
    let i = vm.new_float(i);
    Ok(vm.new_tuple(vec![f, i]))
}

fn fmod(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, "fmod", &args)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = x % y;
    let e = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else {
        Errno::Ok
    };
    check_errno(vm, r, e)
}

fn math_nextafter(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, "nextafter", &args)?;
    Ok(vm.new_float(nextafter(x, y)))
}

fn ulp(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.ulp", &args)?;
    let x = float_arg(vm, &a)?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(vm.new_float(x));
    }
    let x2 = nextafter(x, f64::INFINITY);
    let r = if x2.is_infinite() {
        x - nextafter(x, f64::NEG_INFINITY)
    } else {
        x2 - x
    };
    Ok(vm.new_float(r))
}

// ----- logarithms -------------------------------------------------------------------

fn m_log(x: f64) -> (f64, Errno) {
    if x.is_finite() {
        if x > 0.0 {
            (x.ln(), Errno::Ok)
        } else if x == 0.0 {
            (f64::NEG_INFINITY, Errno::Dom)
        } else {
            (f64::NAN, Errno::Dom)
        }
    } else if x.is_nan() || x > 0.0 {
        (x, Errno::Ok)
    } else {
        (f64::NAN, Errno::Dom)
    }
}

fn m_log2(x: f64) -> (f64, Errno) {
    if x.is_finite() && x > 0.0 {
        (x.log2(), Errno::Ok)
    } else {
        m_log(x)
    }
}

fn m_log10(x: f64) -> (f64, Errno) {
    if x.is_finite() && x > 0.0 {
        (x.log10(), Errno::Ok)
    } else {
        m_log(x)
    }
}

/// `_PyLong_Frexp`: `(m, e)` with `n ~= m * 2**e`, `0.5 <= m < 1`, `m`
/// correctly rounded (half to even) to 53 bits. `n` must be positive.
pub fn bigint_frexp(n: &BigInt) -> (f64, u64) {
    let bits = n.bits();
    let (top, sticky) = if bits > 64 {
        let shift = bits - 64;
        let top = (n >> shift).to_u64().unwrap_or(u64::MAX);
        let rest = n - (BigInt::from(top) << shift);
        (top, rest.sign() != Sign::NoSign)
    } else {
        ((n.magnitude().to_u64().unwrap_or(0)) << (64 - bits), false)
    };
    // Fold the discarded bits into the lowest kept bit so that the u64 -> f64
    // conversion (round half to even) rounds as the exact value would.
    let top = top | sticky as u64;
    let m = top as f64 / 18446744073709551616.0;
    if m == 1.0 {
        (0.5, bits + 1)
    } else {
        (m, bits)
    }
}

/// CPython's `loghelper`: ints (of any size) are handled exactly; other
/// values go through `PyFloat_AsDouble` and `math_1` rules.
fn loghelper(vm: &mut Vm, arg: &Value, f: fn(f64) -> (f64, Errno)) -> PyResult<f64> {
    if let Some(i) = as_bigint(arg) {
        if i.sign() != Sign::Plus {
            return Err(domain_error(vm));
        }
        return Ok(match adder_text::bigint_to_f64(&i) {
            Ok(x) => f(x).0,
            Err(_) => {
                let (m, e) = bigint_frexp(&i);
                f(m).0 + f(2.0).0 * e as f64
            }
        });
    }
    let x = float_arg(vm, arg)?;
    let (r, _) = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(domain_error(vm));
    }
    Ok(r)
}

fn log(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, &args.pos[0], m_log)?;
    if args.pos.len() == 1 {
        return Ok(vm.new_float(num));
    }
    let den = loghelper(vm, &args.pos[1], m_log)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(vm.new_float(num / den))
}

fn log2(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.log2", &args)?;
    let r = loghelper(vm, &a, m_log2)?;
    Ok(vm.new_float(r))
}

fn log10(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.log10", &args)?;
    let r = loghelper(vm, &a, m_log10)?;
    Ok(vm.new_float(r))
}

// ----- pow, isclose -------------------------------------------------------------------

fn pow(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, "pow", &args)?;
    let mut e = Errno::Ok;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            e = Errno::Dom;
        } else if r.is_infinite() {
            e = if x == 0.0 { Errno::Dom } else { Errno::Range };
        }
        r
    };
    check_errno(vm, r, e)
}

fn isclose(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        vm,
        "isclose",
        args,
        &["a", "b", "rel_tol", "abs_tol"],
        (0, 2, 2),
    )?;
    let mut f = [0.0, 0.0, 1e-9, 0.0];
    for (i, v) in a.iter().enumerate() {
        if let Some(v) = v {
            f[i] = float_arg(vm, v)?;
        }
    }
    let [a, b, rel_tol, abs_tol] = f;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::from_bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}
