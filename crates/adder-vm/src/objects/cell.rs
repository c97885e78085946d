//! Closure cells.
//!
//! Invariant: a cell's content is NULL while the variable is unbound.

use adder_object::{payload, ValueCell};

use crate::kinds;

pub struct Cell {
    pub value: ValueCell,
}
payload!(Cell, kinds::CELL, "cell", traverse(self, visit) {
    // SAFETY-free read: traversal does not run Python code.
    let v = self.value.get(); visit(&v);
}, clear(self) {
    self.value.set(adder_object::Value::NULL);
});
