//! `_csv.Dialect`: an immutable set of formatting parameters, built from
//! keyword arguments, a registered dialect name, or any object with the
//! attributes (CPython 3.11: `dialect_new` in Modules/_csv.c).
//!
//! Invariant: a constructed dialect is valid — its quoting is one of the
//! four QUOTE_* values, quoting other than QUOTE_NONE has a quotechar, and
//! every character parameter is exactly one character.

use adder_object::{Trace, Value};
use adder_vm::num::as_bigint;
use adder_vm::objects::string::Str;
use adder_vm::objects::types::TypeObject;
use adder_vm::ops::is_subtype;
use adder_vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

use super::state;

pub const QUOTE_MINIMAL: i32 = 0;
pub const QUOTE_ALL: i32 = 1;
pub const QUOTE_NONNUMERIC: i32 = 2;
pub const QUOTE_NONE: i32 = 3;

#[derive(Trace)]
pub struct DialectObj {
    pub delimiter: char,
    pub doublequote: bool,
    pub escapechar: Option<char>,
    pub lineterminator: String,
    pub quotechar: Option<char>,
    pub quoting: i32,
    pub skipinitialspace: bool,
    pub strict: bool,
}
adder_object::payload!(DialectObj, super::DIALECT_KIND, "_csv.Dialect");

const KEYWORDS: [&str; 9] = [
    "dialect",
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

pub fn register(vm: &mut Vm, t: &Value) {
    vm.set_new(t, dialect_new);
    vm.add_getset(
        t,
        "delimiter",
        |vm, v| get(vm, v, |vm, d| Ok(vm.new_string(d.delimiter.to_string()))),
        None,
    );
    vm.add_getset(
        t,
        "doublequote",
        |vm, v| get(vm, v, |_, d| Ok(Value::from_bool(d.doublequote))),
        None,
    );
    vm.add_getset(
        t,
        "escapechar",
        |vm, v| get(vm, v, |vm, d| Ok(opt_char(vm, d.escapechar))),
        None,
    );
    vm.add_getset(
        t,
        "lineterminator",
        |vm, v| get(vm, v, |vm, d| Ok(vm.new_str(&d.lineterminator))),
        None,
    );
    vm.add_getset(
        t,
        "quotechar",
        |vm, v| get(vm, v, |vm, d| Ok(opt_char(vm, d.quotechar))),
        None,
    );
    vm.add_getset(
        t,
        "quoting",
        |vm, v| get(vm, v, |vm, d| Ok(vm.new_int(d.quoting as i64))),
        None,
    );
    vm.add_getset(
        t,
        "skipinitialspace",
        |vm, v| get(vm, v, |_, d| Ok(Value::from_bool(d.skipinitialspace))),
        None,
    );
    vm.add_getset(
        t,
        "strict",
        |vm, v| get(vm, v, |_, d| Ok(Value::from_bool(d.strict))),
        None,
    );
    vm.add_method(t, "__reduce_ex__", reduce_ex);
}

fn get(vm: &mut Vm, v: &Value, f: fn(&mut Vm, &DialectObj) -> PyResult) -> PyResult {
    match v.downcast::<DialectObj>() {
        Some(d) => f(vm, d),
        None => Err(vm.type_error("descriptor for '_csv.Dialect' objects doesn't apply")),
    }
}

fn opt_char(vm: &Vm, c: Option<char>) -> Value {
    match c {
        Some(c) => vm.new_string(c.to_string()),
        None => Value::NONE,
    }
}

fn reduce_ex(vm: &mut Vm, args: Args) -> PyResult {
    let name = args
        .pos
        .first()
        .and_then(|v| vm.type_of(v).downcast::<TypeObject>().map(|t| t.name()))
        .unwrap_or_default();
    Err(vm.type_error(format!("cannot pickle '{name}' instances")))
}

/// Binds `Dialect(dialect=None, delimiter=None, ...)` (all optional,
/// positional or keyword).
fn bind(vm: &Vm, pos: &[Value], kw: &[(Value, Value)]) -> PyResult<[Option<Value>; 9]> {
    let mut out: [Option<Value>; 9] = Default::default();
    if pos.len() + kw.len() > 9 {
        return Err(vm.type_error(format!(
            "function takes at most 9 arguments ({} given)",
            pos.len() + kw.len()
        )));
    }
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in kw {
        let key = k
            .downcast::<Str>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        match KEYWORDS.iter().position(|n| *n == key) {
            Some(i) if out[i].is_none() => out[i] = Some(v.clone()),
            Some(i) => {
                return Err(vm.type_error(format!(
                    "argument for function given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for this function"
                )))
            }
        }
    }
    Ok(out)
}

/// `_csv.Dialect.__new__(cls, *args, **kwargs)`.
fn dialect_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    make(vm, &cls, &args.pos[1..], &args.kw)
}

/// The dialect type (`_csv.Dialect`).
pub fn dialect_type(vm: &mut Vm) -> PyResult {
    let m = state::module(vm)?;
    adder_vm::native::module_get(&m, "Dialect")
        .ok_or_else(|| vm.system_error("_csv lost its Dialect type"))
}

