//! `tuple`: constructor, `count`/`index` and special methods.
//!
//! Invariant: a tuple's items never change after construction, so natives
//! read them without copying; an exact `tuple()` of nothing is the
//! interpreter's one empty tuple, and `tuple(t)` of an exact tuple is `t`.

use adder_bytecode::CmpOp;
use adder_object::Value;

use super::{
    add_compare, argrange, class_getitem, cmp_result, compare_natives, dunder, onearg,
    search_bounds, seq_index, slice_of, slice_positions, this,
};
use crate::kinds;
use crate::objects::iter::IterKind;
use crate::objects::seq::Tuple;
use crate::vm::{Args, PyResult, Vm};

pub(super) fn init(vm: &mut Vm) {
    let t = vm.t.tuple.clone();
    vm.set_new(&t, tuple_new);
    vm.add_method(&t, "count", tuple_count);
    vm.add_method(&t, "index", tuple_index);
    vm.add_method(&t, "__len__", tuple_len);
    vm.add_method(&t, "__getitem__", tuple_getitem_m);
    vm.add_method(&t, "__contains__", tuple_contains);
    vm.add_method(&t, "__iter__", tuple_iter);
    vm.add_method(&t, "__add__", tuple_add);
    vm.add_method(&t, "__mul__", tuple_mul);
    vm.add_method(&t, "__rmul__", tuple_mul);
    vm.add_method(&t, "__hash__", tuple_hash);
    vm.add_method(&t, "__repr__", tuple_repr);
    vm.add_method(&t, "__getnewargs__", tuple_getnewargs);
    vm.add_classmethod(&t, "__class_getitem__", class_getitem);
    add_compare(vm, &t, compare_natives!(tuple_compare));
}

fn items(v: &Value) -> &[Value] {
    &v.downcast::<Tuple>().expect("tuple payload").items
}

fn self_tuple(vm: &Vm, args: &Args, meth: &str) -> PyResult<Value> {
    this(vm, args, &vm.t.tuple.clone(), meth)
}

fn tuple_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let exact = cls.is(&vm.t.tuple);
    if !args.kw.is_empty() {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    super::count_check(vm, "tuple", args.pos.len() - 1, 0, 1)?;
    let src = args.pos.get(1);
    if exact {
        if let Some(s) = src {
            if vm.type_of(s).is(&vm.t.tuple) {
                return Ok(s.clone());
            }
        }
    }
    let v = match src {
        Some(s) => vm.iterate(s)?,
        None => Vec::new(),
    };
    if exact {
        return Ok(vm.new_tuple(v));
    }
    Ok(vm.alloc_builtin(
        &cls,
        Tuple {
            items: v.into_boxed_slice(),
        },
    ))
}

fn tuple_count(vm: &mut Vm, args: Args) -> PyResult {
    let t = self_tuple(vm, &args, "count")?;
    let x = onearg(vm, &args, "tuple.count")?;
    let mut n = 0;
    for item in items(&t) {
        if vm.eq(item, &x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult {
    let t = self_tuple(vm, &args, "index")?;
    argrange(vm, &args, "tuple.index", 1, 3)?;
    let its = items(&t);
    let (start, stop) = search_bounds(vm, &args, 2, its.len())?;
    for (i, item) in its.iter().enumerate().take(stop).skip(start) {
        if vm.eq(item, &args.pos[1])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_len(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__len__", 0)?;
    Ok(vm.new_int(items(&t).len() as i64))
}

/// `t[key]` on the tuple payload.
pub fn tuple_getitem(vm: &mut Vm, t: &Value, key: &Value) -> PyResult {
    let its = items(t);
    if let Some(s) = slice_of(key) {
        let (start, _, step, n) = vm.slice_indices(s, its.len())?;
        if start == 0 && step == 1 && n == its.len() && vm.type_of(t).is(&vm.t.tuple) {
            return Ok(t.clone());
        }
        let out = slice_positions(start, step, n)
            .map(|i| its[i].clone())
            .collect();
        return Ok(vm.new_tuple(out));
    }
    let i = seq_index(vm, key, its.len(), "tuple", "tuple index out of range")?;
    Ok(its[i].clone())
}

fn tuple_getitem_m(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__getitem__", 1)?;
    tuple_getitem(vm, &t, &args.pos[1])
}

fn tuple_contains(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__contains__", 1)?;
    for item in items(&t) {
        if vm.eq(item, &args.pos[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn tuple_iter(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__iter__", 0)?;
    let ty = vm.t.tuple_iterator.clone();
    Ok(vm.new_iter(IterKind::Seq, t, &ty))
}

fn tuple_add(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__add__", 1)?;
    let other = &args.pos[1];
    if other.kind() != Some(kinds::TUPLE) {
        // NotImplemented (CPython raises on a direct call) so that the
        // operator protocol can try the right operand's `__radd__`.
        return Ok(vm.not_implemented.clone());
    }
    let mut v = items(&t).to_vec();
    v.extend(items(other).iter().cloned());
    Ok(vm.new_tuple(v))
}

fn tuple_mul(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__mul__", 1)?;
    let its = items(&t);
    let Some(n) = super::list::repeat_count(vm, &args.pos[1], its.len())? else {
        return Ok(vm.not_implemented.clone());
    };
    if n == 1 && vm.type_of(&t).is(&vm.t.tuple) {
        return Ok(t.clone());
    }
    let out = super::list::repeat_items(vm, its, n)?;
    Ok(vm.new_tuple(out))
}

fn tuple_hash(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__hash__", 0)?;
    let h = vm.hash_tuple(items(&t))?;
    Ok(vm.new_int(h))
}

fn tuple_repr(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__repr__", 0)?;
    let s = crate::builtins::repr::native_repr(vm, &t)?;
    Ok(vm.new_string(s))
}

fn tuple_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    let t = dunder(vm, &args, &vm.t.tuple.clone(), "__getnewargs__", 0)?;
    let copy = vm.new_tuple(items(&t).to_vec());
    Ok(vm.new_tuple(vec![copy]))
}

fn tuple_compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize];
    let t = dunder(vm, &args, &vm.t.tuple.clone(), name, 1)?;
    let other = &args.pos[1];
    if other.kind() != Some(kinds::TUPLE) {
        return Ok(vm.not_implemented.clone());
    }
    let r = vm.compare_sequences(items(&t), items(other), op)?;
    Ok(cmp_result(vm, Some(r)))
}
