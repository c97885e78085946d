//! Safe wrappers over the platform C math library — the same `libm` that
//! CPython calls — for the functions whose Rust `std` versions are computed
//! differently (`asinh`, `acosh`, `atanh` are formulas in `std`, `cbrt` a
//! port of another libm) or missing (`erf`, `erfc`). Invariant: each wrapper is a pure function of its float
//! arguments; nothing here touches `errno` or any other state.

mod sys {
    #[link(name = "m")]
    extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        // `cbrtf64` is glibc's alias of its `cbrt`: the plain name would bind
        // to the (differently rounding) `cbrt` that Rust's compiler-builtins
        // defines inside the binary.
        #[link_name = "cbrtf64"]
        pub fn cbrt(x: f64) -> f64;
    }
}

/// C `asinh`.
pub fn asinh(x: f64) -> f64 {
    // SAFETY: a pure C math function of one double; no pointers, no state.
    unsafe { sys::asinh(x) }
}

/// C `acosh`.
pub fn acosh(x: f64) -> f64 {
    // SAFETY: a pure C math function of one double; no pointers, no state.
    unsafe { sys::acosh(x) }
}

/// C `atanh`.
pub fn atanh(x: f64) -> f64 {
    // SAFETY: a pure C math function of one double; no pointers, no state.
    unsafe { sys::atanh(x) }
}

/// C `erf`.
pub fn erf(x: f64) -> f64 {
    // SAFETY: a pure C math function of one double; no pointers, no state.
    unsafe { sys::erf(x) }
}

/// C `erfc`.
pub fn erfc(x: f64) -> f64 {
    // SAFETY: a pure C math function of one double; no pointers, no state.
    unsafe { sys::erfc(x) }
}

/// C `cbrt`.
pub fn cbrt(x: f64) -> f64 {
    // SAFETY: a pure C math function of one double; no pointers, no state.
    unsafe { sys::cbrt(x) }
}
