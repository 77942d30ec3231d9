#!/usr/bin/env bash
# Python binding (stdlib ctypes): builds the cdylib and runs python/tests with
# unittest (drift checks against include/identitas.h included) and the package's
# doctests. Fails on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v python3 >/dev/null || { echo "python.sh: need python3" >&2; exit 1; }
cargo build --quiet --release --lib
export IDENTITAS_LIB="$PWD/target/release/libidentitas.so"
python3 -m unittest discover -s python/tests -t python -v
(cd python && python3 -c '
import doctest, sys
import identitas, identitas.nik
failed = sum(doctest.testmod(m).failed for m in (identitas, identitas.nik))
print("doctests:", "ok" if not failed else "%d failed" % failed)
sys.exit(1 if failed else 0)')
