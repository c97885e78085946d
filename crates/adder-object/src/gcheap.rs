//! The tracked heap: where container objects (the ones the cycle collector
//! must see) are allocated, in size-class pages of our own, so that the
//! collector can walk every tracked object without a per-object list
//! (DESIGN.md: no doubly-linked GC list in the header).
//!
//! Invariants:
//! - Every page is `PAGE_SIZE`-aligned and starts with its `Page` header;
//!   every block starts within the first `PAGE_SIZE` bytes of its page, so a
//!   block's page is its address rounded down to `PAGE_SIZE`. Small pages are
//!   `PAGE_SIZE` bytes and hold blocks of one size class; a large page holds
//!   one block.
//! - Bit i of a page's `live` map is set exactly while block i holds an
//!   allocated object. The generation maps (`gen1`, `gen2`) only have bits of
//!   live blocks, never both; a live block in neither is in generation 0.
//! - A page's free blocks form a list through their first word; blocks with
//!   index >= `bump` were never handed out (and never touched, so untouched
//!   parts of a page do not become resident).
//! - Every page of this thread's heap is in `Heap::pages` at `page.index`.
//!   A small page with a free block that is not its class's current page is
//!   in the class's `avail` list at `page.avail_pos`.
//! - Objects are bound to the thread that made them (as in `weak`), so the
//!   heap is per thread. Pages are never returned while they hold a live
//!   block; at thread exit the remaining pages (immortal objects) are leaked.

use std::alloc::{self, Layout};
use std::cell::{Cell, RefCell};
use std::ptr;

use crate::heap::Header;

pub const PAGE_SIZE: usize = 1 << 16;
/// Blocks larger than this get a page of their own.
pub const MAX_SMALL: usize = 4096;
const NOT_AVAIL: u32 = u32::MAX;

/// Block sizes of the small classes (multiples of 8, at least 16).
const fn class_sizes() -> [u32; NCLASSES] {
    let mut out = [0u32; NCLASSES];
    let mut i = 0;
    let mut s = 16u32;
    while s <= 256 {
        out[i] = s;
        i += 1;
        s += 8;
    }
    let steps: [(u32, u32); 4] = [(512, 32), (1024, 64), (2048, 256), (4096, 512)];
    let mut k = 0;
    while k < steps.len() {
        let (end, step) = steps[k];
        s = out[i - 1] + step;
        while s <= end {
            out[i] = s;
            i += 1;
            s += step;
        }
        k += 1;
    }
    out
}
pub const NCLASSES: usize = 31 + 8 + 8 + 4 + 4;
const CLASS_SIZES: [u32; NCLASSES] = class_sizes();
const _: () = assert!(CLASS_SIZES[NCLASSES - 1] as usize == MAX_SMALL);

/// Size class of every size in 8-byte steps up to `MAX_SMALL`.
const fn class_table() -> [u8; MAX_SMALL / 8 + 1] {
    let mut t = [0u8; MAX_SMALL / 8 + 1];
    let mut w = 0;
    let mut c = 0;
    while w <= MAX_SMALL / 8 {
        while (CLASS_SIZES[c] as usize) < w * 8 {
            c += 1;
        }
        t[w] = c as u8;
        w += 1;
    }
    t
}
const CLASS_OF: [u8; MAX_SMALL / 8 + 1] = class_table();

