#!/usr/bin/env bash
# CI smoke run of the fuzz targets: builds every cargo-fuzz target (ASan) and runs
# each for a few seconds from the committed seeds. Skips, saying why, when the
# machine lacks a nightly toolchain. Installs cargo-fuzz when missing.
#
# Measured on the 2-core dev machine: cargo-fuzz install 2m30s (once), fuzz build
# 3m20s from clean, then about 6 s per target (15 targets): under 8 minutes in all.
# IDENTITAS_FUZZ_SECONDS changes the per-target time (default 5).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "SKIPPED: fuzzing needs a nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz (cargo install cargo-fuzz --locked)"
  start=$(date +%s)
  if ! cargo install cargo-fuzz --locked --quiet; then
    echo "SKIPPED: could not install cargo-fuzz (offline?)"
    exit 0
  fi
  echo "cargo-fuzz installed in $(($(date +%s) - start))s"
fi
exec tools/fuzz.sh "${IDENTITAS_FUZZ_SECONDS:-5}"
