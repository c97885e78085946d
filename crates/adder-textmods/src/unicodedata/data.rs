//! Reading the generated tables: per-code-point properties, numeric
//! values, decompositions, primary compositions, and the Unicode 3.2.0
//! differences (`ucd_3_2_0`).
//!
//! Invariant: every accessor accepts any `u32` (code points past U+10FFFF
//! read as unassigned) and indexes the tables only within bounds, so no
//! input can panic.

use super::tables as t;

/// Which database a query is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug, adder_object::Trace)]
pub enum Version {
    /// Unicode 14.0.0 (the module functions).
    Current,
    /// Unicode 3.2.0 (`ucd_3_2_0`).
    V320,
}

pub fn u16_at(b: &[u8], i: usize) -> usize {
    match b.get(2 * i..2 * i + 2) {
        Some(x) => u16::from_le_bytes([x[0], x[1]]) as usize,
        None => 0,
    }
}

pub fn u24_at(b: &[u8], i: usize) -> u32 {
    match b.get(3 * i..3 * i + 3) {
        Some(x) => u32::from_le_bytes([x[0], x[1], x[2], 0]),
        None => 0,
    }
}

pub fn u32_at(b: &[u8], i: usize) -> u32 {
    match b.get(4 * i..4 * i + 4) {
        Some(x) => u32::from_le_bytes([x[0], x[1], x[2], x[3]]),
        None => 0,
    }
}

/// Binary search of `cp` in a sorted blob of 3-byte code points.
fn search24(b: &[u8], cp: u32) -> Option<usize> {
    let (mut lo, mut hi) = (0, b.len() / 3);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let v = u24_at(b, mid);
        if v == cp {
            return Some(mid);
        }
        if v < cp {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    None
}

/// The property record (category, bidirectional, east_asian_width,
/// combining, mirrored) of `cp` in Unicode 14.0.0.
pub fn record(cp: u32) -> [u8; 5] {
    if cp >= 0x110000 {
        // Unassigned, like U+10FFFF.
        return record(0x10FFFF);
    }
    let shift = t::PROP_SHIFT;
    let hi = (cp >> shift) as usize;
    let block = if t::PROP_INDEX1_WIDE {
        u16_at(t::PROP_INDEX1, hi)
    } else {
        t::PROP_INDEX1.get(hi).copied().unwrap_or(0) as usize
    };
    let lo = (cp & ((1 << shift) - 1)) as usize;
    let r = t::PROP_INDEX2
        .get((block << shift) | lo)
        .copied()
        .unwrap_or(0) as usize;
    t::RECORDS.get(r).copied().unwrap_or_default()
}

/// The canonical combining class (the same in both versions).
pub fn combining(cp: u32) -> u8 {
    record(cp)[3]
}

/// Whether `cp` was unassigned in Unicode 3.2.0 (and is assigned now).
pub fn unassigned_32(cp: u32) -> bool {
    let r = &t::UNASSIGNED_32;
    let i = r.partition_point(|&(a, _)| a <= cp);
    i > 0 && cp <= r[i - 1].1
}

fn diff_32(table: &[(u32, u8)], cp: u32) -> Option<u8> {
    table
        .binary_search_by_key(&cp, |&(c, _)| c)
        .ok()
        .map(|i| table[i].1)
}

fn index_name(names: &'static [&'static str], i: u8) -> &'static str {
    names.get(i as usize).copied().unwrap_or("")
}

pub fn category(cp: u32, v: Version) -> &'static str {
    if v == Version::V320 {
        if unassigned_32(cp) {
            return "Cn";
        }
        if let Some(i) = diff_32(&t::CATEGORY_32, cp) {
            return index_name(&t::CATEGORIES, i);
        }
    }
    index_name(&t::CATEGORIES, record(cp)[0])
}

pub fn bidirectional(cp: u32, v: Version) -> &'static str {
    if v == Version::V320 {
        if unassigned_32(cp) {
            return "";
        }
        if let Some(i) = diff_32(&t::BIDIRECTIONAL_32, cp) {
            return index_name(&t::BIDIRECTIONALS, i);
        }
    }
    index_name(&t::BIDIRECTIONALS, record(cp)[1])
}

