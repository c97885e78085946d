//! `set` and `frozenset`: the dict table with unused values.
//!
//! Invariant: every entry's value is `NULL`; a frozen set's table is never
//! changed after construction, so its cached hash stays valid.

use std::cell::{Cell, RefCell};

use adder_object::payload;

use crate::kinds;
use crate::objects::dict::Table;

pub struct Set {
    pub table: RefCell<Table>,
    pub frozen: bool,
    pub hash: Cell<i64>,
}
payload!(Set, kinds::SET, "set", traverse(self, visit) {
    if let Ok(t) = self.table.try_borrow() { for e in t.entries.iter() { visit(&e.key) } }
}, traverse_from(self, start, budget, visit) {
    let t = self.table.try_borrow().ok()?;
    let end = start.saturating_add(budget.max(1)).min(t.entries.len());
    for e in t.entries.get(start..end)? { visit(&e.key); }
    (end < t.entries.len()).then_some(end)
}, clear(self) {
    let old = self.table.try_borrow_mut().map(|mut t| t.clear());
    drop(old);
});

impl Set {
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn keys(&self) -> Vec<adder_object::Value> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }
}
