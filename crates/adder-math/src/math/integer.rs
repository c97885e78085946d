//! Integer functions of `math`: `factorial`, `gcd`, `lcm`, `isqrt`, `comb`,
//! `perm`.
//!
//! Invariant: results are exact; products are formed as balanced product
//! trees (so big results cost a few large multiplications, not many small
//! ones), and arguments go through `__index__` with CPython's messages.

use adder_object::Value;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::util::{index_arg, one_arg, positional};

/// Product of the odd numbers in `[lo, hi)` (`lo`, `hi` odd).
fn odd_range_product(lo: u64, hi: u64) -> BigInt {
    let count = (hi - lo) / 2;
    if count <= 8 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        let mut j = lo;
        while j < hi {
            match small.checked_mul(j) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = j;
                }
            }
            j += 2;
        }
        return acc * small;
    }
    let mid = (lo + count) | 1;
    odd_range_product(lo, mid) * odd_range_product(mid, hi)
}

/// `n!` by the odd-part method: the product over `i` of the odd numbers up
/// to `n >> i`, then shifted by the two-valuation `n - popcount(n)`.
pub fn factorial_u64(n: u64) -> BigInt {
    if n < 21 {
        return BigInt::from((1..=n).product::<u64>());
    }
    let mut inner = BigInt::one();
    let mut outer = BigInt::one();
    let mut upper = 3u64;
    let bits = 64 - n.leading_zeros() as i64;
    let mut i = bits - 2;
    while i >= 0 {
        let v = n >> i;
        i -= 1;
        if v <= 2 {
            continue;
        }
        let lower = upper;
        upper = (v + 1) | 1;
        if upper > lower {
            inner *= odd_range_product(lower, upper);
        }
        outer *= &inner;
    }
    outer << (n - n.count_ones() as u64)
}

pub fn factorial(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.factorial", &args)?;
    let n = index_arg(vm, &a)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    Ok(vm.new_bigint(factorial_u64(n as u64)))
}

fn no_kw(vm: &mut Vm, qual: &str, args: &Args) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{qual}() takes no keyword arguments")))
    }
}

pub fn gcd(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, "math.gcd", &args)?;
    let mut res = BigInt::zero();
    for (k, a) in args.pos.iter().enumerate() {
        let x = index_arg(vm, a)?;
        if k == 0 {
            res = x.abs();
        } else if !res.is_one() {
            res = res.gcd(&x);
        }
    }
    Ok(vm.new_bigint(res))
}

pub fn lcm(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, "math.lcm", &args)?;
    let mut res = BigInt::one();
    for (k, a) in args.pos.iter().enumerate() {
        let x = index_arg(vm, a)?;
        if k == 0 {
            res = x.abs();
        } else if !res.is_zero() {
            if x.is_zero() {
                res = BigInt::zero();
            } else {
                let g = res.gcd(&x);
                res = (&res / g * x).abs();
            }
        }
    }
    Ok(vm.new_bigint(res))
}

pub fn isqrt(vm: &mut Vm, args: Args) -> PyResult {
    let a = one_arg(vm, "math.isqrt", &args)?;
    let n = index_arg(vm, &a)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

/// `n * (n-1) * ... * (n-k+1)` as a balanced product tree.
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    if k == 0 {
        return BigInt::one();
    }
    if k <= 8 {
        let mut acc = n.clone();
        for i in 1..k {
            acc *= n - i;
        }
        return acc;
    }
    let j = k / 2;
    falling_product(n, j) * falling_product(&(n - j), k - j)
}

/// The two arguments of `comb`/`perm` through `__index__`, checked for sign.
fn nonneg_pair(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = index_arg(vm, n)?;
    let k = index_arg(vm, k)?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.sign() == Sign::Minus {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

pub fn comb(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, "comb", &args, 2, 2)?;
    let (n, k) = nonneg_pair(vm, &args.pos[0], &args.pos[1])?;
    if k > n {
        return Ok(vm.new_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let k = k as u64;
    let r = falling_product(&n, k) / factorial_u64(k);
    Ok(vm.new_bigint(r))
}

pub fn perm(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, "perm", &args, 1, 2)?;
    if args.pos.len() == 1 || args.pos[1].is_none() {
        let a = Args::new(vec![args.pos[0].clone()]);
        return factorial(vm, a);
    }
    let (n, k) = nonneg_pair(vm, &args.pos[0], &args.pos[1])?;
    if n < k {
        return Ok(vm.new_int(0));
    }
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    Ok(vm.new_bigint(falling_product(&n, k as u64)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factorial_matches_naive() {
        for n in 0..300u64 {
            let naive: BigInt = (1..=n).map(BigInt::from).product();
            assert_eq!(factorial_u64(n), naive, "n={n}");
        }
    }

    #[test]
    fn falling_matches_naive() {
        let n = BigInt::from(100);
        for k in 0..=100u64 {
            let naive: BigInt = (0..k).map(|i| &n - i).product();
            assert_eq!(falling_product(&n, k), naive);
        }
    }
}
