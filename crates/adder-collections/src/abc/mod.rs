//! The `_abc` module: the native half of `abc.ABCMeta` (CPython 3.11:
//! Modules/_abc.c) — per-class state (`_abc_impl`, an `_abc._abc_data`),
//! abstract-method computation, virtual-subclass registration, and the
//! `isinstance`/`issubclass` checks with their positive and negative caches.
//!
//! Invariants: every class's `_abc_data` refers to the module's state object,
//! whose invalidation counter only grows (one step per successful
//! `register`); a negative cache is trusted only while its recorded version
//! equals the counter; the caches and the registry hold classes weakly (see
//! `weakset`) and no `RefCell` borrow of them is held across a call that can
//! run Python code (the registry is snapshotted before it is walked).

mod abstracts;
mod weakset;

use std::cell::{Cell, RefCell};

use adder_object::{payload, Payload, Trace, Value};
use adder_vm::builtins::functions::issubclass_impl;
use adder_vm::builtins::set::make_set;
use adder_vm::kinds;
use adder_vm::native::{self, module_get, module_set};
use adder_vm::objects::function::{Native, NativeKind};
use adder_vm::objects::seq::List;
use adder_vm::objects::types::{tflags, TypeObject};
use adder_vm::ops::dict_get_str;
use adder_vm::{Args, PyResult, Vm};

use crate::args::check_pos;
use crate::kind;
use weakset::WeakSet;

/// The private module attribute holding the state object.
const STATE_NAME: &str = "__adder_abc_state__";

/// Per-interpreter state of `_abc` (CPython's `_abcmodule_state`), plus the
/// interned names the checks look up.
#[derive(Trace)]
pub struct AbcState {
    /// `abc_invalidation_counter`: bumped by every registration.
    counter: Cell<u64>,
    data_type: Value,
    n_impl: Value,
    n_isabstract: Value,
    n_abstractmethods: Value,
    n_subclasshook: Value,
    n_subclasscheck: Value,
    n_subclasses: Value,
    n_tpflags: Value,
}
payload!(AbcState, kind::ABC_STATE, "_abc_state");

/// `_abc._abc_data`: the registry and caches of one ABC.
#[derive(Trace)]
pub struct AbcData {
    state: Value,
    registry: RefCell<WeakSet>,
    cache: RefCell<WeakSet>,
    negative: RefCell<WeakSet>,
    negative_version: Cell<u64>,
}
payload!(AbcData, kind::ABC_DATA, "_abc_data");

const DOC: &str = "Module contains faster C implementation of abc.ABCMeta";

type Fn = (&'static str, adder_vm::vm::NativeFn, &'static str);

const FUNCTIONS: &[Fn] = &[
    (
        "get_cache_token",
        get_cache_token,
        "Returns the current ABC cache token.\n\nThe token is an opaque object \
         (supporting equality testing) identifying the\ncurrent version of the \
         ABC cache for virtual subclasses. The token changes\nwith every call to \
         register() on any ABC.",
    ),
    (
        "_abc_init",
        abc_init,
        "Internal ABC helper for class set-up. Should be never used outside abc module.",
    ),
    (
        "_abc_register",
        abc_register,
        "Internal ABC helper for subclasss registration. Should be never used outside abc module.",
    ),
    (
        "_abc_instancecheck",
        abc_instancecheck,
        "Internal ABC helper for instance checks. Should be never used outside abc module.",
    ),
    (
        "_abc_subclasscheck",
        abc_subclasscheck,
        "Internal ABC helper for subclasss checks. Should be never used outside abc module.",
    ),
    (
        "_get_dump",
        get_dump,
        "Internal ABC helper for cache and registry debugging.\n\nReturn shallow \
         copies of registry, of both caches, and\nnegative cache version. Don't \
         call this function directly,\ninstead use ABC._dump_registry() for a nice repr.",
    ),
    (
        "_reset_registry",
        reset_registry,
        "Internal ABC helper to reset registry of a given class.\n\nShould be only \
         used by refleak.py",
    ),
    (
        "_reset_caches",
        reset_caches,
        "Internal ABC helper to reset both caches of a given class.\n\nShould be \
         only used by refleak.py",
    ),
];

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let obj = vm.t.object.clone();
    let data_t = native::new_type(
        vm,
        "_abc",
        "_abc_data",
        &obj,
        AbcData::vtable(),
        kind::ABC_DATA,
        0,
    );
    vm.set_new(&data_t, data_new);
    let doc = vm.new_str("Internal state held by ABC machinery.");
    vm.add_attr(&data_t, "__doc__", doc);
    let state_t = native::new_type(
        vm,
        "_abc",
        "_abc_state",
        &obj,
        AbcState::vtable(),
        kind::ABC_STATE,
        0,
    );
    let state = AbcState {
        counter: Cell::new(0),
        data_type: data_t,
        n_impl: vm.intern("_abc_impl"),
        n_isabstract: vm.intern("__isabstractmethod__"),
        n_abstractmethods: vm.intern("__abstractmethods__"),
        n_subclasshook: vm.intern("__subclasshook__"),
        n_subclasscheck: vm.intern("__subclasscheck__"),
        n_subclasses: vm.intern("__subclasses__"),
        n_tpflags: vm.intern("__abc_tpflags__"),
    };
    let state = vm.alloc_builtin(&state_t, state);
    module_set(vm, m, STATE_NAME, state);
    let doc = vm.new_str(DOC);
    module_set(vm, m, "__doc__", doc);
    for &(name, f, doc) in FUNCTIONS {
        let native = Native {
            name,
            f,
            self_: Value::NULL,
            kind: NativeKind::Function,
            owner: m.clone(),
            doc: Some(doc),
            // Module functions are called with the caller's frame pushed
            // (they run `__subclasshook__` and friends).
            needs_frame: true,
        };
        let n = vm.alloc_builtin(&vm.t.native, native);
        module_set(vm, m, name, n);
    }
    Ok(())
}

