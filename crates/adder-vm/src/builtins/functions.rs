//! The functions of the `builtins` module that are not constructors of a
//! type (those live with their type): `print`, `len`, `isinstance`, `sorted`,
//! `exec`/`eval`/`compile`, `getattr` and friends.
//!
//! Invariant: each function validates its arguments with CPython's messages
//! before doing anything observable.

use adder_compiler::Mode;
use adder_object::Value;

use num_traits::ToPrimitive;

use crate::kinds;
use crate::num::as_bigint;
use crate::objects::function::{Function, Native};
use crate::objects::seq::Tuple;
use crate::objects::string::Str;
use crate::ops::{check_args, dict_get_str, is_subtype, type_lookup};
use crate::vm::{Args, PyResult, Vm};

/// `f()`-style name for messages about a callable (`f()`, `C.m()`).
pub fn callable_name(vm: &mut Vm, f: &Value) -> String {
    if let Some(func) = f.downcast::<Function>() {
        let q = func.qualname.get();
        let q = q.downcast::<Str>().map_or("?", |s| s.as_str()).to_string();
        let m = func.module.get();
        return match m.downcast::<Str>() {
            Some(m) if m.as_str() != "builtins" => format!("{}.{}()", m.as_str(), q),
            _ => format!("{q}()"),
        };
    }
    if let Some(m) = f.downcast::<crate::objects::function::Method>() {
        let inner = m.func.clone();
        return callable_name(vm, &inner);
    }
    if let Some(n) = f.downcast::<Native>() {
        return format!("{}()", n.name);
    }
    if vm.is_type(f) {
        return format!("{}()", vm.type_obj(f).name());
    }
    format!("{} object", vm.type_name(f))
}

/// The payload kind of `_io.TextIOWrapper` (adder-io numbers its payloads
/// from `kinds::IO_FIRST`; the wrapper is the seventh).
const TEXTIO_KIND: u8 = kinds::IO_FIRST + 6;

/// Whether a class was created by a class statement (not a builtin or
/// native-module type).
fn is_python_class(vm: &Vm, t: &Value) -> bool {
    vm.type_obj(t)
        .has_flag(crate::objects::types::tflags::HEAPTYPE)
}

/// `file.write(s)`: for builtin (non-heap) file types without an instance
/// override, the method is found on the type and called without binding.
fn write_to(vm: &mut Vm, file: &Value, s: Value) -> PyResult {
    let t = vm.type_of(file);
    let name = vm.names.write.clone();
    if !is_python_class(vm, &t) && vm.instance_attr(file, &name).is_none() {
        if let Some(f) = type_lookup(&t, &name) {
            return vm.call_method_value(&f, file, vec![s]);
        }
    }
    let m = vm.getattr(file, &name)?;
    vm.call(&m, vec![s])
}

fn print(vm: &mut Vm, mut args: Args) -> PyResult {
    let sep = args.take_kw("sep");
    let end = args.take_kw("end");
    let file = args.take_kw("file");
    let flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        let k = k
            .downcast::<Str>()
            .map_or("?".into(), |s| s.as_str().to_string());
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for print()")));
    }
    let text_of = |vm: &mut Vm, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) if v.is_none() => Ok(default.to_string()),
            Some(v) => match v.downcast::<Str>() {
                Some(s) => Ok(s.as_str().to_string()),
                None => Err(vm.type_error(format!(
                    "{what} must be None or a string, not {}",
                    vm.type_name(&v)
                ))),
            },
        }
    };
    let sep = text_of(vm, sep, " ", "sep")?;
    let end = text_of(vm, end, "\n", "end")?;
    let file = match file.filter(|f| !f.is_none()) {
        Some(f) => f,
        None => {
            let sys = vm.sys_module.clone();
            let d = crate::native::module_dict(&sys);
            match dict_get_str(&d, "stdout") {
                Some(f) => f,
                None => return Err(vm.runtime_error("lost sys.stdout")),
            }
        }
    };
    if file.is_none() {
        return Ok(Value::NONE);
    }
    let joinable = matches!(file.kind(), Some(kinds::STREAM) | Some(TEXTIO_KIND))
        && !is_python_class(vm, &vm.type_of(&file));
    if joinable {
        // One write for the whole line (same output as piecewise writes).
        let mut out = String::new();
        for (i, a) in args.pos.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            match a.downcast::<Str>() {
                Some(s) => out.push_str(s.as_str()),
                None => out.push_str(&vm.str_string(a)?),
            }
        }
        out.push_str(&end);
        let s = vm.new_string(out);
        write_to(vm, &file, s)?;
    } else {
        // Other file objects see each piece written separately, as in CPython.
        for (i, a) in args.pos.iter().enumerate() {
            if i > 0 {
                let s = vm.new_str(&sep);
                write_to(vm, &file, s)?;
            }
            let s = vm.str(a)?;
            write_to(vm, &file, s)?;
        }
        let s = vm.new_str(&end);
        write_to(vm, &file, s)?;
    }
    if let Some(f) = flush {
        if vm.truthy(&f)? {
            vm.call_method(&file, "flush", vec![])?;
        }
    }
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "len", &args, 1, 1)?;
    let n = vm.len(&args.pos[0])?;
    Ok(vm.new_int(n as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "repr", &args, 1, 1)?;
    vm.repr(&args.pos[0])
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "ascii", &args, 1, 1)?;
    vm.ascii(&args.pos[0])
}

