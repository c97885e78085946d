//! printf-style `%` formatting, one conversion at a time. Invariant: the
//! parser only recognises syntax (key, flags, `*`, numbers, conversion) and
//! never looks at arguments; the caller fetches `*` values and mapping keys
//! from Python objects, fills them into [`PercentSpec`], and then calls
//! [`check_conversion`] and a `percent_format_*` function, which reproduce
//! CPython 3.11's `PyUnicode_Format` output byte for byte.
// CPython 3.11: Objects/unicodeobject.c (unicode_format_arg_parse/format)

use num_bigint::BigInt;
use num_traits::Signed;

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
    /// Character index of the conversion character (for error messages).
    pub conv_index: usize,
    /// Byte offset just after the directive.
    pub end: usize,
}

fn parse_num(
    chars: &[(usize, char)],
    i: &mut usize,
    what: &str,
) -> Result<Option<usize>, TextError> {
    let start = *i;
    let mut acc: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|(_, c)| c.to_digit(10)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| TextError::value(format!("{} too big", what)))?;
        *i += 1;
    }
    Ok((*i > start).then_some(acc))
}

/// Parses the directive whose `%` is at byte offset `pos` of `fmt`.
pub fn parse_percent_spec(fmt: &str, pos: usize) -> Result<PercentDirective, TextError> {
    let incomplete = || TextError::value("incomplete format");
    let base_index = fmt[..pos].chars().count();
    let chars: Vec<(usize, char)> = fmt[pos..]
        .char_indices()
        .map(|(b, c)| (b + pos, c))
        .collect();
    let mut i = 1; // skip '%'
    let mut key = None;
    if chars.get(i).map(|c| c.1) == Some('(') {
        let mut depth = 1;
        let start = i + 1;
        i += 1;
        loop {
            match chars.get(i).map(|c| c.1) {
                None => return Err(TextError::value("incomplete format key")),
                Some('(') => depth += 1,
                Some(')') => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        key = Some(chars[start..i].iter().map(|c| c.1).collect());
        i += 1;
    }
    let mut spec = PercentSpec::default();
    while let Some(&(_, c)) = chars.get(i) {
        match c {
            '-' => spec.left = true,
            '+' => spec.plus = true,
            ' ' => spec.space = true,
            '#' => spec.alt = true,
            '0' => spec.zero = true,
            _ => break,
        }
        i += 1;
    }
    let mut width_star = false;
    if chars.get(i).map(|c| c.1) == Some('*') {
        width_star = true;
        i += 1;
    } else {
        spec.width = parse_num(&chars, &mut i, "width")?;
    }
    let mut precision_star = false;
    if chars.get(i).map(|c| c.1) == Some('.') {
        i += 1;
        if chars.get(i).map(|c| c.1) == Some('*') {
            precision_star = true;
            i += 1;
        } else {
            spec.precision = Some(parse_num(&chars, &mut i, "precision")?.unwrap_or(0));
        }
    }
    while matches!(chars.get(i).map(|c| c.1), Some('h' | 'l' | 'L')) {
        i += 1;
    }
    let &(b, conv) = chars.get(i).ok_or_else(incomplete)?;
    spec.conv = conv;
    Ok(PercentDirective {
        key,
        width_star,
        precision_star,
        spec,
        conv_index: base_index + i,
        end: b + conv.len_utf8(),
    })
}

/// The error for an unknown conversion character; call it after fetching
/// the argument, as CPython does.
pub fn check_conversion(conv: char, conv_index: usize) -> Result<(), TextError> {
    if "%sraducioxXeEfFgGi".contains(conv) {
        return Ok(());
    }
    let n = crate::surrogate::to_code_point(conv);
    let shown = if n > 32 && n < 128 { conv } else { '?' };
    Err(TextError::value(format!(
        "unsupported format character '{}' ({:#x}) at index {}",
        shown, n, conv_index
    )))
}

/// Pads a number made of `sign`, `prefix` and `body` to the spec's width.
fn pad_number(sign: &str, prefix: &str, body: &str, spec: &PercentSpec) -> String {
    let len = sign.len() + prefix.len() + body.chars().count();
    let width = spec.width.unwrap_or(0);
    let pad = width.saturating_sub(len);
    let mut out = String::with_capacity(len + pad);
    if spec.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if spec.zero {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    out
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

/// `%d %i %u %o %x %X` of an int (`%c` is the caller's: it needs the object).
pub fn percent_format_int(v: &BigInt, spec: &PercentSpec) -> String {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = crate::spec::magnitude_digits(v, radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision {
        if digits.len() < p {
            digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
        }
    }
    let prefix = if spec.alt { prefix } else { "" };
    pad_number(sign_of(v.is_negative(), spec), prefix, &digits, spec)
}

/// `%e %E %f %F %g %G` of a float. Precision must be at most `i32::MAX`
/// (CPython's limit; check with [`check_precision`]).
pub fn percent_format_float(x: f64, spec: &PercentSpec) -> String {
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
    pad_number(sign_of(neg, spec), "", &body, spec)
}

/// `%s`/`%r`/`%a` padding and truncation of already-converted text.
pub fn percent_format_str(s: &str, spec: &PercentSpec) -> String {
    let body = match spec.precision {
        Some(p) => s.char_indices().nth(p).map_or(s, |(b, _)| &s[..b]),
        None => s,
    };
    let len = body.chars().count();
    let pad = spec.width.unwrap_or(0).saturating_sub(len);
    let fill = std::iter::repeat_n(' ', pad);
    if spec.left {
        body.chars().chain(fill).collect()
    } else {
        fill.chain(body.chars()).collect()
    }
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
        assert_eq!((d.spec.conv, d.conv_index, d.end), ('f', 12, 13));
        let err = |f: &str| parse_percent_spec(f, 0).unwrap_err().msg;
        assert_eq!(err("%"), "incomplete format");
        assert_eq!(err("%(a"), "incomplete format key");
        assert_eq!(err("%(a)"), "incomplete format");
        assert_eq!(err("%5"), "incomplete format");
        assert_eq!(err("%123456789012345678901d"), "width too big");
        assert_eq!(err("%.123456789012345678901d"), "precision too big");
        let d = parse_percent_spec("abc %y", 4).unwrap();
        assert_eq!(
            check_conversion(d.spec.conv, d.conv_index).unwrap_err().msg,
            "unsupported format character 'y' (0x79) at index 5"
        );
        assert_eq!(
            check_conversion('é', 1).unwrap_err().msg,
            "unsupported format character '?' (0xe9) at index 1"
        );
        assert_eq!(parse_percent_spec("%%", 0).unwrap().spec.conv, '%');
    }
}
