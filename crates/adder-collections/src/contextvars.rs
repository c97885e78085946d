//! The `_contextvars` module: `ContextVar`, `Token`, `Context` and
//! `copy_context`. A context's variables form an immutable mapping shared
//! between copies (copy-on-write), so `copy_context()` is O(1); the
//! current context of the interpreter is `Vm::context`.
//!
//! Invariants: a context's `vars` is never mutated in place while shared
//! (`Rc::make_mut`); only the current context is changed by
//! `ContextVar.set`/`reset`; a context is entered at most once at a time,
//! and `run` restores the previous context whether the call succeeds or not.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adder_bytecode::CmpOp;
use adder_object::{payload, Payload, Trace, Value, ValueCell};
use adder_vm::native;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{check_pos, no_kw, noargs, onearg};
use crate::kind;

type Vars = Rc<Vec<(Value, Value)>>;

/// The mapping is shared copy-on-write between contexts: its values belong
/// to this context alone only while nobody else holds it (the `Rc` impl of
/// `Trace` reports a shared one from nobody). Clearing gives this context
/// a fresh empty mapping.
#[derive(Trace)]
pub struct Context {
    #[trace(clear)]
    pub vars: RefCell<Vars>,
    pub entered: Cell<bool>,
    /// The context that was current when this one was entered.
    #[trace(clear = "none")]
    pub prev: ValueCell,
}
payload!(Context, kind::CONTEXT, "Context");

#[derive(Trace)]
pub struct ContextVar {
    pub name: Value,
    /// NULL: no default.
    pub default: Value,
}
payload!(ContextVar, kind::CONTEXT_VAR, "ContextVar");

#[derive(Trace)]
pub struct Token {
    pub ctx: Value,
    pub var: Value,
    /// NULL: the variable had no value (`Token.MISSING`).
    pub old: Value,
    pub used: Cell<bool>,
}
payload!(Token, kind::TOKEN, "Token");

/// The payload of `Token.MISSING`.
#[derive(Trace)]
pub struct Missing;
payload!(Missing, kind::MISSING, "Token.MISSING");

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let obj = vm.t.object.clone();
    let cv = native::new_type(
        vm,
        "_contextvars",
        "ContextVar",
        &obj,
        ContextVar::vtable(),
        kind::CONTEXT_VAR,
        0,
    );
    vm.set_new(&cv, var_new);
    vm.add_method(&cv, "get", var_get);
    vm.add_method(&cv, "set", var_set);
    vm.add_method(&cv, "reset", var_reset);
    vm.add_method(&cv, "__repr__", var_repr);
    vm.add_method(&cv, "__hash__", var_hash);
    vm.add_getset(&cv, "name", var_name, Some(readonly));
    vm.add_classmethod(&cv, "__class_getitem__", crate::class_getitem);
    native::module_set(vm, m, "ContextVar", cv);

    let tok = native::new_type(
        vm,
        "_contextvars",
        "Token",
        &obj,
        Token::vtable(),
        kind::TOKEN,
        0,
    );
    vm.set_new(&tok, token_new);
    vm.add_method(&tok, "__repr__", token_repr);
    vm.add_getset(&tok, "var", token_var, Some(readonly));
    vm.add_getset(&tok, "old_value", token_old, Some(readonly));
    vm.add_classmethod(&tok, "__class_getitem__", crate::class_getitem);
    let mt = native::new_type(
        vm,
        "Token",
        "MISSING",
        &obj,
        Missing::vtable(),
        kind::MISSING,
        0,
    );
    vm.add_method(&mt, "__repr__", |vm, _| Ok(vm.new_str("<Token.MISSING>")));
    let missing = vm.alloc_builtin(&mt, Missing);
    if let Some(h) = missing.header() {
        h.make_immortal();
    }
    vm.add_attr(&tok, "MISSING", missing);
    native::module_set(vm, m, "Token", tok);

    let ctx = native::new_type(
        vm,
        "_contextvars",
        "Context",
        &obj,
        Context::vtable(),
        kind::CONTEXT,
        adder_vm::objects::types::tflags::MAPPING,
    );
    vm.set_new(&ctx, ctx_new);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("run", ctx_run),
        ("copy", ctx_copy),
        ("get", ctx_get),
        ("keys", ctx_keys),
        ("values", ctx_values),
        ("items", ctx_items),
        ("__getitem__", ctx_getitem),
        ("__contains__", ctx_contains),
        ("__len__", ctx_len),
        ("__iter__", ctx_iter),
        ("__eq__", |vm, a| ctx_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| ctx_cmp(vm, a, CmpOp::Ne)),
    ];
    for &(n, f) in methods {
        vm.add_method(&ctx, n, f);
    }
    vm.add_attr(&ctx, "__hash__", Value::NONE);
    native::module_set(vm, m, "Context", ctx);
    native::module_add_fns(vm, m, &[("copy_context", copy_context)]);
    Ok(())
}

