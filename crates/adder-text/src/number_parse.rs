//! Text to number and number to text for `int()`, `float()`,
//! `float.fromhex`, `float.hex`, `bin`/`oct`/`hex` and `str(int)`.
//! Invariant: a literal is validated completely by this module's own grammar
//! before any digit is converted, so the conversion routines (num-bigint,
//! Rust's correctly rounded float parser, [`round_to_f64`]) only ever see
//! well-formed ASCII; errors carry CPython 3.11's messages, quoting the
//! caller's original string.

use num_bigint::{BigInt, BigUint};
use num_traits::{Num, Signed, Zero};

use crate::chars::{decimal_value, is_number_space};
use crate::error::TextError;
use crate::float_ops::round_to_f64;
use crate::repr::str_repr;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

fn strip_number_space(s: &str) -> &str {
    s.trim_matches(is_number_space)
}

/// Maps Unicode decimal digits to ASCII; `None` if another non-ASCII
/// character is present (CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`).
fn to_ascii_digits(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push(char::from_digit(decimal_value(c)?, 10)?);
        }
    }
    Some(out)
}

fn invalid_int(orig: &str, base: u32) -> TextError {
    let r: String = str_repr(orig).chars().take(200).collect();
    TextError::value(format!(
        "invalid literal for int() with base {}: {}",
        base, r
    ))
}

fn limit_error(max: usize, digits: usize) -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
         use sys.set_int_max_str_digits() to increase the limit",
        max, digits
    ))
}

/// `int(s, base)`. `max_str_digits` is `sys.get_int_max_str_digits()`
/// (0 = unlimited); it only applies to bases that are not powers of two.
pub fn parse_int(s: &str, base: u32, max_str_digits: usize) -> Result<BigInt, TextError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(TextError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let err = || invalid_int(s, base);
    let ascii = to_ascii_digits(strip_number_space(s)).ok_or_else(err)?;
    let mut body = ascii.as_str();
    let negative = body.starts_with('-');
    if negative || body.starts_with('+') {
        body = &body[1..];
    }
    let prefix_base = match body.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let mut radix = base;
    let mut prefixed = false;
    if prefix_base != 0 && (base == 0 || base == prefix_base) {
        radix = prefix_base;
        body = &body[2..];
        prefixed = true;
    } else if base == 0 {
        radix = 10;
    }
    // Validate: digits with single underscores between them (or one right
    // after a base prefix).
    let mut digits = String::with_capacity(body.len());
    let mut prev_underscore = false;
    for (i, c) in body.chars().enumerate() {
        if c == '_' {
            if prev_underscore || (i == 0 && !prefixed) {
                return Err(err());
            }
            prev_underscore = true;
            continue;
        }
        match c.to_digit(radix) {
            Some(_) => digits.push(c),
            None => {
                if radix.is_power_of_two() || digits.len() <= max_str_digits || max_str_digits == 0
                {
                    return Err(err());
                }
                // CPython counts digits before it notices the bad character.
                return Err(limit_error(max_str_digits, digits.len()));
            }
        }
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return Err(err());
    }
    if base == 0 && !prefixed && digits.len() > 1 && digits.starts_with('0') {
        if digits.bytes().all(|b| b == b'0') {
            return Ok(BigInt::zero());
        }
        return Err(err());
    }
    if max_str_digits > 0 && !radix.is_power_of_two() && digits.len() > max_str_digits {
        return Err(limit_error(max_str_digits, digits.len()));
    }
    let mag = BigUint::from_str_radix(&digits, radix).map_err(|_| err())?;
    let v = BigInt::from(mag);
    Ok(if negative { -v } else { v })
}

fn invalid_float(orig: &str) -> TextError {
    TextError::value(format!(
        "could not convert string to float: {}",
        str_repr(orig)
    ))
}

/// Checks `digits('_' digits)*`, appending the digits to `out`.
fn take_digits(s: &[u8], pos: &mut usize, out: &mut String) -> bool {
    let start = *pos;
    while *pos < s.len() {
        let b = s[*pos];
        if b.is_ascii_digit() {
            out.push(b as char);
            *pos += 1;
        } else if b == b'_' && *pos > start && s.get(*pos + 1).is_some_and(u8::is_ascii_digit) {
            *pos += 1;
        } else {
            break;
        }
    }
    *pos > start
}

