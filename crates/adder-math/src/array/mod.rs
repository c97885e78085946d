//! The `array` module: `array.array` (alias `ArrayType`), `typecodes`,
//! `_array_reconstructor`, and the `arrayiterator` type.
//!
//! Invariant: an array's items live natively in one `Vec<u8>` (native byte
//! order, `itemsize(code)` bytes per item; its length is always a multiple
//! of the item size), never as Python values. The buffer is never borrowed
//! across a call that can run Python code: values are converted first, then
//! the buffer is borrowed to store them. The items are exported through
//! the buffer protocol (format = typecode, `w` for `u`), and while a
//! memoryview of the array lives its size cannot change (BufferError).
//! `buffer_info()` reports a stable fake address (the object's identity).

mod item;
mod methods;
mod pickle;
mod seq;

use std::cell::{Cell, RefCell};

use adder_object::{BufferProcs, Payload, Trace, Value};
use adder_vm::kinds::MATH_FIRST;
use adder_vm::native::{module_add_fns, module_set, new_type};
use adder_vm::objects::seq::{List, Tuple};
use adder_vm::objects::string::{ByteArray, Bytes, Str};
use adder_vm::objects::types::{tflags, TypeObject};
use adder_vm::ops::type_lookup;
use adder_vm::{Args, NativeModule, PyResult, Vm};

pub use item::itemsize;

pub const ARRAY_KIND: u8 = MATH_FIRST + 8;
pub const ITER_KIND: u8 = MATH_FIRST + 9;

/// An `array.array`: its typecode and its items' native bytes.
#[derive(Trace)]
pub struct ArrayObj {
    pub code: u8,
    pub data: RefCell<Vec<u8>>,
    /// Live memoryviews of the array (see `adder_vm::buffer`).
    pub exports: Cell<usize>,
}
adder_object::payload!(ArrayObj, ARRAY_KIND, "array.array", buffer = &ARRAY_BUFFER);

/// An array exports its items' bytes, writable, in its typecode's format.
static ARRAY_BUFFER: BufferProcs = BufferProcs {
    read: |v, f| {
        if let Some(a) = v.downcast::<ArrayObj>() {
            f(&a.data.borrow())
        }
    },
    write: Some(|v, at, src| {
        let Some(a) = v.downcast::<ArrayObj>() else {
            return false;
        };
        let mut d = a.data.borrow_mut();
        match d.get_mut(at..at.saturating_add(src.len())) {
            Some(dst) => {
                dst.copy_from_slice(src);
                true
            }
            None => false,
        }
    }),
    readonly: |_| false,
    format: |v| match v.downcast::<ArrayObj>() {
        Some(a) if a.code == b'u' => (b'w', a.itemsize()),
        Some(a) => (a.code, a.itemsize()),
        None => (b'B', 1),
    },
    exports: Some(|v| v.downcast::<ArrayObj>().map(|a| &a.exports)),
};

impl ArrayObj {
    pub fn new(code: u8, data: Vec<u8>) -> ArrayObj {
        ArrayObj {
            code,
            data: RefCell::new(data),
            exports: Cell::new(0),
        }
    }
    /// CPython's `array_resize` check: the byte length may not change
    /// while the array is exported.
    pub fn check_resize(&self, vm: &Vm, new_bytes: usize) -> PyResult<()> {
        if self.exports.get() > 0 && new_bytes != self.data.borrow().len() {
            return Err(vm.new_exception_msg(
                &vm.t.buffer_error,
                "cannot resize an array that is exporting buffers",
            ));
        }
        Ok(())
    }
    /// `check_resize` for growing by `extra` bytes.
    pub fn check_grow(&self, vm: &Vm, extra: usize) -> PyResult<()> {
        let n = self.data.borrow().len();
        self.check_resize(vm, n + extra)
    }
    pub fn itemsize(&self) -> usize {
        itemsize(self.code)
    }
    /// The number of items.
    pub fn len(&self) -> usize {
        self.data.borrow().len() / self.itemsize()
    }
    /// The native bytes of item `i` (caller checked `i < len`).
    pub fn item_bytes(&self, i: usize) -> Option<[u8; 8]> {
        let n = self.itemsize();
        let d = self.data.borrow();
        let src = d.get(i * n..(i + 1) * n)?;
        let mut out = [0u8; 8];
        out[..n].copy_from_slice(src);
        Some(out)
    }
    /// Item `i` as a Python value, if it exists.
    pub fn get(&self, vm: &mut Vm, i: usize) -> PyResult<Option<Value>> {
        match self.item_bytes(i) {
            Some(b) => item::decode(vm, self.code, &b).map(Some),
            None => Ok(None),
        }
    }
}

