//! The differential oracle (DESIGN.md, "Tests and measurements"): every
//! `tests/differential/**/*.py` runs under the `adder` binary and under
//! CPython 3.11, and stdout, the exit status and the last line of stderr must
//! match. Invariant: `tests/differential/KNOWN_FAILURES` is exactly the set of
//! scripts that differ today — an unlisted difference fails the test, and so
//! does a listed script that now matches, so the list never goes stale.
//!
//! Environment knobs:
//! - `ADDER_TEST_FILTER=substr` runs only scripts whose relative path contains it;
//! - `ADDER_UPDATE_KNOWN_FAILURES=1` rewrites KNOWN_FAILURES with the current
//!   failing set (existing reasons kept, new entries "# not yet triaged");
//! - `ADDER_DIFF_JOBS=n` sets the worker count (default 3).
//!
//! Adder's run of each script ends with its leak check (`ADDER_LEAK_CHECK=1`:
//! the interpreter is torn down and the tracked objects still alive are
//! counted; the report line is removed before comparing): any survivor
//! fails the test, reported per script.
//!
//! Every script also runs again under Adder's GC stress mode
//! (`ADDER_GC_STRESS`, a collection every few tracked allocations), once
//! with each collector strategy: its output must be the same as without it
//! (issue 4: the collector never changes what a program does), whether or
//! not the script is listed.
//!
//! This harness runs processes and reads files, so it is exempt from the
//! host-boundary lint (see crates/adder-host/tests/boundary.rs).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const CPYTHON: &str = "/usr/bin/python3.11";
const TIMEOUT: Duration = Duration::from_secs(20);
/// Tracked allocations between collections in the stress pass.
const GC_STRESS: &str = "25";
/// Collector strategies the stress runs use.
const GC_STRATEGIES: [&str; 2] = ["generational", "incremental"];

/// What one interpreter did with one script.
#[derive(Clone, Debug)]
struct Outcome {
    stdout: String,
    stderr: String,
    /// Exit code, or `None` if killed by a signal / timed out.
    status: Option<i32>,
    timed_out: bool,
    signal: Option<i32>,
}

impl Outcome {
    /// Removes the leak check's report (the last stderr line) and returns
    /// the surviving objects and bytes; None if the run never got there
    /// (`os._exit`, a crash, a timeout).
    fn take_leak_report(&mut self) -> Option<(u64, u64)> {
        let trimmed = self.stderr.trim_end_matches('\n');
        let start = trimmed.rfind('\n').map_or(0, |i| i + 1);
        let line = &trimmed[start..];
        let rest = line.strip_prefix("adder leak check: ")?;
        let mut nums = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<u64>().unwrap_or(0));
        let (objects, bytes) = (nums.next()?, nums.next()?);
        self.stderr.truncate(start);
        Some((objects, bytes))
    }

    fn last_stderr_line(&self) -> &str {
        self.stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
    }

    fn describe_status(&self) -> String {
        if self.timed_out {
            format!("timed out after {}s", TIMEOUT.as_secs())
        } else if let Some(sig) = self.signal {
            format!("killed by signal {sig}")
        } else {
            format!("exit status {}", self.status.unwrap_or(-1))
        }
    }

    fn stderr_tail(&self, n: usize) -> String {
        let lines: Vec<&str> = self.stderr.lines().collect();
        let start = lines.len().saturating_sub(n);
        lines[start..]
            .iter()
            .map(|l| format!("    | {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus_dir() -> PathBuf {
    repo_root().join("tests/differential")
}

/// How a script is run.
#[derive(Clone, Copy)]
enum Mode<'a> {
    Oracle,
    /// Adder with its leak check (`ADDER_LEAK_CHECK=1`).
    Adder,
    /// Adder under GC stress: (strategy, collect every N allocations).
    Stress(&'a str, &'a str),
}

/// Runs `program script` in the script's folder with the oracle environment.
fn run(program: &Path, script: &Path, mode: Mode) -> Outcome {
    let dir = script.parent().unwrap_or(Path::new("."));
    let name = script.file_name().expect("script has a name");
    let mut cmd = Command::new(program);
    cmd.env_remove("ADDER_GC")
        .env_remove("ADDER_GC_STRESS")
        .env_remove("ADDER_LEAK_CHECK");
    match mode {
        Mode::Oracle => {}
        Mode::Adder => {
            cmd.env("ADDER_LEAK_CHECK", "1");
        }
        Mode::Stress(strategy, n) => {
            cmd.env("ADDER_GC", strategy).env("ADDER_GC_STRESS", n);
        }
    }
    let child = cmd
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("LC_ALL", "C.UTF-8")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONWARNINGS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                stdout: String::new(),
                stderr: format!("harness: could not start {}: {e}", program.display()),
                status: None,
                timed_out: false,
                signal: None,
            }
        }
    };
    // Drain both pipes on threads so a chatty child never blocks on a full pipe.
    let mut out_pipe = child.stdout.take().expect("piped");
    let mut err_pipe = child.stderr.take().expect("piped");
    let out_thread = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_thread = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > TIMEOUT => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let stdout = out_thread.join().unwrap_or_default();
    let stderr = err_thread.join().unwrap_or_default();
    use std::os::unix::process::ExitStatusExt;
    Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        status: if timed_out {
            None
        } else {
            status.and_then(|s| s.code())
        },
        timed_out,
        signal: status.and_then(|s| s.signal()),
    }
}

