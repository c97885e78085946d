//! Finding unreachable reference cycles among tracked objects: the
//! mechanism every collection strategy shares (CPython's trial deletion
//! over the tracked heap, plus generations kept as page bitmaps).
//!
//! Invariants:
//! - Analysis never changes a reference count for good and never frees or
//!   allocates a tracked object: it snapshots counts, subtracts the
//!   references tracked candidates hold to each other, and marks everything
//!   reachable from a candidate with references left over. What stays
//!   unmarked is referenced only by other unmarked candidates.
//! - A missed reference (a `traverse` that skips one, or cannot borrow) only
//!   makes its referent look externally held, so it survives: errors in
//!   traversal leak, they never free live objects. Breaking a cycle is done
//!   with `Header::clear_refs`, which empties objects and never frees memory
//!   directly, so even a wrongly chosen victim stays a valid object.
//! - Garbage is returned as strong references; the caller decides what to
//!   do (finalise, clear, or keep in `gc.garbage`).

use std::collections::HashMap;

use crate::gcheap::{page_of, page_ptr, with_pages, Map, Page, COUNTERS, PAGE_SIZE};
use crate::heap::{Header, FLAG_FROZEN, FLAG_UNTRACKED, FLAG_WEAKREFD};
use crate::value::Value;

const REACHABLE: i32 = i32::MAX;
const SET_REACHABLE: i64 = i64::MAX;

/// The result of one analysis.
pub struct Found {
    /// Strong references to the unreachable objects.
    pub garbage: Vec<Value>,
    /// How many tracked objects were examined.
    pub examined: usize,
}

/// A new owning Value for a live object's header.
///
/// # Safety
/// `h` must be a live object.
unsafe fn owned(h: *const Header) -> Value {
    // SAFETY: per contract; the returned Value owns the reference added.
    unsafe {
        (*h).incref();
        Value::from_header_owned(h)
    }
}

/// Pages that hold no candidate have this `scratch`.
const NO_SCRATCH: usize = crate::gcheap::NO_SCRATCH;

/// Where a collection finds its candidates: the pages that hold some, and
/// for each word of their bitmaps (from `page.scratch`) the candidate bits
/// and the number of candidates before that word. Candidates are numbered
/// densely in page order, and a candidate is also named by a compact
/// `u32` (its page's position in `pages` and its block), so a collection
/// needs about 4 bytes per candidate and nothing per other object.
struct Index {
    pages: Vec<*mut Page>,
    bits: Vec<u64>,
    before: Vec<u32>,
    count: usize,
}

const BLOCK_BITS: u32 = 12;
/// Items of a container the marking visits before descending.
const MARK_CHUNK: usize = 16;

/// After a collection that examined this many objects, `RELEASE_HOOK`
/// runs.
const RELEASE_AFTER: usize = 1 << 16;

/// Lets the embedder return freed memory to the system after a big
/// collection (the binary asks mimalloc to purge what the collection's
/// arrays and the freed garbage left behind).
pub fn set_release_hook(f: Option<fn()>) {
    RELEASE_HOOK.with(|h| h.set(f));
}

/// A collection's counts and its mark stack of (candidate, resume item).
type Scratch = (Vec<i32>, Vec<(u32, u32)>);

thread_local! {
    static RELEASE_HOOK: std::cell::Cell<Option<fn()>> = const { std::cell::Cell::new(None) };
    /// The counts and mark stack of the last (small) collection, kept for
    /// the next one: young collections run every few hundred allocations.
    static SCRATCH: std::cell::RefCell<Scratch> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}
const _: () = assert!(PAGE_SIZE / 16 <= 1 << BLOCK_BITS);