/// A forward iterator over an array; `array` is None once exhausted.
#[derive(Trace)]
pub struct ArrayIter {
    array: RefCell<Option<Value>>,
    index: Cell<usize>,
}
adder_object::payload!(ArrayIter, ITER_KIND, "array.arrayiterator");

/// The `arrayiterator` type, kept in the module under a private name.
pub fn iter_type(vm: &mut Vm) -> PyResult {
    let m = adder_vm::native::import(vm, "array")?;
    adder_vm::native::module_get(&m, "__adder_arrayiterator__")
        .ok_or_else(|| vm.system_error("array module lost its iterator type"))
}

pub fn module() -> NativeModule {
    NativeModule {
        name: "array",
        init,
    }
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let obj = vm.t.object.clone();
    let t = new_type(
        vm,
        "array",
        "array",
        &obj,
        ArrayObj::vtable(),
        ARRAY_KIND,
        tflags::BASETYPE | tflags::SEQUENCE,
    );
    vm.set_new(&t, array_new);
    methods::register(vm, &t);
    seq::register(vm, &t);
    pickle::register(vm, &t);
    vm.add_attr(&t, "__hash__", Value::NONE);
    let doc = vm.new_str(
        "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are \
         restricted by typecode, and\ninitialized from the optional initializer value, which \
         must be a list,\nstring or iterable over elements of the appropriate type.",
    );
    vm.add_attr(&t, "__doc__", doc);
    let mdoc = vm.new_str(
        "This module defines an object type which can efficiently represent\nan array of \
         basic values: characters, integers, floating point\nnumbers.  Arrays are sequence \
         types and behave very much like lists,\nexcept that the type of objects stored in \
         them is constrained.\n",
    );
    module_set(vm, m, "__doc__", mdoc);
    module_set(vm, m, "array", t.clone());
    module_set(vm, m, "ArrayType", t.clone());
    let tc = vm.new_str(item::TYPECODES);
    module_set(vm, m, "typecodes", tc);
    let it = new_type(
        vm,
        "array",
        "arrayiterator",
        &obj,
        ArrayIter::vtable(),
        ITER_KIND,
        0,
    );
    seq::register_iter(vm, &it);
    module_set(vm, m, "__adder_arrayiterator__", it);
    module_add_fns(
        vm,
        m,
        &[("_array_reconstructor", pickle::array_reconstructor)],
    );
    // As CPython: `collections.abc.MutableSequence.register(array)`.
    let abc = adder_vm::native::import(vm, "collections.abc")?;
    let abc = vm.getattr_str(&abc, "abc")?;
    let ms = vm.getattr_str(&abc, "MutableSequence")?;
    vm.call_method(&ms, "register", vec![t])?;
    Ok(())
}

// ----- helpers shared by the submodules ---------------------------------------------

/// The builtin `array.array` type (found on the MRO of an array's class).
pub fn array_type(vm: &Vm, a: &Value) -> Value {
    let t = vm.type_of(a);
    if let Some(to) = t.downcast::<TypeObject>() {
        for c in to.mro.borrow().iter() {
            if let Some(co) = c.downcast::<TypeObject>() {
                if co.layout == ARRAY_KIND && !co.has_flag(tflags::HEAPTYPE) {
                    return c.clone();
                }
            }
        }
    }
    t
}

/// A new exact `array.array` (class of `like`'s base) holding `data`.
pub fn new_array(vm: &mut Vm, like: &Value, code: u8, data: Vec<u8>) -> PyResult {
    vm.check_alloc(data.len())?;
    let t = array_type(vm, like);
    Ok(vm.alloc_builtin(&t, ArrayObj::new(code, data)))
}

/// `args.pos[0]` as an array (CPython's descriptor check message otherwise).
pub fn this<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a ArrayObj> {
    let Some(s) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{meth}' of 'array.array' object needs an argument"
        )));
    };
    s.downcast::<ArrayObj>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{meth}' for 'array.array' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        ))
    })
}

/// The class name used by `repr` (`array`, or a subclass's name).
fn short_name(vm: &Vm, v: &Value) -> String {
    let t = vm.type_of(v);
    t.downcast::<TypeObject>()
        .map_or_else(|| "array".into(), |t| t.name.borrow().clone())
}

/// Converts every value of `items` (already Python values) to native bytes.
pub fn encode_all(vm: &mut Vm, code: u8, items: &[Value]) -> PyResult<Vec<u8>> {
    let n = itemsize(code);
    vm.check_alloc(items.len().saturating_mul(n))?;
    let mut out = Vec::with_capacity(items.len() * n);
    for v in items {
        let b = item::encode(vm, code, v)?;
        out.extend_from_slice(&b[..n]);
    }
    Ok(out)
}

