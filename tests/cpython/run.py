#!/usr/bin/python3.11
"""The CPython test-suite ladder: runs CPython 3.11.2's own test modules (from
Debian's libpython3.11-testsuite in /usr/lib/python3.11/test, never copied,
never edited) under Adder and compares the per-test outcomes with
tests/cpython/manifest.toml.

Invariant: the manifest is the single list of what is expected not to pass.
Every test it does not list must pass or be skipped by CPython's own skip
logic; every test it lists must still fail (a listed test that passes, is
skipped, or no longer exists is reported and fails the run, so the list never
goes stale). `--update` rewrites the lists from the current results, keeping
the reasons already given and marking new entries `TODO: triage`.

Run it with CPython (`/usr/bin/python3.11 tests/cpython/run.py --help`);
tests/cpython/README.md documents the commands and the manifest format.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
MANIFEST = os.path.join(HERE, "manifest.toml")
DRIVER = os.path.join(HERE, "driver.py")
CPYTHON = "/usr/bin/python3.11"
TESTSUITE = "/usr/lib/python3.11/test"
PACKAGES = ("libpython3.11-testsuite", "libpython3.11-stdlib")
TODO = "TODO: triage"
DEFAULT_TIMEOUT = 300
MAX_SHOWN = 40  # regressions printed per module without -v

# Per-test outcomes. The driver reports the first six; the runner derives
# the last three when the interpreter dies or hangs mid-module.
PASSING = {"ok", "xfail"}
SKIPPED = {"skip", "mskip"}  # mskip: not started, per the manifest's skip table
FAILING = {"fail", "error", "xpass", "crash", "timeout", "notrun"}
# When one test gets several events (a failing subtest and then success,
# a skipped subtest, an error in a cleanup), the first kind listed here wins.
PRIORITY = ["crash", "timeout", "error", "fail", "xpass", "ok", "xfail", "skip", "mskip",
            "notrun"]

MODULE_KEYS = {"run", "reason", "fast", "timeout", "resources", "note",
               "module_error", "expected_failures", "skip"}


class ManifestError(Exception):
    pass


# ---------------------------------------------------------------- manifest

@dataclass
class ModuleEntry:
    name: str
    run: bool = True
    reason: str = ""          # why run = false
    fast: bool = False        # part of the subset scripts/test.sh runs
    timeout: int | None = None
    resources: list | None = None   # regrtest -u resources to enable
    note: str = ""
    module_error: str = ""    # expected: the module fails as a whole
    expected_failures: dict = field(default_factory=dict)  # relative id -> reason
    skip: dict = field(default_factory=dict)  # relative id -> reason: never started


@dataclass
class Manifest:
    version: str
    debian_version: str
    timeout: int
    resources: list
    modules: dict  # name -> ModuleEntry, in file order


def parse_manifest(text):
    """Parses and validates the manifest; raises ManifestError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ManifestError(f"manifest is not valid TOML: {e}") from None
    cp = data.pop("cpython", None)
    if not isinstance(cp, dict) or not isinstance(cp.get("version"), str):
        raise ManifestError('manifest needs [cpython] version = "3.11.x"')
    defaults = data.pop("defaults", {})
    timeout = defaults.get("timeout", DEFAULT_TIMEOUT)
    resources = defaults.get("resources", [])
    modules = {}
    for name, table in data.items():
        if not name.startswith("test_") or not isinstance(table, dict):
            raise ManifestError(f"[{name}]: tables must be named after test modules (test_*)")
        unknown = set(table) - MODULE_KEYS
        if unknown:
            raise ManifestError(f"[{name}]: unknown keys {sorted(unknown)}")
        entry = ModuleEntry(name)
        for key in ("run", "fast"):
            if key in table:
                if not isinstance(table[key], bool):
                    raise ManifestError(f"[{name}] {key} must be true or false")
                setattr(entry, key, table[key])
        for key in ("reason", "note", "module_error"):
            if key in table:
                if not isinstance(table[key], str) or not table[key].strip():
                    raise ManifestError(f"[{name}] {key} must be a non-empty string")
                setattr(entry, key, table[key])
        if "timeout" in table:
            if not isinstance(table["timeout"], int) or table["timeout"] <= 0:
                raise ManifestError(f"[{name}] timeout must be a positive integer (seconds)")
            entry.timeout = table["timeout"]
        if "resources" in table:
            res = table["resources"]
            if not isinstance(res, list) or not all(isinstance(r, str) for r in res):
                raise ManifestError(f"[{name}] resources must be a list of strings")
            entry.resources = res
        for key in ("expected_failures", "skip"):
            tbl = table.get(key, {})
            if not isinstance(tbl, dict):
                raise ManifestError(f"[{name}] {key} must be a table")
            for test, why in tbl.items():
                if not isinstance(why, str) or not why.strip():
                    raise ManifestError(f"[{name}.{key}] {test!r} needs a reason")
            setattr(entry, key, dict(tbl))
        both = set(entry.skip) & set(entry.expected_failures)
        if both:
            raise ManifestError(f"[{name}] {sorted(both)[0]!r} is both skipped and an "
                                "expected failure")
        if not entry.run and not entry.reason:
            raise ManifestError(f"[{name}] run = false needs a reason")
        if not entry.run and entry.fast:
            raise ManifestError(f"[{name}] cannot be fast and run = false")
        modules[name] = entry
    return Manifest(cp["version"], cp.get("debian_version", ""), timeout, resources, modules)


