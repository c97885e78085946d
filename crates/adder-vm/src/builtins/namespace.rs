//! `types.SimpleNamespace` (the class of `sys.implementation`): keyword
//! construction, `namespace(a=1)` reprs, equality by attributes, pickling.
//!
//! Invariant: a namespace's state is exactly its instance `__dict__`.

use adder_object::Value;

use crate::ops::{check_args, dict_set_str};
use crate::vm::{Args, PyResult, Vm};

fn ns_init(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let me = args.pos[0].clone();
    for (k, v) in args.kw {
        if k.downcast::<crate::objects::string::Str>().is_none() {
            return Err(vm.type_error("keywords must be strings"));
        }
        vm.setattr(&me, &k, v)?;
    }
    Ok(Value::NONE)
}

fn ns_repr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__repr__", &args, 1, 1)?;
    let me = args.pos[0].clone();
    let t = vm.type_of(&me);
    let name = if t.is(&namespace_type(vm)?) {
        "namespace".to_string()
    } else {
        vm.type_obj(&t).name()
    };
    let id = me.bits();
    if vm.repr_stack.contains(&id) {
        return Ok(vm.new_string(format!("{name}(...)")));
    }
    vm.repr_stack.push(id);
    let r = (|| -> PyResult<String> {
        let mut parts = Vec::new();
        if let Some(d) = vm.object_dict(&me) {
            if let Some(dict) = d.downcast::<crate::objects::dict::Dict>() {
                for (k, v) in dict.items() {
                    let Some(ks) = k.downcast::<crate::objects::string::Str>() else {
                        continue;
                    };
                    let ks = ks.as_str().to_string();
                    parts.push(format!("{ks}={}", vm.repr_string(&v)?));
                }
            }
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    vm.repr_stack.pop();
    Ok(vm.new_string(r?))
}

fn ns_eq(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__eq__", &args, 2, 2)?;
    let nt = namespace_type(vm)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    let is_ns = |vm: &Vm, v: &Value| crate::ops::is_subtype(&vm.type_of(v), &nt);
    if !is_ns(vm, a) || !is_ns(vm, b) {
        return Ok(vm.not_implemented.clone());
    }
    let da = vm.object_dict(a).unwrap_or(Value::NONE);
    let db = vm.object_dict(b).unwrap_or(Value::NONE);
    let r = vm.eq(&da, &db)?;
    Ok(Value::from_bool(r))
}

fn ns_reduce(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__reduce__", &args, 1, 1)?;
    let me = &args.pos[0];
    let t = vm.type_of(me);
    let empty = vm.new_tuple(vec![]);
    let d = match vm.object_dict(me) {
        Some(d) => d,
        None => vm.new_dict(),
    };
    Ok(vm.new_tuple(vec![t, empty, d]))
}

fn namespace_type(vm: &mut Vm) -> PyResult {
    let sys = vm.sys_module.clone();
    let imp = vm.getattr_str(&sys, "implementation")?;
    Ok(vm.type_of(&imp))
}

/// Creates the `SimpleNamespace` class (module `types`, like CPython's).
pub fn make_type(vm: &mut Vm) -> Option<Value> {
    let d = vm.new_dict();
    let n = vm.new_str("types");
    dict_set_str(vm, &d, "__module__", n).ok()?;
    let doc = vm.new_str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)");
    dict_set_str(vm, &d, "__doc__", doc).ok()?;
    let obj = vm.t.object.clone();
    let tt = vm.t.type_.clone();
    let t = crate::builtins::types::new_class(vm, &tt, "SimpleNamespace", vec![obj], &d).ok()?;
    vm.add_method(&t, "__init__", ns_init);
    vm.add_method(&t, "__repr__", ns_repr);
    vm.add_method(&t, "__eq__", ns_eq);
    vm.add_method(&t, "__reduce__", ns_reduce);
    vm.add_attr(&t, "__hash__", Value::NONE);
    Some(t)
}
