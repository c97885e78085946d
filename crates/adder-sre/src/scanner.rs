//! `_sre.SRE_Scanner` (`Pattern.scanner`) and `Pattern.finditer`, which is
//! `iter(scanner.search, None)`: a subject and a resumable position.
//!
//! Invariant: between calls a scanner keeps only what CPython's persistent
//! `SRE_STATE` carries from one call to the next — the next start position
//! (`None` once a call found nothing) and the `must_advance` flag; each
//! call otherwise starts from a reset state over the same snapshot.
//!
//! CPython 3.11: Modules/_sre/sre.c (`pattern_scanner`, `scanner_*`,
//! `_sre_SRE_Pattern_finditer_impl`).

use std::cell::Cell;

use adder_object::{payload, Trace, Value};
use adder_vm::objects::iter::{Iter, IterKind};
use adder_vm::{Args, PyResult, Vm};

use crate::pattern::{machine, new_match, run, string_pos_endpos, subject, this, Pattern};
use crate::text::Subject;
use crate::{state_type, SCANNER_KIND, T};

#[derive(Trace)]
pub struct Scanner {
    pub pattern: Value,
    subject: Subject,
    pos: isize,
    endpos: isize,
    /// Where the next call starts; None when exhausted.
    start: Cell<Option<isize>>,
    must_advance: Cell<bool>,
}
payload!(Scanner, SCANNER_KIND, "_sre.SRE_Scanner");

pub fn init_type(vm: &mut Vm, t: &Value) {
    vm.add_method(t, "match", scanner_match);
    vm.add_method(t, "search", scanner_search);
    vm.add_getset(
        t,
        "pattern",
        |_, v| {
            Ok(v.downcast::<Scanner>()
                .map_or(Value::NONE, |s| s.pattern.clone()))
        },
        None,
    );
}

/// `pattern_scanner`: a new scanner over `string`.
fn new_scanner(vm: &mut Vm, this: &Value, args: &Args, name: &str) -> PyResult {
    let Some(p) = this.downcast::<Pattern>() else {
        return Ok(Value::NONE);
    };
    let (string, pos, endpos) = string_pos_endpos(vm, args, name)?;
    let subj = subject(vm, p, &string)?;
    // Clamp exactly as the engine state would.
    let len = subj.len() as isize;
    let (pos, endpos) = (pos.clamp(0, len), endpos.clamp(0, len));
    let ty = state_type(&p.types, T::Scanner);
    Ok(vm.alloc_builtin(
        &ty,
        Scanner {
            pattern: this.clone(),
            subject: subj,
            pos,
            endpos,
            start: Cell::new(Some(pos)),
            must_advance: Cell::new(false),
        },
    ))
}

pub fn pattern_scanner(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "scanner")?;
    new_scanner(vm, &this, &args, "scanner")
}

pub fn pattern_finditer(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "finditer")?;
    let scanner = new_scanner(vm, &this, &args, "finditer")?;
    let search = vm.getattr_str(&scanner, "search")?;
    let ty = vm.t.callable_iterator.clone();
    let it = vm.new_iter(IterKind::Callable, search, &ty);
    if let Some(i) = it.downcast::<Iter>() {
        i.extra.set(Value::NONE);
    }
    Ok(it)
}

fn step(vm: &mut Vm, args: Args, name: &str, search: bool) -> PyResult {
    let this = match args.pos.first() {
        Some(v) if v.downcast::<Scanner>().is_some() => v.clone(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "descriptor '{name}' for '_sre.SRE_Scanner' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            )))
        }
        None => return Err(vm.type_error(format!("{name}() needs an argument"))),
    };
    if !args.kw.is_empty() || args.pos.len() > 1 {
        return Err(vm.type_error(format!("{name}() takes no arguments")));
    }
    let Some(s) = this.downcast::<Scanner>() else {
        return Ok(Value::NONE);
    };
    let Some(start) = s.start.get() else {
        return Ok(Value::NONE);
    };
    let Some(p) = s.pattern.downcast::<Pattern>() else {
        return Ok(Value::NONE);
    };
    let mut m = machine(vm, &s.subject, p, s.pos, s.endpos)?;
    m.set_start(start);
    m.set_ptr(start);
    m.set_must_advance(s.must_advance.get());
    let code = &p.code;
    let found = if search {
        run(vm, &mut *m, |m| m.search(code))?
    } else {
        run(vm, &mut *m, |m| m.pymatch(code))?
    };
    if !found {
        s.start.set(None);
        return Ok(Value::NONE);
    }
    let result = new_match(vm, &s.pattern, &s.subject, &*m)?;
    s.must_advance.set(m.ptr() == m.start());
    s.start.set(Some(m.ptr()));
    Ok(result)
}

fn scanner_match(vm: &mut Vm, args: Args) -> PyResult {
    step(vm, args, "match", false)
}

fn scanner_search(vm: &mut Vm, args: Args) -> PyResult {
    step(vm, args, "search", true)
}
