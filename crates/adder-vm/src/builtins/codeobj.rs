//! The parts of the `code` type that describe positions and make variants:
//! `co_positions()`, `co_lines()`, `replace()`.
//!
//! Invariant: instruction `i` of Adder's bytecode is reported as CPython's
//! code unit pair `2*i` (so `f_lasti`/`tb_lasti` // 2 indexes
//! `co_positions()`, as `traceback` expects).

use std::rc::Rc;

use adder_object::Value;

use crate::objects::function::Code;
use crate::vm::{Args, PyResult, Vm};

fn code_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Code> {
    v.downcast::<Code>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'code' object"))
}

fn opt(vm: &Vm, n: u32) -> Value {
    if n == 0 {
        Value::NONE
    } else {
        vm.new_int(i64::from(n))
    }
}

/// `co_positions()`: (line, end_line, col, end_col) per instruction.
fn co_positions(vm: &mut Vm, args: Args) -> PyResult {
    let c = code_of(vm, &args.pos[0])?;
    let locs: Vec<_> = c.code.locations.iter().collect();
    let mut out = Vec::with_capacity(locs.len());
    for l in locs {
        let t = if l.line == 0 {
            vec![Value::NONE, Value::NONE, Value::NONE, Value::NONE]
        } else {
            vec![
                opt(vm, l.line),
                opt(vm, l.end_line),
                vm.new_int(i64::from(l.col)),
                vm.new_int(i64::from(l.end_col)),
            ]
        };
        out.push(vm.new_tuple(t));
    }
    let l = vm.new_list(out);
    vm.iter(&l)
}

/// `co_lines()`: (start, end, line) byte ranges with one line each.
fn co_lines(vm: &mut Vm, args: Args) -> PyResult {
    let c = code_of(vm, &args.pos[0])?;
    let locs: Vec<_> = c.code.locations.iter().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    for i in 1..=locs.len() {
        if i == locs.len() || locs[i].line != locs[start].line {
            let line = locs[start].line;
            let t = vec![
                vm.new_int(start as i64 * 2),
                vm.new_int(i as i64 * 2),
                opt(vm, line),
            ];
            out.push(vm.new_tuple(t));
            start = i;
        }
    }
    let l = vm.new_list(out);
    vm.iter(&l)
}

/// `replace(**changes)`: a copy with the given metadata changed.
fn code_replace(vm: &mut Vm, args: Args) -> PyResult {
    let c = code_of(vm, &args.pos[0])?;
    if args.pos.len() > 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let mut co = (*c.code).clone();
    for (k, v) in &args.kw {
        let k = vm.str_string(k)?;
        let as_str =
            |vm: &mut Vm| -> PyResult<Rc<str>> { Ok(Rc::from(vm.str_string(v)?.as_str())) };
        let as_u32 = |vm: &mut Vm| -> PyResult<u32> {
            crate::num::as_i64(v)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| vm.type_error(format!("{k} must be a non-negative int")))
        };
        match k.as_str() {
            "co_name" => co.name = as_str(vm)?,
            "co_qualname" => co.qualname = as_str(vm)?,
            "co_filename" => co.filename = as_str(vm)?,
            "co_firstlineno" => co.firstlineno = as_u32(vm)?,
            "co_flags" => co.flags = as_u32(vm)?,
            _ => {
                return Err(vm.not_implemented_error(format!(
                "code.replace({k}=...) is not supported: Adder's bytecode differs from CPython's"
            )))
            }
        }
    }
    Ok(vm.load_code(&Rc::new(co)))
}

pub fn init(vm: &mut Vm) {
    let t = vm.t.code.clone();
    vm.add_method(&t, "co_positions", co_positions);
    vm.add_method(&t, "co_lines", co_lines);
    vm.add_method(&t, "replace", code_replace);
}