/// `cls.__bases__` if it is a tuple (CPython's abstract class protocol);
/// an AttributeError means "not a class", other errors propagate.
fn abstract_bases(vm: &mut Vm, cls: &Value) -> PyResult<Option<Value>> {
    let n = vm.intern("__bases__");
    match vm.getattr(cls, &n) {
        Ok(b) if b.kind() == Some(kinds::TUPLE) => Ok(Some(b)),
        Ok(_) => Ok(None),
        Err(e) if vm.exc_matches(&e, &vm.t.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether `derived` reaches `cls` through `__bases__` chains.
fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    let mut d = derived.clone();
    loop {
        if d.is(cls) {
            return Ok(true);
        }
        let Some(bases) = abstract_bases(vm, &d)? else {
            return Ok(false);
        };
        let items = bases.downcast::<Tuple>().unwrap().items.to_vec();
        match items.len() {
            0 => return Ok(false),
            1 => d = items[0].clone(),
            _ => {
                for b in &items {
                    if recursion_guard(vm, " in __subclasscheck__", |vm| {
                        abstract_issubclass(vm, b, cls)
                    })? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

/// Runs `f` one level deeper against the recursion limit.
fn recursion_guard<T>(
    vm: &mut Vm,
    what: &str,
    f: impl FnOnce(&mut Vm) -> PyResult<T>,
) -> PyResult<T> {
    vm.check_stack()?;
    if vm.depth + vm.native_depth >= vm.recursion_limit {
        return Err(vm.new_exception_msg(
            &vm.t.recursion_error.clone(),
            format!("maximum recursion depth exceeded{what}"),
        ));
    }
    vm.depth += 1;
    let r = f(vm);
    vm.depth -= 1;
    r
}

pub fn isinstance_impl(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = cls.downcast::<Tuple>() {
        let items = t.items.to_vec();
        for c in items.iter() {
            if recursion_guard(vm, " in __instancecheck__", |vm| {
                isinstance_impl(vm, obj, c)
            })? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let t = vm.type_of(obj);
    if t.is(cls) {
        return Ok(true);
    }
    if vm.is_type(cls) {
        let meta = vm.type_of(cls);
        if !meta.is(&vm.t.type_) {
            let n = vm.names.__instancecheck__.clone();
            if let Some(f) = type_lookup(&meta, &n) {
                if f.kind() != Some(kinds::NATIVE) {
                    let r = vm.call_method_value(&f, cls, vec![obj.clone()])?;
                    return vm.truthy(&r);
                }
            }
        }
        if is_subtype(&t, cls) {
            return Ok(true);
        }
        // An instance whose __class__ is overridden.
        if obj.kind() == Some(kinds::INSTANCE) {
            let cn = vm.names.__class__.clone();
            if let Ok(c) = vm.getattr(obj, &cn) {
                if !c.is(&t) && vm.is_type(&c) {
                    return Ok(is_subtype(&c, cls));
                }
            }
        }
        return Ok(false);
    }
    let n = vm.names.__instancecheck__.clone();
    if let Some(r) = vm.call_special(cls, &n, vec![obj.clone()])? {
        return vm.truthy(&r);
    }
    if abstract_bases(vm, cls)?.is_none() {
        return Err(
            vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
        );
    }
    let cn = vm.names.__class__.clone();
    let icls = match vm.getattr(obj, &cn) {
        Ok(c) => c,
        Err(e) if vm.exc_matches(&e, &vm.t.attribute_error.clone()) => return Ok(false),
        Err(e) => return Err(e),
    };
    abstract_issubclass(vm, &icls, cls)
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "isinstance", &args, 2, 2)?;
    Ok(Value::from_bool(isinstance_impl(
        vm,
        &args.pos[0],
        &args.pos[1],
    )?))
}

pub fn issubclass_impl(vm: &mut Vm, c: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = cls.downcast::<Tuple>() {
        let items = t.items.to_vec();
        for x in items.iter() {
            if recursion_guard(vm, " in __subclasscheck__", |vm| issubclass_impl(vm, c, x))? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if vm.is_type(cls) {
        let meta = vm.type_of(cls);
        if !meta.is(&vm.t.type_) {
            let n = vm.names.__subclasscheck__.clone();
            if let Some(f) = type_lookup(&meta, &n) {
                if f.kind() != Some(kinds::NATIVE) {
                    let r = vm.call_method_value(&f, cls, vec![c.clone()])?;
                    return vm.truthy(&r);
                }
            }
        }
        if vm.is_type(c) {
            return Ok(is_subtype(c, cls));
        }
        if abstract_bases(vm, c)?.is_none() {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        return abstract_issubclass(vm, c, cls);
    }
    let n = vm.names.__subclasscheck__.clone();
    if let Some(r) = vm.call_special(cls, &n, vec![c.clone()])? {
        return vm.truthy(&r);
    }
    if !vm.is_type(c) && abstract_bases(vm, c)?.is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if abstract_bases(vm, cls)?.is_none() {
        return Err(
            vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        );
    }
    abstract_issubclass(vm, c, cls)
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "issubclass", &args, 2, 2)?;
    Ok(Value::from_bool(issubclass_impl(
        vm,
        &args.pos[0],
        &args.pos[1],
    )?))
}

fn attr_name(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Value> {
    match v.downcast::<Str>() {
        Some(s) => {
            let s = s.as_str().to_string();
            Ok(vm.intern(&s))
        }
        None => {
            let _ = func;
            Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            args.pos.len()
        )));
    }
    if args.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "getattr expected at most 3 arguments, got {}",
            args.pos.len()
        )));
    }
    let n = match args.pos[1].downcast::<Str>() {
        Some(s) => {
            let s = s.as_str().to_string();
            vm.intern(&s)
        }
        None => {
            return Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(&args.pos[1])
            )))
        }
    };
    match vm.getattr(&args.pos[0], &n) {
        Ok(v) => Ok(v),
        Err(e) if args.pos.len() == 3 && vm.exc_matches(&e, &vm.t.attribute_error.clone()) => {
            Ok(args.pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "setattr", &args, 3, 3)?;
    let n = attr_name(vm, &args.pos[1], "setattr")?;
    vm.setattr(&args.pos[0], &n, args.pos[2].clone())?;
    Ok(Value::NONE)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "delattr", &args, 2, 2)?;
    let n = attr_name(vm, &args.pos[1], "delattr")?;
    vm.delattr(&args.pos[0], &n)?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "hasattr", &args, 2, 2)?;
    let n = attr_name(vm, &args.pos[1], "hasattr")?;
    Ok(Value::from_bool(
        vm.getattr_opt(&args.pos[0], &n)?.is_some(),
    ))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "hash", &args, 1, 1)?;
    let h = vm.hash(&args.pos[0])?;
    Ok(vm.new_int(h))
}

fn id(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "id", &args, 1, 1)?;
    let v = &args.pos[0];
    let id = if v.is_ptr() {
        v.bits() & 0xFFFF_FFFF_FFFF
    } else {
        v.bits() >> 1
    };
    Ok(vm.new_bigint(num_bigint::BigInt::from(id)))
}

