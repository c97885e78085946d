//! Iterators over the builtin containers and the iterator builtins
//! (`enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(f, sentinel)`).
//!
//! Invariant: `iter_next` never holds a container borrow while calling
//! Python code, and an exhausted iterator stays exhausted (its source is
//! dropped to NULL).

use adder_object::Value;
use num_bigint::BigInt;
use num_traits::Signed;

use crate::kinds;
use crate::objects::dict::Dict;
use crate::objects::iter::{Iter, IterKind};
use crate::objects::seq::{List, Range, Tuple};
use crate::objects::set::Set;
use crate::objects::string::{ByteArray, Bytes, Str};
use crate::ops::type_lookup;
use crate::vm::{Args, PyResult, Vm};

fn exhaust(it: &Iter) -> PyResult<Option<Value>> {
    it.source.set(Value::NULL);
    Ok(None)
}

pub fn iter_next(vm: &mut Vm, _itv: &Value, it: &Iter) -> PyResult<Option<Value>> {
    let src = it.source.get();
    if src.is_null() {
        return Ok(None);
    }
    let pos = it.pos.get();
    match it.kind {
        IterKind::Seq => {
            let v = match src.kind() {
                Some(kinds::LIST) => src.downcast::<List>().unwrap().get(pos),
                Some(kinds::TUPLE) => src.downcast::<Tuple>().unwrap().items.get(pos).cloned(),
                Some(kinds::BYTES) => src
                    .downcast::<Bytes>()
                    .unwrap()
                    .b
                    .get(pos)
                    .map(|b| Value::small_int(*b as i64).unwrap()),
                Some(kinds::BYTEARRAY) => src
                    .downcast::<ByteArray>()
                    .unwrap()
                    .b
                    .borrow()
                    .get(pos)
                    .map(|b| Value::small_int(*b as i64).unwrap()),
                _ => None,
            };
            match v {
                Some(v) => {
                    it.pos.set(pos + 1);
                    Ok(Some(v))
                }
                None => exhaust(it),
            }
        }
        IterKind::Str => {
            let s = src.downcast::<Str>().unwrap();
            // `pos` is a byte offset for strings.
            match s.as_str()[pos..].chars().next() {
                Some(c) => {
                    it.pos.set(pos + c.len_utf8());
                    let mut buf = [0u8; 4];
                    Ok(Some(vm.new_str(c.encode_utf8(&mut buf))))
                }
                None => exhaust(it),
            }
        }
        IterKind::DictKeys | IterKind::DictValues | IterKind::DictItems => {
            let d = src.downcast::<Dict>().unwrap();
            let (len, item) = {
                let t = d.table.borrow();
                let mut p = pos;
                let mut found = None;
                while let Some(e) = t.entry_at(p) {
                    p += 1;
                    if !e.key.is_null() {
                        found = Some((e.key.clone(), e.value.clone()));
                        break;
                    }
                }
                it.pos.set(p);
                (t.len(), found)
            };
            if len != it.len.get() {
                it.len.set(usize::MAX);
                return Err(vm.runtime_error("dictionary changed size during iteration"));
            }
            match item {
                Some((k, v)) => Ok(Some(match it.kind {
                    IterKind::DictKeys => k,
                    IterKind::DictValues => v,
                    _ => vm.new_tuple(vec![k, v]),
                })),
                None => exhaust(it),
            }
        }
        IterKind::SetKeys => {
            let s = src.downcast::<Set>().unwrap();
            let (len, item) = {
                let t = s.table.borrow();
                let mut p = pos;
                let mut found = None;
                while let Some(e) = t.entry_at(p) {
                    p += 1;
                    if !e.key.is_null() {
                        found = Some(e.key.clone());
                        break;
                    }
                }
                it.pos.set(p);
                (t.len(), found)
            };
            if len != it.len.get() {
                it.len.set(usize::MAX);
                return Err(vm.runtime_error("Set changed size during iteration"));
            }
            match item {
                Some(k) => Ok(Some(k)),
                None => exhaust(it),
            }
        }
        IterKind::Range => {
            let r = src.downcast::<Range>().unwrap();
            // `len` was set when the iterator was made (usize::MAX: too long).
            let n = it.len.get();
            if n != usize::MAX {
                if pos >= n {
                    return exhaust(it);
                }
                it.pos.set(pos + 1);
                if let (Some(a), Some(s)) = (r.values[0].as_small_int(), r.values[2].as_small_int())
                {
                    // Every element lies between start and stop, so it fits.
                    return Ok(Some(vm.new_int(a + s * pos as i64)));
                }
                return Ok(Some(vm.new_bigint(&r.start + &r.step * BigInt::from(pos))));
            }
            if BigInt::from(pos) >= crate::ops::range_len(r) {
                return exhaust(it);
            }
            it.pos.set(pos + 1);
            Ok(Some(vm.new_bigint(&r.start + &r.step * BigInt::from(pos))))
        }
        IterKind::Callable => {
            let v = vm.call(&src, vec![])?;
            let sentinel = it.extra.get();
            if vm.eq(&v, &sentinel)? {
                return exhaust(it);
            }
            Ok(Some(v))
        }
        IterKind::GetItem => {
            let idx = vm.new_int(pos as i64);
            match vm.getitem(&src, &idx) {
                Ok(v) => {
                    it.pos.set(pos + 1);
                    Ok(Some(v))
                }
                Err(e)
                    if vm.exc_matches(&e, &vm.t.index_error.clone())
                        || vm.exc_matches(&e, &vm.t.stop_iteration.clone()) =>
                {
                    exhaust(it)
                }
                Err(e) => Err(e),
            }
        }
        IterKind::Reversed => {
            // `pos` counts down from len; 0 = done.
            if pos == 0 {
                return exhaust(it);
            }
            let i = pos - 1;
            it.pos.set(i);
            let idx = vm.new_int(i as i64);
            match vm.getitem(&src, &idx) {
                Ok(v) => Ok(Some(v)),
                Err(e)
                    if vm.exc_matches(&e, &vm.t.index_error.clone())
                        || vm.exc_matches(&e, &vm.t.stop_iteration.clone()) =>
                {
                    exhaust(it)
                }
                Err(e) => Err(e),
            }
        }
        IterKind::Enumerate => match vm.next(&src)? {
            Some(v) => {
                let count = it.extra.get();
                let next = vm.binary_op(
                    &count,
                    &Value::small_int(1).unwrap(),
                    adder_bytecode::BinOp::Add,
                    false,
                )?;
                it.extra.set(next);
                Ok(Some(vm.new_tuple(vec![count, v])))
            }
            None => exhaust(it),
        },
        IterKind::Zip => {
            let iters = it.extra_list.borrow().clone();
            let strict = it.extra.get().as_bool() == Some(true);
            let mut out = Vec::with_capacity(iters.len());
            for (i, sub) in iters.iter().enumerate() {
                match vm.next(sub)? {
                    Some(v) => out.push(v),
                    None => {
                        if strict {
                            if i > 0 {
                                let plural = if i == 1 { " " } else { "s 1-" };
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{plural}{}",
                                    i + 1,
                                    i
                                )));
                            }
                            for (j, other) in iters.iter().enumerate().skip(1) {
                                if vm.next(other)?.is_some() {
                                    let plural = if j == 1 { " " } else { "s 1-" };
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{plural}{}",
                                        j + 1,
                                        j
                                    )));
                                }
                            }
                        }
                        return exhaust(it);
                    }
                }
            }
            if iters.is_empty() {
                return exhaust(it);
            }
            Ok(Some(vm.new_tuple(out)))
        }
        IterKind::Map => {
            let iters = it.extra_list.borrow().clone();
            let mut args = Vec::with_capacity(iters.len());
            for sub in iters.iter() {
                match vm.next(sub)? {
                    Some(v) => args.push(v),
                    None => return exhaust(it),
                }
            }
            let f = it.extra.get();
            vm.call(&f, args).map(Some)
        }
        IterKind::Filter => {
            let f = it.extra.get();
            loop {
                let Some(v) = vm.next(&src)? else {
                    return exhaust(it);
                };
                let keep = if f.is_none() {
                    vm.truthy(&v)?
                } else {
                    let r = vm.call(&f, vec![v.clone()])?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
    }
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}

fn iter_next_method(vm: &mut Vm, args: Args) -> PyResult {
    let itv = args.pos[0].clone();
    let Some(it) = itv.downcast::<Iter>() else {
        return Err(vm.type_error("expected an iterator"));
    };
    match iter_next(vm, &itv, it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn length_hint(vm: &mut Vm, args: Args) -> PyResult {
    let itv = args.pos[0].clone();
    let it = itv.downcast::<Iter>().unwrap();
    let src = it.source.get();
    if src.is_null() {
        return Ok(vm.new_int(0));
    }
    let n = match it.kind {
        IterKind::Seq | IterKind::Range => crate::ops::native_len(&src)
            .unwrap_or(0)
            .saturating_sub(it.pos.get()),
        IterKind::Reversed => it.pos.get(),
        _ => return Ok(vm.not_implemented.clone()),
    };
    Ok(vm.new_int(n as i64))
}

fn enumerate_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let start = args.take_kw("start");
    let iterable = match args.take_kw("iterable") {
        Some(i) => i,
        None => {
            if args.pos.is_empty() {
                return Err(
                    vm.type_error("enumerate() missing required argument 'iterable' (pos 1)")
                );
            }
            args.pos.remove(0)
        }
    };
    let start = start
        .or_else(|| args.pos.first().cloned())
        .unwrap_or(Value::small_int(0).unwrap());
    if !crate::num::is_int(&start) && vm.index_opt(&start)?.is_none() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&start)
        )));
    }
    let src = vm.iter(&iterable)?;
    let it = vm.new_iter(IterKind::Enumerate, src, &cls);
    it.downcast::<Iter>().unwrap().extra.set(start);
    Ok(it)
}

