//! Attribute access: the generic `__getattribute__`/`__setattr__`/
//! `__delattr__` algorithm with descriptors, instance shapes, type and module
//! attributes.
//!
//! Invariant: the lookup order is CPython's — data descriptors on the type
//! win over instance attributes, which win over non-data descriptors and
//! plain class attributes; `__getattr__` runs only after an AttributeError.

use adder_object::{Value, ValueCell};

use crate::kinds;
use crate::objects::function::{
    ClassMethod, GetSet, Native, NativeKind, Property, SlotDescr, StaticMethod,
};
use crate::objects::instance::MAX_INLINE;
use crate::objects::module::Module;
use crate::objects::string::Str;
use crate::objects::types::{tflags, TypeObject};
use crate::ops::{dict_del_strkey, dict_get_strkey, dict_set_strkey, type_lookup};
use crate::vm::{PyResult, Vm};

/// Kinds whose objects are descriptors natively.
/// Whether `d`, found on a class, is an object whose class may define
/// `__get__`/`__set__`/`__delete__`: a plain instance, or an instance of
/// any class that dispatches to special methods (user subclasses of
/// builtins, native-module types such as `_collections._tuplegetter`).
fn user_descriptor(vm: &Vm, d: &Value) -> bool {
    match d.kind() {
        Some(kinds::INSTANCE) => true,
        Some(kinds::FUNCTION) | Some(kinds::NATIVE) | Some(kinds::STR) | Some(kinds::TUPLE) => {
            false
        }
        Some(_) => crate::ops::is_heap_type(&vm.type_of(d)),
        None => false,
    }
}

/// A data descriptor that takes precedence over the instance's own value:
/// one without `__get__` does not (CPython: tp_descr_get is NULL).
fn data_descriptor_get(vm: &Vm, d: &Value) -> bool {
    is_data_descriptor(vm, d)
        && (!user_descriptor(vm, d) || type_lookup(&vm.type_of(d), &vm.names.__get__).is_some())
}

pub(crate) fn is_data_descriptor(vm: &Vm, d: &Value) -> bool {
    match d.kind() {
        Some(kinds::PROPERTY) | Some(kinds::SLOTDESCR) | Some(kinds::GETSET) => true,
        _ if user_descriptor(vm, d) => {
            let t = vm.type_of(d);
            type_lookup(&t, &vm.names.__set__).is_some()
                || type_lookup(&t, &vm.names.__delete__).is_some()
        }
        _ => false,
    }
}

