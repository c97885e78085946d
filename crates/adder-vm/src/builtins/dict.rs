//! `dict`: constructor, methods and special methods; the views live in
//! `dict/views.rs`.
//!
//! Invariant: every operation reaches the table through the Python-aware
//! `Vm::dict_get/dict_set/dict_pop` (which release the table while `__eq__`
//! runs) or through short primitive borrows that call no Python code; the
//! natives act on the payload, so a subclass's overrides of `__setitem__`
//! etc. are not consulted by `update`, `setdefault`... (as in CPython).

mod views;

use adder_bytecode::CmpOp;
use adder_object::Value;

use crate::builtins::seq::{
    add_compare, argrange, class_getitem, cmp_result, compare_natives, count_check, dunder, noargs,
    this,
};
use crate::kinds;
use crate::objects::dict::{Dict, Table};
use crate::objects::iter::{Iter, IterKind};
use crate::objects::misc::ViewKind;
use crate::ops::{is_heap_type, type_lookup};
use crate::vm::{Args, PyResult, Vm};

pub use views::{view_binop, view_compare, view_contains};

pub fn init(vm: &mut Vm) {
    let t = vm.t.dict.clone();
    vm.set_new(&t, dict_new);
    vm.add_method(&t, "__init__", dict_init);
    vm.add_classmethod(&t, "fromkeys", dict_fromkeys);
    vm.add_method(&t, "get", dict_get_m);
    vm.add_method(&t, "setdefault", dict_setdefault);
    vm.add_method(&t, "pop", dict_pop_m);
    vm.add_method(&t, "popitem", dict_popitem);
    vm.add_method(&t, "keys", |vm, a| dict_view(vm, a, ViewKind::Keys, "keys"));
    vm.add_method(&t, "values", |vm, a| {
        dict_view(vm, a, ViewKind::Values, "values")
    });
    vm.add_method(&t, "items", |vm, a| {
        dict_view(vm, a, ViewKind::Items, "items")
    });
    vm.add_method(&t, "update", dict_update);
    vm.add_method(&t, "clear", dict_clear);
    vm.add_method(&t, "copy", dict_copy_m);
    vm.add_method(&t, "__len__", dict_len);
    vm.add_method(&t, "__getitem__", dict_getitem);
    vm.add_method(&t, "__setitem__", dict_setitem);
    vm.add_method(&t, "__delitem__", dict_delitem);
    vm.add_method(&t, "__contains__", dict_contains);
    vm.add_method(&t, "__iter__", dict_iter);
    vm.add_method(&t, "__reversed__", dict_reversed);
    vm.add_method(&t, "__or__", dict_or);
    vm.add_method(&t, "__ror__", dict_ror);
    vm.add_method(&t, "__ior__", dict_ior);
    vm.add_method(&t, "__repr__", dict_repr);
    vm.add_method(&t, "__sizeof__", dict_sizeof);
    vm.add_classmethod(&t, "__class_getitem__", class_getitem);
    add_compare(vm, &t, compare_natives!(dict_compare));
    vm.add_attr(&t, "__hash__", Value::NONE);
    views::init(vm);
}

fn payload(d: &Value) -> &Dict {
    d.downcast::<Dict>().expect("dict payload")
}

fn self_dict(vm: &Vm, args: &Args, meth: &str) -> PyResult<Value> {
    this(vm, args, &vm.t.dict.clone(), meth)
}

/// A new exact dict with the same entries (no Python code runs: the
/// hashes are reused and the keys are known to be distinct).
pub(crate) fn dict_copy(vm: &Vm, d: &Value) -> Value {
    let src = payload(d).table.borrow();
    let mut t = Table::with_capacity(src.len());
    for e in src.iter() {
        t.insert_new(e.hash, e.key.clone(), e.value.clone());
    }
    drop(src);
    vm.alloc_builtin(
        &vm.t.dict,
        Dict {
            table: std::cell::RefCell::new(t),
        },
    )
}

// ----- construction and update ---------------------------------------------------------------

fn dict_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(vm.alloc_builtin(&cls, Dict::new()))
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "__init__")?;
    update_common(vm, &d, args, "dict")?;
    Ok(Value::NONE)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "update")?;
    update_common(vm, &d, args, "update")?;
    Ok(Value::NONE)
}