impl Index {
    /// The number of a tracked object if it is a candidate.
    fn of(&self, r: &Header) -> Option<usize> {
        if !r.is_tracked() {
            return None;
        }
        // SAFETY: r is tracked.
        let page = unsafe { page_of(r) };
        if page.scratch == NO_SCRATCH {
            return None;
        }
        let i = page.index_of(r);
        let k = page.scratch + i / 64;
        let below = self.bits[k] & ((1u64 << (i % 64)) - 1);
        (self.bits[k] & (1u64 << (i % 64)) != 0)
            .then(|| self.before[k] as usize + below.count_ones() as usize)
    }
    /// The compact name of a candidate `r`.
    fn name(r: &Header) -> u32 {
        // SAFETY: only called for candidates (tracked).
        let page = unsafe { page_of(r) };
        (page.scratch_page << BLOCK_BITS) | page.index_of(r) as u32
    }
    fn header(&self, name: u32) -> *const Header {
        // SAFETY: pages of the index are live during the analysis.
        let page = unsafe { &*self.pages[(name >> BLOCK_BITS) as usize] };
        page.block((name & ((1 << BLOCK_BITS) - 1)) as usize)
    }
    /// Calls `f(number, header)` for every candidate, in number order.
    fn each(&self, mut f: impl FnMut(usize, *const Header)) {
        let mut n = 0;
        for &p in &self.pages {
            // SAFETY: as above.
            let page = unsafe { &*p };
            for w in 0..page.words() {
                let mut bits = self.bits[page.scratch + w];
                while bits != 0 {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    f(n, page.block(w * 64 + b));
                    n += 1;
                }
            }
        }
    }
}

/// Finds the unreachable objects among generations `0..=generation` and
/// moves the survivors one generation up (at most to 2).
pub fn find_unreachable(generation: usize) -> Found {
    let generation = generation.min(2);
    let index = with_pages(|pages| {
        let mut index = Index {
            pages: Vec::new(),
            bits: Vec::new(),
            before: Vec::new(),
            count: 0,
        };
        for &p in pages {
            // SAFETY: pages of the heap are live; only the collector writes `scratch`.
            let page = unsafe { &mut *p };
            if !page.holds_up_to(generation) {
                page.scratch = NO_SCRATCH;
                continue;
            }
            page.scratch = index.bits.len();
            page.scratch_page = index.pages.len() as u32;
            index.pages.push(p);
            let (live, g1, g2) = (
                page.map(Map::Live),
                page.map(Map::Gen1),
                page.map(Map::Gen2),
            );
            for w in 0..page.words() {
                let mut bits = match generation {
                    0 => live[w].get() & !g1[w].get() & !g2[w].get(),
                    1 => live[w].get() & !g2[w].get(),
                    _ => live[w].get(),
                };
                let mut kept = bits;
                while bits != 0 {
                    let b = bits.trailing_zeros();
                    bits &= bits - 1;
                    let h = page.block(w * 64 + b as usize);
                    // SAFETY: live blocks hold objects.
                    let hr = unsafe { &*h };
                    if hr.has_flag(FLAG_FROZEN | FLAG_UNTRACKED) {
                        kept &= !(1u64 << b);
                    } else if hr.vtable().untrack_if.is_some_and(|u| u(hr)) {
                        // Holds only atoms: it can never be in a cycle.
                        hr.set_flag(FLAG_UNTRACKED);
                        kept &= !(1u64 << b);
                    }
                }
                index.before.push(index.count as u32);
                index.bits.push(kept);
                index.count += kept.count_ones() as usize;
            }
        }
        index
    });
    // Counts fit in i32: a count above 2^31 is clamped (such an object is
    // held from outside anyway). SAFETY for every deref below: candidates
    // are live objects and the analysis frees nothing.
    let (mut refs, mut stack) = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
    refs.clear();
    stack.clear();
    refs.reserve(index.count);
    index.each(|_, h| refs.push(unsafe { &*h }.refcount().min(i32::MAX as u32) as i32));
    // Subtract the references candidates hold to each other.
    index.each(|_, h| {
        unsafe { &*h }.traverse(&mut |v| {
            if let Some(s) = v.header().and_then(|r| index.of(r)) {
                refs[s] -= 1;
            }
        });
    });
    // Mark what is reachable from candidates that are held from outside.
    // Depth first, a container's items a few at a time, so the stack
    // grows with the depth of the graph, not with the size of a container.
    index.each(|n, h| {
        if refs[n] <= 0 || refs[n] == REACHABLE {
            return;
        }
        refs[n] = REACHABLE;
        stack.push((Index::name(unsafe { &*h }), 0));
        while let Some((name, at)) = stack.pop() {
            let mut found: [u32; MARK_CHUNK] = [0; MARK_CHUNK];
            let mut nfound = 0;
            let mut more = Vec::new();
            let next =
                unsafe { &*index.header(name) }.traverse_from(at as usize, MARK_CHUNK, &mut |v| {
                    if let Some(r) = v.header() {
                        if let Some(s) = index.of(r) {
                            if refs[s] != REACHABLE {
                                refs[s] = REACHABLE;
                                if nfound < MARK_CHUNK {
                                    found[nfound] = Index::name(r);
                                    nfound += 1;
                                } else {
                                    more.push(Index::name(r));
                                }
                            }
                        }
                    }
                });
            if let Some(next) = next {
                stack.push((name, next as u32));
            }
            stack.extend(found[..nfound].iter().chain(more.iter()).map(|&c| (c, 0)));
        }
    });
    let mut garbage = Vec::new();
    index.each(|n, h| {
        if refs[n] != REACHABLE {
            garbage.push(unsafe { owned(h) });
        }
        let page = unsafe { &mut *page_ptr(h) };
        let i = page.index_of(h);
        page.promote(i, generation);
    });
    if index.count < RELEASE_AFTER {
        SCRATCH.with(|s| *s.borrow_mut() = (refs, stack));
    } else {
        // A big collection: give its arrays and the garbage it freed back.
        drop((refs, stack));
        if let Some(f) = RELEASE_HOOK.with(|h| h.get()) {
            f();
        }
    }
    COUNTERS.with(|c| c.young.set(0));
    Found {
        examined: index.count,
        garbage,
    }
}

