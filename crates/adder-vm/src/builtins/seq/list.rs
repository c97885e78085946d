//! `list`: constructor, methods, special methods, slice assignment and the
//! stable sort; also the minimal `bytearray` item assignment the VM needs.
//!
//! Invariant: the items `RefCell` is borrowed only inside primitive steps;
//! every comparison, `__index__`, iteration or key call happens on a copy,
//! and the list is re-read (and re-checked for bounds) afterwards. During a
//! sort the list is empty (as in CPython), and a list found non-empty after
//! the sort means it was modified: `ValueError: list modified during sort`.

use adder_bytecode::CmpOp;
use adder_object::Value;
use num_traits::ToPrimitive;

use super::{
    add_compare, argrange, class_getitem, cmp_result, compare_natives, dunder, kw_name, noargs,
    onearg, search_bounds, seq_index, slice_of, slice_positions, ssize_arg, this,
};
use crate::kinds;
use crate::objects::iter::IterKind;
use crate::objects::seq::{List, Slice, Tuple};
use crate::objects::string::Str;
use crate::vm::{Args, PyResult, Vm};

pub(super) fn init(vm: &mut Vm) {
    let t = vm.t.list.clone();
    vm.set_new(&t, list_new);
    vm.add_method(&t, "__init__", list_init);
    vm.add_method(&t, "append", list_append);
    vm.add_method(&t, "extend", list_extend);
    vm.add_method(&t, "insert", list_insert);
    vm.add_method(&t, "pop", list_pop);
    vm.add_method(&t, "remove", list_remove);
    vm.add_method(&t, "index", list_index);
    vm.add_method(&t, "count", list_count);
    vm.add_method(&t, "reverse", list_reverse);
    vm.add_method(&t, "sort", list_sort_method);
    vm.add_method(&t, "copy", list_copy);
    vm.add_method(&t, "clear", list_clear);
    vm.add_method(&t, "__len__", list_len);
    vm.add_method(&t, "__getitem__", list_getitem_m);
    vm.add_method(&t, "__setitem__", list_setitem_m);
    vm.add_method(&t, "__delitem__", list_delitem_m);
    vm.add_method(&t, "__contains__", list_contains);
    vm.add_method(&t, "__iter__", list_iter);
    vm.add_method(&t, "__reversed__", list_reversed);
    vm.add_method(&t, "__add__", list_add);
    vm.add_method(&t, "__iadd__", list_iadd);
    vm.add_method(&t, "__mul__", list_mul);
    vm.add_method(&t, "__rmul__", list_mul);
    vm.add_method(&t, "__imul__", list_imul);
    vm.add_method(&t, "__repr__", list_repr);
    vm.add_method(&t, "__sizeof__", list_sizeof);
    vm.add_classmethod(&t, "__class_getitem__", class_getitem);
    add_compare(vm, &t, compare_natives!(list_compare));
    vm.add_attr(&t, "__hash__", Value::NONE);
}

fn items_of(v: &Value) -> &List {
    v.downcast::<List>().expect("list payload")
}

fn self_list(vm: &Vm, args: &Args, meth: &str) -> PyResult<Value> {
    this(vm, args, &vm.t.list.clone(), meth)
}

// ----- construction -------------------------------------------------------------------

fn list_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    if cls.is(&vm.t.list) {
        no_kw_list(vm, &args)?;
        super::count_check(vm, "list", args.pos.len() - 1, 0, 1)?;
    }
    Ok(vm.alloc_builtin(
        &cls,
        List {
            items: std::cell::RefCell::new(Vec::new()),
        },
    ))
}

fn no_kw_list(vm: &Vm, args: &Args) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    Ok(())
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "__init__")?;
    no_kw_list(vm, &args)?;
    super::count_check(vm, "list", args.pos.len() - 1, 0, 1)?;
    // Cleared first, as in CPython: `l.__init__(l)` leaves `l` empty.
    let old = take_all(&mut items_of(&l).items.borrow_mut());
    drop(old);
    if let Some(src) = args.pos.get(1) {
        let new = extend_items(vm, &l, src)?;
        items_of(&l).items.borrow_mut().extend(new);
    }
    Ok(Value::NONE)
}