fn collect_scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_scripts(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// A script is a test unless it is a helper imported by tests: a file whose
/// name starts with `_`, anything inside a package (a folder holding an
/// `__init__.py`), or anything in a folder whose name starts with `_` or ends
/// in `_pkg`/`_helpers`.
fn is_test_script(rel: &str) -> bool {
    let corpus = corpus_dir();
    let mut dir = corpus.join(rel);
    while dir.pop() && dir.starts_with(&corpus) && dir != corpus {
        if dir.join("__init__.py").exists() {
            return false;
        }
    }
    let parts: Vec<&str> = rel.split('/').collect();
    let dirs = &parts[..parts.len() - 1];
    let name = parts[parts.len() - 1];
    if name.starts_with('_') {
        return false;
    }
    !dirs.iter().any(|d| {
        d.starts_with('_') || d.ends_with("_pkg") || d.ends_with("_helpers") || *d == "helpers"
    })
}

fn relative(path: &Path) -> String {
    path.strip_prefix(corpus_dir())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// KNOWN_FAILURES: `relative/path.py # reason` per line; `#` lines are comments.
fn read_known_failures(path: &Path) -> BTreeMap<String, String> {
    let mut known = BTreeMap::new();
    let Ok(text) = fs::read_to_string(path) else {
        return known;
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, reason) = match line.split_once('#') {
            Some((n, r)) => (n.trim(), r.trim()),
            None => (line, ""),
        };
        known.insert(name.to_string(), reason.to_string());
    }
    known
}

fn write_known_failures(path: &Path, failing: &BTreeMap<String, String>) {
    let mut text = String::from(
        "# Differential scripts (relative to tests/differential) that do not yet match\n\
         # CPython 3.11, one per line: `path.py # reason`. The differential test fails\n\
         # if an unlisted script differs or a listed one passes. Regenerate with\n\
         # ADDER_UPDATE_KNOWN_FAILURES=1 cargo test -p adder-cli --test differential\n",
    );
    for (name, reason) in failing {
        text.push_str(&format!("{name} # {reason}\n"));
    }
    fs::write(path, text).expect("write KNOWN_FAILURES");
}

/// Explains how two outcomes differ, or `None` if they match.
fn compare(adder: &Outcome, cpython: &Outcome) -> Option<String> {
    let mut report = Vec::new();
    if adder.stdout != cpython.stdout {
        let a: Vec<&str> = adder.stdout.lines().collect();
        let c: Vec<&str> = cpython.stdout.lines().collect();
        let first = a
            .iter()
            .zip(c.iter())
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(c.len()));
        report.push(format!(
            "  stdout differs at line {} (adder {} lines, cpython {} lines):\n    - cpython: {:?}\n    + adder:   {:?}",
            first + 1,
            a.len(),
            c.len(),
            c.get(first).copied().unwrap_or("<end of output>"),
            a.get(first).copied().unwrap_or("<end of output>"),
        ));
        if a.len() == c.len() && first == a.len() {
            report.push("    (difference is in trailing newline / line endings)".into());
        }
    }
    if adder.status != cpython.status || adder.timed_out || adder.signal.is_some() {
        report.push(format!(
            "  status: cpython {}, adder {}",
            cpython.describe_status(),
            adder.describe_status()
        ));
    }
    if adder.last_stderr_line() != cpython.last_stderr_line() {
        report.push(format!(
            "  last stderr line:\n    - cpython: {:?}\n    + adder:   {:?}",
            cpython.last_stderr_line(),
            adder.last_stderr_line()
        ));
    }
    if report.is_empty() {
        return None;
    }
    report.push(format!(
        "  cpython stderr tail:\n{}",
        cpython.stderr_tail(4)
    ));
    report.push(format!("  adder stderr tail:\n{}", adder.stderr_tail(4)));
    Some(report.join("\n"))
}

