//! Attribute caches of the interpreter loop: `LoadAttr`, `StoreAttr` and
//! `LoadMethod` remember, per code object and name index, what lookups
//! found for up to `WAYS` layouts (an instance shape, or a builtin class):
//! a method of a base class sees the shapes of every subclass. A store that
//! adds the attribute is remembered as a shape transition (`ADD_SLOT`).
//!
//! Invariants: an entry holds a strong reference to the class it was filled
//! for, so the class, its shape tree and therefore every shape address it
//! recorded stay valid (shapes are owned by their class and never move);
//! an entry answers only while the class's `version` and the builtin epoch
//! equal the recorded ones. A class's version changes whenever its own
//! namespace or that of any class on its MRO changes (`dict_modified`),
//! which covers every fact a fill relied on: the `__getattribute__` and
//! `__setattr__` hooks, data descriptors shadowing the name, and the
//! method found on the class. A hit never runs Python code.

use adder_object::{Trace, Value};

use crate::kinds;
use crate::objects::function::{Code, Native, NativeKind};
use crate::objects::types::{builtin_epoch, tflags, TypeObject};
use crate::ops::type_lookup;
use crate::vm::Vm;

/// `flags` bits of an entry.
const LOAD_SLOT: u8 = 1;
const STORE_SLOT: u8 = 2;
const METHOD: u8 = 4;
const CLASS_VALUE: u8 = 8;
/// A store that adds the attribute: the object moves from `shape` to
/// `next_shape` and the value goes to `slot`.
const ADD_SLOT: u8 = 16;

/// Layouts remembered per name index.
const WAYS: usize = 4;

/// The cache of one name index of a code object: allocated on its first
/// fill, so names never used as attributes cost one word.
#[derive(Default, Trace)]
pub struct AttrSite {
    entries: [AttrCache; WAYS],
    /// The entry the next fill replaces when none is free (round robin).
    #[trace(skip)]
    next: std::cell::Cell<u8>,
}

impl AttrSite {
    #[inline(always)]
    fn find(&self, h: &adder_object::Header) -> Option<&AttrCache> {
        self.entries.iter().find(|e| e.matches(h))
    }
}

/// One cached lookup (see the module docs). The default entry is empty.
#[derive(Default, Trace)]
pub struct AttrCache {
    /// The class the entry was filled for (NULL: empty entry).
    class: Value,
    /// Address of the instance shape (0 for objects without shapes: then
    /// the class alone decides the layout).
    shape: usize,
    version: u64,
    epoch: u64,
    /// Index into the object's trailing slots (`LOAD_SLOT`/`STORE_SLOT`/`ADD_SLOT`).
    slot: u32,
    /// Address of the shape an added attribute leads to (`ADD_SLOT`).
    next_shape: usize,
    flags: u8,
    /// The function found on the class (`METHOD`) or the plain class
    /// attribute value (`CLASS_VALUE`).
    value: Value,
}

/// The shape address of `h` (0 when it has none), or None when the object
/// keeps its attributes in a dict.
#[inline(always)]
fn layout_key(h: &adder_object::Header) -> Option<usize> {
    match h.shape() {
        Some(s) if s.dict_mode => None,
        Some(s) => Some(s as *const adder_object::shape::Shape as usize),
        None => Some(0),
    }
}

impl AttrCache {
    /// Whether the entry describes objects laid out like `h`, in the
    /// class's current state.
    #[inline(always)]
    fn matches(&self, h: &adder_object::Header) -> bool {
        let Some(ch) = self.class.header() else {
            return false;
        };
        if !std::ptr::eq(h.class_header(), ch) {
            return false;
        }
        let Some(to) = self.class.downcast::<TypeObject>() else {
            return false;
        };
        to.version.get() == self.version
            && self.epoch == builtin_epoch()
            && layout_key(h) == Some(self.shape)
    }
}

