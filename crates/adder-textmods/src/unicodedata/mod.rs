//! The `unicodedata` module: the Unicode 14.0.0 character database
//! (`unidata_version`), the `UCD` type and its one instance `ucd_3_2_0`
//! (the Unicode 3.2.0 database IDNA needs), with CPython 3.11's functions
//! and messages.
//!
//! Invariant: a module function and the same `UCD` method share one
//! implementation, parameterised by the database version; the data come
//! only from the generated `tables.rs`; characters cross into code points
//! only through `adder_text::surrogate` (so lone surrogates are seen as
//! U+D800..U+DFFF, and U+10F800..U+10FFFF, which stand for them, cannot be
//! queried). CPython's `_ucnhash_CAPI` capsule
//! (a C-level interface) does not exist here.

mod data;
mod names;
mod normalize;
mod tables;

use adder_object::{Payload, Trace, Value};
use adder_text::surrogate::{to_code_point, to_internal};
use adder_vm::kinds::TEXTMODS_FIRST;
use adder_vm::native::{module_add_fns, module_set, new_type};
use adder_vm::objects::string::{ByteArray, Bytes, Str};
use adder_vm::{Args, NativeModule, PyResult, Vm};

use data::Version;
use normalize::Form;

const UCD_KIND: u8 = TEXTMODS_FIRST;

/// A `unicodedata.UCD`: which database it answers from.
#[derive(Trace)]
pub struct Ucd {
    version: Version,
}
adder_object::payload!(Ucd, UCD_KIND, "unicodedata.UCD");

pub fn module() -> NativeModule {
    NativeModule {
        name: "unicodedata",
        init,
    }
}

type Fns = [(&'static str, adder_vm::vm::NativeFn); 13];

const MODULE_FNS: Fns = [
    ("decimal", |vm, a| decimal(vm, a, false)),
    ("digit", |vm, a| digit(vm, a, false)),
    ("numeric", |vm, a| numeric(vm, a, false)),
    ("category", |vm, a| category(vm, a, false)),
    ("bidirectional", |vm, a| bidirectional(vm, a, false)),
    ("combining", |vm, a| combining(vm, a, false)),
    ("mirrored", |vm, a| mirrored(vm, a, false)),
    ("east_asian_width", |vm, a| east_asian_width(vm, a, false)),
    ("decomposition", |vm, a| decomposition(vm, a, false)),
    ("name", |vm, a| name(vm, a, false)),
    ("lookup", |vm, a| lookup(vm, a, false)),
    ("normalize", |vm, a| normalize_fn(vm, a, false)),
    ("is_normalized", |vm, a| is_normalized(vm, a, false)),
];

const METHOD_FNS: Fns = [
    ("decimal", |vm, a| decimal(vm, a, true)),
    ("digit", |vm, a| digit(vm, a, true)),
    ("numeric", |vm, a| numeric(vm, a, true)),
    ("category", |vm, a| category(vm, a, true)),
    ("bidirectional", |vm, a| bidirectional(vm, a, true)),
    ("combining", |vm, a| combining(vm, a, true)),
    ("mirrored", |vm, a| mirrored(vm, a, true)),
    ("east_asian_width", |vm, a| east_asian_width(vm, a, true)),
    ("decomposition", |vm, a| decomposition(vm, a, true)),
    ("name", |vm, a| name(vm, a, true)),
    ("lookup", |vm, a| lookup(vm, a, true)),
    ("normalize", |vm, a| normalize_fn(vm, a, true)),
    ("is_normalized", |vm, a| is_normalized(vm, a, true)),
];

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let obj = vm.t.object.clone();
    let t = new_type(vm, "unicodedata", "UCD", &obj, Ucd::vtable(), UCD_KIND, 0);
    vm.set_new(&t, |vm, _| {
        Err(vm.type_error("cannot create 'unicodedata.UCD' instances"))
    });
    for &(n, f) in METHOD_FNS.iter() {
        vm.add_method(&t, n, f);
    }
    vm.add_getset(&t, "unidata_version", ucd_version, None);
    let old = vm.alloc_builtin(
        &t,
        Ucd {
            version: Version::V320,
        },
    );
    module_set(vm, m, "UCD", t);
    module_set(vm, m, "ucd_3_2_0", old);
    let v = vm.new_str(tables::UNIDATA_VERSION);
    module_set(vm, m, "unidata_version", v);
    let doc = vm.new_str(
        "This module provides access to the Unicode Character Database which\ndefines \
         character properties for all Unicode characters. The data in\nthis database is \
         based on the UnicodeData.txt file version\n14.0.0 which is publicly available from \
         ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined \
         by the\nUnicodeData File Format 14.0.0.",
    );
    module_set(vm, m, "__doc__", doc);
    module_add_fns(vm, m, &MODULE_FNS);
    Ok(())
}

fn ucd_version(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<Ucd>() {
        Some(u) if u.version == Version::V320 => Ok(vm.new_str("3.2.0")),
        Some(_) => Ok(vm.new_str(tables::UNIDATA_VERSION)),
        None => Err(vm.type_error(
            "descriptor 'unidata_version' for 'unicodedata.UCD' objects doesn't apply",
        )),
    }
}

// ----- argument handling -------------------------------------------------------------------

/// The database version and the arguments proper (after `self` for a
/// method).
fn target<'a>(
    vm: &Vm,
    args: &'a Args,
    method: bool,
    fname: &str,
) -> PyResult<(Version, &'a [Value])> {
    if !method {
        return Ok((Version::Current, &args.pos));
    }
    let Some(s) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{fname}' of 'unicodedata.UCD' object needs an argument"
        )));
    };
    match s.downcast::<Ucd>() {
        Some(u) => Ok((u.version, &args.pos[1..])),
        None => Err(vm.type_error(format!(
            "descriptor '{fname}' for 'unicodedata.UCD' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        ))),
    }
}

/// A one-argument function (`METH_O`): its argument.
fn one_arg<'a>(
    vm: &Vm,
    args: &'a Args,
    method: bool,
    fname: &str,
) -> PyResult<(Version, &'a Value)> {
    let owner = if method { "UCD" } else { "unicodedata" };
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{owner}.{fname}() takes no keyword arguments")));
    }
    let (v, pos) = target(vm, args, method, fname)?;
    if pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{owner}.{fname}() takes exactly one argument ({} given)",
            pos.len()
        )));
    }
    Ok((v, &pos[0]))
}

