//! Module objects: a name and a namespace dict.
//!
//! Invariant: `dict` is a `dict` object and is the module's globals.

use adder_object::{payload, Value};

use crate::kinds;

pub struct Module {
    pub dict: Value,
}
payload!(Module, kinds::MODULE, "module", traverse(self, visit) { visit(&self.dict) });
