//! `_codecs`: the codec registry (search functions, the lookup cache, error
//! handlers) and the codec functions the `encodings` package calls
//! (CPython 3.11: Python/codecs.c, Modules/_codecsmodule.c).
//!
//! Invariant: the registry lives in the `_codecs` module object (there are
//! no globals); the `encodings` package is imported by the first lookup, as
//! CPython does, so start-up never pays for it; lookups are cached by
//! normalised name.

pub mod charmap;
pub mod errors;
pub mod escapes;
pub mod unicode;

use adder_object::Value;
use adder_vm::native::{module_add_fns, module_get, module_set};
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{self, given};

const SEARCH_PATH: &str = "__adder_search_path__";
const SEARCH_CACHE: &str = "__adder_search_cache__";
const ERROR_REGISTRY: &str = "__adder_error_registry__";
const INITIALISED: &str = "__adder_registry_ready__";

/// The `_codecs` module (imported on demand).
pub fn codecs_module(vm: &mut Vm) -> PyResult<Value> {
    let mods = vm.modules.clone();
    let k = vm.intern("_codecs");
    if let Some(m) = vm.dict_get(&mods, &k)? {
        if module_get(&m, SEARCH_PATH).is_some() {
            return Ok(m);
        }
    }
    adder_vm::native::import(vm, "_codecs")
}

fn registry_part(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = codecs_module(vm)?;
    module_get(&m, name).ok_or_else(|| vm.system_error("_codecs registry missing"))
}

/// CPython's `normalizestring`: lower case, runs of non-alphanumerics
/// (other than '.') become one '_', leading/trailing ones are dropped.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// Imports `encodings` the first time (it registers its search function).
fn ensure_registry(vm: &mut Vm) -> PyResult<()> {
    let m = codecs_module(vm)?;
    if module_get(&m, INITIALISED).is_some_and(|v| v.is(&Value::TRUE)) {
        return Ok(());
    }
    module_set(vm, &m, INITIALISED, Value::TRUE);
    if let Err(e) = adder_vm::native::import(vm, "encodings") {
        module_set(vm, &m, INITIALISED, Value::FALSE);
        return Err(e);
    }
    Ok(())
}

