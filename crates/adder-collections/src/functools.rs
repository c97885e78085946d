//! The `_functools` module: `reduce`, `cmp_to_key` (its `KeyWrapper`
//! objects) and `partial`.
//!
//! Invariants: a `partial`'s `args` is always an exact tuple and its
//! `keywords` an exact dict; nesting an unmodified partial (no instance
//! attributes) flattens it, as CPython does; `KeyWrapper` comparisons call
//! the user's three-way function and compare its result with 0.

use adder_bytecode::CmpOp;
use adder_object::{payload, Payload, Trace, Value, ValueCell};
use adder_vm::kinds;
use adder_vm::native;
use adder_vm::objects::dict::Dict;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::types::tflags;
use adder_vm::ops::type_lookup;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{check_pos, no_kw, noargs, onearg, Clinic};
use crate::kind;

#[derive(Trace)]
pub struct Partial {
    #[trace(clear = "none")]
    pub func: ValueCell,
    /// An exact tuple.
    pub args: ValueCell,
    /// An exact dict.
    pub kw: ValueCell,
}
payload!(Partial, kind::PARTIAL, "partial");

#[derive(Trace)]
pub struct KeyWrapper {
    pub cmp: Value,
    /// NULL for the wrapper `cmp_to_key` returns (it is only called).
    pub obj: ValueCell,
}
payload!(KeyWrapper, kind::KEY_WRAPPER, "KeyWrapper");

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let doc = vm.new_str("Tools that operate on functions.");
    native::module_set(vm, m, "__doc__", doc);
    native::module_add_fns(vm, m, &[("reduce", reduce), ("cmp_to_key", cmp_to_key)]);
    let obj = vm.t.object.clone();
    let p = native::new_type(
        vm,
        "functools",
        "partial",
        &obj,
        Partial::vtable(),
        kind::PARTIAL,
        tflags::BASETYPE | tflags::DICT_SLOT,
    );
    vm.set_new(&p, partial_new);
    vm.add_method(&p, "__call__", partial_call);
    vm.add_method(&p, "__repr__", partial_repr);
    vm.add_method(&p, "__reduce__", partial_reduce);
    vm.add_method(&p, "__setstate__", partial_setstate);
    vm.add_getset(&p, "func", |vm, v| part_field(vm, v, 0), Some(readonly));
    vm.add_getset(&p, "args", |vm, v| part_field(vm, v, 1), Some(readonly));
    vm.add_getset(&p, "keywords", |vm, v| part_field(vm, v, 2), Some(readonly));
    vm.add_classmethod(&p, "__class_getitem__", crate::class_getitem);
    native::module_set(vm, m, "partial", p);
    let k = native::new_type(
        vm,
        "functools",
        "KeyWrapper",
        &obj,
        KeyWrapper::vtable(),
        kind::KEY_WRAPPER,
        0,
    );
    vm.add_method(&k, "__call__", key_call);
    for (name, f) in [
        ("__lt__", key_lt as adder_vm::vm::NativeFn),
        ("__le__", key_le),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
    ] {
        vm.add_method(&k, name, f);
    }
    vm.add_getset(&k, "obj", key_obj, Some(key_set_obj));
    vm.add_attr(&k, "__hash__", Value::NONE);
    native::module_set(vm, m, "KeyWrapper", k);
    crate::lru_cache::init(vm, m);
    Ok(())
}

fn readonly(vm: &mut Vm, _: &Value, _: Value) -> PyResult<()> {
    Err(vm.new_exception_msg(&vm.t.attribute_error, "readonly attribute"))
}

/// `callable(f)`.
pub fn callable(vm: &mut Vm, f: &Value) -> bool {
    if matches!(
        f.kind(),
        Some(kinds::FUNCTION) | Some(kinds::NATIVE) | Some(kinds::METHOD) | Some(kinds::TYPE)
    ) {
        return true;
    }
    let t = vm.type_of(f);
    let n = vm.intern("__call__");
    type_lookup(&t, &n).is_some()
}

// ----- reduce -----------------------------------------------------------------------

fn reduce(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "reduce")?;
    check_pos(vm, "reduce", args.pos.len(), 2, 3)?;
    let func = args.pos[0].clone();
    let it = match vm.iter(&args.pos[1]) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    let mut acc = args.pos.get(2).cloned();
    while let Some(x) = vm.next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(&func, vec![a, x])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

// ----- cmp_to_key -------------------------------------------------------------------

fn cmp_to_key(vm: &mut Vm, args: Args) -> PyResult {
    let a = Clinic {
        fname: "cmp_to_key",
        names: &["mycmp"],
        posonly: 0,
        minpos: 1,
        maxpos: 1,
    }
    .parse(vm, &args.pos, &args.kw)?;
    let cmp = a[0].clone().unwrap_or(Value::NONE);
    let t = crate::module_type(vm, "_functools", "KeyWrapper")?;
    Ok(vm.alloc_builtin(
        &t,
        KeyWrapper {
            cmp,
            obj: ValueCell::new(Value::NULL),
        },
    ))
}

