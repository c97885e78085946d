//! `_thread` for a single-threaded interpreter: locks, re-entrant locks,
//! thread identity and `_local`. Starting threads waits for the threads
//! issue and raises `RuntimeError` until then.
//!
//! Invariant: with one thread, a blocking acquire of a lock that is already
//! held can never succeed, so it raises instead of hanging forever; every
//! other operation behaves as in CPython.

use std::cell::Cell;

use adder_object::{payload, Payload, Trace, Value};

use crate::kinds;
use crate::native::{module_add_fns, module_set, new_type};
use crate::objects::types::tflags;
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

const LOCK_KIND: u8 = kinds::RUNTIME_FIRST;
/// The one thread's identity (CPython returns the pthread id; any stable
/// non-zero number serves).
const MAIN_IDENT: i64 = 1;

#[derive(Trace)]
pub struct Lock {
    /// Recursion depth for RLocks; 0/1 for plain locks.
    count: Cell<u64>,
    reentrant: bool,
}
payload!(Lock, LOCK_KIND, "lock");

fn lock_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Lock> {
    v.downcast::<Lock>()
        .ok_or_else(|| vm.type_error("descriptor requires a lock object"))
}

fn parse_acquire(vm: &mut Vm, mut args: Args) -> PyResult<(bool, f64)> {
    let blocking = args.take_kw("blocking");
    let timeout = args.take_kw("timeout");
    if let Some((k, _)) = args.kw.first() {
        let k = vm.str_string(k)?;
        return Err(vm.type_error(format!(
            "acquire() got an unexpected keyword argument '{k}'"
        )));
    }
    let blocking = blocking.or_else(|| args.pos.get(1).cloned());
    let timeout = timeout.or_else(|| args.pos.get(2).cloned());
    let blocking = match blocking {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => crate::num::as_float(&t).ok_or_else(|| {
            vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer or float",
                vm.type_name(&t)
            ))
        })?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    Ok((blocking, timeout))
}

fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    let (blocking, timeout) = parse_acquire(vm, args)?;
    let l = lock_of(vm, &me)?;
    if l.count.get() == 0 || l.reentrant {
        l.count.set(l.count.get() + 1);
        return Ok(Value::TRUE);
    }
    if !blocking || timeout >= 0.0 {
        return Ok(Value::FALSE);
    }
    Err(vm.runtime_error("deadlock: blocking acquire of a lock held by the only thread"))
}

fn lock_enter(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    lock_acquire(vm, Args::new(vec![me]))
}

fn lock_release(vm: &mut Vm, args: Args) -> PyResult {
    let l = lock_of(vm, &args.pos[0])?;
    if l.count.get() == 0 {
        return Err(vm.runtime_error(if l.reentrant {
            "cannot release un-acquired lock"
        } else {
            "release unlocked lock"
        }));
    }
    l.count.set(l.count.get() - 1);
    Ok(Value::NONE)
}

fn lock_exit(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    lock_release(vm, Args::new(vec![me]))
}

fn lock_locked(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "locked", &args, 1, 1)?;
    Ok(Value::from_bool(lock_of(vm, &args.pos[0])?.count.get() > 0))
}

fn lock_reinit(vm: &mut Vm, args: Args) -> PyResult {
    lock_of(vm, &args.pos[0])?.count.set(0);
    Ok(Value::NONE)
}

fn lock_repr(vm: &mut Vm, args: Args) -> PyResult {
    let me = &args.pos[0];
    let l = lock_of(vm, me)?;
    let addr = me.bits() & 0xFFFF_FFFF_FFFF;
    let state = if l.count.get() > 0 {
        "locked"
    } else {
        "unlocked"
    };
    let s = if l.reentrant {
        let owner = if l.count.get() > 0 { MAIN_IDENT } else { 0 };
        format!(
            "<{state} _thread.RLock object owner={owner} count={} at {addr:#x}>",
            l.count.get()
        )
    } else {
        format!("<{state} _thread.lock object at {addr:#x}>")
    };
    Ok(vm.new_string(s))
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(lock_of(vm, &args.pos[0])?.count.get() > 0))
}

fn rlock_count(vm: &mut Vm, args: Args) -> PyResult {
    let n = lock_of(vm, &args.pos[0])?.count.get();
    Ok(vm.new_int(n as i64))
}

/// `_release_save()`: fully releases, returning the state to restore.
fn rlock_release_save(vm: &mut Vm, args: Args) -> PyResult {
    let l = lock_of(vm, &args.pos[0])?;
    let n = l.count.get();
    if n == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    l.count.set(0);
    let c = vm.new_int(n as i64);
    let o = vm.new_int(MAIN_IDENT);
    Ok(vm.new_tuple(vec![c, o]))
}

