#!/usr/bin/env bash
# Runs every cargo-fuzz target of identitas for a bounded time.
#
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# Each target starts from its committed seeds (fuzz/seeds/<target>, synthetic values)
# and the git-ignored working corpus fuzz/corpus/<target>, which keeps what earlier runs
# found. A crash stops the run with the reproducer saved under fuzz/artifacts/<target>/;
# replay it with `cargo +nightly fuzz run <target> <file>`.
# IDENTITAS_FUZZ_SANITIZER=none|address (default address) picks the sanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-60}"
shift || true
sanitizer="${IDENTITAS_FUZZ_SANITIZER:-address}"

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

build_start=$(date +%s)
cargo +nightly fuzz build -s "$sanitizer"
echo "fuzz build: $(($(date +%s) - build_start))s"
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  seeds="fuzz/seeds/$t"
  [ -d "$seeds" ] || seeds=""
  printf '\n== fuzz %s (%ss)\n' "$t" "$secs"
  start=$(date +%s)
  # -rss_limit_mb: a run that needs more memory than this is a bug (bounded memory).
  status=0
  cargo +nightly fuzz run -s "$sanitizer" "$t" "fuzz/corpus/$t" $seeds -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -max_len=8192 -timeout=10 \
    -print_final_stats=1 >"$log_dir/$t.log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done )' "$log_dir/$t.log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log_dir/$t.log" >&2
  fi
  printf '   %s: %ss wall\n' "$t" "$(($(date +%s) - start))"
  if [ "$status" -ne 0 ]; then
    echo "FUZZ FAILURE in $t (see fuzz/artifacts/$t/)" >&2
    exit 1
  fi
done
echo "all fuzz targets ran ${secs}s without a failure"
