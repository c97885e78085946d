//! The interpreter state (`Vm`) and the constructors every other module uses.
//!
//! Invariant: all interpreter state lives in one `Vm` value — no globals — so
//! a process may host several interpreters. Builtin types and singletons are
//! created once at start-up and are immortal.

use std::collections::HashMap;
use std::rc::Rc;

use adder_host::Host;
use adder_object::{alloc, Meta, Payload, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::frame::Frame;
use crate::objects::dict::{Dict, Table};
use crate::objects::exception::Exception;
use crate::objects::function::{Native, NativeKind};
use crate::objects::instance::{Instance, Shape};
use crate::objects::number::{BigInt as BigIntObj, BoxedFloat};
use crate::objects::seq::{List, Tuple};
use crate::objects::string::Str;
use crate::objects::types::{tflags, TypeObject};

/// A Python-level result: `Err` holds the exception instance.
pub type PyResult<T = Value> = Result<T, Value>;

/// Arguments of a native call: positional, then keyword (name str, value).
#[derive(Default)]
pub struct Args {
    pub pos: ArgVec,
    pub kw: Vec<(Value, Value)>,
}

/// Positional arguments: the common calls (self and up to three more) need
/// no allocation.
pub type ArgVec = smallvec::SmallVec<[Value; 4]>;

pub type NativeFn = fn(&mut Vm, Args) -> PyResult;

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos: ArgVec::from_vec(pos),
            kw: Vec::new(),
        }
    }
    /// Arguments already in an `ArgVec`, without keywords.
    pub fn from_pos(pos: ArgVec) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
    /// Removes and returns keyword `name`, if given.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self
            .kw
            .iter()
            .position(|(k, _)| k.downcast::<Str>().is_some_and(|s| s.as_str() == name))?;
        Some(self.kw.remove(i).1)
    }
}

macro_rules! declare_types {
    ($($field:ident),* $(,)?) => {
        /// The builtin type objects.
        pub struct Types { $(pub $field: Value,)* }
        impl Types {
            /// Builds the table from types created by `boot` (keyed by field name).
            pub fn from_map(m: &mut HashMap<&'static str, Value>) -> Types {
                Types { $($field: m.remove(stringify!($field)).unwrap_or_else(|| panic!("boot did not create {}", stringify!($field))),)* }
            }
            /// Every builtin type object.
            pub fn all(&self) -> Vec<Value> {
                vec![$(self.$field.clone(),)*]
            }
        }
    };
}

declare_types!(
    object,
    type_,
    int,
    bool_,
    float,
    complex,
    str,
    bytes,
    bytearray,
    list,
    tuple,
    dict,
    set,
    frozenset,
    range,
    slice,
    none,
    notimpl,
    ellipsis,
    function,
    native,
    method,
    cell,
    code,
    module,
    generator,
    coroutine,
    async_generator,
    property,
    classmethod,
    staticmethod,
    super_,
    traceback,
    frame,
    iterator,
    dict_keys,
    dict_values,
    dict_items,
    mappingproxy,
    member_descr,
    getset_descr,
    coro_wrapper,
    map,
    filter,
    zip,
    enumerate,
    reversed,
    list_iterator,
    tuple_iterator,
    str_iterator,
    range_iterator,
    dict_keyiterator,
    dict_valueiterator,
    dict_itemiterator,
    set_iterator,
    callable_iterator,
    list_reverseiterator,
    longrange_iterator,
    str_uiterator,
    bytes_iterator,
    bytearray_iterator,
    dict_reversekeyiterator,
    dict_reversevalueiterator,
    dict_reverseitemiterator,
    std_stream,
    weakref,
    memoryview,
    weakproxy,
    weakcallableproxy,
    // exceptions
    base_exception,
    exception,
    type_error,
    value_error,
    name_error,
    unbound_local_error,
    attribute_error,
    key_error,
    index_error,
    lookup_error,
    zero_division_error,
    arithmetic_error,
    overflow_error,
    stop_iteration,
    stop_async_iteration,
    runtime_error,
    recursion_error,
    not_implemented_error,
    assertion_error,
    import_error,
    module_not_found_error,
    system_error,
    system_exit,
    keyboard_interrupt,
    generator_exit,
    os_error,
    file_not_found_error,
    syntax_error,
    indentation_error,
    tab_error,
    unicode_error,
    unicode_decode_error,
    unicode_encode_error,
    eof_error,
    memory_error,
    base_exception_group,
    exception_group,
    buffer_error,
    floating_point_error,
    permission_error,
    file_exists_error,
    is_a_directory_error,
    not_a_directory_error,
    warning,
    deprecation_warning,
    user_warning,
    runtime_warning,
    syntax_warning,
    pending_deprecation_warning,
    future_warning,
    import_warning,
    unicode_warning,
    bytes_warning,
    resource_warning,
    encoding_warning,
    unicode_translate_error,
    timeout_error,
    interrupted_error,
    blocking_io_error,
    child_process_error,
    connection_error,
    broken_pipe_error,
    connection_aborted_error,
    connection_refused_error,
    connection_reset_error,
    process_lookup_error,
    reference_error,
);

