//! Native modules that belong to the interpreter itself (they need its
//! internals): `_weakref`, `_thread`, `_imp`, `_warnings`, `atexit`,
//! `marshal`, `_opcode`, `gc`, and the lazily executed `_frozen_importlib*`.
//!
//! Invariant: like every native module, each is created on first import only.

use crate::native::NativeModule;

pub mod gc;
pub mod imp;
pub mod marshal;
pub mod pysource;
pub mod small;
pub mod thread;
pub mod weakref;

/// The interpreter's own native modules (always available, whatever the
/// embedding registers).
pub const MODULES: &[NativeModule] = &[
    NativeModule {
        name: "_weakref",
        init: weakref::init,
    },
    NativeModule {
        name: "_thread",
        init: thread::init,
    },
    NativeModule {
        name: "_imp",
        init: imp::init_imp,
    },
    NativeModule {
        name: "_frozen_importlib",
        init: imp::init_bootstrap,
    },
    NativeModule {
        name: "_frozen_importlib_external",
        init: imp::init_bootstrap_external,
    },
    NativeModule {
        name: "marshal",
        init: imp::init_marshal,
    },
    NativeModule {
        name: "_warnings",
        init: small::init_warnings,
    },
    NativeModule {
        name: "atexit",
        init: small::init_atexit,
    },
    NativeModule {
        name: "_opcode",
        init: small::init_opcode,
    },
    NativeModule {
        name: "_adder_generics",
        init: pysource::init_generics,
    },
    NativeModule {
        name: "gc",
        init: gc::init,
    },
    NativeModule {
        name: "_adder_reduce",
        init: pysource::init_reduce,
    },
    NativeModule {
        name: "_string",
        init: pysource::init_string,
    },
];