fn rlock_acquire_restore(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "_acquire_restore", &args, 2, 2)?;
    let state = vm.iterate(&args.pos[1])?;
    let n = state
        .first()
        .and_then(crate::num::as_i64)
        .ok_or_else(|| vm.type_error("_acquire_restore() argument must be (count, owner)"))?;
    lock_of(vm, &args.pos[0])?.count.set(n.max(0) as u64);
    Ok(Value::NONE)
}

fn new_lock(vm: &Vm, ty: &Value, reentrant: bool) -> Value {
    vm.alloc_builtin(
        ty,
        Lock {
            count: Cell::new(0),
            reentrant,
        },
    )
}

fn lock_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(new_lock(vm, &cls, false))
}

fn rlock_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(new_lock(vm, &cls, true))
}

fn module_type(vm: &mut Vm, name: &str) -> PyResult {
    let m = crate::native::import(vm, "_thread")?;
    vm.getattr_str(&m, name)
}

fn allocate_lock(vm: &mut Vm, _args: Args) -> PyResult {
    let t = module_type(vm, "LockType")?;
    Ok(new_lock(vm, &t, false))
}

fn get_ident(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(MAIN_IDENT))
}

fn get_native_id(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(vm.host.getpid() as i64))
}

fn count(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(0))
}

fn start_new_thread(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.runtime_error("can't start new thread: Adder runs one thread until OS threads land"))
}

fn stack_size(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "stack_size", &args, 0, 1)?;
    if let Some(s) = args.pos.first() {
        let n = crate::num::as_i64(s).unwrap_or(-1);
        if n != 0 && n < 32768 {
            return Err(vm.value_error("size not valid: 32768 bytes minimum"));
        }
    }
    Ok(vm.new_int(0))
}

fn interrupt_main(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.new_exception_msg(&vm.t.keyboard_interrupt.clone(), ""))
}

fn thread_exit(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.new_exception(&vm.t.system_exit.clone(), vec![]))
}

fn daemon_threads_allowed(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::TRUE)
}

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let object = vm.t.object.clone();
    let lock_t = new_type(vm, "_thread", "lock", &object, Lock::vtable(), LOCK_KIND, 0);
    let rlock_t = new_type(
        vm,
        "_thread",
        "RLock",
        &object,
        Lock::vtable(),
        LOCK_KIND,
        tflags::BASETYPE,
    );
    vm.set_new(&lock_t, lock_new);
    vm.set_new(&rlock_t, rlock_new);
    for t in [&lock_t, &rlock_t] {
        vm.add_method(t, "acquire", lock_acquire);
        vm.add_method(t, "release", lock_release);
        vm.add_method(t, "__enter__", lock_enter);
        vm.add_method(t, "__exit__", lock_exit);
        vm.add_method(t, "__repr__", lock_repr);
        vm.add_method(t, "_at_fork_reinit", lock_reinit);
    }
    vm.add_method(&lock_t, "locked", lock_locked);
    vm.add_method(&lock_t, "acquire_lock", lock_acquire);
    vm.add_method(&lock_t, "release_lock", lock_release);
    vm.add_method(&lock_t, "locked_lock", lock_locked);
    vm.add_method(&rlock_t, "_is_owned", rlock_is_owned);
    vm.add_method(&rlock_t, "_recursion_count", rlock_count);
    vm.add_method(&rlock_t, "_release_save", rlock_release_save);
    vm.add_method(&rlock_t, "_acquire_restore", rlock_acquire_restore);
    module_set(vm, m, "LockType", lock_t.clone());
    module_set(vm, m, "lock", lock_t);
    module_set(vm, m, "RLock", rlock_t);
    module_add_fns(
        vm,
        m,
        &[
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("_set_sentinel", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("stack_size", stack_size),
            ("interrupt_main", interrupt_main),
            ("exit", thread_exit),
            ("exit_thread", thread_exit),
            ("daemon_threads_allowed", daemon_threads_allowed),
        ],
    );
    let rt = vm.t.runtime_error.clone();
    module_set(vm, m, "error", rt);
    let tmax = vm.new_float(9223372036.0);
    module_set(vm, m, "TIMEOUT_MAX", tmax);
    // `_local`: with one thread, a local is an ordinary object with a
    // `__dict__`; a class made like `class _local: pass` behaves the same.
    let local = crate::builtins::types::new_class(vm, &vm.t.type_.clone(), "_local", vec![], &{
        let ns = vm.new_dict();
        let mn = vm.new_str("_thread");
        crate::ops::dict_set_str(vm, &ns, "__module__", mn)?;
        ns
    })?;
    module_set(vm, m, "_local", local);
    Ok(())
}
