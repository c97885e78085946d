//! Link options of the release `adder` binary (only the final link sees
//! them; no crate is rebuilt when they change).
//!
//! - `--symbol-ordering-file=link-order.txt`: the functions that start-up
//!   and common imports run are placed together at the start of the code
//!   (the file says why and how it is regenerated: scripts/link_order.py).
//!   Names the binary no longer has are skipped without a warning.
//! - `-z pack-relative-relocs`: the position-independent binary's ~16,000
//!   relative relocations in the compact RELR form (5 KiB instead of
//!   395 KiB read at every start; glibc 2.36 or newer).
//!
//! Both are lld options: they are given only where lld is the linker Rust
//! uses by default (x86_64 Linux with glibc, since Rust 1.90).

// Build scripts run in cargo, not in the interpreter: the host-boundary
// lint (no direct environment access) does not apply.
#![allow(clippy::disallowed_methods)]

fn main() {
    println!("cargo:rerun-if-changed=link-order.txt");
    println!("cargo:rerun-if-changed=build.rs");
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    let target = std::env::var("TARGET").unwrap_or_default();
    if !release || target != "x86_64-unknown-linux-gnu" {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let order = std::path::Path::new(&dir).join("link-order.txt");
    println!(
        "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
        order.display()
    );
    println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
}
