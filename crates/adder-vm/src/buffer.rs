//! The consumer side of the buffer protocol: every native function that
//! takes "a bytes-like object" reads it here, whatever the exporter
//! (`bytes`, `bytearray`, `memoryview`, `array.array`, or any layout that
//! names `BufferProcs` in its vtable; see `adder_object::buffer`).
//!
//! Invariant: an object is bytes-like exactly when its layout has buffer
//! procs; consumers never special-case an exporter, and exporters never
//! know their consumers. Reads copy or borrow the bytes for the length of
//! one call, so no Python code runs while an exporter's memory is lent.

use std::cell::Cell;

use adder_object::{BufferProcs, Value};

use crate::objects::string::{ByteArray, Bytes};
use crate::vm::{PyResult, Vm};

/// The buffer procs of `v`'s layout, if it exports a buffer.
#[inline]
pub fn procs(v: &Value) -> Option<&'static BufferProcs> {
    v.header()?.vtable().buffer
}

/// Whether `v` is bytes-like (`PyObject_CheckBuffer`).
pub fn is_buffer(v: &Value) -> bool {
    procs(v).is_some()
}

/// Runs `f` on the exported bytes of `v`, if it is bytes-like.
pub fn with_bytes<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    let p = procs(v)?;
    let mut f = Some(f);
    let mut out = None;
    (p.read)(v, &mut |b| {
        if let Some(f) = f.take() {
            out = Some(f(b));
        }
    });
    out
}

/// A copy of the exported bytes of `v`, if it is bytes-like.
pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    with_bytes(v, <[u8]>::to_vec)
}

/// The exported length of `v` in bytes.
pub fn byte_len(v: &Value) -> Option<usize> {
    with_bytes(v, <[u8]>::len)
}

/// The item format character and item size of `v`'s export.
pub fn format(v: &Value) -> Option<(u8, usize)> {
    procs(v).map(|p| (p.format)(v))
}

/// Whether `v` exports writable memory.
pub fn is_writable(v: &Value) -> bool {
    procs(v).is_some_and(|p| p.write.is_some() && !(p.readonly)(v))
}

/// Copies `data` to byte offset `at` of `v`'s writable export; false when
/// `v` is not writable or the range does not fit.
pub fn write(v: &Value, at: usize, data: &[u8]) -> bool {
    match procs(v).and_then(|p| p.write) {
        Some(w) => w(v, at, data),
        None => false,
    }
}

fn exports(v: &Value) -> Option<&Cell<usize>> {
    procs(v)?.exports?(v)
}

/// Records one more live export of `v` (a memoryview was made of it).
pub fn acquire(v: &Value) {
    if let Some(c) = exports(v) {
        c.set(c.get() + 1);
    }
}

/// Ends one export of `v` (its memoryview was released or died).
pub fn release(v: &Value) {
    if let Some(c) = exports(v) {
        c.set(c.get().saturating_sub(1));
    }
}

/// Whether `v` has live exports (and so must not be resized).
pub fn is_exported(v: &Value) -> bool {
    exports(v).is_some_and(|c| c.get() > 0)
}

/// `BufferError(msg)` when `v` has live exports.
pub fn check_resizable(vm: &Vm, v: &Value, msg: &str) -> PyResult<()> {
    if is_exported(v) {
        return Err(vm.new_exception_msg(&vm.t.buffer_error, msg));
    }
    Ok(())
}

/// A required bytes-like argument (`a bytes-like object is required, not 'X'`).
pub fn need_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

// ----- the exporters of the VM's own types --------------------------------------------

/// `bytes`: read-only.
pub static BYTES: BufferProcs = BufferProcs {
    read: |v, f| {
        if let Some(b) = v.downcast::<Bytes>() {
            f(&b.b)
        }
    },
    write: None,
    readonly: |_| true,
    format: |_| (b'B', 1),
    exports: None,
};

/// `bytearray`: writable and resizable, so it counts its exports.
pub static BYTEARRAY: BufferProcs = BufferProcs {
    read: |v, f| {
        if let Some(b) = v.downcast::<ByteArray>() {
            f(&b.b.borrow())
        }
    },
    write: Some(|v, at, data| {
        let Some(b) = v.downcast::<ByteArray>() else {
            return false;
        };
        let mut buf = b.b.borrow_mut();
        match buf.get_mut(at..at.saturating_add(data.len())) {
            Some(dst) => {
                dst.copy_from_slice(data);
                true
            }
            None => false,
        }
    }),
    readonly: |_| false,
    format: |_| (b'B', 1),
    exports: Some(|v| v.downcast::<ByteArray>().map(|b| &b.exports)),
};
