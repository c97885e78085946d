//! The `str` type: constructor, every method of CPython 3.11's `str`, and
//! the dunders that user subclasses and `super()` reach. `bytes` and
//! `bytearray` live in `str/bytes.rs`, the codecs in `str/codecs.rs`.
//!
//! Invariant: every index a method takes or returns counts characters (code
//! points), never UTF-8 bytes; text algorithms come from `adder_text`, and
//! every native here validates its receiver and arguments before touching
//! them, so a bad call raises CPython's `TypeError` rather than panicking.

pub mod args;
pub mod bytearray;
pub mod bytes;
pub mod codecs;

use adder_bytecode::{BinOp, CmpOp};
use adder_object::Value;

use self::args::{
    adjust, index_isize, need_str, need_str_value, opt, parse, recv, slice_bound, str_of, text_err,
    Style,
};
use crate::kinds;
use crate::objects::seq::{Slice, Tuple};
use crate::objects::string::Str;
use crate::vm::{ArgVec, Args, NativeFn, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.t.str.clone();
    vm.set_new(&t, str_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("capitalize", s_capitalize),
        ("casefold", s_casefold),
        ("center", s_center),
        ("count", s_count),
        ("encode", s_encode),
        ("endswith", s_endswith),
        ("expandtabs", s_expandtabs),
        ("find", s_find),
        ("index", s_index),
        ("isalnum", s_isalnum),
        ("isalpha", s_isalpha),
        ("isascii", s_isascii),
        ("isdecimal", s_isdecimal),
        ("isdigit", s_isdigit),
        ("isidentifier", s_isidentifier),
        ("islower", s_islower),
        ("isnumeric", s_isnumeric),
        ("isprintable", s_isprintable),
        ("isspace", s_isspace),
        ("istitle", s_istitle),
        ("isupper", s_isupper),
        ("join", s_join),
        ("ljust", s_ljust),
        ("lower", s_lower),
        ("lstrip", s_lstrip),
        ("partition", s_partition),
        ("removeprefix", s_removeprefix),
        ("removesuffix", s_removesuffix),
        ("replace", s_replace),
        ("rfind", s_rfind),
        ("rindex", s_rindex),
        ("rjust", s_rjust),
        ("rpartition", s_rpartition),
        ("rsplit", s_rsplit),
        ("rstrip", s_rstrip),
        ("split", s_split),
        ("splitlines", s_splitlines),
        ("startswith", s_startswith),
        ("strip", s_strip),
        ("swapcase", s_swapcase),
        ("title", s_title),
        ("translate", s_translate),
        ("upper", s_upper),
        ("zfill", s_zfill),
        ("__len__", s_len),
        ("__getitem__", s_getitem),
        ("__contains__", s_contains),
        ("__iter__", s_iter),
        ("__add__", s_add),
        ("__mul__", s_mul),
        ("__rmul__", s_mul),
        ("__mod__", s_mod),
        ("__rmod__", s_rmod),
        ("__eq__", s_eq),
        ("__ne__", s_ne),
        ("__lt__", s_lt),
        ("__le__", s_le),
        ("__gt__", s_gt),
        ("__ge__", s_ge),
        ("__hash__", s_hash),
        ("__repr__", s_repr),
        ("__str__", s_str),
        ("__getnewargs__", s_getnewargs),
        ("__sizeof__", s_sizeof),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    vm.add_staticmethod(&t, "maketrans", s_maketrans);
    bytes::init(vm);
    bytearray::init(vm);
    crate::builtins::strfmt::init(vm);
}

/// Escapes every non-ASCII character of an already computed repr as
/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` (what `ascii()` does to `repr()`).
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&codecs::backslash_escape(c));
        }
    }
    out
}

// ----- helpers -------------------------------------------------------------------------

fn this(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    recv(vm, args, "str", kinds::STR, name)
}

fn text(v: &Value) -> &str {
    str_of(v).unwrap_or("")
}

/// Parses `args` for a str method; returns (self, slots).
#[inline(always)]
fn sargs<const N: usize>(
    vm: &mut Vm,
    args: &mut Args,
    name: &str,
    params: &[&str; N],
    min: usize,
    style: Style,
) -> PyResult<(Value, [Option<Value>; N])> {
    let s = this(vm, args, name)?;
    let a = parse(vm, args, "str", name, params, min, style)?;
    Ok((s, a))
}

fn new_str_like(vm: &mut Vm, s: String) -> Value {
    vm.new_string(s)
}

/// The exact-`str` version of `v` (itself when it already is one).
fn exact(vm: &mut Vm, v: &Value) -> Value {
    if vm.type_of(v).is(&vm.t.str) {
        v.clone()
    } else {
        vm.new_str(text(v))
    }
}

fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

// ----- constructor ---------------------------------------------------------------------

fn str_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let a = parse(
        vm,
        &mut args,
        "str",
        "str",
        &["object", "encoding", "errors"],
        0,
        Style::Kw,
    )?;
    let result = if a[1].is_some() || a[2].is_some() {
        let enc = match &a[1] {
            Some(e) => need_str(vm, e, "str() argument 'encoding' must be str, not ")?,
            None => "utf-8".to_string(),
        };
        let errors = match &a[2] {
            Some(e) => need_str(vm, e, "str() argument 'errors' must be str, not ")?,
            None => "strict".to_string(),
        };
        let obj = a[0].clone().unwrap_or_else(|| vm.new_bytes(Vec::new()));
        if obj.kind() == Some(kinds::STR) {
            return Err(vm.type_error("decoding str is not supported"));
        }
        let Some(data) = args::bytes_like(&obj) else {
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(&obj)
            )));
        };
        let s = codecs::decode(vm, &data, &enc, &errors)?;
        vm.new_string(s)
    } else {
        match &a[0] {
            None => vm.new_str(""),
            Some(o) => vm.str(o)?,
        }
    };
    if cls.is(&vm.t.str) {
        return Ok(result);
    }
    Ok(vm.alloc_str_of_class(&cls, text(&result)))
}

// ----- searching -----------------------------------------------------------------------

/// Where find/index/count look: (first char index, start byte, end byte)
/// of chars `start..end`, or `None` when start is past end or past the string.
type Span = Option<(usize, usize, usize)>;

/// (self, sub, span) for find/index/count.
fn find_args(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<(Value, Value, Span)> {
    let (s, a) = sargs(vm, args, name, &["sub", "start", "end"], 1, Style::Old)?;
    let sub = need_str_value(vm, a[0].as_ref().unwrap(), "must be str, not ")?;
    let st = slice_bound(vm, &a[1])?;
    let en = slice_bound(vm, &a[2])?;
    let so = s.downcast::<Str>().unwrap();
    let (b, e) = adjust(st, en, so.char_len());
    let w = (b <= e && b <= so.char_len()).then(|| (b, so.byte_offset(b), so.byte_offset(e)));
    Ok((s, sub, w))
}

/// The search window of `span` over the text of `s`.
fn window(s: &Value, span: Span) -> Option<adder_text::str_ops::Window<'_>> {
    let so = s.downcast::<Str>()?;
    let (start, b0, b1) = span?;
    Some(adder_text::str_ops::Window {
        text: &so.as_str()[b0..b1],
        start,
        ascii: so.is_ascii(),
    })
}

fn find_common(vm: &mut Vm, mut args: Args, name: &str, rev: bool, raise: bool) -> PyResult {
    let (s, sub, w) = find_args(vm, &mut args, name)?;
    let r = window(&s, w).and_then(|w| {
        if rev {
            adder_text::str_ops::rfind(w, text(&sub))
        } else {
            adder_text::str_ops::find(w, text(&sub))
        }
    });
    match r {
        Some(i) => Ok(vm.new_int(i as i64)),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(vm.new_int(-1)),
    }
}

fn s_find(vm: &mut Vm, args: Args) -> PyResult {
    find_common(vm, args, "find", false, false)
}
fn s_rfind(vm: &mut Vm, args: Args) -> PyResult {
    find_common(vm, args, "rfind", true, false)
}
fn s_index(vm: &mut Vm, args: Args) -> PyResult {
    find_common(vm, args, "index", false, true)
}
fn s_rindex(vm: &mut Vm, args: Args) -> PyResult {
    find_common(vm, args, "rindex", true, true)
}
fn s_count(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, sub, w) = find_args(vm, &mut args, "count")?;
    let n = adder_text::str_ops::count(window(&s, w), text(&sub));
    Ok(vm.new_int(n as i64))
}

fn tailmatch(vm: &mut Vm, mut args: Args, name: &str, end: bool) -> PyResult {
    let (s, a) = sargs(
        vm,
        &mut args,
        name,
        &["prefix", "start", "end"],
        1,
        Style::Old,
    )?;
    let st = slice_bound(vm, &a[1])?;
    let en = slice_bound(vm, &a[2])?;
    let so = s.downcast::<Str>().unwrap();
    let (b, e) = adjust(st, en, so.char_len());
    let p = a[0].clone().unwrap();
    if let Some(t) = p.downcast::<Tuple>() {
        for x in t.items.iter() {
            if !str_of(x).is_some_and(|c| matches_at(so, b, e, c, end)) {
                if str_of(x).is_none() {
                    return Err(vm.type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        vm.type_name(x)
                    )));
                }
                continue;
            }
            return Ok(Value::TRUE);
        }
        return Ok(Value::FALSE);
    }
    match str_of(&p) {
        Some(c) => Ok(Value::from_bool(matches_at(so, b, e, c, end))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(&p)
        ))),
    }
}

/// Whether chars `b..e` of `so` start (or end) with `c`.
fn matches_at(so: &Str, b: usize, e: usize, c: &str, end: bool) -> bool {
    if b > e || b > so.char_len() {
        return false;
    }
    let window = so.slice(b, e);
    if end {
        window.ends_with(c)
    } else {
        window.starts_with(c)
    }
}
fn s_startswith(vm: &mut Vm, args: Args) -> PyResult {
    tailmatch(vm, args, "startswith", false)
}
fn s_endswith(vm: &mut Vm, args: Args) -> PyResult {
    tailmatch(vm, args, "endswith", true)
}

// ----- splitting and joining -----------------------------------------------------------

fn split_common(vm: &mut Vm, mut args: Args, name: &str, rev: bool) -> PyResult {
    let (s, a) = sargs(vm, &mut args, name, &["sep", "maxsplit"], 0, Style::Kw)?;
    let sep = match opt(&a[0]) {
        None => None,
        Some(v) => Some(need_str(vm, v, "must be str or None, not ")?),
    };
    let max = match &a[1] {
        None => -1,
        Some(v) => index_isize(vm, v)? as i64,
    };
    let r = if rev {
        adder_text::str_ops::rsplit(text(&s), sep.as_deref(), max)
    } else {
        adder_text::str_ops::split(text(&s), sep.as_deref(), max)
    };
    let parts = r.map_err(|e| text_err(vm, e))?;
    let items = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}
fn s_split(vm: &mut Vm, args: Args) -> PyResult {
    split_common(vm, args, "split", false)
}
fn s_rsplit(vm: &mut Vm, args: Args) -> PyResult {
    split_common(vm, args, "rsplit", true)
}

fn s_splitlines(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "splitlines", &["keepends"], 0, Style::Kw)?;
    let keep = match &a[0] {
        None => false,
        Some(v) => {
            if v.is_float() || v.kind() == Some(kinds::FLOAT) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.truthy(v)?
        }
    };
    let items = adder_text::str_ops::splitlines(text(&s), keep)
        .into_iter()
        .map(|p| vm.new_str(p))
        .collect();
    Ok(vm.new_list(items))
}

fn s_join(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "join", &["iterable"], 1, Style::Clinic)?;
    let it = a[0].clone().unwrap();
    let items = match vm.iterate(&it) {
        Ok(v) => v,
        Err(e) => {
            if vm.exc_matches(&e, &vm.t.type_error.clone()) && crate::ops::native_len(&it).is_none()
            {
                let t = vm.type_of(&it);
                let n = vm.names.__iter__.clone();
                let g = vm.names.__getitem__.clone();
                if crate::ops::type_lookup(&t, &n).is_none()
                    && crate::ops::type_lookup(&t, &g).is_none()
                {
                    return Err(vm.type_error("can only join an iterable"));
                }
            }
            return Err(e);
        }
    };
    let sep = s.downcast::<Str>().expect("str self");
    // Sizes first, then the text straight into the new object.
    let (mut len, mut chars) = (0usize, 0usize);
    for (i, x) in items.iter().enumerate() {
        let Some(t) = x.downcast::<Str>() else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(x)
            )));
        };
        len += t.as_str().len();
        chars += t.char_len();
    }
    if items.len() == 1 && vm.type_of(&items[0]).is(&vm.t.str) {
        return Ok(items[0].clone());
    }
    if let Some(gaps) = items.len().checked_sub(1) {
        len += gaps * sep.as_str().len();
        chars += gaps * sep.char_len();
    }
    Ok(vm.new_str_filled(len, chars, |out| {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep.as_str());
            }
            out.push_str(text(x));
        }
    }))
}

fn partition_common(vm: &mut Vm, mut args: Args, name: &str, rev: bool) -> PyResult {
    let (s, a) = sargs(vm, &mut args, name, &["sep"], 1, Style::Clinic)?;
    let sep = need_str(vm, a[0].as_ref().unwrap(), "must be str, not ")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let st = text(&s);
    let found = if rev {
        st.rfind(sep.as_str())
    } else {
        st.find(sep.as_str())
    };
    let parts = match found {
        Some(i) => [
            st[..i].to_string(),
            sep.clone(),
            st[i + sep.len()..].to_string(),
        ],
        None if rev => [String::new(), String::new(), st.to_string()],
        None => [st.to_string(), String::new(), String::new()],
    };
    let items = parts.into_iter().map(|p| vm.new_string(p)).collect();
    Ok(vm.new_tuple(items))
}
fn s_partition(vm: &mut Vm, args: Args) -> PyResult {
    partition_common(vm, args, "partition", false)
}
fn s_rpartition(vm: &mut Vm, args: Args) -> PyResult {
    partition_common(vm, args, "rpartition", true)
}

// ----- transforming --------------------------------------------------------------------

fn strip_common(vm: &mut Vm, mut args: Args, name: &str, which: u8) -> PyResult {
    let (s, a) = sargs(vm, &mut args, name, &["chars"], 0, Style::Clinic)?;
    let chars = match opt(&a[0]) {
        None => None,
        Some(v) => match str_of(v) {
            Some(c) => Some(c.to_string()),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let st = text(&s);
    let r = match which {
        0 => adder_text::str_ops::strip(st, chars.as_deref()),
        1 => adder_text::str_ops::lstrip(st, chars.as_deref()),
        _ => adder_text::str_ops::rstrip(st, chars.as_deref()),
    };
    if r.len() == st.len() {
        return Ok(exact(vm, &s));
    }
    let r = r.to_string();
    Ok(new_str_like(vm, r))
}
fn s_strip(vm: &mut Vm, args: Args) -> PyResult {
    strip_common(vm, args, "strip", 0)
}
fn s_lstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_common(vm, args, "lstrip", 1)
}
fn s_rstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_common(vm, args, "rstrip", 2)
}

fn s_replace(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(
        vm,
        &mut args,
        "replace",
        &["old", "new", "count"],
        2,
        Style::Clinic,
    )?;
    let old = need_str_value(
        vm,
        a[0].as_ref().unwrap(),
        "replace() argument 1 must be str, not ",
    )?;
    let new = need_str_value(
        vm,
        a[1].as_ref().unwrap(),
        "replace() argument 2 must be str, not ",
    )?;
    let (old, new) = (text(&old), text(&new));
    let count = match &a[2] {
        None => -1,
        Some(v) => index_isize(vm, v)? as i64,
    };
    let st = text(&s);
    if old.is_empty() && !new.is_empty() {
        let n = char_count(st) + 1;
        let reps = if count < 0 { n } else { n.min(count as usize) };
        if reps.saturating_mul(new.len()).saturating_add(st.len()) > isize::MAX as usize / 2 {
            return Err(vm.overflow_error("replace string is too long"));
        }
    }
    if !old.is_empty() {
        // Where the replacements go, then the text straight into the new
        // object (no intermediate String).
        let max = if count < 0 {
            usize::MAX
        } else {
            count as usize
        };
        let at: smallvec::SmallVec<[usize; 8]> =
            adder_text::search::find_all(st, old).take(max).collect();
        let (old_chars, new_chars) = (char_count(old), char_count(new));
        let Some(len) = (st.len() - at.len() * old.len()).checked_add(at.len() * new.len()) else {
            return Err(vm.overflow_error("replace string is too long"));
        };
        let chars = s.downcast::<Str>().expect("str self").char_len() - at.len() * old_chars
            + at.len() * new_chars;
        return Ok(vm.new_str_filled(len, chars, |out| {
            let mut last = 0;
            for &i in &at {
                out.push_str(&st[last..i]);
                out.push_str(new);
                last = i + old.len();
            }
            out.push_str(&st[last..]);
        }));
    }
    let r = adder_text::str_ops::replace(st, old, new, count);
    Ok(vm.new_string(r))
}

fn fill_char(vm: &mut Vm, v: &Option<Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(v) => match str_of(v) {
            None => Err(vm.type_error(format!(
                "The fill character must be a unicode character, not {}",
                vm.type_name(v)
            ))),
            Some(f) => {
                let mut it = f.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Ok(c),
                    _ => {
                        Err(vm.type_error("The fill character must be exactly one character long"))
                    }
                }
            }
        },
    }
}

fn width_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let w = index_isize(vm, v)?;
    if w > (1 << 40) {
        return Err(vm.new_exception_msg(&vm.t.memory_error.clone(), ""));
    }
    Ok(w.max(0) as usize)
}

fn pad_common(vm: &mut Vm, mut args: Args, name: &str, which: u8) -> PyResult {
    let (s, a) = sargs(
        vm,
        &mut args,
        name,
        &["width", "fillchar"],
        1,
        Style::Clinic,
    )?;
    let width = width_arg(vm, a[0].as_ref().unwrap())?;
    let fill = fill_char(vm, &a[1])?;
    let so = s.downcast::<Str>().unwrap();
    if width <= so.char_len() {
        return Ok(exact(vm, &s));
    }
    let st = so.as_str();
    let r = match which {
        0 => adder_text::str_ops::center(st, width, fill),
        1 => adder_text::str_ops::ljust(st, width, fill),
        _ => adder_text::str_ops::rjust(st, width, fill),
    };
    Ok(vm.new_string(r))
}
fn s_center(vm: &mut Vm, args: Args) -> PyResult {
    pad_common(vm, args, "center", 0)
}
fn s_ljust(vm: &mut Vm, args: Args) -> PyResult {
    pad_common(vm, args, "ljust", 1)
}
fn s_rjust(vm: &mut Vm, args: Args) -> PyResult {
    pad_common(vm, args, "rjust", 2)
}
fn s_zfill(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "zfill", &["width"], 1, Style::Clinic)?;
    let width = width_arg(vm, a[0].as_ref().unwrap())?;
    let r = adder_text::str_ops::zfill(text(&s), width);
    Ok(vm.new_string(r))
}

fn s_expandtabs(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "expandtabs", &["tabsize"], 0, Style::Kw)?;
    let ts = match &a[0] {
        None => 8,
        Some(v) => index_isize(vm, v)? as i64,
    };
    let st = text(&s);
    if ts > 0 && st.contains('\t') {
        let tabs = st.matches('\t').count() as i64;
        if tabs.saturating_mul(ts) > (1 << 40) {
            return Err(vm.overflow_error("result too long"));
        }
    }
    let r = adder_text::str_ops::expandtabs(st, ts);
    Ok(vm.new_string(r))
}

fn case_common(vm: &mut Vm, mut args: Args, name: &str, f: fn(&str) -> String) -> PyResult {
    let (s, _) = sargs(vm, &mut args, name, &[], 0, Style::Clinic)?;
    let r = f(text(&s));
    Ok(vm.new_string(r))
}
fn s_capitalize(vm: &mut Vm, args: Args) -> PyResult {
    case_common(vm, args, "capitalize", adder_text::str_ops::capitalize)
}
fn s_casefold(vm: &mut Vm, args: Args) -> PyResult {
    case_common(vm, args, "casefold", adder_text::str_ops::casefold)
}
/// `lower`/`upper`: ASCII text is mapped byte by byte straight into the
/// new object; other text goes through the full Unicode mapping `f`.
fn case_ascii_or(
    vm: &mut Vm,
    mut args: Args,
    name: &str,
    upper: bool,
    f: fn(&str) -> String,
) -> PyResult {
    let (s, _) = sargs(vm, &mut args, name, &[], 0, Style::Clinic)?;
    let st = s.downcast::<Str>().expect("str self");
    if st.is_ascii() {
        let t = st.as_str();
        return Ok(vm.new_str_filled(t.len(), t.len(), |out| {
            if upper {
                out.push_ascii_mapped(t, |b| b.to_ascii_uppercase())
            } else {
                out.push_ascii_mapped(t, |b| b.to_ascii_lowercase())
            }
        }));
    }
    let r = f(st.as_str());
    Ok(vm.new_string(r))
}
fn s_lower(vm: &mut Vm, args: Args) -> PyResult {
    case_ascii_or(vm, args, "lower", false, lower_full)
}
fn s_upper(vm: &mut Vm, args: Args) -> PyResult {
    case_ascii_or(vm, args, "upper", true, adder_text::str_ops::upper)
}
fn s_swapcase(vm: &mut Vm, args: Args) -> PyResult {
    case_common(vm, args, "swapcase", adder_text::str_ops::swapcase)
}
fn s_title(vm: &mut Vm, args: Args) -> PyResult {
    case_common(vm, args, "title", adder_text::str_ops::title)
}

/// `str.lower`: Rust's `to_lowercase` already applies Final_Sigma.
fn lower_full(s: &str) -> String {
    adder_text::str_ops::lower(s)
}

fn pred_common(vm: &mut Vm, mut args: Args, name: &str, f: fn(&str) -> bool) -> PyResult {
    let (s, _) = sargs(vm, &mut args, name, &[], 0, Style::Clinic)?;
    Ok(Value::from_bool(f(text(&s))))
}
fn s_isalnum(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isalnum", adder_text::str_ops::isalnum)
}
fn s_isalpha(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isalpha", adder_text::str_ops::isalpha)
}
fn s_isascii(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isascii", adder_text::str_ops::isascii)
}
fn s_isdecimal(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isdecimal", adder_text::str_ops::isdecimal)
}
fn s_isdigit(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isdigit", adder_text::str_ops::isdigit)
}
fn s_isidentifier(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isidentifier", adder_text::str_ops::isidentifier)
}
fn s_islower(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "islower", adder_text::str_ops::islower)
}
fn s_isnumeric(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isnumeric", adder_text::str_ops::isnumeric)
}
fn s_isprintable(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isprintable", adder_text::str_ops::isprintable)
}
fn s_isspace(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isspace", adder_text::str_ops::isspace)
}
fn s_istitle(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "istitle", adder_text::str_ops::istitle)
}
fn s_isupper(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isupper", adder_text::str_ops::isupper)
}

fn affix_common(vm: &mut Vm, mut args: Args, name: &str, suffix: bool) -> PyResult {
    let (s, a) = sargs(vm, &mut args, name, &["affix"], 1, Style::Clinic)?;
    let p = need_str(
        vm,
        a[0].as_ref().unwrap(),
        &format!("{name}() argument must be str, not "),
    )?;
    let st = text(&s);
    let r = if suffix {
        st.strip_suffix(p.as_str())
    } else {
        st.strip_prefix(p.as_str())
    };
    match r {
        Some(r) if !p.is_empty() => {
            let r = r.to_string();
            Ok(vm.new_string(r))
        }
        _ => Ok(exact(vm, &s)),
    }
}
fn s_removeprefix(vm: &mut Vm, args: Args) -> PyResult {
    affix_common(vm, args, "removeprefix", false)
}
fn s_removesuffix(vm: &mut Vm, args: Args) -> PyResult {
    affix_common(vm, args, "removesuffix", true)
}

fn s_encode(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(
        vm,
        &mut args,
        "encode",
        &["encoding", "errors"],
        0,
        Style::Kw,
    )?;
    let enc = match &a[0] {
        None => "utf-8".to_string(),
        Some(v) => need_str(vm, v, "encode() argument 'encoding' must be str, not ")?,
    };
    let errors = match &a[1] {
        None => "strict".to_string(),
        Some(v) => need_str(vm, v, "encode() argument 'errors' must be str, not ")?,
    };
    let b = codecs::encode(vm, text(&s), &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

fn s_translate(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "translate", &["table"], 1, Style::Clinic)?;
    let table = a[0].clone().unwrap();
    let mut out = String::new();
    let chars: Vec<char> = text(&s).chars().collect();
    let lookup_error = vm.t.lookup_error.clone();
    for c in chars {
        let key = vm.new_int(adder_text::surrogate::to_code_point(c) as i64);
        let r = match vm.getitem(&table, &key) {
            Ok(r) => r,
            Err(e) if vm.exc_matches(&e, &lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if r.is_none() {
            continue;
        }
        if let Some(t) = str_of(&r) {
            out.push_str(t);
        } else if let Some(i) = crate::num::as_bigint(&r).filter(|_| crate::num::is_int(&r)) {
            let ch = num_traits::ToPrimitive::to_u32(&i).filter(|n| *n < 0x110000);
            match ch {
                Some(n) => out.push(adder_text::surrogate::to_internal(n).unwrap_or('\u{fffd}')),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(vm.new_string(out))
}

fn s_maketrans(vm: &mut Vm, args: Args) -> PyResult {
    let mut a2 = Args {
        pos: ArgVec::with_capacity(args.pos.len() + 1),
        kw: args.kw,
    };
    a2.pos.push(Value::NONE);
    a2.pos.extend(args.pos);
    let a = parse(
        vm,
        &mut a2,
        "str",
        "maketrans",
        &["x", "y", "z"],
        1,
        Style::Clinic,
    )?;
    let d = vm.new_dict();
    let x = a[0].clone().unwrap();
    match &a[1] {
        None => {
            if x.kind() != Some(kinds::DICT) {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            }
            let items = x.downcast::<crate::objects::dict::Dict>().unwrap().items();
            for (k, v) in items {
                if crate::num::is_int(&k) && !k.is_bool() {
                    vm.dict_set(&d, k, v)?;
                } else if let Some(ks) = str_of(&k) {
                    let mut it = ks.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => {
                            let key = vm.new_int(adder_text::surrogate::to_code_point(c) as i64);
                            vm.dict_set(&d, key, v)?;
                        }
                        _ => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                    }
                } else if k.is_bool() {
                    vm.dict_set(&d, k, v)?;
                } else {
                    return Err(
                        vm.type_error("keys in translate table must be strings or integers")
                    );
                }
            }
        }
        Some(y) => {
            let Some(xs) = str_of(&x).map(str::to_string) else {
                return Err(vm.type_error(
                    "first maketrans argument must be a string if there is a second argument",
                ));
            };
            let ys = need_str(vm, y, "maketrans() argument 2 must be str, not ")?;
            let xc: Vec<char> = xs.chars().collect();
            let yc: Vec<char> = ys.chars().collect();
            if xc.len() != yc.len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (cx, cy) in xc.iter().zip(yc.iter()) {
                let (k, v) = (
                    vm.new_int(adder_text::surrogate::to_code_point(*cx) as i64),
                    vm.new_int(adder_text::surrogate::to_code_point(*cy) as i64),
                );
                vm.dict_set(&d, k, v)?;
            }
            if let Some(z) = &a[2] {
                let zs = need_str(vm, z, "maketrans() argument 3 must be str, not ")?;
                for c in zs.chars() {
                    let k = vm.new_int(adder_text::surrogate::to_code_point(c) as i64);
                    vm.dict_set(&d, k, Value::NONE)?;
                }
            }
        }
    }
    Ok(d)
}

// ----- dunders -------------------------------------------------------------------------

fn s_len(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, _) = sargs(vm, &mut args, "__len__", &[], 0, Style::Clinic)?;
    Ok(vm.new_int(s.downcast::<Str>().unwrap().char_len() as i64))
}

/// `s[key]` for a str (index or slice), without dispatching on the class.
pub fn str_getitem(vm: &mut Vm, s: &Str, key: &Value) -> PyResult {
    if let Some(sl) = key.downcast::<Slice>() {
        let (start, _, step, n) = vm.slice_indices(sl, s.char_len())?;
        if step == 1 {
            let sub = s.slice(start as usize, start as usize + n).to_string();
            return Ok(vm.new_string(sub));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let out: String = (0..n)
            .map(|i| chars[(start + i as isize * step) as usize])
            .collect();
        return Ok(vm.new_string(out));
    }
    let Some(i) = vm.index_opt(key)? else {
        return Err(vm.type_error(format!(
            "string indices must be integers, not '{}'",
            vm.type_name(key)
        )));
    };
    let len = s.char_len() as isize;
    let i = num_traits::ToPrimitive::to_isize(&i).unwrap_or(isize::MAX);
    let j = if i < 0 { i.saturating_add(len) } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("string index out of range"));
    }
    let mut buf = [0u8; 4];
    Ok(vm.new_str(s.char_at(j as usize).encode_utf8(&mut buf)))
}

fn s_getitem(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "__getitem__", &["key"], 1, Style::Clinic)?;
    str_getitem(vm, s.downcast::<Str>().unwrap(), a[0].as_ref().unwrap())
}

fn s_contains(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "__contains__", &["key"], 1, Style::Clinic)?;
    let k = a[0].as_ref().unwrap();
    match str_of(k) {
        Some(sub) => Ok(Value::from_bool(text(&s).contains(sub))),
        None => Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(k)
        ))),
    }
}

fn s_iter(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, _) = sargs(vm, &mut args, "__iter__", &[], 0, Style::Clinic)?;
    Ok(crate::builtins::iterators::str_iter(vm, s))
}

fn s_add(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "__add__", &["value"], 1, Style::Clinic)?;
    let o = a[0].as_ref().unwrap();
    match str_of(o) {
        Some(t) => {
            let mut r = String::with_capacity(text(&s).len() + t.len());
            r.push_str(text(&s));
            r.push_str(t);
            Ok(vm.new_string(r))
        }
        None => Err(vm.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            vm.type_name(o)
        ))),
    }
}

fn s_mul(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "__mul__", &["value"], 1, Style::Clinic)?;
    let n = index_isize(vm, a[0].as_ref().unwrap())?;
    let plain = exact(vm, &s);
    let n = vm.new_int(n as i64);
    match vm.native_binop(&plain, &n, BinOp::Mul)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn s_mod(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, a) = sargs(vm, &mut args, "__mod__", &["value"], 1, Style::Clinic)?;
    crate::builtins::strfmt::percent_format(vm, &s, a[0].as_ref().unwrap())
}

fn s_rmod(vm: &mut Vm, mut args: Args) -> PyResult {
    let (_, _) = sargs(vm, &mut args, "__rmod__", &["value"], 1, Style::Clinic)?;
    Ok(vm.not_implemented.clone())
}

fn cmp_common(vm: &mut Vm, mut args: Args, name: &str, op: CmpOp) -> PyResult {
    let (s, a) = sargs(vm, &mut args, name, &["value"], 1, Style::Clinic)?;
    let o = a[0].as_ref().unwrap();
    let Some(t) = str_of(o) else {
        return Ok(vm.not_implemented.clone());
    };
    let ord = text(&s).as_bytes().cmp(t.as_bytes());
    use std::cmp::Ordering::*;
    let r = match op {
        CmpOp::Eq => ord == Equal,
        CmpOp::Ne => ord != Equal,
        CmpOp::Lt => ord == Less,
        CmpOp::Le => ord != Greater,
        CmpOp::Gt => ord == Greater,
        CmpOp::Ge => ord != Less,
    };
    Ok(Value::from_bool(r))
}
fn s_eq(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__eq__", CmpOp::Eq)
}
fn s_ne(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__ne__", CmpOp::Ne)
}
fn s_lt(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__lt__", CmpOp::Lt)
}
fn s_le(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__le__", CmpOp::Le)
}
fn s_gt(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__gt__", CmpOp::Gt)
}
fn s_ge(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__ge__", CmpOp::Ge)
}

fn s_hash(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, _) = sargs(vm, &mut args, "__hash__", &[], 0, Style::Clinic)?;
    Ok(vm.new_int(crate::ops::str_value_hash(s.downcast::<Str>().unwrap())))
}

fn s_repr(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, _) = sargs(vm, &mut args, "__repr__", &[], 0, Style::Clinic)?;
    Ok(vm.new_string(adder_text::str_repr(text(&s))))
}

fn s_str(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, _) = sargs(vm, &mut args, "__str__", &[], 0, Style::Clinic)?;
    Ok(exact(vm, &s))
}

fn s_getnewargs(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, _) = sargs(vm, &mut args, "__getnewargs__", &[], 0, Style::Clinic)?;
    let e = vm.new_str(text(&s));
    Ok(vm.new_tuple(vec![e]))
}

fn s_sizeof(vm: &mut Vm, mut args: Args) -> PyResult {
    let (s, _) = sargs(vm, &mut args, "__sizeof__", &[], 0, Style::Clinic)?;
    Ok(vm.new_int(crate::objects::size::real_size(&s) as i64))
}
