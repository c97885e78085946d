//! Operator and container protocols that dispatch on the builtin kinds:
//! binary and unary operators, subscripts, iteration, `repr`/`str`/`format`.
//!
//! Invariant: a heap type's special methods are always tried (forward, then
//! reflected, with the subclass rule), and the native implementation of a
//! builtin type is reached only through its own type — never by skipping an
//! override.

use adder_bytecode::BinOp;
use adder_object::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::kinds;
use crate::num::{self, as_bigint, as_float};
use crate::objects::dict::Dict;
use crate::objects::iter::{Generator, Iter, IterKind};
use crate::objects::misc::{DictView, ViewKind};
use crate::objects::number::Complex;
use crate::objects::seq::{List, Slice, Tuple};
use crate::objects::set::Set;
use crate::objects::string::{ByteArray, Bytes, Str};
use crate::ops::{is_heap_type, is_subtype, type_lookup};
use crate::vm::{PyResult, Vm};

impl Vm {
    pub fn new_slice(&self, start: Value, stop: Value, step: Value) -> Value {
        self.alloc_builtin(&self.t.slice, Slice { start, stop, step })
    }

    // ----- binary operators ---------------------------------------------------

    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let (fwd, rev, inpl) = op.dunders();
        if inplace {
            // Mutable builtins: in-place list/set/dict/bytearray ops.
            if !is_heap_type(&ta) {
                if let Some(r) = self.native_inplace(a, b, op)? {
                    return Ok(r);
                }
            } else {
                let n = self.intern(inpl);
                if let Some(f) = type_lookup(&ta, &n) {
                    let r = self.call_method_value(&f, a, vec![b.clone()])?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                }
            }
        }
        let heap = is_heap_type(&ta) || is_heap_type(&tb);
        if !heap {
            if let Some(r) = self.native_binop(a, b, op)? {
                return Ok(r);
            }
        } else {
            let fwd_n = self.intern(fwd);
            let rev_n = self.intern(rev);
            let fa = type_lookup(&ta, &fwd_n);
            // A builtin type's own reflected method is its native behaviour,
            // which `native_binop` below applies with CPython's messages.
            let fb = if ta.is(&tb) {
                None
            } else {
                type_lookup(&tb, &rev_n)
                    .filter(|f| is_heap_type(&tb) || f.kind() != Some(kinds::NATIVE))
            };
            // The right operand goes first only if its class overrides the
            // reflected method (CPython's method_is_overloaded).
            let b_first = fb.is_some()
                && is_subtype(&tb, &ta)
                && !ta.is(&tb)
                && !type_lookup(&ta, &rev_n).is_some_and(|f| fb.as_ref().is_some_and(|g| g.is(&f)));
            if b_first {
                let r = self.call_method_value(fb.as_ref().unwrap(), b, vec![a.clone()])?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
            if let Some(f) = &fa {
                let r = self.call_method_value(f, a, vec![b.clone()])?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
            if !b_first {
                if let Some(f) = &fb {
                    let r = self.call_method_value(f, b, vec![a.clone()])?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                }
            }
        }
        if heap {
            if let Some(r) = self.native_binop(a, b, op)? {
                return Ok(r);
            }
        }
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        if op == BinOp::Add && (a.kind() == Some(kinds::STR)) && !heap {
            return Err(self.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                self.type_name(b)
            )));
        }
        if op == BinOp::Mul {
            let seq_kind = |v: &Value| {
                matches!(
                    v.kind(),
                    Some(kinds::STR)
                        | Some(kinds::LIST)
                        | Some(kinds::TUPLE)
                        | Some(kinds::BYTES)
                        | Some(kinds::BYTEARRAY)
                )
            };
            if seq_kind(a) && !crate::num::is_int(b) {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(b)
                )));
            }
            if seq_kind(b) && !crate::num::is_int(a) {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(a)
                )));
            }
        }
        if op == BinOp::Add && (a.kind() == Some(kinds::LIST)) && !inplace {
            return Err(self.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                self.type_name(b)
            )));
        }
        if op == BinOp::Add && (a.kind() == Some(kinds::TUPLE)) && !heap {
            return Err(self.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                self.type_name(b)
            )));
        }
        if op == BinOp::Add
            && matches!(a.kind(), Some(kinds::BYTES) | Some(kinds::BYTEARRAY))
            && !heap
        {
            return Err(self.type_error(format!(
                "can't concat {} to {}",
                self.type_name(b),
                self.type_name(a)
            )));
        }
        let sym = if op == BinOp::Pow && inplace {
            "**=".to_string()
        } else {
            sym
        };
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// The builtin behaviour of `a op b` when both are builtin-typed (or the
    /// call comes from a builtin type's dunder). None = NotImplemented.
    pub fn native_binop(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        if let Some(r) = num::numeric_binop(self, op, a, b)? {
            return Ok(Some(r));
        }
        let (ka, kb) = (a.kind(), b.kind());
        match (op, ka, kb) {
            (BinOp::Add, Some(kinds::STR), Some(kinds::STR)) => {
                let (x, y) = (a.downcast::<Str>().unwrap(), b.downcast::<Str>().unwrap());
                Ok(Some(self.new_str_concat(x, y)))
            }
            (BinOp::Add, Some(kinds::LIST), Some(kinds::LIST)) => {
                let mut v = a.downcast::<List>().unwrap().snapshot();
                v.extend(b.downcast::<List>().unwrap().snapshot());
                Ok(Some(self.new_list(v)))
            }
            (BinOp::Add, Some(kinds::TUPLE), Some(kinds::TUPLE)) => {
                let mut v = a.downcast::<Tuple>().unwrap().items.to_vec();
                v.extend(b.downcast::<Tuple>().unwrap().items.iter().cloned());
                Ok(Some(self.new_tuple(v)))
            }
            (BinOp::Add, Some(kinds::BYTES) | Some(kinds::BYTEARRAY), _) => {
                let Some(y) = crate::ops::bytes_of(b) else {
                    return Ok(None);
                };
                let mut x = crate::ops::bytes_of(a).unwrap();
                x.extend(y);
                Ok(Some(if ka == Some(kinds::BYTES) {
                    self.new_bytes(x)
                } else {
                    self.new_bytearray(x)
                }))
            }
            (BinOp::Mul, Some(k), _) | (BinOp::Mul, _, Some(k))
                if matches!(
                    k,
                    kinds::STR | kinds::LIST | kinds::TUPLE | kinds::BYTES | kinds::BYTEARRAY
                ) =>
            {
                let (seq, n) = if ka == Some(k) && !num::is_int(a) {
                    (a, b)
                } else {
                    (b, a)
                };
                if !num::is_int(n) {
                    if let Some(idx) = self.index_opt(n)? {
                        return self.repeat(seq, &idx).map(Some);
                    }
                    return Err(self.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        self.type_name(n)
                    )));
                }
                let n = as_bigint(n).unwrap();
                self.repeat(seq, &n).map(Some)
            }
            (BinOp::Mod, Some(kinds::STR), _) => {
                crate::builtins::strfmt::percent_format(self, a, b).map(Some)
            }
            (BinOp::Mod, Some(kinds::BYTES) | Some(kinds::BYTEARRAY), _) => {
                crate::builtins::strfmt::percent_format_bytes(self, a, b).map(Some)
            }
            (
                BinOp::Or | BinOp::And | BinOp::Xor | BinOp::Sub,
                Some(kinds::SET),
                Some(kinds::SET),
            ) => crate::builtins::set::set_binop(self, a, b, op).map(Some),
            (BinOp::Or | BinOp::And | BinOp::Xor | BinOp::Sub, Some(kinds::DICTVIEW), _)
            | (BinOp::Or | BinOp::And | BinOp::Xor | BinOp::Sub, _, Some(kinds::DICTVIEW)) => {
                crate::builtins::dict::view_binop(self, a, b, op)
            }
            (BinOp::Or, Some(kinds::DICT), Some(kinds::DICT)) => {
                let d = self.new_dict();
                crate::builtins::dict::dict_update_from(self, &d, a)?;
                crate::builtins::dict::dict_update_from(self, &d, b)?;
                Ok(Some(d))
            }
            (BinOp::Or, Some(kinds::TYPE), _)
            | (BinOp::Or, _, Some(kinds::TYPE))
            | (BinOp::Or, _, None)
            | (BinOp::Or, None, _) => crate::builtins::types::union_or(self, a, b),
            _ => Ok(None),
        }
    }

    fn native_inplace(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        match (op, a.kind()) {
            (BinOp::Add, Some(kinds::LIST)) => {
                let items = self.iterate(b)?;
                a.downcast::<List>()
                    .unwrap()
                    .items
                    .borrow_mut()
                    .extend(items);
                Ok(Some(a.clone()))
            }
            (BinOp::Mul, Some(kinds::LIST)) => {
                let Some(n) = self.index_opt(b)? else {
                    return Ok(None);
                };
                let l = a.downcast::<List>().unwrap();
                let items = l.snapshot();
                let n = n.to_usize().unwrap_or(0);
                if items.len().saturating_mul(n) > (1 << 40) {
                    return Err(self.new_exception_msg(&self.t.memory_error, ""));
                }
                let mut out = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                *l.items.borrow_mut() = out;
                Ok(Some(a.clone()))
            }
            (BinOp::Mul, Some(kinds::BYTEARRAY)) => {
                let Some(n) = self.index_opt(b)? else {
                    return Ok(None);
                };
                let n = self.new_bigint(n);
                crate::builtins::str::bytearray::bytearray_irepeat(self, a, &n)?;
                Ok(Some(a.clone()))
            }
            (BinOp::Or | BinOp::And | BinOp::Xor | BinOp::Sub, Some(kinds::SET))
                if b.kind() == Some(kinds::SET) =>
            {
                if a.downcast::<Set>().unwrap().frozen {
                    return Ok(None);
                }
                crate::builtins::set::set_inplace(self, a, b, op).map(Some)
            }
            (BinOp::Or, Some(kinds::DICT)) => {
                crate::builtins::dict::dict_update_from(self, a, b)?;
                Ok(Some(a.clone()))
            }
            (BinOp::Add, Some(kinds::BYTEARRAY)) => {
                let Some(y) = crate::ops::bytes_of(b) else {
                    return Ok(None);
                };
                if !y.is_empty() {
                    crate::buffer::check_resizable(
                        self,
                        a,
                        "Existing exports of data: object cannot be re-sized",
                    )?;
                }
                a.downcast::<ByteArray>().unwrap().b.borrow_mut().extend(y);
                Ok(Some(a.clone()))
            }
            _ => Ok(None),
        }
    }

    fn repeat(&mut self, seq: &Value, n: &BigInt) -> PyResult {
        let n = if n.is_negative() {
            0
        } else {
            n.to_usize().unwrap_or(usize::MAX)
        };
        let len = crate::ops::native_len(seq).unwrap_or(0);
        // An exact str, tuple or bytes that repeating leaves unchanged is
        // returned itself, as CPython does (`t * 1 is t`).
        let exact_immutable = match seq.kind() {
            Some(kinds::STR) => self.type_of(seq).is(&self.t.str),
            Some(kinds::TUPLE) => self.type_of(seq).is(&self.t.tuple),
            Some(kinds::BYTES) => self.type_of(seq).is(&self.t.bytes),
            _ => false,
        };
        if exact_immutable && (n == 1 || len == 0) {
            return Ok(seq.clone());
        }
        let n = if len == 0 { 0 } else { n };
        let unit = if seq.kind() == Some(kinds::STR) {
            seq.downcast::<Str>().unwrap().as_str().len()
        } else {
            len
        };
        self.check_alloc(unit.saturating_mul(n))?;
        match seq.kind() {
            Some(kinds::STR) => {
                Ok(self.new_string(seq.downcast::<Str>().unwrap().as_str().repeat(n)))
            }
            Some(kinds::LIST) | Some(kinds::TUPLE) => {
                let items = crate::ops::seq_items(seq).unwrap();
                let out = crate::builtins::seq::repeat_items(
                    self,
                    &items,
                    if items.is_empty() { 0 } else { n },
                )?;
                Ok(if seq.kind() == Some(kinds::LIST) {
                    self.new_list(out)
                } else {
                    self.new_tuple(out)
                })
            }
            Some(kinds::BYTES) => Ok(self.new_bytes(seq.downcast::<Bytes>().unwrap().b.repeat(n))),
            Some(kinds::BYTEARRAY) => {
                Ok(self.new_bytearray(seq.downcast::<ByteArray>().unwrap().b.borrow().repeat(n)))
            }
            _ => Err(self.type_error("can't repeat")),
        }
    }

    pub fn new_bytes(&self, b: Vec<u8>) -> Value {
        self.alloc_builtin(
            &self.t.bytes,
            Bytes {
                b: b.into_boxed_slice(),
                hash: std::cell::Cell::new(-1),
            },
        )
    }
    pub fn new_bytearray(&self, b: Vec<u8>) -> Value {
        self.alloc_builtin(
            &self.t.bytearray,
            ByteArray {
                b: std::cell::RefCell::new(b),
                exports: std::cell::Cell::new(0),
            },
        )
    }

    pub fn unary_op(&mut self, v: &Value, op: adder_bytecode::UnOp) -> PyResult {
        use adder_bytecode::UnOp;
        let t = self.type_of(v);
        if !is_heap_type(&t) {
            if let Some(i) = v.as_small_int() {
                return Ok(match op {
                    UnOp::Negative => self.new_int(-i),
                    UnOp::Positive => v.clone(),
                    UnOp::Invert => self.new_int(!i),
                    UnOp::Not => unreachable!(),
                });
            }
            if let Some(b) = v.as_bool() {
                let i = b as i64;
                return Ok(match op {
                    UnOp::Negative => self.new_int(-i),
                    UnOp::Positive => self.new_int(i),
                    UnOp::Invert => self.new_int(!i),
                    UnOp::Not => unreachable!(),
                });
            }
            if let Some(i) = v.downcast::<crate::objects::number::BigInt>() {
                let x = i.value();
                return Ok(match op {
                    UnOp::Negative => self.new_bigint(-x),
                    UnOp::Positive => v.clone(),
                    UnOp::Invert => self.new_bigint(-x - 1),
                    UnOp::Not => unreachable!(),
                });
            }
            if let Some(x) = as_float(v) {
                match op {
                    UnOp::Negative => return Ok(self.new_float(-x)),
                    UnOp::Positive => return Ok(v.clone()),
                    _ => {}
                }
            }
            if let Some(c) = v.downcast::<Complex>() {
                match op {
                    UnOp::Negative => return Ok(self.new_complex(-c.re, -c.im)),
                    UnOp::Positive => return Ok(self.new_complex(c.re, c.im)),
                    _ => {}
                }
            }
        } else {
            let name = match op {
                UnOp::Negative => self.names.__neg__.clone(),
                UnOp::Positive => self.names.__pos__.clone(),
                UnOp::Invert => self.names.__invert__.clone(),
                UnOp::Not => unreachable!(),
            };
            if let Some(r) = self.call_special(v, &name, vec![])? {
                return Ok(r);
            }
        }
        let sym = match op {
            UnOp::Negative => "unary -",
            UnOp::Positive => "unary +",
            UnOp::Invert => "unary ~",
            UnOp::Not => "not",
        };
        Err(self.type_error(format!(
            "bad operand type for {}: '{}'",
            sym,
            self.type_name(v)
        )))
    }

    // ----- index conversion ------------------------------------------------------------

    /// `operator.index(v)` if v supports it, else None.
    pub fn index_opt(&mut self, v: &Value) -> PyResult<Option<BigInt>> {
        if let Some(i) = as_bigint(v) {
            if !v.is_float() {
                return Ok(Some(i));
            }
        }
        if v.is_float() || v.kind() == Some(kinds::FLOAT) {
            return Ok(None);
        }
        let t = self.type_of(v);
        if is_heap_type(&t) {
            let n = self.names.__index__.clone();
            if let Some(f) = type_lookup(&t, &n) {
                let r = self.call_method_value(&f, v, vec![])?;
                return crate::builtins::numbers::int_result(self, &r, "__index__").map(Some);
            }
        }
        Ok(None)
    }

    pub fn index(&mut self, v: &Value) -> PyResult<BigInt> {
        match self.index_opt(v)? {
            Some(i) => Ok(i),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// A sequence index: negative counts from `len`; IndexError if out of range.
    fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match self.index_opt(key)? {
            Some(i) => i,
            None => {
                return Err(self.type_error(if what == "string" {
                    format!(
                        "string indices must be integers, not '{}'",
                        self.type_name(key)
                    )
                } else {
                    format!(
                        "{what} indices must be integers or slices, not {}",
                        self.type_name(key)
                    )
                }))
            }
        };
        let len_b = BigInt::from(len);
        let j = if i.is_negative() { &i + &len_b } else { i };
        if j.is_negative() || j >= len_b {
            return Err(self.index_error(format!("{what} index out of range")));
        }
        Ok(j.to_usize().unwrap())
    }

    /// Resolves a slice against `len`: (start, stop, step, count).
    pub fn slice_indices(
        &mut self,
        s: &Slice,
        len: usize,
    ) -> PyResult<(isize, isize, isize, usize)> {
        let step = if s.step.is_none() {
            1isize
        } else {
            let st = self.index_slice_part(&s.step)?;
            if st.is_zero() {
                return Err(self.value_error("slice step cannot be zero"));
            }
            st.to_isize().unwrap_or(if st.is_negative() {
                -isize::MAX
            } else {
                isize::MAX
            })
        };
        let len = len as isize;
        let clamp = |vm: &mut Vm, v: &Value, default: isize| -> PyResult<isize> {
            if v.is_none() {
                return Ok(default);
            }
            let i = vm.index_slice_part(v)?;
            let i = i.to_isize().unwrap_or(if i.is_negative() {
                isize::MIN / 2
            } else {
                isize::MAX / 2
            });
            Ok(if i < 0 {
                let j = i + len;
                if j < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    j
                }
            } else if i >= len {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            } else {
                i
            })
        };
        let (dstart, dstop) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let start = clamp(self, &s.start, dstart)?;
        let stop = clamp(self, &s.stop, dstop)?;
        let count = if step < 0 {
            if stop < start {
                ((start - stop - 1) / (-step) + 1) as usize
            } else {
                0
            }
        } else if start < stop {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }

    fn index_slice_part(&mut self, v: &Value) -> PyResult<BigInt> {
        match self.index_opt(v)? {
            Some(i) => Ok(i),
            None => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    // ----- subscripts --------------------------------------------------------------------

    pub fn getitem(&mut self, c: &Value, key: &Value) -> PyResult {
        let t = self.type_of(c);
        if is_heap_type(&t) || c.kind() == Some(kinds::TYPE) {
            let n = self.names.__getitem__.clone();
            if let Some(f) = type_lookup(&t, &n) {
                return self.call_method_value(&f, c, vec![key.clone()]);
            }
            if c.kind() == Some(kinds::TYPE) {
                let cg = self.names.__class_getitem__.clone();
                if let Some(f) = type_lookup(c, &cg) {
                    let f = self.unwrap_method_descriptor(&f);
                    return self.call(&f, vec![c.clone(), key.clone()]);
                }
                if c.is(&self.t.type_) {
                    return crate::builtins::types::generic_alias(self, c, key);
                }
                return Err(self.type_error(format!(
                    "type '{}' is not subscriptable",
                    self.type_obj(c).name()
                )));
            }
        }
        let slice = key.downcast::<Slice>();
        match c.kind() {
            Some(kinds::LIST) => return crate::builtins::seq::list_getitem(self, c, key),
            Some(kinds::TUPLE) => return crate::builtins::seq::tuple_getitem(self, c, key),
            Some(kinds::STR) => {
                let s = c.downcast::<Str>().unwrap();
                if let Some(sl) = slice {
                    let (start, _, step, n) = self.slice_indices(sl, s.char_len())?;
                    if step == 1 {
                        let sub = s.slice(start as usize, start as usize + n);
                        return Ok(self.new_str_filled(sub.len(), n, |t| t.push_str(sub)));
                    }
                    if s.is_ascii() {
                        // One byte per character: pick the bytes directly
                        // into the new object.
                        let text = s.as_str();
                        return Ok(self.new_str_filled(n, n, |t| {
                            t.push_ascii_stepped(text, start as usize, step, n)
                        }));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    let pick = |i: usize| chars[(start + i as isize * step) as usize];
                    let len = (0..n).map(|i| pick(i).len_utf8()).sum();
                    return Ok(
                        self.new_str_filled(len, n, |t| (0..n).for_each(|i| t.push_char(pick(i))))
                    );
                }
                let i = self.seq_index(key, s.char_len(), "string")?;
                let ch = s.char_at(i);
                let mut buf = [0u8; 4];
                return Ok(self.new_str(ch.encode_utf8(&mut buf)));
            }
            Some(kinds::BYTES) | Some(kinds::BYTEARRAY) => {
                let b = crate::ops::bytes_of(c).unwrap();
                if let Some(sl) = slice {
                    let (start, _, step, n) = self.slice_indices(sl, b.len())?;
                    let out: Vec<u8> = (0..n)
                        .map(|i| b[(start + i as isize * step) as usize])
                        .collect();
                    return Ok(if c.kind() == Some(kinds::BYTES) {
                        self.new_bytes(out)
                    } else {
                        self.new_bytearray(out)
                    });
                }
                let (name, what) = if c.kind() == Some(kinds::BYTES) {
                    ("byte", "index")
                } else {
                    ("bytearray", "bytearray index")
                };
                let Some(i) = self.index_opt(key)? else {
                    return Err(self.type_error(format!(
                        "{name} indices must be integers or slices, not {}",
                        self.type_name(key)
                    )));
                };
                let len = BigInt::from(b.len());
                let j = if i.sign() == num_bigint::Sign::Minus {
                    i + &len
                } else {
                    i
                };
                return match j.to_usize().and_then(|j| b.get(j)) {
                    Some(&x) => Ok(self.new_int(x as i64)),
                    None => Err(self.index_error(format!("{what} out of range"))),
                };
            }
            Some(kinds::DICT) => {
                if let Some(v) = self.dict_get(c, key)? {
                    return Ok(v);
                }
                if is_heap_type(&t) {
                    let mn = self.names.__missing__.clone();
                    if let Some(f) = type_lookup(&t, &mn) {
                        return self.call_method_value(&f, c, vec![key.clone()]);
                    }
                }
                return Err(self.key_error(key.clone()));
            }
            Some(kinds::RANGE) => return crate::builtins::seq::range_subscript(self, c, key),
            Some(kinds::MAPPINGPROXY) => {
                let m = c
                    .downcast::<crate::objects::misc::MappingProxy>()
                    .unwrap()
                    .mapping
                    .clone();
                return self.getitem(&m, key);
            }
            _ => {}
        }
        if c.kind() == Some(kinds::TYPE) {
            return Err(self.type_error(format!(
                "type '{}' is not subscriptable",
                self.type_obj(c).name()
            )));
        }
        Err(self.type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(c)
        )))
    }

    pub fn setitem(&mut self, c: &Value, key: Value, v: Value) -> PyResult<()> {
        let t = self.type_of(c);
        if is_heap_type(&t) {
            let n = self.names.__setitem__.clone();
            if let Some(f) = type_lookup(&t, &n) {
                self.call_method_value(&f, c, vec![key, v])?;
                return Ok(());
            }
        }
        match c.kind() {
            Some(kinds::DICT) => return self.dict_set(c, key, v),
            Some(kinds::LIST) => return crate::builtins::seq::list_setitem(self, c, &key, v),
            Some(kinds::BYTEARRAY) => {
                return crate::builtins::str::bytearray::bytearray_setitem(self, c, &key, &v);
            }
            _ => {}
        }
        Err(self.type_error(format!(
            "'{}' object does not support item assignment",
            self.type_name(c)
        )))
    }

    pub fn delitem(&mut self, c: &Value, key: &Value) -> PyResult<()> {
        let t = self.type_of(c);
        if is_heap_type(&t) {
            let n = self.names.__delitem__.clone();
            if let Some(f) = type_lookup(&t, &n) {
                self.call_method_value(&f, c, vec![key.clone()])?;
                return Ok(());
            }
        }
        match c.kind() {
            Some(kinds::DICT) => {
                return match self.dict_pop(c, key)? {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(key.clone())),
                }
            }
            Some(kinds::LIST) => return crate::builtins::seq::list_delitem(self, c, key),
            Some(kinds::BYTEARRAY) => {
                return crate::builtins::str::bytearray::bytearray_delitem(self, c, key);
            }
            _ => {}
        }
        Err(self.type_error(format!(
            "'{}' object doesn't support item deletion",
            self.type_name(c)
        )))
    }

    // ----- iteration ------------------------------------------------------------------------

    pub fn new_iter(&self, kind: IterKind, source: Value, ty: &Value) -> Value {
        self.alloc_builtin(ty, Iter::new(kind, source))
    }

    pub fn iter(&mut self, v: &Value) -> PyResult {
        let t = self.type_of(v);
        if is_heap_type(&t) {
            let n = self.names.__iter__.clone();
            if let Some(f) = type_lookup(&t, &n) {
                if f.is_none() {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                    );
                }
                let it = self.call_method_value(&f, v, vec![])?;
                let nn = self.names.__next__.clone();
                if type_lookup(&self.type_of(&it), &nn).is_none() {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    )));
                }
                return Ok(it);
            }
            let g = self.names.__getitem__.clone();
            if type_lookup(&t, &g).is_some() {
                let ti = self.t.iterator.clone();
                return Ok(self.new_iter(IterKind::GetItem, v.clone(), &ti));
            }
        }
        let (kind, ty) = match v.kind() {
            Some(kinds::LIST) => (IterKind::Seq, self.t.list_iterator.clone()),
            Some(kinds::TUPLE) => (IterKind::Seq, self.t.tuple_iterator.clone()),
            Some(kinds::STR) => return Ok(crate::builtins::iterators::str_iter(self, v.clone())),
            Some(kinds::BYTES) | Some(kinds::BYTEARRAY) => {
                return Ok(crate::builtins::iterators::bytes_iter(self, v.clone()))
            }
            Some(kinds::DICT) => (IterKind::DictKeys, self.t.dict_keyiterator.clone()),
            Some(kinds::SET) => (IterKind::SetKeys, self.t.set_iterator.clone()),
            Some(kinds::RANGE) => return Ok(crate::builtins::iterators::range_iter(self, v)),
            Some(kinds::DICTVIEW) => {
                let dv = v.downcast::<DictView>().unwrap();
                let (k, ty) = match dv.kind {
                    ViewKind::Keys => (IterKind::DictKeys, self.t.dict_keyiterator.clone()),
                    ViewKind::Values => (IterKind::DictValues, self.t.dict_valueiterator.clone()),
                    ViewKind::Items => (IterKind::DictItems, self.t.dict_itemiterator.clone()),
                };
                let it = self.new_iter(k, dv.dict.clone(), &ty);
                let n = dv.dict.downcast::<Dict>().unwrap().len();
                it.downcast::<Iter>().unwrap().len.set(n);
                return Ok(it);
            }
            Some(kinds::ITERATOR) | Some(kinds::GENERATOR) if !is_heap_type(&t) => {
                if let Some(g) = v.downcast::<Generator>() {
                    if g.kind != crate::objects::iter::GenKind::Generator {
                        return Err(self.type_error(format!(
                            "'{}' object is not iterable",
                            self.type_name(v)
                        )));
                    }
                }
                return Ok(v.clone());
            }
            Some(kinds::MAPPINGPROXY) => {
                let m = v
                    .downcast::<crate::objects::misc::MappingProxy>()
                    .unwrap()
                    .mapping
                    .clone();
                return self.iter(&m);
            }
            _ => {
                let n = self.names.__iter__.clone();
                if let Some(f) = type_lookup(&t, &n) {
                    return self.call_method_value(&f, v, vec![]);
                }
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                );
            }
        };
        let it = self.new_iter(kind, v.clone(), &ty);
        if v.kind() == Some(kinds::DICT) {
            it.downcast::<Iter>()
                .unwrap()
                .len
                .set(v.downcast::<Dict>().unwrap().len());
        }
        if v.kind() == Some(kinds::SET) {
            it.downcast::<Iter>()
                .unwrap()
                .len
                .set(v.downcast::<Set>().unwrap().len());
        }
        Ok(it)
    }

    /// `next(it)`: Some(value), or None when exhausted (StopIteration consumed).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Builtin list, tuple and small-range iterators without a call.
        if let Some(r) = crate::builtins::iterators::seq_next_fast(self, it) {
            return Ok(r);
        }
        self.next_general(it)
    }

    /// `next` for a caller that already tried `seq_next_fast`.
    pub fn next_general(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match self.next_raw(it) {
            Err(e) if self.exc_matches(&e, &self.t.stop_iteration.clone()) => Ok(None),
            r => r,
        }
    }

    /// Like `next` but a StopIteration raised by a Python `__next__` propagates
    /// as an error (so `yield from` can read its value).
    pub fn next_raw(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(i) = it.downcast::<Iter>() {
            if !is_heap_type(&self.type_of(it)) {
                return crate::builtins::iterators::iter_next(self, it, i);
            }
        }
        if it.kind() == Some(kinds::GENERATOR) {
            return match crate::builtins::generators::gen_send(self, it, Value::NONE)? {
                Ok(v) => Ok(Some(v)),
                Err(ret) if ret.is_none() => Ok(None),
                Err(ret) => Err(self.stop_iteration(ret)),
            };
        }
        let n = self.names.__next__.clone();
        match self.call_special(it, &n, vec![])? {
            Some(v) => Ok(Some(v)),
            None => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    /// Collects an iterable into a Vec.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(items) = crate::ops::seq_items(v) {
            if !is_heap_type(&self.type_of(v)) {
                return Ok(items);
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    // ----- repr / str / format -------------------------------------------------------------

    pub fn repr(&mut self, v: &Value) -> PyResult {
        if v.is_ptr()
            && matches!(
                v.kind(),
                Some(kinds::LIST)
                    | Some(kinds::TUPLE)
                    | Some(kinds::DICT)
                    | Some(kinds::SET)
                    | Some(kinds::DICTVIEW)
                    | Some(kinds::INSTANCE)
            )
        {
            return self.nested(" while getting the repr of an object", |vm| {
                vm.repr_inner(v)
            });
        }
        self.repr_inner(v)
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult {
        let t = self.type_of(v);
        if is_heap_type(&t) {
            let n = self.names.__repr__.clone();
            if let Some(f) = type_lookup(&t, &n) {
                let r = self.call_method_value(&f, v, vec![])?;
                if r.kind() != Some(kinds::STR) {
                    return Err(self.type_error(format!(
                        "__repr__ returned non-string (type {})",
                        self.type_name(&r)
                    )));
                }
                return Ok(r);
            }
        }
        let s = crate::builtins::repr::native_repr(self, v)?;
        Ok(self.new_string(s))
    }

    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(r.downcast::<Str>().unwrap().as_str().to_string())
    }

    pub fn str(&mut self, v: &Value) -> PyResult {
        if v.kind() == Some(kinds::STR) && self.type_of(v).is(&self.t.str) {
            return Ok(v.clone());
        }
        let t = self.type_of(v);
        if is_heap_type(&t) {
            let n = self.names.__str__.clone();
            if let Some(f) = type_lookup(&t, &n) {
                let r = self.call_method_value(&f, v, vec![])?;
                if r.kind() != Some(kinds::STR) {
                    return Err(self.type_error(format!(
                        "__str__ returned non-string (type {})",
                        self.type_name(&r)
                    )));
                }
                return Ok(r);
            }
        }
        match v.kind() {
            Some(kinds::STR) => Ok(self.new_str(v.downcast::<Str>().unwrap().as_str())),
            Some(kinds::EXCEPTION) => {
                let s = crate::builtins::exceptions::exception_str(self, v)?;
                Ok(self.new_string(s))
            }
            _ => self.repr(v),
        }
    }

    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(r.downcast::<Str>().unwrap().as_str().to_string())
    }

    pub fn ascii(&mut self, v: &Value) -> PyResult {
        let r = self.repr_string(v)?;
        Ok(self.new_string(crate::builtins::str::ascii_escape(&r)))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &Value) -> PyResult {
        let t = self.type_of(v);
        let n = self.names.__format__.clone();
        if is_heap_type(&t) {
            if let Some(f) = type_lookup(&t, &n) {
                if f.kind() != Some(kinds::NATIVE) {
                    let r = self.call_method_value(&f, v, vec![spec.clone()])?;
                    if r.kind() != Some(kinds::STR) {
                        return Err(self.type_error(format!(
                            "__format__ must return a str, not {}",
                            self.type_name(&r)
                        )));
                    }
                    return Ok(r);
                }
            }
        }
        crate::builtins::strfmt::native_format(self, v, spec)
    }

    /// Resumes a generator from native code (next/send).
    pub fn resume_native(&mut self, genv: &Value, value: Value) -> PyResult<Result<Value, Value>> {
        let gen = genv.downcast::<Generator>().unwrap();
        let Some(fr) = self.gen_frame_for_resume(genv, value)? else {
            return Ok(Err(Value::NONE));
        };
        let r = self.run(fr);
        crate::builtins::generators::finish(self, gen, r)
    }
}

#[allow(dead_code)]
fn _unused(_: &Complex) {}
