//! `_sre`: the regular-expression engine behind CPython's `re` package,
//! executing the pattern code that `re._compiler` produces (3.11 numbering,
//! MAGIC 20220615), with the `re.Pattern`, `re.Match` and
//! `_sre.SRE_Scanner` types.
//!
//! Invariant: matching never runs Python code and never recurses on the Rust
//! stack in proportion to the subject's length (the engine keeps its
//! backtracking points on heap stacks); Python code runs only between
//! matches (`sub` callbacks, `re._subx`/`re._expand` for templates). The
//! module's types live in a tuple in the module object (no globals), and
//! every Pattern carries that tuple so matches never look it up.
//!
//! The engine is Adder's own implementation of CPython's SRE semantics
//! (Modules/_sre/sre_lib.h) rather than the `rustpython-sre_engine` crate:
//! that crate's Unicode predicates differ from CPython's (`\d` is ASCII-only,
//! `\w` uses Rust's `Alphabetic`), which changes what patterns match.

mod args;
mod case_tables;
mod chars;
mod constants;
mod engine;
mod matchobj;
mod pattern;
mod scanner;
mod subx;
mod text;
mod validate;

use adder_object::{Payload, Value};
use adder_vm::native::{self, module_add_fns, module_add_ints, module_set};
use adder_vm::objects::seq::Tuple;
use adder_vm::{kinds, Args, NativeModule, PyResult, Vm};

use constants::*;

/// Payload kinds of this crate (a block of 16 from `kinds::SRE_FIRST`).
const PATTERN_KIND: u8 = kinds::SRE_FIRST;
const MATCH_KIND: u8 = kinds::SRE_FIRST + 1;
const SCANNER_KIND: u8 = kinds::SRE_FIRST + 2;
const CACHE_KIND: u8 = kinds::SRE_FIRST + 3;

/// The private module attribute holding `(Pattern, Match, SRE_Scanner,
/// text cache)`.
const STATE_NAME: &str = "__adder_sre_state__";

/// Indices into the state tuple.
#[derive(Clone, Copy)]
enum T {
    Pattern = 0,
    Match = 1,
    Scanner = 2,
    Cache = 3,
}

/// One of the module's types from a state tuple.
fn state_type(state: &Value, which: T) -> Value {
    state
        .downcast::<Tuple>()
        .and_then(|t| t.items.get(which as usize).cloned())
        .unwrap_or(Value::NONE)
}

/// The decoded-text cache in a state tuple.
fn text_cache(state: &Value) -> Option<&text::TextCache> {
    state
        .downcast::<Tuple>()
        .and_then(|t| t.items.get(T::Cache as usize))
        .and_then(|c| c.downcast::<text::TextCache>())
}

/// The state tuple of the `_sre` module (importing it if needed).
fn sre_state(vm: &mut Vm) -> PyResult<Value> {
    let mods = vm.modules.clone();
    let k = vm.intern("_sre");
    let m = match vm.dict_get(&mods, &k)? {
        Some(m)
            if m.kind() == Some(kinds::MODULE) && native::module_get(&m, STATE_NAME).is_some() =>
        {
            m
        }
        _ => native::import(vm, "_sre")?,
    };
    native::module_get(&m, STATE_NAME).ok_or_else(|| vm.system_error("_sre state missing"))
}

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    vec![NativeModule { name: "_sre", init }]
}

/// `tp_new` of types that cannot be instantiated from Python.
fn no_new(vm: &mut Vm, args: Args) -> PyResult {
    let name = match args.pos.first() {
        Some(c) if vm.is_type(c) => {
            let to = vm.type_obj(c);
            let module = adder_vm::ops::dict_get_str(to.dict(), "__module__")
                .and_then(|m| {
                    m.downcast::<adder_vm::objects::string::Str>()
                        .map(|s| s.as_str().to_string())
                })
                .unwrap_or_default();
            format!("{module}.{}", to.name())
        }
        _ => "?".to_string(),
    };
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let object = vm.t.object.clone();
    let pattern_t = native::new_type(
        vm,
        "re",
        "Pattern",
        &object,
        pattern::Pattern::vtable(),
        PATTERN_KIND,
        0,
    );
    let match_t = native::new_type(
        vm,
        "re",
        "Match",
        &object,
        matchobj::MatchObj::vtable(),
        MATCH_KIND,
        0,
    );
    let scanner_t = native::new_type(
        vm,
        "_sre",
        "SRE_Scanner",
        &object,
        scanner::Scanner::vtable(),
        SCANNER_KIND,
        0,
    );
    let cache_t = native::new_type(
        vm,
        "_sre",
        "TextCache",
        &object,
        text::TextCache::vtable(),
        CACHE_KIND,
        0,
    );
    for t in [&pattern_t, &match_t, &scanner_t, &cache_t] {
        vm.set_new(t, no_new);
    }
    let cache = vm.alloc_builtin(&cache_t, text::TextCache::new());
    pattern::init_type(vm, &pattern_t);
    matchobj::init_type(vm, &match_t);
    scanner::init_type(vm, &scanner_t);

    let state = vm.new_tuple(vec![pattern_t, match_t, scanner_t, cache]);
    module_set(vm, m, STATE_NAME, state);
    module_add_fns(
        vm,
        m,
        &[
            ("compile", pattern::compile),
            ("getcodesize", getcodesize),
            ("ascii_iscased", ascii_iscased),
            ("unicode_iscased", unicode_iscased),
            ("ascii_tolower", ascii_tolower),
            ("unicode_tolower", unicode_tolower),
        ],
    );
    module_add_ints(
        vm,
        m,
        &[
            ("MAGIC", MAGIC),
            ("CODESIZE", CODESIZE),
            ("MAXREPEAT", MAXREPEAT as i64),
            ("MAXGROUPS", MAXGROUPS),
        ],
    );
    let c = vm.new_str(COPYRIGHT);
    module_set(vm, m, "copyright", c);
    Ok(())
}

fn getcodesize(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("_sre.getcodesize() takes no keyword arguments"));
    }
    if !args.pos.is_empty() {
        return Err(vm.type_error(format!(
            "_sre.getcodesize() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    Ok(vm.new_int(CODESIZE))
}

/// The `character: int` argument of the case helpers.
fn character(vm: &mut Vm, args: &Args, name: &str) -> PyResult<u32> {
    let v = args::onearg(vm, args, &format!("_sre.{name}"), 0)?;
    // The C functions take `unsigned int`: negative ints wrap around.
    Ok(args::c_int(vm, &v)? as u32)
}

fn ascii_iscased(vm: &mut Vm, args: Args) -> PyResult {
    let ch = character(vm, &args, "ascii_iscased")?;
    Ok(Value::from_bool(chars::ascii_iscased(ch)))
}

fn unicode_iscased(vm: &mut Vm, args: Args) -> PyResult {
    let ch = character(vm, &args, "unicode_iscased")?;
    Ok(Value::from_bool(chars::unicode_iscased(ch)))
}

fn ascii_tolower(vm: &mut Vm, args: Args) -> PyResult {
    let ch = character(vm, &args, "ascii_tolower")?;
    Ok(vm.new_int(chars::lower_ascii(ch) as i32 as i64))
}

fn unicode_tolower(vm: &mut Vm, args: Args) -> PyResult {
    let ch = character(vm, &args, "unicode_tolower")?;
    Ok(vm.new_int(chars::lower_unicode(ch) as i32 as i64))
}
