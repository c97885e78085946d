//! `type` and `object`: class creation (`__build_class__`, C3 MRO,
//! `__init_subclass__`, `__set_name__`, `__slots__`), instantiation
//! (`type.__call__`), and the registration helpers every builtin module uses
//! to declare its methods once.
//!
//! Invariant: a class's flags (HAS_GETATTR, HAS_SETATTR, ...) always reflect
//! its MRO; they are recomputed whenever a special name is assigned on a class.

use adder_object::Value;

use crate::kinds;
use crate::objects::dict::Dict;
use crate::objects::function::{GetSet, NativeKind};
use crate::objects::seq::Tuple;
use crate::objects::string::Str;
use crate::objects::types::{tflags, TypeObject};
use crate::ops::{dict_get_str, dict_get_strkey, dict_set_strkey, is_subtype, type_lookup};
use crate::vm::{make_type, Args, NativeFn, PyResult, Vm};

// ----- registration ----------------------------------------------------------------

impl Vm {
    pub fn add_method(&mut self, ty: &Value, name: &'static str, f: NativeFn) {
        self.add_native(ty, name, f, NativeKind::Method);
    }
    pub fn add_classmethod(&mut self, ty: &Value, name: &'static str, f: NativeFn) {
        self.add_native(ty, name, f, NativeKind::ClassMethod);
    }
    pub fn add_staticmethod(&mut self, ty: &Value, name: &'static str, f: NativeFn) {
        self.add_native(ty, name, f, NativeKind::StaticMethod);
    }
    fn add_native(&mut self, ty: &Value, name: &'static str, f: NativeFn, kind: NativeKind) {
        let n = self.new_native(name, f, kind, ty.clone());
        n.header().unwrap().make_immortal();
        let key = self.intern(name);
        dict_set_strkey(self.type_obj(ty).dict(), key, n);
        self.type_obj(ty).dict_modified();
    }
    pub fn add_getset(
        &mut self,
        ty: &Value,
        name: &'static str,
        get: fn(&mut Vm, &Value) -> PyResult,
        set: Option<crate::objects::function::Setter>,
    ) {
        self.add_getset_impl(ty, name, get, set, false);
    }
    /// Like `add_getset`, but `del obj.name` calls `set` with NULL.
    pub fn add_getset_del(
        &mut self,
        ty: &Value,
        name: &'static str,
        get: fn(&mut Vm, &Value) -> PyResult,
        set: crate::objects::function::Setter,
    ) {
        self.add_getset_impl(ty, name, get, Some(set), true);
    }
    fn add_getset_impl(
        &mut self,
        ty: &Value,
        name: &'static str,
        get: fn(&mut Vm, &Value) -> PyResult,
        set: Option<crate::objects::function::Setter>,
        set_deletes: bool,
    ) {
        let gs = self.alloc_builtin(
            &self.t.getset_descr,
            GetSet {
                name,
                get,
                set,
                set_deletes,
                owner: ty.clone(),
            },
        );
        let key = self.intern(name);
        dict_set_strkey(self.type_obj(ty).dict(), key, gs);
        self.type_obj(ty).dict_modified();
    }
    pub fn add_attr(&mut self, ty: &Value, name: &str, v: Value) {
        let key = self.intern(name);
        dict_set_strkey(self.type_obj(ty).dict(), key, v);
        self.type_obj(ty).dict_modified();
    }
    /// Sets the native constructor: called as `f(vm, [cls, *args], kw)`.
    /// Sets the native constructor, and exposes it as the type's `__new__`
    /// (so `int.__new__(MyInt, 5)` and MRO lookups stop at the right type).
    pub fn set_new(&mut self, ty: &Value, f: NativeFn) {
        self.type_obj(ty).native_new.set(Some(f));
        self.add_staticmethod(ty, "__new__", builtin_new);
    }
    /// A builtin function in the builtins module.
    pub fn add_builtin(&mut self, name: &'static str, f: NativeFn) {
        let n = self.new_native(name, f, NativeKind::Function, Value::NONE);
        let key = self.intern(name);
        dict_set_strkey(&self.builtins, key, n);
    }
}

// ----- MRO ----------------------------------------------------------------------------

/// C3 linearisation of `bases`' MROs (excluding the new class itself).
pub fn compute_mro(vm: &mut Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|b| vm.type_obj(b).mro.borrow().clone())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(head))) {
                cand = Some(head.clone());
                break;
            }
        }
        let Some(c) = cand else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = vm.type_obj(&s[0]).name();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// The layout base: the most derived builtin layout among the bases.
fn solid_base(vm: &Vm, bases: &[Value]) -> PyResult<Value> {
    let mut best: Option<Value> = None;
    for b in bases {
        let bo = vm.type_obj(b);
        // The first non-heap type in b's MRO is b's layout.
        let layout_t = bo
            .mro
            .borrow()
            .iter()
            .find(|m| !vm.type_obj(m).has_flag(tflags::HEAPTYPE))
            .cloned()
            .unwrap_or(vm.t.object.clone());
        match &best {
            None => best = Some(layout_t),
            Some(cur) => {
                if is_subtype(&layout_t, cur) {
                    best = Some(layout_t);
                } else if !is_subtype(cur, &layout_t)
                    && vm.type_obj(cur).layout != vm.type_obj(&layout_t).layout
                {
                    // Builtin types with the same payload layout (e.g.
                    // OSError and ValueError) combine, as in CPython.
                    return Err(vm.type_error("multiple bases have instance lay-out conflict"));
                }
            }
        }
    }
    Ok(best.unwrap_or_else(|| vm.t.object.clone()))
}

/// The first builtin type in `t`'s MRO: the layout its instances have.
fn layout_type(vm: &Vm, t: &Value) -> Value {
    let mro = vm.type_obj(t).mro.borrow().clone();
    mro.into_iter()
        .find(|m| !vm.type_obj(m).has_flag(tflags::HEAPTYPE))
        .unwrap_or_else(|| vm.t.object.clone())
}

/// `cls.__base__` of a heap class: the base with the most derived layout
/// (the first such), as CPython's best_base picks `tp_base`.
pub(crate) fn best_base(vm: &Vm, bases: &[Value]) -> Value {
    let mut best: Option<(Value, Value)> = None;
    for b in bases {
        let l = layout_type(vm, b);
        match &best {
            Some((_, bl)) if !is_subtype(&l, bl) || l.is(bl) => {}
            _ => best = Some((b.clone(), l)),
        }
    }
    best.map_or(Value::NONE, |(b, _)| b)
}

fn recompute_flags(vm: &mut Vm, t: &Value) {
    let to = vm.type_obj(t);
    let mut flags = to.flags.get()
        & !(tflags::HAS_GETATTR | tflags::HAS_GETATTRIBUTE | tflags::HAS_SETATTR | tflags::HAS_DEL);
    let ga = vm.names.__getattr__.clone();
    let gab = vm.names.__getattribute__.clone();
    let sa = vm.names.__setattr__.clone();
    let da = vm.names.__delattr__.clone();
    let de = vm.names.__del__.clone();
    if type_lookup(t, &ga).is_some() {
        flags |= tflags::HAS_GETATTR;
    }
    // A Python __getattribute__, or a native one its builtin type relies
    // on (super's, inherited by subclasses of super).
    if type_lookup(t, &gab).is_some_and(|f| {
        match f.downcast::<crate::objects::function::Native>() {
            None => true,
            Some(n) => n
                .owner
                .downcast::<crate::objects::types::TypeObject>()
                .is_some_and(|o| o.has_flag(tflags::HAS_GETATTRIBUTE)),
        }
    }) {
        flags |= tflags::HAS_GETATTRIBUTE;
    }
    // A __setattr__/__delattr__ other than the builtin layout's own (a
    // Python function, or another type's method such as dict.__setitem__).
    let builtin = layout_type(vm, t);
    let overridden = |n: &Value| {
        type_lookup(t, n).is_some_and(|f| {
            f.kind() != Some(kinds::NATIVE) || type_lookup(&builtin, n).is_none_or(|g| !g.is(&f))
        })
    };
    if overridden(&sa) || overridden(&da) {
        flags |= tflags::HAS_SETATTR;
    }
    let h = t.header().expect("class object");
    if type_lookup(t, &de).is_some() {
        flags |= tflags::HAS_DEL;
        h.set_flag(adder_object::heap::FLAG_HAS_FINALIZER);
    } else {
        h.clear_flag(adder_object::heap::FLAG_HAS_FINALIZER);
    }
    vm.type_obj(t).flags.set(flags);
}

