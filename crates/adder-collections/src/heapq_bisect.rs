//! `_heapq` (binary min-heaps, and the max-heap helpers `heapq.merge`
//! uses) and `_bisect` (binary search and insertion in sorted sequences).
//!
//! Invariant: list items are read by index and re-read after every
//! comparison (which may run Python code that mutates the list); a
//! size change during a sift raises CPython's RuntimeError, and no
//! borrow of the list is held across a comparison.

use adder_bytecode::CmpOp;
use adder_object::Value;
use adder_vm::native;
use adder_vm::objects::seq::List;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{check_pos, Clinic};

pub fn init_heapq(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let doc = vm.new_str("Heap queue algorithm (a.k.a. priority queue).");
    native::module_set(vm, m, "__doc__", doc);
    let about = vm.new_str("Heap queues");
    native::module_set(vm, m, "__about__", about);
    native::module_add_fns(
        vm,
        m,
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
    );
    Ok(())
}

pub fn init_bisect(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let doc = vm.new_str("Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n");
    native::module_set(vm, m, "__doc__", doc);
    native::module_add_fns(
        vm,
        m,
        &[
            ("bisect_right", bisect_right),
            ("bisect_left", bisect_left),
            ("insort_right", insort_right),
            ("insort_left", insort_left),
        ],
    );
    Ok(())
}

// ----- heaps ------------------------------------------------------------------------

fn list<'a>(vm: &Vm, v: &'a Value, fname: &str, which: &str) -> PyResult<&'a List> {
    v.downcast::<List>().ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() argument{which} must be list, not {}",
            vm.type_name(v)
        ))
    })
}

fn no_kw(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("_heapq.{name}() takes no keyword arguments")))
    }
}

/// A `METH_O` heap function's list argument.
fn one_list<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a List> {
    no_kw(vm, args, name)?;
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "_heapq.{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    list(vm, &args.pos[0], name, "")
}

fn two_args<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<(&'a List, Value)> {
    no_kw(vm, args, name)?;
    check_pos(vm, name, args.pos.len(), 2, 2)?;
    Ok((list(vm, &args.pos[0], name, " 1")?, args.pos[1].clone()))
}

fn changed(vm: &Vm) -> Value {
    vm.runtime_error("list changed size during iteration")
}

/// `a < b` (or `b < a` for the max-heap helpers).
fn less(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    let (x, y) = if max { (b, a) } else { (a, b) };
    let r = vm.richcmp(x, y, CmpOp::Lt)?;
    if let Some(b) = r.as_bool() {
        return Ok(b);
    }
    vm.truthy(&r)
}

