//! `_weakref`: `ref`, `proxy`, `getweakrefcount`, `getweakrefs`,
//! `_remove_dead_weakref`, over the weak table of adder-object.
//!
//! Invariant: a weakref never keeps its referent alive; once the referent
//! dies, `ref()` is None and a proxy raises `ReferenceError`, and callbacks
//! run at the interpreter's next safe point (see `finalize`).

use adder_object::weak::{refs_of, register, WeakRef};
use adder_object::Value;

use crate::kinds;
use crate::native::{module_add_fns, module_set};
use crate::objects::types::{tflags, TypeObject};
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    module_add_fns(
        vm,
        m,
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("proxy", proxy),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    let r = vm.t.weakref.clone();
    module_set(vm, m, "ref", r.clone());
    module_set(vm, m, "ReferenceType", r);
    let p = vm.t.weakproxy.clone();
    module_set(vm, m, "ProxyType", p);
    let c = vm.t.weakcallableproxy.clone();
    module_set(vm, m, "CallableProxyType", c);
    Ok(())
}

/// Whether CPython lets `v` be weakly referenced. Instances of classes
/// need a `__weakref__` slot (classes with `__slots__` that omit it, and
/// subclasses of int/bytes/tuple, have none; nor does `object()`).
fn weakrefable(vm: &mut Vm, v: &Value) -> bool {
    let heap_with_slot = |vm: &mut Vm, v: &Value| {
        let t = vm.type_of(v);
        let wn = vm.intern("__weakref__");
        t.downcast::<TypeObject>()
            .is_some_and(|to| to.has_flag(tflags::HEAPTYPE))
            && crate::ops::type_lookup(&t, &wn).is_some()
    };
    match v.kind() {
        None => false,
        Some(kinds::INSTANCE) => heap_with_slot(vm, v),
        Some(
            kinds::TYPE
            | kinds::FUNCTION
            | kinds::SET
            | kinds::GENERATOR
            | kinds::METHOD
            | kinds::CODE
            | kinds::MODULE
            | kinds::PROPERTY
            | kinds::WEAKREF,
        ) => true,
        Some(k) if k >= kinds::IO_FIRST => true,
        Some(_) => heap_with_slot(vm, v),
    }
}

fn not_weakrefable(vm: &Vm, v: &Value) -> Value {
    vm.type_error(format!(
        "cannot create weak reference to '{}' object",
        vm.type_name(v)
    ))
}

pub(crate) fn new_weakref(vm: &mut Vm, cls: &Value, target: &Value, callback: Value) -> PyResult {
    if !weakrefable(vm, target) {
        return Err(not_weakrefable(vm, target));
    }
    let w = vm.alloc_builtin(cls, WeakRef::new(callback));
    if !register(target, &w) {
        return Err(not_weakrefable(vm, target));
    }
    Ok(w)
}

/// `ref.__new__(cls, ob, callback=None)`; a plain `ref(ob)` without a
/// callback is shared, as in CPython.
fn ref_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let name = vm.type_obj(&cls).name.borrow().clone();
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len() - 1;
    if !(1..=2).contains(&n) {
        return Err(vm.type_error(format!("{name} expected at most 2 arguments, got {n}")));
    }
    let target = args.pos[1].clone();
    let callback = args.pos.get(2).cloned().unwrap_or(Value::NONE);
    if callback.is_none() && cls.is(&vm.t.weakref) {
        for r in refs_of(&target) {
            let plain = vm.type_of(&r).is(&vm.t.weakref);
            let no_cb = r
                .downcast::<WeakRef>()
                .is_some_and(|w| w.callback().is_none());
            if plain && no_cb {
                return Ok(r);
            }
        }
    }
    new_weakref(vm, &cls, &target, callback)
}

fn ref_init(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}

fn wr<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a WeakRef> {
    v.downcast::<WeakRef>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'weakref' object"))
}

fn ref_call(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "weakref", &args, 1, 1)?;
    Ok(wr(vm, &args.pos[0])?.get().unwrap_or(Value::NONE))
}

fn ref_hash(vm: &mut Vm, args: Args) -> PyResult {
    let w = wr(vm, &args.pos[0])?;
    if let Some(h) = w.cached_hash() {
        return Ok(vm.new_int(h));
    }
    match w.get() {
        Some(t) => {
            let h = vm.hash(&t)?;
            w.cache_hash(h);
            Ok(vm.new_int(h))
        }
        None => Err(vm.type_error("weak object has gone away")),
    }
}

