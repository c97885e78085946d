//! Awaitables: `await` on coroutines and objects with `__await__`,
//! `async for` (`__aiter__`/`__anext__`), and async generators' awaitables
//! (`__anext__`, `asend`, `athrow`, `aclose`).
//!
//! Invariant: a value an async generator yields is wrapped (`AsyncGenWrap`)
//! before it leaves the frame, so the awaitable driving the generator can
//! tell "the generator produced an item" (→ StopIteration(item)) from "an
//! inner await suspended" (→ pass the value up to the event loop).

use std::cell::Cell;

use adder_object::{Value, ValueCell};

use crate::kinds;
use crate::objects::iter::{CoroWrapper, GenKind, Generator};
use crate::ops::type_lookup;
use crate::vm::{Args, PyResult, Vm};

const OP_AWAIT: u8 = 0;
const OP_ANEXT: u8 = 1;
const OP_ASEND: u8 = 2;
const OP_ATHROW: u8 = 3;
const OP_ACLOSE: u8 = 4;
const OP_WRAPPED: u8 = 5;

fn wrapper(vm: &Vm, gen: Value, op: u8, arg: Value) -> Value {
    vm.alloc_builtin(
        &vm.t.coro_wrapper,
        CoroWrapper {
            gen,
            op: Cell::new(op),
            arg: ValueCell::new(arg),
            started: Cell::new(false),
        },
    )
}

pub fn wrap_async_gen_value(vm: &mut Vm, v: Value) -> Value {
    wrapper(vm, Value::NONE, OP_WRAPPED, v)
}

fn unwrap_value(v: &Value) -> Option<Value> {
    let w = v.downcast::<CoroWrapper>()?;
    (w.op.get() == OP_WRAPPED).then(|| w.arg.get())
}

/// `GET_AWAITABLE`.
pub fn get_awaitable(vm: &mut Vm, v: &Value, where_: u32) -> PyResult {
    if let Some(g) = v.downcast::<Generator>() {
        if g.kind == GenKind::Coroutine {
            if g.state.get() == crate::objects::iter::GenState::Running || g.delegate().is_some() {
                return Err(vm.runtime_error("coroutine is being awaited already"));
            }
            return Ok(v.clone());
        }
        if g.kind == GenKind::Generator {
            let is_iter_coro = g
                .frame
                .peek(|f| f.code().code.flags & adder_bytecode::flags::ITERABLE_COROUTINE != 0)
                .unwrap_or(false);
            if is_iter_coro {
                return Ok(v.clone());
            }
        }
    }
    if v.kind() == Some(kinds::CORO_WRAPPER) {
        return Ok(v.clone());
    }
    let t = vm.type_of(v);
    let an = vm.names.__await__.clone();
    match type_lookup(&t, &an) {
        Some(f) => {
            let it = vm.call_method_value(&f, v, vec![])?;
            if it
                .downcast::<Generator>()
                .is_some_and(|g| g.kind == GenKind::Coroutine)
            {
                return Err(vm.type_error("__await__() returned a coroutine"));
            }
            let nn = vm.names.__next__.clone();
            if it.kind() != Some(kinds::GENERATOR)
                && it.kind() != Some(kinds::CORO_WRAPPER)
                && type_lookup(&vm.type_of(&it), &nn).is_none()
            {
                return Err(vm.type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    vm.type_name(&it)
                )));
            }
            Ok(it)
        }
        None => {
            let msg = match where_ {
                1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", vm.type_name(v)),
                2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", vm.type_name(v)),
                _ => format!("object {} can't be used in 'await' expression", vm.type_name(v)),
            };
            Err(vm.type_error(msg))
        }
    }
}

pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult {
    let n = vm.names.__aiter__.clone();
    match vm.call_special(v, &n, vec![])? {
        Some(it) => {
            let an = vm.names.__anext__.clone();
            if type_lookup(&vm.type_of(&it), &an).is_none() {
                return Err(vm.type_error(format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    vm.type_name(&it)
                )));
            }
            Ok(it)
        }
        None => Err(vm.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            vm.type_name(v)
        ))),
    }
}

pub fn get_anext(vm: &mut Vm, v: &Value) -> PyResult {
    let n = vm.names.__anext__.clone();
    match vm.call_special(v, &n, vec![])? {
        Some(aw) => get_awaitable(vm, &aw, 0).map_err(|_| {
            vm.type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                vm.type_name(&aw)
            ))
        }),
        None => Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            vm.type_name(v)
        ))),
    }
}

