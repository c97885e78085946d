//! The `_operator` module: the operator functions over the VM's protocols,
//! `itemgetter`, `attrgetter`, `methodcaller`, `length_hint`, `index` and
//! `_compare_digest`.
//!
//! Invariant: every function reaches its operation through the same VM
//! entry point the interpreter uses for the operator (so overloads and
//! error messages agree with `a + b`, `a[b]`, ...).

use adder_bytecode::{BinOp, CmpOp, UnOp};
use adder_object::{payload, Payload, Trace, Value};
use adder_vm::kinds;
use adder_vm::native;
use adder_vm::ops::{dict_get_str, native_len, type_lookup};
use adder_vm::vm::NativeFn;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{as_str, check_pos, kw_name};
use crate::kind;

/// The three callable object types of the module.
#[derive(Trace)]
pub enum OpCall {
    ItemGetter(Vec<Value>),
    /// Each attribute as its dotted parts (interned), plus the original names.
    AttrGetter(Vec<Vec<Value>>, Vec<Value>),
    MethodCaller {
        name: Value,
        args: Vec<Value>,
        kwargs: Vec<(Value, Value)>,
    },
}
payload!(OpCall, kind::OPERATOR_CALLABLE, "operator");

/// `_operator.name() takes no keyword arguments`.
fn no_kw(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("_operator.{name}() takes no keyword arguments")))
    }
}

fn unary_args(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    no_kw(vm, args, name)?;
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos[0].clone())
}

fn binary_args(vm: &Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    no_kw(vm, args, name)?;
    check_pos(vm, name, args.pos.len(), 2, 2)?;
    Ok((args.pos[0].clone(), args.pos[1].clone()))
}

macro_rules! binops {
    ($($fname:ident, $name:literal, $op:expr, $inplace:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult {
            let (a, b) = binary_args(vm, &args, $name)?;
            vm.binary_op(&a, &b, $op, $inplace)
        })*
        const BINOPS: &[(&str, NativeFn)] = &[$(($name, $fname)),*];
    };
}

binops! {
    op_add, "add", BinOp::Add, false;
    op_sub, "sub", BinOp::Sub, false;
    op_mul, "mul", BinOp::Mul, false;
    op_matmul, "matmul", BinOp::MatMul, false;
    op_truediv, "truediv", BinOp::TrueDiv, false;
    op_floordiv, "floordiv", BinOp::FloorDiv, false;
    op_mod, "mod", BinOp::Mod, false;
    op_pow, "pow", BinOp::Pow, false;
    op_lshift, "lshift", BinOp::LShift, false;
    op_rshift, "rshift", BinOp::RShift, false;
    op_and, "and_", BinOp::And, false;
    op_or, "or_", BinOp::Or, false;
    op_xor, "xor", BinOp::Xor, false;
    op_iadd, "iadd", BinOp::Add, true;
    op_isub, "isub", BinOp::Sub, true;
    op_imul, "imul", BinOp::Mul, true;
    op_imatmul, "imatmul", BinOp::MatMul, true;
    op_itruediv, "itruediv", BinOp::TrueDiv, true;
    op_ifloordiv, "ifloordiv", BinOp::FloorDiv, true;
    op_imod, "imod", BinOp::Mod, true;
    op_ipow, "ipow", BinOp::Pow, true;
    op_ilshift, "ilshift", BinOp::LShift, true;
    op_irshift, "irshift", BinOp::RShift, true;
    op_iand, "iand", BinOp::And, true;
    op_ior, "ior", BinOp::Or, true;
    op_ixor, "ixor", BinOp::Xor, true;
}

macro_rules! cmpops {
    ($($fname:ident, $name:literal, $op:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult {
            let (a, b) = binary_args(vm, &args, $name)?;
            vm.richcmp(&a, &b, $op)
        })*
        const CMPOPS: &[(&str, NativeFn)] = &[$(($name, $fname)),*];
    };
}

cmpops! {
    op_lt, "lt", CmpOp::Lt;
    op_le, "le", CmpOp::Le;
    op_eq, "eq", CmpOp::Eq;
    op_ne, "ne", CmpOp::Ne;
    op_gt, "gt", CmpOp::Gt;
    op_ge, "ge", CmpOp::Ge;
}

macro_rules! unops {
    ($($fname:ident, $name:literal, $op:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult {
            let a = unary_args(vm, &args, $name)?;
            vm.unary_op(&a, $op)
        })*
        const UNOPS: &[(&str, NativeFn)] = &[$(($name, $fname)),*];
    };
}

