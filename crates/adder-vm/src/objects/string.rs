//! `str`, `bytes` and `bytearray` payloads.
//!
//! Representation of `str`: immutable UTF-8 (`Box<str>`) with the character
//! count and the hash cached. Indexing is O(1) when the string is ASCII
//! (`char_len == byte len`), otherwise O(n) by scanning. Lone surrogates are
//! not representable (see docs/COMPATIBILITY.md).
//!
//! Invariant: `char_len` is the number of chars of `s`; `hash` is -1 until
//! computed, then the value `hash()` returns.

use std::cell::{Cell, RefCell};

use adder_object::payload;

use crate::kinds;

pub struct Str {
    pub s: Box<str>,
    pub char_len: usize,
    pub hash: Cell<i64>,
}
payload!(Str, kinds::STR, "str");

impl Str {
    pub fn new(s: Box<str>) -> Str {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        Str {
            s,
            char_len,
            hash: Cell::new(-1),
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
    /// The char at character index `i` (caller checked bounds).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap_or('\0')
        }
    }
    /// Byte offset of character index `i` (i <= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }
    /// The substring of characters `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.s[a..b]
    }
}

pub struct Bytes {
    pub b: Box<[u8]>,
    pub hash: Cell<i64>,
}
payload!(Bytes, kinds::BYTES, "bytes");

pub struct ByteArray {
    pub b: RefCell<Vec<u8>>,
}
payload!(ByteArray, kinds::BYTEARRAY, "bytearray");
