//! Subjects: the string a pattern runs over, in the engine's code units.
//! ASCII `str` and `bytes` are read in place (no copy); a non-ASCII `str`
//! becomes a vector of code points once per operation (with byte-offset
//! checkpoints so slices of the original UTF-8 stay cheap); a `bytearray`
//! is copied, so Python code running between matches (a `sub` callback)
//! cannot change what the engine reads.
//!
//! Invariant: `Subject::units` has exactly `Subject::len` units, indexed by
//! CPython's positions (code points for `str`, bytes otherwise), and every
//! slice it returns is of the object's value as it was when the subject was
//! taken.

use adder_object::Value;
use adder_vm::kinds;
use adder_vm::objects::string::{ByteArray, Bytes, Str};
use adder_vm::{PyResult, Vm};

/// Code points between byte-offset checkpoints of a wide subject.
const STRIDE: usize = 64;

enum Data {
    /// An ASCII `str`: its bytes are its code points.
    Ascii,
    /// `bytes`, read in place.
    Bytes,
    /// A snapshot of another bytes-like object.
    Owned(Box<[u8]>),
    /// A non-ASCII `str`: its code points, and the UTF-8 offset of every
    /// `STRIDE`-th one.
    Wide {
        cps: Box<[u32]>,
        checkpoints: Box<[usize]>,
    },
}

/// The code units of a subject, for the engine.
pub enum Units<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u32]),
}

/// A string being matched.
pub struct Subject {
    /// The object passed in (`Match.string`).
    pub obj: Value,
    /// A bytes-like subject (else `str`).
    pub isbytes: bool,
    data: Data,
}

/// The bytes of a bytes-like object other than `bytes` (a copy), if it is one.
fn other_bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v.kind() {
        Some(kinds::BYTEARRAY) => v.downcast::<ByteArray>().map(|b| b.b.borrow().clone()),
        _ => adder_vm::builtins::str::args::bytes_like(v),
    }
}

impl Subject {
    /// CPython's `getstring`: `None` (with no error) if `v` is neither a
    /// `str` nor bytes-like.
    pub fn of(v: &Value) -> Option<Subject> {
        let obj = v.clone();
        if let Some(s) = v.downcast::<Str>() {
            let data = if s.is_ascii() {
                Data::Ascii
            } else {
                let mut cps = Vec::with_capacity(s.char_len);
                let mut checkpoints = Vec::with_capacity(s.char_len / STRIDE + 1);
                for (k, (b, c)) in s.as_str().char_indices().enumerate() {
                    if k % STRIDE == 0 {
                        checkpoints.push(b);
                    }
                    cps.push(c as u32);
                }
                Data::Wide {
                    cps: cps.into_boxed_slice(),
                    checkpoints: checkpoints.into_boxed_slice(),
                }
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
        other_bytes_like(v).map(|b| Subject {
            obj,
            isbytes: true,
            data: Data::Owned(b.into_boxed_slice()),
        })
    }

    /// `getstring` with CPython's error for other types.
    pub fn get(vm: &Vm, v: &Value) -> PyResult<Subject> {
        Subject::of(v).ok_or_else(|| {
            vm.type_error(format!(
                "expected string or bytes-like object, got '{}'",
                vm.type_name(v)
            ))
        })
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
            Data::Wide { cps, .. } => Units::Wide(cps),
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
        matches!(self.data, Data::Wide { .. })
    }

    /// The UTF-8 offset of code point `k` of a `str` subject.
    pub fn byte_offset(&self, k: usize) -> usize {
        match &self.data {
            Data::Wide { cps, checkpoints } => {
                let k = k.min(cps.len());
                let c = k / STRIDE;
                let Some(&base) = checkpoints.get(c) else {
                    // k == len on a stride boundary.
                    return self.obj.downcast::<Str>().map_or(0, |s| s.s.len());
                };
                base + cps[c * STRIDE..k]
                    .iter()
                    .map(|&cp| char::from_u32(cp).map_or(1, char::len_utf8))
                    .sum::<usize>()
            }
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
