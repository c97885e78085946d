//! The matching engine: CPython 3.11's SRE semantics over a validated code
//! list, on a subject of bytes (`u8`, also ASCII text) or code points (`u32`).
//!
//! Invariant: matching never recurses on the Rust stack — every backtracking
//! point is a `Ctx` pushed on `State::ctxs` (a heap vector), saved marks go
//! to `State::mark_stack`, and repeat contexts to `State::repeats`; all three
//! are strictly LIFO, exactly as CPython's data stack. Positions are `isize`
//! code-unit indices (`-1` is CPython's NULL mark); every read of the code
//! or the subject is bounds-checked, so even code that slipped past the
//! validator cannot panic (it can only fail to match).
//!
//! CPython 3.11: Modules/_sre/sre_lib.h (`SRE(match)`, `SRE(search)`).

mod ops;
mod run;

use crate::constants::*;

/// A code unit of the subject.
pub trait Char: Copy {
    fn ch(self) -> u32;
}
impl Char for u8 {
    #[inline]
    fn ch(self) -> u32 {
        self as u32
    }
}
impl Char for u32 {
    #[inline]
    fn ch(self) -> u32 {
        self
    }
}

/// Why matching stopped without an answer (CPython's `SRE_ERROR_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// An opcode the engine cannot execute here (`SRE_ERROR_ILLEGAL`).
    Illegal,
    /// `MAX_UNTIL`/`MIN_UNTIL` outside a repeat (`SRE_ERROR_STATE`).
    State,
    /// The backtracking stacks outgrew the interpreter's allocation limit.
    Memory,
    /// The execution budget (fuel) ran out.
    Interrupted,
}

pub type SreResult<T> = Result<T, SreError>;

/// The "NULL" of `Repeat::last_ptr`.
const NO_PTR: isize = isize::MIN;

/// A `REPEAT ... MAX_UNTIL/MIN_UNTIL` in progress (CPython's `SRE_REPEAT`).
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    /// Position of the REPEAT's arguments (`<skip> <min> <max> item`).
    pc: usize,
    /// The enclosing repeat (index into `State::repeats`), or -1.
    prev: isize,
    /// Where the last iteration started (zero-width protection).
    last_ptr: isize,
}

/// One matching state: CPython's `SRE_STATE` for one subject and pattern.
pub struct State<'t, C: Char> {
    pub(crate) text: &'t [C],
    /// Where the current attempt starts (`state->start`).
    pub start: isize,
    /// `endpos`, clamped: matching never reads at or past it.
    pub end: isize,
    /// Current position; after a match, its end (`state->ptr`).
    pub ptr: isize,
    /// The clamped `pos`/`endpos` for match objects.
    pub pos: isize,
    pub endpos: isize,
    /// Group boundaries (`2 * group` and `2 * group + 1`), -1 when unset;
    /// grown on demand up to the highest mark set (at most `2 * groups + 2`).
    pub marks: Vec<isize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeat: isize,
    repeats: Vec<Repeat>,
    mark_stack: Vec<isize>,
    ctxs: Vec<run::Ctx>,
    /// Execution budget: one unit per 4096 engine steps.
    pub fuel: u64,
    steps: u32,
    /// Bytes the backtracking stacks may use before `SreError::Memory`.
    max_bytes: usize,
}

impl<'t, C: Char> State<'t, C> {
    /// `state_init`: `pos`/`endpos` are clamped to the subject.
    pub fn new(text: &'t [C], pos: isize, endpos: isize) -> Self {
        let len = text.len() as isize;
        let start = pos.clamp(0, len);
        let end = endpos.clamp(0, len);
        State {
            text,
            start,
            end,
            ptr: start,
            pos: start,
            endpos: end,
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: -1,
            repeats: Vec::new(),
            mark_stack: Vec::new(),
            ctxs: Vec::new(),
            fuel: u64::MAX,
            steps: 0,
            max_bytes: usize::MAX,
        }
    }

    /// Sets the execution budget and the stack-size limit.
    pub fn limits(&mut self, fuel: u64, max_bytes: usize) {
        self.fuel = fuel;
        self.max_bytes = max_bytes;
    }