/// The `__dict__` and `__weakref__` descriptors a class adds when its
/// instances gain a namespace or weak references that no base provides
/// (CPython's subtype getsets): without `__slots__`, or when `__slots__`
/// names them.
fn add_dict_weakref_descriptors(
    vm: &mut Vm,
    t: &Value,
    bases: &[Value],
    has_slots: bool,
    (slot_dict, slot_weak): (bool, bool),
    flags: u32,
) {
    // A base provides it already (a builtin base with its own instance
    // dict counts for __dict__); a name the class body defines is kept.
    let own = vm.type_obj(t).dict().clone();
    let provided = |name: &Value| {
        dict_get_strkey(&own, name).is_some()
            || bases.iter().any(|b| type_lookup(b, name).is_some())
    };
    let builtin_dict = bases
        .iter()
        .any(|b| vm.type_obj(&layout_type(vm, b)).has_flag(tflags::DICT_SLOT));
    let dn = vm.names.__dict__.clone();
    if flags & tflags::NO_DICT == 0 && (!has_slots || slot_dict) && !provided(&dn) && !builtin_dict
    {
        vm.add_getset(t, "__dict__", instance_dict_get, Some(instance_dict_set));
    }
    let wn = vm.intern("__weakref__");
    let var_sized = [&vm.t.int, &vm.t.bytes, &vm.t.tuple]
        .iter()
        .any(|v| is_subtype(t, v));
    if ((!has_slots && !var_sized) || slot_weak) && !provided(&wn) {
        vm.add_getset(t, "__weakref__", instance_weakref_get, None);
    }
}

/// `obj.__dict__` through a class's `__dict__` descriptor.
fn instance_dict_get(vm: &mut Vm, obj: &Value) -> PyResult {
    match vm.object_dict(obj) {
        Some(d) => Ok(d),
        None => Err(vm.attribute_error(obj, "__dict__")),
    }
}

/// `obj.__dict__ = d` (a dict); `del obj.__dict__` leaves an empty one.
fn instance_dict_set(vm: &mut Vm, obj: &Value, value: Value) -> PyResult<()> {
    vm.replace_instance_dict(obj, Some(value))
}

/// `obj.__weakref__`: the first weak reference to `obj`, or None.
fn instance_weakref_get(_vm: &mut Vm, obj: &Value) -> PyResult {
    Ok(adder_object::weak::refs_of(obj)
        .into_iter()
        .next()
        .unwrap_or(Value::NONE))
}

