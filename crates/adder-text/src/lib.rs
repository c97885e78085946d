//! `adder-text`: the pure-algorithm layer behind Python's text and number
//! formatting and parsing. Invariant: no interpreter types cross this crate's
//! boundary — only `f64`, `BigInt`, `&str`, `&[u8]`, `char` — and every
//! failure is a [`TextError`] carrying CPython 3.11's exception class and
//! exact message.

pub mod chars;
pub mod digits;
pub mod error;
pub mod float_ops;
pub mod float_repr;
pub mod number_parse;
pub mod percent;
pub mod repr;
pub mod search;
pub mod spec;
pub mod str_ops;
pub mod surrogate;
mod unicode_tables;

pub use error::{ErrKind, TextError};
pub use float_ops::{
    bigint_to_f64, complex_hash, float_as_integer_ratio, float_divmod, float_floordiv, float_hash,
    float_mod, float_pow, float_round, float_round_to_int, float_to_bigint, int_hash,
    int_true_divide, PowResult,
};
pub use float_repr::{
    float_repr, float_to_string_exp, float_to_string_fixed, float_to_string_general,
    format_float_body, FloatFlags, FloatKind,
};
pub use number_parse::{
    float_fromhex, float_hex, int_to_decimal, int_to_str_radix, parse_float, parse_int,
    DEFAULT_MAX_STR_DIGITS,
};
pub use percent::{
    check_conversion, check_precision, parse_percent_spec, percent_format_float,
    percent_format_int, percent_format_str, push_percent_float, push_percent_i64, push_percent_int,
    push_percent_str, unsupported_conversion, PercentDirective, PercentSpec,
};
pub use repr::{ascii_repr, bytes_repr, str_repr};
pub use spec::{
    complex_repr, format_complex, format_complex_str, format_float, format_float_str, format_i64,
    format_int, format_int_str, format_str, format_str_str, FormatSpec, Grouping,
};
