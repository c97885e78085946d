//! The compact, insertion-ordered hash table behind `dict` and `set`.
//!
//! Layout (as DESIGN.md asks): a sparse index table of `u32` slots pointing
//! into a dense entry array that keeps insertion order. Deleted entries keep
//! their place with a NULL key until the next resize compacts them.
//!
//! Invariants: `indices.len()` is 0 or a power of two and always has at least
//! one EMPTY slot; every live entry is reachable from its hash's probe
//! sequence; `version` changes on every insertion or deletion, so a caller that
//! had to release the table to run Python `__eq__` can tell it must restart.
//! This module never calls Python code; `crate::ops::dict` does the
//! Python-aware lookups on top of `Probe`.
//!
//! Sets use the same API in *set mode*, where `entries` is the open-addressed
//! slot array itself (no index table), probed like CPython's sets (nine
//! linear probes, then perturbation) and resized at the same load factors,
//! so that iterating a set visits its elements in the same order as CPython
//! 3.11 does for equal hashes (e.g. sets of small ints). A free slot has a
//! NULL key and hash 0; a deleted one (dummy) a NULL key and hash -1.

use std::cell::RefCell;

use adder_object::{payload, Trace, Value};

use crate::kinds;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Trace)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default, Trace)]
pub struct Table {
    indices: Vec<u32>,
    pub entries: Vec<Entry>,
    used: usize,
    pub version: u64,
    /// Set mode (see the module docs); `fill` counts used + dummy slots
    /// (in dict mode: index slots that are not EMPTY).
    set_mode: bool,
    fill: usize,
}

const SET_MIN_SIZE: usize = 8;

/// The next slot of an open-addressing probe sequence (the recurrence CPython
/// uses for dicts and sets): `perturb` feeds the hash's high bits in.
#[inline(always)]
fn next_probe(pos: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (pos.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb as usize))
        & mask
}
const LINEAR_PROBES: usize = 9;

/// A resumable walk along one hash's probe sequence.
pub struct Probe {
    pos: usize,
    perturb: u64,
    first_free: Option<usize>,
    started: bool,
    hash: i64,
    /// Set mode: linear probes left from `pos`.
    linear: usize,
    /// Set mode: where the current run of linear probes started (the next
    /// perturbed probe is computed from it, as CPython's set code does).
    base: usize,
}

pub enum Step {
    /// The probe reached an empty slot: the key is absent; insert at `slot`.
    Absent { slot: usize },
    /// An entry with the same hash: the caller must compare keys.
    Candidate { entry: usize },
}

