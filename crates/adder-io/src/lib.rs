//! `_io` and `_codecs`: the layered I/O stack (raw file descriptors through
//! the host, buffering, text decoding) and the codec registry.
//!
//! Invariant: every byte that reaches or leaves the outside world goes through
//! `vm.host`; nothing here touches the OS directly.

use adder_vm::{NativeModule, StartupHook};

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    Vec::new()
}

/// Start-up hooks (the real `sys.stdin`/`stdout`/`stderr`).
pub fn startup() -> Vec<StartupHook> {
    Vec::new()
}
