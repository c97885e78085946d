//! `collections.deque`: a double-ended queue over a ring buffer
//! (`VecDeque`), with an optional maximum length, and its iterators.
//!
//! Invariants: `state` changes on every structural mutation (append, pop,
//! rotate, clear, ...), never on `d[i] = x`; iterators and element-wise
//! operations that call Python code re-check it and raise CPython's
//! "deque mutated during iteration". The buffer is never borrowed across a
//! call into Python code. `len() <= maxlen` whenever `maxlen >= 0`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use adder_bytecode::CmpOp;
use adder_object::{payload, Payload, Trace, Value};
use adder_vm::native;
use adder_vm::objects::types::tflags;
use adder_vm::ops::type_lookup;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{noargs, onearg};
use crate::kind;

/// Clearing empties it and bumps `state`, so running iterators notice.
#[derive(Trace)]
#[trace(after_clear = "Deque::bump_state")]
pub struct Deque {
    #[trace(clear)]
    pub items: RefCell<VecDeque<Value>>,
    /// -1: unbounded.
    pub maxlen: Cell<i64>,
    pub state: Cell<u64>,
}
payload!(Deque, kind::DEQUE, "deque");

impl Deque {
    fn bump_state(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    pub fn new() -> Deque {
        Deque {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(-1),
            state: Cell::new(0),
        }
    }
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }
    pub fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
    /// Appends on the right, dropping from the left past `maxlen`.
    pub fn push_back(&self, v: Value) {
        let old = {
            let mut items = self.items.borrow_mut();
            items.push_back(v);
            let max = self.maxlen.get();
            if max >= 0 && items.len() as i64 > max {
                items.pop_front()
            } else {
                None
            }
        };
        self.bump();
        drop(old);
    }
    /// Appends on the left, dropping from the right past `maxlen`.
    pub fn push_front(&self, v: Value) {
        let old = {
            let mut items = self.items.borrow_mut();
            items.push_front(v);
            let max = self.maxlen.get();
            if max >= 0 && items.len() as i64 > max {
                items.pop_back()
            } else {
                None
            }
        };
        self.bump();
        drop(old);
    }
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.items.borrow_mut());
        self.bump();
        drop(old);
    }
    /// Rotates right by `n` (left when negative).
    pub fn rotate(&self, n: i64) {
        let mut items = self.items.borrow_mut();
        let len = items.len();
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len as i64) as usize;
        if k != 0 {
            items.rotate_right(k);
        }
        drop(items);
        self.bump();
    }
}

impl Default for Deque {
    fn default() -> Self {
        Deque::new()
    }
}

/// The deque `args.pos[0]` (CPython's descriptor check otherwise).
pub fn this<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a Deque> {
    let Some(s) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{meth}' of 'collections.deque' object needs an argument"
        )));
    };
    s.downcast::<Deque>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{meth}' for 'collections.deque' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        ))
    })
}

pub fn mutated(vm: &Vm) -> Value {
    vm.runtime_error("deque mutated during iteration")
}

pub fn init(vm: &mut Vm, m: &Value) {
    let obj = vm.t.object.clone();
    let t = native::new_type(
        vm,
        "collections",
        "deque",
        &obj,
        Deque::vtable(),
        kind::DEQUE,
        tflags::BASETYPE | tflags::SEQUENCE,
    );
    native::module_set(vm, m, "deque", t.clone());
    vm.set_new(&t, deque_new);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__init__", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("clear", deque_clear),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("rotate", deque_rotate),
        ("reverse", deque_reverse),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("__len__", deque_len),
        ("__bool__", deque_bool),
        ("__repr__", deque_repr),
        ("__reduce__", deque_reduce),
        ("__sizeof__", deque_sizeof),
        ("__iadd__", deque_iadd),
    ];
    for &(n, f) in methods {
        vm.add_method(&t, n, f);
    }
    vm.add_getset(&t, "maxlen", deque_maxlen, None);
    vm.add_attr(&t, "__hash__", Value::NONE);
    vm.add_classmethod(&t, "__class_getitem__", crate::class_getitem);
    super::deque_seq::init(vm, m, &t);
}

/// `deque.__new__`: an empty, unbounded deque (filled by `__init__`).
fn deque_new(vm: &mut Vm, args: Args) -> PyResult {
    Ok(vm.alloc_builtin(&args.pos[0], Deque::new()))
}

