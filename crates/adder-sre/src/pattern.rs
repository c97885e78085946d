//! `re.Pattern`: a validated code list with its source, flags and group
//! tables; `_sre.compile`, the attributes, `repr`/`==`/`hash`, and the
//! single-match methods (`match`, `fullmatch`, `search`) plus the plumbing
//! every method shares (taking the subject, running the engine, building
//! match objects).
//!
//! Invariant: a Pattern's code passed `validate`, so the engine may run it;
//! `groupindex`/`indexgroup` are NULL unless the pattern has named groups
//! (CPython keeps them only then), and the dict is shared, not copied.
//!
//! CPython 3.11: Modules/_sre/sre.c (`_sre_compile_impl`, `pattern_*`,
//! `state_init`, `pattern_new_match`).

use adder_object::{payload, Trace, Value};
use adder_vm::objects::dict::Dict;
use adder_vm::objects::misc::MappingProxy;
use adder_vm::objects::seq::{List, Tuple};
use adder_vm::{Args, PyResult, Vm};

use crate::args;
use crate::constants::*;
use crate::engine::{Machine, SreError, SreResult, State};
use crate::matchobj::MatchObj;
use crate::text::{Subject, Units};
use crate::validate::{validate, Invalid};
use crate::{state_type, PATTERN_KIND, T};

/// A compiled regular expression (`re.Pattern`).
#[derive(Trace)]
pub struct Pattern {
    pub code: Box<[u32]>,
    /// The source `str`/`bytes`, or None.
    pub pattern: Value,
    pub flags: i32,
    /// Number of capturing groups.
    pub groups: usize,
    /// Name -> number dict, or NULL when there are no named groups.
    pub groupindex: Value,
    /// Number -> name tuple, or NULL.
    pub indexgroup: Value,
    /// 1 for a bytes pattern, 0 for str, -1 for None.
    pub isbytes: i8,
    /// The module's `(Pattern, Match, SRE_Scanner)` tuple.
    pub types: Value,
}
payload!(Pattern, PATTERN_KIND, "re.Pattern");

pub fn init_type(vm: &mut Vm, t: &Value) {
    let doc = vm.new_str("Compiled regular expression object.");
    vm.add_attr(t, "__doc__", doc);
    vm.add_method(t, "match", pattern_match);
    vm.add_method(t, "fullmatch", pattern_fullmatch);
    vm.add_method(t, "search", pattern_search);
    vm.add_method(t, "sub", crate::subx::pattern_sub);
    vm.add_method(t, "subn", crate::subx::pattern_subn);
    vm.add_method(t, "findall", crate::subx::pattern_findall);
    vm.add_method(t, "split", crate::subx::pattern_split);
    vm.add_method(t, "finditer", crate::scanner::pattern_finditer);
    vm.add_method(t, "scanner", crate::scanner::pattern_scanner);
    vm.add_method(t, "__copy__", pattern_copy);
    vm.add_method(t, "__deepcopy__", pattern_deepcopy);
    vm.add_classmethod(t, "__class_getitem__", class_getitem);
    vm.add_method(t, "__repr__", pattern_repr);
    vm.add_method(t, "__eq__", pattern_eq);
    vm.add_method(t, "__ne__", pattern_ne);
    vm.add_method(t, "__hash__", pattern_hash);
    vm.add_getset(
        t,
        "pattern",
        |_, v| Ok(pat(v).map_or(Value::NONE, |p| p.pattern.clone())),
        None,
    );
    vm.add_getset(
        t,
        "flags",
        |vm, v| Ok(vm.new_int(pat(v).map_or(0, |p| p.flags as i64))),
        None,
    );
    vm.add_getset(
        t,
        "groups",
        |vm, v| Ok(vm.new_int(pat(v).map_or(0, |p| p.groups as i64))),
        None,
    );
    vm.add_getset(t, "groupindex", groupindex, None);
}

fn pat(v: &Value) -> Option<&Pattern> {
    v.downcast::<Pattern>()
}