#[repr(C)]
pub(crate) struct Page {
    pub(crate) block_size: u32,
    pub(crate) capacity: u32,
    used: u32,
    /// Live blocks in generation 0 and in generation 1.
    pub(crate) gen0: u32,
    pub(crate) gen1: u32,
    bump: u32,
    /// Size class, or `NCLASSES` for a large page.
    class: u32,
    avail_pos: u32,
    /// Words in each bitmap.
    words: u32,
    /// Offset of block 0 from the page start.
    first: u32,
    index: usize,
    /// Bytes of the page's allocation.
    bytes: usize,
    free: *mut u8,
    /// The page's own allocation pointer: bitmaps and blocks are reached
    /// through it (a `&Page` only covers the header's bytes).
    base: *mut u8,
    /// The collector's index of block 0 in its per-collection arrays, and
    /// of this page in its list of pages.
    pub(crate) scratch: usize,
    pub(crate) scratch_page: u32,
    /// `ceil(2^32 / block_size)`: block offsets within a page are below
    /// 2^16, so `offset * recip >> 32` is their exact quotient by
    /// `block_size` (an error below 1 times an offset below 2^16 never
    /// reaches the next multiple of 2^32) without a division.
    recip: u32,
    /// The same for the running incremental cycle (`NO_SCRATCH`: the page
    /// is not in its snapshot).
    pub(crate) inc_scratch: usize,
    /// In a running incremental cycle's snapshot: not released when empty
    /// (the cycle may still look at its bitmaps).
    pub(crate) pinned: bool,
}

/// `ceil(2^32 / block_size)` (see `Page::recip`); a large page's one block
/// has offset 0, so any value serves there.
fn recip_of(block_size: usize) -> u32 {
    if block_size > PAGE_SIZE {
        return 1;
    }
    (1u64 << 32).div_ceil(block_size as u64) as u32
}

/// A page index field that names no index.
pub(crate) const NO_SCRATCH: usize = usize::MAX;

/// Which bitmap of a page.
#[derive(Clone, Copy)]
pub(crate) enum Map {
    Live = 0,
    Gen1 = 1,
    Gen2 = 2,
    /// Member of the running incremental cycle's snapshot (`incremental`).
    InSet = 3,
}
const NMAPS: usize = 4;

impl Page {
    fn maps(&self) -> *mut u64 {
        // SAFETY: the bitmaps follow the header inside the page's allocation.
        unsafe { self.base.add(std::mem::size_of::<Page>()) as *mut u64 }
    }
    pub(crate) fn map(&self, m: Map) -> &[Cell<u64>] {
        let w = self.words as usize;
        // SAFETY: three maps of `words` words each follow the header; Cell
        // has u64's layout and the heap is single-threaded.
        unsafe {
            std::slice::from_raw_parts(self.maps().add(m as usize * w) as *const Cell<u64>, w)
        }
    }
    pub(crate) fn set_bit(&self, m: Map, i: usize, on: bool) {
        let w = &self.map(m)[i / 64];
        let bit = 1u64 << (i % 64);
        w.set(if on { w.get() | bit } else { w.get() & !bit });
    }
    pub(crate) fn block(&self, i: usize) -> *const Header {
        // SAFETY: i < capacity, so the block lies inside the page.
        unsafe {
            self.base
                .add(self.first as usize + i * self.block_size as usize)
                as *const Header
        }
    }
    /// The index of the block at `p` (which must be a block of this page).
    #[inline(always)]
    pub(crate) fn index_of(&self, p: *const Header) -> usize {
        let offset = (p as usize - self.base as usize - self.first as usize) as u64;
        ((offset * self.recip as u64) >> 32) as usize
    }
    pub(crate) fn words(&self) -> usize {
        self.words as usize
    }
    /// Whether the page holds objects of generations `0..=generation`.
    pub(crate) fn holds_up_to(&self, generation: usize) -> bool {
        match generation {
            0 => self.gen0 > 0,
            1 => self.gen0 + self.gen1 > 0,
            _ => self.used > 0,
        }
    }
    /// Moves block i (of generation <= `from`, a collection's candidate)
    /// to the generation after `from` (at most 2).
    pub(crate) fn promote(&mut self, i: usize, from: usize) {
        let bit = 1u64 << (i % 64);
        let (g1, g2) = (&self.map(Map::Gen1)[i / 64], &self.map(Map::Gen2)[i / 64]);
        if g2.get() & bit != 0 {
            return;
        }
        let was1 = g1.get() & bit != 0;
        if from == 0 && !was1 {
            g1.set(g1.get() | bit);
            self.gen0 -= 1;
            self.gen1 += 1;
        } else {
            g1.set(g1.get() & !bit);
            g2.set(g2.get() | bit);
            if was1 {
                self.gen1 -= 1;
            } else {
                self.gen0 -= 1;
            }
        }
    }
}

