//! The `_csv` module: `reader`, `writer`, `Dialect`, the dialect registry
//! (`register_dialect`, `unregister_dialect`, `get_dialect`,
//! `list_dialects`, `_dialects`), `field_size_limit`, `Error`, the QUOTE_*
//! constants and `__version__` (CPython 3.11: Modules/_csv.c).
//!
//! Invariant: the module's state (the registry dict `_dialects` and the
//! field size limit, kept under a private name) lives in the module object;
//! readers read the limit when they start a record.

mod dialect;
mod reader;
mod writer;

use adder_object::{Payload, Value};
use adder_vm::kinds::TEXTMODS_FIRST;
use adder_vm::native::{module_add_fns, module_add_ints, module_get, module_set, new_type};
use adder_vm::objects::types::tflags;
use adder_vm::{Args, NativeModule, PyResult, Vm};

pub const DIALECT_KIND: u8 = TEXTMODS_FIRST + 1;
pub const READER_KIND: u8 = TEXTMODS_FIRST + 2;
pub const WRITER_KIND: u8 = TEXTMODS_FIRST + 3;

const FIELD_LIMIT_KEY: &str = "__adder_field_limit__";

pub fn module() -> NativeModule {
    NativeModule { name: "_csv", init }
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let v = vm.new_str("1.0");
    module_set(vm, m, "__version__", v);
    let doc = vm.new_str("CSV parsing and writing.");
    module_set(vm, m, "__doc__", doc);
    module_add_ints(
        vm,
        m,
        &[
            ("QUOTE_MINIMAL", dialect::QUOTE_MINIMAL as i64),
            ("QUOTE_ALL", dialect::QUOTE_ALL as i64),
            ("QUOTE_NONNUMERIC", dialect::QUOTE_NONNUMERIC as i64),
            ("QUOTE_NONE", dialect::QUOTE_NONE as i64),
        ],
    );
    let exc = vm.t.exception.clone();
    let err = {
        let n = vm.new_str("Error");
        let b = vm.new_tuple(vec![exc]);
        let d = vm.new_dict();
        let k = vm.new_str("__module__");
        let mn = vm.new_str("_csv");
        vm.dict_set(&d, k, mn)?;
        let ty = vm.t.type_.clone();
        vm.call(&ty, vec![n, b, d])?
    };
    module_set(vm, m, "Error", err);
    let obj = vm.t.object.clone();
    let dt = new_type(
        vm,
        "_csv",
        "Dialect",
        &obj,
        dialect::DialectObj::vtable(),
        DIALECT_KIND,
        tflags::BASETYPE,
    );
    dialect::register(vm, &dt);
    module_set(vm, m, "Dialect", dt);
    let rt = new_type(
        vm,
        "_csv",
        "reader",
        &obj,
        reader::Reader::vtable(),
        READER_KIND,
        0,
    );
    reader::register(vm, &rt);
    module_set(vm, m, "Reader", rt);
    let wt = new_type(
        vm,
        "_csv",
        "writer",
        &obj,
        writer::Writer::vtable(),
        WRITER_KIND,
        0,
    );
    writer::register(vm, &wt);
    module_set(vm, m, "Writer", wt);
    let registry = vm.new_dict();
    module_set(vm, m, "_dialects", registry);
    let limit = vm.new_int(128 * 1024);
    module_set(vm, m, FIELD_LIMIT_KEY, limit);
    module_add_fns(
        vm,
        m,
        &[
            ("reader", reader::csv_reader),
            ("writer", writer::csv_writer),
            ("register_dialect", register_dialect),
            ("unregister_dialect", unregister_dialect),
            ("get_dialect", get_dialect),
            ("list_dialects", list_dialects),
            ("field_size_limit", field_size_limit),
        ],
    );
    Ok(())
}

/// An `_csv.Error` with `msg`.
pub fn csv_error(vm: &mut Vm, msg: &str) -> Value {
    let ty = state::module(vm)
        .ok()
        .and_then(|m| module_get(&m, "Error"))
        .unwrap_or_else(|| vm.t.exception.clone());
    vm.new_exception_msg(&ty, msg)
}

/// Access to the module's state.
pub mod state {
    use super::*;

    /// The `_csv` module object.
    pub fn module(vm: &mut Vm) -> PyResult {
        adder_vm::native::import(vm, "_csv")
    }