fn key_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a KeyWrapper> {
    v.downcast::<KeyWrapper>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'functools.KeyWrapper' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn key_call(vm: &mut Vm, args: Args) -> PyResult {
    let Some(me) = args.pos.first() else {
        return Err(crate::args::needs_self(vm, "__call__"));
    };
    let k = key_this(vm, me)?;
    let cmp = k.cmp.clone();
    let a = Clinic {
        fname: "K",
        names: &["obj"],
        posonly: 0,
        minpos: 1,
        maxpos: 1,
    }
    .parse(vm, &args.pos[1..], &args.kw)?;
    let t = vm.type_of(&args.pos[0]);
    Ok(vm.alloc_builtin(
        &t,
        KeyWrapper {
            cmp,
            obj: ValueCell::new(a[0].clone().unwrap_or(Value::NONE)),
        },
    ))
}

fn key_cmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let other = onearg(vm, &args, "__lt__")?;
    let k = key_this(vm, &args.pos[0])?;
    let same_type = vm.type_of(&other).is(&vm.type_of(&args.pos[0]));
    let Some(o) = other.downcast::<KeyWrapper>().filter(|_| same_type) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (x, y) = (k.obj.get(), o.obj.get());
    if x.is_null() || y.is_null() {
        return Err(vm.new_exception_msg(&vm.t.attribute_error, "object"));
    }
    let cmp = k.cmp.clone();
    let r = vm.call(&cmp, vec![x, y])?;
    let zero = vm.new_int(0);
    vm.richcmp(&r, &zero, op)
}

fn key_lt(vm: &mut Vm, a: Args) -> PyResult {
    key_cmp(vm, a, CmpOp::Lt)
}
fn key_le(vm: &mut Vm, a: Args) -> PyResult {
    key_cmp(vm, a, CmpOp::Le)
}
fn key_eq(vm: &mut Vm, a: Args) -> PyResult {
    key_cmp(vm, a, CmpOp::Eq)
}
fn key_ne(vm: &mut Vm, a: Args) -> PyResult {
    key_cmp(vm, a, CmpOp::Ne)
}
fn key_gt(vm: &mut Vm, a: Args) -> PyResult {
    key_cmp(vm, a, CmpOp::Gt)
}
fn key_ge(vm: &mut Vm, a: Args) -> PyResult {
    key_cmp(vm, a, CmpOp::Ge)
}

fn key_obj(vm: &mut Vm, v: &Value) -> PyResult {
    let k = key_this(vm, v)?;
    let o = k.obj.get();
    if o.is_null() {
        return Err(vm.attribute_error(v, "obj"));
    }
    Ok(o)
}

fn key_set_obj(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    key_this(vm, v)?.obj.set(x);
    Ok(())
}

// ----- partial ----------------------------------------------------------------------

