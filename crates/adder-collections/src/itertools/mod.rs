//! The `itertools` module: every iterator type shares one payload layout
//! (`ItObj`) whose state enum says which iterator it is; the Python-visible
//! types (`count`, `cycle`, ...) are separate classes over that layout.
//!
//! Invariants: an iterator's state is borrowed only for short primitive
//! steps — values are cloned out before any call that can run Python code
//! and written back afterwards (re-entrant use finds consistent state, or a
//! RuntimeError, never a panic); an exhausted iterator stays exhausted;
//! nothing is materialised that CPython would iterate lazily.

mod basic;
mod combinatorics;
mod filters;
mod groupby;
mod tee;

use std::cell::{RefCell, RefMut};

use adder_object::{payload, Payload, Trace, Value};
use adder_vm::native::{self, module_add_fns};
use adder_vm::objects::types::tflags;
use adder_vm::vm::NativeFn;
use adder_vm::{Args, PyResult, Vm};

use crate::kind;

/// The state of one itertools iterator.
#[derive(Trace)]
pub enum St {
    Count {
        cnt: Value,
        step: Value,
        /// CPython's "fast mode": an int start fitting a C ssize_t, step 1.
        fast: bool,
    },
    Cycle {
        /// NULL once the first pass is over.
        it: Value,
        /// A list.
        saved: Value,
        index: usize,
        firstpass: bool,
    },
    Repeat {
        elem: Value,
        /// Remaining count; negative: forever.
        cnt: i64,
    },
    Accumulate {
        it: Value,
        func: Value,
        /// NULL before the first item.
        total: Value,
        /// NULL when absent or consumed.
        initial: Value,
    },
    Chain {
        /// Iterator over the iterables; NULL when exhausted.
        source: Value,
        /// The current iterable's iterator, or NULL.
        active: Value,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    DropWhile {
        func: Value,
        it: Value,
        start: bool,
    },
    TakeWhile {
        func: Value,
        it: Value,
        stop: bool,
    },
    FilterFalse {
        func: Value,
        it: Value,
    },
    Starmap {
        func: Value,
        it: Value,
    },
    Pairwise {
        /// NULL when exhausted.
        it: Value,
        old: Value,
    },
    ISlice {
        /// NULL when exhausted.
        it: Value,
        next: i64,
        /// -1: no stop.
        stop: i64,
        step: i64,
        cnt: i64,
    },
    ZipLongest {
        /// NULL entries are exhausted.
        iters: Vec<Value>,
        active: usize,
        fill: Value,
    },
    GroupBy {
        it: Value,
        keyfunc: Value,
        tgtkey: Value,
        currkey: Value,
        currvalue: Value,
        /// Identity of the current `_grouper` (0: none).
        grouper: u64,
    },
    Grouper {
        parent: Value,
        tgtkey: Value,
    },
    Tee {
        data: Value,
        index: usize,
    },
    TeeData {
        it: Value,
        values: Vec<Value>,
        /// NULL, or the next `_tee_dataobject`.
        next: Value,
        running: bool,
    },
    Product {
        pools: Vec<Vec<Value>>,
        indices: Vec<usize>,
        /// None before the first item.
        result: Option<Vec<Value>>,
        stopped: bool,
    },
    Combinations {
        pool: Vec<Value>,
        indices: Vec<usize>,
        result: Option<Vec<Value>>,
        r: usize,
        stopped: bool,
    },
    Cwr {
        pool: Vec<Value>,
        indices: Vec<usize>,
        result: Option<Vec<Value>>,
        r: usize,
        stopped: bool,
    },
    Permutations {
        pool: Vec<Value>,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        result: Option<Vec<Value>>,
        r: usize,
        stopped: bool,
    },
}

impl St {
    /// The Python type name this state belongs to.
    pub fn type_name(&self) -> &'static str {
        match self {
            St::Count { .. } => "count",
            St::Cycle { .. } => "cycle",
            St::Repeat { .. } => "repeat",
            St::Accumulate { .. } => "accumulate",
            St::Chain { .. } => "chain",
            St::Compress { .. } => "compress",
            St::DropWhile { .. } => "dropwhile",
            St::TakeWhile { .. } => "takewhile",
            St::FilterFalse { .. } => "filterfalse",
            St::Starmap { .. } => "starmap",
            St::Pairwise { .. } => "pairwise",
            St::ISlice { .. } => "islice",
            St::ZipLongest { .. } => "zip_longest",
            St::GroupBy { .. } => "groupby",
            St::Grouper { .. } => "_grouper",
            St::Tee { .. } => "_tee",
            St::TeeData { .. } => "_tee_dataobject",
            St::Product { .. } => "product",
            St::Combinations { .. } => "combinations",
            St::Cwr { .. } => "combinations_with_replacement",
            St::Permutations { .. } => "permutations",
        }
    }
}

/// The payload of every itertools iterator.
#[derive(Trace)]
pub struct ItObj {
    pub st: RefCell<St>,
}
payload!(ItObj, kind::ITERTOOLS, "itertools");

