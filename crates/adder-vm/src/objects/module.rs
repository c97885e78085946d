//! Module objects: a name and a namespace dict.
//!
//! Invariant: `dict` is a `dict` object and is the module's globals.

use adder_object::{payload, Trace, Value};

use crate::kinds;

#[derive(Trace)]
pub struct Module {
    pub dict: Value,
}
payload!(Module, kinds::MODULE, "module");
