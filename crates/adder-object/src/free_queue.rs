//! Bounded native recursion when objects are freed.
//!
//! Freeing an object drops the references it held, which can free those
//! objects in turn: a linked chain of a million nodes, or a list nested a
//! million deep, would otherwise free itself through a million nested native
//! calls and overflow the thread's stack (CPython bounds this with its
//! "trashcan"). Here the nesting is counted per thread.
//!
//! Invariants:
//! - At most `MAX_NESTED` frees run nested inside one another; an object
//!   whose last reference goes while that many are running waits in this
//!   thread's `WAITING` list instead of being freed on the spot.
//! - A waiting object is dead to Python (nothing references it) and already
//!   detached from everything that could find it by address (`heap::dealloc`
//!   ran its finaliser check, cleared the weakrefs to it and, for a weakref,
//!   took it off its target's list, before queueing it); it keeps a
//!   reference count of 1, owned by the list, so that the cycle collector,
//!   should it look at the object's block, sees an object held from outside
//!   and never frees it a second time.
//! - The outermost free (nesting 0) empties the list before it returns, so
//!   the list is empty whenever no free is running: every object is freed
//!   before control returns to the code that dropped the first reference.

use std::cell::{Cell, RefCell};

use crate::heap::Header;

/// Nested frees allowed before objects are queued (about 200 bytes of native
/// stack each).
const MAX_NESTED: u32 = 64;
/// A drained list keeping more room than this gives it back.
const KEEP_CAPACITY: usize = 256;

thread_local! {
    static NESTING: Cell<u32> = const { Cell::new(0) };
    static WAITING: RefCell<Vec<*mut Header>> = const { RefCell::new(Vec::new()) };
}

/// Frees `h`, whose last reference was just dropped, with `free_now` — now,
/// or, when `MAX_NESTED` frees are already running, once the outermost one
/// has finished its own object.
///
/// # Safety
/// `h` must be a live object whose last reference was dropped, detached
/// by `heap::dealloc` with its count held at 1 (the list owns that count
/// while `h` waits), and `free_now` must free such an object (possibly
/// dropping more references).
#[inline(always)]
pub(crate) unsafe fn free(h: *mut Header, free_now: impl Fn(*mut Header)) {
    let nesting = NESTING.get();
    if nesting >= MAX_NESTED {
        // At thread exit, once the list itself is gone, free in place.
        if WAITING.try_with(|w| w.borrow_mut().push(h)).is_ok() {
            return;
        }
    }
    NESTING.set(nesting + 1);
    // Restores the nesting even if a free panics (an embedder may catch it).
    struct Restore(u32);
    impl Drop for Restore {
        fn drop(&mut self) {
            NESTING.set(self.0);
        }
    }
    let _restore = Restore(nesting);
    free_now(h);
    if nesting == 0 {
        drain(&free_now);
    }
}

/// Frees every waiting object (those freed meanwhile may queue more).
#[cold]
fn drain(free_now: &impl Fn(*mut Header)) {
    let mut drained = false;
    while let Some(h) = WAITING.try_with(|w| w.borrow_mut().pop()).ok().flatten() {
        drained = true;
        free_now(h);
    }
    if drained {
        let _ = WAITING.try_with(|w| {
            let mut w = w.borrow_mut();
            if w.capacity() > KEEP_CAPACITY {
                *w = Vec::new();
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycles::tests::{node, Node};
    use crate::heap::{Meta, Payload};
    use crate::value::Value;
    use std::rc::Rc;

    /// A chain far longer than a small stack could free recursively is
    /// freed completely, on a thread with 256 KiB of stack.
    #[test]
    fn a_long_chain_frees_in_bounded_stack() {
        const LINKS: u32 = 200_000;
        let t = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(|| {
                let meta = Meta::new(Node::vtable());
                let drops = Rc::new(Cell::new(0));
                let mut head = Value::NONE;
                for _ in 0..LINKS {
                    let n = node(&meta, &drops);
                    *n.downcast::<Node>().unwrap().next.borrow_mut() = head;
                    head = n;
                }
                drop(head);
                let waiting = WAITING.with(|w| w.borrow().len());
                (drops.get(), NESTING.get(), waiting)
            })
            .expect("spawn");
        assert_eq!(t.join().expect("no stack overflow"), (LINKS, 0, 0));
    }
}
