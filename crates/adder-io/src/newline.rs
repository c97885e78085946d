//! Universal newlines: the newline-translation state machine shared by
//! `StringIO`, `TextIOWrapper` and the Python-visible
//! `IncrementalNewlineDecoder` (CPython 3.11: Modules/_io/textio.c).
//!
//! Invariant: a `\r` at the end of non-final input is held back
//! (`pendingcr`) until the next chunk shows whether it starts `\r\n`, so a
//! line ending is never split and `seennl` records exactly the kinds of
//! newline the decoded text contained.

use std::cell::RefCell;

use adder_object::{payload, Trace, Value};
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::args;

pub const SEEN_CR: u8 = 1;
pub const SEEN_LF: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

#[derive(Clone, Copy, Default, Debug, PartialEq, Eq, Trace)]
pub struct NlState {
    pub translate: bool,
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NlState {
    pub fn new(translate: bool) -> NlState {
        NlState {
            translate,
            pendingcr: false,
            seennl: 0,
        }
    }

    /// Applies pending-CR handling, newline bookkeeping and (if enabled)
    /// translation to already-decoded text.
    pub fn process(&mut self, mut output: String, final_: bool) -> String {
        if self.pendingcr && (final_ || !output.is_empty()) {
            output.insert(0, '\r');
            self.pendingcr = false;
        }
        if !final_ && output.ends_with('\r') {
            output.pop();
            self.pendingcr = true;
        }
        if output.is_empty() {
            return output;
        }
        let bytes = output.as_bytes();
        let has_cr = bytes.contains(&b'\r');
        if !has_cr {
            if bytes.contains(&b'\n') {
                self.seennl |= SEEN_LF;
            }
            return output;
        }
        let mut seen = 0u8;
        if !self.translate {
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'\n' => seen |= SEEN_LF,
                    b'\r' => {
                        if bytes.get(i + 1) == Some(&b'\n') {
                            seen |= SEEN_CRLF;
                            i += 1;
                        } else {
                            seen |= SEEN_CR;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            self.seennl |= seen;
            return output;
        }
        let mut out = String::with_capacity(output.len());
        let mut rest = output.as_str();
        while let Some(k) = rest.find(['\r', '\n']) {
            out.push_str(&rest[..k]);
            let b = rest.as_bytes()[k];
            if b == b'\n' {
                seen |= SEEN_LF;
                rest = &rest[k + 1..];
            } else if rest.as_bytes().get(k + 1) == Some(&b'\n') {
                seen |= SEEN_CRLF;
                rest = &rest[k + 2..];
            } else {
                seen |= SEEN_CR;
                rest = &rest[k + 1..];
            }
            out.push('\n');
        }
        out.push_str(rest);
        self.seennl |= seen;
        out
    }

    pub fn reset(&mut self) {
        self.seennl = 0;
        self.pendingcr = false;
    }

    /// The `newlines` attribute value.
    pub fn newlines(&self, vm: &mut Vm) -> Value {
        let names: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
            .iter()
            .filter(|(f, _)| self.seennl & f != 0)
            .map(|(_, s)| *s)
            .collect();
        match names.len() {
            0 => Value::NONE,
            1 => vm.new_str(names[0]),
            _ => {
                let items = names.iter().map(|s| vm.new_str(s)).collect();
                vm.new_tuple(items)
            }
        }
    }
}

/// `IncrementalNewlineDecoder`: wraps an optional decoder object.
#[derive(Trace)]
pub struct NlDecoder {
    pub decoder: RefCell<Value>,
    pub errors: RefCell<Value>,
    pub state: RefCell<Option<NlState>>,
}
payload!(
    NlDecoder,
    crate::KIND_NLDECODER,
    "IncrementalNewlineDecoder"
);

fn me<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<(&'a Value, &'a NlDecoder)> {
    let v = args.pos.first().ok_or_else(|| {
        vm.type_error(format!(
            "unbound method IncrementalNewlineDecoder.{name}() needs an argument"
        ))
    })?;
    let d = v.downcast::<NlDecoder>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for '_io.IncrementalNewlineDecoder' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))
    })?;
    Ok((v, d))
}

fn state_of(vm: &Vm, d: &NlDecoder) -> PyResult<NlState> {
    d.state
        .borrow()
        .ok_or_else(|| vm.value_error("IncrementalNewlineDecoder.__init__() not called"))
}

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(vm.alloc_builtin(
        &cls,
        NlDecoder {
            decoder: RefCell::new(Value::NONE),
            errors: RefCell::new(Value::NONE),
            state: RefCell::new(None),
        },
    ))
}

fn init(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(
        vm,
        &mut args,
        1,
        "IncrementalNewlineDecoder",
        &["decoder", "translate", "errors"],
        2,
        3,
    )?;
    let (_, d) = me(vm, &args, "__init__")?;
    let translate = vm.truthy(a[1].as_ref().unwrap_or(&Value::FALSE))?;
    *d.decoder.borrow_mut() = a[0].clone().unwrap_or(Value::NONE);
    let errors = match &a[2] {
        Some(e) => e.clone(),
        None => vm.new_str("strict"),
    };
    *d.errors.borrow_mut() = errors;
    *d.state.borrow_mut() = Some(NlState::new(translate));
    Ok(Value::NONE)
}

