//! The escape codecs: `escape_encode/decode` (bytes literals),
//! `unicode_escape`, `raw_unicode_escape` and UTF-7 (CPython 3.11:
//! Objects/bytesobject.c, Objects/unicodeobject.c).
//!
//! Invariant: decoders report malformed escapes through the error handler
//! with CPython's positions and reasons; non-final decoding stops before an
//! escape that more input could complete.

use adder_text::surrogate;
use adder_vm::{PyResult, Vm};

use super::errors::DecodeCtx;

fn hex_val(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// `escape_decode`: Python bytes-literal escapes.
pub fn escape_decode(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= data.len() {
            return Err(vm.value_error("Trailing \\ in string"));
        }
        let e = data[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let first = i - 1;
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 {
                    let seq = String::from_utf8_lossy(&data[first..i]).into_owned();
                    deprecated(vm, &format!("invalid octal escape sequence '\\{seq}'"))?;
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let h = data.get(i).and_then(|&b| hex_val(b));
                let l = data.get(i + 1).and_then(|&b| hex_val(b));
                if let (Some(h), Some(l)) = (h, l) {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                } else {
                    match errors {
                        "strict" => {
                            return Err(
                                vm.value_error(format!("invalid \\x escape at position {}", i - 2))
                            )
                        }
                        "replace" => out.push(b'?'),
                        "ignore" => {}
                        _ => {
                            return Err(vm.value_error(format!(
                                "decoding error; unknown error handling code: {errors}"
                            )))
                        }
                    }
                    // Skip the hex digits that were there.
                    if h.is_some() {
                        i += 1;
                    }
                }
            }
            other => {
                deprecated(
                    vm,
                    &format!("invalid escape sequence '\\{}'", other as char),
                )?;
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// A DeprecationWarning for an invalid escape (attributed to the caller).
fn deprecated(vm: &mut Vm, msg: &str) -> PyResult<()> {
    let cat = vm.t.deprecation_warning.clone();
    crate::state::warn(vm, &cat, msg, 1)
}

/// `escape_encode`: bytes as they appear inside a bytes literal.
pub fn escape_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            32..=126 => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    out
}

/// `unicode_escape_encode`.
pub fn unicode_escape_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = surrogate::to_code_point(c);
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(n as u8),
            _ if n < 0x100 => out.extend_from_slice(format!("\\x{n:02x}").as_bytes()),
            _ if n < 0x10000 => out.extend_from_slice(format!("\\u{n:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{n:08x}").as_bytes()),
        }
    }
    out
}

/// `raw_unicode_escape_encode`.
pub fn raw_unicode_escape_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = surrogate::to_code_point(c);
        if n < 0x100 {
            out.push(n as u8);
        } else if n < 0x10000 {
            out.extend_from_slice(format!("\\u{n:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{n:08x}").as_bytes());
        }
    }
    out
}