// ----- state ------------------------------------------------------------------

/// The state object of the `_abc` module (imported if needed).
fn module_state(vm: &mut Vm) -> PyResult<Value> {
    let m = match dict_get_str(&vm.modules, "_abc") {
        Some(m) if m.kind() == Some(kinds::MODULE) => m,
        _ => native::import(vm, "_abc")?,
    };
    if m.kind() == Some(kinds::MODULE) {
        if let Some(s) = module_get(&m, STATE_NAME) {
            if s.downcast::<AbcState>().is_some() {
                return Ok(s);
            }
        }
    }
    Err(vm.system_error("_abc state is missing"))
}

fn state_of(s: &Value) -> &AbcState {
    s.downcast::<AbcState>()
        .expect("module_state and AbcData hold AbcState objects")
}

fn new_data(vm: &Vm, cls: &Value, state: Value) -> Value {
    let version = state_of(&state).counter.get();
    vm.alloc_builtin(
        cls,
        AbcData {
            state,
            registry: RefCell::default(),
            cache: RefCell::default(),
            negative: RefCell::default(),
            negative_version: Cell::new(version),
        },
    )
}

/// `_abc_data.__new__(cls, *args, **kwargs)`: fresh, empty state.
fn data_new(vm: &mut Vm, args: Args) -> PyResult {
    let Some(cls) = args
        .pos
        .first()
        .cloned()
        .filter(|c| c.kind() == Some(kinds::TYPE))
    else {
        return Err(vm.type_error("_abc_data.__new__(X): X is not a type object"));
    };
    let state = module_state(vm)?;
    Ok(new_data(vm, &cls, state))
}

/// `_get_impl`: `cls._abc_impl`, which must be an `_abc_data`.
fn get_impl(vm: &mut Vm, cls: &Value, name: &Value) -> PyResult<Value> {
    let imp = vm.getattr(cls, name)?;
    if imp.downcast::<AbcData>().is_none() {
        return Err(vm.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(imp)
}

/// The `_abc_data` of class `cls`, found through any state object (the
/// interned attribute name is the same for every module instance).
fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let name = vm.intern("_abc_impl");
    get_impl(vm, cls, &name)
}

fn data(v: &Value) -> &AbcData {
    v.downcast::<AbcData>()
        .expect("get_impl returns _abc_data objects")
}

// ----- argument checking ----------------------------------------------------------

fn no_kw(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("_abc.{name}() takes no keyword arguments")))
    }
}

/// A `METH_O` module function.
fn one_arg(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    no_kw(vm, args, name)?;
    match args.pos.as_slice() {
        [v] => Ok(v.clone()),
        p => Err(vm.type_error(format!(
            "_abc.{name}() takes exactly one argument ({} given)",
            p.len()
        ))),
    }
}

/// An Argument Clinic function of two positional-only parameters.
fn two_args(vm: &Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("_abc.{name}() takes no keyword arguments")));
    }
    check_pos(vm, name, args.pos.len(), 2, 2)?;
    Ok((args.pos[0].clone(), args.pos[1].clone()))
}

