//! `re.Match`: the spans of one successful match, with the subject, the
//! pattern and the `pos`/`endpos` it ran with.
//!
//! Invariant: `marks` holds `2 * (groups + 1)` positions, `-1` for a group
//! that did not participate; for a non-ASCII `str` subject `byte_marks`
//! holds the matching UTF-8 offsets, so every group is an O(1) slice. A
//! bytes-like subject other than `bytes` is re-read at each access (as
//! CPython re-acquires its buffer), clamped to its current length.
//!
//! CPython 3.11: Modules/_sre/sre.c (`match_*`).

use adder_object::{payload, Trace, Value, ValueCell};
use adder_vm::objects::dict::Dict;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

use crate::args;
use crate::pattern::{truncate_chars, Pattern};
use crate::subx::call_re;
use crate::MATCH_KIND;

#[derive(Trace)]
pub struct MatchObj {
    /// The `re.Pattern`.
    pub pattern: Value,
    /// The subject as passed in.
    pub string: Value,
    pub marks: Box<[isize]>,
    pub byte_marks: Option<Box<[usize]>>,
    pub pos: isize,
    pub endpos: isize,
    pub lastindex: isize,
    /// Cached `regs` tuple (NULL until asked for).
    pub regs: ValueCell,
}
payload!(MatchObj, MATCH_KIND, "re.Match");

pub fn init_type(vm: &mut Vm, t: &Value) {
    let doc = vm.new_str(
        "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
    );
    vm.add_attr(t, "__doc__", doc);
    vm.add_method(t, "group", match_group);
    vm.add_method(t, "__getitem__", match_getitem);
    vm.add_method(t, "groups", match_groups);
    vm.add_method(t, "groupdict", match_groupdict);
    vm.add_method(t, "start", match_start);
    vm.add_method(t, "end", match_end);
    vm.add_method(t, "span", match_span);
    vm.add_method(t, "expand", match_expand);
    vm.add_method(t, "__copy__", match_copy);
    vm.add_method(t, "__deepcopy__", match_deepcopy);
    vm.add_method(t, "__repr__", match_repr);
    vm.add_classmethod(t, "__class_getitem__", crate::pattern::class_getitem);
    vm.add_getset(
        t,
        "string",
        |_, v| Ok(mo(v).map_or(Value::NONE, |m| m.string.clone())),
        None,
    );
    vm.add_getset(
        t,
        "re",
        |_, v| Ok(mo(v).map_or(Value::NONE, |m| m.pattern.clone())),
        None,
    );
    vm.add_getset(
        t,
        "pos",
        |vm, v| Ok(vm.new_int(mo(v).map_or(0, |m| m.pos as i64))),
        None,
    );
    vm.add_getset(
        t,
        "endpos",
        |vm, v| Ok(vm.new_int(mo(v).map_or(0, |m| m.endpos as i64))),
        None,
    );
    vm.add_getset(t, "lastindex", lastindex, None);
    vm.add_getset(t, "lastgroup", lastgroup, None);
    vm.add_getset(t, "regs", regs, None);
}

fn mo(v: &Value) -> Option<&MatchObj> {
    v.downcast::<MatchObj>()
}

fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) if v.downcast::<MatchObj>().is_some() => Ok(v.clone()),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{name}' for 're.Match' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(format!("unbound method Match.{name}() needs an argument"))),
    }
}

impl MatchObj {
    fn groups(&self) -> usize {
        self.marks.len() / 2
    }

    fn pat(&self) -> Option<&Pattern> {
        self.pattern.downcast::<Pattern>()
    }

