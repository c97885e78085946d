//! The operating-system modules (posix, errno, _stat, time, _signal, select, fcntl), all through the Host trait.
//!
//! Invariant: modules are registered here only once they work; until then
//! importing them raises ImportError like any missing module.

use adder_vm::NativeModule;

/// The modules this crate provides (being written).
pub fn modules() -> Vec<NativeModule> {
    Vec::new()
}