impl Vm {
    /// The inline slot holding `name` in a plain instance whose class
    /// cannot interfere with direct access: none of the `hook` flags
    /// (a custom `__getattribute__` or `__setattr__`) and no data descriptor
    /// of that name on the MRO. None: the generic path must run.
    #[inline]
    fn unshadowed_slot<'a>(
        &self,
        obj: &'a Value,
        name: &Value,
        hook: u32,
    ) -> Option<&'a ValueCell> {
        let h = obj.header()?;
        let shape = h.shape()?;
        if shape.dict_mode {
            return None;
        }
        let i = shape.index_of(name)?;
        let t = h.class();
        let to = t.downcast::<TypeObject>()?;
        if to.has_flag(hook) {
            return None;
        }
        if type_lookup(&t, name).is_some_and(|d| is_data_descriptor(self, &d)) {
            return None;
        }
        h.trailing().get(to.nslots.get() + i)
    }

    /// Fast path of `obj.name` (see `unshadowed_slot`); None: use `getattr`.
    #[inline]
    pub fn inline_attr(&self, obj: &Value, name: &Value) -> Option<Value> {
        let v = self
            .unshadowed_slot(obj, name, tflags::HAS_GETATTRIBUTE)?
            .get();
        (!v.is_null()).then_some(v)
    }

    /// Fast path of `obj.name = v` for an attribute the instance already
    /// holds inline (see `unshadowed_slot`). Gives `v` back (Err) when the
    /// generic path must run.
    #[inline]
    pub fn store_inline_attr(&self, obj: &Value, name: &Value, v: Value) -> Result<(), Value> {
        match self.unshadowed_slot(obj, name, tflags::HAS_SETATTR) {
            Some(slot) => {
                slot.set(v);
                Ok(())
            }
            None => Err(v),
        }
    }

    /// The instance attribute `name` (interned) stored inline or in the
    /// object's `__dict__`, without descriptors.
    pub fn instance_attr(&self, obj: &Value, name: &Value) -> Option<Value> {
        let h = obj.header()?;
        if let Some(shape) = h.shape() {
            if shape.dict_mode {
                let d = h.trailing()[self.nslots_of(obj)].get();
                return dict_get_strkey(&d, name);
            }
            let i = shape.index_of(name)?;
            let v = h.trailing()[self.nslots_of(obj) + i].get();
            return if v.is_null() { None } else { Some(v) };
        }
        if let Some(slot) = h.dict_slot() {
            if h.kind() == kinds::MODULE {
                // A module subclass's namespace is the module's own dict.
                return dict_get_strkey(&obj.downcast::<Module>().unwrap().dict, name);
            }
            let d = slot.get();
            if d.is_null() {
                return None;
            }
            return dict_get_strkey(&d, name);
        }
        match h.kind() {
            kinds::FUNCTION => {
                let f = obj
                    .downcast::<crate::objects::function::Function>()
                    .unwrap();
                let d = f.dict.get();
                if d.is_null() {
                    None
                } else {
                    dict_get_strkey(&d, name)
                }
            }
            kinds::MODULE => dict_get_strkey(&obj.downcast::<Module>().unwrap().dict, name),
            _ => None,
        }
    }

    fn nslots_of(&self, obj: &Value) -> usize {
        let t = self.type_of(obj);
        t.downcast::<TypeObject>().map_or(0, |to| to.nslots.get())
    }

    /// The object's `__dict__`, materialising it (instances switch to dict mode).
    pub fn object_dict(&mut self, obj: &Value) -> Option<Value> {
        let h = obj.header()?;
        if let Some(shape) = h.shape() {
            let t = self.type_of(obj);
            let to = t.downcast::<TypeObject>()?;
            if to.has_flag(tflags::NO_DICT) {
                return None;
            }
            let base = to.nslots.get();
            if shape.dict_mode {
                return Some(h.trailing()[base].get());
            }
            let d = self.new_dict();
            for (i, n) in shape.names.iter().enumerate() {
                let v = h.trailing()[base + i].take();
                if !v.is_null() {
                    dict_set_strkey(&d, n.clone(), v);
                }
            }
            h.trailing()[base].set(d.clone());
            obj.set_meta(&to.dict_shape.meta);
            return Some(d);
        }
        if let Some(slot) = h.dict_slot() {
            if h.kind() == kinds::MODULE {
                return Some(obj.downcast::<Module>().unwrap().dict.clone());
            }
            let d = slot.get();
            if !d.is_null() {
                return Some(d);
            }
            let d = self.new_dict();
            slot.set(d.clone());
            return Some(d);
        }
        match h.kind() {
            kinds::FUNCTION => {
                let f = obj
                    .downcast::<crate::objects::function::Function>()
                    .unwrap();
                let d = f.dict.get();
                if !d.is_null() {
                    return Some(d);
                }
                let d = self.new_dict();
                f.dict.set(d.clone());
                Some(d)
            }
            kinds::MODULE => Some(obj.downcast::<Module>().unwrap().dict.clone()),
            kinds::TYPE => Some(obj.downcast::<TypeObject>().unwrap().dict().clone()),
            _ => None,
        }
    }

    /// `obj.__dict__ = d`: the instance switches to dict mode with `d` as its
    /// namespace (objects without a `__dict__` raise AttributeError).
    pub fn replace_instance_dict(&mut self, obj: &Value, value: Option<Value>) -> PyResult<()> {
        if obj.kind() == Some(kinds::MODULE) {
            // A module's namespace is fixed (module.__dict__ is read-only).
            return Err(self.new_exception_msg(&self.t.attribute_error, "readonly attribute"));
        }
        let Some(d) = value else {
            return Err(self.type_error("cannot delete __dict__"));
        };
        if d.kind() != Some(kinds::DICT) {
            return Err(self.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                self.type_name(&d)
            )));
        }
        if self.object_dict(obj).is_none() {
            return Err(self.attribute_error(obj, "__dict__"));
        }
        let h = obj
            .header()
            .expect("an object with a __dict__ is on the heap");
        if h.shape().is_some() {
            // object_dict switched the instance to dict mode: slot `nslots` holds it.
            let base = self.nslots_of(obj);
            h.trailing()[base].set(d);
        } else if let Some(slot) = h.dict_slot() {
            slot.set(d);
        } else if let Some(f) = obj.downcast::<crate::objects::function::Function>() {
            f.dict.set(d);
        } else {
            return Err(self.attribute_error(obj, "__dict__"));
        }
        Ok(())
    }

    /// Stores an instance attribute; false if the object cannot hold one.
    pub fn set_instance_attr(&mut self, obj: &Value, name: &Value, value: Value) -> bool {
        let Some(h) = obj.header() else { return false };
        if let Some(shape) = h.shape() {
            let t = self.type_of(obj);
            let Some(to) = t.downcast::<TypeObject>() else {
                return false;
            };
            if to.has_flag(tflags::NO_DICT) {
                return false;
            }
            let base = to.nslots.get();
            if shape.dict_mode {
                let d = h.trailing()[base].get();
                dict_set_strkey(&d, name.clone(), value);
                // An instance that outgrew its slots keeps teaching the
                // class how many attributes its instances end up with.
                let n = d
                    .downcast::<crate::objects::dict::Dict>()
                    .map_or(0, |d| d.len());
                if n <= MAX_INLINE && n > to.attrs_seen.get() as usize {
                    to.attrs_seen.set(n as u16);
                }
                return true;
            }
            if let Some(i) = shape.index_of(name) {
                h.trailing()[base + i].set(value);
                return true;
            }
            let n = shape.names.len();
            let cap = h.trailing_len() - base;
            if n < cap && n < MAX_INLINE {
                let child = shape.with_added(name);
                obj.set_meta(&child.meta);
                h.trailing()[base + n].set(value);
                if n + 1 > to.attrs_seen.get() as usize {
                    to.attrs_seen.set((n + 1) as u16);
                }
                return true;
            }
            // Out of inline room: learn a bigger size for future instances, go to dict mode.
            if n < MAX_INLINE {
                to.attrs_seen
                    .set(to.attrs_seen.get().max((n + 1).min(MAX_INLINE) as u16));
            }
            let Some(d) = self.object_dict(obj) else {
                return false;
            };
            dict_set_strkey(&d, name.clone(), value);
            return true;
        }
        match self.object_dict(obj) {
            Some(d) if obj.kind() != Some(kinds::TYPE) => {
                dict_set_strkey(&d, name.clone(), value);
                true
            }
            _ => false,
        }
    }

    fn del_instance_attr(&mut self, obj: &Value, name: &Value) -> bool {
        if self.instance_attr(obj, name).is_none() {
            return false;
        }
        // Deleting goes through dict mode: rare, and keeps shapes append-only.
        match self.object_dict(obj) {
            Some(d) => dict_del_strkey(&d, name),
            None => false,
        }
    }

    /// 3.11's AttributeError for a property without the `what` function
    /// ("getter", "setter", "deleter") used on `obj`.
    fn property_lacks(&self, p: &Property, obj: &Value, what: &str) -> Value {
        let q = self.type_qualname(obj);
        let msg = match p.name.get().downcast::<Str>() {
            Some(s) => format!("property '{}' of '{q}' object has no {what}", s.as_str()),
            None => format!("property of '{q}' object has no {what}"),
        };
        self.new_exception_msg(&self.t.attribute_error, msg)
    }

    /// `getattr(obj, name)`; `name` must be a str (interned for speed).
    /// `__qualname__` of `obj`'s class (3.11's property error messages).
    fn type_qualname(&self, obj: &Value) -> String {
        let t = self.type_of(obj);
        let q = self.type_obj(&t).qualname.borrow().clone();
        q
    }

    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult {
        let t = self.type_of(obj);
        let to = t.downcast::<TypeObject>().expect("type_of gives a type");
        if to.has_flag(tflags::HAS_GETATTRIBUTE) {
            let ga = self.names.__getattribute__.clone();
            if let Some(f) = type_lookup(&t, &ga) {
                let r = self.call_method_value(&f, obj, vec![name.clone()]);
                return self.getattr_fallback(obj, &t, name, r);
            }
        }
        let r = self.generic_getattr(obj, name);
        if to.has_flag(tflags::HAS_GETATTR) {
            return self.getattr_fallback(obj, &t, name, r);
        }
        r
    }

    fn getattr_fallback(&mut self, obj: &Value, t: &Value, name: &Value, r: PyResult) -> PyResult {
        match r {
            Err(e) if self.exc_matches(&e, &self.t.attribute_error.clone()) => {
                let ga = self.names.__getattr__.clone();
                match type_lookup(t, &ga) {
                    Some(f) => self.call_method_value(&f, obj, vec![name.clone()]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `getattr` returning None instead of raising AttributeError.
    pub fn getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match self.getattr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, &self.t.attribute_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// `object.__getattribute__` (and `type.__getattribute__` for classes).
    pub fn generic_getattr(&mut self, obj: &Value, name: &Value) -> PyResult {
        if obj.kind() == Some(kinds::TYPE) {
            return self.type_getattr(obj, name);
        }
        let t = self.type_of(obj);
        let descr = type_lookup(&t, name);
        if let Some(d) = &descr {
            if data_descriptor_get(self, d) {
                return self.descr_get(d, obj, &t);
            }
        }
        if let Some(v) = self.instance_attr(obj, name) {
            return Ok(v);
        }
        if let Some(d) = descr {
            return self.descr_get(&d, obj, &t);
        }
        if name.is(&self.names.__dict__) {
            if let Some(d) = self.object_dict(obj) {
                return Ok(d);
            }
        }
        if name.is(&self.names.__class__) {
            return Ok(t);
        }
        let n = name
            .downcast::<Str>()
            .map_or("?".to_string(), |s| s.as_str().to_string());
        Err(self.attribute_error(obj, &n))
    }

    /// `classmethod(f).__get__(obj, owner)`: a descriptor `f` is bound with
    /// `f.__get__(owner, owner)` (the 3.9-3.12 chaining that makes
    /// `classmethod(property(...))` work); any other callable becomes a
    /// method of `owner`.
    pub fn classmethod_bind(&mut self, f: Value, owner: &Value) -> PyResult {
        let chained = match f.kind() {
            Some(kinds::FUNCTION) | Some(kinds::NATIVE) | Some(kinds::METHOD) => false,
            Some(kinds::PROPERTY)
            | Some(kinds::CLASSMETHOD)
            | Some(kinds::STATICMETHOD)
            | Some(kinds::SUPER) => true,
            _ => {
                user_descriptor(self, &f)
                    && type_lookup(&self.type_of(&f), &self.names.__get__).is_some()
            }
        };
        if chained {
            self.descr_get(&f, owner, owner)
        } else {
            Ok(self.new_method(f, owner.clone()))
        }
    }

    /// Binds descriptor `d` found on type `t` for instance `obj`.
    pub fn descr_get(&mut self, d: &Value, obj: &Value, t: &Value) -> PyResult {
        match d.kind() {
            Some(kinds::FUNCTION) => Ok(self.new_method(d.clone(), obj.clone())),
            Some(kinds::NATIVE) => {
                let n = d.downcast::<Native>().unwrap();
                match n.kind {
                    NativeKind::Method if n.self_.is_null() => Ok(self.bind_native(d, obj.clone())),
                    NativeKind::ClassMethod if n.self_.is_null() => {
                        Ok(self.bind_native(d, t.clone()))
                    }
                    _ => Ok(d.clone()),
                }
            }
            Some(kinds::PROPERTY) => {
                let p = d.downcast::<Property>().unwrap();
                let g = p.fget.get();
                if g.is_null() || g.is_none() {
                    return Err(self.property_lacks(p, obj, "getter"));
                }
                self.call(&g, vec![obj.clone()])
            }
            Some(kinds::CLASSMETHOD) => {
                let f = d.downcast::<ClassMethod>().unwrap().func.get();
                self.classmethod_bind(f, t)
            }
            Some(kinds::STATICMETHOD) => Ok(d.downcast::<StaticMethod>().unwrap().func.get()),
            Some(kinds::SUPER) if !crate::ops::is_heap_type(&self.type_of(d)) => {
                crate::builtins::object::super_bind(self, d, obj)
            }
            Some(kinds::SLOTDESCR) => {
                let sd = d.downcast::<SlotDescr>().unwrap();
                let v = obj
                    .header()
                    .and_then(|h| h.trailing().get(sd.index).map(|c| c.get()));
                match v {
                    Some(v) if !v.is_null() => Ok(v),
                    _ => {
                        let n = sd
                            .name
                            .downcast::<Str>()
                            .map_or(String::new(), |s| s.as_str().to_string());
                        Err(self.attribute_error(obj, &n))
                    }
                }
            }
            Some(kinds::GETSET) => {
                let gs = d.downcast::<GetSet>().unwrap();
                (gs.get)(self, obj)
            }
            _ if user_descriptor(self, d) => {
                let dt = self.type_of(d);
                let g = self.names.__get__.clone();
                match type_lookup(&dt, &g) {
                    Some(f) => self.call_method_value(&f, d, vec![obj.clone(), t.clone()]),
                    None => Ok(d.clone()),
                }
            }
            _ => Ok(d.clone()),
        }
    }

    /// Attribute lookup on a class: metatype data descriptors, then the MRO
    /// (binding `__get__(None, cls)`), then metatype attributes.
    fn type_getattr(&mut self, cls: &Value, name: &Value) -> PyResult {
        // `type`'s own data descriptors (`__name__`, `__mro__`, ...) come first.
        if let Some(n) = name.downcast::<Str>() {
            // A plain value stored in the class's own namespace wins; a
            // descriptor stored there describes instances, not the class.
            let own = matches!(n.as_str(), "__doc__" | "__module__")
                && crate::ops::dict_get_strkey(self.type_obj(cls).dict(), name).is_some_and(|v| {
                    !matches!(v.kind(), Some(kinds::GETSET) | Some(kinds::PROPERTY))
                });
            if n.as_str().starts_with("__") && !own {
                if let Some(v) = crate::builtins::types::type_special_attr(self, cls, name)? {
                    return Ok(v);
                }
            }
        }
        let meta = self.type_of(cls);
        let meta_attr = type_lookup(&meta, name);
        if let Some(d) = &meta_attr {
            if data_descriptor_get(self, d) {
                return self.descr_get(d, cls, &meta);
            }
        }
        if let Some(v) = type_lookup(cls, name) {
            return match v.kind() {
                Some(kinds::FUNCTION) => Ok(v),
                Some(kinds::NATIVE) => {
                    let n = v.downcast::<Native>().unwrap();
                    if n.kind == NativeKind::ClassMethod && n.self_.is_null() {
                        Ok(self.bind_native(&v, cls.clone()))
                    } else {
                        Ok(v)
                    }
                }
                Some(kinds::CLASSMETHOD) => {
                    let f = v.downcast::<ClassMethod>().unwrap().func.get();
                    self.classmethod_bind(f, cls)
                }
                Some(kinds::STATICMETHOD) => Ok(v.downcast::<StaticMethod>().unwrap().func.get()),
                Some(kinds::PROPERTY) | Some(kinds::SLOTDESCR) | Some(kinds::GETSET) => Ok(v),
                _ if user_descriptor(self, &v) => {
                    let dt = self.type_of(&v);
                    let g = self.names.__get__.clone();
                    match type_lookup(&dt, &g) {
                        Some(f) => self.call_method_value(&f, &v, vec![Value::NONE, cls.clone()]),
                        None => Ok(v),
                    }
                }
                _ => Ok(v),
            };
        }
        if let Some(d) = meta_attr {
            return self.descr_get(&d, cls, &meta);
        }
        if let Some(v) = crate::builtins::types::type_special_attr(self, cls, name)? {
            return Ok(v);
        }
        let n = name
            .downcast::<Str>()
            .map_or("?".to_string(), |s| s.as_str().to_string());
        Err(self.attribute_error(cls, &n))
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let t = self.type_of(obj);
        let to = t.downcast::<TypeObject>().unwrap();
        if to.has_flag(tflags::HAS_SETATTR) {
            let sa = self.names.__setattr__.clone();
            if let Some(f) = type_lookup(&t, &sa) {
                // The flag means the class overrides the builtin's own
                // hook (a Python function, or e.g. dict.__setitem__).
                {
                    self.call_method_value(&f, obj, vec![name.clone(), value])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, Some(value))
    }

    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let t = self.type_of(obj);
        let to = t.downcast::<TypeObject>().unwrap();
        if to.has_flag(tflags::HAS_SETATTR) {
            let da = self.names.__delattr__.clone();
            if let Some(f) = type_lookup(&t, &da) {
                // The flag means the class overrides the builtin's own
                // hook (a Python function, or e.g. dict.__setitem__).
                {
                    self.call_method_value(&f, obj, vec![name.clone()])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, None)
    }

    /// Assignment (or deletion, `value` None) of `obj.name` through `d`,
    /// the attribute found on `obj`'s type: a data descriptor (property,
    /// slot, getset, or a class with `__set__`/`__delete__`) does it and
    /// `None` is returned; otherwise the value comes back for the instance.
    pub(crate) fn set_via_descriptor(
        &mut self,
        obj: &Value,
        name: &Value,
        d: &Value,
        value: Option<Value>,
    ) -> PyResult<Option<Option<Value>>> {
        match d.kind() {
            Some(kinds::PROPERTY) => {
                let p = d.downcast::<Property>().unwrap();
                let f = if value.is_some() {
                    p.fset.get()
                } else {
                    p.fdel.get()
                };
                if f.is_null() || f.is_none() {
                    let what = if value.is_some() { "setter" } else { "deleter" };
                    return Err(self.property_lacks(p, obj, what));
                }
                let mut args = vec![obj.clone()];
                if let Some(v) = value {
                    args.push(v);
                }
                self.call(&f, args)?;
                return Ok(None);
            }
            Some(kinds::SLOTDESCR) => {
                let sd = d.downcast::<SlotDescr>().unwrap();
                let h = obj.header().unwrap();
                let slot = &h.trailing()[sd.index];
                match value {
                    Some(v) => slot.set(v),
                    None => {
                        if slot.is_null() {
                            // Just the name, as CPython's PyMember_SetOne.
                            let n = name
                                .downcast::<Str>()
                                .map_or("", |s| s.as_str())
                                .to_string();
                            return Err(self.new_exception_msg(&self.t.attribute_error, n));
                        }
                        slot.set(Value::NULL);
                    }
                }
                return Ok(None);
            }
            Some(kinds::GETSET) => {
                let gs = d.downcast::<GetSet>().unwrap();
                if value.is_none() && gs.name == "__doc__" && gs.owner.is(&self.t.type_) {
                    // type_set_doc refuses deletion, heap class or not.
                    return Err(self.type_error(format!(
                        "cannot delete '__doc__' attribute of immutable type '{}'",
                        self.type_obj(obj).name()
                    )));
                }
                if value.is_none()
                    && gs.name == "__dict__"
                    && crate::ops::is_heap_type(&gs.owner)
                    && !self
                        .type_obj(&self.type_of(obj))
                        .has_flag(tflags::EXCEPTION)
                {
                    // `del obj.__dict__`: the instance starts a new, empty one.
                    let d = self.new_dict();
                    return self.replace_instance_dict(obj, Some(d)).map(|()| None);
                }
                return match (gs.set, value) {
                    (Some(s), Some(v)) => s(self, obj, v).map(|()| None),
                    (Some(s), None) if gs.set_deletes => s(self, obj, Value::NULL).map(|()| None),
                    _ => Err(self.new_exception_msg(
                        &self.t.attribute_error,
                        format!(
                            "attribute '{}' of '{}' objects is not writable",
                            gs.name,
                            self.type_name(obj)
                        ),
                    )),
                };
            }
            _ if user_descriptor(self, d) => {
                let dt = self.type_of(d);
                let which = if value.is_some() {
                    self.names.__set__.clone()
                } else {
                    self.names.__delete__.clone()
                };
                if let Some(f) = type_lookup(&dt, &which) {
                    let mut args = vec![obj.clone()];
                    if let Some(v) = value {
                        args.push(v);
                    }
                    self.call_method_value(&f, d, args)?;
                    return Ok(None);
                }
            }
            _ => {}
        }
        Ok(Some(value))
    }

    /// `object.__setattr__` / `object.__delattr__` (value None = delete).
    /// `'T' object attribute 'name' is read-only`.
    fn read_only_attribute(&self, obj: &Value, name: &str) -> Value {
        self.new_exception_msg(
            &self.t.attribute_error,
            format!(
                "'{}' object attribute '{name}' is read-only",
                self.type_name(obj)
            ),
        )
    }

    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        name: &Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        let name = match name.downcast::<Str>() {
            Some(_)
                if name
                    .header()
                    .is_some_and(|h| h.refcount() == adder_object::heap::IMMORTAL) =>
            {
                name.clone()
            }
            Some(s) => {
                let s = s.as_str().to_string();
                self.intern(&s)
            }
            None => {
                return Err(self.type_error(format!(
                    "attribute name must be string, not '{}'",
                    self.type_name(name)
                )))
            }
        };
        let t = self.type_of(obj);
        if obj.kind() == Some(kinds::TYPE) {
            return crate::builtins::types::type_setattr(self, obj, &name, value);
        }
        if value.is_none() && name.is(&self.names.__class__) {
            return Err(self.type_error("can't delete __class__ attribute"));
        }
        if name.is(&self.names.__dict__) && type_lookup(&t, &name).is_none() {
            return self.replace_instance_dict(obj, value);
        }
        let value = match type_lookup(&t, &name) {
            Some(d) => match self.set_via_descriptor(obj, &name, &d, value)? {
                None => return Ok(()),
                Some(v) => v,
            },
            None => value,
        };
        // Only the error paths need the name as text.
        let text = |name: &Value| {
            name.downcast::<Str>()
                .map_or(String::new(), |s| s.as_str().to_string())
        };
        match value {
            Some(v) => {
                if self.set_instance_attr(obj, &name, v) {
                    Ok(())
                } else if type_lookup(&t, &name).is_some() {
                    Err(self.read_only_attribute(obj, &text(&name)))
                } else {
                    Err(self.attribute_error(obj, &text(&name)))
                }
            }
            None => {
                if self.del_instance_attr(obj, &name) {
                    Ok(())
                } else if type_lookup(&t, &name).is_some() && self.object_dict(obj).is_none() {
                    // No instance namespace to delete from (CPython's wording).
                    Err(self.read_only_attribute(obj, &text(&name)))
                } else {
                    Err(self.attribute_error(obj, &text(&name)))
                }
            }
        }
    }
}
