//! Lone surrogates in Adder's UTF-8 `str` (see docs/DECISIONS.md).
//!
//! A Python `str` may hold lone surrogate code points (U+D800..U+DFFF),
//! which a Rust `str` cannot. Adder stores each surrogate S as the
//! private-use character `0x10F800 + (S - 0xD800)` — the last 2048 code
//! points of plane 16. Invariant: this module is the only place that knows
//! the mapping; every operation that exposes code point *values* (`ord`,
//! `chr`, `repr`, codecs, `%c`, `str.translate`, regular expressions, ...)
//! goes through [`to_code_point`] / [`to_internal`], and everything that
//! only moves characters around needs nothing, because the mapping is a
//! bijection on characters. The price: genuine U+10F800..U+10FFFF characters
//! read back as surrogates.

use std::borrow::Cow;

/// First and last surrogate code points.
pub const SURROGATE_FIRST: u32 = 0xD800;
pub const SURROGATE_LAST: u32 = 0xDFFF;
/// The character that stands for U+D800; U+DFFF maps to U+10FFFF.
pub const INTERNAL_FIRST: u32 = 0x10F800;

/// The `char` that represents code point `cp` inside a `str` (surrogates
/// map to plane 16); `None` above U+10FFFF.
#[inline]
pub fn to_internal(cp: u32) -> Option<char> {
    if (SURROGATE_FIRST..=SURROGATE_LAST).contains(&cp) {
        char::from_u32(INTERNAL_FIRST + (cp - SURROGATE_FIRST))
    } else {
        char::from_u32(cp)
    }
}

/// The Python code point of a `str` character.
#[inline]
pub fn to_code_point(c: char) -> u32 {
    let n = c as u32;
    if n >= INTERNAL_FIRST {
        SURROGATE_FIRST + (n - INTERNAL_FIRST)
    } else {
        n
    }
}

/// Whether a `str` character is a lone surrogate.
#[inline]
pub fn is_surrogate_char(c: char) -> bool {
    c as u32 >= INTERNAL_FIRST
}

/// Whether a code point is a surrogate (U+D800..U+DFFF).
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (SURROGATE_FIRST..=SURROGATE_LAST).contains(&cp)
}

