//! Iterator objects of the builtin containers, and generators.
//!
//! Invariant: an iterator holds a strong reference to what it walks and a
//! position; it never holds a borrow of the container between calls.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace, Value, ValueCell};

use crate::frame::{Frame, ParkedFrame};
use crate::kinds;
use crate::objects::dict::Dict;
use crate::objects::set::Set;
use crate::objects::string::Str;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Trace)]
pub enum IterKind {
    /// list, tuple, bytes, bytearray (by index).
    Seq,
    /// `reversed(list)`: `pos` is the next index + 1 (0: done).
    ListReversed,
    /// Dict keys/values/items and sets, by dense position; `len` is the
    /// size the container must keep and `left` the items not yet produced.
    DictKeys,
    DictValues,
    DictItems,
    /// `reversed(dict)` and its views: `pos` is the next dense position + 1.
    DictRevKeys,
    DictRevValues,
    DictRevItems,
    SetKeys,
    /// A range whose items fit an i64 (`range_iterator`): `pos` is the
    /// index, `len` the length.
    Range,
    /// Any other range (`longrange_iterator`): the index is the Python
    /// object in `extra` (CPython keeps whatever `__setstate__` was given).
    LongRange,
    /// `pos` is a byte offset, `left` the characters not yet produced.
    Str,
    /// `iter(callable, sentinel)`
    Callable,
    /// `__getitem__`-protocol sequence
    GetItem,
    Reversed,
    Enumerate,
    Zip,
    Map,
    Filter,
}

/// Clearing leaves an exhausted iterator: no source, nothing left.
#[derive(Trace)]
pub struct Iter {
    pub kind: IterKind,
    #[trace(clear = "none")]
    pub source: ValueCell,
    pub pos: Cell<usize>,
    /// Extra state: the sentinel, the function of map/filter, the count of enumerate...
    #[trace(clear = "none")]
    pub extra: ValueCell,
    /// Number of items expected (dict size check), or the length of a range.
    #[trace(clear)]
    pub len: Cell<usize>,
    /// Items not yet produced (dict, set and str iterators).
    #[trace(clear)]
    pub left: Cell<usize>,
    #[trace(clear)]
    pub extra_list: RefCell<Vec<Value>>,
}
payload!(Iter, kinds::ITERATOR, "iterator");

impl Iter {
    /// A fresh iterator over `source`; dict, set and str iterators start
    /// with `left` (and dict/set ones with `len`) set from the source.
    pub fn new(kind: IterKind, source: Value) -> Iter {
        let n = match kind {
            IterKind::Str => source.downcast::<Str>().map_or(0, |s| s.char_len()),
            IterKind::DictKeys
            | IterKind::DictValues
            | IterKind::DictItems
            | IterKind::DictRevKeys
            | IterKind::DictRevValues
            | IterKind::DictRevItems => source.downcast::<Dict>().map_or(0, |d| d.len()),
            IterKind::SetKeys => source.downcast::<Set>().map_or(0, |s| s.len()),
            _ => 0,
        };
        let pos = match kind {
            IterKind::DictRevKeys | IterKind::DictRevValues | IterKind::DictRevItems => source
                .downcast::<Dict>()
                .map_or(0, |d| d.table.borrow().dense_len()),
            _ => 0,
        };
        Iter {
            kind,
            source: ValueCell::new(source),
            pos: Cell::new(pos),
            extra: ValueCell::new(Value::NULL),
            len: Cell::new(n),
            left: Cell::new(n),
            extra_list: RefCell::new(Vec::new()),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Trace)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// Clearing (never while it runs: its frame is out on the frame stack)
/// drops the suspended frame and leaves a finished generator.
#[derive(Trace)]
#[trace(clear_if = "Generator::clearable", after_clear = "Generator::finish")]
pub struct Generator {
    pub kind: GenKind,
    #[trace(clear)]
    pub frame: ParkedFrame,
    pub state: Cell<GenState>,
    /// `(__name__, __qualname__)` once they differ from the code object's
    /// (NULL until then: most generators never pay for the two words).
    pub names: ValueCell,
    /// The exception being handled inside the generator when it suspended.
    #[trace(clear = "none")]
    pub exc_state: ValueCell,
    /// The code object (`gi_code`), kept after the frame is gone.
    pub code: Value,
}
payload!(
    Generator,
    kinds::GENERATOR,
    "generator",
    needs_finalize = generator_needs_close
);

impl Generator {
    fn clearable(&self) -> bool {
        self.state.get() != GenState::Running
    }
    fn finish(&self) {
        self.state.set(GenState::Finished);
    }

    /// `__name__`.
    pub fn name(&self) -> Value {
        self.name_at(0)
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> Value {
        self.name_at(1)
    }

    fn name_at(&self, i: usize) -> Value {
        let names = self.names.get();
        if let Some(t) = names.downcast::<crate::objects::seq::Tuple>() {
            return t.items[i].clone();
        }
        let code = self.code.downcast::<crate::objects::function::Code>();
        code.map_or(Value::NONE, |c| {
            if i == 0 {
                c.name.clone()
            } else {
                c.qualname.clone()
            }
        })
    }

    /// Parks a suspended frame in the generator. The frame's back-pointer to
    /// the generator is dropped (resumers set it again), so a suspended
    /// generator is not its own referent through its frame.
    pub fn store_frame(&self, mut fr: Box<Frame>) {
        fr.gen = Value::NULL;
        self.frame.replace(Some(fr));
    }

    /// The sub-iterator a suspended `yield from`/`await` delegates to.
    pub fn delegate(&self) -> Option<Value> {
        if self.state.get() != GenState::Suspended {
            return None;
        }
        self.frame.peek(delegate_of)?.map(|(_, sub)| sub)
    }
}

/// If the frame is suspended at the `YieldValue` of a `Send` loop, the
/// `Send`'s jump target and the sub-iterator on the stack.
pub fn delegate_of(fr: &Frame) -> Option<(usize, Value)> {
    let code = fr.code();
    let (op, _, _) = code.code.decode(fr.lasti)?;
    if op != adder_bytecode::Opcode::YieldValue || fr.lasti == 0 {
        return None;
    }
    let (prev, target, _) = code.code.decode(fr.lasti - 1)?;
    if prev != adder_bytecode::Opcode::Send {
        return None;
    }
    Some((target as usize, fr.stack.last()?.clone()))
}

/// A dying generator must be closed (so its `finally`/`with` blocks run)
/// when it is suspended inside an exception-table range.
fn generator_needs_close(h: &adder_object::Header) -> bool {
    let Some(g) = h.payload::<Generator>() else {
        return false;
    };
    if g.state.get() != GenState::Suspended {
        return false;
    }
    g.frame
        .peek(|f| f.code().code.handler_for(f.lasti as u32).is_some())
        .unwrap_or(false)
}

/// Wraps an async generator's `__anext__`/`asend`/`athrow` awaitable, or a
/// coroutine's `__await__` iterator.
#[derive(Trace)]
pub struct CoroWrapper {
    pub gen: Value,
    pub op: Cell<u8>,
    #[trace(clear = "none")]
    pub arg: ValueCell,
    pub started: Cell<bool>,
}
payload!(CoroWrapper, kinds::CORO_WRAPPER, "coroutine_wrapper");
