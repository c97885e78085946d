//! Callables: Python functions, code objects, native (Rust) functions,
//! bound methods, and the method-wrapping descriptors.
//!
//! Invariant: a `Function`'s `code` is a `Code` object whose `consts` and
//! `names` are the materialised Values of its `CodeObject`'s tables, index for
//! index; a `Native` with a non-NULL `self_` is bound and receives `self_` as
//! its first positional argument.

use std::rc::Rc;

use adder_bytecode::CodeObject;
use adder_object::{payload, Trace, Value, ValueCell};

use crate::kinds;
use crate::vm::{Args, NativeFn};

/// Tracked: the global cache holds the globals dict and the values found
/// there, which often refer back to functions of this code (a module's
/// functions all form cycles through it).
#[derive(Trace)]
pub struct Code {
    #[trace(skip)]
    pub code: Rc<CodeObject>,
    pub consts: Box<[Value]>,
    pub names: Box<[Value]>,
    pub varnames: Box<[Value]>,
    /// `co_qualname` as a str, shared by the functions made from this code.
    pub qualname: Value,
    /// `co_name`, interned, likewise shared.
    pub name: Value,
    /// `LoadGlobal` results per name index, valid while the globals and
    /// builtins dicts are the same objects at the same versions.
    #[trace(clear)]
    pub global_cache: std::cell::RefCell<Vec<GlobalCache>>,
    /// Attribute lookups per name index (see `attrcache`).
    #[trace(clear)]
    pub attr_cache: std::cell::RefCell<Vec<Option<Box<crate::attrcache::AttrSite>>>>,
}

/// One cached global lookup (see `Code::global_cache`); the default entry
/// is empty (NULL value).
#[derive(Clone, Default, Trace)]
pub struct GlobalCache {
    /// The globals dict itself (a strong reference, so its address cannot
    /// be reused by another dict while the entry exists).
    pub globals: Value,
    /// The builtins dict likewise (versions are per dict: another dict can
    /// be at the same count).
    pub builtins: Value,
    pub globals_version: u64,
    pub builtins_version: u64,
    /// Not a reference: while both dicts are at these versions one of them
    /// holds the value (a cached value must not outlive `del name`).
    pub value: adder_object::Unowned,
}
payload!(Code, kinds::CODE, "code");

#[derive(Trace)]
pub struct Function {
    /// `__code__` (assignable, as in CPython: `types.coroutine` does it).
    pub code: ValueCell,
    pub globals: Value,
    pub builtins: Value,
    pub name: ValueCell,
    pub qualname: ValueCell,
    #[trace(clear = "none")]
    pub defaults: ValueCell,
    #[trace(clear = "none")]
    pub kwdefaults: ValueCell,
    pub closure: Value,
    #[trace(clear = "none")]
    pub doc: ValueCell,
    #[trace(clear = "null")]
    pub dict: ValueCell,
    #[trace(clear = "none")]
    pub module: ValueCell,
    #[trace(clear = "none")]
    pub annotations: ValueCell,
}
payload!(Function, kinds::FUNCTION, "function");

impl Function {
    pub fn code(&self) -> adder_object::Ref<Code> {
        self.code
            .get()
            .into_ref::<Code>()
            .unwrap_or_else(|_| unreachable!("__code__ is always a code object"))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Trace)]
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

#[derive(Trace)]
pub struct Native {
    pub name: &'static str,
    /// Function pointers own nothing (see `adder_object::trace`).
    #[trace(skip)]
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
payload!(Native, kinds::NATIVE, "builtin_function_or_method");

impl Native {
    pub fn call(&self, vm: &mut crate::vm::Vm, mut args: Args) -> crate::vm::PyResult {
        if !self.self_.is_null() {
            args.pos.insert(0, self.self_.clone());
        }
        (self.f)(vm, args)
    }
}

#[derive(Trace)]
pub struct Method {
    pub func: Value,
    pub self_: Value,
}
payload!(Method, kinds::METHOD, "method");

#[derive(Trace)]
pub struct Property {
    #[trace(clear = "none")]
    pub fget: ValueCell,
    #[trace(clear = "none")]
    pub fset: ValueCell,
    #[trace(clear = "none")]
    pub fdel: ValueCell,
    #[trace(clear = "none")]
    pub doc: ValueCell,
    #[trace(clear = "none")]
    pub name: ValueCell,
    /// The docstring came from the getter (re-derived when it is replaced).
    pub getter_doc: std::cell::Cell<bool>,
}
payload!(Property, kinds::PROPERTY, "property");

#[derive(Trace)]
pub struct ClassMethod {
    #[trace(clear = "none")]
    pub func: ValueCell,
}
payload!(ClassMethod, kinds::CLASSMETHOD, "classmethod");

#[derive(Trace)]
pub struct StaticMethod {
    #[trace(clear = "none")]
    pub func: ValueCell,
}
payload!(StaticMethod, kinds::STATICMETHOD, "staticmethod");

/// `super(type, obj)`.
#[derive(Trace)]
pub struct Super {
    pub this_class: Value,
    pub obj: Value,
    pub obj_type: Value,
}
payload!(Super, kinds::SUPER, "super");

/// A descriptor for one `__slots__` entry: reads/writes trailing slot `index`.
#[derive(Trace)]
pub struct SlotDescr {
    pub name: Value,
    pub index: usize,
    pub owner: Value,
}
payload!(SlotDescr, kinds::SLOTDESCR, "member_descriptor");

/// The setter of a `GetSet` descriptor.
pub type Setter = fn(&mut crate::vm::Vm, &Value, Value) -> crate::vm::PyResult<()>;

/// A native getter/setter pair on a builtin type (e.g. `function.__name__`).
#[derive(Trace)]
pub struct GetSet {
    pub name: &'static str,
    /// Function pointers own nothing (see `adder_object::trace`).
    #[trace(skip)]
    pub get: fn(&mut crate::vm::Vm, &Value) -> crate::vm::PyResult,
    #[trace(skip)]
    pub set: Option<Setter>,
    /// The setter also handles `del`: it is called with NULL (as CPython's
    /// setters are); otherwise `del` raises "not writable".
    pub set_deletes: bool,
    pub owner: Value,
}
payload!(GetSet, kinds::GETSET, "getset_descriptor");