fn zip_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let strict = args
        .take_kw("strict")
        .map(|s| vm.truthy(&s))
        .transpose()?
        .unwrap_or(false);
    if let Some((k, _)) = args.kw.first() {
        let k = k
            .downcast::<Str>()
            .map_or("?".into(), |s| s.as_str().to_string());
        return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{k}'")));
    }
    let mut iters = Vec::new();
    for (i, a) in args.pos.iter().enumerate() {
        let _ = i;
        let it = vm.iter(a)?;
        iters.push(it);
    }
    let it = vm.new_iter(IterKind::Zip, Value::NONE, &cls);
    let i = it.downcast::<Iter>().unwrap();
    *i.extra_list.borrow_mut() = iters;
    i.extra.set(Value::from_bool(strict));
    Ok(it)
}

fn map_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    if !args.kw.is_empty() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let f = args.pos.remove(0);
    let mut iters = Vec::new();
    for a in &args.pos {
        iters.push(vm.iter(a)?);
    }
    let it = vm.new_iter(IterKind::Map, Value::NONE, &cls);
    let i = it.downcast::<Iter>().unwrap();
    *i.extra_list.borrow_mut() = iters;
    i.extra.set(f);
    Ok(it)
}

fn filter_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    if !args.kw.is_empty() {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "filter expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let src = vm.iter(&args.pos[1])?;
    let it = vm.new_iter(IterKind::Filter, src, &cls);
    it.downcast::<Iter>()
        .unwrap()
        .extra
        .set(args.pos[0].clone());
    Ok(it)
}

