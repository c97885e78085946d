#!/usr/bin/env bash
# The one test command: setup, the whole workspace's tests (unit tests, the
# host-boundary check, the differential oracle and the crash smoke test, all
# against the debug `adder` binary), then clippy and rustfmt. Exits non-zero
# on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# Two cores: keep the build from starving the test runners.
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

echo "== cargo test --workspace"
cargo test --workspace

# The fast subset of CPython's own test suite (tests/cpython/manifest.toml,
# modules marked fast = true) against the debug binary just built, after the
# runner's own unit tests.
echo "== CPython test-suite ladder (fast subset)"
/usr/bin/python3.11 tests/cpython/test_run.py
/usr/bin/python3.11 tests/cpython/run.py --fast

echo "== cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

echo "== cargo fmt --check"
cargo fmt --all --check

echo "test.sh: all checks passed"
