#!/usr/bin/env python3
"""Differential test: identitas::phone against libphonenumber (phonenumbers 9.0.43).

Generates a fixed-seed set of inputs (every NSN prefix up to three digits, every
area code and mobile prefix, lengths around every boundary, all accepted written
forms, raw digit strings through every parsing path, short numbers), asks
phonenumbers (region "ID") and `cargo run --example phone_oracle` about each,
and compares validity, type, E.164, national and international format, operator
and area. Exits non-zero on any disagreement not explained below.

Explained differences (documented in src/phone/mod.rs):
  * `0062…` is read as `+62…` (libphonenumber keeps the national number 0062…,
    never valid): the expectation is phonenumbers' answer for `+62…`.
  * Operator names of the ranges in tools/data/phone_operators.csv are the
    original operator, not libphonenumber's current owner.

Uses an installed phonenumbers==9.0.43, else the sha256-pinned wheel that
tools/gen_phone.py downloads.  Usage: python3 tools/phone_diff.py [--count N]
"""

import argparse
import csv
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

SEED = 6_2812
SEPARATORS = [" ", " ", "-", "-", ".", "/", " - ", "\u00a0"]


def load_phonenumbers():
    try:
        import phonenumbers
        if phonenumbers.__version__ == "9.0.43":
            return phonenumbers
    except ImportError:
        pass
    import gen_phone
    return gen_phone.load_library(gen_phone.fetch_wheel())


def group(rng, digits):
    """Random separators between some digits."""
    out = []
    for i, d in enumerate(digits):
        if 0 < i and rng.random() < 0.22:
            out.append(rng.choice(SEPARATORS))
        out.append(d)
    return "".join(out)


def written_forms(rng, nsn):
    g = lambda s: group(rng, s)  # noqa: E731
    forms = [
        "0" + nsn, g("0" + nsn), "+62" + nsn, "+62 " + g(nsn), "62" + nsn, "0062" + g(nsn),
        "+620" + nsn, "+62 (0)" + g(nsn), "'" + "0" + nsn, nsn, "008 62 " + g(nsn), "009" + "62" + nsn,
        "(+62) " + g(nsn), " +62-" + g(nsn) + " ",
    ]
    if len(nsn) > 4:
        k = rng.choice([2, 3])
        forms.append("(0" + nsn[:k] + ") " + g(nsn[k:]))
    return forms


