//! The `_locale` module, honestly limited to the locales Adder implements:
//! "C"/"POSIX" and "C.UTF-8" (which differ only in `LC_CTYPE`'s codeset).
//! `setlocale` tracks each category's name as glibc reports it (including
//! the composite `LC_ALL` form); conventions (`localeconv`, `nl_langinfo`,
//! `strcoll`, `strxfrm`) are the C locale's; the gettext functions are the
//! identity (no message catalogues).
//!
//! Invariant: the per-category names live in the module (`_categories`,
//! indexed by category number); asking for any other locale raises
//! `locale.Error("unsupported locale setting")` and changes nothing.

use adder_host::consts;
use adder_object::Value;
use adder_vm::objects::string::Str;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};

use crate::args::{self, positional};

/// glibc's category numbers, in composite-name order (LC_ALL = 6 excluded).
const CATEGORIES: &[(&str, usize)] = &[
    ("LC_CTYPE", 0),
    ("LC_NUMERIC", 1),
    ("LC_TIME", 2),
    ("LC_COLLATE", 3),
    ("LC_MONETARY", 4),
    ("LC_MESSAGES", 5),
    ("LC_PAPER", 7),
    ("LC_NAME", 8),
    ("LC_ADDRESS", 9),
    ("LC_TELEPHONE", 10),
    ("LC_MEASUREMENT", 11),
    ("LC_IDENTIFICATION", 12),
];
const LC_ALL: usize = 6;
const CHAR_MAX: i64 = 127;

/// The name glibc reports for a supported locale name, or None.
fn canonical(name: &str) -> Option<&'static str> {
    match name {
        "C" | "POSIX" => Some("C"),
        "C.UTF-8" => Some("C.UTF-8"),
        "C.utf8" => Some("C.utf8"),
        _ => None,
    }
}

fn is_utf8(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".utf-8") || lower.ends_with(".utf8")
}

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("setlocale", setlocale),
        ("localeconv", localeconv),
        ("nl_langinfo", nl_langinfo),
        ("getencoding", getencoding),
        ("strcoll", strcoll),
        ("strxfrm", strxfrm),
        ("gettext", gettext),
        ("dgettext", dgettext),
        ("dcgettext", dcgettext),
        ("textdomain", textdomain),
        ("bindtextdomain", bindtextdomain),
        ("bind_textdomain_codeset", bind_textdomain_codeset),
    ];
    native::module_add_fns(vm, m, fns);
    for &(n, v) in consts::LOCALE {
        if n != "CHAR_MAX" {
            native::module_add_ints(vm, m, &[(n, v)]);
        }
    }
    native::module_add_ints(vm, m, &[("CHAR_MAX", CHAR_MAX)]);
    // locale.Error, as PyErr_NewException("locale.Error", NULL, NULL).
    let type_t = vm.t.type_.clone();
    let name = vm.new_str("Error");
    let bases = vm.new_tuple(vec![vm.t.exception.clone()]);
    let ns = vm.new_dict();
    let k = vm.new_str("__module__");
    let v = vm.new_str("locale");
    vm.dict_set(&ns, k, v)?;
    let err = vm.call(&type_t, vec![name, bases, ns])?;
    native::module_set(vm, m, "Error", err);
    // As CPython at start-up: LC_CTYPE from the environment, the rest "C".
    let env = env_locale(vm, "LC_CTYPE");
    let ctype = match canonical(&env) {
        Some(c) => c.to_string(),
        None if is_utf8(&env) => "C.UTF-8".to_string(),
        None => "C".to_string(),
    };
    let mut names = vec![vm.new_str("C"); 13];
    names[0] = vm.new_string(ctype);
    let l = vm.new_list(names);
    native::module_set(vm, m, "_categories", l);
    Ok(())
}

/// The locale the environment selects for `category` (LC_ALL, then the
/// category's variable, then LANG), "C" when unset.
fn env_locale(vm: &Vm, category: &str) -> String {
    for var in ["LC_ALL", category, "LANG"] {
        if let Some(v) = vm.host.getenv(var.as_bytes()) {
            if !v.is_empty() {
                return String::from_utf8_lossy(&v).into_owned();
            }
        }
    }
    "C".to_string()
}

fn state(vm: &mut Vm) -> PyResult<Vec<String>> {
    let m = native::import(vm, "_locale")?;
    let l = vm.getattr_str(&m, "_categories")?;
    let items = vm.iterate(&l)?;
    Ok(items
        .iter()
        .map(|v| {
            v.downcast::<Str>()
                .map_or_else(|| "C".to_string(), |s| s.as_str().to_string())
        })
        .collect())
}

fn save(vm: &mut Vm, names: &[String]) -> PyResult<()> {
    let m = native::import(vm, "_locale")?;
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    let l = vm.new_list(items);
    native::module_set(vm, &m, "_categories", l);
    Ok(())
}