fn readonly(vm: &mut Vm, _: &Value, _: Value) -> PyResult<()> {
    Err(vm.new_exception_msg(&vm.t.attribute_error, "readonly attribute"))
}

fn addr(v: &Value) -> String {
    format!("{:#x}", v.bits() & 0xFFFF_FFFF_FFFF)
}

// ----- the current context ---------------------------------------------------------

fn new_context(vm: &mut Vm, vars: Vars) -> PyResult {
    let t = crate::module_type(vm, "_contextvars", "Context")?;
    Ok(vm.alloc_builtin(
        &t,
        Context {
            vars: RefCell::new(vars),
            entered: Cell::new(false),
            prev: ValueCell::new(Value::NULL),
        },
    ))
}

/// The current context, created (empty) on first use.
fn current(vm: &mut Vm) -> PyResult {
    if vm.context.downcast::<Context>().is_none() {
        let c = new_context(vm, Rc::new(Vec::new()))?;
        vm.context = c;
    }
    Ok(vm.context.clone())
}

fn lookup(vars: &Vars, var: &Value) -> Option<Value> {
    vars.iter().find(|(k, _)| k.is(var)).map(|(_, v)| v.clone())
}

fn vars_of(c: &Value) -> Vars {
    c.downcast::<Context>()
        .map_or_else(|| Rc::new(Vec::new()), |c| c.vars.borrow().clone())
}

// ----- ContextVar ------------------------------------------------------------------

fn var_new(vm: &mut Vm, args: Args) -> PyResult {
    let npos = args.pos.len().saturating_sub(1);
    if npos > 1 {
        return Err(vm.type_error(format!(
            "ContextVar() takes at most 1 positional argument ({npos} given)"
        )));
    }
    if npos == 0 {
        return Err(vm.type_error("ContextVar() takes exactly 1 positional argument (0 given)"));
    }
    let mut default = Value::NULL;
    for (k, v) in &args.kw {
        let n = crate::args::kw_name(k);
        if n != "default" {
            return Err(vm.type_error(format!(
                "'{n}' is an invalid keyword argument for ContextVar()"
            )));
        }
        default = v.clone();
    }
    let name = args.pos[1].clone();
    if crate::args::as_str(&name).is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    Ok(vm.alloc_builtin(&args.pos[0], ContextVar { name, default }))
}

fn this_var<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a ContextVar> {
    let Some(s) = args.pos.first() else {
        return Err(crate::args::needs_self(vm, meth));
    };
    s.downcast::<ContextVar>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{meth}' for '_contextvars.ContextVar' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        ))
    })
}

fn var_get(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "ContextVar.get")?;
    check_pos(vm, "get", args.pos.len().saturating_sub(1), 0, 1)?;
    let var = this_var(vm, &args, "get")?;
    let me = &args.pos[0];
    if let Some(c) = vm.context.downcast::<Context>() {
        if let Some(v) = lookup(&c.vars.borrow(), me) {
            return Ok(v);
        }
    }
    if let Some(d) = args.pos.get(1) {
        return Ok(d.clone());
    }
    if !var.default.is_null() {
        return Ok(var.default.clone());
    }
    Err(vm.new_exception(&vm.t.lookup_error, vec![me.clone()]))
}

fn var_set(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "ContextVar.set")?;
    let n = args.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!(
            "ContextVar.set() takes exactly one argument ({n} given)"
        )));
    }
    this_var(vm, &args, "set")?;
    let var = args.pos[0].clone();
    let value = args.pos[1].clone();
    let ctx = current(vm)?;
    let old = {
        let c = ctx.downcast::<Context>().expect("current is a Context");
        let mut vars = c.vars.borrow_mut();
        let v = Rc::make_mut(&mut vars);
        match v.iter_mut().find(|(k, _)| k.is(&var)) {
            Some(slot) => std::mem::replace(&mut slot.1, value),
            None => {
                v.push((var.clone(), value));
                Value::NULL
            }
        }
    };
    let t = crate::module_type(vm, "_contextvars", "Token")?;
    Ok(vm.alloc_builtin(
        &t,
        Token {
            ctx,
            var,
            old,
            used: Cell::new(false),
        },
    ))
}

