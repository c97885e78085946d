//! Character names: `name(cp)` decodes the compressed name tables (or
//! computes Hangul syllable and `PREFIX-XXXX` names), and `lookup(name)`
//! finds a code point, alias or named sequence by name, with CPython
//! 3.11's rules (`_getcode` in Modules/unicodedata.c): ASCII letters
//! compare case-insensitively, except in Hangul syllable names and
//! `CJK UNIFIED IDEOGRAPH-XXXX` (computed, matched case-sensitively); Unicode 3.2.0 has no
//! aliases or named sequences and no names for characters it did not have.
//!
//! Invariant: `lookup(name(c)) == c` for every named `c`, and decoding
//! reads the tables only within bounds.

use std::cmp::Ordering;

use super::data::{u16_at, u32_at, unassigned_32, Version};
use super::tables as t;

const SBASE: u32 = 0xAC00;
const LCOUNT: u32 = 19;
const VCOUNT: u32 = 21;
const TCOUNT: u32 = 28;
const NCOUNT: u32 = VCOUNT * TCOUNT;
const SCOUNT: u32 = LCOUNT * NCOUNT;

/// The jamo short names: leading consonants, vowels, trailing consonants.
const JAMO_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// The longest name `lookup` accepts (CPython's `NAME_MAXLEN`).
pub const NAME_MAXLEN: usize = 256;

const CJK_PREFIX: &str = "CJK UNIFIED IDEOGRAPH";

/// Token `i` of the name lexicon, appended to `out`.
fn push_token(i: usize, out: &mut Vec<u8>) {
    let lex = t::NAME_LEXICON;
    let mut o = u32_at(t::NAME_LEX_OFFSETS, i / 16) as usize;
    for _ in 0..i % 16 {
        while lex.get(o).is_some_and(|&b| b < 0x80) {
            o += 1;
        }
        o += 1;
    }
    while let Some(&b) = lex.get(o) {
        out.push(b & 0x7F);
        if b >= 0x80 {
            break;
        }
        o += 1;
    }
}

/// The token indices of the name with ordinal `k`.
fn name_tokens(k: usize) -> Vec<usize> {
    let data = t::NAME_DATA;
    let mut o = u32_at(t::NAME_BLOCK_OFFSETS, k / t::NAME_BLOCK) as usize;
    let mut toks: Vec<usize> = Vec::new();
    for _ in 0..=k % t::NAME_BLOCK {
        let Some(&h) = data.get(o) else {
            return toks;
        };
        o += 1;
        toks.truncate((h >> 4) as usize);
        for _ in 0..(h & 15) {
            let b = data.get(o).copied().unwrap_or(0);
            if b < 192 {
                toks.push(b as usize);
                o += 1;
            } else {
                let lo = data.get(o + 1).copied().unwrap_or(0) as usize;
                toks.push(192 + ((((b - 0xC0) as usize) << 8) | lo));
                o += 2;
            }
        }
    }
    toks
}

/// The name with ordinal `k`, as bytes.
fn ordinal_name(k: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(40);
    for tok in name_tokens(k) {
        push_token(tok, &mut out);
    }
    out
}

/// The ordinal of the stored name of `cp`, if it has one.
fn ordinal_of(cp: u32) -> Option<usize> {
    let runs = t::NAME_RUNS.len() / 12;
    let start = |i: usize| u32_at(t::NAME_RUNS, 3 * i);
    let (mut lo, mut hi) = (0, runs);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if start(mid) <= cp {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == 0 {
        return None;
    }
    let i = lo - 1;
    let (s, len, first) = (
        start(i),
        u32_at(t::NAME_RUNS, 3 * i + 1),
        u32_at(t::NAME_RUNS, 3 * i + 2),
    );
    (cp < s + len).then(|| (first + (cp - s)) as usize)
}

/// The `PREFIX-XXXX` range holding `cp`: its prefix.
fn hex_prefix(cp: u32) -> Option<&'static str> {
    let r = &t::HEX_RANGES;
    let i = r.partition_point(|&(a, _, _)| a <= cp);
    if i == 0 {
        return None;
    }
    let (_, last, p) = r[i - 1];
    if cp > last {
        return None;
    }
    t::HEX_PREFIXES.get(p as usize).copied()
}

/// The name of `cp` (`unicodedata.name`), if it has one.
pub fn name(cp: u32, v: Version) -> Option<String> {
    if v == Version::V320 && unassigned_32(cp) {
        return None;
    }
    if (SBASE..SBASE + SCOUNT).contains(&cp) {
        let s = cp - SBASE;
        let (l, vv, tt) = (s / NCOUNT, (s % NCOUNT) / TCOUNT, s % TCOUNT);
        return Some(format!(
            "HANGUL SYLLABLE {}{}{}",
            JAMO_L[l as usize], JAMO_V[vv as usize], JAMO_T[tt as usize]
        ));
    }
    if let Some(p) = hex_prefix(cp) {
        return Some(format!("{p}-{cp:04X}"));
    }
    let k = ordinal_of(cp)?;
    String::from_utf8(ordinal_name(k)).ok()
}

