//! Finding unreachable cycles in the old generations a bounded amount of
//! work at a time, with the program running between steps (the
//! `incremental` collector strategy).
//!
//! Invariants:
//! - A cycle works on a snapshot: the old (generation 1 and 2) objects
//!   alive when it started, marked in their pages' `InSet` bitmaps. The
//!   pages are pinned (never released) until the cycle ends, and freeing a
//!   block clears its `InSet` bit, so every raw pointer the cycle keeps is
//!   checked against that bit before it is used: a freed (and perhaps
//!   reused) block is never touched as the object it was.
//! - The analysis is CPython's trial deletion spread over steps, so the
//!   counts it works from are not one consistent snapshot: it can only
//!   propose garbage. Objects that were unreachable when the cycle started
//!   stay exactly as they were (nothing can reach them to change them), so
//!   they are proposed; what is proposed is then checked exactly by
//!   `cycles::still_unreachable` (a closed island of objects referenced
//!   only from inside it), which is the only thing that decides.
//! - A step does at most about `budget` units of work (objects and
//!   references visited), so the pause it causes does not grow with the
//!   heap.

use crate::gcheap::{page_of, pin_all, unpin, Map, Page, NO_SCRATCH};
use crate::heap::{Header, FLAG_FROZEN};
use crate::value::Value;

/// `refs` entries: 0 is "not a candidate", `REACHABLE` is marked, anything
/// else is the remaining count biased by `BIAS` (so that an array fresh
/// from the allocator, all zeroes, needs no initialising pass).
const REACHABLE: u32 = u32::MAX;
const BIAS: u32 = 1 << 31;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    /// Record each member's reference count.
    Count,
    /// Subtract the references members hold to each other.
    Subtract,
    /// Mark what is reachable from members held from outside.
    Mark,
    /// Gather the unmarked members: the proposals.
    Gather,
    /// Join proposals that refer to each other (union-find).
    Partition,
    /// Chain each proposal into its group's list.
    Link,
    /// Hand the groups out, a budget's worth per step.
    Hand,
}

const NONE_IDX: u32 = u32::MAX;
/// Items of one container traversed before a scan moves on (the rest of a
/// bigger one waits for the next step).
const CHUNK: usize = 1024;

/// One incremental old-generation cycle in progress.
pub struct OldCycle {
    pages: Vec<*mut Page>,
    refs: Vec<u32>,
    phase: Phase,
    /// Scan cursor: page index and block index within it.
    page: usize,
    block: usize,
    /// Marked objects to traverse, with the item to resume from.
    stack: Vec<(*const Header, usize)>,
    /// A big member whose Subtract traversal continues next step.
    partial: Option<(*const Header, usize)>,
    /// The Subtract scan reached the end (only `partial` may remain).
    subtracted: bool,
    /// The Mark phase has scanned every member for roots.
    seeded: bool,
    unmarked: Vec<*const Header>,
    /// Union-find parents of the proposals, then the group lists.
    parent: Vec<u32>,
    head: Vec<u32>,
    next: Vec<u32>,
    cursor: usize,
    /// Members in the snapshot when it was taken.
    pub members: usize,
}

/// What a step did.
pub struct Step {
    /// Objects proposed as garbage (strong references, one each): whole
    /// groups of proposals that refer to each other. They still need
    /// `cycles::still_unreachable` before anything is freed.
    pub proposed: Vec<Value>,
    /// The cycle is over.
    pub done: bool,
}

/// The `refs` slot of `r` if it is a member of the snapshot.
fn member_slot(r: &Header) -> Option<usize> {
    if !r.is_tracked() {
        return None;
    }
    // SAFETY: r is tracked.
    let page = unsafe { page_of(r) };
    if page.inc_scratch == NO_SCRATCH {
        return None;
    }
    let i = page.index_of(r);
    let in_set = page.map(Map::InSet)[i / 64].get() & (1 << (i % 64)) != 0;
    in_set.then_some(page.inc_scratch + i)
}