/// Appends every item of iterable `it` (an iterator) to `a`, one at a time
/// (as CPython does: items already appended stay on error).
pub fn extend_from_iter(vm: &mut Vm, a: &ArrayObj, it: &Value) -> PyResult<()> {
    let n = a.itemsize();
    while let Some(v) = vm.next(it)? {
        let b = item::encode(vm, a.code, &v)?;
        a.check_grow(vm, n)?;
        a.data.borrow_mut().extend_from_slice(&b[..n]);
    }
    Ok(())
}

// ----- construction ---------------------------------------------------------------------

/// Whether `cls` (a subclass) defines its own `__init__`, which lets
/// `array.__new__` accept keyword arguments (as CPython's check of `tp_init`).
fn has_custom_init(vm: &mut Vm, cls: &Value) -> bool {
    let n = vm.intern("__init__");
    let obj = vm.t.object.clone();
    match (type_lookup(cls, &n), type_lookup(&obj, &n)) {
        (Some(a), Some(b)) => !a.is(&b),
        _ => false,
    }
}

/// `array.array(typecode[, initializer])`.
fn array_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    if !args.kw.is_empty() && !has_custom_init(vm, &cls) {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let n = args.pos.len() - 1;
    if n < 1 {
        return Err(vm.type_error(format!("array() takes at least 1 argument ({n} given)")));
    }
    if n > 2 {
        return Err(vm.type_error(format!("array() takes at most 2 arguments ({n} given)")));
    }
    let tcv = &args.pos[1];
    let c = match tcv.downcast::<Str>() {
        Some(s) if s.char_len() == 1 => s.char_at(0),
        _ => {
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(tcv)
            )))
        }
    };
    let mut initial = args.pos.get(2).cloned();
    if let Some(init) = &initial {
        if c != 'u' {
            if init.downcast::<Str>().is_some() {
                return Err(vm.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{c}'"
                )));
            }
            if init.downcast::<ArrayObj>().is_some_and(|a| a.code == b'u') {
                return Err(vm.type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{c}'"
                )));
            }
        }
    }
    let mut it = None;
    if let Some(init) = &initial {
        let direct = init.downcast::<List>().is_some()
            || init.downcast::<Tuple>().is_some()
            || init.downcast::<Bytes>().is_some()
            || init.downcast::<ByteArray>().is_some()
            || (c == 'u' && init.downcast::<Str>().is_some())
            || init
                .downcast::<ArrayObj>()
                .is_some_and(|a| c.is_ascii() && a.code == c as u8);
        if !direct {
            it = Some(vm.iter(init)?);
            initial = None;
        }
    }
    if !item::is_valid(c) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let code = c as u8;
    let data = match &initial {
        None => Vec::new(),
        Some(init) => {
            if let Some(l) = init.downcast::<List>() {
                let items = l.snapshot();
                encode_all(vm, code, &items)?
            } else if let Some(t) = init.downcast::<Tuple>() {
                let items = t.items.to_vec();
                encode_all(vm, code, &items)?
            } else if let Some(b) = crate::util::bytes_like(init) {
                methods::check_multiple(vm, code, b.len())?;
                b
            } else if let Some(s) = init.downcast::<Str>() {
                item::string_to_items(s.as_str())
            } else if let Some(a) = init.downcast::<ArrayObj>() {
                a.data.borrow().clone()
            } else {
                Vec::new()
            }
        }
    };
    let obj = vm.alloc_builtin(&cls, ArrayObj::new(code, data));
    if let Some(it) = it {
        if let Some(a) = obj.downcast::<ArrayObj>() {
            extend_from_iter(vm, a, &it)?;
        }
    }
    Ok(obj)
}

// ----- repr -------------------------------------------------------------------------------

/// `repr(a)`: `array('i')`, `array('i', [1, 2])`, `array('u', 'ab')`.
fn array_repr(vm: &mut Vm, args: Args) -> PyResult {
    methods::noargs(vm, &args, "__repr__")?;
    let a = this(vm, &args, "__repr__")?;
    let name = short_name(vm, &args.pos[0]);
    let code = a.code as char;
    if a.len() == 0 {
        return Ok(vm.new_string(format!("{name}('{code}')")));
    }
    let inner = if a.code == b'u' {
        let s = item::items_to_string(vm, &a.data.borrow())?;
        let sv = vm.new_string(s);
        vm.repr_string(&sv)?
    } else {
        let items = methods::to_values(vm, a)?;
        let l = vm.new_list(items);
        vm.repr_string(&l)?
    };
    Ok(vm.new_string(format!("{name}('{code}', {inner})")))
}
