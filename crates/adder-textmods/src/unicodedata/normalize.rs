//! Unicode normalization (NFD, NFKD, NFC, NFKC) as CPython 3.11 computes
//! it (`nfd_nfkd` and `nfc_nfkc` in Modules/unicodedata.c): full
//! decomposition with Hangul syllables done algorithmically, a stable
//! canonical reordering by combining class, then canonical composition
//! with CPython's blocking rule; for Unicode 3.2.0 the characters it did
//! not have are left alone and its normalization corrections apply.
//!
//! Invariant: the output depends only on the input and the tables; no
//! input can make it index out of bounds.

use super::data::{self, combining, Version};

const SBASE: u32 = 0xAC00;
const LBASE: u32 = 0x1100;
const VBASE: u32 = 0x1161;
const TBASE: u32 = 0x11A7;
const LCOUNT: u32 = 19;
const VCOUNT: u32 = 21;
const TCOUNT: u32 = 28;
const NCOUNT: u32 = VCOUNT * TCOUNT;
const SCOUNT: u32 = LCOUNT * NCOUNT;

/// A normalization form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    Nfc,
    Nfkc,
    Nfd,
    Nfkd,
}

impl Form {
    pub fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "NFC" => Form::Nfc,
            "NFKC" => Form::Nfkc,
            "NFD" => Form::Nfd,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }
}

/// The full (canonical, or compatibility when `k`) decomposition of
/// `input`, canonically ordered.
pub fn decompose(input: &[u32], k: bool, v: Version) -> Vec<u32> {
    let mut out = Vec::with_capacity(input.len() + 10);
    let mut stack: Vec<u32> = Vec::new();
    for &c in input {
        stack.push(c);
        while let Some(code) = stack.pop() {
            if (SBASE..SBASE + SCOUNT).contains(&code) {
                let s = code - SBASE;
                out.push(LBASE + s / NCOUNT);
                out.push(VBASE + (s % NCOUNT) / TCOUNT);
                let t = TBASE + s % TCOUNT;
                if t != TBASE {
                    out.push(t);
                }
                continue;
            }
            if v == Version::V320 {
                if let Some(old) = data::norm_32(code) {
                    stack.push(old);
                    continue;
                }
            }
            match data::decomposition(code, v) {
                Some((prefix, cps)) if prefix.is_empty() || k => {
                    stack.extend(cps.iter().rev());
                }
                _ => out.push(code),
            }
        }
    }
    reorder(&mut out);
    out
}

/// CPython's canonical ordering: swaps each out-of-order mark backwards.
fn reorder(s: &mut [u32]) {
    if s.is_empty() {
        return;
    }
    let mut prev = combining(s[0]);
    for i in 1..s.len() {
        let cur = combining(s[i]);
        if prev == 0 || cur == 0 || prev <= cur {
            prev = cur;
            continue;
        }
        let mut o = i - 1;
        loop {
            s.swap(o, o + 1);
            if o == 0 {
                break;
            }
            o -= 1;
            let p = combining(s[o]);
            if p == 0 || p <= cur {
                break;
            }
        }
        prev = combining(s[i]);
    }
}

/// Canonical composition of an already decomposed, ordered string.
fn compose(s: &[u32]) -> Vec<u32> {
    let len = s.len();
    let mut out = Vec::with_capacity(len);
    let mut skipped = vec![false; len];
    let mut i = 0;
    while i < len {
        if skipped[i] {
            i += 1;
            continue;
        }
        let code = s[i];
        // Hangul: a leading consonant and a vowel (and maybe a trailing
        // consonant) make a syllable.
        if (LBASE..LBASE + LCOUNT).contains(&code)
            && i + 1 < len
            && (VBASE..VBASE + VCOUNT).contains(&s[i + 1])
            && !skipped[i + 1]
        {
            let mut syl = SBASE + ((code - LBASE) * VCOUNT + (s[i + 1] - VBASE)) * TCOUNT;
            i += 2;
            if i < len && !skipped[i] && TBASE < s[i] && s[i] < TBASE + TCOUNT {
                syl += s[i] - TBASE;
                i += 1;
            }
            out.push(syl);
            continue;
        }
        if !data::is_comp_first(code) {
            out.push(code);
            i += 1;
            continue;
        }
        let mut cur = code;
        let mut i1 = i + 1;
        let mut comb = 0u8;
        while i1 < len {
            let code1 = s[i1];
            let comb1 = combining(code1);
            if comb != 0 {
                if comb1 == 0 {
                    break;
                }
                if comb >= comb1 {
                    // Blocked.
                    i1 += 1;
                    continue;
                }
            }
            match data::compose(cur, code1).filter(|_| !skipped[i1]) {
                Some(c) => {
                    cur = c;
                    skipped[i1] = true;
                    i1 += 1;
                    if !data::is_comp_first(cur) {
                        break;
                    }
                }
                None => {
                    if comb1 == 0 {
                        break;
                    }
                    comb = comb1;
                    i1 += 1;
                }
            }
        }
        out.push(cur);
        i += 1;
    }
    out
}

/// `unicodedata.normalize(form, s)` on code points.
pub fn normalize(form: Form, s: &[u32], v: Version) -> Vec<u32> {
    match form {
        Form::Nfd => decompose(s, false, v),
        Form::Nfkd => decompose(s, true, v),
        Form::Nfc => compose(&decompose(s, false, v)),
        Form::Nfkc => compose(&decompose(s, true, v)),
    }
}
