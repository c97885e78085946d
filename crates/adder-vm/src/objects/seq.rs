//! `tuple`, `list`, `range` and `slice` payloads.
//!
//! Invariant: a `List`'s `RefCell` is borrowed only for the duration of a
//! primitive operation that does not call Python code; anything that may
//! call out (comparisons, `repr`, `__index__`) first copies what it needs.

use std::cell::RefCell;

use adder_object::{payload, Trace, Value};
use num_bigint::BigInt;

use crate::kinds;

#[derive(Trace)]
pub struct Tuple {
    pub items: Box<[Value]>,
}
payload!(Tuple, kinds::TUPLE, "tuple", traverse_from(self, start, budget, visit) {
    crate::objects::chunk(&self.items, start, budget, visit)
}, untrack_if = tuple_of_atoms);

/// An exact tuple whose items are all atoms (inline values, objects the
/// collector never examines, or tuples it untracked): immutable, it can
/// never be in a cycle, so the collector stops examining it (CPython
/// untracks such tuples too). A subclass instance is left alone: its class
/// (a heap type) could reach it back.
fn tuple_of_atoms(h: &adder_object::Header) -> bool {
    let class = h.class_header();
    // SAFETY: a live object's class is alive; builtin types are immortal.
    if class.is_null() || unsafe { (*class).refcount() } != adder_object::heap::IMMORTAL {
        return false;
    }
    let Some(t) = h.payload::<Tuple>() else {
        return false;
    };
    t.items.iter().all(|v| {
        v.header()
            .is_none_or(|x| !x.is_tracked() || x.has_flag(adder_object::heap::FLAG_UNTRACKED))
    })
}

#[derive(Trace)]
pub struct List {
    #[trace(clear)]
    pub items: RefCell<Vec<Value>>,
}
payload!(List, kinds::LIST, "list", traverse_from(self, start, budget, visit) {
    self.items.try_borrow().ok().and_then(|items| crate::objects::chunk(&items, start, budget, visit))
});

impl List {
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
    /// Appends, growing the storage geometrically. (A CPython-like 1/8
    /// over-allocation was measured to double the resident size of a
    /// 200,000-item list: the allocator keeps every outgrown buffer mapped.)
    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }
}

/// `range(start, stop, step)`; bounds are arbitrary-precision.
/// Not tracked: it holds only ints, which can never close a cycle.
#[derive(Trace)]
pub struct Range {
    #[trace(skip)]
    pub start: BigInt,
    #[trace(skip)]
    pub stop: BigInt,
    #[trace(skip)]
    pub step: BigInt,
    /// The bounds as int objects (owned; left out, see above).
    #[trace(skip)]
    pub values: [Value; 3],
}
payload!(Range, kinds::RANGE, "range");

#[derive(Trace)]
pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
payload!(Slice, kinds::SLICE, "slice");
