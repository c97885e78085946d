//! `object`, `type`, functions, methods and descriptors (`property`,
//! `classmethod`, `staticmethod`, `super`): their constructors, methods and
//! attributes.
//!
//! Invariant: the natives registered on `object` implement the generic
//! protocols exactly as `attr` and `ops` do for instances without overrides,
//! so calling `object.__setattr__(o, n, v)` and `o.n = v` agree.

use adder_bytecode::CmpOp;
use adder_object::{Value, ValueCell};

use crate::kinds;
use crate::objects::function::{
    ClassMethod, Code, Function, Method, Native, Property, StaticMethod, Super,
};
use crate::objects::string::Str;
use crate::objects::types::TypeObject;
use crate::ops::{check_args, is_subtype, type_lookup};
use crate::vm::{Args, PyResult, Vm};

fn arg(vm: &Vm, args: &Args, i: usize, name: &str) -> PyResult {
    args.pos
        .get(i)
        .cloned()
        .ok_or_else(|| vm.type_error(format!("{name}: missing argument")))
}

fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast::<Str>() {
        Some(s) => {
            let s = s.as_str().to_string();
            Ok(vm.intern(&s))
        }
        None => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn obj_init(vm: &mut Vm, args: Args) -> PyResult {
    let Some(o) = args.pos.first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'object' object needs an argument"));
    };
    if args.pos.len() > 1 || !args.kw.is_empty() {
        // Extra arguments are for an overridden __new__ (CPython's object_init).
        let t = vm.type_of(&o);
        if !super::types::inherits_object_slot(vm, &t, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if super::types::inherits_object_slot(vm, &t, "__new__") {
            return Err(vm.type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                vm.type_obj(&t).name()
            )));
        }
    }
    Ok(Value::NONE)
}
fn obj_repr(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__repr__")?;
    let s = super::repr::object_repr(vm, &o);
    Ok(vm.new_string(s))
}
fn obj_str(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__str__")?;
    vm.repr(&o)
}
fn obj_eq(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__eq__", &args, 2, 2)?;
    Ok(if args.pos[0].is(&args.pos[1]) {
        Value::TRUE
    } else {
        vm.not_implemented.clone()
    })
}
fn obj_ne(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__ne__", &args, 2, 2)?;
    let (a, b) = (args.pos[0].clone(), args.pos[1].clone());
    let t = vm.type_of(&a);
    let eqn = vm.names.__eq__.clone();
    if let Some(f) = type_lookup(&t, &eqn) {
        let r = vm.call_compare_slot(&f, &a, &b)?;
        if r.is(&vm.not_implemented) {
            return Ok(r);
        }
        let t = vm.truthy(&r)?;
        return Ok(Value::from_bool(!t));
    }
    Ok(vm.not_implemented.clone())
}
fn obj_cmp_notimpl(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented.clone())
}
fn obj_hash(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__hash__")?;
    Ok(vm.new_int((o.bits() >> 4) as i64))
}
fn obj_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__getattribute__", &args, 2, 2)?;
    let n = name_arg(vm, &args.pos[1])?;
    vm.generic_getattr(&args.pos[0], &n)
}
/// CPython's hackcheck: object.__setattr__/__delattr__ cannot bypass the
/// attribute setter of the builtin type an object's class derives from
/// (`type`'s, for classes: the Carlo Verre hack).
fn setattr_hackcheck(vm: &mut Vm, obj: &Value, what: &str) -> PyResult<()> {
    if obj.kind() == Some(kinds::TYPE) {
        return Err(vm.type_error(format!(
            "can't apply this {what} to {} object",
            vm.type_name(obj)
        )));
    }
    Ok(())
}
/// `type.__setattr__(cls, name, value)` / `type.__delattr__(cls, name)`.
fn type_setattr_method(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__setattr__", &args, 3, 3)?;
    type_attr_change(vm, &args.pos[0], &args.pos[1], Some(args.pos[2].clone()))
}
fn type_delattr_method(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__delattr__", &args, 2, 2)?;
    type_attr_change(vm, &args.pos[0], &args.pos[1], None)
}
fn type_attr_change(vm: &mut Vm, cls: &Value, name: &Value, value: Option<Value>) -> PyResult {
    if !vm.is_type(cls) {
        return Err(vm.type_error(format!(
            "descriptor '__setattr__' requires a 'type' object but received a '{}'",
            vm.type_name(cls)
        )));
    }
    let n = name_arg(vm, name)?;
    super::types::type_setattr(vm, cls, &n, value)?;
    Ok(Value::NONE)
}
fn obj_setattr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__setattr__", &args, 3, 3)?;
    setattr_hackcheck(vm, &args.pos[0], "__setattr__")?;
    let n = name_arg(vm, &args.pos[1])?;
    vm.generic_setattr(&args.pos[0], &n, Some(args.pos[2].clone()))?;
    Ok(Value::NONE)
}
fn obj_delattr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__delattr__", &args, 2, 2)?;
    setattr_hackcheck(vm, &args.pos[0], "__delattr__")?;
    let n = name_arg(vm, &args.pos[1])?;
    vm.generic_setattr(&args.pos[0], &n, None)?;
    Ok(Value::NONE)
}
fn obj_format(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__format__", &args, 2, 2)?;
    let Some(spec) = args.pos[1].downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            if args.pos[1].is_none() {
                "None".to_string()
            } else {
                vm.type_name(&args.pos[1]).to_string()
            }
        )));
    };
    if !spec.as_str().is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args.pos[0])
        )));
    }
    vm.str(&args.pos[0])
}
fn obj_dir(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__dir__")?;
    let mut names: Vec<Value> = Vec::new();
    // `self.__dict__` and `self.__class__` as attributes (either may be
    // overridden, or fail: then it is left out), as CPython's object___dir__.
    let dn = vm.names.__dict__.clone();
    if let Ok(d) = vm.getattr(&o, &dn) {
        if let Some(d) = d.downcast::<crate::objects::dict::Dict>() {
            names.extend(d.keys());
        }
    }
    let cn = vm.names.__class__.clone();
    if let Ok(t) = vm.getattr(&o, &cn) {
        if vm.is_type(&t) {
            let mro = vm.type_obj(&t).mro.borrow().clone();
            for c in mro {
                names.extend(
                    vm.type_obj(&c)
                        .dict()
                        .downcast::<crate::objects::dict::Dict>()
                        .unwrap()
                        .keys(),
                );
            }
        }
    }
    // Each name once (CPython collects them in a dict).
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| {
        n.downcast::<Str>()
            .is_none_or(|s| seen.insert(s.as_str().to_string()))
    });
    Ok(vm.new_list(names))
}
/// `type.__dir__(cls)`: the names in the class and its bases.
fn type_dir(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__dir__")?;
    if !vm.is_type(&o) {
        return Err(vm.type_error("descriptor '__dir__' requires a 'type' object"));
    }
    let mut names: Vec<Value> = Vec::new();
    let mro = vm.type_obj(&o).mro.borrow().clone();
    for c in mro {
        names.extend(
            vm.type_obj(&c)
                .dict()
                .downcast::<crate::objects::dict::Dict>()
                .unwrap()
                .keys(),
        );
    }
    Ok(vm.new_list(names))
}
fn obj_class_get(vm: &mut Vm, o: &Value) -> PyResult {
    Ok(vm.type_of(o))
}
/// What `__class__` assignment must preserve (CPython's
/// compatible_for_assignment): the nearest class on the MRO that adds to
/// the instance layout (slots, `__dict__` or `__weakref__`; or the builtin
/// layout), its base, and what it adds.
fn slot_layout(vm: &mut Vm, t: &Value) -> (u64, Vec<String>, bool, bool) {
    let dn = vm.names.__dict__.clone();
    let wn = vm.intern("__weakref__");
    let mro = vm.type_obj(t).mro.borrow().clone();
    for c in mro.iter() {
        let co = vm.type_obj(c);
        if !co.has_flag(crate::objects::types::tflags::HEAPTYPE) {
            return (c.bits(), Vec::new(), false, false);
        }
        let d = co.dict().clone();
        let Some(dict) = d.downcast::<crate::objects::dict::Dict>() else {
            continue;
        };
        let mut slots = Vec::new();
        for (_, v) in dict.items() {
            if let Some(sd) = v.downcast::<crate::objects::function::SlotDescr>() {
                if sd.owner.is(c) {
                    slots.push(
                        sd.name
                            .downcast::<Str>()
                            .map_or("", |s| s.as_str())
                            .to_string(),
                    );
                }
            }
        }
        let own = |k: &Value| {
            crate::ops::dict_get_strkey(&d, k).is_some_and(|g| g.kind() == Some(kinds::GETSET))
        };
        let (has_dict, has_weak) = (own(&dn), own(&wn));
        if !slots.is_empty() || has_dict || has_weak {
            slots.sort();
            let bases = co.bases.borrow().clone();
            let bases = bases
                .downcast::<crate::objects::seq::Tuple>()
                .map(|b| b.items.to_vec())
                .unwrap_or_default();
            let base = super::types::best_base(vm, &bases).bits();
            return (base, slots, has_dict, has_weak);
        }
    }
    (0, Vec::new(), false, false)
}
fn obj_class_set(vm: &mut Vm, o: &Value, v: Value) -> PyResult<()> {
    if !vm.is_type(&v) {
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            vm.type_name(&v)
        )));
    }
    let old = vm.type_of(o);
    let (ot, nt) = (vm.type_obj(&old), vm.type_obj(&v));
    let heap = crate::objects::types::tflags::HEAPTYPE;
    let modules = is_subtype(&old, &vm.t.module) && is_subtype(&v, &vm.t.module);
    if !modules && (!ot.has_flag(heap) || !nt.has_flag(heap)) {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if modules && o.kind() == Some(kinds::MODULE) {
        // Module objects keep their namespace in the payload: only the
        // class pointer changes (both classes share module's layout).
        if !std::ptr::eq(ot.meta.vtable, nt.meta.vtable) {
            return Err(vm.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                nt.name(),
                ot.name()
            )));
        }
        o.set_meta(&nt.meta);
        return Ok(());
    }
    if ot.layout != nt.layout
        || o.kind() != Some(kinds::INSTANCE)
        || ot.nslots.get() != nt.nslots.get()
        || slot_layout(vm, &old) != slot_layout(vm, &v)
    {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            nt.name(),
            ot.name()
        )));
    }
    // Move the attributes into dict mode, then point at the new class's dict shape.
    let d = vm.object_dict(o);
    let nt = vm.type_obj(&v);
    o.set_meta(&nt.dict_shape.meta);
    if let Some(d) = d {
        let base = nt.nslots.get();
        o.header().unwrap().trailing()[base].set(d);
    }
    Ok(())
}
fn obj_dict_get(vm: &mut Vm, o: &Value) -> PyResult {
    match vm.object_dict(o) {
        Some(d) => Ok(d),
        None => Err(vm.attribute_error(o, "__dict__")),
    }
}
fn obj_subclasshook(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented.clone())
}
fn obj_reduce_ex(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__reduce_ex__", &args, 2, 2)?;
    let proto = crate::num::as_i64(&args.pos[1]).ok_or_else(|| {
        vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&args.pos[1])
        ))
    })?;
    let p = vm.new_int(proto);
    crate::modules::pysource::call_reduce(vm, "reduce_ex", vec![args.pos[0].clone(), p])
}
fn obj_reduce(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__reduce__", &args, 1, 1)?;
    let z = vm.new_int(0);
    crate::modules::pysource::call_reduce(vm, "common_reduce", vec![args.pos[0].clone(), z])
}
fn obj_getstate(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__getstate__", &args, 1, 1)?;
    crate::modules::pysource::call_reduce(vm, "getstate", vec![args.pos[0].clone()])
}
fn obj_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__sizeof__")?;
    Ok(vm.new_int(crate::objects::size::real_size(&o) as i64))
}