fn callable(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "callable", &args, 1, 1)?;
    Ok(Value::from_bool(vm.callable(&args.pos[0])))
}

impl Vm {
    /// `callable(v)`.
    pub fn callable(&self, v: &Value) -> bool {
        match v.kind() {
            Some(kinds::FUNCTION)
            | Some(kinds::NATIVE)
            | Some(kinds::METHOD)
            | Some(kinds::TYPE) => true,
            _ => {
                let t = self.type_of(v);
                type_lookup(&t, &self.names.__call__).is_some()
            }
        }
    }
}

fn chr(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "chr", &args, 1, 1)?;
    let i = vm.index(&args.pos[0])?;
    use num_traits::ToPrimitive;
    match i.to_u32() {
        Some(c) if c <= 0x10FFFF => match adder_text::surrogate::to_internal(c) {
            Some(ch) => Ok(vm.new_string(ch.to_string())),
            None => Err(vm.value_error("chr() arg not in range(0x110000)")),
        },
        _ => {
            if i.to_i64().is_none() {
                return Err(vm.overflow_error("Python int too large to convert to C int"));
            }
            Err(vm.value_error("chr() arg not in range(0x110000)"))
        }
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "ord", &args, 1, 1)?;
    let v = &args.pos[0];
    if let Some(s) = v.downcast::<Str>() {
        if s.char_len() == 1 {
            let c = s.as_str().chars().next().unwrap_or('\0');
            return Ok(vm.new_int(adder_text::surrogate::to_code_point(c) as i64));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        )));
    }
    if let Some(b) = crate::ops::bytes_of(v) {
        if b.len() == 1 {
            return Ok(vm.new_int(b[0] as i64));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(v)
    )))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "iter", &args, 1, 2)?;
    if args.pos.len() == 2 {
        let f = args.pos[0].clone();
        let callable_ = matches!(
            f.kind(),
            Some(kinds::FUNCTION) | Some(kinds::NATIVE) | Some(kinds::METHOD) | Some(kinds::TYPE)
        ) || type_lookup(&vm.type_of(&f), &vm.names.__call__.clone()).is_some();
        if !callable_ {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let ty = vm.t.callable_iterator.clone();
        let it = vm.new_iter(crate::objects::iter::IterKind::Callable, f, &ty);
        it.downcast::<crate::objects::iter::Iter>()
            .unwrap()
            .extra
            .set(args.pos[1].clone());
        return Ok(it);
    }
    vm.iter(&args.pos[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "next", &args, 1, 2)?;
    let it = &args.pos[0];
    let t = vm.type_of(it);
    let nn = vm.names.__next__.clone();
    if it.kind() != Some(kinds::ITERATOR)
        && it.kind() != Some(kinds::GENERATOR)
        && type_lookup(&t, &nn).is_none()
    {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    match vm.next_raw(it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::NONE)),
        },
        Err(e) => {
            if args.pos.len() == 2 && vm.exc_matches(&e, &vm.t.stop_iteration.clone()) {
                return Ok(args.pos[1].clone());
            }
            Err(e)
        }
    }
}