fn siftdown(vm: &mut Vm, heap: &List, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(vm.index_error("index out of range"));
    }
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let (Some(newitem), Some(parent)) = (heap.get(pos), heap.get(parentpos)) else {
            return Err(changed(vm));
        };
        let lt = less(vm, &newitem, &parent, max)?;
        if size != heap.len() {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        heap.items.borrow_mut().swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

fn siftup(vm: &mut Vm, heap: &List, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = heap.len();
    let startpos = pos;
    if pos >= endpos {
        return Err(vm.index_error("index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (Some(a), Some(b)) = (heap.get(childpos), heap.get(childpos + 1)) else {
                return Err(changed(vm));
            };
            let lt = less(vm, &a, &b, max)?;
            if !lt {
                childpos += 1;
            }
            if endpos != heap.len() {
                return Err(changed(vm));
            }
        }
        heap.items.borrow_mut().swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, heap, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: Args) -> PyResult {
    let (heap, item) = two_args(vm, &args, "heappush")?;
    heap.push(item);
    let n = heap.len();
    siftdown(vm, heap, 0, n - 1, false)?;
    Ok(Value::NONE)
}

fn pop_common(vm: &mut Vm, heap: &List, max: bool) -> PyResult {
    let last = heap.items.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if heap.is_empty() {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut heap.items.borrow_mut()[0], last);
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, args: Args) -> PyResult {
    let heap = one_list(vm, &args, "heappop")?;
    pop_common(vm, heap, false)
}

fn heappop_max(vm: &mut Vm, args: Args) -> PyResult {
    let heap = one_list(vm, &args, "_heappop_max")?;
    pop_common(vm, heap, true)
}

fn replace_common(vm: &mut Vm, heap: &List, item: Value, max: bool) -> PyResult {
    let ret = {
        let mut items = heap.items.borrow_mut();
        match items.first_mut() {
            Some(slot) => std::mem::replace(slot, item),
            None => {
                drop(items);
                return Err(vm.index_error("index out of range"));
            }
        }
    };
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: Args) -> PyResult {
    let (heap, item) = two_args(vm, &args, "heapreplace")?;
    replace_common(vm, heap, item, false)
}

fn heapreplace_max(vm: &mut Vm, args: Args) -> PyResult {
    let (heap, item) = two_args(vm, &args, "_heapreplace_max")?;
    replace_common(vm, heap, item, true)
}

fn heappushpop(vm: &mut Vm, args: Args) -> PyResult {
    let (heap, item) = two_args(vm, &args, "heappushpop")?;
    let Some(top) = heap.get(0) else {
        return Ok(item);
    };
    if !less(vm, &top, &item, false)? {
        return Ok(item);
    }
    replace_common(vm, heap, item, false)
}

fn heapify_common(vm: &mut Vm, heap: &List, max: bool) -> PyResult {
    let n = heap.len();
    for i in (0..n / 2).rev() {
        siftup(vm, heap, i, max)?;
    }
    Ok(Value::NONE)
}

fn heapify(vm: &mut Vm, args: Args) -> PyResult {
    let heap = one_list(vm, &args, "heapify")?;
    heapify_common(vm, heap, false)
}

fn heapify_max(vm: &mut Vm, args: Args) -> PyResult {
    let heap = one_list(vm, &args, "_heapify_max")?;
    heapify_common(vm, heap, true)
}

// ----- bisect -----------------------------------------------------------------------

/// `(a, x, lo, hi, key)` of the bisect functions.
fn bisect_args(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<(Value, Value, i64, i64, Value)> {
    let a = Clinic {
        fname,
        names: &["a", "x", "lo", "hi", "key"],
        posonly: 0,
        minpos: 2,
        maxpos: 4,
    }
    .parse(vm, &args.pos, &args.kw)?;
    let seq = a[0].clone().unwrap_or(Value::NONE);
    let x = a[1].clone().unwrap_or(Value::NONE);
    let lo = match &a[2] {
        Some(v) => crate::args::ssize(vm, v)?,
        None => 0,
    };
    let hi = match &a[3] {
        Some(v) if !v.is_none() => crate::args::ssize(vm, v)?,
        _ => -1,
    };
    let key = a[4].clone().unwrap_or(Value::NONE);
    Ok((seq, x, lo, hi, key))
}

/// The insertion point of `x` in `a[lo:hi]` (right of equal items when `right`).
fn bisect(
    vm: &mut Vm,
    a: &Value,
    x: &Value,
    lo: i64,
    hi: i64,
    key: &Value,
    right: bool,
) -> PyResult<i64> {
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let mut lo = lo;
    let mut hi = if hi == -1 { vm.len(a)? as i64 } else { hi };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let idx = vm.new_int(mid);
        let mut item = match a.downcast::<List>() {
            Some(l) if vm.type_of(a).is(&vm.t.list) => match l.get(mid as usize) {
                Some(v) => v,
                None => return Err(vm.index_error("list index out of range")),
            },
            _ => vm.getitem(a, &idx)?,
        };
        if !key.is_none() {
            item = vm.call(key, vec![item])?;
        }
        if right {
            if less(vm, x, &item, false)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if less(vm, &item, x, false)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: Args) -> PyResult {
    let (a, x, lo, hi, key) = bisect_args(vm, &args, "bisect_right")?;
    let i = bisect(vm, &a, &x, lo, hi, &key, true)?;
    Ok(vm.new_int(i))
}

fn bisect_left(vm: &mut Vm, args: Args) -> PyResult {
    let (a, x, lo, hi, key) = bisect_args(vm, &args, "bisect_left")?;
    let i = bisect(vm, &a, &x, lo, hi, &key, false)?;
    Ok(vm.new_int(i))
}

fn insort(vm: &mut Vm, args: Args, fname: &str, right: bool) -> PyResult {
    let (a, x, lo, hi, key) = bisect_args(vm, &args, fname)?;
    let k = if key.is_none() {
        x.clone()
    } else {
        vm.call(&key, vec![x.clone()])?
    };
    let i = bisect(vm, &a, &k, lo, hi, &key, right)?;
    match a.downcast::<List>() {
        Some(l) if vm.type_of(&a).is(&vm.t.list) => {
            let mut items = l.items.borrow_mut();
            let at = (i.max(0) as usize).min(items.len());
            items.insert(at, x);
        }
        _ => {
            let iv = vm.new_int(i);
            vm.call_method(&a, "insert", vec![iv, x])?;
        }
    }
    Ok(Value::NONE)
}

fn insort_right(vm: &mut Vm, args: Args) -> PyResult {
    insort(vm, args, "insort_right", true)
}

fn insort_left(vm: &mut Vm, args: Args) -> PyResult {
    insort(vm, args, "insort_left", false)
}
