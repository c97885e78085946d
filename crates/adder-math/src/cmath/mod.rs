//! The `cmath` module: complex functions with C99 Annex G special values.
//!
//! Invariant: each function follows CPython 3.11's `cmathmodule.c` — special
//! inputs (an infinite or NaN part) are answered from the tables in
//! `tables.rs` (or the few formulas CPython uses for them), finite inputs
//! by the same formulas and libm calls in the same order — and reports
//! `errno` exactly where CPython does: EDOM is ValueError("math domain
//! error"), ERANGE is OverflowError("math range error").

mod tables;

use adder_object::Value;
use adder_vm::native::{module_add_fns, module_set};
use adder_vm::num::as_complex;
use adder_vm::ops::type_lookup;
use adder_vm::{Args, NativeModule, PyResult, Vm};

use crate::math::ldexp;
use crate::util::{bind, float_arg, one_arg, positional};
use tables::Table;

type C = (f64, f64);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const PI: f64 = std::f64::consts::PI;
const E: f64 = std::f64::consts::E;
/// 2**SCALE_UP turns a subnormal into a normal number (odd, for sqrt).
const SCALE_UP: i64 = 53;
const SCALE_DOWN: i64 = -(SCALE_UP + 1) / 2;

fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}

fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}

fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

pub fn module() -> NativeModule {
    NativeModule {
        name: "cmath",
        init,
    }
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    module_add_fns(
        vm,
        m,
        &[
            ("acos", acos),
            ("acosh", acosh),
            ("asin", asin),
            ("asinh", asinh),
            ("atan", atan),
            ("atanh", atanh),
            ("cos", cos),
            ("cosh", cosh),
            ("exp", exp),
            ("isclose", isclose),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("log", log),
            ("log10", log10),
            ("phase", phase),
            ("polar", polar),
            ("rect", rect),
            ("sin", sin),
            ("sinh", sinh),
            ("sqrt", sqrt),
            ("tan", tan),
            ("tanh", tanh),
        ],
    );
    for (name, x) in [
        ("pi", PI),
        ("e", E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let v = vm.new_float(x);
        module_set(vm, m, name, v);
    }
    let infj = vm.new_complex(0.0, f64::INFINITY);
    module_set(vm, m, "infj", infj);
    let nanj = vm.new_complex(0.0, f64::NAN);
    module_set(vm, m, "nanj", nanj);
    let doc =
        vm.new_str("This module provides access to mathematical functions for complex\nnumbers.");
    module_set(vm, m, "__doc__", doc);
    Ok(())
}

// ----- argument conversion ------------------------------------------------------------

/// `PyComplex_AsCComplex`: complex values, then `__complex__`, then floats.
fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(c) = as_complex(v) {
        return Ok(c);
    }
    let t = vm.type_of(v);
    let n = vm.intern("__complex__");
    if let Some(f) = type_lookup(&t, &n) {
        let r = vm.call_method_value(&f, v, vec![])?;
        return match as_complex(&r) {
            Some(c) => Ok(c),
            None => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Ok((float_arg(vm, v)?, 0.0))
}

fn result(vm: &mut Vm, (r, e): (C, Errno)) -> PyResult {
    match e {
        Errno::Ok => Ok(vm.new_complex(r.0, r.1)),
        Errno::Dom => Err(vm.value_error("math domain error")),
        Errno::Range => Err(vm.overflow_error("math range error")),
    }
}

// ----- special values -------------------------------------------------------------------

fn class(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

fn special(z: C, t: &Table) -> Option<(C, Errno)> {
    if z.0.is_finite() && z.1.is_finite() {
        None
    } else {
        Some((t[class(z.0)][class(z.1)], Errno::Ok))
    }
}

fn neg(z: C) -> C {
    (-z.0, -z.1)
}

fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

// ----- the functions -------------------------------------------------------------------

fn c_sqrt(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &tables::SQRT) {
        return r;
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ((0.0, z.1), Errno::Ok);
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.0 >= 0.0 {
        (s, d.copysign(z.1))
    } else {
        (d, s.copysign(z.1))
    };
    (r, Errno::Ok)
}

fn c_acos(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &tables::ACOS) {
        return r;
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        (
            z.1.abs().atan2(z.0),
            -(((z.0 / 2.0).hypot(z.1 / 2.0)).ln() + LN2 * 2.0).copysign(z.1),
        )
    } else {
        let s1 = c_sqrt((1.0 - z.0, -z.1)).0;
        let s2 = c_sqrt((1.0 + z.0, z.1)).0;
        (
            2.0 * s1.0.atan2(s2.0),
            adder_host::libm::asinh(s2.0 * s1.1 - s2.1 * s1.0),
        )
    };
    (r, Errno::Ok)
}

fn c_acosh(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &tables::ACOSH) {
        return r;
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        (
            ((z.0 / 2.0).hypot(z.1 / 2.0)).ln() + LN2 * 2.0,
            z.1.atan2(z.0),
        )
    } else {
        let s1 = c_sqrt((z.0 - 1.0, z.1)).0;
        let s2 = c_sqrt((z.0 + 1.0, z.1)).0;
        (
            adder_host::libm::asinh(s1.0 * s2.0 + s1.1 * s2.1),
            2.0 * s1.1.atan2(s2.0),
        )
    };
    (r, Errno::Ok)
}

fn c_asinh(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &tables::ASINH) {
        return r;
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let l = ((z.0 / 2.0).hypot(z.1 / 2.0)).ln() + LN2 * 2.0;
        let re = if z.1 >= 0.0 {
            l.copysign(z.0)
        } else {
            -l.copysign(-z.0)
        };
        (re, z.1.atan2(z.0.abs()))
    } else {
        let s1 = c_sqrt((1.0 + z.1, -z.0)).0;
        let s2 = c_sqrt((1.0 - z.1, z.0)).0;
        (
            adder_host::libm::asinh(s1.0 * s2.1 - s2.0 * s1.1),
            z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1),
        )
    };
    (r, Errno::Ok)
}

