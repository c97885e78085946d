//! `product`, `combinations`, `combinations_with_replacement` and
//! `permutations`: index-vector generators over pools materialised as
//! tuples (as CPython does), yielding new tuples.
//!
//! Invariant: `indices` (and `cycles`) always describe the last result
//! returned; `result` is None until the first item; `stopped` is final.

use adder_object::Value;
use adder_vm::num::is_int;
use adder_vm::objects::seq::Tuple;
use adder_vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

use super::{alloc, declare, ItObj, St};
use crate::args::{noargs, onearg, Clinic};
use crate::stop;

pub fn init(vm: &mut Vm, m: &Value) {
    let common: [(&'static str, adder_vm::vm::NativeFn); 3] = [
        ("__reduce__", comb_reduce),
        ("__setstate__", comb_setstate),
        ("__sizeof__", comb_sizeof),
    ];
    declare(vm, m, "product", true, product_new, comb_next, &common);
    declare(
        vm,
        m,
        "combinations",
        true,
        combinations_new,
        comb_next,
        &common,
    );
    declare(
        vm,
        m,
        "combinations_with_replacement",
        true,
        cwr_new,
        comb_next,
        &common,
    );
    declare(
        vm,
        m,
        "permutations",
        true,
        permutations_new,
        comb_next,
        &common,
    );
}

fn product_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let mut repeat: i64 = 1;
    if !args.kw.is_empty() {
        let a = Clinic {
            fname: "product",
            names: &["repeat"],
            posonly: 0,
            minpos: 0,
            maxpos: 0,
        }
        .parse(vm, &[], &args.kw)?;
        if let Some(r) = &a[0] {
            repeat = crate::args::ssize(vm, r)?;
        }
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let nargs = if repeat == 0 {
        0
    } else {
        args.pos.len().saturating_sub(1)
    };
    if nargs > 0 && (nargs as u64) > (i64::MAX as u64 / 8 / repeat as u64) {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let npools = nargs * repeat as usize;
    vm.check_alloc(npools.saturating_mul(16))?;
    let mut base = Vec::with_capacity(nargs);
    for a in &args.pos[1..=nargs] {
        base.push(vm.iterate(a)?);
    }
    let mut pools = Vec::with_capacity(npools);
    for _ in 0..repeat.max(0) {
        if base.is_empty() {
            break;
        }
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Ok(alloc(
        vm,
        &cls,
        St::Product {
            pools,
            indices: vec![0; n],
            result: None,
            stopped: false,
        },
    ))
}

fn pool_r(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<(Vec<Value>, usize)> {
    let a = Clinic {
        fname,
        names: &["iterable", "r"],
        posonly: 0,
        minpos: 2,
        maxpos: 2,
    }
    .parse(vm, &args.pos[1..], &args.kw)?;
    let pool = vm.iterate(a[0].as_ref().unwrap_or(&Value::NONE))?;
    let r = crate::args::ssize(vm, a[1].as_ref().unwrap_or(&Value::NONE))?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    vm.check_alloc((r as usize).saturating_mul(8))?;
    Ok((pool, r as usize))
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult {
    let (pool, r) = pool_r(vm, &args, "combinations")?;
    Ok(alloc(
        vm,
        &args.pos[0],
        St::Combinations {
            pool,
            indices: (0..r).collect(),
            result: None,
            r,
            stopped: false,
        },
    ))
}

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult {
    let (pool, r) = pool_r(vm, &args, "combinations_with_replacement")?;
    Ok(alloc(
        vm,
        &args.pos[0],
        St::Cwr {
            pool,
            indices: vec![0; r],
            result: None,
            r,
            stopped: false,
        },
    ))
}

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = Clinic {
        fname: "permutations",
        names: &["iterable", "r"],
        posonly: 0,
        minpos: 1,
        maxpos: 2,
    }
    .parse(vm, &args.pos[1..], &args.kw)?;
    let pool = vm.iterate(a[0].as_ref().unwrap_or(&Value::NONE))?;
    let n = pool.len();
    let r = match &a[1] {
        Some(v) if !v.is_none() => {
            if !is_int(v) {
                return Err(vm.type_error("Expected int as r"));
            }
            let r = crate::args::ssize(vm, v)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            vm.check_alloc((r as usize).saturating_mul(8))?;
            r as usize
        }
        _ => n,
    };
    Ok(alloc(
        vm,
        &args.pos[0],
        St::Permutations {
            pool,
            indices: (0..n).collect(),
            cycles: (0..r.min(n)).map(|i| n - i).collect(),
            result: None,
            r,
            stopped: false,
        },
    ))
}

/// Advances a combinatoric state; `None` when exhausted.
fn advance(st: &mut St) -> Option<Vec<Value>> {
    match st {
        St::Product {
            pools,
            indices,
            result,
            stopped,
        } => {
            if *stopped {
                return None;
            }
            match result {
                None => {
                    let mut r = Vec::with_capacity(pools.len());
                    for p in pools.iter() {
                        match p.first() {
                            Some(v) => r.push(v.clone()),
                            None => {
                                *stopped = true;
                                return None;
                            }
                        }
                    }
                    *result = Some(r.clone());
                    Some(r)
                }
                Some(res) => {
                    let mut i = pools.len();
                    loop {
                        if i == 0 {
                            *stopped = true;
                            return None;
                        }
                        i -= 1;
                        let pool = &pools[i];
                        indices[i] += 1;
                        if indices[i] >= pool.len() {
                            indices[i] = 0;
                            res[i] = pool[0].clone();
                        } else {
                            res[i] = pool[indices[i]].clone();
                            break;
                        }
                    }
                    Some(res.clone())
                }
            }
        }
        St::Combinations {
            pool,
            indices,
            result,
            r,
            stopped,
        } => {
            if *stopped {
                return None;
            }
            let (n, r) = (pool.len(), *r);
            match result {
                None => {
                    if r > n {
                        *stopped = true;
                        return None;
                    }
                    let res: Vec<Value> = indices.iter().map(|&i| pool[i].clone()).collect();
                    *result = Some(res.clone());
                    Some(res)
                }
                Some(res) => {
                    let mut i = r;
                    loop {
                        if i == 0 {
                            *stopped = true;
                            return None;
                        }
                        if indices[i - 1] != i - 1 + n - r {
                            break;
                        }
                        i -= 1;
                    }
                    let i = i - 1;
                    indices[i] += 1;
                    for j in i + 1..r {
                        indices[j] = indices[j - 1] + 1;
                    }
                    for k in i..r {
                        res[k] = pool[indices[k]].clone();
                    }
                    Some(res.clone())
                }
            }
        }
        St::Cwr {
            pool,
            indices,
            result,
            r,
            stopped,
        } => {
            if *stopped {
                return None;
            }
            let (n, r) = (pool.len(), *r);
            match result {
                None => {
                    if n == 0 && r > 0 {
                        *stopped = true;
                        return None;
                    }
                    let res: Vec<Value> = (0..r).map(|_| pool[0].clone()).collect();
                    *result = Some(res.clone());
                    Some(res)
                }
                Some(res) => {
                    let mut i = r;
                    loop {
                        if i == 0 {
                            *stopped = true;
                            return None;
                        }
                        if indices[i - 1] != n - 1 {
                            break;
                        }
                        i -= 1;
                    }
                    let i = i - 1;
                    let index = indices[i] + 1;
                    let elem = pool[index].clone();
                    for k in i..r {
                        indices[k] = index;
                        res[k] = elem.clone();
                    }
                    Some(res.clone())
                }
            }
        }
        St::Permutations {
            pool,
            indices,
            cycles,
            result,
            r,
            stopped,
        } => {
            if *stopped {
                return None;
            }
            let (n, r) = (pool.len(), *r);
            match result {
                None => {
                    if r > n {
                        *stopped = true;
                        return None;
                    }
                    let res: Vec<Value> = indices[..r].iter().map(|&i| pool[i].clone()).collect();
                    *result = Some(res.clone());
                    Some(res)
                }
                Some(res) => {
                    if n == 0 {
                        *stopped = true;
                        return None;
                    }
                    let mut i = r;
                    loop {
                        if i == 0 {
                            *stopped = true;
                            return None;
                        }
                        i -= 1;
                        cycles[i] -= 1;
                        if cycles[i] == 0 {
                            let index = indices[i];
                            indices.copy_within(i + 1..n, i);
                            indices[n - 1] = index;
                            cycles[i] = n - i;
                        } else {
                            let j = cycles[i];
                            indices.swap(i, n - j);
                            for k in i..r {
                                res[k] = pool[indices[k]].clone();
                            }
                            break;
                        }
                    }
                    Some(res.clone())
                }
            }
        }
        _ => None,
    }
}

fn comb_obj<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a ItObj> {
    let Some(s) = args.pos.first() else {
        return Err(crate::args::needs_self(vm, meth));
    };
    if let Some(o) = s.downcast::<ItObj>() {
        if let Ok(st) = o.st.try_borrow() {
            if matches!(
                &*st,
                St::Product { .. }
                    | St::Combinations { .. }
                    | St::Cwr { .. }
                    | St::Permutations { .. }
            ) {
                return Ok(o);
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor '{meth}' requires a 'itertools.product' object but received a '{}'",
        vm.type_name(s)
    )))
}

fn comb_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = comb_obj(vm, &args, "__next__")?;
    let r = advance(&mut *o.st(vm)?);
    match r {
        Some(items) => Ok(vm.new_tuple(items)),
        None => stop(vm),
    }
}

fn ints(vm: &Vm, xs: &[usize]) -> Value {
    vm.new_tuple(xs.iter().map(|&i| vm.new_int(i as i64)).collect())
}

fn comb_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = comb_obj(vm, &args, "__reduce__")?;
    let t = vm.type_of(&args.pos[0]);
    let st = o.st(vm)?;
    let tup = |vm: &Vm, items: &[Value]| vm.new_tuple(items.to_vec());
    let out = match &*st {
        St::Product {
            pools,
            indices,
            result,
            stopped,
        } => {
            if *stopped {
                let e = vm.empty_tuple.clone();
                vec![t, vm.new_tuple(vec![e])]
            } else {
                let ps = vm.new_tuple(pools.iter().map(|p| tup(vm, p)).collect());
                match result {
                    None => vec![t, ps],
                    Some(_) => vec![t, ps, ints(vm, indices)],
                }
            }
        }
        St::Combinations {
            pool,
            indices,
            result,
            r,
            stopped,
        }
        | St::Cwr {
            pool,
            indices,
            result,
            r,
            stopped,
        } => {
            let rv = vm.new_int(*r as i64);
            match result {
                None => vec![t, vm.new_tuple(vec![tup(vm, pool), rv])],
                Some(_) if *stopped => {
                    let e = vm.empty_tuple.clone();
                    vec![t, vm.new_tuple(vec![e, rv])]
                }
                Some(_) => vec![t, vm.new_tuple(vec![tup(vm, pool), rv]), ints(vm, indices)],
            }
        }
        St::Permutations {
            pool,
            indices,
            cycles,
            result,
            r,
            stopped,
        } => {
            let rv = vm.new_int(*r as i64);
            match result {
                None => vec![t, vm.new_tuple(vec![tup(vm, pool), rv])],
                Some(_) if *stopped => {
                    let e = vm.empty_tuple.clone();
                    vec![t, vm.new_tuple(vec![e, rv])]
                }
                Some(_) => {
                    let s = vm.new_tuple(vec![ints(vm, indices), ints(vm, cycles)]);
                    vec![t, vm.new_tuple(vec![tup(vm, pool), rv]), s]
                }
            }
        }
        _ => return Err(vm.type_error("not a combinatoric iterator")),
    };
    drop(st);
    Ok(vm.new_tuple(out))
}

fn index_items(vm: &mut Vm, v: &Value, want: usize) -> PyResult<Vec<i64>> {
    let items = match v.downcast::<Tuple>() {
        Some(t) if t.items.len() == want => t.items.to_vec(),
        _ => return Err(vm.value_error("invalid arguments")),
    };
    let mut out = Vec::with_capacity(want);
    for i in items {
        let Some(b) = adder_vm::num::as_bigint(&i) else {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&i)
            )));
        };
        out.push(crate::args::big_ssize(vm, &b)?);
    }
    Ok(out)
}