fn all(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "all", &args, 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn any(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "any", &args, 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn sum(vm: &mut Vm, mut args: Args) -> PyResult {
    let start = args.take_kw("start");
    check_args(vm, "sum", &args, 1, 2)?;
    let mut acc = args
        .pos
        .get(1)
        .cloned()
        .or(start)
        .unwrap_or(Value::small_int(0).unwrap());
    match acc.kind() {
        Some(kinds::STR) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Some(kinds::BYTES) => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        Some(kinds::BYTEARRAY) => {
            return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let it = vm.iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        // Small ints and floats add without dispatch (same results).
        if let (Some(a), Some(b)) = (acc.as_small_int(), x.as_small_int()) {
            if let Some(s) = a.checked_add(b) {
                acc = vm.new_int(s);
                continue;
            }
        }
        if let (Some(a), Some(b)) = (acc.as_inline_float(), x.as_inline_float()) {
            acc = vm.new_float(a + b);
            continue;
        }
        acc = vm.binary_op(&acc, &x, adder_bytecode::BinOp::Add, false)?;
    }
    Ok(acc)
}

fn minmax(vm: &mut Vm, mut args: Args, is_max: bool) -> PyResult {
    let name = if is_max { "max" } else { "min" };
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let default = args.take_kw("default");
    if let Some((k, _)) = args.kw.first() {
        let k = k
            .downcast::<Str>()
            .map_or("?".into(), |s| s.as_str().to_string());
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
    }
    let items = match args.pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.iterate(&args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, vec![best.clone()])?,
        None => best.clone(),
    };
    for x in items.into_iter().skip(1) {
        let kx = match &key {
            Some(k) => vm.call(k, vec![x.clone()])?,
            None => x.clone(),
        };
        let op = if is_max {
            adder_bytecode::CmpOp::Gt
        } else {
            adder_bytecode::CmpOp::Lt
        };
        let r = vm.richcmp(&kx, &best_key, op)?;
        if vm.truthy(&r)? {
            best = x;
            best_key = kx;
        }
    }
    Ok(best)
}

fn max(vm: &mut Vm, args: Args) -> PyResult {
    minmax(vm, args, true)
}
fn min(vm: &mut Vm, args: Args) -> PyResult {
    minmax(vm, args, false)
}

fn sorted(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let items = vm.iterate(&args.pos[0])?;
    let l = vm.new_list(items);
    args.pos[0] = l.clone();
    crate::builtins::seq::list_sort(vm, args)?;
    Ok(l)
}

fn format(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "format", &args, 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(s) => {
            if s.kind() != Some(kinds::STR) {
                return Err(vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                )));
            }
            s.clone()
        }
        None => vm.intern(""),
    };
    vm.format(&args.pos[0], &spec)
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult {
    match vm.frames.last() {
        Some(f) => Ok(f.globals.clone()),
        None => Ok(vm.new_dict()),
    }
}