fn c_asin(z: C) -> (C, Errno) {
    let (s, e) = c_asinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_atanh(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &tables::ATANH) {
        return r;
    }
    if z.0 < 0.0 {
        let (r, e) = c_atanh(neg(z));
        return (neg(r), e);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large_double() || ay > sqrt_large_double() {
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        ((z.0 / 4.0 / h / h, (PI / 2.0).copysign(z.1)), Errno::Ok)
    } else if z.0 == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            ((f64::INFINITY, z.1), Errno::Dom)
        } else {
            (
                (
                    -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
                    (2.0f64.atan2(-ay) / 2.0).copysign(z.1),
                ),
                Errno::Ok,
            )
        }
    } else {
        let re = log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0;
        let im = -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
        ((re, im), Errno::Ok)
    }
}

fn c_atan(z: C) -> (C, Errno) {
    let (s, e) = c_atanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

/// The result for `f(±inf + iy)` with finite nonzero `y`, for cosh/sinh/exp.
fn inf_cis(sign_re: f64, sign_im: f64, y: f64) -> C {
    (
        f64::INFINITY.copysign(y.cos()) * sign_re,
        f64::INFINITY.copysign(y.sin()) * sign_im,
    )
}

fn overflow_check(r: C) -> (C, Errno) {
    if r.0.is_infinite() || r.1.is_infinite() {
        (r, Errno::Range)
    } else {
        (r, Errno::Ok)
    }
}

fn c_cosh(z: C) -> (C, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                inf_cis(1.0, 1.0, z.1)
            } else {
                inf_cis(1.0, -1.0, z.1)
            }
        } else {
            tables::COSH[class(z.0)][class(z.1)]
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        let x1 = z.0 - 1.0f64.copysign(z.0);
        (z.1.cos() * x1.cosh() * E, z.1.sin() * x1.sinh() * E)
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    overflow_check(r)
}

fn c_cos(z: C) -> (C, Errno) {
    c_cosh((-z.1, z.0))
}

fn c_sinh(z: C) -> (C, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                inf_cis(1.0, 1.0, z.1)
            } else {
                inf_cis(-1.0, 1.0, z.1)
            }
        } else {
            tables::SINH[class(z.0)][class(z.1)]
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        let x1 = z.0 - 1.0f64.copysign(z.0);
        (z.1.cos() * x1.sinh() * E, z.1.sin() * x1.cosh() * E)
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    overflow_check(r)
}