/// `__x` inside class `cls` becomes `_cls__x` (private name mangling);
/// dunder names, dotted names and classes named only `_` are left alone.
fn mangle(cls: &str, name: &str) -> String {
    let stripped = cls.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty()
    {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// A class name must be encodable as UTF-8 and free of NUL characters
/// (CPython stores it as a C string).
pub fn check_type_name(vm: &mut Vm, name: &str) -> PyResult<()> {
    if name.contains('\0') {
        return Err(vm.value_error("type name must not contain null characters"));
    }
    if adder_text::surrogate::has_surrogates(name) {
        crate::builtins::str::codecs::encode(vm, name, "utf-8", "strict")?;
    }
    Ok(())
}

/// `type(name, bases, dict)` core: creates a heap class.
pub fn new_class(
    vm: &mut Vm,
    metatype: &Value,
    name: &str,
    bases: Vec<Value>,
    ns: &Value,
) -> PyResult {
    let bases = if bases.is_empty() {
        vec![vm.t.object.clone()]
    } else {
        bases
    };
    for b in &bases {
        if !vm.is_type(b) {
            return Err(vm.type_error("bases must be types"));
        }
        let bo = vm.type_obj(b);
        if bo.mro.borrow().is_empty() {
            // A base whose metaclass's mro() is still running.
            return Err(vm.type_error(format!("Cannot extend an incomplete type '{}'", bo.name())));
        }
        if !bo.has_flag(tflags::BASETYPE) {
            return Err(vm.type_error(format!(
                "type '{}' is not an acceptable base type",
                bo.tp_name()
            )));
        }
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(vm.type_error(format!("duplicate base class {}", vm.type_obj(b).name())));
        }
    }
    check_type_name(vm, name)?;
    let mro_tail = compute_mro(vm, &bases)?;
    let solid = solid_base(vm, &bases)?;
    let solid_o = vm.type_obj(&solid);
    let layout = solid_o.layout;
    let layout_vt = solid_o.meta.vtable;
    let mut flags = tflags::HEAPTYPE | tflags::BASETYPE;
    for b in &bases {
        let bf = vm.type_obj(b).flags.get();
        flags |= bf & (tflags::EXCEPTION | tflags::MAPPING | tflags::SEQUENCE | tflags::NO_DICT);
    }
    if layout != kinds::INSTANCE {
        flags |= tflags::DICT_SLOT;
    }
    // Copy the namespace into a fresh dict (the class owns its dict).
    let dict = vm.new_dict();
    // A dict's own order, unless a subclass overrides __iter__ (an
    // OrderedDict): then keys() decides, as CPython's PyDict_Copy does.
    let iter_n = vm.intern("__iter__");
    let own_order = ns.downcast::<Dict>().is_some() && {
        let nt = vm.type_of(ns);
        let dt = vm.t.dict.clone();
        nt.is(&dt)
            || matches!((type_lookup(&nt, &iter_n), type_lookup(&dt, &iter_n)),
                        (Some(a), Some(b)) if a.is(&b))
    };
    let items: Vec<(Value, Value)> = match ns.downcast::<Dict>() {
        Some(d) if own_order => d.items(),
        _ => {
            let keys = vm.call_method(ns, "keys", vec![])?;
            let mut out = Vec::new();
            for k in vm.iterate(&keys)? {
                let v = vm.getitem(ns, &k)?;
                out.push((k, v));
            }
            out
        }
    };
    for (k, v) in items {
        let k = match k.downcast::<Str>() {
            Some(s) => {
                let s = s.as_str().to_string();
                vm.intern(&s)
            }
            None => k,
        };
        vm.dict_set(&dict, k, v)?;
    }
    // A str __doc__ must be encodable (CPython copies it to a C string).
    if let Some(doc) = dict_get_str(&dict, "__doc__") {
        if let Some(d) = doc.downcast::<Str>() {
            if adder_text::surrogate::has_surrogates(d.as_str()) {
                let text = d.as_str().to_string();
                crate::builtins::str::codecs::encode(vm, &text, "utf-8", "strict")?;
            }
        }
    }
    // __slots__
    let mut slot_names: Vec<Value> = Vec::new();
    let slots_key = vm.names.__slots__.clone();
    let mut nslots_base = 0;
    for b in &bases {
        nslots_base = nslots_base.max(vm.type_obj(b).nslots.get());
    }
    // Whether __slots__ names __dict__ / __weakref__.
    let mut slot_flags = (false, false);
    let has_slots = if let Some(s) = dict_get_strkey(&dict, &slots_key) {
        let names = if s.kind() == Some(kinds::STR) {
            vec![s]
        } else {
            vm.iterate(&s)?
        };
        let mut want_dict = false;
        let mut want_weak = false;
        // Whether the bases leave room for a __dict__ / __weakref__ slot: a
        // heap class without __slots__ already has both (variable-size
        // layouts take no weakref).
        let plain_bases = bases.iter().all(|b| {
            let bo = vm.type_obj(b);
            !bo.has_flag(tflags::HEAPTYPE) || bo.has_flag(tflags::NO_DICT)
        });
        let var_sized = [&vm.t.int, &vm.t.bytes, &vm.t.tuple]
            .iter()
            .any(|v| is_subtype(&solid, v));
        if var_sized && !names.is_empty() {
            return Err(vm.type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                vm.type_obj(&solid).name()
            )));
        }
        for n in names {
            let Some(ns_) = n.downcast::<Str>() else {
                return Err(vm.type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    vm.type_name(&n)
                )));
            };
            let text = ns_.as_str().to_string();
            if !adder_text::str_ops::isidentifier(&text) {
                return Err(vm.type_error("__slots__ must be identifiers"));
            }
            if text == "__dict__" {
                if want_dict || !plain_bases {
                    return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                }
                want_dict = true;
                continue;
            }
            if text == "__weakref__" {
                if want_weak || !plain_bases || var_sized {
                    return Err(vm.type_error(
                        "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                    ));
                }
                want_weak = true;
                continue;
            }
            let iv = vm.intern(&text);
            // __qualname__ and __classcell__ are taken out of the namespace
            // before the slots are made (CPython's type_new_visit_slots).
            let special = text == "__qualname__" || text == "__classcell__";
            if !special && dict_get_strkey(&dict, &iv).is_some() {
                return Err(vm.value_error(format!(
                    "'{text}' in __slots__ conflicts with class variable"
                )));
            }
            slot_names.push(iv);
        }
        // Private names are mangled, and the slots sorted by name, so that
        // classes listing the same slots share a layout (CPython sorts too).
        let mut texts: Vec<String> = slot_names
            .iter()
            .map(|n| mangle(name, n.downcast::<Str>().map_or("", |s| s.as_str())))
            .collect();
        texts.sort();
        slot_names = texts.iter().map(|t| vm.intern(t)).collect();
        slot_flags = (want_dict, want_weak);
        if !want_dict
            && bases
                .iter()
                .all(|b| vm.type_obj(b).has_flag(tflags::NO_DICT) || b.is(&vm.t.object))
            && layout == kinds::INSTANCE
        {
            flags |= tflags::NO_DICT;
        } else if !want_dict
            && bases.iter().all(|b| {
                // A builtin layout without a __dict__ of its own (property,
                // int, ...) or a subclass of one that declared __slots__.
                let bo = vm.type_obj(b);
                if bo.has_flag(tflags::HEAPTYPE) {
                    bo.has_flag(tflags::NO_DICT)
                } else {
                    !bo.has_flag(tflags::DICT_SLOT | tflags::EXCEPTION)
                        && !matches!(bo.layout, kinds::MODULE | kinds::TYPE | kinds::FUNCTION)
                }
            })
        {
            flags &= !tflags::DICT_SLOT;
            flags |= tflags::NO_DICT;
        } else {
            flags &= !tflags::NO_DICT;
        }
        true
    } else {
        flags &= !tflags::NO_DICT;
        false
    };
    let t = make_type(
        Some(metatype),
        name,
        vm.new_tuple(bases.clone()),
        mro_tail,
        Some(dict.clone()),
        layout_vt,
        layout,
        flags,
    );
    for b in &bases {
        let w = vm.alloc_builtin(&vm.t.weakref, adder_object::weak::WeakRef::new(Value::NONE));
        if adder_object::weak::register(&t, &w) {
            let subs = &vm.type_obj(b).subclasses;
            subs.borrow_mut().retain(|r| {
                r.downcast::<adder_object::weak::WeakRef>()
                    .is_some_and(|w| w.alive())
            });
            subs.borrow_mut().push(w);
        }
    }
    let to = vm.type_obj(&t);
    // __qualname__ and __classcell__ leave the namespace first.
    let qn_key = vm.names.__qualname__.clone();
    if let Some(q) = dict_get_strkey(&dict, &qn_key) {
        if let Some(qs) = q.downcast::<Str>() {
            *to.qualname.borrow_mut() = qs.as_str().to_string();
        } else {
            return Err(vm.type_error(format!(
                "type __qualname__ must be a str, not {}",
                vm.type_name(&q)
            )));
        }
        crate::ops::dict_del_strkey(&dict, &qn_key);
    }
    // __classcell__
    if let Some(cell) = dict_get_str(&dict, "__classcell__") {
        match cell.downcast::<crate::objects::cell::Cell>() {
            Some(c) => c.value.set(t.clone()),
            None => {
                let ct = vm.type_of(&cell);
                let r = vm.repr_string(&ct)?;
                return Err(
                    vm.type_error(format!("__classcell__ must be a nonlocal cell, not {r}"))
                );
            }
        }
        let k = vm.names.__classcell__.clone();
        crate::ops::dict_del_strkey(&dict, &k);
    }
    to.nslots.set(nslots_base + slot_names.len());
    for (i, n) in slot_names.iter().enumerate() {
        let sd = vm.alloc_builtin(
            &vm.t.member_descr.clone(),
            crate::objects::function::SlotDescr {
                name: n.clone(),
                index: nslots_base + i,
                owner: t.clone(),
            },
        );
        dict_set_strkey(&dict, n.clone(), sd);
    }
    add_dict_weakref_descriptors(vm, &t, &bases, has_slots, slot_flags, flags);
    // Every class has its own __doc__ (None when the body has no docstring
    // and no slot took the name).
    if dict_get_str(&dict, "__doc__").is_none() {
        let k = vm.names.__doc__.clone();
        dict_set_strkey(&dict, k, Value::NONE);
    }
    if dict_get_str(&dict, "__module__").is_none() {
        if let Some(f) = vm.frames.last() {
            if let Some(m) = dict_get_str(&f.globals, "__name__") {
                let mk = vm.names.__module__.clone();
                dict_set_strkey(&dict, mk, m);
            }
        }
    }
    // Functions named __init_subclass__ / __class_getitem__ are implicit classmethods.
    for special in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = dict_get_str(&dict, special) {
            if f.kind() == Some(kinds::FUNCTION) {
                let cm = vm.alloc_builtin(
                    &vm.t.classmethod.clone(),
                    crate::objects::function::ClassMethod {
                        func: adder_object::ValueCell::new(f),
                    },
                );
                let k = vm.intern(special);
                dict_set_strkey(&dict, k, cm);
            }
        }
    }
    if let Some(f) = dict_get_str(&dict, "__new__") {
        if f.kind() == Some(kinds::FUNCTION) {
            let sm = vm.alloc_builtin(
                &vm.t.staticmethod.clone(),
                crate::objects::function::StaticMethod {
                    func: adder_object::ValueCell::new(f),
                },
            );
            let k = vm.names.__new__.clone();
            dict_set_strkey(&dict, k, sm);
        }
    }
    // __eq__ without __hash__ makes instances unhashable.
    if dict_get_str(&dict, "__eq__").is_some() && dict_get_str(&dict, "__hash__").is_none() {
        let k = vm.names.__hash__.clone();
        dict_set_strkey(&dict, k, Value::NONE);
    }
    recompute_flags(vm, &t);
    custom_mro(vm, metatype, &t)?;
    // __set_name__
    for (k, v) in dict.downcast::<Dict>().unwrap().items() {
        let sn = vm.names.__set_name__.clone();
        let vt = vm.type_of(&v);
        if let Some(f) = type_lookup(&vt, &sn) {
            if let Err(e) = vm.call_method_value(&f, &v, vec![t.clone(), k.clone()]) {
                // 3.11 wraps the error (3.12 switched to a note).
                let kr = vm.repr_string(&k)?;
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance {kr} in '{}'",
                    vm.type_name(&v),
                    vm.type_obj(&t).name()
                );
                let rt = vm.new_exception_msg(&vm.t.runtime_error.clone(), msg);
                if let Some(x) = rt.downcast::<crate::objects::exception::Exception>() {
                    x.cause.set(e.clone());
                    x.context.set(e);
                    x.suppress_context.set(true);
                }
                return Err(rt);
            }
        }
    }
    vm.type_obj(&t).dict_modified();
    Ok(t)
}

