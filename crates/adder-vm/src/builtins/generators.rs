//! Generator, coroutine and async-generator objects' methods: `send`,
//! `throw`, `close`, iteration, and the attributes `gi_*`/`cr_*`.
//!
//! Invariant: a generator is resumed only in the Suspended or Created state;
//! `throw` raises the exception inside the suspended frame at its yield, so
//! the frame's own handlers see it.

use adder_object::Value;

use crate::kinds;
use crate::objects::iter::{delegate_of, GenKind, GenState, Generator};
use crate::vm::{Args, PyResult, Vm};

fn gen_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Generator> {
    v.downcast::<Generator>()
        .ok_or_else(|| vm.type_error("expected a generator"))
}

/// Resumes `g` with `value`: Ok(Ok(yielded)) or Ok(Err(returned)).
pub fn gen_send(vm: &mut Vm, g: &Value, value: Value) -> PyResult<Result<Value, Value>> {
    vm.resume_native(g, value)
}

fn send(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "send", &args, 2, 2)?;
    let g = args.pos[0].clone();
    match gen_send(vm, &g, args.pos[1].clone())? {
        Ok(v) => Ok(v),
        Err(r) => Err(stop_for(vm, &g, r)),
    }
}

fn stop_for(vm: &mut Vm, g: &Value, r: Value) -> Value {
    let kind = g.downcast::<Generator>().map(|x| x.kind);
    if kind == Some(GenKind::AsyncGenerator) {
        return vm.new_exception(&vm.t.stop_async_iteration.clone(), vec![]);
    }
    vm.stop_iteration(r)
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "__next__", &args, 1, 1)?;
    let g = args.pos[0].clone();
    match gen_send(vm, &g, Value::NONE)? {
        Ok(v) => Ok(v),
        Err(r) => Err(stop_for(vm, &g, r)),
    }
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}

/// Raises `exc` inside the generator at its current yield.
pub fn gen_throw(vm: &mut Vm, g: &Value, exc: Value) -> PyResult<Result<Value, Value>> {
    let gen = gen_of(vm, g)?;
    match gen.state.get() {
        GenState::Running => return Err(vm.value_error("generator already executing")),
        GenState::Finished => {
            gen.frame.replace(None);
            return Err(exc);
        }
        GenState::Created => {
            // The frame starts by raising: its first line joins the traceback.
            gen.state.set(GenState::Finished);
            let fr = gen.frame.take();
            if let Some(mut fr) = fr {
                vm.add_traceback(&exc, &mut fr);
            }
            return Err(exc);
        }
        GenState::Suspended => {}
    }
    let Some(fr) = gen.frame.take() else {
        return Err(exc);
    };
    let mut fr = fr;
    gen.state.set(GenState::Running);
    vm.gen_enter(gen);
    fr.gen = g.clone();
    // Suspended inside `yield from`/`await`: the sub-iterator gets it first.
    let mut exc = exc;
    if let Some((target, sub)) = delegate_of(&fr) {
        let is_exit = vm.exc_matches(&exc, &vm.t.generator_exit.clone());
        // The delegating frame is on the frame stack while the sub-iterator
        // runs, so that its frames' `f_back` is this one.
        vm.frames.push(fr);
        let outcome = throw_into_delegate(vm, &sub, &exc, is_exit);
        fr = vm.frames.pop().expect("delegating frame");
        match outcome {
            Ok(Some(Ok(v))) => {
                gen.store_frame(fr);
                gen.state.set(GenState::Suspended);
                vm.gen_leave(gen, false);
                return Ok(Ok(v));
            }
            Ok(Some(Err(ret))) => {
                // The sub-iterator finished: continue after the `yield from`.
                fr.stack.pop();
                fr.stack.push(ret);
                fr.ip = target;
                let r = vm.run(fr);
                return finish(vm, gen, r);
            }
            Ok(None) => {}
            Err(e) => exc = e,
        }
    }
    // The frame resumes by raising: unwind from the yield instruction.
    let r = vm.run_with_exception(fr, exc);
    finish(vm, gen, r)
}

/// Passes a thrown exception to the sub-iterator of a `yield from`:
/// Some(Ok(yielded)), Some(Err(returned)), or None when it has no `throw`
/// (or the exception is GeneratorExit and it was closed).
fn throw_into_delegate(
    vm: &mut Vm,
    sub: &Value,
    exc: &Value,
    is_exit: bool,
) -> PyResult<Option<Result<Value, Value>>> {
    if is_exit {
        return close_sub(vm, sub).map(|_| None);
    }
    if sub.kind() == Some(kinds::GENERATOR) {
        return gen_throw(vm, sub, exc.clone()).map(Some);
    }
    let tn = vm.intern("throw");
    match vm.getattr_opt(sub, &tn)? {
        Some(t) => match vm.call(&t, vec![exc.clone()]) {
            Ok(v) => Ok(Some(Ok(v))),
            Err(e) if vm.exc_matches(&e, &vm.t.stop_iteration.clone()) => {
                Ok(Some(Err(super::exceptions::stop_iteration_value(vm, &e))))
            }
            Err(e) => Err(e),
        },
        None => Ok(None),
    }
}