    /// `match_getslice_by_index`: group `g`'s text, or `default`.
    fn slice(&self, vm: &mut Vm, g: usize, default: &Value) -> PyResult {
        let (a, b) = (self.marks[2 * g], self.marks[2 * g + 1]);
        if a < 0 || b < 0 {
            return Ok(default.clone());
        }
        let s = &self.string;
        if let Some(st) = s.downcast::<Str>() {
            let (i, j) = match &self.byte_marks {
                Some(bm) => (bm[2 * g], bm[2 * g + 1]),
                None => (a as usize, b as usize),
            };
            if i == 0 && j == st.as_str().len() && vm.type_of(s).is(&vm.t.str) {
                return Ok(s.clone());
            }
            let text = st.as_str().get(i..j.max(i)).unwrap_or("").to_string();
            return Ok(vm.new_string(text));
        }
        let (a, b) = (a as usize, b as usize);
        if let Some(by) = s.downcast::<Bytes>() {
            let (i, j) = (a.min(by.b.len()), b.min(by.b.len()));
            if i == 0 && j == by.b.len() && vm.type_of(s).is(&vm.t.bytes) {
                return Ok(s.clone());
            }
            let v = by.b[i..j.max(i)].to_vec();
            return Ok(vm.new_bytes(v));
        }
        let data = crate::text::buffer_bytes(s).unwrap_or_default();
        let (i, j) = (a.min(data.len()), b.min(data.len()));
        Ok(vm.new_bytes(data[i..j.max(i)].to_vec()))
    }

    /// `match_getindex`: the group number `index` names.
    fn index(&self, vm: &mut Vm, index: &Value) -> PyResult<usize> {
        let i: i64 = match vm.index_opt(index)? {
            Some(i) => i
                .to_i64()
                .unwrap_or(if i.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }),
            None => {
                let mut i = -1;
                if let Some(gi) = self.pat().map(|p| p.groupindex.clone()) {
                    if !gi.is_null() {
                        if let Some(v) = vm.dict_get(&gi, index)? {
                            // PyLong_Check + PyLong_AsSsize_t
                            if let Some(n) = adder_vm::num::as_bigint(&v) {
                                i = n.to_i64().ok_or_else(|| {
                                    vm.overflow_error(
                                        "Python int too large to convert to C ssize_t",
                                    )
                                })?;
                            }
                        }
                    }
                }
                i
            }
        };
        if i < 0 || i as u64 >= self.groups() as u64 {
            return Err(vm.index_error("no such group"));
        }
        Ok(i as usize)
    }

    fn get(&self, vm: &mut Vm, index: &Value, default: &Value) -> PyResult {
        let g = self.index(vm, index)?;
        self.slice(vm, g, default)
    }
}

fn match_group(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "group")?;
    let Some(m) = mo(&this) else {
        return Ok(Value::NONE);
    };
    if !args.kw.is_empty() {
        return Err(vm.type_error("Match.group() takes no keyword arguments"));
    }
    let rest = &args.pos[1..];
    match rest.len() {
        0 => m.slice(vm, 0, &Value::NONE),
        1 => m.get(vm, &rest[0], &Value::NONE),
        _ => {
            let mut items = Vec::with_capacity(rest.len());
            for g in rest {
                items.push(m.get(vm, g, &Value::NONE)?);
            }
            Ok(vm.new_tuple(items))
        }
    }
}

fn match_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "__getitem__")?;
    let g = args::onearg(vm, &args, "Match.__getitem__", 1)?;
    let Some(m) = mo(&this) else {
        return Ok(Value::NONE);
    };
    m.get(vm, &g, &Value::NONE)
}

fn default_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let a = args::parse(vm, name, &["default"], 0, &args.pos[1..], &args.kw)?;
    Ok(a[0].clone().unwrap_or(Value::NONE))
}

fn match_groups(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "groups")?;
    let default = default_arg(vm, &args, "groups")?;
    let Some(m) = mo(&this) else {
        return Ok(Value::NONE);
    };
    let mut items = Vec::with_capacity(m.groups().saturating_sub(1));
    for g in 1..m.groups() {
        items.push(m.slice(vm, g, &default)?);
    }
    Ok(vm.new_tuple(items))
}

fn match_groupdict(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "groupdict")?;
    let default = default_arg(vm, &args, "groupdict")?;
    let Some(m) = mo(&this) else {
        return Ok(Value::NONE);
    };
    let result = vm.new_dict();
    let gi = m.pat().map_or(Value::NULL, |p| p.groupindex.clone());
    let Some(d) = gi.downcast::<Dict>() else {
        return Ok(result);
    };
    for (k, _) in d.items() {
        let v = m.get(vm, &k, &default)?;
        vm.dict_set(&result, k, v)?;
    }
    Ok(result)
}