/// Looks a character name up through `unicodedata`.
fn char_by_name(vm: &mut Vm, name: &str) -> PyResult<Option<char>> {
    let Ok(ud) = adder_vm::native::import(vm, "unicodedata") else {
        return Err(vm.not_implemented_error(
            "\\N{...} escapes need the unicodedata module, which is not available",
        ));
    };
    let n = vm.new_str(name);
    match vm.call_method(&ud, "lookup", vec![n]) {
        Ok(v) => Ok(crate::args::str_of(&v).and_then(|s| s.chars().next())),
        Err(e) if vm.exc_matches(&e, &vm.t.key_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `unicode_escape_decode` (`raw` = `raw_unicode_escape_decode`).
pub fn unicode_escape_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    final_: bool,
    raw: bool,
) -> PyResult<(String, usize)> {
    let name = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let mut ctx = DecodeCtx::new(name, errors, data);
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            // Only \u and \U after an odd number of backslashes are escapes.
            let e = data.get(i + 1).copied();
            match e {
                Some(b'u') | Some(b'U') => {}
                Some(b'\\') => {
                    out.push_str("\\\\");
                    i += 2;
                    continue;
                }
                None if !final_ => return Ok((out, start)),
                _ => {
                    out.push('\\');
                    i += 1;
                    continue;
                }
            }
        }
        i += 1;
        if i >= data.len() {
            if !final_ {
                return Ok((out, start));
            }
            i = ctx.error(vm, start, data.len(), "\\ at end of string", &mut out)?;
            continue;
        }
        let e = data[i];
        i += 1;
        let digits = match e {
            b'\n' if !raw => continue,
            b'\\' if !raw => {
                out.push('\\');
                continue;
            }
            b'\'' if !raw => {
                out.push('\'');
                continue;
            }
            b'"' if !raw => {
                out.push('"');
                continue;
            }
            b'b' if !raw => {
                out.push('\u{8}');
                continue;
            }
            b'f' if !raw => {
                out.push('\u{c}');
                continue;
            }
            b't' if !raw => {
                out.push('\t');
                continue;
            }
            b'n' if !raw => {
                out.push('\n');
                continue;
            }
            b'r' if !raw => {
                out.push('\r');
                continue;
            }
            b'v' if !raw => {
                out.push('\u{b}');
                continue;
            }
            b'a' if !raw => {
                out.push('\u{7}');
                continue;
            }
            b'0'..=b'7' if !raw => {
                let first = i - 1;
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 {
                    let seq = String::from_utf8_lossy(&data[first..i]).into_owned();
                    deprecated(vm, &format!("invalid octal escape sequence '\\{seq}'"))?;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                continue;
            }
            b'x' if !raw => 2,
            b'u' => 4,
            b'U' => 8,
            b'N' if !raw => {
                // \N{NAME}
                let rest = &data[i..];
                if rest.first() == Some(&b'{') {
                    if let Some(close) = rest.iter().position(|&b| b == b'}') {
                        if close > 1 {
                            let nm = String::from_utf8_lossy(&rest[1..close]).into_owned();
                            if let Some(ch) = char_by_name(vm, &nm)? {
                                out.push(ch);
                                i += close + 1;
                                continue;
                            }
                            let end = i + close + 1;
                            i = ctx.error(
                                vm,
                                start,
                                end,
                                "unknown Unicode character name",
                                &mut out,
                            )?;
                            continue;
                        }
                    } else if !final_ {
                        return Ok((out, start));
                    }
                } else if rest.is_empty() && !final_ {
                    return Ok((out, start));
                }
                let end = data
                    .len()
                    .min(i + rest.iter().position(|&b| b == b'}').map_or(0, |p| p + 1));
                let end = end.max(i);
                i = ctx.error(vm, start, end, "malformed \\N character escape", &mut out)?;
                continue;
            }
            other => {
                deprecated(
                    vm,
                    &format!("invalid escape sequence '\\{}'", other as char),
                )?;
                out.push('\\');
                out.push(other as char);
                continue;
            }
        };
        let mut v: u32 = 0;
        let mut k = 0;
        while k < digits {
            match data.get(i + k).and_then(|&b| hex_val(b)) {
                Some(d) => v = v * 16 + d,
                None => break,
            }
            k += 1;
        }
        if k < digits {
            if i + k >= data.len() && !final_ {
                return Ok((out, start));
            }
            let reason = match digits {
                2 => "truncated \\xXX escape",
                4 => "truncated \\uXXXX escape",
                _ => "truncated \\UXXXXXXXX escape",
            };
            i = ctx.error(vm, start, i + k, reason, &mut out)?;
            continue;
        }
        i += digits;
        match surrogate::to_internal(v) {
            Some(ch) => out.push(ch),
            None => {
                let reason = if raw {
                    "\\Uxxxxxxxx out of range"
                } else {
                    "illegal Unicode character"
                };
                i = ctx.error(vm, start, i, reason, &mut out)?;
            }
        }
    }
    Ok((out, data.len()))
}

// ----- UTF-7 (RFC 2152) ---------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_val(b: u8) -> Option<u32> {
    B64.iter().position(|&x| x == b).map(|p| p as u32)
}

/// Characters UTF-7 may write directly (CPython's "direct" set plus the
/// optional characters, except those it always encodes).
fn utf7_direct(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '0'..='9' | '\'' | '(' | ')' | ',' | '-' | '.' | '/' | ':' | '?' | ' ' | '\t' | '\r' | '\n' | '!' | '"' | '#' | '$' | '%' | '&' | '*' | ';' | '<' | '=' | '>' | '@' | '[' | ']' | '^' | '_' | '`' | '{' | '|' | '}')
}