// ----- methods ------------------------------------------------------------------------------

fn list_append(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "append")?;
    let x = onearg(vm, &args, "list.append")?;
    items_of(&l).push(x);
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "extend")?;
    let src = onearg(vm, &args, "list.extend")?;
    let new = extend_items(vm, &l, &src)?;
    items_of(&l).items.borrow_mut().extend(new);
    Ok(Value::NONE)
}

/// The items `l.extend(src)` appends. As in CPython's `list_extend`, an
/// iterable that is not an exact list or tuple is asked for its length
/// hint (whose errors propagate) after its iterator was made.
fn extend_items(vm: &mut Vm, l: &Value, src: &Value) -> PyResult<Vec<Value>> {
    let t = vm.type_of(src);
    if src.is(l) || t.is(&vm.t.list) || t.is(&vm.t.tuple) {
        return vm.iterate(src);
    }
    let it = vm.iter(src)?;
    let n = crate::builtins::iterators::length_hint(vm, src, 8)?;
    let mut out = Vec::with_capacity(n.min(1 << 16));
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "insert")?;
    argrange(vm, &args, "list.insert", 2, 2)?;
    let i = ssize_arg(vm, &args.pos[1])?;
    let mut items = items_of(&l).items.borrow_mut();
    let len = items.len() as isize;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(at as usize, args.pos[2].clone());
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "pop")?;
    argrange(vm, &args, "list.pop", 0, 1)?;
    let i = match args.pos.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let mut items = items_of(&l).items.borrow_mut();
    if items.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let len = items.len() as isize;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(items.remove(j as usize))
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "remove")?;
    let x = onearg(vm, &args, "list.remove")?;
    let list = items_of(&l);
    let mut i = 0;
    while let Some(item) = list.get(i) {
        if vm.eq(&item, &x)? {
            let removed = {
                let mut items = list.items.borrow_mut();
                if i < items.len() {
                    Some(items.remove(i))
                } else {
                    None
                }
            };
            drop(removed);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "index")?;
    argrange(vm, &args, "list.index", 1, 3)?;
    let x = args.pos[1].clone();
    let list = items_of(&l);
    let (start, stop) = search_bounds(vm, &args, 2, list.len())?;
    let mut i = start;
    while i < stop {
        let Some(item) = list.get(i) else { break };
        if vm.eq(&item, &x)? {
            return Ok(vm.new_int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr_string(&x)?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "count")?;
    let x = onearg(vm, &args, "list.count")?;
    let list = items_of(&l);
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = list.get(i) {
        if vm.eq(&item, &x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "reverse")?;
    noargs(vm, &args, "list.reverse")?;
    items_of(&l).items.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "copy")?;
    noargs(vm, &args, "list.copy")?;
    Ok(vm.new_list(items_of(&l).snapshot()))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "clear")?;
    noargs(vm, &args, "list.clear")?;
    let old = take_all(&mut items_of(&l).items.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

/// Takes all items out of a list's storage. A list that had storage keeps
/// a one-slot buffer: `list.sort` leaves the list without storage while it
/// runs and takes any storage found afterwards as a sign of modification
/// (CPython's `allocated != -1`), which must survive e.g. `append; clear`.
fn take_all(items: &mut Vec<Value>) -> Vec<Value> {
    let keep = usize::from(items.capacity() != 0);
    std::mem::replace(items, Vec::with_capacity(keep))
}

fn list_sort_method(vm: &mut Vm, args: Args) -> PyResult {
    self_list(vm, &args, "sort")?;
    list_sort(vm, args)
}

// ----- sorting ----------------------------------------------------------------------------

/// `list.sort(*, key=None, reverse=False)`; `args.pos[0]` is the list.
pub fn list_sort(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let Some(l) = args.pos.first().cloned() else {
        return Err(vm.type_error("unbound method list.sort() needs an argument"));
    };
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let reverse = match args.take_kw("reverse") {
        Some(r) => {
            let i = vm.index(&r)?;
            i != num_bigint::BigInt::from(0)
        }
        None => false,
    };
    if let Some((k, _)) = args.kw.first() {
        return Err(vm.type_error(format!(
            "'{}' is an invalid keyword argument for sort()",
            kw_name(k)
        )));
    }
    let list = items_of(&l);
    // During the sort the list has no items and no storage; any growth
    // gives it storage, which stays (see `take_all`) even if the items go.
    let mut items = std::mem::take(&mut *list.items.borrow_mut());
    let result = sort_values(vm, &mut items, key.as_ref(), reverse);
    // The keys died in `sort_values`: their `__del__` runs while the list
    // is still being sorted, as in CPython.
    vm.run_pending();
    let intruders = std::mem::replace(&mut *list.items.borrow_mut(), items);
    let modified = !intruders.is_empty() || intruders.capacity() != 0;
    drop(intruders);
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

/// Sorts `items` in place (stable). On error `items` keeps all its values
/// in some order.
fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    if items.len() < 2 {
        if let (Some(k), Some(x)) = (key, items.first()) {
            let x = x.clone();
            vm.call(k, vec![x])?;
        }
        return Ok(());
    }
    let keys = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in items.iter() {
                ks.push(vm.call(k, vec![x.clone()])?);
            }
            ks
        }
        None => items.clone(),
    };
    // Reverse first and after, so that equal elements keep their order.
    let n = items.len();
    let mut order: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    sort_order(vm, &keys, &mut order)?;
    if reverse {
        order.reverse();
    }
    let mut old: Vec<Option<Value>> = std::mem::take(items).into_iter().map(Some).collect();
    *items = order
        .iter()
        .map(|&i| old[i].take().unwrap_or(Value::NONE))
        .collect();
    Ok(())
}

/// Stable sort of `order` (indices into `keys`) by `keys[i] < keys[j]`.
fn sort_order(vm: &mut Vm, keys: &[Value], order: &mut Vec<usize>) -> PyResult<()> {
    // Homogeneous small ints or exact strs compare without Python.
    if keys.iter().all(|k| k.is_small_int()) {
        order.sort_by_key(|&i| keys[i].as_small_int().unwrap_or(0));
        return Ok(());
    }
    let str_t = vm.t.str.clone();
    if keys
        .iter()
        .all(|k| k.kind() == Some(kinds::STR) && vm.type_of(k).is(&str_t))
    {
        order.sort_by(|&i, &j| {
            let a = keys[i]
                .downcast::<Str>()
                .map(|s| s.as_str().as_bytes())
                .unwrap_or(b"");
            let b = keys[j]
                .downcast::<Str>()
                .map(|s| s.as_str().as_bytes())
                .unwrap_or(b"");
            a.cmp(b)
        });
        return Ok(());
    }
    let mut lt = |vm: &mut Vm, i: usize, j: usize| -> PyResult<bool> {
        if let Some(r) = quick_tuple_lt(vm, &keys[i], &keys[j]) {
            return Ok(r);
        }
        let r = vm.richcmp(&keys[i], &keys[j], CmpOp::Lt)?;
        vm.truthy(&r)
    };
    merge_sort(vm, order, &mut lt)
}

/// `a < b` for two exact tuples whose items up to the first difference
/// are small ints, exact strs or non-NaN floats (of one kind per pair), or
/// identical objects: the answer `richcmp` would give, without calling
/// out (these comparisons run no Python code). None otherwise.
fn quick_tuple_lt(vm: &Vm, a: &Value, b: &Value) -> Option<bool> {
    if !vm.is_exact(a, &vm.t.tuple) || !vm.is_exact(b, &vm.t.tuple) {
        return None;
    }
    let (ta, tb) = (a.downcast::<Tuple>()?, b.downcast::<Tuple>()?);
    for (x, y) in ta.items.iter().zip(tb.items.iter()) {
        // Identical items are equal (as in the tuple comparison's `==`).
        if x.is(y) {
            continue;
        }
        let ord = if let (Some(p), Some(q)) = (x.as_small_int(), y.as_small_int()) {
            p.cmp(&q)
        } else if let (Some(p), Some(q)) = (x.as_inline_float(), y.as_inline_float()) {
            p.partial_cmp(&q)?
        } else if vm.is_exact(x, &vm.t.str) && vm.is_exact(y, &vm.t.str) {
            let (p, q) = (x.downcast::<Str>()?, y.downcast::<Str>()?);
            p.as_str().cmp(q.as_str())
        } else {
            return None;
        };
        if ord != std::cmp::Ordering::Equal {
            return Some(ord == std::cmp::Ordering::Less);
        }
    }
    Some(ta.items.len() < tb.items.len())
}

const RUN: usize = 16;

/// A stable merge sort with a fallible `lt` (binary insertion for short runs).
fn merge_sort(
    vm: &mut Vm,
    a: &mut Vec<usize>,
    lt: &mut dyn FnMut(&mut Vm, usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    let n = a.len();
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            if !lt(vm, x, a[i - 1])? {
                continue;
            }
            let (mut lo, mut hi) = (start, i - 1);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if lt(vm, x, a[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            a[lo..=i].rotate_right(1);
        }
        start = end;
    }
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid >= hi || !lt(vm, a[mid], a[mid - 1])? {
                buf[lo..hi].copy_from_slice(&a[lo..hi]);
            } else {
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    if lt(vm, a[j], a[i])? {
                        buf[k] = a[j];
                        j += 1;
                    } else {
                        buf[k] = a[i];
                        i += 1;
                    }
                    k += 1;
                }
                let rest = if i < mid { &a[i..mid] } else { &a[j..hi] };
                buf[k..k + rest.len()].copy_from_slice(rest);
            }
            lo = hi;
        }
        std::mem::swap(a, &mut buf);
        width *= 2;
    }
    Ok(())
}