/// `deque.__init__(iterable=(), maxlen=None)`.
fn deque_init(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__init__")?;
    let pos = &args.pos[1..];
    let n = pos.len() + args.kw.len();
    if n > 2 {
        return Err(vm.type_error(format!("deque() takes at most 2 arguments ({n} given)")));
    }
    let mut iterable = pos.first().cloned();
    let mut maxlen = pos.get(1).cloned();
    for (k, v) in &args.kw {
        let name = crate::args::kw_name(k);
        let (slot, idx) = match name.as_str() {
            "iterable" => (&mut iterable, 1),
            "maxlen" => (&mut maxlen, 2),
            _ => {
                return Err(vm.type_error(format!(
                    "'{name}' is an invalid keyword argument for deque()"
                )))
            }
        };
        if slot.is_some() {
            return Err(vm.type_error(format!(
                "argument for deque() given by name ('{name}') and position ({idx})"
            )));
        }
        *slot = Some(v.clone());
    }
    let max = match &maxlen {
        Some(m) if !m.is_none() => {
            let Some(b) = adder_vm::num::as_bigint(m) else {
                return Err(vm.type_error("an integer is required"));
            };
            let x = crate::args::big_ssize(vm, &b)?;
            if x < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            x
        }
        _ => -1,
    };
    d.maxlen.set(max);
    if !d.is_empty() {
        d.clear();
    }
    if let Some(it) = iterable {
        extend(vm, &args.pos[0], d, &it, false)?;
    }
    Ok(Value::NONE)
}

/// Appends every item of `iterable` (to the left when `left`).
pub fn extend(vm: &mut Vm, dv: &Value, d: &Deque, iterable: &Value, left: bool) -> PyResult<()> {
    if iterable.is(dv) {
        // Extending a deque by itself: iterate over a snapshot.
        let items = vm.new_list(d.snapshot());
        return extend(vm, dv, d, &items, left);
    }
    let it = vm.iter(iterable)?;
    if d.maxlen.get() == 0 {
        while vm.next(&it)?.is_some() {}
        return Ok(());
    }
    while let Some(v) = vm.next(&it)? {
        if left {
            d.push_front(v);
        } else {
            d.push_back(v);
        }
    }
    Ok(())
}

fn deque_append(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "append")?;
    this(vm, &args, "append")?.push_back(v);
    Ok(Value::NONE)
}

fn deque_appendleft(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "appendleft")?;
    this(vm, &args, "appendleft")?.push_front(v);
    Ok(Value::NONE)
}

fn deque_pop(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "pop")?;
    let d = this(vm, &args, "pop")?;
    let v = d.items.borrow_mut().pop_back();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "popleft")?;
    let d = this(vm, &args, "popleft")?;
    let v = d.items.borrow_mut().pop_front();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_clear(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "clear")?;
    this(vm, &args, "clear")?.clear();
    Ok(Value::NONE)
}

fn deque_extend(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "extend")?;
    let d = this(vm, &args, "extend")?;
    extend(vm, &args.pos[0], d, &v, false)?;
    Ok(Value::NONE)
}

fn deque_extendleft(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "extendleft")?;
    let d = this(vm, &args, "extendleft")?;
    extend(vm, &args.pos[0], d, &v, true)?;
    Ok(Value::NONE)
}

fn deque_iadd(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "__iadd__")?;
    let d = this(vm, &args, "__iadd__")?;
    extend(vm, &args.pos[0], d, &v, false)?;
    Ok(args.pos[0].clone())
}

fn deque_rotate(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::no_kw(vm, &args, "rotate")?;
    crate::args::check_pos(vm, "deque.rotate", args.pos.len().saturating_sub(1), 0, 1)?;
    let d = this(vm, &args, "rotate")?;
    let n = match args.pos.get(1) {
        Some(v) => crate::args::ssize(vm, v)?,
        None => 1,
    };
    d.rotate(n);
    Ok(Value::NONE)
}

fn deque_reverse(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "reverse")?;
    let d = this(vm, &args, "reverse")?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::NONE)
}