/// A function of `(chr, default=<none>, /)`.
fn chr_default<'a>(
    vm: &Vm,
    args: &'a Args,
    method: bool,
    fname: &str,
) -> PyResult<(Version, u32, Option<&'a Value>)> {
    if !args.kw.is_empty() {
        let owner = if method { "UCD" } else { "unicodedata" };
        return Err(vm.type_error(format!("{owner}.{fname}() takes no keyword arguments")));
    }
    let (v, pos) = target(vm, args, method, fname)?;
    if pos.is_empty() {
        return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0")));
    }
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{fname} expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    let c = unichar(vm, &pos[0], fname, "argument 1")?;
    Ok((v, c, pos.get(1)))
}

/// A one-character str argument (`int(accept={str})` in CPython's clinic).
fn unichar(vm: &Vm, v: &Value, fname: &str, which: &str) -> PyResult<u32> {
    match v.downcast::<Str>() {
        Some(s) if s.char_len() == 1 => Ok(to_code_point(s.char_at(0))),
        _ => Err(vm.type_error(format!(
            "{fname}() {which} must be a unicode character, not {}",
            vm.type_name(v)
        ))),
    }
}

fn single_char(vm: &Vm, args: &Args, method: bool, fname: &str) -> PyResult<(Version, u32)> {
    let (v, a) = one_arg(vm, args, method, fname)?;
    let c = unichar(vm, a, fname, "argument")?;
    Ok((v, c))
}

/// The value, or the default, or ValueError `msg`.
fn or_default(vm: &Vm, r: Option<Value>, default: Option<&Value>, msg: &str) -> PyResult {
    match (r, default) {
        (Some(x), _) => Ok(x),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(vm.value_error(msg)),
    }
}

// ----- properties ---------------------------------------------------------------------------

fn decimal(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c, d) = chr_default(vm, &args, method, "decimal")?;
    let r = data::decimal(c, v).map(|x| vm.new_int(x as i64));
    or_default(vm, r, d, "not a decimal")
}

fn digit(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (_, c, d) = chr_default(vm, &args, method, "digit")?;
    let r = data::digit(c).map(|x| vm.new_int(x as i64));
    or_default(vm, r, d, "not a digit")
}

fn numeric(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c, d) = chr_default(vm, &args, method, "numeric")?;
    let r = data::numeric(c, v).map(|x| vm.new_float(x));
    or_default(vm, r, d, "not a numeric character")
}