/// A class attribute that `obj.name` returns as it is: no `__get__` to
/// call. Only values of exact builtin types known to have none.
fn is_plain_value(vm: &Vm, d: &Value) -> bool {
    match d.kind() {
        None => true,
        Some(kinds::STR) => vm.is_exact(d, &vm.t.str),
        Some(kinds::TUPLE) => vm.is_exact(d, &vm.t.tuple),
        Some(kinds::BIGINT) => vm.is_exact(d, &vm.t.int),
        Some(kinds::FLOAT) => vm.is_exact(d, &vm.t.float),
        _ => false,
    }
}

/// A function that `LoadMethod` may push unbound: a Python function or an
/// unbound native method.
fn is_method_like(d: &Value) -> bool {
    match d.kind() {
        Some(kinds::FUNCTION) => true,
        Some(kinds::NATIVE) => {
            let n = d.downcast::<Native>().unwrap();
            n.self_.is_null() && n.kind == NativeKind::Method
        }
        _ => false,
    }
}

impl Vm {
    /// `obj.name` from the cache of name index `i`, if it answers.
    #[inline]
    pub(crate) fn cached_load_attr(&self, code: &Code, i: usize, obj: &Value) -> Option<Value> {
        let h = obj.header()?;
        // SAFETY: the entry is only read and nothing runs before the
        // reference is dropped (clones run no code); a cache being filled
        // (mutably borrowed) answers nothing.
        let cache = unsafe { code.attr_cache.try_borrow_unguarded() }.ok()?;
        let e = cache.get(i)?.as_ref()?.find(h)?;
        if e.flags & LOAD_SLOT != 0 {
            let v = h.trailing().get(e.slot as usize)?.get();
            return (!v.is_null()).then_some(v);
        }
        if e.flags & CLASS_VALUE != 0 {
            return Some(e.value.clone());
        }
        None
    }

    /// `obj.name = v` through the cache of name index `i`; gives `v` back
    /// when the cache does not answer.
    #[inline]
    pub(crate) fn cached_store_attr(
        &self,
        code: &Code,
        i: usize,
        obj: &Value,
        v: Value,
    ) -> Result<(), Value> {
        let Some(h) = obj.header() else {
            return Err(v);
        };
        let cache = code.attr_cache.borrow();
        let Some(e) = cache.get(i).and_then(|s| s.as_ref()?.find(h)) else {
            return Err(v);
        };
        if e.flags & ADD_SLOT != 0 {
            let Some(slot) = h.trailing().get(e.slot as usize) else {
                return Err(v);
            };
            // SAFETY: `next_shape` is a shape of the entry's class, which the
            // entry keeps alive; shapes never move (module invariant).
            let next = unsafe { &*(e.next_shape as *const adder_object::shape::Shape) };
            obj.set_meta(&next.meta);
            let old = slot.replace(v);
            drop(cache);
            drop(old);
            return Ok(());
        }
        if e.flags & STORE_SLOT == 0 {
            return Err(v);
        }
        match h.trailing().get(e.slot as usize) {
            Some(slot) => {
                let old = slot.replace(v);
                drop(cache);
                drop(old);
                Ok(())
            }
            None => Err(v),
        }
    }

    /// The unbound method `LoadMethod` would find for `obj.name`, from the
    /// cache of name index `i`.
    #[inline]
    pub(crate) fn cached_method(&self, code: &Code, i: usize, obj: &Value) -> Option<Value> {
        let h = obj.header()?;
        // SAFETY: as in `cached_load_attr`.
        let cache = unsafe { code.attr_cache.try_borrow_unguarded() }.ok()?;
        let e = cache.get(i)?.as_ref()?.find(h)?;
        if e.flags & METHOD != 0 {
            return Some(e.value.clone());
        }
        None
    }

