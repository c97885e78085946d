//! Type objects.
//!
//! Invariants: a type's `meta` is the meta of its direct instances when they
//! have a builtin layout (its vtable is the layout's, its class pointer is the
//! type itself); for instance-layout types, instances point at shapes from
//! `root_shape`'s tree instead. `mro` always starts with the type itself and
//! ends with `object`. The type's namespace `dict` is a real `dict` object.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU64, Ordering};

use adder_object::{payload, Meta, Trace, Value};

use crate::kinds;
use crate::objects::instance::Shape;
use crate::vm::NativeFn;

pub mod tflags {
    /// Created by a class statement (mutable, has `__module__` etc.).
    pub const HEAPTYPE: u32 = 1;
    /// May be subclassed.
    pub const BASETYPE: u32 = 2;
    /// Instances carry a `__dict__` slot (builtin-layout subclasses).
    pub const DICT_SLOT: u32 = 4;
    /// Defines `__slots__` without `__dict__`: no shape attributes.
    pub const NO_DICT: u32 = 8;
    /// Subclass of BaseException.
    pub const EXCEPTION: u32 = 16;
    /// Treated as a Mapping / Sequence by `match`.
    pub const MAPPING: u32 = 32;
    pub const SEQUENCE: u32 = 64;
    /// Has a `__getattr__` somewhere in the MRO (cached at creation).
    pub const HAS_GETATTR: u32 = 128;
    /// A custom `__getattribute__` somewhere in the MRO.
    pub const HAS_GETATTRIBUTE: u32 = 256;
    /// A custom `__setattr__` / `__delattr__`.
    pub const HAS_SETATTR: u32 = 512;
    pub const ABSTRACT: u32 = 1024;
    pub const HAS_DEL: u32 = 2048;
    /// A native-module type (`native::new_type`): the VM has no built-in
    /// behaviour for its layout, so protocols dispatch to its special
    /// methods exactly as for a heap type (see `ops::is_heap_type`).
    pub const DUNDER_DISPATCH: u32 = 4096;
}

#[derive(Default, Trace)]
pub struct CacheEntry {
    /// The interned name's bits (0: empty).
    pub key: u64,
    pub value: Option<Value>,
    /// The type's `version` and the builtin epoch when the entry was made.
    pub version: u64,
    pub epoch: u64,
}

/// Source of type versions: every version ever given out is unique, so a
/// (type, version) pair recorded in a cache can never match a different
/// type, or the same type in another state.
static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);
/// Bumped whenever a builtin (non-heap) type's namespace changes. Builtin
/// types do not record their subclasses, so such a change (native modules
/// adding methods while they set up) cannot be pushed down to subclass
/// versions; every cache entry also records this epoch instead.
static BUILTIN_EPOCH: AtomicU64 = AtomicU64::new(1);

/// A version no type has had yet.
pub fn fresh_version() -> u64 {
    NEXT_VERSION.fetch_add(1, Ordering::Relaxed)
}

/// The current builtin epoch (see `BUILTIN_EPOCH`).
#[inline(always)]
pub fn builtin_epoch() -> u64 {
    BUILTIN_EPOCH.load(Ordering::Relaxed)
}

