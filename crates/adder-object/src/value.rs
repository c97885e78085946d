//! `Value`: one 64-bit word that is either an inline scalar or an owning
//! pointer to a heap object.
//!
//! Invariant: a `Value` whose tag is `PTR` owns exactly one reference count
//! of the object it points to — `Clone` adds one, `Drop` removes one, and the
//! object is freed when the count reaches zero. Inline values (floats, small
//! ints, the specials) own nothing. This makes "Rust code that holds a Value
//! keeps the object alive" a property of the type system.
//!
//! Encoding (NaN-boxing): a word whose top 16 bits are 0xFFF9, 0xFFFA or
//! 0xFFFB is tagged; every other bit pattern is an IEEE-754 double. Those
//! three tag ranges are negative NaNs with a payload, which no arithmetic in
//! the VM produces; the constructor boxes such rare NaNs on the heap instead
//! (the caller decides how, see `Value::float_inline`).
//! - `0xFFF9`: pointer to a `Header` in the low 48 bits.
//! - `0xFFFA`: small int, 48-bit two's complement (`SMALL_INT_MIN..=SMALL_INT_MAX`).
//! - `0xFFFB`: specials (`None`, `False`, `True`, and the internal `NULL` that
//!   marks an empty local slot; `NULL` never escapes to Python code).

use std::fmt;
use std::mem::ManuallyDrop;

use crate::heap::{self, Header};

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const TAG_PTR: u64 = 0xFFF9;
const TAG_INT: u64 = 0xFFFA;
const TAG_SPECIAL: u64 = 0xFFFB;

pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

#[repr(transparent)]
pub struct Value(u64);

const _: () = assert!(std::mem::size_of::<Value>() == 8);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

