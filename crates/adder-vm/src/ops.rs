//! The object protocols: type lookup, hashing, equality and comparison,
//! truth, `repr`/`str`, containers' `len`/`getitem`/`contains`, iteration,
//! and dict access.
//!
//! Invariant: for values whose classes are all builtin (not heap types) the
//! protocols run natively without looking anything up; as soon as a heap
//! type is involved they go through the special methods found on the MRO, so
//! user overrides are always honoured. No function here holds a `RefCell`
//! borrow of a container while it calls Python code.

use adder_bytecode::CmpOp;
use adder_object::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::kinds;
use crate::num::{self, as_bigint, as_float};
use crate::objects::dict::{Dict, Step};
use crate::objects::instance::Shape;
use crate::objects::number::Complex;
use crate::objects::seq::{List, Range, Tuple};
use crate::objects::set::Set;
use crate::objects::string::{ByteArray, Bytes, Str};
use crate::objects::types::{tflags, TypeObject};
use crate::vm::{Args, PyResult, Vm};

// ----- types and lookup ------------------------------------------------------

pub fn is_subtype(t: &Value, base: &Value) -> bool {
    if t.is(base) {
        return true;
    }
    match t.downcast::<TypeObject>() {
        Some(to) => to.mro.borrow().iter().any(|m| m.is(base)),
        None => false,
    }
}

/// Entries of a type's direct-mapped lookup cache: it starts small (most
/// classes are asked for a handful of names) and doubles, up to the
/// maximum, when a fill would evict a still-valid entry.
const LOOKUP_CACHE_MIN: usize = 8;
const LOOKUP_CACHE_MAX: usize = 32;

/// The slot of a name in a cache of `len` entries (a power of two):
/// Fibonacci hashing of the address, since names sit in allocator pages at
/// a fixed stride that plain low bits would map to a few slots only.
#[inline(always)]
fn lookup_slot(key: u64, len: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - len.trailing_zeros())) as usize
}

/// Finds `name` (a str) along the MRO of type `t`, without calling Python.
/// Lookups of interned names are cached per type (see `TypeObject::version`).
pub fn type_lookup(t: &Value, name: &Value) -> Option<Value> {
    use crate::objects::types::CacheEntry;
    let to = t.downcast::<TypeObject>()?;
    let interned = name
        .header()
        .is_some_and(|h| h.refcount() == adder_object::heap::IMMORTAL);
    if !interned {
        return type_lookup_uncached(to, name);
    }
    let key = name.bits();
    let (version, epoch) = (to.version.get(), crate::objects::types::builtin_epoch());
    let valid = |e: &CacheEntry| e.key != 0 && e.version == version && e.epoch == epoch;
    {
        let cache = to.lookup_cache.borrow();
        if !cache.is_empty() {
            let e = &cache[lookup_slot(key, cache.len())];
            if e.key == key && valid(e) {
                return e.value.clone();
            }
        }
    }
    let value = type_lookup_uncached(to, name);
    let mut cache = to.lookup_cache.borrow_mut();
    if cache.is_empty() {
        cache.resize_with(LOOKUP_CACHE_MIN, Default::default);
    }
    let slot = lookup_slot(key, cache.len());
    if valid(&cache[slot]) && cache.len() < LOOKUP_CACHE_MAX {
        // A collision with a live entry: double and re-place the live ones.
        let old = std::mem::take(&mut *cache);
        cache.resize_with(old.len() * 2, Default::default);
        for e in old.into_iter().filter(|e| valid(e)) {
            let s = lookup_slot(e.key, cache.len());
            cache[s] = e;
        }
    }
    let slot = lookup_slot(key, cache.len());
    let old = std::mem::replace(
        &mut cache[slot],
        CacheEntry {
            key,
            value: value.clone(),
            version,
            epoch,
        },
    );
    drop(cache);
    drop(old);
    value
}

fn type_lookup_uncached(to: &TypeObject, name: &Value) -> Option<Value> {
    let mro = to.mro.borrow();
    for c in mro.iter() {
        if let Some(ct) = c.downcast::<TypeObject>() {
            if let Some(v) = dict_get_strkey(ct.dict(), name) {
                return Some(v);
            }
        }
    }
    None
}

/// Whether type `t` is a heap type (user class) — i.e. may override protocols.
/// Native-module types (`tflags::DUNDER_DISPATCH`) count too: their
/// protocols are reached only through their special methods.
#[inline]
pub fn is_heap_type(t: &Value) -> bool {
    t.downcast::<TypeObject>()
        .is_some_and(|to| to.has_flag(tflags::HEAPTYPE | tflags::DUNDER_DISPATCH))
}

// ----- str keys ---------------------------------------------------------------

pub fn str_hash(s: &str) -> i64 {
    bytes_hash(s.as_bytes())
}