/// A metaclass's own `mro()` decides the new class's `__mro__` (CPython's
/// mro_internal): it runs after `__classcell__` is filled, and every entry
/// must be a class whose layout the new class's instances have.
fn custom_mro(vm: &mut Vm, metatype: &Value, t: &Value) -> PyResult<()> {
    if !has_custom_mro(vm, metatype) {
        return Ok(());
    }
    // While mro() runs the class has no __mro__ yet (None), as in CPython.
    let default_mro = std::mem::take(&mut *vm.type_obj(t).mro.borrow_mut());
    let r = call_custom_mro(vm, t);
    if vm.type_obj(t).mro.borrow().is_empty() {
        *vm.type_obj(t).mro.borrow_mut() = default_mro;
    }
    set_mro(vm, t, r?);
    Ok(())
}

/// Whether `metatype` overrides `type.mro`.
fn has_custom_mro(vm: &mut Vm, metatype: &Value) -> bool {
    if metatype.is(&vm.t.type_) {
        return false;
    }
    let mro_n = vm.intern("mro");
    let default = type_lookup(&vm.t.type_.clone(), &mro_n);
    matches!((type_lookup(metatype, &mro_n), default), (Some(c), Some(d)) if !c.is(&d))
}

/// `t.mro()` through its metaclass, checked.
fn call_custom_mro(vm: &mut Vm, t: &Value) -> PyResult<Vec<Value>> {
    let mro_n = vm.intern("mro");
    let f = vm.getattr(t, &mro_n)?;
    let r = vm.call(&f, vec![])?;
    let items = vm.iterate(&r)?;
    let own_solid = solid_of(vm, t);
    for b in &items {
        if !vm.is_type(b) {
            return Err(vm.type_error(format!(
                "mro() returned a non-class ('{}')",
                vm.type_name(b)
            )));
        }
        let b_solid = solid_of(vm, b);
        if !base_chain_contains(vm, &own_solid, &b_solid) {
            return Err(vm.type_error(format!(
                "mro() returned base with unsuitable layout ('{}')",
                vm.type_obj(b).name()
            )));
        }
    }
    Ok(items)
}

/// The class that fixes `t`'s instance layout (CPython's solid_base): `t`
/// itself if it adds slots, `__dict__` or `__weakref__`, else its base's.
fn solid_of(vm: &Vm, t: &Value) -> Value {
    let mut t = t.clone();
    for _ in 0..10_000 {
        let to = vm.type_obj(&t);
        if !to.has_flag(tflags::HEAPTYPE) {
            return t;
        }
        let adds = to.dict().downcast::<Dict>().is_some_and(|d| {
            d.items().iter().any(|(k, v)| {
                v.downcast::<crate::objects::function::SlotDescr>()
                    .is_some_and(|sd| sd.owner.is(&t))
                    || (v.kind() == Some(kinds::GETSET)
                        && k.downcast::<Str>()
                            .is_some_and(|s| matches!(s.as_str(), "__dict__" | "__weakref__")))
            })
        });
        if adds {
            return t;
        }
        let bases = to.bases.borrow().clone();
        let bases = bases
            .downcast::<Tuple>()
            .map(|b| b.items.to_vec())
            .unwrap_or_default();
        let b = best_base(vm, &bases);
        if b.is_none() {
            return t;
        }
        t = b;
    }
    t
}

/// Whether `base` is on `t`'s chain of best bases (CPython's
/// PyType_IsSubtype while `t` has no MRO yet).
fn base_chain_contains(vm: &Vm, t: &Value, base: &Value) -> bool {
    let mut t = t.clone();
    for _ in 0..10_000 {
        if t.is(base) {
            return true;
        }
        let bases = vm.type_obj(&t).bases.borrow().clone();
        let bases = bases
            .downcast::<Tuple>()
            .map(|b| b.items.to_vec())
            .unwrap_or_default();
        t = best_base(vm, &bases);
        if t.is_none() {
            return false;
        }
    }
    false
}

/// Installs a new MRO: lookups cached against the old one are dropped and
/// the attribute-hook flags are recomputed.
fn set_mro(vm: &mut Vm, t: &Value, mro: Vec<Value>) {
    let to = vm.type_obj(t);
    *to.mro.borrow_mut() = mro;
    to.lookup_cache.borrow_mut().clear();
    to.dict_modified();
    recompute_flags(vm, t);
}

/// The live subclasses of `t` (from its weak subclass list).
fn live_subclasses(vm: &Vm, t: &Value) -> Vec<Value> {
    vm.type_obj(t).live_subclasses()
}

/// Recomputes the MRO of `t` and of its subclasses, depth first, recording
/// the old ones in `done` so that a failure can restore them.
fn update_mro_tree(vm: &mut Vm, t: &Value, done: &mut Vec<(Value, Vec<Value>)>) -> PyResult<()> {
    if done.len() > 10_000 || done.iter().any(|(d, _)| d.is(t)) {
        return Ok(());
    }
    let meta = vm.type_of(t);
    let mro = if has_custom_mro(vm, &meta) {
        call_custom_mro(vm, t)?
    } else {
        let bases = vm.type_obj(t).bases.borrow().clone();
        let bases = bases
            .downcast::<Tuple>()
            .map(|b| b.items.to_vec())
            .unwrap_or_default();
        let mut m = vec![t.clone()];
        m.extend(compute_mro(vm, &bases)?);
        m
    };
    let old = vm.type_obj(t).mro.borrow().clone();
    done.push((t.clone(), old));
    set_mro(vm, t, mro);
    for sub in live_subclasses(vm, t) {
        update_mro_tree(vm, &sub, done)?;
    }
    Ok(())
}

/// Whether `target` is reachable from `start` through `__bases__` (which a
/// reentrant assignment may have changed before the MROs caught up).
fn bases_reach(vm: &Vm, start: &Value, target: &Value) -> bool {
    let mut todo = vec![start.clone()];
    let mut steps = 0;
    while let Some(t) = todo.pop() {
        if t.is(target) {
            return true;
        }
        steps += 1;
        if steps > 10_000 {
            return false;
        }
        let bases = vm.type_obj(&t).bases.borrow().clone();
        if let Some(b) = bases.downcast::<Tuple>() {
            todo.extend(b.items.iter().cloned());
        }
    }
    false
}