pub struct Vm {
    pub t: Types,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    pub interned: crate::fasthash::FastMap<Box<str>, Value>,
    /// The `builtins` module's dict.
    pub builtins: Value,
    pub builtins_module: Value,
    pub sys_module: Value,
    /// `sys.modules`
    pub modules: Value,
    /// Callers of the running frame (the running one is a local of the loop).
    pub frames: Vec<Box<Frame>>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    /// The handled exceptions of the frames that resumed the running
    /// generators (innermost last): `sys.exc_info()` falls back to them
    /// while a generator has no exception of its own.
    pub exc_outer: Vec<Value>,
    pub recursion_limit: usize,
    /// Depth of Python frames plus native re-entries, checked against the limit.
    pub depth: usize,
    pub native_depth: usize,
    /// Loop back-edges and calls left before execution stops (fuzzing, sandbox).
    pub fuel: u64,
    /// Modules whose code is running right now (circular-import messages).
    pub initializing: Vec<String>,
    /// Largest single allocation attempted before raising MemoryError.
    pub max_alloc: usize,
    /// Finished frames kept for reuse (with their vectors' capacity).
    pub frame_pool: Vec<Box<Frame>>,
    /// The error being unwound is a re-raise: do not add a traceback entry.
    pub reraising: bool,
    /// The type of `sys.unraisablehook`'s argument (not an attribute of
    /// `sys`, as in CPython); immortal.
    pub unraisable_args_type: Value,
    /// Where a `Reraise` that restored the frame's `lasti` (for its line
    /// number) stands: the handler search starts from there.
    pub unwind_from: Option<usize>,
    /// Objects whose repr is being computed (recursion guard).
    pub repr_stack: Vec<u64>,
    /// Source text of files, for traceback lines.
    pub source_cache: HashMap<String, String>,
    pub host: Rc<dyn Host>,
    /// Set by the host when a signal the interpreter handles arrives
    /// (`Host::signal_flag`); polled at loop back-edges.
    pub signal_flag: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// Runs the Python-level handlers of pending signals; installed by the
    /// `_signal` implementation (adder-os) at start-up.
    pub signal_hook: Option<fn(&mut Vm) -> PyResult<()>>,
    pub stack_base: usize,
    pub stack_limit: usize,
    pub int_max_str_digits: usize,
    pub flags: crate::Config,
    /// Cached interned dunder names.
    pub names: crate::names::Names,
    /// `run_pending` is on the stack (finalisers don't drain recursively).
    pub draining_pending: bool,
    /// The cycle collector's state and strategy.
    pub gc: crate::collector::GcState,
    /// The current `contextvars.Context` of this thread, or NULL before
    /// the first use (owned by adder-collections' `_contextvars`).
    pub context: Value,
    /// The builtin `len` function, which the loop's `Call` answers in line
    /// for builtin containers (CPython specialises it too).
    pub len_fn: Value,
}