/// `float(s)` for a `str` argument.
pub fn parse_float(s: &str) -> Result<f64, TextError> {
    let err = || invalid_float(s);
    let ascii = to_ascii_digits(strip_number_space(s)).ok_or_else(err)?;
    let b = ascii.as_bytes();
    let mut pos = 0;
    let mut clean = String::with_capacity(b.len());
    if matches!(b.first(), Some(b'+' | b'-')) {
        clean.push(b[0] as char);
        pos = 1;
    }
    let rest = ascii[pos..].to_ascii_lowercase();
    if rest == "inf" || rest == "infinity" {
        return Ok(if clean == "-" {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if rest == "nan" {
        return Ok(if clean == "-" { -f64::NAN } else { f64::NAN });
    }
    let int_ok = take_digits(b, &mut pos, &mut clean);
    let mut frac_ok = false;
    if b.get(pos) == Some(&b'.') {
        clean.push('.');
        pos += 1;
        frac_ok = take_digits(b, &mut pos, &mut clean);
    }
    if !int_ok && !frac_ok {
        return Err(err());
    }
    if matches!(b.get(pos), Some(b'e' | b'E')) {
        clean.push('e');
        pos += 1;
        if matches!(b.get(pos), Some(b'+' | b'-')) {
            clean.push(b[pos] as char);
            pos += 1;
        }
        if !take_digits(b, &mut pos, &mut clean) {
            return Err(err());
        }
    }
    if pos != b.len() {
        return Err(err());
    }
    clean.parse::<f64>().map_err(|_| err())
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> Result<f64, TextError> {
    let err = || TextError::value("invalid hexadecimal floating-point string");
    let t = strip_number_space(s);
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let b = lower.as_bytes();
    let mut pos = if lower.starts_with("0x") { 2 } else { 0 };
    // Mantissa: keep the first 300 significant hex digits exactly, the rest
    // only as a sticky bit (an f64 needs at most 14).
    const KEEP: usize = 300;
    let mut mant = String::new();
    let mut sticky = false;
    let mut exp: i64 = 0;
    let mut ndigits = 0usize;
    let mut in_frac = false;
    loop {
        match b.get(pos) {
            Some(c) if c.is_ascii_hexdigit() => {
                ndigits += 1;
                if mant.len() < KEEP {
                    if !(mant.is_empty() && *c == b'0') {
                        mant.push(*c as char);
                    }
                    if in_frac {
                        exp -= 4;
                    }
                } else {
                    sticky |= *c != b'0';
                    if !in_frac {
                        exp += 4;
                    }
                }
                pos += 1;
            }
            Some(b'.') if !in_frac => {
                in_frac = true;
                pos += 1;
            }
            _ => break,
        }
    }
    if ndigits == 0 {
        return Err(err());
    }
    if b.get(pos) == Some(&b'p') {
        pos += 1;
        let start = pos;
        if matches!(b.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        let dstart = pos;
        while b.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        if pos == dstart {
            return Err(err());
        }
        // Saturate: anything beyond ~1e9 is overflow or zero anyway.
        let text = &lower[start..pos];
        let e: i64 = text.parse().unwrap_or(if text.starts_with('-') {
            -(1 << 40)
        } else {
            1 << 40
        });
        exp = exp.saturating_add(e.clamp(-(1 << 40), 1 << 40));
    }
    if pos != b.len() {
        return Err(err());
    }
    let m = if mant.is_empty() {
        BigUint::zero()
    } else {
        BigUint::from_str_radix(&mant, 16).map_err(|_| err())?
    };
    if m.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let r = round_to_f64(&m, sticky, -exp).ok_or_else(|| {
        TextError::overflow("hexadecimal value too large to represent as a float")
    })?;
    Ok(if negative { -r } else { r })
}

/// `float.hex(x)`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if e == 0 { (0, -1022) } else { (1, e - 1023) };
    let es = if exp < 0 { "-" } else { "+" };
    format!("{}0x{}.{:013x}p{}{}", sign, lead, frac, es, exp.abs())
}

/// `bin(v)`, `oct(v)`, `hex(v)` for base 2, 8, 16 (with prefix); plain digits
/// for any other base in `2..=36` (no digit limit: see [`int_to_decimal`]).
pub fn int_to_str_radix(v: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let sign = if v.is_negative() { "-" } else { "" };
    format!("{}{}{}", sign, prefix, v.magnitude().to_str_radix(base))
}

/// `str(v)` with the int/str digit limit (`max_str_digits`, 0 = unlimited).
pub fn int_to_decimal(v: &BigInt, max_str_digits: usize) -> Result<String, TextError> {
    let err = || {
        TextError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits
        ))
    };
    if max_str_digits > 0 {
        // Reject clearly oversized values before the quadratic conversion:
        // v >= 2**(bits-1) has more than (bits-1)*log10(2) digits.
        let bits = v.magnitude().bits();
        if (bits.saturating_sub(1) as f64) * std::f64::consts::LOG10_2 > max_str_digits as f64 + 1.0
        {
            return Err(err());
        }
    }
    let s = v.to_string();
    let ndigits = s.len() - usize::from(v.is_negative());
    if max_str_digits > 0 && ndigits > max_str_digits {
        return Err(err());
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok_int(s: &str, base: u32) -> String {
        match parse_int(s, base, DEFAULT_MAX_STR_DIGITS) {
            Ok(v) => v.to_string(),
            Err(e) => format!("{:?}: {}", e.kind, e.msg),
        }
    }

    #[test]
    fn int_table() {
        // Expected values from python3.11 int(s, base).
        let cases: &[(&str, u32, &str)] = &[
            ("42", 10, "42"),
            ("  -42\n", 10, "-42"),
            (
                "010",
                0,
                "ValueError: invalid literal for int() with base 0: '010'",
            ),
            ("0_0", 0, "0"),
            ("000", 0, "0"),
            ("0x_1f", 16, "31"),
            (
                "0x",
                16,
                "ValueError: invalid literal for int() with base 16: '0x'",
            ),
            (" \u{661}\u{662} ", 10, "12"),
            (
                "1__0",
                10,
                "ValueError: invalid literal for int() with base 10: '1__0'",
            ),
            (
                "_1",
                10,
                "ValueError: invalid literal for int() with base 10: '_1'",
            ),
            (
                "1_",
                10,
                "ValueError: invalid literal for int() with base 10: '1_'",
            ),
            (
                "12",
                37,
                "ValueError: int() base must be >= 2 and <= 36, or 0",
            ),
            (
                "12",
                1,
                "ValueError: int() base must be >= 2 and <= 36, or 0",
            ),
            (
                "",
                10,
                "ValueError: invalid literal for int() with base 10: ''",
            ),
            (
                " ",
                10,
                "ValueError: invalid literal for int() with base 10: ' '",
            ),
            ("0b101", 0, "5"),
            ("0B1", 2, "1"),
            ("0o17", 0, "15"),
            ("-0x_ff", 0, "-255"),
            ("z", 36, "35"),
            (
                "+ 1",
                10,
                "ValueError: invalid literal for int() with base 10: '+ 1'",
            ),
            (
                "\x1c12\x1f",
                10,
                "ValueError: invalid literal for int() with base 10: '\\x1c12\\x1f'",
            ),
            ("\u{a0}1\u{3000}", 10, "1"),
            (
                "\u{b2}",
                10,
                "ValueError: invalid literal for int() with base 10: '²'",
            ),
            ("𝟏𝟐", 10, "12"),
            ("1_000_000", 0, "1000000"),
            (
                "0x10",
                10,
                "ValueError: invalid literal for int() with base 10: '0x10'",
            ),
            ("1a", 16, "26"),
        ];
        for (s, base, want) in cases {
            assert_eq!(ok_int(s, *base), *want, "int({s:?}, {base})");
        }
        let long = "1".repeat(5000);
        assert_eq!(
            parse_int(&long, 10, 4300).unwrap_err().msg,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(parse_int(&format!("{long}x"), 10, 4300)
            .unwrap_err()
            .msg
            .contains("5000 digits"));
        assert!(parse_int(&long, 10, 0).is_ok());
        assert!(parse_int(&long, 16, 4300).is_ok());
        let under = format!("-{}1", "1_".repeat(4300));
        assert!(parse_int(&under, 10, 4300)
            .unwrap_err()
            .msg
            .contains("4301 digits"));
        let bad = "x".repeat(300);
        assert_eq!(parse_int(&bad, 10, 4300).unwrap_err().msg.len(), 240);
    }

    #[test]
    fn float_table() {
        // Expected values from python3.11 float(s).
        let good: &[(&str, f64)] = &[
            ("1_0.5", 10.5),
            ("1e1_0", 1e10),
            ("iNfInItY", f64::INFINITY),
            ("-inf", f64::NEG_INFINITY),
            (".5", 0.5),
            ("5.", 5.0),
            ("\u{661}.5", 1.5),
            ("1e-99999999999", 0.0),
            ("+1E+5", 1e5),
            ("\u{a0}1.5\u{85}", 1.5),
            ("  -0.1  ", -0.1),
            ("1e400", f64::INFINITY),
            ("2.2250738585072011e-308", 2.225073858507201e-308),
        ];
        for (s, want) in good {
            assert_eq!(parse_float(s).unwrap(), *want, "{s:?}");
        }
        assert!(parse_float("-nan").unwrap().is_nan());
        for bad in [
            "  x  ", "", "1_.5", "1._5", "in f", "1e", ".", "0x1p3", "infi", "\x1c1", "1e+", "_1",
            "1__0",
        ] {
            let e = parse_float(bad).unwrap_err();
            assert_eq!(
                e.msg,
                format!("could not convert string to float: {}", str_repr(bad))
            );
        }
    }

    #[test]
    fn hex_table() {
        // Expected values from python3.11 float.fromhex / float.hex.
        assert_eq!(float_fromhex("0x1.8p1").unwrap(), 3.0);
        assert_eq!(
            float_fromhex(" -0X1.FFFFFFFFFFFFFp1023 ").unwrap(),
            -1.7976931348623157e308
        );
        assert_eq!(float_fromhex("1").unwrap(), 1.0);
        assert_eq!(float_fromhex("0x.8").unwrap(), 0.5);
        assert_eq!(float_fromhex("-inf").unwrap(), f64::NEG_INFINITY);
        assert_eq!(float_fromhex("0x1p-1075").unwrap(), 0.0);
        assert_eq!(float_fromhex("0x3p-1076").unwrap(), 5e-324);
        assert_eq!(float_fromhex("0x1.p0").unwrap(), 1.0);
        assert_eq!(
            float_fromhex("0x1.000000000000080000000001p0").unwrap(),
            1.0000000000000002
        );
        for bad in ["0x", "0x1p", "0x1p+", "", "0x1.2.3", "x1"] {
            assert_eq!(
                float_fromhex(bad).unwrap_err().msg,
                "invalid hexadecimal floating-point string"
            );
        }
        for big in ["0x1p99999999999999", "0x1.fffffffffffff8p1023"] {
            assert_eq!(
                float_fromhex(big).unwrap_err().msg,
                "hexadecimal value too large to represent as a float"
            );
        }
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(f64::NEG_INFINITY), "-inf");
        for x in [0.1, 1e300, 5e-324, 2.2250738585072014e-308, 123.456] {
            assert_eq!(float_fromhex(&float_hex(x)).unwrap(), x);
        }
    }

    #[test]
    fn int_to_text() {
        let v: BigInt = "-255".parse().unwrap();
        assert_eq!(int_to_str_radix(&v, 2), "-0b11111111");
        assert_eq!(int_to_str_radix(&v, 8), "-0o377");
        assert_eq!(int_to_str_radix(&v, 16), "-0xff");
        let p = num_traits::pow(BigInt::from(10), 4300);
        let msg = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
        assert_eq!(int_to_decimal(&p, 4300).unwrap_err().msg, msg);
        assert_eq!(
            int_to_decimal(&-(p.clone() - BigInt::from(1)), 4300)
                .unwrap()
                .len(),
            4301
        );
        assert_eq!(
            int_to_decimal(&num_traits::pow(p, 3), 4300)
                .unwrap_err()
                .msg,
            msg
        );
    }
}
