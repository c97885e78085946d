//! `_functools._lru_cache_wrapper`: the memoising callable behind
//! `functools.lru_cache`. Unbounded caches map keys straight to results;
//! bounded ones map keys to slots of a doubly-linked recency list kept in
//! a slab (oldest after the root, newest before it).
//!
//! Invariants: every live slot's key is in `cache` with the slot's index,
//! and `cache` holds nothing else; the slab is never borrowed across a
//! dict operation or a call (keys' `__hash__`/`__eq__` and the user
//! function may run Python code, even re-entrantly); a result computed
//! while the key was added by a re-entrant call is returned, not stored.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Payload, Trace, Value};
use adder_vm::kinds;
use adder_vm::native;
use adder_vm::objects::dict::Dict;
use adder_vm::objects::types::tflags;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{check_pos, noargs};
use crate::kind;

#[derive(Trace)]
struct Node {
    key: Value,
    hash: i64,
    result: Value,
    prev: usize,
    next: usize,
}

#[derive(Trace)]
pub struct LruCache {
    func: Value,
    /// -1: unbounded; 0: no caching.
    maxsize: i64,
    typed: bool,
    info_type: Value,
    /// key -> result (unbounded) or key -> slot index (bounded).
    cache: Value,
    /// A unique marker separating positional from keyword arguments.
    kwd_mark: Value,
    hits: Cell<u64>,
    misses: Cell<u64>,
    /// Slot 0 is the root of the circular recency list.
    nodes: RefCell<Vec<Node>>,
    free: RefCell<Vec<usize>>,
}
payload!(LruCache, kind::LRU_CACHE, "_lru_cache_wrapper");

pub fn init(vm: &mut Vm, m: &Value) {
    let obj = vm.t.object.clone();
    let t = native::new_type(
        vm,
        "functools",
        "_lru_cache_wrapper",
        &obj,
        LruCache::vtable(),
        kind::LRU_CACHE,
        tflags::DICT_SLOT,
    );
    vm.set_new(&t, lru_new);
    vm.add_method(&t, "__call__", lru_call);
    vm.add_method(&t, "__get__", lru_get);
    vm.add_method(&t, "cache_info", lru_info);
    vm.add_method(&t, "cache_clear", lru_clear);
    vm.add_method(&t, "__reduce__", lru_reduce);
    vm.add_method(&t, "__copy__", lru_copy);
    vm.add_method(&t, "__deepcopy__", lru_deepcopy);
    native::module_set(vm, m, "_lru_cache_wrapper", t);
}

fn root() -> Node {
    Node {
        key: Value::NULL,
        hash: 0,
        result: Value::NULL,
        prev: 0,
        next: 0,
    }
}

fn lru_new(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::no_kw(vm, &args, "_lru_cache_wrapper")?;
    let n = args.pos.len().saturating_sub(1);
    if n != 4 {
        return Err(vm.type_error(format!(
            "_lru_cache_wrapper() takes exactly 4 arguments ({n} given)"
        )));
    }
    let func = args.pos[1].clone();
    if !crate::functools::callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let m = &args.pos[2];
    let maxsize = if m.is_none() {
        -1
    } else {
        match vm.index_opt(m)? {
            Some(i) => {
                use num_traits::ToPrimitive;
                match i.to_i64() {
                    Some(x) => x.max(0),
                    None if i.sign() == num_bigint::Sign::Minus => 0,
                    None => {
                        return Err(
                            vm.overflow_error("Python int too large to convert to C ssize_t")
                        )
                    }
                }
            }
            None => return Err(vm.type_error("maxsize should be integer or None")),
        }
    };
    let typed = vm.truthy(&args.pos[3])?;
    let cache = vm.new_dict();
    let obj_t = vm.t.object.clone();
    let kwd_mark = vm.call(&obj_t, vec![])?;
    Ok(vm.alloc_builtin(
        &args.pos[0],
        LruCache {
            func,
            maxsize,
            typed,
            info_type: args.pos[4].clone(),
            cache,
            kwd_mark,
            hits: Cell::new(0),
            misses: Cell::new(0),
            nodes: RefCell::new(vec![root()]),
            free: RefCell::new(Vec::new()),
        },
    ))
}