/// What a name designates.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    Char(u32),
    Sequence(&'static [u32]),
}

/// The longest jamo of `table` that `s` starts with (CPython's
/// `find_syllable`: case-sensitive; the empty jamo matches when nothing
/// longer does). Returns (index, length).
fn find_syllable(s: &[u8], table: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, j) in table.iter().enumerate() {
        let len = j.len();
        if best.is_some_and(|(_, l)| len <= l) {
            continue;
        }
        if s.starts_with(j.as_bytes()) {
            best = Some((i, len));
        }
    }
    best
}

/// `4`-or-`5`-digit uppercase hex (CPython's parse of CJK unified names).
fn parse_upper_hex(s: &[u8]) -> Option<u32> {
    if s.len() != 4 && s.len() != 5 {
        return None;
    }
    let mut v = 0u32;
    for &c in s {
        v = v * 16
            + match c {
                b'0'..=b'9' => (c - b'0') as u32,
                b'A'..=b'F' => (c - b'A' + 10) as u32,
                _ => return None,
            };
    }
    Some(v)
}

/// The code point, alias or named sequence called `name` (the bytes
/// `lookup` received; `with_seq` allows named sequences).
pub fn lookup(name: &[u8], v: Version, with_seq: bool) -> Option<Found> {
    if name.starts_with(b"HANGUL SYLLABLE ") {
        let mut pos = &name[16..];
        let (l, n) = find_syllable(pos, &JAMO_L)?;
        pos = &pos[n..];
        let (vv, n) = find_syllable(pos, &JAMO_V)?;
        pos = &pos[n..];
        let (tt, n) = find_syllable(pos, &JAMO_T)?;
        pos = &pos[n..];
        if !pos.is_empty() {
            return None;
        }
        return Some(Found::Char(
            SBASE + (l as u32 * VCOUNT + vv as u32) * TCOUNT + tt as u32,
        ));
    }
    if name.starts_with(b"CJK UNIFIED IDEOGRAPH-") {
        let cp = parse_upper_hex(&name[22..])?;
        return (hex_prefix(cp) == Some(CJK_PREFIX)).then_some(Found::Char(cp));
    }
    let upper: Vec<u8> = name.iter().map(|b| b.to_ascii_uppercase()).collect();
    let assigned = |cp: u32| v == Version::Current || !unassigned_32(cp);
    if let Some(cp) = find_stored(&upper) {
        return assigned(cp).then_some(Found::Char(cp));
    }
    if let Some(dash) = upper.iter().rposition(|&b| b == b'-') {
        let (prefix, digits) = (&upper[..dash], &upper[dash + 1..]);
        if let Ok(p) = std::str::from_utf8(prefix) {
            if p != CJK_PREFIX && t::HEX_PREFIXES.contains(&p) {
                let cp = std::str::from_utf8(digits)
                    .ok()
                    .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_hexdigit()))
                    .and_then(|d| u32::from_str_radix(d, 16).ok());
                if let Some(cp) = cp {
                    if format!("{cp:04X}").as_bytes() == digits
                        && hex_prefix(cp) == Some(p)
                        && assigned(cp)
                    {
                        return Some(Found::Char(cp));
                    }
                }
            }
        }
    }
    if v == Version::V320 {
        return None;
    }
    let key = std::str::from_utf8(&upper).ok()?;
    if let Ok(i) = t::ALIASES.binary_search_by(|&(n, _)| n.cmp(key)) {
        return Some(Found::Char(t::ALIASES[i].1));
    }
    if with_seq {
        if let Ok(i) = t::NAMED_SEQUENCES.binary_search_by(|&(n, _)| n.cmp(key)) {
            return Some(Found::Sequence(t::NAMED_SEQUENCES[i].1));
        }
    }
    None
}

/// The code point whose stored (token-encoded) name is `upper`.
fn find_stored(upper: &[u8]) -> Option<u32> {
    let n = t::NAME_COUNT;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let k = u16_at(t::NAME_SORTED, mid);
        match ordinal_name(k).as_slice().cmp(upper) {
            Ordering::Equal => return code_of_ordinal(k),
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
        }
    }
    None
}

/// The code point of the name with ordinal `k`.
fn code_of_ordinal(k: usize) -> Option<u32> {
    let runs = t::NAME_RUNS.len() / 12;
    let first = |i: usize| u32_at(t::NAME_RUNS, 3 * i + 2) as usize;
    let (mut lo, mut hi) = (0, runs);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if first(mid) <= k {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == 0 {
        return None;
    }
    let i = lo - 1;
    Some(u32_at(t::NAME_RUNS, 3 * i) + (k - first(i)) as u32)
}
