//! Argument checking shared by the modules of this crate, with CPython's
//! exact messages (Argument Clinic's `_PyArg_UnpackKeywords`,
//! `_PyArg_CheckPositional`, `_PyArg_NoKeywords`, `METH_NOARGS`/`METH_O`).
//!
//! Invariant: every helper either accepts the arguments or returns the
//! TypeError CPython raises for the same call; none panics on any input.

use adder_object::Value;
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The text of a keyword name.
pub fn kw_name(k: &Value) -> String {
    k.downcast::<Str>()
        .map_or_else(String::new, |s| s.as_str().to_string())
}

/// `_PyArg_NoKeywords`: `name() takes no keyword arguments`.
pub fn no_kw(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// `_PyArg_CheckPositional`: `name expected N arguments, got M`.
pub fn check_pos(vm: &Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        };
        return Err(vm.type_error(msg));
    }
    if n > max {
        let msg = if min == max {
            format!("{name} expected {max} argument{}, got {n}", plural(max))
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// No keywords, then `_PyArg_CheckPositional` on the positional arguments
/// after the first `skip` (self or cls).
pub fn positional(
    vm: &Vm,
    args: &Args,
    name: &str,
    skip: usize,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kw(vm, args, name)?;
    check_pos(vm, name, args.pos.len().saturating_sub(skip), min, max)
}

/// The error for a method descriptor called without its instance.
pub fn needs_self(vm: &Vm, meth: &str) -> Value {
    vm.type_error(format!("unbound method {meth}() needs an argument"))
}

/// A `METH_NOARGS` method: `qual() takes no arguments (N given)`.
pub fn noargs(vm: &Vm, args: &Args, qual: &str) -> PyResult<()> {
    if args.pos.is_empty() {
        return Err(needs_self(vm, qual));
    }
    no_kw(vm, args, qual)?;
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(format!("{qual}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// A `METH_O` method: `qual() takes exactly one argument (N given)`.
pub fn onearg(vm: &Vm, args: &Args, qual: &str) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(needs_self(vm, qual));
    }
    no_kw(vm, args, qual)?;
    let n = args.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!("{qual}() takes exactly one argument ({n} given)")));
    }
    Ok(args.pos[1].clone())
}

/// Argument Clinic's keyword parsing. `pos` are the positional arguments
/// (without self/cls), `names` the parameters in order; the first
/// `posonly` are positional-only, the first `minpos` are required, at most
/// `maxpos` may be passed positionally (the rest are keyword-only).
/// Returns one slot per parameter.
pub struct Clinic<'a> {
    pub fname: &'a str,
    pub names: &'a [&'a str],
    pub posonly: usize,
    pub minpos: usize,
    pub maxpos: usize,
}

impl Clinic<'_> {
    pub fn parse(
        &self,
        vm: &Vm,
        pos: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Vec<Option<Value>>> {
        let f = self.fname;
        let nargs = pos.len();
        let maxargs = self.names.len();
        if nargs + kw.len() > maxargs {
            return Err(vm.type_error(format!(
                "{f}() takes at most {maxargs} {}argument{} ({} given)",
                if nargs == 0 { "keyword " } else { "" },
                plural(maxargs),
                nargs + kw.len()
            )));
        }
        if nargs > self.maxpos {
            if self.maxpos == 0 {
                return Err(vm.type_error(format!("{f}() takes no positional arguments")));
            }
            return Err(vm.type_error(format!(
                "{f}() takes {} {} positional argument{} ({nargs} given)",
                if self.minpos < self.maxpos {
                    "at most"
                } else {
                    "exactly"
                },
                self.maxpos,
                plural(self.maxpos)
            )));
        }
        if nargs < self.posonly.min(self.minpos) {
            let m = self.posonly.min(self.minpos);
            return Err(vm.type_error(format!(
                "{f}() takes {} {m} positional argument{} ({nargs} given)",
                if m < self.maxpos {
                    "at least"
                } else {
                    "exactly"
                },
                plural(m)
            )));
        }
        let mut out: Vec<Option<Value>> = vec![None; maxargs];
        for (i, v) in pos.iter().enumerate() {
            out[i] = Some(v.clone());
        }
        let mut used = vec![false; kw.len()];
        #[allow(clippy::needless_range_loop)]
        for i in nargs.max(self.posonly)..maxargs {
            let found = kw.iter().position(|(k, _)| kw_name(k) == self.names[i]);
            match found {
                Some(j) => {
                    used[j] = true;
                    out[i] = Some(kw[j].1.clone());
                }
                None if i < self.minpos => {
                    return Err(vm.type_error(format!(
                        "{f}() missing required argument '{}' (pos {})",
                        self.names[i],
                        i + 1
                    )));
                }
                None => {}
            }
        }
        if let Some(j) = used.iter().position(|u| !u) {
            for i in self.posonly..nargs.min(maxargs) {
                if kw.iter().any(|(k, _)| kw_name(k) == self.names[i]) {
                    return Err(vm.type_error(format!(
                        "argument for {f}() given by name ('{}') and position ({})",
                        self.names[i],
                        i + 1
                    )));
                }
            }
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for {f}()",
                kw_name(&kw[j].0)
            )));
        }
        Ok(out)
    }
}

/// `PyNumber_AsSsize_t(v, OverflowError)` after `__index__`.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    big_ssize(vm, &i)
}

/// A big integer as a C `Py_ssize_t`, or CPython's OverflowError.
pub fn big_ssize(vm: &Vm, i: &BigInt) -> PyResult<i64> {
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// `__index__` clamped to the C `Py_ssize_t` range (`PyNumber_AsSsize_t(v, NULL)`).
pub fn ssize_clamped(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    Ok(i.to_i64()
        .unwrap_or(if i.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }))
}

/// The text of a str argument, if it is one.
pub fn as_str(v: &Value) -> Option<&str> {
    v.downcast::<Str>().map(|s| s.as_str())
}