unops! {
    op_neg, "neg", UnOp::Negative;
    op_pos, "pos", UnOp::Positive;
    op_inv, "inv", UnOp::Invert;
    op_invert, "invert", UnOp::Invert;
}

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let doc = vm.new_str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.");
    native::module_set(vm, m, "__doc__", doc);
    for table in [BINOPS, CMPOPS, UNOPS] {
        native::module_add_fns(vm, m, table);
    }
    native::module_add_fns(
        vm,
        m,
        &[
            ("truth", op_truth),
            ("not_", op_not),
            ("is_", op_is),
            ("is_not", op_is_not),
            ("abs", op_abs),
            ("index", op_index),
            ("concat", op_concat),
            ("iconcat", op_iconcat),
            ("contains", op_contains),
            ("countOf", op_count_of),
            ("indexOf", op_index_of),
            ("getitem", op_getitem),
            ("setitem", op_setitem),
            ("delitem", op_delitem),
            ("length_hint", op_length_hint),
            ("call", op_call),
            ("_compare_digest", compare_digest),
        ],
    );
    let obj = vm.t.object.clone();
    for (name, new) in [
        ("itemgetter", itemgetter_new as NativeFn),
        ("attrgetter", attrgetter_new),
        ("methodcaller", methodcaller_new),
    ] {
        let t = native::new_type(
            vm,
            "operator",
            name,
            &obj,
            OpCall::vtable(),
            kind::OPERATOR_CALLABLE,
            0,
        );
        vm.set_new(&t, new);
        vm.add_method(&t, "__call__", opcall_call);
        vm.add_method(&t, "__repr__", opcall_repr);
        vm.add_method(&t, "__reduce__", opcall_reduce);
        native::module_set(vm, m, name, t);
    }
    Ok(())
}

// ----- simple functions -------------------------------------------------------------

fn op_truth(vm: &mut Vm, args: Args) -> PyResult {
    let a = unary_args(vm, &args, "truth")?;
    Ok(Value::from_bool(vm.truthy(&a)?))
}

fn op_not(vm: &mut Vm, args: Args) -> PyResult {
    let a = unary_args(vm, &args, "not_")?;
    Ok(Value::from_bool(!vm.truthy(&a)?))
}

fn op_is(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = binary_args(vm, &args, "is_")?;
    Ok(Value::from_bool(a.is(&b)))
}

fn op_is_not(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = binary_args(vm, &args, "is_not")?;
    Ok(Value::from_bool(!a.is(&b)))
}

fn op_abs(vm: &mut Vm, args: Args) -> PyResult {
    let a = unary_args(vm, &args, "abs")?;
    let f = dict_get_str(&vm.builtins, "abs").ok_or_else(|| vm.system_error("no abs"))?;
    vm.call(&f, vec![a])
}

fn op_index(vm: &mut Vm, args: Args) -> PyResult {
    let a = unary_args(vm, &args, "index")?;
    if adder_vm::num::is_int(&a) && vm.type_of(&a).is(&vm.t.int) {
        return Ok(a);
    }
    let i = vm.index(&a)?;
    Ok(vm.new_bigint(i))
}

/// `PySequence_Check`: has `__getitem__` and is not a dict.
fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    match v.kind() {
        Some(kinds::DICT) => false,
        Some(kinds::LIST)
        | Some(kinds::TUPLE)
        | Some(kinds::STR)
        | Some(kinds::BYTES)
        | Some(kinds::BYTEARRAY)
        | Some(kinds::RANGE) => true,
        _ => {
            let t = vm.type_of(v);
            let g = vm.intern("__getitem__");
            type_lookup(&t, &g).is_some()
        }
    }
}

fn concat(vm: &mut Vm, args: Args, name: &str, inplace: bool) -> PyResult {
    let (a, b) = binary_args(vm, &args, name)?;
    if !is_sequence(vm, &a) {
        return Err(vm.type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(&a)
        )));
    }
    vm.binary_op(&a, &b, BinOp::Add, inplace)
}

fn op_concat(vm: &mut Vm, args: Args) -> PyResult {
    concat(vm, args, "concat", false)
}

fn op_iconcat(vm: &mut Vm, args: Args) -> PyResult {
    concat(vm, args, "iconcat", true)
}

fn op_contains(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = binary_args(vm, &args, "contains")?;
    Ok(Value::from_bool(vm.contains(&a, &b)?))
}

/// `_PySequence_IterSearch`'s iterator, with its message for non-iterables.
fn search_iter(vm: &mut Vm, seq: &Value) -> PyResult {
    match vm.iter(seq) {
        Ok(it) => Ok(it),
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => Err(vm.type_error(format!(
            "argument of type '{}' is not iterable",
            vm.type_name(seq)
        ))),
        Err(e) => Err(e),
    }
}

