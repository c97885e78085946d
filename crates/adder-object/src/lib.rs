//! Adder's memory layer: the `Value` word, heap object headers, allocation
//! and reference counting.
//!
//! Invariant: this crate and the code-image loader are the only places with
//! `unsafe`; everything above it (the VM, the builtins) manipulates objects
//! through the safe API here. It has no Python semantics of its own.

pub mod block;
pub mod buffer;
pub mod cycles;
mod free_queue;
pub mod gcheap;
pub mod heap;
pub mod incremental;
pub mod shape;
pub mod trace;
pub mod value;
pub mod weak;

// The derive names paths as `::adder_object::..`, in this crate too.
extern crate self as adder_object;

/// `#[derive(Trace)]` (crates/adder-derive) and the trait it implements:
/// one import gives a payload crate both.
pub use adder_derive::Trace;
pub use buffer::BufferProcs;
pub use heap::{
    alloc, alloc_with_bytes, alloc_with_text, alloc_with_text_filled, bytes_of, tail_at, text_of,
    BytesHome, Header, InHeap, Meta, Obj, Payload, Ref, TextFrame, TextSink, VTable, ValueCell,
};
pub use trace::Trace;
pub use value::{Unowned, Value, SMALL_INT_MAX, SMALL_INT_MIN};
