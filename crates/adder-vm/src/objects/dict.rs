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

use std::cell::RefCell;

use adder_object::{payload, Value};

use crate::kinds;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct Table {
    indices: Vec<u32>,
    pub entries: Vec<Entry>,
    used: usize,
    pub version: u64,
}

/// A resumable walk along one hash's probe sequence.
pub struct Probe {
    pos: usize,
    perturb: u64,
    first_free: Option<usize>,
    started: bool,
    hash: i64,
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
        }
    }

    /// Advances the probe to the next candidate entry or the empty slot.
    pub fn step(&self, p: &mut Probe) -> Step {
        let mask = self.indices.len().wrapping_sub(1);
        if self.indices.is_empty() {
            return Step::Absent { slot: usize::MAX };
        }
        loop {
            if !p.started {
                p.started = true;
                p.pos = (p.hash as u64 as usize) & mask;
            } else {
                p.perturb >>= 5;
                p.pos = (p
                    .pos
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(p.perturb as usize))
                    & mask;
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
        if self.indices.is_empty() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let mut p = self.probe(hash);
        let slot = loop {
            match self.step(&mut p) {
                Step::Absent { slot } => break slot,
                Step::Candidate { .. } => continue,
            }
        };
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.version = self.version.wrapping_add(1);
    }

    /// Replaces the value of entry `ix`, returning the old one.
    pub fn replace_value(&mut self, ix: usize, value: Value) -> Value {
        std::mem::replace(&mut self.entries[ix].value, value)
    }

    /// Removes entry `ix`, returning (key, value).
    pub fn remove_entry(&mut self, ix: usize) -> (Value, Value) {
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
        // Trailing deleted entries can go at once (keeps popitem cheap).
        while self.entries.last().is_some_and(|e| e.key.is_null()) {
            self.entries.pop();
        }
        if self.used == 0 {
            self.entries.clear();
        }
        (k, v)
    }

    fn grow(&mut self) {
        let size = Self::index_size_for((self.used + 1) * 2);
        self.entries.retain(|e| !e.key.is_null());
        self.rebuild_indices(size);
    }

    fn rebuild_indices(&mut self, size: usize) {
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let mut pos = (e.hash as u64 as usize) & mask;
            let mut perturb = e.hash as u64;
            while self.indices[pos] != EMPTY {
                perturb >>= 5;
                pos = (pos
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
            self.indices[pos] = ix as u32;
        }
    }

    pub fn clear(&mut self) -> Vec<Entry> {
        self.indices = Vec::new();
        self.used = 0;
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
}

pub struct Dict {
    pub table: RefCell<Table>,
}
payload!(Dict, kinds::DICT, "dict", traverse(self, visit) {
    if let Ok(t) = self.table.try_borrow() {
        for e in t.entries.iter() { visit(&e.key); visit(&e.value); }
    }
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