// ----- the module functions --------------------------------------------------------

fn get_cache_token(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "get_cache_token")?;
    if !args.pos.is_empty() {
        return Err(vm.type_error(format!(
            "_abc.get_cache_token() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    let s = module_state(vm)?;
    let c = state_of(&s).counter.get();
    Ok(vm.new_bigint(num_bigint::BigInt::from(c)))
}

/// `_abc_init(cls)`: computes `__abstractmethods__`, creates `_abc_impl`,
/// and applies `__abc_tpflags__`.
fn abc_init(vm: &mut Vm, args: Args) -> PyResult {
    let cls = one_arg(vm, &args, "_abc_init")?;
    let s = module_state(vm)?;
    abstracts::compute_abstract_methods(vm, &cls, state_of(&s))?;
    let data_t = state_of(&s).data_type.clone();
    let d = new_data(vm, &data_t, s.clone());
    let n_impl = state_of(&s).n_impl.clone();
    vm.setattr(&cls, &n_impl, d)?;
    if cls.kind() == Some(kinds::TYPE) {
        abstracts::apply_tpflags(vm, &cls, &state_of(&s).n_tpflags.clone())?;
    }
    Ok(Value::NONE)
}

/// `_abc_register(cls, subclass)`.
fn abc_register(vm: &mut Vm, args: Args) -> PyResult {
    let (cls, sub) = two_args(vm, &args, "_abc_register")?;
    if !vm.is_type(&sub) {
        return Err(vm.type_error("Can only register classes"));
    }
    if issubclass_impl(vm, &sub, &cls)? {
        return Ok(sub); // Already a subclass.
    }
    // Checked after "already a subclass", so X.register(X) is a no-op.
    if issubclass_impl(vm, &cls, &sub)? {
        return Err(vm.runtime_error("Refusing to create an inheritance cycle"));
    }
    let imp = impl_of(vm, &cls)?;
    let d = data(&imp);
    if !d.registry.borrow_mut().add(vm, &sub) {
        return Err(not_weakrefable(vm, &sub));
    }
    let st = state_of(&d.state);
    st.counter.set(st.counter.get() + 1);
    if let Some(to) = cls.downcast::<TypeObject>() {
        let flag = to.flags.get() & (tflags::MAPPING | tflags::SEQUENCE);
        if flag != 0 {
            abstracts::set_collection_flag_recursive(&sub, flag);
        }
    }
    Ok(sub)
}

fn not_weakrefable(vm: &Vm, v: &Value) -> Value {
    vm.type_error(format!(
        "cannot create weak reference to '{}' object",
        vm.type_name(v)
    ))
}

/// `_abc_instancecheck(cls, instance)`.
fn abc_instancecheck(vm: &mut Vm, args: Args) -> PyResult {
    let (cls, instance) = two_args(vm, &args, "_abc_instancecheck")?;
    let imp = impl_of(vm, &cls)?;
    let d = data(&imp);
    let n_class = vm.names.__class__.clone();
    let subclass = vm.getattr(&instance, &n_class)?;
    if d.cache.borrow_mut().contains(&subclass) {
        return Ok(Value::TRUE);
    }
    let st = state_of(&d.state);
    let check = st.n_subclasscheck.clone();
    let subtype = vm.type_of(&instance);
    if subtype.is(&subclass) {
        if d.negative_version.get() == st.counter.get()
            && d.negative.borrow_mut().contains(&subclass)
        {
            return Ok(Value::FALSE);
        }
        // Fall back to the subclass check.
        return call_method1(vm, &cls, &check, subclass);
    }
    let r = call_method1(vm, &cls, &check, subclass)?;
    if vm.truthy(&r)? {
        return Ok(r);
    }
    call_method1(vm, &cls, &check, subtype)
}

/// `obj.name(arg)`.
fn call_method1(vm: &mut Vm, obj: &Value, name: &Value, arg: Value) -> PyResult {
    let m = vm.getattr(obj, name)?;
    vm.call(&m, vec![arg])
}

/// Adds `sub` (a class) to one of the weak sets of `d`.
fn remember(vm: &Vm, set: &RefCell<WeakSet>, sub: &Value) -> PyResult<()> {
    if set.borrow_mut().add(vm, sub) {
        Ok(())
    } else {
        Err(not_weakrefable(vm, sub))
    }
}

/// `_abc_subclasscheck(cls, subclass)` (CPython's
/// `_abc__abc_subclasscheck_impl`, step by step).
fn abc_subclasscheck(vm: &mut Vm, args: Args) -> PyResult {
    let (cls, sub) = two_args(vm, &args, "_abc_subclasscheck")?;
    if !vm.is_type(&sub) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let imp = impl_of(vm, &cls)?;
    let d = data(&imp);
    let st = state_of(&d.state);
    // 1. The positive cache.
    if d.cache.borrow_mut().contains(&sub) {
        return Ok(Value::TRUE);
    }
    // 2. The negative cache, invalidated when the token moved on.
    let token = st.counter.get();
    if d.negative_version.get() < token {
        d.negative.borrow_mut().clear();
        d.negative_version.set(token);
    } else if d.negative.borrow_mut().contains(&sub) {
        return Ok(Value::FALSE);
    }
    // 3. The subclass hook.
    let hook = st.n_subclasshook.clone();
    let n_subclasses = st.n_subclasses.clone();
    let ok = call_method1(vm, &cls, &hook, sub.clone())?;
    if ok.is(&Value::TRUE) {
        remember(vm, &d.cache, &sub)?;
        return Ok(Value::TRUE);
    }
    if ok.is(&Value::FALSE) {
        remember(vm, &d.negative, &sub)?;
        return Ok(Value::FALSE);
    }
    if !ok.is(&vm.not_implemented) {
        return Err(vm.new_exception_msg(
            &vm.t.assertion_error,
            "__subclasshook__ must return either False, True, or NotImplemented",
        ));
    }
    // 4. A direct subclass.
    let direct = vm.type_obj(&sub).mro.borrow().iter().any(|c| c.is(&cls));
    if direct {
        remember(vm, &d.cache, &sub)?;
        return Ok(Value::TRUE);
    }
    // 5. A subclass of a registered class (recursive). A registered class
    //    itself answers without being cached, as in CPython.
    if d.registry.borrow_mut().contains(&sub) {
        return Ok(Value::TRUE);
    }
    let registered = d.registry.borrow().members();
    for r in registered {
        if issubclass_impl(vm, &sub, &r)? {
            remember(vm, &d.cache, &sub)?;
            return Ok(Value::TRUE);
        }
    }
    // 6. A subclass of a subclass (recursive).
    let subclasses = {
        let m = vm.getattr(&cls, &n_subclasses)?;
        if !vm.callable(&m) {
            return Err(vm.type_error(format!(
                "attribute of type '{}' is not callable",
                vm.type_name(&m)
            )));
        }
        vm.call(&m, vec![])?
    };
    let Some(list) = subclasses.downcast::<List>() else {
        return Err(vm.type_error("__subclasses__() must return a list"));
    };
    for scls in list.snapshot() {
        if issubclass_impl(vm, &sub, &scls)? {
            remember(vm, &d.cache, &sub)?;
            return Ok(Value::TRUE);
        }
    }
    // No dice; update the negative cache.
    remember(vm, &d.negative, &sub)?;
    Ok(Value::FALSE)
}

/// `_get_dump(cls)`: `(registry, cache, negative_cache, version)`, the sets
/// holding weak references.
fn get_dump(vm: &mut Vm, args: Args) -> PyResult {
    let cls = one_arg(vm, &args, "_get_dump")?;
    let imp = impl_of(vm, &cls)?;
    let d = data(&imp);
    let (r, c, n) = (
        d.registry.borrow().weakrefs(),
        d.cache.borrow().weakrefs(),
        d.negative.borrow().weakrefs(),
    );
    let version = d.negative_version.get();
    let r = make_set(vm, r, false)?;
    let c = make_set(vm, c, false)?;
    let n = make_set(vm, n, false)?;
    let v = vm.new_bigint(num_bigint::BigInt::from(version));
    Ok(vm.new_tuple(vec![r, c, n, v]))
}

fn reset_registry(vm: &mut Vm, args: Args) -> PyResult {
    let cls = one_arg(vm, &args, "_reset_registry")?;
    let imp = impl_of(vm, &cls)?;
    data(&imp).registry.borrow_mut().clear();
    Ok(Value::NONE)
}

fn reset_caches(vm: &mut Vm, args: Args) -> PyResult {
    let cls = one_arg(vm, &args, "_reset_caches")?;
    let imp = impl_of(vm, &cls)?;
    let d = data(&imp);
    d.cache.borrow_mut().clear();
    d.negative.borrow_mut().clear();
    Ok(Value::NONE)
}
