//! The UTF codecs: UTF-8, UTF-16 and UTF-32 in both byte orders, with
//! BOM handling and incremental (non-final) decoding (CPython 3.11:
//! Objects/unicodeobject.c, Objects/stringlib/codecs.h).
//!
//! Invariant: a non-final decode stops before an incomplete sequence at the
//! end of the input and reports how many bytes it consumed, so feeding the
//! rest later yields exactly what one final decode of the whole input would.

use adder_text::surrogate;
use adder_vm::{PyResult, Vm};

use super::errors::{DecodeCtx, EncodeCtx, Replacement};

/// Decodes UTF-8; returns the text and the number of bytes consumed.
pub fn utf8_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    final_: bool,
) -> PyResult<(String, usize)> {
    let valid = match std::str::from_utf8(data) {
        Ok(s) => return Ok((s.to_string(), data.len())),
        Err(e) => e.valid_up_to(),
    };
    let mut out = String::with_capacity(data.len());
    out.push_str(std::str::from_utf8(&data[..valid]).unwrap_or_default());
    let mut ctx = DecodeCtx::new("utf-8", errors, data);
    let mut i = valid;
    while i < data.len() {
        match surrogate::utf8_sequence(data, i) {
            Ok(n) => {
                out.push_str(std::str::from_utf8(&data[i..i + n]).unwrap_or_default());
                i += n;
            }
            Err((_, "unexpected end of data")) if !final_ => return Ok((out, i)),
            // A trailing `ED A0..BF` may be the start of an encoded
            // surrogate that `surrogatepass` accepts (CPython does the same).
            Err(_)
                if !final_
                    && data.len() - i == 2
                    && data[i] == 0xed
                    && (0xa0..=0xbf).contains(&data[i + 1]) =>
            {
                return Ok((out, i))
            }
            Err((n, reason)) => {
                i = ctx.error(vm, i, i + n, reason, &mut out)?;
            }
        }
    }
    Ok((out, data.len()))
}

/// Whether `data` ends inside a UTF-8 sequence that more bytes could complete.
pub fn utf8_incomplete_tail(data: &[u8]) -> usize {
    let n = data.len();
    for back in 1..=3.min(n) {
        let i = n - back;
        let b = data[i];
        if b & 0xc0 != 0x80 {
            let need = match b {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return 0,
            };
            return if back < need
                && matches!(
                    surrogate::utf8_sequence(data, i),
                    Err((_, "unexpected end of data"))
                ) {
                back
            } else {
                0
            };
        }
    }
    0
}

/// Encodes UTF-8; lone surrogates go through the error handler.
pub fn utf8_encode(vm: &mut Vm, s: &str, errors: &str) -> PyResult<Vec<u8>> {
    if !surrogate::has_surrogates(s) {
        return Ok(s.as_bytes().to_vec());
    }
    utf_encode(vm, s, errors, Utf::Eight)
}

/// `os.fsencode` of a str: UTF-8 with `surrogateescape`.
pub fn fsencode(vm: &mut Vm, s: &str) -> PyResult<Vec<u8>> {
    utf8_encode(vm, s, "surrogateescape")
}

/// The UTF encoders' shared shape.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Utf {
    Eight,
    /// Byte order: -1 little, 1 big, 0 little with a BOM.
    Sixteen(i32),
    ThirtyTwo(i32),
}

impl Utf {
    fn name(self) -> &'static str {
        match self {
            Utf::Eight => "utf-8",
            Utf::Sixteen(-1) => "utf-16-le",
            Utf::Sixteen(1) => "utf-16-be",
            Utf::Sixteen(_) => "utf-16",
            Utf::ThirtyTwo(-1) => "utf-32-le",
            Utf::ThirtyTwo(1) => "utf-32-be",
            Utf::ThirtyTwo(_) => "utf-32",
        }
    }

    /// Bytes per code unit.
    fn unit(self) -> usize {
        match self {
            Utf::Eight => 1,
            Utf::Sixteen(_) => 2,
            Utf::ThirtyTwo(_) => 4,
        }
    }

    /// Appends one (non-surrogate) character.
    fn put(self, out: &mut Vec<u8>, c: char) {
        match self {
            Utf::Eight => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            Utf::Sixteen(order) => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.extend_from_slice(&if order == 1 {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    });
                }
            }
            Utf::ThirtyTwo(order) => {
                let u = c as u32;
                out.extend_from_slice(&if order == 1 {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
        }
    }
}

