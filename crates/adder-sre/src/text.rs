//! Subjects: the string a pattern runs over, in the engine's code units
//! (a lone surrogate is its code point, see `adder_text::surrogate`).
//! ASCII `str` and `bytes` are read in place (no copy); a non-ASCII `str`
//! becomes a vector of code points (with byte-offset checkpoints so slices
//! of the original UTF-8 stay cheap); a `bytearray` or `memoryview` is
//! copied, so Python code running between matches (a `sub` callback) cannot
//! change what the engine reads.
//!
//! Decoding a non-ASCII `str` costs O(len), which would make the common
//! `pattern.match(s, pos)` loop of tokenizers (and of `json`'s pure-Python
//! scanner) quadratic; so the decoding of the last long one is kept in a
//! one-entry `TextCache` per interpreter, keyed by the string object itself
//! (the cache holds a reference, so the identity cannot be reused while it
//! is cached — the price is that one long string may outlive its last
//! user until another long string replaces it).
//!
//! Invariant: `Subject::units` has exactly `Subject::len` units, indexed by
//! CPython's positions (code points for `str`, bytes otherwise), and every
//! slice it returns is of the object's value as it was when the subject was
//! taken.

use std::cell::RefCell;
use std::rc::Rc;

use adder_object::{payload, Trace, Value};
use adder_vm::kinds;
use adder_vm::objects::string::{ByteArray, Bytes, Str};
use adder_vm::{PyResult, Vm};

use crate::CACHE_KIND;

/// Code points between byte-offset checkpoints of a wide subject.
const STRIDE: usize = 64;

/// Non-ASCII strings at least this long go through the cache.
const CACHE_MIN_CHARS: usize = 1024;

/// A decoded non-ASCII `str`.
#[derive(Trace)]
pub struct WideText {
    cps: Box<[u32]>,
    /// UTF-8 offset of every `STRIDE`-th code point.
    checkpoints: Box<[usize]>,
    /// Byte length of the string.
    byte_len: usize,
}

impl WideText {
    fn decode(s: &Str) -> WideText {
        let mut cps = Vec::with_capacity(s.char_len());
        let mut checkpoints = Vec::with_capacity(s.char_len() / STRIDE + 1);
        for (k, (b, c)) in s.as_str().char_indices().enumerate() {
            if k % STRIDE == 0 {
                checkpoints.push(b);
            }
            cps.push(adder_text::surrogate::to_code_point(c));
        }
        WideText {
            cps: cps.into_boxed_slice(),
            checkpoints: checkpoints.into_boxed_slice(),
            byte_len: s.as_str().len(),
        }
    }

    /// The UTF-8 offset of code point `k`.
    fn byte_offset(&self, k: usize) -> usize {
        let k = k.min(self.cps.len());
        let c = k / STRIDE;
        let Some(&base) = self.checkpoints.get(c) else {
            return self.byte_len;
        };
        base + self.cps[c * STRIDE..k]
            .iter()
            .map(|&cp| adder_text::surrogate::to_internal(cp).map_or(1, char::len_utf8))
            .sum::<usize>()
    }
}

/// The per-interpreter one-entry cache of decoded long strings.
#[derive(Trace)]
pub struct TextCache {
    slot: RefCell<Option<(Value, Rc<WideText>)>>,
}
payload!(TextCache, CACHE_KIND, "_sre.TextCache");

impl TextCache {
    pub fn new() -> TextCache {
        TextCache {
            slot: RefCell::new(None),
        }
    }

    fn wide(&self, v: &Value, s: &Str) -> Rc<WideText> {
        if s.char_len() < CACHE_MIN_CHARS {
            return Rc::new(WideText::decode(s));
        }
        if let Some((cached, w)) = &*self.slot.borrow() {
            if cached.is(v) {
                return w.clone();
            }
        }
        let w = Rc::new(WideText::decode(s));
        *self.slot.borrow_mut() = Some((v.clone(), w.clone()));
        w
    }
}

impl Default for TextCache {
    fn default() -> Self {
        TextCache::new()
    }
}

#[derive(Trace)]
enum Data {
    /// An ASCII `str`: its bytes are its code points.
    Ascii,
    /// `bytes`, read in place.
    Bytes,
    /// A snapshot of another bytes-like object.
    Owned(Box<[u8]>),
    /// A non-ASCII `str`, decoded.
    Wide(Rc<WideText>),
}

/// The code units of a subject, for the engine.
pub enum Units<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u32]),
}

/// A string being matched.
#[derive(Trace)]
pub struct Subject {
    /// The object passed in (`Match.string`).
    pub obj: Value,
    /// A bytes-like subject (else `str`).
    pub isbytes: bool,
    data: Data,
}