/// The page that holds the tracked object at `h`.
///
/// # Safety
/// `h` must be a tracked object's header (allocated by `alloc_block`).
pub(crate) unsafe fn page_of<'a>(h: *const Header) -> &'a Page {
    // SAFETY: per module invariant, the page header is at the rounded address.
    unsafe { &*page_ptr(h) }
}

pub(crate) fn page_ptr(h: *const Header) -> *mut Page {
    h.cast_mut()
        .map_addr(|a| a & !(PAGE_SIZE - 1))
        .cast::<Page>()
}

struct Heap {
    pages: Vec<*mut Page>,
    /// Unused small pages inside arenas, and how many pages of each arena
    /// (by its address) are in use.
    spare: Vec<*mut u8>,
    arenas: Vec<(usize, u32)>,
    avail: [Vec<*mut Page>; NCLASSES],
}

/// Allocation counters the collector's thresholds read.
pub struct Counters {
    /// Tracked allocations since the last collection minus the young
    /// objects freed since (CPython's generation-0 count, except that
    /// freeing an old object does not lower it).
    pub young: Cell<usize>,
    /// When `young` exceeds this (and it is not 0), `on_threshold` runs.
    threshold: Cell<usize>,
    on_threshold: Cell<Option<fn()>>,
    /// Tracked allocations since the collector last took this count, and
    /// how many make it call `on_threshold` too (0: never): the pacing of
    /// an incremental cycle's steps.
    pub since_step: Cell<usize>,
    step_every: Cell<usize>,
    /// The two conditions above folded for the allocation path: the hook
    /// runs when `young > young_limit` or `since_step >= step_limit`
    /// (`usize::MAX` when that condition is off or there is no hook).
    young_limit: Cell<usize>,
    step_limit: Cell<usize>,
}

impl Counters {
    /// Sets the young-count threshold (0: off) and the hook it runs.
    pub(crate) fn set_trigger(&self, threshold: usize, hook: Option<fn()>) {
        self.threshold.set(threshold);
        self.on_threshold.set(hook);
        self.refresh_limits();
    }
    /// Sets the allocation interval of incremental steps (0: off).
    pub(crate) fn set_step_every(&self, n: usize) {
        self.step_every.set(n);
        self.refresh_limits();
    }
    fn refresh_limits(&self) {
        let hooked = self.on_threshold.get().is_some();
        let (t, every) = (self.threshold.get(), self.step_every.get());
        let off = |x: usize| !hooked || x == 0;
        self.young_limit.set(if off(t) { usize::MAX } else { t });
        self.step_limit
            .set(if off(every) { usize::MAX } else { every });
    }
    /// Counts one tracked allocation; runs the hook when a limit is passed.
    #[inline(always)]
    fn count_alloc(&self) {
        let y = self.young.get() + 1;
        self.young.set(y);
        let s = self.since_step.get() + 1;
        self.since_step.set(s);
        if y > self.young_limit.get() || s >= self.step_limit.get() {
            self.run_hook();
        }
    }
    #[cold]
    #[inline(never)]
    fn run_hook(&self) {
        if let Some(f) = self.on_threshold.get() {
            f();
        }
    }
}