impl Vm {
    /// Whether a signal is waiting for its Python handler (cheap: one load).
    #[inline]
    pub fn signals_pending(&self) -> bool {
        self.signal_flag
            .as_ref()
            .is_some_and(|f| f.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Runs the handlers of pending signals, if any (PyErr_CheckSignals).
    pub fn check_signals(&mut self) -> PyResult<()> {
        if self.signals_pending() {
            if let Some(hook) = self.signal_hook {
                return hook(self);
            }
        }
        Ok(())
    }

    // ----- value constructors -------------------------------------------

    #[inline]
    pub fn new_int(&self, i: i64) -> Value {
        match Value::small_int(i) {
            Some(v) => v,
            None => self.new_bigint(BigInt::from(i)),
        }
    }

    /// An int from an i128 (a small int when it fits).
    pub fn new_int_wide(&self, i: i128) -> Value {
        if let Some(v) = i64::try_from(i).ok().and_then(Value::small_int) {
            return v;
        }
        let to = self.t.int.downcast::<TypeObject>().expect("int type");
        let (trailing, extra) = builtin_slots(to);
        BigIntObj::alloc_u128(&to.meta, trailing, extra, i < 0, i.unsigned_abs())
    }

    /// An int from a big integer, normalised to a small int when it fits.
    pub fn new_bigint(&self, b: BigInt) -> Value {
        if let Some(i) = b.to_i64() {
            if let Some(v) = Value::small_int(i) {
                return v;
            }
        }
        self.alloc_int_of_class(&self.t.int, &b)
    }

    #[inline]
    pub fn new_float(&self, x: f64) -> Value {
        match Value::float_inline(x) {
            Some(v) => v,
            None => self.alloc_builtin(&self.t.float, BoxedFloat(x)),
        }
    }

    pub fn new_str(&self, s: &str) -> Value {
        self.alloc_str_of_class(&self.t.str, s)
    }
    pub fn new_string(&self, s: String) -> Value {
        self.alloc_str_of_class(&self.t.str, &s)
    }
    /// A str of `len` bytes and `char_len` characters written by `fill`
    /// straight into the new object (no intermediate `String`); `fill`
    /// must write exactly `len` bytes (see `Str::alloc_filled`).
    #[inline]
    pub fn new_str_filled(
        &self,
        len: usize,
        char_len: usize,
        fill: impl FnOnce(&mut adder_object::TextSink),
    ) -> Value {
        let to = self.t.str.downcast::<TypeObject>().expect("str type");
        let (trailing, extra) = builtin_slots(to);
        Str::alloc_filled(&to.meta, trailing, extra, len, char_len, fill)
    }
    /// The concatenation of the str objects `a` and `b`, built in place.
    pub fn new_str_concat(&self, a: &Str, b: &Str) -> Value {
        let (x, y) = (a.as_str(), b.as_str());
        let len = x.len().checked_add(y.len()).expect("str length");
        self.new_str_filled(len, a.char_len() + b.char_len(), |t| {
            t.push_str(x);
            t.push_str(y);
        })
    }

    /// The interned (unique, immortal) str with this text.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return v.clone();
        }
        let v = self.new_str(s);
        v.header().expect("str is heap").make_immortal();
        self.interned.insert(s.into(), v.clone());
        v
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple.clone();
        }
        self.alloc_builtin(
            &self.t.tuple,
            Tuple {
                items: items.into_boxed_slice(),
            },
        )
    }
    pub fn new_list(&self, items: Vec<Value>) -> Value {
        self.alloc_builtin(
            &self.t.list,
            List {
                items: std::cell::RefCell::new(items),
            },
        )
    }
    pub fn new_dict(&self) -> Value {
        self.alloc_builtin(&self.t.dict, Dict::new())
    }
    pub fn new_dict_with_capacity(&self, n: usize) -> Value {
        self.alloc_builtin(
            &self.t.dict,
            Dict {
                table: std::cell::RefCell::new(Table::with_capacity(n)),
            },
        )
    }

    /// Allocates a builtin-layout object whose class is `ty` (an exact
    /// builtin type or a subclass with the same layout).
    pub fn alloc_builtin<T: Payload>(&self, ty: &Value, payload: T) -> Value {
        let to = ty
            .downcast::<TypeObject>()
            .expect("alloc_builtin: not a type");
        let (trailing, extra) = builtin_slots(to);
        alloc(&to.meta, payload, trailing, extra)
    }

    /// A str (or str subclass instance, with the class's slots) holding `text`.
    pub fn alloc_str_of_class(&self, ty: &Value, text: &str) -> Value {
        let to = ty
            .downcast::<TypeObject>()
            .expect("alloc_str_of_class: not a type");
        let (trailing, extra) = builtin_slots(to);
        Str::alloc(&to.meta, trailing, extra, text)
    }

    /// An int (or int subclass instance, with the class's slots) of `value`.
    pub fn alloc_int_of_class(&self, ty: &Value, value: &BigInt) -> Value {
        let to = ty
            .downcast::<TypeObject>()
            .expect("alloc_int_of_class: not a type");
        let (trailing, extra) = builtin_slots(to);
        BigIntObj::alloc(&to.meta, trailing, extra, value)
    }

    /// A fresh plain instance of a Python class (no attributes yet).
    pub fn alloc_instance(&self, ty: &Value) -> Value {
        /// Slots given to a class's first instances, before its size is learned.
        const INITIAL_INLINE_SLOTS: usize = 4;
        let to = ty
            .downcast::<TypeObject>()
            .expect("alloc_instance: not a type");
        // Slack tracking: the first instances get room to grow; later ones
        // exactly as many slots as instances of this class have needed.
        let made = to.instances_made.get().saturating_add(1);
        to.instances_made.set(made);
        let learned = to.attrs_seen.get() as usize;
        let inline = if made > 8 {
            learned
        } else {
            if to.attrs_predicted.get() == 0 {
                let p = crate::objects::slack::predicted_attrs(&to.mro.borrow());
                to.attrs_predicted.set(p as u16 + 1);
            }
            let predicted = to.attrs_predicted.get() as usize - 1;
            learned.max(INITIAL_INLINE_SLOTS).max(predicted)
        };
        let cap = to.nslots.get() + inline.max(1);
        alloc(&to.root_shape.meta, Instance, cap, 0)
    }

    pub fn new_native(
        &self,
        name: &'static str,
        f: NativeFn,
        kind: NativeKind,
        owner: Value,
    ) -> Value {
        self.alloc_builtin(
            &self.t.native,
            Native {
                name,
                f,
                self_: Value::NULL,
                kind,
                needs_frame: native_needs_frame(name, &owner),
                owner,
                doc: None,
            },
        )
    }

    // ----- types ----------------------------------------------------------

    /// The class of any value.
    #[inline]
    pub fn type_of(&self, v: &Value) -> Value {
        if let Some(h) = v.header() {
            return h.class();
        }
        if v.is_small_int() {
            self.t.int.clone()
        } else if v.is_float() {
            self.t.float.clone()
        } else if v.is_none() {
            self.t.none.clone()
        } else if v.is_bool() {
            self.t.bool_.clone()
        } else {
            self.t.none.clone()
        }
    }

    /// The class of a value, borrowed as a `TypeObject` for the duration of `f`.
    pub fn type_name(&self, v: &Value) -> String {
        let t = self.type_of(v);
        t.downcast::<TypeObject>()
            .map_or_else(|| "?".into(), |t| t.tp_name())
    }

    pub fn is_type(&self, v: &Value) -> bool {
        v.kind() == Some(crate::kinds::TYPE)
    }

    // ----- exceptions ------------------------------------------------------

    /// A new exception instance of class `ty` with `args`.
    pub fn new_exception(&self, ty: &Value, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        self.alloc_builtin(ty, Exception::new(args))
    }

    pub fn new_exception_msg(&self, ty: &Value, msg: impl AsRef<str>) -> Value {
        let m = self.new_str(msg.as_ref());
        self.new_exception(ty, vec![m])
    }

    pub fn type_error(&self, msg: impl AsRef<str>) -> Value {
        self.new_exception_msg(&self.t.type_error, msg)
    }
    pub fn value_error(&self, msg: impl AsRef<str>) -> Value {
        self.new_exception_msg(&self.t.value_error, msg)
    }
    pub fn index_error(&self, msg: impl AsRef<str>) -> Value {
        self.new_exception_msg(&self.t.index_error, msg)
    }
    pub fn overflow_error(&self, msg: impl AsRef<str>) -> Value {
        self.new_exception_msg(&self.t.overflow_error, msg)
    }
    pub fn zero_division(&self, msg: impl AsRef<str>) -> Value {
        self.new_exception_msg(&self.t.zero_division_error, msg)
    }
    pub fn runtime_error(&self, msg: impl AsRef<str>) -> Value {
        self.new_exception_msg(&self.t.runtime_error, msg)
    }
    pub fn system_error(&self, msg: impl AsRef<str>) -> Value {
        self.new_exception_msg(&self.t.system_error, msg)
    }
    pub fn not_implemented_error(&self, msg: impl AsRef<str>) -> Value {
        self.new_exception_msg(&self.t.not_implemented_error, msg)
    }
    pub fn attribute_error(&self, obj: &Value, name: &str) -> Value {
        let msg = if self.is_type(obj) {
            format!(
                "type object '{}' has no attribute '{}'",
                obj.downcast::<TypeObject>().unwrap().name(),
                name
            )
        } else if let Some(m) = obj.downcast::<crate::objects::module::Module>() {
            let mname = crate::ops::dict_get_str(&m.dict, "__name__")
                .and_then(|n| n.downcast::<Str>().map(|s| s.as_str().to_string()));
            match mname {
                Some(n) => format!("module '{n}' has no attribute '{name}'"),
                None => format!("module has no attribute '{name}'"),
            }
        } else {
            format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                name
            )
        };
        let e = self.new_exception_msg(&self.t.attribute_error, msg);
        if let Some(slot) = e.header().and_then(|h| h.dict_slot()) {
            let d = self.new_dict();
            let _ = crate::ops::dict_set_str(self, &d, "name", self.new_str(name));
            let _ = crate::ops::dict_set_str(self, &d, "obj", obj.clone());
            slot.set(d);
        }
        e
    }
    pub fn key_error(&self, key: Value) -> Value {
        self.new_exception(&self.t.key_error, vec![key])
    }
    pub fn stop_iteration(&self, value: Value) -> Value {
        let e = if value.is_none() {
            self.new_exception(&self.t.stop_iteration, vec![])
        } else {
            self.new_exception(&self.t.stop_iteration, vec![value.clone()])
        };
        if let Some(slot) = e.header().and_then(|h| h.dict_slot()) {
            let d = self.new_dict();
            crate::ops::dict_set_strkey(&d, self.names.value.clone(), value);
            slot.set(d);
        }
        e
    }

    /// `isinstance(exc, cls)` for exception matching (cls is a type).
    pub fn exc_matches(&self, exc: &Value, cls: &Value) -> bool {
        let t = self.type_of(exc);
        crate::ops::is_subtype(&t, cls)
    }

    /// MemoryError when one allocation of `bytes` cannot succeed: more than
    /// the machine's memory (CPython gets that from a failing malloc; with
    /// an overcommitting allocator the process would be killed instead).
    pub fn check_alloc(&self, bytes: usize) -> PyResult<()> {
        if bytes > self.max_alloc {
            return Err(self.new_exception_msg(&self.t.memory_error, ""));
        }
        Ok(())
    }

    pub fn none_if_null(v: Value) -> Value {
        if v.is_null() {
            Value::NONE
        } else {
            v
        }
    }
}

