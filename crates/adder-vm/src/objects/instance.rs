//! Instances of Python classes, with attributes kept inline behind a shared
//! hidden class ("shape", called a map in PyPy and V8).
//!
//! An instance is a header plus `capacity` trailing slots. Its header's meta
//! points at a `Shape` of its class; the shape maps attribute names to slot
//! indices. Adding an attribute follows (or creates) a transition to a child
//! shape. When an instance outgrows its slots, or someone asks for its
//! `__dict__`, it switches to *dict mode*: slot 0 holds a real `dict` and the
//! header points at the class's dict-mode shape.
//!
//! Invariants: shapes form a tree owned by the class (`TypeObject`), children
//! boxed so their addresses never move while the class lives; an instance in
//! shape `s` has `s.names.len() <= capacity` and slot `i` holds attribute
//! `s.names[i]`; attribute names in shapes are interned strings, compared by
//! identity.

pub use adder_object::shape::{Shape, MAX_INLINE};
use adder_object::{payload, Trace};

use crate::kinds;

/// The (empty) payload of a plain instance: everything is in the slots.
#[derive(Trace)]
pub struct Instance;
payload!(Instance, kinds::INSTANCE, "object");
