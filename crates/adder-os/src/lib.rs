//! The operating-system modules (`posix`, `errno`, `_stat`, `time`,
//! `_signal`, `select`, `fcntl`, ...), all through the `Host` trait.
//!
//! Invariant: nothing here calls the OS directly; every request goes through
//! `vm.host`, so the sandboxed and in-memory hosts see all of it.

use adder_vm::NativeModule;

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    Vec::new()
}
