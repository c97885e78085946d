//! Callables: Python functions, code objects, native (Rust) functions,
//! bound methods, and the method-wrapping descriptors.
//!
//! Invariant: a `Function`'s `code` is a `Code` object whose `consts` and
//! `names` are the materialised Values of its `CodeObject`'s tables, index for
//! index; a `Native` with a non-NULL `self_` is bound and receives `self_` as
//! its first positional argument.

use std::rc::Rc;

use adder_bytecode::CodeObject;
use adder_object::{payload, Value, ValueCell};

use crate::kinds;
use crate::vm::{Args, NativeFn};

pub struct Code {
    pub code: Rc<CodeObject>,
    pub consts: Box<[Value]>,
    pub names: Box<[Value]>,
    pub varnames: Box<[Value]>,
    /// `LoadGlobal` results per name index, valid while the globals and
    /// builtins dicts are the same objects at the same versions.
    pub global_cache: std::cell::RefCell<Vec<GlobalCache>>,
}

/// One cached global lookup (see `Code::global_cache`); the default entry
/// is empty (NULL value).
#[derive(Clone, Default)]
pub struct GlobalCache {
    /// The globals dict itself (a strong reference, so its address cannot
    /// be reused by another dict while the entry exists).
    pub globals: Value,
    pub globals_version: u64,
    pub builtins_version: u64,
    pub value: Value,
}
// Not tracked (no `traverse`): constants cannot refer back to their code
// object, so code objects never close a cycle (as in CPython).
payload!(Code, kinds::CODE, "code");

pub struct Function {
    /// `__code__` (assignable, as in CPython: `types.coroutine` does it).
    pub code: ValueCell,
    pub globals: Value,
    pub builtins: Value,
    pub name: ValueCell,
    pub qualname: ValueCell,
    pub defaults: ValueCell,
    pub kwdefaults: ValueCell,
    pub closure: Value,
    pub doc: ValueCell,
    pub dict: ValueCell,
    pub module: ValueCell,
    pub annotations: ValueCell,
}
payload!(Function, kinds::FUNCTION, "function", traverse(self, visit) {
    let c = self.code.get(); visit(&c); visit(&self.globals); visit(&self.closure);
    for c in [&self.defaults, &self.kwdefaults, &self.dict, &self.annotations] { let v = c.get(); visit(&v); }
    for c in [&self.name, &self.qualname, &self.doc, &self.module] { let v = c.get(); visit(&v); }
}, clear(self) {
    for c in [&self.defaults, &self.kwdefaults, &self.annotations, &self.doc, &self.module] { c.set(Value::NONE) }
    self.dict.set(Value::NULL);
});

impl Function {
    pub fn code(&self) -> adder_object::Ref<Code> {
        self.code
            .get()
            .into_ref::<Code>()
            .unwrap_or_else(|_| unreachable!("__code__ is always a code object"))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NativeKind {
    /// A plain builtin function (`len`): never binds.
    Function,
    /// A method defined on a type: binds to the instance on attribute access.
    Method,
    /// A class method defined on a type: binds to the class.
    ClassMethod,
    /// A static method on a type: never binds.
    StaticMethod,
}

pub struct Native {
    pub name: &'static str,
    pub f: NativeFn,
    pub self_: Value,
    pub kind: NativeKind,
    /// The class that defines a method (for `__qualname__` and `__objclass__`).
    pub owner: Value,
    pub doc: Option<&'static str>,
    /// Called from the loop, it gets the caller's frame on the frame stack
    /// (it reads it, or calls back into Python code that may walk it).
    pub needs_frame: bool,
}
payload!(Native, kinds::NATIVE, "builtin_function_or_method", traverse(self, visit) {
    visit(&self.self_); visit(&self.owner);
});

impl Native {
    pub fn call(&self, vm: &mut crate::vm::Vm, mut args: Args) -> crate::vm::PyResult {
        if !self.self_.is_null() {
            args.pos.insert(0, self.self_.clone());
        }
        (self.f)(vm, args)
    }
}

pub struct Method {
    pub func: Value,
    pub self_: Value,
}
payload!(Method, kinds::METHOD, "method", traverse(self, visit) { visit(&self.func); visit(&self.self_); });

pub struct Property {
    pub fget: ValueCell,
    pub fset: ValueCell,
    pub fdel: ValueCell,
    pub doc: ValueCell,
    pub name: ValueCell,
    /// The docstring came from the getter (re-derived when it is replaced).
    pub getter_doc: std::cell::Cell<bool>,
}
payload!(Property, kinds::PROPERTY, "property", traverse(self, visit) {
    for c in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] { let v = c.get(); visit(&v); }
}, clear(self) {
    for c in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] { c.set(Value::NONE) }
});

pub struct ClassMethod {
    pub func: ValueCell,
}
payload!(ClassMethod, kinds::CLASSMETHOD, "classmethod", traverse(self, visit) { let v = self.func.get(); visit(&v); },
    clear(self) { self.func.set(Value::NONE) });

pub struct StaticMethod {
    pub func: ValueCell,
}
payload!(StaticMethod, kinds::STATICMETHOD, "staticmethod", traverse(self, visit) { let v = self.func.get(); visit(&v); },
    clear(self) { self.func.set(Value::NONE) });

/// `super(type, obj)`.
pub struct Super {
    pub this_class: Value,
    pub obj: Value,
    pub obj_type: Value,
}
payload!(Super, kinds::SUPER, "super", traverse(self, visit) {
    visit(&self.this_class); visit(&self.obj); visit(&self.obj_type);
});

/// A descriptor for one `__slots__` entry: reads/writes trailing slot `index`.
pub struct SlotDescr {
    pub name: Value,
    pub index: usize,
    pub owner: Value,
}
payload!(SlotDescr, kinds::SLOTDESCR, "member_descriptor", traverse(self, visit) {
    visit(&self.name); visit(&self.owner);
});

/// The setter of a `GetSet` descriptor.
pub type Setter = fn(&mut crate::vm::Vm, &Value, Value) -> crate::vm::PyResult<()>;

/// A native getter/setter pair on a builtin type (e.g. `function.__name__`).
pub struct GetSet {
    pub name: &'static str,
    pub get: fn(&mut crate::vm::Vm, &Value) -> crate::vm::PyResult,
    pub set: Option<Setter>,
    pub owner: Value,
}
payload!(GetSet, kinds::GETSET, "getset_descriptor", traverse(self, visit) { visit(&self.owner) });
