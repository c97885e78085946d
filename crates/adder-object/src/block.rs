//! A table block: one allocation holding a small header, an index area of
//! signed slots and a dense array of items. It is the storage of dict and
//! set tables (the shape of CPython's dict keys object): a table costs one
//! allocation, and an empty one none at all (`Option<Block>` is one word).
//!
//! Invariants:
//! - The allocation starts with `Prefix<H>`; the index area (`slots`
//!   signed integers of `1 << shift` bytes) follows it, then the items at
//!   `items_off`, aligned for `E`. The layout is a function of
//!   `(slots, cap)` only (`Block::layout`), recomputed to free or resize.
//! - Items `0..len` are initialised, `len..cap` are not; `len <= cap`.
//! - `slots` is fixed for the block's life and `shift` is chosen from it
//!   (`shift_for`): 1-byte slots up to 128, 2-byte up to 32,768, 4-byte
//!   above. `cap` never exceeds what the width can index (`max_cap`), so
//!   every item index fits as a non-negative slot value; negative values
//!   are the caller's sentinels, and new slots read -1.
//! - `H` is `Copy` (no drop glue), so only the items need dropping.

use std::alloc::{self, Layout};
use std::marker::PhantomData;
use std::mem::{align_of, size_of};
use std::ptr::{self, NonNull};

use crate::trace::Trace;
use crate::value::Value;

#[repr(C)]
struct Prefix<H> {
    len: u32,
    cap: u32,
    slots: u32,
    items_off: u32,
    shift: u8,
    head: H,
}

/// See the module documentation.
pub struct Block<H: Copy, E> {
    ptr: NonNull<Prefix<H>>,
    _items: PhantomData<E>,
}

/// Bytes per index slot, as a shift: the narrowest signed width whose
/// positive range can index any item of a table with `slots` slots.
#[inline]
fn shift_for(slots: usize) -> u8 {
    if slots <= 1 << 7 {
        0
    } else if slots <= 1 << 15 {
        1
    } else {
        2
    }
}

/// The most items a block with index slots of `1 << shift` bytes holds.
fn max_cap(shift: u8, slots: usize) -> usize {
    if slots == 0 {
        u32::MAX as usize
    } else {
        1usize << ((8usize << shift) - 1)
    }
}

impl<H: Copy, E> Block<H, E> {
    /// The layout of a block and the offset of its items.
    fn layout(slots: usize, cap: usize) -> Option<(Layout, usize)> {
        let index =
            size_of::<Prefix<H>>().checked_add(slots.checked_mul(1 << shift_for(slots))?)?;
        let head = Layout::from_size_align(index, align_of::<Prefix<H>>()).ok()?;
        let (whole, items_off) = head.extend(Layout::array::<E>(cap).ok()?).ok()?;
        Some((whole.pad_to_align(), items_off))
    }

    /// A block with `slots` index slots (0, or a power of two), all -1,
    /// and room for `cap` items. Aborts like any failed allocation if the
    /// sizes cannot be represented.
    pub fn new(head: H, slots: usize, cap: usize) -> Self {
        let shift = shift_for(slots);
        assert!(slots == 0 || slots.is_power_of_two());
        assert!(cap <= max_cap(shift, slots) && slots <= u32::MAX as usize);
        let Some((layout, items_off)) = Self::layout(slots, cap) else {
            alloc::handle_alloc_error(Layout::new::<Prefix<H>>());
        };
        // SAFETY: the layout has a non-zero size (the prefix).
        let raw = unsafe { alloc::alloc(layout) };
        let Some(ptr) = NonNull::new(raw.cast::<Prefix<H>>()) else {
            alloc::handle_alloc_error(layout);
        };
        // SAFETY: `raw` is a fresh allocation of `layout`, which starts with
        // a `Prefix<H>` followed by `slots << shift` index bytes.
        unsafe {
            ptr.as_ptr().write(Prefix {
                len: 0,
                cap: cap as u32,
                slots: slots as u32,
                items_off: items_off as u32,
                shift,
                head,
            });
            ptr::write_bytes(raw.add(size_of::<Prefix<H>>()), 0xFF, slots << shift);
        }
        Block {
            ptr,
            _items: PhantomData,
        }
    }

    #[inline(always)]
    fn prefix(&self) -> &Prefix<H> {
        // SAFETY: `ptr` points to the initialised prefix of a live block.
        unsafe { self.ptr.as_ref() }
    }

