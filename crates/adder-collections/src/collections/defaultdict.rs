//! `collections.defaultdict`: a `dict` subclass whose `__missing__` calls
//! `default_factory`. Instances have the dict layout plus one trailing
//! slot (index 0) holding the factory.
//!
//! Invariant: slot 0 of every defaultdict (or subclass) instance holds the
//! factory or NULL (read as None); everything else is the dict's.

use adder_object::Value;
use adder_vm::kinds;
use adder_vm::native;
use adder_vm::objects::dict::Dict;
use adder_vm::objects::types::tflags;
use adder_vm::ops::{dict_get_str, is_subtype};
use adder_vm::{Args, PyResult, Vm};

use adder_object::Payload;

use crate::args::{noargs, onearg};

pub fn init(vm: &mut Vm, m: &Value) {
    let dict_t = vm.t.dict.clone();
    let t = native::new_type(
        vm,
        "collections",
        "defaultdict",
        &dict_t,
        Dict::vtable(),
        kinds::DICT,
        tflags::BASETYPE | tflags::MAPPING,
    );
    vm.type_obj(&t).nslots.set(1);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__init__", dd_init),
        ("__missing__", dd_missing),
        ("__repr__", dd_repr),
        ("copy", dd_copy),
        ("__copy__", dd_copy),
        ("__reduce__", dd_reduce),
        ("__or__", dd_or),
        ("__ror__", dd_ror),
    ];
    for &(n, f) in methods {
        vm.add_method(&t, n, f);
    }
    vm.add_getset(&t, "default_factory", get_factory, Some(set_factory));
    native::module_set(vm, m, "defaultdict", t);
}

fn is_dd(vm: &mut Vm, v: &Value) -> bool {
    if v.kind() != Some(kinds::DICT) {
        return false;
    }
    match crate::module_type(vm, "_collections", "defaultdict") {
        Ok(t) => is_subtype(&vm.type_of(v), &t),
        Err(_) => false,
    }
}

fn this(vm: &mut Vm, args: &Args, meth: &str) -> PyResult<Value> {
    let Some(s) = args.pos.first().cloned() else {
        return Err(vm.type_error(format!(
            "descriptor '{meth}' of 'collections.defaultdict' object needs an argument"
        )));
    };
    if !is_dd(vm, &s) {
        return Err(vm.type_error(format!(
            "descriptor '{meth}' for 'collections.defaultdict' objects doesn't apply to a '{}' object",
            vm.type_name(&s)
        )));
    }
    Ok(s)
}

/// The factory (None when unset).
fn factory(d: &Value) -> Value {
    match d
        .header()
        .and_then(|h| h.trailing().first().map(|s| s.get()))
    {
        Some(f) if !f.is_null() => f,
        _ => Value::NONE,
    }
}

fn get_factory(vm: &mut Vm, d: &Value) -> PyResult {
    if !is_dd(vm, d) {
        return Err(vm.type_error("descriptor 'default_factory' doesn't apply"));
    }
    Ok(factory(d))
}

fn set_factory(vm: &mut Vm, d: &Value, v: Value) -> PyResult<()> {
    if !is_dd(vm, d) {
        return Err(vm.type_error("descriptor 'default_factory' doesn't apply"));
    }
    if let Some(slot) = d.header().and_then(|h| h.trailing().first()) {
        slot.set(v);
    }
    Ok(())
}

/// Calls a method of `dict` itself on `d` (the base behaviour).
fn dict_method(vm: &mut Vm, name: &str, args: Args) -> PyResult {
    let dict_t = vm.t.dict.clone();
    let f = dict_get_str(vm.type_obj(&dict_t).dict(), name)
        .ok_or_else(|| vm.system_error(format!("dict.{name} is missing")))?;
    vm.call_args(&f, args)
}

