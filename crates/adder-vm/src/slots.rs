//! A frame's values in one block: its locals, cells and free variables
//! (the "fast" slots) followed by its operand stack.
//!
//! Invariants: `ptr` points to `cap` value words (dangling when `cap` is 0);
//! the first `len` hold live values (NULL counts as live: it owns nothing),
//! the rest are uninitialised; `base <= len <= cap`. `[0, base)` are the fast
//! slots, `[base, len)` the operand stack, bottom first. Stack indices
//! (`Index`, `len`, `truncate`...) are relative to `base`. Every access is
//! bounds-checked; only the copies between live and spare words are `unsafe`.
//!
//! One block instead of two vectors: a call lays out its callee's slots with
//! one capacity check, arguments move with one copy, and a suspended
//! generator owns one allocation, sized for its code, instead of two.

use std::alloc::{self, Layout};
use std::ops::{Index, IndexMut};
use std::ptr::{self, NonNull};

use adder_object::{Trace, Value};

use crate::vm::ArgVec;

pub struct Slots {
    ptr: NonNull<Value>,
    len: usize,
    cap: usize,
    base: usize,
}

// Size is part of the generator's footprint (issue 4's object-size table).
// (Word-sized counters: u32 ones cost a zero-extension per stack access.)
const _: () = assert!(std::mem::size_of::<Slots>() == 32);

impl Default for Slots {
    fn default() -> Self {
        Slots::new()
    }
}

impl Slots {
    pub const fn new() -> Slots {
        Slots {
            ptr: NonNull::dangling(),
            len: 0,
            cap: 0,
            base: 0,
        }
    }

    /// Empties the block (fast slots included) and makes room for `total`
    /// values without reallocating. Values pushed next are stack items
    /// until `seal` turns them into the fast slots.
    #[inline]
    pub fn start(&mut self, total: usize) {
        if self.len != 0 {
            self.clear_all();
        }
        self.base = 0;
        if self.cap < total {
            // Exact: a generator keeps this block while suspended.
            self.resize_block(total.max(1));
        }
    }

    /// The values pushed since `start` become the fast slots; the stack is
    /// empty afterwards.
    pub fn seal(&mut self) {
        self.base = self.len;
    }

    /// Drops every value, fast slots included (keeps the allocation).
    pub fn clear_all(&mut self) {
        self.base = 0;
        self.truncate(0);
    }

    /// Words allocated (for the frame pool's size limit).
    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// The fast slots: locals, then one cell per cell and free variable.
    #[inline(always)]
    pub fn locals(&self) -> &[Value] {
        // SAFETY: `[0, base)` are live values (module invariant).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.base) }
    }