    /// `state_reset`: forget the groups and the stacks of the last attempt.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = -1;
        self.repeats.clear();
        self.mark_stack.clear();
        self.ctxs.clear();
    }

    /// The code unit at `i`, or a value no pattern compares equal to in a
    /// well-formed match when `i` is outside the subject.
    #[inline]
    pub(crate) fn ch(&self, i: isize) -> u32 {
        match self.text.get(i as usize) {
            Some(c) if i >= 0 => c.ch(),
            _ => u32::MAX,
        }
    }

    /// `sre_match`: match at `self.ptr` (the caller sets it to `start`).
    pub fn pymatch(&mut self, code: &[u32]) -> SreResult<bool> {
        self.run(code, 0, true)
    }

    /// The span of group `g` (0 is the whole match), as a match object
    /// records it: `(-1, -1)` when the group did not participate.
    pub fn span(&self, g: usize) -> (isize, isize) {
        if g == 0 {
            return (self.start, self.ptr);
        }
        let j = 2 * (g - 1);
        if (j + 1) as isize <= self.lastmark {
            if let (Some(&a), Some(&b)) = (self.marks.get(j), self.marks.get(j + 1)) {
                if a >= 0 && b >= 0 {
                    return (a, b);
                }
            }
        }
        (-1, -1)
    }

    fn reset_capture(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    /// `sre_search`: find the first match at or after `self.start`; on
    /// success `start..ptr` is the match.
    pub fn search(&mut self, code: &[u32]) -> SreResult<bool> {
        let at = |i: usize| code.get(i).copied().unwrap_or(FAILURE);
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0usize;
        let mut flags = 0u32;
        let mut prefix_len = 0usize;
        let mut prefix_skip = 0usize;
        let mut prefix = 0usize;
        let mut charset: Option<usize> = None;
        if at(0) == INFO {
            flags = at(2);
            let min = at(3) as isize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                prefix_len = at(5) as usize;
                prefix_skip = at(6) as usize;
                prefix = 7;
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + at(1) as usize;
        }
        let body = pc + 2 * prefix_skip;

        if prefix_len == 1 {
            // The pattern starts with one literal character.
            let c = at(prefix);
            end = self.end;
            self.must_advance = false;
            while ptr < end {
                while self.ch(ptr) != c {
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                self.start = ptr;
                self.ptr = ptr + prefix_skip as isize;
                if flags & INFO_LITERAL != 0 {
                    return Ok(true);
                }
                if self.run(code, body, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
            return Ok(false);
        }

        if prefix_len > 1 {
            // A literal prefix: scan with its overlap table (KMP).
            let overlap = prefix + prefix_len - 1;
            end = self.end;
            if prefix_len as isize > end - ptr {
                return Ok(false);
            }
            let first = at(prefix);
            while ptr < end {
                loop {
                    let c = self.ch(ptr);
                    ptr += 1;
                    if c == first {
                        break;
                    }
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                if ptr >= end {
                    return Ok(false);
                }
                let mut i = 1usize;
                self.must_advance = false;
                loop {
                    if self.ch(ptr) == at(prefix + i) {
                        i += 1;
                        if i != prefix_len {
                            ptr += 1;
                            if ptr >= end {
                                return Ok(false);
                            }
                            continue;
                        }
                        // A potential match.
                        self.start = ptr - (prefix_len as isize - 1);
                        self.ptr = ptr - (prefix_len as isize - prefix_skip as isize - 1);
                        if flags & INFO_LITERAL != 0 {
                            return Ok(true);
                        }
                        if self.run(code, body, false)? {
                            return Ok(true);
                        }
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.reset_capture();
                    }
                    i = at(overlap + i) as usize;
                    if i == 0 {
                        break;
                    }
                }
            }
            return Ok(false);
        }

        if let Some(set) = charset {
            // The pattern starts with a character from a known set.
            end = self.end;
            self.must_advance = false;
            loop {
                while ptr < end && !self.charset(code, set, self.ch(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(code, pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
        }

        // General case: try every position.
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(code, pc, true)?;
        self.must_advance = false;
        if !status && at(pc) == AT && matches!(at(pc + 1), AT_BEGINNING | AT_BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.reset_capture();
            self.start = ptr;
            self.ptr = ptr;
            if self.first_op_fails(code, pc, ptr) {
                continue;
            }
            status = self.run(code, pc, false)?;
        }
        Ok(status)
    }

    /// Whether the pattern's first operation certainly fails at `ptr` (a
    /// position assertion or a one-character item), so that trying the
    /// whole pattern there would only fail (and change nothing).
    fn first_op_fails(&self, code: &[u32], pc: usize, ptr: isize) -> bool {
        let op = code.get(pc).copied().unwrap_or(FAILURE);
        match op {
            AT => !self.at_code(ptr, code.get(pc + 1).copied().unwrap_or(0)),
            LITERAL
            | NOT_LITERAL
            | LITERAL_IGNORE
            | NOT_LITERAL_IGNORE
            | LITERAL_UNI_IGNORE
            | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE
            | NOT_LITERAL_LOC_IGNORE
            | CATEGORY
            | ANY
            | ANY_ALL
            | IN
            | IN_IGNORE
            | IN_UNI_IGNORE
            | IN_LOC_IGNORE => {
                ptr >= self.end || !matches!(self.match_one(code, pc, self.ch(ptr)), Ok(true))
            }
            _ => false,
        }
    }

    // ----- saved marks (CPython's MARK_PUSH / MARK_POP*) ---------------------------

    fn marks_len(&self, lastmark: isize) -> usize {
        ((lastmark + 1).max(0) as usize).min(self.marks.len())
    }

    fn mark_push(&mut self, lastmark: isize) -> SreResult<()> {
        let n = self.marks_len(lastmark);
        if n > 0 {
            self.mark_stack.extend_from_slice(&self.marks[..n]);
            self.check_memory()?;
        }
        Ok(())
    }

    fn mark_restore(&mut self, lastmark: isize, discard: bool) {
        let n = self.marks_len(lastmark);
        if n == 0 {
            return;
        }
        let base = self.mark_stack.len().saturating_sub(n);
        let saved = &self.mark_stack[base..];
        let k = saved.len().min(n);
        self.marks[..k].copy_from_slice(&saved[..k]);
        if discard {
            self.mark_stack.truncate(base);
        }
    }

    fn mark_pop(&mut self, lastmark: isize) {
        self.mark_restore(lastmark, true);
    }

    fn mark_pop_keep(&mut self, lastmark: isize) {
        self.mark_restore(lastmark, false);
    }

    fn mark_pop_discard(&mut self, lastmark: isize) {
        let n = self.marks_len(lastmark);
        let base = self.mark_stack.len().saturating_sub(n);
        self.mark_stack.truncate(base);
    }

    fn check_memory(&self) -> SreResult<()> {
        let used = self.ctxs.len() * std::mem::size_of::<run::Ctx>()
            + self.mark_stack.len() * std::mem::size_of::<isize>()
            + self.repeats.len() * std::mem::size_of::<Repeat>();
        if used > self.max_bytes {
            Err(SreError::Memory)
        } else {
            Ok(())
        }
    }

    /// Counts one engine step against the fuel budget.
    ///
    /// (The budget is `Vm::fuel`'s unit: one per 4096 steps.)
    #[inline]
    fn tick(&mut self) -> SreResult<()> {
        self.steps = self.steps.wrapping_add(1);
        if self.steps & 0xFFF == 0 {
            if self.fuel == 0 {
                return Err(SreError::Interrupted);
            }
            self.fuel -= 1;
        }
        Ok(())
    }
}

/// The engine seen through one object-safe interface, whatever the width
/// of the subject's code units.
pub trait Machine {
    fn search(&mut self, code: &[u32]) -> SreResult<bool>;
    fn pymatch(&mut self, code: &[u32]) -> SreResult<bool>;
    fn reset(&mut self);
    fn span(&self, g: usize) -> (isize, isize);
    fn start(&self) -> isize;
    fn set_start(&mut self, v: isize);
    fn ptr(&self) -> isize;
    fn set_ptr(&mut self, v: isize);
    fn set_must_advance(&mut self, v: bool);
    fn set_match_all(&mut self, v: bool);
    fn lastindex(&self) -> isize;
    fn pos(&self) -> isize;
    fn endpos(&self) -> isize;
    fn fuel(&self) -> u64;
    fn limits(&mut self, fuel: u64, max_bytes: usize);
}

impl<C: Char> Machine for State<'_, C> {
    fn search(&mut self, code: &[u32]) -> SreResult<bool> {
        State::search(self, code)
    }
    fn pymatch(&mut self, code: &[u32]) -> SreResult<bool> {
        State::pymatch(self, code)
    }
    fn reset(&mut self) {
        State::reset(self)
    }
    fn span(&self, g: usize) -> (isize, isize) {
        State::span(self, g)
    }
    fn start(&self) -> isize {
        self.start
    }
    fn set_start(&mut self, v: isize) {
        self.start = v;
    }
    fn ptr(&self) -> isize {
        self.ptr
    }
    fn set_ptr(&mut self, v: isize) {
        self.ptr = v;
    }
    fn set_must_advance(&mut self, v: bool) {
        self.must_advance = v;
    }
    fn set_match_all(&mut self, v: bool) {
        self.match_all = v;
    }
    fn lastindex(&self) -> isize {
        self.lastindex
    }
    fn pos(&self) -> isize {
        self.pos
    }
    fn endpos(&self) -> isize {
        self.endpos
    }
    fn fuel(&self) -> u64 {
        self.fuel
    }
    fn limits(&mut self, fuel: u64, max_bytes: usize) {
        State::limits(self, fuel, max_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(a|b)*c` as 3.11's `re._compiler` emits it (1 group).
    const A_OR_B_STAR_C: &[u32] = &[
        14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 16,
        99, 1,
    ];
    /// `(?:ab|ba)*?x` (no groups): REPEAT + MIN_UNTIL + BRANCH.
    const LAZY_BRANCH: &[u32] = &[
        14, 4, 0, 1, 4294967295, 23, 19, 0, 4294967295, 7, 7, 16, 97, 16, 98, 15, 9, 7, 16, 98, 16,
        97, 15, 2, 0, 19, 16, 120, 1,
    ];
    /// `(?i)straße` (unicode case-insensitive, with the long-s fix).
    const STRASSE: &[u32] = &[
        14, 4, 0, 6, 6, 39, 6, 16, 115, 16, 383, 0, 40, 116, 40, 114, 40, 97, 40, 223, 40, 101, 1,
    ];

    #[test]
    fn search_and_groups() {
        let text = b"xxabbac";
        let mut st = State::new(&text[..], 0, isize::MAX);
        assert!(st.search(A_OR_B_STAR_C).unwrap());
        assert_eq!((st.start, st.ptr), (2, 7));
        assert_eq!(st.span(1), (5, 6));
        let wide: Vec<u32> = "ſtRASSE straße".chars().map(|c| c as u32).collect();
        let mut st = State::new(&wide[..], 0, isize::MAX);
        assert!(st.search(STRASSE).unwrap());
        assert_eq!((st.start, st.ptr), (8, 14));
    }

    /// Backtracking depth grows with the subject but lives on the heap: a
    /// thread with a 256 KiB stack handles a million-character subject.
    #[test]
    fn deep_backtracking_uses_no_rust_stack() {
        let h = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let text: Vec<u8> = b"ab".repeat(500_000);
                let mut st = State::new(&text[..], 0, isize::MAX);
                let found = st.pymatch(A_OR_B_STAR_C).unwrap();
                let mut st2 = State::new(&text[..], 0, isize::MAX);
                let lazy = st2.pymatch(LAZY_BRANCH).unwrap();
                (found, lazy)
            })
            .unwrap();
        assert_eq!(h.join().unwrap(), (false, false));
    }

    #[test]
    fn fuel_and_memory_limits() {
        let text: Vec<u8> = b"ab".repeat(100_000);
        let mut st = State::new(&text[..], 0, isize::MAX);
        st.limits(3, usize::MAX);
        assert_eq!(st.pymatch(A_OR_B_STAR_C), Err(SreError::Interrupted));
        let mut st = State::new(&text[..], 0, isize::MAX);
        st.limits(u64::MAX, 64 * 1024);
        assert_eq!(st.pymatch(A_OR_B_STAR_C), Err(SreError::Memory));
    }
}