fn op_count_of(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = binary_args(vm, &args, "countOf")?;
    let it = search_iter(vm, &a)?;
    let mut n = 0i64;
    while let Some(x) = vm.next(&it)? {
        if vm.eq(&x, &b)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn op_index_of(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = binary_args(vm, &args, "indexOf")?;
    let it = search_iter(vm, &a)?;
    let mut i = 0i64;
    while let Some(x) = vm.next(&it)? {
        if vm.eq(&x, &b)? {
            return Ok(vm.new_int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = binary_args(vm, &args, "getitem")?;
    vm.getitem(&a, &b)
}

fn op_setitem(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "setitem")?;
    check_pos(vm, "setitem", args.pos.len(), 3, 3)?;
    vm.setitem(&args.pos[0], args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::NONE)
}

fn op_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = binary_args(vm, &args, "delitem")?;
    vm.delitem(&a, &b)?;
    Ok(Value::NONE)
}

/// `PyObject_LengthHint(o, default)`.
pub fn length_hint(vm: &mut Vm, o: &Value, default: i64) -> PyResult<i64> {
    let t = vm.type_of(o);
    let len_n = vm.intern("__len__");
    if native_len(o).is_some() || type_lookup(&t, &len_n).is_some_and(|f| !f.is_none()) {
        match vm.len(o) {
            Ok(n) => return Ok(n as i64),
            Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {}
            Err(e) => return Err(e),
        }
    }
    let hint_n = vm.intern("__length_hint__");
    let Some(hint) = type_lookup(&t, &hint_n) else {
        return Ok(default);
    };
    if hint.is_none() {
        return Ok(default);
    }
    let r = match vm.call_method_value(&hint, o, vec![]) {
        Ok(r) => r,
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is(&vm.not_implemented) {
        return Ok(default);
    }
    let Some(i) = adder_vm::num::as_bigint(&r).filter(|_| !r.is_float()) else {
        return Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        )));
    };
    let n = crate::args::big_ssize(vm, &i)?;
    if n < 0 {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(n)
}

fn op_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "length_hint")?;
    check_pos(vm, "length_hint", args.pos.len(), 1, 2)?;
    let default = match args.pos.get(1) {
        Some(d) => {
            if !adder_vm::num::is_int(d) {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(d)
                )));
            }
            crate::args::ssize(vm, d)?
        }
        None => 0,
    };
    let n = length_hint(vm, &args.pos[0], default)?;
    Ok(vm.new_int(n))
}

fn op_call(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.is_empty() {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    }
    let f = args.pos.remove(0);
    vm.call_args(&f, args)
}

/// `_operator._compare_digest(a, b)`: constant-time comparison of two
/// ASCII strs or two bytes-like objects.
fn compare_digest(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = binary_args(vm, &args, "_compare_digest")?;
    let (x, y): (Vec<u8>, Vec<u8>) = match (as_str(&a), as_str(&b)) {
        (Some(x), Some(y)) => {
            if !x.is_ascii() || !y.is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            (x.as_bytes().to_vec(), y.as_bytes().to_vec())
        }
        _ => {
            let has_buf = |v: &Value| as_str(v).is_none() && adder_vm::ops::bytes_of(v).is_some();
            if !has_buf(&a) && !has_buf(&b) {
                return Err(vm.type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    vm.type_name(&a),
                    vm.type_name(&b)
                )));
            }
            let buf = |vm: &Vm, v: &Value| -> PyResult<Vec<u8>> {
                match adder_vm::ops::bytes_of(v) {
                    Some(b) if as_str(v).is_none() => Ok(b),
                    _ => Err(vm.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(v)
                    ))),
                }
            };
            (buf(vm, &a)?, buf(vm, &b)?)
        }
    };
    // Time depends only on the length of `y`, as in CPython.
    let mut result: u8 = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (i, c) in y.iter().enumerate() {
        result |= left.get(i).copied().unwrap_or(0) ^ c;
    }
    Ok(Value::from_bool(result == 0))
}

// ----- itemgetter / attrgetter / methodcaller ------------------------------------------