/// `deque.copy()`: an exact deque copies natively; a subclass is called
/// as `type(d)(d)` or `type(d)(d, maxlen)`.
pub fn copy_of(vm: &mut Vm, dv: &Value) -> PyResult {
    let Some(d) = dv.downcast::<Deque>() else {
        return Err(vm.type_error("not a deque"));
    };
    let t = vm.type_of(dv);
    let exact = !vm.type_obj(&t).has_flag(tflags::HEAPTYPE);
    if exact {
        let n = Deque::new();
        n.maxlen.set(d.maxlen.get());
        *n.items.borrow_mut() = d.items.borrow().clone();
        return Ok(vm.alloc_builtin(&t, n));
    }
    let r = if d.maxlen.get() < 0 {
        vm.call(&t, vec![dv.clone()])?
    } else {
        let m = vm.new_int(d.maxlen.get());
        vm.call(&t, vec![dv.clone(), m])?
    };
    if r.downcast::<Deque>().is_none() {
        return Err(vm.type_error(format!(
            "{}() must return a deque, not {}",
            vm.type_name(dv),
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

fn deque_copy(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "copy")?;
    this(vm, &args, "copy")?;
    copy_of(vm, &args.pos[0])
}

fn deque_len(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__len__")?;
    let n = this(vm, &args, "__len__")?.len();
    Ok(vm.new_int(n as i64))
}

fn deque_bool(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__bool__")?;
    Ok(Value::from_bool(!this(vm, &args, "__bool__")?.is_empty()))
}

fn deque_maxlen(vm: &mut Vm, d: &Value) -> PyResult {
    match d.downcast::<Deque>() {
        Some(d) if d.maxlen.get() >= 0 => Ok(vm.new_int(d.maxlen.get())),
        Some(_) => Ok(Value::NONE),
        None => {
            Err(vm.type_error("descriptor 'maxlen' for 'collections.deque' objects doesn't apply"))
        }
    }
}

fn deque_repr(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__repr__")?;
    let d = this(vm, &args, "__repr__")?;
    let me = args.pos[0].bits();
    if vm.repr_stack.contains(&me) {
        return Ok(vm.new_str("[...]"));
    }
    let items = vm.new_list(d.snapshot());
    let maxlen = d.maxlen.get();
    vm.repr_stack.push(me);
    let r = vm.repr_string(&items);
    vm.repr_stack.pop();
    let inner = r?;
    let name = crate::short_type_name(vm, &args.pos[0]);
    Ok(vm.new_string(if maxlen >= 0 {
        format!("{name}({inner}, maxlen={maxlen})")
    } else {
        format!("{name}({inner})")
    }))
}

/// `_PyObject_GetState`: `__getstate__()` when defined, else the
/// instance dict when it has entries, else None.
pub fn object_state(vm: &mut Vm, v: &Value) -> PyResult {
    let t = vm.type_of(v);
    let gs = vm.intern("__getstate__");
    if type_lookup(&t, &gs).is_some() {
        return vm.call_method(v, "__getstate__", vec![]);
    }
    if let Some(d) = v.header().and_then(|h| h.dict_slot()).map(|s| s.get()) {
        if !d.is_null() && vm.len(&d)? > 0 {
            return Ok(d);
        }
    }
    Ok(Value::NONE)
}

fn deque_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let d = this(vm, &args, "__reduce__")?;
    let maxlen = d.maxlen.get();
    let dv = args.pos[0].clone();
    let state = object_state(vm, &dv)?;
    let it = vm.iter(&dv)?;
    let t = vm.type_of(&dv);
    let a = if maxlen < 0 {
        vm.empty_tuple.clone()
    } else {
        let e = vm.empty_tuple.clone();
        let m = vm.new_int(maxlen);
        vm.new_tuple(vec![e, m])
    };
    Ok(vm.new_tuple(vec![t, a, state, it]))
}

fn deque_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__sizeof__")?;
    let d = this(vm, &args, "__sizeof__")?;
    // CPython's figure: the object plus its 64-slot blocks.
    let blocks = (31 + d.len()).div_ceil(64);
    Ok(vm.new_int(96 + 528 * blocks as i64))
}

/// Compares deques element-wise (`deque_richcompare`); None when `w` is
/// not a deque (NotImplemented).
pub fn compare(vm: &mut Vm, v: &Value, w: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    let (Some(a), Some(b)) = (v.downcast::<Deque>(), w.downcast::<Deque>()) else {
        return Ok(None);
    };
    let (vs, ws) = (a.len(), b.len());
    match op {
        CmpOp::Eq if v.is(w) => return Ok(Some(true)),
        CmpOp::Eq if vs != ws => return Ok(Some(false)),
        CmpOp::Ne if v.is(w) => return Ok(Some(false)),
        CmpOp::Ne if vs != ws => return Ok(Some(true)),
        _ => {}
    }
    let (sa, sb) = (a.state.get(), b.state.get());
    let mut i = 0;
    loop {
        if a.state.get() != sa || b.state.get() != sb {
            return Err(mutated(vm));
        }
        let x = a.get(i);
        let y = b.get(i);
        let (Some(x), Some(y)) = (x.clone(), y.clone()) else {
            let r = match op {
                CmpOp::Lt => y.is_some(),
                CmpOp::Le => x.is_none(),
                CmpOp::Eq => x.is_none() && y.is_none(),
                CmpOp::Ne => x.is_some() || y.is_some(),
                CmpOp::Gt => x.is_some(),
                CmpOp::Ge => y.is_none(),
            };
            return Ok(Some(r));
        };
        if !vm.eq(&x, &y)? {
            if matches!(op, CmpOp::Eq) {
                return Ok(Some(false));
            }
            if matches!(op, CmpOp::Ne) {
                return Ok(Some(true));
            }
            let r = vm.richcmp(&x, &y, op)?;
            return Ok(Some(vm.truthy(&r)?));
        }
        i += 1;
    }
}