/// Whether `s` holds any lone surrogate. The UTF-8 of U+10F800..U+10FFFF
/// is `F4 8F [A0-BF] xx`, so this is a byte scan.
pub fn has_surrogates(s: &str) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(p) = b[from..].iter().position(|&x| x == 0xF4) {
        let i = from + p;
        if b.get(i + 1) == Some(&0x8F) && b.get(i + 2).is_some_and(|&x| x >= 0xA0) {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Length of the UTF-8 sequence at `data[i..]` (`i < data.len()`), or the
/// length of the invalid prefix there and CPython's reason for it.
pub fn utf8_sequence(data: &[u8], i: usize) -> Result<usize, (usize, &'static str)> {
    let b0 = data[i];
    let need = match b0 {
        0x00..=0x7f => return Ok(1),
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Err((1, "invalid start byte")),
    };
    for k in 1..need {
        let Some(&b) = data.get(i + k) else {
            return Err((data.len() - i, "unexpected end of data"));
        };
        let ok = match (k, b0) {
            (1, 0xe0) => (0xa0..=0xbf).contains(&b),
            (1, 0xed) => (0x80..=0x9f).contains(&b),
            (1, 0xf0) => (0x90..=0xbf).contains(&b),
            (1, 0xf4) => (0x80..=0x8f).contains(&b),
            _ => (0x80..=0xbf).contains(&b),
        };
        if !ok {
            return Err((k, "invalid continuation byte"));
        }
    }
    Ok(need)
}

/// The surrogate a 3-byte `ED A0..BF 80..BF` sequence at `data[i..]`
/// encodes (what `surrogatepass` accepts when decoding UTF-8).
pub fn utf8_surrogate_at(data: &[u8], i: usize) -> Option<u32> {
    let s = data.get(i..i + 3)?;
    if s[0] & 0xf0 != 0xe0 || s[1] & 0xc0 != 0x80 || s[2] & 0xc0 != 0x80 {
        return None;
    }
    let cp = ((s[0] as u32 & 0x0f) << 12) | ((s[1] as u32 & 0x3f) << 6) | (s[2] as u32 & 0x3f);
    is_surrogate(cp).then_some(cp)
}

/// The 3-byte UTF-8 form of a surrogate code point (`surrogatepass`).
pub fn utf8_surrogate_bytes(cp: u32) -> [u8; 3] {
    [
        0xe0 | (cp >> 12) as u8,
        0x80 | ((cp >> 6) & 0x3f) as u8,
        0x80 | (cp & 0x3f) as u8,
    ]
}

/// UTF-8 with `surrogatepass`: surrogates as their 3-byte forms (what
/// CPython's `marshal` and `pickle` write). Borrows when there is none.
pub fn encode_utf8_surrogatepass(s: &str) -> Cow<'_, [u8]> {
    if !has_surrogates(s) {
        return Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if is_surrogate_char(c) {
            out.extend_from_slice(&utf8_surrogate_bytes(to_code_point(c)));
        } else {
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    Cow::Owned(out)
}

/// Decodes UTF-8 accepting encoded surrogates (`surrogatepass`); `None`
/// when `b` is otherwise invalid.
pub fn decode_utf8_surrogatepass(b: &[u8]) -> Option<String> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match utf8_sequence(b, i) {
            Ok(n) => {
                out.push_str(std::str::from_utf8(&b[i..i + n]).ok()?);
                i += n;
            }
            Err(_) => {
                let cp = utf8_surrogate_at(b, i)?;
                out.push(to_internal(cp)?);
                i += 3;
            }
        }
    }
    Some(out)
}

/// Decodes UTF-8 with `surrogateescape` (PEP 383): every byte of an
/// invalid sequence becomes U+DC80..U+DCFF. This is `os.fsdecode`.
pub fn decode_utf8_surrogateescape(b: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(b.len() + 8);
    let mut i = 0;
    while i < b.len() {
        match utf8_sequence(b, i) {
            Ok(n) => {
                out.push_str(std::str::from_utf8(&b[i..i + n]).unwrap_or("\u{fffd}"));
                i += n;
            }
            Err((n, _)) => {
                for &x in &b[i..i + n] {
                    out.push(to_internal(0xdc00 + x as u32).unwrap_or('\u{fffd}'));
                }
                i += n;
            }
        }
    }
    Cow::Owned(out)
}

/// Encodes to UTF-8 with `surrogateescape` (`os.fsencode`): U+DC80..U+DCFF
/// become the bytes 0x80..0xFF. On any other surrogate, `Err((start, end))`
/// in characters: the range CPython's `UnicodeEncodeError` reports (from
/// the first surrogate it cannot escape to the end of that run of
/// surrogates).
pub fn encode_utf8_surrogateescape(s: &str) -> Result<Cow<'_, [u8]>, (usize, usize)> {
    if !has_surrogates(s) {
        return Ok(Cow::Borrowed(s.as_bytes()));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_surrogate_char(c) {
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && is_surrogate_char(chars[end]) {
            end += 1;
        }
        for (k, &c) in chars.iter().enumerate().take(end).skip(i) {
            let cp = to_code_point(c);
            if !(0xdc80..=0xdcff).contains(&cp) {
                return Err((k, end));
            }
            out.push((cp - 0xdc00) as u8);
        }
        i = end;
    }
    Ok(Cow::Owned(out))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` (lower-case hex) for a code point.
pub fn backslash_escape(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_is_a_bijection_on_the_range() {
        assert_eq!(to_internal(0xd800), Some('\u{10f800}'));
        assert_eq!(to_internal(0xdfff), Some('\u{10ffff}'));
        assert_eq!(to_internal(0x41), Some('A'));
        assert_eq!(to_internal(0x110000), None);
        for cp in [0u32, 0xd7ff, 0xd800, 0xdc80, 0xdfff, 0xe000, 0x10f7ff] {
            assert_eq!(to_code_point(to_internal(cp).unwrap()), cp);
        }
        assert!(is_surrogate_char(to_internal(0xdc80).unwrap()));
        assert!(!is_surrogate_char('\u{10f7ff}'));
    }

    #[test]
    fn detects_surrogates() {
        assert!(!has_surrogates("abc\u{10f7ff}\u{e000}"));
        let s: String = ['a', to_internal(0xdc80).unwrap()].iter().collect();
        assert!(has_surrogates(&s));
    }

    #[test]
    fn surrogateescape_round_trip() {
        let b = b"a\xff\xe2\x82x\xed\xa0\x80";
        let s = decode_utf8_surrogateescape(b);
        let cps: Vec<u32> = s.chars().map(to_code_point).collect();
        assert_eq!(
            cps,
            vec![0x61, 0xdcff, 0xdce2, 0xdc82, 0x78, 0xdced, 0xdca0, 0xdc80]
        );
        assert_eq!(&*encode_utf8_surrogateescape(&s).unwrap(), &b[..]);
        let bad: String = [
            'a',
            to_internal(0xd800).unwrap(),
            to_internal(0xdc80).unwrap(),
        ]
        .iter()
        .collect();
        assert_eq!(encode_utf8_surrogateescape(&bad), Err((1, 3)));
    }

    #[test]
    fn surrogatepass_round_trip() {
        let s: String = ['a', to_internal(0xd800).unwrap(), 'é'].iter().collect();
        let b = encode_utf8_surrogatepass(&s);
        assert_eq!(&*b, b"a\xed\xa0\x80\xc3\xa9");
        assert_eq!(decode_utf8_surrogatepass(&b).as_deref(), Some(s.as_str()));
        assert_eq!(decode_utf8_surrogatepass(b"\xff"), None);
    }
}
