//! `str`, `bytes` and `bytearray` payloads.
//!
//! Representation of `str`: immutable UTF-8 stored inline in the object,
//! after its slots (one allocation per string), with the character count
//! and the hash cached. Indexing is O(1) when the string is ASCII; a long
//! non-ASCII string builds, on first indexing, a table of the byte offset
//! of every 64th character, so indexing costs at most 63 steps. A lone
//! surrogate U+D800..U+DFFF is stored as the plane-16 character
//! `adder_text::surrogate` maps it to (see docs/DECISIONS.md); nothing here
//! needs to know.
//!
//! Layout: `Obj<Str>` is 32 bytes (header, `len`, `hash`), then the
//! trailing slots, then the tail, which starts with the text:
//! - `len` is the byte length shifted left once, its low bit set when the
//!   text is not ASCII (so `as_str` costs one shift more than a plain
//!   length, and `is_ascii` one bit test);
//! - an ASCII string's tail is the text alone, and its character count is
//!   its byte length;
//! - a non-ASCII string's tail goes on, at the first 8-byte boundary after
//!   the text, with its character count (a word), and, if that count is at
//!   least `INDEX_MIN_CHARS` (only such strings can ever need the offset
//!   index), with one more word: the index pointer, null until built,
//!   freed by `Drop`.
//!
//! Invariant: the counts are those of the text; `hash` is -1 until
//! computed, then the value `hash()` returns; the index, once built, holds
//! at `k` the byte offset of character `64 * k`.

use std::cell::{Cell, RefCell};

use adder_object::{
    alloc_with_text, alloc_with_text_filled, payload, tail_at, text_of, InHeap, Meta, TextFrame,
    TextSink, Trace, Value,
};

use crate::kinds;

#[derive(Trace)]
pub struct Str {
    /// Byte length of the text, which the object stores inline after its
    /// slots (`adder_object::alloc_with_text`), times 2, plus 1 if the
    /// text is not ASCII (`NON_ASCII`).
    len: usize,
    pub hash: Cell<i64>,
    home: InHeap,
}
payload!(
    Str,
    kinds::STR,
    "str",
    tail_len = Str::tail_bytes,
    text_span = Str::span,
);

/// The low bit of `Str::len`.
const NON_ASCII: usize = 1;
const WORD: usize = std::mem::size_of::<usize>();

/// Characters between two entries of a `Str`'s offset index.
const INDEX_STRIDE: usize = 64;
/// Non-ASCII strings shorter than this are simply scanned.
const INDEX_MIN_CHARS: usize = 256;

/// The last word of a long non-ASCII string: the offset index, null until
/// built (a zeroed word is a valid null).
type IndexSlot = Cell<*mut Vec<usize>>;

impl Drop for Str {
    fn drop(&mut self) {
        if self.is_ascii() {
            return;
        }
        if let Some(slot) = self.index_slot() {
            let p = slot.replace(std::ptr::null_mut());
            if !p.is_null() {
                // SAFETY: a non-null slot holds a pointer from `Box::into_raw`
                // (`offset_slow`), owned by this string alone.
                drop(unsafe { Box::from_raw(p) });
            }
        }
    }
}

impl Str {
    /// Bytes of the character-offset index, if one was built.
    pub fn index_bytes(&self) -> usize {
        self.index().map_or(0, |i| {
            i.capacity() * std::mem::size_of::<usize>() + std::mem::size_of::<Vec<usize>>()
        })
    }

    /// A new str object of class layout `meta` (with `trailing` slots and
    /// header `flags`, as `adder_object::alloc`) holding `text`.
    pub fn alloc(meta: &Meta, trailing: usize, flags: u32, text: &str) -> Value {
        if !text.is_ascii() {
            let n = text.chars().count();
            return Str::alloc_non_ascii(meta, trailing, flags, text.len(), n, |t| {
                t.push_str(text)
            });
        }
        let make = |home| Str {
            len: text.len() << 1,
            hash: Cell::new(-1),
            home,
        };
        alloc_with_text(meta, make, trailing, flags, TextFrame::NONE, text)
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
        let v = if len == char_len {
            let make = |home| Str {
                len: len << 1,
                hash: Cell::new(-1),
                home,
            };
            alloc_with_text_filled(meta, make, trailing, flags, TextFrame::NONE, len, fill)
        } else {
            Str::alloc_non_ascii(meta, trailing, flags, len, char_len, fill)
        };
        debug_assert!({
            let s = v.downcast::<Str>().expect("a str");
            s.as_str().chars().count() == char_len
        });
        v
    }