fn close_sub(vm: &mut Vm, sub: &Value) -> PyResult<()> {
    if sub.kind() == Some(kinds::GENERATOR) {
        return gen_close(vm, sub);
    }
    let cn = vm.intern("close");
    if let Some(c) = vm.getattr_opt(sub, &cn)? {
        vm.call(&c, vec![])?;
    }
    Ok(())
}

/// Stores a generator's frame back after a run, or marks it finished.
pub(crate) fn finish(
    vm: &mut Vm,
    gen: &Generator,
    r: PyResult<crate::eval::Exit>,
) -> PyResult<Result<Value, Value>> {
    let _ = vm;
    match r {
        Ok(crate::eval::Exit::Yield(v, fr)) => {
            gen.store_frame(fr);
            gen.state.set(GenState::Suspended);
            Ok(Ok(v))
        }
        Ok(crate::eval::Exit::Return(v)) => {
            gen.state.set(GenState::Finished);
            Ok(Err(v))
        }
        Err(e) => {
            gen.state.set(GenState::Finished);
            Err(e)
        }
    }
}

fn throw(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 || args.pos.len() > 4 {
        return Err(vm.type_error(format!(
            "throw expected at least 1 argument, got {}",
            args.pos.len().saturating_sub(1)
        )));
    }
    let g = args.pos[0].clone();
    let typ = args.pos[1].clone();
    let val = args.pos.get(2).cloned().unwrap_or(Value::NONE);
    let exc = if vm.is_type(&typ) {
        if !crate::ops::is_subtype(&typ, &vm.t.base_exception) {
            return Err(vm.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                vm.type_name(&typ)
            )));
        }
        if val.kind() == Some(kinds::EXCEPTION) && vm.exc_matches(&val, &typ) {
            val
        } else {
            // Instantiated as the generator resumes: an error doing so is
            // what the generator receives.
            let made = if val.is_none() {
                vm.call(&typ, vec![])
            } else if let Some(t) = val.downcast::<crate::objects::seq::Tuple>() {
                let items = t.items.to_vec();
                vm.call(&typ, items)
            } else {
                vm.call(&typ, vec![val])
            };
            match made {
                Ok(e) if e.kind() == Some(kinds::EXCEPTION) => e,
                Ok(e) => {
                    let tr = vm.repr_string(&typ)?;
                    vm.type_error(format!(
                        "calling {tr} should have returned an instance of BaseException, not {}",
                        vm.type_name(&e)
                    ))
                }
                Err(e) => e,
            }
        }
    } else if typ.kind() == Some(kinds::EXCEPTION) {
        if !val.is_none() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(&typ)
        )));
    };
    if let Some(tb) = args.pos.get(3) {
        if !tb.is_none() && tb.kind() != Some(kinds::TRACEBACK) {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
        if !tb.is_none() {
            if let Some(x) = exc.downcast::<crate::objects::exception::Exception>() {
                x.traceback.set(tb.clone());
            }
        }
    }
    match gen_throw(vm, &g, exc)? {
        Ok(v) => Ok(v),
        Err(r) => Err(stop_for(vm, &g, r)),
    }
}

pub fn gen_close(vm: &mut Vm, g: &Value) -> PyResult<()> {
    let gen = gen_of(vm, g)?;
    if gen.state.get() == GenState::Running {
        return Err(vm.value_error("generator already executing"));
    }
    if gen.state.get() != GenState::Suspended {
        gen.state.set(GenState::Finished);
        gen.frame.replace(None);
        return Ok(());
    }
    let exit = vm.new_exception(&vm.t.generator_exit.clone(), vec![]);
    match gen_throw(vm, g, exit) {
        Ok(Ok(_)) => Err(vm.runtime_error(match gen.kind {
            GenKind::AsyncGenerator => "async generator ignored GeneratorExit",
            _ => "generator ignored GeneratorExit",
        })),
        Ok(Err(_)) => Ok(()),
        Err(e) => {
            if vm.exc_matches(&e, &vm.t.generator_exit.clone())
                || vm.exc_matches(&e, &vm.t.stop_iteration.clone())
            {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "close", &args, 1, 1)?;
    gen_close(vm, &args.pos[0])?;
    Ok(Value::NONE)
}

fn gi_running(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Value::from_bool(
        gen_of(vm, v)?.state.get() == GenState::Running,
    ))
}
fn gi_suspended(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Value::from_bool(
        gen_of(vm, v)?.state.get() == GenState::Suspended,
    ))
}
/// `gi_frame`: None once finished; the frame object of the suspended
/// frame (its `f_back` is None), or of the running one.
fn gi_frame(vm: &mut Vm, v: &Value) -> PyResult {
    let g = gen_of(vm, v)?;
    match g.state.get() {
        GenState::Finished => Ok(Value::NONE),
        GenState::Running => {
            let Some(i) = vm.frames.iter().position(|f| f.gen.is(v)) else {
                return Ok(Value::NONE);
            };
            crate::builtins::frames::stack_frame_objects(vm);
            Ok(Vm::none_if_null(vm.frames[i].obj.clone()))
        }
        GenState::Created | GenState::Suspended => {
            // Out of the cell while the frame object is made (allocation
            // may run the collector, which reads the cell).
            let taken = g.frame.take();
            Ok(match taken {
                Some(mut f) => {
                    let o = crate::builtins::frames::suspended_frame_object(vm, &mut f);
                    g.frame.replace(Some(f));
                    o
                }
                None => Value::NONE,
            })
        }
    }
}
fn gi_code(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(gen_of(vm, v)?.code.clone())
}
fn gen_name(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(gen_of(vm, v)?.name())
}
/// `__name__`/`__qualname__` must be set to a str (NULL: `del`).
fn check_name(vm: &Vm, n: &Value, what: &str) -> PyResult<()> {
    if n.is_null() || n.kind() != Some(kinds::STR) {
        return Err(vm.type_error(format!("{what} must be set to a string object")));
    }
    Ok(())
}
fn gen_set_name(vm: &mut Vm, v: &Value, n: Value) -> PyResult<()> {
    check_name(vm, &n, "__name__")?;
    let q = gen_of(vm, v)?.qualname();
    let names = vm.new_tuple(vec![n, q]);
    gen_of(vm, v)?.names.set(names);
    Ok(())
}
fn gen_qualname(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(gen_of(vm, v)?.qualname())
}
fn gen_set_qualname(vm: &mut Vm, v: &Value, n: Value) -> PyResult<()> {
    check_name(vm, &n, "__qualname__")?;
    let name = gen_of(vm, v)?.name();
    let names = vm.new_tuple(vec![name, n]);
    gen_of(vm, v)?.names.set(names);
    Ok(())
}
fn gi_yieldfrom(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(gen_of(vm, v)?.delegate().unwrap_or(Value::NONE))
}

