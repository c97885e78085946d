//! The engine's leaf tests: set membership (`IN` bodies), position
//! assertions (`AT`), one-character items and the repeat counter that
//! `REPEAT_ONE` and friends use.
//!
//! Invariant: none of these backtracks or touches the context stack; each
//! reads the code only through bounds-checked accessors.
//!
//! CPython 3.11: Modules/_sre/sre_lib.h (`SRE(at)`, `SRE(charset)`,
//! `SRE(count)`).

use super::{Char, SreError, SreResult, State};
use crate::chars::*;
use crate::constants::*;

#[inline]
pub(crate) fn at(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(FAILURE)
}

impl<C: Char> State<'_, C> {
    /// `SRE(charset)`: whether `ch` is in the set starting at `set`.
    pub(crate) fn charset(&self, code: &[u32], mut set: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            let op = at(code, set);
            set += 1;
            match op {
                FAILURE => return !ok,
                LITERAL => {
                    if ch == at(code, set) {
                        return ok;
                    }
                    set += 1;
                }
                CATEGORY => {
                    if category(at(code, set), ch) {
                        return ok;
                    }
                    set += 1;
                }
                CHARSET => {
                    if ch < 256 && at(code, set + (ch / 32) as usize) & (1u32 << (ch & 31)) != 0 {
                        return ok;
                    }
                    set += 8;
                }
                RANGE => {
                    if at(code, set) <= ch && ch <= at(code, set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                RANGE_UNI_IGNORE => {
                    // `ch` is already lower-cased.
                    let (lo, hi) = (at(code, set), at(code, set + 1));
                    if lo <= ch && ch <= hi {
                        return ok;
                    }
                    let up = upper_unicode(ch);
                    if lo <= up && up <= hi {
                        return ok;
                    }
                    set += 2;
                }
                NEGATE => ok = !ok,
                BIGCHARSET => {
                    // <BIGCHARSET> <blockcount> <256 block indices, as bytes
                    // in native order> <blocks of 256 bits>
                    let count = at(code, set) as usize;
                    set += 1;
                    if ch < 0x10000 {
                        let hi = (ch >> 8) as usize;
                        let block = at(code, set + hi / 4).to_ne_bytes()[hi % 4] as usize;
                        let bit = block * 256 + (ch & 255) as usize;
                        if at(code, set + 64 + bit / 32) & (1u32 << (ch & 31)) != 0 {
                            return ok;
                        }
                    }
                    set += 64 + count.saturating_mul(8);
                }
                _ => return false,
            }
        }
    }

    /// `SRE(charset_loc_ignore)`.
    pub(crate) fn charset_loc_ignore(&self, code: &[u32], set: usize, ch: u32) -> bool {
        let lo = lower_locale(ch);
        if self.charset(code, set, lo) {
            return true;
        }
        let up = upper_locale(ch);
        up != lo && self.charset(code, set, up)
    }

    /// `SRE(at)`: whether position `ptr` satisfies assertion `atcode`.
    pub(crate) fn at_code(&self, ptr: isize, atcode: u32) -> bool {
        let end = self.end;
        let boundary = |word: fn(u32) -> bool| -> Option<bool> {
            if end == 0 {
                return None;
            }
            let before = ptr > 0 && word(self.ch(ptr - 1));
            let here = ptr < end && word(self.ch(ptr));
            Some(before != here)
        };
        match atcode {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(self.ch(ptr - 1)),
            AT_END => (end - ptr == 1 && is_linebreak(self.ch(ptr))) || ptr == end,
            AT_END_LINE => ptr == end || is_linebreak(self.ch(ptr)),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => boundary(is_word) == Some(true),
            AT_NON_BOUNDARY => boundary(is_word) == Some(false),
            AT_LOC_BOUNDARY => boundary(is_loc_word) == Some(true),
            AT_LOC_NON_BOUNDARY => boundary(is_loc_word) == Some(false),
            AT_UNI_BOUNDARY => boundary(is_uni_word) == Some(true),
            AT_UNI_NON_BOUNDARY => boundary(is_uni_word) == Some(false),
            _ => false,
        }
    }

    /// Whether the one-character item at `item` matches character `ch`
    /// (the validator guarantees repeat bodies are such items).
    pub(crate) fn match_one(&self, code: &[u32], item: usize, ch: u32) -> SreResult<bool> {
        let arg = at(code, item + 1);
        Ok(match at(code, item) {
            ANY => !is_linebreak(ch),
            ANY_ALL => true,
            LITERAL => ch == arg,
            NOT_LITERAL => ch != arg,
            LITERAL_IGNORE => lower_ascii(ch) == arg,
            NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
            LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
            NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
            LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
            NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
            CATEGORY => category(arg, ch),
            IN => self.charset(code, item + 2, ch),
            IN_IGNORE => self.charset(code, item + 2, lower_ascii(ch)),
            IN_UNI_IGNORE => self.charset(code, item + 2, lower_unicode(ch)),
            IN_LOC_IGNORE => self.charset_loc_ignore(code, item + 2, ch),
            _ => return Err(SreError::Illegal),
        })
    }

    /// `SRE(count)`: how many times (at most `maxcount`, MAXREPEAT meaning
    /// no limit) the one-character item at `item` matches from `self.ptr`.
    pub(crate) fn count(&self, code: &[u32], item: usize, maxcount: u32) -> SreResult<isize> {
        let start = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as isize) < end - start {
            end = start + maxcount as isize;
        }
        let mut ptr = start;
        let chr = at(code, item + 1);
        macro_rules! scan {
            ($ok:expr) => {
                while ptr < end {
                    let c = self.ch(ptr);
                    #[allow(clippy::redundant_closure_call)]
                    if !($ok)(c) {
                        break;
                    }
                    ptr += 1;
                }
            };
        }
        match at(code, item) {
            ANY_ALL => ptr = end.max(start),
            ANY => scan!(|c| !is_linebreak(c)),
            LITERAL => scan!(|c| c == chr),
            NOT_LITERAL => scan!(|c| c != chr),
            LITERAL_IGNORE => scan!(|c| lower_ascii(c) == chr),
            NOT_LITERAL_IGNORE => scan!(|c| lower_ascii(c) != chr),
            LITERAL_UNI_IGNORE => scan!(|c| lower_unicode(c) == chr),
            NOT_LITERAL_UNI_IGNORE => scan!(|c| lower_unicode(c) != chr),
            LITERAL_LOC_IGNORE => scan!(|c| char_loc_ignore(chr, c)),
            NOT_LITERAL_LOC_IGNORE => scan!(|c| !char_loc_ignore(chr, c)),
            IN => scan!(|c| self.charset(code, item + 2, c)),
            _ => {
                while ptr < end {
                    if !self.match_one(code, item, self.ch(ptr))? {
                        break;
                    }
                    ptr += 1;
                }
            }
        }
        Ok(ptr - start)
    }
}
