//! Class set-up for `_abc._abc_init`: the `__abstractmethods__` frozenset
//! (CPython 3.11: Modules/_abc.c `compute_abstract_methods`) and the
//! `__abc_tpflags__` collection flags used by `match`.
//!
//! Invariant: the attribute lookups here behave exactly like `getattr`
//! (AttributeError meaning "absent"); the fast paths only skip creating an
//! AttributeError when the generic lookup provably finds nothing, and never
//! run Python code a real `getattr` would not run.

use adder_object::Value;
use adder_vm::builtins::set::make_set;
use adder_vm::kinds;
use adder_vm::objects::dict::Dict;
use adder_vm::objects::misc::MappingProxy;
use adder_vm::objects::number::BigInt;
use adder_vm::objects::seq::{List, Tuple};
use adder_vm::objects::string::Str;
use adder_vm::objects::types::{tflags, TypeObject};
use adder_vm::ops::{dict_del_strkey, dict_get_strkey, type_lookup};
use adder_vm::{PyResult, Vm};

use super::AbcState;

/// CPython's `Py_TPFLAGS_SEQUENCE` / `Py_TPFLAGS_MAPPING` bits, as
/// `__abc_tpflags__` spells them.
const TP_SEQUENCE: i64 = 1 << 5;
const TP_MAPPING: i64 = 1 << 6;

/// Whether getattr on `v` (not a class) reaches only the generic lookup.
fn plain_getattr(vm: &Vm, t: &Value) -> bool {
    !vm.type_obj(t)
        .has_flag(tflags::HAS_GETATTR | tflags::HAS_GETATTRIBUTE)
}

/// `_PyObject_LookupAttr(obj, name)`: Ok(None) when absent.
fn lookup(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let t = vm.type_of(obj);
    if plain_getattr(vm, &t) {
        if obj.kind() == Some(kinds::TYPE) {
            // No metaclass attribute, no special type attribute and nothing
            // on the MRO: absent.
            let special = name
                .downcast::<Str>()
                .is_some_and(|s| s.as_str().starts_with("__"))
                && adder_vm::builtins::types::type_special_attr(vm, obj, name)?.is_some();
            if !special && type_lookup(&t, name).is_none() && type_lookup(obj, name).is_none() {
                return Ok(None);
            }
        } else if type_lookup(&t, name).is_none() {
            // No descriptor on the type: only the instance's own attributes.
            if let Some(v) = vm.instance_attr(obj, name) {
                return Ok(Some(v));
            }
            if !name.is(&vm.names.__dict__) && !name.is(&vm.names.__class__) {
                return Ok(None);
            }
        }
    }
    vm.getattr_opt(obj, name)
}

