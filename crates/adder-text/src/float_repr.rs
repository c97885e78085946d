//! Float to decimal text, laid out the way CPython's `PyOS_double_to_string`
//! does. Invariant: digits always come from Rust's exact float formatting
//! (shortest round-trip for `repr`, correctly rounded half-even for a fixed
//! number of digits); this module only moves the decimal point, pads with
//! zeros and spells exponents, so every result is correctly rounded.

/// Precision beyond which an `f64` has no more non-zero fractional digits
/// (the smallest subnormal has 1074); further digits are padding zeros.
const MAX_FRAC_DIGITS: usize = 1080;
/// Significant digits beyond which an `f64`'s exact value is all zeros (767).
const MAX_SIG_DIGITS: usize = 780;

/// How `format_float_body` lays digits out (CPython's format codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatKind {
    /// Shortest round-trip digits, scientific when exponent < -4 or >= 16.
    Repr,
    /// `e`: one digit, point, `precision` digits, exponent.
    Exp,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, trailing zeros removed.
    General,
}

/// Layout options, CPython's `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// `#`: always a decimal point; `g` keeps trailing zeros.
    pub alt: bool,
    /// Add `.0` when the result would look like an integer (not in exponent form).
    pub add_dot_0: bool,
    /// Upper-case `E`, `INF`, `NAN`.
    pub upper: bool,
    /// `z`: a negative result that rounds to zero loses its sign.
    pub no_neg_0: bool,
}