// ----- type ------------------------------------------------------------------------

fn type_call_native(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.is_empty() {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    }
    let cls = args.pos.remove(0);
    if !vm.is_type(&cls) {
        return Err(vm.type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{}'",
            vm.type_name(&cls)
        )));
    }
    super::types::type_call_impl(vm, &cls, args)
}
/// `type.__init__(cls, [name, bases, ns], **kw)`: the work is done in
/// `type.__new__`; this only checks the argument count.
fn type_init(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.pos.len().saturating_sub(1);
    if n != 1 && n != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::NONE)
}
fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_dict())
}
fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__instancecheck__", &args, 2, 2)?;
    let t = vm.type_of(&args.pos[1]);
    Ok(Value::from_bool(is_subtype(&t, &args.pos[0])))
}
fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__subclasscheck__", &args, 2, 2)?;
    if !vm.is_type(&args.pos[1]) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::from_bool(is_subtype(&args.pos[1], &args.pos[0])))
}
/// `type.__dict__['__mro__']` / `['__dict__']` (inspect's static lookups
/// call their `__get__`).
fn type_mro_get(vm: &mut Vm, cls: &Value) -> PyResult {
    type_attr_get(vm, cls, "__mro__")
}
fn type_dict_get(vm: &mut Vm, cls: &Value) -> PyResult {
    type_attr_get(vm, cls, "__dict__")
}
fn type_attr_get(vm: &mut Vm, cls: &Value, name: &str) -> PyResult {
    if !vm.is_type(cls) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'type' objects doesn't apply to a '{}' object",
            vm.type_name(cls)
        )));
    }
    let k = vm.intern(name);
    Ok(super::types::type_special_attr(vm, cls, &k)?.unwrap_or(Value::NONE))
}
/// `type.__dict__['__doc__']`: a class's docstring.
fn type_doc_get(vm: &mut Vm, cls: &Value) -> PyResult {
    if !vm.is_type(cls) {
        return Err(vm.type_error("descriptor '__doc__' requires a 'type' object"));
    }
    let k = vm.names.__doc__.clone();
    let doc = super::types::type_special_attr(vm, cls, &k)?.unwrap_or(Value::NONE);
    // A descriptor stored as __doc__ is bound for the class (type_get_doc).
    if matches!(
        doc.kind(),
        Some(kinds::CLASSMETHOD) | Some(kinds::STATICMETHOD)
    ) {
        return vm.descr_get(&doc, &Value::NONE, cls);
    }
    if crate::ops::is_heap_type(&vm.type_of(&doc)) {
        let dt = vm.type_of(&doc);
        let g = vm.names.__get__.clone();
        if let Some(f) = type_lookup(&dt, &g) {
            return vm.call_method_value(&f, &doc, vec![Value::NONE, cls.clone()]);
        }
    }
    Ok(doc)
}
/// Setting a class's `__doc__` through the descriptor: heap classes only.
fn type_doc_set(vm: &mut Vm, cls: &Value, v: Value) -> PyResult<()> {
    if !vm.is_type(cls) {
        return Err(vm.type_error("descriptor '__doc__' requires a 'type' object"));
    }
    let to = vm.type_obj(cls);
    if !to.has_flag(crate::objects::types::tflags::HEAPTYPE) {
        return Err(vm.type_error(format!(
            "cannot set '__doc__' attribute of immutable type '{}'",
            to.name()
        )));
    }
    let k = vm.names.__doc__.clone();
    crate::ops::dict_set_strkey(to.dict(), k, v);
    to.dict_modified();
    Ok(())
}
fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult {
    let t = arg(vm, &args, 0, "__subclasses__")?;
    let Some(to) = t.downcast::<crate::objects::types::TypeObject>() else {
        return Err(vm.type_error("descriptor '__subclasses__' requires a 'type' object"));
    };
    let live = to.live_subclasses();
    Ok(vm.new_list(live))
}
fn type_repr_of_value(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__repr__")?;
    let s = super::repr::native_repr(vm, &o)?;
    Ok(vm.new_string(s))
}
fn type_repr(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__repr__")?;
    let s = super::repr::native_repr(vm, &o)?;
    Ok(vm.new_string(s))
}

// ----- functions and methods ------------------------------------------------------------