def rand_digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def generate(pn, count):
    rng = random.Random(SEED)
    from phonenumbers.carrierdata import CARRIER_DATA
    from phonenumbers.geodata import GEOCODE_DATA
    nsns = set()
    # Every NSN prefix of one to three digits, lengths 2-18.
    for p in range(1000):
        for plen in (1, 2, 3):
            prefix = str(p).zfill(3)[:plen]
            for n in range(max(plen, 2), 19):
                nsns.add(prefix + rand_digits(rng, n - plen))
    # Every mobile prefix and area code, all lengths around their boundaries.
    known = [k[2:] for k in list(CARRIER_DATA) + list(GEOCODE_DATA) if k.startswith("62")]
    specials = ["800", "804", "807", "8071", "809", "177", "1500", "001803", "007803", "84", "80", "61",
                "619", "2114", "21500", "22", "828", "868", "884", "885", "886", "00"]
    for prefix in known + specials:
        for n in range(max(len(prefix), 5), 19):
            for _ in range(2):
                nsns.add(prefix + rand_digits(rng, n - len(prefix)))
    # Plenty of numbers at plausible lengths, most of them valid.
    for _ in range(count // 6):
        prefix = rng.choice(known + specials + ["8" + str(d) for d in range(10)])
        n = rng.randint(max(len(prefix), 7), 13)
        nsns.add(prefix + rand_digits(rng, n - len(prefix)))
    inputs = []
    for nsn in sorted(nsns):
        forms = written_forms(rng, nsn)
        inputs.extend(rng.sample(forms, 3))
    # Raw digit strings through every parsing path (IDD, 62 rule, trunk 0, 0062).
    heads = ["", "0", "00", "62", "620", "6200", "0062", "00620", "008", "009", "0086", "00862", "008620",
             "007", "001", "0", "8", "2", "1"]
    for _ in range(count // 4):
        head = rng.choice(heads)
        body = rand_digits(rng, rng.randint(0, 20))
        text = head + body
        if text:
            inputs.append(rng.choice(["", "+", "+"][: 1 + (head[:2] in ("62", "00"))]) + text)
    rng.shuffle(inputs)
    inputs = inputs[:count]
    shorts = [str(i).zfill(n) for n in (2, 3, 4) for i in range(10 ** n) if n < 4 or i % 7 == 0]
    shorts += ["140" + rand_digits(rng, 2) for _ in range(50)] + ["150264", "71400", "89887", "71412"]
    shorts += [rand_digits(rng, rng.randint(3, 7)) for _ in range(2000)]
    shorts += [rng.choice("178") + rand_digits(rng, rng.randint(2, 5)) for _ in range(2000)]
    return inputs, shorts


def expectation(pn, overrides, text):
    from phonenumbers import carrier, geocoder
    try:
        num = pn.parse(text, "ID")
    except pn.NumberParseException:
        return None
    if num.country_code != 62 or not pn.is_valid_number(num):
        return None
    names = {pn.PhoneNumberType.MOBILE: "mobile", pn.PhoneNumberType.FIXED_LINE: "fixed_line",
             pn.PhoneNumberType.TOLL_FREE: "toll_free", pn.PhoneNumberType.PREMIUM_RATE: "premium_rate",
             pn.PhoneNumberType.SHARED_COST: "shared_cost", pn.PhoneNumberType.UAN: "uan"}
    ty = names[pn.number_type(num)]
    nsn = pn.national_significant_number(num)
    operator = carrier.name_for_number(num, "en") or "-"
    for prefix, name in overrides.items():
        if nsn.startswith(prefix):
            operator = name
    area = "-"
    if ty == "fixed_line":
        area = geocoder.description_for_number(num, "id")
        if area in ("", "Indonesia"):
            area = "-"
    return ["valid", ty, pn.format_number(num, pn.PhoneNumberFormat.E164),
            pn.format_number(num, pn.PhoneNumberFormat.NATIONAL),
            pn.format_number(num, pn.PhoneNumberFormat.INTERNATIONAL), operator, area]


def short_expectation(pn, text):
    from phonenumbers import shortnumberinfo as sni
    try:
        num = pn.parse(text, "ID")
    except pn.NumberParseException:
        return None
    if not sni.is_valid_short_number_for_region(num, "ID"):
        return None
    toll_free = sni.expected_cost_for_region(num, "ID") == sni.ShortNumberCost.TOLL_FREE
    return ["valid", str(int(sni.is_emergency_number(text, "ID"))), str(int(toll_free)),
            str(int(sni.is_carrier_specific_for_region(num, "ID")))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=60000, help="phone inputs to compare")
    args = ap.parse_args()
    pn = load_phonenumbers()
    with open(os.path.join(ROOT, "tools", "data", "phone_operators.csv"), newline="") as f:
        overrides = {r["prefix"][1:]: r["original_operator"] for r in csv.DictReader(f)}
    inputs, shorts = generate(pn, args.count)
    lines = inputs + ["short:" + s for s in shorts]
    assert all("\n" not in s and "\r" not in s for s in lines)
    proc = subprocess.run(["cargo", "run", "--quiet", "--example", "phone_oracle"], cwd=ROOT,
                          input="\n".join(lines) + "\n", capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        sys.exit(f"phone_oracle failed:\n{proc.stderr}")
    got = proc.stdout.split("\n")[:-1]
    assert len(got) == len(lines), (len(got), len(lines))

    stats = {"compared": 0, "valid": 0, "invalid": 0, "explained_0062": 0, "short": 0, "mismatch": 0}
    by_type = {}
    mismatches = []
    for text, ours in zip(inputs, got):
        ours = ours.split("\t")
        digits_only = "".join(c for c in text if c.isdigit())
        plus = text.lstrip(" '(").startswith("+")
        if not plus and digits_only.startswith("0062"):
            stats["explained_0062"] += 1
            want = expectation(pn, overrides, "+" + digits_only[2:])
        else:
            want = expectation(pn, overrides, text)
        stats["compared"] += 1
        if want is None:
            stats["invalid"] += 1
            ok = ours[0] == "invalid"
        else:
            stats["valid"] += 1
            by_type[want[1]] = by_type.get(want[1], 0) + 1
            ok = ours == want
        if not ok:
            stats["mismatch"] += 1
            mismatches.append((text, want, ours))
    for text, ours in zip(shorts, got[len(inputs):]):
        want = short_expectation(pn, text)
        stats["short"] += 1
        ok = ours.split("\t")[0] == "invalid" if want is None else ours.split("\t") == want
        if not ok:
            stats["mismatch"] += 1
            mismatches.append(("short:" + text, want, ours))
    print("phone_diff:", ", ".join(f"{k} {v}" for k, v in stats.items()))
    print("valid by type:", ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    for text, want, ours in mismatches[:25]:
        print(f"MISMATCH {text!r}: libphonenumber {want} identitas {ours}")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
