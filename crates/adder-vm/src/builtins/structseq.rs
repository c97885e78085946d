//! Struct sequences (`os.stat_result`, `time.struct_time`, `os.uname_result`,
//! `pwd.struct_passwd`, ...): named tuples made in Rust, as CPython's
//! `Objects/structseq.c` makes them. A struct-sequence type is a final
//! subclass of `tuple` whose instances show the first `n_sequence_fields`
//! fields as tuple items and keep every field (visible or not) in trailing
//! slots, read by one `member_descriptor` per named field.
//!
//! Invariant: an instance of a type made by [`new_type`] always has exactly
//! `n_fields` trailing slots, all non-NULL (None where a value is missing),
//! and its tuple items equal the first `n_sequence_fields` of them; fields
//! are read-only from Python. Field names with `""` are unnamed: they appear
//! in the tuple but have no attribute (CPython's `PyStructSequence_UnnamedField`).
//!
//! API for native modules:
//! - [`new_type`]`(vm, "os", "stat_result", &names, n_in_sequence)` makes the
//!   type (keep it in your module; it is immortal);
//! - [`new`]`(vm, &ty, values)` makes an instance from all `n_fields` values
//!   (missing trailing values become None);
//! - [`field`] reads field `i` of an instance; [`construct`] is the generic
//!   `__new__(sequence, dict=None)`, for types whose own constructor wraps it.

use adder_object::heap::Payload;
use adder_object::Value;

use crate::kinds;
use crate::objects::dict::Dict;
use crate::objects::function::SlotDescr;
use crate::objects::seq::{List, Tuple};
use crate::objects::string::Str;
use crate::objects::types::{tflags, TypeObject};
use crate::ops::dict_get_str;
use crate::vm::{Args, PyResult, Vm};

/// Creates the struct-sequence type `module.name`. `fields` lists every
/// field in order (`""` for an unnamed one); the first `n_in_sequence` are
/// the tuple items, the rest are attributes only.
pub fn new_type(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    n_in_sequence: usize,
) -> Value {
    let n_in_sequence = n_in_sequence.min(fields.len());
    let tuple = vm.t.tuple.clone();
    let t = crate::native::new_type(vm, module, name, &tuple, Tuple::vtable(), kinds::TUPLE, 0);
    let to = vm.type_obj(&t);
    to.nslots.set(fields.len());
    to.flags.set(to.flags.get() | tflags::HAS_SETATTR);
    let member_descr = vm.t.member_descr.clone();
    let mut match_args = Vec::new();
    let mut unnamed = 0;
    for (i, &f) in fields.iter().enumerate() {
        if f.is_empty() {
            unnamed += 1;
            continue;
        }
        let key = vm.intern(f);
        if i < n_in_sequence {
            match_args.push(key.clone());
        }
        let d = vm.alloc_builtin(
            &member_descr,
            SlotDescr {
                name: key,
                index: i,
                owner: t.clone(),
            },
        );
        vm.add_attr(&t, f, d);
    }
    let ints = [
        ("n_sequence_fields", n_in_sequence),
        ("n_fields", fields.len()),
        ("n_unnamed_fields", unnamed),
    ];
    for (k, v) in ints {
        let v = vm.new_int(v as i64);
        vm.add_attr(&t, k, v);
    }
    let ma = vm.new_tuple(match_args);
    vm.add_attr(&t, "__match_args__", ma);
    vm.set_new(&t, construct);
    vm.add_method(&t, "__repr__", structseq_repr);
    vm.add_method(&t, "__reduce__", structseq_reduce);
    vm.add_method(&t, "__setattr__", structseq_setattr);
    vm.add_method(&t, "__delattr__", structseq_delattr);
    t
}

/// The shape of a struct-sequence type, read from its dict.
struct Layout {
    /// `module.name`, as CPython's `tp_name`.
    full_name: String,
    n_seq: usize,
    n_fields: usize,
    /// Field names by index (None: unnamed).
    names: Vec<Option<Value>>,
}

