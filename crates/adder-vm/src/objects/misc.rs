//! Small objects: singletons (`NotImplemented`, `Ellipsis`), dict views and
//! mapping proxies.
//!
//! Invariant: singletons are immortal and unique per interpreter.

use adder_object::{payload, Value};

use crate::kinds;

pub struct Singleton {
    pub name: &'static str,
}
payload!(Singleton, kinds::SINGLETON, "singleton");

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub struct DictView {
    pub dict: Value,
    pub kind: ViewKind,
}
payload!(DictView, kinds::DICTVIEW, "dict_view", traverse(self, visit) { visit(&self.dict) });

/// Read-only view of a type's namespace (`C.__dict__`).
pub struct MappingProxy {
    pub mapping: Value,
}
payload!(MappingProxy, kinds::MAPPINGPROXY, "mappingproxy", traverse(self, visit) { visit(&self.mapping) });