/// `codecs.lookup(encoding)`: the CodecInfo (a 4+-tuple).
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult {
    if encoding.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    ensure_registry(vm)?;
    let norm = normalize(encoding);
    let cache = registry_part(vm, SEARCH_CACHE)?;
    let key = vm.new_string(norm.clone());
    if let Some(v) = vm.dict_get(&cache, &key)? {
        return Ok(v);
    }
    let path = registry_part(vm, SEARCH_PATH)?;
    let funcs = vm.iterate(&path)?;
    for f in funcs {
        let r = vm.call(&f, vec![key.clone()])?;
        if r.is_none() {
            continue;
        }
        if r.downcast::<Tuple>().is_none_or(|t| t.items.len() != 4) {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        vm.dict_set(&cache, key, r.clone())?;
        return Ok(r);
    }
    Err(vm.new_exception_msg(
        &vm.t.lookup_error.clone(),
        format!("unknown encoding: {encoding}"),
    ))
}

/// `_PyCodec_LookupTextEncoding`: a codec that is a text encoding.
pub fn lookup_text(vm: &mut Vm, encoding: &str, alternate: &str) -> PyResult {
    let ci = lookup(vm, encoding)?;
    let n = vm.intern("_is_text_encoding");
    if let Some(flag) = vm.getattr_opt(&ci, &n)? {
        if !vm.truthy(&flag)? {
            return Err(vm.new_exception_msg(
                &vm.t.lookup_error.clone(),
                format!("'{encoding}' is not a text encoding; use {alternate} to handle arbitrary codecs"),
            ));
        }
    }
    Ok(ci)
}

/// The registered handler for a non-builtin error handler name.
pub fn lookup_error_value(vm: &mut Vm, name: &str) -> PyResult {
    let reg = registry_part(vm, ERROR_REGISTRY)?;
    let k = vm.new_str(name);
    match vm.dict_get(&reg, &k)? {
        Some(h) => Ok(h),
        None => Err(vm.new_exception_msg(
            &vm.t.lookup_error.clone(),
            format!("unknown error handler name '{name}'"),
        )),
    }
}

// ----- argument helpers ----------------------------------------------------------------

fn str_arg<'a>(vm: &Vm, v: &'a Option<Value>, fname: &str, pos: usize) -> PyResult<&'a str> {
    let v = v
        .as_ref()
        .ok_or_else(|| vm.type_error(format!("{fname}() missing argument {pos}")))?;
    match v.downcast::<Str>() {
        Some(s) => Ok(s.as_str()),
        None => Err(vm.type_error(format!(
            "{fname}() argument {pos} must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

fn errors_arg(vm: &Vm, v: &Option<Value>, fname: &str, pos: usize) -> PyResult<String> {
    match given(v) {
        None => Ok("strict".to_string()),
        Some(e) => match e.downcast::<Str>() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(vm.type_error(format!(
                "{fname}() argument {pos} must be str or None, not {}",
                vm.type_name(e)
            ))),
        },
    }
}

fn data_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<Vec<u8>> {
    match v {
        Some(v) => args::need_bytes(vm, v),
        None => Err(vm.type_error("a bytes-like object is required")),
    }
}

fn int_arg(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => {
            if v.as_inline_float().is_some() || v.kind() == Some(adder_vm::kinds::FLOAT) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            args::index_i64(vm, v)
        }
    }
}

fn pair(vm: &mut Vm, a: Value, n: usize) -> Value {
    let b = vm.new_int(n as i64);
    vm.new_tuple(vec![a, b])
}

// ----- registry functions -----------------------------------------------------------------

fn register(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "register",
        concat!("_codecs.", "register"),
        1,
        1,
    )?;
    let f = a[0].clone().unwrap_or(Value::NONE);
    if !vm.callable(&f) {
        return Err(vm.type_error("argument must be callable"));
    }
    let path = registry_part(vm, SEARCH_PATH)?;
    vm.call_method(&path, "append", vec![f])?;
    Ok(Value::NONE)
}

fn unregister(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "unregister",
        concat!("_codecs.", "unregister"),
        1,
        1,
    )?;
    let f = a[0].clone().unwrap_or(Value::NONE);
    let path = registry_part(vm, SEARCH_PATH)?;
    let items = vm.iterate(&path)?;
    if let Some(i) = items.iter().position(|x| x.is(&f)) {
        let idx = vm.new_int(i as i64);
        vm.delitem(&path, &idx)?;
        let cache = registry_part(vm, SEARCH_CACHE)?;
        vm.call_method(&cache, "clear", vec![])?;
    }
    Ok(Value::NONE)
}

fn lookup_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 0, "lookup", concat!("_codecs.", "lookup"), 1, 1)?;
    let v = a[0].clone().unwrap_or(Value::NONE);
    let Some(s) = v.downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "lookup() argument must be str, not {}",
            vm.type_name(&v)
        )));
    };
    let s = s.as_str().to_string();
    lookup(vm, &s)
}

/// Re-raises a codec failure as CPython's `_PyErr_TrySetFromCause` does
/// (shared with `str.encode`/`bytes.decode`).
fn wrap_error(vm: &mut Vm, e: Value, op: &str, encoding: &str) -> Value {
    adder_vm::builtins::str::codecs::wrap_codec_error(vm, e, op, encoding)
}

fn encode_or_decode(vm: &mut Vm, mut args: Args, decode: bool) -> PyResult {
    let fname = if decode { "decode" } else { "encode" };
    let a = args::kwargs(
        vm,
        &mut args,
        0,
        fname,
        &["obj", "encoding", "errors"],
        1,
        3,
    )?;
    let obj = a[0].clone().unwrap_or(Value::NONE);
    let encoding = match &a[1] {
        None => "utf-8".to_string(),
        Some(v) => args::need_str(vm, v, &format!("{fname}() argument 'encoding'"))?.to_string(),
    };
    let errors = match &a[2] {
        None => "strict".to_string(),
        Some(v) => args::need_str(vm, v, &format!("{fname}() argument 'errors'"))?.to_string(),
    };
    let ci = lookup(vm, &encoding)?;
    let f = vm.getitem(
        &ci,
        &Value::small_int(if decode { 1 } else { 0 }).unwrap_or(Value::NONE),
    )?;
    let ev = vm.new_string(errors);
    let r = match vm.call(&f, vec![obj, ev]) {
        Ok(r) => r,
        Err(e) => {
            let op = if decode { "decoding" } else { "encoding" };
            return Err(wrap_error(vm, e, op, &encoding));
        }
    };
    let Some(t) = r.downcast::<Tuple>().filter(|t| t.items.len() == 2) else {
        return Err(vm.type_error(if decode {
            "decoder must return a tuple (object,integer)"
        } else {
            "encoder must return a tuple (object, integer)"
        }));
    };
    Ok(t.items[0].clone())
}