fn layout(ty: &Value) -> Option<Layout> {
    let to = ty.downcast::<TypeObject>()?;
    let d = to.dict().clone();
    let n_seq = dict_get_str(&d, "n_sequence_fields").and_then(|v| v.as_small_int())?;
    let n_fields = dict_get_str(&d, "n_fields").and_then(|v| v.as_small_int())?;
    let (n_seq, n_fields) = (
        usize::try_from(n_seq).ok()?,
        usize::try_from(n_fields).ok()?,
    );
    let mut names = vec![None; n_fields];
    for (_, v) in d.downcast::<Dict>()?.items() {
        if let Some(sd) = v.downcast::<SlotDescr>() {
            if sd.owner.is(ty) && sd.index < n_fields {
                names[sd.index] = Some(sd.name.clone());
            }
        }
    }
    let module = dict_get_str(&d, "__module__")
        .and_then(|m| m.downcast::<Str>().map(|s| s.as_str().to_string()))
        .unwrap_or_default();
    let name = to.name();
    let full_name = if module.is_empty() || module == "builtins" {
        name
    } else {
        format!("{module}.{name}")
    };
    Some(Layout {
        full_name,
        n_seq,
        n_fields,
        names,
    })
}

fn layout_of(vm: &mut Vm, v: &Value) -> PyResult<Layout> {
    let t = vm.type_of(v);
    match layout(&t) {
        Some(l) => Ok(l),
        None => Err(vm.type_error(format!(
            "descriptor requires a struct sequence, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// An instance of struct-sequence type `ty` from its fields in order; values
/// past the end of `values` are None, extra values are ignored.
pub fn new(vm: &mut Vm, ty: &Value, values: Vec<Value>) -> Value {
    let (n_seq, n_fields) = match layout(ty) {
        Some(l) => (l.n_seq, l.n_fields),
        None => (values.len(), values.len()),
    };
    build(vm, ty, values, n_seq, n_fields)
}

fn build(vm: &mut Vm, ty: &Value, mut values: Vec<Value>, n_seq: usize, n_fields: usize) -> Value {
    values.resize(n_fields, Value::NONE);
    let items: Box<[Value]> = values[..n_seq].to_vec().into_boxed_slice();
    let v = vm.alloc_builtin(ty, Tuple { items });
    if let Some(h) = v.header() {
        for (slot, val) in h.trailing().iter().zip(values) {
            slot.set(val);
        }
    }
    v
}

/// Field `i` of a struct-sequence instance (visible or not); None when out
/// of range.
pub fn field(v: &Value, i: usize) -> Option<Value> {
    let h = v.header()?;
    let c = h.trailing().get(i)?;
    let x = c.get();
    if x.is_null() {
        None
    } else {
        Some(x)
    }
}

/// Replaces field `i` of an instance that is still being built (for a
/// type's own `__new__` that fixes fields up after [`construct`]); keeps
/// the tuple item in step. Returns false when `i` is out of range.
pub fn set_field(v: &Value, i: usize, x: Value) -> bool {
    let Some(h) = v.header() else { return false };
    let Some(c) = h.trailing().get(i) else {
        return false;
    };
    if let Some(t) = v.downcast::<Tuple>() {
        if i < t.items.len() {
            // The tuple is not yet visible to Python: its items may not
            // change, so only a hidden field may be replaced.
            return false;
        }
    }
    c.set(x);
    true
}

/// The generic constructor: `T(sequence, dict=None)`.
pub fn construct(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let mut seq = None;
    let mut dict = None;
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "structseq() takes at most 2 arguments ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    let mut pos = args.pos.into_iter();
    if let Some(s) = pos.next() {
        seq = Some(s);
    }
    if let Some(d) = pos.next() {
        dict = Some(d);
    }
    let mut unknown = None;
    for (k, v) in args.kw {
        let key = k
            .downcast::<Str>()
            .map_or(String::new(), |s| s.as_str().to_string());
        let (slot, n) = match key.as_str() {
            "sequence" => (&mut seq, 1),
            "dict" => (&mut dict, 2),
            _ => {
                unknown.get_or_insert(key);
                continue;
            }
        };
        if slot.is_some() {
            return Err(vm.type_error(format!(
                "argument for structseq() given by name ('{key}') and position ({n})"
            )));
        }
        *slot = Some(v);
    }
    let Some(seq) = seq else {
        return Err(vm.type_error("structseq() missing required argument 'sequence' (pos 1)"));
    };
    if let Some(key) = unknown {
        return Err(vm.type_error(format!(
            "'{key}' is an invalid keyword argument for structseq()"
        )));
    }
    let Some(l) = layout(&cls) else {
        return Err(vm.type_error("structseq() needs a struct sequence type"));
    };
    let items = match seq.kind() {
        Some(kinds::TUPLE) => seq.downcast::<Tuple>().map(|t| t.items.to_vec()),
        Some(kinds::LIST) => seq.downcast::<List>().map(|l| l.snapshot()),
        _ => None,
    };
    let items = match items {
        Some(i) => i,
        None => match vm.iterate(&seq) {
            Ok(i) => i,
            Err(e) => {
                if vm.exc_matches(&e, &vm.t.type_error.clone()) {
                    return Err(vm.type_error("constructor requires a sequence"));
                }
                return Err(e);
            }
        },
    };
    if let Some(d) = &dict {
        if d.downcast::<Dict>().is_none() {
            return Err(vm.type_error(format!(
                "{}() takes a dict as second arg, if any",
                l.full_name
            )));
        }
    }
    let (min, max, len) = (l.n_seq, l.n_fields, items.len());
    if len < min || len > max {
        let (bound, word) = if len < min {
            (min, "at least")
        } else {
            (max, "at most")
        };
        let msg = if min == max {
            format!(
                "{}() takes a {bound}-sequence ({len}-sequence given)",
                l.full_name
            )
        } else {
            format!(
                "{}() takes an {word} {bound}-sequence ({len}-sequence given)",
                l.full_name
            )
        };
        return Err(vm.type_error(msg));
    }
    let mut values = items;
    for i in len..max {
        let v = match (&dict, &l.names[i]) {
            (Some(d), Some(name)) => vm.dict_get(d, name)?.unwrap_or(Value::NONE),
            _ => Value::NONE,
        };
        values.push(v);
    }
    Ok(build(vm, &cls, values, l.n_seq, l.n_fields))
}

fn this(vm: &mut Vm, args: &Args, meth: &str) -> PyResult<(Value, Layout)> {
    let Some(v) = args.pos.first().cloned() else {
        return Err(vm.type_error(format!("{meth}() needs an argument")));
    };
    let l = layout_of(vm, &v)?;
    Ok((v, l))
}

fn structseq_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (v, l) = this(vm, &args, "__repr__")?;
    let items = v
        .downcast::<Tuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default();
    // As CPython: the i-th visible item is labelled with the i-th *named*
    // field (so stat_result's integer times show as st_atime=...).
    let named: Vec<Value> = l.names.iter().flatten().cloned().collect();
    let mut out = format!("{}(", l.full_name);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(n) = named.get(i).and_then(|n| n.downcast::<Str>()) {
            out.push_str(n.as_str());
        }
        out.push('=');
        out.push_str(&vm.repr_string(item)?);
    }
    out.push(')');
    Ok(vm.new_string(out))
}

fn structseq_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let (v, l) = this(vm, &args, "__reduce__")?;
    let items = v
        .downcast::<Tuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default();
    let tup = vm.new_tuple(items);
    let d = vm.new_dict();
    for i in l.n_seq..l.n_fields {
        if let Some(name) = &l.names[i] {
            let val = field(&v, i).unwrap_or(Value::NONE);
            vm.dict_set(&d, name.clone(), val)?;
        }
    }
    let t = vm.type_of(&v);
    let inner = vm.new_tuple(vec![tup, d]);
    Ok(vm.new_tuple(vec![t, inner]))
}

fn readonly(vm: &mut Vm, args: &Args, meth: &str) -> PyResult {
    let (v, l) = this(vm, args, meth)?;
    let name = args.pos.get(1).cloned().unwrap_or(Value::NONE);
    let Some(s) = name.downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&name)
        )));
    };
    let is_field = l.names.iter().flatten().any(|n| {
        n.downcast::<Str>()
            .is_some_and(|n| n.as_str() == s.as_str())
    });
    if is_field {
        return Err(vm.new_exception_msg(&vm.t.attribute_error, "readonly attribute"));
    }
    Err(vm.attribute_error(&v, s.as_str()))
}

fn structseq_setattr(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "__setattr__", &args, 3, 3)?;
    readonly(vm, &args, "__setattr__")
}

fn structseq_delattr(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "__delattr__", &args, 2, 2)?;
    readonly(vm, &args, "__delattr__")
}
