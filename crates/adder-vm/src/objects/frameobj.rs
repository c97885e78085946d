//! Python-visible frame objects (`sys._getframe()`, `tb.tb_frame`).
//!
//! Invariant: a frame object is a snapshot of a running frame, refreshed
//! (line, last instruction, fast locals) every time the live frame is asked
//! for it again; it never points at the live `Frame` itself, so the loop can
//! move, recycle and drop frames freely.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Value, ValueCell};

use crate::kinds;

pub struct FrameObject {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of module and class frames (NULL for functions).
    pub locals: Value,
    /// The function frame's fast locals and cells at the last refresh.
    pub fast: RefCell<Vec<Value>>,
    pub lineno: Cell<u32>,
    pub lasti: Cell<u32>,
    /// The caller's frame object, or None.
    pub back: ValueCell,
    /// `f_trace` (stored, never called: tracing is not implemented).
    pub trace: ValueCell,
}

payload!(FrameObject, kinds::FRAME, "frame", traverse(self, visit) {
    visit(&self.code);
    visit(&self.globals);
    visit(&self.builtins);
    visit(&self.locals);
    if let Ok(f) = self.fast.try_borrow() {
        for v in f.iter() {
            visit(v);
        }
    }
    let b = self.back.get();
    visit(&b);
    let t = self.trace.get();
    visit(&t);
}, clear(self) {
    let old = self.fast.try_borrow_mut().map(|mut f| std::mem::take(&mut *f));
    self.back.set(Value::NONE);
    self.trace.set(Value::NONE);
    drop(old);
});