/// The optional positional-only group of start/end/span.
fn group_arg(vm: &mut Vm, m: &MatchObj, args: &Args, name: &str) -> PyResult<usize> {
    let rest = args::positional(vm, args, &format!("Match.{name}"), name, 1)?;
    match rest.first() {
        Some(g) => {
            let g = g.clone();
            m.index(vm, &g)
        }
        None => Ok(0),
    }
}

fn match_start(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "start")?;
    let Some(m) = mo(&this) else {
        return Ok(Value::NONE);
    };
    let g = group_arg(vm, m, &args, "start")?;
    Ok(vm.new_int(m.marks[2 * g] as i64))
}

fn match_end(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "end")?;
    let Some(m) = mo(&this) else {
        return Ok(Value::NONE);
    };
    let g = group_arg(vm, m, &args, "end")?;
    Ok(vm.new_int(m.marks[2 * g + 1] as i64))
}

fn pair(vm: &mut Vm, a: isize, b: isize) -> Value {
    let (a, b) = (vm.new_int(a as i64), vm.new_int(b as i64));
    vm.new_tuple(vec![a, b])
}

fn match_span(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "span")?;
    let Some(m) = mo(&this) else {
        return Ok(Value::NONE);
    };
    let g = group_arg(vm, m, &args, "span")?;
    Ok(pair(vm, m.marks[2 * g], m.marks[2 * g + 1]))
}

fn match_expand(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "expand")?;
    let a = args::parse(vm, "expand", &["template"], 1, &args.pos[1..], &args.kw)?;
    let template = a[0].clone().unwrap_or(Value::NONE);
    let pattern = mo(&this).map_or(Value::NONE, |m| m.pattern.clone());
    call_re(vm, "_expand", vec![pattern, this, template])
}

fn match_copy(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "__copy__")?;
    args::noargs(vm, &args, "Match.__copy__")?;
    Ok(this)
}

fn match_deepcopy(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "__deepcopy__")?;
    args::onearg(vm, &args, "Match.__deepcopy__", 1)?;
    Ok(this)
}

fn match_repr(vm: &mut Vm, args: Args) -> PyResult {
    let this = this(vm, &args, "__repr__")?;
    let Some(m) = mo(&this) else {
        return Ok(Value::NONE);
    };
    let g0 = m.slice(vm, 0, &Value::NONE)?;
    let r = vm.repr_string(&g0)?;
    let s = format!(
        "<re.Match object; span=({}, {}), match={}>",
        m.marks[0],
        m.marks[1],
        truncate_chars(r, 50)
    );
    Ok(vm.new_string(s))
}

fn lastindex(vm: &mut Vm, v: &Value) -> PyResult {
    match mo(v) {
        Some(m) if m.lastindex >= 0 => Ok(vm.new_int(m.lastindex as i64)),
        _ => Ok(Value::NONE),
    }
}

fn lastgroup(_vm: &mut Vm, v: &Value) -> PyResult {
    let Some(m) = mo(v) else {
        return Ok(Value::NONE);
    };
    let ig = m.pat().map_or(Value::NULL, |p| p.indexgroup.clone());
    if m.lastindex < 0 {
        return Ok(Value::NONE);
    }
    Ok(ig
        .downcast::<Tuple>()
        .and_then(|t| t.items.get(m.lastindex as usize).cloned())
        .unwrap_or(Value::NONE))
}

fn regs(vm: &mut Vm, v: &Value) -> PyResult {
    let Some(m) = mo(v) else {
        return Ok(Value::NONE);
    };
    let cached = m.regs.get();
    if !cached.is_null() {
        return Ok(cached);
    }
    let mut items = Vec::with_capacity(m.groups());
    for g in 0..m.groups() {
        items.push(pair(vm, m.marks[2 * g], m.marks[2 * g + 1]));
    }
    let t = vm.new_tuple(items);
    m.regs.set(t.clone());
    Ok(t)
}
