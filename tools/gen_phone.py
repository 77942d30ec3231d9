#!/usr/bin/env python3
"""Generate src/phone/table.rs from the pinned libphonenumber metadata for Indonesia.

Source: the PyPI wheel phonenumbers 9.0.43 (Python port of Google's
libphonenumber, Apache-2.0), sha256-pinned below. Read from the wheel itself
(a pure-Python zip, imported with zipimport), so nothing needs installing:
  phonenumbers/data/region_ID.py       number types, lengths, formats
  phonenumbers/shortdata/region_ID.py  short and emergency numbers
  phonenumbers/carrierdata             carrier names of `62…` prefixes ('en')
  phonenumbers/geodata                 area names of `62…` prefixes ('id')
Area names are the Indonesian ('id') ones: they are what the users of this
crate write and read ("Jabodetabek", "Cilacap Barat", "Kota Jambi") and match
the Kemendagri naming of src/region; the English set translates five of them.

Operator names: libphonenumber names today's owner of some ranges (Indosat
Ooredoo Hutchison, a 2022 merger). identitas reports the original allocating
operator (identifiers.md §5.2, trap 19), so tools/data/phone_operators.csv
renames those ranges; the generator checks every row against the carrier data.

Each libphonenumber regex is compiled to an automaton here and turned into a
digit trie whose leaves say, per national significant number (NSN) length,
which type a number is. The trie is then checked against the original regexes
and the library's own classifier and formatter (exhaustively for short NSNs,
by boundary and seeded random completions below every trie node) before
anything is written.

Usage:  python3 tools/gen_phone.py [--wheel PATH] [--check]
Without --wheel the wheel is fetched with `pip download --no-deps` into a cache folder.
With --check the script fails if the committed table differs from its output.
"""

import argparse
import csv
import hashlib
import os
import random
import re
import subprocess
import sys
import tempfile

try:
    import re._parser as sre_parse  # Python >= 3.11
    import re._constants as sre_c
except ImportError:  # pragma: no cover
    import sre_parse
    import sre_constants as sre_c

PACKAGE = "phonenumbers==9.0.43"
WHEEL_NAME = "phonenumbers-9.0.43-py2.py3-none-any.whl"
WHEEL_SHA256 = "349bc799f15e010e35bd2c7d28149950ae74479cb1e11fb054ed9a95ecb4b437"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "phone", "table.rs")
OPERATORS_CSV = os.path.join(ROOT, "tools", "data", "phone_operators.csv")

MAX_NSN = 17  # libphonenumber's longest national significant number
DIGITS = "0123456789"

# PhoneType codes in src/phone/mod.rs, in libphonenumber's test order.
TYPE_ORDER = ["premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
              "pager", "uan", "voicemail", "fixed_line", "mobile"]
TYPE_CODE = {"unknown": 0, "mobile": 1, "fixed_line": 2, "toll_free": 3, "premium_rate": 4,
             "shared_cost": 5, "uan": 6}
# Short-number flags (bits of the short-number leaf codes).
SHORT_VALID, SHORT_EMERGENCY, SHORT_TOLL_FREE, SHORT_CARRIER, SHORT_SMS = 1, 2, 4, 8, 16


# ---------------------------------------------------------------- wheel --

def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fetch_wheel():
    cache = os.path.join(tempfile.gettempdir(), "identitas-phonenumbers")
    path = os.path.join(cache, WHEEL_NAME)
    if not os.path.exists(path):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                        "-q", "-d", cache, PACKAGE], check=True)
    return path


def load_library(wheel):
    """Imports phonenumbers from the pinned wheel (ahead of any installed copy)."""
    if sha256_file(wheel) != WHEEL_SHA256:
        sys.exit(f"wheel sha256 mismatch: {wheel}")
    for name in [m for m in sys.modules if m == "phonenumbers" or m.startswith("phonenumbers.")]:
        del sys.modules[name]
    sys.path.insert(0, wheel)
    import phonenumbers  # noqa: E402
    if phonenumbers.__version__ != "9.0.43" or not phonenumbers.__file__.startswith(wheel):
        sys.exit("could not import phonenumbers from the pinned wheel")
    return phonenumbers


# ------------------------------------------------------ regex automaton --