fn locale_error(vm: &mut Vm, msg: &str) -> Value {
    let cls = native::import(vm, "_locale").and_then(|m| vm.getattr_str(&m, "Error"));
    match cls {
        Ok(c) => {
            let a = vm.new_str(msg);
            match vm.call(&c, vec![a]) {
                Ok(e) | Err(e) => e,
            }
        }
        Err(e) => e,
    }
}

fn current(names: &[String], cat: usize) -> String {
    if cat != LC_ALL {
        return names[cat].clone();
    }
    let first = &names[CATEGORIES[0].1];
    if CATEGORIES.iter().all(|&(_, i)| &names[i] == first) {
        return first.clone();
    }
    CATEGORIES
        .iter()
        .map(|&(n, i)| format!("{n}={}", names[i]))
        .collect::<Vec<_>>()
        .join(";")
}

fn setlocale(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_locale.setlocale", 1, 2)?;
    let cat = args::c_int(vm, &args.pos[0])?;
    let valid = cat as usize == LC_ALL || CATEGORIES.iter().any(|&(_, i)| i as i32 == cat);
    let mut names = state(vm)?;
    let locale = args.pos.get(1).filter(|v| !v.is_none()).cloned();
    let Some(locale) = locale else {
        if !valid || cat < 0 {
            return Err(locale_error(vm, "locale query failed"));
        }
        return Ok(vm.new_string(current(&names, cat as usize)));
    };
    let Some(req) = locale.downcast::<Str>().map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error(format!(
            "setlocale() argument 2 must be str or None, not {}",
            vm.type_name(&locale)
        )));
    };
    if !valid || cat < 0 {
        return Err(locale_error(vm, "unsupported locale setting"));
    }
    let cat = cat as usize;
    if cat == LC_ALL && req.contains('=') {
        // A composite name, as setlocale(LC_ALL, NULL) reports mixed ones.
        let mut chosen = Vec::new();
        for part in req.split(';') {
            let parsed = part.split_once('=').and_then(|(k, v)| {
                let i = CATEGORIES.iter().find(|&&(n, _)| n == k)?.1;
                Some((i, canonical(v)?))
            });
            match parsed {
                Some((i, c)) => chosen.push((i, c.to_string())),
                None => return Err(locale_error(vm, "unsupported locale setting")),
            }
        }
        for (i, c) in chosen {
            names[i] = c;
        }
        save(vm, &names)?;
        return Ok(vm.new_string(current(&names, cat)));
    }
    let targets: Vec<(&str, usize)> = if cat == LC_ALL {
        CATEGORIES.to_vec()
    } else {
        CATEGORIES
            .iter()
            .copied()
            .filter(|&(_, i)| i == cat)
            .collect()
    };
    let mut chosen = Vec::new();
    for &(cname, i) in &targets {
        let wanted = if req.is_empty() {
            env_locale(vm, cname)
        } else {
            req.clone()
        };
        match canonical(&wanted) {
            Some(c) => chosen.push((i, c.to_string())),
            None => return Err(locale_error(vm, "unsupported locale setting")),
        }
    }
    for (i, c) in chosen {
        names[i] = c;
    }
    save(vm, &names)?;
    Ok(vm.new_string(current(&names, cat)))
}

fn localeconv(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "_locale.localeconv")?;
    let d = vm.new_dict();
    let strs = [
        ("int_curr_symbol", ""),
        ("currency_symbol", ""),
        ("mon_decimal_point", ""),
        ("mon_thousands_sep", ""),
    ];
    for (k, v) in strs {
        let (k, v) = (vm.new_str(k), vm.new_str(v));
        vm.dict_set(&d, k, v)?;
    }
    let k = vm.new_str("mon_grouping");
    let v = vm.new_list(vec![]);
    vm.dict_set(&d, k, v)?;
    for (k, v) in [("positive_sign", ""), ("negative_sign", "")] {
        let (k, v) = (vm.new_str(k), vm.new_str(v));
        vm.dict_set(&d, k, v)?;
    }
    for k in [
        "int_frac_digits",
        "frac_digits",
        "p_cs_precedes",
        "p_sep_by_space",
        "n_cs_precedes",
        "n_sep_by_space",
        "p_sign_posn",
        "n_sign_posn",
    ] {
        let k = vm.new_str(k);
        let v = vm.new_int(CHAR_MAX);
        vm.dict_set(&d, k, v)?;
    }
    for (k, v) in [("decimal_point", "."), ("thousands_sep", "")] {
        let (k, v) = (vm.new_str(k), vm.new_str(v));
        vm.dict_set(&d, k, v)?;
    }
    let k = vm.new_str("grouping");
    let v = vm.new_list(vec![]);
    vm.dict_set(&d, k, v)?;
    Ok(d)
}

