//! Python's float arithmetic, conversions and numeric hashing. Invariant:
//! every int<->float conversion here is correctly rounded (round-half-even)
//! through one primitive, [`round_to_f64`], and every result or error matches
//! CPython 3.11 (`Objects/floatobject.c`, `Objects/longobject.c`,
//! `Python/pyhash.c`) bit for bit, including signed zeros.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::TextError;

/// The Mersenne prime 2**61 - 1 used by Python's numeric hash.
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;
/// `hash(float('inf'))`.
pub const HASH_INF: i64 = 314_159;
/// Multiplier of the imaginary part in `hash(complex)`.
pub const HASH_IMAG: u64 = 1_000_003;

/// `2**k` for `k` in `[-1074, 1023]`, exactly.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// Correctly rounds `(q + f) * 2**(-s)` to an `f64`, where `0 <= f < 1` and
/// `sticky` says whether `f > 0`. `None` when the result overflows.
pub(crate) fn round_to_f64(q: &BigUint, sticky: bool, s: i64) -> Option<f64> {
    let qb = q.bits() as i64;
    if qb == 0 {
        // Only the sticky fraction remains: far below the smallest subnormal
        // as long as s is large; callers always give q >= 2**54 or exact q.
        return Some(0.0);
    }
    let e = qb - 1 - s; // value in [2**e, 2**(e+1))
    if e > 1023 {
        return None;
    }
    let keep = if e >= -1022 { 53 } else { e + 1075 };
    if keep < 0 {
        return Some(0.0);
    }
    let drop = qb - keep;
    let mut m: u64;
    if drop <= 0 {
        m = q.to_u64().unwrap_or(0);
        // Exact: callers pass `sticky` only with q of at least 55 bits, so
        // this branch (q no wider than the kept precision) never sees it.
        let k = -s;
        return finish(m, k);
    }
    let drop_u = drop as u64;
    let high = q >> drop_u;
    m = high.to_u64().unwrap_or(0);
    let rem = q - (&high << drop_u);
    let half = BigUint::one() << (drop_u - 1);
    let round_up = match rem.cmp(&half) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => sticky || m & 1 == 1,
        std::cmp::Ordering::Less => false,
    };
    if round_up {
        m += 1;
    }
    finish(m, drop - s)
}