/// Which unbound natives see their caller's frame (see `Native::needs_frame`):
/// functions of modules (they may warn or call back), and the builtins that
/// read the frame or call Python code.
fn native_needs_frame(name: &str, owner: &Value) -> bool {
    if owner.kind() == Some(crate::kinds::MODULE) {
        return true;
    }
    // Resuming a generator: the caller's frame is the generator frame's `f_back`.
    let resumes = matches!(name, "send" | "throw" | "close" | "__next__");
    if resumes
        && owner
            .downcast::<crate::objects::types::TypeObject>()
            .is_some_and(|t| t.layout == crate::kinds::GENERATOR)
    {
        return true;
    }
    owner.is_none()
        && matches!(
            name,
            "locals"
                | "globals"
                | "vars"
                | "dir"
                | "exec"
                | "eval"
                | "__build_class__"
                | "__import__"
                | "compile"
                | "map"
                | "filter"
                | "sorted"
                | "min"
                | "max"
                | "sum"
                | "any"
                | "all"
                | "getattr"
                | "setattr"
                | "hasattr"
                | "delattr"
                | "print"
                | "format"
                | "iter"
                | "next"
        )
}

/// Trailing slots and header flags of a builtin-layout instance of `to`:
/// its `__slots__`, plus a `__dict__` slot when the class has one.
fn builtin_slots(to: &TypeObject) -> (usize, u32) {
    if to.has_flag(tflags::DICT_SLOT) {
        (to.nslots.get() + 1, adder_object::heap::FLAG_DICT_SLOT)
    } else {
        (to.nslots.get(), 0)
    }
}