fn itemgetter_new(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::no_kw(vm, &args, "itemgetter")?;
    if args.pos.len() < 2 {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(vm.alloc_builtin(&args.pos[0], OpCall::ItemGetter(args.pos[1..].to_vec())))
}

fn attrgetter_new(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::no_kw(vm, &args, "attrgetter")?;
    if args.pos.len() < 2 {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut parts = Vec::new();
    for a in &args.pos[1..] {
        let Some(s) = as_str(a) else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let s = s.to_string();
        parts.push(s.split('.').map(|p| vm.intern(p)).collect());
    }
    Ok(vm.alloc_builtin(
        &args.pos[0],
        OpCall::AttrGetter(parts, args.pos[1..].to_vec()),
    ))
}

fn methodcaller_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(name) = as_str(&args.pos[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("method name must be a string"));
    };
    let name = vm.intern(&name);
    Ok(vm.alloc_builtin(
        &args.pos[0],
        OpCall::MethodCaller {
            name,
            args: args.pos[2..].to_vec(),
            kwargs: args.kw,
        },
    ))
}

fn opcall<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a OpCall> {
    v.downcast::<OpCall>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires an operator object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn opcall_call(vm: &mut Vm, args: Args) -> PyResult {
    let Some(me) = args.pos.first().cloned() else {
        return Err(crate::args::needs_self(vm, "__call__"));
    };
    let o = opcall(vm, &me)?;
    let what = match o {
        OpCall::ItemGetter(_) => "itemgetter",
        OpCall::AttrGetter(..) => "attrgetter",
        OpCall::MethodCaller { .. } => "methodcaller",
    };
    crate::args::no_kw(vm, &args, what)?;
    check_pos(vm, what, args.pos.len().saturating_sub(1), 1, 1)?;
    let obj = args.pos[1].clone();
    match o {
        OpCall::ItemGetter(items) => {
            if items.len() == 1 {
                return vm.getitem(&obj, &items[0]);
            }
            let mut out = Vec::with_capacity(items.len());
            for k in items.clone() {
                out.push(vm.getitem(&obj, &k)?);
            }
            Ok(vm.new_tuple(out))
        }
        OpCall::AttrGetter(parts, _) => {
            let parts = parts.clone();
            let mut out = Vec::with_capacity(parts.len());
            for p in &parts {
                let mut v = obj.clone();
                for name in p {
                    v = vm.getattr(&v, name)?;
                }
                out.push(v);
            }
            if out.len() == 1 {
                return Ok(out.pop().unwrap_or(Value::NONE));
            }
            Ok(vm.new_tuple(out))
        }
        OpCall::MethodCaller { name, args, kwargs } => {
            let (name, pos, kw) = (name.clone(), args.clone(), kwargs.clone());
            let m = vm.getattr(&obj, &name)?;
            vm.call_args(
                &m,
                Args {
                    pos: pos.into(),
                    kw,
                },
            )
        }
    }
}

fn opcall_repr(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::noargs(vm, &args, "__repr__")?;
    let me = args.pos[0].clone();
    let o = opcall(vm, &me)?;
    if vm.repr_stack.contains(&me.bits()) {
        let n = vm.type_name(&me);
        return Ok(vm.new_string(format!("{n}(...)")));
    }
    let items: Vec<Value> = match o {
        OpCall::ItemGetter(items) => items.clone(),
        OpCall::AttrGetter(_, names) => names.clone(),
        OpCall::MethodCaller { name, args, .. } => {
            let mut v = vec![name.clone()];
            v.extend(args.iter().cloned());
            v
        }
    };
    let kwargs = match o {
        OpCall::MethodCaller { kwargs, .. } => kwargs.clone(),
        _ => Vec::new(),
    };
    vm.repr_stack.push(me.bits());
    let r = (|| -> PyResult<Vec<String>> {
        let mut parts = Vec::new();
        for v in &items {
            parts.push(vm.repr_string(v)?);
        }
        for (k, v) in &kwargs {
            parts.push(format!("{}={}", kw_name(k), vm.repr_string(v)?));
        }
        Ok(parts)
    })();
    vm.repr_stack.pop();
    let parts = r?;
    let n = vm.type_name(&me);
    Ok(vm.new_string(format!("{n}({})", parts.join(", "))))
}

fn opcall_reduce(vm: &mut Vm, args: Args) -> PyResult {
    crate::args::noargs(vm, &args, "__reduce__")?;
    let me = args.pos[0].clone();
    let t = vm.type_of(&me);
    let o = opcall(vm, &me)?;
    match o {
        OpCall::ItemGetter(items) => {
            let a = vm.new_tuple(items.clone());
            Ok(vm.new_tuple(vec![t, a]))
        }
        OpCall::AttrGetter(_, names) => {
            let a = vm.new_tuple(names.clone());
            Ok(vm.new_tuple(vec![t, a]))
        }
        OpCall::MethodCaller { name, args, kwargs } => {
            if kwargs.is_empty() {
                let mut v = vec![name.clone()];
                v.extend(args.iter().cloned());
                let a = vm.new_tuple(v);
                return Ok(vm.new_tuple(vec![t, a]));
            }
            let (name, margs, kwargs) = (name.clone(), args.clone(), kwargs.clone());
            let partial = crate::module_type(vm, "_functools", "partial")?;
            let p = vm.call_args(
                &partial,
                Args {
                    pos: [t, name].into_iter().collect(),
                    kw: kwargs,
                },
            )?;
            let a = vm.new_tuple(margs);
            Ok(vm.new_tuple(vec![p, a]))
        }
    }
}
