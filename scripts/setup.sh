#!/usr/bin/env bash
# Idempotent machine setup: CPython 3.11 (the differential oracle), its pure-
# Python standard library (used by Adder at run time) and its test suite (the
# compatibility ladder), plus a check that the Rust toolchain is present.
set -euo pipefail

need_python=0
for f in /usr/bin/python3.11 /usr/lib/python3.11/os.py /usr/lib/python3.11/test/test_grammar.py; do
    if [ ! -e "$f" ]; then
        need_python=1
    fi
done

if [ "$need_python" = 1 ]; then
    echo "setup: installing python3.11, its stdlib and test suite"
    SUDO=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q python3.11 libpython3.11-stdlib libpython3.11-testsuite
fi

if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: cargo not found; install the Rust toolchain (rustup) first" >&2
    exit 1
fi

echo "setup: ok ($(/usr/bin/python3.11 --version), $(cargo --version))"
