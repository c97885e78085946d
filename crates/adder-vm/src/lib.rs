//! Adder's virtual machine: the object model's semantics, the stackless
//! interpreter loop, the builtins, and the import system.
//!
//! Invariant: all state lives in a `Vm`; the only way in from outside is
//! `Interpreter`, which owns one `Vm` and a `Host`.

pub mod attr;
pub mod attrcache;
pub mod boot;
pub mod buffer;
pub mod builtins;
pub mod call;
pub mod collector;
pub mod compile_warnings;
pub mod eval;
pub mod fasthash;
pub mod finalize;
pub mod frame;
pub mod import;
pub mod interp;
pub mod kinds;
pub mod modules;
pub mod names;
pub mod native;
pub mod num;
pub mod objects;
pub mod ops;
pub mod protocol;
mod sizes;
pub mod slots;
pub mod suggestions;
pub mod traceback;
pub mod vm;
mod warn;

pub use interp::{fuzz_entry, Config, Interpreter};
pub use native::{NativeModule, StartupHook};
pub use vm::{Args, PyResult, Vm};
