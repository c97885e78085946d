//! `tuple`, `list`, `range` and `slice` payloads.
//!
//! Invariant: a `List`'s `RefCell` is borrowed only for the duration of a
//! primitive operation that does not call Python code; anything that may
//! call out (comparisons, `repr`, `__index__`) first copies what it needs.

use std::cell::RefCell;

use adder_object::{payload, Value};
use num_bigint::BigInt;

use crate::kinds;

pub struct Tuple {
    pub items: Box<[Value]>,
}
payload!(Tuple, kinds::TUPLE, "tuple", traverse(self, visit) {
    for v in self.items.iter() { visit(v) }
}, traverse_from(self, start, budget, visit) {
    crate::objects::chunk(&self.items, start, budget, visit)
});

pub struct List {
    pub items: RefCell<Vec<Value>>,
}
payload!(List, kinds::LIST, "list", traverse(self, visit) {
    if let Ok(items) = self.items.try_borrow() { for v in items.iter() { visit(v) } }
}, traverse_from(self, start, budget, visit) {
    self.items.try_borrow().ok().and_then(|items| crate::objects::chunk(&items, start, budget, visit))
}, clear(self) {
    let old = self.items.try_borrow_mut().map(|mut v| std::mem::take(&mut *v));
    drop(old);
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
pub struct Range {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub values: [Value; 3],
}
payload!(Range, kinds::RANGE, "range");

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
payload!(Slice, kinds::SLICE, "slice", traverse(self, visit) {
    visit(&self.start); visit(&self.stop); visit(&self.step);
});
