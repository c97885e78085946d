//! `_json.Scanner` (`make_scanner(context)`): reads one JSON value of any
//! kind from a string at an index, calling the decoder's hooks
//! (`object_hook`, `object_pairs_hook`, `parse_float`, `parse_int`,
//! `parse_constant`) as the pure-Python scanner does (CPython 3.11:
//! `scan_once_unicode` and its helpers in Modules/_json.c).
//!
//! Invariant: a call returns `(value, end)` or raises; "no value here"
//! is `StopIteration(idx)` and malformed input a JSONDecodeError, at the
//! character index CPython reports. Nested objects and arrays count
//! against the recursion limit, so deep nesting ends in RecursionError.
//! Object keys are interned per call (one str object per distinct key).

use std::collections::HashMap;

use adder_object::{Trace, Value};
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};

use super::scanstring::{scan, Source};
use super::{not_a_string, parse_required, readonly, ssize};

#[derive(Trace)]
pub struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}
adder_object::payload!(Scanner, super::SCANNER_KIND, "_json.Scanner");

pub fn register(vm: &mut Vm, t: &Value) {
    vm.set_new(t, scanner_new);
    vm.add_method(t, "__call__", scanner_call);
    let doc = vm.new_str("JSON scanner object");
    vm.add_attr(t, "__doc__", doc);
    vm.add_getset(
        t,
        "strict",
        |vm, v| field(vm, v, |s| Value::from_bool(s.strict)),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "object_hook",
        |vm, v| field(vm, v, |s| s.object_hook.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "object_pairs_hook",
        |vm, v| field(vm, v, |s| s.object_pairs_hook.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "parse_float",
        |vm, v| field(vm, v, |s| s.parse_float.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "parse_int",
        |vm, v| field(vm, v, |s| s.parse_int.clone()),
        Some(readonly),
    );
    vm.add_getset(
        t,
        "parse_constant",
        |vm, v| field(vm, v, |s| s.parse_constant.clone()),
        Some(readonly),
    );
}

fn field(vm: &mut Vm, v: &Value, get: fn(&Scanner) -> Value) -> PyResult {
    match v.downcast::<Scanner>() {
        Some(s) => Ok(get(s)),
        None => Err(vm.type_error("descriptor requires a '_json.Scanner' object")),
    }
}

/// `make_scanner(context)`: reads the decoder's settings once.
fn scanner_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    let ctx = parse_required(vm, "make_scanner", &["context"], &rest)?.remove(0);
    let strict = vm.getattr_str(&ctx, "strict")?;
    let strict = vm.truthy(&strict)?;
    let object_hook = vm.getattr_str(&ctx, "object_hook")?;
    let object_pairs_hook = vm.getattr_str(&ctx, "object_pairs_hook")?;
    let parse_float = vm.getattr_str(&ctx, "parse_float")?;
    let parse_int = vm.getattr_str(&ctx, "parse_int")?;
    let parse_constant = vm.getattr_str(&ctx, "parse_constant")?;
    Ok(vm.alloc_builtin(
        &cls,
        Scanner {
            strict,
            object_hook,
            object_pairs_hook,
            parse_float,
            parse_int,
            parse_constant,
        },
    ))
}

/// `scanner(string, idx) -> (value, end)`.
fn scanner_call(vm: &mut Vm, args: Args) -> PyResult {
    let Some(this) = args.pos.first().cloned() else {
        return Err(
            vm.type_error("descriptor '__call__' of '_json.Scanner' object needs an argument")
        );
    };
    let Some(s) = this.downcast::<Scanner>() else {
        return Err(vm.type_error("descriptor '__call__' requires a '_json.Scanner' object"));
    };
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    let a = parse_required(vm, "scan_once", &["string", "idx"], &rest)?;
    let idx = ssize(vm, &a[1])?;
    let doc = a[0].clone();
    let Some(st) = doc.downcast::<Str>() else {
        return Err(not_a_string(vm, &doc));
    };
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    if idx as usize >= st.char_len() {
        let v = vm.new_int(idx);
        return Err(vm.stop_iteration(v));
    }
    let Some((src, start)) = Source::new(&doc, idx as usize) else {
        return Err(not_a_string(vm, &doc));
    };
    let mut scan = Scan {
        s,
        src,
        memo: HashMap::new(),
    };
    let (v, end) = scan.value(vm, start)?;
    let end = vm.new_int(scan.src.char_index(end) as i64);
    Ok(vm.new_tuple(vec![v, end]))
}

/// One call of the scanner: the settings, the document and the key memo.
struct Scan<'a> {
    s: &'a Scanner,
    src: Source<'a>,
    memo: HashMap<Box<str>, Value>,
}

fn is_digit(b: u8) -> bool {
    b.is_ascii_digit()
}

impl<'a> Scan<'a> {
    fn at(&self, i: usize) -> Option<u8> {
        self.src.text.get(i).copied()
    }

    /// Whether `word` follows byte offset `i` (CPython's bounds test
    /// `idx + len(word) < length` included).
    fn follows(&self, i: usize, word: &[u8]) -> bool {
        i + word.len() < self.src.text.len() && &self.src.text[i + 1..i + 1 + word.len()] == word
    }

    /// `scan_once_unicode`: one value starting at byte offset `idx`.
    fn value(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let Some(c) = self.at(idx) else {
            return Err(self.src.stop(vm, idx));
        };
        match c {
            b'"' => return scan(vm, &self.src, idx + 1, self.s.strict),
            b'{' => {
                return vm.nested(
                    " while decoding a JSON object from a unicode string",
                    |vm| self.object(vm, idx + 1),
                )
            }
            b'[' => {
                return vm.nested(" while decoding a JSON array from a unicode string", |vm| {
                    self.array(vm, idx + 1)
                })
            }
            b'n' if self.follows(idx, b"ull") => return Ok((Value::NONE, idx + 4)),
            b't' if self.follows(idx, b"rue") => return Ok((Value::from_bool(true), idx + 4)),
            b'f' if self.follows(idx, b"alse") => return Ok((Value::from_bool(false), idx + 5)),
            b'N' if self.follows(idx, b"aN") => return self.constant(vm, "NaN", idx),
            b'I' if self.follows(idx, b"nfinity") => return self.constant(vm, "Infinity", idx),
            b'-' if self.follows(idx, b"Infinity") => return self.constant(vm, "-Infinity", idx),
            _ => {}
        }
        self.number(vm, idx)
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, idx: usize) -> PyResult<(Value, usize)> {
        let n = vm.intern(name);
        let v = vm.call(&self.s.parse_constant, vec![n])?;
        Ok((v, idx + name.len()))
    }

    /// The memo's str equal to object key `k` (`k` itself the first time).
    fn memo_key(&mut self, k: Value) -> Value {
        let Some(text) = k.downcast::<Str>().map(|s| s.as_str()) else {
            return k;
        };
        if let Some(v) = self.memo.get(text) {
            return v.clone();
        }
        self.memo.insert(text.into(), k.clone());
        k
    }

    /// `_parse_object_unicode`: `idx` is just after the `{`.
    fn object(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let pairs_hook = !self.s.object_pairs_hook.is_none();
        let mut pairs: Vec<Value> = Vec::new();
        let dict = if pairs_hook {
            Value::NONE
        } else {
            vm.new_dict()
        };
        let mut idx = self.src.skip_ws(idx);
        if self.at(idx) != Some(b'}') {
            loop {
                if self.at(idx) != Some(b'"') {
                    return Err(self.src.error(
                        vm,
                        "Expecting property name enclosed in double quotes",
                        idx,
                    ));
                }
                let (key, next) = scan(vm, &self.src, idx + 1, self.s.strict)?;
                let key = self.memo_key(key);
                idx = self.src.skip_ws(next);
                if self.at(idx) != Some(b':') {
                    return Err(self.src.error(vm, "Expecting ':' delimiter", idx));
                }
                idx = self.src.skip_ws(idx + 1);
                let (val, next) = self.value(vm, idx)?;
                if pairs_hook {
                    pairs.push(vm.new_tuple(vec![key, val]));
                } else {
                    vm.dict_set(&dict, key, val)?;
                }
                idx = self.src.skip_ws(next);
                if self.at(idx) == Some(b'}') {
                    break;
                }
                if self.at(idx) != Some(b',') {
                    return Err(self.src.error(vm, "Expecting ',' delimiter", idx));
                }
                idx = self.src.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if pairs_hook {
            let list = vm.new_list(pairs);
            let v = vm.call(&self.s.object_pairs_hook, vec![list])?;
            return Ok((v, end));
        }
        if !self.s.object_hook.is_none() {
            let v = vm.call(&self.s.object_hook, vec![dict])?;
            return Ok((v, end));
        }
        Ok((dict, end))
    }

    /// `_parse_array_unicode`: `idx` is just after the `[`.
    fn array(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let mut items = Vec::new();
        let mut idx = self.src.skip_ws(idx);
        if self.at(idx) != Some(b']') {
            loop {
                let (val, next) = self.value(vm, idx)?;
                items.push(val);
                idx = self.src.skip_ws(next);
                if self.at(idx) == Some(b']') {
                    break;
                }
                if self.at(idx) != Some(b',') {
                    return Err(self.src.error(vm, "Expecting ',' delimiter", idx));
                }
                idx = self.src.skip_ws(idx + 1);
            }
        }
        Ok((vm.new_list(items), idx + 1))
    }

    /// `_match_number_unicode`: an int or float starting at `start`.
    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let text = self.src.text;
        let len = text.len();
        let digit_at = |i: usize| i < len && is_digit(text[i]);
        let mut idx = start;
        if text[idx] == b'-' {
            idx += 1;
            if idx >= len {
                return Err(self.src.stop(vm, start));
            }
        }
        if (b'1'..=b'9').contains(&text[idx]) {
            idx += 1;
            while digit_at(idx) {
                idx += 1;
            }
        } else if text[idx] == b'0' {
            idx += 1;
        } else {
            return Err(self.src.stop(vm, start));
        }
        let mut is_float = false;
        if idx + 1 < len && text[idx] == b'.' && is_digit(text[idx + 1]) {
            is_float = true;
            idx += 2;
            while digit_at(idx) {
                idx += 1;
            }
        }
        if idx + 1 < len && (text[idx] == b'e' || text[idx] == b'E') {
            let e_start = idx;
            idx += 1;
            if idx + 1 < len && (text[idx] == b'-' || text[idx] == b'+') {
                idx += 1;
            }
            while digit_at(idx) {
                idx += 1;
            }
            if is_digit(text[idx - 1]) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let numstr = self.src.slice(start, idx);
        let custom = if is_float {
            &self.s.parse_float
        } else {
            &self.s.parse_int
        };
        let builtin = if is_float { &vm.t.float } else { &vm.t.int };
        if !custom.is(builtin) {
            let custom = custom.clone();
            let n = vm.new_str(numstr);
            let v = vm.call(&custom, vec![n])?;
            return Ok((v, idx));
        }
        let v = if is_float {
            // The grammar above only lets through what Rust's parser reads.
            let x: f64 = numstr.parse().unwrap_or(f64::NAN);
            vm.new_float(x)
        } else if numstr.len() <= 18 {
            vm.new_int(numstr.parse().unwrap_or(0))
        } else {
            match adder_text::parse_int(numstr, 10, vm.int_max_str_digits) {
                Ok(i) => vm.new_bigint(i),
                Err(e) => return Err(adder_vm::num::text_error(vm, e)),
            }
        };
        Ok((v, idx))
    }
}