fn encode(vm: &mut Vm, args: Args) -> PyResult {
    encode_or_decode(vm, args, false)
}
fn decode(vm: &mut Vm, args: Args) -> PyResult {
    encode_or_decode(vm, args, true)
}

fn register_error(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "register_error",
        concat!("_codecs.", "register_error"),
        2,
        2,
    )?;
    let name = str_arg(vm, &a[0], "register_error", 1)?.to_string();
    let h = a[1].clone().unwrap_or(Value::NONE);
    if !vm.callable(&h) {
        return Err(vm.type_error("handler must be callable"));
    }
    let reg = registry_part(vm, ERROR_REGISTRY)?;
    let k = vm.new_string(name);
    vm.dict_set(&reg, k, h)?;
    Ok(Value::NONE)
}

fn lookup_error(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "lookup_error",
        concat!("_codecs.", "lookup_error"),
        1,
        1,
    )?;
    let name = str_arg(vm, &a[0], "lookup_error", 1)?.to_string();
    lookup_error_value(vm, &name)
}

// ----- codec functions ----------------------------------------------------------------------

fn utf_8_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "utf_8_encode",
        concat!("_codecs.", "utf_8_encode"),
        1,
        2,
    )?;
    let s = str_arg(vm, &a[0], "utf_8_encode", 1)?.to_string();
    let errors = errors_arg(vm, &a[1], "utf_8_encode", 2)?;
    let n = s.chars().count();
    let b = unicode::utf8_encode(vm, &s, &errors)?;
    let b = vm.new_bytes(b);
    Ok(pair(vm, b, n))
}

fn final_arg(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    Ok(int_arg(vm, v, default as i64)? != 0)
}

fn utf_8_decode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "utf_8_decode",
        concat!("_codecs.", "utf_8_decode"),
        1,
        3,
    )?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1], "utf_8_decode", 2)?;
    let final_ = final_arg(vm, &a[2], false)?;
    let (s, n) = unicode::utf8_decode(vm, &data, &errors, final_)?;
    let s = vm.new_string(s);
    Ok(pair(vm, s, n))
}

fn utf_n_encode(vm: &mut Vm, args: Args, name: &str, bits: u32, fixed: Option<i32>) -> PyResult {
    let max = if fixed.is_some() { 2 } else { 3 };
    let a = args::posargs(vm, &args, 0, name, &format!("_codecs.{name}"), 1, max)?;
    let s = str_arg(vm, &a[0], name, 1)?.to_string();
    let errors = errors_arg(vm, &a[1], name, 2)?;
    let order = match fixed {
        Some(o) => o,
        None => int_arg(vm, &a[2], 0)? as i32,
    };
    let b = if bits == 16 {
        unicode::utf16_encode(vm, &s, &errors, order.signum())?
    } else {
        unicode::utf32_encode(vm, &s, &errors, order.signum())?
    };
    let n = s.chars().count();
    let b = vm.new_bytes(b);
    Ok(pair(vm, b, n))
}

fn utf_n_decode(vm: &mut Vm, args: Args, name: &str, bits: u32, fixed: Option<i32>) -> PyResult {
    let a = args::posargs(vm, &args, 0, name, &format!("_codecs.{name}"), 1, 3)?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1], name, 2)?;
    let final_ = final_arg(vm, &a[2], false)?;
    let mut order = fixed.unwrap_or(0);
    let (s, n) = if bits == 16 {
        unicode::utf16_decode(vm, &data, &errors, &mut order, final_)?
    } else {
        unicode::utf32_decode(vm, &data, &errors, &mut order, final_)?
    };
    let s = vm.new_string(s);
    Ok(pair(vm, s, n))
}

fn utf_n_ex_decode(vm: &mut Vm, args: Args, name: &str, bits: u32) -> PyResult {
    let a = args::posargs(vm, &args, 0, name, &format!("_codecs.{name}"), 1, 4)?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1], name, 2)?;
    let mut order = int_arg(vm, &a[2], 0)?.signum() as i32;
    let final_ = final_arg(vm, &a[3], false)?;
    let (s, n) = if bits == 16 {
        unicode::utf16_decode(vm, &data, &errors, &mut order, final_)?
    } else {
        unicode::utf32_decode(vm, &data, &errors, &mut order, final_)?
    };
    let s = vm.new_string(s);
    let n = vm.new_int(n as i64);
    let o = vm.new_int(order as i64);
    Ok(vm.new_tuple(vec![s, n, o]))
}