fn dd_init(vm: &mut Vm, mut args: Args) -> PyResult {
    let d = this(vm, &args, "__init__")?;
    let mut rest = args.pos.drain(1..).collect::<Vec<Value>>();
    let newdefault = if rest.is_empty() {
        Value::NONE
    } else {
        let f = rest.remove(0);
        if !f.is_none() && !callable(vm, &f) {
            return Err(vm.type_error("first argument must be callable or None"));
        }
        f
    };
    set_factory(vm, &d, newdefault)?;
    let mut pos = vec![d];
    pos.extend(rest);
    dict_method(
        vm,
        "__init__",
        Args {
            pos: pos.into(),
            kw: args.kw,
        },
    )
}

fn callable(vm: &mut Vm, f: &Value) -> bool {
    if matches!(
        f.kind(),
        Some(kinds::FUNCTION) | Some(kinds::NATIVE) | Some(kinds::METHOD) | Some(kinds::TYPE)
    ) {
        return true;
    }
    let t = vm.type_of(f);
    let n = vm.intern("__call__");
    adder_vm::ops::type_lookup(&t, &n).is_some()
}

fn dd_missing(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.pos.len().saturating_sub(1);
    if n != 1 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "defaultdict.__missing__() takes exactly one argument ({n} given)"
        )));
    }
    let d = this(vm, &args, "__missing__")?;
    let key = args.pos[1].clone();
    let f = factory(&d);
    if f.is_none() {
        return Err(vm.key_error(key));
    }
    let value = vm.call(&f, vec![])?;
    vm.setitem(&d, key, value.clone())?;
    Ok(value)
}

fn dd_repr(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__repr__")?;
    let d = this(vm, &args, "__repr__")?;
    let base = dict_method(vm, "__repr__", Args::new(vec![d.clone()]))?;
    let base = crate::args::as_str(&base).unwrap_or("").to_string();
    let f = factory(&d);
    let defrepr = if f.is_none() {
        "None".to_string()
    } else if vm.repr_stack.contains(&f.bits()) {
        "...".to_string()
    } else {
        vm.repr_stack.push(f.bits());
        let r = vm.repr_string(&f);
        vm.repr_stack.pop();
        r?
    };
    let name = crate::short_type_name(vm, &d);
    Ok(vm.new_string(format!("{name}({defrepr}, {base})")))
}

/// `type(d)(d.default_factory, arg)`.
fn new_like(vm: &mut Vm, d: &Value, arg: &Value) -> PyResult {
    let t = vm.type_of(d);
    let f = factory(d);
    vm.call(&t, vec![f, arg.clone()])
}

fn dd_copy(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "copy")?;
    let d = this(vm, &args, "copy")?;
    new_like(vm, &d, &d)
}

fn dd_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let d = this(vm, &args, "__reduce__")?;
    let f = factory(&d);
    let a = if f.is_none() {
        vm.empty_tuple.clone()
    } else {
        vm.new_tuple(vec![f])
    };
    let items = vm.call_method(&d, "items", vec![])?;
    let it = vm.iter(&items)?;
    let t = vm.type_of(&d);
    Ok(vm.new_tuple(vec![t, a, Value::NONE, Value::NONE, it]))
}

fn or_common(vm: &mut Vm, left: &Value, right: &Value, self_left: bool) -> PyResult {
    let (me, other) = if self_left {
        (left, right)
    } else {
        (right, left)
    };
    if other.kind() != Some(kinds::DICT) {
        return Ok(vm.not_implemented.clone());
    }
    let new = new_like(vm, me, left)?;
    dict_method(vm, "update", Args::new(vec![new.clone(), right.clone()]))?;
    Ok(new)
}

fn dd_or(vm: &mut Vm, args: Args) -> PyResult {
    let other = onearg(vm, &args, "__or__")?;
    let d = this(vm, &args, "__or__")?;
    or_common(vm, &d, &other, true)
}

fn dd_ror(vm: &mut Vm, args: Args) -> PyResult {
    let other = onearg(vm, &args, "__ror__")?;
    let d = this(vm, &args, "__ror__")?;
    or_common(vm, &other, &d, false)
}
