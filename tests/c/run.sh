#!/usr/bin/env bash
# Builds the C tests against target/release/libidentitas.a with ASan + UBSan and
# runs them; checks that every function in the header is exercised by a test.
# Expects `cargo build --release --lib` to have run (tools/test.d/c.sh does it).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/c-tests
mkdir -p "$out"
lib=target/release/libidentitas.a
[ -f "$lib" ] || { echo "missing $lib: run cargo build --release --lib" >&2; exit 1; }

# Drift: every exported function is called somewhere in tests/c.
missing=0
for fn in $(grep -oE '\bidentitas_[a-z0-9_]+\(' include/identitas.h | tr -d '(' | sort -u); do
  if ! grep -q "\b$fn\b" tests/c/*.c; then echo "not tested in C: $fn" >&2; missing=1; fi
done
[ "$missing" = 0 ] || exit 1

san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
for src in tests/c/*.c; do
  name=$(basename "$src" .c)
  cc -std=c99 -Wall -Wextra -Werror -pedantic -g $san -Iinclude "$src" "$lib" \
     -lpthread -ldl -lm -o "$out/$name"
  echo "== $name"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$out/$name"
done