pub fn east_asian_width(cp: u32, v: Version) -> &'static str {
    if v == Version::V320 {
        if unassigned_32(cp) {
            return "F";
        }
        if let Some(i) = diff_32(&t::EAST_ASIAN_WIDTH_32, cp) {
            return index_name(&t::EAST_ASIAN_WIDTHS, i);
        }
    }
    index_name(&t::EAST_ASIAN_WIDTHS, record(cp)[2])
}

pub fn combining_v(cp: u32, v: Version) -> u8 {
    if v == Version::V320 && unassigned_32(cp) {
        return 0;
    }
    combining(cp)
}

pub fn mirrored(cp: u32, v: Version) -> u8 {
    if v == Version::V320 {
        if unassigned_32(cp) {
            return 0;
        }
        if let Some(m) = diff_32(&t::MIRRORED_32, cp) {
            return m;
        }
    }
    record(cp)[4]
}

fn numeric_row(cp: u32) -> Option<usize> {
    search24(t::NUM_CODES, cp)
}

pub fn decimal(cp: u32, v: Version) -> Option<u8> {
    if v == Version::V320 {
        if unassigned_32(cp) {
            return None;
        }
        if let Some(d) = diff_32(&t::DECIMAL_32, cp) {
            return (d != 255).then_some(d);
        }
    }
    let d = *t::NUM_DECIMAL.get(numeric_row(cp)?)?;
    (d != 255).then_some(d)
}

/// `digit` has no Unicode 3.2.0 variant in CPython.
pub fn digit(cp: u32) -> Option<u8> {
    let d = *t::NUM_DIGIT.get(numeric_row(cp)?)?;
    (d != 255).then_some(d)
}

pub fn numeric(cp: u32, v: Version) -> Option<f64> {
    if v == Version::V320 && unassigned_32(cp) {
        return None;
    }
    let i = *t::NUM_VALUE.get(numeric_row(cp)?)?;
    t::NUMERIC_VALUES.get(i as usize).copied()
}

/// The decomposition of `cp`: (prefix tag, e.g. `<compat>` or "" for a
/// canonical one; the code points). Hangul syllables have none here.
pub fn decomposition(cp: u32, v: Version) -> Option<(&'static str, Vec<u32>)> {
    if v == Version::V320 && unassigned_32(cp) {
        return None;
    }
    let i = search24(t::DECOMP_CODES, cp)?;
    let off = u16_at(t::DECOMP_OFFSETS, i);
    let prefix = *t::DECOMP_DATA.get(off)?;
    let count = *t::DECOMP_DATA.get(off + 1)? as usize;
    let body = t::DECOMP_DATA.get(off + 2..off + 2 + 3 * count)?;
    let cps = (0..count).map(|k| u24_at(body, k)).collect();
    Some((t::DECOMP_PREFIXES.get(prefix as usize).copied()?, cps))
}

/// The primary composite of `a` followed by `b`, if any.
pub fn compose(a: u32, b: u32) -> Option<u32> {
    let n = t::COMP_PAIRS.len() / 9;
    let key = |i: usize| {
        (
            u24_at(t::COMP_PAIRS, 3 * i),
            u24_at(t::COMP_PAIRS, 3 * i + 1),
        )
    };
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let k = key(mid);
        if k == (a, b) {
            return Some(u24_at(t::COMP_PAIRS, 3 * mid + 2));
        }
        if k < (a, b) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    None
}

/// Whether `cp` is the first code point of some primary composite.
pub fn is_comp_first(cp: u32) -> bool {
    let n = t::COMP_PAIRS.len() / 9;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if u24_at(t::COMP_PAIRS, 3 * mid) < cp {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo < n && u24_at(t::COMP_PAIRS, 3 * lo) == cp
}

/// The Unicode 3.2.0 normalization correction of `cp`, if any.
pub fn norm_32(cp: u32) -> Option<u32> {
    t::NORM_32
        .binary_search_by_key(&cp, |&(c, _)| c)
        .ok()
        .map(|i| t::NORM_32[i].1)
}
