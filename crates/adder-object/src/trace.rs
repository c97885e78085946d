//! What a payload owns, for the cycle collector: the `Trace` trait, its
//! impls for the building blocks payloads are made of, and the per-field
//! clear policies `#[derive(Trace)]` (crates/adder-derive) uses.
//!
//! Invariants:
//! - `trace` reports each `Value` the value owns exactly once and nothing
//!   else. Under-reporting is safe (the referent looks externally held and
//!   survives: a leak); over-reporting is not (the collector could take a
//!   live object for garbage and empty it). So every impl that cannot be
//!   sure reports nothing: a `RefCell` that is mutably borrowed, an `Rc`
//!   that is shared (its contents are owned once but reachable from several
//!   payloads), borrowed references and raw pointers (never owners).
//! - `MAY_HOLD` is false only for types that can never own a `Value`; a
//!   payload whose type says false is not allocated in the tracked heap.
//! - Clearing never frees memory directly: the policies take references out
//!   of interior-mutable places and hand them back, and the caller drops
//!   them once the whole object is in its emptied state.
//!
//! A field type without a `Trace` impl does not compile under the derive:
//! foreign state (bignums, hashers, compression streams, host handles) is
//! marked `#[trace(skip)]` where it is stored, so the decision is visible.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::marker::PhantomData;
use std::rc::Rc;

use crate::heap::{Meta, Payload, Ref, ValueCell};
use crate::value::Value;

/// The references a value owns (see the module invariants).
///
/// Derived for payloads; a field whose type has no impl is a compile error,
/// so a new field is traced or visibly skipped, never forgotten:
///
/// ```compile_fail
/// use adder_object::{Trace, Value};
/// struct Foreign(u32);
/// #[derive(Trace)]
/// struct Payload {
///     held: Value,
///     state: Foreign,
/// }
/// ```
///
/// ```
/// use adder_object::{Trace, Value};
/// struct Foreign(u32);
/// #[derive(Trace)]
/// struct Payload {
///     held: Value,
///     /// No Python objects in here.
///     #[trace(skip)]
///     state: Foreign,
/// }
/// assert!(<Payload as Trace>::MAY_HOLD);
/// ```
pub trait Trace {
    /// Whether values of this type can own a `Value` at all (decides whether
    /// a payload of this type is tracked by the cycle collector).
    const MAY_HOLD: bool;
    /// Calls `visit` once on every `Value` this value owns.
    fn trace(&self, visit: &mut dyn FnMut(&Value));
    /// Drops the references held in mutable places (cycle breaking), leaving
    /// a valid, emptied value. Derived from the fields' clear policies.
    fn clear_refs(&self) {}
}

impl Trace for Value {
    const MAY_HOLD: bool = true;
    #[inline]
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(self)
    }
}

/// The slot is read with a clone (one reference-count increment, undone at
/// once) rather than a borrowed view: `visit` is arbitrary code, and a
/// visitor that wrote the slot would otherwise leave it holding a dangling
/// view. The collector snapshots counts before it traces, so the temporary
/// reference does not disturb it.
impl Trace for ValueCell {
    const MAY_HOLD: bool = true;
    #[inline]
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        let v = self.get();
        visit(&v)
    }
}

impl<T: Payload> Trace for Ref<T> {
    const MAY_HOLD: bool = true;
    #[inline]
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(self.as_value())
    }
}

/// Types that own no `Value`.
macro_rules! no_values {
    ($($t:ty),* $(,)?) => {$(
        impl Trace for $t {
            const MAY_HOLD: bool = false;
            #[inline(always)]
            fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
        }
    )*};
}

no_values!(
    (),
    bool,
    char,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    str,
    String,
);