/// `m * 2**k`, exact for the values `round_to_f64` produces.
fn finish(m: u64, k: i64) -> Option<f64> {
    if m == 0 {
        return Some(0.0);
    }
    // Normalise so that the power of two stays representable.
    let (mut m, mut k) = (m, k);
    while m & 1 == 0 && k < -1074 {
        m >>= 1;
        k += 1;
    }
    let r = if k > 1023 {
        (m as f64) * pow2(1023) * pow2(k - 1023)
    } else if k < -1074 {
        0.0
    } else {
        (m as f64) * pow2(k)
    };
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// `float(v)` for an int: correctly rounded, `OverflowError` when too large.
pub fn bigint_to_f64(v: &BigInt) -> Result<f64, TextError> {
    if let Some(small) = v.to_i64() {
        if small.unsigned_abs() <= 1 << 53 {
            return Ok(small as f64);
        }
    }
    let r = round_to_f64(v.magnitude(), false, 0)
        .ok_or_else(|| TextError::overflow("int too large to convert to float"))?;
    Ok(if v.is_negative() { -r } else { r })
}

/// `a / b` for ints: correctly rounded even when both are huge.
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> Result<f64, TextError> {
    if b.is_zero() {
        return Err(TextError::zero_div("division by zero"));
    }
    let negative = a.is_negative() != b.is_negative();
    let (am, bm) = (a.magnitude(), b.magnitude());
    let r = if am.is_zero() {
        0.0
    } else if am.bits() <= 53 && bm.bits() <= 53 {
        am.to_u64().unwrap_or(0) as f64 / bm.to_u64().unwrap_or(1) as f64
    } else {
        // Scale so that the integer quotient has at least 55 bits.
        let s = 55 + bm.bits() as i64 - am.bits() as i64;
        let (q, r) = if s >= 0 {
            (am << s as u64).div_rem(bm)
        } else {
            am.div_rem(&(bm << (-s) as u64))
        };
        round_to_f64(&q, !r.is_zero(), s)
            .ok_or_else(|| TextError::overflow("integer division result too large for a float"))?
    };
    Ok(if negative { -r } else { r })
}

/// Splits a finite float into `(mantissa, exponent)` with `x == m * 2**e`.
fn decompose(x: f64) -> (i64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    (if x.is_sign_negative() { -m } else { m }, e)
}

/// `int(x)` for a float (truncation toward zero).
pub fn float_to_bigint(x: f64) -> Result<BigInt, TextError> {
    if x.is_nan() {
        return Err(TextError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(TextError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(BigInt::from(t as i64));
    }
    let (m, e) = decompose(t);
    Ok(BigInt::from(m) << e as u64)
}

/// `x.as_integer_ratio()`, in lowest terms with a positive denominator.
pub fn float_as_integer_ratio(x: f64) -> Result<(BigInt, BigInt), TextError> {
    if x.is_nan() {
        return Err(TextError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(TextError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let (mut m, mut e) = decompose(x);
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    if e >= 0 {
        Ok((BigInt::from(m) << e as u64, BigInt::one()))
    } else {
        Ok((BigInt::from(m), BigInt::one() << (-e) as u64))
    }
}

/// `x // y`.
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, TextError> {
    if y == 0.0 {
        return Err(TextError::zero_div("float floor division by zero"));
    }
    Ok(divmod_parts(x, y).0)
}

/// `x % y` (the result has the sign of `y`).
pub fn float_mod(x: f64, y: f64) -> Result<f64, TextError> {
    if y == 0.0 {
        return Err(TextError::zero_div("float modulo"));
    }
    let m = x % y;
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    })
}

/// `divmod(x, y)`.
pub fn float_divmod(x: f64, y: f64) -> Result<(f64, f64), TextError> {
    if y == 0.0 {
        return Err(TextError::zero_div("float divmod()"));
    }
    Ok(divmod_parts(x, y))
}

fn divmod_parts(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// Result of `float ** float`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PowResult {
    Float(f64),
    /// A negative base with a non-integer exponent: the caller computes the
    /// complex power `complex(x) ** complex(y)`.
    Complex,
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y.fract() == 0.0 && (y / 2.0).fract() != 0.0
}

/// `x ** y` for floats. Overflow is reported like CPython's errno error:
/// `OverflowError` with message `(34, 'Numerical result out of range')`.
pub fn float_pow(x: f64, y: f64) -> Result<PowResult, TextError> {
    use PowResult::Float;
    if y == 0.0 {
        return Ok(Float(1.0));
    }
    if x.is_nan() {
        return Ok(Float(x));
    }
    if y.is_nan() {
        return Ok(Float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let a = x.abs();
        return Ok(Float(if a == 1.0 {
            1.0
        } else if (y > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(Float(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(TextError::zero_div(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Ok(PowResult::Complex);
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(TextError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Float(if negate { -r } else { r }))
}

/// `round(x)`: round half to even, as an int.
pub fn float_round_to_int(x: f64) -> Result<BigInt, TextError> {
    float_to_bigint(x.round_ties_even())
}

/// `round(x, ndigits)`: the float nearest to the exact decimal value of `x`
/// rounded half-even to `ndigits` places.
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, TextError> {
    // CPython 3.11: Objects/floatobject.c double_round, NDIGITS_MAX/MIN.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    // |x| = m * 2**e exactly; compute round_half_even(|x| * 10**nd).
    let (m, e) = decompose(x.abs());
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    let p10 = num_traits::pow(BigInt::from(10), ndigits.unsigned_abs() as usize);
    if ndigits >= 0 {
        num *= &p10;
    } else {
        den *= &p10;
    }
    let (mut q, r) = num.div_rem(&den);
    let twice = r * 2;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1;
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let text = format!("{}{}e{}", sign, q, -ndigits);
    let v: f64 = text.parse().unwrap_or(f64::INFINITY);
    if v.is_infinite() {
        return Err(TextError::overflow("rounded value too large to represent"));
    }
    Ok(v)
}

fn mod_hash(v: &BigUint) -> u64 {
    (v % BigUint::from(HASH_MODULUS)).to_u64().unwrap_or(0)
}

fn finish_hash(h: u64, negative: bool) -> i64 {
    let h = h as i64;
    let h = if negative { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(v)` for an int.
pub fn int_hash(v: &BigInt) -> i64 {
    if let Some(s) = v.to_i64() {
        if s.unsigned_abs() < HASH_MODULUS {
            return finish_hash(s.unsigned_abs(), s < 0);
        }
    }
    finish_hash(mod_hash(v.magnitude()), v.sign() == Sign::Minus)
}

/// `hash(x)` for a float; `None` for NaN (CPython hashes NaN by identity).
pub fn float_hash(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    // x = m * 2**e, hash = m * 2**(e mod 61) mod P since 2**61 == 1 (mod P).
    let (m, e) = decompose(x);
    let a = m.unsigned_abs() as u128;
    let shift = e.rem_euclid(61) as u32;
    let h = ((a % HASH_MODULUS as u128) << shift) % HASH_MODULUS as u128;
    Some(finish_hash(h as u64, m < 0))
}

/// `hash(complex)` from the hashes of its parts.
pub fn complex_hash(re_hash: i64, im_hash: i64) -> i64 {
    let h = (re_hash as u64).wrapping_add(HASH_IMAG.wrapping_mul(im_hash as u64)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn division_and_modulo() {
        // Expected values from python3.11.
        assert_eq!(float_divmod(-7.5, 2.0).unwrap(), (-4.0, 0.5));
        assert_eq!(float_divmod(7.5, -2.0).unwrap(), (-4.0, -0.5));
        let m = float_mod(-0.0, 5.0).unwrap();
        assert!(m == 0.0 && m.is_sign_positive());
        let f = float_floordiv(0.0, -1.0).unwrap();
        assert!(f == 0.0 && f.is_sign_negative());
        assert_eq!(
            float_floordiv(1.0, 0.0).unwrap_err().msg,
            "float floor division by zero"
        );
        assert_eq!(float_mod(1.0, 0.0).unwrap_err().msg, "float modulo");
        assert_eq!(float_divmod(1.0, 0.0).unwrap_err().msg, "float divmod()");
    }

    #[test]
    fn powers() {
        use PowResult::*;
        assert_eq!(
            float_pow(0.0, -1.0).unwrap_err().msg,
            "0.0 cannot be raised to a negative power"
        );
        assert!(float_pow(-0.0, -1.0).is_err());
        assert_eq!(float_pow(-8.0, 1.0 / 3.0).unwrap(), Complex);
        assert_eq!(
            float_pow(10.0, 400.0).unwrap_err().msg,
            "(34, 'Numerical result out of range')"
        );
        assert_eq!(float_pow(f64::NAN, 0.0).unwrap(), Float(1.0));
        assert_eq!(float_pow(1.0, f64::NAN).unwrap(), Float(1.0));
        assert_eq!(float_pow(-1.0, f64::INFINITY).unwrap(), Float(1.0));
        assert_eq!(
            float_pow(f64::NEG_INFINITY, 3.0).unwrap(),
            Float(f64::NEG_INFINITY)
        );
        match float_pow(f64::NEG_INFINITY, -3.0).unwrap() {
            Float(z) => assert!(z == 0.0 && z.is_sign_negative()),
            Complex => panic!(),
        }
        assert_eq!(float_pow(-2.0, 3.0).unwrap(), Float(-8.0));
        assert_eq!(float_pow(1e-200, 2.0).unwrap(), Float(0.0));
    }

    #[test]
    fn rounding() {
        assert_eq!(float_round(2.675, 2).unwrap(), 2.67);
        assert_eq!(float_round(1234.5678, -2).unwrap(), 1200.0);
        let z = float_round(-0.4, 0).unwrap();
        assert!(z == 0.0 && z.is_sign_negative());
        assert_eq!(float_round(5e-324, 400).unwrap(), 5e-324);
        assert_eq!(float_round(1e300, -400).unwrap(), 0.0);
        assert_eq!(
            float_round(1.5e308, -308).unwrap_err().msg,
            "rounded value too large to represent"
        );
        assert_eq!(float_round_to_int(0.5).unwrap(), big("0"));
        assert_eq!(float_round_to_int(-2.5).unwrap(), big("-2"));
        assert_eq!(
            float_round_to_int(f64::INFINITY).unwrap_err().msg,
            "cannot convert float infinity to integer"
        );
    }

    #[test]
    fn conversions() {
        assert_eq!(float_as_integer_ratio(1.0).unwrap(), (big("1"), big("1")));
        assert_eq!(
            float_as_integer_ratio(-0.75).unwrap(),
            (big("-3"), big("4"))
        );
        assert_eq!(
            float_as_integer_ratio(f64::INFINITY).unwrap_err().msg,
            "cannot convert Infinity to integer ratio"
        );
        assert_eq!(
            float_as_integer_ratio(f64::NAN).unwrap_err().msg,
            "cannot convert NaN to integer ratio"
        );
        assert_eq!(float_to_bigint(1e20).unwrap(), big("100000000000000000000"));
        assert_eq!(float_to_bigint(-2.9).unwrap(), big("-2"));
        assert_eq!(
            float_to_bigint(f64::NAN).unwrap_err().msg,
            "cannot convert float NaN to integer"
        );
        let p1024: BigInt = BigInt::one() << 1024u32;
        let e = bigint_to_f64(&(&p1024 - (BigInt::one() << 970u32))).unwrap_err();
        assert_eq!(e.msg, "int too large to convert to float");
        assert_eq!(
            bigint_to_f64(&(&p1024 - (BigInt::one() << 971u32))).unwrap(),
            1.7976931348623157e308
        );
        assert_eq!(
            bigint_to_f64(&big("9007199254740993")).unwrap(),
            9007199254740992.0
        );
        assert_eq!(
            bigint_to_f64(&big("9007199254740995")).unwrap(),
            9007199254740996.0
        );
        assert_eq!(
            bigint_to_f64(&big("-12345678901234567890123")).unwrap(),
            -1.2345678901234568e22
        );
    }

    #[test]
    fn true_division() {
        let one = BigInt::one();
        let p = |n: u32| BigInt::one() << n;
        assert_eq!(
            int_true_divide(&num_traits::pow(big("10"), 400), &one)
                .unwrap_err()
                .msg,
            "integer division result too large for a float"
        );
        assert_eq!(
            int_true_divide(&one, &num_traits::pow(big("10"), 400)).unwrap(),
            0.0
        );
        assert_eq!(
            int_true_divide(
                &num_traits::pow(big("10"), 1000),
                &num_traits::pow(big("10"), 999)
            )
            .unwrap(),
            10.0
        );
        assert_eq!(int_true_divide(&(p(1074) + 1), &p(2148)).unwrap(), 5e-324);
        assert_eq!(int_true_divide(&one, &p(1075)).unwrap(), 0.0);
        assert_eq!(int_true_divide(&big("3"), &p(1076)).unwrap(), 5e-324);
        assert_eq!(
            int_true_divide(&big("1"), &big("0")).unwrap_err().msg,
            "division by zero"
        );
        assert_eq!(int_true_divide(&big("-7"), &big("2")).unwrap(), -3.5);
    }

    #[test]
    fn hashes() {
        // Expected values from python3.11 hash().
        assert_eq!(float_hash(1.5), Some(1152921504606846977));
        assert_eq!(float_hash(-1.0), Some(-2));
        assert_eq!(float_hash(1e300), Some(1224995262755759164));
        assert_eq!(float_hash(5e-324), Some(16777216));
        assert_eq!(float_hash(f64::NEG_INFINITY), Some(-314159));
        assert_eq!(int_hash(&-(BigInt::one() << 70u32)), -512);
        assert_eq!(int_hash(&big("-1")), -2);
        let h = complex_hash(float_hash(1.5).unwrap(), float_hash(2.5).unwrap());
        assert_eq!(h, 4611686018429387911);
    }
}
