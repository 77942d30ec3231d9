#!/usr/bin/env bash
# Regenerates include/identitas.h with the pinned cbindgen (a dev-dependency).
set -euo pipefail
cd "$(dirname "$0")/.."
IDENTITAS_BLESS=1 cargo test --quiet --test header -- header_is_fresh
echo "wrote include/identitas.h"