fn func_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Function> {
    v.downcast::<Function>()
        .ok_or_else(|| vm.type_error("expected a function"))
}
fn fn_name(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(func_of(vm, v)?.name.get())
}
fn fn_set_name(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    if x.kind() != Some(kinds::STR) {
        return Err(vm.type_error("__name__ must be set to a string object"));
    }
    func_of(vm, v)?.name.set(x);
    Ok(())
}
fn fn_qualname(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(func_of(vm, v)?.qualname.get())
}
fn fn_set_qualname(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    if x.kind() != Some(kinds::STR) {
        return Err(vm.type_error("__qualname__ must be set to a string object"));
    }
    func_of(vm, v)?.qualname.set(x);
    Ok(())
}
fn fn_doc(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(func_of(vm, v)?.doc.get())
}
fn fn_set_doc(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    func_of(vm, v)?.doc.set(x);
    Ok(())
}
fn fn_defaults(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(func_of(vm, v)?.defaults.get())
}
fn fn_set_defaults(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    if !x.is_none() && x.kind() != Some(kinds::TUPLE) {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    }
    func_of(vm, v)?.defaults.set(x);
    Ok(())
}
fn fn_kwdefaults(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(func_of(vm, v)?.kwdefaults.get())
}
fn fn_set_kwdefaults(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    func_of(vm, v)?.kwdefaults.set(x);
    Ok(())
}
fn fn_code(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(func_of(vm, v)?.code.get())
}
fn fn_set_code(vm: &mut Vm, v: &Value, c: Value) -> PyResult<()> {
    let f = func_of(vm, v)?;
    let Some(new) = c.downcast::<Code>() else {
        return Err(vm.type_error("__code__ must be set to a code object"));
    };
    let nfree = new.code.freevars.len();
    let nclosure = f
        .closure
        .downcast::<crate::objects::seq::Tuple>()
        .map_or(0, |t| t.items.len());
    if nfree != nclosure {
        let name = vm.str_string(&f.name.get())?;
        return Err(vm.value_error(format!(
            "{name}() requires a code object with {nclosure} free vars, not {nfree}"
        )));
    }
    f.code.set(c);
    Ok(())
}
/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`.
fn function_new(vm: &mut Vm, mut args: Args) -> PyResult {
    args.pos.remove(0);
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let mut vals: Vec<Value> = vec![Value::NONE; 5];
    if args.pos.len() > 5 {
        return Err(vm.type_error(format!(
            "function() takes at most 5 arguments ({} given)",
            args.pos.len()
        )));
    }
    for (i, v) in args.pos.iter().enumerate() {
        vals[i] = v.clone();
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = args.take_kw(n) {
            vals[i] = v;
        }
    }
    if let Some((k, _)) = args.kw.first() {
        let k = vm.str_string(k)?;
        return Err(vm.type_error(format!(
            "function() got an unexpected keyword argument '{k}'"
        )));
    }
    let [code, globals, name, argdefs, closure] =
        <[Value; 5]>::try_from(vals).unwrap_or_else(|_| unreachable!());
    let Some(c) = code.downcast::<Code>() else {
        return Err(vm.type_error(format!(
            "function() argument 'code' must be code, not {}",
            vm.type_name(&code)
        )));
    };
    if globals.kind() != Some(kinds::DICT) {
        return Err(vm.type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            vm.type_name(&globals)
        )));
    }
    if !name.is_none() && name.kind() != Some(kinds::STR) {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    if !argdefs.is_none() && argdefs.kind() != Some(kinds::TUPLE) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let nfree = c.code.freevars.len();
    let ncl = match closure.downcast::<crate::objects::seq::Tuple>() {
        Some(t) => t.items.len(),
        None if closure.is_none() => 0,
        None => return Err(vm.type_error("arg 5 (closure) must be tuple")),
    };
    if nfree > 0 && closure.is_none() {
        return Err(vm.type_error("arg 5 (closure) must be tuple"));
    }
    if nfree != ncl {
        let n = vm.str_string(&vm.new_str(&c.code.name.clone()))?;
        return Err(vm.value_error(format!("{n} requires closure of length {nfree}, not {ncl}")));
    }
    let builtins = match crate::ops::dict_get_str(&globals, "__builtins__") {
        Some(b) if b.kind() == Some(kinds::DICT) => b,
        Some(b) if b.kind() == Some(kinds::MODULE) => vm.object_dict(&b).unwrap_or(b),
        _ => vm.builtins.clone(),
    };
    let defaults = if argdefs.is_none() {
        Value::NULL
    } else {
        argdefs
    };
    let closure = if closure.is_none() {
        Value::NULL
    } else {
        closure
    };
    let f = vm.make_function(
        code,
        globals,
        builtins,
        defaults,
        Value::NULL,
        Value::NULL,
        closure,
    );
    if !name.is_none() {
        if let Some(func) = f.downcast::<Function>() {
            func.name.set(name);
        }
    }
    Ok(f)
}
fn fn_globals(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(func_of(vm, v)?.globals.clone())
}
/// `__builtins__` of a function: its globals' builtins namespace (a dict).
fn fn_builtins(vm: &mut Vm, v: &Value) -> PyResult {
    let g = func_of(vm, v)?.globals.clone();
    Ok(match crate::ops::dict_get_str(&g, "__builtins__") {
        Some(b) if b.kind() == Some(kinds::DICT) => b,
        Some(b) if b.kind() == Some(kinds::MODULE) => vm.object_dict(&b).unwrap_or(b),
        _ => vm.builtins.clone(),
    })
}
fn fn_closure(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Vm::none_if_null(func_of(vm, v)?.closure.clone()))
}
fn fn_module(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(func_of(vm, v)?.module.get())
}
fn fn_set_module(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    func_of(vm, v)?.module.set(x);
    Ok(())
}
fn fn_annotations(vm: &mut Vm, v: &Value) -> PyResult {
    let f = func_of(vm, v)?;
    let a = f.annotations.get();
    if a.is_null() {
        let d = vm.new_dict();
        func_of(vm, v)?.annotations.set(d.clone());
        return Ok(d);
    }
    Ok(a)
}
fn fn_set_annotations(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    func_of(vm, v)?.annotations.set(x);
    Ok(())
}
fn fn_get(vm: &mut Vm, args: Args) -> PyResult {
    let f = arg(vm, &args, 0, "__get__")?;
    let obj = args.pos.get(1).cloned().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(f);
    }
    Ok(vm.new_method(f, obj))
}
fn fn_call(vm: &mut Vm, mut args: Args) -> PyResult {
    let f = args.pos.remove(0);
    vm.call_args(&f, args)
}
fn none_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::NONE)
}
fn ellipsis_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error("ellipsis takes no arguments"));
    }
    Ok(vm.ellipsis.clone())
}
/// `Ellipsis.__reduce__()` / `NotImplemented.__reduce__()`: the builtin's
/// name, so pickle stores a reference to the singleton.
fn singleton_reduce(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    check_args(vm, "__reduce__", &args, 1, 1)?;
    Ok(vm.new_str(name))
}

fn notimpl_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error("NotImplementedType takes no arguments"));
    }
    Ok(vm.not_implemented.clone())
}
fn none_bool(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::FALSE)
}
fn fn_repr(vm: &mut Vm, args: Args) -> PyResult {
    let o = arg(vm, &args, 0, "__repr__")?;
    let s = super::repr::native_repr(vm, &o)?;
    Ok(vm.new_string(s))
}
fn code_name(vm: &mut Vm, v: &Value) -> PyResult {
    let c = v.downcast::<Code>().unwrap();
    Ok(vm.new_str(&c.code.name.clone()))
}
fn code_qualname(vm: &mut Vm, v: &Value) -> PyResult {
    let c = v.downcast::<Code>().unwrap();
    Ok(vm.new_str(&c.code.qualname.clone()))
}
fn code_filename(vm: &mut Vm, v: &Value) -> PyResult {
    let c = v.downcast::<Code>().unwrap();
    Ok(vm.new_str(&c.code.filename.clone()))
}
fn code_firstlineno(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(v.downcast::<Code>().unwrap().code.firstlineno as i64))
}
fn code_argcount(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(v.downcast::<Code>().unwrap().code.argcount as i64))
}
fn code_posonlyargcount(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(v.downcast::<Code>().unwrap().code.posonlyargcount as i64))
}
fn code_kwonlyargcount(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(v.downcast::<Code>().unwrap().code.kwonlyargcount as i64))
}
fn code_flags(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(v.downcast::<Code>().unwrap().code.flags as i64))
}
fn code_varnames(vm: &mut Vm, v: &Value) -> PyResult {
    let c = v.downcast::<Code>().unwrap();
    let items = c.varnames.to_vec();
    Ok(vm.new_tuple(items))
}
fn code_nlocals(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(v.downcast::<Code>().unwrap().code.varnames.len() as i64))
}
fn code_freevars(vm: &mut Vm, v: &Value) -> PyResult {
    let names: Vec<String> = v
        .downcast::<Code>()
        .unwrap()
        .code
        .freevars
        .iter()
        .map(|s| s.to_string())
        .collect();
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_tuple(items))
}
fn code_cellvars(vm: &mut Vm, v: &Value) -> PyResult {
    let names: Vec<String> = v
        .downcast::<Code>()
        .unwrap()
        .code
        .cellvars
        .iter()
        .map(|s| s.to_string())
        .collect();
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_tuple(items))
}
fn code_consts(vm: &mut Vm, v: &Value) -> PyResult {
    let items = v.downcast::<Code>().unwrap().consts.to_vec();
    Ok(vm.new_tuple(items))
}
fn code_names(vm: &mut Vm, v: &Value) -> PyResult {
    let items = v.downcast::<Code>().unwrap().names.to_vec();
    Ok(vm.new_tuple(items))
}
fn meth_func(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<Method>() {
        Some(m) => Ok(m.func.clone()),
        None => Err(vm.type_error("expected a method")),
    }
}
fn meth_self(vm: &mut Vm, v: &Value) -> PyResult {
    if let Some(m) = v.downcast::<Method>() {
        return Ok(m.self_.clone());
    }
    if let Some(n) = v.downcast::<Native>() {
        return Ok(if n.self_.is_null() {
            vm.builtins_module.clone()
        } else {
            n.self_.clone()
        });
    }
    Err(vm.type_error("expected a method"))
}
fn meth_name(vm: &mut Vm, v: &Value) -> PyResult {
    if let Some(m) = v.downcast::<Method>() {
        let f = m.func.clone();
        return vm.getattr_str(&f, "__name__");
    }
    if let Some(n) = v.downcast::<Native>() {
        return Ok(vm.new_str(n.name));
    }
    Err(vm.type_error("expected a method"))
}
fn meth_qualname(vm: &mut Vm, v: &Value) -> PyResult {
    if let Some(m) = v.downcast::<Method>() {
        let f = m.func.clone();
        return vm.getattr_str(&f, "__qualname__");
    }
    if let Some(n) = v.downcast::<Native>() {
        if let Some(t) = n.owner.downcast::<TypeObject>() {
            return Ok(vm.new_string(format!("{}.{}", t.name(), n.name)));
        }
        return Ok(vm.new_str(n.name));
    }
    Err(vm.type_error("expected a method"))
}
fn meth_doc(vm: &mut Vm, v: &Value) -> PyResult {
    if let Some(m) = v.downcast::<Method>() {
        let f = m.func.clone();
        return vm.getattr_str(&f, "__doc__");
    }
    if let Some(n) = v.downcast::<Native>() {
        return Ok(n.doc.map_or(Value::NONE, |d| vm.new_str(d)));
    }
    Ok(Value::NONE)
}
fn meth_getattr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__getattr__", &args, 2, 2)?;
    let Some(m) = args.pos[0].downcast::<crate::objects::function::Method>() else {
        return Err(vm.type_error("descriptor '__getattr__' requires a 'method' object"));
    };
    let f = m.func.clone();
    vm.getattr(&f, &args.pos[1])
}
fn meth_module(vm: &mut Vm, v: &Value) -> PyResult {
    if let Some(m) = v.downcast::<Method>() {
        let f = m.func.clone();
        return vm.getattr_str(&f, "__module__");
    }
    // Functions of the builtins module say so; methods of builtin types don't.
    if let Some(n) = v.downcast::<Native>() {
        if n.kind == crate::objects::function::NativeKind::Function && n.self_.is_null() {
            // A native module's function names its module.
            if let Some(md) = n.owner.downcast::<crate::objects::module::Module>() {
                if let Some(name) = crate::ops::dict_get_str(&md.dict, "__name__") {
                    return Ok(name);
                }
            }
            return Ok(vm.new_str("builtins"));
        }
    }
    Ok(Value::NONE)
}
fn meth_eq(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__eq__", &args, 2, 2)?;
    match (
        args.pos[0].downcast::<Method>(),
        args.pos[1].downcast::<Method>(),
    ) {
        (Some(a), Some(b)) => Ok(Value::from_bool(a.func.is(&b.func) && a.self_.is(&b.self_))),
        _ => Ok(vm.not_implemented.clone()),
    }
}
fn meth_ne(vm: &mut Vm, args: Args) -> PyResult {
    let r = meth_eq(vm, args)?;
    if r.is(&vm.not_implemented) {
        return Ok(r);
    }
    Ok(Value::from_bool(!r.is(&Value::TRUE)))
}
/// `types.MethodType(function, instance)`.
fn meth_new(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!(
            "method expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        )));
    }
    let (f, s) = (args.pos[1].clone(), args.pos[2].clone());
    if !vm.callable(&f) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if s.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(vm.new_method(f, s))
}
fn meth_hash(vm: &mut Vm, args: Args) -> PyResult {
    let m = arg(vm, &args, 0, "__hash__")?;
    let h = match m.downcast::<Method>() {
        Some(m) => (m.func.bits() ^ m.self_.bits()) >> 4,
        None => m.bits() >> 4,
    };
    Ok(vm.new_int(h as i64 & 0x7FFF_FFFF_FFFF))
}
fn native_eq(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__eq__", &args, 2, 2)?;
    match (
        args.pos[0].downcast::<Native>(),
        args.pos[1].downcast::<Native>(),
    ) {
        (Some(a), Some(b)) => Ok(Value::from_bool(
            a.f as usize == b.f as usize && a.self_.is(&b.self_) && a.name == b.name,
        )),
        _ => Ok(vm.not_implemented.clone()),
    }
}

/// `__objclass__` of a builtin type's method: the type that defines it.
fn native_objclass(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<Native>() {
        Some(n)
            if n.kind != crate::objects::function::NativeKind::Function
                // Bound special methods are method-wrappers in CPython,
                // which keep __objclass__; bound plain methods do not.
                && (n.self_.is_null() || (n.name.starts_with("__") && n.name.ends_with("__")))
                && vm.is_type(&n.owner) =>
        {
            Ok(n.owner.clone())
        }
        _ => Err(vm.attribute_error(v, "__objclass__")),
    }
}

/// `builtin_function_or_method.__call__(*args, **kw)`: calls it.
fn native_call(vm: &mut Vm, mut args: Args) -> PyResult {
    let f = arg(vm, &args, 0, "__call__")?;
    if f.downcast::<Native>().is_none() {
        return Err(vm.type_error(format!(
            "descriptor '__call__' requires a 'builtin_function_or_method' object but received a '{}'",
            vm.type_name(&f)
        )));
    }
    args.pos.remove(0);
    vm.call_args(&f, args)
}

/// `builtin_function_or_method.__reduce__` (CPython 3.11: `meth_reduce`,
/// and `descr_reduce` for methods of types): a function of a module
/// pickles by its name; a bound or unbound method as `getattr(obj, name)`.
fn native_reduce(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__reduce__", &args, 1, 1)?;
    let Some(n) = args.pos[0].downcast::<Native>() else {
        return Err(vm.type_error("expected a builtin function"));
    };
    let target = if !n.self_.is_null() {
        n.self_.clone()
    } else if n.kind != crate::objects::function::NativeKind::Function && vm.is_type(&n.owner) {
        n.owner.clone()
    } else {
        return Ok(vm.new_str(n.name));
    };
    if target.kind() == Some(crate::kinds::MODULE) {
        return Ok(vm.new_str(n.name));
    }
    let getattr = crate::ops::dict_get_str(&vm.builtins.clone(), "getattr").unwrap_or(Value::NONE);
    let name = vm.new_str(n.name);
    let a = vm.new_tuple(vec![target, name]);
    Ok(vm.new_tuple(vec![getattr, a]))
}

// ----- property / classmethod / staticmethod ----------------------------------------------

fn property_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let p = Property {
        fget: ValueCell::new(Value::NONE),
        fset: ValueCell::new(Value::NONE),
        fdel: ValueCell::new(Value::NONE),
        doc: ValueCell::new(Value::NONE),
        name: ValueCell::new(Value::NONE),
        getter_doc: std::cell::Cell::new(false),
    };
    Ok(vm.alloc_builtin(&cls, p))
}
/// `property.__init__(fget=None, fset=None, fdel=None, doc=None)`.
fn property_init(vm: &mut Vm, mut args: Args) -> PyResult {
    let me = args.pos.remove(0);
    let get = |i: usize, k: &str, args: &mut Args| -> Value {
        args.take_kw(k)
            .or_else(|| args.pos.get(i).cloned())
            .unwrap_or(Value::NONE)
    };
    let fget = get(0, "fget", &mut args);
    let fset = get(1, "fset", &mut args);
    let fdel = get(2, "fdel", &mut args);
    let mut doc = get(3, "doc", &mut args);
    if args.pos.len() > 4 {
        return Err(vm.type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            args.pos.len()
        )));
    }
    if let Some((k, _)) = args.kw.first() {
        let k = vm.str_string(k)?;
        return Err(vm.type_error(format!(
            "property() got an unexpected keyword argument '{k}'"
        )));
    }
    let mut getter_doc = false;
    if doc.is_none() && !fget.is_none() {
        if let Ok(Some(d)) = vm.getattr_opt(&fget, &vm.names.__doc__.clone()) {
            doc = d;
        }
        getter_doc = true;
    }
    let p = prop_of(vm, &me)?;
    p.fget.set(fget);
    p.fset.set(fset);
    p.fdel.set(fdel);
    p.getter_doc.set(getter_doc);
    if vm.type_of(&me).is(&vm.t.property) {
        p.doc.set(doc);
    } else {
        // A subclass keeps the docstring in the instance's __dict__, or
        // it would be shadowed by the subclass's own __doc__.
        let k = vm.names.__doc__.clone();
        if let Err(e) = vm.setattr(&me, &k, doc) {
            // A subclass that cannot store it (__slots__) silently drops a
            // docstring that was not the getter's (CPython 3.11).
            if getter_doc || !vm.exc_matches(&e, &vm.t.attribute_error.clone()) {
                return Err(e);
            }
        }
    }
    Ok(Value::NONE)
}
fn prop_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Property> {
    v.downcast::<Property>()
        .ok_or_else(|| vm.type_error("expected a property"))
}
/// `getter`/`setter`/`deleter`: `type(self)(fget, fset, fdel, doc)`.
fn property_copy(vm: &mut Vm, p: &Value, which: usize, f: Value) -> PyResult {
    let old = prop_of(vm, p)?;
    let mut parts = [old.fget.get(), old.fset.get(), old.fdel.get()];
    parts[which] = f;
    // A docstring taken from the getter is taken again from the (possibly
    // new) getter, as CPython's property_copy passes doc=None then.
    let doc = if old.getter_doc.get() && !parts[0].is_none() {
        Value::NONE
    } else if vm.type_of(p).is(&vm.t.property) {
        old.doc.get()
    } else {
        let k = vm.names.__doc__.clone();
        vm.getattr(p, &k)?
    };
    let name = old.name.get();
    let t = vm.type_of(p);
    let [a, b, c] = parts;
    let np = vm.call(&t, vec![a, b, c, doc])?;
    if let Some(n) = np.downcast::<Property>() {
        n.name.set(name);
    }
    Ok(np)
}
fn property_getter(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "getter", &args, 2, 2)?;
    property_copy(vm, &args.pos[0], 0, args.pos[1].clone())
}
fn property_setter(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "setter", &args, 2, 2)?;
    property_copy(vm, &args.pos[0], 1, args.pos[1].clone())
}
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "deleter", &args, 2, 2)?;
    property_copy(vm, &args.pos[0], 2, args.pos[1].clone())
}
fn property_get(vm: &mut Vm, args: Args) -> PyResult {
    let p = arg(vm, &args, 0, "__get__")?;
    let obj = args.pos.get(1).cloned().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(p);
    }
    let t = vm.type_of(&obj);
    vm.descr_get(&p, &obj, &t)
}
fn property_set(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__set__", &args, 3, 3)?;
    let p = prop_of(vm, &args.pos[0])?.name.get();
    vm.set_via_descriptor(&args.pos[1], &p, &args.pos[0], Some(args.pos[2].clone()))?;
    Ok(Value::NONE)
}
fn property_delete(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__delete__", &args, 2, 2)?;
    let p = prop_of(vm, &args.pos[0])?.name.get();
    vm.set_via_descriptor(&args.pos[1], &p, &args.pos[0], None)?;
    Ok(Value::NONE)
}

// ----- member_descriptor (__slots__ entries) ------------------------------------------

/// The slot descriptor `d` and `obj`, checked to be an instance of its class.
fn member_target(vm: &mut Vm, args: &Args, what: &str) -> PyResult<(Value, Value)> {
    let d = arg(vm, args, 0, what)?;
    let Some(sd) = d.downcast::<crate::objects::function::SlotDescr>() else {
        return Err(vm.type_error(format!(
            "descriptor '{what}' requires a 'member_descriptor' object"
        )));
    };
    let obj = arg(vm, args, 1, what)?;
    if !is_subtype(&vm.type_of(&obj), &sd.owner) {
        let n = vm.str_string(&sd.name)?;
        return Err(foreign_instance(vm, &n, &sd.owner, &obj));
    }
    Ok((d, obj))
}
/// The getset descriptor `d` and `obj`, checked to be an instance of its class.
fn getset_target(vm: &mut Vm, args: &Args, what: &str) -> PyResult<(Value, Value)> {
    let d = arg(vm, args, 0, what)?;
    let Some(gs) = d.downcast::<crate::objects::function::GetSet>() else {
        return Err(vm.type_error(format!(
            "descriptor '{what}' requires a 'getset_descriptor' object"
        )));
    };
    let obj = arg(vm, args, 1, what)?;
    if !is_subtype(&vm.type_of(&obj), &gs.owner) {
        return Err(foreign_instance(vm, gs.name, &gs.owner, &obj));
    }
    Ok((d, obj))
}

/// The TypeError for a descriptor `name` of class `owner` used on `obj`,
/// which is not an instance of it.
fn foreign_instance(vm: &Vm, name: &str, owner: &Value, obj: &Value) -> Value {
    vm.type_error(format!(
        "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
        vm.type_obj(owner).name(),
        vm.type_name(obj)
    ))
}
fn getset_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a crate::objects::function::GetSet> {
    v.downcast::<crate::objects::function::GetSet>()
        .ok_or_else(|| vm.type_error("expected a getset_descriptor"))
}
fn getset_name(vm: &mut Vm, v: &Value) -> PyResult {
    let n = getset_of(vm, v)?.name;
    Ok(vm.new_str(n))
}
fn getset_qualname(vm: &mut Vm, v: &Value) -> PyResult {
    let gs = getset_of(vm, v)?;
    let q = format!("{}.{}", vm.type_obj(&gs.owner).qualname.borrow(), gs.name);
    Ok(vm.new_string(q))
}
fn getset_objclass(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(getset_of(vm, v)?.owner.clone())
}
/// Checks a descriptor method's receiver and object: `(descriptor, obj)`.
type DescrTarget = fn(&mut Vm, &Args, &str) -> PyResult<(Value, Value)>;

fn getset_get(vm: &mut Vm, args: Args) -> PyResult {
    descr_get_via(vm, args, getset_target)
}
fn getset_set(vm: &mut Vm, args: Args) -> PyResult {
    descr_store_via(vm, args, getset_target, false)
}
fn getset_delete(vm: &mut Vm, args: Args) -> PyResult {
    descr_store_via(vm, args, getset_target, true)
}
fn member_get(vm: &mut Vm, args: Args) -> PyResult {
    descr_get_via(vm, args, member_target)
}
fn member_set(vm: &mut Vm, args: Args) -> PyResult {
    descr_store_via(vm, args, member_target, false)
}
fn member_delete(vm: &mut Vm, args: Args) -> PyResult {
    descr_store_via(vm, args, member_target, true)
}

/// `d.__get__(obj, type=None)` of a getset or member descriptor.
fn descr_get_via(vm: &mut Vm, args: Args, target: DescrTarget) -> PyResult {
    let d = arg(vm, &args, 0, "__get__")?;
    if args.pos.get(1).is_none_or(|o| o.is_none()) {
        return Ok(d);
    }
    let (d, obj) = target(vm, &args, "__get__")?;
    let t = vm.type_of(&obj);
    vm.descr_get(&d, &obj, &t)
}

/// `d.__set__(obj, value)` (or `d.__delete__(obj)`) of a getset or member
/// descriptor.
fn descr_store_via(vm: &mut Vm, args: Args, target: DescrTarget, delete: bool) -> PyResult {
    let (what, n) = if delete {
        ("__delete__", 2)
    } else {
        ("__set__", 3)
    };
    check_args(vm, what, &args, n, n)?;
    let (d, obj) = target(vm, &args, what)?;
    let name = match d.downcast::<crate::objects::function::GetSet>() {
        Some(gs) => vm.intern(gs.name),
        None => d
            .downcast::<crate::objects::function::SlotDescr>()
            .map_or(Value::NONE, |sd| sd.name.clone()),
    };
    let value = (!delete).then(|| args.pos[2].clone());
    vm.set_via_descriptor(&obj, &name, &d, value)?;
    Ok(Value::NONE)
}
fn property_set_name(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.pos.len().saturating_sub(1)
        )));
    }
    prop_of(vm, &args.pos[0])?.name.set(args.pos[2].clone());
    Ok(Value::NONE)
}
/// The setter of a read-only member (CPython's READONLY PyMemberDef).
fn readonly_attr(vm: &mut Vm, _obj: &Value, _v: Value) -> PyResult<()> {
    Err(vm.new_exception_msg(&vm.t.attribute_error.clone(), "readonly attribute"))
}
fn prop_fget(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(prop_of(vm, v)?.fget.get())
}
fn prop_fset(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(prop_of(vm, v)?.fset.get())
}
fn prop_fdel(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(prop_of(vm, v)?.fdel.get())
}
fn prop_doc(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(prop_of(vm, v)?.doc.get())
}
fn prop_set_doc(vm: &mut Vm, v: &Value, d: Value) -> PyResult<()> {
    prop_of(vm, v)?.doc.set(d);
    Ok(())
}
fn prop_isabstract(vm: &mut Vm, v: &Value) -> PyResult {
    let p = prop_of(vm, v)?;
    for f in [p.fget.get(), p.fset.get(), p.fdel.get()] {
        if !f.is_none() {
            let ia = vm.intern("__isabstractmethod__");
            if let Some(x) = vm.getattr_opt(&f, &ia)? {
                if vm.truthy(&x)? {
                    return Ok(Value::TRUE);
                }
            }
        }
    }
    Ok(Value::FALSE)
}

fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "classmethod", &args, 2, 2)?;
    Ok(vm.alloc_builtin(
        &args.pos[0],
        ClassMethod {
            func: ValueCell::new(args.pos[1].clone()),
        },
    ))
}
fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "staticmethod", &args, 2, 2)?;
    Ok(vm.alloc_builtin(
        &args.pos[0],
        StaticMethod {
            func: ValueCell::new(args.pos[1].clone()),
        },
    ))
}
/// `classmethod.__init__` / `staticmethod.__init__` (CPython's `cm_init`,
/// `sm_init`): (re)binds the wrapped callable, so a subclass whose own
/// `__init__` calls `super().__init__(f)` works (abc.abstractclassmethod).
fn cm_init(vm: &mut Vm, args: Args) -> PyResult {
    let me = arg(vm, &args, 0, "__init__")?;
    let name = if me.kind() == Some(kinds::CLASSMETHOD) {
        "classmethod"
    } else {
        "staticmethod"
    };
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("{name} expected 1 argument, got {n}")));
    }
    let f = args.pos[1].clone();
    if let Some(c) = me.downcast::<ClassMethod>() {
        c.func.set(f.clone());
    } else if let Some(c) = me.downcast::<StaticMethod>() {
        c.func.set(f.clone());
    } else {
        return Err(vm.type_error(format!("descriptor '__init__' requires a '{name}' object")));
    }
    // The wrapped callable's metadata, as functools.wraps copies it (3.10).
    if let Some(d) = vm.object_dict(&me) {
        for attr in [
            "__module__",
            "__name__",
            "__qualname__",
            "__doc__",
            "__annotations__",
        ] {
            let k = vm.intern(attr);
            match vm.getattr(&f, &k) {
                Ok(v) => vm.dict_set(&d, k, v)?,
                Err(e) if vm.exc_matches(&e, &vm.t.attribute_error.clone()) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(Value::NONE)
}
fn cm_func(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.unwrap_method_descriptor(v))
}
fn cm_get(vm: &mut Vm, args: Args) -> PyResult {
    let d = arg(vm, &args, 0, "__get__")?;
    let obj = args.pos.get(1).cloned().unwrap_or(Value::NONE);
    let owner = args
        .pos
        .get(2)
        .cloned()
        .filter(|v| !v.is_none())
        .unwrap_or_else(|| vm.type_of(&obj));
    let f = vm.unwrap_method_descriptor(&d);
    if d.kind() == Some(kinds::CLASSMETHOD) {
        vm.classmethod_bind(f, &owner)
    } else {
        Ok(f)
    }
}
fn sm_call(vm: &mut Vm, mut args: Args) -> PyResult {
    let d = args.pos.remove(0);
    let f = vm.unwrap_method_descriptor(&d);
    vm.call_args(&f, args)
}
fn cm_isabstract(vm: &mut Vm, v: &Value) -> PyResult {
    let f = vm.unwrap_method_descriptor(v);
    let ia = vm.intern("__isabstractmethod__");
    match vm.getattr_opt(&f, &ia)? {
        Some(x) => Ok(Value::from_bool(vm.truthy(&x)?)),
        None => Ok(Value::FALSE),
    }
}

// ----- super ---------------------------------------------------------------------------------

fn super_new(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    if args.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "super() expected at most 2 arguments, got {}",
            args.pos.len() - 1
        )));
    }
    let cls = args.pos[0].clone();
    let (this, obj) = match args.pos.len() {
        1 => {
            // Zero-argument form: the calling frame's `__class__` cell and first argument.
            let Some(f) = vm.frames.last() else {
                return Err(vm.runtime_error("super(): no current frame"));
            };
            let code = f.code().code.clone();
            if code.argcount == 0 && code.flags & adder_bytecode::flags::VARARGS == 0 {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let mut first = f.stack.locals().first().cloned().unwrap_or(Value::NULL);
            // The first argument may live in a cell.
            if let Some(ci) = code.cell2arg.iter().position(|a| *a == Some(0)) {
                if let Some(c) = f.stack.locals().get(code.nlocals() + ci).and_then(|c| {
                    c.downcast::<crate::objects::cell::Cell>()
                        .map(|c| c.value.get())
                }) {
                    first = c;
                }
            }
            if first.is_null() {
                return Err(vm.runtime_error("super(): arg[0] deleted"));
            }
            let ncell = code.cellvars.len();
            let idx = code.freevars.iter().position(|n| &**n == "__class__");
            let Some(idx) = idx else {
                return Err(vm.runtime_error("super(): __class__ cell not found"));
            };
            let cell = f
                .stack
                .locals()
                .get(code.nlocals() + ncell + idx)
                .cloned()
                .unwrap_or(Value::NULL);
            let class = cell
                .downcast::<crate::objects::cell::Cell>()
                .map(|c| c.value.get())
                .unwrap_or(Value::NULL);
            if class.is_null() {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            }
            (class, first)
        }
        2 => (args.pos[1].clone(), Value::NONE),
        _ => (args.pos[1].clone(), args.pos[2].clone()),
    };
    make_super(vm, &cls, this, obj)
}

/// A `super` (or subclass `cls`) instance for `super(this, obj)`; `obj`
/// None makes an unbound one.
fn make_super(vm: &mut Vm, cls: &Value, this: Value, obj: Value) -> PyResult {
    if !vm.is_type(&this) {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(&this)
        )));
    }
    let obj_type = if obj.is_none() {
        Value::NONE
    } else {
        super_check(vm, &this, &obj)?
    };
    Ok(vm.alloc_builtin(
        cls,
        Super {
            this_class: this,
            obj,
            obj_type,
        },
    ))
}

/// The type whose MRO `super(this, obj)` searches: `obj` itself if it is
/// a subclass of `this`, else its type, else its `__class__` (a proxy).
// CPython 3.11: Objects/typeobject.c, supercheck.
fn super_check(vm: &mut Vm, this: &Value, obj: &Value) -> PyResult {
    if vm.is_type(obj) && is_subtype(obj, this) {
        return Ok(obj.clone());
    }
    let t = vm.type_of(obj);
    if is_subtype(&t, this) {
        return Ok(t);
    }
    let cn = vm.names.__class__.clone();
    match vm.getattr(obj, &cn) {
        Ok(c) if vm.is_type(&c) && !c.is(&t) && is_subtype(&c, this) => return Ok(c),
        Ok(_) => {}
        Err(e) if vm.exc_matches(&e, &vm.t.attribute_error.clone()) => {}
        Err(e) => return Err(e),
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// `super.__get__(obj, type=None)`: an unbound super bound to `obj`.
pub fn super_bind(vm: &mut Vm, s: &Value, obj: &Value) -> PyResult {
    let Some(sup) = s.downcast::<Super>() else {
        return Ok(s.clone());
    };
    if obj.is_none() || obj.is_null() || !sup.obj.is_none() {
        return Ok(s.clone());
    }
    let this = sup.this_class.clone();
    let st = vm.type_of(s);
    if !st.is(&vm.t.super_) {
        // A subclass of super is called, so its __init__ runs.
        return vm.call(&st, vec![this, obj.clone()]);
    }
    make_super(vm, &st, this, obj.clone())
}

fn super_get(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__get__", &args, 2, 3)?;
    super_bind(vm, &args.pos[0], &args.pos[1])
}

/// `super.__init__`: the work is done by `__new__`; arguments are accepted
/// so that subclasses can call it with theirs.
fn super_init(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}

fn super_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__getattribute__", &args, 2, 2)?;
    let s = args.pos[0].downcast::<Super>().unwrap();
    let name = name_arg(vm, &args.pos[1])?;
    let (this, obj, obj_type) = (s.this_class.clone(), s.obj.clone(), s.obj_type.clone());
    if !obj_type.is_none() && !name.is(&vm.names.__class__) {
        let mro = vm.type_obj(&obj_type).mro.borrow().clone();
        let start = mro
            .iter()
            .position(|c| c.is(&this))
            .map_or(mro.len(), |i| i + 1);
        for c in &mro[start..] {
            let d = vm.type_obj(c).dict().clone();
            if let Some(v) = crate::ops::dict_get_strkey(&d, &name) {
                let bind_to = if obj.is(&obj_type) {
                    Value::NONE
                } else {
                    obj.clone()
                };
                return match v.kind() {
                    Some(kinds::FUNCTION) if bind_to.is_none() => Ok(v),
                    Some(kinds::CLASSMETHOD) => {
                        let f = vm.unwrap_method_descriptor(&v);
                        vm.classmethod_bind(f, &obj_type)
                    }
                    Some(kinds::NATIVE) => {
                        let n = v.downcast::<Native>().unwrap();
                        match n.kind {
                            crate::objects::function::NativeKind::ClassMethod => {
                                Ok(vm.bind_native(&v, obj_type.clone()))
                            }
                            crate::objects::function::NativeKind::Method if !bind_to.is_none() => {
                                Ok(vm.bind_native(&v, bind_to))
                            }
                            _ => Ok(v),
                        }
                    }
                    _ if bind_to.is_none() => {
                        if v.kind() == Some(kinds::STATICMETHOD) {
                            return Ok(vm.unwrap_method_descriptor(&v));
                        }
                        Ok(v)
                    }
                    _ => vm.descr_get(&v, &bind_to, &obj_type),
                };
            }
        }
    }
    vm.generic_getattr(&args.pos[0], &name)
}
fn super_thisclass(vm: &mut Vm, v: &Value) -> PyResult {
    let _ = vm;
    Ok(v.downcast::<Super>().unwrap().this_class.clone())
}
fn super_self(vm: &mut Vm, v: &Value) -> PyResult {
    let _ = vm;
    Ok(v.downcast::<Super>().unwrap().obj.clone())
}
fn super_self_class(vm: &mut Vm, v: &Value) -> PyResult {
    let _ = vm;
    Ok(v.downcast::<Super>().unwrap().obj_type.clone())
}
fn super_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = args.pos[0].downcast::<Super>().unwrap();
    let tn = vm.type_obj(&s.this_class).name();
    let r = if s.obj_type.is_none() {
        format!("<super: <class '{tn}'>, NULL>")
    } else {
        format!(
            "<super: <class '{tn}'>, <{} object>>",
            vm.type_obj(&s.obj_type).name()
        )
    };
    Ok(vm.new_string(r))
}

fn cell_contents(vm: &mut Vm, v: &Value) -> PyResult {
    let c = v
        .downcast::<crate::objects::cell::Cell>()
        .unwrap()
        .value
        .get();
    if c.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(c)
}
fn cell_set_contents(_vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    v.downcast::<crate::objects::cell::Cell>()
        .unwrap()
        .value
        .set(x);
    Ok(())
}

/// `cell([contents])` (`types.CellType`): a new cell, empty without an argument.
fn cell_new(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("cell() takes no keyword arguments"));
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "cell expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    let v = args.pos.get(1).cloned().unwrap_or(Value::NULL);
    Ok(vm.new_cell(v))
}

fn proxy_target(vm: &Vm, args: &Args) -> PyResult<Value> {
    match args
        .pos
        .first()
        .and_then(|p| p.downcast::<crate::objects::misc::MappingProxy>())
    {
        Some(p) => Ok(p.mapping.clone()),
        None => Err(vm.type_error("expected a mappingproxy")),
    }
}
/// `types.MappingProxyType(mapping)`: a read-only view of any mapping.
fn proxy_new(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.pos.len().saturating_sub(1) + args.kw.len();
    let mapping = match (args.pos.get(1), args.kw.first()) {
        (Some(m), None) if n == 1 => m.clone(),
        (None, Some((k, m)))
            if n == 1 && k.downcast::<Str>().is_some_and(|s| s.as_str() == "mapping") =>
        {
            m.clone()
        }
        _ if n == 0 => {
            return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"))
        }
        _ => {
            return Err(vm.type_error(format!(
                "mappingproxy() takes at most 1 argument ({n} given)"
            )))
        }
    };
    let is_mapping = matches!(
        mapping.kind(),
        Some(kinds::DICT) | Some(kinds::MAPPINGPROXY)
    ) || (!matches!(mapping.kind(), Some(kinds::LIST) | Some(kinds::TUPLE)) && {
        let t = vm.type_of(&mapping);
        let g = vm.names.__getitem__.clone();
        type_lookup(&t, &g).is_some()
            && !matches!(
                mapping.kind(),
                Some(kinds::STR) | Some(kinds::BYTES) | Some(kinds::BYTEARRAY) | Some(kinds::RANGE)
            )
    });
    if !is_mapping {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(&mapping)
        )));
    }
    Ok(vm.alloc_builtin(
        &vm.t.mappingproxy.clone(),
        crate::objects::misc::MappingProxy { mapping },
    ))
}
macro_rules! proxy_method {
    ($fname:ident, $name:literal) => {
        fn $fname(vm: &mut Vm, args: Args) -> PyResult {
            let m = proxy_target(vm, &args)?;
            vm.call_method(&m, $name, args.pos[1..].to_vec())
        }
    };
}
proxy_method!(proxy_keys, "keys");
proxy_method!(proxy_values, "values");
proxy_method!(proxy_items, "items");
proxy_method!(proxy_get, "get");
proxy_method!(proxy_copy, "copy");
fn proxy_getitem(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "__getitem__", &args, 2, 2)?;
    let m = proxy_target(vm, &args)?;
    vm.getitem(&m, &args.pos[1])
}
fn proxy_contains(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "__contains__", &args, 2, 2)?;
    let m = proxy_target(vm, &args)?;
    Ok(Value::from_bool(vm.contains(&m, &args.pos[1])?))
}
fn proxy_iter(vm: &mut Vm, args: Args) -> PyResult {
    let m = proxy_target(vm, &args)?;
    vm.iter(&m)
}
fn proxy_len(vm: &mut Vm, args: Args) -> PyResult {
    let m = proxy_target(vm, &args)?;
    let n = vm.len(&m)?;
    Ok(vm.new_int(n as i64))
}

pub fn init(vm: &mut Vm) {
    let o = vm.t.object.clone();
    vm.add_method(&o, "__init__", obj_init);
    vm.add_staticmethod(&o, "__new__", super::types::object_new);
    vm.add_method(&o, "__repr__", obj_repr);
    vm.add_method(&o, "__str__", obj_str);
    vm.add_method(&o, "__eq__", obj_eq);
    vm.add_method(&o, "__ne__", obj_ne);
    for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
        vm.add_method(&o, n, obj_cmp_notimpl);
    }
    vm.add_method(&o, "__hash__", obj_hash);
    vm.add_method(&o, "__getattribute__", obj_getattribute);
    vm.add_method(&o, "__setattr__", obj_setattr);
    vm.add_method(&o, "__delattr__", obj_delattr);
    vm.add_method(&o, "__format__", obj_format);
    vm.add_method(&o, "__dir__", obj_dir);
    vm.add_method(&o, "__reduce_ex__", obj_reduce_ex);
    vm.add_method(&o, "__reduce__", obj_reduce);
    vm.add_method(&o, "__getstate__", obj_getstate);
    vm.add_method(&o, "__sizeof__", obj_sizeof);
    vm.add_classmethod(&o, "__init_subclass__", super::types::object_init_subclass);
    vm.add_classmethod(&o, "__subclasshook__", obj_subclasshook);
    vm.add_getset(&o, "__class__", obj_class_get, Some(obj_class_set));
    let doc = vm.new_str("The base class of the class hierarchy.");
    vm.add_attr(&o, "__doc__", doc);
    let _ = obj_dict_get;

    let t = vm.t.type_.clone();
    vm.add_getset(&t, "__doc__", type_doc_get, Some(type_doc_set));
    vm.add_getset(&t, "__mro__", type_mro_get, None);
    vm.add_getset(&t, "__dict__", type_dict_get, None);
    vm.add_method(&t, "__setattr__", type_setattr_method);
    vm.add_method(&t, "__delattr__", type_delattr_method);
    vm.add_staticmethod(&t, "__new__", super::types::type_new);
    vm.add_method(&t, "__call__", type_call_native);
    vm.add_method(&t, "__init__", type_init);
    vm.add_method(&t, "mro", super::types::mro_list);
    vm.add_classmethod(&t, "__prepare__", type_prepare);
    vm.add_method(&t, "__instancecheck__", type_instancecheck);
    vm.add_method(&t, "__subclasscheck__", type_subclasscheck);
    vm.add_method(&t, "__subclasses__", type_subclasses);
    vm.add_method(&t, "__dir__", type_dir);
    vm.add_method(&t, "__repr__", type_repr);

    let f = vm.t.function.clone();
    vm.add_getset(&f, "__name__", fn_name, Some(fn_set_name));
    vm.add_getset(&f, "__qualname__", fn_qualname, Some(fn_set_qualname));
    vm.add_getset(&f, "__doc__", fn_doc, Some(fn_set_doc));
    vm.add_getset(&f, "__defaults__", fn_defaults, Some(fn_set_defaults));
    vm.add_getset(&f, "__kwdefaults__", fn_kwdefaults, Some(fn_set_kwdefaults));
    vm.add_getset(&f, "__code__", fn_code, Some(fn_set_code));
    vm.set_new(&f, function_new);
    vm.add_getset(&f, "__globals__", fn_globals, None);
    vm.add_getset(&f, "__builtins__", fn_builtins, None);
    vm.add_getset(&f, "__closure__", fn_closure, None);
    vm.add_getset(&f, "__module__", fn_module, Some(fn_set_module));
    vm.add_getset(
        &f,
        "__annotations__",
        fn_annotations,
        Some(fn_set_annotations),
    );
    vm.add_getset(&f, "__dict__", obj_dict_get, None);
    vm.add_method(&f, "__get__", fn_get);
    vm.add_method(&f, "__repr__", fn_repr);
    vm.add_method(&f, "__call__", fn_call);
    let nt = vm.t.none.clone();
    vm.set_new(&nt, none_new);
    vm.add_method(&nt, "__bool__", none_bool);
    vm.add_method(&nt, "__repr__", type_repr_of_value);
    let et = vm.t.ellipsis.clone();
    vm.set_new(&et, ellipsis_new);
    vm.add_method(&et, "__repr__", type_repr_of_value);
    vm.add_method(&et, "__reduce__", |vm, args| {
        singleton_reduce(vm, args, "Ellipsis")
    });
    let ni = vm.t.notimpl.clone();
    vm.set_new(&ni, notimpl_new);
    vm.add_method(&ni, "__repr__", type_repr_of_value);
    vm.add_method(&ni, "__reduce__", |vm, args| {
        singleton_reduce(vm, args, "NotImplemented")
    });

    let c = vm.t.code.clone();
    vm.add_getset(&c, "co_name", code_name, None);
    vm.add_getset(&c, "co_qualname", code_qualname, None);
    vm.add_getset(&c, "co_filename", code_filename, None);
    vm.add_getset(&c, "co_firstlineno", code_firstlineno, None);
    vm.add_getset(&c, "co_argcount", code_argcount, None);
    vm.add_getset(&c, "co_posonlyargcount", code_posonlyargcount, None);
    vm.add_getset(&c, "co_kwonlyargcount", code_kwonlyargcount, None);
    vm.add_getset(&c, "co_flags", code_flags, None);
    vm.add_getset(&c, "co_varnames", code_varnames, None);
    vm.add_getset(&c, "co_nlocals", code_nlocals, None);
    vm.add_getset(&c, "co_freevars", code_freevars, None);
    vm.add_getset(&c, "co_cellvars", code_cellvars, None);
    vm.add_getset(&c, "co_consts", code_consts, None);
    vm.add_getset(&c, "co_names", code_names, None);

    for m in [vm.t.method.clone(), vm.t.native.clone()] {
        vm.add_getset(&m, "__self__", meth_self, None);
        vm.add_getset(&m, "__name__", meth_name, None);
        vm.add_getset(&m, "__qualname__", meth_qualname, None);
        vm.add_getset(&m, "__doc__", meth_doc, None);
        vm.add_getset(&m, "__module__", meth_module, None);
    }
    let m = vm.t.method.clone();
    vm.add_getset(&m, "__func__", meth_func, None);
    // Other attributes of a bound method are its function's.
    vm.add_method(&m, "__getattr__", meth_getattr);
    let mo = vm.type_obj(&m);
    mo.flags
        .set(mo.flags.get() | crate::objects::types::tflags::HAS_GETATTR);
    vm.add_method(&m, "__eq__", meth_eq);
    vm.add_method(&m, "__ne__", meth_ne);
    vm.add_method(&m, "__hash__", meth_hash);
    vm.set_new(&m, meth_new);
    vm.add_method(&m, "__repr__", type_repr_of_value);
    // ==, hash() and `in` go through the methods above.
    let mo = vm.type_obj(&m);
    mo.flags
        .set(mo.flags.get() | crate::objects::types::tflags::DUNDER_DISPATCH);
    let n = vm.t.native.clone();
    vm.add_method(&n, "__eq__", native_eq);
    vm.add_method(&n, "__call__", native_call);
    vm.add_getset(&n, "__objclass__", native_objclass, None);
    vm.add_method(&n, "__hash__", meth_hash);
    vm.add_method(&n, "__reduce__", native_reduce);

    let p = vm.t.property.clone();
    vm.set_new(&p, property_new);
    vm.add_method(&p, "getter", property_getter);
    vm.add_method(&p, "setter", property_setter);
    vm.add_method(&p, "deleter", property_deleter);
    vm.add_method(&p, "__get__", property_get);
    vm.add_method(&p, "__set__", property_set);
    vm.add_method(&p, "__delete__", property_delete);
    let md = vm.t.member_descr.clone();
    vm.add_method(&md, "__get__", member_get);
    vm.add_method(&md, "__set__", member_set);
    vm.add_method(&md, "__delete__", member_delete);
    let gd = vm.t.getset_descr.clone();
    vm.add_getset(&gd, "__name__", getset_name, None);
    vm.add_getset(&gd, "__qualname__", getset_qualname, None);
    vm.add_getset(&gd, "__objclass__", getset_objclass, None);
    vm.add_method(&gd, "__get__", getset_get);
    vm.add_method(&gd, "__set__", getset_set);
    vm.add_method(&gd, "__delete__", getset_delete);
    vm.add_method(&p, "__set_name__", property_set_name);
    vm.add_getset(&p, "fget", prop_fget, Some(readonly_attr));
    vm.add_getset(&p, "fset", prop_fset, Some(readonly_attr));
    vm.add_getset(&p, "fdel", prop_fdel, Some(readonly_attr));
    vm.add_getset(&p, "__doc__", prop_doc, Some(prop_set_doc));
    vm.add_method(&p, "__init__", property_init);
    vm.add_getset(&p, "__isabstractmethod__", prop_isabstract, None);

    for (ty, newf) in [
        (
            vm.t.classmethod.clone(),
            classmethod_new as crate::vm::NativeFn,
        ),
        (vm.t.staticmethod.clone(), staticmethod_new),
    ] {
        vm.set_new(&ty, newf);
        // Instances carry a __dict__ (the wrapped function's metadata).
        let to = vm.type_obj(&ty);
        to.flags
            .set(to.flags.get() | crate::objects::types::tflags::DICT_SLOT);
        vm.add_method(&ty, "__init__", cm_init);
        vm.add_getset(&ty, "__func__", cm_func, None);
        vm.add_getset(&ty, "__wrapped__", cm_func, None);
        vm.add_method(&ty, "__get__", cm_get);
        vm.add_getset(&ty, "__isabstractmethod__", cm_isabstract, None);
    }
    let sm = vm.t.staticmethod.clone();
    vm.add_method(&sm, "__call__", sm_call);

    let s = vm.t.super_.clone();
    vm.set_new(&s, super_new);
    vm.add_method(&s, "__getattribute__", super_getattribute);
    vm.add_method(&s, "__get__", super_get);
    vm.add_method(&s, "__init__", super_init);
    vm.add_getset(&s, "__thisclass__", super_thisclass, None);
    vm.add_getset(&s, "__self__", super_self, None);
    vm.add_getset(&s, "__self_class__", super_self_class, None);
    vm.add_method(&s, "__repr__", super_repr);
    // super's __getattribute__ is native but must be used: mark the flag.
    let so = vm.type_obj(&s);
    so.flags
        .set(so.flags.get() | crate::objects::types::tflags::HAS_GETATTRIBUTE);

    let mp = vm.t.mappingproxy.clone();
    vm.set_new(&mp, proxy_new);
    vm.add_method(&mp, "keys", proxy_keys);
    vm.add_method(&mp, "values", proxy_values);
    vm.add_method(&mp, "items", proxy_items);
    vm.add_method(&mp, "get", proxy_get);
    vm.add_method(&mp, "copy", proxy_copy);
    vm.add_method(&mp, "__getitem__", proxy_getitem);
    vm.add_method(&mp, "__contains__", proxy_contains);
    vm.add_method(&mp, "__iter__", proxy_iter);
    vm.add_method(&mp, "__len__", proxy_len);
    macro_rules! proxy_cmp {
        ($($name:ident => $op:expr, $dunder:literal);* $(;)?) => {
            $(fn $name(vm: &mut Vm, args: Args) -> PyResult {
                check_args(vm, $dunder, &args, 2, 2)?;
                let m = proxy_target(vm, &args)?;
                vm.richcmp(&m, &args.pos[1], $op)
            }
            vm.add_method(&mp, $dunder, $name);)*
        };
    }
    proxy_cmp!(
        proxy_eq => CmpOp::Eq, "__eq__";
        proxy_ne => CmpOp::Ne, "__ne__";
        proxy_lt => CmpOp::Lt, "__lt__";
        proxy_le => CmpOp::Le, "__le__";
        proxy_gt => CmpOp::Gt, "__gt__";
        proxy_ge => CmpOp::Ge, "__ge__";
    );
    fn proxy_or(vm: &mut Vm, args: Args) -> PyResult {
        check_args(vm, "__or__", &args, 2, 2)?;
        let m = proxy_target(vm, &args)?;
        let other = match args.pos[1].downcast::<crate::objects::misc::MappingProxy>() {
            Some(p) => p.mapping.clone(),
            None => args.pos[1].clone(),
        };
        vm.binary_op(&m, &other, adder_bytecode::BinOp::Or, false)
    }
    fn proxy_ror(vm: &mut Vm, args: Args) -> PyResult {
        check_args(vm, "__ror__", &args, 2, 2)?;
        let m = proxy_target(vm, &args)?;
        vm.binary_op(&args.pos[1], &m, adder_bytecode::BinOp::Or, false)
    }
    fn proxy_reversed(vm: &mut Vm, args: Args) -> PyResult {
        let m = proxy_target(vm, &args)?;
        vm.call_method(&m, "__reversed__", vec![])
    }
    fn proxy_repr(vm: &mut Vm, args: Args) -> PyResult {
        let m = proxy_target(vm, &args)?;
        let r = vm.repr_string(&m)?;
        Ok(vm.new_string(format!("mappingproxy({r})")))
    }
    vm.add_method(&mp, "__repr__", proxy_repr);
    vm.add_method(&mp, "__or__", proxy_or);
    vm.add_method(&mp, "__ror__", proxy_ror);
    vm.add_method(&mp, "__reversed__", proxy_reversed);
    let mpo = vm.type_obj(&mp);
    mpo.flags
        .set(mpo.flags.get() | crate::objects::types::tflags::DUNDER_DISPATCH);

    let cell = vm.t.cell.clone();
    vm.set_new(&cell, cell_new);
    vm.add_getset(
        &cell,
        "cell_contents",
        cell_contents,
        Some(cell_set_contents),
    );
    let _ = CmpOp::Eq;
}
