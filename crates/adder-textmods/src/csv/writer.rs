//! `_csv.writer`: joins the fields of a row into one line with the
//! dialect's quoting and escaping rules (CPython 3.11: `join_append_data`
//! and `csv_writerow` in Modules/_csv.c) and passes it to the file's
//! `write`.
//!
//! Invariant: a row is written with one `write` call, after every field
//! has been converted; a field that cannot be written (an escape is needed
//! but no escapechar is set) writes nothing.

use adder_object::{Trace, Value};
use adder_vm::num::{as_complex, as_float, is_int};
use adder_vm::objects::string::Str;
use adder_vm::ops::type_lookup;
use adder_vm::{Args, PyResult, Vm};

use super::dialect::{call_dialect, DialectObj, QUOTE_ALL, QUOTE_NONE, QUOTE_NONNUMERIC};
use super::{csv_error, readonly, state, unpack};

#[derive(Trace)]
pub struct Writer {
    write: Value,
    dialect: Value,
}
adder_object::payload!(Writer, super::WRITER_KIND, "_csv.writer");

pub fn register(vm: &mut Vm, t: &Value) {
    vm.add_method(t, "writerow", writerow);
    vm.add_method(t, "writerows", writerows);
    vm.add_getset(
        t,
        "dialect",
        |vm, v| match v.downcast::<Writer>() {
            Some(w) => Ok(w.dialect.clone()),
            None => Err(vm.type_error("descriptor 'dialect' doesn't apply")),
        },
        Some(readonly),
    );
}

fn this<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a Writer> {
    args.pos
        .first()
        .and_then(|v| v.downcast::<Writer>())
        .ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{meth}' requires a '_csv.writer' object"
            ))
        })
}

/// `_csv.writer(fileobj, dialect='excel', **fmtparams)`.
pub fn csv_writer(vm: &mut Vm, args: Args) -> PyResult {
    unpack(vm, &args.pos, 1, 2)?;
    // `_PyObject_LookupAttr`: only an AttributeError means "no attribute".
    let write = match vm.getattr_str(&args.pos[0], "write") {
        Ok(w) => Some(w),
        Err(e) if vm.exc_matches(&e, &vm.t.attribute_error.clone()) => None,
        Err(e) => return Err(e),
    };
    let write = match write {
        Some(w) if vm.callable(&w) => w,
        _ => return Err(vm.type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = call_dialect(vm, args.pos.get(1).cloned(), &args.kw)?;
    let m = state::module(vm)?;
    let t = adder_vm::native::module_get(&m, "Writer")
        .ok_or_else(|| vm.system_error("_csv lost its writer type"))?;
    Ok(vm.alloc_builtin(&t, Writer { write, dialect }))
}

/// `PyNumber_Check`: ints, floats, complex numbers and objects whose class
/// defines `__index__`, `__int__` or `__float__`.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if is_int(v) || as_float(v).is_some() || as_complex(v).is_some() {
        return true;
    }
    let t = vm.type_of(v);
    ["__index__", "__int__", "__float__"].iter().any(|n| {
        let k = vm.intern(n);
        type_lookup(&t, &k).is_some_and(|f| !f.is_none())
    })
}

/// The record being built (`rec` and `num_fields` in CPython).
struct Record {
    text: String,
    num_fields: usize,
}

/// `join_append`: adds one field (`None`: an empty field).
fn join_append(
    vm: &mut Vm,
    d: &DialectObj,
    rec: &mut Record,
    field: Option<&str>,
    mut quoted: bool,
) -> PyResult<()> {
    let special = |c: char| {
        c == d.delimiter
            || Some(c) == d.escapechar
            || Some(c) == d.quotechar
            || d.lineterminator.contains(c)
    };
    let mut body = String::new();
    for c in field.unwrap_or("").chars() {
        if special(c) {
            let mut want_escape = false;
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                match d.escapechar {
                    Some(e) => body.push(e),
                    None => return Err(csv_error(vm, "need to escape, but no escapechar set")),
                }
            }
        }
        body.push(c);
    }
    if rec.num_fields > 0 {
        rec.text.push(d.delimiter);
    }
    let q = d.quotechar.unwrap_or('"');
    if quoted {
        rec.text.push(q);
    }
    rec.text.push_str(&body);
    if quoted {
        rec.text.push(q);
    }
    rec.num_fields += 1;
    Ok(())
}

/// `writerow(row)`: returns what `write` returns.
pub fn write_row(vm: &mut Vm, w: &Writer, row: &Value) -> PyResult {
    let it = match vm.iter(row) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {
            let msg = format!("iterable expected, not {}", vm.type_name(row));
            return Err(csv_error(vm, &msg));
        }
        Err(e) => return Err(e),
    };
    let dv = w.dialect.clone();
    let Some(d) = dv.downcast::<DialectObj>() else {
        return Err(vm.system_error("writer has no dialect"));
    };
    let mut rec = Record {
        text: String::new(),
        num_fields: 0,
    };
    while let Some(field) = vm.next(&it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, &field),
            QUOTE_ALL => true,
            _ => false,
        };
        if let Some(s) = field.downcast::<Str>() {
            join_append(vm, d, &mut rec, Some(s.as_str()), quoted)?;
        } else if field.is_none() {
            join_append(vm, d, &mut rec, None, quoted)?;
        } else {
            let s = vm.str_string(&field)?;
            join_append(vm, d, &mut rec, Some(&s), quoted)?;
        }
    }
    if rec.num_fields > 0 && rec.text.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(csv_error(vm, "single empty field record must be quoted"));
        }
        rec.num_fields -= 1;
        join_append(vm, d, &mut rec, None, true)?;
    }
    rec.text.push_str(&d.lineterminator);
    let line = vm.new_string(rec.text);
    vm.call(&w.write, vec![line])
}

fn writerow(vm: &mut Vm, args: Args) -> PyResult {
    let w = this(vm, &args, "writerow")?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("writer.writerow() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "writer.writerow() takes exactly one argument ({} given)",
            args.pos.len() - 1
        )));
    }
    write_row(vm, w, &args.pos[1])
}

fn writerows(vm: &mut Vm, args: Args) -> PyResult {
    let w = this(vm, &args, "writerows")?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("writer.writerows() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "writer.writerows() takes exactly one argument ({} given)",
            args.pos.len() - 1
        )));
    }
    let it = vm.iter(&args.pos[1])?;
    while let Some(row) = vm.next(&it)? {
        write_row(vm, w, &row)?;
    }
    Ok(Value::NONE)
}
