//! Fuzz target: arbitrary bytes as a Python source file. Invariant checked:
//! parsing, compiling and executing any input (on the in-memory host, under an
//! instruction budget) ends in a Python-level result or exception; only an
//! internal error (a Rust panic or `SystemError`) makes
//! `adder_vm::fuzz_entry` panic, which libFuzzer reports as a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    adder_vm::fuzz_entry(data);
});