fn var_reset(vm: &mut Vm, args: Args) -> PyResult {
    let tokv = onearg(vm, &args, "ContextVar.reset")?;
    this_var(vm, &args, "reset")?;
    let var = args.pos[0].clone();
    let Some(tok) = tokv.downcast::<Token>() else {
        let r = vm.repr_string(&tokv)?;
        return Err(vm.type_error(format!("expected an instance of Token, got {r}")));
    };
    if tok.used.get() {
        let r = vm.repr_string(&tokv)?;
        return Err(vm.runtime_error(format!("{r} has already been used once")));
    }
    if !tok.var.is(&var) {
        let r = vm.repr_string(&tokv)?;
        return Err(vm.value_error(format!("{r} was created by a different ContextVar")));
    }
    let ctx = current(vm)?;
    if !tok.ctx.is(&ctx) {
        let r = vm.repr_string(&tokv)?;
        return Err(vm.value_error(format!("{r} was created in a different Context")));
    }
    tok.used.set(true);
    let c = ctx.downcast::<Context>().expect("current is a Context");
    let removed = {
        let mut vars = c.vars.borrow_mut();
        let v = Rc::make_mut(&mut vars);
        let pos = v.iter().position(|(k, _)| k.is(&var));
        if tok.old.is_null() {
            pos.map(|i| v.remove(i))
        } else {
            match pos {
                Some(i) => Some((var.clone(), std::mem::replace(&mut v[i].1, tok.old.clone()))),
                None => {
                    v.push((var.clone(), tok.old.clone()));
                    None
                }
            }
        }
    };
    drop(removed);
    Ok(Value::NONE)
}

fn var_repr(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__repr__")?;
    let var = this_var(vm, &args, "__repr__")?;
    let (name, default) = (var.name.clone(), var.default.clone());
    let mut s = format!("<ContextVar name={}", vm.repr_string(&name)?);
    if !default.is_null() {
        s.push_str(&format!(" default={}", vm.repr_string(&default)?));
    }
    s.push_str(&format!(" at {}>", addr(&args.pos[0])));
    Ok(vm.new_string(s))
}

fn var_hash(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__hash__")?;
    this_var(vm, &args, "__hash__")?;
    let h = (args.pos[0].bits() >> 4) as i64;
    Ok(vm.new_int(h & 0x7FFF_FFFF_FFFF))
}

fn var_name(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<ContextVar>() {
        Some(var) => Ok(var.name.clone()),
        None => Err(vm.type_error("descriptor 'name' doesn't apply")),
    }
}

// ----- Token -----------------------------------------------------------------------

fn token_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.runtime_error("Tokens can only be created by ContextVars"))
}

fn token_repr(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__repr__")?;
    let Some(tok) = args.pos[0].downcast::<Token>() else {
        return Err(vm.type_error("descriptor '__repr__' requires a '_contextvars.Token' object"));
    };
    let used = if tok.used.get() { " used" } else { "" };
    let var = tok.var.clone();
    let r = vm.repr_string(&var)?;
    Ok(vm.new_string(format!("<Token{used} var={r} at {}>", addr(&args.pos[0]))))
}

fn token_var(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<Token>() {
        Some(t) => Ok(t.var.clone()),
        None => Err(vm.type_error("descriptor 'var' doesn't apply")),
    }
}

fn token_old(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<Token>() {
        Some(t) if t.old.is_null() => {
            let tt = crate::module_type(vm, "_contextvars", "Token")?;
            vm.getattr_str(&tt, "MISSING")
        }
        Some(t) => Ok(t.old.clone()),
        None => Err(vm.type_error("descriptor 'old_value' doesn't apply")),
    }
}

// ----- Context ---------------------------------------------------------------------

fn ctx_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    Ok(vm.alloc_builtin(
        &args.pos[0],
        Context {
            vars: RefCell::new(Rc::new(Vec::new())),
            entered: Cell::new(false),
            prev: ValueCell::new(Value::NULL),
        },
    ))
}

fn this_ctx<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a Context> {
    let Some(s) = args.pos.first() else {
        return Err(crate::args::needs_self(vm, meth));
    };
    s.downcast::<Context>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{meth}' for '_contextvars.Context' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        ))
    })
}

