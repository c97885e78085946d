//! `set` and `frozenset`: the dict table with unused values.
//!
//! Invariant: every entry's value is `NULL`; a frozen set's table is never
//! changed after construction, so its cached hash stays valid.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace};

use crate::kinds;
use crate::objects::dict::Table;

#[derive(Trace)]
pub struct Set {
    #[trace(clear)]
    pub table: RefCell<Table>,
    pub frozen: bool,
    pub hash: Cell<i64>,
}
payload!(Set, kinds::SET, "set", traverse_from(self, start, budget, visit) {
    let t = self.table.try_borrow().ok()?;
    let end = start.saturating_add(budget.max(1)).min(t.entries.len());
    for e in t.entries.get(start..end)? { visit(&e.key); }
    (end < t.entries.len()).then_some(end)
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
