//! Per-character Unicode predicates with Python's definitions (which differ
//! from Rust's `char` methods: e.g. `'\x1c'.isspace()` is true in Python).
//! Invariant: answers come from the generated [`crate::unicode_tables`]
//! (Unicode 14.0, CPython 3.11's version) or, for case properties, from
//! Rust's std (a newer Unicode version: characters assigned after 14.0 may
//! differ — recorded as a known approximation).

use crate::unicode_tables as t;

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn lookup_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// `str.isspace()` for one character.
pub fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A
            | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
    )
}

/// Whitespace as `int()`/`float()` strip it: ASCII whitespace (not
/// `\x1c`..`\x1f`) plus non-ASCII Unicode whitespace.
pub(crate) fn is_number_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
    } else {
        is_space(c)
    }
}

/// The decimal value of a character with `str.isdecimal()`.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let n = c as u32;
    let i = t::DECIMAL.partition_point(|&(_, hi)| hi < n);
    match t::DECIMAL.get(i) {
        Some(&(lo, hi)) if lo <= n && n <= hi => Some((n - lo) % 10),
        _ => None,
    }
}

pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || in_table(t::DIGIT, c)
}
pub fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || in_table(t::NUMERIC, c)
}
pub fn is_alpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && in_table(t::ALPHA, c))
}
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !in_table(t::NON_PRINTABLE, c)
}
pub fn is_titlecase(c: char) -> bool {
    in_table(t::TITLECASE, c)
}
pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}
/// Unicode `Cased`.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}
pub(crate) fn is_case_ignorable(c: char) -> bool {
    in_table(t::CASE_IGNORABLE, c)
}
pub fn is_xid_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && in_table(t::XID_START, c))
}
pub fn is_xid_continue(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && in_table(t::XID_CONTINUE, c))
}

/// Full title-case mapping of one character.
pub fn title_of(c: char, out: &mut String) {
    match lookup_map(t::TITLE_MAP, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_uppercase()),
    }
}

/// Full case-folding of one character.
pub fn casefold_of(c: char, out: &mut String) {
    match lookup_map(t::CASEFOLD_MAP, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_lowercase()),
    }
}
