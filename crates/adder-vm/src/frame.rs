//! Execution frames.
//!
//! Invariants: a frame lives in a `Box` so it can move between the VM's frame
//! stack, a local of the loop and a suspended generator without copying;
//! `stack` is one block (`Slots`): its fast slots are `nlocals` locals (NULL
//! when unbound) followed by one `Cell` object per cell and free variable,
//! and above them the operand stack, whose depth never exceeds the code's
//! `stacksize` for well-formed bytecode (the block grows if it would).

use std::cell::UnsafeCell;

use adder_object::trace::ClearField;
use adder_object::{Trace, Value};

use crate::objects::function::Code;
use crate::slots::Slots;

/// Traced only while parked in a suspended generator (frames on the VM's
/// frame stack belong to no object).
pub struct Frame {
    pub code: Value,
    pub func: Value,
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks).
    pub lasti: usize,
    /// The fast slots (`stack.locals()`) and the operand stack.
    pub stack: Slots,
    pub globals: Value,
    /// Reported like every owned reference: `exec` with a user-supplied
    /// `__builtins__` dict can put it in a cycle.
    pub builtins: Value,
    /// `globals` and `builtins` are borrowed from `func` (which keeps them
    /// alive: a function's are read-only) instead of owned: a plain call
    /// skips two increments and two decrements. Such a frame neither
    /// drops nor reports them; it is never parked (`Vm::fast_frame` builds
    /// no generator frames) and the fields are not assigned while it is set.
    pub env_borrowed: bool,
    /// The locals mapping of module and class bodies (NULL in functions).
    pub locals: Value,
    /// The generator that owns this frame (NULL for plain calls).
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

impl Trace for Frame {
    const MAY_HOLD: bool = true;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.func);
        self.stack.trace(visit);
        if !self.env_borrowed {
            visit(&self.globals);
            visit(&self.builtins);
        }
        visit(&self.locals);
        visit(&self.obj);
        // `gen` is NULL whenever the frame is parked, the only time it is
        // traced (`Generator::store_frame`).
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        self.release_env();
    }
}

impl Frame {
    /// Forgets a borrowed `globals`/`builtins` (leaving NULLs, owned).
    #[inline]
    pub fn release_env(&mut self) {
        if self.env_borrowed {
            self.env_borrowed = false;
            std::mem::forget(self.globals.take());
            std::mem::forget(self.builtins.take());
        }
    }

    pub fn code(&self) -> &Code {
        self.code.downcast::<Code>().expect("frame code")
    }
    pub fn lineno(&self) -> u32 {
        self.code().code.line_of(self.lasti)
    }
}

/// A generator's frame while the generator is not running (empty while it
/// runs, when the frame is the loop's, and once it has finished).
///
/// Invariant: no reference into the cell outlives a method call: `take` and
/// `replace` move the box in and out, and `peek` lends the frame to a
/// closure that only reads it (it must not run Python code, drop values or
/// touch this cell). One word, where a `RefCell` would take two: it is part
/// of every suspended generator.
#[derive(Default)]
pub struct ParkedFrame(UnsafeCell<Option<Box<Frame>>>);

impl ParkedFrame {
    pub fn take(&self) -> Option<Box<Frame>> {
        // SAFETY: no reference into the cell is live (type invariant).
        unsafe { (*self.0.get()).take() }
    }

    /// Puts `f` in and returns what was there (the caller drops it, after
    /// the cell is consistent again).
    pub fn replace(&self, f: Option<Box<Frame>>) -> Option<Box<Frame>> {
        // SAFETY: as in `take`.
        unsafe { std::mem::replace(&mut *self.0.get(), f) }
    }

    /// Runs `read` on the parked frame, if there is one.
    pub fn peek<R>(&self, read: impl FnOnce(&Frame) -> R) -> Option<R> {
        // SAFETY: the shared borrow lives only during `read`, which does not
        // reach `take`/`replace` (type invariant).
        unsafe { (*self.0.get()).as_deref().map(read) }
    }
}

impl Trace for ParkedFrame {
    const MAY_HOLD: bool = true;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.peek(|f| f.trace(visit));
    }
}

impl ClearField for ParkedFrame {
    type Taken = Box<Frame>;
    fn take_out(&self) -> Option<Box<Frame>> {
        self.take()
    }
}