class Nfa:
    """Thompson NFA over the ten ASCII digits, built from re's own parse tree."""

    def __init__(self, pattern):
        self.eps, self.edges = [], []
        self.start = self.new()
        self.accept = self.build(sre_parse.parse(pattern), self.start)

    def new(self):
        self.eps.append([])
        self.edges.append([])
        return len(self.eps) - 1

    def charset(self, items):
        out, negate = set(), False
        for op, av in items:
            if op == sre_c.NEGATE:
                negate = True
            elif op == sre_c.LITERAL:
                out.add(chr(av))
            elif op == sre_c.RANGE:
                out.update(chr(c) for c in range(av[0], av[1] + 1))
            elif op == sre_c.CATEGORY and av == sre_c.CATEGORY_DIGIT:
                out.update(DIGITS)
            else:
                raise ValueError(f"unsupported class item {op}")
        out &= set(DIGITS)
        return frozenset(set(DIGITS) - out) if negate else frozenset(out)

    def build(self, items, s):
        for op, av in items:
            s = self.build_one(op, av, s)
        return s

    def build_one(self, op, av, s):
        if op == sre_c.LITERAL:
            t = self.new()
            self.edges[s].append((frozenset([chr(av)]) & set(DIGITS), t))
            return t
        if op == sre_c.IN:
            t = self.new()
            self.edges[s].append((self.charset(av), t))
            return t
        if op == sre_c.SUBPATTERN:
            return self.build(av[-1], s)
        if op == sre_c.BRANCH:
            end = self.new()
            for alt in av[1]:
                a = self.new()
                self.eps[s].append(a)
                self.eps[self.build(alt, a)].append(end)
            return end
        if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            lo, hi, sub = av
            for _ in range(lo):
                s = self.build(sub, s)
            if hi == sre_c.MAXREPEAT:
                loop = self.new()
                self.eps[s].append(loop)
                self.eps[self.build(sub, loop)].append(loop)
                return loop
            end = self.new()
            self.eps[s].append(end)
            for _ in range(hi - lo):
                s = self.build(sub, s)
                self.eps[s].append(end)
            return end
        raise ValueError(f"unsupported regex construct {op}")

    def closure(self, states):
        todo, seen = list(states), set(states)
        while todo:
            for t in self.eps[todo.pop()]:
                if t not in seen:
                    seen.add(t)
                    todo.append(t)
        return frozenset(seen)

    def initial(self):
        return self.closure([self.start])

    def step(self, states, digit):
        return self.closure([t for s in states for cs, t in self.edges[s] if digit in cs])

    def accepts(self, states):
        return self.accept in states


class Lang:
    """A regex restricted to a set of lengths, with memoised length profiles."""

    def __init__(self, pattern, lengths=None):
        self.pattern = pattern
        self.nfa = Nfa(pattern)
        self.lengths = set(lengths) if lengths else None
        self.memo = {}

    def profile(self, states):
        """Suffix lengths j for which every j-digit continuation is accepted, or None
        when some length accepts only part of its continuations."""
        if states in self.memo:
            return self.memo[states]
        result, level = set(), {states}
        for j in range(MAX_NSN + 2):
            acc = {self.nfa.accepts(x) for x in level}
            if len(acc) > 1:
                result = None
                break
            if True in acc:
                result.add(j)
            level = {self.nfa.step(x, d) for x in level for d in DIGITS}
            if level == {frozenset()}:
                break
        self.memo[states] = result
        return result

    def length_ok(self, n):
        return self.lengths is None or n in self.lengths


# ------------------------------------------------------------------ trie --

def build_trie(langs, payload):
    """Digit trie over the product of `langs`.

    payload(prefix_len, [set of accepted total lengths per lang]) -> (general mask, codes[18]).
    Returns (nodes, leaves, leaf_prefixes): nodes are [11] child refs (10 digits +
    'number ends here'), a ref is a node index or 0x8000 | leaf index.
    """
    nodes, leaves, leaf_index, prefixes = [], [], {}, {}

    def leaf(data, prefix):
        key = (data[0], tuple(data[1]))
        if key not in leaf_index:
            leaf_index[key] = len(leaves)
            leaves.append(key)
        prefixes.setdefault(leaf_index[key], []).append(prefix)
        return 0x8000 | leaf_index[key]

    def visit(prefix, states):
        k = len(prefix)
        assert k <= 8, "trie deeper than expected"
        profiles = [lang.profile(st) for lang, st in zip(langs, states)]
        if all(p is not None for p in profiles):
            assert all(k + j <= MAX_NSN for p in profiles for j in p), "accepts over 17 digits"
            accepted = [{k + j for j in p if k + j <= MAX_NSN} for p in profiles]
            return leaf(payload(k, accepted), prefix)
        idx = len(nodes)
        nodes.append(None)
        here = [{k} if lang.nfa.accepts(st) else set() for lang, st in zip(langs, states)]
        end = leaf(payload(k, here), prefix + "$")
        children = [visit(prefix + d, tuple(lang.nfa.step(st, d) for lang, st in zip(langs, states)))
                    for d in DIGITS]
        nodes[idx] = children + [end]
        return idx

    root = visit("", tuple(lang.nfa.initial() for lang in langs))
    assert root == 0
    return nodes, leaves, prefixes


