//! The source positions of a code object's instructions, compressed.
//!
//! A `Location` is 16 bytes; stored as a plain vector it cost four times the
//! instruction word it describes (20 bytes per instruction in all). Here each
//! position is a few bytes of varints relative to the one before, and one
//! position in every `STRIDE` is written relative to nothing, so any position
//! is found by decoding at most `STRIDE` entries from the checkpoint before it.
//!
//! Invariants:
//! - `data` is self-contained plain bytes (it can be written to and read from
//!   a code image as is): a little-endian u32 count of positions, then one
//!   little-endian u32 byte offset (from the start of the entries) per
//!   `STRIDE` positions, then the entries.
//! - Entry `i` is decoded against the previous position, or against
//!   `Location::default()` when `i % STRIDE == 0`. Its first varint is
//!   `zigzag(line - previous line) << 1 | same`; `same` = 1 means the whole
//!   position equals the previous one and nothing follows. Otherwise three
//!   varints follow: `zigzag(end_line - line)`, `col`, `zigzag(end_col - col)`.
//! - Encoding is deterministic: equal position lists give equal bytes.

use crate::code::Location;

/// Positions between two checkpoints.
const STRIDE: usize = 16;

#[derive(Clone, PartialEq, Eq, Default)]
pub struct LineTable {
    data: Box<[u8]>,
}

impl std::fmt::Debug for LineTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_u32(data: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&data[at..at + 4]);
    u32::from_le_bytes(b)
}

impl LineTable {
    pub fn new(locations: &[Location]) -> LineTable {
        let n = locations.len();
        let checkpoints = n.div_ceil(STRIDE);
        let mut entries = Vec::with_capacity(n * 4);
        let mut offsets = Vec::with_capacity(checkpoints);
        let mut prev = Location::default();
        for (i, loc) in locations.iter().enumerate() {
            if i % STRIDE == 0 {
                offsets.push(entries.len() as u32);
                prev = Location::default();
            }
            let delta = i64::from(loc.line) - i64::from(prev.line);
            if *loc == prev {
                put_varint(&mut entries, 1);
            } else {
                put_varint(&mut entries, zigzag(delta) << 1);
                put_varint(
                    &mut entries,
                    zigzag(i64::from(loc.end_line) - i64::from(loc.line)),
                );
                put_varint(&mut entries, u64::from(loc.col));
                put_varint(
                    &mut entries,
                    zigzag(i64::from(loc.end_col) - i64::from(loc.col)),
                );
            }
            prev = *loc;
        }
        let mut data = Vec::with_capacity(4 + 4 * checkpoints + entries.len());
        data.extend_from_slice(&(n as u32).to_le_bytes());
        for o in offsets {
            data.extend_from_slice(&o.to_le_bytes());
        }
        data.extend_from_slice(&entries);
        LineTable {
            data: data.into_boxed_slice(),
        }
    }

    /// Number of positions (one per instruction word).
    pub fn len(&self) -> usize {
        if self.data.is_empty() {
            0
        } else {
            read_u32(&self.data, 0) as usize
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes the table occupies.
    pub fn size_in_bytes(&self) -> usize {
        self.data.len()
    }

    /// Where the entries start.
    fn entries_at(&self) -> usize {
        4 + 4 * self.len().div_ceil(STRIDE)
    }

    /// The position of instruction word `index`.
    pub fn get(&self, index: usize) -> Option<Location> {
        if index >= self.len() {
            return None;
        }
        let first = index - index % STRIDE;
        let at = self.entries_at() + read_u32(&self.data, 4 + 4 * (first / STRIDE)) as usize;
        let mut cursor = Cursor {
            data: &self.data,
            at,
            prev: Location::default(),
        };
        let mut loc = Location::default();
        for _ in first..=index {
            loc = cursor.next_entry();
        }
        Some(loc)
    }

    /// Every position in order.
    pub fn iter(&self) -> impl Iterator<Item = Location> + '_ {
        let mut cursor = Cursor {
            data: &self.data,
            at: self.entries_at(),
            prev: Location::default(),
        };
        (0..self.len()).map(move |i| {
            if i % STRIDE == 0 {
                cursor.prev = Location::default();
            }
            cursor.next_entry()
        })
    }
}

/// Decodes entries one after another.
struct Cursor<'a> {
    data: &'a [u8],
    at: usize,
    prev: Location,
}

impl Cursor<'_> {
    fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.data[self.at];
            self.at += 1;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return v;
            }
            shift += 7;
        }
    }

    fn next_entry(&mut self) -> Location {
        let head = self.varint();
        if head & 1 != 0 {
            return self.prev;
        }
        let line = (i64::from(self.prev.line) + unzigzag(head >> 1)) as u32;
        let end_line = (i64::from(line) + unzigzag(self.varint())) as u32;
        let col = self.varint() as u32;
        let end_col = (i64::from(col) + unzigzag(self.varint())) as u32;
        let loc = Location {
            line,
            end_line,
            col,
            end_col,
        };
        self.prev = loc;
        loc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(line: u32, end_line: u32, col: u32, end_col: u32) -> Location {
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    #[test]
    fn round_trips_every_position() {
        // Lines going up and down, multi-line spans ending left of their
        // start column, repeats, no-position entries, big numbers, and more
        // than one checkpoint.
        let mut locs = Vec::new();
        for i in 0..100u32 {
            locs.push(loc(10 + i % 7, 10 + i % 7, i, i + 3));
            locs.push(loc(10 + i % 7, 12 + i % 7, 40, 2));
            locs.push(*locs.last().unwrap());
            locs.push(Location::default());
            locs.push(loc(u32::MAX - i, u32::MAX - i, u32::MAX, u32::MAX));
            locs.push(loc(1, 1, 0, 0));
        }
        let t = LineTable::new(&locs);
        assert_eq!(t.len(), locs.len());
        assert_eq!(t.iter().collect::<Vec<_>>(), locs);
        for (i, l) in locs.iter().enumerate() {
            assert_eq!(t.get(i), Some(*l), "position {i}");
        }
        assert_eq!(t.get(locs.len()), None);
    }

    #[test]
    fn typical_positions_take_a_few_bytes() {
        let locs: Vec<Location> = (0..1000u32)
            .map(|i| loc(1 + i / 5, 1 + i / 5, 4 + i % 30, 10 + i % 30))
            .collect();
        let t = LineTable::new(&locs);
        assert!(
            t.size_in_bytes() <= 5 * locs.len(),
            "{} bytes for {} positions",
            t.size_in_bytes(),
            locs.len()
        );
    }

    #[test]
    fn empty_table() {
        let t = LineTable::new(&[]);
        assert_eq!(t.len(), 0);
        assert_eq!(t.get(0), None);
        assert_eq!(t.iter().count(), 0);
        assert_eq!(LineTable::default().len(), 0);
    }
}