fn check_key(vm: &mut Vm, k: &Value) -> PyResult<()> {
    if k.downcast::<ContextVar>().is_none() {
        let r = vm.repr_string(k)?;
        return Err(vm.type_error(format!("a ContextVar key was expected, got {r}")));
    }
    Ok(())
}

fn ctx_run(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    let c = this_ctx(vm, &args, "run")?;
    let ctxv = args.pos[0].clone();
    if c.entered.get() {
        let r = crate::args::as_str(&vm.repr(&ctxv)?)
            .unwrap_or("")
            .to_string();
        return Err(vm.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let prev = std::mem::replace(&mut vm.context, ctxv.clone());
    c.prev.set(prev);
    c.entered.set(true);
    let mut pos = args.pos.drain(1..).collect::<adder_vm::vm::ArgVec>();
    let f = pos.remove(0);
    let r = vm.call_args(&f, Args { pos, kw: args.kw });
    let c = ctxv.downcast::<Context>().expect("context");
    c.entered.set(false);
    let prev = c.prev.take();
    vm.context = prev;
    r
}

fn ctx_copy(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "copy")?;
    let c = this_ctx(vm, &args, "copy")?;
    let vars = c.vars.borrow().clone();
    new_context(vm, vars)
}

fn copy_context(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "copy_context")?;
    if !args.pos.is_empty() {
        return Err(vm.type_error(format!(
            "copy_context() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    let cur = current(vm)?;
    let vars = vars_of(&cur);
    new_context(vm, vars)
}

fn ctx_get(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "get")?;
    check_pos(vm, "get", args.pos.len().saturating_sub(1), 1, 2)?;
    let c = this_ctx(vm, &args, "get")?;
    let vars = c.vars.borrow().clone();
    check_key(vm, &args.pos[1])?;
    Ok(lookup(&vars, &args.pos[1])
        .unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::NONE)))
}

fn ctx_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let k = onearg(vm, &args, "__getitem__")?;
    let c = this_ctx(vm, &args, "__getitem__")?;
    let vars = c.vars.borrow().clone();
    check_key(vm, &k)?;
    lookup(&vars, &k).ok_or_else(|| vm.key_error(k))
}

fn ctx_contains(vm: &mut Vm, args: Args) -> PyResult {
    let k = onearg(vm, &args, "__contains__")?;
    let c = this_ctx(vm, &args, "__contains__")?;
    let vars = c.vars.borrow().clone();
    check_key(vm, &k)?;
    Ok(Value::from_bool(lookup(&vars, &k).is_some()))
}

fn ctx_len(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__len__")?;
    let n = this_ctx(vm, &args, "__len__")?.vars.borrow().len();
    Ok(vm.new_int(n as i64))
}

fn ctx_list(vm: &mut Vm, args: &Args, meth: &str, f: fn(&Vm, &Value, &Value) -> Value) -> PyResult {
    noargs(vm, args, meth)?;
    let vars = this_ctx(vm, args, meth)?.vars.borrow().clone();
    let items: Vec<Value> = vars.iter().map(|(k, v)| f(vm, k, v)).collect();
    Ok(vm.new_list(items))
}

fn ctx_iter(vm: &mut Vm, args: Args) -> PyResult {
    let l = ctx_list(vm, &args, "__iter__", |_, k, _| k.clone())?;
    vm.iter(&l)
}

fn ctx_keys(vm: &mut Vm, args: Args) -> PyResult {
    ctx_list(vm, &args, "keys", |_, k, _| k.clone())
}

fn ctx_values(vm: &mut Vm, args: Args) -> PyResult {
    ctx_list(vm, &args, "values", |_, _, v| v.clone())
}

fn ctx_items(vm: &mut Vm, args: Args) -> PyResult {
    ctx_list(vm, &args, "items", |vm, k, v| {
        vm.new_tuple(vec![k.clone(), v.clone()])
    })
}

fn ctx_cmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let other = onearg(vm, &args, "__eq__")?;
    let c = this_ctx(vm, &args, "__eq__")?;
    let Some(o) = other.downcast::<Context>() else {
        return Ok(vm.not_implemented.clone());
    };
    let a = c.vars.borrow().clone();
    let b = o.vars.borrow().clone();
    let mut eq = a.len() == b.len();
    if eq && !Rc::ptr_eq(&a, &b) {
        for (k, v) in a.iter() {
            match lookup(&b, k) {
                Some(w) if vm.eq(v, &w)? => {}
                _ => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(Value::from_bool(if matches!(op, CmpOp::Eq) {
        eq
    } else {
        !eq
    }))
}
