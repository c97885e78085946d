//! `set` and `frozenset`, and their table.
//!
//! The table is CPython's open-addressed set table: one boxed slice of
//! slots, each (hash, key) with no value word (8 slots: 128 bytes), probed like CPython 3.11's
//! sets (nine linear probes, then perturbation) and resized at the same
//! load factors, so that iterating a set visits its elements in the same
//! order as CPython does for equal hashes (e.g. sets of small ints). An
//! empty set has no block.
//!
//! Invariants: the slot count is 0 or a power of two of at least
//! `MIN_SLOTS`, and at least one slot is free; a free slot has a NULL key
//! and hash 0, a deleted one (dummy) a NULL key and hash -1; `used` counts
//! elements and `fill` used and dummy slots; `version` changes on every insertion or deletion;
//! a frozen set's table is never changed after construction, so its cached
//! hash stays valid.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace, Value};

use crate::kinds;
use crate::objects::dict::{next_probe, Lookup, Probe, Step};

#[derive(Trace)]
pub struct SetEntry {
    pub hash: i64,
    pub key: Value,
}

#[derive(Default, Trace)]
pub struct SetTable {
    slots: Box<[SetEntry]>,
    used: u32,
    fill: u32,
    pub version: u64,
}

const MIN_SLOTS: usize = 8;
const LINEAR_PROBES: usize = 9;

const _: () = assert!(std::mem::size_of::<SetEntry>() == 16);
const _: () = assert!(std::mem::size_of::<SetTable>() == 32);
const _: () = assert!(std::mem::size_of::<Set>() == 56);

/// A slot no key ever used since the last resize.
fn is_free(e: &SetEntry) -> bool {
    e.key.is_null() && e.hash != -1
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }
    /// A table with the same elements, sized as CPython's set copy.
    pub fn copy(&self) -> SetTable {
        let mut t = SetTable::new();
        t.merge(self);
        t
    }
    /// Adds every element of `other`, which the caller guarantees shares
    /// none of them with this table (typically: it is empty), the way
    /// CPython's `set_merge` sizes and fills the table.
    pub fn merge(&mut self, other: &SetTable) {
        let incoming = other.len();
        if incoming == 0 {
            return;
        }
        let mask = self.slots.len().saturating_sub(1);
        if self.slots.is_empty() || (self.fill as usize + incoming) * 5 >= mask * 3 {
            self.resize((self.used as usize + incoming) * 2);
        }
        for e in other.iter() {
            insert_clean(&mut self.slots, e.hash, e.key.clone());
        }
        self.used += incoming as u32;
        self.fill += incoming as u32;
        self.version = self.version.wrapping_add(1);
    }
    /// Moves the elements into a new block of the smallest power of two
    /// above `minused` slots (dummies are dropped).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SLOTS;
        while size <= minused {
            size <<= 1;
        }
        let free = || SetEntry {
            hash: 0,
            key: Value::NULL,
        };
        let old = std::mem::replace(&mut self.slots, (0..size).map(|_| free()).collect());
        for e in old.into_vec() {
            if !e.key.is_null() {
                insert_clean(&mut self.slots, e.hash, e.key);
            }
        }
        self.fill = self.used;
    }

    pub fn len(&self) -> usize {
        self.used as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn probe(&self, hash: i64) -> Probe {
        Probe::new(hash)
    }

    /// Advances the probe to the next candidate slot or the free slot.
    pub fn step(&self, p: &mut Probe) -> Step {
        let entries = &self.slots[..];
        if entries.is_empty() {
            return Step::Absent { slot: usize::MAX };
        }
        let mask = entries.len() - 1;
        loop {
            if !p.started {
                p.started = true;
                p.pos = (p.hash as u64 as usize) & mask;
                p.base = p.pos;
                p.linear = if p.pos + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
            } else if p.linear > 0 {
                p.linear -= 1;
                p.pos += 1;
            } else {
                // CPython 3.11: Objects/setobject.c, set_add_entry: the
                // perturbed probe starts from `i`, not from `i + 9`.
                p.pos = next_probe(p.base, &mut p.perturb, mask);
                p.base = p.pos;
                p.linear = if p.pos + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
            }
            let e = &entries[p.pos];
            if e.key.is_null() {
                if e.hash == -1 {
                    if p.first_free.is_none() {
                        p.first_free = Some(p.pos);
                    }
                    continue;
                }
                return Step::Absent {
                    slot: p.first_free.unwrap_or(p.pos),
                };
            }
            if e.hash == p.hash {
                return Step::Candidate { entry: p.pos };
            }
        }
    }

    /// Finds the slot whose key is identical (`is`) or passes `eq`, a
    /// comparison that must not call Python (fast paths only).
    pub fn find_simple(
        &self,
        hash: i64,
        key: &Value,
        eq: impl Fn(&Value, &Value) -> bool,
    ) -> Option<usize> {
        let mut p = self.probe(hash);
        loop {
            match self.step(&mut p) {
                Step::Absent { .. } => return None,
                Step::Candidate { entry } => {
                    let k = &self.entries()[entry].key;
                    if k.is(key) || eq(k, key) {
                        return Some(entry);
                    }
                }
            }
        }
    }

    /// Inserts a new element (the caller established it is absent).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        if self.slots.is_empty() {
            self.resize(0);
        }
        let mut p = self.probe(hash);
        let slot = loop {
            match self.step(&mut p) {
                Step::Absent { slot } => break slot,
                Step::Candidate { .. } => continue,
            }
        };
        let e = &mut self.slots[slot];
        let reused_dummy = e.hash == -1;
        *e = SetEntry { hash, key };
        let mask = self.slots.len() - 1;
        self.used += 1;
        if !reused_dummy {
            self.fill += 1;
        }
        let (used, fill) = (self.used as usize, self.fill as usize);
        self.version = self.version.wrapping_add(1);
        if !reused_dummy && fill * 5 >= mask * 3 {
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// Removes the element in slot `ix` (leaving a dummy), returning it.
    pub fn remove_entry(&mut self, ix: usize) -> Value {
        let e = &mut self.slots[ix];
        let k = e.key.take();
        e.hash = -1;
        self.used -= 1;
        self.version = self.version.wrapping_add(1);
        k
    }

    /// Empties the table (a new version) and returns the old contents, for
    /// the caller to drop once it no longer holds the table.
    pub fn clear(&mut self) -> SetTable {
        self.version = self.version.wrapping_add(1);
        let old = SetTable {
            slots: std::mem::take(&mut self.slots),
            used: self.used,
            fill: self.fill,
            version: 0,
        };
        (self.used, self.fill) = (0, 0);
        old
    }

    /// Every slot, free and dummy ones (NULL key) included, in slot order.
    #[inline(always)]
    pub fn entries(&self) -> &[SetEntry] {
        &self.slots
    }
    /// The elements, in slot order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.entries().iter().filter(|e| !e.key.is_null())
    }
    /// Slot `i` (may be free or a dummy: key NULL).
    pub fn entry_at(&self, i: usize) -> Option<&SetEntry> {
        self.entries().get(i)
    }
    pub fn dense_len(&self) -> usize {
        self.entries().len()
    }
    /// Bytes of the table's slots.
    pub fn heap_bytes(&self) -> usize {
        std::mem::size_of_val(&*self.slots)
    }
}