impl Table {
    pub fn new() -> Table {
        Table::default()
    }
    /// An empty set-mode table (see the module docs).
    pub fn new_set() -> Table {
        Table {
            set_mode: true,
            ..Table::default()
        }
    }
    fn empty_slots(n: usize) -> Vec<Entry> {
        (0..n)
            .map(|_| Entry {
                hash: 0,
                key: Value::NULL,
                value: Value::NULL,
            })
            .collect()
    }
    /// A set-mode table with the same elements, sized as CPython's set copy.
    pub fn set_copy(&self) -> Table {
        let mut t = Table::new_set();
        t.set_merge(self);
        t
    }
    /// Adds every element of `other` into this set-mode table, which the
    /// caller guarantees shares none of them (typically: it is empty), the
    /// way CPython's `set_merge` sizes and fills the table.
    pub fn set_merge(&mut self, other: &Table) {
        let incoming = other.len();
        if incoming == 0 {
            return;
        }
        let mask = self.entries.len().saturating_sub(1);
        if self.entries.is_empty() || (self.fill + incoming) * 5 >= mask * 3 {
            self.set_resize((self.used + incoming) * 2);
        }
        for e in other.iter() {
            self.set_insert_clean(e.hash, e.key.clone());
            self.used += 1;
            self.fill += 1;
        }
        self.version = self.version.wrapping_add(1);
    }
    fn set_resize(&mut self, minused: usize) {
        let mut size = SET_MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.entries, Table::empty_slots(size));
        self.fill = self.used;
        for e in old {
            if !e.key.is_null() {
                self.set_insert_clean(e.hash, e.key);
            }
        }
    }
    /// Places a key known to be absent into the first free slot of its probe
    /// sequence (right after a resize there are no dummies).
    fn set_insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.entries.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let free = |e: &Entry| e.key.is_null() && e.hash != -1;
        loop {
            let mut found = None;
            if free(&self.entries[i]) {
                found = Some(i);
            } else if i + LINEAR_PROBES <= mask {
                found = (i + 1..=i + LINEAR_PROBES).find(|&j| free(&self.entries[j]));
            }
            if let Some(j) = found {
                self.entries[j] = Entry {
                    hash,
                    key,
                    value: Value::NULL,
                };
                return;
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    fn set_step(&self, p: &mut Probe) -> Step {
        if self.entries.is_empty() {
            return Step::Absent { slot: usize::MAX };
        }
        let mask = self.entries.len() - 1;
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
            let e = &self.entries[p.pos];
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
    pub fn with_capacity(n: usize) -> Table {
        let mut t = Table::new();
        if n > 0 {
            t.entries.reserve(n);
            t.rebuild_indices(Self::index_size_for(n));
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
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn probe(&self, hash: i64) -> Probe {
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

    /// Advances the probe to the next candidate entry or the empty slot.
    pub fn step(&self, p: &mut Probe) -> Step {
        if self.set_mode {
            return self.set_step(p);
        }
        let mask = self.indices.len().wrapping_sub(1);
        if self.indices.is_empty() {
            return Step::Absent { slot: usize::MAX };
        }
        loop {
            if !p.started {
                p.started = true;
                p.pos = (p.hash as u64 as usize) & mask;
            } else {
                p.pos = next_probe(p.pos, &mut p.perturb, mask);
            }
            match self.indices[p.pos] {
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
                    let e = &self.entries[ix as usize];
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
                    let k = &self.entries[entry].key;
                    if k.is(key) || eq(k, key) {
                        return Some(entry);
                    }
                }
            }
        }
    }

    /// Inserts a new entry (the caller established the key is absent).
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.set_mode {
            self.set_insert(hash, key, value);
            return;
        }
        // DUMMY index slots count too: deleting trims trailing entries, so
        // `entries` alone could leave the index without an EMPTY slot.
        let load = self.entries.len().max(self.fill);
        if self.indices.is_empty() || (load + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let mut p = self.probe(hash);
        let slot = loop {
            match self.step(&mut p) {
                Step::Absent { slot } => break slot,
                Step::Candidate { .. } => continue,
            }
        };
        if self.indices[slot] == EMPTY {
            self.fill += 1;
        }
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.version = self.version.wrapping_add(1);
    }

    fn set_insert(&mut self, hash: i64, key: Value, value: Value) {
        if self.entries.is_empty() {
            self.entries = Table::empty_slots(SET_MIN_SIZE);
        }
        let mut p = self.probe(hash);
        let slot = loop {
            match self.set_step(&mut p) {
                Step::Absent { slot } => break slot,
                Step::Candidate { .. } => continue,
            }
        };
        let reused_dummy = self.entries[slot].hash == -1;
        self.entries[slot] = Entry { hash, key, value };
        self.used += 1;
        self.version = self.version.wrapping_add(1);
        if !reused_dummy {
            self.fill += 1;
            let mask = self.entries.len() - 1;
            if self.fill * 5 >= mask * 3 {
                let minused = if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                };
                self.set_resize(minused);
            }
        }
    }

    /// Replaces the value of entry `ix`, returning the old one.
    pub fn replace_value(&mut self, ix: usize, value: Value) -> Value {
        // Rebinding counts as a change: lookup caches key on `version`.
        self.version = self.version.wrapping_add(1);
        std::mem::replace(&mut self.entries[ix].value, value)
    }

    /// Removes entry `ix`, returning (key, value).
    pub fn remove_entry(&mut self, ix: usize) -> (Value, Value) {
        if self.set_mode {
            let e = &mut self.entries[ix];
            let k = e.key.take();
            let v = e.value.take();
            e.hash = -1;
            self.used -= 1;
            self.version = self.version.wrapping_add(1);
            return (k, v);
        }
        let hash = self.entries[ix].hash;
        let mut p = self.probe(hash);
        let mask = self.indices.len() - 1;
        let _ = mask;
        loop {
            match self.step(&mut p) {
                Step::Absent { .. } => break,
                Step::Candidate { entry } if entry == ix => {
                    self.indices[p.pos] = DUMMY;
                    break;
                }
                Step::Candidate { .. } => {}
            }
        }
        let e = &mut self.entries[ix];
        let k = e.key.take();
        let v = e.value.take();
        self.used -= 1;
        self.version = self.version.wrapping_add(1);
        // The entry stays as a hole, as in CPython: a key inserted next goes
        // after it, so an iterator positioned past it sees the new key.
        (k, v)
    }

    /// Drops the deleted entries at the end of the entry array (what
    /// CPython's `popitem` does to `dk_nentries`; keeps it cheap).
    pub fn trim_deleted_tail(&mut self) {
        while self.entries.last().is_some_and(|e| e.key.is_null()) {
            self.entries.pop();
        }
    }

    fn grow(&mut self) {
        let size = Self::index_size_for((self.used + 1) * 2);
        self.entries.retain(|e| !e.key.is_null());
        self.rebuild_indices(size);
    }

    fn rebuild_indices(&mut self, size: usize) {
        self.indices = vec![EMPTY; size];
        self.fill = self.entries.len();
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let mut pos = (e.hash as u64 as usize) & mask;
            let mut perturb = e.hash as u64;
            while self.indices[pos] != EMPTY {
                pos = next_probe(pos, &mut perturb, mask);
            }
            self.indices[pos] = ix as u32;
        }
    }

    pub fn clear(&mut self) -> Vec<Entry> {
        self.indices = Vec::new();
        self.used = 0;
        self.fill = 0;
        self.version = self.version.wrapping_add(1);
        std::mem::take(&mut self.entries)
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// Entry at dense position `i` (may be a deleted one: key NULL).
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }
    pub fn dense_len(&self) -> usize {
        self.entries.len()
    }
    /// Bytes of the index table and entry array (allocated capacity).
    pub fn heap_bytes(&self) -> usize {
        self.indices.capacity() * std::mem::size_of::<u32>()
            + self.entries.capacity() * std::mem::size_of::<Entry>()
    }
}

/// Clearing a table (`#[trace(clear)]` on a dict's or set's) keeps its
/// mode and bumps its version, as `Table::clear` does.
impl adder_object::trace::Empty for Table {
    type Taken = Vec<Entry>;
    fn empty(&mut self) -> Vec<Entry> {
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
    let end = start.saturating_add(budget.max(1) / 2 + 1).min(t.entries.len());
    for e in t.entries.get(start..end)? { visit(&e.key); visit(&e.value); }
    (end < t.entries.len()).then_some(end)
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