fn category(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c) = single_char(vm, &args, method, "category")?;
    Ok(vm.new_str(data::category(c, v)))
}

fn bidirectional(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c) = single_char(vm, &args, method, "bidirectional")?;
    Ok(vm.new_str(data::bidirectional(c, v)))
}

fn combining(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c) = single_char(vm, &args, method, "combining")?;
    Ok(vm.new_int(data::combining_v(c, v) as i64))
}

fn mirrored(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c) = single_char(vm, &args, method, "mirrored")?;
    Ok(vm.new_int(data::mirrored(c, v) as i64))
}

fn east_asian_width(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c) = single_char(vm, &args, method, "east_asian_width")?;
    Ok(vm.new_str(data::east_asian_width(c, v)))
}

fn decomposition(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c) = single_char(vm, &args, method, "decomposition")?;
    let s = match data::decomposition(c, v) {
        Some((prefix, cps)) => {
            let mut s = prefix.to_string();
            for cp in cps {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(&format!("{cp:04X}"));
            }
            s
        }
        None => String::new(),
    };
    Ok(vm.new_string(s))
}

// ----- names ------------------------------------------------------------------------------------

fn name(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, c, d) = chr_default(vm, &args, method, "name")?;
    let r = names::name(c, v).map(|n| vm.new_string(n));
    or_default(vm, r, d, "no such name")
}

fn lookup(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, a) = one_arg(vm, &args, method, "lookup")?;
    let raw: Vec<u8> = if let Some(s) = a.downcast::<Str>() {
        s.as_str().as_bytes().to_vec()
    } else if let Some(b) = a.downcast::<Bytes>() {
        b.b.to_vec()
    } else if a.downcast::<ByteArray>().is_some()
        || a.downcast::<adder_vm::builtins::memview::MemoryView>()
            .is_some()
    {
        return Err(vm.type_error(format!(
            "lookup() argument must be read-only bytes-like object, not {}",
            vm.type_name(a)
        )));
    } else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(a)
        )));
    };
    if raw.len() > names::NAME_MAXLEN {
        let msg = vm.new_str("name too long");
        return Err(vm.key_error(msg));
    }
    match names::lookup(&raw, v, true) {
        Some(names::Found::Char(c)) => Ok(vm.new_string(char_string(&[c]))),
        Some(names::Found::Sequence(cps)) => Ok(vm.new_string(char_string(cps))),
        None => {
            // CPython formats the name as a C string: it ends at a NUL.
            let shown = raw.split(|&b| b == 0).next().unwrap_or(&[]);
            let msg = format!(
                "undefined character name '{}'",
                String::from_utf8_lossy(shown)
            );
            let m = vm.new_string(msg);
            Err(vm.key_error(m))
        }
    }
}

/// The `str` of code points (lone surrogates in Adder's internal form).
fn char_string(cps: &[u32]) -> String {
    cps.iter().filter_map(|&c| to_internal(c)).collect()
}

// ----- normalization ---------------------------------------------------------------------------

/// `(form, unistr)` of `normalize` / `is_normalized`.
fn form_args(
    vm: &Vm,
    args: &Args,
    method: bool,
    fname: &str,
) -> PyResult<(Version, String, Vec<u32>)> {
    if !args.kw.is_empty() {
        let owner = if method { "UCD" } else { "unicodedata" };
        return Err(vm.type_error(format!("{owner}.{fname}() takes no keyword arguments")));
    }
    let (v, pos) = target(vm, args, method, fname)?;
    if pos.len() != 2 {
        return Err(vm.type_error(format!("{fname} expected 2 arguments, got {}", pos.len())));
    }
    let mut strs = Vec::with_capacity(2);
    for (i, a) in pos.iter().enumerate() {
        match a.downcast::<Str>() {
            Some(s) => strs.push(s.as_str().to_string()),
            None => {
                return Err(vm.type_error(format!(
                    "{fname}() argument {} must be str, not {}",
                    i + 1,
                    vm.type_name(a)
                )))
            }
        }
    }
    let input: Vec<u32> = strs[1].chars().map(to_code_point).collect();
    Ok((v, strs.swap_remove(0), input))
}

