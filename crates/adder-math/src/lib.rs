//! Numeric and binary-data modules: `math`, `cmath`, `_random`, `_struct`,
//! `binascii`, and the hash and compression modules.
//!
//! Invariant: results and error messages match CPython 3.11 bit for bit
//! (float results come from the same libm functions, combined in the same
//! order, as CPython's).

mod binascii;
mod cmath;
mod hashes;
mod math;
mod random;
mod structmod;
mod util;

use adder_vm::NativeModule;

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    let mut v = vec![
        math::module(),
        cmath::module(),
        random::module(),
        structmod::module(),
        binascii::module(),
    ];
    v.extend(hashes::modules());
    v
}