/// `self` of a Pattern method, or CPython's descriptor error.
pub fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) if v.downcast::<Pattern>().is_some() => Ok(v.clone()),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{name}' for 're.Pattern' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(format!("unbound method Pattern.{name}() needs an argument"))),
    }
}

/// `cls.__class_getitem__(item)`.
pub fn class_getitem(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    adder_vm::builtins::types::generic_alias(vm, &args.pos[0], &args.pos[1])
}

// ----- _sre.compile ---------------------------------------------------------------

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &mut Vm, args: Args) -> PyResult {
    let names = [
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ];
    let a = args::parse(vm, "compile", &names, 6, &args.pos, &args.kw)?;
    let [Some(pattern), Some(flags), Some(code), Some(groups), Some(groupindex), Some(indexgroup)] =
        <[Option<Value>; 6]>::try_from(a).unwrap_or_default()
    else {
        return Err(vm.system_error("compile(): bad arguments"));
    };
    let flags = args::c_int(vm, &flags)?;
    let Some(code_list) = code.downcast::<List>() else {
        return Err(vm.type_error(format!(
            "compile() argument 'code' must be list, not {}",
            vm.type_name(&code)
        )));
    };
    let groups = args::ssize(vm, &groups)?;
    if groupindex.downcast::<Dict>().is_none() {
        return Err(vm.type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            vm.type_name(&groupindex)
        )));
    }
    let Some(ig) = indexgroup.downcast::<Tuple>() else {
        return Err(vm.type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            vm.type_name(&indexgroup)
        )));
    };

    let items = code_list.items.borrow().clone();
    let mut words = Vec::with_capacity(items.len());
    for v in &items {
        let w = adder_vm::num::as_bigint(v)
            .filter(|_| !v.is_float())
            .and_then(|i| num_traits::ToPrimitive::to_u32(&i));
        match w {
            Some(w) => words.push(w),
            None => return Err(vm.overflow_error("regular expression code size limit exceeded")),
        }
    }

    let isbytes = if pattern.is_none() {
        -1
    } else {
        match Subject::kind_of(&pattern) {
            Some(isbytes) => isbytes as i8,
            None => return Err(Subject::type_error(vm, &pattern)),
        }
    };
    let named = groupindex.downcast::<Dict>().is_some_and(|d| !d.is_empty());
    let (gi, ixg) = if named {
        let ixg = if ig.items.is_empty() {
            Value::NULL
        } else {
            indexgroup.clone()
        };
        (groupindex.clone(), ixg)
    } else {
        (Value::NULL, Value::NULL)
    };

    match validate(&words, groups as i64) {
        Ok(()) => {}
        Err(Invalid::Code) => return Err(vm.runtime_error("invalid SRE code")),
        Err(Invalid::TooDeep) => {
            return Err(vm.new_exception_msg(
                &vm.t.recursion_error.clone(),
                "maximum recursion depth exceeded while validating a regular expression",
            ))
        }
    }
    let state = crate::sre_state(vm)?;
    let ty = state_type(&state, T::Pattern);
    Ok(vm.alloc_builtin(
        &ty,
        Pattern {
            code: words.into_boxed_slice(),
            pattern,
            flags,
            groups: groups as usize,
            groupindex: gi,
            indexgroup: ixg,
            isbytes,
            types: state,
        },
    ))
}

// ----- shared plumbing ------------------------------------------------------------

/// `state_init`'s type checks: the subject of a match on `p`.
pub fn subject(vm: &Vm, p: &Pattern, string: &Value) -> PyResult<Subject> {
    let s = Subject::get(vm, string, crate::text_cache(&p.types))?;
    if s.isbytes && p.isbytes == 0 {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !s.isbytes && p.isbytes > 0 {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    Ok(s)
}

/// A fresh engine state over `subj` for `pos..endpos` (MemoryError when
/// the group marks alone would exceed the allocation limit).
pub fn machine<'a>(
    vm: &mut Vm,
    subj: &'a Subject,
    p: &Pattern,
    pos: isize,
    endpos: isize,
) -> PyResult<Box<dyn Machine + 'a>> {
    let bytes = (p.groups as u128 + 1) * 2 * std::mem::size_of::<isize>() as u128;
    if bytes > vm.max_alloc as u128 {
        return Err(vm.new_exception(&vm.t.memory_error.clone(), Vec::new()));
    }
    Ok(match subj.units() {
        Units::Narrow(b) => Box::new(State::new(b, pos, endpos)),
        Units::Wide(w) => Box::new(State::new(w, pos, endpos)),
    })
}