#[test]
fn differential() {
    let adder = PathBuf::from(env!("CARGO_BIN_EXE_adder"));
    assert!(
        adder.exists(),
        "the adder binary is missing at {} (build it with `cargo build -p adder-cli`)",
        adder.display()
    );
    assert!(
        Path::new(CPYTHON).exists(),
        "{CPYTHON} is missing: run scripts/setup.sh to install CPython 3.11"
    );
    let corpus = corpus_dir();
    let known_path = corpus.join("KNOWN_FAILURES");
    let known = read_known_failures(&known_path);
    let filter = option_env_var("ADDER_TEST_FILTER");
    let update = option_env_var("ADDER_UPDATE_KNOWN_FAILURES").is_some_and(|v| v != "0");

    let mut scripts = Vec::new();
    collect_scripts(&corpus, &mut scripts);
    let scripts: Vec<(String, PathBuf)> = scripts
        .into_iter()
        .map(|p| (relative(&p), p))
        .filter(|(rel, _)| is_test_script(rel))
        .filter(|(rel, _)| filter.as_ref().is_none_or(|f| rel.contains(f.as_str())))
        .collect();
    assert!(
        !scripts.is_empty() || filter.is_some(),
        "no scripts found under {}",
        corpus.display()
    );

    let jobs: usize = option_env_var("ADDER_DIFF_JOBS")
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
        .clamp(1, 16);
    let queue = Arc::new(Mutex::new(scripts.clone()));
    let results: Arc<Mutex<BTreeMap<String, Option<String>>>> = Arc::default();
    let stress_diffs: Arc<Mutex<Vec<String>>> = Arc::default();
    let leaks: Arc<Mutex<Vec<String>>> = Arc::default();
    let unchecked: Arc<Mutex<usize>> = Arc::default();
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let queue = Arc::clone(&queue);
            let results = Arc::clone(&results);
            let stress_diffs = Arc::clone(&stress_diffs);
            let leaks = Arc::clone(&leaks);
            let unchecked = Arc::clone(&unchecked);
            let adder = adder.clone();
            thread::spawn(move || loop {
                let Some((rel, path)) = queue.lock().unwrap().pop() else {
                    return;
                };
                let cpython = run(Path::new(CPYTHON), &path, Mode::Oracle);
                let mut ours = run(&adder, &path, Mode::Adder);
                match ours.take_leak_report() {
                    Some((0, _)) => {}
                    Some((objects, bytes)) => leaks.lock().unwrap().push(format!(
                        "{rel}: {objects} objects ({bytes} bytes) outlive the interpreter (ADDER_LEAK_CHECK=2 lists them)"
                    )),
                    None => *unchecked.lock().unwrap() += 1,
                }
                let diff = compare(&ours, &cpython);
                for strategy in GC_STRATEGIES {
                    let stressed = run(&adder, &path, Mode::Stress(strategy, GC_STRESS));
                    if let Some(d) = compare(&stressed, &ours) {
                        stress_diffs.lock().unwrap().push(format!(
                            "{rel}: output changes under ADDER_GC={strategy} ADDER_GC_STRESS={GC_STRESS}\n{}",
                            d.replace("cpython", "normal")
                        ));
                    }
                }
                results.lock().unwrap().insert(rel, diff);
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread");
    }
    let results = Arc::try_unwrap(results).unwrap().into_inner().unwrap();

    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let mut problems = Arc::try_unwrap(stress_diffs).unwrap().into_inner().unwrap();
    let stress_failed = problems.len();
    let leaked = Arc::try_unwrap(leaks).unwrap().into_inner().unwrap();
    let leak_failed = leaked.len();
    let unchecked = *unchecked.lock().unwrap();
    problems.extend(leaked);
    let mut now_failing = BTreeMap::new();
    for (rel, diff) in &results {
        match (diff, known.get(rel)) {
            (None, None) => passed += 1,
            (None, Some(_)) => {
                failed += 1;
                problems.push(format!(
                    "{rel}: now matches CPython — remove it from tests/differential/KNOWN_FAILURES"
                ));
            }
            (Some(_), Some(reason)) => {
                skipped += 1;
                now_failing.insert(rel.clone(), reason.clone());
            }
            (Some(diff), None) => {
                failed += 1;
                problems.push(format!("{rel}: differs from CPython 3.11\n{diff}"));
                now_failing.insert(rel.clone(), "not yet triaged".to_string());
            }
        }
    }

    if update {
        // Keep entries for scripts that this (possibly filtered) run did not see.
        let mut updated: BTreeMap<String, String> = known
            .iter()
            .filter(|(k, _)| !results.contains_key(*k) && corpus.join(k).exists())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        updated.extend(now_failing);
        write_known_failures(&known_path, &updated);
        println!(
            "differential: rewrote {} ({} entries)",
            known_path.display(),
            updated.len()
        );
    }

    for p in &problems {
        println!("{p}\n");
    }
    // Written past libtest's output capture so the summary is always visible.
    let summary = format!(
        "differential: {passed} passed, {failed} failed, {skipped} skipped; \
         {stress_failed} changed under GC stress; leak check: {leak_failed} leaked, \
         {unchecked} not checked (exited early)\n"
    );
    let _ = std::io::Write::write_all(&mut std::io::stdout(), summary.as_bytes());
    if !update {
        assert!(
            problems.is_empty(),
            "{failed} differential script(s) failed, {stress_failed} changed under GC stress, \
             {leak_failed} leaked; see above \
             (ADDER_UPDATE_KNOWN_FAILURES=1 records the current failures)"
        );
    }
}

fn option_env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}