/// `_PyObject_IsAbstract`: the truth of `obj.__isabstractmethod__`.
fn is_abstract(vm: &mut Vm, obj: &Value, st_name: &Value) -> PyResult<bool> {
    match lookup(vm, obj, st_name)? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

/// The `(key, value)` pairs of a class namespace (`cls.__dict__.items()`).
fn namespace_items(vm: &mut Vm, cls: &Value) -> PyResult<Vec<(Value, Value)>> {
    if cls.kind() == Some(kinds::TYPE) {
        let meta = vm.type_of(cls);
        if plain_getattr(vm, &meta) {
            let d = vm.type_obj(cls).dict().clone();
            if let Some(d) = d.downcast::<Dict>() {
                return Ok(d.items());
            }
        }
    }
    let n = vm.names.__dict__.clone();
    let mut ns = vm.getattr(cls, &n)?;
    if let Some(p) = ns.downcast::<MappingProxy>() {
        ns = p.mapping.clone();
    }
    if let Some(d) = ns.downcast::<Dict>() {
        if vm.type_of(&ns).is(&vm.t.dict) {
            return Ok(d.items());
        }
    }
    let items = vm.call_method(&ns, "items", vec![])?;
    let items = match vm.iterate(&items) {
        Ok(v) => v,
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {
            return Err(vm.type_error(format!(
                "{}.items() returned a non-iterable (type {})",
                vm.type_name(&ns),
                vm.type_name(&items)
            )));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let pair = if let Some(t) = it.downcast::<Tuple>() {
            t.items.to_vec()
        } else if let Some(l) = it.downcast::<List>() {
            l.snapshot()
        } else {
            match vm.iterate(&it) {
                Ok(v) => v,
                Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {
                    return Err(vm.type_error("items() returned item which is not a 2-tuple"));
                }
                Err(e) => return Err(e),
            }
        };
        match <[Value; 2]>::try_from(pair) {
            Ok([k, v]) => out.push((k, v)),
            Err(_) => {
                return Err(vm.type_error("items() returned item which size is not 2"));
            }
        }
    }
    Ok(out)
}

/// Sets `cls.__abstractmethods__` to the names bound to abstract values in
/// the class namespace, plus the inherited abstract names `cls` still
/// resolves to abstract values.
pub fn compute_abstract_methods(vm: &mut Vm, cls: &Value, st: &AbcState) -> PyResult<()> {
    let isabs = st.n_isabstract.clone();
    let mut names: Vec<Value> = Vec::new();
    // Stage 1: direct abstract methods.
    for (key, value) in namespace_items(vm, cls)? {
        if is_abstract(vm, &value, &isabs)? {
            names.push(key);
        }
    }
    // Stage 2: inherited abstract methods.
    let bases = match cls.downcast::<TypeObject>() {
        Some(to) if plain_getattr(vm, &vm.type_of(cls)) => to.bases.borrow().clone(),
        _ => {
            let n = vm.intern("__bases__");
            vm.getattr(cls, &n)?
        }
    };
    let Some(bases) = bases.downcast::<Tuple>().map(|t| t.items.to_vec()) else {
        return Err(vm.type_error("__bases__ is not tuple"));
    };
    let n_abs = st.n_abstractmethods.clone();
    for base in bases {
        let Some(inherited) = lookup(vm, &base, &n_abs)? else {
            continue;
        };
        for key in vm.iterate(&inherited)? {
            let Some(k) = key.downcast::<Str>() else {
                return Err(vm.type_error(format!(
                    "attribute name must be string, not '{}'",
                    vm.type_name(&key)
                )));
            };
            let name = vm.intern(k.as_str());
            let Some(value) = vm.getattr_opt(cls, &name)? else {
                continue;
            };
            if is_abstract(vm, &value, &isabs)? {
                names.push(key);
            }
        }
    }
    let abstracts = make_set(vm, names, true)?;
    vm.setattr(cls, &n_abs, abstracts)
}

/// Applies and removes the class's own `__abc_tpflags__` (how
/// `collections.abc.Sequence`/`Mapping` mark themselves for `match`).
pub fn apply_tpflags(vm: &mut Vm, cls: &Value, name: &Value) -> PyResult<()> {
    let to = vm.type_obj(cls);
    let dict = to.dict().clone();
    let Some(flags) = dict_get_strkey(&dict, name) else {
        return Ok(());
    };
    let exact_int = flags.as_small_int().is_some() || flags.kind() == Some(kinds::BIGINT);
    if exact_int && vm.type_of(&flags).is(&vm.t.int) {
        let val = match flags.as_small_int() {
            Some(v) => v,
            None => match flags.downcast::<BigInt>().and_then(|b| b.to_i64()) {
                Some(v) => v,
                None => return Err(vm.overflow_error("Python int too large to convert to C long")),
            },
        };
        if val & (TP_SEQUENCE | TP_MAPPING) == TP_SEQUENCE | TP_MAPPING {
            return Err(vm.type_error(
                "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING",
            ));
        }
        let to = vm.type_obj(cls);
        let mut f = to.flags.get();
        if val & TP_SEQUENCE != 0 {
            f |= tflags::SEQUENCE;
        }
        if val & TP_MAPPING != 0 {
            f |= tflags::MAPPING;
        }
        to.flags.set(f);
    }
    dict_del_strkey(&dict, name);
    vm.type_obj(cls).dict_modified();
    Ok(())
}

/// Gives `child` and its subclasses the collection flag `flag` (MAPPING or
/// SEQUENCE) in place of the other one; builtin types and classes that
/// already have exactly `flag` are left alone (CPython's
/// `set_collection_flag_recursive`, with an explicit work list).
pub fn set_collection_flag_recursive(child: &Value, flag: u32) {
    let both = tflags::MAPPING | tflags::SEQUENCE;
    let mut work = vec![child.clone()];
    while let Some(t) = work.pop() {
        let Some(to) = t.downcast::<TypeObject>() else {
            continue;
        };
        let f = to.flags.get();
        if !to.has_flag(tflags::HEAPTYPE) || f & both == flag {
            continue;
        }
        to.flags.set((f & !both) | flag);
        let subs = to.subclasses.borrow().clone();
        for w in subs {
            if let Some(s) = w
                .downcast::<adder_object::weak::WeakRef>()
                .and_then(|r| r.get())
            {
                work.push(s);
            }
        }
    }
}