macro_rules! utf_fns {
    ($($f:ident => $body:expr;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult { ($body)(vm, args) })*
    };
}

utf_fns! {
    utf_16_encode => |vm, a| utf_n_encode(vm, a, "utf_16_encode", 16, None);
    utf_16_le_encode => |vm, a| utf_n_encode(vm, a, "utf_16_le_encode", 16, Some(-1));
    utf_16_be_encode => |vm, a| utf_n_encode(vm, a, "utf_16_be_encode", 16, Some(1));
    utf_32_encode => |vm, a| utf_n_encode(vm, a, "utf_32_encode", 32, None);
    utf_32_le_encode => |vm, a| utf_n_encode(vm, a, "utf_32_le_encode", 32, Some(-1));
    utf_32_be_encode => |vm, a| utf_n_encode(vm, a, "utf_32_be_encode", 32, Some(1));
    utf_16_decode => |vm, a| utf_n_decode(vm, a, "utf_16_decode", 16, None);
    utf_16_le_decode => |vm, a| utf_n_decode(vm, a, "utf_16_le_decode", 16, Some(-1));
    utf_16_be_decode => |vm, a| utf_n_decode(vm, a, "utf_16_be_decode", 16, Some(1));
    utf_32_decode => |vm, a| utf_n_decode(vm, a, "utf_32_decode", 32, None);
    utf_32_le_decode => |vm, a| utf_n_decode(vm, a, "utf_32_le_decode", 32, Some(-1));
    utf_32_be_decode => |vm, a| utf_n_decode(vm, a, "utf_32_be_decode", 32, Some(1));
    utf_16_ex_decode => |vm, a| utf_n_ex_decode(vm, a, "utf_16_ex_decode", 16);
    utf_32_ex_decode => |vm, a| utf_n_ex_decode(vm, a, "utf_32_ex_decode", 32);
}

fn limited_encode_fn(vm: &mut Vm, args: Args, name: &str, limit: u32, cname: &str) -> PyResult {
    let a = args::posargs(vm, &args, 0, name, &format!("_codecs.{name}"), 1, 2)?;
    let s = str_arg(vm, &a[0], name, 1)?.to_string();
    let errors = errors_arg(vm, &a[1], name, 2)?;
    let b = unicode::limited_encode(vm, &s, &errors, limit, cname)?;
    let n = s.chars().count();
    let b = vm.new_bytes(b);
    Ok(pair(vm, b, n))
}

fn limited_decode_fn(vm: &mut Vm, args: Args, name: &str, limit: u32, cname: &str) -> PyResult {
    let a = args::posargs(vm, &args, 0, name, &format!("_codecs.{name}"), 1, 2)?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1], name, 2)?;
    let s = unicode::limited_decode(vm, &data, &errors, limit, cname)?;
    let s = vm.new_string(s);
    Ok(pair(vm, s, data.len()))
}

utf_fns! {
    latin_1_encode => |vm, a| limited_encode_fn(vm, a, "latin_1_encode", 256, "latin-1");
    latin_1_decode => |vm, a| limited_decode_fn(vm, a, "latin_1_decode", 256, "latin-1");
    ascii_encode => |vm, a| limited_encode_fn(vm, a, "ascii_encode", 128, "ascii");
    ascii_decode => |vm, a| limited_decode_fn(vm, a, "ascii_decode", 128, "ascii");
}

fn charmap_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "charmap_encode",
        concat!("_codecs.", "charmap_encode"),
        1,
        3,
    )?;
    let s = str_arg(vm, &a[0], "charmap_encode", 1)?.to_string();
    let errors = errors_arg(vm, &a[1], "charmap_encode", 2)?;
    let mapping = a[2].clone().unwrap_or(Value::NONE);
    let b = charmap::encode(vm, &s, &errors, &mapping)?;
    let n = s.chars().count();
    let b = vm.new_bytes(b);
    Ok(pair(vm, b, n))
}

fn charmap_decode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "charmap_decode",
        concat!("_codecs.", "charmap_decode"),
        1,
        3,
    )?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1], "charmap_decode", 2)?;
    let mapping = a[2].clone().unwrap_or(Value::NONE);
    let s = charmap::decode(vm, &data, &errors, &mapping)?;
    let s = vm.new_string(s);
    Ok(pair(vm, s, data.len()))
}