/// `IncrementalNewlineDecoder.decode` on a native object.
pub fn decode_value(vm: &mut Vm, d: &NlDecoder, input: &Value, final_: bool) -> PyResult<String> {
    let mut st = state_of(vm, d)?;
    let dec = d.decoder.borrow().clone();
    let output = if dec.is_none() {
        input.clone()
    } else {
        let f = Value::from_bool(final_);
        let mut a = Args::new(vec![input.clone()]);
        let k = vm.intern("final");
        a.kw.push((k, f));
        let m = vm.getattr_str(&dec, "decode")?;
        vm.call_args(&m, a)?
    };
    let Some(s) = output.downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "decoder should return a string result, not '{}'",
            vm.type_name(&output)
        )));
    };
    let text = s.as_str().to_string();
    // The decoder call may have re-entered us: reload the state.
    if let Some(cur) = *d.state.borrow() {
        st = NlState {
            translate: st.translate,
            ..cur
        };
    }
    let out = st.process(text, final_);
    *d.state.borrow_mut() = Some(st);
    Ok(out)
}

fn decode(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(vm, &mut args, 1, "decode", &["input", "final"], 1, 2)?;
    let (_, d) = me(vm, &args, "decode")?;
    let final_ = match &a[1] {
        None => false,
        Some(f) => vm.truthy(f)?,
    };
    let input = a[0].clone().unwrap_or(Value::NONE);
    let s = decode_value(vm, d, &input, final_)?;
    Ok(vm.new_string(s))
}

fn getstate(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "IncrementalNewlineDecoder.getstate")?;
    let (_, d) = me(vm, &args, "getstate")?;
    let st = state_of(vm, d)?;
    let dec = d.decoder.borrow().clone();
    let (buffer, flag) = if dec.is_none() {
        (vm.new_bytes(vec![]), BigInt::from(0))
    } else {
        let s = vm.call_method(&dec, "getstate", vec![])?;
        let items = s
            .downcast::<Tuple>()
            .filter(|t| t.items.len() == 2)
            .map(|t| t.items.to_vec());
        let Some(items) = items else {
            return Err(vm.type_error("illegal decoder state"));
        };
        let flag = vm.index(&items[1])?;
        (items[0].clone(), flag)
    };
    let mut flag: BigInt = flag << 1;
    if st.pendingcr {
        flag |= BigInt::from(1);
    }
    let f = vm.new_bigint(flag);
    Ok(vm.new_tuple(vec![buffer, f]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::onearg(vm, &args, "IncrementalNewlineDecoder.setstate")?;
    let (_, d) = me(vm, &args, "setstate")?;
    let mut st = state_of(vm, d)?;
    let Some(t) = s.downcast::<Tuple>() else {
        return Err(vm.type_error("state argument must be a tuple"));
    };
    if t.items.len() != 2 {
        return Err(vm.type_error(format!(
            "setstate() takes exactly 2 arguments ({} given)",
            t.items.len()
        )));
    }
    let buffer = t.items[0].clone();
    let flag = vm.index(&t.items[1])?;
    st.pendingcr = (&flag & BigInt::from(1)).to_u8() == Some(1);
    *d.state.borrow_mut() = Some(st);
    let dec = d.decoder.borrow().clone();
    if !dec.is_none() {
        let f = vm.new_bigint(flag >> 1);
        let tup = vm.new_tuple(vec![buffer, f]);
        vm.call_method(&dec, "setstate", vec![tup])?;
    }
    Ok(Value::NONE)
}

fn reset(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "IncrementalNewlineDecoder.reset")?;
    let (_, d) = me(vm, &args, "reset")?;
    let mut st = state_of(vm, d)?;
    st.reset();
    *d.state.borrow_mut() = Some(st);
    let dec = d.decoder.borrow().clone();
    if !dec.is_none() {
        vm.call_method(&dec, "reset", vec![])?;
    }
    Ok(Value::NONE)
}

fn newlines_get(vm: &mut Vm, v: &Value) -> PyResult {
    let d = v
        .downcast::<NlDecoder>()
        .ok_or_else(|| vm.type_error("expected IncrementalNewlineDecoder"))?;
    let st = state_of(vm, d)?;
    Ok(st.newlines(vm))
}

pub fn init_type(vm: &mut Vm, t: &Value) {
    vm.set_new(t, new);
    vm.add_method(t, "__init__", init);
    vm.add_method(t, "decode", decode);
    vm.add_method(t, "getstate", getstate);
    vm.add_method(t, "setstate", setstate);
    vm.add_method(t, "reset", reset);
    vm.add_getset(t, "newlines", newlines_get, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translate_and_pending_cr() {
        let mut st = NlState::new(true);
        assert_eq!(st.process("a\r".into(), false), "a");
        assert!(st.pendingcr);
        assert_eq!(st.process("\nb\rc".into(), false), "\nb\nc");
        assert_eq!(st.seennl, SEEN_CRLF | SEEN_CR);
        assert_eq!(st.process("x\r".into(), true), "x\n");
        let mut raw = NlState::new(false);
        assert_eq!(raw.process("a\r\nb\n".into(), false), "a\r\nb\n");
        assert_eq!(raw.seennl, SEEN_CRLF | SEEN_LF);
    }
}
