//! Text-processing native modules: `unicodedata` (the Unicode 14.0.0
//! character database, with `ucd_3_2_0`), `_csv` and `_json`.
//!
//! Invariant: each module behaves as CPython 3.11's C module of the same
//! name, with the same results, exception types and messages; their data
//! live in generated tables (see `gen_unicodedata.py`) and in the module
//! objects, never in globals.

mod csv;
mod json;
mod unicodedata;

use adder_vm::NativeModule;

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    vec![unicodedata::module(), csv::module(), json::module()]
}