/// `pattern_error`: the exception for an engine failure.
fn engine_error(vm: &mut Vm, e: SreError) -> Value {
    match e {
        SreError::Memory => vm.new_exception(&vm.t.memory_error.clone(), Vec::new()),
        SreError::Interrupted => {
            vm.fuel = 0;
            vm.runtime_error("execution budget exhausted")
        }
        SreError::Illegal | SreError::State => {
            vm.runtime_error("internal error in regular expression engine")
        }
    }
}

/// Runs one engine call, sharing the VM's fuel budget and memory limit.
pub fn run(
    vm: &mut Vm,
    m: &mut dyn Machine,
    f: impl FnOnce(&mut dyn Machine) -> SreResult<bool>,
) -> PyResult<bool> {
    m.limits(vm.fuel, vm.max_alloc);
    let r = f(m);
    vm.fuel = m.fuel();
    r.map_err(|e| engine_error(vm, e))
}

/// `pattern_new_match` after a successful match.
pub fn new_match(vm: &mut Vm, pattern: &Value, subj: &Subject, m: &dyn Machine) -> PyResult {
    let Some(p) = pattern.downcast::<Pattern>() else {
        return Err(vm.system_error("not a pattern"));
    };
    let mut marks: Vec<isize> = Vec::new();
    if marks.try_reserve_exact(2 * (p.groups + 1)).is_err() {
        return Err(vm.new_exception(&vm.t.memory_error.clone(), Vec::new()));
    }
    for g in 0..=p.groups {
        let (a, b) = m.span(g);
        if g > 0 && a > b {
            return Err(vm.system_error(
                "The span of capturing group is wrong, please report a bug for the re module.",
            ));
        }
        marks.push(a);
        marks.push(b);
    }
    let byte_marks = subj.is_wide().then(|| {
        marks
            .iter()
            .map(|&x| {
                if x < 0 {
                    0
                } else {
                    subj.byte_offset(x as usize)
                }
            })
            .collect::<Vec<_>>()
            .into_boxed_slice()
    });
    let ty = state_type(&p.types, T::Match);
    Ok(vm.alloc_builtin(
        &ty,
        MatchObj {
            pattern: pattern.clone(),
            string: subj.obj.clone(),
            marks: marks.into_boxed_slice(),
            byte_marks,
            pos: m.pos(),
            endpos: m.endpos(),
            lastindex: m.lastindex(),
            regs: adder_object::ValueCell::new(Value::NULL),
        },
    ))
}

