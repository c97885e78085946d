//! Numeric and binary-data modules: `math`, `cmath`, `_random`, `_struct`,
//! `binascii`, `zlib`, `array`, and the builtin hash modules (`_md5`, `_sha1`,
//! `_sha256`, `_sha512`, `_sha3`, `_blake2`).
//!
//! Invariant: results and error messages match CPython 3.11 bit for bit
//! (float results come from the same libm functions, combined in the same
//! order, as CPython's).

mod array;
mod binascii;
mod cmath;
mod hashes;
mod math;
mod random;
mod structmod;
mod util;
mod zlib;

use adder_vm::NativeModule;

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    let mut v = vec![
        math::module(),
        cmath::module(),
        random::module(),
        structmod::module(),
        binascii::module(),
        zlib::module(),
        array::module(),
    ];
    v.extend(hashes::modules());
    v
}