/// The bytes of a bytes-like object (a copy), if it is one: `bytes`,
/// `bytearray`, `memoryview` (what the VM's buffer helper knows).
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    match v.kind() {
        Some(kinds::BYTEARRAY) => v.downcast::<ByteArray>().map(|b| b.b.borrow().clone()),
        _ => adder_vm::ops::bytes_of(v),
    }
}

impl Subject {
    /// CPython's `getstring`: `None` (with no error) if `v` is neither a
    /// `str` nor bytes-like. `cache` serves long non-ASCII strings.
    pub fn of(v: &Value, cache: Option<&TextCache>) -> Option<Subject> {
        let obj = v.clone();
        if let Some(s) = v.downcast::<Str>() {
            let data = if s.is_ascii() {
                Data::Ascii
            } else {
                Data::Wide(match cache {
                    Some(c) => c.wide(v, s),
                    None => Rc::new(WideText::decode(s)),
                })
            };
            return Some(Subject {
                obj,
                isbytes: false,
                data,
            });
        }
        if v.downcast::<Bytes>().is_some() {
            return Some(Subject {
                obj,
                isbytes: true,
                data: Data::Bytes,
            });
        }
        buffer_bytes(v).map(|b| Subject {
            obj,
            isbytes: true,
            data: Data::Owned(b.into_boxed_slice()),
        })
    }

    /// Whether `v` is a bytes-like object (`Some(true)`), a `str`
    /// (`Some(false)`), or neither — without decoding anything.
    pub fn kind_of(v: &Value) -> Option<bool> {
        if v.downcast::<Str>().is_some() {
            return Some(false);
        }
        if v.downcast::<Bytes>().is_some() || buffer_bytes(v).is_some() {
            return Some(true);
        }
        None
    }

    /// `getstring`'s error for a value that is neither.
    pub fn type_error(vm: &Vm, v: &Value) -> Value {
        vm.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(v)
        ))
    }

    /// `getstring` with CPython's error for other types.
    pub fn get(vm: &Vm, v: &Value, cache: Option<&TextCache>) -> PyResult<Subject> {
        Subject::of(v, cache).ok_or_else(|| Subject::type_error(vm, v))
    }

    pub fn units(&self) -> Units<'_> {
        match &self.data {
            Data::Ascii => Units::Narrow(
                self.obj
                    .downcast::<Str>()
                    .map_or(&[][..], |s| s.as_str().as_bytes()),
            ),
            Data::Bytes => Units::Narrow(self.obj.downcast::<Bytes>().map_or(&[][..], |b| &b.b)),
            Data::Owned(b) => Units::Narrow(b),
            Data::Wide(w) => Units::Wide(&w.cps),
        }
    }

    pub fn len(&self) -> usize {
        match self.units() {
            Units::Narrow(b) => b.len(),
            Units::Wide(w) => w.len(),
        }
    }

    /// Whether the subject is a non-ASCII `str` (positions are not bytes).
    pub fn is_wide(&self) -> bool {
        matches!(self.data, Data::Wide(_))
    }

    /// The UTF-8 offset of code point `k` of a `str` subject.
    pub fn byte_offset(&self, k: usize) -> usize {
        match &self.data {
            Data::Wide(w) => w.byte_offset(k),
            _ => k,
        }
    }

    /// The text of units `i..j` as the Rust string slice of a `str` subject.
    pub fn str_slice(&self, i: usize, j: usize) -> &str {
        let Some(s) = self.obj.downcast::<Str>() else {
            return "";
        };
        let (a, b) = (self.byte_offset(i), self.byte_offset(j));
        s.as_str().get(a..b).unwrap_or("")
    }

    /// The bytes `i..j` of a bytes-like subject.
    pub fn byte_slice(&self, i: usize, j: usize) -> &[u8] {
        match self.units() {
            Units::Narrow(b) => b.get(i..j).unwrap_or(&[]),
            Units::Wide(_) => &[],
        }
    }

    /// CPython's `getslice`: units `i..j` as a new `str`/`bytes` (the object
    /// itself when it is exactly a `str`/`bytes` and the slice is all of it).
    pub fn slice(&self, vm: &mut Vm, i: usize, j: usize) -> Value {
        let (i, j) = (i.min(self.len()), j.min(self.len()));
        let j = j.max(i);
        let whole = i == 0 && j == self.len();
        if self.isbytes {
            if whole
                && self.obj.kind() == Some(kinds::BYTES)
                && vm.type_of(&self.obj).is(&vm.t.bytes)
            {
                return self.obj.clone();
            }
            let b = self.byte_slice(i, j).to_vec();
            vm.new_bytes(b)
        } else {
            if whole && vm.type_of(&self.obj).is(&vm.t.str) {
                return self.obj.clone();
            }
            let s = self.str_slice(i, j).to_string();
            vm.new_string(s)
        }
    }
}
