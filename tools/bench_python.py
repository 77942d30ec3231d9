#!/usr/bin/env python3
"""Python throughput of the identitas binding against python-stdnum and phonenumbers.

Per value (one call per value, as most code does) and batch (one FFI call for
the whole column), in the same run, on 20,000 synthetic values from a fixed
seed. Installs python-stdnum and phonenumbers with pip when missing; skips a
comparison politely when that is not possible. Build the library first:
`cargo build --release --lib`.

    python3 tools/bench_python.py
"""

import importlib
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))

import identitas  # noqa: E402

N = 20_000


def optional(module, package):
    try:
        return importlib.import_module(module)
    except ImportError:
        pass
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", package],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=300,
        )
        return importlib.import_module(module)
    except Exception:  # no network, no pip: skip that comparison
        print("  (%s not available: skipped)" % package)
        return None


def niks(rng, n):
    regions = ["317101", "327305", "910901", "657101", "927101", "110101", "350202"]
    out = []
    for _ in range(n):
        day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
        if rng.random() < 0.1:
            day = rng.randint(32, 39)
        out.append("%s%02d%02d%02d%04d" % (rng.choice(regions), day, rng.randint(1, 12), rng.randint(0, 99), rng.randint(1, 9999)))
    return out


def luhn_digit(d8):
    total = 0
    for i, ch in enumerate(d8):
        v = int(ch) * (2 if i % 2 else 1)
        total += v - 9 if v > 9 else v
    return str((10 - total % 10) % 10)


def npwps(rng, n):
    out = []
    for _ in range(n):
        d8 = "%02d%06d" % (rng.randint(1, 99), rng.randint(0, 999999))
        check = luhn_digit(d8) if rng.random() < 0.8 else str(rng.randint(0, 9))
        out.append("%s.%s.%s.%s-%03d.000" % (d8[:2], d8[2:5], d8[5:8], check, rng.randint(1, 999)))
    return out


def phones(rng, n):
    prefixes = ["0812", "0813", "0856", "0878", "0896", "0881", "0838"]
    return ["%s-%04d-%04d" % (rng.choice(prefixes), rng.randint(0, 9999), rng.randint(0, 9999)) for _ in range(n)]


def timed(label, fn, values, reference=None):
    fn(values[:100])  # warm up
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        result = fn(values)
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    rate = len(values) / best
    note = ""
    if reference is not None:
        note = "  (%.1fx the reference)" % (reference / best)
    print("  %-44s %10.0f values/s  %7.2f us/value%s" % (label, rate, 1e6 * best / len(values), note))
    return best, result


def main():
    rng = random.Random(20240601)
    print("identitas %s (%s), %d values per run, best of 3" % (identitas.version(), identitas.library_path(), N))

    stdnum_nik = optional("stdnum.id.nik", "python-stdnum")
    stdnum_npwp = importlib.import_module("stdnum.id.npwp") if stdnum_nik else None
    phonenumbers = optional("phonenumbers", "phonenumbers")

    data = niks(rng, N)
    print("\nNIK is_valid")
    ref = None
    if stdnum_nik:
        ref, _ = timed("python-stdnum stdnum.id.nik.is_valid", lambda vs: [stdnum_nik.is_valid(v) for v in vs], data)
    _, per = timed("identitas.nik.is_valid (per value)", lambda vs: [identitas.nik.is_valid(v) for v in vs], data, ref)
    _, batch = timed("identitas.nik.is_valid_many (one call)", identitas.nik.is_valid_many, data, ref)
    assert per == batch
    print("  valid: identitas %d of %d" % (sum(per), N), end="")
    if stdnum_nik:
        print(", python-stdnum %d (BPS table, no calendar: they differ on purpose)" % sum(stdnum_nik.is_valid(v) for v in data))
    else:
        print()

    print("\nNIK parse")
    if stdnum_nik:
        ref, _ = timed(
            "python-stdnum get_birth_date + compact",
            lambda vs: [(stdnum_nik.get_birth_date(v), stdnum_nik.compact(v)) for v in vs if stdnum_nik.is_valid(v)],
            data,
        )
    timed("identitas.nik.parse", lambda vs: [identitas.nik.parse(v) for v in vs if identitas.nik.is_valid(v)], data, ref)

    data = npwps(rng, N)
    print("\nNPWP is_valid")
    ref = None
    if stdnum_npwp:
        ref, _ = timed("python-stdnum stdnum.id.npwp.is_valid", lambda vs: [stdnum_npwp.is_valid(v) for v in vs], data)
    _, per = timed("identitas.npwp.is_valid (per value)", lambda vs: [identitas.npwp.is_valid(v) for v in vs], data, ref)
    _, batch = timed("identitas.npwp.is_valid_many (one call)", identitas.npwp.is_valid_many, data, ref)
    assert per == batch
    if stdnum_npwp:
        assert per == [stdnum_npwp.is_valid(v) for v in data], "NPWP verdicts differ from python-stdnum"
        print("  verdicts identical to python-stdnum on all %d values" % N)

    print("\nPhone validate + normalise to E.164")
    data = phones(rng, N)
    ref = None
    if phonenumbers:

        def pn(vs):
            out = []
            for v in vs:
                n = phonenumbers.parse(v, "ID")
                out.append(phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164) if phonenumbers.is_valid_number(n) else None)
            return out

        ref, theirs = timed("phonenumbers parse+is_valid+format E164", pn, data)

    def ours(vs):
        out = []
        for v in vs:
            try:
                out.append(identitas.phone.normalize(v))
            except identitas.ValidationError:
                out.append(None)
        return out

    _, mine = timed("identitas.phone.normalize (per value)", ours, data, ref)
    _, batch = timed("identitas.phone.is_valid_many (one call)", identitas.phone.is_valid_many, data, ref)
    assert batch == [m is not None for m in mine]
    if phonenumbers:
        same = sum(a == b for a, b in zip(mine, theirs))
        print("  E.164 results identical to phonenumbers on %d of %d values" % (same, N))

if __name__ == "__main__":
    main()