/// Digits (ASCII, no point) and the exponent of the first digit: the value is
/// `d0.d1d2... * 10^exp`. `sig == None` gives the shortest round-trip digits.
/// `x` must be finite and non-negative.
pub(crate) fn sci_digits(x: f64, sig: Option<usize>) -> (Vec<u8>, i32) {
    let s = match sig {
        None => {
            // Rust gives the shortest digit count, but on a tie between two
            // shortest candidates it may pick the odd one; CPython's dtoa
            // returns the correctly rounded (half-even) one. Re-round to that
            // many digits and keep it when it still round-trips.
            let short = format!("{:e}", x);
            let n = short
                .split('e')
                .next()
                .map_or(1, |m| m.bytes().filter(u8::is_ascii_digit).count());
            let exact = format!("{:.*e}", n.saturating_sub(1), x);
            if exact.parse::<f64>() == Ok(x) {
                exact
            } else {
                short
            }
        }
        Some(n) => {
            let n = n.max(1);
            format!("{:.*e}", (n - 1).min(MAX_SIG_DIGITS), x)
        }
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    if let Some(n) = sig {
        digits.resize(n.max(1), b'0');
    }
    (digits, exp.parse().unwrap_or(0))
}

fn push_exponent(out: &mut String, exp: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// Lays out `digits` with the decimal point after `decpt` digits.
fn layout(digits: &[u8], decpt: i32, use_exp: bool, flags: FloatFlags) -> String {
    let mut out = String::new();
    let (int_part, frac_part, exp): (String, String, Option<i32>) = if use_exp {
        let d = std::str::from_utf8(digits).unwrap_or("0");
        (d[..1].to_string(), d[1..].to_string(), Some(decpt - 1))
    } else {
        let d = std::str::from_utf8(digits).unwrap_or("0");
        let n = d.len() as i32;
        if decpt <= 0 {
            let mut f = "0".repeat((-decpt) as usize);
            f.push_str(d);
            ("0".to_string(), f, None)
        } else if decpt >= n {
            let mut i = d.to_string();
            i.push_str(&"0".repeat((decpt - n) as usize));
            (i, String::new(), None)
        } else {
            (
                d[..decpt as usize].to_string(),
                d[decpt as usize..].to_string(),
                None,
            )
        }
    };
    out.push_str(&int_part);
    if !frac_part.is_empty() {
        out.push('.');
        out.push_str(&frac_part);
    } else if exp.is_none() && flags.add_dot_0 {
        out.push_str(".0");
    } else if flags.alt {
        out.push('.');
    }
    if let Some(e) = exp {
        push_exponent(&mut out, e, flags.upper);
    }
    out
}

fn strip_trailing_zeros(digits: &mut Vec<u8>) {
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
}

/// Formats `x` without its sign; returns `(negative, body)`. This is
/// CPython's `PyOS_double_to_string` split so callers can place the sign.
/// For `Repr` the precision is ignored. NaN is never negative.
pub fn format_float_body(
    x: f64,
    kind: FloatKind,
    precision: usize,
    flags: FloatFlags,
) -> (bool, String) {
    if x.is_nan() {
        return (false, if flags.upper { "NAN" } else { "nan" }.to_string());
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    if a.is_infinite() {
        return (neg, if flags.upper { "INF" } else { "inf" }.to_string());
    }
    let body = match kind {
        FloatKind::Repr => {
            let (digits, exp) = sci_digits(a, None);
            let decpt = exp + 1;
            layout(&digits, decpt, !(-4 < decpt && decpt <= 16), flags)
        }
        FloatKind::Exp => {
            let (digits, exp) = sci_digits(a, Some(precision + 1));
            layout(&digits, exp + 1, true, flags)
        }
        FloatKind::Fixed => {
            let mut s = format!("{:.*}", precision.min(MAX_FRAC_DIGITS), a);
            if precision > MAX_FRAC_DIGITS {
                s.push_str(&"0".repeat(precision - MAX_FRAC_DIGITS));
            }
            if precision == 0 && flags.alt {
                s.push('.');
            }
            s
        }
        FloatKind::General => {
            let p = precision.max(1);
            let (mut digits, exp) = sci_digits(a, Some(p));
            if !flags.alt {
                strip_trailing_zeros(&mut digits);
            }
            let decpt = exp + 1;
            let limit = if flags.add_dot_0 {
                p as i64 - 1
            } else {
                p as i64
            };
            let use_exp = decpt <= -4 || decpt as i64 > limit;
            layout(&digits, decpt, use_exp, flags)
        }
    };
    let neg = neg && !(flags.no_neg_0 && is_zero_body(&body));
    (neg, body)
}

/// True when the mantissa of a formatted body has no non-zero digit.
fn is_zero_body(body: &str) -> bool {
    body.chars()
        .take_while(|c| *c != 'e' && *c != 'E')
        .all(|c| c == '0' || c == '.')
}

fn with_sign(x: f64, kind: FloatKind, precision: usize, flags: FloatFlags) -> String {
    let (neg, body) = format_float_body(x, kind, precision, flags);
    if neg {
        format!("-{}", body)
    } else {
        body
    }
}

/// Python's `repr(float)` (and `str(float)`).
pub fn float_repr(x: f64) -> String {
    let flags = FloatFlags {
        add_dot_0: true,
        ..FloatFlags::default()
    };
    with_sign(x, FloatKind::Repr, 0, flags)
}

/// `'%.{prec}f' % x`.
pub fn float_to_string_fixed(x: f64, prec: usize) -> String {
    with_sign(x, FloatKind::Fixed, prec, FloatFlags::default())
}

/// `'%.{prec}e' % x` (`E` when `upper`).
pub fn float_to_string_exp(x: f64, prec: usize, upper: bool) -> String {
    let flags = FloatFlags {
        upper,
        ..FloatFlags::default()
    };
    with_sign(x, FloatKind::Exp, prec, flags)
}

/// `'%.{prec}g' % x` (`G` when `upper`, `#` when `alt`).
pub fn float_to_string_general(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    let flags = FloatFlags {
        upper,
        alt,
        ..FloatFlags::default()
    };
    with_sign(x, FloatKind::General, prec, flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // The tie cases below are exact binary values written out in full.
    #[allow(clippy::excessive_precision)]
    fn repr_table() {
        // Expected values from python3.11 repr().
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1.2345678901234567e20, "1.2345678901234567e+20"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (0.1, "0.1"),
            (123456789.0, "123456789.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (1.5e300, "1.5e+300"),
            (0.3, "0.3"),
            (2.0 / 3.0, "0.6666666666666666"),
            (-1.5e-7, "-1.5e-07"),
            (100.0, "100.0"),
            (-873609158487106.25, "-873609158487106.2"),
            (-3585870942657.65625, "-3585870942657.6562"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "{x:e}");
        }
    }

    #[test]
    fn printf_table() {
        // Expected values from python3.11 '%.Nf' / '%.Ne' / '%.Ng'.
        assert_eq!(float_to_string_fixed(2.5, 0), "2");
        assert_eq!(float_to_string_fixed(0.125, 2), "0.12");
        assert_eq!(float_to_string_fixed(-1.005, 2), "-1.00");
        assert_eq!(float_to_string_exp(12345.678, 3, false), "1.235e+04");
        assert_eq!(float_to_string_exp(0.0, 2, true), "0.00E+00");
        assert_eq!(float_to_string_general(1e-5, 6, false, false), "1e-05");
        assert_eq!(float_to_string_general(123456.0, 6, false, false), "123456");
        assert_eq!(
            float_to_string_general(1234567.0, 6, false, false),
            "1.23457e+06"
        );
        assert_eq!(
            float_to_string_general(0.0001, 6, false, true),
            "0.000100000"
        );
        assert_eq!(float_to_string_general(1.0, 0, true, false), "1");
        assert_eq!(float_to_string_fixed(1e22, 1), "10000000000000000000000.0");
        assert_eq!(float_to_string_fixed(5e-324, 1100).len(), 1102);
    }
}