impl Drop for ItObj {
    /// A long chain of `_tee_dataobject`s is freed iteratively (a recursive
    /// drop would exhaust the Rust stack).
    fn drop(&mut self) {
        let St::TeeData { next, .. } = self.st.get_mut() else {
            return;
        };
        let mut link = std::mem::replace(next, Value::NULL);
        loop {
            let sole = link
                .header()
                .is_some_and(|h| h.refcount() == 1 && link.downcast::<ItObj>().is_some());
            if !sole {
                return;
            }
            let following = match link.downcast::<ItObj>() {
                Some(o) => match o.st.try_borrow_mut() {
                    Ok(mut s) => match &mut *s {
                        St::TeeData { next, .. } => std::mem::replace(next, Value::NULL),
                        _ => Value::NULL,
                    },
                    Err(_) => Value::NULL,
                },
                None => Value::NULL,
            };
            drop(std::mem::replace(&mut link, following));
        }
    }
}

/// Allocates an iterator of class `cls` in state `st`.
pub fn alloc(vm: &Vm, cls: &Value, st: St) -> Value {
    vm.alloc_builtin(
        cls,
        ItObj {
            st: RefCell::new(st),
        },
    )
}

/// The payload of `args.pos[0]`, checked to be an iterator of type `tname`
/// (CPython's descriptor check message otherwise).
pub fn this<'a>(vm: &Vm, args: &'a Args, tname: &str, meth: &str) -> PyResult<&'a ItObj> {
    let Some(s) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{meth}' of 'itertools.{tname}' object needs an argument"
        )));
    };
    if let Some(o) = s.downcast::<ItObj>() {
        if let Ok(st) = o.st.try_borrow() {
            if st.type_name() == tname {
                return Ok(o);
            }
        } else {
            return Ok(o);
        }
    }
    Err(vm.type_error(format!(
        "descriptor '{meth}' requires a 'itertools.{tname}' object but received a '{}'",
        vm.type_name(s)
    )))
}

impl ItObj {
    /// The state, mutably, for a short primitive step.
    pub fn st(&self, vm: &Vm) -> PyResult<RefMut<'_, St>> {
        self.st
            .try_borrow_mut()
            .map_err(|_| vm.runtime_error("itertools iterator is already running"))
    }
}

/// Clinic's keyword check in `__new__` of type `name`: keywords are
/// rejected unless a subclass defines its own `__init__` (CPython compares
/// `tp_init`).
pub fn new_no_kw(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        return Ok(());
    }
    let cls = args.pos[0].clone();
    let init = vm.intern("__init__");
    let own_init = adder_vm::ops::type_lookup(&cls, &init)
        .is_some_and(|f| f.kind() != Some(adder_vm::kinds::NATIVE));
    if own_init {
        return Ok(());
    }
    crate::args::no_kw(vm, args, name)
}

/// Creates type `itertools.name` over the shared layout.
fn make_type(vm: &mut Vm, m: &Value, name: &str, base_ok: bool) -> Value {
    let obj = vm.t.object.clone();
    let flags = if base_ok { tflags::BASETYPE } else { 0 };
    let t = native::new_type(
        vm,
        "itertools",
        name,
        &obj,
        ItObj::vtable(),
        kind::ITERTOOLS,
        flags,
    );
    native::module_set(vm, m, name, t.clone());
    t
}

/// Declares one iterator type: constructor, `__iter__`, `__next__`, and
/// extra methods.
fn declare(
    vm: &mut Vm,
    m: &Value,
    name: &str,
    base_ok: bool,
    new: NativeFn,
    next: NativeFn,
    methods: &[(&'static str, NativeFn)],
) -> Value {
    let t = make_type(vm, m, name, base_ok);
    vm.set_new(&t, new);
    vm.add_method(&t, "__iter__", crate::iter_self);
    vm.add_method(&t, "__next__", next);
    for &(n, f) in methods {
        vm.add_method(&t, n, f);
    }
    t
}

const DOC: &str = "Functional tools for creating and using iterators.

Infinite iterators:
count(start=0, step=1) --> start, start+step, start+2*step, ...
cycle(p) --> p0, p1, ... plast, p0, p1, ...
repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times

Iterators terminating on the shortest input sequence:
accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2
chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...
chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...
compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...
dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails
groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)
filterfalse(pred, seq) --> elements of seq where pred(elem) is False
islice(seq, [start,] stop [, step]) --> elements from
       seq[start:stop:step]
pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...
starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...
tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n
takewhile(pred, seq) --> seq[0], seq[1], until pred fails
zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...

Combinatoric generators:
product(p, q, ... [repeat=1]) --> cartesian product
permutations(p[, r])
combinations(p, r)
combinations_with_replacement(p, r)
";

/// Fills the `itertools` module.
pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let doc = vm.new_str(DOC);
    native::module_set(vm, m, "__doc__", doc);
    basic::init(vm, m);
    filters::init(vm, m);
    groupby::init(vm, m);
    tee::init(vm, m);
    combinatorics::init(vm, m);
    module_add_fns(vm, m, &[("tee", tee::tee)]);
    Ok(())
}