/// `dict(arg, **kw)` / `d.update(arg, **kw)`.
fn update_common(vm: &mut Vm, d: &Value, args: Args, name: &str) -> PyResult<()> {
    count_check(vm, name, args.pos.len() - 1, 0, 1)?;
    if let Some(src) = args.pos.get(1) {
        dict_update_from(vm, d, src)?;
    }
    for (k, v) in args.kw {
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

/// Whether `v` is a dict whose iteration is the builtin one (CPython then
/// merges the table directly, ignoring overridden `keys`/`__getitem__`).
fn is_plain_dict(vm: &mut Vm, v: &Value) -> bool {
    if v.kind() != Some(kinds::DICT) {
        return false;
    }
    let t = vm.type_of(v);
    if !is_heap_type(&t) {
        return true;
    }
    let n = vm.names.__iter__.clone();
    type_lookup(&t, &n).is_some_and(|f| f.kind() == Some(kinds::NATIVE))
}

/// `d.update(other)`: a dict, a mapping with `keys()`, or an iterable of pairs.
pub fn dict_update_from(vm: &mut Vm, d: &Value, other: &Value) -> PyResult<()> {
    if is_plain_dict(vm, other) {
        for (k, v) in payload(other).items() {
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    let keys_name = vm.intern("keys");
    if let Some(keys) = vm.getattr_opt(other, &keys_name)? {
        let ks = vm.call(&keys, vec![])?;
        let it = vm.iter(&ks)?;
        while let Some(k) = vm.next(&it)? {
            let v = vm.getitem(other, &k)?;
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    update_from_pairs(vm, d, other)
}

fn update_from_pairs(vm: &mut Vm, d: &Value, seq: &Value) -> PyResult<()> {
    let it = vm.iter(seq)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = match crate::ops::seq_items(&item) {
            Some(p) => p,
            None => {
                let inner = match vm.iter(&item) {
                    Ok(x) => x,
                    Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {
                        return Err(vm.type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )))
                    }
                    Err(e) => return Err(e),
                };
                let mut p = Vec::new();
                while let Some(x) = vm.next(&inner)? {
                    p.push(x);
                }
                p
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        let (k, v) = (
            pair.next().unwrap_or(Value::NONE),
            pair.next().unwrap_or(Value::NONE),
        );
        vm.dict_set(d, k, v)?;
        i += 1;
    }
    Ok(())
}

fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult {
    argrange(vm, &args, "dict.fromkeys", 1, 2)?;
    let cls = args.pos[0].clone();
    let value = args.pos.get(2).cloned().unwrap_or(Value::NONE);
    let d = vm.call(&cls, vec![])?;
    let exact = vm.type_of(&d).is(&vm.t.dict);
    let it = vm.iter(&args.pos[1])?;
    while let Some(k) = vm.next(&it)? {
        if exact {
            vm.dict_set(&d, k, value.clone())?;
        } else {
            vm.setitem(&d, k, value.clone())?;
        }
    }
    Ok(d)
}

// ----- methods ------------------------------------------------------------------------------

fn dict_get_m(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "get")?;
    argrange(vm, &args, "dict.get", 1, 2)?;
    match vm.dict_get(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => Ok(args.pos.get(2).cloned().unwrap_or(Value::NONE)),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "setdefault")?;
    argrange(vm, &args, "dict.setdefault", 1, 2)?;
    if let Some(v) = vm.dict_get(&d, &args.pos[1])? {
        return Ok(v);
    }
    let dflt = args.pos.get(2).cloned().unwrap_or(Value::NONE);
    vm.dict_set(&d, args.pos[1].clone(), dflt.clone())?;
    Ok(dflt)
}

fn dict_pop_m(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "pop")?;
    argrange(vm, &args, "dict.pop", 1, 2)?;
    match vm.dict_pop(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(vm.key_error(args.pos[1].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "popitem")?;
    noargs(vm, &args, "dict.popitem")?;
    let removed = {
        let mut t = payload(&d).table.borrow_mut();
        let last = (0..t.dense_len())
            .rev()
            .find(|&i| t.entry_at(i).is_some_and(|e| !e.key.is_null()));
        let removed = last.map(|i| t.remove_entry(i));
        t.trim_deleted_tail();
        removed
    };
    match removed {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => {
            let m = vm.new_str("popitem(): dictionary is empty");
            Err(vm.key_error(m))
        }
    }
}

fn dict_view(vm: &mut Vm, args: Args, kind: ViewKind, name: &str) -> PyResult {
    let d = self_dict(vm, &args, name)?;
    noargs(vm, &args, &format!("dict.{name}"))?;
    Ok(views::new_view(vm, &d, kind))
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "clear")?;
    noargs(vm, &args, "dict.clear")?;
    let old = payload(&d).table.borrow_mut().clear();
    drop(old);
    Ok(Value::NONE)
}

fn dict_copy_m(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "copy")?;
    noargs(vm, &args, "dict.copy")?;
    Ok(dict_copy(vm, &d))
}

// ----- special methods -------------------------------------------------------------------

fn dict_len(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__len__", 0)?;
    Ok(vm.new_int(payload(&d).len() as i64))
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__getitem__", 1)?;
    let key = &args.pos[1];
    if let Some(v) = vm.dict_get(&d, key)? {
        return Ok(v);
    }
    let t = vm.type_of(&d);
    if is_heap_type(&t) {
        let mn = vm.names.__missing__.clone();
        if let Some(f) = type_lookup(&t, &mn) {
            return vm.call_method_value(&f, &d, vec![key.clone()]);
        }
    }
    Err(vm.key_error(key.clone()))
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__setitem__", 2)?;
    vm.dict_set(&d, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__delitem__", 1)?;
    match vm.dict_pop(&d, &args.pos[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(args.pos[1].clone())),
    }
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__contains__", 1)?;
    Ok(Value::from_bool(vm.dict_get(&d, &args.pos[1])?.is_some()))
}

/// A key iterator over dict `d` that detects size changes.
pub(crate) fn dict_key_iter(vm: &Vm, d: &Value) -> Value {
    let ty = vm.t.dict_keyiterator.clone();
    let it = vm.new_iter(IterKind::DictKeys, d.clone(), &ty);
    if let Some(i) = it.downcast::<Iter>() {
        i.len.set(payload(d).len());
    }
    it
}

fn dict_iter(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__iter__", 0)?;
    Ok(dict_key_iter(vm, &d))
}

fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__reversed__", 0)?;
    views::reversed_iter(vm, &d, ViewKind::Keys)
}

fn dict_or(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__or__", 1)?;
    let other = &args.pos[1];
    if other.kind() != Some(kinds::DICT) {
        return Ok(vm.not_implemented.clone());
    }
    let new = dict_copy(vm, &d);
    dict_update_from(vm, &new, other)?;
    Ok(new)
}

fn dict_ror(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__ror__", 1)?;
    let other = &args.pos[1];
    if other.kind() != Some(kinds::DICT) {
        return Ok(vm.not_implemented.clone());
    }
    let new = dict_copy(vm, other);
    dict_update_from(vm, &new, &d)?;
    Ok(new)
}

fn dict_ior(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__ior__", 1)?;
    dict_update_from(vm, &d, &args.pos[1])?;
    Ok(d)
}

fn dict_repr(vm: &mut Vm, args: Args) -> PyResult {
    let d = dunder(vm, &args, &vm.t.dict.clone(), "__repr__", 0)?;
    let s = crate::builtins::repr::native_repr(vm, &d)?;
    Ok(vm.new_string(s))
}

fn dict_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let d = self_dict(vm, &args, "__sizeof__")?;
    noargs(vm, &args, "dict.__sizeof__")?;
    Ok(vm.new_int(crate::objects::size::real_size(&d) as i64))
}

fn dict_compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize];
    let d = dunder(vm, &args, &vm.t.dict.clone(), name, 1)?;
    let other = &args.pos[1];
    if other.kind() != Some(kinds::DICT) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let r = vm.native_compare(&d, other, op)?;
    Ok(cmp_result(vm, r))
}