fn ref_richcmp(vm: &mut Vm, args: Args, eq: bool) -> PyResult {
    check_args(vm, "__eq__", &args, 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    let (Some(wa), Some(wb)) = (a.downcast::<WeakRef>(), b.downcast::<WeakRef>()) else {
        return Ok(vm.not_implemented.clone());
    };
    let proxy_t = vm.t.weakproxy.clone();
    if vm.type_of(b).is(&proxy_t) {
        return Ok(vm.not_implemented.clone());
    }
    let r = match (wa.get(), wb.get()) {
        (Some(x), Some(y)) => vm.eq(&x, &y)?,
        _ => a.is(b),
    };
    Ok(Value::from_bool(r == eq))
}

fn ref_eq(vm: &mut Vm, args: Args) -> PyResult {
    ref_richcmp(vm, args, true)
}

fn ref_ne(vm: &mut Vm, args: Args) -> PyResult {
    ref_richcmp(vm, args, false)
}

fn ref_repr(vm: &mut Vm, args: Args) -> PyResult {
    let me = &args.pos[0];
    let w = wr(vm, me)?;
    let addr = me.bits() & 0xFFFF_FFFF_FFFF;
    let s = match w.get() {
        None => format!("<weakref at {addr:#x}; dead>"),
        Some(t) => {
            let tn = vm.type_name(&t);
            let taddr = w.target_addr();
            match vm.getattr_str(&t, "__name__").ok().and_then(|n| {
                n.downcast::<crate::objects::string::Str>()
                    .map(|s| s.as_str().to_string())
            }) {
                Some(n) => format!("<weakref at {addr:#x}; to '{tn}' at {taddr:#x} ({n})>"),
                None => format!("<weakref at {addr:#x}; to '{tn}' at {taddr:#x}>"),
            }
        }
    };
    Ok(vm.new_string(s))
}

fn ref_callback(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(wr(vm, v)?.callback())
}

fn ref_class_getitem(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}

// ----- proxies ------------------------------------------------------------------

fn proxy(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "proxy", &args, 1, 2)?;
    let target = args.pos[0].clone();
    let callback = args.pos.get(1).cloned().unwrap_or(Value::NONE);
    let callable = vm.callable(&target);
    let cls = if callable {
        vm.t.weakcallableproxy.clone()
    } else {
        vm.t.weakproxy.clone()
    };
    if callback.is_none() {
        for r in refs_of(&target) {
            let same = vm.type_of(&r).is(&cls);
            let no_cb = r
                .downcast::<WeakRef>()
                .is_some_and(|w| w.callback().is_none());
            if same && no_cb {
                return Ok(r);
            }
        }
    }
    new_weakref(vm, &cls, &target, callback)
}

/// The live referent of a proxy, or `ReferenceError`.
fn referent(vm: &Vm, p: &Value) -> PyResult {
    wr(vm, p)?.get().ok_or_else(|| {
        vm.new_exception_msg(
            &vm.t.reference_error,
            "weakly-referenced object no longer exists",
        )
    })
}

fn proxy_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__getattribute__", &args, 2, 2)?;
    let t = referent(vm, &args.pos[0])?;
    vm.getattr(&t, &args.pos[1])
}

fn proxy_setattr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__setattr__", &args, 3, 3)?;
    let t = referent(vm, &args.pos[0])?;
    vm.setattr(&t, &args.pos[1], args.pos[2].clone())?;
    Ok(Value::NONE)
}

fn proxy_delattr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__delattr__", &args, 2, 2)?;
    let t = referent(vm, &args.pos[0])?;
    vm.delattr(&t, &args.pos[1])?;
    Ok(Value::NONE)
}

fn proxy_repr(vm: &mut Vm, args: Args) -> PyResult {
    let me = &args.pos[0];
    let addr = me.bits() & 0xFFFF_FFFF_FFFF;
    let w = wr(vm, me)?;
    let s = match w.get() {
        None => format!("<weakproxy at {addr:#x}; dead>"),
        Some(t) => format!(
            "<weakproxy at {addr:#x}; to '{}' at {:#x}>",
            vm.type_name(&t),
            w.target_addr()
        ),
    };
    Ok(vm.new_string(s))
}

fn proxy_hash(vm: &mut Vm, args: Args) -> PyResult {
    Err(vm.type_error(format!("unhashable type: '{}'", vm.type_name(&args.pos[0]))))
}

/// Forwards a special method to the referent: `proxy.__x__(*a)` is
/// `getattr(referent, '__x__')(*a)` with every proxy argument unwrapped.
macro_rules! forward {
    ($($fname:ident => $dunder:literal),* $(,)?) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult {
            let t = referent(vm, &args.pos[0])?;
            let mut rest = Vec::with_capacity(args.pos.len() - 1);
            for a in &args.pos[1..] {
                let is_proxy = a.kind() == Some(kinds::WEAKREF)
                    && !vm.type_of(a).is(&vm.t.weakref);
                rest.push(if is_proxy { referent(vm, a)? } else { a.clone() });
            }
            let f = vm.getattr_str(&t, $dunder)?;
            vm.call_args(&f, Args { pos: rest.into(), kw: args.kw })
        })*
        const FORWARDED: &[(&str, crate::vm::NativeFn)] = &[$(($dunder, $fname)),*];
    };
}

