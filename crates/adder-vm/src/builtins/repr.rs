//! `repr()` of the builtin types.
//!
//! Invariant: container reprs guard against self-reference with the
//! interpreter's repr stack (`[...]`, `{...}`), and every element's repr goes
//! through `Vm::repr`, so user `__repr__` overrides inside containers apply.

use adder_object::Value;

use crate::kinds;
use crate::num::as_float;
use crate::objects::dict::Dict;
use crate::objects::function::{Code, Function, Method, Native};
use crate::objects::misc::{DictView, MappingProxy, Singleton, ViewKind};
use crate::objects::module::Module;
use crate::objects::number::{BigInt, Complex};
use crate::objects::seq::{List, Range, Slice, Tuple};
use crate::objects::set::Set;
use crate::objects::string::{ByteArray, Bytes, Str};
use crate::objects::types::{tflags, TypeObject};
use crate::ops::dict_get_str;
use crate::vm::{PyResult, Vm};

pub fn float_repr(x: f64) -> String {
    adder_text::float_repr(x)
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for it in items {
        parts.push(vm.repr_string(it)?);
    }
    Ok(parts.join(", "))
}

/// Runs `f` with `v` on the repr stack; returns `recursive` if already there.
fn guarded(
    vm: &mut Vm,
    v: &Value,
    recursive: &str,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<String> {
    if vm.repr_stack.contains(&v.bits()) {
        return Ok(recursive.to_string());
    }
    vm.repr_stack.push(v.bits());
    let r = f(vm);
    vm.repr_stack.pop();
    r
}

pub fn object_repr(vm: &mut Vm, v: &Value) -> String {
    let t = vm.type_of(v);
    let to = t.downcast::<TypeObject>().unwrap();
    let qn = to.qualname.borrow().clone();
    let module = dict_get_str(to.dict(), "__module__")
        .and_then(|m| m.downcast::<Str>().map(|s| s.as_str().to_string()));
    let name = match module {
        Some(m) if m != "builtins" => format!("{m}.{qn}"),
        _ => qn,
    };
    format!("<{} object at {:#x}>", name, v.bits() & 0xFFFF_FFFF_FFFF)
}

pub fn native_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    if let Some(b) = v.as_bool() {
        return Ok(if b { "True" } else { "False" }.to_string());
    }
    if v.is_none() {
        return Ok("None".to_string());
    }
    if let Some(x) = as_float(v) {
        return Ok(float_repr(x));
    }
    let Some(kind) = v.kind() else {
        return Ok("<NULL>".into());
    };
    Ok(match kind {
        kinds::BIGINT => {
            let b = &v.downcast::<BigInt>().unwrap().value();
            match adder_text::int_to_decimal(b, vm.int_max_str_digits) {
                Ok(s) => s,
                Err(e) => return Err(vm.value_error(e.msg)),
            }
        }
        kinds::STR => adder_text::str_repr(v.downcast::<Str>().unwrap().as_str()),
        kinds::BYTES => adder_text::bytes_repr(&v.downcast::<Bytes>().unwrap().b),
        kinds::BYTEARRAY => format!(
            "bytearray({})",
            adder_text::bytes_repr(&v.downcast::<ByteArray>().unwrap().b.borrow())
        ),
        kinds::COMPLEX => {
            let c = v.downcast::<Complex>().unwrap();
            adder_text::complex_repr(c.re, c.im)
        }
        kinds::TUPLE => {
            let items = v.downcast::<Tuple>().unwrap().items.to_vec();
            guarded(vm, v, "(...)", |vm| {
                let inner = join_reprs(vm, &items)?;
                Ok(if items.len() == 1 {
                    format!("({inner},)")
                } else {
                    format!("({inner})")
                })
            })?
        }
        kinds::LIST => {
            let items = v.downcast::<List>().unwrap().snapshot();
            guarded(vm, v, "[...]", |vm| {
                Ok(format!("[{}]", join_reprs(vm, &items)?))
            })?
        }
        kinds::DICT => {
            let items = v.downcast::<Dict>().unwrap().items();
            guarded(vm, v, "{...}", |vm| {
                let mut parts = Vec::new();
                for (k, x) in &items {
                    parts.push(format!("{}: {}", vm.repr_string(k)?, vm.repr_string(x)?));
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            })?
        }
        kinds::SET => {
            let s = v.downcast::<Set>().unwrap();
            let keys = s.keys();
            let frozen = s.frozen;
            let tname = vm.type_name(v);
            guarded(vm, v, &format!("{tname}(...)"), |vm| {
                if keys.is_empty() {
                    return Ok(format!("{tname}()"));
                }
                let inner = join_reprs(vm, &keys)?;
                Ok(if frozen || tname != "set" {
                    format!("{tname}({{{inner}}})")
                } else {
                    format!("{{{inner}}}")
                })
            })?
        }
        kinds::RANGE => {
            let r = v.downcast::<Range>().unwrap();
            if r.step == num_bigint::BigInt::from(1) {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        kinds::SLICE => {
            let s = v.downcast::<Slice>().unwrap();
            let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
            format!(
                "slice({}, {}, {})",
                vm.repr_string(&a)?,
                vm.repr_string(&b)?,
                vm.repr_string(&c)?
            )
        }
        kinds::SINGLETON => v.downcast::<Singleton>().unwrap().name.to_string(),
        kinds::TYPE => {
            let to = v.downcast::<TypeObject>().unwrap();
            let qn = to.qualname.borrow().clone();
            if to.has_flag(tflags::HEAPTYPE) {
                let module = dict_get_str(to.dict(), "__module__")
                    .and_then(|m| m.downcast::<Str>().map(|s| s.as_str().to_string()));
                match module {
                    Some(m) if m != "builtins" => format!("<class '{m}.{qn}'>"),
                    _ => format!("<class '{qn}'>"),
                }
            } else {
                format!("<class '{}'>", to.tp_name())
            }
        }
        kinds::FUNCTION => {
            let f = v.downcast::<Function>().unwrap();
            let q = f.qualname.get();
            format!(
                "<function {} at {:#x}>",
                q.downcast::<Str>().map_or("?", |s| s.as_str()),
                v.bits() & 0xFFFF_FFFF_FFFF
            )
        }
        kinds::NATIVE => {
            let n = v.downcast::<Native>().unwrap();
            if n.self_.is_null() || n.self_.kind() == Some(kinds::MODULE) {
                format!("<built-in function {}>", n.name)
            } else {
                let s = n.self_.clone();
                format!(
                    "<built-in method {} of {} object at {:#x}>",
                    n.name,
                    vm.type_name(&s),
                    s.bits() & 0xFFFF_FFFF_FFFF
                )
            }
        }
        kinds::METHOD => {
            let m = v.downcast::<Method>().unwrap();
            let (func, s) = (m.func.clone(), m.self_.clone());
            let fname = match func.downcast::<Function>() {
                Some(f) => f
                    .qualname
                    .get()
                    .downcast::<Str>()
                    .map_or("?".into(), |s| s.as_str().to_string()),
                // Any callable: its __qualname__, else __name__, else '?'.
                None => {
                    let mut name = "?".to_string();
                    for attr in ["__qualname__", "__name__"] {
                        let k = vm.intern(attr);
                        if let Some(n) = vm.getattr_opt(&func, &k)? {
                            if let Some(s) = n.downcast::<Str>() {
                                name = s.as_str().to_string();
                                break;
                            }
                        }
                    }
                    name
                }
            };
            format!("<bound method {} of {}>", fname, vm.repr_string(&s)?)
        }
        kinds::MODULE => {
            let d = v.downcast::<Module>().unwrap().dict.clone();
            let name = dict_get_str(&d, "__name__")
                .and_then(|n| n.downcast::<Str>().map(|s| s.as_str().to_string()))
                .unwrap_or("?".into());
            match dict_get_str(&d, "__file__")
                .and_then(|n| n.downcast::<Str>().map(|s| s.as_str().to_string()))
            {
                Some(f) => format!("<module '{name}' from '{f}'>"),
                None => format!("<module '{name}' (built-in)>"),
            }
        }
        kinds::CODE => {
            let c = v.downcast::<Code>().unwrap();
            format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.code.name,
                v.bits() & 0xFFFF_FFFF_FFFF,
                c.code.filename,
                c.code.firstlineno
            )
        }
        kinds::DICTVIEW => {
            let dv = v.downcast::<DictView>().unwrap();
            let d = dv.dict.clone();
            let kind = dv.kind;
            let name = match kind {
                ViewKind::Keys => "dict_keys",
                ViewKind::Values => "dict_values",
                ViewKind::Items => "dict_items",
            };
            guarded(vm, v, "...", |vm| {
                let items = d.downcast::<Dict>().unwrap().items();
                let mut parts = Vec::new();
                for (k, x) in &items {
                    parts.push(match kind {
                        ViewKind::Keys => vm.repr_string(k)?,
                        ViewKind::Values => vm.repr_string(x)?,
                        ViewKind::Items => {
                            format!("({}, {})", vm.repr_string(k)?, vm.repr_string(x)?)
                        }
                    });
                }
                Ok(format!("{name}([{}])", parts.join(", ")))
            })?
        }
        kinds::MAPPINGPROXY => {
            let m = v.downcast::<MappingProxy>().unwrap().mapping.clone();
            format!("mappingproxy({})", vm.repr_string(&m)?)
        }
        kinds::EXCEPTION => crate::builtins::exceptions::exception_repr(vm, v)?,
        kinds::CELL => format!("<cell at {:#x}>", v.bits() & 0xFFFF_FFFF_FFFF),
        kinds::GENERATOR => {
            let g = v.downcast::<crate::objects::iter::Generator>().unwrap();
            let q = g.qualname();
            format!(
                "<{} object {} at {:#x}>",
                vm.type_name(v),
                q.downcast::<Str>().map_or("?", |s| s.as_str()),
                v.bits() & 0xFFFF_FFFF_FFFF
            )
        }
        kinds::CLASSMETHOD | kinds::STATICMETHOD => {
            let f = vm.unwrap_method_descriptor(v);
            let what = if kind == kinds::CLASSMETHOD {
                "classmethod"
            } else {
                "staticmethod"
            };
            let inner = guarded(vm, v, "...", |vm| vm.repr_string(&f))?;
            format!("<{what}({inner})>")
        }
        kinds::PROPERTY | kinds::SUPER | kinds::ITERATOR => object_repr(vm, v),
        _ => object_repr(vm, v),
    })
}