fn this<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a LruCache> {
    let Some(s) = args.pos.first() else {
        return Err(crate::args::needs_self(vm, meth));
    };
    s.downcast::<LruCache>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{meth}' for 'functools._lru_cache_wrapper' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        ))
    })
}

/// The cache key of a call (`lru_cache_make_key`).
fn make_key(vm: &Vm, c: &LruCache, pos: &[Value], kw: &[(Value, Value)]) -> Value {
    if !c.typed && kw.is_empty() {
        if pos.len() == 1 {
            let k = &pos[0];
            let t = vm.type_of(k);
            if (k.kind() == Some(kinds::STR) && t.is(&vm.t.str))
                || (adder_vm::num::is_int(k) && t.is(&vm.t.int))
            {
                return k.clone();
            }
        }
        return vm.new_tuple(pos.to_vec());
    }
    let mut key: Vec<Value> = pos.to_vec();
    if !kw.is_empty() {
        key.push(c.kwd_mark.clone());
        for (k, v) in kw {
            key.push(k.clone());
            key.push(v.clone());
        }
    }
    if c.typed {
        for a in pos {
            key.push(vm.type_of(a));
        }
        for (_, v) in kw {
            key.push(vm.type_of(v));
        }
    }
    vm.new_tuple(key)
}

fn unlink(nodes: &mut [Node], i: usize) {
    let (p, n) = (nodes[i].prev, nodes[i].next);
    nodes[p].next = n;
    nodes[n].prev = p;
}

/// Links slot `i` as the newest (just before the root).
fn link_newest(nodes: &mut [Node], i: usize) {
    let last = nodes[0].prev;
    nodes[i].prev = last;
    nodes[i].next = 0;
    nodes[last].next = i;
    nodes[0].prev = i;
}

fn lru_call(vm: &mut Vm, args: Args) -> PyResult {
    let c = this(vm, &args, "__call__")?;
    let pos = &args.pos[1..];
    if c.maxsize == 0 {
        c.misses.set(c.misses.get() + 1);
        return vm.call_args(&c.func, Args::new(pos.to_vec()).with_kw(args.kw.clone()));
    }
    let key = make_key(vm, c, pos, &args.kw);
    // The key is hashed once per call, as CPython does.
    let h = vm.hash(&key)?;
    let cache = c.cache.clone();
    if c.maxsize < 0 {
        if let Some(r) = vm.dict_get_hashed(&cache, &key, h)? {
            c.hits.set(c.hits.get() + 1);
            return Ok(r);
        }
        c.misses.set(c.misses.get() + 1);
        let r = vm.call_args(&c.func, Args::new(pos.to_vec()).with_kw(args.kw.clone()))?;
        if vm.dict_get_hashed(&cache, &key, h)?.is_none() {
            vm.dict_set_hashed(&cache, key, h, r.clone())?;
        }
        return Ok(r);
    }
    // Bounded.
    if let Some(slot) = vm.dict_get_hashed(&cache, &key, h)? {
        let i = slot.as_small_int().unwrap_or(0) as usize;
        let mut nodes = c.nodes.borrow_mut();
        if i != 0 && i < nodes.len() {
            unlink(&mut nodes, i);
            link_newest(&mut nodes, i);
            let r = nodes[i].result.clone();
            drop(nodes);
            c.hits.set(c.hits.get() + 1);
            return Ok(r);
        }
    }
    c.misses.set(c.misses.get() + 1);
    let result = vm.call_args(&c.func, Args::new(pos.to_vec()).with_kw(args.kw.clone()))?;
    if vm.dict_get_hashed(&cache, &key, h)?.is_some() {
        // Added by a re-entrant call while the function ran.
        return Ok(result);
    }
    let len = vm.len(&cache)?;
    if len as i64 >= c.maxsize {
        // Evict the oldest entry and reuse its slot.
        let (old_key, i) = {
            let mut nodes = c.nodes.borrow_mut();
            let i = nodes[0].next;
            if i == 0 {
                drop(nodes);
                return Ok(result);
            }
            unlink(&mut nodes, i);
            let k = std::mem::replace(&mut nodes[i].key, Value::NULL);
            let old = std::mem::replace(&mut nodes[i].result, Value::NULL);
            drop(old);
            ((k, nodes[i].hash), i)
        };
        c.free.borrow_mut().push(i);
        vm.dict_pop_hashed(&cache, &old_key.0, old_key.1)?;
    }
    let i = {
        let reused = c.free.borrow_mut().pop();
        let mut nodes = c.nodes.borrow_mut();
        let i = match reused {
            Some(i) => i,
            None => {
                nodes.push(root());
                nodes.len() - 1
            }
        };
        nodes[i].key = key.clone();
        nodes[i].hash = h;
        nodes[i].result = result.clone();
        link_newest(&mut nodes, i);
        i
    };
    let iv = vm.new_int(i as i64);
    if let Err(e) = vm.dict_set_hashed(&cache, key, h, iv) {
        let mut nodes = c.nodes.borrow_mut();
        unlink(&mut nodes, i);
        nodes[i].key = Value::NULL;
        nodes[i].result = Value::NULL;
        drop(nodes);
        c.free.borrow_mut().push(i);
        return Err(e);
    }
    Ok(result)
}