forward!(
    p_str => "__str__", p_bool => "__bool__",
    p_iter => "__iter__", p_next => "__next__", p_getitem => "__getitem__",
    p_setitem => "__setitem__", p_delitem => "__delitem__", p_contains => "__contains__",
    p_eq => "__eq__", p_ne => "__ne__", p_lt => "__lt__", p_le => "__le__",
    p_gt => "__gt__", p_ge => "__ge__", p_add => "__add__", p_sub => "__sub__",
    p_mul => "__mul__", p_truediv => "__truediv__", p_floordiv => "__floordiv__",
    p_mod => "__mod__", p_pow => "__pow__", p_neg => "__neg__", p_pos => "__pos__",
    p_abs => "__abs__", p_invert => "__invert__", p_index => "__index__",
    p_int => "__int__", p_float => "__float__", p_and => "__and__", p_or => "__or__",
    p_xor => "__xor__", p_lshift => "__lshift__", p_rshift => "__rshift__",
    p_iadd => "__iadd__", p_reversed => "__reversed__", p_bytes => "__bytes__",
);

/// `len(proxy)` is `len(referent)` (CPython's `proxy_length`: a referent
/// without a length raises TypeError, not AttributeError).
fn p_len(vm: &mut Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos[0])?;
    let n = vm.len(&t)?;
    Ok(vm.new_int(n as i64))
}

fn p_call(vm: &mut Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos[0])?;
    vm.call_args(
        &t,
        Args {
            pos: args.pos[1..].iter().cloned().collect(),
            kw: args.kw,
        },
    )
}

fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "getweakrefcount", &args, 1, 1)?;
    Ok(vm.new_int(refs_of(&args.pos[0]).len() as i64))
}

fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "getweakrefs", &args, 1, 1)?;
    let v = refs_of(&args.pos[0]);
    Ok(vm.new_list(v))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead
/// weakref.
fn remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "_remove_dead_weakref", &args, 2, 2)?;
    let (d, k) = (&args.pos[0], &args.pos[1]);
    if d.kind() != Some(kinds::DICT) {
        return Err(vm.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            vm.type_name(d)
        )));
    }
    if let Some(v) = vm.dict_get(d, k)? {
        if v.downcast::<WeakRef>().is_some_and(|w| !w.alive()) {
            vm.dict_pop(d, k)?;
        }
    }
    Ok(Value::NONE)
}

/// Registers the methods of the three weakref types (created at boot).
pub fn init_types(vm: &mut Vm) {
    for t in [
        vm.t.weakref.clone(),
        vm.t.weakproxy.clone(),
        vm.t.weakcallableproxy.clone(),
    ] {
        let m = vm.new_str("weakref");
        vm.add_attr(&t, "__module__", m);
    }
    let r = vm.t.weakref.clone();
    vm.set_new(&r, ref_new);
    vm.add_method(&r, "__init__", ref_init);
    vm.add_method(&r, "__call__", ref_call);
    vm.add_method(&r, "__hash__", ref_hash);
    vm.add_method(&r, "__eq__", ref_eq);
    vm.add_method(&r, "__ne__", ref_ne);
    vm.add_method(&r, "__repr__", ref_repr);
    vm.add_getset(&r, "__callback__", ref_callback, None);
    vm.add_classmethod(&r, "__class_getitem__", ref_class_getitem);
    // Hashing and comparison go through the methods above (not identity).
    let to = vm.type_obj(&r);
    to.flags.set(to.flags.get() | tflags::DUNDER_DISPATCH);
    for p in [vm.t.weakproxy.clone(), vm.t.weakcallableproxy.clone()] {
        vm.add_method(&p, "__getattribute__", proxy_getattribute);
        vm.add_method(&p, "__getattr__", proxy_getattribute);
        vm.add_method(&p, "__setattr__", proxy_setattr);
        vm.add_method(&p, "__delattr__", proxy_delattr);
        vm.add_method(&p, "__repr__", proxy_repr);
        vm.add_method(&p, "__hash__", proxy_hash);
        for &(name, f) in FORWARDED {
            vm.add_method(&p, name, f);
        }
        vm.add_method(&p, "__len__", p_len);
        let to = vm.type_obj(&p);
        to.flags.set(
            to.flags.get()
                | tflags::HAS_GETATTRIBUTE
                | tflags::HAS_SETATTR
                | tflags::DUNDER_DISPATCH,
        );
    }
    let c = vm.t.weakcallableproxy.clone();
    vm.add_method(&c, "__call__", p_call);
}
