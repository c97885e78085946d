//! `str`, `bytes` and `bytearray` payloads.
//!
//! Representation of `str`: immutable UTF-8 stored inline in the object,
//! after its slots (one allocation per string), with the character count
//! and the hash cached. Indexing is O(1) when the string is ASCII
//! (`char_len == byte len`); a long non-ASCII string builds, on first
//! indexing, a table of the byte offset of every 64th character, so indexing
//! costs at most 63 steps. A lone surrogate U+D800..U+DFFF is stored as the
//! plane-16 character `adder_text::surrogate` maps it to (see
//! docs/DECISIONS.md); nothing here needs to know.
//!
//! Invariant: `char_len` is the number of chars of the text; `hash` is -1 until
//! computed, then the value `hash()` returns; `index[k]` is the byte offset
//! of character `64 * k`.

use std::cell::{Cell, OnceCell, RefCell};

use adder_object::{
    alloc_with_text, alloc_with_text_filled, payload, text_of, InHeap, Meta, TextSink, Trace, Value,
};

use crate::kinds;

#[derive(Trace)]
pub struct Str {
    /// Byte length of the text, which the object stores inline after its
    /// slots (`adder_object::alloc_with_text`).
    len: usize,
    pub char_len: usize,
    pub hash: Cell<i64>,
    // Boxed on purpose: a thin pointer keeps `Str` one word larger, not two.
    #[allow(clippy::box_collection)]
    index: OnceCell<Box<Vec<usize>>>,
    home: InHeap,
}
payload!(Str, kinds::STR, "str", tail_len = |s: &Str| s.len);

impl Str {
    /// Bytes of the character-offset index, if one was built.
    pub fn index_bytes(&self) -> usize {
        self.index.get().map_or(0, |i| {
            i.capacity() * std::mem::size_of::<usize>() + std::mem::size_of::<Vec<usize>>()
        })
    }
}

/// Characters between two entries of a `Str`'s offset index.
const INDEX_STRIDE: usize = 64;
/// Non-ASCII strings shorter than this are simply scanned.
const INDEX_MIN_CHARS: usize = 256;

impl Str {
    /// A new str object of class layout `meta` (with `trailing` slots and
    /// header `flags`, as `adder_object::alloc`) holding `text`.
    pub fn alloc(meta: &Meta, trailing: usize, flags: u32, text: &str) -> Value {
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        let make = |home| Str {
            len: text.len(),
            char_len,
            hash: Cell::new(-1),
            index: OnceCell::new(),
            home,
        };
        alloc_with_text(meta, make, trailing, flags, text)
    }

    /// Like `alloc`, for a text of `len` bytes and `char_len` characters
    /// that `fill` writes straight into the object (see
    /// `adder_object::alloc_with_text_filled`: it must write exactly `len`
    /// bytes). `char_len` must be the character count of what it writes.
    pub fn alloc_filled(
        meta: &Meta,
        trailing: usize,
        flags: u32,
        len: usize,
        char_len: usize,
        fill: impl FnOnce(&mut TextSink),
    ) -> Value {
        let make = |home| Str {
            len,
            char_len,
            hash: Cell::new(-1),
            index: OnceCell::new(),
            home,
        };
        let v = alloc_with_text_filled(meta, make, trailing, flags, fill);
        debug_assert!({
            let s = v.downcast::<Str>().expect("a str");
            s.as_str().chars().count() == char_len
        });
        v
    }

    /// Byte offset of character `i` of a non-ASCII string, by the index
    /// (built on first use) or by scanning a short string.
    fn offset_slow(&self, i: usize) -> usize {
        if self.char_len < INDEX_MIN_CHARS {
            return self
                .as_str()
                .char_indices()
                .nth(i)
                .map_or(self.len, |(b, _)| b);
        }
        let index = self.index.get_or_init(|| {
            let mut v = Vec::with_capacity(self.char_len / INDEX_STRIDE + 1);
            for (n, (b, _)) in self.as_str().char_indices().enumerate() {
                if n % INDEX_STRIDE == 0 {
                    v.push(b);
                }
            }
            Box::new(v)
        });
        let Some(&base) = index.get(i / INDEX_STRIDE) else {
            return self.len;
        };
        self.as_str()[base..]
            .char_indices()
            .nth(i % INDEX_STRIDE)
            .map_or(self.len, |(b, _)| base + b)
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        text_of(self, &self.home)
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.len
    }
    /// The char at character index `i` (caller checked bounds).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.as_str().as_bytes()[i] as char
        } else {
            let b = self.offset_slow(i);
            self.as_str()[b..].chars().next().unwrap_or('\0')
        }
    }
    /// Byte offset of character index `i` (i <= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.offset_slow(i)
        }
    }
    /// The substring of characters `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.as_str()[a..b]
    }
}

#[derive(Trace)]
pub struct Bytes {
    pub b: Box<[u8]>,
    pub hash: Cell<i64>,
}
payload!(Bytes, kinds::BYTES, "bytes", buffer = &crate::buffer::BYTES);

#[derive(Trace)]
pub struct ByteArray {
    pub b: RefCell<Vec<u8>>,
    /// Live memoryviews of it: while non-zero it must not be resized.
    pub exports: Cell<usize>,
}
payload!(
    ByteArray,
    kinds::BYTEARRAY,
    "bytearray",
    buffer = &crate::buffer::BYTEARRAY
);
