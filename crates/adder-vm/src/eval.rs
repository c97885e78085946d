//! The interpreter loop.
//!
//! Invariants: the running frame is a local of `run`; its callers are on
//! `vm.frames`. A Python call from Python code pushes the caller and switches
//! frames inside the same `run` invocation, so the Rust stack does not grow
//! with Python recursion; only native code that calls back into Python
//! enters `run` again (and `check_stack` bounds that). A frame entered by
//! `run` itself is a *boundary*: when it returns or yields, `run` returns.

use adder_bytecode::opcode::{format_value as fv, intrinsic, make_function as mf, split_pair};
use adder_bytecode::{BinOp, CmpOp, Opcode, UnOp};
use adder_object::Value;

use crate::frame::Frame;
use crate::kinds;
use crate::objects::cell::Cell;
use crate::objects::dict::Dict;
use crate::objects::function::{Code, Function, Native};
use crate::objects::iter::{GenState, Generator};
use crate::objects::seq::{List, Tuple};
use crate::objects::set::Set;
use crate::objects::string::Str;
use crate::ops::{dict_get_strkey, dict_set_strkey};
use crate::slots::Slots;
use crate::vm::{ArgVec, Args, PyResult, Vm};

/// How a boundary frame left `run`.
pub enum Exit {
    Return(Value),
    Yield(Value, Box<Frame>),
}

enum Control {
    Call(Box<Frame>),
    /// A native call that needs to see the calling frame on `vm.frames`
    /// (zero-argument `super()`, `locals()`, `exec` without globals...).
    CallNative(Value, Args),
    Return(Value),
    Yield(Value),
    Error(Value),
}

/// An operand as f64 for the float fast paths: inline floats, and small
/// ints (below 2^47 in magnitude, so exactly representable).
#[inline(always)]
fn as_fast_f64(v: &Value) -> Option<f64> {
    match v.as_inline_float() {
        Some(x) => Some(x),
        None => v.as_small_int().map(|i| i as f64),
    }
}

/// `a op b` when at least one side is a float (or for `/` on small ints),
/// for the operators whose float result needs no special error handling.
#[inline(always)]
fn fast_float_binop(a: &Value, b: &Value, op: BinOp) -> Option<f64> {
    if !(a.is_float() || b.is_float() || op == BinOp::TrueDiv) {
        return None;
    }
    let (x, y) = (as_fast_f64(a)?, as_fast_f64(b)?);
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mul => Some(x * y),
        BinOp::TrueDiv if y != 0.0 => Some(x / y),
        // A positive finite base with a finite result: C's `pow` exactly,
        // as float.__pow__ computes it (no complex result, no error).
        BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            Some(x.powf(y)).filter(|r| r.is_finite())
        }
        _ => None,
    }
}

/// Comparison when at least one side is a float and the other a float or
/// small int (exact: small ints convert to f64 without rounding).
#[inline(always)]
fn fast_float_compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    if !(a.is_float() || b.is_float()) {
        return None;
    }
    let (x, y) = (as_fast_f64(a)?, as_fast_f64(b)?);
    Some(op.apply(&x, &y))
}

/// `Vec::push` for the frame stack and pool, always in line (the calls
/// and returns of the loop do one each; the std one stayed a call).
// Boxed frames: a frame moves between the stack, the loop and generators
// without copying (frame.rs).
#[allow(clippy::vec_box)]
#[inline(always)]
fn push_frame(v: &mut Vec<Box<Frame>>, f: Box<Frame>) {
    if v.len() == v.capacity() {
        v.reserve(1);
    }
    let n = v.len();
    // SAFETY: `n < capacity` after the reserve; the slot is written before
    // the length covers it.
    unsafe {
        v.as_mut_ptr().add(n).write(f);
        v.set_len(n + 1);
    }
}

/// Stores into a slot known to be NULL (a cleared, pooled frame's) without
/// running a drop for the old value.
#[inline(always)]
fn put_unset(slot: &mut Value, v: Value) {
    let old = std::mem::replace(slot, v);
    debug_assert!(old.is_null());
    std::mem::forget(old);
}

/// The truth of a bool, `None` or small int without a call (`None`: ask
/// `truthy`).
#[inline(always)]
fn quick_truth(v: &Value) -> Option<bool> {
    if let Some(b) = v.as_bool() {
        return Some(b);
    }
    if v.is_none() {
        return Some(false);
    }
    v.as_small_int().map(|i| i != 0)
}

/// Branch fusion: when the instruction after a comparison is a plain
/// `PopJumpIfFalse`/`PopJumpIfTrue`, takes that branch on `r` at once
/// (no bool pushed, popped and tested, no second dispatch) and returns true.
#[inline(always)]
fn fuse_branch(words: &[u32], ip: &mut usize, r: bool) -> bool {
    let Some(&w) = words.get(*ip) else {
        return false;
    };
    let op = (w & 0xFF) as u8;
    let jump_if = if op == Opcode::PopJumpIfFalse as u8 {
        false
    } else if op == Opcode::PopJumpIfTrue as u8 {
        true
    } else {
        return false;
    };
    *ip = if r == jump_if {
        (w >> 8) as usize
    } else {
        *ip + 1
    };
    true
}

/// The modification counter of a dict (u64::MAX for a non-dict mapping,
/// which disables caching).
#[inline(always)]
fn dict_version(d: &Value) -> u64 {
    match d.downcast::<Dict>() {
        // SAFETY: one word is read and the reference dropped at once; no
        // code runs meanwhile (a table being mutated reads as MAX).
        Some(dict) => unsafe { dict.table.try_borrow_unguarded() }.map_or(u64::MAX, |t| t.version),
        None => u64::MAX,
    }
}

/// The layout of a plain call to a function (`Vm::fast_frame`): what
/// fills its fast slots besides the arguments, read from the function
/// without counting references (nothing runs while a shape lives).
struct CallShape<'a> {
    func: &'a Function,
    code: &'a Value,
    /// Defaults for the missing trailing positionals.
    missing: &'a [Value],
    nlocals: usize,
    frees: &'a [Value],
    stacksize: usize,
}

impl<'a> CallShape<'a> {
    /// None when a call with `argc` exact positionals needs the general
    /// path (keywords, `*args`, cells, generators, too few or many).
    #[inline(always)]
    fn of(func: &'a Function, argc: usize) -> Option<CallShape<'a>> {
        // SAFETY: read only (cloned once in `fill`), and nothing runs
        // while the shape lives.
        let code = unsafe { func.code.peek() };
        let co = &code.downcast::<Code>()?.code;
        let slow = adder_bytecode::flags::VARARGS
            | adder_bytecode::flags::VARKEYWORDS
            | adder_bytecode::flags::GENERATOR
            | adder_bytecode::flags::COROUTINE
            | adder_bytecode::flags::ASYNC_GENERATOR;
        let argcount = co.argcount as usize;
        if argc > argcount
            || co.flags & slow != 0
            || co.kwonlyargcount != 0
            || !co.cellvars.is_empty()
        {
            return None;
        }
        // SAFETY: as above.
        let defaults = unsafe { func.defaults.peek() };
        let defs: &[Value] = match defaults.downcast::<Tuple>() {
            Some(t) => &t.items,
            None => &[],
        };
        if argc + defs.len() < argcount {
            return None;
        }
        let missing = if argc < argcount {
            // The last `argcount - argc` defaults (`__defaults__` may be
            // longer than the parameter list).
            &defs[defs.len() - (argcount - argc)..]
        } else {
            &[]
        };
        let frees: &[Value] = match func.closure.downcast::<Tuple>() {
            Some(t) => &t.items,
            None => &[],
        };
        Some(CallShape {
            func,
            code,
            missing,
            nlocals: co.varnames.len(),
            frees,
            stacksize: co.stacksize as usize,
        })
    }

    /// Sets a pooled frame's code, function (`fv`, owned) and borrowed
    /// globals and builtins.
    #[inline(always)]
    fn fill(&self, fr: &mut Frame, fv: Value) {
        // A pooled frame's fields are all NULL: fill them without drops.
        put_unset(&mut fr.code, self.code.clone());
        // SAFETY: bit copies without a count: the frame owns the function,
        // whose read-only globals and builtins outlive it
        // (`Frame::env_borrowed`).
        unsafe {
            put_unset(&mut fr.globals, Value::from_raw(self.func.globals.bits()));
            put_unset(&mut fr.builtins, Value::from_raw(self.func.builtins.bits()));
        }
        fr.env_borrowed = true;
        put_unset(&mut fr.func, fv);
    }
}

/// What `Vm::call_frame` made of a call from the loop.
enum FastCall {
    /// A frame to run in the loop.
    Frame(Box<Frame>),
    /// Answered in line: the result replaced callee and arguments.
    Done,
    /// The general path.
    Slow,
}

/// What a call made from the loop still needs the loop to do.
enum Pending {
    Frame(Box<Frame>),
    Native(Value, Args),
}

impl Pending {
    fn into_control(self) -> Control {
        match self {
            Pending::Frame(f) => Control::Call(f),
            Pending::Native(c, a) => Control::CallNative(c, a),
        }
    }
}

/// Natives that read the calling frame.
fn needs_frame(vm: &Vm, callee: &Value) -> bool {
    // `type(name, bases, ns)` reads `__module__` from the caller's globals.
    if callee.is(&vm.t.super_) || callee.is(&vm.t.type_) {
        return true;
    }
    // Instantiating a class runs `__init__` from native code: its caller
    // must be on the frame stack for `sys._getframe` and warnings.
    if let Some(t) = callee.downcast::<crate::objects::types::TypeObject>() {
        return t.has_flag(crate::objects::types::tflags::HEAPTYPE);
    }
    match callee.downcast::<Native>() {
        Some(n) => n.self_.is_null() && n.needs_frame,
        None => false,
    }
}

macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Control::Error(e),
        }
    };
}