def trie_lookup(nodes, leaves, digits):
    ref = 0
    for i, d in enumerate(digits):
        ref = nodes[ref][int(d)]
        if ref & 0x8000:
            return leaves[ref & 0x7FFF]
    return leaves[nodes[ref][10] & 0x7FFF]


def mask_of(lengths):
    m = 0
    for n in lengths:
        m |= 1 << n
    return m


# ------------------------------------------------------------- metadata --

def number_langs(md):
    general = md.general_desc
    langs = [Lang(general.national_number_pattern)]
    names = ["general"]
    for name in TYPE_ORDER:
        desc = getattr(md, name)
        if desc is None or not desc.national_number_pattern:
            continue
        if name not in TYPE_CODE:
            sys.exit(f"metadata now has a {name} pattern: add a PhoneType for it")
        langs.append(Lang(desc.national_number_pattern, desc.possible_length))
        names.append(name)
    general_lengths = set(general.possible_length)
    assert not md.same_mobile_and_fixed_line_pattern

    def payload(_k, accepted):
        general_set = accepted[0]
        codes = [0] * (MAX_NSN + 1)
        for n in range(MAX_NSN + 1):
            if n not in general_set or n not in general_lengths:
                continue
            hits = [name for name, lang, acc in zip(names[1:], langs[1:], accepted[1:])
                    if n in acc and lang.length_ok(n)]
            assert not ("fixed_line" in hits and "mobile" in hits), "fixed line or mobile"
            if hits:
                codes[n] = TYPE_CODE[hits[0]]
        return mask_of(general_set), codes

    return langs, payload


def short_langs(sd):
    descs = [("general", sd.general_desc), ("short_code", sd.short_code),
             ("emergency", sd.emergency), ("toll_free", sd.toll_free),
             ("carrier_specific", sd.carrier_specific), ("sms_services", sd.sms_services)]
    langs = [Lang(d.national_number_pattern, d.possible_length) for _, d in descs]
    bits = [0, 0, SHORT_EMERGENCY, SHORT_TOLL_FREE, SHORT_CARRIER, SHORT_SMS]

    def payload(_k, accepted):
        codes = [0] * (MAX_NSN + 1)
        for n in range(MAX_NSN + 1):
            ok = [n in acc and lang.length_ok(n) for lang, acc in zip(langs, accepted)]
            if not ok[0]:
                continue  # libphonenumber checks the general description first
            code = SHORT_VALID if ok[1] else 0
            for hit, bit in zip(ok[2:], bits[2:]):
                if hit:
                    code |= bit
            codes[n] = code
        return 0, codes

    return langs, payload


FORMAT_RULES = {None: 0, "": 0, "0\\1": 1, "(0\\1)": 2}


def format_rules(formats):
    """(leading prefixes, national-prefix rule, separators, {nsn length: group lengths})."""
    rules = []
    for f in formats:
        assert len(f.leading_digits_pattern) >= 1
        ldp = re.compile(f.leading_digits_pattern[-1])
        leading = []
        for n in range(1, 6):
            for i in range(10 ** n):
                s = str(i).zfill(n)
                if ldp.match(s) and not any(s.startswith(p) for p in leading):
                    assert n <= 4, "leading-digits pattern longer than expected"
                    leading.append(s)
        assert re.fullmatch(r"(\(\\d(\{\d+(,\d+)?\})?\))+", f.pattern), f.pattern
        groups = f.pattern.count("(")
        seps = re.fullmatch(r"\\1" + "".join(r"(.)\\%d" % (i + 2) for i in range(groups - 1)), f.format)
        assert seps, f.format
        splits = {}
        pat = re.compile(f.pattern)
        for n in range(1, MAX_NSN + 1):
            s = "1" * n
            if re.fullmatch(pat, s):
                m = pat.search(s)  # what re.sub replaces
                assert m.start() == 0 and m.end() == n
                splits[n] = [len(g) for g in m.groups()]
        rule = FORMAT_RULES[f.national_prefix_formatting_rule]
        rules.append((leading, rule, list(seps.groups()), splits))
    return rules