impl OldCycle {
    /// Takes the snapshot: every live object of generations 1 and 2 that is
    /// not frozen. Costs one pass over the pages' bitmaps (no objects).
    pub fn start() -> OldCycle {
        let pages = pin_all();
        let mut total = 0;
        let mut members = 0;
        for &p in &pages {
            // SAFETY: pinned pages are live.
            let page = unsafe { &mut *p };
            page.inc_scratch = total;
            total += page.capacity as usize;
            let (live, g1, g2, set) = (
                page.map(Map::Live),
                page.map(Map::Gen1),
                page.map(Map::Gen2),
                page.map(Map::InSet),
            );
            for w in 0..page.words() {
                let bits = live[w].get() & (g1[w].get() | g2[w].get());
                set[w].set(bits);
                members += bits.count_ones() as usize;
            }
        }
        OldCycle {
            pages,
            // Filled page by page in the Count phase (zeroing it all here
            // would take a step's whole budget on a big heap).
            refs: Vec::with_capacity(total),
            phase: Phase::Count,
            page: 0,
            block: 0,
            stack: Vec::new(),
            partial: None,
            subtracted: false,
            seeded: false,
            unmarked: Vec::new(),
            parent: Vec::new(),
            head: Vec::new(),
            next: Vec::new(),
            cursor: 0,
            members,
        }
    }

    /// Calls `f` on snapshot members from the cursor on until `budget`
    /// units are spent (f returns the units it used). Returns true when the
    /// scan reached the end (the cursor is then reset).
    fn scan(
        &mut self,
        budget: &mut isize,
        mut f: impl FnMut(&mut Self, *const Header, usize) -> isize,
    ) -> bool {
        while self.page < self.pages.len() {
            // SAFETY: pinned pages are live.
            let page = unsafe { &*self.pages[self.page] };
            let cap = page.capacity as usize;
            while self.block < cap {
                if *budget <= 0 {
                    return false;
                }
                let w = self.block / 64;
                let bits = page.map(Map::InSet)[w].get() >> (self.block % 64);
                if bits == 0 {
                    self.block = (w + 1) * 64;
                    *budget -= 1;
                    continue;
                }
                let i = self.block + bits.trailing_zeros() as usize;
                self.block = i + 1;
                if i >= cap {
                    break;
                }
                let h = page.block(i);
                let slot = page.inc_scratch + i;
                *budget -= f(self, h, slot);
            }
            self.page += 1;
            self.block = 0;
        }
        self.page = 0;
        true
    }