pub fn utf7_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut in_b64 = false;
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let chars: Vec<char> = s.chars().collect();
    for (idx, &c) in chars.iter().enumerate() {
        if in_b64 {
            if utf7_direct(c) && c != '+' {
                if nbits > 0 {
                    out.push(B64[((bits << (6 - nbits)) & 0x3f) as usize]);
                }
                bits = 0;
                nbits = 0;
                in_b64 = false;
                if b64_val(c as u8).is_some() || c == '-' {
                    out.push(b'-');
                }
                out.push(c as u8);
                continue;
            }
        } else if c == '+' {
            out.extend_from_slice(b"+-");
            continue;
        } else if utf7_direct(c) {
            out.push(c as u8);
            continue;
        } else {
            out.push(b'+');
            in_b64 = true;
        }
        let mut buf = [0u16; 2];
        // A lone surrogate is written as the UTF-16 unit it is.
        let units: &[u16] = if surrogate::is_surrogate_char(c) {
            buf[0] = surrogate::to_code_point(c) as u16;
            &buf[..1]
        } else {
            c.encode_utf16(&mut buf)
        };
        for u in units {
            bits = (bits << 16) | *u as u32;
            nbits += 16;
            while nbits >= 6 {
                nbits -= 6;
                out.push(B64[((bits >> nbits) & 0x3f) as usize]);
            }
            bits &= (1 << nbits) - 1;
        }
        let _ = idx;
    }
    if in_b64 {
        if nbits > 0 {
            out.push(B64[((bits << (6 - nbits)) & 0x3f) as usize]);
        }
        out.push(b'-');
    }
    out
}

/// UTF-7 decoding (CPython 3.11: `PyUnicode_DecodeUTF7Stateful`): lone
/// surrogates inside a shift sequence are kept, a high surrogate pending
/// when the sequence ends is kept if a direct character ends it; errors
/// are reported as codec `utf7` from the `+` that opened the sequence.
pub fn utf7_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    final_: bool,
) -> PyResult<(String, usize)> {
    fn push_cp(out: &mut String, cp: u32) {
        out.push(surrogate::to_internal(cp).unwrap_or('\u{fffd}'));
    }
    let direct = |b: u8| b <= 127 && b != b'+';
    let mut ctx = DecodeCtx::new("utf7", errors, data);
    let mut out = String::new();
    let mut in_shift = false;
    let mut bits: u32 = 0;
    let mut nbits = 0u32;
    let mut high: u32 = 0;
    let mut shift_out_start = 0usize;
    let mut start = 0usize;
    let mut i = 0;
    while i < data.len() {
        let ch = data[i];
        let reason;
        if in_shift {
            if let Some(v) = b64_val(ch) {
                bits = (bits << 6) | v;
                nbits += 6;
                i += 1;
                if nbits >= 16 {
                    let u = (bits >> (nbits - 16)) & 0xffff;
                    nbits -= 16;
                    bits &= (1 << nbits) - 1;
                    if high != 0 {
                        if (0xdc00..0xe000).contains(&u) {
                            push_cp(&mut out, 0x10000 + ((high - 0xd800) << 10) + (u - 0xdc00));
                            high = 0;
                            continue;
                        }
                        push_cp(&mut out, high);
                        high = 0;
                    }
                    if (0xd800..0xdc00).contains(&u) {
                        high = u;
                    } else {
                        push_cp(&mut out, u);
                    }
                }
                continue;
            }
            // Leaving the base-64 section.
            in_shift = false;
            if nbits >= 6 {
                i += 1;
                reason = "partial character in shift sequence";
            } else if nbits > 0 && bits != 0 {
                i += 1;
                reason = "non-zero padding bits in shift sequence";
            } else {
                if high != 0 && direct(ch) {
                    push_cp(&mut out, high);
                }
                high = 0;
                if ch == b'-' {
                    i += 1;
                }
                continue;
            }
        } else if ch == b'+' {
            start = i;
            i += 1;
            match data.get(i) {
                Some(b'-') => {
                    i += 1;
                    out.push('+');
                    continue;
                }
                Some(&n) if b64_val(n).is_none() => {
                    i += 1;
                    reason = "ill-formed sequence";
                }
                _ => {
                    in_shift = true;
                    high = 0;
                    shift_out_start = out.len();
                    nbits = 0;
                    bits = 0;
                    continue;
                }
            }
        } else if direct(ch) {
            i += 1;
            out.push(ch as char);
            continue;
        } else {
            start = i;
            i += 1;
            reason = "unexpected special character";
        }
        i = ctx.error(vm, start, i, reason, &mut out)?;
    }
    if in_shift && final_ {
        if high != 0 || nbits >= 6 || (nbits > 0 && bits != 0) {
            ctx.error(
                vm,
                start,
                data.len(),
                "unterminated shift sequence",
                &mut out,
            )?;
        }
        return Ok((out, data.len()));
    }
    if in_shift {
        // The open shift sequence is decoded again with the next input.
        out.truncate(shift_out_start);
        return Ok((out, start));
    }
    Ok((out, data.len()))
}