fn locals(vm: &mut Vm, _args: Args) -> PyResult {
    crate::builtins::sys::current_locals(vm)
}

fn vars(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "vars", &args, 0, 1)?;
    if args.pos.is_empty() {
        return crate::builtins::sys::current_locals(vm);
    }
    let o = &args.pos[0];
    let dn = vm.names.__dict__.clone();
    match vm.getattr(o, &dn) {
        Ok(d) => Ok(d),
        Err(e) if vm.exc_matches(&e, &vm.t.attribute_error.clone()) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "dir", &args, 0, 1)?;
    let names = if args.pos.is_empty() {
        // The keys of the locals mapping (`keys()` of a custom one).
        let l = crate::builtins::sys::current_locals(vm)?;
        if vm.is_exact(&l, &vm.t.dict) {
            vm.iterate(&l)?
        } else {
            let k = vm.call_method(&l, "keys", vec![])?;
            vm.iterate(&k)?
        }
    } else {
        // Always `type(o).__dir__(o)`: a metaclass's or module's own
        // `__dir__` takes part, as in CPython.
        let o = args.pos[0].clone();
        let dn = vm.intern("__dir__");
        match vm.call_special(&o, &dn, vec![])? {
            Some(r) => vm.iterate(&r)?,
            None => vec![],
        }
    };
    let mut strs: Vec<String> = Vec::new();
    for n in names {
        if let Some(s) = n.downcast::<Str>() {
            strs.push(s.as_str().to_string());
        }
    }
    strs.sort();
    strs.dedup();
    let items = strs.into_iter().map(|s| vm.new_string(s)).collect();
    Ok(vm.new_list(items))
}

fn source_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<String> {
    let s = source_text(vm, v, func)?;
    if s.contains('\0') {
        return Err(vm.value_error("source code string cannot contain null bytes"));
    }
    Ok(s)
}

