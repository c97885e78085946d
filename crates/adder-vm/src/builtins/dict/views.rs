//! `dict_keys`, `dict_values`, `dict_items`: the live views of a dict, and
//! the set operations and comparisons of the set-like ones (keys, items).
//!
//! Invariant: a view owns a strong reference to its dict and no state of
//! its own, so it always reflects the dict's current contents; iterators it
//! creates record the dict's size so that a size change during iteration is
//! detected.

use adder_bytecode::{BinOp, CmpOp};
use adder_object::Value;

use crate::builtins::seq::{add_compare, cmp_result, compare_natives, onearg, this};
use crate::builtins::set::make_set;
use crate::kinds;
use crate::objects::dict::Dict;
use crate::objects::iter::{Iter, IterKind};
use crate::objects::misc::{DictView, MappingProxy, ViewKind};
use crate::objects::seq::Tuple;
use crate::vm::{Args, PyResult, Vm};

pub(super) fn init(vm: &mut Vm) {
    for kind in [ViewKind::Keys, ViewKind::Values, ViewKind::Items] {
        let t = view_type(vm, kind);
        vm.add_method(&t, "__len__", view_len);
        vm.add_method(&t, "__iter__", view_iter);
        vm.add_method(&t, "__reversed__", view_reversed);
        vm.add_getset(&t, "mapping", view_mapping, None);
        if kind == ViewKind::Values {
            continue;
        }
        vm.add_method(&t, "__contains__", view_contains_m);
        vm.add_method(&t, "isdisjoint", view_isdisjoint);
        vm.add_method(&t, "__or__", |vm, a| view_binop_m(vm, a, BinOp::Or, false));
        vm.add_method(&t, "__ror__", |vm, a| view_binop_m(vm, a, BinOp::Or, true));
        vm.add_method(&t, "__and__", |vm, a| {
            view_binop_m(vm, a, BinOp::And, false)
        });
        vm.add_method(&t, "__rand__", |vm, a| {
            view_binop_m(vm, a, BinOp::And, true)
        });
        vm.add_method(&t, "__sub__", |vm, a| {
            view_binop_m(vm, a, BinOp::Sub, false)
        });
        vm.add_method(&t, "__rsub__", |vm, a| {
            view_binop_m(vm, a, BinOp::Sub, true)
        });
        vm.add_method(&t, "__xor__", |vm, a| {
            view_binop_m(vm, a, BinOp::Xor, false)
        });
        vm.add_method(&t, "__rxor__", |vm, a| {
            view_binop_m(vm, a, BinOp::Xor, true)
        });
        add_compare(vm, &t, compare_natives!(view_compare_m));
        vm.add_attr(&t, "__hash__", Value::NONE);
    }
    let v = vm.t.dict_values.clone();
    vm.add_method(&v, "__contains__", view_contains_m);
}

fn view_type(vm: &Vm, kind: ViewKind) -> Value {
    match kind {
        ViewKind::Keys => vm.t.dict_keys.clone(),
        ViewKind::Values => vm.t.dict_values.clone(),
        ViewKind::Items => vm.t.dict_items.clone(),
    }
}

pub(super) fn new_view(vm: &Vm, d: &Value, kind: ViewKind) -> Value {
    let ty = view_type(vm, kind);
    vm.alloc_builtin(
        &ty,
        DictView {
            dict: d.clone(),
            kind,
        },
    )
}

fn view_of(v: &Value) -> Option<&DictView> {
    v.downcast::<DictView>()
}

/// A keys or items view (the set-like ones).
fn is_setlike(v: &Value) -> bool {
    view_of(v).is_some_and(|dv| dv.kind != ViewKind::Values)
}

fn dict_of(dv: &DictView) -> &Dict {
    dv.dict.downcast::<Dict>().expect("view of a dict")
}

