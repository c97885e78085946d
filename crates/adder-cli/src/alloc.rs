//! The process allocator: mimalloc, entered through its plain `malloc`
//! family whenever the layout allows it.
//!
//! Invariant: a block is freed and resized by the same family that made it:
//! every layout with `align <= MIN_ALIGN && align <= size` goes through
//! `mi_malloc`/`mi_realloc` (malloc's guarantee covers it, as for the system
//! allocator), any other through mimalloc's aligned entry points; `mi_free`
//! frees both. The `mimalloc` crate's own `GlobalAlloc` calls the aligned
//! entry points for every layout, which costs about twice as many
//! instructions per allocation on the interpreter's hot paths.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// What `malloc` guarantees on x86-64 and aarch64 Linux.
const MIN_ALIGN: usize = 16;

pub struct Allocator;

#[inline(always)]
fn plain(layout: &Layout) -> bool {
    layout.align() <= MIN_ALIGN && layout.align() <= layout.size()
}

// SAFETY: every method forwards to mimalloc with a layout-compatible call
// (module invariant), and mimalloc is thread-safe.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(&layout) {
            unsafe { mi::mi_malloc(layout.size()) as *mut u8 }
        } else {
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(&layout) {
            unsafe { mi::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if plain(&layout) && plain(&new) {
            unsafe { mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8 }
        } else {
            unsafe {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}
