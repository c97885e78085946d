//! The repeated-match methods of `re.Pattern`: `findall`, `split`, `sub`
//! and `subn`, each one engine state stepped over the subject with
//! CPython's empty-match rule (after an empty match the next one must
//! advance: `must_advance`).
//!
//! Invariant: slices of the subject are taken from the snapshot the engine
//! ran on; Python code (a `sub` callback, `re._subx`) only runs between two
//! engine calls, and the joined result is built only after the last one —
//! so a callback sees every match, and join errors come out exactly where
//! CPython's `PyUnicode_Join`/`_PyBytes_Join` raise them.
//!
//! CPython 3.11: Modules/_sre/sre.c (`pattern_findall`, `pattern_split`,
//! `pattern_subx`).

use adder_object::Value;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{Args, PyResult, Vm};

use crate::args;
use crate::pattern::{machine, new_match, run, string_pos_endpos, subject, this, Pattern};
use crate::text::Subject;

/// `re.<name>(*args)`, the Python half of the module (CPython's `call`).
pub fn call_re(vm: &mut Vm, name: &str, args: Vec<Value>) -> PyResult {
    let re = adder_vm::native::import(vm, "re")?;
    let f = vm.getattr_str(&re, name)?;
    vm.call(&f, args)
}

/// A group's text for findall/split (`state_getslice`): `empty` gives ""
/// (else None) for a group that did not participate.
fn group_value(vm: &mut Vm, subj: &Subject, span: (isize, isize), empty: bool) -> PyResult<Value> {
    match span {
        (a, b) if a >= 0 && b >= 0 => {
            if a > b {
                return Err(vm.system_error(
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ));
            }
            Ok(subj.slice(vm, a as usize, b as usize))
        }
        _ if empty => Ok(subj.slice(vm, 0, 0)),
        _ => Ok(Value::NONE),
    }
}

pub fn pattern_findall(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "findall")?;
    let Some(p) = this.downcast::<Pattern>() else {
        return Ok(Value::NONE);
    };
    let (string, pos, endpos) = string_pos_endpos(vm, &args, "findall")?;
    let subj = subject(vm, p, &string)?;
    let mut m = machine(vm, &subj, p, pos, endpos)?;
    let mut out = Vec::new();
    while m.start() <= m.endpos() {
        m.reset();
        m.set_ptr(m.start());
        if !run(vm, &mut *m, |m| m.search(&p.code))? {
            break;
        }
        let item = match p.groups {
            0 => group_value(vm, &subj, m.span(0), true)?,
            1 => group_value(vm, &subj, m.span(1), true)?,
            n => {
                let mut items = Vec::with_capacity(n);
                for g in 1..=n {
                    items.push(group_value(vm, &subj, m.span(g), true)?);
                }
                vm.new_tuple(items)
            }
        };
        out.push(item);
        m.set_must_advance(m.ptr() == m.start());
        m.set_start(m.ptr());
    }
    Ok(vm.new_list(out))
}

pub fn pattern_split(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "split")?;
    let Some(p) = this.downcast::<Pattern>() else {
        return Ok(Value::NONE);
    };
    let a = args::parse(
        vm,
        "split",
        &["string", "maxsplit"],
        1,
        &args.pos[1..],
        &args.kw,
    )?;
    let string = a[0].clone().unwrap_or(Value::NONE);
    let maxsplit = args::ssize_or(vm, &a[1], 0)?;
    let subj = subject(vm, p, &string)?;
    let mut m = machine(vm, &subj, p, 0, isize::MAX)?;
    let mut out = Vec::new();
    let mut n = 0isize;
    let mut last = m.start();
    while maxsplit == 0 || n < maxsplit {
        m.reset();
        m.set_ptr(m.start());
        if !run(vm, &mut *m, |m| m.search(&p.code))? {
            break;
        }
        let piece = subj.slice(vm, last as usize, m.start().max(last) as usize);
        out.push(piece);
        for g in 1..=p.groups {
            out.push(group_value(vm, &subj, m.span(g), false)?);
        }
        n += 1;
        m.set_must_advance(m.ptr() == m.start());
        last = m.ptr();
        m.set_start(last);
    }
    let tail = subj.slice(vm, last as usize, m.endpos().max(last) as usize);
    out.push(tail);
    Ok(vm.new_list(out))
}

/// One element of the list `sub` joins.
enum Piece {
    /// Units `i..j` of the subject.
    Slice(usize, usize),
    /// A replacement object (checked for the right type when joining).
    Obj(Value),
}

/// What replaces each match.
enum Filter {
    Literal(Value),
    Callable(Value),
}

fn has_backslash(v: &Value) -> Option<bool> {
    if let Some(s) = v.downcast::<Str>() {
        return Some(s.as_str().contains('\\'));
    }
    if let Some(b) = v.downcast::<Bytes>() {
        return Some(b.b.contains(&b'\\'));
    }
    crate::text::buffer_bytes(v).map(|b| b.contains(&b'\\'))
}

