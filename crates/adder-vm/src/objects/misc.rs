//! Small objects: singletons (`NotImplemented`, `Ellipsis`), dict views and
//! mapping proxies.
//!
//! Invariant: singletons are immortal and unique per interpreter.

use adder_object::{payload, Trace, Value};

use crate::kinds;

#[derive(Trace)]
pub struct Singleton {
    pub name: &'static str,
}
payload!(Singleton, kinds::SINGLETON, "singleton");

#[derive(Clone, Copy, PartialEq, Eq, Debug, Trace)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

#[derive(Trace)]
pub struct DictView {
    pub dict: Value,
    pub kind: ViewKind,
}
payload!(DictView, kinds::DICTVIEW, "dict_view");

/// Read-only view of a type's namespace (`C.__dict__`).
#[derive(Trace)]
pub struct MappingProxy {
    pub mapping: Value,
}
payload!(MappingProxy, kinds::MAPPINGPROXY, "mappingproxy");
