//! Enforces the host boundary textually (DESIGN.md, "The host boundary"):
//! no crate but adder-host may name `std::fs`, `std::env`, `std::process`,
//! `std::net` or `libc`, and no Cargo.toml but adder-host's (and adder-cli's,
//! whose test harnesses spawn processes) may depend on `libc`. This backs up
//! the clippy `disallowed-*` lints in `clippy.toml`, which see only resolved
//! paths and can be silenced by `allow` attributes; this test sees text.
//!
//! Scanned: every `crates/*/src/**/*.rs` and `crates/*/tests/**/*.rs`.
//! Exempt: `crates/adder-host` (the boundary itself), `crates/adder-cli/tests`
//! (integration harnesses that run the `adder` binary as a child process and
//! read the Python corpus from disk — they test the program from outside and
//! are not part of it), and any `build.rs` (build scripts run at compile time,
//! not inside the interpreter). Lines that are comments are skipped, so docs
//! may mention the banned names.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::fs;
use std::path::{Path, PathBuf};

const BANNED: &[&str] = &[
    "std::fs",
    "std::env",
    "std::process",
    "std::net",
    "libc::",
    "extern crate libc",
];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "build.rs")
        {
            out.push(path);
        }
    }
}

fn crate_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(repo_root().join("crates"))
        .expect("crates/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn crate_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Strips a trailing `//` comment (a rough cut: good enough for lint text,
/// since a banned path inside a string literal is still worth a look).
fn code_part(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//") || trimmed.starts_with("/*") || trimmed.starts_with('*') {
        return "";
    }
    match line.find("//") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

#[test]
fn no_os_access_outside_adder_host() {
    let root = repo_root();
    let mut violations = Vec::new();
    let mut scanned = 0;
    for dir in crate_dirs() {
        let name = crate_name(&dir);
        if name == "adder-host" {
            continue;
        }
        let mut files = Vec::new();
        rust_files(&dir.join("src"), &mut files);
        if name != "adder-cli" {
            rust_files(&dir.join("tests"), &mut files);
        }
        for file in files {
            scanned += 1;
            let text = fs::read_to_string(&file).unwrap_or_default();
            for (i, line) in text.lines().enumerate() {
                let code = code_part(line);
                for banned in BANNED {
                    if code.contains(banned) {
                        let rel = file.strip_prefix(&root).unwrap_or(&file);
                        violations.push(format!(
                            "{}:{}: `{banned}`: {}",
                            rel.display(),
                            i + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(scanned > 0, "found no Rust sources under crates/");
    assert!(
        violations.is_empty(),
        "OS access outside crates/adder-host (go through adder_host::Host):\n{}",
        violations.join("\n")
    );
}

#[test]
fn only_host_and_cli_depend_on_libc() {
    let mut violations = Vec::new();
    for dir in crate_dirs() {
        let name = crate_name(&dir);
        if name == "adder-host" || name == "adder-cli" {
            continue;
        }
        let manifest = dir.join("Cargo.toml");
        let text = fs::read_to_string(&manifest).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let key = line.split('#').next().unwrap_or("").trim();
            if key.starts_with("libc")
                || key.contains("\"libc\"")
                || key.contains("[dependencies.libc]")
            {
                violations.push(format!(
                    "crates/{name}/Cargo.toml:{}: {}",
                    i + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "only adder-host may depend on libc:\n{}",
        violations.join("\n")
    );
}

#[test]
fn scanner_catches_banned_text() {
    assert_eq!(code_part("    // std::fs is fine in a comment"), "");
    assert!(code_part("use std::fs::File;").contains("std::fs"));
    assert!(code_part("let x = libc::getpid(); // note").contains("libc::"));
}