/// FNV-1a, folded away from -1. A str hashes its UTF-8 bytes, so an ASCII
/// str and the equal bytes hash alike (`hash('spam') == hash(b'spam')`, as
/// in CPython).
pub fn bytes_hash(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

#[inline]
pub fn str_value_hash(s: &Str) -> i64 {
    let h = s.hash.get();
    if h != -1 {
        return h;
    }
    let h = str_hash(s.as_str());
    s.hash.set(h);
    h
}

fn str_eq_fast(a: &Value, b: &Value) -> bool {
    match (a.downcast::<Str>(), b.downcast::<Str>()) {
        (Some(x), Some(y)) => x.as_str() == y.as_str(),
        _ => false,
    }
}

/// Dict lookup by a str key, no Python calls (str keys compare natively).
pub fn dict_get_strkey(d: &Value, key: &Value) -> Option<Value> {
    let dict = d.downcast::<Dict>()?;
    let ks = key.downcast::<Str>()?;
    let h = str_value_hash(ks);
    let t = dict.table.borrow();
    let ix = t.find_simple(h, key, str_eq_fast)?;
    Some(t.entries()[ix].value.clone())
}

pub fn dict_get_str(d: &Value, key: &str) -> Option<Value> {
    let dict = d.downcast::<Dict>()?;
    let h = str_hash(key);
    let t = dict.table.borrow();
    let mut p = t.probe(h);
    loop {
        match t.step(&mut p) {
            Step::Absent { .. } => return None,
            Step::Candidate { entry } => {
                if t.entries()[entry]
                    .key
                    .downcast::<Str>()
                    .is_some_and(|s| s.as_str() == key)
                {
                    return Some(t.entries()[entry].value.clone());
                }
            }
        }
    }
}

pub fn dict_set_str(vm: &Vm, d: &Value, key: &str, value: Value) -> PyResult<()> {
    let k = vm.new_str(key);
    dict_set_strkey(d, k, value);
    Ok(())
}

/// Stores under a str key without calling Python.
pub fn dict_set_strkey(d: &Value, key: Value, value: Value) {
    let Some(dict) = d.downcast::<Dict>() else {
        return;
    };
    let h = str_value_hash(key.downcast::<Str>().expect("str key"));
    let old = {
        let mut t = dict.table.borrow_mut();
        match t.find_simple(h, &key, str_eq_fast) {
            Some(ix) => t.replace_value(ix, value),
            None => {
                t.insert_new(h, key, value);
                return;
            }
        }
    };
    drop(old);
}

pub fn dict_del_strkey(d: &Value, key: &Value) -> bool {
    let Some(dict) = d.downcast::<Dict>() else {
        return false;
    };
    let Some(ks) = key.downcast::<Str>() else {
        return false;
    };
    let h = str_value_hash(ks);
    let removed;
    {
        let mut t = dict.table.borrow_mut();
        match t.find_simple(h, key, str_eq_fast) {
            Some(ix) => removed = t.remove_entry(ix),
            None => return false,
        }
    }
    drop(removed);
    true
}

// ----- hashing and equality ------------------------------------------------------

impl Vm {
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_small_int() {
            return Ok(num::hash_i64(i));
        }
        if let Some(x) = v.as_inline_float() {
            return Ok(if x.is_nan() {
                (v.bits() >> 4) as i64
            } else {
                num::hash_float(x)
            });
        }
        if let Some(b) = v.as_bool() {
            return Ok(b as i64);
        }
        if v.is_none() {
            return Ok(0xFCA86420);
        }
        let t = self.type_of(v);
        if is_heap_type(&t) {
            return self.hash_slow(v, &t);
        }
        match v.kind() {
            Some(kinds::STR) => Ok(str_value_hash(v.downcast::<Str>().unwrap())),
            Some(kinds::BIGINT) => Ok(num::hash_bigint(&as_bigint(v).unwrap())),
            Some(kinds::FLOAT) => Ok(num::hash_float(as_float(v).unwrap())),
            Some(kinds::COMPLEX) => {
                let c = v.downcast::<Complex>().unwrap();
                let h =
                    num::hash_float(c.re).wrapping_add(num::hash_float(c.im).wrapping_mul(1000003));
                Ok(if h == -1 { -2 } else { h })
            }
            Some(kinds::BYTES) => {
                let b = v.downcast::<Bytes>().unwrap();
                if b.hash.get() == -1 {
                    b.hash.set(bytes_hash(&b.b));
                }
                Ok(b.hash.get())
            }
            Some(kinds::TUPLE) => {
                let items: Vec<Value> = v.downcast::<Tuple>().unwrap().items.to_vec();
                self.hash_tuple(&items)
            }
            Some(kinds::SET) => {
                let s = v.downcast::<Set>().unwrap();
                if !s.frozen {
                    return Err(
                        self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
                    );
                }
                if s.hash.get() == -1 {
                    s.hash.set(crate::builtins::set::frozenset_hash(s));
                }
                Ok(s.hash.get())
            }
            Some(kinds::RANGE) => crate::builtins::seq::range_hash_value(self, v),
            Some(kinds::DICTVIEW) => {
                let dv = v.downcast::<crate::objects::misc::DictView>().unwrap();
                if dv.kind == crate::objects::misc::ViewKind::Values {
                    Ok((v.bits() >> 4) as i64)
                } else {
                    Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
                }
            }
            Some(kinds::LIST) | Some(kinds::DICT) | Some(kinds::BYTEARRAY) => {
                Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Some(kinds::SLICE) => Err(self.type_error("unhashable type: 'slice'")),
            _ => Ok((v.bits() >> 4) as i64),
        }
    }

    pub fn hash_tuple(&mut self, items: &[Value]) -> PyResult<i64> {
        // xxHash-style accumulation, as CPython 3.8+ does (constants are xxHash's primes).
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        // Tuples nested a million deep hash through as many native calls.
        self.check_stack()?;
        let mut acc = P5;
        for it in items {
            let lane = self.hash(it)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
        let h = acc as i64;
        Ok(if h == -1 { 1546275796 } else { h })
    }

    fn hash_slow(&mut self, v: &Value, t: &Value) -> PyResult<i64> {
        let name = self.names.__hash__.clone();
        match type_lookup(t, &name) {
            Some(h) if h.is_none() => {
                Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Some(h) => {
                let r = self.call_method_value(&h, v, vec![])?;
                match as_bigint(&r) {
                    Some(i) => {
                        if let Some(x) = i.to_i64() {
                            Ok(if x == -1 { -2 } else { x })
                        } else {
                            Ok(num::hash_bigint(&i))
                        }
                    }
                    None => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            None => Ok((v.bits() >> 4) as i64),
        }
    }

    /// Equality as containers use it: identity first, then `==`.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(x == y);
        }
        if let Some(r) = self.exact_compare(a, b, CmpOp::Eq) {
            return Ok(r);
        }
        let r = self.richcmp(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// `a op b` with the full rich-comparison protocol.
    pub fn richcmp(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let Some(r) = self.exact_compare(a, b, op) {
            return Ok(Value::from_bool(r));
        }
        if self.is_exact(a, &self.t.tuple) && self.is_exact(b, &self.t.tuple) {
            // Tuples are immutable and `a`/`b` keep them alive.
            let x = &a.downcast::<Tuple>().unwrap().items;
            let y = &b.downcast::<Tuple>().unwrap().items;
            return self.nested(" in comparison", |vm| {
                vm.compare_sequences(x, y, op).map(Value::from_bool)
            });
        }
        if matches!(
            a.kind(),
            Some(kinds::LIST) | Some(kinds::TUPLE) | Some(kinds::DICT) | Some(kinds::INSTANCE)
        ) {
            return self.nested(" in comparison", |vm| vm.richcmp_inner(a, b, op));
        }
        self.richcmp_inner(a, b, op)
    }

    fn richcmp_inner(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if !is_heap_type(&ta) && !is_heap_type(&tb) {
            if let Some(r) = self.native_compare(a, b, op)? {
                return Ok(Value::from_bool(r));
            }
        } else {
            let (m, rm) = op.dunders();
            let m = self.intern(m);
            let rm = self.intern(rm);
            let mut tried_reflected = false;
            if !ta.is(&tb) && is_subtype(&tb, &ta) {
                if let Some(f) = type_lookup(&tb, &rm) {
                    tried_reflected = true;
                    let r = self.call_compare_slot(&f, b, a)?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                }
            }
            if let Some(f) = type_lookup(&ta, &m) {
                let r = self.call_compare_slot(&f, a, b)?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
            if !tried_reflected {
                if let Some(f) = type_lookup(&tb, &rm) {
                    let r = self.call_compare_slot(&f, b, a)?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::from_bool(a.is(b))),
            CmpOp::Ne => Ok(Value::from_bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// `a op b` for the pairs whose comparison can run no Python code and
    /// needs no class lookup: two small ints, two inline floats, two exact
    /// strs. `None` for everything else.
    #[inline]
    pub fn exact_compare(&self, a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Some(op.apply(&x, &y));
        }
        if let (Some(x), Some(y)) = (a.as_inline_float(), b.as_inline_float()) {
            return Some(op.apply(&x, &y));
        }
        if let (Some(x), Some(y)) = (
            crate::num::exact_int_i128(self, a),
            crate::num::exact_int_i128(self, b),
        ) {
            return Some(op.apply(&x, &y));
        }
        if self.is_exact(a, &self.t.str) && self.is_exact(b, &self.t.str) {
            let (x, y) = (a.downcast::<Str>()?, b.downcast::<Str>()?);
            return Some(op.apply(&x.as_str().as_bytes(), &y.as_str().as_bytes()));
        }
        None
    }

    /// Calls the comparison method `f` found on `obj`'s type. A descriptor
    /// that fails to bind (a property raising) counts as NotImplemented, as
    /// CPython's slot_tp_richcompare clears that error.
    pub(crate) fn call_compare_slot(
        &mut self,
        f: &Value,
        obj: &Value,
        other: &Value,
    ) -> PyResult<Value> {
        if matches!(f.kind(), Some(kinds::FUNCTION) | Some(kinds::NATIVE)) {
            return self.call_method_value(f, obj, vec![other.clone()]);
        }
        let t = self.type_of(obj);
        match self.descr_get(f, obj, &t) {
            Ok(bound) => self.call(&bound, vec![other.clone()]),
            Err(_) => Ok(self.not_implemented.clone()),
        }
    }

    /// Comparison of builtin values; `None` = not supported (NotImplemented both ways).
    pub fn native_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        // `a op b` from `a.cmp(b)`: Less < Equal < Greater.
        let ord = |o: Ordering| -> bool { op.apply(&o, &Ordering::Equal) };
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(Some(ord(x.cmp(&y))));
        }
        // Numbers.
        let fa = as_float(a);
        let fb = as_float(b);
        let ia = if fa.is_none() { as_bigint(a) } else { None };
        let ib = if fb.is_none() { as_bigint(b) } else { None };
        match (fa, fb, &ia, &ib) {
            (Some(x), Some(y), _, _) => {
                return Ok(Some(match x.partial_cmp(&y) {
                    Some(o) => ord(o),
                    None => op == CmpOp::Ne,
                }))
            }
            (None, None, Some(x), Some(y)) => return Ok(Some(ord(x.cmp(y)))),
            (Some(x), None, _, Some(y)) => {
                return Ok(Some(cmp_float_int(x, y).map_or(op == CmpOp::Ne, ord)))
            }
            (None, Some(y), Some(x), _) => {
                return Ok(Some(
                    cmp_float_int(y, x)
                        .map(|o| o.reverse())
                        .map_or(op == CmpOp::Ne, ord),
                ))
            }
            _ => {}
        }
        let (ka, kb) = (a.kind(), b.kind());
        if let (Some(ca), Some(cb)) = (a.downcast::<Complex>(), b.downcast::<Complex>()) {
            return Ok(match op {
                CmpOp::Eq => Some(ca.re == cb.re && ca.im == cb.im),
                CmpOp::Ne => Some(!(ca.re == cb.re && ca.im == cb.im)),
                _ => None,
            });
        }
        if ka == Some(kinds::COMPLEX) || kb == Some(kinds::COMPLEX) {
            let c = a
                .downcast::<Complex>()
                .or_else(|| b.downcast::<Complex>())
                .unwrap();
            let other = if ka == Some(kinds::COMPLEX) { b } else { a };
            if let Some(n) = as_float(other).or_else(|| as_bigint(other).and_then(|i| i.to_f64())) {
                let e = c.im == 0.0 && c.re == n;
                return Ok(match op {
                    CmpOp::Eq => Some(e),
                    CmpOp::Ne => Some(!e),
                    _ => None,
                });
            }
        }
        if let (Some(x), Some(y)) = (a.downcast::<Str>(), b.downcast::<Str>()) {
            return Ok(Some(ord(x.as_str().as_bytes().cmp(y.as_str().as_bytes()))));
        }
        let bytes_kind = |k| matches!(k, Some(kinds::BYTES) | Some(kinds::BYTEARRAY));
        if bytes_kind(ka) && bytes_kind(kb) {
            if let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) {
                return Ok(Some(ord(x.as_slice().cmp(y.as_slice()))));
            }
        }
        if ka == Some(kinds::TUPLE) && kb == Some(kinds::TUPLE) {
            // Tuples are immutable and `a`/`b` keep them alive: compare in place.
            let x = &a.downcast::<Tuple>().unwrap().items;
            let y = &b.downcast::<Tuple>().unwrap().items;
            return self.compare_sequences(x, y, op).map(Some);
        }
        if ka == Some(kinds::LIST) && kb == Some(kinds::LIST) {
            return self.compare_lists(a, b, op).map(Some);
        }
        if ka == Some(kinds::DICT) && kb == Some(kinds::DICT) {
            return match op {
                CmpOp::Eq | CmpOp::Ne => {
                    let e = self.dict_equal(a, b)?;
                    Ok(Some(if op == CmpOp::Eq { e } else { !e }))
                }
                _ => Ok(None),
            };
        }
        if ka == Some(kinds::SET) && kb == Some(kinds::SET) {
            return self.set_compare(a, b, op).map(Some);
        }
        if ka == Some(kinds::RANGE) && kb == Some(kinds::RANGE) {
            let (x, y) = (
                a.downcast::<Range>().unwrap(),
                b.downcast::<Range>().unwrap(),
            );
            let lx = range_len(x);
            let ly = range_len(y);
            let e = lx == ly
                && (lx.is_zero()
                    || (x.start == y.start && (lx == BigInt::from(1) || x.step == y.step)));
            return Ok(match op {
                CmpOp::Eq => Some(e),
                CmpOp::Ne => Some(!e),
                _ => None,
            });
        }
        if ka == Some(kinds::DICTVIEW) || kb == Some(kinds::DICTVIEW) {
            return crate::builtins::dict::view_compare(self, a, b, op);
        }
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            if ka == Some(kinds::SLICE) && kb == Some(kinds::SLICE) {
                let (x, y) = (
                    a.downcast::<crate::objects::seq::Slice>().unwrap(),
                    b.downcast::<crate::objects::seq::Slice>().unwrap(),
                );
                let xs = vec![x.start.clone(), x.stop.clone(), x.step.clone()];
                let ys = vec![y.start.clone(), y.stop.clone(), y.step.clone()];
                return self.compare_sequences(&xs, &ys, op).map(Some);
            }
            if ka == Some(kinds::NATIVE) && kb == Some(kinds::NATIVE) {
                // Builtin functions and bound builtin methods: the same
                // function bound to the same object.
                let (x, y) = (
                    a.downcast::<crate::objects::function::Native>().unwrap(),
                    b.downcast::<crate::objects::function::Native>().unwrap(),
                );
                let e = x.f as usize == y.f as usize && x.name == y.name && x.self_.is(&y.self_);
                return Ok(Some(if op == CmpOp::Eq { e } else { !e }));
            }
            return Ok(None);
        }
        if ka == Some(kinds::SLICE) && kb == Some(kinds::SLICE) {
            let (x, y) = (
                a.downcast::<crate::objects::seq::Slice>().unwrap(),
                b.downcast::<crate::objects::seq::Slice>().unwrap(),
            );
            let xs = vec![x.start.clone(), x.stop.clone(), x.step.clone()];
            let ys = vec![y.start.clone(), y.stop.clone(), y.step.clone()];
            return self.compare_sequences(&xs, &ys, op).map(Some);
        }
        Ok(None)
    }

    /// `list op list`, reading both lists live as CPython's
    /// list_richcompare does (an element's `__eq__` may mutate them):
    /// different lengths decide `==`/`!=` at once.
    fn compare_lists(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
        let (la, lb) = (a.downcast::<List>().unwrap(), b.downcast::<List>().unwrap());
        if la.len() != lb.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(op == CmpOp::Ne);
        }
        let mut i = 0;
        let differing = loop {
            let (Some(x), Some(y)) = (la.get(i), lb.get(i)) else {
                break None;
            };
            if !x.is(&y) && !self.eq(&x, &y)? {
                break Some((x, y));
            }
            i += 1;
        };
        // The lists may have shrunk meanwhile: then the lengths decide.
        let differing = differing.filter(|_| i < la.len() && i < lb.len());
        match differing {
            Some((x, y)) => match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let r = self.richcmp(&x, &y, op)?;
                    self.truthy(&r)
                }
            },
            None => Ok(op.apply(&la.len(), &lb.len())),
        }
    }

    pub fn compare_sequences(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        let n = x.len().min(y.len());
        for i in 0..n {
            if !self.eq(&x[i], &y[i])? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => match self.exact_compare(&x[i], &y[i], op) {
                        Some(r) => Ok(r),
                        None => {
                            let r = self.richcmp(&x[i], &y[i], op)?;
                            self.truthy(&r)
                        }
                    },
                };
            }
        }
        let o = x.len().cmp(&y.len());
        Ok(match op {
            CmpOp::Lt => o.is_lt(),
            CmpOp::Le => o.is_le(),
            CmpOp::Eq => o.is_eq(),
            CmpOp::Ne => o.is_ne(),
            CmpOp::Gt => o.is_gt(),
            CmpOp::Ge => o.is_ge(),
        })
    }

    fn dict_equal(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (da, db) = (a.downcast::<Dict>().unwrap(), b.downcast::<Dict>().unwrap());
        if da.len() != db.len() {
            return Ok(false);
        }
        for (k, v) in da.items() {
            match self.dict_get(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn set_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
        let (sa, sb) = (a.downcast::<Set>().unwrap(), b.downcast::<Set>().unwrap());
        let (la, lb) = (sa.len(), sb.len());
        let sub = |vm: &mut Vm, x: &Value, y: &Value| -> PyResult<bool> {
            for k in x.downcast::<Set>().unwrap().keys() {
                if !vm.set_contains(y, &k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        Ok(match op {
            CmpOp::Eq => la == lb && sub(self, a, b)?,
            CmpOp::Ne => !(la == lb && sub(self, a, b)?),
            CmpOp::Le => la <= lb && sub(self, a, b)?,
            CmpOp::Lt => la < lb && sub(self, a, b)?,
            CmpOp::Ge => la >= lb && sub(self, b, a)?,
            CmpOp::Gt => la > lb && sub(self, b, a)?,
        })
    }

    // ----- truth ------------------------------------------------------------------

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(b) = v.as_bool() {
            return Ok(b);
        }
        if v.is_none() {
            return Ok(false);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(x) = v.as_inline_float() {
            return Ok(x != 0.0);
        }
        let t = self.type_of(v);
        if is_heap_type(&t) {
            let bn = self.names.__bool__.clone();
            if let Some(f) = type_lookup(&t, &bn) {
                let r = self.call_method_value(&f, v, vec![])?;
                return match r.as_bool() {
                    Some(b) => Ok(b),
                    None => Err(self.type_error(format!(
                        "__bool__ should return bool, returned {}",
                        self.type_name(&r)
                    ))),
                };
            }
            let ln = self.names.__len__.clone();
            if let Some(f) = type_lookup(&t, &ln) {
                let r = self.call_method_value(&f, v, vec![])?;
                let n = self.len_result(&r)?;
                return Ok(n != 0);
            }
        }
        Ok(match v.kind() {
            Some(kinds::STR) => v.downcast::<Str>().unwrap().char_len() != 0,
            Some(kinds::LIST) => !v.downcast::<List>().unwrap().is_empty(),
            Some(kinds::TUPLE) => !v.downcast::<Tuple>().unwrap().items.is_empty(),
            Some(kinds::DICT) => !v.downcast::<Dict>().unwrap().is_empty(),
            Some(kinds::SET) => !v.downcast::<Set>().unwrap().is_empty(),
            Some(kinds::BYTES) => !v.downcast::<Bytes>().unwrap().b.is_empty(),
            Some(kinds::BYTEARRAY) => !v.downcast::<ByteArray>().unwrap().b.borrow().is_empty(),
            Some(kinds::BIGINT) => true,
            Some(kinds::FLOAT) => as_float(v).unwrap() != 0.0,
            Some(kinds::COMPLEX) => {
                let c = v.downcast::<Complex>().unwrap();
                c.re != 0.0 || c.im != 0.0
            }
            Some(kinds::RANGE) => !range_len(v.downcast::<Range>().unwrap()).is_zero(),
            Some(kinds::DICTVIEW) => {
                let dv = v.downcast::<crate::objects::misc::DictView>().unwrap();
                !dv.dict.downcast::<Dict>().unwrap().is_empty()
            }
            _ if v.is(&self.not_implemented) => {
                self.warn_deprecated("NotImplemented should not be used in a boolean context")?;
                true
            }
            _ => true,
        })
    }

    pub(crate) fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        match as_bigint(r) {
            Some(i) if i.is_negative() => Err(self.value_error("__len__() should return >= 0")),
            // At most sys.maxsize (a Py_ssize_t), as in CPython.
            Some(i) => i
                .to_i64()
                .map(|n| n as usize)
                .ok_or_else(|| self.overflow_error("cannot fit 'int' into an index-sized integer")),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            ))),
        }
    }

    // ----- len / contains --------------------------------------------------------------

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        let t = self.type_of(v);
        if is_heap_type(&t) {
            let ln = self.names.__len__.clone();
            if let Some(f) = type_lookup(&t, &ln) {
                let r = self.call_method_value(&f, v, vec![])?;
                return self.len_result(&r);
            }
        }
        match native_len(v) {
            Some(n) => Ok(n),
            None if v.kind() == Some(kinds::RANGE) => {
                Err(self.overflow_error("Python int too large to convert to C ssize_t"))
            }
            None => Err(self.type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(v)
            ))),
        }
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let t = self.type_of(container);
        if is_heap_type(&t) {
            let cn = self.names.__contains__.clone();
            if let Some(f) = type_lookup(&t, &cn) {
                let r = self.call_method_value(&f, container, vec![item.clone()])?;
                return self.truthy(&r);
            }
        }
        match container.kind() {
            Some(kinds::DICT) => return Ok(self.dict_get(container, item)?.is_some()),
            Some(kinds::SET) => return self.set_contains(container, item),
            Some(kinds::STR) => {
                let s = container.downcast::<Str>().unwrap();
                return match item.downcast::<Str>() {
                    Some(sub) => Ok(s.as_str().contains(sub.as_str())),
                    None => Err(self.type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        self.type_name(item)
                    ))),
                };
            }
            Some(kinds::BYTES) | Some(kinds::BYTEARRAY) => {
                let hay = bytes_of(container).unwrap();
                // CPython's `_Py_bytes_contains`: an integer (anything with
                // `__index__`) is a byte value, anything else a buffer.
                let byte = match as_bigint(item) {
                    Some(i) => Some(i),
                    None if bytes_of(item).is_none() => self.index_opt(item)?,
                    None => None,
                };
                if let Some(i) = byte {
                    return match i.to_u8() {
                        Some(c) => Ok(hay.contains(&c)),
                        None => Err(self.value_error("byte must be in range(0, 256)")),
                    };
                }
                return match bytes_of(item) {
                    Some(n) => Ok(n.is_empty() || hay.windows(n.len()).any(|w| w == n.as_slice())),
                    None => Err(self.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        self.type_name(item)
                    ))),
                };
            }
            Some(kinds::RANGE) => {
                // Arithmetic only for exact ints and bools; an int subclass
                // may define __eq__ (CPython's range_contains).
                let exact = item.is_small_int()
                    || item.is_bool()
                    || (item.kind() == Some(kinds::BIGINT) && !is_heap_type(&self.type_of(item)));
                if let Some(i) = as_bigint(item).filter(|_| exact) {
                    let r = container.downcast::<Range>().unwrap();
                    return Ok(range_contains(r, &i));
                }
            }
            Some(kinds::DICTVIEW) => {
                return crate::builtins::dict::view_contains(self, container, item);
            }
            _ => {}
        }
        if let Some(items) = seq_items(container) {
            for x in items {
                if self.eq(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        // Fall back to iteration.
        let it = self.iter(container).map_err(|e| {
            if self.exc_matches(&e, &self.t.type_error.clone()) {
                self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                ))
            } else {
                e
            }
        })?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ----- dicts and sets (Python-aware) -------------------------------------------------

    /// Finds the entry index of `key` in a dict/set table, calling `__eq__`
    /// as needed; restarts if the table changes under a comparison.
    fn table_find<T: crate::objects::dict::Lookup>(
        &mut self,
        table: &std::cell::RefCell<T>,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<usize>> {
        'restart: loop {
            let (mut probe, version) = {
                let t = table.borrow();
                (t.probe(hash), t.version())
            };
            loop {
                let cand = {
                    let t = table.borrow();
                    if t.version() != version {
                        continue 'restart;
                    }
                    match t.step(&mut probe) {
                        Step::Absent { .. } => return Ok(None),
                        Step::Candidate { entry } => {
                            let k = t.key_at(entry);
                            if k.is(key) {
                                return Ok(Some(entry));
                            }
                            // Exact strs only: a subclass's `__eq__` must run.
                            let exact = |v: &Value| self.is_exact(v, &self.t.str);
                            if let (Some(a), Some(b), true, true) = (
                                k.downcast::<Str>(),
                                key.downcast::<Str>(),
                                exact(k),
                                exact(key),
                            ) {
                                if a.as_str() == b.as_str() {
                                    return Ok(Some(entry));
                                }
                                continue;
                            }
                            if let (Some(a), Some(b)) = (k.as_small_int(), key.as_small_int()) {
                                if a == b {
                                    return Ok(Some(entry));
                                }
                                continue;
                            }
                            (entry, k.clone())
                        }
                    }
                };
                let equal = self.eq(&cand.1, key)?;
                let t = table.borrow();
                if t.version() != version {
                    continue 'restart;
                }
                if equal {
                    return Ok(Some(cand.0));
                }
            }
        }
    }

    /// The entry of exact-str `key` (hash `h`) in `t`, decided without
    /// calling out: None (undecided) when a candidate with the same hash is
    /// not an exact str, whose `__eq__` must then run (the general path).
    #[inline]
    fn find_exact_str(
        &self,
        t: &crate::objects::dict::Table,
        key: &Value,
        ks: &Str,
        h: i64,
    ) -> Option<Option<usize>> {
        let mut p = t.probe(h);
        loop {
            match t.step(&mut p) {
                Step::Absent { .. } => return Some(None),
                Step::Candidate { entry } => {
                    let k = &t.entries()[entry].key;
                    if k.is(key) {
                        return Some(Some(entry));
                    }
                    if !self.is_exact(k, &self.t.str) {
                        return None;
                    }
                    if k.downcast::<Str>()
                        .is_some_and(|s| s.as_str() == ks.as_str())
                    {
                        return Some(Some(entry));
                    }
                }
            }
        }
    }

    pub fn dict_get(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let dict = d.downcast::<Dict>().expect("dict_get on a dict");
        if self.is_exact(key, &self.t.str) {
            let ks = key.downcast::<Str>().expect("str payload");
            let h = str_value_hash(ks);
            let t = dict.table.borrow();
            if let Some(r) = self.find_exact_str(&t, key, ks, h) {
                return Ok(r.map(|ix| t.entries()[ix].value.clone()));
            }
        }
        let h = self.hash(key)?;
        match self.table_find(&dict.table, key, h)? {
            Some(ix) => Ok(Some(dict.table.borrow().entries()[ix].value.clone())),
            None => Ok(None),
        }
    }

    pub fn dict_set(&mut self, d: &Value, key: Value, value: Value) -> PyResult<()> {
        let dict = d.downcast::<Dict>().expect("dict_set on a dict");
        if self.is_exact(&key, &self.t.str) {
            let ks = key.downcast::<Str>().expect("str payload");
            let h = str_value_hash(ks);
            let found = self.find_exact_str(&dict.table.borrow(), &key, ks, h);
            match found {
                Some(Some(ix)) => {
                    let old = dict.table.borrow_mut().replace_value(ix, value);
                    drop(old);
                    return Ok(());
                }
                Some(None) => {
                    dict.table.borrow_mut().insert_new(h, key, value);
                    return Ok(());
                }
                None => {}
            }
        }
        let h = self.hash(&key)?;
        let old = match self.table_find(&dict.table, &key, h)? {
            Some(ix) => dict.table.borrow_mut().replace_value(ix, value),
            None => {
                dict.table.borrow_mut().insert_new(h, key, value);
                return Ok(());
            }
        };
        drop(old);
        Ok(())
    }

    /// `dict_get` with the key's hash already known (`_PyDict_GetItem_KnownHash`).
    pub fn dict_get_hashed(&mut self, d: &Value, key: &Value, h: i64) -> PyResult<Option<Value>> {
        let dict = d.downcast::<Dict>().expect("dict_get on a dict");
        match self.table_find(&dict.table, key, h)? {
            Some(ix) => Ok(Some(dict.table.borrow().entries()[ix].value.clone())),
            None => Ok(None),
        }
    }

    /// `dict_set` with the key's hash already known.
    pub fn dict_set_hashed(&mut self, d: &Value, key: Value, h: i64, value: Value) -> PyResult<()> {
        let dict = d.downcast::<Dict>().expect("dict_set on a dict");
        let old = match self.table_find(&dict.table, &key, h)? {
            Some(ix) => dict.table.borrow_mut().replace_value(ix, value),
            None => {
                dict.table.borrow_mut().insert_new(h, key, value);
                return Ok(());
            }
        };
        drop(old);
        Ok(())
    }

    /// `dict_pop` with the key's hash already known.
    pub fn dict_pop_hashed(&mut self, d: &Value, key: &Value, h: i64) -> PyResult<Option<Value>> {
        let dict = d.downcast::<Dict>().expect("dict_pop on a dict");
        match self.table_find(&dict.table, key, h)? {
            Some(ix) => {
                let (_k, v) = dict.table.borrow_mut().remove_entry(ix);
                Ok(Some(v))
            }
            None => Ok(None),
        }
    }

    /// Removes `key`; returns its value, or None if absent.
    pub fn dict_pop(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let dict = d.downcast::<Dict>().expect("dict_pop on a dict");
        match self.table_find(&dict.table, key, h)? {
            Some(ix) => {
                let (_k, v) = dict.table.borrow_mut().remove_entry(ix);
                Ok(Some(v))
            }
            None => Ok(None),
        }
    }

    /// The hash of a set-membership key. An unhashable `set` key is looked
    /// up as the equal frozenset (`{1} in set_of_frozensets`), as CPython does:
    /// then `Err(Ok(frozenset))` asks the caller to retry with it.
    fn set_key_hash(&mut self, key: &Value) -> PyResult<Result<i64, Value>> {
        match self.hash(key) {
            Ok(h) => Ok(Ok(h)),
            Err(e) => {
                if key.kind() == Some(kinds::SET) {
                    let keys = key.downcast::<Set>().unwrap().keys();
                    return Ok(Err(crate::builtins::set::make_set(self, keys, true)?));
                }
                Err(e)
            }
        }
    }

    pub fn set_contains(&mut self, s: &Value, key: &Value) -> PyResult<bool> {
        let h = match self.set_key_hash(key)? {
            Ok(h) => h,
            Err(fs) => return self.set_contains(s, &fs),
        };
        let set = s.downcast::<Set>().expect("set_contains on a set");
        Ok(self.table_find(&set.table, key, h)?.is_some())
    }

    pub fn set_add(&mut self, s: &Value, key: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let set = s.downcast::<Set>().expect("set_add on a set");
        if self.table_find(&set.table, &key, h)?.is_none() {
            set.table.borrow_mut().insert_new(h, key);
        }
        Ok(())
    }

    pub fn set_discard(&mut self, s: &Value, key: &Value) -> PyResult<bool> {
        let h = match self.set_key_hash(key)? {
            Ok(h) => h,
            Err(fs) => return self.set_discard(s, &fs),
        };
        let set = s.downcast::<Set>().expect("set_discard on a set");
        match self.table_find(&set.table, key, h)? {
            Some(ix) => {
                let removed = set.table.borrow_mut().remove_entry(ix);
                drop(removed);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

fn cmp_float_int(x: f64, i: &BigInt) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let fl = x.floor();
    let fi = match adder_text::float_to_bigint(fl) {
        Ok(b) => b,
        Err(_) => return None,
    };
    match fi.cmp(i) {
        Ordering::Equal => Some(if x > fl {
            Ordering::Greater
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    crate::buffer::bytes_of(v)
}

pub fn range_len(r: &Range) -> BigInt {
    let (lo, hi, step) = (&r.start, &r.stop, &r.step);
    if step.is_positive() {
        if lo >= hi {
            BigInt::zero()
        } else {
            (hi - lo - 1) / step + 1
        }
    } else if lo <= hi {
        BigInt::zero()
    } else {
        (lo - hi - 1) / (-step) + 1
    }
}

pub fn range_contains(r: &Range, i: &BigInt) -> bool {
    let in_bounds = if r.step.is_positive() {
        &r.start <= i && i < &r.stop
    } else {
        &r.start >= i && i > &r.stop
    };
    in_bounds && num_integer::Integer::mod_floor(&(i - &r.start), &r.step).is_zero()
}

/// Length of a builtin container, without calling Python.
pub fn native_len(v: &Value) -> Option<usize> {
    Some(match v.kind()? {
        kinds::STR => v.downcast::<Str>()?.char_len(),
        kinds::LIST => v.downcast::<List>()?.len(),
        kinds::TUPLE => v.downcast::<Tuple>()?.items.len(),
        kinds::DICT => v.downcast::<Dict>()?.len(),
        kinds::SET => v.downcast::<Set>()?.len(),
        kinds::BYTES => v.downcast::<Bytes>()?.b.len(),
        kinds::BYTEARRAY => v.downcast::<ByteArray>()?.b.borrow().len(),
        // At most sys.maxsize (len() raises OverflowError beyond).
        kinds::RANGE => range_len(v.downcast::<Range>()?).to_i64()? as usize,
        kinds::DICTVIEW => v
            .downcast::<crate::objects::misc::DictView>()?
            .dict
            .downcast::<Dict>()?
            .len(),
        kinds::MAPPINGPROXY => {
            native_len(&v.downcast::<crate::objects::misc::MappingProxy>()?.mapping)?
        }
        _ => return None,
    })
}

/// A snapshot of a list's or tuple's items.
pub fn seq_items(v: &Value) -> Option<Vec<Value>> {
    match v.kind()? {
        kinds::LIST => Some(v.downcast::<List>()?.snapshot()),
        kinds::TUPLE => Some(v.downcast::<Tuple>()?.items.to_vec()),
        _ => None,
    }
}

/// Convenience for natives: the `Args` positional list, checked for count.
pub fn check_args(vm: &Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{name}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("{name}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

pub fn shape_of(v: &Value) -> Option<&Shape> {
    v.header()?.shape()
}