    #[inline(always)]
    pub fn head(&self) -> &H {
        &self.prefix().head
    }
    #[inline(always)]
    pub fn head_mut(&mut self) -> &mut H {
        // SAFETY: as `prefix`; `&mut self` makes the access unique.
        unsafe { &mut self.ptr.as_mut().head }
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.prefix().len as usize
    }
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline(always)]
    pub fn cap(&self) -> usize {
        self.prefix().cap as usize
    }
    /// Number of index slots.
    #[inline(always)]
    pub fn slots(&self) -> usize {
        self.prefix().slots as usize
    }
    /// Bytes the block occupies.
    pub fn alloc_size(&self) -> usize {
        Self::layout(self.slots(), self.cap()).map_or(0, |(l, _)| l.size())
    }

    #[inline(always)]
    fn index_ptr(&self) -> *mut u8 {
        // SAFETY: the index area starts right after the prefix, inside the
        // allocation.
        unsafe { self.ptr.as_ptr().cast::<u8>().add(size_of::<Prefix<H>>()) }
    }
    #[inline(always)]
    fn items_ptr(&self) -> *mut E {
        // SAFETY: `items_off` is the items' offset inside the allocation.
        unsafe {
            self.ptr
                .as_ptr()
                .cast::<u8>()
                .add(self.prefix().items_off as usize)
                .cast::<E>()
        }
    }

    /// Index slot `i` (panics if `i >= slots()`, like a slice).
    #[inline(always)]
    pub fn index(&self, i: usize) -> isize {
        let p = self.prefix();
        assert!(i < p.slots as usize);
        let base = self.index_ptr();
        // SAFETY: `i` is in bounds; the area holds `slots` integers of the
        // width `shift` says, aligned since the prefix size is a multiple
        // of 4.
        unsafe {
            match p.shift {
                0 => *base.cast::<i8>().add(i) as isize,
                1 => *base.cast::<i16>().add(i) as isize,
                _ => *base.cast::<i32>().add(i) as isize,
            }
        }
    }

    /// Sets index slot `i` to `v`, which must lie in `-128..cap()`
    /// (truncated to the slot width otherwise).
    #[inline(always)]
    pub fn set_index(&mut self, i: usize, v: isize) {
        let (slots, shift) = (self.prefix().slots as usize, self.prefix().shift);
        assert!(i < slots);
        debug_assert!(v >= -128 && v < self.cap() as isize);
        let base = self.index_ptr();
        // SAFETY: as in `index`; `&mut self` makes the write unique.
        unsafe {
            match shift {
                0 => *base.cast::<i8>().add(i) = v as i8,
                1 => *base.cast::<i16>().add(i) = v as i16,
                _ => *base.cast::<i32>().add(i) = v as i32,
            }
        }
    }

    /// The initialised items.
    #[inline(always)]
    pub fn items(&self) -> &[E] {
        // SAFETY: items `0..len` are initialised.
        unsafe { std::slice::from_raw_parts(self.items_ptr(), self.len()) }
    }
    #[inline(always)]
    pub fn items_mut(&mut self) -> &mut [E] {
        // SAFETY: as `items`; `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.items_ptr(), self.len()) }
    }

    /// Appends `e`, first growing the capacity to `grow_to` (at least one
    /// more) if the block is full.
    #[inline]
    pub fn push(&mut self, e: E, grow_to: usize) {
        let len = self.len();
        if len == self.cap() {
            self.set_cap(grow_to.max(len + 1));
        }
        // SAFETY: `len < cap`: the slot is inside the allocation and
        // uninitialised.
        unsafe {
            self.items_ptr().add(len).write(e);
            self.ptr.as_mut().len += 1;
        }
    }

    /// Removes and returns the last item.
    pub fn pop(&mut self) -> Option<E> {
        let len = self.len();
        if len == 0 {
            return None;
        }
        // SAFETY: item `len - 1` is initialised; lowering `len` first makes
        // it uninitialised for the block, so it is read exactly once.
        unsafe {
            self.ptr.as_mut().len -= 1;
            Some(self.items_ptr().add(len - 1).read())
        }
    }

    /// Changes the capacity (never below `len`), keeping the index and the
    /// items where they are.
    pub fn set_cap(&mut self, cap: usize) {
        let cap = cap.max(self.len());
        let (slots, old_cap) = (self.slots(), self.cap());
        assert!(cap <= max_cap(self.prefix().shift, slots));
        let (Some((old, _)), Some((new, _))) =
            (Self::layout(slots, old_cap), Self::layout(slots, cap))
        else {
            alloc::handle_alloc_error(Layout::new::<Prefix<H>>());
        };
        // SAFETY: the block was allocated with `old`; `new` has the same
        // alignment and a non-zero size. `realloc` moves the bytes of the
        // prefix, the index and the initialised items, all at the same
        // offsets in the new layout (they depend on `slots` only).
        let raw = unsafe { alloc::realloc(self.ptr.as_ptr().cast(), old, new.size()) };
        let Some(ptr) = NonNull::new(raw.cast::<Prefix<H>>()) else {
            alloc::handle_alloc_error(new);
        };
        self.ptr = ptr;
        // SAFETY: `ptr` points to the moved prefix.
        unsafe { self.ptr.as_mut().cap = cap as u32 };
    }
}

