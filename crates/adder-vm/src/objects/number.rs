//! Numbers that do not fit in a `Value` word: big ints, boxed NaN floats and
//! complex numbers.
//!
//! Invariant: a `BigInt` payload never holds a value that fits in a small
//! int (`Vm::new_bigint` normalises), so int equality of two small ints is
//! word equality and a big int is never equal to a small one.

use adder_object::{alloc_with_bytes, bytes_of, payload, BytesHome, Meta, Trace, Value};
use num_bigint::{BigInt as Big, BigUint, Sign};
use num_traits::ToPrimitive;

use crate::kinds;

/// An int outside the small-int range (or any int subclass instance): the
/// magnitude's little-endian bytes live inline after the object's slots
/// (`adder_object::alloc_with_bytes`), so a big int is one block.
#[derive(Trace)]
pub struct BigInt {
    /// Byte length of the magnitude, with the sign in the top bit.
    len_sign: usize,
    home: BytesHome,
}
payload!(
    BigInt,
    kinds::BIGINT,
    "int",
    tail_len = |b: &BigInt| b.len_sign & !SIGN_BIT
);

const SIGN_BIT: usize = 1 << (usize::BITS - 1);

impl BigInt {
    /// A new int object of class layout `meta` (with `trailing` slots and
    /// header `flags`, as `adder_object::alloc`) holding `value`.
    pub fn alloc(meta: &Meta, trailing: usize, flags: u32, value: &Big) -> Value {
        let neg = value.sign() == Sign::Minus;
        // Magnitudes below 2^128 (nearly all) go through the stack.
        match value.magnitude().to_u128() {
            Some(m) => Self::alloc_u128(meta, trailing, flags, neg, m),
            None => Self::alloc_bytes(meta, trailing, flags, neg, &value.magnitude().to_bytes_le()),
        }
    }
    /// An int of magnitude `m` (negative if `neg`), without building a
    /// num-bigint value first (the 128-bit arithmetic path's results).
    pub fn alloc_u128(meta: &Meta, trailing: usize, flags: u32, neg: bool, m: u128) -> Value {
        let small = m.to_le_bytes();
        let used = 16 - (m.leading_zeros() / 8) as usize;
        Self::alloc_bytes(meta, trailing, flags, neg, &small[..used])
    }
    fn alloc_bytes(meta: &Meta, trailing: usize, flags: u32, neg: bool, bytes: &[u8]) -> Value {
        let sign = if neg { SIGN_BIT } else { 0 };
        let make = |home| BigInt {
            len_sign: bytes.len() | sign,
            home,
        };
        alloc_with_bytes(meta, make, trailing, flags, bytes)
    }
    fn negative(&self) -> bool {
        self.len_sign & SIGN_BIT != 0
    }
    /// The value as a num-bigint integer (allocates).
    pub fn value(&self) -> Big {
        let bytes = bytes_of(self, &self.home);
        let sign = match (self.negative(), bytes.is_empty()) {
            (_, true) => Sign::NoSign,
            (true, false) => Sign::Minus,
            (false, false) => Sign::Plus,
        };
        if bytes.len() <= 16 {
            let mut word = [0u8; 16];
            word[..bytes.len()].copy_from_slice(bytes);
            return Big::from_biguint(sign, BigUint::from(u128::from_le_bytes(word)));
        }
        Big::from_bytes_le(sign, bytes)
    }
    /// The value as an i128, when it fits (no allocation).
    pub fn to_i128(&self) -> Option<i128> {
        let bytes = bytes_of(self, &self.home);
        if bytes.len() > 16 {
            return None;
        }
        let mut word = [0u8; 16];
        word[..bytes.len()].copy_from_slice(bytes);
        let mag = u128::from_le_bytes(word);
        if self.negative() {
            if mag <= 1 << 127 {
                Some((mag as i128).wrapping_neg())
            } else {
                None
            }
        } else {
            i128::try_from(mag).ok()
        }
    }
    /// The value as an i64, when it fits (no allocation).
    pub fn to_i64(&self) -> Option<i64> {
        self.to_i128().and_then(|v| i64::try_from(v).ok())
    }
}

/// A float that is not representable inline (a NaN with a payload in the tag space).
#[derive(Trace)]
pub struct BoxedFloat(pub f64);
payload!(BoxedFloat, kinds::FLOAT, "float");

#[derive(Trace)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}
payload!(Complex, kinds::COMPLEX, "complex");
