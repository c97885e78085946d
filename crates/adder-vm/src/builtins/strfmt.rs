//! Formatting: `format(v, spec)` for the builtin types (`native_format`),
//! `str.format`/`str.format_map`, the `__format__` methods of `int`, `float`,
//! `complex` and `str`, and (in `strfmt/percent.rs`) printf-style `%`.
//!
//! Invariant: the replacement-field grammar is parsed exactly as CPython
//! 3.11's `MarkupIterator`/`parse_field`/`field_name_split` do, so the same
//! malformed format strings fail with the same messages, and nested specs
//! are expanded at most two levels deep (`Max string recursion exceeded`).
// CPython 3.11: Objects/stringlib/unicode_format.h

mod percent;

pub use percent::{percent_format, percent_format_bytes};

use adder_object::Value;

use crate::builtins::str::args::{parse, str_of, text_err, Style};
use crate::kinds;
use crate::num::{as_bigint, as_float};
use crate::objects::number::Complex;
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let s = vm.t.str.clone();
    vm.add_method(&s, "format", str_format);
    vm.add_method(&s, "format_map", str_format_map);
    for t in [
        vm.t.str.clone(),
        vm.t.int.clone(),
        vm.t.float.clone(),
        vm.t.complex.clone(),
    ] {
        vm.add_method(&t, "__format__", dunder_format);
    }
}

/// `format(v, spec)` for builtin-typed values, and `object.__format__`
/// semantics for everything else.
pub fn native_format(vm: &mut Vm, v: &Value, spec: &Value) -> PyResult {
    let Some(spec) = str_of(spec) else {
        return Err(vm.type_error(format!(
            "format() argument 2 must be str, not {}",
            vm.type_name(spec)
        )));
    };
    if spec.is_empty() {
        return vm.str(v);
    }
    // An inline int is exactly an `int`: no type name to look up, no BigInt.
    if let Some(i) = v.as_small_int() {
        let r = adder_text::FormatSpec::parse(spec, "int")
            .and_then(|sp| adder_text::format_i64(i, &sp, "int"));
        return match r {
            Ok(s) => Ok(vm.new_string(s)),
            Err(e) => Err(text_err(vm, e)),
        };
    }
    let tname = vm.type_name(v);
    let r = if let Some(x) = as_float(v) {
        adder_text::format_float_str(x, spec, &tname)
    } else if let Some(i) = as_bigint(v) {
        adder_text::format_int_str(&i, spec, &tname)
    } else if let Some(c) = v.downcast::<Complex>() {
        adder_text::format_complex_str(c.re, c.im, spec)
    } else if let Some(s) = str_of(v) {
        adder_text::format_str_str(s, spec)
    } else {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tname}.__format__"
        )));
    };
    match r {
        Ok(s) => Ok(vm.new_string(s)),
        Err(e) => Err(text_err(vm, e)),
    }
}

fn dunder_format(vm: &mut Vm, mut args: Args) -> PyResult {
    let Some(this) = args.pos.first().cloned() else {
        return Err(vm.type_error("descriptor '__format__' needs an argument"));
    };
    let tname = match this.kind() {
        Some(kinds::STR) => "str",
        Some(kinds::FLOAT) => "float",
        Some(kinds::COMPLEX) => "complex",
        _ if this.is_float() => "float",
        _ => "int",
    };
    let a = parse(
        vm,
        &mut args,
        tname,
        "__format__",
        &["format_spec"],
        1,
        Style::Clinic,
    )?;
    let spec = a[0].clone().unwrap();
    if spec.kind() != Some(kinds::STR) {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&spec)
        )));
    }
    native_format(vm, &this, &spec)
}

// ----- str.format -----------------------------------------------------------------------

/// Where field values come from.
struct Source<'a> {
    pos: &'a [Value],
    kw: Option<Value>,
    /// `format_map`: positional fields are an error.
    map_only: bool,
    /// 0 = not yet decided, 1 = automatic numbering, 2 = manual.
    auto_state: u8,
    next_auto: usize,
}

fn str_format(vm: &mut Vm, args: Args) -> PyResult {
    let fmt = crate::builtins::str::args::recv(vm, &args, "str", kinds::STR, "format")?;
    let kw = if args.kw.is_empty() {
        None
    } else {
        let d = vm.new_dict();
        for (k, v) in args.kw.iter() {
            vm.dict_set(&d, k.clone(), v.clone())?;
        }
        Some(d)
    };
    let mut src = Source {
        pos: &args.pos[1..],
        kw,
        map_only: false,
        auto_state: 0,
        next_auto: 0,
    };
    let text = str_of(&fmt).unwrap_or("").to_string();
    let out = render(vm, &text, &mut src, 2)?;
    Ok(vm.new_string(out))
}

fn str_format_map(vm: &mut Vm, mut args: Args) -> PyResult {
    let fmt = crate::builtins::str::args::recv(vm, &args, "str", kinds::STR, "format_map")?;
    let a = parse(
        vm,
        &mut args,
        "str",
        "format_map",
        &["mapping"],
        1,
        Style::Clinic,
    )?;
    let mut src = Source {
        pos: &[],
        kw: a[0].clone(),
        map_only: true,
        auto_state: 0,
        next_auto: 0,
    };
    let text = str_of(&fmt).unwrap_or("").to_string();
    let out = render(vm, &text, &mut src, 2)?;
    Ok(vm.new_string(out))
}