def load_operators(carrier):
    """Prefix (NSN digits) -> original operator name."""
    data = {k[2:]: v["en"] for k, v in carrier.items() if k.startswith("62")}
    assert len(data) == 38, f"unexpected carrier table size {len(data)}"
    with open(OPERATORS_CSV, newline="") as f:
        for row in csv.DictReader(f):
            prefix = row["prefix"].lstrip("0")
            assert data.get(prefix) == row["libphonenumber_name"], row
            data[prefix] = row["original_operator"]
    assert all(v.isascii() for v in data.values())
    return data


def load_areas(geo):
    data = {k[2:]: v["id"] for k, v in geo.items() if k.startswith("62")}
    assert len(data) == 296, f"unexpected geodata size {len(data)}"
    assert all(len(k) in (2, 3) and v.isascii() for k, v in data.items())
    return data


# ----------------------------------------------------------- verification --

def verify(pn, md, sd, trie, strie, nat_rules, intl_rules):
    from phonenumbers import phonenumberutil as pu
    from phonenumbers import shortnumberinfo as sni
    rng = random.Random(62)
    nodes, leaves, prefixes = trie
    snodes, sleaves, sprefixes = strie
    code_of = {getattr(pn.PhoneNumberType, k.upper()): v for k, v in TYPE_CODE.items()}
    checked = 0

    def expect(nsn):
        general = pu._match_national_number(nsn, md.general_desc, False)
        return general, code_of[pu._number_type_helper(nsn, md)]

    def ours(nsn):
        mask, codes = trie_lookup(nodes, leaves, nsn)
        n = len(nsn)
        return bool(mask >> n & 1) if n <= MAX_NSN else False, codes[n] if n <= MAX_NSN else 0

    def short_expect(s):
        num = nsn_number(pn, s)
        code = SHORT_VALID if sni.is_valid_short_number_for_region(num, "ID") else 0
        general = pu._is_number_matching_desc(s, sd.general_desc)
        if not general:
            return 0
        if sni.is_emergency_number(s, "ID"):
            code |= SHORT_EMERGENCY
        if pu._is_number_matching_desc(s, sd.toll_free):
            code |= SHORT_TOLL_FREE
        if sni.is_carrier_specific_for_region(num, "ID"):
            code |= SHORT_CARRIER
        if pu._is_number_matching_desc(s, sd.sms_services):
            code |= SHORT_SMS
        return code

    def short_ours(s):
        return trie_lookup(snodes, sleaves, s)[1][len(s)] if len(s) <= MAX_NSN else 0

    def check(nsn):
        nonlocal checked
        checked += 1
        assert ours(nsn) == expect(nsn), (nsn, ours(nsn), expect(nsn))
        if len(nsn) <= 7:
            assert short_ours(nsn) == short_expect(nsn), (nsn, short_ours(nsn), short_expect(nsn))

    # Exhaustive: every NSN of 1 to 5 digits.
    for n in range(1, 6):
        for i in range(10 ** n):
            check(str(i).zfill(n))
    # Below every trie node and leaf: each length up to MAX_NSN + 1, boundary and random tails.
    all_prefixes = {p.rstrip("$") for ps in list(prefixes.values()) + list(sprefixes.values()) for p in ps}
    samples = []
    for p in sorted(all_prefixes):
        for n in range(max(len(p), 1), MAX_NSN + 2):
            tails = {"0" * (n - len(p)), "9" * (n - len(p))}
            tails.update("".join(rng.choice(DIGITS) for _ in range(n - len(p))) for _ in range(6))
            for t in tails:
                samples.append(p + t)
    for nsn in samples:
        check(nsn)

    # Formatting: our rule choice and grouping against format_number on valid numbers.
    for nsn in samples:
        general, code = expect(nsn)
        if not code:
            continue
        num = nsn_number(pn, nsn)
        assert apply_rules(nat_rules, nsn, True) == pn.format_number(num, pn.PhoneNumberFormat.NATIONAL), nsn
        intl = "+62 " + apply_rules(intl_rules, nsn, False)
        assert intl == pn.format_number(num, pn.PhoneNumberFormat.INTERNATIONAL), nsn
    return checked