/// The `(string, pos=0, endpos=sys.maxsize)` arguments.
pub fn string_pos_endpos(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, isize, isize)> {
    let a = args::parse(
        vm,
        name,
        &["string", "pos", "endpos"],
        1,
        &args.pos[1..],
        &args.kw,
    )?;
    let string = a[0].clone().unwrap_or(Value::NONE);
    let pos = args::ssize_or(vm, &a[1], 0)?;
    let endpos = args::ssize_or(vm, &a[2], isize::MAX)?;
    Ok((string, pos, endpos))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

fn match_impl(vm: &mut Vm, args: Args, name: &str, mode: Mode) -> PyResult {
    let this = this(vm, &args, name)?;
    let Some(p) = pat(&this) else {
        return Ok(Value::NONE);
    };
    let (string, pos, endpos) = string_pos_endpos(vm, &args, name)?;
    let subj = subject(vm, p, &string)?;
    let mut m = machine(vm, &subj, p, pos, endpos)?;
    let code = &p.code;
    let found = match mode {
        Mode::Search => run(vm, &mut *m, |m| m.search(code))?,
        Mode::Match | Mode::FullMatch => {
            m.set_match_all(mode == Mode::FullMatch);
            run(vm, &mut *m, |m| m.pymatch(code))?
        }
    };
    if !found {
        return Ok(Value::NONE);
    }
    new_match(vm, &this, &subj, &*m)
}

fn pattern_match(vm: &mut Vm, args: Args) -> PyResult {
    match_impl(vm, args, "match", Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, args: Args) -> PyResult {
    match_impl(vm, args, "fullmatch", Mode::FullMatch)
}

fn pattern_search(vm: &mut Vm, args: Args) -> PyResult {
    match_impl(vm, args, "search", Mode::Search)
}

// ----- attributes, copy, repr, ==, hash ---------------------------------------------

fn groupindex(vm: &mut Vm, v: &Value) -> PyResult {
    match pat(v) {
        Some(p) if !p.groupindex.is_null() => {
            let t = vm.t.mappingproxy.clone();
            Ok(vm.alloc_builtin(
                &t,
                MappingProxy {
                    mapping: p.groupindex.clone(),
                },
            ))
        }
        _ => Ok(vm.new_dict()),
    }
}

fn pattern_copy(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "__copy__")?;
    args::noargs(vm, &args, "Pattern.__copy__")?;
    Ok(this)
}

fn pattern_deepcopy(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "__deepcopy__")?;
    args::onearg(vm, &args, "Pattern.__deepcopy__", 1)?;
    Ok(this)
}

/// The first `n` characters of `s`.
pub fn truncate_chars(s: String, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((b, _)) => s[..b].to_string(),
        None => s,
    }
}

fn pattern_repr(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "__repr__")?;
    let Some(p) = pat(&this) else {
        return Ok(Value::NONE);
    };
    let mut flags = p.flags as i64;
    if p.isbytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let names = [
        ("re.TEMPLATE", FLAG_TEMPLATE),
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let mut items: Vec<String> = Vec::new();
    for (name, bit) in names {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("0x{:x}", flags as i32 as u32));
    }
    let src = vm.repr_string(&p.pattern)?;
    let src = truncate_chars(src, 200);
    let s = if items.is_empty() {
        format!("re.compile({src})")
    } else {
        format!("re.compile({src}, {})", items.join("|"))
    };
    Ok(vm.new_string(s))
}

fn compare(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Option<bool>> {
    let this = this(vm, args, name)?;
    if args.pos.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            args.pos.len().saturating_sub(1)
        )));
    }
    let other = args.pos[1].clone();
    if !vm.type_of(&other).is(&vm.type_of(&this)) {
        return Ok(None);
    }
    if this.is(&other) {
        return Ok(Some(true));
    }
    let (Some(a), Some(b)) = (pat(&this), pat(&other)) else {
        return Ok(None);
    };
    if a.flags != b.flags || a.isbytes != b.isbytes || a.code != b.code {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq(&a.pattern, &b.pattern)?))
}

fn pattern_eq(vm: &mut Vm, args: Args) -> PyResult {
    Ok(match compare(vm, &args, "__eq__")? {
        Some(b) => Value::from_bool(b),
        None => vm.not_implemented.clone(),
    })
}

fn pattern_ne(vm: &mut Vm, args: Args) -> PyResult {
    Ok(match compare(vm, &args, "__ne__")? {
        Some(b) => Value::from_bool(!b),
        None => vm.not_implemented.clone(),
    })
}

fn pattern_hash(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "__hash__")?;
    args::noargs(vm, &args, "Pattern.__hash__")?;
    let Some(p) = pat(&this) else {
        return Ok(vm.new_int(0));
    };
    let mut h = vm.hash(&p.pattern)?;
    // FNV-1a over the code words.
    let mut c: u64 = 0xcbf29ce484222325;
    for w in p.code.iter() {
        c ^= *w as u64;
        c = c.wrapping_mul(0x100000001b3);
    }
    h ^= c as i64;
    h ^= p.flags as i64;
    h ^= p.isbytes as i64;
    h ^= p.code.len() as i64;
    // Keep it positive and below the int-hash modulus, so hash() returns
    // it unchanged (and it is never -1).
    h &= 0x0FFF_FFFF_FFFF_FFFF;
    Ok(vm.new_int(h))
}