    /// `alloc_filled` for a non-ASCII text: after it come its character
    /// count and, for a long one, the index word.
    #[inline(never)]
    fn alloc_non_ascii(
        meta: &Meta,
        trailing: usize,
        flags: u32,
        len: usize,
        char_len: usize,
        fill: impl FnOnce(&mut TextSink),
    ) -> Value {
        // Padding to a word (at most 7 bytes), the count, the index word.
        let mut foot = [0u8; 7 + 2 * WORD];
        let pad = len.next_multiple_of(WORD) - len;
        foot[pad..pad + WORD].copy_from_slice(&char_len.to_ne_bytes());
        let n = pad
            + if char_len >= INDEX_MIN_CHARS {
                2 * WORD
            } else {
                WORD
            };
        let make = |home| Str {
            len: len << 1 | NON_ASCII,
            hash: Cell::new(-1),
            home,
        };
        let frame = TextFrame {
            head: &[],
            foot: &foot[..n],
        };
        alloc_with_text_filled(meta, make, trailing, flags, frame, len, fill)
    }

    /// Byte length of the text.
    #[inline(always)]
    pub fn byte_len(&self) -> usize {
        self.len >> 1
    }
    /// Where the text lies in the tail (`Payload::text_span`).
    #[inline(always)]
    fn span(&self) -> (usize, usize) {
        (0, self.byte_len())
    }
    /// Bytes of the tail (`Payload::tail_len`).
    #[inline(always)]
    fn tail_bytes(&self) -> usize {
        if self.is_ascii() {
            self.byte_len()
        } else {
            self.non_ascii_tail_bytes()
        }
    }
    #[cold]
    fn non_ascii_tail_bytes(&self) -> usize {
        let words = if self.char_len() >= INDEX_MIN_CHARS {
            2
        } else {
            1
        };
        self.byte_len().next_multiple_of(WORD) + words * WORD
    }
    /// Number of characters.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        if self.is_ascii() {
            self.byte_len()
        } else {
            self.non_ascii_char_len()
        }
    }
    #[cold]
    fn non_ascii_char_len(&self) -> usize {
        let at = self.byte_len().next_multiple_of(WORD);
        // SAFETY: a non-ASCII string's tail holds its character count at
        // the first word boundary after the text, written from the frame's
        // foot at allocation (`alloc_non_ascii`); the tail is 8-byte
        // aligned.
        unsafe { *tail_at::<_, usize>(self, &self.home, at) }
    }
    /// The index word, for the strings that have one.
    fn index_slot(&self) -> Option<&IndexSlot> {
        if self.is_ascii() || self.char_len() < INDEX_MIN_CHARS {
            return None;
        }
        let at = self.byte_len().next_multiple_of(WORD) + WORD;
        // SAFETY: long non-ASCII strings were allocated with the index word
        // after their count (`alloc_non_ascii`), zeroed (a null pointer) and
        // then only written by `offset_slow`.
        Some(unsafe { tail_at(self, &self.home, at) })
    }
    /// The offset index, if built.
    fn index(&self) -> Option<&Vec<usize>> {
        let p = self.index_slot()?.get();
        // SAFETY: a non-null slot points to the string's own index, which
        // lives (unchanged) as long as the string.
        (!p.is_null()).then(|| unsafe { &*p })
    }

    /// Byte offset of character `i` of a non-ASCII string, by the index
    /// (built on first use) or by scanning a short string.
    fn offset_slow(&self, i: usize) -> usize {
        let text = self.as_str();
        let Some(slot) = self.index_slot() else {
            return text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
        };
        if slot.get().is_null() {
            let mut v = Vec::with_capacity(self.char_len() / INDEX_STRIDE + 1);
            for (n, (b, _)) in text.char_indices().enumerate() {
                if n % INDEX_STRIDE == 0 {
                    v.push(b);
                }
            }
            slot.set(Box::into_raw(Box::new(v)));
        }
        let index = self.index().expect("index just built");
        let Some(&base) = index.get(i / INDEX_STRIDE) else {
            return text.len();
        };
        text[base..]
            .char_indices()
            .nth(i % INDEX_STRIDE)
            .map_or(text.len(), |(b, _)| base + b)
    }
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        text_of(self, &self.home)
    }
    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.len & NON_ASCII == 0
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