    /// Does about `budget` units of work.
    pub fn step(&mut self, budget: usize) -> Step {
        let mut budget = budget as isize;
        loop {
            match self.phase {
                Phase::Count => {
                    let done = self.scan(&mut budget, |me, h, slot| {
                        // SAFETY: h is a snapshot member whose InSet bit is set: live.
                        let hr = unsafe { &*h };
                        if me.refs.len() <= slot {
                            me.refs.resize(slot + 1, 0);
                        }
                        if hr.has_flag(FLAG_FROZEN) {
                            me.refs[slot] = 0;
                        } else {
                            me.refs[slot] = BIAS.saturating_add(hr.refcount()).min(REACHABLE - 1);
                        }
                        1
                    });
                    if !done {
                        return self.working();
                    }
                    self.phase = Phase::Subtract;
                }
                Phase::Subtract => {
                    if let Some((h, at)) = self.partial.take() {
                        let (next, used) = self.subtract_from(h, at, budget.max(1) as usize);
                        budget -= used;
                        self.partial = next.map(|n| (h, n));
                        if self.partial.is_some() {
                            return self.working();
                        }
                    }
                    // The scan finished while a big container was pending.
                    let done = self.subtracted
                        || self.scan(&mut budget, |me, h, slot| {
                            if me.refs[slot] == 0 {
                                return 1;
                            }
                            let (next, used) = me.subtract_from(h, 0, CHUNK);
                            match next {
                                // A big container: the rest waits for the next step.
                                Some(n) => {
                                    me.partial = Some((h, n));
                                    isize::MAX / 4
                                }
                                None => used,
                            }
                        });
                    if self.partial.is_some() {
                        self.subtracted = done;
                        return self.working();
                    }
                    if !done {
                        return self.working();
                    }
                    self.phase = Phase::Mark;
                }
                Phase::Mark => {
                    if !self.drain(&mut budget) {
                        return self.working();
                    }
                    if !self.seeded {
                        let done = self.scan(&mut budget, |me, h, slot| {
                            let r = me.refs[slot];
                            if r > BIAS && r != REACHABLE {
                                me.refs[slot] = REACHABLE;
                                me.stack.push((h, 0));
                            }
                            1
                        });
                        if !done {
                            return self.working();
                        }
                        self.seeded = true;
                    }
                    if !self.drain(&mut budget) {
                        return self.working();
                    }
                    // Scanned to the end with nothing left to mark.
                    // Room for every member, reserved (not touched) now so
                    // that growing never copies a big array inside a step.
                    self.unmarked.reserve(self.members);
                    self.parent.reserve(self.members);
                    self.phase = Phase::Gather;
                }
                Phase::Gather => {
                    let done = self.scan(&mut budget, |me, h, slot| {
                        let r = me.refs[slot];
                        if r != 0 && r != REACHABLE {
                            me.parent.push(me.unmarked.len() as u32);
                            me.unmarked.push(h);
                            // From here on, a proposal's slot holds its number + 1.
                            me.refs[slot] = me.unmarked.len() as u32;
                        }
                        1
                    });
                    if !done {
                        return self.working();
                    }
                    self.cursor = 0;
                    self.phase = Phase::Partition;
                }
                Phase::Partition => {
                    while self.cursor < self.unmarked.len() {
                        if budget <= 0 {
                            return self.working();
                        }
                        let i = self.cursor;
                        self.cursor += 1;
                        budget -= 1;
                        // SAFETY: the page is pinned; the bit tells whether
                        // the block still holds the member.
                        let hr = unsafe { &*self.unmarked[i] };
                        if member_slot(hr).is_none() {
                            continue;
                        }
                        let (refs, parent) = (&self.refs, &mut self.parent);
                        hr.traverse(&mut |v| {
                            budget -= 1;
                            if let Some(s) = v.header().and_then(member_slot) {
                                let p = refs[s];
                                if p != 0 && p < BIAS {
                                    union(parent, i as u32, p - 1);
                                }
                            }
                        });
                    }
                    // Grown one entry per proposal in Link (a group's
                    // representative is its lowest-numbered member).
                    self.head = Vec::with_capacity(self.unmarked.len());
                    self.next = Vec::with_capacity(self.unmarked.len());
                    self.cursor = 0;
                    self.phase = Phase::Link;
                }
                Phase::Link => {
                    while self.cursor < self.unmarked.len() {
                        if budget <= 0 {
                            return self.working();
                        }
                        budget -= 1;
                        let i = self.cursor as u32;
                        self.cursor += 1;
                        let r = find(&mut self.parent, i) as usize;
                        self.head.push(NONE_IDX);
                        self.next.push(self.head[r]);
                        self.head[r] = i;
                    }
                    self.cursor = 0;
                    self.phase = Phase::Hand;
                }
                Phase::Hand => {
                    let mut proposed = Vec::new();
                    while self.cursor < self.unmarked.len() {
                        if budget <= 0 {
                            return Step {
                                proposed,
                                done: false,
                            };
                        }
                        let mut i = self.head[self.cursor];
                        self.cursor += 1;
                        budget -= 1;
                        while i != NONE_IDX {
                            // Checking a proposal touches it, its page and
                            // the lists: it costs several visits.
                            budget -= 4;
                            let h = self.unmarked[i as usize];
                            // SAFETY: as above.
                            let hr = unsafe { &*h };
                            if member_slot(hr).is_some() {
                                hr.incref();
                                // SAFETY: the Value owns the reference just added.
                                proposed.push(unsafe { Value::from_header_owned(h) });
                            }
                            i = self.next[i as usize];
                        }
                    }
                    self.finish();
                    return Step {
                        proposed,
                        done: true,
                    };
                }
            }
        }
    }

