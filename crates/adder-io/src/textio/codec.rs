//! The encoder and decoder behind a `TextIOWrapper`: UTF-8, Latin-1 and
//! ASCII natively (no `encodings` import), any other codec through its
//! Python incremental encoder/decoder objects, with universal-newline
//! handling layered on top exactly as `IncrementalNewlineDecoder` does.
//!
//! Invariant: `getstate`/`setstate` speak CPython's protocol — a decoder's
//! state is `(pending input bytes, flags)`, and with universal newlines the
//! flags are the inner flags shifted left once with the pending-CR bit as
//! bit 0 — so tell/seek cookies are the numbers CPython computes.

use adder_object::{Trace, Value};
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::codecs::unicode;
use crate::newline::NlState;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Native {
    Utf8,
    Latin1,
    Ascii,
}

/// Recognises the encodings implemented natively (by normalised name and
/// the aliases `encodings.aliases` gives them).
pub fn native_codec(name: &str) -> Option<Native> {
    let n = crate::codecs::normalize(name);
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Native::Utf8,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "iso_8859_1_1987" | "csisolatin1" | "ibm819" => Native::Latin1,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
        | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991"
        | "iso_ir_6" => Native::Ascii,
        _ => return None,
    })
}

#[derive(Clone, Trace)]
pub enum Inner {
    /// UTF-8 with the bytes of an incomplete trailing sequence.
    Utf8(Vec<u8>),
    Latin1,
    Ascii,
    Py(Value),
}

#[derive(Clone, Trace)]
pub struct Decoder {
    pub inner: Inner,
    pub errors: String,
    pub nl: Option<NlState>,
}

fn check_decoded(vm: &Vm, v: &Value) -> PyResult<String> {
    match v.downcast::<Str>() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(vm.type_error(format!(
            "decoder should return a string result, not '{}'",
            vm.type_name(v)
        ))),
    }
}

impl Decoder {
    pub fn new_native(kind: Native, errors: &str, nl: Option<NlState>) -> Decoder {
        Decoder {
            inner: match kind {
                Native::Utf8 => Inner::Utf8(Vec::new()),
                Native::Latin1 => Inner::Latin1,
                Native::Ascii => Inner::Ascii,
            },
            errors: errors.to_string(),
            nl,
        }
    }

    /// Decodes `input` (the newline layer applied after the codec).
    pub fn decode(&mut self, vm: &mut Vm, input: &[u8], final_: bool) -> PyResult<String> {
        let text = match &mut self.inner {
            Inner::Utf8(pending) => {
                if pending.is_empty() {
                    let (s, n) = unicode::utf8_decode(vm, input, &self.errors, final_)?;
                    *pending = input[n..].to_vec();
                    s
                } else {
                    let mut data = std::mem::take(pending);
                    data.extend_from_slice(input);
                    let (s, n) = unicode::utf8_decode(vm, &data, &self.errors, final_)?;
                    *pending = data[n..].to_vec();
                    s
                }
            }
            Inner::Latin1 => input.iter().map(|&b| b as char).collect(),
            Inner::Ascii => unicode::limited_decode(vm, input, &self.errors, 128, "ascii")?,
            Inner::Py(d) => {
                let d = d.clone();
                let b = vm.new_bytes(input.to_vec());
                let m = vm.getattr_str(&d, "decode")?;
                let mut a = Args::new(vec![b]);
                let k = vm.intern("final");
                a.kw.push((k, Value::from_bool(final_)));
                let r = vm.call_args(&m, a)?;
                check_decoded(vm, &r)?
            }
        };
        Ok(match &mut self.nl {
            Some(nl) => nl.process(text, final_),
            None => text,
        })
    }

