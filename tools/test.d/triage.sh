#!/usr/bin/env bash
# Triage checks beyond `cargo test`: the committed sample matches its seeded generator,
# and the HTML report renders in headless Chromium (non-blank screenshot, key numbers in
# the DOM, no network). Installs Debian's chromium if missing; skips loudly if it can't.
set -euo pipefail
cd "$(dirname "$0")/../.."

python3 tools/gen_sample.py --check

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
html="$work/report.html"
IDENTITAS_TRIAGE_HTML="$html" cargo test --quiet --all-features --test triage \
  -- --ignored --exact write_sample_html_report >/dev/null
test -s "$html"

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ] && command -v apt-get >/dev/null 2>&1; then
  echo "triage.sh: installing chromium (apt-get)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >"$work/apt.log" 2>&1 || true
  command -v chromium >/dev/null 2>&1 && browser=chromium
fi
if [ -z "$browser" ]; then
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! SKIPPED: HTML report browser check — chromium could not be installed !!"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  exit 0
fi

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run
       --window-size=1200,2000)
"$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" \
  --screenshot="$work/shot.png" "file://$html" >"$work/shot.log" 2>&1
"$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" \
  --dump-dom "file://$html" >"$work/dom.html" 2>"$work/dom.log"

python3 - "$work/shot.png" "$work/dom.html" examples/data/sample_expected.json <<'PY'
import json, struct, sys, zlib

png, dom_path, exp_path = sys.argv[1:4]
data = open(png, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "screenshot is not a PNG"
pos, idat, width = 8, b"", 0
while pos < len(data):
    (n,) = struct.unpack(">I", data[pos:pos + 4])
    kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, color = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and color in (2, 6), (depth, color)
        bpp = 3 if color == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytearray(stride)
colours = set()
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 8 == 0:
        for x in range(0, stride, bpp * 7):
            colours.add(bytes(line[x:x + 3]))
    prev = line
assert len(colours) > 8, "screenshot looks blank (%d colours)" % len(colours)

dom = open(dom_path, encoding="utf-8").read()
e = json.load(open(exp_path))
fmt = lambda n: f"{n:,}"
for ident, value in [("records", e["records"]), ("children", e["children"]),
                     ("duplicates", e["duplicate_records"]), ("nik-valid", e["nik"]["valid"]),
                     ("dob-mismatch", e["consistency"]["dob_mismatch"]),
                     ("sex-mismatch", e["consistency"]["sex_mismatch"])]:
    needle = 'id="%s">%s<' % (ident, fmt(value))
    assert needle in dom, "DOM lacks " + needle
assert 'id="province-chart"' in dom and 'id="birth-year-chart"' in dom, "charts missing"
assert "3 x 24 hours" in dom
print("triage.sh: HTML report renders in %s: %d colours sampled, key numbers present" % ("chromium", len(colours)))
PY