impl Vm {
    /// Runs a frame to completion from native code.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult {
        match self.run(frame)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(..) => Err(self.system_error("frame yielded outside a generator")),
        }
    }

    /// Runs `frame` (a boundary) until it returns or yields.
    pub fn run(&mut self, mut frame: Box<Frame>) -> PyResult<Exit> {
        frame.boundary = true;
        self.check_stack()?;
        if self.depth >= self.recursion_limit {
            return Err(
                self.new_exception_msg(&self.t.recursion_error, "maximum recursion depth exceeded")
            );
        }
        self.depth += 1;
        let r = self.run_loop(frame, None);
        self.depth -= 1;
        r
    }

    /// Like `run`, but the frame resumes by raising `exc` at its current
    /// instruction (generator `throw`).
    pub fn run_with_exception(&mut self, mut frame: Box<Frame>, exc: Value) -> PyResult<Exit> {
        frame.boundary = true;
        self.check_stack()?;
        self.depth += 1;
        let r = self.run_loop(frame, Some(exc));
        self.depth -= 1;
        r
    }

    fn run_loop(&mut self, mut f: Box<Frame>, first_error: Option<Value>) -> PyResult<Exit> {
        let base_depth = self.depth;
        let mut pending: Option<Value> = first_error;
        loop {
            let ctl = match pending.take() {
                Some(e) => Control::Error(e),
                None => self.execute(&mut f),
            };
            match ctl {
                Control::Call(new) => {
                    if self.fuel == 0 {
                        pending = Some(self.fuel_exhausted());
                        continue;
                    }
                    self.fuel -= 1;
                    if self.depth >= self.recursion_limit {
                        let e = self.new_exception_msg(
                            &self.t.recursion_error,
                            "maximum recursion depth exceeded",
                        );
                        // The callee never started: raise in the caller.
                        if !new.gen.is_null() {
                            let g = new.gen.clone();
                            let gen = g.downcast::<Generator>().unwrap();
                            gen.state.set(GenState::Suspended);
                            self.gen_leave(gen, false);
                            gen.store_frame(new);
                        }
                        pending = Some(e);
                        continue;
                    }
                    self.depth += 1;
                    self.frames.push(f);
                    f = new;
                }
                Control::CallNative(callee, args) => {
                    self.frames.push(f);
                    let r = self.call_args(&callee, args);
                    f = self.frames.pop().expect("calling frame");
                    match r {
                        Ok(v) => f.stack.push(v),
                        Err(e) => pending = Some(e),
                    }
                }
                Control::Return(v) => {
                    let was_gen = !f.gen.is_null();
                    if was_gen {
                        let g = f.gen.clone();
                        let gen = g.downcast::<Generator>().unwrap();
                        gen.state.set(GenState::Finished);
                        self.gen_leave(gen, true);
                    }
                    if f.boundary {
                        return Ok(Exit::Return(v));
                    }
                    self.depth -= 1;
                    let done = f;
                    f = self.frames.pop().expect("caller frame");
                    let init = done.init;
                    self.recycle_frame(done);
                    if init {
                        // The instance is on the caller's stack already.
                        if !v.is_none() {
                            pending = Some(self.init_returned(&v));
                        }
                        continue;
                    }
                    if was_gen {
                        // The resuming instruction decides what a finished generator means.
                        let code = f.code.clone();
                        let c = code.downcast::<Code>().unwrap();
                        match c.code.decode(f.lasti) {
                            Some((Opcode::ForIter, target, _)) => {
                                f.stack.pop();
                                f.ip = target as usize;
                            }
                            Some((Opcode::Send, target, _)) => {
                                f.stack.pop();
                                f.stack.push(v);
                                f.ip = target as usize;
                            }
                            _ => f.stack.push(v),
                        }
                    } else {
                        f.stack.push(v);
                    }
                }
                Control::Yield(v) => {
                    let g = f.gen.clone();
                    if let Some(gen) = g.downcast::<Generator>() {
                        gen.state.set(GenState::Suspended);
                        self.gen_leave(gen, false);
                    }
                    if f.boundary {
                        return Ok(Exit::Yield(v, f));
                    }
                    self.depth -= 1;
                    let caller = self.frames.pop().expect("caller frame");
                    let gen_frame = std::mem::replace(&mut f, caller);
                    g.downcast::<Generator>().unwrap().store_frame(gen_frame);
                    f.stack.push(v);
                }
                Control::Error(e) => {
                    if !std::mem::take(&mut self.reraising) {
                        // A fresh exception (no traceback yet) raised while
                        // another is handled chains to it, wherever it was
                        // raised (native code included).
                        let fresh = e
                            .downcast::<crate::objects::exception::Exception>()
                            .is_some_and(|x| x.traceback.get().is_none());
                        if fresh {
                            self.set_context(&e);
                        }
                        self.add_traceback(&e, &mut f);
                    }
                    let code = f.code.clone();
                    let c = code.downcast::<Code>().unwrap();
                    let at = self.unwind_from.take().unwrap_or(f.lasti);
                    if let Some(h) = c.code.handler_for(at as u32) {
                        let depth = h.depth as usize;
                        f.stack.truncate(depth);
                        if h.push_lasti {
                            f.stack.push(Value::small_int(f.lasti as i64).unwrap());
                        }
                        f.stack.push(e);
                        f.ip = h.target as usize;
                        continue;
                    }
                    // The frame is done; the exception propagates. Its frame
                    // object (if any) keeps the line it left from.
                    crate::builtins::frames::refresh_object(&f);
                    let mut e = e;
                    if !f.gen.is_null() {
                        let g = f.gen.clone();
                        let gen = g.downcast::<Generator>().unwrap();
                        gen.state.set(GenState::Finished);
                        self.gen_leave(gen, true);
                        e = self.generator_exit_exception(gen, e);
                    }
                    if f.boundary {
                        return Err(e);
                    }
                    self.depth -= 1;
                    let _ = base_depth;
                    f = self.frames.pop().expect("caller frame");
                    pending = Some(e);
                }
            }
        }
    }

    /// The error raised once the instruction budget (`Config::fuel`) is
    /// spent. The budget stays at zero, so every later back-edge or call
    /// raises again and a program cannot catch its way past the limit.
    fn fuel_exhausted(&self) -> Value {
        self.runtime_error("execution budget exhausted")
    }

    /// Runs `f` one level deeper in the interpreter's single recursion
    /// count (CPython counts native re-entry such as nested `repr` against
    /// the same limit as Python calls).
    /// `what` completes the message ("while getting the repr of an object").
    pub fn nested<T>(&mut self, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        if self.depth >= self.recursion_limit {
            let msg = format!("maximum recursion depth exceeded{what}");
            return Err(self.new_exception_msg(&self.t.recursion_error, msg));
        }
        self.check_stack()?;
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// PEP 479: StopIteration escaping a generator becomes RuntimeError.
    pub fn generator_exit_exception(&mut self, gen: &Generator, e: Value) -> Value {
        use crate::objects::iter::GenKind;
        let si = self.t.stop_iteration.clone();
        let sai = self.t.stop_async_iteration.clone();
        let msg = if self.exc_matches(&e, &si) {
            Some(match gen.kind {
                GenKind::Generator => "generator raised StopIteration",
                GenKind::Coroutine => "coroutine raised StopIteration",
                GenKind::AsyncGenerator => "async generator raised StopIteration",
            })
        } else if gen.kind == GenKind::AsyncGenerator && self.exc_matches(&e, &sai) {
            Some("async generator raised StopAsyncIteration")
        } else {
            None
        };
        match msg {
            Some(m) => {
                let r = self.runtime_error(m);
                self.set_cause(&r, e);
                r
            }
            None => e,
        }
    }

    fn set_cause(&self, exc: &Value, cause: Value) {
        if let Some(x) = exc.downcast::<crate::objects::exception::Exception>() {
            x.cause.set(cause.clone());
            x.context.set(cause);
            x.suppress_context.set(true);
        }
    }

    /// Appends the frame's position to the exception's traceback (innermost last).
    pub(crate) fn add_traceback(&mut self, e: &Value, f: &mut Frame) {
        let Some(x) = e.downcast::<crate::objects::exception::Exception>() else {
            return;
        };
        let frame = crate::builtins::frames::frame_for_traceback(self, f);
        let tb = self.alloc_builtin(
            &self.t.traceback,
            crate::objects::exception::Traceback {
                code: f.code.clone(),
                lasti: f.lasti as u32 * 2,
                lineno: f.lineno(),
                next: adder_object::ValueCell::new(x.traceback.get()),
                frame,
            },
        );
        // Tracebacks are built innermost-first as we unwind; `next` points
        // outward here and printing reverses it (see `traceback.rs`).
        x.traceback.set(tb);
    }

    /// Executes instructions of `f` until control leaves it.
    ///
    /// Plain Python-to-Python calls and returns switch `f` in place (the
    /// caller goes on `vm.frames`, as `run_loop` would put it) without
    /// leaving this function; everything else goes back to `run_loop`.
    fn execute(&mut self, slot: &mut Box<Frame>) -> Control {
        // Enters a frame built by `fast_frame` in place when the fuel and
        // recursion checks pass (otherwise `run_loop` raises for it).
        macro_rules! enter {
            ($l:lifetime, $fr:expr) => {{
                let fr = $fr;
                if self.fuel == 0 || self.depth >= self.recursion_limit {
                    return Control::Call(fr);
                }
                self.fuel -= 1;
                self.depth += 1;
                let caller = std::mem::replace(slot, fr);
                push_frame(&mut self.frames, caller);
                continue $l;
            }};
        }
        'frame: loop {
            // A plain reference for the loop: one load less per access than
            // going through the Box.
            let f: &mut Frame = slot;
            let codev = f.code.clone();
            let code: &Code = codev.downcast::<Code>().unwrap();
            let words: &[u32] = &code.code.code;
            loop {
                let Some(&w) = words.get(f.ip) else {
                    return Control::Error(self.system_error("instruction pointer out of range"));
                };
                f.lasti = f.ip;
                f.ip += 1;
                let mut arg = w >> 8;
                let mut opb = (w & 0xFF) as u8;
                while opb == Opcode::ExtendedArg as u8 {
                    let Some(&w2) = words.get(f.ip) else {
                        return Control::Error(self.system_error("truncated ExtendedArg"));
                    };
                    f.ip += 1;
                    arg = (arg << 24) | (w2 >> 8);
                    opb = (w2 & 0xFF) as u8;
                }
                let Some(op) = Opcode::from_u8(opb) else {
                    return Control::Error(self.system_error(format!("unknown opcode {opb}")));
                };
                match op {
                    Opcode::Nop | Opcode::ExtendedArg => {}
                    Opcode::PopTop => {
                        f.stack.pop();
                    }
                    Opcode::Copy => {
                        let n = f.stack.len();
                        let v = f.stack[n - arg as usize].clone();
                        f.stack.push(v);
                    }
                    Opcode::Swap => {
                        let n = f.stack.len();
                        f.stack.swap(n - 1, n - arg as usize);
                    }
                    Opcode::LoadConst => f.stack.push(code.consts[arg as usize].clone()),
                    Opcode::LoadFast => {
                        let v = &f.stack.locals()[arg as usize];
                        if v.is_null() {
                            return Control::Error(self.unbound_local(code, arg as usize));
                        }
                        let v = v.clone();
                        f.stack.push(v);
                    }
                    Opcode::LoadFastPair => {
                        let (a, b) = split_pair(arg);
                        let locals = f.stack.locals();
                        let (va, vb) = (&locals[a], &locals[b]);
                        if va.is_null() || vb.is_null() {
                            let i = if va.is_null() { a } else { b };
                            return Control::Error(self.unbound_local(code, i));
                        }
                        let (va, vb) = (va.clone(), vb.clone());
                        f.stack.push(va);
                        f.stack.push(vb);
                    }
                    Opcode::LoadFastConst => {
                        let (a, c) = split_pair(arg);
                        let v = &f.stack.locals()[a];
                        if v.is_null() {
                            return Control::Error(self.unbound_local(code, a));
                        }
                        let v = v.clone();
                        f.stack.push(v);
                        f.stack.push(code.consts[c].clone());
                    }
                    Opcode::StoreFastPair => {
                        let (a, b) = split_pair(arg);
                        let v = f.stack.pop().unwrap();
                        f.stack.locals_mut()[a].assign(v);
                        let v = f.stack.pop().unwrap();
                        f.stack.locals_mut()[b].assign(v);
                    }
                    Opcode::StoreFast => {
                        let v = f.stack.pop().unwrap();
                        f.stack.locals_mut()[arg as usize].assign(v);
                    }
                    Opcode::DeleteFast => {
                        if f.stack.locals()[arg as usize].is_null() {
                            return Control::Error(self.unbound_local(code, arg as usize));
                        }
                        f.stack.locals_mut()[arg as usize] = Value::NULL;
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                    }
                    Opcode::LoadDeref | Opcode::LoadClassDeref => {
                        let ci = arg as usize;
                        if op == Opcode::LoadClassDeref {
                            let name = self.cell_name(code, ci);
                            let n = self.intern(&name);
                            if let Some(v) = tri!(self.locals_get(&f.locals, &n)) {
                                f.stack.push(v);
                                continue;
                            }
                        }
                        let cell = &f.stack.locals()[code.code.nlocals() + ci];
                        let v = cell
                            .downcast::<Cell>()
                            .map(|c| c.value.get())
                            .unwrap_or(Value::NULL);
                        if v.is_null() {
                            return Control::Error(self.unbound_deref(code, ci));
                        }
                        f.stack.push(v);
                    }
                    Opcode::StoreDeref => {
                        let v = f.stack.pop().unwrap();
                        if let Some(c) =
                            f.stack.locals()[code.code.nlocals() + arg as usize].downcast::<Cell>()
                        {
                            c.value.set(v);
                        }
                    }
                    Opcode::DeleteDeref => {
                        let ci = arg as usize;
                        let c = f.stack.locals()[code.code.nlocals() + ci].clone();
                        let cell = c.downcast::<Cell>().unwrap();
                        if cell.value.is_null() {
                            return Control::Error(self.unbound_deref(code, ci));
                        }
                        cell.value.set(Value::NULL);
                    }
                    Opcode::LoadClosure => {
                        let c = f.stack.locals()[code.code.nlocals() + arg as usize].clone();
                        f.stack.push(c);
                    }
                    Opcode::LoadName => {
                        let name = &code.names[arg as usize];
                        if !f.locals.is_null() {
                            if let Some(v) = tri!(self.locals_get(&f.locals, name)) {
                                f.stack.push(v);
                                continue;
                            }
                        }
                        if let Some(v) = dict_get_strkey(&f.globals, name) {
                            f.stack.push(v);
                            continue;
                        }
                        let found = if self.is_exact(&f.builtins, &self.t.dict) {
                            dict_get_strkey(&f.builtins, name)
                        } else {
                            // A custom `__builtins__` mapping is subscripted.
                            let b = f.builtins.clone();
                            tri!(self.locals_get(&b, name))
                        };
                        match found {
                            Some(v) => f.stack.push(v),
                            None => return Control::Error(self.name_error(name)),
                        }
                    }
                    Opcode::StoreName => {
                        let v = f.stack.pop().unwrap();
                        let name = code.names[arg as usize].clone();
                        // An exact dict takes the fast path; a `__prepare__` mapping
                        // (even a dict subclass) gets its own `__setitem__`.
                        if self.is_exact(&f.locals, &self.t.dict) {
                            dict_set_strkey(&f.locals, name, v);
                        } else if f.locals.is_null() {
                            dict_set_strkey(&f.globals, name, v);
                        } else {
                            let l = f.locals.clone();
                            tri!(self.setitem(&l, name, v));
                        }
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                    }
                    Opcode::DeleteName => {
                        let name = code.names[arg as usize].clone();
                        let target = if f.locals.is_null() {
                            f.globals.clone()
                        } else {
                            f.locals.clone()
                        };
                        let ok = if target.kind() == Some(kinds::DICT) {
                            crate::ops::dict_del_strkey(&target, &name)
                        } else {
                            self.delitem(&target, &name).is_ok()
                        };
                        if !ok {
                            return Control::Error(self.name_error(&name));
                        }
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                    }
                    Opcode::LoadGlobal => {
                        let gv = dict_version(&f.globals);
                        let bv = dict_version(&f.builtins);
                        // SAFETY: the entry is only read, and nothing runs
                        // before the reference is dropped (the clone runs no code).
                        let cache = unsafe { code.global_cache.try_borrow_unguarded() };
                        if let Some(c) = cache.ok().and_then(|c| c.get(arg as usize)) {
                            if gv != u64::MAX
                                && bv != u64::MAX
                                && c.globals.is(&f.globals)
                                && c.builtins.is(&f.builtins)
                                && c.globals_version == gv
                                && c.builtins_version == bv
                                && !c.value.is_null()
                            {
                                // SAFETY: both dicts are the cached ones at
                                // the cached versions, so the one the value
                                // was found in still holds it.
                                f.stack.push(unsafe { c.value.get() });
                                continue;
                            }
                        }
                        let name = &code.names[arg as usize];
                        if !self.is_exact(&f.globals, &self.t.dict)
                            || !self.is_exact(&f.builtins, &self.t.dict)
                        {
                            // Mappings other than exact dicts are subscripted
                            // (their __getitem__ runs), and nothing is cached.
                            let (g, b) = (f.globals.clone(), f.builtins.clone());
                            let v = match tri!(self.locals_get(&g, name)) {
                                Some(v) => v,
                                None => match tri!(self.locals_get(&b, name)) {
                                    Some(v) => v,
                                    None => return Control::Error(self.name_error(name)),
                                },
                            };
                            f.stack.push(v);
                            continue;
                        }
                        let v = match dict_get_strkey(&f.globals, name) {
                            Some(v) => v,
                            None => match dict_get_strkey(&f.builtins, name) {
                                Some(v) => v,
                                None => return Control::Error(self.name_error(name)),
                            },
                        };
                        {
                            let mut cache = code.global_cache.borrow_mut();
                            if cache.len() < code.names.len() {
                                cache.resize_with(code.names.len(), Default::default);
                            }
                            cache[arg as usize] = crate::objects::function::GlobalCache {
                                globals: f.globals.clone(),
                                builtins: f.builtins.clone(),
                                globals_version: gv,
                                builtins_version: bv,
                                value: adder_object::Unowned::of(&v),
                            };
                        }
                        f.stack.push(v);
                    }
                    Opcode::StoreGlobal => {
                        let v = f.stack.pop().unwrap();
                        dict_set_strkey(&f.globals, code.names[arg as usize].clone(), v);
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                    }
                    Opcode::DeleteGlobal => {
                        let name = code.names[arg as usize].clone();
                        if !crate::ops::dict_del_strkey(&f.globals, &name) {
                            return Control::Error(self.name_error(&name));
                        }
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                    }
                    Opcode::LoadAttr => {
                        let obj = f.stack.pop().unwrap();
                        let i = arg as usize;
                        if let Some(v) = self.cached_load_attr(code, i, &obj) {
                            f.stack.push(v);
                            continue;
                        }
                        let v = tri!(self.load_attr_slow(code, i, &obj));
                        f.stack.push(v);
                    }
                    Opcode::LoadFastAttr => {
                        let (a, i) = split_pair(arg);
                        // The local is read in place: no count for it.
                        let obj = &f.stack.locals()[a];
                        if let Some(v) = self.cached_load_attr(code, i, obj) {
                            f.stack.push(v);
                            continue;
                        }
                        if obj.is_null() {
                            return Control::Error(self.unbound_local(code, a));
                        }
                        let obj = obj.clone();
                        let v = tri!(self.load_attr_slow(code, i, &obj));
                        f.stack.push(v);
                    }
                    Opcode::StoreAttr => {
                        let obj = f.stack.pop().unwrap();
                        let v = f.stack.pop().unwrap();
                        let i = arg as usize;
                        let v = match self.cached_store_attr(code, i, &obj, v) {
                            Ok(()) => continue,
                            Err(v) => v,
                        };
                        let v = match self.store_inline_attr(&obj, &code.names[i], v) {
                            Ok(()) => {
                                self.fill_attr_cache(code, i, &obj);
                                continue;
                            }
                            Err(v) => v,
                        };
                        // Where the object was, to learn an added attribute.
                        let before = obj.header().and_then(|h| {
                            let s = h.shape()?;
                            Some((h.class_header(), s as *const _ as usize))
                        });
                        tri!(self.setattr(&obj, &code.names[i], v));
                        if let Some((class, shape)) = before {
                            self.fill_add_transition(code, i, &obj, class, shape);
                        }
                    }
                    Opcode::DeleteAttr => {
                        let obj = f.stack.pop().unwrap();
                        tri!(self.delattr(&obj, &code.names[arg as usize]));
                        drop(obj);
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                    }
                    Opcode::LoadMethod => {
                        let obj = f.stack.pop().unwrap();
                        let i = arg as usize;
                        if let Some(m) = self.cached_method(code, i, &obj) {
                            f.stack.push(m);
                            f.stack.push(obj);
                            continue;
                        }
                        let (a, b) = tri!(self.load_method_slow(code, i, obj));
                        f.stack.push(a);
                        f.stack.push(b);
                    }
                    Opcode::LoadFastMethod => {
                        let (a, i) = split_pair(arg);
                        let obj = &f.stack.locals()[a];
                        if let Some(m) = self.cached_method(code, i, obj) {
                            let obj = obj.clone();
                            f.stack.push(m);
                            f.stack.push(obj);
                            continue;
                        }
                        if obj.is_null() {
                            return Control::Error(self.unbound_local(code, a));
                        }
                        let obj = obj.clone();
                        let (a, b) = tri!(self.load_method_slow(code, i, obj));
                        f.stack.push(a);
                        f.stack.push(b);
                    }
                    Opcode::CallMethod => {
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                        let argc = arg as usize;
                        let n = f.stack.len();
                        let first = n - argc - 2;
                        if f.stack[first].is_null() {
                            if let Some(fr) = self.fast_frame(f, first + 1, argc) {
                                f.stack.pop();
                                enter!('frame, fr);
                            }
                            let args: ArgVec = f.stack.take_args(first + 2);
                            let callee = f.stack.pop().unwrap();
                            f.stack.pop();
                            let r = self.call_from_loop(&callee, args, Vec::new());
                            match r {
                                Ok(Ok(v)) => f.stack.push(v),
                                Ok(Err(p)) => return p.into_control(),
                                Err(e) => return Control::Error(e),
                            }
                        } else {
                            if let Some(fr) = self.fast_frame(f, first, argc + 1) {
                                enter!('frame, fr);
                            }
                            let args: ArgVec = f.stack.take_args(first + 1);
                            let callee = f.stack.pop().unwrap();
                            match self.call_from_loop(&callee, args, Vec::new()) {
                                Ok(Ok(v)) => f.stack.push(v),
                                Ok(Err(p)) => return p.into_control(),
                                Err(e) => return Control::Error(e),
                            }
                        }
                    }
                    Opcode::Call => {
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                        let n = f.stack.len();
                        match self.call_frame(f, n - arg as usize - 1, arg as usize) {
                            Ok(FastCall::Frame(fr)) => enter!('frame, fr),
                            Ok(FastCall::Done) => continue,
                            Ok(FastCall::Slow) => {}
                            Err(e) => return Control::Error(e),
                        }
                        let args: ArgVec = f.stack.take_args(n - arg as usize);
                        let callee = f.stack.pop().unwrap();
                        match self.call_from_loop(&callee, args, Vec::new()) {
                            Ok(Ok(v)) => f.stack.push(v),
                            Ok(Err(p)) => return p.into_control(),
                            Err(e) => return Control::Error(e),
                        }
                    }
                    Opcode::CallKw => {
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                        let kwnames = f.stack.pop().unwrap();
                        let names: Vec<Value> = kwnames
                            .downcast::<Tuple>()
                            .map_or(Vec::new(), |t| t.items.to_vec());
                        let n = f.stack.len();
                        let mut args: ArgVec = f.stack.take_args(n - arg as usize);
                        let kwvals = args.drain(args.len() - names.len()..);
                        let kw: Vec<(Value, Value)> = names.into_iter().zip(kwvals).collect();
                        let callee = f.stack.pop().unwrap();
                        match self.call_from_loop(&callee, args, kw) {
                            Ok(Ok(v)) => f.stack.push(v),
                            Ok(Err(p)) => return p.into_control(),
                            Err(e) => return Control::Error(e),
                        }
                    }
                    Opcode::CallEx => {
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                        let kwargs = if arg & 1 != 0 { f.stack.pop() } else { None };
                        let posv = f.stack.pop().unwrap();
                        let callee = f.stack.pop().unwrap();
                        let pos = match posv.downcast::<Tuple>() {
                            Some(t) => t.items.iter().cloned().collect(),
                            None => ArgVec::from_vec(tri!(self.iterate(&posv))),
                        };
                        let mut kw = Vec::new();
                        if let Some(k) = kwargs {
                            if let Some(d) = k.downcast::<Dict>() {
                                for (key, v) in d.items() {
                                    if key.kind() != Some(kinds::STR) {
                                        return Control::Error(
                                            self.type_error("keywords must be strings"),
                                        );
                                    }
                                    kw.push((key, v));
                                }
                            }
                        }
                        match self.call_from_loop(&callee, pos, kw) {
                            Ok(Ok(v)) => f.stack.push(v),
                            Ok(Err(p)) => return p.into_control(),
                            Err(e) => return Control::Error(e),
                        }
                    }
                    Opcode::BinarySubscr => {
                        let key = f.stack.pop().unwrap();
                        let container = f.stack.pop().unwrap();
                        if let Some(i) = key.as_small_int() {
                            if let Some(v) = self.fast_index(&container, i) {
                                f.stack.push(v);
                                continue;
                            }
                        }
                        let v = tri!(self.getitem(&container, &key));
                        f.stack.push(v);
                    }
                    Opcode::StoreSubscr => {
                        let key = f.stack.pop().unwrap();
                        let container = f.stack.pop().unwrap();
                        let v = f.stack.pop().unwrap();
                        if let (Some(i), true) =
                            (key.as_small_int(), self.is_exact(&container, &self.t.list))
                        {
                            let l = container.downcast::<List>().unwrap();
                            let old = {
                                let mut items = l.items.borrow_mut();
                                let n = items.len() as i64;
                                let j = if i < 0 { i + n } else { i };
                                if (0..n).contains(&j) {
                                    Some(std::mem::replace(&mut items[j as usize], v.clone()))
                                } else {
                                    None
                                }
                            };
                            if let Some(old) = old {
                                drop(old);
                                continue;
                            }
                        }
                        tri!(self.setitem(&container, key, v));
                    }
                    Opcode::DeleteSubscr => {
                        let key = f.stack.pop().unwrap();
                        let container = f.stack.pop().unwrap();
                        tri!(self.delitem(&container, &key));
                        drop((key, container));
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                    }
                    Opcode::BuildSlice => {
                        let step = if arg == 3 {
                            f.stack.pop().unwrap()
                        } else {
                            Value::NONE
                        };
                        let stop = f.stack.pop().unwrap();
                        let start = f.stack.pop().unwrap();
                        let s = self.new_slice(start, stop, step);
                        f.stack.push(s);
                    }
                    Opcode::UnaryOp => {
                        let v = f.stack.pop().unwrap();
                        let r = match UnOp::from_u32(arg) {
                            Some(UnOp::Not) => {
                                let t = match quick_truth(&v) {
                                    Some(t) => t,
                                    None => tri!(self.truthy(&v)),
                                };
                                drop(v);
                                if fuse_branch(words, &mut f.ip, !t) {
                                    continue;
                                }
                                Ok(Value::from_bool(!t))
                            }
                            Some(u) => self.unary_op(&v, u),
                            None => Err(self.system_error("bad unary op")),
                        };
                        f.stack.push(tri!(r));
                    }
                    Opcode::BinaryOp => {
                        let b = f.stack.pop().unwrap();
                        let a = f.stack.pop().unwrap();
                        let inplace = arg >= BinOp::COUNT;
                        let kind = if inplace { arg - BinOp::COUNT } else { arg };
                        let Some(bop) = BinOp::from_u32(kind) else {
                            return Control::Error(self.system_error("bad binary op"));
                        };
                        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                            if let Some(r) = crate::num::small_binop(bop, x, y) {
                                f.stack.push(self.new_int(r));
                                continue;
                            }
                        }
                        if let Some(r) = fast_float_binop(&a, &b, bop) {
                            f.stack.push(self.new_float(r));
                            continue;
                        }
                        if let (Some(x), Some(y)) = (
                            crate::num::exact_int_i128(self, &a),
                            crate::num::exact_int_i128(self, &b),
                        ) {
                            if let Some(r) = crate::num::wide_binop(bop, x, y) {
                                f.stack.push(self.new_int_wide(r));
                                continue;
                            }
                        }
                        let r = tri!(self.binary_op(&a, &b, bop, inplace));
                        f.stack.push(r);
                    }
                    Opcode::CompareOp => {
                        let b = f.stack.pop().unwrap();
                        let a = f.stack.pop().unwrap();
                        let Some(cop) = CmpOp::from_u32(arg) else {
                            return Control::Error(self.system_error("bad compare op"));
                        };
                        let fast = match (a.as_small_int(), b.as_small_int()) {
                            (Some(x), Some(y)) => Some(cop.apply(&x, &y)),
                            _ => fast_float_compare(&a, &b, cop),
                        };
                        if let Some(r) = fast {
                            if !fuse_branch(words, &mut f.ip, r) {
                                f.stack.push(Value::from_bool(r));
                            }
                            continue;
                        }
                        let r = tri!(self.richcmp(&a, &b, cop));
                        drop((a, b));
                        match r.as_bool() {
                            Some(t) if fuse_branch(words, &mut f.ip, t) => {}
                            _ => f.stack.push(r),
                        }
                    }
                    Opcode::IsOp => {
                        let b = f.stack.pop().unwrap();
                        let a = f.stack.pop().unwrap();
                        let r = a.is(&b) != (arg == 1);
                        drop((a, b));
                        if !fuse_branch(words, &mut f.ip, r) {
                            f.stack.push(Value::from_bool(r));
                        }
                    }
                    Opcode::ContainsOp => {
                        let container = f.stack.pop().unwrap();
                        let item = f.stack.pop().unwrap();
                        let r = tri!(self.contains(&container, &item)) != (arg == 1);
                        drop((container, item));
                        if !fuse_branch(words, &mut f.ip, r) {
                            f.stack.push(Value::from_bool(r));
                        }
                    }
                    Opcode::BuildTuple => {
                        let n = f.stack.len();
                        let items: Vec<Value> = f.stack.take_vec(n - arg as usize);
                        let t = self.new_tuple(items);
                        f.stack.push(t);
                    }
                    Opcode::BuildList => {
                        let n = f.stack.len();
                        let items: Vec<Value> = f.stack.take_vec(n - arg as usize);
                        let l = self.new_list(items);
                        f.stack.push(l);
                    }
                    Opcode::BuildSet => {
                        let n = f.stack.len();
                        let items: Vec<Value> = f.stack.take_vec(n - arg as usize);
                        let s = tri!(crate::builtins::set::make_set(self, items, false));
                        f.stack.push(s);
                    }
                    Opcode::BuildMap => {
                        let n = f.stack.len();
                        let items: Vec<Value> = f.stack.take_vec(n - 2 * arg as usize);
                        let d = self.new_dict_with_capacity(arg as usize);
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            tri!(self.dict_set(&d, k, v));
                        }
                        f.stack.push(d);
                    }
                    Opcode::BuildString => {
                        let n = f.stack.len();
                        let items: Vec<Value> = f.stack.take_vec(n - arg as usize);
                        let mut s = String::new();
                        for it in items {
                            if let Some(x) = it.downcast::<Str>() {
                                s.push_str(x.as_str());
                            }
                        }
                        f.stack.push(self.new_string(s));
                    }
                    Opcode::ListAppend => {
                        let v = f.stack.pop().unwrap();
                        let n = f.stack.len();
                        if let Some(l) = f.stack[n - arg as usize].downcast::<List>() {
                            l.push(v);
                        }
                    }
                    Opcode::SetAdd => {
                        let v = f.stack.pop().unwrap();
                        let n = f.stack.len();
                        let s = f.stack[n - arg as usize].clone();
                        tri!(self.set_add(&s, v));
                    }
                    Opcode::MapAdd => {
                        let v = f.stack.pop().unwrap();
                        let k = f.stack.pop().unwrap();
                        let n = f.stack.len();
                        let d = f.stack[n - arg as usize].clone();
                        tri!(self.dict_set(&d, k, v));
                    }
                    Opcode::ListExtend => {
                        let it = f.stack.pop().unwrap();
                        let n = f.stack.len();
                        let l = f.stack[n - arg as usize].clone();
                        let items = match self.iterate(&it) {
                            Ok(v) => v,
                            Err(e) => {
                                if self.exc_matches(&e, &self.t.type_error.clone())
                                    && self.type_lookup_name(&it, "__iter__").is_none()
                                    && self.type_lookup_name(&it, "__getitem__").is_none()
                                {
                                    // In a call (`f(*x)`) the list becomes the args tuple next.
                                    let in_call = matches!(
                                        code.code.decode(f.ip),
                                        Some((Opcode::Intrinsic, intrinsic::LIST_TO_TUPLE, _))
                                    );
                                    let msg = if in_call && n > arg as usize {
                                        let callee = f.stack[n - arg as usize - 1].clone();
                                        let name = crate::builtins::functions::callable_name(
                                            self, &callee,
                                        );
                                        format!(
                                            "{name} argument after * must be an iterable, not {}",
                                            self.type_name(&it)
                                        )
                                    } else {
                                        format!(
                                            "Value after * must be an iterable, not {}",
                                            self.type_name(&it)
                                        )
                                    };
                                    return Control::Error(self.type_error(msg));
                                }
                                return Control::Error(e);
                            }
                        };
                        l.downcast::<List>()
                            .unwrap()
                            .items
                            .borrow_mut()
                            .extend(items);
                    }
                    Opcode::SetUpdate => {
                        let it = f.stack.pop().unwrap();
                        let n = f.stack.len();
                        let s = f.stack[n - arg as usize].clone();
                        for v in tri!(self.iterate(&it)) {
                            tri!(self.set_add(&s, v));
                        }
                    }
                    Opcode::DictUpdate | Opcode::DictMerge => {
                        let m = f.stack.pop().unwrap();
                        let n = f.stack.len();
                        let d = f.stack[n - arg as usize].clone();
                        if op == Opcode::DictMerge {
                            let callee = f.stack[n - arg as usize - 2].clone();
                            tri!(self.dict_merge_kwargs(&d, &m, &callee));
                        } else {
                            tri!(crate::builtins::dict::dict_update_from(self, &d, &m));
                        }
                    }
                    Opcode::FormatValue => {
                        let spec = if arg & fv::HAS_SPEC != 0 {
                            f.stack.pop()
                        } else {
                            None
                        };
                        let v = f.stack.pop().unwrap();
                        let v = match arg & fv::CONV_MASK {
                            fv::CONV_STR => tri!(self.str(&v)),
                            fv::CONV_REPR => tri!(self.repr(&v)),
                            fv::CONV_ASCII => tri!(self.ascii(&v)),
                            _ => v,
                        };
                        let r = if spec.is_none()
                            && v.kind() == Some(kinds::STR)
                            && self.type_of(&v).is(&self.t.str)
                        {
                            v
                        } else {
                            let spec = spec.unwrap_or_else(|| self.intern(""));
                            tri!(self.format(&v, &spec))
                        };
                        f.stack.push(r);
                    }
                    Opcode::UnpackSequence => {
                        let seq = f.stack.pop().unwrap();
                        if let Some(t) = seq.downcast::<Tuple>() {
                            if t.items.len() == arg as usize && self.is_exact(&seq, &self.t.tuple) {
                                f.stack.extend(t.items.iter().rev().cloned());
                                continue;
                            }
                        }
                        if let Some(l) = seq.downcast::<List>() {
                            let items = l.items.borrow();
                            if items.len() == arg as usize && self.is_exact(&seq, &self.t.list) {
                                f.stack.extend(items.iter().rev().cloned());
                                continue;
                            }
                        }
                        let items = tri!(self.unpack(&seq, arg as usize));
                        f.stack.extend(items.into_iter().rev());
                    }
                    Opcode::UnpackEx => {
                        let before = (arg & 0xFF) as usize;
                        let after = (arg >> 8) as usize;
                        let seq = f.stack.pop().unwrap();
                        let mut items = tri!(self.iterate(&seq));
                        if items.len() < before + after {
                            return Control::Error(self.value_error(format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                before + after,
                                items.len()
                            )));
                        }
                        let tail = items.split_off(items.len() - after);
                        let mid = items.split_off(before);
                        for v in tail.into_iter().rev() {
                            f.stack.push(v);
                        }
                        f.stack.push(self.new_list(mid));
                        for v in items.into_iter().rev() {
                            f.stack.push(v);
                        }
                    }
                    Opcode::Jump => {
                        if (arg as usize) < f.ip {
                            // A loop back-edge: spend fuel (bounded execution).
                            if adder_object::weak::has_pending() {
                                self.run_pending_at(f);
                            }
                            if self.fuel == 0 {
                                return Control::Error(self.fuel_exhausted());
                            }
                            self.fuel -= 1;
                            if self.signals_pending() {
                                if let Err(e) = self.check_signals() {
                                    return Control::Error(e);
                                }
                            }
                        }
                        f.ip = arg as usize;
                    }
                    Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                        let v = f.stack.pop().unwrap();
                        let t = match quick_truth(&v) {
                            Some(b) => b,
                            None => tri!(self.truthy(&v)),
                        };
                        if t == (op == Opcode::PopJumpIfTrue) {
                            f.ip = arg as usize;
                        }
                    }
                    Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                        let t = match quick_truth(f.stack.last().unwrap()) {
                            Some(b) => b,
                            None => {
                                let v = f.stack.last().unwrap().clone();
                                tri!(self.truthy(&v))
                            }
                        };
                        if t == (op == Opcode::JumpIfTrueOrPop) {
                            f.ip = arg as usize;
                        } else {
                            f.stack.pop();
                        }
                    }
                    Opcode::PopJumpIfNone | Opcode::PopJumpIfNotNone => {
                        let v = f.stack.pop().unwrap();
                        if v.is_none() == (op == Opcode::PopJumpIfNone) {
                            f.ip = arg as usize;
                        }
                    }
                    Opcode::GetIter => {
                        let v = f.stack.pop().unwrap();
                        let it = tri!(self.iter(&v));
                        f.stack.push(it);
                    }
                    Opcode::ForIter => {
                        let fast = crate::builtins::iterators::seq_next_fast(
                            self,
                            f.stack.last().unwrap(),
                        );
                        match fast {
                            Some(Some(v)) => {
                                f.stack.push(v);
                                continue;
                            }
                            Some(None) => {
                                f.stack.pop();
                                f.ip = arg as usize;
                                continue;
                            }
                            None => {}
                        }
                        let it = f.stack.last().unwrap().clone();
                        if let Some(gen) = it.downcast::<Generator>() {
                            if gen.kind == crate::objects::iter::GenKind::Generator {
                                match tri!(self.gen_frame_for_resume(&it, Value::NONE)) {
                                    Some(fr) => enter!('frame, fr),
                                    None => {
                                        f.stack.pop();
                                        f.ip = arg as usize;
                                        continue;
                                    }
                                }
                            }
                        }
                        match tri!(self.next_general(&it)) {
                            Some(v) => f.stack.push(v),
                            None => {
                                f.stack.pop();
                                f.ip = arg as usize;
                            }
                        }
                    }
                    Opcode::GetYieldFromIter => {
                        let v = f.stack.pop().unwrap();
                        if v.kind() == Some(kinds::GENERATOR) {
                            let g = v.downcast::<Generator>().unwrap();
                            if g.kind == crate::objects::iter::GenKind::Coroutine
                                && code.code.flags
                                    & (adder_bytecode::flags::COROUTINE
                                        | adder_bytecode::flags::ITERABLE_COROUTINE)
                                    == 0
                            {
                                return Control::Error(self.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
                            }
                            f.stack.push(v);
                        } else {
                            let it = tri!(self.iter(&v));
                            f.stack.push(it);
                        }
                    }
                    Opcode::GetAwaitable => {
                        let v = f.stack.pop().unwrap();
                        let r = tri!(crate::builtins::coro::get_awaitable(self, &v, arg));
                        f.stack.push(r);
                    }
                    Opcode::GetAiter => {
                        let v = f.stack.pop().unwrap();
                        let r = tri!(crate::builtins::coro::get_aiter(self, &v));
                        f.stack.push(r);
                    }
                    Opcode::GetAnext => {
                        let v = f.stack.last().unwrap().clone();
                        let r = tri!(crate::builtins::coro::get_anext(self, &v));
                        f.stack.push(r);
                    }
                    Opcode::EndAsyncFor => {
                        let e = f.stack.pop().unwrap();
                        f.stack.pop();
                        if !self.exc_matches(&e, &self.t.stop_async_iteration.clone()) {
                            return Control::Error(e);
                        }
                    }
                    Opcode::Send => {
                        let v = f.stack.pop().unwrap();
                        let sub = f.stack.last().unwrap().clone();
                        if let Some(g) = sub.downcast::<Generator>() {
                            let _ = g;
                            match tri!(self.gen_frame_for_resume(&sub, v)) {
                                Some(fr) => return Control::Call(fr),
                                None => {
                                    // Already finished: behaves like returning None.
                                    f.stack.pop();
                                    f.stack.push(Value::NONE);
                                    f.ip = arg as usize;
                                    continue;
                                }
                            }
                        }
                        match tri!(self.send_to(&sub, v)) {
                            Ok(y) => f.stack.push(y),
                            Err(ret) => {
                                f.stack.pop();
                                f.stack.push(ret);
                                f.ip = arg as usize;
                            }
                        }
                    }
                    Opcode::YieldValue => {
                        let v = f.stack.pop().unwrap();
                        return Control::Yield(v);
                    }
                    Opcode::AsyncGenWrap => {
                        let v = f.stack.pop().unwrap();
                        let w = crate::builtins::coro::wrap_async_gen_value(self, v);
                        f.stack.push(w);
                    }
                    Opcode::ReturnValue => {
                        if adder_object::weak::has_pending() {
                            self.run_pending_at(f);
                        }
                        let v = f.stack.pop().unwrap();
                        if f.gen.is_null() && !f.boundary {
                            // A plain return to the calling Python frame.
                            self.depth -= 1;
                            let caller = self.frames.pop().expect("caller frame");
                            let done = std::mem::replace(slot, caller);
                            let init = done.init;
                            self.recycle_frame(done);
                            if init {
                                // The instance is on the caller's stack already.
                                if !v.is_none() {
                                    return Control::Error(self.init_returned(&v));
                                }
                                continue 'frame;
                            }
                            slot.stack.push(v);
                            continue 'frame;
                        }
                        return Control::Return(v);
                    }
                    Opcode::MakeFunction => {
                        let codeobj = f.stack.pop().unwrap();
                        let closure = if arg & mf::CLOSURE != 0 {
                            f.stack.pop().unwrap()
                        } else {
                            Value::NULL
                        };
                        let annotations = if arg & mf::ANNOTATIONS != 0 {
                            f.stack.pop().unwrap()
                        } else {
                            Value::NULL
                        };
                        let kwdefaults = if arg & mf::KWDEFAULTS != 0 {
                            f.stack.pop().unwrap()
                        } else {
                            Value::NULL
                        };
                        let defaults = if arg & mf::DEFAULTS != 0 {
                            f.stack.pop().unwrap()
                        } else {
                            Value::NULL
                        };
                        let func = self.make_function(
                            codeobj,
                            f.globals.clone(),
                            f.builtins.clone(),
                            defaults,
                            kwdefaults,
                            annotations,
                            closure,
                        );
                        f.stack.push(func);
                    }
                    Opcode::Raise => {
                        let r = match arg {
                            0 => {
                                let e = self.handled_exception();
                                if e.is_none() || e.is_null() {
                                    self.runtime_error("No active exception to reraise")
                                } else {
                                    // Re-raise keeps the traceback as is.
                                    self.reraising = true;
                                    return Control::Error(e);
                                }
                            }
                            1 => {
                                let e = f.stack.pop().unwrap();
                                tri!(self.make_raisable(e))
                            }
                            _ => {
                                let cause = f.stack.pop().unwrap();
                                let e = f.stack.pop().unwrap();
                                let e = tri!(self.make_raisable(e));
                                let cause = if cause.is_none() {
                                    Value::NONE
                                } else {
                                    tri!(self.make_cause(cause))
                                };
                                if let Some(x) =
                                    e.downcast::<crate::objects::exception::Exception>()
                                {
                                    x.cause.set(cause);
                                    x.suppress_context.set(true);
                                }
                                e
                            }
                        };
                        self.set_context(&r);
                        return Control::Error(r);
                    }
                    Opcode::Reraise => {
                        // The traceback already holds this frame's entry for the
                        // original raise. The saved `lasti` (operand n > 0) becomes
                        // the frame's position again, for its line number (PEP 626);
                        // the handler search still starts from this instruction.
                        let e = f.stack.pop().unwrap();
                        if arg > 0 {
                            let saved = f
                                .stack
                                .len()
                                .checked_sub(arg as usize)
                                .and_then(|i| f.stack[i].as_small_int())
                                .and_then(|i| usize::try_from(i).ok());
                            if let Some(saved) = saved {
                                self.unwind_from = Some(f.lasti);
                                f.lasti = saved;
                            }
                        }
                        return Control::Error(self.reraise_marker(e));
                    }
                    Opcode::PushExcInfo => {
                        let e = f.stack.pop().unwrap();
                        let prev = std::mem::replace(&mut self.exc_info, e.clone());
                        f.stack.push(prev);
                        f.stack.push(e);
                    }
                    Opcode::PopExcept => {
                        let prev = f.stack.pop().unwrap();
                        self.exc_info = prev;
                    }
                    Opcode::CheckExcMatch => {
                        let ty = f.stack.pop().unwrap();
                        let e = f.stack.last().unwrap().clone();
                        let r = tri!(self.check_exc_match(&e, &ty));
                        f.stack.push(Value::from_bool(r));
                    }
                    Opcode::CheckEgMatch => {
                        let ty = f.stack.pop().unwrap();
                        let e = f.stack.pop().unwrap();
                        let (rest, matched) =
                            tri!(crate::builtins::exceptions::eg_match(self, &e, &ty));
                        // The handler sees (and chains to) the matching part.
                        if !matched.is_none() {
                            self.exc_info = matched.clone();
                        }
                        f.stack.push(rest);
                        f.stack.push(matched);
                    }
                    Opcode::PrepReraiseStar => {
                        let list = f.stack.pop().unwrap();
                        let orig = f.stack.pop().unwrap();
                        let r = tri!(crate::builtins::exceptions::prep_reraise_star(
                            self, &orig, &list
                        ));
                        f.stack.push(r);
                    }
                    Opcode::WithExceptStart => {
                        let n = f.stack.len();
                        let exit = f.stack[n - 4].clone();
                        let e = f.stack[n - 1].clone();
                        let t = self.type_of(&e);
                        let tb = e
                            .downcast::<crate::objects::exception::Exception>()
                            .map_or(Value::NONE, |x| x.traceback.get());
                        let r = tri!(self.call(&exit, vec![t, e, tb]));
                        f.stack.push(r);
                    }
                    Opcode::BeforeWith => {
                        let mgr = f.stack.pop().unwrap();
                        let enter_n = self.names.__enter__.clone();
                        let exit_n = self.names.__exit__.clone();
                        let t = self.type_of(&mgr);
                        let Some(enter) = crate::ops::type_lookup(&t, &enter_n) else {
                            return Control::Error(self.type_error(format!(
                                "'{}' object does not support the context manager protocol",
                                self.type_name(&mgr)
                            )));
                        };
                        let Some(exit) = crate::ops::type_lookup(&t, &exit_n) else {
                            return Control::Error(self.type_error(format!(
                            "'{}' object does not support the context manager protocol (missed __exit__ method)",
                            self.type_name(&mgr)
                        )));
                        };
                        let bound_exit = tri!(self.descr_get(&exit, &mgr, &t));
                        f.stack.push(bound_exit);
                        let r = tri!(self.call_method_value(&enter, &mgr, vec![]));
                        f.stack.push(r);
                    }
                    Opcode::BeforeAsyncWith => {
                        let mgr = f.stack.pop().unwrap();
                        let t = self.type_of(&mgr);
                        let an = self.names.__aenter__.clone();
                        let xn = self.names.__aexit__.clone();
                        let (Some(enter), Some(exit)) = (
                            crate::ops::type_lookup(&t, &an),
                            crate::ops::type_lookup(&t, &xn),
                        ) else {
                            return Control::Error(self.type_error(format!(
                            "'{}' object does not support the asynchronous context manager protocol",
                            self.type_name(&mgr)
                        )));
                        };
                        let bound_exit = tri!(self.descr_get(&exit, &mgr, &t));
                        f.stack.push(bound_exit);
                        let r = tri!(self.call_method_value(&enter, &mgr, vec![]));
                        f.stack.push(r);
                    }
                    Opcode::ImportName => {
                        let fromlist = f.stack.pop().unwrap();
                        let level = f.stack.pop().unwrap();
                        let name = code.names[arg as usize].clone();
                        let globals = f.globals.clone();
                        let m = tri!(crate::import::import_name(
                            self, &name, &globals, &fromlist, &level
                        ));
                        f.stack.push(m);
                    }
                    Opcode::ImportFrom => {
                        let m = f.stack.last().unwrap().clone();
                        let name = code.names[arg as usize].clone();
                        let v = tri!(crate::import::import_from(self, &m, &name));
                        f.stack.push(v);
                    }
                    Opcode::ImportStar => {
                        let m = f.stack.pop().unwrap();
                        let target = if f.locals.is_null() {
                            f.globals.clone()
                        } else {
                            f.locals.clone()
                        };
                        tri!(crate::import::import_star(self, &m, &target));
                    }
                    Opcode::LoadBuildClass => match dict_get_str(&f.builtins, "__build_class__") {
                        Some(v) => f.stack.push(v),
                        None => {
                            return Control::Error(self.new_exception_msg(
                                &self.t.name_error,
                                "__build_class__ not found",
                            ))
                        }
                    },
                    Opcode::SetupAnnotations => {
                        let target = if f.locals.is_null() {
                            f.globals.clone()
                        } else {
                            f.locals.clone()
                        };
                        let an = self.names.__annotations__.clone();
                        if tri!(self.locals_get(&target, &an)).is_none() {
                            let d = self.new_dict();
                            tri!(self.setitem(&target, an, d));
                        }
                    }
                    Opcode::LoadAssertionError => f.stack.push(self.t.assertion_error.clone()),
                    Opcode::LoadLocals => {
                        let l = if f.locals.is_null() {
                            f.globals.clone()
                        } else {
                            f.locals.clone()
                        };
                        f.stack.push(l);
                    }
                    Opcode::MatchClass => {
                        let names = f.stack.pop().unwrap();
                        let cls = f.stack.pop().unwrap();
                        let subject = f.stack.pop().unwrap();
                        let r = tri!(crate::builtins::matching::match_class(
                            self,
                            &subject,
                            &cls,
                            arg as usize,
                            &names
                        ));
                        f.stack.push(r);
                    }
                    Opcode::MatchMapping => {
                        let s = f.stack.last().unwrap().clone();
                        let r = crate::builtins::matching::is_mapping(self, &s);
                        f.stack.push(Value::from_bool(r));
                    }
                    Opcode::MatchSequence => {
                        let s = f.stack.last().unwrap().clone();
                        let r = crate::builtins::matching::is_sequence(self, &s);
                        f.stack.push(Value::from_bool(r));
                    }
                    Opcode::MatchKeys => {
                        let n = f.stack.len();
                        let keys = f.stack[n - 1].clone();
                        let subject = f.stack[n - 2].clone();
                        let r = tri!(crate::builtins::matching::match_keys(self, &subject, &keys));
                        f.stack.push(r);
                    }
                    Opcode::CopyDictWithoutKeys => {
                        let keys = f.stack.pop().unwrap();
                        let subject = f.stack.last().unwrap().clone();
                        let r = tri!(crate::builtins::matching::copy_without_keys(
                            self, &subject, &keys
                        ));
                        f.stack.push(r);
                    }
                    Opcode::GetLen => {
                        let v = f.stack.last().unwrap().clone();
                        let n = tri!(self.len(&v));
                        f.stack.push(self.new_int(n as i64));
                    }
                    Opcode::Intrinsic => match arg {
                        intrinsic::PRINT => {
                            let v = f.stack.pop().unwrap();
                            tri!(crate::builtins::sys::displayhook(self, v));
                        }
                        intrinsic::LIST_TO_TUPLE => {
                            let v = f.stack.pop().unwrap();
                            let items = v.downcast::<List>().map_or(Vec::new(), |l| l.snapshot());
                            f.stack.push(self.new_tuple(items));
                        }
                        _ => return Control::Error(self.system_error("unknown intrinsic")),
                    },
                }
            }
        }
    }

    /// `obj.name` (name index `i` of `code`) when the attribute cache did
    /// not answer: fills the cache, then looks the attribute up.
    #[inline(never)]
    fn load_attr_slow(&mut self, code: &Code, i: usize, obj: &Value) -> PyResult {
        self.fill_attr_cache(code, i, obj);
        if let Some(v) = self.inline_attr(obj, &code.names[i]) {
            return Ok(v);
        }
        let name = &code.names[i];
        self.getattr(obj, name)
            .map_err(|e| self.attribute_error_context(e, obj, name))
    }

    /// `LoadMethod`'s two stack items for `obj.name` (name index `i`) when
    /// the cache did not answer: (method, obj) or (NULL, attribute).
    #[inline(never)]
    fn load_method_slow(&mut self, code: &Code, i: usize, obj: Value) -> PyResult<(Value, Value)> {
        self.fill_attr_cache(code, i, &obj);
        let name = &code.names[i];
        let m = self
            .load_method(&obj, name)
            .map_err(|e| self.attribute_error_context(e, &obj, name))?;
        match m {
            Some(m) => Ok((m, obj)),
            None => {
                let v = self
                    .getattr(&obj, name)
                    .map_err(|e| self.attribute_error_context(e, &obj, name))?;
                Ok((Value::NULL, v))
            }
        }
    }

    fn cell_name(&self, code: &Code, ci: usize) -> String {
        let nc = code.code.cellvars.len();
        if ci < nc {
            code.code.cellvars[ci].to_string()
        } else {
            code.code
                .freevars
                .get(ci - nc)
                .map_or(String::new(), |s| s.to_string())
        }
    }

    /// UnboundLocalError for local `i` of `code`.
    #[cold]
    fn unbound_local(&self, code: &Code, i: usize) -> Value {
        self.unbound_local_named(&code.code.varnames[i])
    }

    fn unbound_local_named(&self, name: &str) -> Value {
        self.new_exception_msg(
            &self.t.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_deref(&self, code: &Code, ci: usize) -> Value {
        let name = self.cell_name(code, ci);
        if ci < code.code.cellvars.len() {
            self.unbound_local_named(&name)
        } else {
            self.new_exception_msg(
                &self.t.name_error,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    pub fn name_error(&self, name: &Value) -> Value {
        let n = name.downcast::<Str>().map_or("?", |s| s.as_str());
        let e = self.new_exception_msg(&self.t.name_error, format!("name '{n}' is not defined"));
        if let Some(slot) = e.header().and_then(|h| h.dict_slot()) {
            let d = self.new_dict();
            dict_set_strkey(&d, self.names.name.clone(), name.clone());
            slot.set(d);
        }
        e
    }

    /// Reads `name` from a locals mapping (dict fast path, else `__getitem__`).
    pub fn locals_get(&mut self, locals: &Value, name: &Value) -> PyResult<Option<Value>> {
        if locals.kind() == Some(kinds::DICT) && self.type_of(locals).is(&self.t.dict) {
            return Ok(dict_get_strkey(locals, name));
        }
        match self.getitem(locals, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, &self.t.key_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether `v`'s class is exactly `t` (no reference count traffic).
    #[inline(always)]
    pub fn is_exact(&self, v: &Value, t: &Value) -> bool {
        match (v.header(), t.header()) {
            (Some(h), Some(th)) => std::ptr::eq(h.class_header(), th),
            _ => false,
        }
    }

    /// `container[i]` for an exact list or tuple and an in-range small int.
    #[inline(always)]
    fn fast_index(&self, container: &Value, i: i64) -> Option<Value> {
        if let Some(l) = container.downcast::<List>() {
            if !self.is_exact(container, &self.t.list) {
                return None;
            }
            let items = l.items.borrow();
            let n = items.len() as i64;
            let j = if i < 0 { i + n } else { i };
            return if (0..n).contains(&j) {
                Some(items[j as usize].clone())
            } else {
                None
            };
        }
        if let Some(t) = container.downcast::<Tuple>() {
            if !self.is_exact(container, &self.t.tuple) {
                return None;
            }
            let n = t.items.len() as i64;
            let j = if i < 0 { i + n } else { i };
            return if (0..n).contains(&j) {
                Some(t.items[j as usize].clone())
            } else {
                None
            };
        }
        None
    }

    /// The frame for calling the plain Python function at `f.stack[callee]`
    /// with the `argc` values above it as exact positional arguments, moving
    /// them straight into the new frame's locals and popping the callee and
    /// arguments; None (and nothing popped) when the call needs the general
    /// path (defaults, keywords, `*args`, cells, generators...).
    fn fast_frame(&mut self, f: &mut Frame, callee: usize, argc: usize) -> Option<Box<Frame>> {
        let func: *const Function = f.stack[callee].downcast::<Function>()?;
        // SAFETY: the callee stays on `f.stack` (below the arguments, which
        // are the only values moved) until it is popped at the end, and no
        // Python code runs in between, so the function is alive and unchanged.
        let func = unsafe { &*func };
        let shape = CallShape::of(func, argc)?;
        let mut fr = self.alloc_frame();
        fr.stack.enter_call(
            &mut f.stack,
            argc,
            shape.missing,
            shape.nlocals,
            shape.frees,
            shape.stacksize,
        );
        let fv = f.stack.pop().expect("callee on the stack");
        shape.fill(&mut fr, fv);
        Some(fr)
    }

    /// `fast_frame` for a call from native code: the frame for calling
    /// function `fv` with the positional `args` (moved out, `args` left
    /// empty), or None (`args` untouched) when the call needs `make_frame`.
    pub(crate) fn simple_args_frame(
        &mut self,
        fv: &Value,
        args: &mut ArgVec,
    ) -> Option<Box<Frame>> {
        let func = fv.downcast::<Function>()?;
        let shape = CallShape::of(func, args.len())?;
        let mut fr = self.alloc_frame();
        fr.stack.enter_args(
            args,
            shape.missing,
            shape.nlocals,
            shape.frees,
            shape.stacksize,
        );
        shape.fill(&mut fr, fv.clone());
        Some(fr)
    }

    /// `run_pending` from inside `execute`: the running frame goes on the
    /// frame stack meanwhile, so finalisers see it as their caller
    /// (`sys._getframe`, the traceback of an unraisable exception).
    fn run_pending_at(&mut self, f: &mut Frame) {
        if self.draining_pending {
            return;
        }
        let mut slot = self.alloc_frame();
        std::mem::swap(&mut *slot, f);
        self.frames.push(slot);
        self.run_pending();
        let mut slot = self.frames.pop().expect("running frame");
        std::mem::swap(&mut *slot, f);
        self.recycle_frame(slot);
    }

    /// A cleared frame, reusing a recycled one (and its block) if possible.
    #[inline]
    pub fn alloc_frame(&mut self) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(fr) => fr,
            None => Self::fresh_frame(),
        }
    }

    /// A cleared frame with empty vectors (for a generator's frame, which
    /// lives as long as the generator: a pooled frame's vectors may be far
    /// bigger than it needs).
    pub fn fresh_frame() -> Box<Frame> {
        Box::new(Frame {
            code: Value::NULL,
            func: Value::NULL,
            ip: 0,
            lasti: 0,
            stack: Slots::new(),
            globals: Value::NULL,
            builtins: Value::NULL,
            env_borrowed: false,
            locals: Value::NULL,
            gen: Value::NULL,
            boundary: false,
            obj: Value::NULL,
            init: false,
        })
    }

    /// Returns a finished frame to the pool (its references are dropped now).
    pub fn recycle_frame(&mut self, mut fr: Box<Frame>) {
        fr.release_env();
        fr.stack.clear_all();
        fr.code = Value::NULL;
        fr.func = Value::NULL;
        fr.globals = Value::NULL;
        fr.builtins = Value::NULL;
        fr.locals = Value::NULL;
        fr.gen = Value::NULL;
        fr.obj = Value::NULL;
        fr.init = false;
        fr.ip = 0;
        fr.lasti = 0;
        fr.boundary = false;
        if self.frame_pool.len() < 64 && fr.stack.capacity() <= 512 {
            push_frame(&mut self.frame_pool, fr);
        }
    }

    /// Looks up a method for `LoadMethod`: Some(function) when `obj.name` would
    /// be a plain bound method of a function found on the type.
    fn load_method(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        if obj.kind() == Some(kinds::TYPE) || obj.kind() == Some(kinds::MODULE) {
            return Ok(None);
        }
        let t = self.type_of(obj);
        let to = self.type_obj(&t);
        if to.has_flag(crate::objects::types::tflags::HAS_GETATTRIBUTE) {
            return Ok(None);
        }
        let Some(d) = crate::ops::type_lookup(&t, name) else {
            return Ok(None);
        };
        let is_method = match d.kind() {
            Some(kinds::FUNCTION) => true,
            Some(kinds::NATIVE) => {
                let n = d.downcast::<Native>().unwrap();
                n.self_.is_null() && n.kind == crate::objects::function::NativeKind::Method
            }
            _ => false,
        };
        if !is_method {
            return Ok(None);
        }
        if self.instance_attr(obj, name).is_some() {
            return Ok(None);
        }
        Ok(Some(d))
    }

    pub fn type_lookup_name(&mut self, obj: &Value, name: &str) -> Option<Value> {
        let t = self.type_of(obj);
        let n = self.intern(name);
        crate::ops::type_lookup(&t, &n)
    }

    /// Calls `callee` from the loop: Python functions come back as a frame to
    /// push (Err side of the inner result), everything else is called here.
    /// The frame `Call` runs in this loop for the callee at `callee` and its
    /// `argc` arguments: a plain Python function's (`fast_frame`) or a
    /// plain class's `__init__` (`init_frame`); None for other callees.
    /// (One out-of-line entry: a second frame-entering branch in `execute`
    /// measurably slowed its other paths.)
    #[inline(never)]
    fn call_frame(&mut self, f: &mut Frame, callee: usize, argc: usize) -> PyResult<FastCall> {
        if let Some(fr) = self.fast_frame(f, callee, argc) {
            return Ok(FastCall::Frame(fr));
        }
        let c = &f.stack[callee];
        if c.kind() == Some(kinds::TYPE) {
            return Ok(match self.init_frame(f, argc)? {
                Some(fr) => FastCall::Frame(fr),
                None => FastCall::Slow,
            });
        }
        // `len(x)` of a builtin container: no call at all.
        if argc == 1 && c.is(&self.len_fn) {
            let x = &f.stack[callee + 1];
            if !crate::ops::is_heap_type(&self.type_of(x)) {
                if let Some(n) = crate::ops::native_len(x) {
                    f.stack.truncate(callee);
                    f.stack.push(self.new_int(n as i64));
                    return Ok(FastCall::Done);
                }
            }
        }
        Ok(FastCall::Slow)
    }

    /// `cls(a...)` on the stack (`cls` below its `argc` arguments) for a
    /// plain class with a Python `__init__` (`types::plain_init`): makes the
    /// instance, leaves it on `f`'s stack as the call's result and returns
    /// the `__init__` frame to run in this loop (`Frame::init`). None
    /// (stack untouched) when `cls` is not such a class.
    #[inline(never)]
    fn init_frame(&mut self, f: &mut Frame, argc: usize) -> PyResult<Option<Box<Frame>>> {
        let at = f.stack.len() - argc - 1;
        let cls = f.stack[at].clone();
        let Some((obj, init)) = crate::builtins::types::plain_init(self, &cls)? else {
            return Ok(None);
        };
        // [cls, a...] becomes [__init__, obj, a...].
        f.stack[at] = init;
        f.stack.insert(at + 1, obj.clone());
        let mut fr = match self.fast_frame(f, at, argc + 1) {
            Some(fr) => fr,
            None => {
                let args: ArgVec = f.stack.take_args(at + 1);
                let init = f.stack.pop().expect("__init__ on the stack");
                self.make_frame(&init, Args::from_pos(args))?
            }
        };
        // The call's result, from now on: `__init__` only has to succeed.
        f.stack.push(obj);
        fr.init = true;
        Ok(Some(fr))
    }

    /// The error when an `__init__` run for `cls(...)` returned `v`, not None.
    #[cold]
    fn init_returned(&self, v: &Value) -> Value {
        self.type_error(format!(
            "__init__() should return None, not '{}'",
            self.type_name(v)
        ))
    }

    fn call_from_loop(
        &mut self,
        callee: &Value,
        pos: ArgVec,
        kw: Vec<(Value, Value)>,
    ) -> PyResult<Result<Value, Pending>> {
        match callee.kind() {
            Some(kinds::FUNCTION) => {
                let fr = self.make_frame(callee, Args { pos, kw })?;
                match self.frame_or_generator(callee, fr) {
                    Ok(fr) => Ok(Err(Pending::Frame(fr))),
                    Err(gen) => Ok(Ok(gen)),
                }
            }
            // A native that does not read the calling frame runs right here
            // (what `call_args` would do, without its dispatch).
            Some(kinds::NATIVE)
                if callee
                    .downcast::<Native>()
                    .is_some_and(|n| !(n.self_.is_null() && n.needs_frame)) =>
            {
                let n = callee.downcast::<Native>().unwrap();
                self.check_stack()?;
                self.native_depth += 1;
                let r = n.call(self, Args { pos, kw });
                self.native_depth -= 1;
                r.map(Ok)
            }
            _ if needs_frame(self, callee) => {
                Ok(Err(Pending::Native(callee.clone(), Args { pos, kw })))
            }
            Some(kinds::METHOD) => {
                let m = callee
                    .downcast::<crate::objects::function::Method>()
                    .unwrap();
                let func = m.func.clone();
                let mut pos = pos;
                pos.insert(0, m.self_.clone());
                self.call_from_loop(&func, pos, kw)
            }
            _ => self.call_args(callee, Args { pos, kw }).map(Ok),
        }
    }

    fn dict_merge_kwargs(&mut self, d: &Value, m: &Value, callee: &Value) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match m.downcast::<Dict>() {
            Some(md) => md.items(),
            None => {
                let kn = self.names.keys.clone();
                if crate::ops::type_lookup(&self.type_of(m), &kn).is_none() {
                    let fname = crate::builtins::functions::callable_name(self, callee);
                    return Err(self.type_error(format!(
                        "{fname} argument after ** must be a mapping, not {}",
                        self.type_name(m)
                    )));
                }
                let keys = self.call_method(m, "keys", vec![])?;
                let mut out = Vec::new();
                for k in self.iterate(&keys)? {
                    let v = self.getitem(m, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in items {
            if k.kind() != Some(kinds::STR) {
                let _ = callee;
                return Err(self.type_error("keywords must be strings"));
            }
            if self.dict_get(d, &k)?.is_some() {
                let fname = crate::builtins::functions::callable_name(self, callee);
                let ks = k.downcast::<Str>().unwrap().as_str().to_string();
                return Err(self.type_error(format!(
                    "{fname} got multiple values for keyword argument '{ks}'"
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// Unpacks exactly `n` items.
    fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        if let Some(items) = crate::ops::seq_items(seq) {
            if items.len() == n {
                return Ok(items);
            }
            if items.len() < n {
                return Err(self.value_error(format!(
                    "not enough values to unpack (expected {n}, got {})",
                    items.len()
                )));
            }
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        let it = self.iter(seq).map_err(|e| {
            if self.exc_matches(&e, &self.t.type_error.clone()) {
                self.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    self.type_name(seq)
                ))
            } else {
                e
            }
        })?;
        let mut out = Vec::with_capacity(n);
        while let Some(v) = self.next(&it)? {
            if out.len() == n {
                return Err(self.value_error(format!("too many values to unpack (expected {n})")));
            }
            out.push(v);
        }
        if out.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                out.len()
            )));
        }
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn make_function(
        &mut self,
        codeobj: Value,
        globals: Value,
        builtins: Value,
        defaults: Value,
        kwdefaults: Value,
        annotations: Value,
        closure: Value,
    ) -> Value {
        let c = codeobj.downcast::<Code>().unwrap();
        let name = c.name.clone();
        let qualname = c.qualname.clone();
        let doc = if c.code.flags & adder_bytecode::flags::OPTIMIZED != 0
            && &*c.code.name != "<lambda>"
        {
            match c.consts.first() {
                Some(d) if d.kind() == Some(kinds::STR) => d.clone(),
                _ => Value::NONE,
            }
        } else {
            Value::NONE
        };
        let module =
            crate::ops::dict_get_strkey(&globals, &self.names.__name__).unwrap_or(Value::NONE);
        let ann = if annotations.is_null() {
            Value::NULL
        } else if let Some(t) = annotations.downcast::<Tuple>() {
            let d = self.new_dict();
            let items = t.items.to_vec();
            for pair in items.chunks(2) {
                if pair.len() == 2 {
                    let _ = self.dict_set(&d, pair[0].clone(), pair[1].clone());
                }
            }
            d
        } else {
            annotations
        };
        self.alloc_builtin(
            &self.t.function,
            Function {
                code: adder_object::ValueCell::new(codeobj.clone()),
                globals,
                builtins,
                name: adder_object::ValueCell::new(name),
                qualname: adder_object::ValueCell::new(qualname),
                defaults: adder_object::ValueCell::new(Vm::none_if_null(defaults)),
                kwdefaults: adder_object::ValueCell::new(Vm::none_if_null(kwdefaults)),
                closure,
                doc: adder_object::ValueCell::new(doc),
                dict: adder_object::ValueCell::new(Value::NULL),
                module: adder_object::ValueCell::new(module),
                annotations: adder_object::ValueCell::new(ann),
            },
        )
    }

    /// `raise X`: instantiates classes, checks it derives from BaseException.
    pub fn make_raisable(&mut self, e: Value) -> PyResult {
        if self.is_type(&e) {
            if crate::ops::is_subtype(&e, &self.t.base_exception) {
                let inst = self.call(&e, vec![])?;
                if inst.kind() != Some(kinds::EXCEPTION) {
                    let r = self.repr_string(&e)?;
                    let msg = format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        r,
                        self.type_name(&inst)
                    );
                    return Err(self.type_error(msg));
                }
                return Ok(inst);
            }
        } else if e.kind() == Some(kinds::EXCEPTION) {
            return Ok(e);
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    fn make_cause(&mut self, c: Value) -> PyResult {
        if self.is_type(&c) && crate::ops::is_subtype(&c, &self.t.base_exception) {
            return self.call(&c, vec![]);
        }
        if c.kind() == Some(kinds::EXCEPTION) {
            return Ok(c);
        }
        Err(self.type_error("exception causes must derive from BaseException"))
    }

    /// Sets `__context__` of a newly raised exception to the one being handled.
    pub fn set_context(&self, e: &Value) {
        let cur = self.handled_exception();
        if cur.is_none() || cur.is_null() || cur.is(e) {
            return;
        }
        if let Some(x) = e.downcast::<crate::objects::exception::Exception>() {
            if x.context.get().is_none() {
                // Avoid creating a cycle through the context chain.
                let mut o = cur.clone();
                let mut guard = 0;
                while let Some(ox) = o.downcast::<crate::objects::exception::Exception>() {
                    let next = ox.context.get();
                    if next.is(e) {
                        ox.context.set(Value::NONE);
                        break;
                    }
                    o = next;
                    guard += 1;
                    if guard > 10000 {
                        break;
                    }
                }
                x.context.set(cur);
            }
        }
    }

    fn reraise_marker(&mut self, e: Value) -> Value {
        self.reraising = true;
        e
    }

    fn check_exc_match(&mut self, e: &Value, ty: &Value) -> PyResult<bool> {
        let check = |vm: &Vm, t: &Value| -> bool {
            vm.is_type(t) && crate::ops::is_subtype(t, &vm.t.base_exception)
        };
        if let Some(t) = ty.downcast::<Tuple>() {
            for x in t.items.iter() {
                if !check(self, x) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
            }
            return Ok(t.items.iter().any(|x| self.exc_matches(e, x)));
        }
        if !check(self, ty) {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(self.exc_matches(e, ty))
    }

    /// Prepares a generator's frame to be resumed in the loop with `value`
    /// sent in; None if the generator is finished. Errors if it is running.
    pub fn gen_frame_for_resume(
        &mut self,
        genv: &Value,
        value: Value,
    ) -> PyResult<Option<Box<Frame>>> {
        let gen = genv.downcast::<Generator>().unwrap();
        match gen.state.get() {
            GenState::Running => return Err(self.value_error("generator already executing")),
            GenState::Finished => {
                if gen.kind == crate::objects::iter::GenKind::Coroutine {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                return Ok(None);
            }
            GenState::Created => {
                if !value.is_none() {
                    return Err(
                        self.type_error("can't send non-None value to a just-started generator")
                    );
                }
            }
            GenState::Suspended => {}
        }
        let Some(mut fr) = gen.frame.take() else {
            return Ok(None);
        };
        if gen.state.get() == GenState::Suspended {
            fr.stack.push(value);
        }
        gen.state.set(GenState::Running);
        self.gen_enter(gen);
        fr.gen = genv.clone();
        fr.boundary = false;
        Ok(Some(fr))
    }

    /// Sends into a non-generator iterator (`yield from` over any iterator):
    /// Ok(Ok(yielded)) or Ok(Err(return value)).
    fn send_to(&mut self, sub: &Value, v: Value) -> PyResult<Result<Value, Value>> {
        let r = if v.is_none() {
            self.next_raw(sub)
        } else {
            let sn = self.names.send.clone();
            match self.call_special(sub, &sn, vec![v]) {
                Ok(Some(r)) => Ok(Some(r)),
                Ok(None) => return Err(self.attribute_error(sub, "send")),
                Err(e) => Err(e),
            }
        };
        match r {
            Ok(Some(y)) => Ok(Ok(y)),
            Ok(None) => Ok(Err(Value::NONE)),
            Err(e) => {
                if self.exc_matches(&e, &self.t.stop_iteration.clone()) {
                    let val = crate::builtins::exceptions::stop_iteration_value(self, &e);
                    Ok(Err(val))
                } else {
                    Err(e)
                }
            }
        }
    }
}

use crate::ops::dict_get_str;

#[allow(dead_code)]
fn _assert_set_payload(_: &Set) {}
