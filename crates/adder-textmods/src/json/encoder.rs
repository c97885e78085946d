//! `_json.Encoder` (`make_encoder(markers, default, encoder, indent,
//! key_separator, item_separator, sort_keys, skipkeys, allow_nan)`): turns
//! a Python value into JSON text in one pass, as `JSONEncoder.iterencode`
//! does with `_one_shot` (CPython 3.11: `encoder_listencode_obj` and its
//! helpers in Modules/_json.c).
//!
//! Invariant: a call returns a one-element list holding the whole text, or
//! raises. While a list, tuple, dict or `default()`-converted object is
//! being encoded, its `id()` is a key of `markers` (when `markers` is a
//! dict), so meeting it again is "Circular reference detected"; nesting
//! counts against the recursion limit. When `encoder` is this module's
//! own `encode_basestring(_ascii)`, strings are escaped without a call.

use adder_object::{Trace, Value};
use adder_vm::num::{as_bigint, as_float, as_i64, is_int, text_error};
use adder_vm::objects::dict::Dict;
use adder_vm::objects::function::Native;
use adder_vm::objects::seq::{List, Tuple};
use adder_vm::objects::string::Str;
use adder_vm::vm::NativeFn;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;

use super::escape::{
    escape_ascii, escape_unicode, py_encode_basestring, py_encode_basestring_ascii,
};
use super::{parse_required, readonly, ssize};

/// Which string escaper runs without a Python call.
#[derive(Clone, Copy, PartialEq)]
enum Fast {
    No,
    Ascii,
    Unicode,
}

#[derive(Trace)]
pub struct Encoder {
    markers: Value,
    defaultfn: Value,
    encoder: Value,
    indent: Value,
    key_separator: Value,
    item_separator: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// A function pointer comparison result: owns no value.
    #[trace(skip)]
    fast: Fast,
}
adder_object::payload!(Encoder, super::ENCODER_KIND, "_json.Encoder");

const WHILE_ENCODING: &str = " while encoding a JSON object";

