//! `repr()` and `ascii()` of `str` and `bytes`. Invariant: the quote is `"`
//! only when the text contains `'` and no `"`; everything else that Python
//! would escape is escaped with the shortest of `\xNN`, `\uNNNN`,
//! `\UNNNNNNNN` (lower-case hex), exactly as CPython 3.11 prints it.

use crate::chars::is_printable;
use crate::surrogate::{backslash_escape, to_code_point};

fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_escaped(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
            out.push_str(&format!("\\x{:02x}", c as u32));
        }
        c if c.is_ascii() => out.push(c),
        c if !ascii_only && is_printable(c) => out.push(c),
        c => out.push_str(&backslash_escape(to_code_point(c))),
    }
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_escaped(&mut out, c, quote, ascii_only);
    }
    out.push(quote);
    out
}

/// Python's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// Python's `ascii(str)`.
pub fn ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// Python's `repr(bytes)`: `b'...'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            x if x as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            x => out.push_str(&format!("\\x{:02x}", x)),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_table() {
        // Expected values from python3.11 repr()/ascii().
        let cases: &[(&str, &str, &str)] = &[
            ("abc", "'abc'", "'abc'"),
            ("it's", "\"it's\"", "\"it's\""),
            ("'\"", "'\\'\"'", "'\\'\"'"),
            (
                "a\\b\n\r\t\x00\x7f",
                "'a\\\\b\\n\\r\\t\\x00\\x7f'",
                "'a\\\\b\\n\\r\\t\\x00\\x7f'",
            ),
            ("é€😀", "'é€😀'", "'\\xe9\\u20ac\\U0001f600'"),
            (
                "\u{85}\u{a0}\u{2028}\u{e000}\u{10f7ff}",
                "'\\x85\\xa0\\u2028\\ue000\\U0010f7ff'",
                "'\\x85\\xa0\\u2028\\ue000\\U0010f7ff'",
            ),
            // Lone surrogates (stored in plane 16, see `surrogate`).
            (
                "\u{10f800}\u{10ffff}",
                "'\\ud800\\udfff'",
                "'\\ud800\\udfff'",
            ),
            ("\u{ad}\u{200b}", "'\\xad\\u200b'", "'\\xad\\u200b'"),
        ];
        for (s, r, a) in cases {
            assert_eq!(str_repr(s), *r);
            assert_eq!(ascii_repr(s), *a);
        }
        assert_eq!(bytes_repr(b"a'b\x00\xff\"\\"), "b'a\\'b\\x00\\xff\"\\\\'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b""), "b''");
    }
}
