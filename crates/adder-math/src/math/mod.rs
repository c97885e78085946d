//! The `math` module: CPython 3.11's functions and constants.
//!
//! Invariant: every function converts its arguments as CPython does
//! (`PyFloat_AsDouble`, `__index__`, `__ceil__`/`__floor__`/`__trunc__`) and
//! maps libm results to exceptions by CPython's rules: a NaN from non-NaN
//! input is ValueError("math domain error"); an infinity from finite input is
//! OverflowError("math range error") for functions that can overflow and
//! ValueError otherwise. Floating-point work is done by the platform libm
//! (through Rust's `f64` methods or `adder_host::libm`), as CPython does.

mod float_fns;
mod integer;
mod special;
mod sums;

use adder_object::Value;
use adder_vm::native::{module_add_fns, module_set};
use adder_vm::{NativeModule, PyResult, Vm};

pub(crate) use float_fns::{frexp, ldexp};

pub fn module() -> NativeModule {
    NativeModule { name: "math", init }
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    float_fns::register(vm, m);
    module_add_fns(
        vm,
        m,
        &[
            ("factorial", integer::factorial),
            ("gcd", integer::gcd),
            ("lcm", integer::lcm),
            ("isqrt", integer::isqrt),
            ("comb", integer::comb),
            ("perm", integer::perm),
            ("fsum", sums::fsum),
            ("prod", sums::prod),
            ("hypot", sums::hypot),
            ("dist", sums::dist),
            ("gamma", special::gamma),
            ("lgamma", special::lgamma),
            ("erf", special::erf),
            ("erfc", special::erfc),
        ],
    );
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, x) in consts {
        let v = vm.new_float(x);
        module_set(vm, m, name, v);
    }
    let doc = vm.new_str(
        "This module provides access to the mathematical functions\ndefined by the C standard.",
    );
    module_set(vm, m, "__doc__", doc);
    Ok(())
}

/// CPython's error for a math function's result.
pub(crate) fn domain_error(vm: &Vm) -> Value {
    vm.value_error("math domain error")
}

pub(crate) fn range_error(vm: &Vm) -> Value {
    vm.overflow_error("math range error")
}

/// The `errno` a libm-style function reports with its result.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Errno {
    Ok,
    Dom,
    Range,
}

/// CPython's `is_error`: EDOM is ValueError; ERANGE is OverflowError unless
/// the result is small (an underflow), in which case the result stands.
pub(crate) fn check_errno(vm: &mut Vm, r: f64, e: Errno) -> PyResult {
    match e {
        Errno::Ok => Ok(vm.new_float(r)),
        Errno::Dom => Err(domain_error(vm)),
        Errno::Range if r.abs() < 1.5 => Ok(vm.new_float(r)),
        Errno::Range => Err(range_error(vm)),
    }
}

/// CPython's `math_1` result check for `r = f(x)`.
pub(crate) fn math1_result(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(vm.new_float(r))
}

/// CPython's `math_2` result check for `r = f(x, y)`.
pub(crate) fn math2_result(vm: &mut Vm, x: f64, y: f64, r: f64) -> PyResult {
    let e = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    check_errno(vm, r, e)
}