pub fn init(vm: &mut Vm) {
    let g = vm.t.generator.clone();
    vm.add_method(&g, "send", send);
    vm.add_method(&g, "throw", throw);
    vm.add_method(&g, "close", close);
    vm.add_method(&g, "__next__", next);
    vm.add_method(&g, "__iter__", iter_self);
    vm.add_getset(&g, "gi_running", gi_running, None);
    vm.add_getset(&g, "gi_suspended", gi_suspended, None);
    vm.add_getset(&g, "gi_frame", gi_frame, None);
    vm.add_getset(&g, "gi_code", gi_code, None);
    vm.add_getset(&g, "gi_yieldfrom", gi_yieldfrom, None);
    let c = vm.t.coroutine.clone();
    vm.add_method(&c, "send", send);
    vm.add_method(&c, "throw", throw);
    vm.add_method(&c, "close", close);
    vm.add_getset(&c, "cr_running", gi_running, None);
    vm.add_getset(&c, "cr_suspended", gi_suspended, None);
    vm.add_getset(&c, "cr_frame", gi_frame, None);
    vm.add_getset(&c, "cr_code", gi_code, None);
    vm.add_getset(&c, "cr_await", gi_yieldfrom, None);
    vm.add_method(&c, "__await__", super::coro::coro_await);
    let a = vm.t.async_generator.clone();
    vm.add_method(&a, "__aiter__", iter_self);
    vm.add_method(&a, "__anext__", super::coro::agen_anext);
    vm.add_method(&a, "asend", super::coro::agen_asend);
    vm.add_method(&a, "athrow", super::coro::agen_athrow);
    vm.add_method(&a, "aclose", super::coro::agen_aclose);
    vm.add_getset(&a, "ag_running", gi_running, None);
    vm.add_getset(&a, "ag_frame", gi_frame, None);
    vm.add_getset(&a, "ag_code", gi_code, None);
    for t in [g, c, a] {
        vm.add_getset_del(&t, "__name__", gen_name, gen_set_name);
        vm.add_getset_del(&t, "__qualname__", gen_qualname, gen_set_qualname);
    }
}

impl Vm {
    /// A generator's frame starts running: its own handled exception (from
    /// an `except` block it yielded inside) becomes the current one, and
    /// the resumer's is kept underneath.
    pub fn gen_enter(&mut self, gen: &Generator) {
        let own = gen.exc_state.replace(Value::NONE);
        let outer = std::mem::replace(&mut self.exc_info, own);
        self.exc_outer.push(outer);
    }

    /// The generator's frame stops running (yield, return, exception):
    /// it keeps its own handled exception, the resumer's comes back.
    pub fn gen_leave(&mut self, gen: &Generator, finished: bool) {
        let outer = self.exc_outer.pop().unwrap_or(Value::NONE);
        let own = std::mem::replace(&mut self.exc_info, outer);
        gen.exc_state.set(if finished { Value::NONE } else { own });
    }

    /// The exception being handled, as `sys.exc_info()` sees it.
    pub fn handled_exception(&self) -> Value {
        if !self.exc_info.is_none() && !self.exc_info.is_null() {
            return self.exc_info.clone();
        }
        for e in self.exc_outer.iter().rev() {
            if !e.is_none() && !e.is_null() {
                return e.clone();
            }
        }
        Value::NONE
    }
}
