//! printf-style `%` formatting, one conversion at a time. Invariant: the
//! parser only recognises syntax (key, flags, `*`, numbers, conversion) and
//! never looks at arguments; the caller fetches `*` values and mapping keys
//! from Python objects, fills them into [`PercentSpec`], and then calls
//! [`check_conversion`] and a `percent_format_*` function, which reproduce
//! CPython 3.11's `PyUnicode_Format` output byte for byte.
// CPython 3.11: Objects/unicodeobject.c (unicode_format_arg_parse/format)

use num_bigint::BigInt;
use num_traits::Signed;

use crate::digits::{magnitude_digits, push_ascii, push_repeat, u64_digits, DigitBuf};
use crate::error::TextError;
use crate::float_repr::{format_float_body, FloatFlags, FloatKind};

/// Flags and numbers of one conversion, after `*` values are resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PercentSpec {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space for non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding.
    pub zero: bool,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    /// The conversion character (`%` for a literal percent sign).
    pub conv: char,
}

/// One parsed `%` directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentDirective {
    /// `%(key)...`: the mapping key.
    pub key: Option<String>,
    /// Width is `*`: the caller takes it from the next argument (a negative
    /// value sets `left` and uses its absolute value).
    pub width_star: bool,
    /// Precision is `.*`: the caller takes it from the next argument.
    pub precision_star: bool,
    pub spec: PercentSpec,
    /// Byte offset of the conversion character (see [`Self::conv_index`]).
    pub conv_at: usize,
    /// Byte offset just after the directive.
    pub end: usize,
}

impl PercentDirective {
    /// Character index in `fmt` (the string it was parsed from) of the
    /// conversion character, for error messages; counted only when needed.
    pub fn conv_index(&self, fmt: &str) -> usize {
        fmt[..self.conv_at].chars().count()
    }
}

/// An ASCII decimal number at `fmt[*i..]`, if there are digits there.
fn parse_num(fmt: &[u8], i: &mut usize, what: &str) -> Result<Option<usize>, TextError> {
    let start = *i;
    let mut acc: usize = 0;
    while let Some(d) = fmt.get(*i).filter(|b| b.is_ascii_digit()) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add((d - b'0') as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| TextError::value(format!("{} too big", what)))?;
        *i += 1;
    }
    Ok((*i > start).then_some(acc))
}

