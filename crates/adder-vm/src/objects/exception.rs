//! `BaseException` instances and tracebacks.
//!
//! Invariant: every exception object has a `__dict__` slot (exception
//! subclasses routinely carry attributes); `traceback` is None or a
//! `Traceback` chain whose head is the outermost frame.

use std::cell::Cell;

use adder_object::{payload, Value, ValueCell};

use crate::kinds;

pub struct Exception {
    pub args: ValueCell,
    pub traceback: ValueCell,
    pub cause: ValueCell,
    pub context: ValueCell,
    pub suppress_context: Cell<bool>,
    pub notes: ValueCell,
    /// An exception group's `exceptions` (a tuple copied at construction;
    /// `args[1]` stays the caller's sequence, as in CPython); NULL otherwise.
    pub group: ValueCell,
}
payload!(Exception, kinds::EXCEPTION, "BaseException", traverse(self, visit) {
    for c in [&self.args, &self.traceback, &self.cause, &self.context, &self.notes, &self.group] { let v = c.get(); visit(&v); }
}, clear(self) {
    for c in [&self.traceback, &self.cause, &self.context] { c.set(Value::NONE) }
    self.notes.set(Value::NULL);
    self.group.set(Value::NULL);
});

impl Exception {
    pub fn new(args: Value) -> Exception {
        Exception {
            args: ValueCell::new(args),
            traceback: ValueCell::new(Value::NONE),
            cause: ValueCell::new(Value::NONE),
            context: ValueCell::new(Value::NONE),
            suppress_context: Cell::new(false),
            notes: ValueCell::new(Value::NULL),
            group: ValueCell::new(Value::NULL),
        }
    }
}

/// One traceback entry: a frame summary (code, line) and the next entry.
pub struct Traceback {
    pub code: Value,
    pub lasti: u32,
    pub lineno: u32,
    pub next: ValueCell,
    pub frame: Value,
}
payload!(Traceback, kinds::TRACEBACK, "traceback", traverse(self, visit) {
    visit(&self.code); let n = self.next.get(); visit(&n); visit(&self.frame);
}, clear(self) {
    self.next.set(Value::NONE);
});