// ----- subscripts ---------------------------------------------------------------------------

/// `l[key]` on the list payload.
pub fn list_getitem(vm: &mut Vm, l: &Value, key: &Value) -> PyResult {
    let list = items_of(l);
    if let Some(s) = slice_of(key) {
        let (start, _, step, n) = vm.slice_indices(s, list.len())?;
        let items = list.items.borrow();
        let out: Vec<Value> = slice_positions(start, step, n)
            .filter_map(|i| items.get(i).cloned())
            .collect();
        drop(items);
        return Ok(vm.new_list(out));
    }
    let i = seq_index(vm, key, list.len(), "list", "list index out of range")?;
    list.get(i)
        .ok_or_else(|| vm.index_error("list index out of range"))
}

/// `l[key] = v` on the list payload.
pub fn list_setitem(vm: &mut Vm, l: &Value, key: &Value, v: Value) -> PyResult<()> {
    if let Some(s) = slice_of(key) {
        return list_set_slice(vm, l, s, &v);
    }
    let list = items_of(l);
    let i = seq_index(
        vm,
        key,
        list.len(),
        "list",
        "list assignment index out of range",
    )?;
    let old = {
        let mut items = list.items.borrow_mut();
        match items.get_mut(i) {
            Some(slot) => std::mem::replace(slot, v),
            None => return Err(vm.index_error("list assignment index out of range")),
        }
    };
    drop(old);
    Ok(())
}