    fn working(&self) -> Step {
        Step {
            proposed: Vec::new(),
            done: false,
        }
    }

    /// Traverses marked objects from the stack; true when it is empty.
    /// Subtracts the references member `h` holds to members, from item
    /// `start`, about `chunk` items: (where to resume, units used).
    fn subtract_from(
        &mut self,
        h: *const Header,
        start: usize,
        chunk: usize,
    ) -> (Option<usize>, isize) {
        // SAFETY: the page is pinned; the bit tells whether the block still
        // holds the member.
        let hr = unsafe { &*h };
        if member_slot(hr).is_none() {
            return (None, 1);
        }
        let mut used = 1;
        let refs = &mut self.refs;
        let next = hr.traverse_from(start, chunk, &mut |v| {
            used += 1;
            if let Some(s) = v.header().and_then(member_slot) {
                let r = &mut refs[s];
                if *r > 1 {
                    *r -= 1;
                }
            }
        });
        (next, used)
    }

    /// Traverses marked objects from the stack (a big container a chunk
    /// at a time); true when it is empty.
    fn drain(&mut self, budget: &mut isize) -> bool {
        while let Some((h, start)) = self.stack.pop() {
            if *budget <= 0 {
                self.stack.push((h, start));
                return false;
            }
            *budget -= 1;
            // SAFETY: the page is pinned; checking the bit tells whether
            // the block still holds a snapshot member.
            let hr = unsafe { &*h };
            if member_slot(hr).is_none() {
                continue;
            }
            let refs = &mut self.refs;
            let stack = &mut self.stack;
            let mut pushed = Vec::new();
            let next = hr.traverse_from(start, (*budget).max(1) as usize, &mut |v| {
                *budget -= 1;
                if let Some(r) = v.header() {
                    if let Some(s) = member_slot(r) {
                        if refs[s] != 0 && refs[s] != REACHABLE {
                            refs[s] = REACHABLE;
                            pushed.push((r as *const Header, 0));
                        }
                    }
                }
            });
            if let Some(n) = next {
                stack.push((h, n));
            }
            stack.extend(pushed);
        }
        true
    }

    /// Ends the cycle early or after gathering: unpins the pages.
    pub fn finish(&mut self) {
        unpin(&self.pages);
        self.pages.clear();
        self.refs = Vec::new();
        self.stack = Vec::new();
        self.unmarked = Vec::new();
        self.parent = Vec::new();
        self.head = Vec::new();
        self.next = Vec::new();
    }
}

/// The representative of `i`'s group (with path halving).
fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        let grand = parent[parent[i as usize] as usize];
        parent[i as usize] = grand;
        i = grand;
    }
    i
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb) as usize] = ra.min(rb);
    }
}

impl Drop for OldCycle {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycles::{find_unreachable, still_unreachable};
    use crate::heap::{alloc, Meta, Payload};
    use std::cell::RefCell;

    struct Link(RefCell<Value>);
    crate::payload!(Link, 252, "link", traverse(self, visit) {
        if let Ok(n) = self.0.try_borrow() { visit(&n) }
    }, clear(self) {
        let old = self.0.try_borrow_mut().map(|mut n| std::mem::replace(&mut *n, Value::NONE));
        drop(old);
    });