/// The receiver: any dict view (each view type registers its own natives,
/// but the check only needs the layout).
fn self_view(vm: &Vm, args: &Args, meth: &str) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{meth}' of 'dict_keys' object needs an argument"
        )));
    };
    if s.kind() != Some(kinds::DICTVIEW) {
        let t = vm.t.dict_keys.clone();
        return this(vm, args, &t, meth);
    }
    Ok(s.clone())
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult {
    let v = self_view(vm, &args, "__len__")?;
    let n = dict_of(view_of(&v).unwrap()).len();
    Ok(vm.new_int(n as i64))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult {
    let v = self_view(vm, &args, "__iter__")?;
    let dv = view_of(&v).unwrap();
    let (kind, ty) = match dv.kind {
        ViewKind::Keys => (IterKind::DictKeys, vm.t.dict_keyiterator.clone()),
        ViewKind::Values => (IterKind::DictValues, vm.t.dict_valueiterator.clone()),
        ViewKind::Items => (IterKind::DictItems, vm.t.dict_itemiterator.clone()),
    };
    let it = vm.new_iter(kind, dv.dict.clone(), &ty);
    if let Some(i) = it.downcast::<Iter>() {
        i.len.set(dict_of(dv).len());
    }
    Ok(it)
}

/// An iterator over `d`'s keys/values/items, last first, that detects a
/// change of the dict's size as the forward ones do.
pub(super) fn reversed_iter(vm: &mut Vm, d: &Value, kind: ViewKind) -> PyResult {
    let (kind, ty) = match kind {
        ViewKind::Keys => (IterKind::DictRevKeys, vm.t.dict_reversekeyiterator.clone()),
        ViewKind::Values => (
            IterKind::DictRevValues,
            vm.t.dict_reversevalueiterator.clone(),
        ),
        ViewKind::Items => (
            IterKind::DictRevItems,
            vm.t.dict_reverseitemiterator.clone(),
        ),
    };
    Ok(vm.new_iter(kind, d.clone(), &ty))
}

fn view_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let v = self_view(vm, &args, "__reversed__")?;
    let dv = view_of(&v).unwrap();
    let (d, kind) = (dv.dict.clone(), dv.kind);
    reversed_iter(vm, &d, kind)
}

fn view_mapping(vm: &mut Vm, v: &Value) -> PyResult {
    let d = view_of(v).map(|dv| dv.dict.clone()).unwrap_or(Value::NONE);
    Ok(vm.alloc_builtin(&vm.t.mappingproxy.clone(), MappingProxy { mapping: d }))
}