fn c_sin(z: C) -> (C, Errno) {
    let (s, e) = c_sinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_tanh(z: C) -> (C, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = 0.0f64.copysign(2.0 * z.1.sin() * z.1.cos());
            (if z.0 > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            tables::TANH[class(z.0)][class(z.1)]
        };
        let e = if z.1.is_infinite() && z.0.is_finite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        (
            1.0f64.copysign(z.0),
            4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp(),
        )
    } else {
        let tx = z.0.tanh();
        let ty = z.1.tan();
        let cx = 1.0 / z.0.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_tan(z: C) -> (C, Errno) {
    let (s, e) = c_tanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_exp(z: C) -> (C, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                inf_cis(1.0, 1.0, z.1)
            } else {
                (0.0f64.copysign(z.1.cos()), 0.0f64.copysign(z.1.sin()))
            }
        } else {
            tables::EXP[class(z.0)][class(z.1)]
        };
        let e = if z.1.is_infinite() && (z.0.is_finite() || (z.0.is_infinite() && z.0 > 0.0)) {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0 > log_large_double() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * E, l * z.1.sin() * E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    overflow_check(r)
}

fn c_log(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &tables::LOG) {
        return r;
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        ((ax / 2.0).hypot(ay / 2.0)).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            (ldexp(ax, 53).hypot(ldexp(ay, 53))).ln() - 53.0 * LN2
        } else {
            return ((f64::NEG_INFINITY, z.1.atan2(z.0)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let am = if ax > ay { ax } else { ay };
            let an = if ax > ay { ay } else { ax };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    ((re, z.1.atan2(z.0)), Errno::Ok)
}

fn c_log10(z: C) -> (C, Errno) {
    let (r, e) = c_log(z);
    ((r.0 / LN10, r.1 / LN10), e)
}

/// `_Py_c_abs`: `hypot`, with infinities winning over NaNs; ERANGE on overflow.
fn c_abs(z: C) -> (f64, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() {
            return (z.0.abs(), Errno::Ok);
        }
        if z.1.is_infinite() {
            return (z.1.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = z.0.hypot(z.1);
    (
        r,
        if r.is_finite() {
            Errno::Ok
        } else {
            Errno::Range
        },
    )
}

macro_rules! cfunc {
    ($($name:ident, $qual:literal, $f:ident;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult {
                let a = one_arg(vm, $qual, &args)?;
                let z = complex_arg(vm, &a)?;
                result(vm, $f(z))
            }
        )*
    };
}

cfunc! {
    acos, "cmath.acos", c_acos;
    acosh, "cmath.acosh", c_acosh;
    asin, "cmath.asin", c_asin;
    asinh, "cmath.asinh", c_asinh;
    atan, "cmath.atan", c_atan;
    atanh, "cmath.atanh", c_atanh;
    cos, "cmath.cos", c_cos;
    cosh, "cmath.cosh", c_cosh;
    exp, "cmath.exp", c_exp;
    log10, "cmath.log10", c_log10;
    sin, "cmath.sin", c_sin;
    sinh, "cmath.sinh", c_sinh;
    sqrt, "cmath.sqrt", c_sqrt;
    tan, "cmath.tan", c_tan;
    tanh, "cmath.tanh", c_tanh;
}

fn log(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, "log", &args, 1, 2)?;
    let x = complex_arg(vm, &args.pos[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(b) = args.pos.get(1) {
        let y = complex_arg(vm, b)?;
        let (ly, ey) = c_log(y);
        e = ey;
        match adder_vm::num::c_quot(r, ly) {
            Some(q) => r = q,
            None => {
                r = (0.0, 0.0);
                e = Errno::Dom;
            }
        }
    }
    result(vm, (r, e))
}

fn phase(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "cmath.phase", &args)?;
    let z = complex_arg(vm, &a)?;
    Ok(vm.new_float(z.1.atan2(z.0)))
}

fn polar(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "cmath.polar", &args)?;
    let z = complex_arg(vm, &a)?;
    let phi = z.1.atan2(z.0);
    let (r, e) = c_abs(z);
    if e == Errno::Range {
        return Err(vm.overflow_error("math range error"));
    }
    let r = vm.new_float(r);
    let phi = vm.new_float(phi);
    Ok(vm.new_tuple(vec![r, phi]))
}

fn rect(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, "rect", &args, 2, 2)?;
    let r = float_arg(vm, &args.pos[0])?;
    let phi = float_arg(vm, &args.pos[1])?;
    let (z, e) = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                inf_cis(1.0, 1.0, phi)
            } else {
                inf_cis(-1.0, -1.0, phi)
            }
        } else {
            tables::RECT[class(r)][class(phi)]
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        (z, e)
    } else if phi == 0.0 {
        ((r, r * phi), Errno::Ok)
    } else {
        ((r * phi.cos(), r * phi.sin()), Errno::Ok)
    };
    result(vm, (z, e))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "cmath.isfinite", &args)?;
    let z = complex_arg(vm, &a)?;
    Ok(Value::from_bool(z.0.is_finite() && z.1.is_finite()))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "cmath.isnan", &args)?;
    let z = complex_arg(vm, &a)?;
    Ok(Value::from_bool(z.0.is_nan() || z.1.is_nan()))
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "cmath.isinf", &args)?;
    let z = complex_arg(vm, &a)?;
    Ok(Value::from_bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn isclose(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        vm,
        "isclose",
        args,
        &["a", "b", "rel_tol", "abs_tol"],
        (0, 2, 2),
    )?;
    let za = complex_arg(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let zb = complex_arg(vm, a[1].as_ref().unwrap_or(&Value::NONE))?;
    let rel_tol = match &a[2] {
        Some(v) => float_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match &a[3] {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if za.0 == zb.0 && za.1 == zb.1 {
        return Ok(Value::TRUE);
    }
    if za.0.is_infinite() || za.1.is_infinite() || zb.0.is_infinite() || zb.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = c_abs((za.0 - zb.0, za.1 - zb.1)).0;
    Ok(Value::from_bool(
        diff <= rel_tol * c_abs(zb).0 || diff <= rel_tol * c_abs(za).0 || diff <= abs_tol,
    ))
}