fn normalize_fn(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, form, input) = form_args(vm, &args, method, "normalize")?;
    let (_, pos) = target(vm, &args, method, "normalize")?;
    // An unchanged string is returned as is (CPython does so when its
    // quick check proves it normalized; see docs/COMPATIBILITY.md).
    let unistr = pos[1].clone();
    if input.is_empty() {
        return Ok(unistr);
    }
    let Some(f) = Form::parse(&form) else {
        return Err(vm.value_error("invalid normalization form"));
    };
    if v == Version::Current && input.iter().all(|&c| c < 0x80) {
        return Ok(unistr);
    }
    let out = normalize::normalize(f, &input, v);
    if out == input {
        return Ok(unistr);
    }
    Ok(vm.new_string(char_string(&out)))
}

fn is_normalized(vm: &mut Vm, args: Args, method: bool) -> PyResult {
    let (v, form, input) = form_args(vm, &args, method, "is_normalized")?;
    if input.is_empty() {
        return Ok(Value::TRUE);
    }
    let Some(f) = Form::parse(&form) else {
        return Err(vm.value_error("invalid normalization form"));
    };
    if v == Version::Current && input.iter().all(|&c| c < 0x80) {
        return Ok(Value::TRUE);
    }
    Ok(Value::from_bool(
        normalize::normalize(f, &input, v) == input,
    ))
}

#[cfg(test)]
mod tests {
    use super::data::{self, Version};
    use super::names::{self, Found};
    use super::normalize::{normalize, Form};

    #[test]
    fn names_round_trip() {
        let mut named = 0;
        for cp in 0..0x110000u32 {
            if let Some(n) = names::name(cp, Version::Current) {
                named += 1;
                assert_eq!(
                    names::lookup(n.as_bytes(), Version::Current, true),
                    Some(Found::Char(cp)),
                    "{n}"
                );
            }
        }
        // As CPython 3.11 counts them (Tangut ideographs have no name there).
        assert_eq!(named, 138_552);
        assert_eq!(
            names::name(0x41, Version::Current).as_deref(),
            Some("LATIN CAPITAL LETTER A")
        );
        assert_eq!(
            names::name(0xAC01, Version::Current).as_deref(),
            Some("HANGUL SYLLABLE GAG")
        );
        assert_eq!(names::name(0x1F600, Version::V320), None);
        assert_eq!(
            names::lookup(b"latin capital letter gha", Version::Current, true),
            Some(Found::Char(0x1A2))
        );
        assert_eq!(
            names::lookup(b"LATIN CAPITAL LETTER GHA", Version::V320, true),
            None
        );
        assert!(matches!(
            names::lookup(b"KEYCAP NUMBER SIGN", Version::Current, true),
            Some(Found::Sequence(&[0x23, 0xFE0F, 0x20E3]))
        ));
        assert_eq!(
            names::lookup(b"KEYCAP NUMBER SIGN", Version::Current, false),
            None
        );
        assert_eq!(
            names::lookup(b"cjk unified ideograph-4E00", Version::Current, true),
            None
        );
    }

    #[test]
    fn properties() {
        assert_eq!(data::category(0x41, Version::Current), "Lu");
        assert_eq!(data::category(0x221, Version::Current), "Ll");
        assert_eq!(data::category(0x221, Version::V320), "Cn");
        assert_eq!(data::bidirectional(0x5D0, Version::Current), "R");
        assert_eq!(data::combining(0x301), 230);
        assert_eq!(data::decimal(0x663, Version::Current), Some(3));
        assert_eq!(data::numeric(0xBD, Version::Current), Some(0.5));
        assert_eq!(data::category(0x110000, Version::Current), "Cn");
    }

    fn nf(form: Form, s: &str) -> String {
        let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
        normalize(form, &cps, Version::Current)
            .into_iter()
            .filter_map(char::from_u32)
            .collect()
    }

    #[test]
    fn normalization() {
        assert_eq!(nf(Form::Nfc, "e\u{301}"), "\u{e9}");
        assert_eq!(nf(Form::Nfd, "\u{e9}"), "e\u{301}");
        assert_eq!(nf(Form::Nfd, "\u{ac01}"), "\u{1100}\u{1161}\u{11a8}");
        assert_eq!(nf(Form::Nfc, "\u{1100}\u{1161}\u{11a8}"), "\u{ac01}");
        assert_eq!(nf(Form::Nfkc, "\u{fb01}"), "fi");
        assert_eq!(nf(Form::Nfd, "a\u{302}\u{323}"), "a\u{323}\u{302}");
        assert_eq!(nf(Form::Nfc, "\u{212b}"), "\u{c5}");
    }
}
