//! Python-visible frame objects (`sys._getframe()`, `tb.tb_frame`).
//!
//! Invariant: a frame object is a snapshot of a running frame, refreshed
//! (line, last instruction, fast locals) every time the live frame is asked
//! for it again; it never points at the live `Frame` itself, so the loop can
//! move, recycle and drop frames freely.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace, Value, ValueCell};

use crate::kinds;

#[derive(Trace)]
pub struct FrameObject {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of module and class frames (NULL for functions).
    pub locals: Value,
    /// The function frame's fast locals and cells at the last refresh.
    #[trace(clear)]
    pub fast: RefCell<Vec<Value>>,
    pub lineno: Cell<u32>,
    pub lasti: Cell<u32>,
    /// The caller's frame object, or None.
    #[trace(clear = "none")]
    pub back: ValueCell,
    /// `f_trace` (stored, never called: tracing is not implemented).
    #[trace(clear = "none")]
    pub trace: ValueCell,
}

payload!(FrameObject, kinds::FRAME, "frame");