/// Of `set` (objects the caller holds one reference to each), the ones
/// still referenced only from inside the set: those not reachable from a
/// member that something outside the set (other than the caller) holds.
/// Used after finalisers ran, which may have resurrected objects.
pub fn still_unreachable(set: Vec<Value>) -> Vec<Value> {
    let index: HashMap<usize, usize> = set
        .iter()
        .enumerate()
        .map(|(i, v)| (v.bits() as usize, i))
        .collect();
    let mut refs: Vec<i64> = set
        .iter()
        .map(|v| v.header().map_or(0, |h| i64::from(h.refcount()) - 1))
        .collect();
    let find = |v: &Value| index.get(&(v.bits() as usize)).copied();
    for v in &set {
        if let Some(h) = v.header() {
            h.traverse(&mut |r| {
                if let Some(j) = find(r) {
                    refs[j] -= 1;
                }
            });
        }
    }
    let mut stack: Vec<usize> = (0..set.len()).filter(|&i| refs[i] > 0).collect();
    for &i in &stack {
        refs[i] = SET_REACHABLE;
    }
    while let Some(i) = stack.pop() {
        if let Some(h) = set[i].header() {
            h.traverse(&mut |r| {
                if let Some(j) = find(r) {
                    if refs[j] != SET_REACHABLE {
                        refs[j] = SET_REACHABLE;
                        stack.push(j);
                    }
                }
            });
        }
    }
    set.into_iter()
        .zip(refs)
        .filter(|(_, r)| *r != SET_REACHABLE)
        .map(|(v, _)| v)
        .collect()
}

/// Kills the weak references to objects of `garbage` (CPython clears them
/// before finalisers run) and queues the callbacks of those weakrefs that
/// are not garbage themselves.
pub fn clear_weakrefs(garbage: &[Value]) {
    let members: std::collections::HashSet<*const Header> = garbage
        .iter()
        .filter_map(|v| v.header().map(|h| h as *const Header))
        .collect();
    for v in garbage {
        if let Some(h) = v.header() {
            if h.has_flag(FLAG_WEAKREFD) {
                crate::weak::clear_weakrefs_except(h, &|w| members.contains(&w));
            }
        }
    }
}

/// Calls `f` with every live tracked object (a new reference each);
/// `f` may allocate (the walk works on a snapshot of the addresses).
pub fn for_each_tracked(mut f: impl FnMut(Value)) {
    let all: Vec<Value> = with_pages(|pages| {
        let mut out = Vec::new();
        for &p in pages {
            // SAFETY: pages of the heap are live.
            let page = unsafe { &*p };
            for (w, word) in page.map(Map::Live).iter().enumerate() {
                let mut bits = word.get();
                while bits != 0 {
                    let i = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    // SAFETY: live blocks hold objects.
                    out.push(unsafe { owned(page.block(i)) });
                }
            }
        }
        out
    });
    for v in all {
        f(v);
    }
}