    /// Records, for name index `i` of `code`, what `obj.name` means for
    /// objects laid out like `obj` (nothing when the answer could depend on
    /// more than the layout and the class).
    pub(crate) fn fill_attr_cache(&self, code: &Code, i: usize, obj: &Value) {
        let Some(h) = obj.header() else {
            return;
        };
        if matches!(
            h.kind(),
            kinds::TYPE | kinds::MODULE | kinds::FUNCTION | kinds::SUPER
        ) {
            return;
        }
        let Some(shape_key) = layout_key(h) else {
            return;
        };
        if shape_key == 0 && h.dict_slot().is_some() {
            return;
        }
        let class = h.class();
        let Some(to) = class.downcast::<TypeObject>() else {
            return;
        };
        let name = &code.names[i];
        let found = type_lookup(&class, name);
        let mut e = AttrCache {
            class: Value::NULL,
            shape: shape_key,
            version: to.version.get(),
            epoch: builtin_epoch(),
            slot: 0,
            next_shape: 0,
            flags: 0,
            value: Value::NULL,
        };
        let shadowed = found
            .as_ref()
            .is_some_and(|d| crate::attr::is_data_descriptor(self, d));
        let inline = h.shape().and_then(|s| s.index_of(name));
        match inline {
            Some(ix) if !shadowed => {
                e.slot = (to.nslots.get() + ix) as u32;
                if !to.has_flag(tflags::HAS_GETATTRIBUTE) {
                    e.flags |= LOAD_SLOT;
                }
                if !to.has_flag(tflags::HAS_SETATTR) {
                    e.flags |= STORE_SLOT;
                }
            }
            Some(_) => {}
            None => {
                if let Some(d) = found {
                    if !to.has_flag(tflags::HAS_GETATTRIBUTE) {
                        if is_method_like(&d) {
                            e.flags |= METHOD;
                            e.value = d;
                        } else if is_plain_value(self, &d) {
                            e.flags |= CLASS_VALUE;
                            e.value = d;
                        }
                    }
                }
            }
        }
        if e.flags == 0 {
            return;
        }
        e.class = class.clone();
        install(code, i, e);
    }

    /// After `obj.name = v` added the attribute, moving `obj` from the shape
    /// at `before` to a child shape: records that transition for name index
    /// `i`, so the next object of that shape takes it without a lookup.
    pub(crate) fn fill_add_transition(
        &self,
        code: &Code,
        i: usize,
        obj: &Value,
        class_before: *const adder_object::Header,
        before: usize,
    ) {
        let Some(h) = obj.header() else {
            return;
        };
        // The class did not change (so the old shape, which it owns, is alive).
        if !std::ptr::eq(h.class_header(), class_before) {
            return;
        }
        let Some(now) = h.shape() else {
            return;
        };
        if now.dict_mode || before == 0 {
            return;
        }
        // SAFETY: `before` was the object's shape, owned by its class,
        // which is unchanged and alive; shapes never move.
        let old = unsafe { &*(before as *const adder_object::shape::Shape) };
        let name = &code.names[i];
        if old.dict_mode || !std::ptr::eq(old.with_added(name), now) {
            return;
        }
        let class = h.class();
        let Some(to) = class.downcast::<TypeObject>() else {
            return;
        };
        if to.has_flag(tflags::HAS_SETATTR)
            || type_lookup(&class, name).is_some_and(|d| crate::attr::is_data_descriptor(self, &d))
        {
            return;
        }
        let e = AttrCache {
            class: class.clone(),
            shape: before,
            version: to.version.get(),
            epoch: builtin_epoch(),
            slot: (to.nslots.get() + old.names.len()) as u32,
            next_shape: now as *const adder_object::shape::Shape as usize,
            flags: ADD_SLOT,
            value: Value::NULL,
        };
        install(code, i, e);
    }
}

/// Puts `e` into the cache of name index `i` of `code`.
fn install(code: &Code, i: usize, e: AttrCache) {
    let mut cache = code.attr_cache.borrow_mut();
    if cache.len() < code.names.len() {
        cache.resize_with(code.names.len(), || None);
    }
    let site = cache[i].get_or_insert_with(Box::default);
    // The entry for this layout if it went stale, else a free one,
    // else the next in turn.
    let way = match site
        .entries
        .iter()
        .position(|x| x.class.is(&e.class) && x.shape == e.shape || x.class.is_null())
    {
        Some(w) => w,
        None => {
            let w = site.next.get() as usize % WAYS;
            site.next.set(((w + 1) % WAYS) as u8);
            w
        }
    };
    let old = std::mem::replace(&mut site.entries[way], e);
    drop(cache);
    drop(old);
}