/// `del l[key]` on the list payload.
pub fn list_delitem(vm: &mut Vm, l: &Value, key: &Value) -> PyResult<()> {
    let list = items_of(l);
    if let Some(s) = slice_of(key) {
        let (start, _, step, n) = vm.slice_indices(s, list.len())?;
        let mut drop_mask = vec![false; list.len()];
        for i in slice_positions(start, step, n) {
            if let Some(m) = drop_mask.get_mut(i) {
                *m = true;
            }
        }
        let removed: Vec<Value> = {
            let mut items = list.items.borrow_mut();
            let all = take_all(&mut items);
            let mut removed = Vec::with_capacity(n);
            for (i, v) in all.into_iter().enumerate() {
                if drop_mask.get(i).copied().unwrap_or(false) {
                    removed.push(v);
                } else {
                    items.push(v);
                }
            }
            removed
        };
        drop(removed);
        return Ok(());
    }
    let i = seq_index(
        vm,
        key,
        list.len(),
        "list",
        "list assignment index out of range",
    )?;
    let old = {
        let mut items = list.items.borrow_mut();
        if i < items.len() {
            Some(items.remove(i))
        } else {
            None
        }
    };
    drop(old);
    Ok(())
}

/// The items an assigned slice receives (`PySequence_Fast`).
fn assigned_items(vm: &mut Vm, l: &Value, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    if v.is(l) {
        return Ok(items_of(l).snapshot());
    }
    if let Some(items) = crate::ops::seq_items(v) {
        return Ok(items);
    }
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => return Err(vm.type_error(msg)),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

/// `l[s] = v`: plain slices replace a range, extended slices need equal sizes.
pub fn list_set_slice(vm: &mut Vm, l: &Value, s: &Slice, v: &Value) -> PyResult<()> {
    let list = items_of(l);
    let (start, stop, step, n) = vm.slice_indices(s, list.len())?;
    if step == 1 {
        let new = assigned_items(vm, l, v, "can only assign an iterable")?;
        let removed: Vec<Value> = {
            let mut items = list.items.borrow_mut();
            let len = items.len();
            let lo = (start.max(0) as usize).min(len);
            let hi = (stop.max(0) as usize).clamp(lo, len);
            items.splice(lo..hi, new).collect()
        };
        drop(removed);
        return Ok(());
    }
    let new = assigned_items(vm, l, v, "must assign iterable to extended slice")?;
    if new.len() != n {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new.len(),
            n
        )));
    }
    let mut old = Vec::with_capacity(n);
    {
        let mut items = list.items.borrow_mut();
        for (i, x) in slice_positions(start, step, n).zip(new) {
            if let Some(slot) = items.get_mut(i) {
                old.push(std::mem::replace(slot, x));
            }
        }
    }
    drop(old);
    Ok(())
}