    /// The dialect registry.
    pub fn registry(vm: &mut Vm) -> PyResult {
        let m = module(vm)?;
        match module_get(&m, "_dialects") {
            Some(d) if d.kind() == Some(adder_vm::kinds::DICT) => Ok(d),
            _ => Err(vm.system_error("_csv lost its dialect registry")),
        }
    }

    /// `get_dialect_from_registry`.
    pub fn registry_get(vm: &mut Vm, name: &Value) -> PyResult {
        let reg = registry(vm)?;
        match vm.dict_get(&reg, name)? {
            Some(d) => Ok(d),
            None => Err(csv_error(vm, "unknown dialect")),
        }
    }

    /// The current field size limit.
    pub fn field_limit(vm: &mut Vm) -> PyResult<i64> {
        let m = module(vm)?;
        Ok(module_get(&m, FIELD_LIMIT_KEY)
            .and_then(|v| adder_vm::num::as_i64(&v))
            .unwrap_or(128 * 1024))
    }
}

/// `PyArg_UnpackTuple(args, "", min, max)` messages.
pub fn unpack(vm: &Vm, pos: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = pos.len();
    if n < min {
        return Err(vm.type_error(format!(
            " expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            " expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// A "readonly attribute" setter (CPython's read-only members).
pub fn readonly(vm: &mut Vm, _obj: &Value, _v: Value) -> PyResult<()> {
    let t = vm.t.attribute_error.clone();
    Err(vm.new_exception_msg(&t, "readonly attribute"))
}

fn register_dialect(vm: &mut Vm, args: Args) -> PyResult {
    unpack(vm, &args.pos, 1, 2)?;
    let name = args.pos[0].clone();
    if name.downcast::<adder_vm::objects::string::Str>().is_none() {
        return Err(vm.type_error("dialect name must be a string"));
    }
    let d = dialect::call_dialect(vm, args.pos.get(1).cloned(), &args.kw)?;
    let reg = state::registry(vm)?;
    vm.dict_set(&reg, name, d)?;
    Ok(Value::NONE)
}

/// The one `name` argument of a clinic function `f(name)`.
fn name_arg(vm: &Vm, args: &Args, fname: &str) -> PyResult<Value> {
    let n = args.pos.len() + args.kw.len();
    if n > 1 {
        return Err(vm.type_error(format!("{fname}() takes at most 1 argument ({n} given)")));
    }
    if let Some((k, v)) = args.kw.first() {
        let key = k
            .downcast::<adder_vm::objects::string::Str>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        if key != "name" {
            return Err(vm.type_error(format!(
                "'{key}' is an invalid keyword argument for {fname}()"
            )));
        }
        return Ok(v.clone());
    }
    args.pos.first().cloned().ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() missing required argument 'name' (pos 1)"
        ))
    })
}

fn unregister_dialect(vm: &mut Vm, args: Args) -> PyResult {
    let name = name_arg(vm, &args, "unregister_dialect")?;
    let reg = state::registry(vm)?;
    match vm.dict_pop(&reg, &name)? {
        Some(_) => Ok(Value::NONE),
        None => Err(csv_error(vm, "unknown dialect")),
    }
}

fn get_dialect(vm: &mut Vm, args: Args) -> PyResult {
    let name = name_arg(vm, &args, "get_dialect")?;
    state::registry_get(vm, &name)
}

fn list_dialects(vm: &mut Vm, args: Args) -> PyResult {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "_csv.list_dialects() takes no arguments ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    let reg = state::registry(vm)?;
    let keys = vm.call_method(&reg, "keys", vec![])?;
    let items = vm.iterate(&keys)?;
    Ok(vm.new_list(items))
}

fn field_size_limit(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.pos.len() + args.kw.len();
    if n > 1 {
        return Err(vm.type_error(format!(
            "field_size_limit() takes at most 1 argument ({n} given)"
        )));
    }
    let new = match args.kw.first() {
        Some((k, v)) => {
            let key = k
                .downcast::<adder_vm::objects::string::Str>()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            if key != "new_limit" {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for field_size_limit()"
                )));
            }
            Some(v.clone())
        }
        None => args.pos.first().cloned(),
    };
    let old = state::field_limit(vm)?;
    if let Some(v) = new {
        if !vm.type_of(&v).is(&vm.t.int) {
            return Err(vm.type_error("limit must be an integer"));
        }
        let Some(x) = adder_vm::num::as_i64(&v) else {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        };
        let m = state::module(vm)?;
        let xv = vm.new_int(x);
        module_set(vm, &m, FIELD_LIMIT_KEY, xv);
    }
    Ok(vm.new_int(old))
}