/// UTF-8/16/32 encoding of text holding lone surrogates (CPython 3.11:
/// Objects/stringlib/codecs.h, `_PyUnicode_EncodeUTF16/32`). UTF-8 hands
/// a whole run of surrogates to the error handler, UTF-16/32 one at a
/// time; a str replacement must be ASCII and a bytes one whole code units.
fn utf_encode(vm: &mut Vm, s: &str, errors: &str, kind: Utf) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let reason = "surrogates not allowed";
    let mut ctx = EncodeCtx::new(kind.name(), errors, &chars);
    ctx.escape_in_place = kind == Utf::Eight;
    let mut out = Vec::with_capacity(s.len() * kind.unit() + 4);
    match kind {
        Utf::Sixteen(0) => out.extend_from_slice(&[0xff, 0xfe]),
        Utf::ThirtyTwo(0) => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !surrogate::is_surrogate_char(c) {
            kind.put(&mut out, c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if kind == Utf::Eight {
            while end < chars.len() && surrogate::is_surrogate_char(chars[end]) {
                end += 1;
            }
        }
        let (rep, next) = ctx.error(vm, i, end, reason)?;
        // A bad replacement is reported at the original error (bpo-36819).
        let (bad_start, bad_end) = (i, end);
        match rep {
            Replacement::Bytes(b) => {
                if b.len() % kind.unit() != 0 {
                    return Err(ctx.raise(vm, bad_start, bad_end, reason));
                }
                out.extend_from_slice(&b);
            }
            Replacement::Text(t) => {
                if !t.is_ascii() {
                    return Err(ctx.raise(vm, bad_start, bad_end, reason));
                }
                t.chars().for_each(|ch| kind.put(&mut out, ch));
            }
        }
        i = next;
    }
    Ok(out)
}

fn order_name(bits: u32, big: bool) -> &'static str {
    match (bits, big) {
        (16, false) => "utf-16-le",
        (16, true) => "utf-16-be",
        (_, false) => "utf-32-le",
        (_, true) => "utf-32-be",
    }
}

/// Decodes UTF-16. `byteorder`: 0 = detect a BOM (updated to -1/1 when one
/// is found), -1 = little endian, 1 = big endian.
pub fn utf16_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    byteorder: &mut i32,
    final_: bool,
) -> PyResult<(String, usize)> {
    let mut i = 0;
    if *byteorder == 0 && data.len() >= 2 {
        if data[0] == 0xff && data[1] == 0xfe {
            i = 2;
            *byteorder = -1;
        } else if data[0] == 0xfe && data[1] == 0xff {
            i = 2;
            *byteorder = 1;
        }
    }
    let big = *byteorder == 1;
    let mut ctx = DecodeCtx::new(order_name(16, big), errors, data);
    let unit = |k: usize| -> u16 {
        if big {
            u16::from_be_bytes([data[k], data[k + 1]])
        } else {
            u16::from_le_bytes([data[k], data[k + 1]])
        }
    };
    let mut out = String::with_capacity(data.len() / 2);
    while i < data.len() {
        if i + 1 >= data.len() {
            if !final_ {
                return Ok((out, i));
            }
            i = ctx.error(vm, i, data.len(), "truncated data", &mut out)?;
            continue;
        }
        let u = unit(i);
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            i += 2;
            continue;
        }
        if u >= 0xdc00 {
            i = ctx.error(vm, i, i + 2, "illegal encoding", &mut out)?;
            continue;
        }
        if i + 3 >= data.len() {
            if !final_ {
                return Ok((out, i));
            }
            i = ctx.error(vm, i, data.len(), "unexpected end of data", &mut out)?;
            continue;
        }
        let u2 = unit(i + 2);
        if !(0xdc00..0xe000).contains(&u2) {
            i = ctx.error(vm, i, i + 2, "illegal UTF-16 surrogate", &mut out)?;
            continue;
        }
        let c = 0x10000 + (((u as u32) - 0xd800) << 10) + ((u2 as u32) - 0xdc00);
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        i += 4;
    }
    Ok((out, data.len()))
}