def toml_str(s):
    """A TOML basic string."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


HEADER = """\
# The CPython test-suite ladder: which of CPython's own test modules run under
# Adder, and which of their tests are expected to fail, each with a reason.
# Read by tests/cpython/run.py (see tests/cpython/README.md). Reasons are
# edited by hand; the lists are rewritten by `run.py --update`, which keeps
# existing reasons and marks new entries "TODO: triage". Comments other than
# this header are not preserved: use the `note` field.
#
# Per module: run (default true), reason (required when run = false),
# fast (in the subset scripts/test.sh runs), timeout (seconds), resources
# (regrtest -u resources to enable), note, module_error (the module is
# expected to fail as a whole: import error, crash or timeout before its
# tests ran), [<module>.expected_failures]: test id (relative to the module,
# e.g. "IntTestCases.test_basic") = reason, and [<module>.skip]: test id =
# reason, for the few tests that must not even start: they crash or hang the
# interpreter (which would lose the rest of the module) or their outcome
# is not deterministic.
"""


def dump_manifest(m):
    lines = [HEADER, "[cpython]", f"version = {toml_str(m.version)}"]
    if m.debian_version:
        lines.append(f"debian_version = {toml_str(m.debian_version)}")
    lines += ["", "[defaults]", f"timeout = {m.timeout}",
              "resources = [" + ", ".join(toml_str(r) for r in m.resources) + "]"]
    for e in m.modules.values():
        lines += ["", f"[{e.name}]"]
        lines.append(f"run = {'true' if e.run else 'false'}")
        if e.reason:
            lines.append(f"reason = {toml_str(e.reason)}")
        lines.append(f"fast = {'true' if e.fast else 'false'}")
        if e.timeout is not None:
            lines.append(f"timeout = {e.timeout}")
        if e.resources is not None:
            lines.append("resources = [" + ", ".join(toml_str(r) for r in e.resources) + "]")
        if e.note:
            lines.append(f"note = {toml_str(e.note)}")
        if e.module_error:
            lines.append(f"module_error = {toml_str(e.module_error)}")
        for key in ("skip", "expected_failures"):
            tbl = getattr(e, key)
            if tbl:
                lines += ["", f"[{e.name}.{key}]"]
                for test in sorted(tbl):
                    lines.append(f"{toml_str(test)} = {toml_str(tbl[test])}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------- version check

def check_versions(manifest, run_cmd=None):
    """Returns (errors, warnings): the installed CPython, its stdlib and its
    test suite must be the version the manifest pins."""
    run_cmd = run_cmd or (lambda argv: subprocess.run(
        argv, capture_output=True, text=True, timeout=60))
    errors, warnings = [], []
    want = manifest.version
    if not os.path.isdir(TESTSUITE):
        errors.append(f"{TESTSUITE} is missing: install libpython3.11-testsuite "
                      "(bash scripts/setup.sh)")
    try:
        r = run_cmd([CPYTHON, "-c", "import sys; print(sys.version.split()[0])"])
        have = r.stdout.strip()
        if have != want:
            errors.append(f"{CPYTHON} is CPython {have or '?'}, the manifest pins {want}")
    except (OSError, subprocess.SubprocessError) as e:
        errors.append(f"cannot run {CPYTHON}: {e}")
    if shutil.which("dpkg-query") is None:
        warnings.append("dpkg-query not found: cannot check the test suite's package version")
        return errors, warnings
    for pkg in PACKAGES:
        try:
            r = run_cmd(["dpkg-query", "-W", "-f", "${Version}", pkg])
        except (OSError, subprocess.SubprocessError) as e:
            errors.append(f"dpkg-query {pkg}: {e}")
            continue
        version = r.stdout.strip()
        if r.returncode != 0 or not version:
            errors.append(f"package {pkg} is not installed (bash scripts/setup.sh)")
        elif version.split("-")[0] != want:
            errors.append(f"package {pkg} is {version}, the manifest pins CPython {want}")
        elif manifest.debian_version and version != manifest.debian_version:
            warnings.append(f"package {pkg} is {version}; the manifest was made "
                            f"with {manifest.debian_version}")
    return errors, warnings


# ---------------------------------------------------------- results

@dataclass
class ModuleResult:
    name: str
    status: str = "ran"       # ran | module-error | module-skip | not-run
    reason: str = ""          # for module-error / module-skip / not-run
    tests: dict = field(default_factory=dict)  # relative id -> (outcome, reason)
    planned: bool = False     # the driver listed the suite
    duration: float = 0.0
    warnings: list = field(default_factory=list)
    unmatched: list = field(default_factory=list)  # manifest skips the suite lacks
    log: str = ""


def relative_id(module, test_id):
    prefix = f"test.{module}."
    return test_id[len(prefix):] if test_id.startswith(prefix) else test_id


def describe_exit(returncode, timed_out, timeout):
    if timed_out:
        return f"timed out after {timeout}s"
    if returncode is None:
        return "did not exit"
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit status {returncode}"


def parse_results(module, lines, returncode, timed_out, timeout, stderr_tail=""):
    """Turns the driver's result lines and the way the process ended into a
    ModuleResult (everything but duration and log)."""
    res = ModuleResult(module)
    events = {}     # relative id -> list of (outcome, reason)
    order = []
    started, stopped = [], set()
    done = False
    exit_desc = describe_exit(returncode, timed_out, timeout)

    def note(tid, outcome, reason):
        if tid not in events:
            events[tid] = []
            order.append(tid)
        events[tid].append((outcome, reason))

    for raw in lines:
        parts = raw.rstrip("\n").split("\t")
        kind = parts[0]
        arg = parts[1] if len(parts) > 1 else ""
        reason = parts[2] if len(parts) > 2 else ""
        if kind == "done":
            done = True
        elif kind == "info":
            if arg == "test-package" and not reason.startswith(TESTSUITE + "/"):
                res.warnings.append(f"the test package came from {reason}, not {TESTSUITE}")
        elif kind == "module-error":
            if res.planned:  # test_main() raised after its suite ran
                res.warnings.append(f"after the tests: {reason}")
            else:
                res.status, res.reason = "module-error", reason
        elif kind == "module-skip":
            res.status, res.reason = "module-skip", reason
        elif kind == "plan":
            res.planned = True
            tid = relative_id(module, arg)
            if tid not in events:
                events[tid] = []
                order.append(tid)
        elif kind == "start":
            started.append(relative_id(module, arg))
        elif kind == "stop":
            stopped.add(relative_id(module, arg))
        elif kind == "mskip":
            note(relative_id(module, arg), "mskip", "")
        elif kind == "unmatched":
            res.unmatched.append(relative_id(module, arg))
        elif kind in PASSING or kind in SKIPPED or kind in FAILING:
            note(relative_id(module, arg), kind, reason)
        # unknown lines (a newer driver) are ignored

    if res.status in ("module-error", "module-skip") and not res.planned:
        if res.status == "module-error" and not res.reason:
            res.reason = exit_desc
        return res

    if not res.planned and not done:
        res.status = "module-error"
        last = stderr_tail.strip().splitlines()[-1:] if stderr_tail.strip() else []
        detail = last[0] if last else "no output"
        res.reason = f"{exit_desc} before any test ran: {detail}"
        return res

    culprit = None
    for tid in started:
        if tid not in stopped:
            culprit = tid
    if culprit is not None and not done:
        outcome = "timeout" if timed_out else "crash"
        note(culprit, outcome, exit_desc)
    for tid in order:
        evs = events[tid]
        if not evs:
            if done:
                res.tests[tid] = ("notrun", "listed in the suite but never run")
            else:
                where = f" in {culprit}" if culprit else ""
                res.tests[tid] = ("notrun", f"the run ended early ({exit_desc}){where}")
            continue
        best = min(evs, key=lambda ev: PRIORITY.index(ev[0]))
        res.tests[tid] = best
    if done and (timed_out or (returncode or 0) != 0):
        res.warnings.append(f"the suite finished but the interpreter then {exit_desc}")
    return res


@dataclass
class Comparison:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    expected: int = 0          # failures the manifest lists
    mskipped: int = 0          # tests the manifest says not to start
    regressions: list = field(default_factory=list)   # (id, outcome, reason)
    unexpected: list = field(default_factory=list)    # (id, outcome, manifest reason)
    stale: list = field(default_factory=list)         # (id, manifest reason)
    module_error: str = ""     # "", "expected", "unexpected", "fixed"
    untriaged: int = 0

    @property
    def ok(self):
        return (not self.regressions and not self.unexpected and not self.stale
                and self.module_error in ("", "expected"))


def compare(entry, res, ignore_expected=False):
    """Compares one module's results with its manifest entry."""
    c = Comparison()
    xf = {} if ignore_expected else entry.expected_failures
    module_error = "" if ignore_expected else entry.module_error
    c.untriaged = sum(1 for why in xf.values() if why.startswith(TODO))
    if module_error.startswith(TODO):
        c.untriaged += 1
    if res.status == "not-run":
        return c
    if res.status == "module-error":
        c.failed += 1
        c.module_error = "expected" if module_error else "unexpected"
        return c
    if module_error:
        c.module_error = "fixed"
    for tid, (outcome, reason) in res.tests.items():
        listed = tid in xf
        if outcome in FAILING:
            c.failed += 1
            if listed:
                c.expected += 1
            else:
                c.regressions.append((tid, outcome, reason))
        else:
            if outcome in SKIPPED:
                c.skipped += 1
                c.mskipped += outcome == "mskip"
            else:
                c.passed += 1
            if listed:
                c.unexpected.append((tid, outcome, xf[tid]))
    if res.status == "ran" and res.planned:
        for tid, why in xf.items():
            if tid not in res.tests:
                c.stale.append((tid, why))
    elif res.status == "module-skip":
        c.skipped += 1
    for tid in res.unmatched:
        c.stale.append((tid, entry.skip.get(tid, "skip")))
    return c