/// Parses the directive whose `%` is at byte offset `pos` of `fmt`. All of
/// the syntax before the conversion character is ASCII, so the scan works
/// on bytes and every offset it stops at is a character boundary.
pub fn parse_percent_spec(fmt: &str, pos: usize) -> Result<PercentDirective, TextError> {
    let b = fmt.as_bytes();
    let mut i = pos + 1; // skip '%'
    let mut key = None;
    if b.get(i) == Some(&b'(') {
        let mut depth = 1;
        let start = i + 1;
        i += 1;
        loop {
            match b.get(i) {
                None => return Err(TextError::value("incomplete format key")),
                Some(b'(') => depth += 1,
                Some(b')') => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        key = Some(fmt[start..i].to_string());
        i += 1;
    }
    let mut spec = PercentSpec::default();
    while let Some(&c) = b.get(i) {
        match c {
            b'-' => spec.left = true,
            b'+' => spec.plus = true,
            b' ' => spec.space = true,
            b'#' => spec.alt = true,
            b'0' => spec.zero = true,
            _ => break,
        }
        i += 1;
    }
    let mut width_star = false;
    if b.get(i) == Some(&b'*') {
        width_star = true;
        i += 1;
    } else {
        spec.width = parse_num(b, &mut i, "width")?;
    }
    let mut precision_star = false;
    if b.get(i) == Some(&b'.') {
        i += 1;
        if b.get(i) == Some(&b'*') {
            precision_star = true;
            i += 1;
        } else {
            spec.precision = Some(parse_num(b, &mut i, "precision")?.unwrap_or(0));
        }
    }
    while matches!(b.get(i), Some(b'h' | b'l' | b'L')) {
        i += 1;
    }
    let conv = fmt
        .get(i..)
        .and_then(|rest| rest.chars().next())
        .ok_or_else(|| TextError::value("incomplete format"))?;
    spec.conv = conv;
    Ok(PercentDirective {
        key,
        width_star,
        precision_star,
        spec,
        conv_at: i,
        end: i + conv.len_utf8(),
    })
}

/// The error for an unknown conversion character of `d` (parsed from
/// `fmt`); call it after fetching the argument, as CPython does.
pub fn check_conversion(d: &PercentDirective, fmt: &str) -> Result<(), TextError> {
    let conv = d.spec.conv;
    if matches!(
        conv,
        '%' | 's'
            | 'r'
            | 'a'
            | 'd'
            | 'u'
            | 'c'
            | 'i'
            | 'o'
            | 'x'
            | 'X'
            | 'e'
            | 'E'
            | 'f'
            | 'F'
            | 'g'
            | 'G'
    ) {
        return Ok(());
    }
    Err(unsupported_conversion(d, fmt))
}

/// `unsupported format character 'y' (0x79) at index 5`.
pub fn unsupported_conversion(d: &PercentDirective, fmt: &str) -> TextError {
    let conv = d.spec.conv;
    let n = crate::surrogate::to_code_point(conv);
    let shown = if n > 32 && n < 128 { conv } else { '?' };
    TextError::value(format!(
        "unsupported format character '{}' ({:#x}) at index {}",
        shown,
        n,
        d.conv_index(fmt)
    ))
}

/// Appends a number made of `sign`, `prefix`, `zeros` zero digits and
/// `body` (ASCII), padded to the spec's width.
fn push_number(
    out: &mut String,
    sign: &str,
    prefix: &str,
    zeros: usize,
    body: &[u8],
    spec: &PercentSpec,
) {
    let len = sign.len() + prefix.len() + zeros + body.len();
    let pad = spec.width.unwrap_or(0).saturating_sub(len);
    out.reserve(len + pad);
    // Pad before the sign unless left-justified or zero-padded.
    if !spec.left && !spec.zero {
        push_repeat(out, ' ', pad);
    }
    if !sign.is_empty() {
        out.push_str(sign);
    }
    if !prefix.is_empty() {
        out.push_str(prefix);
    }
    let zeros = if spec.zero && !spec.left {
        zeros + pad
    } else {
        zeros
    };
    push_repeat(out, '0', zeros);
    push_ascii(out, body);
    if spec.left {
        push_repeat(out, ' ', pad);
    }
}

fn sign_of(negative: bool, spec: &PercentSpec) -> &'static str {
    if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

/// Radix, prefix and case of an integer conversion.
fn int_layout(conv: char) -> (u32, &'static str, bool) {
    match conv {
        'o' => (8, "0o", false),
        'x' => (16, "0x", false),
        'X' => (16, "0X", true),
        _ => (10, "", false),
    }
}

/// Appends the sign, prefix and precision zeros of an int and its digits.
fn push_int_digits(out: &mut String, negative: bool, digits: &[u8], spec: &PercentSpec) {
    let (_, prefix, _) = int_layout(spec.conv);
    let zeros = spec.precision.unwrap_or(0).saturating_sub(digits.len());
    let prefix = if spec.alt { prefix } else { "" };
    push_number(out, sign_of(negative, spec), prefix, zeros, digits, spec);
}

/// Appends `%d %i %u %o %x %X` of an int (`%c` is the caller's: it needs
/// the object).
pub fn push_percent_int(out: &mut String, v: &BigInt, spec: &PercentSpec) {
    let (radix, _, upper) = int_layout(spec.conv);
    let mut buf = DigitBuf::new();
    let digits = magnitude_digits(v, radix, upper, &mut buf);
    push_int_digits(out, v.is_negative(), &digits, spec);
}

/// [`push_percent_int`] of an int that fits in an `i64`, without a `BigInt`.
pub fn push_percent_i64(out: &mut String, v: i64, spec: &PercentSpec) {
    let (radix, _, upper) = int_layout(spec.conv);
    let mut buf = DigitBuf::new();
    let digits = u64_digits(v.unsigned_abs(), radix, upper, &mut buf);
    push_int_digits(out, v < 0, digits, spec);
}

/// `%d %i %u %o %x %X` of an int, as a new string.
pub fn percent_format_int(v: &BigInt, spec: &PercentSpec) -> String {
    let mut out = String::new();
    push_percent_int(&mut out, v, spec);
    out
}

/// Appends `%e %E %f %F %g %G` of a float. Precision must be at most
/// `i32::MAX` (CPython's limit; check with [`check_precision`]).
pub fn push_percent_float(out: &mut String, x: f64, spec: &PercentSpec) {
    let upper = spec.conv.is_ascii_uppercase();
    let kind = match spec.conv.to_ascii_lowercase() {
        'e' => FloatKind::Exp,
        'f' => FloatKind::Fixed,
        _ => FloatKind::General,
    };
    let flags = FloatFlags {
        alt: spec.alt,
        upper,
        ..FloatFlags::default()
    };
    let (neg, body) = format_float_body(x, kind, spec.precision.unwrap_or(6), flags);
    push_number(out, sign_of(neg, spec), "", 0, body.as_bytes(), spec);
}

/// `%e %E %f %F %g %G` of a float, as a new string.
pub fn percent_format_float(x: f64, spec: &PercentSpec) -> String {
    let mut out = String::new();
    push_percent_float(&mut out, x, spec);
    out
}

/// Appends `%s`/`%r`/`%a`'s padding and truncation of already-converted text.
pub fn push_percent_str(out: &mut String, s: &str, spec: &PercentSpec) {
    let body = match spec.precision {
        Some(p) => s.char_indices().nth(p).map_or(s, |(b, _)| &s[..b]),
        None => s,
    };
    let pad = match spec.width {
        None => 0,
        Some(w) => w.saturating_sub(body.chars().count()),
    };
    if spec.left {
        out.push_str(body);
        push_repeat(out, ' ', pad);
    } else {
        push_repeat(out, ' ', pad);
        out.push_str(body);
    }
}

/// `%s`/`%r`/`%a` padding and truncation of already-converted text, as a
/// new string.
pub fn percent_format_str(s: &str, spec: &PercentSpec) -> String {
    let mut out = String::new();
    push_percent_str(&mut out, s, spec);
    out
}

/// CPython's bound on float precision in `%` formatting.
pub fn check_precision(spec: &PercentSpec) -> Result<(), TextError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(TextError::value("precision too big"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt_one(f: &str, v: &str) -> String {
        let d = parse_percent_spec(f, 0).unwrap();
        assert_eq!(d.end, f.len(), "{f}");
        match d.spec.conv {
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => percent_format_int(&v.parse().unwrap(), &d.spec),
            's' => percent_format_str(v, &d.spec),
            _ => percent_format_float(v.parse().unwrap(), &d.spec),
        }
    }

    #[test]
    fn format_table() {
        // Expected values from python3.11 `f % v`.
        let cases: &[(&str, &str, &str)] = &[
            ("%05d", "-3", "-0003"),
            ("%#08x", "255", "0x0000ff"),
            ("%.5d", "-3", "-00003"),
            ("%+.3x", "10", "+00a"),
            ("%-6d", "5", "5     "),
            ("%-06d", "5", "5     "),
            ("% d", "5", " 5"),
            ("%#o", "8", "0o10"),
            ("%#X", "255", "0XFF"),
            ("%05f", "inf", "00inf"),
            ("%-8.2e", "-1234.5", "-1.23e+03"),
            ("%#.0f", "1.0", "1."),
            ("%g", "1e-5", "1e-05"),
            ("%#g", "1.0", "1.00000"),
            ("%010.3f", "-3.14159", "-00003.142"),
            ("%+G", "NaN", "+NAN"),
            ("%.0e", "12345.0", "1e+04"),
            ("%x", "-255", "-ff"),
            ("%#x", "-255", "-0xff"),
            ("%5.1s", "abc", "    a"),
            ("%i", "7", "7"),
            ("%u", "-7", "-7"),
            ("%F", "1.5", "1.500000"),
            ("%08.3e", "-inf", "-0000inf"),
            ("%.3f", "0.0005", "0.001"),
            ("% .3d", "-1", "-001"),
            ("%#.3o", "8", "0o010"),
            ("%ld", "12", "12"),
        ];
        for (f, v, want) in cases {
            assert_eq!(fmt_one(f, v), *want, "{f} % {v}");
        }
    }

    #[test]
    fn parse_table() {
        let d = parse_percent_spec("x%(a(b))-*.*fy", 1).unwrap();
        assert_eq!(d.key.as_deref(), Some("a(b)"));
        assert!(d.width_star && d.precision_star && d.spec.left);
        assert_eq!(
            (d.spec.conv, d.conv_index("x%(a(b))-*.*fy"), d.end),
            ('f', 12, 13)
        );
        let err = |f: &str| parse_percent_spec(f, 0).unwrap_err().msg;
        assert_eq!(err("%"), "incomplete format");
        assert_eq!(err("%(a"), "incomplete format key");
        assert_eq!(err("%(a)"), "incomplete format");
        assert_eq!(err("%5"), "incomplete format");
        assert_eq!(err("%123456789012345678901d"), "width too big");
        assert_eq!(err("%.123456789012345678901d"), "precision too big");
        let d = parse_percent_spec("abc %y", 4).unwrap();
        assert_eq!(
            check_conversion(&d, "abc %y").unwrap_err().msg,
            "unsupported format character 'y' (0x79) at index 5"
        );
        let d = parse_percent_spec("é%é", 2).unwrap();
        assert_eq!(
            check_conversion(&d, "é%é").unwrap_err().msg,
            "unsupported format character '?' (0xe9) at index 2"
        );
        let d = parse_percent_spec("%(é)5d", 0).unwrap();
        assert_eq!(d.key.as_deref(), Some("é"));
        assert_eq!((d.spec.width, d.end), (Some(5), 7));
        for (f, v, want) in [
            ("%x", "-255", "-ff"),
            ("%#.4X", "255", "0X00FF"),
            ("%-5d", "-3", "-3   "),
        ] {
            let d = parse_percent_spec(f, 0).unwrap();
            let mut out = String::from(">");
            push_percent_i64(&mut out, v.parse().unwrap(), &d.spec);
            assert_eq!(out, format!(">{want}"), "{f} % {v}");
        }
        assert_eq!(parse_percent_spec("%%", 0).unwrap().spec.conv, '%');
    }
}
