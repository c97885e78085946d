//! The compact, insertion-ordered hash table behind `dict`, and the probe
//! machinery it shares with the set table (crates/adder-vm/src/objects/set.rs).
//!
//! Layout (docs/DECISIONS.md "Memory"): one block (`adder_object::block`)
//! holds the counts, a sparse index of signed slots (1, 2 or 4 bytes each,
//! by table size, as CPython's keys object) and the dense entry array that
//! keeps insertion order; an empty dict has no block. Deleted entries keep
//! their place with a NULL key until the next resize compacts them.
//!
//! Invariants: the index has 0 or a power-of-two number of slots and always
//! at least one EMPTY slot; every live entry is reachable from its hash's
//! probe sequence; the entry capacity never exceeds `usable(slots)`;
//! `version` changes on every insertion or deletion, so a caller that had to
//! release the table to run Python `__eq__` can tell it must restart. This
//! module never calls Python code; `crate::ops::dict` does the Python-aware
//! lookups on top of `Probe` (through `Lookup`, for dicts and sets alike).

use std::cell::RefCell;

use adder_object::block::Block;
use adder_object::{payload, Trace, Value};

use crate::kinds;

const EMPTY: isize = -1;
const DUMMY: isize = -2;

#[derive(Trace)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// The counts kept in a table block's header: live entries, and index
/// slots that are not EMPTY.
#[derive(Clone, Copy, Default)]
struct Counts {
    pub used: u32,
    pub fill: u32,
}

type Keys = Block<Counts, Entry>;

#[derive(Default, Trace)]
pub struct Table {
    keys: Option<Keys>,
    pub version: u64,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 24);
const _: () = assert!(std::mem::size_of::<Table>() == 16);
const _: () = assert!(std::mem::size_of::<Dict>() == 24);

/// The next slot of an open-addressing probe sequence (the recurrence CPython
/// uses for dicts and sets): `perturb` feeds the hash's high bits in.
#[inline(always)]
pub(crate) fn next_probe(pos: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (pos.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb as usize))
        & mask
}

/// A resumable walk along one hash's probe sequence.
pub struct Probe {
    pub(crate) pos: usize,
    pub(crate) perturb: u64,
    pub(crate) first_free: Option<usize>,
    pub(crate) started: bool,
    pub(crate) hash: i64,
    /// Set tables: linear probes left from `pos`.
    pub(crate) linear: usize,
    /// Set tables: where the current run of linear probes started (the next
    /// perturbed probe is computed from it, as CPython's set code does).
    pub(crate) base: usize,
}

impl Probe {
    pub(crate) fn new(hash: i64) -> Probe {
        Probe {
            pos: 0,
            perturb: hash as u64,
            first_free: None,
            started: false,
            hash,
            linear: 0,
            base: 0,
        }
    }
}

pub enum Step {
    /// The probe reached an empty slot: the key is absent; insert at `slot`.
    Absent { slot: usize },
    /// An entry with the same hash: the caller must compare keys.
    Candidate { entry: usize },
}

/// What a Python-aware lookup needs of a dict or set table.
pub trait Lookup {
    fn version(&self) -> u64;
    /// A walk along `hash`'s probe sequence, to advance with `step`.
    #[inline(always)]
    fn probe(&self, hash: i64) -> Probe {
        Probe::new(hash)
    }
    fn step(&self, p: &mut Probe) -> Step;
    /// The key of entry `ix` (a `Candidate`).
    fn key_at(&self, ix: usize) -> &Value;
}

/// Most entries an index of `slots` slots takes (load stays under 2/3).
fn usable(slots: usize) -> usize {
    (2 * slots - 1) / 3
}

/// The entry capacity for a table of `len` entries about to take one
/// more: half as much again (at least 4 more, at most `usable`), so a
/// middle-sized dict does not carry the whole usable fraction of its index
/// (CPython allocates all of it at once, with 16-byte entries for str keys).
fn grown_cap(len: usize, slots: usize) -> usize {
    (len + len / 2).max(len + 4).min(usable(slots))
}

