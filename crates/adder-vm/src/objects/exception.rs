//! `BaseException` instances and tracebacks.
//!
//! Invariant: every exception object has a `__dict__` slot (exception
//! subclasses routinely carry attributes); `traceback` is None or a
//! `Traceback` chain whose head is the outermost frame.

use std::cell::Cell;

use adder_object::{payload, Trace, Value, ValueCell};

use crate::kinds;

#[derive(Trace)]
pub struct Exception {
    pub args: ValueCell,
    #[trace(clear = "none")]
    pub traceback: ValueCell,
    #[trace(clear = "none")]
    pub cause: ValueCell,
    #[trace(clear = "none")]
    pub context: ValueCell,
    pub suppress_context: Cell<bool>,
    #[trace(clear = "null")]
    pub notes: ValueCell,
    /// An exception group's `exceptions` (a tuple copied at construction;
    /// `args[1]` stays the caller's sequence, as in CPython); NULL otherwise.
    #[trace(clear = "null")]
    pub group: ValueCell,
}
payload!(Exception, kinds::EXCEPTION, "BaseException");

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
#[derive(Trace)]
pub struct Traceback {
    pub code: Value,
    /// `tb_lasti`: a byte offset (twice the instruction index), as CPython's.
    pub lasti: u32,
    pub lineno: u32,
    #[trace(clear = "none")]
    pub next: ValueCell,
    pub frame: Value,
}
payload!(Traceback, kinds::TRACEBACK, "traceback");
