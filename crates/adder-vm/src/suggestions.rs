//! "Did you mean: 'x'?" hints for NameError and AttributeError, as CPython
//! 3.11 appends them to the message line of a printed traceback.
//!
//! The closest candidate wins by a Levenshtein distance over UTF-8 bytes in
//! which insertions, deletions and substitutions cost 2 and a change of case
//! only 1; a candidate is accepted when its distance is at most
//! `(len(name) + len(candidate) + 3) * 2 / 6`. Names or candidates longer than
//! 40 bytes and candidate lists of 750 names or more give no hint.
//!
//! Invariant: computing a hint never raises; any failure (a `__dir__` that
//! raises, a name that is not a str) just means no hint.

use adder_object::Value;

use crate::objects::exception::{Exception, Traceback};
use crate::objects::frameobj::FrameObject;
use crate::objects::string::Str;
use crate::vm::Vm;

const MAX_CANDIDATES: usize = 750;
const MAX_LEN: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The hint for exception `e` (the suggested name), if any.
pub fn suggestion_for(vm: &mut Vm, e: &Value) -> Option<String> {
    if vm.exc_matches(e, &vm.t.attribute_error.clone()) {
        return attribute_suggestion(vm, e);
    }
    if vm.exc_matches(e, &vm.t.name_error.clone()) {
        return name_suggestion(vm, e);
    }
    None
}

fn str_attr(vm: &mut Vm, e: &Value, attr: &str) -> Option<Value> {
    vm.getattr_str(e, attr).ok()
}

fn as_string(v: &Value) -> Option<String> {
    v.downcast::<Str>().map(|s| s.as_str().to_string())
}

fn attribute_suggestion(vm: &mut Vm, e: &Value) -> Option<String> {
    let name = as_string(&str_attr(vm, e, "name")?)?;
    let obj = str_attr(vm, e, "obj")?;
    let dir = crate::ops::dict_get_str(&vm.builtins.clone(), "dir")?;
    let listed = vm.call(&dir, vec![obj]).ok()?;
    let items = vm.iterate(&listed).ok()?;
    best_match(&name, &items)
}

fn name_suggestion(vm: &mut Vm, e: &Value) -> Option<String> {
    let name = as_string(&str_attr(vm, e, "name")?)?;
    // The innermost traceback entry's frame: its locals, globals, builtins.
    let mut tb = e.downcast::<Exception>()?.traceback.get();
    let mut frame = None;
    while let Some(t) = tb.downcast::<Traceback>() {
        frame = Some(t.frame.clone());
        tb = t.next.get();
    }
    let frame = frame?;
    let fo = frame.downcast::<FrameObject>()?;
    let code = fo.code.downcast::<crate::objects::function::Code>()?;
    let locals: Vec<Value> = code.code.varnames.iter().map(|n| vm.new_str(n)).collect();
    if let Some(s) = best_match(&name, &locals) {
        return Some(s);
    }
    let globals = fo.globals.clone();
    let builtins = if fo.builtins.is_null() {
        vm.builtins.clone()
    } else {
        fo.builtins.clone()
    };
    for d in [globals, builtins] {
        let keys = match d.downcast::<crate::objects::dict::Dict>() {
            Some(d) => d.keys(),
            None => continue,
        };
        if let Some(s) = best_match(&name, &keys) {
            return Some(s);
        }
    }
    None
}

/// The candidate closest to `name` within the accepted distance.
fn best_match(name: &str, candidates: &[Value]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(usize, String)> = None;
    for c in candidates {
        let Some(item) = as_string(c) else {
            continue;
        };
        if item == name {
            continue;
        }
        let mut limit = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((d, _)) = &best {
            limit = limit.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), limit);
        if d > limit {
            continue;
        }
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, item));
        }
    }
    best.map(|(_, s)| s)
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Weighted edit distance of `a` and `b`; anything above `limit` comes
/// back as `limit + 1`.
fn distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    if a == b {
        return 0;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return limit + 1;
    }
    let (a, b) = if a.len() > b.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > limit {
        return limit + 1;
    }
    // row[i]: distance between a[..i] and the part of b seen so far.
    let mut row: Vec<usize> = (0..=a.len()).map(|i| i * MOVE_COST).collect();
    for (j, &bc) in b.iter().enumerate() {
        let mut diag = row[0];
        row[0] = (j + 1) * MOVE_COST;
        let mut row_min = row[0];
        for (i, &ac) in a.iter().enumerate() {
            let up = row[i + 1];
            let v = (diag + substitution_cost(ac, bc))
                .min(up + MOVE_COST)
                .min(row[i] + MOVE_COST);
            diag = up;
            row[i + 1] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
    }
    row[a.len()]
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn weighted_distance() {
        assert_eq!(distance(b"bluch", b"blech", 10), 2);
        assert_eq!(distance(b"bluch", b"blch", 10), 2);
        assert_eq!(distance(b"abc", b"ABC", 10), 3);
        assert_eq!(distance(b"a", b"a", 0), 0);
        assert_eq!(distance(b"abcdef", b"x", 1), 2);
    }
}