fn source_text(vm: &mut Vm, v: &Value, func: &str) -> PyResult<String> {
    if let Some(s) = v.downcast::<Str>() {
        if adder_text::surrogate::has_surrogates(s.as_str()) {
            // CPython encodes a str source to UTF-8 first.
            crate::builtins::str::codecs::encode(vm, s.as_str(), "utf-8", "strict")?;
        }
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = crate::ops::bytes_of(v) {
        return vm.decode_source(&b, "<string>", false);
    }
    Err(vm.type_error(format!(
        "{func}() arg 1 must be a string, bytes or {} object",
        if func == "compile" { "AST" } else { "code" }
    )))
}

fn exec_or_eval(vm: &mut Vm, args: Args, is_eval: bool) -> PyResult {
    let fname = if is_eval { "eval" } else { "exec" };
    let mut args = args;
    let g_kw = args.take_kw("globals");
    let l_kw = args.take_kw("locals");
    let closure = if is_eval {
        None
    } else {
        args.take_kw("closure").filter(|c| !c.is_none())
    };
    if args.pos.is_empty() || args.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "{fname} expected at least 1 argument, got {}",
            args.pos.len()
        )));
    }
    let src = args.pos[0].clone();
    let mut globals = args.pos.get(1).cloned().or(g_kw).unwrap_or(Value::NONE);
    let mut locals = args.pos.get(2).cloned().or(l_kw).unwrap_or(Value::NONE);
    if !globals.is_none() && globals.kind() != Some(kinds::DICT) {
        let msg = if is_eval {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
        } else {
            format!(
                "exec() globals must be a dict, not {}",
                vm.type_name(&globals)
            )
        };
        return Err(vm.type_error(msg));
    }
    if globals.is_none() {
        globals = match vm.frames.last() {
            Some(f) => f.globals.clone(),
            None => vm.new_dict(),
        };
        if locals.is_none() {
            locals = crate::builtins::sys::current_locals(vm)?;
        }
    } else if locals.is_none() {
        locals = globals.clone();
    }
    if dict_get_str(&globals, "__builtins__").is_none() {
        let b = vm.builtins_module.clone();
        crate::ops::dict_set_str(vm, &globals, "__builtins__", b)?;
    }
    let mut cells: Vec<Value> = Vec::new();
    let code = if src.kind() == Some(kinds::CODE) {
        let nfree = src
            .downcast::<crate::objects::function::Code>()
            .map_or(0, |c| c.code.freevars.len());
        if is_eval && nfree > 0 {
            return Err(
                vm.type_error("code object passed to eval() may not contain free variables")
            );
        }
        if nfree == 0 && closure.is_some() {
            return Err(vm.type_error("cannot use a closure with this code object"));
        }
        if nfree > 0 {
            // exec(code, globals, closure=cells): an exact tuple of cells.
            let ok = closure.as_ref().and_then(|c| {
                let t = c.downcast::<Tuple>()?;
                let exact = vm.type_of(c).is(&vm.t.tuple);
                (exact
                    && t.items.len() == nfree
                    && t.items.iter().all(|x| x.kind() == Some(kinds::CELL)))
                .then(|| t.items.to_vec())
            });
            match ok {
                Some(c) => cells = c,
                None => {
                    return Err(vm.type_error(format!(
                        "code object requires a closure of exactly length {nfree}"
                    )))
                }
            }
        }
        src
    } else if closure.is_some() {
        return Err(vm.type_error("closure can only be used when source is a code object"));
    } else {
        let s = source_arg(vm, &src, fname)?;
        let s = if is_eval {
            s.trim_start_matches([' ', '\t']).to_string()
        } else {
            s
        };
        vm.compile(
            &s,
            "<string>",
            if is_eval { Mode::Eval } else { Mode::Exec },
        )?
    };
    let mut frame = vm.make_module_frame(code, globals, locals);
    if !cells.is_empty() {
        // The free variables' cells are the last slots of `fast`.
        let fast = frame.stack.locals_mut();
        let start = fast.len() - cells.len();
        for (slot, c) in fast[start..].iter_mut().zip(cells) {
            *slot = c;
        }
    }
    let r = vm.run_frame(frame)?;
    Ok(if is_eval { r } else { Value::NONE })
}

fn exec(vm: &mut Vm, args: Args) -> PyResult {
    exec_or_eval(vm, args, false)
}
fn eval(vm: &mut Vm, args: Args) -> PyResult {
    exec_or_eval(vm, args, true)
}

/// `ast.PyCF_ONLY_AST`: `compile()` returns node objects instead of code.
const PYCF_ONLY_AST: i64 = 0x400;

/// `_ast._compile(source, filename, mode, flags, optimize)`, the hook through
/// which `compile()` builds or compiles AST node objects, when the native
/// `_ast` module is registered.
fn ast_compile_hook(vm: &mut Vm) -> PyResult<Option<Value>> {
    if !crate::native::is_native(vm, "_ast") {
        return Ok(None);
    }
    let m = crate::native::import(vm, "_ast")?;
    vm.getattr_str(&m, "_compile").map(Some)
}

/// The flags `compile()` accepts: the `__future__` feature flags
/// (0x20000..=0x1000000), the obsolete `CO_NESTED` (0x10), and `PyCF_*`
/// compile flags (DONT_IMPLY_DEDENT 0x200, ONLY_AST 0x400, TYPE_COMMENTS
/// 0x1000, ALLOW_TOP_LEVEL_AWAIT 0x2000, ALLOW_INCOMPLETE_INPUT 0x4000).
// CPython 3.11: Python/bltinmodule.c, builtin_compile_impl.
const COMPILE_FLAGS_ALLOWED: i64 = 0x1fe_0000 | 0x10 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000;

/// An int argument (`__index__`), as a C int-like `i64`.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = as_int_arg(vm, v)?;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