thread_local! {
    static HEAP: RefCell<Heap> = const { RefCell::new(Heap {
        pages: Vec::new(),
        spare: Vec::new(),
        arenas: Vec::new(),
        avail: [const { Vec::new() }; NCLASSES],
    }) };
    /// Each small class's current page (where allocation looks first), or
    /// null. Apart from `HEAP` because nothing here needs dropping: the
    /// allocation and free paths reach it without a lazy-initialisation
    /// check or a borrow flag.
    static CURRENT: [Cell<*mut Page>; NCLASSES] =
        const { [const { Cell::new(ptr::null_mut()) }; NCLASSES] };
    pub(crate) static COUNTERS: Counters = const { Counters {
        young: Cell::new(0),
        threshold: Cell::new(0),
        on_threshold: Cell::new(None),
        since_step: Cell::new(0),
        step_every: Cell::new(0),
        young_limit: Cell::new(usize::MAX),
        step_limit: Cell::new(usize::MAX),
    } };
}

/// The current page of small class `class`.
#[inline(always)]
fn current(class: usize) -> *mut Page {
    CURRENT.with(|c| c[class].get())
}

/// Layout of a new page for blocks of `block_size`, holding `capacity`.
fn page_layout(block_size: usize, large: bool) -> (usize, usize, usize) {
    let hdr = std::mem::size_of::<Page>();
    let first_of = |cap: usize| {
        let words = cap.div_ceil(64);
        ((hdr + NMAPS * 8 * words).div_ceil(16) * 16, words)
    };
    if large {
        let (first, words) = first_of(1);
        let bytes = (first + block_size).div_ceil(4096) * 4096;
        return (1, words, bytes.max(first + block_size));
    }
    let mut cap = (PAGE_SIZE - hdr) / block_size;
    while first_of(cap).0 + cap * block_size > PAGE_SIZE {
        cap -= 1;
    }
    (cap, first_of(cap).1, PAGE_SIZE)
}

/// Small pages are carved from arenas of this many: one aligned request
/// to the system allocator per arena (an aligned request per page cost
/// about as much again in resident memory as the page itself).
const ARENA_PAGES: usize = 16;
const ARENA_SIZE: usize = PAGE_SIZE * ARENA_PAGES;

impl Heap {
    /// Memory for one small page.
    fn arena_page(&mut self) -> *mut u8 {
        if let Some(p) = self.spare.pop() {
            let base = p as usize & !(ARENA_SIZE - 1);
            if let Some(a) = self.arenas.iter_mut().find(|a| a.0 == base) {
                a.1 += 1;
            }
            return p;
        }
        let layout = Layout::from_size_align(ARENA_SIZE, ARENA_SIZE).expect("arena layout");
        // SAFETY: ARENA_SIZE > 0.
        let a = unsafe { alloc::alloc(layout) };
        if a.is_null() {
            alloc::handle_alloc_error(layout);
        }
        // Highest first, so pages are handed out in address order.
        for i in (1..ARENA_PAGES).rev() {
            // SAFETY: inside the arena.
            self.spare.push(unsafe { a.add(i * PAGE_SIZE) });
        }
        self.arenas.push((a as usize, 1));
        a
    }

    /// Gives an empty small page back to its arena; frees the arena when
    /// none of its pages is in use.
    fn return_page(&mut self, p: *mut u8) {
        let base = p as usize & !(ARENA_SIZE - 1);
        let Some(k) = self.arenas.iter().position(|a| a.0 == base) else {
            return;
        };
        self.arenas[k].1 -= 1;
        if self.arenas[k].1 > 0 {
            self.spare.push(p);
            return;
        }
        self.arenas.swap_remove(k);
        self.spare
            .retain(|&s| s as usize & !(ARENA_SIZE - 1) != base);
        let layout = Layout::from_size_align(ARENA_SIZE, ARENA_SIZE).expect("arena layout");
        // SAFETY: allocated in arena_page with this layout; no page of it is in use.
        unsafe { alloc::dealloc(base as *mut u8, layout) };
    }