impl<H: Copy, E> Drop for Block<H, E> {
    fn drop(&mut self) {
        let (slots, cap) = (self.slots(), self.cap());
        // SAFETY: items `0..len` are initialised and dropped once here; the
        // block was allocated with `layout(slots, cap)`, which succeeded
        // then and is recomputed identically.
        unsafe {
            ptr::drop_in_place(self.items_mut() as *mut [E]);
            if let Some((layout, _)) = Self::layout(slots, cap) {
                alloc::dealloc(self.ptr.as_ptr().cast(), layout);
            }
        }
    }
}

/// The items of a block, by value, in order; the block is freed when the
/// iterator is dropped (with the items not taken).
pub struct IntoItems<H: Copy, E> {
    block: Block<H, E>,
    next: usize,
    end: usize,
}

impl<H: Copy, E> IntoIterator for Block<H, E> {
    type Item = E;
    type IntoIter = IntoItems<H, E>;
    fn into_iter(mut self) -> IntoItems<H, E> {
        let end = self.len();
        // SAFETY: the block forgets its items; the iterator owns them now
        // (it reads or drops each of `0..end` once).
        unsafe { self.ptr.as_mut().len = 0 };
        IntoItems {
            block: self,
            next: 0,
            end,
        }
    }
}

impl<H: Copy, E> Iterator for IntoItems<H, E> {
    type Item = E;
    #[inline]
    fn next(&mut self) -> Option<E> {
        if self.next == self.end {
            return None;
        }
        let i = self.next;
        self.next += 1;
        // SAFETY: item `i < end` is initialised and not yet taken.
        Some(unsafe { self.block.items_ptr().add(i).read() })
    }
}

impl<H: Copy, E> Drop for IntoItems<H, E> {
    fn drop(&mut self) {
        let rest = self.end - self.next;
        // SAFETY: items `next..end` are initialised and not yet taken.
        unsafe {
            let first = self.block.items_ptr().add(self.next);
            ptr::drop_in_place(ptr::slice_from_raw_parts_mut(first, rest));
        }
    }
}

impl<H: Copy, E: Trace> Trace for Block<H, E> {
    const MAY_HOLD: bool = E::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for e in self.items() {
            e.trace(visit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy)]
    struct Head(u32);

    #[test]
    fn sizes_and_widths() {
        assert_eq!(size_of::<Option<Block<Head, u64>>>(), 8);
        let b: Block<Head, u64> = Block::new(Head(7), 8, 5);
        assert_eq!(size_of::<Prefix<Head>>(), 24);
        assert_eq!(b.alloc_size(), 24 + 8 + 5 * 8);
        assert!((0..8).all(|i| b.index(i) == -1));
        let big: Block<Head, u64> = Block::new(Head(0), 1 << 16, 10);
        assert!((0..1 << 16).all(|i| big.index(i) == -1));
        assert_eq!(big.head().0, 0);
    }

    #[test]
    fn index_round_trips_at_each_width() {
        for slots in [8usize, 256, 1 << 16] {
            let mut b: Block<Head, u64> = Block::new(Head(0), slots, 100);
            b.set_index(3, 99);
            b.set_index(slots - 1, -2);
            assert_eq!((b.index(3), b.index(slots - 1), b.index(0)), (99, -2, -1));
        }
    }

    #[test]
    fn push_grow_pop_and_drain_drop_every_item_once() {
        use std::rc::Rc;
        let tick = Rc::new(());
        let mut b: Block<Head, Rc<()>> = Block::new(Head(1), 8, 1);
        b.set_index(2, 0);
        for _ in 0..5 {
            b.push(tick.clone(), 5);
        }
        assert_eq!((b.len(), b.cap(), b.index(2)), (5, 5, 0));
        assert_eq!(Rc::strong_count(&tick), 6);
        drop(b.pop());
        let mut it = b.into_iter();
        drop(it.next());
        assert_eq!(Rc::strong_count(&tick), 4);
        drop(it);
        assert_eq!(Rc::strong_count(&tick), 1);
    }
}