fn compile(vm: &mut Vm, mut args: Args) -> PyResult {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    if args.pos.len() > names.len() {
        return Err(vm.type_error(format!(
            "compile() takes at most 6 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut vals: Vec<Option<Value>> = vec![None; 6];
    for (i, v) in args.pos.iter().enumerate() {
        vals[i] = Some(v.clone());
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = args.take_kw(n) {
            if i < args.pos.len() {
                return Err(vm.type_error(format!(
                    "argument for compile() given by name ('{n}') and position ({})",
                    i + 1
                )));
            }
            vals[i] = Some(v);
        }
    }
    // `_feature_version` (ast.parse's) is accepted and ignored.
    let _ = args.take_kw("_feature_version");
    if let Some((k, _)) = args.kw.first() {
        let k = vm.str_string(k)?;
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for compile()"
        )));
    }
    let (Some(src), Some(filename), Some(mode)) =
        (vals[0].clone(), vals[1].clone(), vals[2].clone())
    else {
        return Err(vm.type_error("compile() missing required argument"));
    };
    let flags = match &vals[3] {
        Some(f) => int_arg(vm, f)?,
        None => 0,
    };
    if flags & !COMPILE_FLAGS_ALLOWED != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    if let Some(o) = &vals[5] {
        if !(-1..=2).contains(&int_arg(vm, o)?) {
            return Err(vm.value_error("compile(): invalid optimize value"));
        }
    }
    let is_text = src.downcast::<Str>().is_some() || crate::ops::bytes_of(&src).is_some();
    if flags & PYCF_ONLY_AST != 0 || !is_text {
        // To or from AST node objects: the native `_ast` module does it.
        if let Some(hook) = ast_compile_hook(vm)? {
            let flags_v = vals[3].clone().unwrap_or_else(|| vm.new_int(0));
            let optimize = vals[5].clone().unwrap_or_else(|| vm.new_int(-1));
            return vm.call(&hook, vec![src, filename, mode, flags_v, optimize]);
        }
        if flags & PYCF_ONLY_AST != 0 {
            return Err(vm.not_implemented_error(
                "compile() to an AST (PyCF_ONLY_AST) needs the _ast module, not available",
            ));
        }
    }
    let s = source_arg(vm, &src, "compile")?;
    let filename = vm.str_string(&filename)?;
    let mode = match mode
        .downcast::<Str>()
        .map(|s| s.as_str().to_string())
        .as_deref()
    {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    vm.compile(&s, &filename, mode)
}

fn import(vm: &mut Vm, mut args: Args) -> PyResult {
    for (i, n) in ["name", "globals", "locals", "fromlist", "level"]
        .iter()
        .enumerate()
    {
        if i < args.pos.len() && args.kw.iter().any(|(k, _)| str_is(k, n)) {
            return Err(vm.type_error(format!(
                "argument for __import__() given by name ('{n}') and position ({})",
                i + 1
            )));
        }
    }
    let name = args.take_kw("name").or_else(|| args.pos.first().cloned());
    let globals = args
        .take_kw("globals")
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::NONE);
    let fromlist = args
        .take_kw("fromlist")
        .or_else(|| args.pos.get(3).cloned())
        .unwrap_or(Value::NONE);
    let level = args
        .take_kw("level")
        .or_else(|| args.pos.get(4).cloned())
        .unwrap_or(Value::small_int(0).unwrap());
    let Some(name) = name else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(n) = name.downcast::<Str>().map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error("module name must be a string"));
    };
    let level = crate::num::as_i64(&level).unwrap_or(0);
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let globals = if globals.is_none() {
        vm.new_dict()
    } else {
        globals
    };
    crate::import::import_module_level(vm, &n, &globals, &fromlist, level as usize)
}

fn str_is(v: &Value, s: &str) -> bool {
    v.downcast::<Str>().is_some_and(|x| x.as_str() == s)
}

fn input(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "input", &args, 0, 1)?;
    // As CPython's builtin_input (non-interactive path): flush stderr,
    // write the prompt, flush stdout, then read one line.
    let sys = vm.sys_module.clone();
    let mut streams = Vec::new();
    for name in ["stdin", "stdout", "stderr"] {
        let s = vm.getattr_str(&sys, name).unwrap_or(Value::NONE);
        if s.is_none() {
            return Err(vm.runtime_error(format!("input(): lost sys.{name}")));
        }
        streams.push(s);
    }
    let (inp, out, err) = (streams[0].clone(), streams[1].clone(), streams[2].clone());
    // A failing (or missing) flush is ignored, as in CPython.
    let _ = vm.call_method(&err, "flush", vec![]);
    if let Some(p) = args.pos.first() {
        let s = vm.str(p)?;
        vm.call_method(&out, "write", vec![s])?;
    }
    let _ = vm.call_method(&out, "flush", vec![]);
    let line = vm.call_method(&inp, "readline", vec![])?;
    let Some(s) = line.downcast::<Str>() else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    let s = s.as_str();
    if s.is_empty() {
        return Err(vm.new_exception_msg(&vm.t.eof_error.clone(), "EOF when reading a line"));
    }
    Ok(vm.new_string(s.strip_suffix('\n').unwrap_or(s).to_string()))
}

