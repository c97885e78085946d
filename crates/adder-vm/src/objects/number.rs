//! Numbers that do not fit in a `Value` word: big ints, boxed NaN floats and
//! complex numbers.
//!
//! Invariant: a `BigInt` payload never holds a value that fits in a small
//! int (`Vm::new_bigint` normalises), so int equality of two small ints is
//! word equality and a big int is never equal to a small one.

use adder_object::{payload, Trace};
use num_bigint::BigInt as Big;

use crate::kinds;

/// The bignum (foreign, skipped) owns no references.
#[derive(Trace)]
pub struct BigInt(#[trace(skip)] pub Big);
payload!(BigInt, kinds::BIGINT, "int");

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