impl Table {
    pub fn new() -> Table {
        Table::default()
    }
    /// A table with room for `n` entries without growing (exactly `n`: a
    /// literal's dict stays as small as its items).
    pub fn with_capacity(n: usize) -> Table {
        let mut t = Table::new();
        if n > 0 {
            let slots = Self::index_size_for(n);
            t.keys = Some(Keys::new(Counts::default(), slots, n.min(usable(slots))));
        }
        t
    }
    fn index_size_for(n: usize) -> usize {
        let mut size = 8;
        while size * 2 < n * 3 {
            size *= 2;
        }
        size
    }
    pub fn len(&self) -> usize {
        self.keys.as_ref().map_or(0, |k| k.head().used as usize)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn probe(&self, hash: i64) -> Probe {
        Probe::new(hash)
    }

    /// Advances the probe to the next candidate entry or the empty slot.
    #[inline]
    pub fn step(&self, p: &mut Probe) -> Step {
        let Some(k) = &self.keys else {
            return Step::Absent { slot: usize::MAX };
        };
        let mask = k.slots() - 1;
        let entries = k.items();
        loop {
            if !p.started {
                p.started = true;
                p.pos = (p.hash as u64 as usize) & mask;
            } else {
                p.pos = next_probe(p.pos, &mut p.perturb, mask);
            }
            match k.index(p.pos) {
                EMPTY => {
                    return Step::Absent {
                        slot: p.first_free.unwrap_or(p.pos),
                    };
                }
                DUMMY => {
                    if p.first_free.is_none() {
                        p.first_free = Some(p.pos);
                    }
                }
                ix => {
                    let e = &entries[ix as usize];
                    if e.hash == p.hash && !e.key.is_null() {
                        return Step::Candidate { entry: ix as usize };
                    }
                }
            }
        }
    }

    /// Finds the entry whose key is identical (`is`) or passes `eq`, a
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

    /// Inserts a new entry (the caller established the key is absent).
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        // DUMMY index slots count too: deleting trims trailing entries, so
        // the entry count alone could leave the index without an EMPTY slot.
        let full = self.keys.as_ref().is_none_or(|k| {
            let load = k.len().max(k.head().fill as usize);
            (load + 1) * 3 >= k.slots() * 2
        });
        if full {
            self.grow();
        }
        let mut p = self.probe(hash);
        let slot = loop {
            match self.step(&mut p) {
                Step::Absent { slot } => break slot,
                Step::Candidate { .. } => continue,
            }
        };
        let Some(k) = &mut self.keys else {
            return;
        };
        if k.index(slot) == EMPTY {
            k.head_mut().fill += 1;
        }
        let ix = k.len();
        if ix == k.cap() {
            k.set_cap(grown_cap(ix, k.slots()));
        }
        k.push(Entry { hash, key, value }, ix + 1);
        k.set_index(slot, ix as isize);
        k.head_mut().used += 1;
        self.version = self.version.wrapping_add(1);
    }

    /// Replaces the value of entry `ix`, returning the old one.
    pub fn replace_value(&mut self, ix: usize, value: Value) -> Value {
        // Rebinding counts as a change: lookup caches key on `version`.
        self.version = self.version.wrapping_add(1);
        match &mut self.keys {
            Some(k) => std::mem::replace(&mut k.items_mut()[ix].value, value),
            None => value,
        }
    }