    struct Many(RefCell<Vec<Value>>);
    crate::payload!(Many, 253, "many", traverse(self, visit) {
        for v in self.0.borrow().iter() { visit(v) }
    }, traverse_from(self, start, budget, visit) {
        let items = self.0.borrow();
        let end = (start + budget.max(1)).min(items.len());
        for v in items.get(start..end)? { visit(v) }
        (end < items.len()).then_some(end)
    });

    #[test]
    fn a_big_container_is_traversed_over_several_steps() {
        let lmeta = Meta::new(Link::vtable());
        let mmeta = Meta::new(Many::vtable());
        let items: Vec<Value> = (0..5000).map(|_| link(&lmeta)).collect();
        let big = alloc(&mmeta, Many(RefCell::new(items)), 0, 0);
        // Garbage: a Many holding a ring of 3000 links, one of which points back.
        let ring: Vec<Value> = (0..3000).map(|_| link(&lmeta)).collect();
        let holder = alloc(&mmeta, Many(RefCell::new(ring.clone())), 0, 0);
        point(&ring[0], &holder);
        drop(ring);
        drop(holder);
        let _ = find_unreachable(1);
        let mut cycle = OldCycle::start();
        let mut proposed = Vec::new();
        let mut steps = 0;
        loop {
            steps += 1;
            let step = cycle.step(500);
            proposed.extend(step.proposed);
            if step.done {
                break;
            }
        }
        assert!(steps > 20);
        let garbage = still_unreachable(proposed);
        assert_eq!(garbage.len(), 3001);
        for g in &garbage {
            g.header().unwrap().clear_refs();
        }
        drop(garbage);
        // Nothing live was proposed: the big container's items all survive.
        assert!(big.downcast::<Many>().unwrap().0.borrow().iter().all(|v| v
            .header()
            .unwrap()
            .refcount()
            == 1));
    }

    fn link(meta: &Meta) -> Value {
        alloc(meta, Link(RefCell::new(Value::NONE)), 0, 0)
    }
    fn point(a: &Value, b: &Value) {
        *a.downcast::<Link>().unwrap().0.borrow_mut() = b.clone();
    }

    #[test]
    fn finds_old_garbage_in_small_steps_while_the_heap_changes() {
        let meta = Meta::new(Link::vtable());
        // A live chain and a garbage ring, both promoted to the old generation.
        let live: Vec<Value> = (0..300).map(|_| link(&meta)).collect();
        for w in live.windows(2) {
            point(&w[0], &w[1]);
        }
        let ring: Vec<Value> = (0..50).map(|_| link(&meta)).collect();
        for i in 0..ring.len() {
            point(&ring[i], &ring[(i + 1) % ring.len()]);
        }
        drop(ring);
        let young = find_unreachable(0).garbage;
        assert_eq!(young.len(), 50);
        for g in &young {
            g.header().unwrap().clear_refs();
        }
        drop(young);
        // That young collection found the ring while still young: rebuild it old.
        let ring: Vec<Value> = (0..50).map(|_| link(&meta)).collect();
        for i in 0..ring.len() {
            point(&ring[i], &ring[(i + 1) % ring.len()]);
        }
        let _ = find_unreachable(0);
        drop(ring);
        let mut cycle = OldCycle::start();
        assert!(cycle.members >= 350);
        let mut steps = 0;
        let mut churn = Vec::new();
        let mut proposed = Vec::new();
        loop {
            steps += 1;
            // The program runs between steps: it frees part of the live
            // chain and allocates new objects (which may reuse the blocks).
            if steps == 3 {
                point(&live[100], &Value::NONE);
            }
            churn.push(link(&meta));
            let step = cycle.step(20);
            proposed.extend(step.proposed);
            if step.done {
                break;
            }
        }
        assert!(steps > 10, "the work was split ({steps} steps)");
        let garbage = still_unreachable(proposed);
        assert_eq!(garbage.len(), 50);
        for g in &garbage {
            g.header().unwrap().clear_refs();
        }
        drop((garbage, churn, live));
    }
}
