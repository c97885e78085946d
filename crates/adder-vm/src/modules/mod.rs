//! Native modules that belong to the interpreter itself (they need its
//! internals): `_weakref`, ...
//!
//! Invariant: like every native module, each is created on first import only.

use crate::native::NativeModule;

pub mod weakref;

/// The interpreter's own native modules (always available, whatever the
/// embedding registers).
pub const MODULES: &[NativeModule] = &[NativeModule {
    name: "_weakref",
    init: weakref::init,
}];
