//! _sre, the regular-expression engine behind CPython's re package.
//!
//! Invariant: modules are registered here only once they work; until then
//! importing them raises ImportError like any missing module.

use adder_vm::NativeModule;

/// The modules this crate provides (being written).
pub fn modules() -> Vec<NativeModule> {
    Vec::new()
}