/// A meta's class pointer is not an owning reference (each object's header
/// owns one instead, which `Header::traverse` reports).
impl Trace for Meta {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// Borrowed references never own what they point at.
impl<T: ?Sized> Trace for &T {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// Raw pointers (the weak table's, a meta's class) are not owners.
impl<T: ?Sized> Trace for *const T {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

impl<T: ?Sized> Trace for *mut T {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

impl<T: ?Sized> Trace for PhantomData<T> {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// Function pointers own nothing. Rust has no impl that covers every
/// higher-ranked pointer type (`fn(&mut Vm, Args)`), so fields of those
/// types are marked `#[trace(skip)]` instead.
macro_rules! fn_pointers {
    ($(($($a:ident),*)),* $(,)?) => {$(
        impl<R, $($a),*> Trace for fn($($a),*) -> R {
            const MAY_HOLD: bool = false;
            #[inline(always)]
            fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
        }
    )*};
}

fn_pointers!((), (A), (A, B), (A, B, C));

/// A `Cell` of a `Copy` type cannot hold a `Value` (`Value` is not `Copy`).
impl<T: Copy> Trace for Cell<T> {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

impl<T: Trace> Trace for Option<T> {
    const MAY_HOLD: bool = T::MAY_HOLD;
    #[inline]
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(x) = self {
            x.trace(visit)
        }
    }
}

impl<T: Trace + ?Sized> Trace for Box<T> {
    const MAY_HOLD: bool = T::MAY_HOLD;
    #[inline]
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        (**self).trace(visit)
    }
}

impl<T: Trace> Trace for [T] {
    const MAY_HOLD: bool = T::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if T::MAY_HOLD {
            for x in self {
                x.trace(visit)
            }
        }
    }
}

impl<T: Trace, const N: usize> Trace for [T; N] {
    const MAY_HOLD: bool = T::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self[..].trace(visit)
    }
}

impl<T: Trace> Trace for Vec<T> {
    const MAY_HOLD: bool = T::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self[..].trace(visit)
    }
}

impl<T: Trace> Trace for VecDeque<T> {
    const MAY_HOLD: bool = T::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if T::MAY_HOLD {
            for x in self {
                x.trace(visit)
            }
        }
    }
}

impl<K: Trace, V: Trace, S> Trace for HashMap<K, V, S> {
    const MAY_HOLD: bool = K::MAY_HOLD || V::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if Self::MAY_HOLD {
            for (k, v) in self {
                k.trace(visit);
                v.trace(visit);
            }
        }
    }
}

impl<K: Trace, V: Trace> Trace for BTreeMap<K, V> {
    const MAY_HOLD: bool = K::MAY_HOLD || V::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if Self::MAY_HOLD {
            for (k, v) in self {
                k.trace(visit);
                v.trace(visit);
            }
        }
    }
}

macro_rules! tuples {
    ($(($($n:tt $t:ident),+)),* $(,)?) => {$(
        impl<$($t: Trace),+> Trace for ($($t,)+) {
            const MAY_HOLD: bool = false $(|| $t::MAY_HOLD)+;
            #[inline]
            fn trace(&self, visit: &mut dyn FnMut(&Value)) {
                $(self.$n.trace(visit);)+
            }
        }
    )*};
}

tuples!((0 A), (0 A, 1 B), (0 A, 1 B, 2 C), (0 A, 1 B, 2 C, 3 D));

/// A mutably borrowed cell is being changed by the code that borrowed it;
/// its contents are reported as nothing (under-reporting is safe).
impl<T: Trace + ?Sized> Trace for RefCell<T> {
    const MAY_HOLD: bool = T::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if T::MAY_HOLD {
            if let Ok(x) = self.try_borrow() {
                x.trace(visit)
            }
        }
    }
}

impl<T: Trace> Trace for OnceCell<T> {
    const MAY_HOLD: bool = T::MAY_HOLD;
    #[inline]
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(x) = self.get() {
            x.trace(visit)
        }
    }
}

/// Shared data is owned once but reachable from every holder: only the
/// sole holder reports it (reporting it from each would subtract the same
/// references several times and make live objects look like garbage).
impl<T: Trace + ?Sized> Trace for Rc<T> {
    const MAY_HOLD: bool = T::MAY_HOLD;
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if T::MAY_HOLD && Rc::strong_count(self) == 1 {
            (**self).trace(visit)
        }
    }
}

/// `#[trace(clear)]`: takes a field's contents out, leaving it empty.
/// Returns what was taken (None when the field is borrowed and so left
/// alone); the derived `clear_refs` drops it after every field is emptied.
pub trait ClearField {
    type Taken;
    fn take_out(&self) -> Option<Self::Taken>;
}

/// Contents a `RefCell` field can be emptied of.
pub trait Empty {
    type Taken;
    /// Leaves `self` empty and returns the old contents.
    fn empty(&mut self) -> Self::Taken;
}

impl<T: Empty> ClearField for RefCell<T> {
    type Taken = T::Taken;
    fn take_out(&self) -> Option<T::Taken> {
        // The guard is released before the caller drops the contents.
        self.try_borrow_mut().ok().map(|mut x| x.empty())
    }
}

/// Plain state reset with the references (a counter back to 0).
impl<T: Default + Copy> ClearField for Cell<T> {
    type Taken = T;
    fn take_out(&self) -> Option<T> {
        Some(self.take())
    }
}

macro_rules! empty_by_default {
    ($(impl<$($g:ident),*> for $t:ty;)*) => {$(
        impl<$($g),*> Empty for $t {
            type Taken = $t;
            #[inline]
            fn empty(&mut self) -> $t {
                std::mem::take(self)
            }
        }
    )*};
}

