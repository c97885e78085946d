//! Runtime support for `match`: class patterns (`__match_args__`, the
//! self-matching builtins), mapping and sequence tests, key lookup and
//! `**rest` copies.
//!
//! Invariant: these helpers only read the subject (via `get`/`getattr`),
//! never mutate it, as PEP 634 requires.

use adder_object::Value;

use crate::kinds;
use crate::objects::seq::Tuple;
use crate::objects::string::Str;
use crate::objects::types::tflags;
use crate::vm::{PyResult, Vm};

fn type_flag(vm: &Vm, v: &Value, f: u32) -> bool {
    let t = vm.type_of(v);
    let to = vm.type_obj(&t);
    if to.has_flag(f) {
        return true;
    }
    let mro = to.mro.borrow().clone();
    mro.iter().any(|c| vm.type_obj(c).has_flag(f))
}

pub fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    if v.kind() == Some(kinds::DICT) || type_flag(vm, v, tflags::MAPPING) {
        return true;
    }
    abc_registered(vm, v, "Mapping")
}

pub fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    match v.kind() {
        Some(kinds::STR) | Some(kinds::BYTES) | Some(kinds::BYTEARRAY) => return false,
        Some(kinds::LIST) | Some(kinds::TUPLE) | Some(kinds::RANGE) => return true,
        _ => {}
    }
    if type_flag(vm, v, tflags::SEQUENCE) {
        return true;
    }
    abc_registered(vm, v, "Sequence")
}

/// `isinstance(v, collections.abc.<name>)` when that module is loaded (it
/// supports registration of user classes).
fn abc_registered(vm: &mut Vm, v: &Value, name: &str) -> bool {
    let Some(m) = crate::ops::dict_get_str(&vm.modules, "collections.abc") else {
        return false;
    };
    let Ok(cls) = vm.getattr_str(&m, name) else {
        return false;
    };
    crate::builtins::functions::isinstance_impl(vm, v, &cls).unwrap_or(false)
}

pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult {
    let keys = keys
        .downcast::<Tuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default();
    if keys.is_empty() {
        return Ok(vm.empty_tuple.clone());
    }
    let get = vm.getattr_str(subject, "get")?;
    let dummy = vm.new_tuple(vec![vm.new_str("<dummy>")]);
    let mut out = Vec::with_capacity(keys.len());
    let mut seen: Vec<Value> = Vec::new();
    for k in keys {
        for s in &seen {
            if vm.eq(s, &k)? {
                let r = vm.repr_string(&k)?;
                return Err(vm.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
        }
        seen.push(k.clone());
        let v = vm.call(&get, vec![k, dummy.clone()])?;
        if v.is(&dummy) {
            return Ok(Value::NONE);
        }
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

pub fn copy_without_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult {
    let d = vm.new_dict();
    crate::builtins::dict::dict_update_from(vm, &d, subject)?;
    for k in keys
        .downcast::<Tuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default()
    {
        vm.dict_pop(&d, &k)?;
    }
    Ok(d)
}

/// Builtin classes whose single positional sub-pattern matches the subject itself.
fn self_matching(vm: &Vm, cls: &Value) -> bool {
    let t = &vm.t;
    [
        &t.bool_,
        &t.bytearray,
        &t.bytes,
        &t.dict,
        &t.float,
        &t.frozenset,
        &t.int,
        &t.list,
        &t.set,
        &t.str,
        &t.tuple,
    ]
    .iter()
    .any(|c| c.is(cls))
}

pub fn match_class(
    vm: &mut Vm,
    subject: &Value,
    cls: &Value,
    npos: usize,
    names: &Value,
) -> PyResult {
    if !vm.is_type(cls) {
        return Err(vm.type_error("called match pattern must be a class"));
    }
    if !crate::builtins::functions::isinstance_impl(vm, subject, cls)? {
        return Ok(Value::NONE);
    }
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if npos > 0 {
        let ma = vm.names.__match_args__.clone();
        match vm.getattr_opt(cls, &ma)? {
            Some(m) => {
                let Some(t) = m.downcast::<Tuple>() else {
                    return Err(vm.type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        vm.type_obj(cls).name(),
                        vm.type_name(&m)
                    )));
                };
                let items = t.items.to_vec();
                if npos > items.len() {
                    let n = vm.type_obj(cls).name();
                    return Err(vm.type_error(format!(
                        "{n}() accepts {} positional sub-pattern{} ({npos} given)",
                        items.len(),
                        if items.len() == 1 { "" } else { "s" }
                    )));
                }
                for name in items.iter().take(npos) {
                    let Some(s) = name.downcast::<Str>() else {
                        return Err(vm.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            vm.type_name(name)
                        )));
                    };
                    let s = s.as_str().to_string();
                    seen.push(s.clone());
                    let n = vm.intern(&s);
                    match vm.getattr_opt(subject, &n)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::NONE),
                    }
                }
            }
            None => {
                if self_matching(vm, cls) && npos == 1 {
                    out.push(subject.clone());
                } else {
                    let n = vm.type_obj(cls).name();
                    return Err(vm.type_error(format!(
                        "{n}() accepts 0 positional sub-patterns ({npos} given)"
                    )));
                }
            }
        }
    }
    for name in names
        .downcast::<Tuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default()
    {
        let s = name
            .downcast::<Str>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        if seen.contains(&s) {
            let n = vm.type_obj(cls).name();
            return Err(vm.type_error(format!(
                "{n}() got multiple sub-patterns for attribute '{s}'"
            )));
        }
        seen.push(s.clone());
        let n = vm.intern(&s);
        match vm.getattr_opt(subject, &n)? {
            Some(v) => out.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(vm.new_tuple(out))
}