fn open(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented_error("open() needs the _io module, which is not implemented yet"))
}

fn build_class(vm: &mut Vm, args: Args) -> PyResult {
    crate::builtins::types::build_class(vm, args)
}

fn as_int_arg(vm: &mut Vm, v: &Value) -> PyResult<num_bigint::BigInt> {
    if let Some(i) = as_bigint(v) {
        if !v.is_float() {
            return Ok(i);
        }
    }
    vm.index(v)
}

pub fn init(vm: &mut Vm) {
    vm.add_builtin("print", print);
    vm.add_builtin("len", len);
    vm.add_builtin("repr", repr);
    vm.add_builtin("ascii", ascii);
    vm.add_builtin("isinstance", isinstance);
    vm.add_builtin("issubclass", issubclass);
    vm.add_builtin("getattr", getattr);
    vm.add_builtin("setattr", setattr);
    vm.add_builtin("delattr", delattr);
    vm.add_builtin("hasattr", hasattr);
    vm.add_builtin("hash", hash);
    vm.add_builtin("id", id);
    vm.add_builtin("callable", callable);
    vm.add_builtin("chr", chr);
    vm.add_builtin("ord", ord);
    vm.add_builtin("iter", iter);
    vm.add_builtin("next", next);
    vm.add_builtin("all", all);
    vm.add_builtin("any", any);
    vm.add_builtin("sum", sum);
    vm.add_builtin("max", max);
    vm.add_builtin("min", min);
    vm.add_builtin("sorted", sorted);
    vm.add_builtin("format", format);
    vm.add_builtin("globals", globals);
    vm.add_builtin("locals", locals);
    vm.add_builtin("vars", vars);
    vm.add_builtin("dir", dir);
    vm.add_builtin("exec", exec);
    vm.add_builtin("eval", eval);
    vm.add_builtin("compile", compile);
    vm.add_builtin("__import__", import);
    vm.add_builtin("input", input);
    vm.add_builtin("open", open);
    vm.add_builtin("__build_class__", build_class);

    // Types and constants under their Python names.
    let t = &vm.t;
    let named: Vec<(&str, Value)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool_.clone()),
        ("float", t.float.clone()),
        ("complex", t.complex.clone()),
        ("str", t.str.clone()),
        ("bytes", t.bytes.clone()),
        ("bytearray", t.bytearray.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("classmethod", t.classmethod.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("super", t.super_.clone()),
        ("map", t.map.clone()),
        ("filter", t.filter.clone()),
        ("zip", t.zip.clone()),
        ("enumerate", t.enumerate.clone()),
        ("reversed", t.reversed.clone()),
        ("None", Value::NONE),
        ("True", Value::TRUE),
        ("False", Value::FALSE),
        ("NotImplemented", vm.not_implemented.clone()),
        ("Ellipsis", vm.ellipsis.clone()),
        ("__debug__", Value::from_bool(vm.flags.optimize == 0)),
    ];
    for (n, v) in named {
        let k = vm.intern(n);
        crate::ops::dict_set_strkey(&vm.builtins, k, v);
    }
    // Every exception class by its own name.
    let mut exc = Vec::new();
    for c in crate::builtins::exceptions::all_exception_types(vm) {
        exc.push((vm.type_obj(&c).name(), c));
    }
    for (n, c) in exc {
        let k = vm.intern(&n);
        crate::ops::dict_set_strkey(&vm.builtins, k, c);
    }
    for (alias, target) in [
        ("IOError", vm.t.os_error.clone()),
        ("EnvironmentError", vm.t.os_error.clone()),
    ] {
        let k = vm.intern(alias);
        crate::ops::dict_set_strkey(&vm.builtins, k, target);
    }
    let n = vm.new_str("builtins");
    let _ = crate::ops::dict_set_str(vm, &vm.builtins.clone(), "__name__", n);
}
