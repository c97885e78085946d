//! Numeric and binary-data modules (math, cmath, _random, _struct, binascii).
//!
//! Invariant: modules are registered here only once they work; until then
//! importing them raises ImportError like any missing module.

use adder_vm::NativeModule;

/// The modules this crate provides (being written).
pub fn modules() -> Vec<NativeModule> {
    Vec::new()
}