/// Creates a type object. `layout_vtable` is the layout of its instances.
#[allow(clippy::too_many_arguments)]
pub fn make_type(
    metatype: Option<&Value>,
    name: &str,
    bases: Value,
    mro_tail: Vec<Value>,
    dict: Option<Value>,
    layout_vtable: &'static adder_object::VTable,
    layout: u8,
    flags: u32,
) -> Value {
    let instance_vt = crate::objects::instance::Instance::vtable();
    let payload = TypeObject {
        meta: Meta::new(layout_vtable),
        root_shape: Box::new(Shape::root(instance_vt, false)),
        dict_shape: Box::new(Shape::root(instance_vt, true)),
        name: std::cell::RefCell::new(name.to_string()),
        qualname: std::cell::RefCell::new(name.to_string()),
        dict_cell: match dict {
            Some(d) => std::cell::OnceCell::from(d),
            None => std::cell::OnceCell::new(),
        },
        bases: std::cell::RefCell::new(bases),
        mro: std::cell::RefCell::new(Vec::new()),
        flags: std::cell::Cell::new(flags),
        layout,
        attrs_seen: std::cell::Cell::new(0),
        attrs_predicted: std::cell::Cell::new(0),
        instances_made: std::cell::Cell::new(0),
        nslots: std::cell::Cell::new(0),
        native_new: std::cell::Cell::new(None),
        version: std::cell::Cell::new(crate::objects::types::fresh_version()),
        lookup_cache: std::cell::RefCell::new(Vec::new()),
        init_cache: adder_object::ValueCell::new(Value::NULL),
        init_cache_key: std::cell::Cell::new((0, 0)),
        doc: None,
        subclasses: std::cell::RefCell::new(Vec::new()),
    };
    let meta: &Meta = match metatype {
        Some(mt) => &mt.downcast::<TypeObject>().expect("metatype").meta,
        None => Meta::boot(TypeObject::vtable()),
    };
    let v = alloc(meta, payload, 0, 0);
    let to = v.downcast::<TypeObject>().unwrap();
    let self_ptr = v.header().unwrap() as *const adder_object::Header;
    to.meta.class.set(self_ptr);
    to.root_shape.set_class(self_ptr);
    to.dict_shape.set_class(self_ptr);
    let mut mro = vec![v.clone()];
    mro.extend(mro_tail);
    *to.mro.borrow_mut() = mro;
    v
}
