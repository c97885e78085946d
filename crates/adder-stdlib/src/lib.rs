//! The native standard library as one registry: every module that CPython
//! implements in C and Adder implements in Rust, gathered from the crates
//! that implement them, plus the start-up hooks they need.
//!
//! Invariant: this crate only lists; each module lives in the crate of its
//! concept, and nothing here runs until an interpreter imports a module.

use adder_vm::{NativeModule, StartupHook};

/// Every native module of the standard library.
pub fn modules() -> Vec<NativeModule> {
    let mut v = Vec::new();
    v.extend(adder_io::modules());
    v.extend(adder_os::modules());
    v.extend(adder_sre::modules());
    v.extend(adder_collections::modules());
    v.extend(adder_math::modules());
    v.extend(adder_ast::modules());
    v.extend(adder_textmods::modules());
    v
}

/// Start-up hooks, in order (e.g. the real `sys.stdout`).
pub fn startup() -> Vec<StartupHook> {
    let mut v = Vec::new();
    v.extend(adder_io::startup());
    v.extend(adder_os::startup());
    v
}