/// `cls.__bases__ = bases` (CPython's type_set_bases): checks the new bases,
/// recomputes the MRO of the class and its subclasses (restoring everything
/// if one fails) and moves the class between its bases' subclass lists.
fn set_bases(vm: &mut Vm, cls: &Value, value: &Value) -> PyResult<()> {
    let name = vm.type_obj(cls).name();
    let Some(tuple) = value.downcast::<Tuple>() else {
        return Err(vm.type_error(format!(
            "can only assign tuple to {name}.__bases__, not {}",
            vm.type_name(value)
        )));
    };
    let new_bases = tuple.items.to_vec();
    if new_bases.is_empty() {
        return Err(vm.type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    for b in &new_bases {
        if !vm.is_type(b) {
            return Err(vm.type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                vm.type_name(b)
            )));
        }
        if is_subtype(b, cls) || bases_reach(vm, b, cls) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
        let bo = vm.type_obj(b);
        if !bo.has_flag(tflags::BASETYPE) {
            return Err(vm.type_error(format!(
                "type '{}' is not an acceptable base type",
                bo.tp_name()
            )));
        }
    }
    for (i, b) in new_bases.iter().enumerate() {
        if new_bases[..i].iter().any(|x| x.is(b)) {
            return Err(vm.type_error(format!("duplicate base class {}", vm.type_obj(b).name())));
        }
    }
    let old_value = vm.type_obj(cls).bases.borrow().clone();
    let old_bases = old_value
        .downcast::<Tuple>()
        .map(|b| b.items.to_vec())
        .unwrap_or_default();
    // The instances' layout must stay the same.
    let (new_best, old_best) = (best_base(vm, &new_bases), best_base(vm, &old_bases));
    let slots = |vm: &Vm, bs: &[Value]| bs.iter().map(|b| vm.type_obj(b).nslots.get()).max();
    if !new_best.is_none() && !old_best.is_none() {
        // CPython compares the deallocators first (a builtin base against
        // a heap one, or another builtin layout), then the slots added.
        let heap = |vm: &Vm, b: &Value| vm.type_obj(b).has_flag(tflags::HEAPTYPE);
        let what = if !layout_type(vm, &new_best).is(&layout_type(vm, &old_best))
            || heap(vm, &new_best) != heap(vm, &old_best)
        {
            Some("deallocator")
        } else if slots(vm, &new_bases) != slots(vm, &old_bases) {
            Some("object layout")
        } else {
            None
        };
        if let Some(what) = what {
            return Err(vm.type_error(format!(
                "__bases__ assignment: '{}' {what} differs from '{}'",
                vm.type_obj(&new_best).name(),
                vm.type_obj(&old_best).name()
            )));
        }
    }
    *vm.type_obj(cls).bases.borrow_mut() = value.clone();
    let mut done = Vec::new();
    if let Err(e) = update_mro_tree(vm, cls, &mut done) {
        // Unless mro() assigned __bases__ again meanwhile (that one stays).
        if vm.type_obj(cls).bases.borrow().is(value) {
            *vm.type_obj(cls).bases.borrow_mut() = old_value;
        }
        for (t, mro) in done.into_iter().rev() {
            set_mro(vm, &t, mro);
        }
        return Err(e);
    }
    if !vm.type_obj(cls).bases.borrow().is(value) {
        // A metaclass's mro() assigned __bases__ again meanwhile: that
        // assignment moved the class between subclass lists already.
        return Ok(());
    }
    for b in &old_bases {
        vm.type_obj(b).subclasses.borrow_mut().retain(|r| {
            r.downcast::<adder_object::weak::WeakRef>()
                .and_then(|w| w.get())
                .is_some_and(|s| !s.is(cls))
        });
    }
    for b in &new_bases {
        let w = vm.alloc_builtin(&vm.t.weakref, adder_object::weak::WeakRef::new(Value::NONE));
        if adder_object::weak::register(cls, &w) {
            vm.type_obj(b).subclasses.borrow_mut().push(w);
        }
    }
    Ok(())
}

/// Calls `__init_subclass__` of the parent (after class creation).
pub fn init_subclass(vm: &mut Vm, t: &Value, kwargs: Vec<(Value, Value)>) -> PyResult<()> {
    let mro = vm.type_obj(t).mro.borrow().clone();
    let isn = vm.names.__init_subclass__.clone();
    for c in mro.iter().skip(1) {
        if let Some(f) = dict_get_strkey(vm.type_obj(c).dict(), &isn) {
            let func = vm.unwrap_method_descriptor(&f);
            let mut a = Args::new(vec![t.clone()]);
            a.kw = kwargs;
            vm.call_args(&func, a)?;
            return Ok(());
        }
    }
    Ok(())
}