fn comb_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let o = comb_obj(vm, &args, "__setstate__")?;
    // Sizes first (no borrow is held while converting the state).
    let (kind, n, r) = match &*o.st(vm)? {
        St::Product { pools, .. } => (0, pools.len(), 0),
        St::Combinations { pool, r, .. } => (1, pool.len(), *r),
        St::Cwr { pool, r, .. } => (2, pool.len(), *r),
        St::Permutations { pool, r, .. } => (3, pool.len(), *r),
        _ => return Ok(Value::NONE),
    };
    let clamp = |x: i64, lo: i64, hi: i64| -> usize { x.min(hi).max(lo).max(0) as usize };
    match kind {
        0 => {
            let idx = index_items(vm, &state, n)?;
            let mut st = o.st(vm)?;
            if let St::Product {
                pools,
                indices,
                result,
                stopped,
            } = &mut *st
            {
                for (i, &x) in idx.iter().enumerate() {
                    let size = pools[i].len() as i64;
                    if size == 0 {
                        *stopped = true;
                        return Ok(Value::NONE);
                    }
                    indices[i] = clamp(x, 0, size - 1);
                }
                *result = Some(
                    indices
                        .iter()
                        .enumerate()
                        .map(|(i, &j)| pools[i][j].clone())
                        .collect(),
                );
            }
        }
        1 | 2 => {
            let idx = index_items(vm, &state, r)?;
            let mut st = o.st(vm)?;
            match &mut *st {
                St::Combinations {
                    pool,
                    indices,
                    result,
                    r,
                    ..
                } => {
                    if *r > n {
                        return Ok(Value::NONE);
                    }
                    for (i, &x) in idx.iter().enumerate() {
                        let max = (i + n - *r) as i64;
                        indices[i] = clamp(x, 0, max);
                    }
                    *result = Some(indices.iter().map(|&j| pool[j].clone()).collect());
                }
                St::Cwr {
                    pool,
                    indices,
                    result,
                    stopped,
                    ..
                } => {
                    if n == 0 {
                        if !indices.is_empty() {
                            *stopped = true;
                        }
                        *result = Some(Vec::new());
                        return Ok(Value::NONE);
                    }
                    for (i, &x) in idx.iter().enumerate() {
                        indices[i] = clamp(x, 0, n as i64 - 1);
                    }
                    *result = Some(indices.iter().map(|&j| pool[j].clone()).collect());
                }
                _ => {}
            }
        }
        _ => {
            let parts = match state.downcast::<Tuple>() {
                Some(t) => t.items.to_vec(),
                None => return Err(vm.type_error("state is not a tuple")),
            };
            if parts.len() != 2 {
                return Err(vm.type_error(format!(
                    "function takes exactly 2 arguments ({} given)",
                    parts.len()
                )));
            }
            for p in &parts {
                if p.downcast::<Tuple>().is_none() {
                    return Err(
                        vm.type_error(format!("argument 1 must be tuple, not {}", vm.type_name(p)))
                    );
                }
            }
            let idx = index_items(vm, &parts[0], n)?;
            let cyc = index_items(vm, &parts[1], r)?;
            let mut st = o.st(vm)?;
            if let St::Permutations {
                pool,
                indices,
                cycles,
                result,
                r,
                ..
            } = &mut *st
            {
                if *r > n {
                    return Ok(Value::NONE);
                }
                for (i, &x) in idx.iter().enumerate() {
                    indices[i] = clamp(x, 0, (n as i64 - 1).max(0));
                }
                cycles.resize(*r, 1);
                for (i, &x) in cyc.iter().enumerate() {
                    cycles[i] = clamp(x, 1, (n - i) as i64);
                }
                *result = Some(indices[..*r].iter().map(|&j| pool[j].clone()).collect());
            }
        }
    }
    Ok(Value::NONE)
}