/// One parsed replacement field.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
    spec_nested: bool,
}

fn render(vm: &mut Vm, fmt: &str, src: &mut Source, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        // Literal text up to the first '{' or '}'.
        let mut c = '\0';
        let mut markup = false;
        while i < chars.len() {
            c = chars[i];
            i += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
            out.push(c);
        }
        if !markup {
            break;
        }
        let at_end = i >= chars.len();
        if c == '}' && (at_end || chars[i] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if chars[i] == c {
            out.push(c);
            i += 1;
            continue;
        }
        let field = parse_field(vm, &chars, &mut i)?;
        let obj = get_field(vm, &field.name, src)?;
        let obj = match field.conversion {
            None => obj,
            Some('r') => vm.repr(&obj)?,
            Some('s') => vm.str(&obj)?,
            Some('a') => vm.ascii(&obj)?,
            Some(c) => {
                let n = adder_text::surrogate::to_code_point(c);
                let shown = if n > 32 && n < 127 {
                    c.to_string()
                } else {
                    format!("\\x{n:x}")
                };
                return Err(vm.value_error(format!("Unknown conversion specifier {shown}")));
            }
        };
        let spec = if field.spec_nested {
            render(vm, &field.spec, src, depth - 1)?
        } else {
            field.spec
        };
        let spec_v = vm.new_string(spec);
        let r = vm.format(&obj, &spec_v)?;
        out.push_str(str_of(&r).unwrap_or(""));
    }
    Ok(out)
}

/// Parses the field after its `{` (at `chars[*i]`) through its closing `}`.
fn parse_field(vm: &mut Vm, chars: &[char], i: &mut usize) -> PyResult<Field> {
    let start = *i;
    let mut c = '\0';
    while *i < chars.len() {
        c = chars[*i];
        *i += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while *i < chars.len() && chars[*i] != ']' {
                    *i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name_end = if matches!(c, '}' | ':' | '!') && *i > start {
        *i - 1
    } else {
        *i
    };
    let name: String = chars[start..name_end].iter().collect();
    let mut field = Field {
        name,
        conversion: None,
        spec: String::new(),
        spec_nested: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *i >= chars.len() {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(chars[*i]);
            *i += 1;
            if *i < chars.len() {
                let d = chars[*i];
                *i += 1;
                if d == '}' {
                    return Ok(field);
                }
                if d != ':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *i;
        let mut count = 1;
        while *i < chars.len() {
            let d = chars[*i];
            *i += 1;
            match d {
                '{' => {
                    field.spec_nested = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = chars[spec_start..*i - 1].iter().collect();
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// A decimal field index, or None if `s` is not all ASCII digits.
fn as_index(vm: &mut Vm, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    match s.parse::<usize>() {
        Ok(n) if n <= isize::MAX as usize => Ok(Some(n)),
        _ => Err(vm.value_error("Too many decimal digits in format string")),
    }
}

/// Resolves `name` (`first(.attr|[key])*`) to the value it designates.
fn get_field(vm: &mut Vm, name: &str, src: &mut Source) -> PyResult<Value> {
    let chars: Vec<char> = name.chars().collect();
    let first_end = chars
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(chars.len());
    let first: String = chars[..first_end].iter().collect();
    let mut obj = if first.is_empty() || as_index(vm, &first)?.is_some() {
        let idx = match as_index(vm, &first)? {
            Some(n) => {
                if src.auto_state == 1 {
                    return Err(vm.value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                src.auto_state = 2;
                n
            }
            None => {
                if src.auto_state == 2 {
                    return Err(vm.value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                src.auto_state = 1;
                src.next_auto += 1;
                src.next_auto - 1
            }
        };
        if src.map_only {
            return Err(vm.value_error("Format string contains positional fields"));
        }
        match src.pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {idx} out of range for positional args tuple"
                )))
            }
        }
    } else {
        let key = vm.new_string(first);
        match &src.kw {
            None => return Err(vm.key_error(key)),
            Some(m) => vm.getitem(m, &key)?,
        }
    };
    let mut i = first_end;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c == '.' {
            let s = i;
            while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                i += 1;
            }
            if i == s {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let attr: String = chars[s..i].iter().collect();
            obj = vm.getattr_str(&obj, &attr)?;
        } else if c == '[' {
            let s = i;
            while i < chars.len() && chars[i] != ']' {
                i += 1;
            }
            if i >= chars.len() {
                return Err(vm.value_error("Missing ']' in format string"));
            }
            if i == s {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let key: String = chars[s..i].iter().collect();
            i += 1;
            if i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
            let k = match as_index(vm, &key)? {
                Some(n) => vm.new_int(n as i64),
                None => vm.new_string(key),
            };
            obj = vm.getitem(&obj, &k)?;
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(obj)
}