// ----- special methods -------------------------------------------------------------------

fn list_len(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__len__", 0)?;
    Ok(vm.new_int(items_of(&l).len() as i64))
}

fn list_getitem_m(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "__getitem__")?;
    let k = onearg(vm, &args, "list.__getitem__")?;
    list_getitem(vm, &l, &k)
}

fn list_setitem_m(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__setitem__", 2)?;
    list_setitem(vm, &l, &args.pos[1], args.pos[2].clone())?;
    Ok(Value::NONE)
}

fn list_delitem_m(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__delitem__", 1)?;
    list_delitem(vm, &l, &args.pos[1])?;
    Ok(Value::NONE)
}

fn list_contains(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__contains__", 1)?;
    let list = items_of(&l);
    let mut i = 0;
    while let Some(item) = list.get(i) {
        if vm.eq(&item, &args.pos[1])? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn list_iter(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__iter__", 0)?;
    let ty = vm.t.list_iterator.clone();
    Ok(vm.new_iter(IterKind::Seq, l, &ty))
}

fn list_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__reversed__", 0)?;
    // The items are read natively, as CPython's listreviter does (even for
    // a subclass that overrides `__getitem__`).
    let n = items_of(&l).len();
    let ty = vm.t.list_reverseiterator.clone();
    let it = vm.new_iter(IterKind::ListReversed, l, &ty);
    if let Some(i) = it.downcast::<crate::objects::iter::Iter>() {
        i.pos.set(n);
    }
    Ok(it)
}

fn list_add(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__add__", 1)?;
    let other = &args.pos[1];
    if other.kind() != Some(kinds::LIST) {
        // CPython raises here when called directly; NotImplemented lets the
        // operator protocol try the right operand's `__radd__` first.
        return Ok(vm.not_implemented.clone());
    }
    let mut v = items_of(&l).snapshot();
    v.extend(items_of(other).snapshot());
    Ok(vm.new_list(v))
}

fn list_iadd(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__iadd__", 1)?;
    let new = vm.iterate(&args.pos[1])?;
    items_of(&l).items.borrow_mut().extend(new);
    Ok(l)
}

/// The repeat count of `seq * n` called through a special method; None
/// when `n` has no `__index__` (NotImplemented, so that the operator
/// protocol can still try `n.__rmul__`).
pub(crate) fn repeat_count(vm: &mut Vm, n: &Value, len: usize) -> PyResult<Option<usize>> {
    let Some(i) = vm.index_opt(n)? else {
        return Ok(None);
    };
    let Some(i) = i.to_isize() else {
        if i.sign() == num_bigint::Sign::Minus {
            return Ok(Some(0));
        }
        return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
    };
    let i = i.max(0) as usize;
    if len == 0 {
        return Ok(Some(0));
    }
    if i > (1usize << 40) / len {
        return Err(vm.new_exception_msg(&vm.t.memory_error.clone(), ""));
    }
    Ok(Some(i))
}

/// `items` repeated `n` times; MemoryError when it cannot be allocated.
pub(crate) fn repeat_items(vm: &Vm, items: &[Value], n: usize) -> PyResult<Vec<Value>> {
    vm.check_alloc(
        items
            .len()
            .saturating_mul(n)
            .saturating_mul(std::mem::size_of::<Value>()),
    )?;
    let mut out = Vec::new();
    if out
        .try_reserve_exact(items.len().saturating_mul(n))
        .is_err()
    {
        return Err(vm.new_exception_msg(&vm.t.memory_error.clone(), ""));
    }
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    Ok(out)
}

fn list_mul(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__mul__", 1)?;
    let items = items_of(&l).snapshot();
    let Some(n) = repeat_count(vm, &args.pos[1], items.len())? else {
        return Ok(vm.not_implemented.clone());
    };
    let out = repeat_items(vm, &items, n)?;
    Ok(vm.new_list(out))
}

fn list_imul(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__imul__", 1)?;
    let list = items_of(&l);
    let Some(n) = repeat_count(vm, &args.pos[1], list.len())? else {
        return Ok(vm.not_implemented.clone());
    };
    let items = list.snapshot();
    let out = repeat_items(vm, &items, n)?;
    let old = if out.is_empty() {
        take_all(&mut list.items.borrow_mut())
    } else {
        std::mem::replace(&mut *list.items.borrow_mut(), out)
    };
    drop(old);
    Ok(l)
}

fn list_compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize];
    let l = dunder(vm, &args, &vm.t.list.clone(), name, 1)?;
    let other = &args.pos[1];
    if other.kind() != Some(kinds::LIST) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = (items_of(&l).snapshot(), items_of(other).snapshot());
    let r = vm.compare_sequences(&x, &y, op)?;
    Ok(cmp_result(vm, Some(r)))
}

fn list_repr(vm: &mut Vm, args: Args) -> PyResult {
    let l = dunder(vm, &args, &vm.t.list.clone(), "__repr__", 0)?;
    let s = crate::builtins::repr::native_repr(vm, &l)?;
    Ok(vm.new_string(s))
}

fn list_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let l = self_list(vm, &args, "__sizeof__")?;
    noargs(vm, &args, "list.__sizeof__")?;
    Ok(vm.new_int(crate::objects::size::real_size(&l) as i64))
}