    /// `(buffer, flags)` as CPython's decoders report it.
    pub fn getstate(&self, vm: &mut Vm) -> PyResult<(Vec<u8>, BigInt)> {
        let (buf, flags) = match &self.inner {
            Inner::Utf8(p) => (p.clone(), BigInt::from(0)),
            Inner::Latin1 | Inner::Ascii => (Vec::new(), BigInt::from(0)),
            Inner::Py(d) => {
                let st = vm.call_method(d, "getstate", vec![])?;
                let Some(t) = st.downcast::<Tuple>() else {
                    return Err(vm.type_error("illegal decoder state"));
                };
                if t.items.len() != 2 {
                    return Err(vm.type_error(format!(
                        "illegal decoder state: expected 2 items, got {}",
                        t.items.len()
                    )));
                }
                let Some(b) = t.items[0].downcast::<Bytes>() else {
                    return Err(vm.type_error(format!(
                        "illegal decoder state: the first item should be a bytes object, not '{}'",
                        vm.type_name(&t.items[0])
                    )));
                };
                let buf = b.b.to_vec();
                let f = vm.index(&t.items[1])?;
                (buf, f)
            }
        };
        Ok(match &self.nl {
            Some(nl) => {
                let mut f: BigInt = flags << 1;
                if nl.pendingcr {
                    f |= BigInt::from(1);
                }
                (buf, f)
            }
            None => (buf, flags),
        })
    }

    pub fn setstate(&mut self, vm: &mut Vm, buf: &[u8], flags: &BigInt) -> PyResult<()> {
        let inner_flags = match &mut self.nl {
            Some(nl) => {
                nl.pendingcr = (flags & BigInt::from(1)).to_u8() == Some(1);
                flags >> 1
            }
            None => flags.clone(),
        };
        match &mut self.inner {
            Inner::Utf8(p) => *p = buf.to_vec(),
            Inner::Latin1 | Inner::Ascii => {}
            Inner::Py(d) => {
                let d = d.clone();
                let b = vm.new_bytes(buf.to_vec());
                let f = vm.new_bigint(inner_flags);
                let t = vm.new_tuple(vec![b, f]);
                vm.call_method(&d, "setstate", vec![t])?;
            }
        }
        Ok(())
    }

    pub fn reset(&mut self, vm: &mut Vm) -> PyResult<()> {
        if let Some(nl) = &mut self.nl {
            nl.reset();
        }
        match &mut self.inner {
            Inner::Utf8(p) => p.clear(),
            Inner::Latin1 | Inner::Ascii => {}
            Inner::Py(d) => {
                let d = d.clone();
                vm.call_method(&d, "reset", vec![])?;
            }
        }
        Ok(())
    }

    pub fn newlines(&self, vm: &mut Vm) -> Value {
        match &self.nl {
            Some(nl) => nl.newlines(vm),
            None => Value::NONE,
        }
    }
}

#[derive(Clone, Trace)]
pub enum Encoder {
    /// UTF-8 with the error handler (only lone surrogates can fail).
    Utf8(String),
    Latin1(String),
    Ascii(String),
    Py(Value),
}

impl Encoder {
    pub fn new_native(kind: Native, errors: &str) -> Encoder {
        match kind {
            Native::Utf8 => Encoder::Utf8(errors.to_string()),
            Native::Latin1 => Encoder::Latin1(errors.to_string()),
            Native::Ascii => Encoder::Ascii(errors.to_string()),
        }
    }

    pub fn encode(&self, vm: &mut Vm, text: &str) -> PyResult<Vec<u8>> {
        match self {
            Encoder::Utf8(e) => unicode::utf8_encode(vm, text, e),
            Encoder::Latin1(e) => unicode::limited_encode(vm, text, e, 256, "latin-1"),
            Encoder::Ascii(e) => unicode::limited_encode(vm, text, e, 128, "ascii"),
            Encoder::Py(enc) => {
                let t = vm.new_str(text);
                let r = vm.call_method(enc, "encode", vec![t])?;
                match r.downcast::<Bytes>() {
                    Some(b) => Ok(b.b.to_vec()),
                    None => Err(vm.type_error(format!(
                        "encoder should return a bytes object, not '{}'",
                        vm.type_name(&r)
                    ))),
                }
            }
        }
    }

    pub fn reset(&self, vm: &mut Vm) -> PyResult<()> {
        if let Encoder::Py(e) = self {
            vm.call_method(e, "reset", vec![])?;
        }
        Ok(())
    }

    pub fn setstate_zero(&self, vm: &mut Vm) -> PyResult<()> {
        if let Encoder::Py(e) = self {
            let z = vm.new_int(0);
            vm.call_method(e, "setstate", vec![z])?;
        }
        Ok(())
    }
}