/// `object.__init_subclass__`: accepts no keyword arguments.
pub fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult {
    if let Some((k, _)) = args.kw.first() {
        let _ = k;
        let cls = args.pos.first().cloned().unwrap_or(Value::NONE);
        let name = if vm.is_type(&cls) {
            vm.type_obj(&cls).name()
        } else {
            "object".into()
        };
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}

// ----- calling a class ----------------------------------------------------------------

/// Calling a class object: a metaclass's own `__call__` takes over.
pub fn type_call(vm: &mut Vm, cls: &Value, args: Args) -> PyResult {
    let meta = vm.type_of(cls);
    if !meta.is(&vm.t.type_) {
        let cn = vm.names.__call__.clone();
        if let Some(c) = type_lookup(&meta, &cn) {
            if c.kind() == Some(kinds::FUNCTION) {
                let mut a = args;
                a.pos.insert(0, cls.clone());
                return vm.call_args(&c, a);
            }
            if c.kind() != Some(kinds::NATIVE) {
                // Bound only if it is a descriptor (`__call__ = dict` is
                // called as is, as typing's TypedDict metaclass expects).
                let bound = vm.descr_get(&c, cls, &meta)?;
                return vm.call_args(&bound, args);
            }
        }
    }
    type_call_impl(vm, cls, args)
}

/// For `cls(...)` where `cls`'s metaclass is `type`, its `__new__` is
/// `object.__new__` allocating a plain instance and its `__init__` a
/// Python function (not a generator function): a new instance and that
/// `__init__`, for the caller to run. None when `type_call` must decide.
pub fn plain_init(vm: &mut Vm, cls: &Value) -> PyResult<Option<(Value, Value)>> {
    // Builtin classes (`range(...)`, `int(...)`) never qualify: they have
    // native `__new__`s.
    let Some(to) = cls.downcast::<TypeObject>() else {
        return Ok(None);
    };
    if !to.has_flag(tflags::HEAPTYPE) || !vm.type_of(cls).is(&vm.t.type_) {
        return Ok(None);
    }
    // The verdict below depends only on the class's namespace and MRO,
    // which its version covers (`object_new_instance`'s checks included).
    let key = (to.version.get(), crate::objects::types::builtin_epoch());
    if to.init_cache_key.get() == key {
        let init = to.init_cache.get();
        return Ok(Some((vm.alloc_instance(cls), init)));
    }
    let found = plain_init_lookup(vm, cls)?;
    if let Some((_, init)) = &found {
        let to = vm.type_obj(cls);
        to.init_cache.set(init.clone());
        to.init_cache_key.set(key);
    }
    Ok(found)
}

/// `plain_init` without its cache.
fn plain_init_lookup(vm: &mut Vm, cls: &Value) -> PyResult<Option<(Value, Value)>> {
    let init_n = vm.names.__init__.clone();
    let Some(init) = type_lookup(cls, &init_n) else {
        return Ok(None);
    };
    let Some(func) = init.downcast::<crate::objects::function::Function>() else {
        return Ok(None);
    };
    if func.code().code.is_generator_like() {
        return Ok(None);
    }
    let new_n = vm.names.__new__.clone();
    match type_lookup(cls, &new_n) {
        Some(f) if is_object_new(vm, &f) && first_native_new(vm, cls).is_none() => {}
        _ => return Ok(None),
    }
    let obj = object_new_instance(vm, cls)?;
    Ok(Some((obj, init)))
}

/// `type.__call__(cls, ...)`: `__new__` then `__init__`.
pub fn type_call_impl(vm: &mut Vm, cls: &Value, args: Args) -> PyResult {
    if cls.is(&vm.t.type_) && args.pos.len() == 1 && args.kw.is_empty() {
        return Ok(vm.type_of(&args.pos[0]));
    }
    let new_n = vm.names.__new__.clone();
    let newf = type_lookup(cls, &new_n);
    let obj = match &newf {
        // `object.__new__` for a plain class: allocate directly (its
        // argument checks are the `__init__` ones below).
        Some(f) if is_object_new(vm, f) && first_native_new(vm, cls).is_none() => {
            object_new_instance(vm, cls)?
        }
        Some(f) => {
            // __new__ is looked up as an attribute of the class: a
            // classmethod is bound to it (and still gets cls first).
            let func = if f.kind() == Some(kinds::CLASSMETHOD) {
                vm.descr_get(f, &Value::NONE, cls)?
            } else {
                vm.unwrap_method_descriptor(f)
            };
            let mut a = Args {
                pos: args.pos.clone(),
                kw: args.kw.clone(),
            };
            a.pos.insert(0, cls.clone());
            vm.call_args(&func, a)?
        }
        None => native_new(vm, cls, &args)?,
    };
    // __init__ only when __new__ returned an instance of cls.
    let ot = vm.type_of(&obj);
    if !is_subtype(&ot, cls) {
        return Ok(obj);
    }
    if cls.is(&vm.t.type_) {
        return Ok(obj);
    }
    let init_n = vm.names.__init__.clone();
    if let Some(init) = type_lookup(&ot, &init_n) {
        if init.kind() == Some(kinds::NATIVE) {
            // object.__init__ / builtin inits: check extra args like CPython.
            let n = init.downcast::<crate::objects::function::Native>().unwrap();
            if n.name == "__init__" && n.owner.is(&vm.t.object) {
                if (!args.pos.is_empty() || !args.kw.is_empty())
                    && newf.as_ref().is_none_or(|f| {
                        f.kind() == Some(kinds::NATIVE)
                            && vm.type_obj(&ot).layout == kinds::INSTANCE
                    })
                {
                    return Err(
                        vm.type_error(format!("{}() takes no arguments", vm.type_obj(cls).name()))
                    );
                }
                return Ok(obj);
            }
        }
        let r = if matches!(init.kind(), Some(kinds::FUNCTION) | Some(kinds::NATIVE)) {
            let mut a = args;
            a.pos.insert(0, obj.clone());
            vm.call_args(&init, a)?
        } else {
            // Any other __init__ (a property, a callable object) is bound
            // through the descriptor protocol first.
            let bound = vm.descr_get(&init, &obj, &ot)?;
            vm.call_args(&bound, args)?
        };
        if !r.is_none() {
            return Err(vm.type_error(format!(
                "__init__() should return None, not '{}'",
                vm.type_name(&r)
            )));
        }
    }
    Ok(obj)
}

/// `object.__new__` and builtin constructors: finds the layout's native
/// constructor along the MRO.
pub fn native_new(vm: &mut Vm, cls: &Value, args: &Args) -> PyResult {
    match first_native_new(vm, cls) {
        Some(f) => {
            let mut a = Args {
                pos: args.pos.clone(),
                kw: args.kw.clone(),
            };
            a.pos.insert(0, cls.clone());
            f(vm, a)
        }
        None => object_new_instance(vm, cls),
    }
}

/// Whether `f` is `object.__new__` itself.
fn is_object_new(vm: &Vm, f: &Value) -> bool {
    f.downcast::<crate::objects::function::Native>()
        .is_some_and(|n| n.name == "__new__" && n.owner.is(&vm.t.object))
}

/// The native constructor the first class on `cls`'s MRO has, if any.
fn first_native_new(vm: &Vm, cls: &Value) -> Option<crate::vm::NativeFn> {
    let mro = vm.type_obj(cls).mro.borrow();
    mro.iter().find_map(|c| vm.type_obj(c).native_new.get())
}

pub fn object_new_instance(vm: &mut Vm, cls: &Value) -> PyResult {
    let to = vm.type_obj(cls);
    if to.has_flag(tflags::ABSTRACT) {
        return Err(vm.type_error(format!("Can't instantiate abstract class {}", to.name())));
    }
    if to.layout != kinds::INSTANCE {
        return Err(vm.type_error(format!("object.__new__({}) is not safe", to.name())));
    }
    let an = vm.names.__abstractmethods__.clone();
    if let Some(am) = type_lookup(cls, &an) {
        if vm.truthy(&am).unwrap_or(false) {
            let mut names: Vec<String> = Vec::new();
            for n in vm.iterate(&am)? {
                names.push(vm.str_string(&n)?);
            }
            names.sort();
            // 3.11.2 lists the names bare (quotes came in 3.12).
            let q = names.clone();
            let to = vm.type_obj(cls);
            return Err(vm.type_error(format!(
                "Can't instantiate abstract class {} with abstract method{} {}",
                to.name(),
                if names.len() == 1 { "" } else { "s" },
                q.join(", ")
            )));
        }
    }
    Ok(vm.alloc_instance(cls))
}

/// The class argument of a `__new__` (its first positional argument).
fn new_cls_arg(vm: &Vm, args: &Args, what: &str) -> PyResult<Value> {
    let Some(cls) = args.pos.first().cloned() else {
        return Err(vm.type_error(format!("{what}(): not enough arguments")));
    };
    if !vm.is_type(&cls) {
        return Err(vm.type_error(format!(
            "{what}(X): X is not a type object ({})",
            vm.type_name(&cls)
        )));
    }
    Ok(cls)
}

/// Whether `cls.<name>` resolves to `object`'s own (`__new__`/`__init__`
/// not overridden anywhere on the MRO): CPython's `tp_new == object_new`.
pub fn inherits_object_slot(vm: &Vm, cls: &Value, name: &str) -> bool {
    let key = if name == "__new__" {
        &vm.names.__new__
    } else {
        &vm.names.__init__
    };
    match dict_get_strkey(vm.type_obj(&vm.t.object).dict(), key) {
        Some(o) => type_lookup(cls, key).is_some_and(|f| f.is(&o)),
        None => false,
    }
}

/// `object.__new__(cls, *args)` as a Python-visible static method.
pub fn object_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = new_cls_arg(vm, &args, "object.__new__")?;
    // Extra arguments are for an overridden __init__ (CPython's object_new).
    if args.pos.len() > 1 || !args.kw.is_empty() {
        if !inherits_object_slot(vm, &cls, "__new__") {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if inherits_object_slot(vm, &cls, "__init__") {
            return Err(vm.type_error(format!("{}() takes no arguments", vm.type_obj(&cls).name())));
        }
    }
    let to = vm.type_obj(&cls);
    if to.layout != kinds::INSTANCE {
        // The layout's own constructor must run (CPython: tp_new mismatch).
        let mro = to.mro.borrow().clone();
        let base = mro
            .iter()
            .find(|c| !vm.type_obj(c).has_flag(tflags::HEAPTYPE))
            .map_or("object".to_string(), |c| vm.type_obj(c).name());
        let name = vm.type_obj(&cls).name();
        return Err(vm.type_error(format!(
            "object.__new__({name}) is not safe, use {base}.__new__()"
        )));
    }
    if first_native_new(vm, &cls).is_none() {
        return object_new_instance(vm, &cls);
    }
    native_new(
        vm,
        &cls,
        &Args {
            pos: args.pos[1..].iter().cloned().collect(),
            kw: args.kw,
        },
    )
}

/// The `__new__` of builtin types with a native constructor: `T.__new__(cls, ...)`.
fn builtin_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = new_cls_arg(vm, &args, "__new__")?;
    native_new(
        vm,
        &cls,
        &Args {
            pos: args.pos[1..].iter().cloned().collect(),
            kw: args.kw,
        },
    )
}