#[derive(Trace)]
#[trace(after_clear = "TypeObject::dict_modified")]
pub struct TypeObject {
    pub meta: Meta,
    /// Shapes hold only interned attribute names (never part of a cycle);
    /// walking the whole transition tree at every collection buys nothing.
    #[trace(skip)]
    pub root_shape: Box<Shape>,
    #[trace(skip)]
    pub dict_shape: Box<Shape>,
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub dict_cell: std::cell::OnceCell<Value>,
    pub bases: RefCell<Value>,
    #[trace(clear)]
    pub mro: RefCell<Vec<Value>>,
    pub flags: Cell<u32>,
    /// The payload kind of instances.
    pub layout: u8,
    /// Most inline attributes any instance has acquired (slack tracking: once
    /// `instances_made` passes a few, new instances get exactly this many slots).
    pub attrs_seen: Cell<u16>,
    /// Slots for the first instances (`objects::slack`), plus one; 0 until
    /// the first instantiation computes it.
    pub attrs_predicted: Cell<u16>,
    pub instances_made: Cell<u32>,
    /// Number of `__slots__` slots instances carry before shape slots.
    pub nslots: Cell<usize>,
    /// Native constructor (`__new__` of a builtin type), if any.
    pub native_new: Cell<Option<NativeFn>>,
    /// Replaced by a fresh version (`fresh_version`) on every change to the
    /// namespace of this type or of any class on its MRO (`dict_modified`
    /// pushes the change down to the subclasses), so an equal version means
    /// every lookup through this type answers as it did.
    pub version: Cell<u64>,
    /// MRO lookups by interned name, valid while the type's version and the
    /// builtin epoch equal the ones recorded in the entry.
    /// Direct-mapped by the name's address; allocated on first lookup.
    #[trace(clear)]
    pub lookup_cache: RefCell<Vec<CacheEntry>>,
    /// `plain_init`'s verdict: the Python `__init__` that `cls(...)` runs
    /// after `object.__new__`, valid while `(version, builtin epoch)` equal
    /// `init_cache_key` ((0, 0): none cached).
    #[trace(clear = "null")]
    pub init_cache: adder_object::ValueCell,
    pub init_cache_key: Cell<(u64, u64)>,
    pub doc: Option<&'static str>,
    /// Weak references to the direct subclasses (`__subclasses__`).
    pub subclasses: RefCell<Vec<Value>>,
}
// Clearing empties the MRO and the lookup cache, then bumps the version
// (`after_clear`) so no subclass cache entry stays valid.
payload!(TypeObject, kinds::TYPE, "type");

impl TypeObject {
    /// Records a change to the namespace (or the MRO): gives this type and
    /// every live subclass, transitively, a fresh version, which invalidates
    /// their lookup caches and the instruction caches keyed on them.
    pub fn dict_modified(&self) {
        self.version.set(fresh_version());
        if !self.has_flag(tflags::HEAPTYPE) {
            BUILTIN_EPOCH.fetch_add(1, Ordering::Relaxed);
        }
        // Every subclass once, however many paths lead to it (diamonds).
        let mut seen = std::collections::HashSet::from([self as *const TypeObject]);
        let mut todo: Vec<Value> = self.live_subclasses();
        while let Some(s) = todo.pop() {
            let Some(t) = s.downcast::<TypeObject>() else {
                continue;
            };
            if !seen.insert(t as *const TypeObject) {
                continue;
            }
            t.version.set(fresh_version());
            todo.extend(t.live_subclasses());
        }
    }
    /// The live direct subclasses (from the weak `subclasses` list).
    pub fn live_subclasses(&self) -> Vec<Value> {
        self.subclasses
            .borrow()
            .iter()
            .filter_map(|r| r.downcast::<adder_object::weak::WeakRef>()?.get())
            .collect()
    }
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    /// The class namespace (set once during creation).
    #[inline]
    pub fn dict(&self) -> &Value {
        self.dict_cell.get().expect("type dict initialised")
    }
    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }
    /// CPython's `tp_name`, used in error messages: a native-module type
    /// (`DUNDER_DISPATCH`) is named with its module (`collections.deque`),
    /// every other type by its `__name__`.
    pub fn tp_name(&self) -> String {
        if self.has_flag(tflags::DUNDER_DISPATCH) {
            if let Some(m) = self.dict_cell.get().and_then(|d| {
                crate::ops::dict_get_str(d, "__module__").and_then(|m| {
                    m.downcast::<crate::objects::string::Str>()
                        .map(|s| s.as_str().to_string())
                })
            }) {
                if m != "builtins" {
                    return format!("{m}.{}", self.name.borrow());
                }
            }
        }
        self.name()
    }
}