/// `_call_dialect`: `Dialect(dialect, **kwargs)`.
pub fn call_dialect(vm: &mut Vm, dialect: Option<Value>, kw: &[(Value, Value)]) -> PyResult {
    let t = dialect_type(vm)?;
    let pos: Vec<Value> = dialect.into_iter().collect();
    make(vm, &t, &pos, kw)
}

fn make(vm: &mut Vm, cls: &Value, pos: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let [dialect, delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] =
        bind(vm, pos, kw)?;
    let mut vals = [
        delimiter,
        doublequote,
        escapechar,
        lineterminator,
        quotechar,
        quoting,
        skipinitialspace,
        strict,
    ];
    if let Some(d) = dialect {
        let d = if d.downcast::<Str>().is_some() {
            state::registry_get(vm, &d)?
        } else {
            d
        };
        let dt = dialect_type(vm)?;
        let is_dialect = is_subtype(&vm.type_of(&d), &dt);
        if is_dialect && vals.iter().all(|v| v.is_none()) {
            return Ok(d);
        }
        for (i, slot) in vals.iter_mut().enumerate() {
            if slot.is_none() {
                // CPython clears any error of the lookup.
                *slot = vm.getattr_str(&d, KEYWORDS[i + 1]).ok();
            }
        }
    }
    let [delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] =
        vals;
    let delim = set_char(vm, "delimiter", delimiter.as_ref(), ',')?;
    let dq = set_bool(vm, doublequote.as_ref(), true)?;
    let esc = set_char_or_none(vm, "escapechar", escapechar.as_ref(), None)?;
    let lt = set_str(vm, "lineterminator", lineterminator.as_ref(), "\r\n")?;
    let qc = set_char_or_none(vm, "quotechar", quotechar.as_ref(), Some('"'))?;
    let mut q = set_int(vm, "quoting", quoting.as_ref(), QUOTE_MINIMAL)?;
    let sis = set_bool(vm, skipinitialspace.as_ref(), false)?;
    let st = set_bool(vm, strict.as_ref(), false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&q) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    if quotechar.as_ref().is_some_and(|v| v.is_none()) && quoting.is_none() {
        q = QUOTE_NONE;
    }
    if q != QUOTE_NONE && qc.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lt) = lt else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    Ok(vm.alloc_builtin(
        cls,
        DialectObj {
            delimiter: delim,
            doublequote: dq,
            escapechar: esc,
            lineterminator: lt,
            quotechar: qc,
            quoting: q,
            skipinitialspace: sis,
            strict: st,
        },
    ))
}

fn one_char(v: &Value) -> Option<Result<char, ()>> {
    let s = v.downcast::<Str>()?;
    Some(if s.char_len() == 1 {
        Ok(s.char_at(0))
    } else {
        Err(())
    })
}

fn set_char(vm: &Vm, name: &str, src: Option<&Value>, dflt: char) -> PyResult<char> {
    let Some(v) = src else {
        return Ok(dflt);
    };
    match one_char(v) {
        Some(Ok(c)) => Ok(c),
        Some(Err(())) => Err(vm.type_error(format!("\"{name}\" must be a 1-character string"))),
        None => Err(vm.type_error(format!(
            "\"{name}\" must be string, not {}",
            vm.type_name(v)
        ))),
    }
}

fn set_char_or_none(
    vm: &Vm,
    name: &str,
    src: Option<&Value>,
    dflt: Option<char>,
) -> PyResult<Option<char>> {
    let Some(v) = src else {
        return Ok(dflt);
    };
    if v.is_none() {
        return Ok(None);
    }
    match one_char(v) {
        Some(Ok(c)) => Ok(Some(c)),
        Some(Err(())) => Err(vm.type_error(format!("\"{name}\" must be a 1-character string"))),
        None => Err(vm.type_error(format!(
            "\"{name}\" must be string or None, not {}",
            vm.type_name(v)
        ))),
    }
}

fn set_bool(vm: &mut Vm, src: Option<&Value>, dflt: bool) -> PyResult<bool> {
    match src {
        Some(v) => vm.truthy(v),
        None => Ok(dflt),
    }
}

fn set_int(vm: &mut Vm, name: &str, src: Option<&Value>, dflt: i32) -> PyResult<i32> {
    let Some(v) = src else {
        return Ok(dflt);
    };
    let exact_int = vm.type_of(v).is(&vm.t.int);
    let i = as_bigint(v).filter(|_| exact_int);
    let Some(i) = i else {
        return Err(vm.type_error(format!("\"{name}\" must be an integer")));
    };
    i.to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

fn set_str(vm: &Vm, name: &str, src: Option<&Value>, dflt: &str) -> PyResult<Option<String>> {
    match src {
        None => Ok(Some(dflt.to_string())),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.downcast::<Str>() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => Err(vm.type_error(format!("\"{name}\" must be a string"))),
        },
    }
}