    #[inline(always)]
    pub fn locals_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `locals`; `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.base) }
    }

    /// The operand stack, bottom first.
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        // SAFETY: `[base, len)` are live values.
        unsafe {
            std::slice::from_raw_parts(self.ptr.as_ptr().add(self.base), self.len - self.base)
        }
    }

    #[inline(always)]
    pub fn items_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `items`, borrowed uniquely.
        unsafe {
            std::slice::from_raw_parts_mut(self.ptr.as_ptr().add(self.base), self.len - self.base)
        }
    }

    /// Depth of the operand stack.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len - self.base
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == self.base
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        if self.len == self.cap {
            self.grow(1);
        }
        // SAFETY: `len < cap` now, so the word is allocated and spare.
        unsafe { self.ptr.as_ptr().add(self.len).write(v) };
        self.len += 1;
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Option<Value> {
        if self.len == self.base {
            return None;
        }
        self.len -= 1;
        // SAFETY: the word was live and is now outside `[0, len)`: it is
        // read out exactly once.
        Some(unsafe { self.ptr.as_ptr().add(self.len).read() })
    }

    #[inline(always)]
    pub fn last(&self) -> Option<&Value> {
        self.items().last()
    }

    #[inline(always)]
    pub fn swap(&mut self, a: usize, b: usize) {
        self.items_mut().swap(a, b);
    }

    /// Inserts `v` at stack index `at` (<= len), shifting the items above.
    pub fn insert(&mut self, at: usize, v: Value) {
        assert!(at <= self.len(), "stack insert out of range");
        if self.len == self.cap {
            self.grow(1);
        }
        let at = self.base + at;
        // SAFETY: `[at, len)` are live and `len < cap`: shifting them one
        // word up stays in the allocation; the hole at `at` is then written.
        unsafe {
            let p = self.ptr.as_ptr().add(at);
            ptr::copy(p, p.add(1), self.len - at);
            p.write(v);
        }
        self.len += 1;
    }

    /// Keeps the bottom `depth` stack items, dropping the rest.
    pub fn truncate(&mut self, depth: usize) {
        let keep = self.base + depth;
        while self.len > keep {
            self.len -= 1;
            // SAFETY: the word was live and is no longer counted.
            unsafe { ptr::drop_in_place(self.ptr.as_ptr().add(self.len)) };
        }
    }

    /// Drops every stack item (the fast slots stay).
    pub fn clear(&mut self) {
        self.truncate(0);
    }

    pub fn extend(&mut self, it: impl IntoIterator<Item = Value>) {
        for v in it {
            self.push(v);
        }
    }

    /// Pushes `n` NULLs (unbound locals while building a frame).
    pub fn push_nulls(&mut self, n: usize) {
        self.reserve(n);
        for _ in 0..n {
            self.push(Value::NULL);
        }
    }

    /// Makes room for `n` more values.
    pub fn reserve(&mut self, n: usize) {
        if self.cap - self.len < n {
            self.grow(n);
        }
    }

    /// Lays out a called function's fast slots in this empty block, with
    /// one capacity check: the top `argc` items of `caller`'s stack (moved,
    /// they leave it), then `defaults` (the missing trailing positionals),
    /// NULL up to `nlocals`, then the closure's cells `frees`; with room for
    /// `stacksize` stack items above them.
    #[inline(always)]
    pub fn enter_call(
        &mut self,
        caller: &mut Slots,
        argc: usize,
        defaults: &[Value],
        nlocals: usize,
        frees: &[Value],
        stacksize: usize,
    ) {
        assert!(argc <= caller.len(), "bad call layout");
        // SAFETY: the top `argc` items of `caller` are live; they move here
        // and `caller` stops counting them.
        unsafe {
            let src = caller.ptr.as_ptr().add(caller.len - argc);
            self.lay_out(src, argc, defaults, nlocals, frees, stacksize);
        }
        caller.len -= argc;
    }

    /// `enter_call` with the arguments moved out of `args` (left empty).
    #[inline(always)]
    pub fn enter_args(
        &mut self,
        args: &mut ArgVec,
        defaults: &[Value],
        nlocals: usize,
        frees: &[Value],
        stacksize: usize,
    ) {
        let argc = args.len();
        // SAFETY: `args`' items are live; they move here and `args` stops
        // counting them (its length is set to 0 without dropping them).
        unsafe {
            self.lay_out(args.as_ptr(), argc, defaults, nlocals, frees, stacksize);
            args.set_len(0);
        }
    }

    /// # Safety
    /// `src` points to `argc` live values that the caller gives up (reads
    /// them as moved).
    #[inline(always)]
    unsafe fn lay_out(
        &mut self,
        src: *const Value,
        argc: usize,
        defaults: &[Value],
        nlocals: usize,
        frees: &[Value],
        stacksize: usize,
    ) {
        assert!(
            self.len == 0 && argc + defaults.len() <= nlocals,
            "bad call layout"
        );
        let total = nlocals + frees.len() + stacksize;
        if self.cap < total {
            self.resize_block(total);
        }
        // SAFETY: `total` words are allocated and this block holds no live
        // value, so every word written is spare; exactly
        // `nlocals + frees.len()` words are written.
        unsafe {
            let dst = self.ptr.as_ptr();
            for i in 0..argc {
                dst.add(i).write(src.add(i).read());
            }
            let mut k = argc;
            for d in defaults {
                dst.add(k).write(d.clone());
                k += 1;
            }
            while k < nlocals {
                dst.add(k).write(Value::NULL);
                k += 1;
            }
            for c in frees {
                dst.add(k).write(c.clone());
                k += 1;
            }
            self.len = k;
            self.base = k;
        }
    }

    /// Takes the stack items from index `from` up, in order.
    pub fn take_args(&mut self, from: usize) -> ArgVec {
        let n = self
            .len()
            .checked_sub(from)
            .expect("stack take out of range");
        let mut out = ArgVec::with_capacity(n);
        let at = self.base + from;
        // SAFETY: `[at, len)` are live and change owner (`self` stops
        // counting them); `out` has capacity `n` and its length is set only
        // after the words are written.
        unsafe {
            ptr::copy_nonoverlapping(self.ptr.as_ptr().add(at), out.as_mut_ptr(), n);
            out.set_len(n);
        }
        self.len = at;
        out
    }

    /// `take_args` into a vector.
    pub fn take_vec(&mut self, from: usize) -> Vec<Value> {
        self.take_args(from).into_vec()
    }

    /// Room for `more` values beyond `len`, at least doubling (pushes).
    #[cold]
    #[inline(never)]
    fn grow(&mut self, more: usize) {
        let need = self.len.checked_add(more).expect("frame too large");
        self.resize_block(need.max(self.cap * 2).max(4));
    }

    /// Reallocates the block to exactly `new_cap` (>= len) values.
    #[cold]
    #[inline(never)]
    fn resize_block(&mut self, new_cap: usize) {
        let layout = Layout::array::<Value>(new_cap).expect("frame too large");
        // SAFETY: the old block (if any) was allocated with the layout of
        // `cap` values; `realloc` keeps the live prefix (`len <= new_cap`).
        let p = unsafe {
            if self.cap == 0 {
                alloc::alloc(layout)
            } else {
                let old = Layout::array::<Value>(self.cap).unwrap();
                alloc::realloc(self.ptr.as_ptr() as *mut u8, old, layout.size())
            }
        };
        let Some(p) = NonNull::new(p as *mut Value) else {
            alloc::handle_alloc_error(layout)
        };
        self.ptr = p;
        self.cap = new_cap;
    }
}

impl Drop for Slots {
    fn drop(&mut self) {
        self.clear_all();
        if self.cap != 0 {
            let layout = Layout::array::<Value>(self.cap).unwrap();
            // SAFETY: allocated in `grow` with this layout; nothing is live.
            unsafe { alloc::dealloc(self.ptr.as_ptr() as *mut u8, layout) };
        }
    }
}

impl Index<usize> for Slots {
    type Output = Value;
    #[inline(always)]
    fn index(&self, i: usize) -> &Value {
        &self.items()[i]
    }
}

impl IndexMut<usize> for Slots {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut Value {
        &mut self.items_mut()[i]
    }
}

impl Trace for Slots {
    const MAY_HOLD: bool = true;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for v in self.locals().iter().chain(self.items()) {
            visit(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(s: &[Value]) -> Vec<i64> {
        s.iter().map(|v| v.as_small_int().unwrap_or(-1)).collect()
    }

    #[test]
    fn layout_and_moves() {
        let mut a = Slots::new();
        a.start(3);
        a.push(Value::NULL);
        a.push(Value::small_int(7).unwrap());
        a.seal();
        assert_eq!(a.locals().len(), 2);
        assert!(a.is_empty());
        for i in 0..10 {
            a.push(Value::small_int(i).unwrap());
        }
        assert_eq!(a.len(), 10);
        assert_eq!(a[9].as_small_int(), Some(9));
        a.insert(0, Value::small_int(100).unwrap());
        assert_eq!(ints(&a.items()[..3]), vec![100, 0, 1]);
        let mut b = Slots::new();
        let defaults = [Value::small_int(20).unwrap()];
        let frees = [Value::small_int(30).unwrap()];
        b.enter_call(&mut a, 3, &defaults, 5, &frees, 2);
        assert_eq!(ints(b.locals()), vec![7, 8, 9, 20, -1, 30]);
        assert!(b.locals()[4].is_null());
        assert!(b.is_empty());
        assert_eq!(a.len(), 8);
        let args = a.take_args(6);
        assert_eq!(args.len(), 2);
        a.truncate(1);
        assert_eq!(ints(a.items()), vec![100]);
        assert_eq!(a.pop().and_then(|v| v.as_small_int()), Some(100));
        assert!(a.pop().is_none());
        assert_eq!(a.locals()[1].as_small_int(), Some(7));
        a.clear_all();
        assert!(a.locals().is_empty());
    }
}
