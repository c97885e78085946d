//! Character predicates and case mappings exactly as CPython 3.11's `_sre`
//! defines them, in three families: ASCII (`SRE_IS_*`, `sre_lower_ascii`),
//! locale (`SRE_LOC_*`, the C library's `isalnum`/`tolower`/`toupper` in a
//! UTF-8 locale, which only know ASCII) and Unicode (`SRE_UNI_*`: Python's
//! `str.isdecimal`/`isspace`/`isalnum` and the simple case mappings).
//!
//! Invariant: every function is total over `u32` (code points, bytes, or
//! any value a pattern code holds) and answers from Unicode 14.0 data — the
//! generated `case_tables` and `adder_text::chars` — never from Rust's own
//! (newer) Unicode tables.

use crate::case_tables;
use crate::constants::*;

#[inline]
fn is_ascii_alnum(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphanumeric()
}

/// `SRE_IS_DIGIT`.
#[inline]
pub fn is_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

/// `SRE_IS_SPACE`: `\t \n \v \f \r` and space.
#[inline]
pub fn is_space(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0D | 0x20)
}

/// `SRE_IS_LINEBREAK`.
#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

/// `SRE_IS_WORD`: ASCII letters, digits and `_`.
#[inline]
pub fn is_word(ch: u32) -> bool {
    is_ascii_alnum(ch) || ch == b'_' as u32
}

/// `sre_lower_ascii`.
#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

/// `sre_upper_ascii` (used for the locale family).
#[inline]
fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// `SRE_LOC_IS_WORD` in a UTF-8 locale.
#[inline]
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

/// `sre_lower_locale` in a UTF-8 locale.
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// `sre_upper_locale` in a UTF-8 locale.
#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

/// `char_loc_ignore`: `ch` equals `pattern` up to locale case.
#[inline]
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

fn as_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

/// `SRE_UNI_IS_DIGIT` (`Py_UNICODE_ISDECIMAL`).
pub fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    as_char(ch).is_some_and(adder_text::chars::is_decimal)
}

/// `SRE_UNI_IS_SPACE` (`Py_UNICODE_ISSPACE`).
pub fn is_uni_space(ch: u32) -> bool {
    as_char(ch).is_some_and(adder_text::chars::is_space)
}

/// `SRE_UNI_IS_LINEBREAK` (`Py_UNICODE_ISLINEBREAK`).
pub fn is_uni_linebreak(ch: u32) -> bool {
    matches!(
        ch,
        0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029
    )
}

/// `SRE_UNI_IS_WORD`: `Py_UNICODE_ISALNUM` or `_`.
pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    as_char(ch).is_some_and(adder_text::chars::is_alnum)
}

fn lookup(table: &[(u32, u32)], ch: u32) -> u32 {
    match table.binary_search_by_key(&ch, |&(k, _)| k) {
        Ok(i) => table[i].1,
        Err(_) => ch,
    }
}

/// `sre_lower_unicode` (`_PyUnicode_ToLowercase`, the simple mapping).
#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        lower_ascii(ch)
    } else {
        lookup(case_tables::LOWER, ch)
    }
}

/// `sre_upper_unicode` (`_PyUnicode_ToUppercase`).
#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        upper_ascii(ch)
    } else {
        lookup(case_tables::UPPER, ch)
    }
}

/// `_sre.ascii_iscased`.
pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

/// `_sre.unicode_iscased`.
pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

/// `sre_category`: whether `ch` is in category `cat` (false for unknown codes).
pub fn category(cat: u32, ch: u32) -> bool {
    match cat {
        CATEGORY_DIGIT => is_digit(ch),
        CATEGORY_NOT_DIGIT => !is_digit(ch),
        CATEGORY_SPACE => is_space(ch),
        CATEGORY_NOT_SPACE => !is_space(ch),
        CATEGORY_WORD => is_word(ch),
        CATEGORY_NOT_WORD => !is_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_loc_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(ch),
        CATEGORY_UNI_DIGIT => is_uni_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !is_uni_digit(ch),
        CATEGORY_UNI_SPACE => is_uni_space(ch),
        CATEGORY_UNI_NOT_SPACE => !is_uni_space(ch),
        CATEGORY_UNI_WORD => is_uni_word(ch),
        CATEGORY_UNI_NOT_WORD => !is_uni_word(ch),
        CATEGORY_UNI_LINEBREAK => is_uni_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_mappings() {
        assert_eq!(lower_unicode('A' as u32), 'a' as u32);
        assert_eq!(lower_unicode(0x130), 'i' as u32);
        assert_eq!(upper_unicode(0xDF), 'S' as u32);
        assert_eq!(upper_unicode(0x1F80), 0x1F08);
        assert!(unicode_iscased(0xDF));
        assert!(!unicode_iscased('1' as u32));
        assert!(!ascii_iscased(0xE9));
        for w in case_tables::LOWER.windows(2) {
            assert!(w[0].0 < w[1].0);
        }
        for w in case_tables::UPPER.windows(2) {
            assert!(w[0].0 < w[1].0);
        }
    }

    #[test]
    fn categories() {
        assert!(is_uni_digit(0x663)); // ARABIC-INDIC DIGIT THREE
        assert!(!is_digit(0x663));
        assert!(!is_uni_word(0x93E)); // DEVANAGARI VOWEL SIGN AA (Mc)
        assert!(is_uni_word(0xE9));
        assert!(!is_word(0xE9));
        assert!(is_uni_space(0x1C) && !is_space(0x1C));
        assert!(is_uni_linebreak(0x2028) && !is_linebreak(0x2028));
    }
}