fn part<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Partial> {
    v.downcast::<Partial>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'functools.partial' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn part_field(vm: &mut Vm, v: &Value, i: usize) -> PyResult {
    let p = part(vm, v)?;
    Ok(match i {
        0 => p.func.get(),
        1 => p.args.get(),
        _ => p.kw.get(),
    })
}

/// The instance `__dict__` when it exists and has entries.
fn inst_dict(v: &Value) -> Option<Value> {
    let d = v.header()?.dict_slot()?.get();
    if d.is_null() || d.downcast::<Dict>().is_some_and(|d| d.is_empty()) {
        None
    } else {
        Some(d)
    }
}

fn partial_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    if args.pos.len() < 2 {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args.pos[1].clone();
    let mut pargs: Vec<Value> = Vec::new();
    let mut pkw: Vec<(Value, Value)> = Vec::new();
    if let Some(inner) = func.downcast::<Partial>() {
        let new_n = vm.intern("__new__");
        let ft = vm.type_of(&func);
        let own_new = type_lookup(&ft, &new_n);
        let mine = crate::module_type(vm, "_functools", "partial")?;
        let base_new = type_lookup(&mine, &new_n);
        let same_new = match (own_new, base_new) {
            (Some(a), Some(b)) => a.is(&b),
            _ => false,
        };
        if same_new && inst_dict(&func).is_none() {
            if let Some(t) = inner.args.get().downcast::<Tuple>() {
                pargs = t.items.to_vec();
            }
            if let Some(d) = inner.kw.get().downcast::<Dict>() {
                pkw = d.items();
            }
            func = inner.func.get();
        }
    }
    if !callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    pargs.extend(args.pos[2..].iter().cloned());
    let kw = vm.new_dict();
    for (k, v) in pkw.into_iter().chain(args.kw) {
        vm.dict_set(&kw, k, v)?;
    }
    let targs = vm.new_tuple(pargs);
    Ok(vm.alloc_builtin(
        &cls,
        Partial {
            func: ValueCell::new(func),
            args: ValueCell::new(targs),
            kw: ValueCell::new(kw),
        },
    ))
}

fn partial_call(vm: &mut Vm, args: Args) -> PyResult {
    let Some(me) = args.pos.first() else {
        return Err(crate::args::needs_self(vm, "__call__"));
    };
    let p = part(vm, me)?;
    let func = p.func.get();
    let mut pos: Vec<Value> = p
        .args
        .get()
        .downcast::<Tuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default();
    pos.extend(args.pos[1..].iter().cloned());
    let stored = p.kw.get();
    if let Some(d) = stored.downcast::<Dict>() {
        if d.keys().iter().any(|k| crate::args::as_str(k).is_none()) {
            return Err(vm.type_error("keywords must be strings"));
        }
    }
    let kw = match stored.downcast::<Dict>() {
        Some(d) if !d.is_empty() => {
            let mut kw = d.items();
            for (k, v) in args.kw {
                let name = crate::args::kw_name(&k);
                match kw
                    .iter_mut()
                    .find(|(k2, _)| crate::args::kw_name(k2) == name)
                {
                    Some(slot) => slot.1 = v,
                    None => kw.push((k, v)),
                }
            }
            kw
        }
        _ => args.kw,
    };
    vm.call_args(
        &func,
        Args {
            pos: pos.into(),
            kw,
        },
    )
}

fn partial_repr(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__repr__")?;
    let me = args.pos[0].clone();
    let p = part(vm, &me)?;
    if vm.repr_stack.contains(&me.bits()) {
        return Ok(vm.new_str("..."));
    }
    let (func, pargs, kw) = (p.func.get(), p.args.get(), p.kw.get());
    vm.repr_stack.push(me.bits());
    let r = (|| -> PyResult<String> {
        let mut s = vm.repr_string(&func)?;
        if let Some(t) = pargs.downcast::<Tuple>() {
            for a in t.items.iter() {
                s.push_str(", ");
                s.push_str(&vm.repr_string(a)?);
            }
        }
        if let Some(d) = kw.downcast::<Dict>() {
            for (k, v) in d.items() {
                s.push_str(", ");
                s.push_str(&vm.str_string(&k)?);
                s.push('=');
                s.push_str(&vm.repr_string(&v)?);
            }
        }
        Ok(s)
    })();
    vm.repr_stack.pop();
    let inner = r?;
    let name = vm.type_name(&me);
    Ok(vm.new_string(format!("{name}({inner})")))
}

fn partial_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let me = args.pos[0].clone();
    let p = part(vm, &me)?;
    let (func, pargs, kw) = (p.func.get(), p.args.get(), p.kw.get());
    let d = me
        .header()
        .and_then(|h| h.dict_slot())
        .map(|s| s.get())
        .filter(|d| !d.is_null())
        .unwrap_or(Value::NONE);
    let t = vm.type_of(&me);
    let a = vm.new_tuple(vec![func.clone()]);
    let s = vm.new_tuple(vec![func, pargs, kw, d]);
    Ok(vm.new_tuple(vec![t, a, s]))
}

fn partial_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let me = args.pos[0].clone();
    part(vm, &me)?;
    let invalid = |vm: &Vm| vm.type_error("invalid partial state");
    let items = match state.downcast::<Tuple>() {
        Some(t) if t.items.len() == 4 => t.items.to_vec(),
        _ => return Err(invalid(vm)),
    };
    let (func, fargs, kw, dict) = (&items[0], &items[1], &items[2], &items[3]);
    if !callable(vm, func)
        || fargs.downcast::<Tuple>().is_none()
        || (!kw.is_none() && kw.kind() != Some(kinds::DICT))
    {
        return Err(invalid(vm));
    }
    let fargs = if vm.type_of(fargs).is(&vm.t.tuple) {
        fargs.clone()
    } else {
        let items = vm.iterate(fargs)?;
        vm.new_tuple(items)
    };
    let kw = if kw.is_none() {
        vm.new_dict()
    } else if vm.type_of(kw).is(&vm.t.dict) {
        kw.clone()
    } else {
        let d = vm.new_dict();
        if let Some(src) = kw.downcast::<Dict>() {
            for (k, v) in src.items() {
                vm.dict_set(&d, k, v)?;
            }
        }
        d
    };
    let p = part(vm, &me)?;
    p.func.set(func.clone());
    p.args.set(fargs);
    p.kw.set(kw);
    if let Some(slot) = me.header().and_then(|h| h.dict_slot()) {
        slot.set(if dict.is_none() {
            Value::NULL
        } else {
            dict.clone()
        });
    }
    Ok(Value::NONE)
}
