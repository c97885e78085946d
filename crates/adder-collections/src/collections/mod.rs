//! The `_collections` module: `deque` (with its iterators), `defaultdict`,
//! `_count_elements` (the core of `Counter`) and `_tuplegetter` (the field
//! descriptor of `namedtuple`).
//!
//! Invariant: see each submodule; this file only assembles the module and
//! holds the two small helpers.

mod defaultdict;
pub mod deque;
mod deque_seq;

use std::cell::Cell;

use adder_bytecode::BinOp;
use adder_object::{payload, Payload, Trace, Value, ValueCell};
use adder_vm::native;
use adder_vm::objects::seq::Tuple;
use adder_vm::ops::{dict_get_str, type_lookup};
use adder_vm::{Args, PyResult, Vm};

use crate::args::{check_pos, no_kw, noargs};
use crate::kind;

/// Fills the `_collections` module.
pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let doc = vm.new_str("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n");
    native::module_set(vm, m, "__doc__", doc);
    deque::init(vm, m);
    defaultdict::init(vm, m);
    native::module_add_fns(vm, m, &[("_count_elements", count_elements)]);
    let obj = vm.t.object.clone();
    let t = native::new_type(
        vm,
        "_collections",
        "_tuplegetter",
        &obj,
        TupleGetter::vtable(),
        kind::TUPLEGETTER,
        0,
    );
    vm.set_new(&t, tuplegetter_new);
    vm.add_method(&t, "__get__", tuplegetter_get);
    vm.add_method(&t, "__set__", tuplegetter_set);
    vm.add_method(&t, "__delete__", tuplegetter_delete);
    vm.add_method(&t, "__reduce__", tuplegetter_reduce);
    vm.add_getset(&t, "__doc__", tuplegetter_doc, Some(tuplegetter_set_doc));
    native::module_set(vm, m, "_tuplegetter", t);
    Ok(())
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`
/// for each item (natively when `mapping` uses dict's own get/setitem).
fn count_elements(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "_count_elements")?;
    check_pos(vm, "_count_elements", args.pos.len(), 2, 2)?;
    let mapping = args.pos[0].clone();
    let it = vm.iter(&args.pos[1])?;
    let t = vm.type_of(&mapping);
    let dict_t = vm.t.dict.clone();
    let (get_n, set_n) = (vm.intern("get"), vm.intern("__setitem__"));
    let plain = mapping.kind() == Some(adder_vm::kinds::DICT) && {
        let dget = dict_get_str(vm.type_obj(&dict_t).dict(), "get");
        let dset = dict_get_str(vm.type_obj(&dict_t).dict(), "__setitem__");
        let same = |a: Option<Value>, b: Option<Value>| match (a, b) {
            (Some(a), Some(b)) => a.is(&b),
            _ => false,
        };
        same(type_lookup(&t, &get_n), dget) && same(type_lookup(&t, &set_n), dset)
    };
    let one = vm.new_int(1);
    if plain {
        while let Some(key) = vm.next(&it)? {
            let new = match vm.dict_get(&mapping, &key)? {
                None => one.clone(),
                Some(old) => match old.as_small_int().and_then(|i| i.checked_add(1)) {
                    Some(s) => vm.new_int(s),
                    None => vm.binary_op(&old, &one, BinOp::Add, false)?,
                },
            };
            vm.dict_set(&mapping, key, new)?;
        }
        return Ok(Value::NONE);
    }
    let bound_get = vm.getattr(&mapping, &get_n)?;
    let zero = vm.new_int(0);
    while let Some(key) = vm.next(&it)? {
        let old = vm.call(&bound_get, vec![key.clone(), zero.clone()])?;
        let new = vm.binary_op(&old, &one, BinOp::Add, false)?;
        vm.setitem(&mapping, key, new)?;
    }
    Ok(Value::NONE)
}

// ----- _tuplegetter -------------------------------------------------------------------

#[derive(Trace)]
pub struct TupleGetter {
    pub index: Cell<usize>,
    pub doc: ValueCell,
}
payload!(TupleGetter, kind::TUPLEGETTER, "_tuplegetter");

fn tg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a TupleGetter> {
    v.downcast::<TupleGetter>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a '_collections._tuplegetter' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn tuplegetter_new(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "_tuplegetter")?;
    check_pos(vm, "_tuplegetter", args.pos.len().saturating_sub(1), 2, 2)?;
    let index = crate::args::ssize(vm, &args.pos[1])?;
    Ok(vm.alloc_builtin(
        &args.pos[0],
        TupleGetter {
            index: Cell::new(index.max(0) as usize),
            doc: ValueCell::new(args.pos[2].clone()),
        },
    ))
}

fn tuplegetter_get(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "__get__")?;
    check_pos(vm, "__get__", args.pos.len().saturating_sub(1), 1, 2)?;
    let g = tg(vm, &args.pos[0])?;
    let obj = &args.pos[1];
    if obj.is_none() {
        return Ok(args.pos[0].clone());
    }
    let index = g.index.get();
    let Some(t) = obj.downcast::<Tuple>() else {
        return Err(vm.type_error(format!(
            "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
            vm.type_name(obj)
        )));
    };
    match t.items.get(index) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

fn tuplegetter_set(vm: &mut Vm, args: Args) -> PyResult {
    tg(vm, args.pos.first().unwrap_or(&Value::NONE))?;
    Err(vm.new_exception_msg(&vm.t.attribute_error, "can't set attribute"))
}

fn tuplegetter_delete(vm: &mut Vm, args: Args) -> PyResult {
    tg(vm, args.pos.first().unwrap_or(&Value::NONE))?;
    Err(vm.new_exception_msg(&vm.t.attribute_error, "can't delete attribute"))
}

fn tuplegetter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let g = tg(vm, &args.pos[0])?;
    let i = vm.new_int(g.index.get() as i64);
    let d = g.doc.get();
    let t = vm.type_of(&args.pos[0]);
    let a = vm.new_tuple(vec![i, d]);
    Ok(vm.new_tuple(vec![t, a]))
}

fn tuplegetter_doc(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(tg(vm, v)?.doc.get())
}

fn tuplegetter_set_doc(vm: &mut Vm, v: &Value, doc: Value) -> PyResult<()> {
    tg(vm, v)?.doc.set(doc);
    Ok(())
}
