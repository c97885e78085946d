//! Code objects: the compiled form of one function, class body or module.
//!
//! Invariant: a `CodeObject` is immutable plain data. Nothing in it points
//! outside itself: instructions refer to `consts`, `names` and the variable
//! tables by index, and nested code objects are themselves constants. This is
//! what lets a code object be serialised into a code image and executed from a
//! mapping; run-time state (quickened instructions, caches, materialised
//! constant values) lives beside it in the VM, never in it.

use num_bigint::BigInt;
use std::rc::Rc;

use crate::linetable::LineTable;
use crate::opcode::Opcode;

/// `co_flags` bits, with CPython's values so `inspect` reads them correctly.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    /// `from __future__ import annotations` was in effect.
    pub const FUTURE_ANNOTATIONS: u32 = 0x100_0000;
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex { re: f64, im: f64 },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
}

/// One entry of the exception table: an exception raised by an instruction
/// in `start..end` pops the value stack down to `depth` items, pushes the
/// instruction index of the raiser if `push_lasti`, then the exception, and
/// jumps to `target`. Entries are sorted by `start`, and no two ranges overlap:
/// the compiler resolves nesting so that each instruction has at most one
/// handler (the innermost).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// The source span of one instruction: 1-based lines, 0-based UTF-8 columns
/// (as CPython's `co_positions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// The instruction words (see `opcode`).
    pub code: Vec<u32>,
    /// One location per instruction word.
    pub locations: LineTable,
    pub exception_table: Vec<ExceptionEntry>,
    pub consts: Vec<Constant>,
    /// Names used by global/name/attribute/import instructions.
    pub names: Vec<Rc<str>>,
    /// Fast locals: parameters first (positional, then keyword-only, then
    /// `*args`, then `**kwargs`), then other locals.
    pub varnames: Vec<Rc<str>>,
    /// Variables of this scope captured by inner scopes. Cell index `i` for
    /// `i < cellvars.len()` is `cellvars[i]`, then the free variables follow.
    pub cellvars: Vec<Rc<str>>,
    /// Variables of enclosing scopes used here (filled from the closure tuple).
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter, the parameter's index in
    /// `varnames` (the cell starts out holding the argument); else `None`.
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Maximum depth of the value stack.
    pub stacksize: u32,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
}

impl CodeObject {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
    /// Total positional+keyword parameters including `*args`/`**kwargs` slots.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
    /// The line of instruction `index` (0 when unknown).
    pub fn line_of(&self, index: usize) -> u32 {
        self.locations.get(index).map_or(0, |l| l.line)
    }
    /// The handler covering instruction `index`, if any.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        // Entries are sorted and disjoint: binary search on `start`.
        let pos = self.exception_table.partition_point(|e| e.start <= index);
        let e = self.exception_table.get(pos.checked_sub(1)?)?;
        (index < e.end).then_some(e)
    }
    /// Decodes the instruction at `index` with its `ExtendedArg` prefixes
    /// folded in: returns (opcode, operand, index of the next instruction).
    pub fn decode(&self, mut index: usize) -> Option<(Opcode, u32, usize)> {
        let mut ext: u32 = 0;
        loop {
            let w = *self.code.get(index)?;
            let op = Opcode::from_u8((w & 0xFF) as u8)?;
            let arg = (ext << 24) | (w >> 8);
            index += 1;
            if op == Opcode::ExtendedArg {
                ext = arg;
                continue;
            }
            return Some((op, arg, index));
        }
    }
    /// A human-readable listing, for debugging and `adder -X dis`.
    pub fn disassemble(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "code {} ({}:{})",
            self.qualname, self.filename, self.firstlineno
        );
        let mut i = 0;
        while let Some((op, arg, next)) = self.decode(i) {
            let _ = write!(
                out,
                "{:>5} {:>5} {:<20} {}",
                self.line_of(i),
                i,
                op.name(),
                arg
            );
            match op {
                Opcode::LoadConst => {
                    let _ = write!(out, " ({:?})", self.consts.get(arg as usize));
                }
                Opcode::LoadName
                | Opcode::StoreName
                | Opcode::LoadGlobal
                | Opcode::StoreGlobal
                | Opcode::LoadAttr
                | Opcode::StoreAttr
                | Opcode::LoadMethod
                | Opcode::ImportName
                | Opcode::ImportFrom => {
                    let _ = write!(
                        out,
                        " ({})",
                        self.names.get(arg as usize).map_or("?", |s| s)
                    );
                }
                Opcode::LoadFast | Opcode::StoreFast | Opcode::DeleteFast => {
                    let _ = write!(
                        out,
                        " ({})",
                        self.varnames.get(arg as usize).map_or("?", |s| s)
                    );
                }
                Opcode::LoadFastPair | Opcode::StoreFastPair => {
                    let (a, b) = crate::opcode::split_pair(arg);
                    let name = |i: usize| self.varnames.get(i).map_or("?", |s| &**s);
                    let _ = write!(out, " ({}, {})", name(a), name(b));
                }
                Opcode::LoadFastAttr | Opcode::LoadFastMethod => {
                    let (a, n) = crate::opcode::split_pair(arg);
                    let var = self.varnames.get(a).map_or("?", |s| &**s);
                    let attr = self.names.get(n).map_or("?", |s| &**s);
                    let _ = write!(out, " ({}.{})", var, attr);
                }
                Opcode::LoadFastConst => {
                    let (a, c) = crate::opcode::split_pair(arg);
                    let name = self.varnames.get(a).map_or("?", |s| &**s);
                    let _ = write!(out, " ({}, const {})", name, c);
                }
                _ => {}
            }
            out.push('\n');
            i = next;
        }
        for e in &self.exception_table {
            let _ = writeln!(
                out,
                "  except {}..{} -> {} depth {} lasti {}",
                e.start, e.end, e.target, e.depth, e.push_lasti
            );
        }
        for c in &self.consts {
            if let Constant::Code(inner) = c {
                out.push_str(&inner.disassemble());
            }
        }
        out
    }
}

/// Packs an instruction word (the operand must fit in 24 bits).
pub fn encode(op: Opcode, arg: u32) -> u32 {
    debug_assert!(arg < (1 << 24));
    (op as u32) | (arg << 8)
}
