//! The `_json` module, the accelerator of the `json` package: `scanstring`,
//! `make_scanner` (the `_json.Scanner` type), `make_encoder` (the
//! `_json.Encoder` type), `encode_basestring_ascii` and `encode_basestring`
//! (CPython 3.11: Modules/_json.c).
//!
//! Invariant: the module keeps no state of its own. Decoding errors are
//! instances of `json.decoder.JSONDecodeError`, looked up in `sys.modules`
//! (importing `json.decoder` if needed) when an error is raised, so they
//! are always the class the pure-Python half of the package defines.

mod encoder;
mod escape;
mod scanner;
mod scanstring;

use adder_object::{Payload, Value};
use adder_vm::kinds::TEXTMODS_FIRST;
use adder_vm::native::{module_add_fns, module_set, new_type};
use adder_vm::objects::string::Str;
use adder_vm::{Args, NativeModule, PyResult, Vm};
use num_traits::ToPrimitive;

pub const SCANNER_KIND: u8 = TEXTMODS_FIRST + 4;
pub const ENCODER_KIND: u8 = TEXTMODS_FIRST + 5;

pub fn module() -> NativeModule {
    NativeModule {
        name: "_json",
        init,
    }
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let doc = vm.new_str("json speedups\n");
    module_set(vm, m, "__doc__", doc);
    module_add_fns(
        vm,
        m,
        &[
            (
                "encode_basestring_ascii",
                escape::py_encode_basestring_ascii,
            ),
            ("encode_basestring", escape::py_encode_basestring),
            ("scanstring", scanstring::py_scanstring),
        ],
    );
    let obj = vm.t.object.clone();
    let st = new_type(
        vm,
        "_json",
        "Scanner",
        &obj,
        scanner::Scanner::vtable(),
        SCANNER_KIND,
        0,
    );
    scanner::register(vm, &st);
    module_set(vm, m, "make_scanner", st);
    let et = new_type(
        vm,
        "_json",
        "Encoder",
        &obj,
        encoder::Encoder::vtable(),
        ENCODER_KIND,
        0,
    );
    encoder::register(vm, &et);
    module_set(vm, m, "make_encoder", et);
    Ok(())
}

/// `raise_errmsg`: a `json.decoder.JSONDecodeError(msg, doc, pos)` (or
/// whatever error looking the class up or calling it raised).
pub fn decode_error(vm: &mut Vm, msg: &str, doc: &Value, pos: i64) -> Value {
    let cls = match decode_error_class(vm) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    let p = vm.new_int(pos);
    match vm.call(&cls, vec![m, doc.clone(), p]) {
        Ok(exc) => exc,
        Err(e) => e,
    }
}

fn decode_error_class(vm: &mut Vm) -> PyResult {
    let mods = vm.modules.clone();
    let key = vm.new_str("json.decoder");
    let module = match vm.dict_get(&mods, &key)? {
        Some(m) => m,
        None => {
            adder_vm::native::import(vm, "json.decoder")?;
            match vm.dict_get(&mods, &key)? {
                Some(m) => m,
                None => return Err(vm.system_error("json.decoder is not in sys.modules")),
            }
        }
    };
    vm.getattr_str(&module, "JSONDecodeError")
}

/// The error for an argument that must be a str (`%.80s` of its type).
pub fn not_a_string(vm: &Vm, v: &Value) -> Value {
    let name: String = vm.type_name(v).chars().take(80).collect();
    vm.type_error(format!("first argument must be a string, not {name}"))
}

/// The `Str` payload of a str (or str subclass) argument.
pub fn str_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Str> {
    v.downcast::<Str>().ok_or_else(|| not_a_string(vm, v))
}

/// The `n` format unit: `__index__`, then a C `Py_ssize_t`.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn kw_name(k: &Value) -> String {
    k.downcast::<Str>()
        .map_or_else(String::new, |s| s.as_str().to_string())
}

/// `PyArg_ParseTupleAndKeywords` for functions whose parameters `names`
/// are all required and may be passed by position or keyword.
pub fn parse_required(vm: &Vm, fname: &str, names: &[&str], args: &Args) -> PyResult<Vec<Value>> {
    let (pos, kw) = (&args.pos, &args.kw);
    let n = names.len();
    if pos.len() + kw.len() > n {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {n} {}argument{} ({} given)",
            if pos.is_empty() { "keyword " } else { "" },
            plural(n),
            pos.len() + kw.len()
        )));
    }
    let mut out = Vec::with_capacity(n);
    for (i, name) in names.iter().enumerate() {
        let by_kw = kw.iter().find(|(k, _)| kw_name(k) == *name);
        match (pos.get(i), by_kw) {
            (Some(_), Some(_)) => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )))
            }
            (Some(v), None) | (None, Some((_, v))) => out.push(v.clone()),
            (None, None) => {
                return Err(vm.type_error(format!(
                    "{fname}() missing required argument '{name}' (pos {})",
                    i + 1
                )))
            }
        }
    }
    if let Some((k, _)) = kw
        .iter()
        .find(|(k, _)| !names.contains(&kw_name(k).as_str()))
    {
        return Err(vm.type_error(format!(
            "'{}' is an invalid keyword argument for {fname}()",
            kw_name(k)
        )));
    }
    Ok(out)
}

/// `PyArg_ParseTuple`'s count check for a function without keywords.
pub fn check_tuple_args(vm: &Vm, fname: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    let (bound, word) = if n < min {
        (min, if min == max { "exactly" } else { "at least" })
    } else if n > max {
        (max, if min == max { "exactly" } else { "at most" })
    } else {
        return Ok(());
    };
    Err(vm.type_error(format!(
        "{fname}() takes {word} {bound} argument{} ({n} given)",
        plural(bound)
    )))
}

/// A "readonly attribute" setter (CPython's `READONLY` members).
pub fn readonly(vm: &mut Vm, _obj: &Value, _v: Value) -> PyResult<()> {
    let t = vm.t.attribute_error.clone();
    Err(vm.new_exception_msg(&t, "readonly attribute"))
}
