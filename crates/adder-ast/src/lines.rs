//! Positions both ways between byte offsets (ruff's ranges) and CPython's
//! `(lineno, col_offset)` pairs (1-based lines, 0-based UTF-8 byte columns).
//!
//! Invariant: `LineIndex` maps every offset of the text it was built from
//! (lines end at `\n`, `\r\n` or a lone `\r`, as the tokenizer sees them);
//! `Layout` builds a stand-in text in which every `(line, col)` pair it
//! was told about has an offset, so that a tree built from node objects can
//! go through the compiler, which reads lines from offsets.

use ruff_text_size::{TextRange, TextSize};

pub(crate) struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0u32];
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// (1-based line, 0-based byte column) of an offset.
    pub fn at(&self, offset: TextSize) -> (i64, i64) {
        let off = offset.to_u32();
        let li = self.starts.partition_point(|&s| s <= off).saturating_sub(1);
        (li as i64 + 1, (off - self.starts[li]) as i64)
    }
}

/// The largest line number and column a stand-in text represents exactly;
/// larger ones are clamped (they only affect line tables).
const MAX_LINE: i64 = 1 << 20;
const MAX_COL: i64 = 1 << 12;

/// Collects the positions a tree uses, then lays out a stand-in text.
#[derive(Default)]
pub(crate) struct Layout {
    /// Widest column seen on each line (index = line number).
    widths: Vec<u32>,
    starts: Vec<u32>,
    text: String,
}

fn clamp_line(line: i64) -> usize {
    line.clamp(1, MAX_LINE) as usize
}

fn clamp_col(col: i64) -> u32 {
    col.clamp(0, MAX_COL) as u32
}

impl Layout {
    pub fn note(&mut self, line: i64, col: i64) {
        let l = clamp_line(line);
        if self.widths.len() <= l {
            self.widths.resize(l + 1, 0);
        }
        let c = clamp_col(col);
        if self.widths[l] < c {
            self.widths[l] = c;
        }
    }

    /// Builds the stand-in text; afterwards `offset` answers.
    pub fn finish(&mut self) {
        // A column is worth keeping only while the text stays small.
        let total: u64 = self.widths.iter().map(|&w| u64::from(w) + 1).sum();
        if total > 1 << 26 {
            self.widths.iter_mut().for_each(|w| *w = 0);
        }
        let mut text = String::new();
        self.starts = vec![0; self.widths.len().max(2)];
        for l in 1..self.widths.len() {
            self.starts[l] = text.len() as u32;
            for _ in 0..self.widths[l] {
                text.push(' ');
            }
            text.push('\n');
        }
        self.text = text;
    }

    /// Appends `s` after the lines (text the compiler reads back, such as
    /// an annotation's source under `from __future__ import annotations`).
    pub fn append(&mut self, s: &str) -> TextRange {
        let start = TextSize::new(self.text.len() as u32);
        self.text.push_str(s);
        TextRange::new(start, TextSize::new(self.text.len() as u32))
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn offset(&self, line: i64, col: i64) -> TextSize {
        let l = clamp_line(line);
        let start = self.starts.get(l).copied().unwrap_or(0);
        let w = self.widths.get(l).copied().unwrap_or(0);
        TextSize::new(start + clamp_col(col).min(w))
    }

    /// Whether two offsets of the stand-in text are on one line.
    pub fn same_line(&self, a: TextSize, b: TextSize) -> bool {
        let line = |o: TextSize| self.starts.partition_point(|&s| s <= o.to_u32());
        line(a) == line(b)
    }

    pub fn range(&self, p: Pos) -> TextRange {
        let s = self.offset(p.0, p.1);
        let e = self.offset(p.2, p.3);
        TextRange::new(s, e.max(s))
    }
}

/// `(lineno, col_offset, end_lineno, end_col_offset)` of a node.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Pos(pub i64, pub i64, pub i64, pub i64);