pub fn coro_await(vm: &mut Vm, args: Args) -> PyResult {
    Ok(wrapper(vm, args.pos[0].clone(), OP_AWAIT, Value::NULL))
}
pub fn agen_anext(vm: &mut Vm, args: Args) -> PyResult {
    Ok(wrapper(vm, args.pos[0].clone(), OP_ANEXT, Value::NONE))
}
pub fn agen_asend(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "asend", &args, 2, 2)?;
    Ok(wrapper(
        vm,
        args.pos[0].clone(),
        OP_ASEND,
        args.pos[1].clone(),
    ))
}
pub fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error("athrow expected at least 1 argument, got 0"));
    }
    let mut exc = args.pos[1].clone();
    if vm.is_type(&exc) {
        exc = vm.call(&exc, args.pos[2..].to_vec())?;
    }
    Ok(wrapper(vm, args.pos[0].clone(), OP_ATHROW, exc))
}
pub fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult {
    Ok(wrapper(vm, args.pos[0].clone(), OP_ACLOSE, Value::NONE))
}

/// One step of a wrapper: send `v` (or throw `exc`) into the underlying generator.
fn step(vm: &mut Vm, w: &Value, v: Value, exc: Option<Value>) -> PyResult {
    let cw = w.downcast::<CoroWrapper>().unwrap();
    let gen = cw.gen.clone();
    let op = cw.op.get();
    let first = !cw.started.replace(true);
    let result = if let Some(e) = exc {
        super::generators::gen_throw(vm, &gen, e)
    } else if op == OP_ATHROW && first {
        super::generators::gen_throw(vm, &gen, cw.arg.get())
    } else if op == OP_ACLOSE && first {
        let e = vm.new_exception(&vm.t.generator_exit.clone(), vec![]);
        match super::generators::gen_throw(vm, &gen, e) {
            Ok(Ok(y)) if unwrap_value(&y).is_some() => {
                return Err(vm.runtime_error("async generator ignored GeneratorExit"))
            }
            Ok(Ok(y)) => Ok(Ok(y)),
            Ok(Err(_)) => return Err(vm.stop_iteration(Value::NONE)),
            Err(e)
                if vm.exc_matches(&e, &vm.t.generator_exit.clone())
                    || vm.exc_matches(&e, &vm.t.stop_async_iteration.clone()) =>
            {
                return Err(vm.stop_iteration(Value::NONE))
            }
            Err(e) => Err(e),
        }
    } else {
        let send = if op == OP_ASEND && first {
            cw.arg.get()
        } else {
            v
        };
        if gen.kind() == Some(kinds::GENERATOR) {
            super::generators::gen_send(vm, &gen, send)
        } else {
            return Err(vm.type_error("bad awaitable"));
        }
    };
    match result {
        Ok(Ok(y)) => {
            if op == OP_AWAIT {
                return Ok(y);
            }
            match unwrap_value(&y) {
                Some(item) => Err(vm.stop_iteration(item)),
                None => Ok(y),
            }
        }
        Ok(Err(r)) => {
            if op == OP_AWAIT {
                Err(vm.stop_iteration(r))
            } else {
                Err(vm.new_exception(&vm.t.stop_async_iteration.clone(), vec![]))
            }
        }
        Err(e) => Err(e),
    }
}

fn w_send(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "send", &args, 2, 2)?;
    step(vm, &args.pos[0], args.pos[1].clone(), None)
}
fn w_next(vm: &mut Vm, args: Args) -> PyResult {
    step(vm, &args.pos[0], Value::NONE, None)
}
fn w_throw(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    }
    let mut exc = args.pos[1].clone();
    if vm.is_type(&exc) {
        exc = vm.call(
            &exc,
            args.pos[2..]
                .iter()
                .filter(|v| !v.is_none())
                .cloned()
                .collect(),
        )?;
    }
    step(vm, &args.pos[0], Value::NONE, Some(exc))
}
fn w_close(vm: &mut Vm, args: Args) -> PyResult {
    let cw = args.pos[0].downcast::<CoroWrapper>().unwrap();
    let g = cw.gen.clone();
    if g.kind() == Some(kinds::GENERATOR) && cw.op.get() == OP_AWAIT {
        super::generators::gen_close(vm, &g)?;
    }
    Ok(Value::NONE)
}
fn w_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}

pub fn init(vm: &mut Vm) {
    let w = vm.t.coro_wrapper.clone();
    vm.add_method(&w, "send", w_send);
    vm.add_method(&w, "__next__", w_next);
    vm.add_method(&w, "throw", w_throw);
    vm.add_method(&w, "close", w_close);
    vm.add_method(&w, "__iter__", w_iter);
    vm.add_method(&w, "__await__", w_iter);
}
