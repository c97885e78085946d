//! Shapes (hidden classes, "maps" in PyPy and V8): the layout of an
//! instance's inline attribute slots, shared by all instances that acquired
//! the same attributes in the same order.
//!
//! Invariants: shapes form a tree owned by their class; children are boxed
//! so their addresses never move while the class lives; attribute names are
//! interned strings, compared by identity; a header whose meta has
//! `is_shape` set points at the `meta` field of a `Shape` (it is the first
//! field of this `repr(C)` struct), which is how `Header::shape` finds it.

use std::cell::RefCell;

use crate::heap::{Header, Meta};
use crate::value::Value;

#[repr(C)]
pub struct Shape {
    /// Must stay first: headers point here.
    pub meta: Meta,
    pub names: Vec<Value>,
    pub dict_mode: bool,
    /// Child shapes by the added name's bits. A short list: nearly every
    /// shape has one or two children, found faster by a scan than a hash.
    transitions: RefCell<Vec<(u64, Box<Shape>)>>,
}

/// Largest inline attribute count before an instance goes to dict mode.
pub const MAX_INLINE: usize = 24;

impl Shape {
    pub fn root(vtable: &'static crate::heap::VTable, dict_mode: bool) -> Shape {
        Shape {
            meta: Meta::for_shape(vtable, std::ptr::null()),
            names: Vec::new(),
            dict_mode,
            transitions: RefCell::new(Vec::new()),
        }
    }

    /// Slot index of `name` (an interned str), searching newest first.
    #[inline]
    pub fn index_of(&self, name: &Value) -> Option<usize> {
        self.names.iter().rposition(|n| n.is(name))
    }

    /// The child shape that adds `name`.
    pub fn with_added(&self, name: &Value) -> &Shape {
        let key = name.bits();
        if let Some((_, s)) = self.transitions.borrow().iter().find(|(k, _)| *k == key) {
            let p = &**s as *const Shape;
            // SAFETY: children are boxed and never removed from the map, so
            // the child lives as long as `self`.
            return unsafe { &*p };
        }
        let mut names = self.names.clone();
        names.push(name.clone());
        let child = Box::new(Shape {
            meta: Meta::for_shape(self.meta.vtable, self.meta.class.get()),
            names,
            dict_mode: false,
            transitions: RefCell::new(Vec::new()),
        });
        let ptr = &*child as *const Shape;
        self.transitions.borrow_mut().push((key, child));
        // SAFETY: as above: the box now lives in the map for as long as self.
        unsafe { &*ptr }
    }

    /// Re-points every shape of the tree at `class` (after the class object
    /// that owns the tree got its final address).
    pub fn set_class(&self, class: *const Header) {
        self.meta.class.set(class);
        for (_, child) in self.transitions.borrow().iter() {
            child.set_class(class);
        }
    }
}

impl Header {
    /// The shape of an instance whose meta is a shape.
    #[inline(always)]
    pub fn shape(&self) -> Option<&Shape> {
        let m = self.meta();
        if m.is_shape {
            // SAFETY: metas with is_shape set are only created by
            // `Meta::for_shape`, which is private to Shape construction, so
            // this meta is the first field of a live Shape (repr(C)).
            Some(unsafe { &*(m as *const Meta as *const Shape) })
        } else {
            None
        }
    }
}