/// `item in view`.
pub fn view_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let Some(dv) = view_of(v) else {
        return Ok(false);
    };
    let d = dv.dict.clone();
    match dv.kind {
        ViewKind::Keys => Ok(vm.dict_get(&d, item)?.is_some()),
        ViewKind::Values => {
            for x in d
                .downcast::<Dict>()
                .expect("dict")
                .items()
                .into_iter()
                .map(|(_, v)| v)
            {
                if vm.eq(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        ViewKind::Items => {
            let Some(t) = item.downcast::<Tuple>() else {
                return Ok(false);
            };
            if t.items.len() != 2 {
                return Ok(false);
            }
            match vm.dict_get(&d, &t.items[0])? {
                Some(found) => vm.eq(&found, &t.items[1]),
                None => Ok(false),
            }
        }
    }
}

fn view_contains_m(vm: &mut Vm, args: Args) -> PyResult {
    let v = self_view(vm, &args, "__contains__")?;
    let x = onearg(vm, &args, "__contains__")?;
    Ok(Value::from_bool(view_contains(vm, &v, &x)?))
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let v = self_view(vm, &args, "isdisjoint")?;
    let other = onearg(vm, &args, "isdisjoint")?;
    if other.is(&v) {
        return Ok(Value::from_bool(dict_of(view_of(&v).unwrap()).is_empty()));
    }
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains(vm, &v, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

// ----- comparisons ---------------------------------------------------------------------------

fn reflected(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

fn size_of(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    vm.len(v)
}

/// Every element of `x` is in `y`.
fn all_contained_in(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<bool> {
    let it = vm.iter(x)?;
    while let Some(item) = vm.next(&it)? {
        if !vm.contains(y, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A set-like view `v` compared with `other`; None = NotImplemented.
fn setlike_compare(vm: &mut Vm, v: &Value, other: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    if other.kind() != Some(kinds::SET) && !is_setlike(other) {
        return Ok(None);
    }
    let (ls, lo) = (size_of(vm, v)?, size_of(vm, other)?);
    Ok(Some(match op {
        CmpOp::Eq => ls == lo && all_contained_in(vm, v, other)?,
        CmpOp::Ne => !(ls == lo && all_contained_in(vm, v, other)?),
        CmpOp::Lt => ls < lo && all_contained_in(vm, v, other)?,
        CmpOp::Le => ls <= lo && all_contained_in(vm, v, other)?,
        CmpOp::Gt => ls > lo && all_contained_in(vm, other, v)?,
        CmpOp::Ge => ls >= lo && all_contained_in(vm, other, v)?,
    }))
}

/// `a op b` where either operand is a dict view (forward, then reflected).
pub fn view_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    if is_setlike(a) {
        if let Some(r) = setlike_compare(vm, a, b, op)? {
            return Ok(Some(r));
        }
    }
    if is_setlike(b) {
        return setlike_compare(vm, b, a, reflected(op));
    }
    Ok(None)
}

fn view_compare_m(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize];
    let v = self_view(vm, &args, name)?;
    let other = onearg(vm, &args, name)?;
    let r = setlike_compare(vm, &v, &other, op)?;
    Ok(cmp_result(vm, r))
}

// ----- set operations -------------------------------------------------------------------------

/// `a op b` for `| & - ^` where a set-like view is involved; the result is
/// a new set. None = NotImplemented (no set-like view among the operands).
pub fn view_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if !is_setlike(a) && !is_setlike(b) {
        return Ok(None);
    }
    match op {
        BinOp::Or => {
            let items = vm.iterate(a)?;
            let r = make_set(vm, items, false)?;
            for x in vm.iterate(b)? {
                vm.set_add(&r, x)?;
            }
            Ok(Some(r))
        }
        BinOp::Sub => {
            let items = vm.iterate(a)?;
            let r = make_set(vm, items, false)?;
            for x in vm.iterate(b)? {
                vm.set_discard(&r, &x)?;
            }
            Ok(Some(r))
        }
        BinOp::Xor => {
            let items = vm.iterate(a)?;
            let r = make_set(vm, items, false)?;
            let others = vm.iterate(b)?;
            let others = make_set(vm, others, false)?;
            for x in crate::objects::set::Set::keys(others.downcast().expect("set")) {
                if !vm.set_discard(&r, &x)? {
                    vm.set_add(&r, x)?;
                }
            }
            Ok(Some(r))
        }
        BinOp::And => {
            let (view, other) = if is_setlike(a) { (a, b) } else { (b, a) };
            let r = make_set(vm, Vec::new(), false)?;
            let it = vm.iter(other)?;
            while let Some(x) = vm.next(&it)? {
                if view_contains(vm, view, &x)? {
                    vm.set_add(&r, x)?;
                }
            }
            Ok(Some(r))
        }
        _ => Ok(None),
    }
}

fn view_binop_m(vm: &mut Vm, args: Args, op: BinOp, rev: bool) -> PyResult {
    let v = self_view(vm, &args, "__or__")?;
    let other = args
        .pos
        .get(1)
        .cloned()
        .ok_or_else(|| vm.type_error("expected 1 argument, got 0"))?;
    let r = if rev {
        view_binop(vm, &other, &v, op)?
    } else {
        view_binop(vm, &v, &other, op)?
    };
    Ok(r.unwrap_or_else(|| vm.not_implemented.clone()))
}