/// The generation (0, 1 or 2) of a tracked object; 2 for untracked ones.
pub fn generation_of(h: &Header) -> usize {
    if !h.is_tracked() {
        return 2;
    }
    // SAFETY: h is tracked.
    let page = unsafe { page_of(h) };
    let i = page.index_of(h);
    let bit = 1u64 << (i % 64);
    if page.map(Map::Gen2)[i / 64].get() & bit != 0 {
        2
    } else if page.map(Map::Gen1)[i / 64].get() & bit != 0 {
        1
    } else {
        0
    }
}

/// The young count (`gc.get_count()[0]`): tracked allocations since the
/// last collection minus the young objects freed since.
pub fn young_count() -> usize {
    COUNTERS.with(|c| c.young.get())
}

/// Makes the trigger also fire every `n` tracked allocations (0: only by
/// the young count), for pacing incremental work.
pub fn set_step_interval(n: usize) {
    COUNTERS.with(|c| c.set_step_every(n));
}

/// Tracked allocations since the last call (the work an incremental step
/// must keep pace with).
pub fn take_allocations_since_step() -> usize {
    COUNTERS.with(|c| c.since_step.replace(0))
}

/// Sets the young-object count above which `hook` runs (0 disables it).
/// The hook runs inside an allocation: it may only note the request.
pub fn set_trigger(threshold: usize, hook: Option<fn()>) {
    COUNTERS.with(|c| c.set_trigger(threshold, hook));
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::heap::{alloc, Meta, Payload};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    /// A test object with one reference (`next`) that counts its drops;
    /// other modules' tests build chains of it too.
    pub(crate) struct Node {
        pub(crate) next: RefCell<Value>,
        drops: Rc<Cell<u32>>,
    }
    crate::payload!(Node, 251, "node", traverse(self, visit) {
        if let Ok(n) = self.next.try_borrow() { visit(&n) }
    }, clear(self) {
        let old = self.next.try_borrow_mut().map(|mut n| std::mem::replace(&mut *n, Value::NONE));
        drop(old);
    });
    impl Drop for Node {
        fn drop(&mut self) {
            self.drops.set(self.drops.get() + 1);
        }
    }

    pub(crate) fn node(meta: &Meta, drops: &Rc<Cell<u32>>) -> Value {
        alloc(
            meta,
            Node {
                next: RefCell::new(Value::NONE),
                drops: drops.clone(),
            },
            0,
            0,
        )
    }

    #[test]
    fn a_ring_is_found_and_a_held_ring_is_not() {
        let meta = Meta::new(Node::vtable());
        let drops = Rc::new(Cell::new(0));
        // A ring of three nodes nobody holds.
        let ring: Vec<Value> = (0..3).map(|_| node(&meta, &drops)).collect();
        for i in 0..3 {
            *ring[i].downcast::<Node>().unwrap().next.borrow_mut() = ring[(i + 1) % 3].clone();
        }
        drop(ring);
        // A ring held from outside through one member.
        let held: Vec<Value> = (0..2).map(|_| node(&meta, &drops)).collect();
        *held[0].downcast::<Node>().unwrap().next.borrow_mut() = held[1].clone();
        *held[1].downcast::<Node>().unwrap().next.borrow_mut() = held[0].clone();
        let keep = held[0].clone();
        drop(held);
        assert_eq!(drops.get(), 0);
        let found = find_unreachable(2);
        assert_eq!(found.garbage.len(), 3);
        assert!(found.examined >= 5);
        let survivors = still_unreachable(found.garbage);
        assert_eq!(survivors.len(), 3);
        for v in &survivors {
            v.header().unwrap().clear_refs();
        }
        drop(survivors);
        assert_eq!(drops.get(), 3);
        // Nothing else is garbage; the held ring survives.
        assert!(find_unreachable(2).garbage.is_empty());
        assert_eq!(drops.get(), 3);
        keep.header().unwrap().clear_refs();
        drop(keep);
        assert_eq!(drops.get(), 5);
    }

    #[test]
    fn generations_promote_survivors() {
        let meta = Meta::new(Node::vtable());
        let drops = Rc::new(Cell::new(0));
        let a = node(&meta, &drops);
        let young = find_unreachable(0).examined;
        assert!(young >= 1);
        // `a` is now in generation 1: a young collection skips it.
        let b = node(&meta, &drops);
        assert_eq!(find_unreachable(0).examined, 1);
        assert!(find_unreachable(1).examined >= 2);
        assert!(find_unreachable(2).examined >= 2);
        drop((a, b));
    }
}
