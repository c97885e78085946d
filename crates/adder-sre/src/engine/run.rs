//! The backtracking core: CPython's `SRE(match)` turned into an explicit
//! state machine. Where sre_lib.h does `DO_JUMP` (push a context and jump
//! to `entrance`) this code returns `Flow::Call`; where a child context
//! returns to its parent's jump label, `resume` continues the parent at the
//! point named by the child's `Jump`.
//!
//! Invariant: a context only ever touches the marks, saved marks and repeat
//! records it pushed itself, and pops them before it returns (success or
//! failure), so the three stacks stay LIFO; `run` returns with the context
//! stack as it found it.
//!
//! CPython 3.11: Modules/_sre/sre_lib.h, `SRE(match)`.

use super::ops::at;
use super::{Char, Repeat, SreError, SreResult, State, NO_PTR};
use crate::chars::*;
use crate::constants::*;

/// Where a parent continues when a child context returns.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One backtracking point (CPython's `SRE(match_context)`).
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    /// While suspended: the operator's argument position (sre_lib.h's
    /// `pattern`); when dispatching: the next opcode.
    pc: usize,
    ptr: isize,
    count: isize,
    /// The literal after a REPEAT_ONE, or the index of a repeat record.
    u: isize,
    lastmark: isize,
    lastindex: isize,
    /// A saved `Repeat::last_ptr` (sre_lib.h's DATA_PUSH of it).
    saved: isize,
    /// How the parent resumes when this context returns.
    jump: Jump,
    toplevel: bool,
}

pub(crate) enum Flow {
    /// Execute opcodes of the top context from its `pc`.
    Dispatch,
    /// Push a child context that starts at `pc` with `state.ptr`.
    Call {
        pc: usize,
        toplevel: bool,
        jump: Jump,
    },
    /// The top context returns this result to its parent.
    Ret(bool),
}

const FAIL: SreResult<Flow> = Ok(Flow::Ret(false));
const SUCCEED: SreResult<Flow> = Ok(Flow::Ret(true));

