//! The export side of the buffer protocol (CPython's `tp_as_buffer`): a
//! payload layout that lends its memory to consumers (`bytes()`,
//! `memoryview`, `b"".join`, `struct.pack_into`, ...) names a static
//! `BufferProcs` in its vtable (`payload!(T, KIND, "name", buffer = &P)`).
//!
//! Invariant: the procs only ever see values of their own layout (the
//! vtable is reached through the object's header) and never run Python
//! code; a layout without procs is not bytes-like. An exporter whose size
//! can change refuses to resize while its export count is non-zero.

use std::cell::Cell;

use crate::Value;

/// Calls the callback with the exported bytes of the object.
pub type ReadFn = fn(&Value, &mut dyn FnMut(&[u8]));
/// Copies bytes to an offset of the object's export.
pub type WriteFn = fn(&Value, usize, &[u8]) -> bool;
/// The export counter of the object.
pub type ExportsFn = fn(&Value) -> Option<&Cell<usize>>;

/// How objects of one layout export their bytes.
pub struct BufferProcs {
    /// Calls `f` with the exported bytes as they are now.
    pub read: ReadFn,
    /// Copies `data` to byte offset `at` of a writable export; false when
    /// the range does not fit or the object is read-only now (nothing is
    /// written then).
    pub write: Option<WriteFn>,
    /// Whether this object's export is read-only (layouts with `write`
    /// may still lend some objects read-only, e.g. a read-only view).
    pub readonly: fn(&Value) -> bool,
    /// The struct format character of the items and the item size in bytes.
    pub format: fn(&Value) -> (u8, usize),
    /// The counter of live exports (memoryviews), for exporters that can
    /// be resized.
    pub exports: Option<ExportsFn>,
}