    fn new_page(&mut self, block_size: usize, class: usize) -> *mut Page {
        let large = class == NCLASSES;
        let (capacity, words, bytes) = page_layout(block_size, large);
        let first = (std::mem::size_of::<Page>() + NMAPS * 8 * words).div_ceil(16) * 16;
        let p = if large {
            let layout = Layout::from_size_align(bytes, PAGE_SIZE).expect("page layout");
            // SAFETY: bytes > 0.
            let p = unsafe { alloc::alloc(layout) } as *mut Page;
            if p.is_null() {
                alloc::handle_alloc_error(layout);
            }
            p
        } else {
            self.arena_page() as *mut Page
        };
        // SAFETY: p is a fresh, suitably aligned allocation of `bytes`.
        unsafe {
            ptr::write(
                p,
                Page {
                    block_size: block_size as u32,
                    capacity: capacity as u32,
                    used: 0,
                    gen0: 0,
                    gen1: 0,
                    bump: 0,
                    class: class as u32,
                    avail_pos: NOT_AVAIL,
                    words: words as u32,
                    first: first as u32,
                    index: self.pages.len(),
                    bytes,
                    free: ptr::null_mut(),
                    base: p as *mut u8,
                    scratch: 0,
                    scratch_page: 0,
                    recip: recip_of(block_size),
                    inc_scratch: NO_SCRATCH,
                    pinned: false,
                },
            );
            ptr::write_bytes((*p).maps(), 0, NMAPS * words);
        }
        self.pages.push(p);
        p
    }

    /// A block from `page`, or None when it is full.
    #[inline(always)]
    fn take(page: &mut Page) -> Option<*mut u8> {
        let i;
        let b;
        if !page.free.is_null() {
            b = page.free;
            // SAFETY: free blocks hold the next free pointer in their first word.
            page.free = unsafe { *(b as *mut *mut u8) };
            i = page.index_of(b as *const Header);
        } else if page.bump < page.capacity {
            i = page.bump as usize;
            page.bump += 1;
            b = page.block(i) as *mut u8;
        } else {
            return None;
        }
        page.used += 1;
        page.gen0 += 1;
        page.set_bit(Map::Live, i, true);
        Some(b)
    }

    /// A block when the class's current page (if any) is full.
    fn alloc(&mut self, size: usize) -> *mut u8 {
        if size > MAX_SMALL {
            let p = self.new_page(size.div_ceil(8) * 8, NCLASSES);
            // SAFETY: a fresh large page has its one block free.
            return Self::take(unsafe { &mut *p }).expect("fresh page");
        }
        let class = CLASS_OF[size.div_ceil(8)] as usize;
        let cur = current(class);
        if !cur.is_null() {
            // SAFETY: pages in the heap are live.
            if let Some(b) = Self::take(unsafe { &mut *cur }) {
                return b;
            }
        }
        let page = loop {
            match self.avail[class].pop() {
                Some(p) => {
                    // SAFETY: as above.
                    let pg = unsafe { &mut *p };
                    pg.avail_pos = NOT_AVAIL;
                    if pg.used < pg.capacity {
                        break p;
                    }
                }
                None => break self.new_page(CLASS_SIZES[class] as usize, class),
            }
        };
        CURRENT.with(|c| c[class].set(page));
        // SAFETY: the chosen page has room.
        Self::take(unsafe { &mut *page }).expect("page with room")
    }

    /// The rest of freeing block `b` of `page` (already unmarked by
    /// `free_block`) when the page became empty or must join its class's
    /// `avail` list.
    fn finish_free(&mut self, page: &mut Page, b: *mut u8) {
        let class = page.class as usize;
        let pp = page as *mut Page;
        let is_current = class < NCLASSES && current(class) == pp;
        if page.used == 0 && !page.pinned && !is_current {
            self.release(pp);
            return;
        }
        // SAFETY: the block is dead; its first word becomes the list link.
        unsafe { *(b as *mut *mut u8) = page.free };
        page.free = b;
        if class < NCLASSES && !is_current && page.avail_pos == NOT_AVAIL {
            page.avail_pos = self.avail[class].len() as u32;
            self.avail[class].push(pp);
        }
    }