/// Decodes UTF-32 (same `byteorder` convention as UTF-16).
pub fn utf32_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    byteorder: &mut i32,
    final_: bool,
) -> PyResult<(String, usize)> {
    let mut i = 0;
    if *byteorder == 0 && data.len() >= 4 {
        if data[..4] == [0xff, 0xfe, 0, 0] {
            i = 4;
            *byteorder = -1;
        } else if data[..4] == [0, 0, 0xfe, 0xff] {
            i = 4;
            *byteorder = 1;
        }
    }
    let big = *byteorder == 1;
    let mut ctx = DecodeCtx::new(order_name(32, big), errors, data);
    let mut out = String::with_capacity(data.len() / 4);
    while i < data.len() {
        if i + 3 >= data.len() {
            if !final_ {
                return Ok((out, i));
            }
            i = ctx.error(vm, i, data.len(), "truncated data", &mut out)?;
            continue;
        }
        let w = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let c = if big {
            u32::from_be_bytes(w)
        } else {
            u32::from_le_bytes(w)
        };
        match char::from_u32(c) {
            Some(ch) => {
                out.push(ch);
                i += 4;
            }
            None => {
                let reason = if c >= 0x110000 {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                i = ctx.error(vm, i, i + 4, reason, &mut out)?;
            }
        }
    }
    Ok((out, data.len()))
}

/// Encodes UTF-16: `byteorder` 0 writes a BOM and little endian.
pub fn utf16_encode(vm: &mut Vm, s: &str, errors: &str, byteorder: i32) -> PyResult<Vec<u8>> {
    if surrogate::has_surrogates(s) {
        return utf_encode(vm, s, errors, Utf::Sixteen(byteorder.signum()));
    }
    Ok(utf16_encode_plain(s, byteorder))
}

/// UTF-16 of text without lone surrogates.
fn utf16_encode_plain(s: &str, byteorder: i32) -> Vec<u8> {
    let big = byteorder == 1;
    let mut out = Vec::with_capacity(s.len() * 2 + 2);
    if byteorder == 0 {
        out.extend_from_slice(&[0xff, 0xfe]);
    }
    let mut buf = [0u16; 2];
    for c in s.chars() {
        for u in c.encode_utf16(&mut buf) {
            out.extend_from_slice(&if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
    }
    out
}

/// Encodes UTF-32 (same `byteorder` convention as UTF-16).
pub fn utf32_encode(vm: &mut Vm, s: &str, errors: &str, byteorder: i32) -> PyResult<Vec<u8>> {
    if surrogate::has_surrogates(s) {
        return utf_encode(vm, s, errors, Utf::ThirtyTwo(byteorder.signum()));
    }
    Ok(utf32_encode_plain(s, byteorder))
}

/// UTF-32 of text without lone surrogates.
fn utf32_encode_plain(s: &str, byteorder: i32) -> Vec<u8> {
    let big = byteorder == 1;
    let mut out = Vec::with_capacity(s.len() * 4 + 4);
    if byteorder == 0 {
        out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
    }
    for c in s.chars() {
        let u = c as u32;
        out.extend_from_slice(&if big {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// Decodes bytes whose every value below `limit` is the same code point
/// (latin-1: 256, ascii: 128).
pub fn limited_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    limit: u32,
    name: &str,
) -> PyResult<String> {
    if limit == 256 {
        return Ok(data.iter().map(|&b| b as char).collect());
    }
    if data.is_ascii() {
        return Ok(String::from_utf8(data.to_vec()).unwrap_or_default());
    }
    let mut ctx = DecodeCtx::new(name, errors, data);
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if (b as u32) < limit {
            out.push(b as char);
            i += 1;
        } else {
            i = ctx.error(vm, i, i + 1, "ordinal not in range(128)", &mut out)?;
        }
    }
    Ok(out)
}

/// Encodes to latin-1 (`limit` 256) or ascii (128).
pub fn limited_encode(
    vm: &mut Vm,
    s: &str,
    errors: &str,
    limit: u32,
    name: &str,
) -> PyResult<Vec<u8>> {
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    if s.chars().all(|c| (c as u32) < limit) {
        return Ok(s.chars().map(|c| c as u32 as u8).collect());
    }
    let chars: Vec<char> = s.chars().collect();
    let reason = if limit == 128 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let mut ctx = EncodeCtx::new(name, errors, &chars);
    ctx.escape_in_place = true;
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        let (rep, next) = ctx.error(vm, i, end, reason)?;
        match rep {
            Replacement::Bytes(b) => out.extend_from_slice(&b),
            Replacement::Text(t) => {
                for (k, ch) in t.chars().enumerate() {
                    if (ch as u32) >= limit {
                        let _ = k;
                        return Err(ctx.raise(vm, i, end, reason));
                    }
                    out.push(ch as u32 as u8);
                }
            }
        }
        i = next;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incomplete_tails() {
        assert_eq!(utf8_incomplete_tail(b"abc"), 0);
        assert_eq!(utf8_incomplete_tail(b"a\xe2\x82"), 2);
        assert_eq!(utf8_incomplete_tail(b"a\xe2"), 1);
        assert_eq!(utf8_incomplete_tail(b"a\xe2\x82\xac"), 0);
        assert_eq!(utf8_incomplete_tail(b"a\xff"), 0);
        assert_eq!(utf8_incomplete_tail(b"\xf0\x9f\x98"), 3);
    }

    #[test]
    fn utf16_roundtrip_bytes() {
        assert_eq!(utf16_encode_plain("a", 0), vec![0xff, 0xfe, b'a', 0]);
        assert_eq!(
            utf16_encode_plain("\u{1f600}", 1),
            vec![0xd8, 0x3d, 0xde, 0x00]
        );
        assert_eq!(utf32_encode_plain("a", -1), vec![b'a', 0, 0, 0]);
    }
}