/// Places a key known to be absent into the first free slot of its probe
/// sequence (right after a resize there are no dummies); the caller
/// updates the counts.
fn insert_clean(entries: &mut [SetEntry], hash: i64, key: Value) {
    let mask = entries.len() - 1;
    let mut i = (hash as u64 as usize) & mask;
    let mut perturb = hash as u64;
    loop {
        let mut found = None;
        if is_free(&entries[i]) {
            found = Some(i);
        } else if i + LINEAR_PROBES <= mask {
            found = (i + 1..=i + LINEAR_PROBES).find(|&j| is_free(&entries[j]));
        }
        if let Some(j) = found {
            entries[j] = SetEntry { hash, key };
            return;
        }
        i = next_probe(i, &mut perturb, mask);
    }
}

impl Lookup for SetTable {
    #[inline(always)]
    fn version(&self) -> u64 {
        self.version
    }
    #[inline(always)]
    fn step(&self, p: &mut Probe) -> Step {
        SetTable::step(self, p)
    }
    #[inline(always)]
    fn key_at(&self, ix: usize) -> &Value {
        &self.entries()[ix].key
    }
}

/// Clearing a table (`#[trace(clear)]` on a set's) bumps its version, as
/// `SetTable::clear` does.
impl adder_object::trace::Empty for SetTable {
    type Taken = SetTable;
    fn empty(&mut self) -> SetTable {
        self.clear()
    }
}

#[derive(Trace)]
pub struct Set {
    #[trace(clear)]
    pub table: RefCell<SetTable>,
    pub frozen: bool,
    pub hash: Cell<i64>,
}
payload!(Set, kinds::SET, "set", traverse_from(self, start, budget, visit) {
    let t = self.table.try_borrow().ok()?;
    let entries = t.entries();
    let end = start.saturating_add(budget.max(1)).min(entries.len());
    for e in entries.get(start..end)? { visit(&e.key); }
    (end < entries.len()).then_some(end)
});

impl Set {
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }
}
