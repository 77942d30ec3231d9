#!/usr/bin/env bash
# Phone tables are fresh and agree with libphonenumber (python phonenumbers 9.0.43).
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 tools/gen_phone.py --check
python3 tools/phone_diff.py