empty_by_default! {
    impl<T> for Vec<T>;
    impl<T> for VecDeque<T>;
    impl<T> for Option<T>;
    impl<K, V> for BTreeMap<K, V>;
}

impl<K, V, S: Default> Empty for HashMap<K, V, S> {
    type Taken = HashMap<K, V, S>;
    fn empty(&mut self) -> Self::Taken {
        std::mem::take(self)
    }
}

/// A shared mapping is replaced by a fresh empty one (the other holders
/// keep theirs).
impl<T: Default> Empty for Rc<T> {
    type Taken = Rc<T>;
    fn empty(&mut self) -> Rc<T> {
        std::mem::take(self)
    }
}

/// `#[trace(clear = "none")]` / `#[trace(clear = "null")]`: stores `to` in
/// a single-Value field and returns the old value (None when borrowed).
pub trait ResetField {
    fn reset_to(&self, to: Value) -> Option<Value>;
}

impl ResetField for ValueCell {
    #[inline]
    fn reset_to(&self, to: Value) -> Option<Value> {
        Some(self.replace(to))
    }
}

impl ResetField for RefCell<Value> {
    fn reset_to(&self, to: Value) -> Option<Value> {
        self.try_borrow_mut()
            .ok()
            .map(|mut v| std::mem::replace(&mut *v, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::{alloc, Meta, Payload};
    use crate::Trace;

    /// A plain payload for the tests to point at.
    #[derive(Trace)]
    struct Leaf;
    crate::payload!(Leaf, 249, "leaf");

    fn obj(meta: &Meta) -> Value {
        alloc(meta, Leaf, 0, 0)
    }

    fn reported<T: Trace>(x: &T) -> Vec<u64> {
        let mut out = Vec::new();
        x.trace(&mut |v| out.push(v.bits()));
        out
    }

    #[derive(Trace)]
    struct Fields {
        plain: Value,
        cell: ValueCell,
        #[trace(clear)]
        list: RefCell<Vec<Value>>,
        #[trace(clear)]
        maybe: RefCell<Option<Value>>,
        #[trace(clear = "none")]
        reset_none: ValueCell,
        #[trace(clear = "null")]
        reset_null: RefCell<Value>,
        shared: Rc<Vec<Value>>,
        #[trace(skip)]
        _foreign: Value,
        #[trace(clear)]
        count: Cell<usize>,
        pairs: HashMap<u64, (Value, i32)>,
        name: &'static str,
    }

    #[derive(Trace)]
    struct Tuple(Value, #[trace(skip)] Value, Option<Box<[Value]>>);

    impl Tuple {
        fn skipped(&self) -> &Value {
            &self.1
        }
    }

    #[derive(Trace)]
    enum Shape {
        Empty,
        One(Value),
        Named {
            a: Value,
            #[trace(skip)]
            _b: Value,
            n: u32,
        },
    }

    #[derive(Trace)]
    struct NoValues {
        _a: u32,
        _b: RefCell<Vec<String>>,
        _c: Cell<Option<i64>>,
    }

    #[test]
    fn may_hold_follows_the_fields() {
        const {
            assert!(<Fields as Trace>::MAY_HOLD);
            assert!(<Tuple as Trace>::MAY_HOLD);
            assert!(<Shape as Trace>::MAY_HOLD);
            assert!(!<NoValues as Trace>::MAY_HOLD);
            assert!(!<Leaf as Trace>::MAY_HOLD);
        }
    }

    fn fields(meta: &Meta) -> (Fields, Vec<Value>) {
        let o: Vec<Value> = (0..10).map(|_| obj(meta)).collect();
        let f = Fields {
            plain: o[0].clone(),
            cell: ValueCell::new(o[1].clone()),
            list: RefCell::new(vec![o[2].clone(), o[3].clone()]),
            maybe: RefCell::new(Some(o[4].clone())),
            reset_none: ValueCell::new(o[5].clone()),
            reset_null: RefCell::new(o[6].clone()),
            shared: Rc::new(vec![o[7].clone()]),
            _foreign: o[8].clone(),
            count: Cell::new(3),
            pairs: HashMap::from([(1, (o[9].clone(), 5))]),
            name: "fields",
        };
        (f, o)
    }

    #[test]
    fn a_derived_struct_reports_exactly_its_values() {
        let meta = Meta::new(Leaf::vtable());
        let (f, o) = fields(&meta);
        let bits = |i: &[usize]| i.iter().map(|&i| o[i].bits()).collect::<Vec<_>>();
        // Every owned Value once, in field order; the skipped one never.
        assert_eq!(reported(&f), bits(&[0, 1, 2, 3, 4, 5, 6, 7, 9]));
        // A mutably borrowed RefCell reports nothing.
        {
            let _g = f.list.borrow_mut();
            assert_eq!(reported(&f), bits(&[0, 1, 4, 5, 6, 7, 9]));
        }
        // A shared Rc reports nothing; its sole holder reports it again.
        let other = f.shared.clone();
        assert_eq!(reported(&f), bits(&[0, 1, 2, 3, 4, 5, 6, 9]));
        drop(other);
        assert_eq!(reported(&f), bits(&[0, 1, 2, 3, 4, 5, 6, 7, 9]));
        // Tracing changed no reference count for good.
        for v in &o {
            assert_eq!(v.header().unwrap().refcount(), 2);
        }
    }

    #[test]
    fn tuple_structs_and_enums() {
        let meta = Meta::new(Leaf::vtable());
        let o: Vec<Value> = (0..4).map(|_| obj(&meta)).collect();
        let t = Tuple(
            o[0].clone(),
            o[1].clone(),
            Some(vec![o[2].clone(), o[3].clone()].into()),
        );
        assert_eq!(reported(&t), vec![o[0].bits(), o[2].bits(), o[3].bits()]);
        assert!(reported(&Shape::Empty).is_empty());
        assert_eq!(reported(&Shape::One(o[0].clone())), vec![o[0].bits()]);
        assert!(t.skipped().is(&o[1]));
        let named = Shape::Named {
            a: o[1].clone(),
            _b: o[2].clone(),
            n: 7,
        };
        assert_eq!(reported(&named), vec![o[1].bits()]);
    }

    #[test]
    fn clear_policies_empty_only_the_marked_fields() {
        let meta = Meta::new(Leaf::vtable());
        let (f, o) = fields(&meta);
        f.clear_refs();
        assert!(f.plain.is(&o[0]));
        assert!(f.cell.get().is(&o[1]));
        assert!(f.list.borrow().is_empty());
        assert!(f.maybe.borrow().is_none());
        assert!(f.reset_none.get().is_none());
        assert!(f.reset_null.borrow().is_null());
        assert_eq!(f.shared.len(), 1);
        assert_eq!(f.count.get(), 0);
        assert_eq!(f.pairs.len(), 1);
        // The references taken out were dropped.
        for i in [2, 3, 4, 5, 6] {
            assert_eq!(o[i].header().unwrap().refcount(), 1);
        }
        for i in [0, 1, 7, 8, 9] {
            assert_eq!(o[i].header().unwrap().refcount(), 2);
        }
    }

    #[test]
    fn a_borrowed_field_is_left_alone_by_clear() {
        let meta = Meta::new(Leaf::vtable());
        let (f, o) = fields(&meta);
        let g = f.list.borrow();
        f.clear_refs();
        assert_eq!(g.len(), 2);
        drop(g);
        assert!(f.reset_none.get().is_none());
        assert_eq!(o[2].header().unwrap().refcount(), 2);
    }

    struct Hooked {
        allowed: Cell<bool>,
        after: Cell<u32>,
        slot: ValueCell,
    }

    // Both container hooks; `inner` has a hand-written impl and no policy.
    #[derive(Trace)]
    #[trace(
        clear_if = "HookedPayload::may_clear",
        after_clear = "HookedPayload::cleared"
    )]
    struct HookedPayload {
        inner: Hooked,
        #[trace(clear = "none")]
        slot: ValueCell,
    }

    impl Trace for Hooked {
        const MAY_HOLD: bool = true;
        fn trace(&self, visit: &mut dyn FnMut(&Value)) {
            self.slot.trace(visit)
        }
    }

    impl HookedPayload {
        fn may_clear(&self) -> bool {
            self.inner.allowed.get()
        }
        fn cleared(&self) {
            // The field is already empty when the hook runs.
            assert!(self.slot.get().is_none());
            self.inner.after.set(self.inner.after.get() + 1);
        }
    }

    #[test]
    fn hooks_gate_and_follow_clearing() {
        let meta = Meta::new(Leaf::vtable());
        let x = obj(&meta);
        let h = HookedPayload {
            inner: Hooked {
                allowed: Cell::new(false),
                after: Cell::new(0),
                slot: ValueCell::new(x.clone()),
            },
            slot: ValueCell::new(x.clone()),
        };
        assert_eq!(reported(&h), vec![x.bits(), x.bits()]);
        h.clear_refs();
        assert!(h.slot.get().is(&x));
        assert_eq!(h.inner.after.get(), 0);
        h.inner.allowed.set(true);
        h.clear_refs();
        assert!(h.slot.get().is_none());
        assert_eq!(h.inner.after.get(), 1);
        // Fields without a policy stay.
        assert!(h.inner.slot.get().is(&x));
    }
}