    fn release(&mut self, p: *mut Page) {
        // SAFETY: p is an empty page of this heap.
        let page = unsafe { &*p };
        let class = page.class as usize;
        if page.avail_pos != NOT_AVAIL {
            let list = &mut self.avail[class];
            let pos = page.avail_pos as usize;
            list.swap_remove(pos);
            if let Some(&moved) = list.get(pos) {
                // SAFETY: pages in the list are live.
                unsafe { (*moved).avail_pos = pos as u32 };
            }
        }
        let idx = page.index;
        self.pages.swap_remove(idx);
        if let Some(&moved) = self.pages.get(idx) {
            // SAFETY: as above.
            unsafe { (*moved).index = idx };
        }
        if class == NCLASSES {
            let layout = Layout::from_size_align(page.bytes, PAGE_SIZE).expect("page layout");
            // SAFETY: allocated in new_page with this layout; nothing points into it.
            unsafe { alloc::dealloc(p as *mut u8, layout) };
        } else {
            self.return_page(p as *mut u8);
        }
    }
}

/// Allocates a block of at least `size` bytes (8-aligned) in the tracked
/// heap and counts it as a young object.
#[inline]
pub(crate) fn alloc_block(size: usize) -> *mut u8 {
    let b = if size <= MAX_SMALL {
        let page = current(CLASS_OF[size.div_ceil(8)] as usize);
        // SAFETY: a current page is a live page of this heap.
        match unsafe { page.as_mut() }.and_then(Heap::take) {
            Some(b) => b,
            None => alloc_slow(size),
        }
    } else {
        alloc_slow(size)
    };
    COUNTERS.with(Counters::count_alloc);
    b
}

#[cold]
#[inline(never)]
fn alloc_slow(size: usize) -> *mut u8 {
    HEAP.with(|h| h.borrow_mut().alloc(size))
}

/// Returns a tracked object's block.
///
/// # Safety
/// `b` must be a block from `alloc_block` whose object is dead.
#[inline]
pub(crate) unsafe fn free_block(b: *mut u8) {
    // SAFETY: per contract, b is a live block, so its page is live (pages
    // are never returned while they hold one, even after the thread's
    // `HEAP` is gone).
    let page = unsafe { &mut *page_ptr(b as *const Header) };
    let i = page.index_of(b as *const Header);
    let (w, bit) = (i / 64, 1u64 << (i % 64));
    let words = page.words as usize;
    // SAFETY: the four maps of `words` words each follow the page header
    // (`Page::map`), and w < words because i < capacity.
    let young = unsafe {
        let maps = page.maps();
        let (g1, g2) = (maps.add(words + w), maps.add(2 * words + w));
        let young = if *g1 & bit != 0 {
            page.gen1 -= 1;
            false
        } else if *g2 & bit == 0 {
            page.gen0 -= 1;
            true
        } else {
            false
        };
        *maps.add(w) &= !bit;
        *g1 &= !bit;
        *g2 &= !bit;
        *maps.add(3 * words + w) &= !bit;
        young
    };
    page.used -= 1;
    let class = page.class as usize;
    if page.used != 0
        && class < NCLASSES
        && (page.avail_pos != NOT_AVAIL || ptr::eq(current(class), page))
    {
        // SAFETY: the block is dead; its first word becomes the list link.
        unsafe { *(b as *mut *mut u8) = page.free };
        page.free = b;
    } else {
        free_slow(page, b);
    }
    if young {
        // Only young objects leave the young count (old garbage freed in
        // bulk must not hide the young objects piling up).
        COUNTERS.with(|c| c.young.set(c.young.get().saturating_sub(1)));
    }
}

#[cold]
#[inline(never)]
fn free_slow(page: &mut Page, b: *mut u8) {
    let done = HEAP.try_with(|h| h.borrow_mut().finish_free(page, b));
    if done.is_err() {
        // At thread exit the heap's lists are gone: keep the block on its
        // page's free list (the page itself is leaked with its objects).
        // SAFETY: the block is dead; its first word becomes the list link.
        unsafe { *(b as *mut *mut u8) = page.free };
        page.free = b;
    }
}

