//! Accurate sums and norms: `fsum` (Shewchuk's exact partials with
//! CPython's final half-even correction), `hypot` and `dist` (CPython 3.11's
//! `vector_norm`: power-of-two scaling, Veltkamp–Dekker squaring, compensated
//! summation and a differential correction of the square root), and `prod`.
//!
//! Invariant: the floating-point operations are those of CPython 3.11, in
//! the same order, so results are bit-identical.

use adder_bytecode::BinOp;
use adder_object::Value;
use adder_vm::num::as_float;
use adder_vm::objects::seq::Tuple;
use adder_vm::{Args, PyResult, Vm};

use super::float_fns::{frexp, ldexp};
use crate::util::{bind, float_arg, one_arg, positional};

pub fn fsum(vm: &mut Vm, args: Args) -> PyResult {
    let seq = one_arg(vm, "math.fsum", &args)?;
    let it = vm.iter(&seq)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = vm.next(&it)? {
        let mut x = float_arg(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an overflow, or from a NaN or infinity summand.
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(vm.new_float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        // Add from the top; stop when the sum becomes inexact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across several partials.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.new_float(hi))
}

/// The Euclidean norm of `vec` (absolute values, finite unless `max` is
/// infinite or `found_nan`); `max` is the largest element.
pub fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = ldexp(1.0, -(max_e as i64));
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;

            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;

            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;

            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();

        let x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;

        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;

        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;

        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;

        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Tiny max: ldexp(1, -max_e) would overflow, so divide by max instead.
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

pub fn hypot(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("math.hypot() takes no keyword arguments"));
    }
    let mut coords = Vec::with_capacity(args.pos.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for a in &args.pos {
        let x = float_arg(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(vm.new_float(vector_norm(&coords, max, found_nan)))
}

fn as_tuple_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = v.downcast::<Tuple>() {
        return Ok(t.items.to_vec());
    }
    vm.iterate(v)
}

pub fn dist(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, "dist", &args, 2, 2)?;
    let p = as_tuple_items(vm, &args.pos[0])?;
    let q = as_tuple_items(vm, &args.pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(q.iter()) {
        let px = float_arg(vm, a)?;
        let qx = float_arg(vm, b)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(vm.new_float(vector_norm(&diffs, max, found_nan)))
}

pub fn prod(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(vm, "prod", args, &["iterable", "start"], (1, 1, 1))?;
    let iterable = a[0].clone().unwrap_or(Value::NONE);
    let mut acc = a[1].clone().unwrap_or_else(|| vm.new_int(1));
    let it = vm.iter(&iterable)?;
    while let Some(item) = vm.next(&it)? {
        if let (Some(x), Some(y)) = (acc.as_small_int(), item.as_small_int()) {
            if let Some(r) = x.checked_mul(y) {
                acc = vm.new_int(r);
                continue;
            }
        }
        if let (true, Some(x), Some(y)) = (acc.is_float(), as_float(&acc), as_float(&item)) {
            if item.is_float() {
                acc = vm.new_float(x * y);
                continue;
            }
        }
        acc = vm.binary_op(&acc, &item, BinOp::Mul, false)?;
    }
    Ok(acc)
}