/// `pattern_subx`: `sub` (with `subn` false) and `subn`.
fn subx(vm: &mut Vm, args: Args, name: &str, subn: bool) -> PyResult {
    let this = this(vm, &args, name)?;
    let Some(p) = this.downcast::<Pattern>() else {
        return Ok(Value::NONE);
    };
    let a = args::parse(
        vm,
        name,
        &["repl", "string", "count"],
        2,
        &args.pos[1..],
        &args.kw,
    )?;
    let repl = a[0].clone().unwrap_or(Value::NONE);
    let string = a[1].clone().unwrap_or(Value::NONE);
    let count = args::ssize_or(vm, &a[2], 0)?;

    let filter = if vm.callable(&repl) {
        Filter::Callable(repl)
    } else if has_backslash(&repl) == Some(false) {
        Filter::Literal(repl)
    } else {
        // Not a literal: the template compiler (in Python) returns either
        // the literal replacement or a function of the match.
        let f = call_re(vm, "_subx", vec![this.clone(), repl])?;
        if vm.callable(&f) {
            Filter::Callable(f)
        } else {
            Filter::Literal(f)
        }
    };

    let subj = subject(vm, p, &string)?;
    let mut m = machine(vm, &subj, p, 0, isize::MAX)?;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut n = 0isize;
    let mut i = 0isize;
    while count == 0 || n < count {
        m.reset();
        m.set_ptr(m.start());
        if !run(vm, &mut *m, |m| m.search(&p.code))? {
            break;
        }
        let (b, e) = (m.start(), m.ptr());
        if i < b {
            pieces.push(Piece::Slice(i as usize, b as usize));
        }
        match &filter {
            Filter::Callable(f) => {
                let mo = new_match(vm, &this, &subj, &*m)?;
                let f = f.clone();
                let item = vm.call(&f, vec![mo])?;
                if !item.is_none() {
                    pieces.push(Piece::Obj(item));
                }
            }
            Filter::Literal(v) => {
                if !v.is_none() {
                    pieces.push(Piece::Obj(v.clone()));
                }
            }
        }
        i = e;
        n += 1;
        m.set_must_advance(m.ptr() == m.start());
        m.set_start(m.ptr());
    }
    if i < m.endpos() {
        pieces.push(Piece::Slice(i as usize, m.endpos() as usize));
    }
    let result = join(vm, &subj, pieces)?;
    if subn {
        let n = vm.new_int(n as i64);
        Ok(vm.new_tuple(vec![result, n]))
    } else {
        Ok(result)
    }
}

/// Joins the pieces like `PyUnicode_Join` / `_PyBytes_Join` with an empty
/// separator of the subject's kind.
fn join(vm: &mut Vm, subj: &Subject, pieces: Vec<Piece>) -> PyResult {
    if pieces.is_empty() {
        return Ok(subj.slice(vm, 0, 0));
    }
    if pieces.len() == 1 {
        let v = match &pieces[0] {
            Piece::Slice(i, j) => subj.slice(vm, *i, *j),
            Piece::Obj(v) => v.clone(),
        };
        let exact = if subj.isbytes {
            vm.type_of(&v).is(&vm.t.bytes)
        } else {
            vm.type_of(&v).is(&vm.t.str)
        };
        if exact {
            return Ok(v);
        }
    }
    if subj.isbytes {
        let mut out: Vec<u8> = Vec::new();
        for (k, piece) in pieces.iter().enumerate() {
            match piece {
                Piece::Slice(i, j) => out.extend_from_slice(subj.byte_slice(*i, *j)),
                Piece::Obj(v) => {
                    if let Some(b) = v.downcast::<Bytes>() {
                        out.extend_from_slice(&b.b);
                    } else if let Some(b) = crate::text::buffer_bytes(v) {
                        out.extend_from_slice(&b);
                    } else {
                        return Err(vm.type_error(format!(
                            "sequence item {k}: expected a bytes-like object, {} found",
                            vm.type_name(v)
                        )));
                    }
                }
            }
        }
        return Ok(vm.new_bytes(out));
    }
    let mut out = String::new();
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Slice(i, j) => out.push_str(subj.str_slice(*i, *j)),
            Piece::Obj(v) => match v.downcast::<Str>() {
                Some(s) => out.push_str(s.as_str()),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {k}: expected str instance, {} found",
                        vm.type_name(v)
                    )))
                }
            },
        }
    }
    Ok(vm.new_string(out))
}

pub fn pattern_sub(vm: &mut Vm, args: Args) -> PyResult {
    subx(vm, args, "sub", false)
}

pub fn pattern_subn(vm: &mut Vm, args: Args) -> PyResult {
    subx(vm, args, "subn", true)
}