/// `type.__new__(meta, name, bases, ns, **kw)` and `type(name, bases, ns)`.
pub fn type_new(vm: &mut Vm, args: Args) -> PyResult {
    let pos = &args.pos;
    if pos.len() == 2 {
        return Ok(vm.type_of(&pos[1]));
    }
    if pos.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let meta = pos[0].clone();
    let name = match pos[1].downcast::<Str>() {
        Some(s) => s.as_str().to_string(),
        None => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                vm.type_name(&pos[1])
            )))
        }
    };
    let bases = match pos[2].downcast::<Tuple>() {
        Some(t) => t.items.to_vec(),
        None => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                vm.type_name(&pos[2])
            )))
        }
    };
    if pos[3].kind() != Some(kinds::DICT) {
        return Err(vm.type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            vm.type_name(&pos[3])
        )));
    }
    // The most derived metaclass wins.
    let mut winner = meta.clone();
    for b in &bases {
        let bm = vm.type_of(b);
        if is_subtype(&winner, &bm) {
            continue;
        }
        if is_subtype(&bm, &winner) {
            winner = bm;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    // CPython's type_new: a more derived metaclass with its own __new__
    // (e.g. `type(name, (SomeEnum,), ns, boundary=...)`) takes over.
    if !winner.is(&meta) {
        let n = vm.intern("__new__");
        let own = type_lookup(&winner, &n);
        let base_new = type_lookup(&vm.t.type_.clone(), &n);
        if let (Some(o), Some(b)) = (own, base_new) {
            if !o.is(&b) {
                let f = vm.getattr_str(&winner, "__new__")?;
                let mut call_pos = vec![winner.clone()];
                call_pos.extend(pos[1..].iter().cloned());
                return vm.call_args(
                    &f,
                    Args {
                        pos: call_pos.into(),
                        kw: args.kw,
                    },
                );
            }
        }
    }
    let ns = pos[3].clone();
    let t = new_class(vm, &winner, &name, bases, &ns)?;
    init_subclass(vm, &t, args.kw)?;
    Ok(t)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos.remove(0);
    let name = args.pos.remove(0);
    let orig_bases = args.pos.clone();
    // PEP 560: __mro_entries__
    let mut bases = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if !vm.is_type(b) {
            // An attribute lookup on the base itself, as CPython does
            // (typing sets `__mro_entries__` on functions such as TypedDict).
            let me = vm.names.__mro_entries__.clone();
            if let Some(f) = vm.getattr_opt(b, &me)? {
                let arg = vm.new_tuple(orig_bases.to_vec());
                let r = vm.call(&f, vec![arg])?;
                match r.downcast::<Tuple>() {
                    Some(t) => bases.extend(t.items.iter().cloned()),
                    None => return Err(vm.type_error("__mro_entries__ must return a tuple")),
                }
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let mut meta = args.take_kw("metaclass");
    let is_class = meta.as_ref().is_none_or(|m| vm.is_type(m));
    if meta.is_none() {
        meta = Some(if bases.is_empty() {
            vm.t.type_.clone()
        } else {
            vm.type_of(&bases[0])
        });
    }
    let mut meta = meta.unwrap();
    if is_class {
        for b in &bases {
            let bm = vm.type_of(b);
            if is_subtype(&meta, &bm) {
                continue;
            }
            if is_subtype(&bm, &meta) {
                meta = bm;
                continue;
            }
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    let bases_t = vm.new_tuple(bases.clone());
    let kw = std::mem::take(&mut args.kw);
    let prep = vm.names.__prepare__.clone();
    let ns = match vm.getattr_opt(&meta, &prep)? {
        Some(p) if p.kind() != Some(kinds::NATIVE) => {
            let mut a = Args::new(vec![name.clone(), bases_t.clone()]);
            a.kw = kw.clone();
            vm.call_args(&p, a)?
        }
        _ => vm.new_dict(),
    };
    // Run the body with ns as its locals.
    let f = func
        .downcast::<crate::objects::function::Function>()
        .ok_or_else(|| vm.type_error("__build_class__: func must be a function"))?;
    let code = f.code.get();
    let globals = f.globals.clone();
    let closure = f.closure.clone();
    let mut frame = vm.make_module_frame(code, globals, ns.clone());
    frame.func = func.clone();
    frame.builtins = f.builtins.clone();
    // Free variables come from the function's closure.
    let nl = frame.code().code.nlocals();
    let ncell = frame.code().code.cellvars.len();
    if let Some(cl) = closure.downcast::<Tuple>() {
        let frees = &mut frame.stack.locals_mut()[nl + ncell..];
        for (slot, c) in frees.iter_mut().zip(cl.items.iter()) {
            *slot = c.clone();
        }
    }
    let cell = vm.run_frame(frame)?;
    if changed {
        let ob = vm.new_tuple(orig_bases.into_vec());
        let k = vm.intern("__orig_bases__");
        vm.setitem(&ns, k, ob)?;
    }
    let name_v = name.clone();
    let mut a = Args::new(vec![name, bases_t, ns]);
    a.kw = kw;
    let cls = vm.call_args(&meta, a)?;
    // The metaclass must have passed `__classcell__` on to `type.__new__`.
    if let Some(c) = cell.downcast::<crate::objects::cell::Cell>() {
        if vm.is_type(&cls) && !c.value.get().is(&cls) {
            let cr = vm.repr_string(&cls)?;
            let nm = vm.str_string(&name_v)?;
            if c.value.is_null() {
                return Err(vm.runtime_error(format!(
                    "__class__ not set defining '{nm}' as {cr}. Was __classcell__ propagated to type.__new__?"
                )));
            }
            let got = c.value.get();
            let gr = vm.repr_string(&got)?;
            return Err(vm.type_error(format!("__class__ set to {gr} defining '{nm}' as {cr}")));
        }
    }
    Ok(cls)
}

// ----- attributes of classes ------------------------------------------------------------

/// `__name__`, `__mro__`, `__dict__` and friends on a class.
pub fn type_special_attr(vm: &mut Vm, cls: &Value, name: &Value) -> PyResult<Option<Value>> {
    let n = name
        .downcast::<Str>()
        .map_or("", |s| s.as_str())
        .to_string();
    let to = vm.type_obj(cls);
    Ok(Some(match n.as_str() {
        "__name__" => vm.new_string(to.name()),
        "__qualname__" => vm.new_string(to.qualname.borrow().clone()),
        "__mro__" => {
            let m = to.mro.borrow().clone();
            if m.is_empty() {
                // Only while a metaclass's mro() computes it.
                Value::NONE
            } else {
                vm.new_tuple(m)
            }
        }
        "__bases__" => to.bases.borrow().clone(),
        "__base__" => {
            let b = to.bases.borrow().clone();
            let bases = b
                .downcast::<Tuple>()
                .map(|t| t.items.to_vec())
                .unwrap_or_default();
            if to.has_flag(tflags::HEAPTYPE) {
                best_base(vm, &bases)
            } else {
                bases.first().cloned().unwrap_or(Value::NONE)
            }
        }
        "__dict__" => {
            let d = to.dict().clone();
            vm.alloc_builtin(
                &vm.t.mappingproxy.clone(),
                crate::objects::misc::MappingProxy { mapping: d },
            )
        }
        "__class__" => vm.type_of(cls),
        "__module__" => {
            if let Some(m) =
                dict_get_str(to.dict(), "__module__").filter(|m| m.kind() != Some(kinds::GETSET))
            {
                return Ok(Some(m));
            }
            if to.has_flag(tflags::HEAPTYPE) {
                return Ok(None);
            }
            vm.new_str("builtins")
        }
        "__doc__" => {
            if let Some(d) =
                dict_get_str(to.dict(), "__doc__").filter(|d| d.kind() != Some(kinds::GETSET))
            {
                return Ok(Some(d));
            }
            match to.doc {
                Some(d) => vm.new_str(d),
                None => Value::NONE,
            }
        }
        "__subclasses__" => return Ok(None),
        "__flags__" => {
            // CPython's Py_TPFLAGS_* bits for what Adder tracks.
            let f = to.flags.get();
            let mut bits: i64 = 0;
            if f & tflags::HEAPTYPE != 0 {
                bits |= (1 << 9) | (1 << 14);
            } else {
                bits |= 1 << 8;
            }
            if f & tflags::BASETYPE != 0 {
                bits |= 1 << 10;
            }
            if f & tflags::SEQUENCE != 0 {
                bits |= 1 << 5;
            }
            if f & tflags::MAPPING != 0 {
                bits |= 1 << 6;
            }
            // Py_TPFLAGS_IS_ABSTRACT: set while the class's own
            // `__abstractmethods__` is non-empty (inspect.isabstract).
            let abstract_ns = dict_get_str(to.dict(), "__abstractmethods__")
                .is_some_and(|a| vm.truthy(&a).unwrap_or(false));
            if f & tflags::ABSTRACT != 0 || abstract_ns {
                bits |= 1 << 20;
            }
            let sub = |t: &Value| is_subtype(cls, t);
            for (t, bit) in [
                (&vm.t.int, 24),
                (&vm.t.list, 25),
                (&vm.t.tuple, 26),
                (&vm.t.bytes, 27),
                (&vm.t.str, 28),
                (&vm.t.dict, 29),
                (&vm.t.base_exception, 30),
                (&vm.t.type_, 31),
            ] {
                if sub(t) {
                    bits |= 1 << bit;
                }
            }
            vm.new_int(bits)
        }
        "__annotations__" if to.has_flag(tflags::HEAPTYPE) => {
            if let Some(a) = dict_get_str(to.dict(), "__annotations__") {
                return Ok(Some(a));
            }
            let d = vm.new_dict();
            let an = vm.names.__annotations__.clone();
            dict_set_strkey(to.dict(), an, d.clone());
            to.dict_modified();
            d
        }
        _ => return Ok(None),
    }))
}

pub fn type_setattr(vm: &mut Vm, cls: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let to = vm.type_obj(cls);
    let n = name.downcast::<Str>().unwrap().as_str().to_string();
    // Data descriptors on the metatype (a property on a metaclass, read-only
    // or not, or a class with __set__/__delete__); type's own getsets are
    // handled below.
    let meta = vm.type_of(cls);
    let value = match type_lookup(&meta, name) {
        Some(d) if d.kind() != Some(kinds::GETSET) && d.kind() != Some(kinds::SLOTDESCR) => {
            match vm.set_via_descriptor(cls, name, &d, value)? {
                None => return Ok(()),
                Some(v) => v,
            }
        }
        _ => value,
    };
    if !to.has_flag(tflags::HEAPTYPE) {
        return Err(vm.type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            n,
            to.name()
        )));
    }
    match n.as_str() {
        "__dict__" => {
            // type's read-only getset.
            return Err(vm.new_exception_msg(
                &vm.t.attribute_error.clone(),
                "attribute '__dict__' of 'type' objects is not writable",
            ));
        }
        "__mro__" | "__base__" | "__basicsize__" | "__itemsize__" | "__flags__"
        | "__weakrefoffset__" | "__dictoffset__" => {
            // type's read-only members.
            return Err(vm.new_exception_msg(&vm.t.attribute_error.clone(), "readonly attribute"));
        }
        "__bases__" => {
            return match &value {
                Some(v) => set_bases(vm, cls, v),
                None => Err(vm.type_error(format!(
                    "cannot delete '__bases__' attribute of immutable type '{}'",
                    to.name()
                ))),
            };
        }
        "__name__" => {
            if let Some(v) = &value {
                if let Some(s) = v.downcast::<Str>() {
                    let text = s.as_str().to_string();
                    check_type_name(vm, &text)?;
                    *to.name.borrow_mut() = text;
                    return Ok(());
                }
                return Err(vm.type_error(format!(
                    "can only assign string to {}.__name__, not '{}'",
                    to.name(),
                    vm.type_name(v)
                )));
            }
        }
        "__qualname__" => {
            if let Some(v) = &value {
                if let Some(s) = v.downcast::<Str>() {
                    *to.qualname.borrow_mut() = s.as_str().to_string();
                    return Ok(());
                }
                return Err(vm.type_error(format!(
                    "can only assign string to {}.__qualname__, not '{}'",
                    to.name(),
                    vm.type_name(v)
                )));
            }
        }
        _ => {}
    }
    to.dict_modified();
    match value {
        Some(v) => dict_set_strkey(to.dict(), name.clone(), v),
        None => {
            if !crate::ops::dict_del_strkey(to.dict(), name) {
                return Err(vm.attribute_error(cls, &n));
            }
        }
    }
    if n.starts_with("__") {
        // Subclasses inherit hooks such as __getattribute__ (CPython's
        // update_slot walks the subclasses too).
        let mut todo = vec![cls.clone()];
        let mut seen = 0;
        while let Some(t) = todo.pop() {
            recompute_flags(vm, &t);
            seen += 1;
            if seen < 100_000 {
                todo.extend(live_subclasses(vm, &t));
            }
        }
    }
    Ok(())
}

/// `X | Y` for types (PEP 604): returns a `types.UnionType`-like tuple wrapper.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let ok = |vm: &Vm, v: &Value| v.is_none() || vm.is_type(v);
    // `None | None` is not a union (NoneType has no `__or__`).
    if !(ok(vm, a) && ok(vm, b)) || (a.is_none() && b.is_none()) {
        return Ok(None);
    }
    crate::modules::pysource::union_or(vm, a, b)
}

pub fn generic_alias(vm: &mut Vm, cls: &Value, key: &Value) -> PyResult {
    crate::modules::pysource::generic_alias(vm, cls, key)
}

pub fn mro_list(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos.first().cloned().unwrap_or(Value::NONE);
    if !vm.is_type(&cls) {
        return Err(vm.type_error("descriptor 'mro' requires a 'type' object"));
    }
    // The default linearisation, even when a metaclass's mro() replaced
    // __mro__.
    let bases = vm.type_obj(&cls).bases.borrow().clone();
    let bases = bases
        .downcast::<Tuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default();
    let mut m = vec![cls.clone()];
    if vm.type_obj(&cls).has_flag(tflags::HEAPTYPE) {
        m.extend(compute_mro(vm, &bases)?);
    } else {
        m = vm.type_obj(&cls).mro.borrow().clone();
    }
    Ok(vm.new_list(m))
}

pub fn type_of_value(vm: &Vm, v: &Value) -> TypeObjectName {
    TypeObjectName(vm.type_name(v))
}

pub struct TypeObjectName(pub String);

#[allow(dead_code)]
fn _unused(_: &TypeObject) {}