fn charmap_build(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "charmap_build",
        concat!("_codecs.", "charmap_build"),
        1,
        1,
    )?;
    let v = a[0].clone().unwrap_or(Value::NONE);
    let s = args::need_str(vm, &v, "charmap_build() argument")?.to_string();
    charmap::build(vm, &s)
}

fn escape_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "escape_encode",
        concat!("_codecs.", "escape_encode"),
        1,
        2,
    )?;
    let v = a[0].clone().unwrap_or(Value::NONE);
    let Some(b) = v.downcast::<adder_vm::objects::string::Bytes>() else {
        return Err(vm.type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            vm.type_name(&v)
        )));
    };
    errors_arg(vm, &a[1], "escape_encode", 2)?;
    let out = escapes::escape_encode(&b.b);
    let n = b.b.len();
    let r = vm.new_bytes(out);
    Ok(pair(vm, r, n))
}

fn escape_decode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "escape_decode",
        concat!("_codecs.", "escape_decode"),
        1,
        2,
    )?;
    let v = a[0].clone().unwrap_or(Value::NONE);
    let data = match v.downcast::<Str>() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => args::need_bytes(vm, &v)?,
    };
    let errors = errors_arg(vm, &a[1], "escape_decode", 2)?;
    let out = escapes::escape_decode(vm, &data, &errors)?;
    let r = vm.new_bytes(out);
    Ok(pair(vm, r, data.len()))
}

fn unicode_escape_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "unicode_escape_encode",
        concat!("_codecs.", "unicode_escape_encode"),
        1,
        2,
    )?;
    let s = str_arg(vm, &a[0], "unicode_escape_encode", 1)?.to_string();
    errors_arg(vm, &a[1], "unicode_escape_encode", 2)?;
    let b = escapes::unicode_escape_encode(&s);
    let n = s.chars().count();
    let b = vm.new_bytes(b);
    Ok(pair(vm, b, n))
}

fn raw_unicode_escape_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "raw_unicode_escape_encode",
        concat!("_codecs.", "raw_unicode_escape_encode"),
        1,
        2,
    )?;
    let s = str_arg(vm, &a[0], "raw_unicode_escape_encode", 1)?.to_string();
    errors_arg(vm, &a[1], "raw_unicode_escape_encode", 2)?;
    let b = escapes::raw_unicode_escape_encode(&s);
    let n = s.chars().count();
    let b = vm.new_bytes(b);
    Ok(pair(vm, b, n))
}

fn escape_text_decode(vm: &mut Vm, args: Args, name: &str, raw: bool) -> PyResult {
    let a = args::posargs(vm, &args, 0, name, &format!("_codecs.{name}"), 1, 3)?;
    let v = a[0].clone().unwrap_or(Value::NONE);
    let data = match v.downcast::<Str>() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => args::need_bytes(vm, &v)?,
    };
    let errors = errors_arg(vm, &a[1], name, 2)?;
    let final_ = final_arg(vm, &a[2], true)?;
    let (s, n) = escapes::unicode_escape_decode(vm, &data, &errors, final_, raw)?;
    let s = vm.new_string(s);
    Ok(pair(vm, s, n))
}

utf_fns! {
    unicode_escape_decode => |vm, a| escape_text_decode(vm, a, "unicode_escape_decode", false);
    raw_unicode_escape_decode => |vm, a| escape_text_decode(vm, a, "raw_unicode_escape_decode", true);
}

fn readbuffer_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "readbuffer_encode",
        concat!("_codecs.", "readbuffer_encode"),
        1,
        2,
    )?;
    let v = a[0].clone().unwrap_or(Value::NONE);
    let data = match v.downcast::<Str>() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => args::need_bytes(vm, &v)?,
    };
    errors_arg(vm, &a[1], "readbuffer_encode", 2)?;
    let n = data.len();
    let b = vm.new_bytes(data);
    Ok(pair(vm, b, n))
}

fn utf_7_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "utf_7_encode",
        concat!("_codecs.", "utf_7_encode"),
        1,
        2,
    )?;
    let s = str_arg(vm, &a[0], "utf_7_encode", 1)?.to_string();
    errors_arg(vm, &a[1], "utf_7_encode", 2)?;
    let b = escapes::utf7_encode(&s);
    let n = s.chars().count();
    let b = vm.new_bytes(b);
    Ok(pair(vm, b, n))
}