impl<C: Char> State<'_, C> {
    /// Runs the pattern code from `pc` with `self.ptr` as the position.
    pub(crate) fn run(&mut self, code: &[u32], pc: usize, toplevel: bool) -> SreResult<bool> {
        let base = self.ctxs.len();
        let r = self.run_inner(code, pc, toplevel, base);
        if r.is_err() {
            self.ctxs.truncate(base);
        }
        r
    }

    fn run_inner(
        &mut self,
        code: &[u32],
        pc: usize,
        toplevel: bool,
        base: usize,
    ) -> SreResult<bool> {
        let mut flow = Flow::Call {
            pc,
            toplevel,
            jump: Jump::None,
        };
        loop {
            flow = match flow {
                Flow::Dispatch => self.dispatch(code)?,
                Flow::Call { pc, toplevel, jump } => {
                    self.ctxs.push(Ctx {
                        pc,
                        ptr: self.ptr,
                        count: 0,
                        u: 0,
                        lastmark: -1,
                        lastindex: -1,
                        saved: NO_PTR,
                        jump,
                        toplevel,
                    });
                    if self.ctxs.len() & 0x3FF == 0 {
                        self.check_memory()?;
                    }
                    self.enter(code)
                }
                Flow::Ret(r) => {
                    let Some(done) = self.ctxs.pop() else {
                        return Ok(r);
                    };
                    if self.ctxs.len() <= base {
                        return Ok(r);
                    }
                    self.resume(code, done.jump, r)?
                }
            };
        }
    }

    fn top(&self) -> usize {
        self.ctxs.len().saturating_sub(1)
    }

    fn set_mark(&mut self, i: isize, v: isize) -> SreResult<()> {
        if i < 0 {
            return Ok(());
        }
        let i = i as usize;
        if i >= self.marks.len() {
            if (i + 1).saturating_mul(std::mem::size_of::<isize>()) > self.max_bytes {
                return Err(SreError::Memory);
            }
            self.marks.resize(i + 1, -1);
        }
        self.marks[i] = v;
        Ok(())
    }

    fn mark(&self, i: isize) -> isize {
        if i < 0 {
            return -1;
        }
        self.marks.get(i as usize).copied().unwrap_or(-1)
    }

    fn rep(&self, i: isize) -> SreResult<Repeat> {
        if i < 0 {
            return Err(SreError::State);
        }
        self.repeats.get(i as usize).copied().ok_or(SreError::State)
    }

    fn rep_mut(&mut self, i: isize) -> SreResult<&mut Repeat> {
        if i < 0 {
            return Err(SreError::State);
        }
        self.repeats.get_mut(i as usize).ok_or(SreError::State)
    }

    /// CPython's `entrance`: a new context starts at `state.ptr` and first
    /// checks an INFO block's minimum length.
    fn enter(&mut self, code: &[u32]) -> Flow {
        let top = self.top();
        let c = self.ctxs[top];
        if at(code, c.pc) == INFO {
            let min = at(code, c.pc + 3) as isize;
            let avail = self.end - c.ptr;
            if min != 0 && avail >= 0 && avail < min {
                return Flow::Ret(false);
            }
            self.ctxs[top].pc = c.pc + at(code, c.pc + 1) as usize + 1;
        }
        Flow::Dispatch
    }

    /// LASTMARK_SAVE into the top context.
    fn lastmark_save(&mut self, top: usize) {
        self.ctxs[top].lastmark = self.lastmark;
        self.ctxs[top].lastindex = self.lastindex;
    }

    /// LASTMARK_RESTORE from the top context.
    fn lastmark_restore(&mut self, top: usize) {
        self.lastmark = self.ctxs[top].lastmark;
        self.lastindex = self.ctxs[top].lastindex;
    }

    /// Executes opcodes of the top context until it returns or calls.
    fn dispatch(&mut self, code: &[u32]) -> SreResult<Flow> {
        let top = self.top();
        let Ctx {
            mut pc,
            mut ptr,
            toplevel,
            ..
        } = self.ctxs[top];
        let end = self.end;
        loop {
            self.tick()?;
            let op = at(code, pc);
            let p = pc + 1;
            match op {
                MARK => {
                    let i = at(code, p) as isize;
                    if i & 1 == 1 {
                        self.lastindex = i / 2 + 1;
                    }
                    if i > self.lastmark {
                        // Marks between the old and the new last mark were
                        // not reached: unset them.
                        self.set_mark(i, -1)?;
                        let from = (self.lastmark + 1).max(0) as usize;
                        for m in &mut self.marks[from..i as usize] {
                            *m = -1;
                        }
                        self.lastmark = i;
                    }
                    self.set_mark(i, ptr)?;
                    pc = p + 1;
                }
                LITERAL => {
                    if ptr >= end || self.ch(ptr) != at(code, p) {
                        return FAIL;
                    }
                    pc = p + 1;
                    ptr += 1;
                }
                IN => {
                    if ptr >= end || !self.charset(code, p + 1, self.ch(ptr)) {
                        return FAIL;
                    }
                    pc = p + at(code, p) as usize;
                    ptr += 1;
                }
                NOT_LITERAL
                | LITERAL_IGNORE
                | NOT_LITERAL_IGNORE
                | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE
                | NOT_LITERAL_LOC_IGNORE
                | CATEGORY
                | ANY
                | ANY_ALL => {
                    if ptr >= end || !self.match_one(code, pc, self.ch(ptr))? {
                        return FAIL;
                    }
                    pc = if matches!(op, ANY | ANY_ALL) {
                        p
                    } else {
                        p + 1
                    };
                    ptr += 1;
                }
                IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    if ptr >= end || !self.match_one(code, pc, self.ch(ptr))? {
                        return FAIL;
                    }
                    pc = p + at(code, p) as usize;
                    ptr += 1;
                }
                SUCCESS => {
                    if toplevel
                        && ((self.match_all && ptr != end)
                            || (self.must_advance && ptr == self.start))
                    {
                        return FAIL;
                    }
                    self.ptr = ptr;
                    return SUCCEED;
                }
                AT => {
                    if !self.at_code(ptr, at(code, p)) {
                        return FAIL;
                    }
                    pc = p + 1;
                }
                JUMP | INFO => pc = p + at(code, p) as usize,
                FAILURE => return FAIL,
                BRANCH => {
                    self.lastmark_save(top);
                    self.ctxs[top].ptr = ptr;
                    if self.repeat >= 0 {
                        self.mark_push(self.lastmark)?;
                    }
                    return self.branch_next(code, top, p);
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                    let min = at(code, p + 1) as isize;
                    if ptr > end || min > end - ptr {
                        return FAIL;
                    }
                    self.ptr = ptr;
                    let tail = p + at(code, p) as usize;
                    if op == MIN_REPEAT_ONE {
                        let mut count = 0;
                        if min != 0 {
                            count = self.count(code, p + 3, min as u32)?;
                            if count < min {
                                return FAIL;
                            }
                            ptr += count;
                        }
                        if at(code, tail) == SUCCESS
                            && !(toplevel
                                && ((self.match_all && ptr != end)
                                    || (self.must_advance && ptr == self.start)))
                        {
                            self.ptr = ptr;
                            return SUCCEED;
                        }
                        self.lastmark_save(top);
                        if self.repeat >= 0 {
                            self.mark_push(self.lastmark)?;
                        }
                        let c = &mut self.ctxs[top];
                        c.count = count;
                        c.ptr = ptr;
                        c.pc = p;
                        return self.min_repeat_one_next(code, top);
                    }
                    let count = self.count(code, p + 3, at(code, p + 2))?;
                    ptr += count;
                    if count < min {
                        return FAIL;
                    }
                    if at(code, tail) == SUCCESS
                        && ptr == end
                        && !(toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        return SUCCEED;
                    }
                    if op == POSSESSIVE_REPEAT_ONE {
                        pc = tail;
                        continue;
                    }
                    self.lastmark_save(top);
                    if self.repeat >= 0 {
                        self.mark_push(self.lastmark)?;
                    }
                    let c = &mut self.ctxs[top];
                    c.count = count;
                    c.ptr = ptr;
                    c.pc = p;
                    if at(code, tail) == LITERAL {
                        c.u = at(code, tail + 1) as isize;
                        return self.repeat_one_literal(code, top);
                    }
                    return self.repeat_one_general(code, top);
                }
                REPEAT => {
                    let idx = self.repeats.len() as isize;
                    self.repeats.push(Repeat {
                        count: -1,
                        pc: p,
                        prev: self.repeat,
                        last_ptr: NO_PTR,
                    });
                    self.check_memory()?;
                    self.repeat = idx;
                    self.ptr = ptr;
                    let c = &mut self.ctxs[top];
                    c.u = idx;
                    c.pc = p;
                    c.ptr = ptr;
                    return Ok(Flow::Call {
                        pc: p + at(code, p) as usize,
                        toplevel,
                        jump: Jump::Repeat,
                    });
                }
                MAX_UNTIL | MIN_UNTIL => {
                    let rep = self.repeat;
                    let r = self.rep(rep)?;
                    self.ptr = ptr;
                    let count = r.count + 1;
                    let c = &mut self.ctxs[top];
                    c.u = rep;
                    c.count = count;
                    c.ptr = ptr;
                    c.pc = p;
                    if count < at(code, r.pc + 1) as isize {
                        // Not enough repetitions yet: match another item.
                        self.rep_mut(rep)?.count = count;
                        let jump = if op == MAX_UNTIL {
                            Jump::MaxUntil1
                        } else {
                            Jump::MinUntil1
                        };
                        return Ok(Flow::Call {
                            pc: r.pc + 3,
                            toplevel,
                            jump,
                        });
                    }
                    if op == MAX_UNTIL {
                        return self.max_until_more(code, top);
                    }
                    // Minimizing: first see whether the tail matches.
                    self.repeat = r.prev;
                    self.lastmark_save(top);
                    if self.repeat >= 0 {
                        self.mark_push(self.lastmark)?;
                    }
                    return Ok(Flow::Call {
                        pc: p,
                        toplevel,
                        jump: Jump::MinUntil2,
                    });
                }
                POSSESSIVE_REPEAT => {
                    self.ptr = ptr;
                    let c = &mut self.ctxs[top];
                    c.count = 0;
                    c.pc = p;
                    c.ptr = ptr;
                    return self.poss_first(code, top);
                }
                ATOMIC_GROUP => {
                    self.ptr = ptr;
                    let c = &mut self.ctxs[top];
                    c.pc = p;
                    c.ptr = ptr;
                    return Ok(Flow::Call {
                        pc: p + 1,
                        toplevel: false,
                        jump: Jump::AtomicGroup,
                    });
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let g = at(code, p) as isize * 2;
                    if g >= self.lastmark {
                        return FAIL;
                    }
                    let (s, e) = (self.mark(g), self.mark(g + 1));
                    if s < 0 || e < 0 || e < s {
                        return FAIL;
                    }
                    let fold: fn(u32) -> u32 = match op {
                        GROUPREF => |c| c,
                        GROUPREF_IGNORE => lower_ascii,
                        GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    for k in s..e {
                        if ptr >= end || fold(self.ch(ptr)) != fold(self.ch(k)) {
                            return FAIL;
                        }
                        ptr += 1;
                    }
                    pc = p + 1;
                }
                GROUPREF_EXISTS => {
                    let g = at(code, p) as isize * 2;
                    let matched = g < self.lastmark && {
                        let (s, e) = (self.mark(g), self.mark(g + 1));
                        s >= 0 && e >= 0 && e >= s
                    };
                    pc = if matched {
                        p + 2
                    } else {
                        p + at(code, p + 1) as usize
                    };
                }
                ASSERT => {
                    let back = at(code, p + 1) as isize;
                    if ptr < back {
                        return FAIL;
                    }
                    self.ptr = ptr - back;
                    let c = &mut self.ctxs[top];
                    c.pc = p;
                    c.ptr = ptr;
                    return Ok(Flow::Call {
                        pc: p + 2,
                        toplevel: false,
                        jump: Jump::Assert,
                    });
                }
                ASSERT_NOT => {
                    let back = at(code, p + 1) as isize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        self.lastmark_save(top);
                        if self.repeat >= 0 {
                            self.mark_push(self.lastmark)?;
                        }
                        let c = &mut self.ctxs[top];
                        c.pc = p;
                        c.ptr = ptr;
                        return Ok(Flow::Call {
                            pc: p + 2,
                            toplevel: false,
                            jump: Jump::AssertNot,
                        });
                    }
                    pc = p + at(code, p) as usize;
                }
                _ => return Err(SreError::Illegal),
            }
        }
    }

    /// Continues the top context after a child returned `ret`.
    fn resume(&mut self, code: &[u32], jump: Jump, ret: bool) -> SreResult<Flow> {
        let top = self.top();
        let c = self.ctxs[top];
        match jump {
            Jump::Branch => {
                if ret {
                    if self.repeat >= 0 {
                        self.mark_pop_discard(c.lastmark);
                    }
                    return SUCCEED;
                }
                if self.repeat >= 0 {
                    self.mark_pop_keep(c.lastmark);
                }
                self.lastmark_restore(top);
                self.branch_next(code, top, c.pc + at(code, c.pc) as usize)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 | Jump::MinRepeatOne => {
                if ret {
                    if self.repeat >= 0 {
                        self.mark_pop_discard(c.lastmark);
                    }
                    return SUCCEED;
                }
                if self.repeat >= 0 {
                    self.mark_pop_keep(c.lastmark);
                }
                self.lastmark_restore(top);
                match jump {
                    Jump::MinRepeatOne => {
                        self.ptr = c.ptr;
                        if self.count(code, c.pc + 3, 1)? == 0 {
                            if self.repeat >= 0 {
                                self.mark_pop_discard(c.lastmark);
                            }
                            return FAIL;
                        }
                        let c = &mut self.ctxs[top];
                        c.ptr += 1;
                        c.count += 1;
                        self.min_repeat_one_next(code, top)
                    }
                    _ => {
                        let c = &mut self.ctxs[top];
                        c.ptr -= 1;
                        c.count -= 1;
                        if jump == Jump::RepeatOne1 {
                            self.repeat_one_literal(code, top)
                        } else {
                            self.repeat_one_general(code, top)
                        }
                    }
                }
            }
            Jump::Repeat => {
                self.repeat = self.rep(c.u)?.prev;
                self.repeats.truncate(c.u.max(0) as usize);
                Ok(Flow::Ret(ret))
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return SUCCEED;
                }
                self.rep_mut(c.u)?.count = c.count - 1;
                self.ptr = c.ptr;
                FAIL
            }
            Jump::MaxUntil2 => {
                self.rep_mut(c.u)?.last_ptr = c.saved;
                if ret {
                    self.mark_pop_discard(c.lastmark);
                    return SUCCEED;
                }
                self.mark_pop(c.lastmark);
                self.lastmark_restore(top);
                self.rep_mut(c.u)?.count = c.count - 1;
                self.ptr = c.ptr;
                self.max_until_tail(top)
            }
            Jump::MaxUntil3 => {
                self.repeat = c.u;
                if ret {
                    return SUCCEED;
                }
                self.ptr = c.ptr;
                FAIL
            }
            Jump::MinUntil2 => {
                let repeat_of_tail = self.repeat;
                self.repeat = c.u;
                if ret {
                    if repeat_of_tail >= 0 {
                        self.mark_pop_discard(c.lastmark);
                    }
                    return SUCCEED;
                }
                if repeat_of_tail >= 0 {
                    self.mark_pop(c.lastmark);
                }
                self.lastmark_restore(top);
                self.ptr = c.ptr;
                let r = self.rep(c.u)?;
                let max = at(code, r.pc + 2);
                if (c.count >= max as isize && max != MAXREPEAT) || self.ptr == r.last_ptr {
                    return FAIL;
                }
                let rm = self.rep_mut(c.u)?;
                rm.count = c.count;
                rm.last_ptr = c.ptr;
                self.ctxs[top].saved = r.last_ptr;
                Ok(Flow::Call {
                    pc: r.pc + 3,
                    toplevel: c.toplevel,
                    jump: Jump::MinUntil3,
                })
            }
            Jump::MinUntil3 => {
                let rm = self.rep_mut(c.u)?;
                rm.last_ptr = c.saved;
                if ret {
                    return SUCCEED;
                }
                rm.count = c.count - 1;
                self.ptr = c.ptr;
                FAIL
            }
            Jump::Assert => {
                if !ret {
                    return FAIL;
                }
                self.ctxs[top].pc = c.pc + at(code, c.pc) as usize;
                Ok(Flow::Dispatch)
            }
            Jump::AssertNot => {
                if ret {
                    if self.repeat >= 0 {
                        self.mark_pop_discard(c.lastmark);
                    }
                    return FAIL;
                }
                if self.repeat >= 0 {
                    self.mark_pop(c.lastmark);
                }
                self.lastmark_restore(top);
                self.ctxs[top].pc = c.pc + at(code, c.pc) as usize;
                Ok(Flow::Dispatch)
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = c.ptr;
                    return FAIL;
                }
                let cm = &mut self.ctxs[top];
                cm.pc = c.pc + at(code, c.pc) as usize;
                cm.ptr = self.ptr;
                Ok(Flow::Dispatch)
            }
            Jump::PossRepeat1 => {
                if !ret {
                    self.ptr = c.ptr;
                    return FAIL;
                }
                self.ctxs[top].count += 1;
                self.poss_first(code, top)
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_pop_discard(c.lastmark);
                    self.ctxs[top].count += 1;
                    return self.poss_loop(code, top);
                }
                self.mark_pop(c.lastmark);
                self.lastmark_restore(top);
                self.ptr = c.ptr;
                self.poss_done(code, top)
            }
            Jump::None => Err(SreError::State),
        }
    }

    /// BRANCH: try the alternatives from the one whose skip word is at `alt`.
    fn branch_next(&mut self, code: &[u32], top: usize, mut alt: usize) -> SreResult<Flow> {
        let c = self.ctxs[top];
        let ptr = c.ptr;
        let end = self.end;
        loop {
            let skip = at(code, alt) as usize;
            if skip == 0 {
                break;
            }
            let op = at(code, alt + 1);
            // Skip alternatives whose first character cannot match.
            if op == LITERAL && (ptr >= end || self.ch(ptr) != at(code, alt + 2)) {
                alt += skip;
                continue;
            }
            if op == IN && (ptr >= end || !self.charset(code, alt + 3, self.ch(ptr))) {
                alt += skip;
                continue;
            }
            self.ptr = ptr;
            self.ctxs[top].pc = alt;
            return Ok(Flow::Call {
                pc: alt + 1,
                toplevel: c.toplevel,
                jump: Jump::Branch,
            });
        }
        if self.repeat >= 0 {
            self.mark_pop_discard(c.lastmark);
        }
        FAIL
    }

    /// REPEAT_ONE whose tail starts with a literal: back off to positions
    /// where that literal follows.
    fn repeat_one_literal(&mut self, code: &[u32], top: usize) -> SreResult<Flow> {
        let c = self.ctxs[top];
        let min = at(code, c.pc + 1) as isize;
        let chr = c.u as u32;
        let (mut ptr, mut count) = (c.ptr, c.count);
        while count >= min && (ptr >= self.end || self.ch(ptr) != chr) {
            ptr -= 1;
            count -= 1;
        }
        if count < min {
            if self.repeat >= 0 {
                self.mark_pop_discard(c.lastmark);
            }
            return FAIL;
        }
        self.ptr = ptr;
        let cm = &mut self.ctxs[top];
        cm.ptr = ptr;
        cm.count = count;
        Ok(Flow::Call {
            pc: c.pc + at(code, c.pc) as usize,
            toplevel: c.toplevel,
            jump: Jump::RepeatOne1,
        })
    }

    /// REPEAT_ONE, general tail: try it after each count, longest first.
    fn repeat_one_general(&mut self, code: &[u32], top: usize) -> SreResult<Flow> {
        let c = self.ctxs[top];
        if c.count >= at(code, c.pc + 1) as isize {
            self.ptr = c.ptr;
            return Ok(Flow::Call {
                pc: c.pc + at(code, c.pc) as usize,
                toplevel: c.toplevel,
                jump: Jump::RepeatOne2,
            });
        }
        if self.repeat >= 0 {
            self.mark_pop_discard(c.lastmark);
        }
        FAIL
    }

    /// MIN_REPEAT_ONE: try the tail, then one more item, shortest first.
    fn min_repeat_one_next(&mut self, code: &[u32], top: usize) -> SreResult<Flow> {
        let c = self.ctxs[top];
        let max = at(code, c.pc + 2);
        if max == MAXREPEAT || c.count <= max as isize {
            self.ptr = c.ptr;
            return Ok(Flow::Call {
                pc: c.pc + at(code, c.pc) as usize,
                toplevel: c.toplevel,
                jump: Jump::MinRepeatOne,
            });
        }
        if self.repeat >= 0 {
            self.mark_pop_discard(c.lastmark);
        }
        FAIL
    }

    /// MAX_UNTIL with enough repetitions: try one more, then the tail.
    fn max_until_more(&mut self, code: &[u32], top: usize) -> SreResult<Flow> {
        let c = self.ctxs[top];
        let r = self.rep(c.u)?;
        let max = at(code, r.pc + 2);
        if (c.count < max as isize || max == MAXREPEAT) && self.ptr != r.last_ptr {
            self.rep_mut(c.u)?.count = c.count;
            self.lastmark_save(top);
            self.mark_push(self.lastmark)?;
            self.ctxs[top].saved = r.last_ptr;
            self.rep_mut(c.u)?.last_ptr = self.ptr;
            return Ok(Flow::Call {
                pc: r.pc + 3,
                toplevel: c.toplevel,
                jump: Jump::MaxUntil2,
            });
        }
        self.max_until_tail(top)
    }

    /// MAX_UNTIL: match the tail with the enclosing repeat current.
    fn max_until_tail(&mut self, top: usize) -> SreResult<Flow> {
        let c = self.ctxs[top];
        self.repeat = self.rep(c.u)?.prev;
        Ok(Flow::Call {
            pc: c.pc,
            toplevel: c.toplevel,
            jump: Jump::MaxUntil3,
        })
    }

    /// POSSESSIVE_REPEAT, first phase: the required repetitions.
    fn poss_first(&mut self, code: &[u32], top: usize) -> SreResult<Flow> {
        let c = self.ctxs[top];
        if c.count < at(code, c.pc + 1) as isize {
            return Ok(Flow::Call {
                pc: c.pc + 3,
                toplevel: false,
                jump: Jump::PossRepeat1,
            });
        }
        self.ctxs[top].ptr = NO_PTR;
        self.poss_loop(code, top)
    }

    /// POSSESSIVE_REPEAT, second phase: as many more as match (no
    /// backtracking into them afterwards).
    fn poss_loop(&mut self, code: &[u32], top: usize) -> SreResult<Flow> {
        let c = self.ctxs[top];
        let max = at(code, c.pc + 2);
        if (c.count < max as isize || max == MAXREPEAT) && self.ptr != c.ptr {
            self.lastmark_save(top);
            self.mark_push(self.lastmark)?;
            self.ctxs[top].ptr = self.ptr;
            return Ok(Flow::Call {
                pc: c.pc + 3,
                toplevel: false,
                jump: Jump::PossRepeat2,
            });
        }
        self.poss_done(code, top)
    }

    /// POSSESSIVE_REPEAT done: continue with the tail after its SUCCESS.
    fn poss_done(&mut self, code: &[u32], top: usize) -> SreResult<Flow> {
        let c = &mut self.ctxs[top];
        c.pc = c.pc + at(code, c.pc) as usize + 1;
        c.ptr = self.ptr;
        Ok(Flow::Dispatch)
    }
}