fn comb_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__sizeof__")?;
    let o = comb_obj(vm, &args, "__sizeof__")?;
    let size = match &*o.st(vm)? {
        St::Product { pools, .. } => 48 + 8 * pools.len(),
        St::Combinations { r, .. } | St::Cwr { r, .. } => 56 + 8 * r,
        St::Permutations { pool, r, .. } => 64 + 8 * (pool.len() + r),
        _ => 0,
    };
    Ok(vm.new_int(size.to_i64().unwrap_or(i64::MAX)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(n: i64) -> Vec<Value> {
        (0..n)
            .map(|i| Value::small_int(i).unwrap_or(Value::NONE))
            .collect()
    }

    fn run(mut st: St) -> Vec<Vec<i64>> {
        let mut out = Vec::new();
        while let Some(r) = advance(&mut st) {
            out.push(r.iter().map(|v| v.as_small_int().unwrap_or(-1)).collect());
        }
        // Exhausted stays exhausted.
        assert!(advance(&mut st).is_none());
        out
    }

    fn fact(n: usize) -> usize {
        (1..=n).product()
    }

    #[test]
    fn permutations_count_and_order() {
        for n in 0..6usize {
            for r in 0..n + 2 {
                let got = run(St::Permutations {
                    pool: ints(n as i64),
                    indices: (0..n).collect(),
                    cycles: (0..r.min(n)).map(|i| n - i).collect(),
                    result: None,
                    r,
                    stopped: false,
                });
                let want = if r > n { 0 } else { fact(n) / fact(n - r) };
                assert_eq!(got.len(), want, "n={n} r={r}");
                let mut sorted = got.clone();
                sorted.sort();
                sorted.dedup();
                assert_eq!(sorted, got, "lexicographic and unique, n={n} r={r}");
            }
        }
    }

    #[test]
    fn combinations_and_cwr_counts() {
        let binom = |n: usize, k: usize| -> usize {
            if k > n {
                0
            } else {
                fact(n) / (fact(k) * fact(n - k))
            }
        };
        for n in 0..7usize {
            for r in 0..n + 2 {
                let c = run(St::Combinations {
                    pool: ints(n as i64),
                    indices: (0..r).collect(),
                    result: None,
                    r,
                    stopped: false,
                });
                assert_eq!(c.len(), binom(n, r), "combinations n={n} r={r}");
                assert!(c.iter().all(|v| v.windows(2).all(|w| w[0] < w[1])));
                let w = run(St::Cwr {
                    pool: ints(n as i64),
                    indices: vec![0; r],
                    result: None,
                    r,
                    stopped: false,
                });
                let want = if n == 0 {
                    (r == 0) as usize
                } else {
                    binom(n + r - 1, r)
                };
                assert_eq!(w.len(), want, "cwr n={n} r={r}");
                assert!(w.iter().all(|v| v.windows(2).all(|x| x[0] <= x[1])));
            }
        }
    }

    #[test]
    fn product_counts() {
        let got = run(St::Product {
            pools: vec![ints(2), ints(3), ints(2)],
            indices: vec![0; 3],
            result: None,
            stopped: false,
        });
        assert_eq!(got.len(), 12);
        assert_eq!(got[0], vec![0, 0, 0]);
        assert_eq!(got[11], vec![1, 2, 1]);
        let empty = run(St::Product {
            pools: vec![ints(2), ints(0)],
            indices: vec![0; 2],
            result: None,
            stopped: false,
        });
        assert!(empty.is_empty());
        let unit = run(St::Product {
            pools: vec![],
            indices: vec![],
            result: None,
            stopped: false,
        });
        assert_eq!(unit, vec![Vec::<i64>::new()]);
    }
}