fn reversed_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    if !args.kw.is_empty() {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "reversed expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let seq = args.pos[0].clone();
    let t = vm.type_of(&seq);
    let rn = vm.names.__reversed__.clone();
    if let Some(f) = type_lookup(&t, &rn) {
        if f.is_none() {
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
        }
        return vm.call_method_value(&f, &seq, vec![]);
    }
    match seq.kind() {
        Some(kinds::DICT) => {
            let keys = seq.downcast::<Dict>().unwrap().keys();
            let l = vm.new_list(keys);
            let n = crate::ops::native_len(&l).unwrap_or(0);
            let it = vm.new_iter(IterKind::Reversed, l, &cls);
            it.downcast::<Iter>().unwrap().pos.set(n);
            return Ok(it);
        }
        Some(kinds::SET) => {
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))))
        }
        _ => {}
    }
    let gi = vm.names.__getitem__.clone();
    let ln = vm.names.__len__.clone();
    let has_seq = crate::ops::native_len(&seq).is_some() && seq.kind() != Some(kinds::DICTVIEW)
        || (type_lookup(&t, &gi).is_some() && type_lookup(&t, &ln).is_some());
    if !has_seq || seq.kind() == Some(kinds::DICTVIEW) {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
    }
    let n = vm.len(&seq)?;
    let it = vm.new_iter(IterKind::Reversed, seq, &cls);
    it.downcast::<Iter>().unwrap().pos.set(n);
    Ok(it)
}

fn reduce_unsupported(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented_error("pickling iterators is not supported yet"))
}

pub fn init(vm: &mut Vm) {
    let all = [
        vm.t.iterator.clone(),
        vm.t.list_iterator.clone(),
        vm.t.tuple_iterator.clone(),
        vm.t.str_iterator.clone(),
        vm.t.range_iterator.clone(),
        vm.t.dict_keyiterator.clone(),
        vm.t.dict_valueiterator.clone(),
        vm.t.dict_itemiterator.clone(),
        vm.t.set_iterator.clone(),
        vm.t.callable_iterator.clone(),
        vm.t.map.clone(),
        vm.t.filter.clone(),
        vm.t.zip.clone(),
        vm.t.enumerate.clone(),
        vm.t.reversed.clone(),
    ];
    for t in all {
        vm.add_method(&t, "__iter__", iter_self);
        vm.add_method(&t, "__next__", iter_next_method);
        vm.add_method(&t, "__length_hint__", length_hint);
        vm.add_method(&t, "__reduce__", reduce_unsupported);
    }
    vm.set_new(&vm.t.enumerate.clone(), enumerate_new);
    vm.set_new(&vm.t.zip.clone(), zip_new);
    vm.set_new(&vm.t.map.clone(), map_new);
    vm.set_new(&vm.t.filter.clone(), filter_new);
    vm.set_new(&vm.t.reversed.clone(), reversed_new);
    let _ = BigInt::from(0).is_negative();
}