fn lru_get(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::no_kw(vm, &args, "__get__")?;
    check_pos(vm, "__get__", args.pos.len().saturating_sub(1), 1, 2)?;
    this(vm, &args, "__get__")?;
    let obj = &args.pos[1];
    if obj.is_none() {
        return Ok(args.pos[0].clone());
    }
    Ok(vm.new_method(args.pos[0].clone(), obj.clone()))
}

fn lru_info(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "cache_info")?;
    let c = this(vm, &args, "cache_info")?;
    let size = c.cache.downcast::<Dict>().map_or(0, |d| d.len());
    let hits = vm.new_int(c.hits.get() as i64);
    let misses = vm.new_int(c.misses.get() as i64);
    let maxsize = if c.maxsize < 0 {
        Value::NONE
    } else {
        vm.new_int(c.maxsize)
    };
    let size = vm.new_int(size as i64);
    let t = c.info_type.clone();
    vm.call(&t, vec![hits, misses, maxsize, size])
}

fn lru_clear(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "cache_clear")?;
    let c = this(vm, &args, "cache_clear")?;
    c.hits.set(0);
    c.misses.set(0);
    let old_nodes = std::mem::replace(&mut *c.nodes.borrow_mut(), vec![root()]);
    c.free.borrow_mut().clear();
    let cache = c.cache.clone();
    vm.call_method(&cache, "clear", vec![])?;
    drop(old_nodes);
    Ok(Value::NONE)
}

fn lru_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    this(vm, &args, "__reduce__")?;
    vm.getattr_str(&args.pos[0], "__qualname__")
}

fn lru_copy(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__copy__")?;
    this(vm, &args, "__copy__")?;
    Ok(args.pos[0].clone())
}

fn lru_deepcopy(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::onearg(vm, &args, "__deepcopy__")?;
    this(vm, &args, "__deepcopy__")?;
    Ok(args.pos[0].clone())
}

trait WithKw {
    fn with_kw(self, kw: Vec<(Value, Value)>) -> Self;
}

impl WithKw for Args {
    fn with_kw(mut self, kw: Vec<(Value, Value)>) -> Self {
        self.kw = kw;
        self
    }
}
