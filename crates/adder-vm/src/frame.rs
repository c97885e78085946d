//! Execution frames.
//!
//! Invariants: a frame lives in a `Box` so it can move between the VM's frame
//! stack, a local of the loop and a suspended generator without copying;
//! `fast` holds `nlocals` local slots (NULL when unbound) followed by one
//! `Cell` object per cell and free variable; `stack.len()` never exceeds the
//! code's `stacksize` for well-formed bytecode.

use adder_object::{Trace, Value};

use crate::objects::function::Code;

/// Traced only while parked in a suspended generator (frames on the VM's
/// frame stack belong to no object).
#[derive(Trace)]
pub struct Frame {
    pub code: Value,
    pub func: Value,
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks).
    pub lasti: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Value>,
    pub globals: Value,
    /// Reported like every owned reference: `exec` with a user-supplied
    /// `__builtins__` dict can put it in a cycle.
    pub builtins: Value,
    /// The locals mapping of module and class bodies (NULL in functions).
    pub locals: Value,
    /// The generator that owns this frame (NULL for plain calls). Skipped:
    /// NULL whenever the frame is parked, the only time it is traced
    /// (`Generator::store_frame`).
    #[trace(skip)]
    pub gen: Value,
    /// Entered from native code: when it returns or yields, the loop that
    /// runs it returns to its Rust caller.
    pub boundary: bool,
    /// This frame's Python-visible frame object, once asked for (NULL until).
    pub obj: Value,
    /// An `__init__` run by the loop on behalf of `cls(...)`: the new
    /// instance already sits on the caller's stack as the call's result,
    /// and `__init__` must return None.
    pub init: bool,
}

impl Frame {
    pub fn code(&self) -> &Code {
        self.code.downcast::<Code>().expect("frame code")
    }
    pub fn lineno(&self) -> u32 {
        self.code().code.line_of(self.lasti)
    }
}