fn utf_7_decode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(
        vm,
        &args,
        0,
        "utf_7_decode",
        concat!("_codecs.", "utf_7_decode"),
        1,
        3,
    )?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1], "utf_7_decode", 2)?;
    let final_ = final_arg(vm, &a[2], false)?;
    let (s, n) = escapes::utf7_decode(vm, &data, &errors, final_)?;
    let s = vm.new_string(s);
    Ok(pair(vm, s, n))
}

/// Fills the `_codecs` module.
pub fn init_module(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let path = vm.new_list(vec![]);
    module_set(vm, m, SEARCH_PATH, path);
    let cache = vm.new_dict();
    module_set(vm, m, SEARCH_CACHE, cache);
    module_set(vm, m, INITIALISED, Value::FALSE);
    module_add_fns(
        vm,
        m,
        &[
            ("register", register),
            ("unregister", unregister),
            ("lookup", lookup_fn),
            ("encode", encode),
            ("decode", decode),
            ("register_error", register_error),
            ("lookup_error", lookup_error),
            ("utf_8_encode", utf_8_encode),
            ("utf_8_decode", utf_8_decode),
            ("utf_16_encode", utf_16_encode),
            ("utf_16_le_encode", utf_16_le_encode),
            ("utf_16_be_encode", utf_16_be_encode),
            ("utf_16_decode", utf_16_decode),
            ("utf_16_le_decode", utf_16_le_decode),
            ("utf_16_be_decode", utf_16_be_decode),
            ("utf_16_ex_decode", utf_16_ex_decode),
            ("utf_32_encode", utf_32_encode),
            ("utf_32_le_encode", utf_32_le_encode),
            ("utf_32_be_encode", utf_32_be_encode),
            ("utf_32_decode", utf_32_decode),
            ("utf_32_le_decode", utf_32_le_decode),
            ("utf_32_be_decode", utf_32_be_decode),
            ("utf_32_ex_decode", utf_32_ex_decode),
            ("latin_1_encode", latin_1_encode),
            ("latin_1_decode", latin_1_decode),
            ("ascii_encode", ascii_encode),
            ("ascii_decode", ascii_decode),
            ("charmap_encode", charmap_encode),
            ("charmap_decode", charmap_decode),
            ("charmap_build", charmap_build),
            ("escape_encode", escape_encode),
            ("escape_decode", escape_decode),
            ("unicode_escape_encode", unicode_escape_encode),
            ("unicode_escape_decode", unicode_escape_decode),
            ("raw_unicode_escape_encode", raw_unicode_escape_encode),
            ("raw_unicode_escape_decode", raw_unicode_escape_decode),
            ("readbuffer_encode", readbuffer_encode),
            ("utf_7_encode", utf_7_encode),
            ("utf_7_decode", utf_7_decode),
        ],
    );
    // The standard error handlers, registered under their names.
    let reg = vm.new_dict();
    let handlers: &[(&'static str, &str, adder_vm::vm::NativeFn)] = &[
        ("strict_errors", "strict", errors::strict_errors),
        ("ignore_errors", "ignore", errors::ignore_errors),
        ("replace_errors", "replace", errors::replace_errors),
        (
            "xmlcharrefreplace_errors",
            "xmlcharrefreplace",
            errors::xmlcharrefreplace_errors,
        ),
        (
            "backslashreplace_errors",
            "backslashreplace",
            errors::backslashreplace_errors,
        ),
        (
            "namereplace_errors",
            "namereplace",
            errors::namereplace_errors,
        ),
        (
            "surrogateescape",
            "surrogateescape",
            errors::surrogateescape_errors,
        ),
        (
            "surrogatepass",
            "surrogatepass",
            errors::surrogatepass_errors,
        ),
    ];
    for &(fname, key, f) in handlers {
        let n = vm.new_native(
            fname,
            f,
            adder_vm::objects::function::NativeKind::Function,
            Value::NONE,
        );
        let k = vm.new_str(key);
        vm.dict_set(&reg, k, n)?;
    }
    module_set(vm, m, ERROR_REGISTRY, reg);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalises_like_cpython() {
        assert_eq!(normalize("UTF-8"), "utf_8");
        assert_eq!(normalize(" Utf  8 "), "utf_8");
        assert_eq!(normalize("latin-1"), "latin_1");
        assert_eq!(normalize("ISO_8859-1:1987"), "iso_8859_1_1987");
        assert_eq!(normalize("x.y"), "x.y");
    }
}