def nsn_number(pn, nsn):
    """A PhoneNumber (+62) whose national significant number is exactly `nsn`."""
    num = pn.PhoneNumber(country_code=62, national_number=int(nsn))
    zeros = len(nsn) - len(str(int(nsn)))
    if zeros:
        num.italian_leading_zero = True
        num.number_of_leading_zeros = zeros
    assert pn.national_significant_number(num) == nsn
    return num


def apply_rules(rules, nsn, national):
    """Python twin of the Rust formatter, used only to verify the generated rules."""
    for leading, rule, seps, splits in rules:
        if any(nsn.startswith(p) for p in leading) and len(nsn) in splits:
            parts, at = [], 0
            for g in splits[len(nsn)]:
                parts.append(nsn[at:at + g])
                at += g
            if national and rule == 1:
                parts[0] = "0" + parts[0]
            elif national and rule == 2:
                parts[0] = "(0" + parts[0] + ")"
            out = parts[0]
            for sep, part in zip(seps, parts[1:]):
                out += sep + part
            return out
    return nsn


# ---------------------------------------------------------------- render --

def rust_str(s):
    assert s.isascii() and '"' not in s and "\\" not in s
    return '"' + s + '"'


def render_trie(w, name, nodes, leaves, what):
    w(f"/// {what}: trie nodes, one child per digit and a last entry for")
    w("/// a number ending at this node; `LEAF | i` refers to the leaf table.")
    w(f"pub(super) static {name}_NODES: [[u16; 11]; {len(nodes)}] = [")
    for n in nodes:
        w("    [" + ", ".join(f"0x{c:04x}" for c in n) + "],")
    w("];")
    w("")
    w(f"/// {what}: (lengths of numbers matching the general pattern, code per NSN length).")
    w(f"pub(super) static {name}_LEAVES: [Leaf; {len(leaves)}] = [")
    for mask, codes in leaves:
        w(f"    Leaf {{ general: 0x{mask:05x}, codes: [{', '.join(map(str, codes))}] }},")
    w("];")
    w("")


def render_rules(w, name, rules):
    w(f"pub(super) static {name}: [FormatRule; {len(rules)}] = [")
    for leading, rule, seps, splits in rules:
        lead = ", ".join(rust_str(p) for p in leading)
        sep = "".join(seps)
        groups = []
        for n in range(MAX_NSN + 1):
            g = splits.get(n, [])
            groups.append("[" + ", ".join(map(str, g + [0] * (4 - len(g)))) + "]")
        assert all(len(s) <= 4 for s in splits.values())
        w(f"    FormatRule {{ leading: &[{lead}], prefix: {rule}, separators: {rust_str(sep)}, "
          f"groups: [{', '.join(groups)}] }},")
    w("];")
    w("")