    /// Removes entry `ix`, returning (key, value).
    pub fn remove_entry(&mut self, ix: usize) -> (Value, Value) {
        let Some(k) = &mut self.keys else {
            return (Value::NULL, Value::NULL);
        };
        let mask = k.slots() - 1;
        let hash = k.items()[ix].hash;
        let mut pos = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            match k.index(pos) {
                EMPTY => break,
                i if i == ix as isize => {
                    k.set_index(pos, DUMMY);
                    break;
                }
                _ => pos = next_probe(pos, &mut perturb, mask),
            }
        }
        let e = &mut k.items_mut()[ix];
        let taken = (e.key.take(), e.value.take());
        k.head_mut().used -= 1;
        self.version = self.version.wrapping_add(1);
        // The entry stays as a hole, as in CPython: a key inserted next goes
        // after it, so an iterator positioned past it sees the new key.
        taken
    }

    /// Drops the deleted entries at the end of the entry array (what
    /// CPython's `popitem` does to `dk_nentries`; keeps it cheap).
    pub fn trim_deleted_tail(&mut self) {
        if let Some(k) = &mut self.keys {
            while k.items().last().is_some_and(|e| e.key.is_null()) {
                k.pop();
            }
        }
    }

    /// Moves the live entries into a new block sized for them (compacting
    /// the deleted ones away) and rebuilds the index.
    fn grow(&mut self) {
        let slots = Self::index_size_for((self.len() + 1) * 2);
        let mut new = Keys::new(Counts::default(), slots, grown_cap(self.len(), slots));
        let mask = slots - 1;
        for e in self.keys.take().into_iter().flatten() {
            if e.key.is_null() {
                continue;
            }
            let mut pos = (e.hash as u64 as usize) & mask;
            let mut perturb = e.hash as u64;
            while new.index(pos) != EMPTY {
                pos = next_probe(pos, &mut perturb, mask);
            }
            new.set_index(pos, new.len() as isize);
            new.push(e, usable(slots));
        }
        let n = new.len() as u32;
        *new.head_mut() = Counts { used: n, fill: n };
        self.keys = Some(new);
    }

    /// Empties the table (a new version) and returns the old contents, for
    /// the caller to drop once it no longer holds the table.
    pub fn clear(&mut self) -> Table {
        self.version = self.version.wrapping_add(1);
        Table {
            keys: self.keys.take(),
            version: 0,
        }
    }

    /// Every entry, deleted ones (NULL key) included, in insertion order.
    #[inline(always)]
    pub fn entries(&self) -> &[Entry] {
        self.keys.as_ref().map_or(&[], |k| k.items())
    }
    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries().iter().filter(|e| !e.key.is_null())
    }

    /// Entry at dense position `i` (may be a deleted one: key NULL).
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries().get(i)
    }
    pub fn dense_len(&self) -> usize {
        self.entries().len()
    }
    /// Bytes of the table's block (index and entry capacity).
    pub fn heap_bytes(&self) -> usize {
        self.keys.as_ref().map_or(0, |k| k.alloc_size())
    }
}

impl Lookup for Table {
    #[inline(always)]
    fn version(&self) -> u64 {
        self.version
    }
    #[inline(always)]
    fn step(&self, p: &mut Probe) -> Step {
        Table::step(self, p)
    }
    #[inline(always)]
    fn key_at(&self, ix: usize) -> &Value {
        &self.entries()[ix].key
    }
}

/// Clearing a table (`#[trace(clear)]` on a dict's) bumps its version, as
/// `Table::clear` does.
impl adder_object::trace::Empty for Table {
    type Taken = Table;
    fn empty(&mut self) -> Table {
        self.clear()
    }
}

#[derive(Trace)]
pub struct Dict {
    #[trace(clear)]
    pub table: RefCell<Table>,
}
payload!(Dict, kinds::DICT, "dict", traverse_from(self, start, budget, visit) {
    let t = self.table.try_borrow().ok()?;
    let entries = t.entries();
    let end = start.saturating_add(budget.max(1) / 2 + 1).min(entries.len());
    for e in entries.get(start..end)? { visit(&e.key); visit(&e.value); }
    (end < entries.len()).then_some(end)
});

impl Dict {
    pub fn new() -> Dict {
        Dict {
            table: RefCell::new(Table::new()),
        }
    }
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Items snapshot, for iteration that may call Python.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }
    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }
}

impl Default for Dict {
    fn default() -> Self {
        Dict::new()
    }
}