def update_entry(entry, res):
    """Rewrites the entry's expectations from the results (for --update)."""
    old = entry.expected_failures
    if res.status == "not-run":
        return
    if res.status == "module-error":
        if not entry.module_error:
            entry.module_error = f"{TODO}: {res.reason}"
        return
    entry.module_error = ""
    if res.status == "module-skip":
        return  # nothing ran: keep the lists as they are
    for tid in res.unmatched:
        entry.skip.pop(tid, None)
    new = {}
    for tid, (outcome, reason) in res.tests.items():
        if outcome in FAILING:
            if tid in old:
                new[tid] = old[tid]
            else:
                detail = f"{outcome}: {reason}" if reason else outcome
                new[tid] = f"{TODO}: {detail}"
    entry.expected_failures = new


# ---------------------------------------------------------- running

def default_adder():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    return os.path.join(target, "debug", "adder")


def default_log_dir():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    return os.path.join(target, "cpython-ladder")


RUNNING = set()  # processes started and not yet reaped (for Ctrl-C)
RUNNING_LOCK = threading.Lock()


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def full_id(module, tid):
    """The unittest id of a manifest id (the inverse of relative_id)."""
    return tid if " " in tid or tid.startswith("test.") else f"test.{module}.{tid}"


def run_module(adder, entry, manifest, log_dir, timeout_scale, skip=True):
    """Runs one test module in a fresh working directory under a time limit."""
    timeout = max(1, int((entry.timeout or manifest.timeout) * timeout_scale))
    resources = entry.resources if entry.resources is not None else manifest.resources
    work = tempfile.mkdtemp(prefix=f"adder-ladder-{entry.name}-")
    result_file = os.path.join(work, "results.txt")
    cwd = os.path.join(work, "cwd")
    tmp = os.path.join(work, "tmp")
    os.mkdir(cwd)
    os.mkdir(tmp)
    log_path = os.path.join(log_dir, f"{entry.name}.log")
    env = dict(os.environ)
    env["TMPDIR"] = tmp
    argv = [adder, DRIVER, result_file, f"test.{entry.name}", "--use=" + ",".join(resources)]
    if skip and entry.skip:
        skip_file = os.path.join(work, "skip.txt")
        with open(skip_file, "w", encoding="utf-8") as f:
            f.write("".join(full_id(entry.name, t) + "\n" for t in sorted(entry.skip)))
        argv.append("--skip-file=" + skip_file)
    start = time.monotonic()
    timed_out = False
    try:
        with open(log_path, "w", encoding="utf-8", errors="replace") as log:
            log.write("$ " + " ".join(argv) + f"\n(cwd {cwd}, timeout {timeout}s)\n")
            log.flush()
            header_len = log.tell()
            proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)
            with RUNNING_LOCK:
                RUNNING.add(proc)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                kill_group(proc)
                proc.wait()
            kill_group(proc)  # leftovers the tests started
            with RUNNING_LOCK:
                RUNNING.discard(proc)
        returncode = proc.returncode
        try:
            with open(result_file, encoding="utf-8", errors="replace") as f:
                lines = f.readlines()
        except FileNotFoundError:
            lines = []
        with open(log_path, "rb") as f:
            f.seek(header_len)
            tail = f.read()[-4000:].decode("utf-8", "replace")
        res = parse_results(entry.name, lines, returncode, timed_out, timeout, tail)
    except OSError as e:
        res = ModuleResult(entry.name, status="module-error",
                           reason=f"runner could not run {adder}: {e}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    res.duration = time.monotonic() - start
    res.log = log_path
    return res


def probe_unittest(adder):
    """Why nothing can run yet: the last line of `adder -c 'import unittest'`."""
    try:
        r = subprocess.run([adder, "-c", "import unittest; print('unittest imports')"],
                           capture_output=True, text=True, timeout=60,
                           stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as e:
        return f"cannot run {adder}: {e}"
    if r.returncode == 0 and r.stdout.strip() == "unittest imports":
        return "`import unittest` works"
    if r.returncode == 0:
        return f"`import unittest` printed {r.stdout.strip()[:80]!r}: is {adder} a real build?"
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    return "`import unittest` fails: " + (lines[-1] if lines else f"exit status {r.returncode}")


# ---------------------------------------------------------- reporting

def plural(n, word):
    if n == 1:
        return f"{n} {word}"
    if word.endswith("y"):
        return f"{n} {word[:-1]}ies"
    return f"{n} {word}es" if word.endswith("s") else f"{n} {word}s"


def format_module(entry, res, c, verbose=False):
    """The lines printed for one module."""
    name = entry.name
    if res.status == "not-run":
        return [f"{name:28} skipped (run = false: {entry.reason})"]
    if res.status == "module-skip":
        return [f"{name:28} skipped (SkipTest: {res.reason})  [{res.duration:.1f}s]"]
    if res.status == "module-error":
        tag = {"expected": "module error (expected)", "unexpected": "MODULE ERROR"}[c.module_error]
        out = [f"{name:28} {tag}: {res.reason}  [{res.duration:.1f}s]"]
        if c.module_error == "unexpected":
            out.append(f"    log: {res.log}")
        return out
    status = "ok" if c.ok else "FAIL"
    counts = f"{c.passed} passed, {c.failed} failed"
    if c.expected:
        counts += f" ({c.expected} expected)"
    counts += f", {c.skipped} skipped"
    if c.mskipped:
        counts += f" ({c.mskipped} per the manifest)"
    out = [f"{name:28} {status:5} {counts}  [{res.duration:.1f}s]"]
    if c.module_error == "fixed":
        out.append(f"    FIXED MODULE ERROR (manifest: {entry.module_error})")
    notrun = [r for r in c.regressions if r[1] == "notrun"]
    shown = [r for r in c.regressions if r[1] != "notrun"]
    limit = None if verbose else MAX_SHOWN
    for tid, outcome, reason in shown[:limit]:
        out.append(f"    REGRESSION {tid}: {outcome}: {reason}")
    if limit is not None and len(shown) > limit:
        out.append(f"    ... and {len(shown) - limit} more regressions (-v lists them all)")
    if notrun:
        out.append(f"    REGRESSION {plural(len(notrun), 'test')} not run: {notrun[0][2]}")
    for tid, outcome, why in c.unexpected:
        kind = "SKIP" if outcome in SKIPPED else "PASS"
        out.append(f"    UNEXPECTED {kind} {tid} (manifest: {why})")
    for tid, why in c.stale:
        out.append(f"    STALE ENTRY {tid}: no such test (manifest: {why})")
    for w in res.warnings:
        out.append(f"    warning: {w}")
    if c.untriaged:
        out.append(f"    {plural(c.untriaged, 'manifest entry')} still '{TODO}'")
    if verbose:
        for tid, (outcome, reason) in res.tests.items():
            if outcome in FAILING and tid in entry.expected_failures:
                out.append(f"    expected {tid}: {outcome}: {reason}")
    if not c.ok:
        out.append(f"    log: {res.log}")
    return out


def print_top_reasons(selected, results, n):
    """The most common failure messages across the run (for triage)."""
    counts = {}
    for e in selected:
        res = results[e.name][0]
        found = []
        if res.status == "module-error":
            found.append(("module error", res.reason))
        for outcome, reason in res.tests.values():
            if outcome in FAILING and outcome != "notrun":
                found.append((outcome, reason))
        for key in found:
            mods = counts.setdefault(key, {})
            mods[e.name] = mods.get(e.name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    print()
    print(f"most common failures (top {n}):" if ranked else "no failures")
    for (outcome, reason), mods in ranked[:n]:
        where = ", ".join(sorted(mods))
        if len(where) > 100:
            where = where[:97] + "..."
        print(f"  {sum(mods.values()):5}  {outcome}: {reason}")
        print(f"         in {where}")


def select_modules(manifest, args):
    names = list(args.module or []) + list(args.modules or [])
    if names:
        selected = []
        for n in names:
            n = n.removeprefix("test.")
            if n not in manifest.modules:
                if not os.path.exists(os.path.join(TESTSUITE, n + ".py")) and \
                        not os.path.isdir(os.path.join(TESTSUITE, n)):
                    raise ManifestError(f"no test module {n} in {TESTSUITE}")
                manifest.modules[n] = ModuleEntry(n)
            selected.append(manifest.modules[n])
        return selected
    if args.fast:
        return [e for e in manifest.modules.values() if e.fast]
    return list(manifest.modules.values())


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run CPython 3.11's test modules under Adder and compare "
                    "with tests/cpython/manifest.toml.")
    add = ap.add_argument
    add("modules", nargs="*", metavar="MODULE",
        help="test modules to run (default: the whole ladder)")
    add("--module", action="append", help="a test module to run (repeatable)")
    add("--fast", action="store_true", help="only the modules marked fast = true")
    add("--adder", default=None,
        help="interpreter to test (default: debug/adder under $CARGO_TARGET_DIR or target/)")
    add("-j", "--jobs", type=int, default=2, help="modules run in parallel (default 2)")
    add("--update", action="store_true",
        help="rewrite the manifest's expected failures from this run")
    add("--ignore-expected", action="store_true",
        help="expect every test to pass (self-test with --adder /usr/bin/python3.11)")
    add("--run-skipped", action="store_true",
        help="also start the tests the manifest's skip tables keep out")
    add("--timeout-scale", type=float, default=1.0, help="multiply every module's time limit")
    add("--logs", default=None,
        help="folder for per-module logs (default: <target>/cpython-ladder)")
    add("--manifest", default=MANIFEST, help=argparse.SUPPRESS)
    add("--top", type=int, default=0, metavar="N",
        help="finally list the N most common failure messages")
    add("-v", "--verbose", action="store_true", help="also list the expected failures seen")
    args = ap.parse_args(argv)
    if args.update and args.ignore_expected:
        ap.error("--update and --ignore-expected do not mix")

    try:
        with open(args.manifest, encoding="utf-8") as f:
            manifest = parse_manifest(f.read())
        errors, warnings = check_versions(manifest)
        for w in warnings:
            print(f"warning: {w}")
        if errors:
            print("run.py: refusing to run: the installed CPython test suite is not the "
                  "version the manifest pins:", file=sys.stderr)
            for e in errors:
                print(f"  - {e}", file=sys.stderr)
            return 2
        selected = select_modules(manifest, args)
    except ManifestError as e:
        print(f"run.py: {args.manifest}: {e}", file=sys.stderr)
        return 2

    adder = os.path.abspath(args.adder or default_adder())
    label = "fast subset" if args.fast else "ladder"
    if not any(e.run for e in selected):
        print(f"{label}: 0 modules to run", end="")
        if args.fast:
            print(" (none is marked fast = true in tests/cpython/manifest.toml)")
        else:
            print()
        if os.path.exists(adder):
            print(f"probe: {probe_unittest(adder)}")
        for e in selected:
            print(f"{e.name:28} skipped (run = false: {e.reason})")
        print(f"0 passed, 0 failed, {len(selected)} skipped")
        return 0
    if not os.path.exists(adder):
        print(f"run.py: {adder} does not exist: build it first "
              "(cargo build -p adder-cli) or pass --adder", file=sys.stderr)
        return 2

    log_dir = os.path.abspath(args.logs or default_log_dir())
    os.makedirs(log_dir, exist_ok=True)
    print(f"{label}: {plural(len(selected), 'module')} under {adder}, -j {args.jobs}; "
          f"CPython {manifest.version} tests from {TESTSUITE}; logs in {log_dir}")

    lock = threading.Lock()
    results = {}

    def one(entry):
        if not entry.run:
            res = ModuleResult(entry.name, status="not-run", reason=entry.reason)
        else:
            res = run_module(adder, entry, manifest, log_dir, args.timeout_scale,
                             skip=not (args.run_skipped or args.ignore_expected))
        c = compare(entry, res, args.ignore_expected)
        with lock:
            results[entry.name] = (res, c)
            for line in format_module(entry, res, c, args.verbose):
                print(line, flush=True)

    started = time.monotonic()
    pool = ThreadPoolExecutor(max_workers=max(1, args.jobs))
    try:
        for fut in [pool.submit(one, e) for e in selected]:
            fut.result()
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        with RUNNING_LOCK:
            for proc in RUNNING:
                kill_group(proc)
        print("interrupted", file=sys.stderr)
        os._exit(130)
    pool.shutdown()
    elapsed = time.monotonic() - started

    total = Comparison()
    bad_modules = []
    mod_counts = {"ran": 0, "module-error": 0, "module-skip": 0, "not-run": 0}
    module_errors = {"expected": 0, "unexpected": 0}
    for e in selected:
        res, c = results[e.name]
        mod_counts[res.status] += 1
        total.passed += c.passed
        total.failed += c.failed
        total.skipped += c.skipped + (1 if res.status == "not-run" else 0)
        total.expected += c.expected
        total.mskipped += c.mskipped
        total.untriaged += c.untriaged
        total.regressions += c.regressions
        total.unexpected += c.unexpected
        total.stale += c.stale
        if c.module_error in ("expected", "unexpected"):
            module_errors[c.module_error] += 1
        if not c.ok:
            bad_modules.append(e.name)

    if args.top:
        print_top_reasons(selected, results, args.top)

    if args.update:
        for e in selected:
            update_entry(e, results[e.name][0])
        with open(args.manifest, "w", encoding="utf-8") as f:
            f.write(dump_manifest(manifest))
        print(f"updated {args.manifest}")

    print()
    print(f"modules: {len(selected)} selected, {mod_counts['ran']} ran, "
          f"{mod_counts['module-error']} failed as a whole (counted as 1 failed test each), "
          f"{mod_counts['module-skip']} skipped themselves, "
          f"{mod_counts['not-run']} not run (run = false); {elapsed:.0f}s")
    extras = [plural(total.expected, "expected failure")]
    if module_errors["expected"]:
        extras.append(plural(module_errors["expected"], "expected module error"))
    if module_errors["unexpected"]:
        extras.append(plural(module_errors["unexpected"], "unexpected module error"))
    if total.mskipped:
        extras.append(f"{total.mskipped} of the skipped not started per the manifest")
    if total.regressions:
        extras.append(plural(len(total.regressions), "regression"))
    if total.unexpected:
        extras.append(plural(len(total.unexpected), "unexpected pass"))
    if total.stale:
        extras.append(plural(len(total.stale), "stale entry"))
    if total.untriaged:
        extras.append(f"{total.untriaged} untriaged ('{TODO}')")
    if bad_modules and not args.update:
        print(f"not as the manifest expects: {', '.join(bad_modules)}")
    print(f"{total.passed} passed, {total.failed} failed, {total.skipped} skipped "
          f"({', '.join(extras)})")
    if bad_modules and not args.update:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
