//! Adder's memory layer: the `Value` word, heap object headers, allocation
//! and reference counting.
//!
//! Invariant: this crate and the code-image loader are the only places with
//! `unsafe`; everything above it (the VM, the builtins) manipulates objects
//! through the safe API here. It has no Python semantics of its own.

pub mod cycles;
pub mod gcheap;
pub mod heap;
pub mod incremental;
pub mod shape;
pub mod value;
pub mod weak;

pub use heap::{alloc, Header, Meta, Obj, Payload, Ref, VTable, ValueCell};
pub use value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};