fn codeset(vm: &mut Vm) -> PyResult<&'static str> {
    let names = state(vm)?;
    Ok(if names[0] == "C" {
        "ANSI_X3.4-1968"
    } else {
        "UTF-8"
    })
}

/// `nl_langinfo` in the C locale.
fn langinfo(key: &str) -> Option<&'static str> {
    const DAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let n = |p: &str| key.strip_prefix(p).and_then(|d| d.parse::<usize>().ok());
    if let Some(i) = n("ABDAY_").filter(|i| (1..=7).contains(i)) {
        return Some(&DAYS[i - 1][..3]);
    }
    if let Some(i) = n("DAY_").filter(|i| (1..=7).contains(i)) {
        return Some(DAYS[i - 1]);
    }
    if let Some(i) = n("ABMON_").filter(|i| (1..=12).contains(i)) {
        return Some(&MONTHS[i - 1][..3]);
    }
    if let Some(i) = n("MON_").filter(|i| (1..=12).contains(i)) {
        return Some(MONTHS[i - 1]);
    }
    Some(match key {
        "D_T_FMT" => "%a %b %e %H:%M:%S %Y",
        "D_FMT" => "%m/%d/%y",
        "T_FMT" => "%H:%M:%S",
        "T_FMT_AMPM" => "%I:%M:%S %p",
        "AM_STR" => "AM",
        "PM_STR" => "PM",
        "RADIXCHAR" => ".",
        "THOUSEP" => "",
        "YESEXPR" => "^[yY]",
        "NOEXPR" => "^[nN]",
        "CRNCYSTR" => "-",
        "ERA" | "ERA_D_FMT" | "ALT_DIGITS" | "ERA_D_T_FMT" | "ERA_T_FMT" => "",
        _ => return None,
    })
}

fn nl_langinfo(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "_locale.nl_langinfo")?;
    let key = args::c_int(vm, &args.pos[0])?;
    let name = consts::LOCALE
        .iter()
        .find(|&&(n, v)| v == i64::from(key) && !n.starts_with("LC_") && n != "CHAR_MAX")
        .map(|&(n, _)| n);
    match name {
        Some("CODESET") => {
            let c = codeset(vm)?;
            Ok(vm.new_str(c))
        }
        Some(n) => match langinfo(n) {
            Some(v) => Ok(vm.new_str(v)),
            None => Err(vm.value_error("unsupported langinfo constant")),
        },
        None => Err(vm.value_error("unsupported langinfo constant")),
    }
}

fn getencoding(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "_locale.getencoding")?;
    // Python 3.11 runs in UTF-8 mode under the C/POSIX locale (PEP 540).
    Ok(vm.new_str("UTF-8"))
}

fn two_strs(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(String, String)> {
    positional(vm, args, name, 2, 2)?;
    let mut out = Vec::new();
    for (i, v) in args.pos.iter().enumerate() {
        match v.downcast::<Str>() {
            Some(s) => out.push(s.as_str().to_string()),
            None => {
                return Err(vm.type_error(format!(
                    "{name}() argument {} must be str, not {}",
                    i + 1,
                    vm.type_name(v)
                )))
            }
        }
    }
    let b = out.pop().unwrap_or_default();
    let a = out.pop().unwrap_or_default();
    Ok((a, b))
}

fn strcoll(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = two_strs(vm, &args, "strcoll")?;
    if a.contains('\0') || b.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    Ok(vm.new_int(match a.cmp(&b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

fn strxfrm(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "_locale.strxfrm")?;
    match args.pos[0].downcast::<Str>() {
        Some(s) if s.as_str().contains('\0') => Err(vm.value_error("embedded null character")),
        Some(_) => Ok(args.pos[0].clone()),
        None => Err(vm.type_error(format!(
            "strxfrm() argument must be str, not {}",
            vm.type_name(&args.pos[0])
        ))),
    }
}

fn gettext(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "_locale.gettext")?;
    Ok(args.pos[0].clone())
}

fn dgettext(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_locale.dgettext", 2, 2)?;
    Ok(args.pos[1].clone())
}

fn dcgettext(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_locale.dcgettext", 3, 3)?;
    Ok(args.pos[1].clone())
}

fn textdomain(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_locale.textdomain", 1, 1)?;
    if args.pos[0].is_none() {
        return Ok(vm.new_str("messages"));
    }
    Ok(args.pos[0].clone())
}

fn bindtextdomain(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_locale.bindtextdomain", 2, 2)?;
    if args.pos[1].is_none() {
        return Ok(vm.new_str("/usr/share/locale"));
    }
    Ok(args.pos[1].clone())
}

fn bind_textdomain_codeset(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_locale.bind_textdomain_codeset", 2, 2)?;
    Ok(args.pos[1].clone())
}