pub fn register(vm: &mut Vm, t: &Value) {
    vm.set_new(t, encoder_new);
    vm.add_method(t, "__call__", encoder_call);
    let doc = vm.new_str("_iterencode(obj, _current_indent_level) -> iterable");
    vm.add_attr(t, "__doc__", doc);
    vm.add_getset(
        t,
        "markers",
        |vm, v| field(vm, v, |e| e.markers.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "default",
        |vm, v| field(vm, v, |e| e.defaultfn.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "encoder",
        |vm, v| field(vm, v, |e| e.encoder.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "indent",
        |vm, v| field(vm, v, |e| e.indent.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "key_separator",
        |vm, v| field(vm, v, |e| e.key_separator.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "item_separator",
        |vm, v| field(vm, v, |e| e.item_separator.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "sort_keys",
        |vm, v| field(vm, v, |e| Value::from_bool(e.sort_keys)),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "skipkeys",
        |vm, v| field(vm, v, |e| Value::from_bool(e.skipkeys)),
        Some(readonly),
    );
}

fn field(vm: &mut Vm, v: &Value, get: fn(&Encoder) -> Value) -> PyResult {
    match v.downcast::<Encoder>() {
        Some(e) => Ok(get(e)),
        None => Err(vm.type_error("descriptor requires a '_json.Encoder' object")),
    }
}

const PARAMS: [&str; 9] = [
    "markers",
    "default",
    "encoder",
    "indent",
    "key_separator",
    "item_separator",
    "sort_keys",
    "skipkeys",
    "allow_nan",
];

fn encoder_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    let a = parse_required(vm, "make_encoder", &PARAMS, &rest)?;
    for (i, v) in a.iter().enumerate().skip(4).take(2) {
        if v.downcast::<Str>().is_none() {
            return Err(vm.type_error(format!(
                "make_encoder() argument {} must be str, not {}",
                i + 1,
                vm.type_name(v)
            )));
        }
    }
    let sort_keys = vm.truthy(&a[6])?;
    let skipkeys = vm.truthy(&a[7])?;
    let allow_nan = vm.truthy(&a[8])?;
    let markers = a[0].clone();
    if !markers.is_none() && markers.downcast::<Dict>().is_none() {
        let name: String = vm.type_name(&markers).chars().take(200).collect();
        return Err(vm.type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {name}"
        )));
    }
    let fast = match a[2].downcast::<Native>() {
        Some(n) if n.f as usize == (py_encode_basestring_ascii as NativeFn) as usize => Fast::Ascii,
        Some(n) if n.f as usize == (py_encode_basestring as NativeFn) as usize => Fast::Unicode,
        _ => Fast::No,
    };
    Ok(vm.alloc_builtin(
        &cls,
        Encoder {
            markers,
            defaultfn: a[1].clone(),
            encoder: a[2].clone(),
            indent: a[3].clone(),
            key_separator: a[4].clone(),
            item_separator: a[5].clone(),
            sort_keys,
            skipkeys,
            allow_nan,
            fast,
        },
    ))
}

/// `encoder(obj, _current_indent_level) -> [text]`.
fn encoder_call(vm: &mut Vm, args: Args) -> PyResult {
    let Some(this) = args.pos.first().cloned() else {
        return Err(
            vm.type_error("descriptor '__call__' of '_json.Encoder' object needs an argument")
        );
    };
    let Some(e) = this.downcast::<Encoder>() else {
        return Err(vm.type_error("descriptor '__call__' requires a '_json.Encoder' object"));
    };
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    let a = parse_required(vm, "_iterencode", &["obj", "_current_indent_level"], &rest)?;
    ssize(vm, &a[1])?;
    let mut out = String::new();
    e.obj(vm, &mut out, &a[0])?;
    let text = vm.new_string(out);
    Ok(vm.new_list(vec![text]))
}

/// What `id(v)` returns (CPython keys `markers` by `PyLong_FromVoidPtr`).
fn ident(vm: &Vm, v: &Value) -> Value {
    let id = if v.is_ptr() {
        v.bits() & 0xFFFF_FFFF_FFFF
    } else {
        v.bits() >> 1
    };
    vm.new_bigint(BigInt::from(id))
}

/// `repr(int(v))` with the int/str digit limit.
fn int_text(vm: &Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = as_i64(v) {
        return Ok(i.to_string());
    }
    let b = as_bigint(v).unwrap_or_default();
    adder_text::int_to_decimal(&b, vm.int_max_str_digits).map_err(|e| text_error(vm, e))
}

impl Encoder {
    /// `encoder_encode_float`.
    fn float_text(&self, vm: &Vm, x: f64) -> PyResult<String> {
        if x.is_finite() {
            return Ok(adder_text::float_repr(x));
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if x > 0.0 {
            "Infinity"
        } else if x < 0.0 {
            "-Infinity"
        } else {
            "NaN"
        }
        .to_string())
    }

    /// `encoder_encode_string`: appends the JSON literal of str `s`.
    fn string(&self, vm: &mut Vm, out: &mut String, s: &Value) -> PyResult<()> {
        let text = s.downcast::<Str>().map_or("", |t| t.as_str());
        match self.fast {
            Fast::Ascii => out.push_str(&escape_ascii(text)),
            Fast::Unicode => out.push_str(&escape_unicode(text)),
            Fast::No => {
                let r = vm.call(&self.encoder, vec![s.clone()])?;
                let Some(t) = r.downcast::<Str>() else {
                    let name: String = vm.type_name(&r).chars().take(80).collect();
                    return Err(
                        vm.type_error(format!("encoder() must return a string, not {name}"))
                    );
                };
                out.push_str(t.as_str());
            }
        }
        Ok(())
    }

    /// Records `v` in `markers`; its key, to remove afterwards.
    fn mark(&self, vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
        if self.markers.is_none() {
            return Ok(None);
        }
        let id = ident(vm, v);
        if vm.dict_get(&self.markers, &id)?.is_some() {
            return Err(vm.value_error("Circular reference detected"));
        }
        vm.dict_set(&self.markers, id.clone(), v.clone())?;
        Ok(Some(id))
    }

    fn unmark(&self, vm: &mut Vm, id: Option<Value>) -> PyResult<()> {
        if let Some(id) = id {
            if vm.dict_pop(&self.markers, &id)?.is_none() {
                return Err(vm.key_error(id));
            }
        }
        Ok(())
    }

    /// `encoder_listencode_obj`.
    fn obj(&self, vm: &mut Vm, out: &mut String, v: &Value) -> PyResult<()> {
        if v.is_none() {
            out.push_str("null");
        } else if let Some(b) = v.as_bool() {
            out.push_str(if b { "true" } else { "false" });
        } else if v.downcast::<Str>().is_some() {
            self.string(vm, out, v)?;
        } else if is_int(v) {
            out.push_str(&int_text(vm, v)?);
        } else if let Some(x) = as_float(v) {
            out.push_str(&self.float_text(vm, x)?);
        } else if v.downcast::<List>().is_some() || v.downcast::<Tuple>().is_some() {
            vm.nested(WHILE_ENCODING, |vm| self.list(vm, out, v))?;
        } else if v.downcast::<Dict>().is_some() {
            vm.nested(WHILE_ENCODING, |vm| self.dict(vm, out, v))?;
        } else {
            let id = self.mark(vm, v)?;
            let new = vm.call(&self.defaultfn, vec![v.clone()])?;
            vm.nested(WHILE_ENCODING, |vm| self.obj(vm, out, &new))?;
            self.unmark(vm, id)?;
        }
        Ok(())
    }

    /// `encoder_listencode_list`. A list is read live, item by item, as
    /// `default()` may shrink it while it is being encoded.
    fn list(&self, vm: &mut Vm, out: &mut String, seq: &Value) -> PyResult<()> {
        let item = |i: usize| match seq.downcast::<List>() {
            Some(l) => l.get(i),
            None => seq
                .downcast::<Tuple>()
                .and_then(|t| t.items.get(i).cloned()),
        };
        if item(0).is_none() {
            out.push_str("[]");
            return Ok(());
        }
        let id = self.mark(vm, seq)?;
        out.push('[');
        let sep = self
            .item_separator
            .downcast::<Str>()
            .map_or(", ", |s| s.as_str());
        let mut i = 0;
        while let Some(v) = item(i) {
            if i > 0 {
                out.push_str(sep);
            }
            self.obj(vm, out, &v)?;
            i += 1;
        }
        self.unmark(vm, id)?;
        out.push(']');
        Ok(())
    }

    /// `encoder_listencode_dict`.
    fn dict(&self, vm: &mut Vm, out: &mut String, dct: &Value) -> PyResult<()> {
        let Some(d) = dct.downcast::<Dict>() else {
            return Ok(());
        };
        if d.is_empty() {
            out.push_str("{}");
            return Ok(());
        }
        let id = self.mark(vm, dct)?;
        out.push('{');
        let pairs = if self.sort_keys || !vm.type_of(dct).is(&vm.t.dict) {
            let items = mapping_items(vm, dct)?;
            if self.sort_keys {
                vm.call_method(&items, "sort", vec![])?;
            }
            let mut pairs = Vec::new();
            for item in items
                .downcast::<List>()
                .map(|l| l.snapshot())
                .unwrap_or_default()
            {
                match item.downcast::<Tuple>() {
                    Some(t) if t.items.len() == 2 => {
                        pairs.push((t.items[0].clone(), t.items[1].clone()))
                    }
                    _ => return Err(vm.value_error("items must return 2-tuples")),
                }
            }
            pairs
        } else {
            d.items()
        };
        let mut first = true;
        for (k, v) in pairs {
            self.key_value(vm, out, &mut first, &k, &v)?;
        }
        self.unmark(vm, id)?;
        out.push('}');
        Ok(())
    }

    /// `encoder_encode_key_value`: one `"key": value` member.
    fn key_value(
        &self,
        vm: &mut Vm,
        out: &mut String,
        first: &mut bool,
        k: &Value,
        v: &Value,
    ) -> PyResult<()> {
        let key = if k.downcast::<Str>().is_some() {
            k.clone()
        } else {
            let text = if let Some(x) = as_float(k) {
                self.float_text(vm, x)?
            } else if let Some(b) = k.as_bool() {
                (if b { "true" } else { "false" }).to_string()
            } else if k.is_none() {
                "null".to_string()
            } else if is_int(k) {
                int_text(vm, k)?
            } else if self.skipkeys {
                return Ok(());
            } else {
                let name: String = vm.type_name(k).chars().take(100).collect();
                return Err(vm.type_error(format!(
                    "keys must be str, int, float, bool or None, not {name}"
                )));
            };
            vm.new_string(text)
        };
        if *first {
            *first = false;
        } else {
            out.push_str(
                self.item_separator
                    .downcast::<Str>()
                    .map_or(", ", |s| s.as_str()),
            );
        }
        self.string(vm, out, &key)?;
        out.push_str(
            self.key_separator
                .downcast::<Str>()
                .map_or(": ", |s| s.as_str()),
        );
        self.obj(vm, out, v)
    }
}

/// `PyMapping_Items`: `list(d.items())`.
fn mapping_items(vm: &mut Vm, d: &Value) -> PyResult {
    let items = vm.call_method(d, "items", vec![])?;
    match vm.iterate(&items) {
        Ok(v) => Ok(vm.new_list(v)),
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {
            let (dn, itn) = (vm.type_name(d), vm.type_name(&items));
            Err(vm.type_error(format!("{dn}.items() returned a non-iterable (type {itn})")))
        }
        Err(e) => Err(e),
    }
}