def render(md, trie, strie, nat_rules, intl_rules, operators, areas):
    out = []
    w = out.append
    w("// @generated by tools/gen_phone.py — do not edit by hand.")
    w(f"// Source: PyPI {PACKAGE} ({WHEEL_NAME}, sha256 {WHEEL_SHA256}),")
    w("// libphonenumber metadata for region ID, Apache-2.0 (The Libphonenumber Authors).")
    w("// Operator renames: tools/data/phone_operators.csv.")
    w("")
    w("use super::{FormatRule, Leaf};")
    w("")
    w(f"/// libphonenumber region ID, country calling code {md.country_code}, national prefix")
    w(f"/// {md.national_prefix_for_parsing!r}, international prefix {md.international_prefix!r}.")
    w(f"pub(super) const COUNTRY_CODE: &[u8] = b\"{md.country_code}\";")
    w(f"pub(super) const NATIONAL_PREFIX: u8 = b'{md.national_prefix_for_parsing}';")
    assert md.national_prefix_for_parsing == "0" and md.national_prefix_transform_rule is None
    assert md.international_prefix == "00[89]"
    idd = sorted("00" + d for d in "0123456789" if re.fullmatch(md.international_prefix, "00" + d))
    w("/// International (IDD) prefixes dialled from Indonesia.")
    w(f"pub(super) static IDD_PREFIXES: [&[u8]; {len(idd)}] = [{', '.join('b' + rust_str(p) for p in idd)}];")
    gl = md.general_desc.possible_length
    local = md.general_desc.possible_length_local_only
    w("/// Possible NSN lengths (general description), and the local-only ones.")
    w(f"pub(super) const POSSIBLE_LENGTHS: u32 = 0x{mask_of(gl):05x};")
    w(f"pub(super) const LOCAL_ONLY_LENGTHS: u32 = 0x{mask_of(local):05x};")
    w(f"pub(super) const MIN_LENGTH: usize = {min(gl)};")
    w(f"pub(super) const MAX_LENGTH: usize = {max(gl)};")
    w("")
    render_trie(w, "NUMBER", *trie[:2], "Number types (general pattern, then libphonenumber's type order)")
    render_trie(w, "SHORT", *strie[:2], "Short numbers (shortdata/region_ID)")
    w("/// National formatting rules, in libphonenumber's order (first match wins).")
    render_rules(w, "NATIONAL_FORMATS", nat_rules)
    w("/// International formatting rules, in libphonenumber's order (first match wins).")
    render_rules(w, "INTERNATIONAL_FORMATS", intl_rules)
    names = sorted(set(operators.values()))
    w("/// Original allocating operators.")
    w(f"pub(super) static OPERATOR_NAMES: [&str; {len(names)}] = [{', '.join(rust_str(n) for n in names)}];")
    w("/// Mobile NSN prefix (digits as a number, digit count) -> index into OPERATOR_NAMES, sorted.")
    w(f"pub(super) static OPERATORS: [(u32, u8, u8); {len(operators)}] = [")
    for p in sorted(operators, key=lambda p: (len(p), p)):
        w(f"    ({int(p)}, {len(p)}, {names.index(operators[p])}),")
    w("];")
    w("")
    w("/// Area code (NSN digits as a number, digit count) -> area name (libphonenumber geodata, 'id').")
    w(f"pub(super) static AREAS: [(u16, u8, &str); {len(areas)}] = [")
    for p in sorted(areas, key=lambda p: (len(p), p)):
        w(f"    ({int(p)}, {len(p)}, {rust_str(areas[p])}),")
    w("];")
    w("")
    return "\n".join(out)


def table_bytes(trie, strie, nat_rules, intl_rules, operators, areas):
    size = 0
    for nodes, leaves, _ in (trie, strie):
        size += len(nodes) * 22 + len(leaves) * 24
    size += (len(nat_rules) + len(intl_rules)) * (16 + 16 + 18 * 4 + 16)
    size += len(operators) * 8 + sum(len(n) for n in set(operators.values()))
    size += len(areas) * 24 + sum(len(n) for n in areas.values())
    return size


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", help="path of a downloaded phonenumbers wheel")
    ap.add_argument("--check", action="store_true", help="fail if the committed table is stale")
    args = ap.parse_args()
    pn = load_library(args.wheel or fetch_wheel())
    from phonenumbers.data.region_ID import PHONE_METADATA_ID as md
    from phonenumbers.shortdata.region_ID import PHONE_METADATA_ID as sd
    from phonenumbers.carrierdata import CARRIER_DATA
    from phonenumbers.geodata import GEOCODE_DATA

    langs, payload = number_langs(md)
    trie = build_trie(langs, payload)
    slangs, spayload = short_langs(sd)
    strie = build_trie(slangs, spayload)
    nat_rules = format_rules(md.number_format)
    intl_rules = format_rules(md.intl_number_format or md.number_format)
    operators = load_operators(CARRIER_DATA)
    areas = load_areas(GEOCODE_DATA)
    checked = verify(pn, md, sd, trie, strie, nat_rules, intl_rules)
    text = render(md, trie, strie, nat_rules, intl_rules, operators, areas)
    stats = (f"{len(trie[0])} nodes, {len(trie[1])} leaves, {len(strie[0])} short nodes, "
             f"{len(operators)} operator prefixes, {len(areas)} areas, "
             f"~{table_bytes(trie, strie, nat_rules, intl_rules, operators, areas)} bytes; "
             f"verified on {checked} numbers")
    if args.check:
        with open(OUT) as f:
            if f.read() != text:
                sys.exit("src/phone/table.rs is stale: run python3 tools/gen_phone.py")
        print(f"src/phone/table.rs is up to date ({stats})")
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {OUT} ({stats})")


if __name__ == "__main__":
    main()