/// Calls `f` on every page of this thread's heap. `f` must not allocate
/// or free tracked objects.
pub(crate) fn with_pages<R>(f: impl FnOnce(&[*mut Page]) -> R) -> R {
    HEAP.with(|h| f(&h.borrow().pages))
}

/// Pins every page of the heap (an incremental cycle's snapshot) and
/// returns them.
pub(crate) fn pin_all() -> Vec<*mut Page> {
    HEAP.with(|h| {
        let h = h.borrow();
        for &p in &h.pages {
            // SAFETY: pages of the heap are live.
            unsafe { (*p).pinned = true };
        }
        h.pages.clone()
    })
}

/// Unpins `pages` (from `pin_all`; pinned pages are never released, so all
/// are live) and releases those that became empty meanwhile.
pub(crate) fn unpin(pages: &[*mut Page]) {
    let _ = HEAP.try_with(|h| {
        let mut h = h.borrow_mut();
        for &p in pages {
            // SAFETY: pinned pages stay allocated until unpinned here.
            let page = unsafe { &mut *p };
            page.pinned = false;
            page.inc_scratch = NO_SCRATCH;
            for w in page.map(Map::InSet) {
                w.set(0);
            }
            let class = page.class as usize;
            if page.used == 0 && (class == NCLASSES || current(class) != p) {
                h.release(p);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Number of pages and bytes the tracked heap holds.
    fn footprint() -> (usize, usize) {
        HEAP.with(|h| {
            let h = h.borrow();
            // SAFETY: pages in the heap are live.
            let bytes = h.pages.iter().map(|&p| unsafe { (*p).bytes }).sum();
            (h.pages.len(), bytes)
        })
    }

    #[test]
    fn classes_cover_every_size() {
        for size in (16..=MAX_SMALL).step_by(8) {
            let c = CLASS_OF[size / 8] as usize;
            assert!(CLASS_SIZES[c] as usize >= size);
            assert!(c == 0 || (CLASS_SIZES[c - 1] as usize) < size);
        }
        for w in CLASS_SIZES.windows(2) {
            assert!(w[0] < w[1] && w[1] % 8 == 0);
        }
    }

    #[test]
    fn reciprocal_division_is_exact() {
        for &bs in CLASS_SIZES.iter() {
            let (cap, _, _) = page_layout(bs as usize, false);
            let r = recip_of(bs as usize) as u64;
            for i in 0..cap {
                let offset = (i * bs as usize) as u64;
                assert_eq!(((offset * r) >> 32) as usize, i, "class {bs}");
            }
        }
    }

    #[test]
    fn pages_fit_and_blocks_map_back() {
        for &bs in CLASS_SIZES.iter() {
            let (cap, words, bytes) = page_layout(bs as usize, false);
            assert_eq!(bytes, PAGE_SIZE);
            assert!(cap >= 1 && words * 64 >= cap, "class {bs}");
        }
        let blocks: Vec<*mut u8> = (0..5000).map(|i| alloc_block(16 + (i % 40) * 8)).collect();
        for &b in &blocks {
            // SAFETY: blocks just allocated.
            let page = unsafe { page_of(b as *const Header) };
            let i = page.index_of(b as *const Header);
            assert_eq!(page.block(i), b as *const Header);
            assert!(page.map(Map::Live)[i / 64].get() & (1 << (i % 64)) != 0);
        }
        let big = alloc_block(100_000);
        // SAFETY: as above.
        assert_eq!(
            unsafe { page_of(big as *const Header) }.index_of(big as *const Header),
            0
        );
        let before = footprint().0;
        for b in blocks.into_iter().chain([big]) {
            // SAFETY: each block freed once.
            unsafe { free_block(b) };
        }
        assert!(footprint().0 < before);
    }
}