impl Value {
    pub const NONE: Value = Value(TAG_SPECIAL << TAG_SHIFT);
    pub const FALSE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 1);
    pub const TRUE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 2);
    /// Internal "no value" marker (empty fast local, missing optional).
    pub const NULL: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 3);

    #[inline(always)]
    fn tag(&self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    /// The raw word, for identity (`is`) and hashing of identities.
    #[inline(always)]
    pub fn bits(&self) -> u64 {
        self.0
    }

    #[inline(always)]
    pub fn is_ptr(&self) -> bool {
        self.tag() == TAG_PTR
    }
    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.tag() == TAG_INT
    }
    #[inline(always)]
    pub fn is_float(&self) -> bool {
        !(TAG_PTR..=TAG_SPECIAL).contains(&self.tag())
    }
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.0 == Value::NONE.0
    }
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.0 == Value::NULL.0
    }
    #[inline(always)]
    pub fn is_bool(&self) -> bool {
        self.0 == Value::TRUE.0 || self.0 == Value::FALSE.0
    }
    #[inline(always)]
    pub fn is_special(&self) -> bool {
        self.tag() == TAG_SPECIAL
    }

    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }
    #[inline(always)]
    pub fn as_bool(&self) -> Option<bool> {
        if self.0 == Value::TRUE.0 {
            Some(true)
        } else if self.0 == Value::FALSE.0 {
            Some(false)
        } else {
            None
        }
    }

    /// A small int, if `i` fits in 48 bits.
    #[inline(always)]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            // Sign-extend the 48-bit payload.
            Some(((self.0 << 16) as i64) >> 16)
        } else {
            None
        }
    }

    /// An inline float, or `None` for the NaN bit patterns that collide with
    /// the tags (the caller boxes those).
    #[inline(always)]
    pub fn float_inline(x: f64) -> Option<Value> {
        let v = Value(x.to_bits());
        if v.is_float() {
            Some(v)
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn as_inline_float(&self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    /// Takes ownership of one reference to `h` (does not increment).
    ///
    /// # Safety
    /// `h` must point to a live heap object, and the caller must own one of
    /// its reference counts, which moves into the returned Value.
    #[inline(always)]
    pub unsafe fn from_header_owned(h: *const Header) -> Value {
        let addr = h as u64;
        debug_assert!(addr & !PAYLOAD_MASK == 0);
        Value((TAG_PTR << TAG_SHIFT) | addr)
    }

    /// The header of a heap value.
    #[inline(always)]
    pub fn header(&self) -> Option<&Header> {
        if self.is_ptr() {
            // SAFETY: a PTR-tagged Value owns a reference, so the object is
            // alive for at least as long as `self` is borrowed.
            Some(unsafe { &*((self.0 & PAYLOAD_MASK) as *const Header) })
        } else {
            None
        }
    }

    #[inline(always)]
    pub(crate) fn header_ptr(&self) -> *const Header {
        (self.0 & PAYLOAD_MASK) as *const Header
    }

    /// Identity comparison (`is`). Floats compare by bits, like CPython
    /// compares object identity of two distinct float objects (never `is`
    /// unless the same object): inline floats with equal bits are "the same".
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// Moves the word out without running Drop (the reference moves too).
    #[inline(always)]
    pub fn into_raw(self) -> u64 {
        let me = ManuallyDrop::new(self);
        me.0
    }

    /// # Safety
    /// `bits` must come from `into_raw` (ownership moves back).
    #[inline(always)]
    pub unsafe fn from_raw(bits: u64) -> Value {
        Value(bits)
    }

    /// Stores `v`, releasing the old value in line (the drop glue of a
    /// plain assignment is sometimes an out-of-line call in big functions).
    #[inline(always)]
    pub fn assign(&mut self, v: Value) {
        let old = ManuallyDrop::new(std::mem::replace(self, v));
        if old.is_ptr() {
            // SAFETY: `old` owned one reference, released here exactly once
            // (it is never dropped).
            unsafe { heap::decref(old.header_ptr()) }
        }
    }

    /// Takes the value out, leaving `NULL` behind.
    #[inline(always)]
    pub fn take(&mut self) -> Value {
        std::mem::replace(self, Value::NULL)
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(h) = self.header() {
            h.incref();
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_ptr() {
            // SAFETY: we own one reference to a live object (module invariant).
            unsafe { heap::decref(self.header_ptr()) }
        }
    }
}

/// A value's word kept without a reference: for caches whose entries are
/// only used after a check that proves someone else still holds the object
/// (a dict at the same version still holds the values it held). Holding a
/// reference there would keep objects alive after the program dropped them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Unowned(u64);

impl Default for Unowned {
    fn default() -> Unowned {
        Unowned(Value::NULL.0)
    }
}

impl Unowned {
    pub fn of(v: &Value) -> Unowned {
        Unowned(v.0)
    }
    pub fn is_null(&self) -> bool {
        self.0 == Value::NULL.0
    }
    /// A new reference to the value.
    ///
    /// # Safety
    /// The object the word was taken from must still be alive.
    #[inline(always)]
    pub unsafe fn get(&self) -> Value {
        let v = ManuallyDrop::new(Value(self.0));
        (*v).clone()
    }
}

impl crate::trace::Trace for Unowned {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

impl Default for Value {
    fn default() -> Value {
        Value::NULL
    }
}

impl PartialEq for Value {
    /// Identity, not Python equality.
    fn eq(&self, other: &Value) -> bool {
        self.0 == other.0
    }
}
impl Eq for Value {}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(x) = self.as_inline_float() {
            write!(f, "Float({x})")
        } else if self.is_none() {
            write!(f, "None")
        } else if let Some(b) = self.as_bool() {
            write!(f, "{}", if b { "True" } else { "False" })
        } else if self.is_null() {
            write!(f, "NULL")
        } else if let Some(h) = self.header() {
            write!(f, "Obj({}@{:p})", h.vtable().name, h as *const Header)
        } else {
            write!(f, "Value({:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for i in [
            0,
            1,
            -1,
            SMALL_INT_MAX,
            SMALL_INT_MIN,
            123456789,
            -987654321,
        ] {
            let v = Value::small_int(i).unwrap();
            assert_eq!(v.as_small_int(), Some(i));
            assert!(!v.is_float());
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_round_trip() {
        for x in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            let v = Value::float_inline(x).unwrap();
            assert_eq!(v.as_inline_float().unwrap().to_bits(), x.to_bits());
        }
        let nan = Value::float_inline(f64::NAN).unwrap();
        assert!(nan.as_inline_float().unwrap().is_nan());
        let neg_nan = Value::float_inline(-f64::NAN).unwrap();
        assert!(neg_nan.as_inline_float().unwrap().is_sign_negative());
        // A payload NaN in the tag space is refused (the caller boxes it).
        assert!(Value::float_inline(f64::from_bits(0xFFFA_0000_0000_0001)).is_none());
    }

    #[test]
    fn specials_are_distinct() {
        let all = [Value::NONE, Value::TRUE, Value::FALSE, Value::NULL];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_float() && !a.is_small_int() && !a.is_ptr());
            for (j, b) in all.iter().enumerate() {
                assert_eq!(i == j, a.is(b));
            }
        }
    }
}
