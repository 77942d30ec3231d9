#!/usr/bin/env python3
"""Generates the synthetic leak sample used by `identitas triage` tests and demos.

Stdlib only, fixed seed: the output is byte-for-byte reproducible and committed.

    python3 tools/gen_sample.py           # rewrite examples/data/sample_*
    python3 tools/gen_sample.py --check   # exit 1 if the committed files differ

Writes, under examples/data/:
  sample_leak.csv       ~2,000 records with the columns of the 2021 BPJS Kesehatan dump
  sample_leak.jsonl     the same records as JSON lines
  sample_prose.txt      a page of Indonesian free text with identifiers in it
  sample_expected.json  the counts this generator planted, by the rules `identitas triage`
                        documents (src/triage/mod.rs), derived from per-row metadata and
                        cross-checked against the construction counts

Every person is invented. NIKs are built from real Kemendagri district codes
(../shared/data/regions, or tools/data for the retired Papua codes) so that they look
like a genuine dump; names, addresses, phones and e-mails are random combinations.
"""

import csv
import io
import json
import os
import random
import sys

SEED = 20210520  # the day the BPJS sample surfaced; any fixed value would do
REFERENCE = (2025, 6, 1)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "examples", "data")
REGIONS = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "regions"))
HOUSEHOLDS = 600

# Planted anomalies (rows), by construction.
PLANT = {
    "bad_nik_date": 40,
    "unknown_district": 30,
    "retired_papua": 25,
    "dob_mismatch": 30,
    "sex_mismatch": 20,
    "spreadsheet_float": 15,
    "kk_in_nik": 10,
    "wrong_length": 10,
    "empty_nik": 5,
    "bad_tgl_lahir": 10,
    "bad_npwp": 10,
    "bad_phone": 10,
    "duplicate_rows": 50,
}

COLUMNS = [
    "noka", "nik", "nama", "tgl_lahir", "jenis_kelamin", "alamat", "no_hp", "email",
    "kode_kantor", "status_bayar", "hubungan_keluarga", "no_kk", "npwp",
]

PHONE_PREFIXES = [
    "0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853",
    "0814", "0815", "0816", "0855", "0856", "0857", "0858",
    "0895", "0896", "0897", "0898", "0899",
    "0817", "0818", "0819", "0859", "0877", "0878", "0879",
    "0831", "0832", "0833", "0838", "0881", "0882", "0883", "0887", "0888", "0889",
]
MALE = ["Agus", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Joko", "Rudi", "Slamet", "Wahyu",
        "Yusuf", "Rizky", "Andi", "Bayu", "Dimas", "Imam", "Ahmad", "Teguh", "Arif", "Gilang"]
FEMALE = ["Ani", "Dewi", "Fitri", "Indah", "Kartika", "Lestari", "Maya", "Nur", "Putri", "Rina",
          "Sari", "Siti", "Tuti", "Wulan", "Yuni", "Ayu", "Citra", "Endang", "Ratna", "Dian"]
FAMILY = ["Santoso", "Wijaya", "Saputra", "Hidayat", "Kurniawan", "Pratama", "Susanto",
          "Nugroho", "Siregar", "Nasution", "Simanjuntak", "Lubis", "Harahap", "Setiawan",
          "Gunawan", "Rahman", "Purnomo", "Sihombing", "Tanjung", "Wibowo"]
STREETS = ["Melati", "Mawar", "Kenanga", "Merdeka", "Sudirman", "Diponegoro", "Pahlawan",
           "Cempaka", "Anggrek", "Flamboyan", "Veteran", "Gajah Mada"]
DOMAINS = ["gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com", "mail.example.id"]
STATUS = ["LUNAS", "MENUNGGAK", "LUNAS", "LUNAS", "TIDAK AKTIF"]


def read_csv(name):
    with open(os.path.join(REGIONS, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_regions():
    provinces = {r["code"]: r["name"] for r in read_csv("provinces.csv")}
    rows = read_csv("districts.csv")
    current = [r["code"].replace(".", "") for r in rows]
    names = {r["code"].replace(".", ""): r["district"] for r in rows}
    retired = [r["code"].replace(".", "") for r in read_csv("retired_districts.csv")]
    regencies = {r["code"].replace(".", ""): r["name"] for r in read_csv("regencies.csv")}
    for r in read_csv("historical_regencies.csv"):
        regencies.setdefault(r["code"].replace(".", ""), r["name"])
    return provinces, current, retired, regencies, names


def luhn_check_digit(eight):
    total = 0
    for i, ch in enumerate(eight):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        total += p - 9 if p > 9 else p
    return (10 - total % 10) % 10


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def age_at(dob, ref=REFERENCE):
    y, m, d = dob
    return ref[0] - y - (1 if (ref[1], ref[2]) < (m, d) else 0)


class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.provinces, self.current, self.retired, self.regencies, self.names = load_regions()
        self.current_set = set(self.current)
        self.known = self.current_set | set(self.retired)
        self.used_nik = set()
        self.used_kk = set()
        self.used_noka = set()

    def date(self, y0, y1):
        r = self.rng
        y = r.randint(y0, y1)
        m = r.randint(1, 12)
        return (y, m, r.randint(1, days_in_month(y, m)))

    def nik(self, district, dob, female):
        y, m, d = dob
        while True:
            serial = self.rng.randint(1, 999)
            v = "%s%02d%02d%02d%04d" % (district, d + (40 if female else 0), m, y % 100, serial)
            if v not in self.used_nik and len(set(v)) > 1:
                self.used_nik.add(v)
                return v

    def kk(self, district):
        while True:
            issued = self.date(2005, 2024)
            v = "%s%02d%02d%02d%04d" % (district, issued[2], issued[1], issued[0] % 100,
                                        self.rng.randint(1, 9999))
            if v not in self.used_kk and v not in self.used_nik:
                self.used_kk.add(v)
                return v

    def noka(self):
        while True:
            v = "000" + "".join(str(self.rng.randint(0, 9)) for _ in range(10))
            if v not in self.used_noka:
                self.used_noka.add(v)
                return v

    def phone(self):
        r = self.rng
        return r.choice(PHONE_PREFIXES) + "".join(str(r.randint(0, 9)) for _ in range(r.choice([7, 8])))

    def npwp(self, good=True):
        r = self.rng
        first8 = "%02d" % r.choice([1, 2, 7, 8, 9, 41, 54, 66]) + "".join(str(r.randint(0, 9)) for _ in range(6))
        c = luhn_check_digit(first8)
        if not good:
            c = (c + r.randint(1, 9)) % 10
        v = first8 + str(c) + "%03d" % r.randint(1, 999) + "000"
        return "%s.%s.%s.%s-%s.%s" % (v[0:2], v[2:5], v[5:8], v[8], v[9:12], v[12:15])


def fmt_tgl(dob, style):
    y, m, d = dob
    return "%04d-%02d-%02d" % (y, m, d) if style == 0 else "%02d-%02d-%04d" % (d, m, y)


def build():
    g = Gen()
    r = g.rng
    rows = []  # each: dict of columns + "_meta"
    for h in range(HOUSEHOLDS):
        district = r.choice(g.current)
        kk = g.kk(district)
        family = r.choice(FAMILY)
        street = "Jl. %s No. %d, RT %03d/RW %03d" % (r.choice(STREETS), r.randint(1, 200),
                                                     r.randint(1, 20), r.randint(1, 15))
        kantor = "%04d" % r.randint(101, 1999)
        members = [("Kepala Keluarga", False, g.date(1945, 1995))]
        if r.random() < 0.85:
            members.append(("Istri", True, g.date(1950, 2000)))
        for _ in range(r.choice([0, 1, 1, 2, 2, 3])):
            members.append(("Anak", r.random() < 0.5, g.date(2001, 2024)))
        for rel, female, dob in members:
            if rel == "Istri" and r.random() < 0.3:
                nik_district = r.choice(g.current)  # registered elsewhere before marriage
            else:
                nik_district = district
            given = r.choice(FEMALE if female else MALE)
            phone = g.phone() if age_at(dob) >= 17 else ""
            email = ""
            if phone and r.random() < 0.6:
                email = "%s.%s%d@%s" % (given.lower(), family.lower(), r.randint(1, 99), r.choice(DOMAINS))
            npwp = g.npwp() if rel == "Kepala Keluarga" and r.random() < 0.35 else ""
            rows.append({
                "noka": g.noka(),
                "nik": g.nik(nik_district, dob, female),
                "nama": "%s %s" % (given, family),
                "tgl_lahir": fmt_tgl(dob, 0 if r.random() < 0.8 else 1),
                "jenis_kelamin": ("P" if female else "L") if r.random() < 0.85 else ("Perempuan" if female else "Laki-laki"),
                "alamat": "%s, %s" % (street, "Kec. " + g.names[district]),
                "no_hp": phone,
                "email": email,
                "kode_kantor": kantor,
                "status_bayar": r.choice(STATUS),
                "hubungan_keluarga": rel,
                "no_kk": kk,
                "npwp": npwp,
                "_meta": {"dob": dob, "female": female, "nik_district": nik_district,
                          "kk_district": district, "plant": None},
            })
    return g, rows


def plant(g, rows):
    r = g.rng
    idx = list(range(len(rows)))
    r.shuffle(idx)
    pos = 0

    def take(n, pred=lambda row: True):
        nonlocal pos
        out = []
        while len(out) < n:
            row = rows[idx[pos]]
            pos += 1
            if pred(row):
                out.append(row)
        return out

    def replace_nik(row, new):
        g.used_nik.discard(row["nik"])
        row["nik"] = new

    adult = lambda row: row["_meta"]["dob"][0] < 2000
    with_phone = lambda row: row["no_hp"] != ""
    for row in take(PLANT["bad_nik_date"]):
        n = row["nik"]
        bad = r.choice(["day35", "day81", "month13", "feb31"])
        if bad == "day35":
            v = n[:6] + "35" + n[8:]
        elif bad == "day81":
            v = n[:6] + "81" + n[8:]
        elif bad == "month13":
            v = n[:8] + "13" + n[10:]
        else:
            v = n[:6] + ("71" if row["_meta"]["female"] else "31") + "02" + n[10:]
        replace_nik(row, v)
        row["_meta"]["plant"] = "bad_nik_date"
    for row in take(PLANT["unknown_district"]):
        n = row["nik"]
        reg = n[:4]
        for suffix in range(99, 0, -1):
            code = "%s%02d" % (reg, suffix)
            if code not in g.known:
                break
        replace_nik(row, code + n[6:])
        row["_meta"]["plant"] = "unknown_district"
        row["_meta"]["nik_district"] = code
    papua = [c for c in g.retired if c[:4] in ("9101", "9109", "9271", "9201")]
    for row in take(PLANT["retired_papua"]):
        m = row["_meta"]
        code = r.choice(papua)
        replace_nik(row, g.nik(code, m["dob"], m["female"]))
        m["plant"] = "retired_papua"
        m["nik_district"] = code
    for row in take(PLANT["dob_mismatch"], adult):
        m = row["_meta"]
        y, mo, d = m["dob"]
        new = (y, mo, d + 1 if d < 28 else d - 1)  # same year: child status unchanged
        row["tgl_lahir"] = fmt_tgl(new, 0)
        m["tgl"] = new
        m["plant"] = "dob_mismatch"
    for row in take(PLANT["sex_mismatch"], adult):
        row["jenis_kelamin"] = "L" if row["_meta"]["female"] else "P"
        row["_meta"]["plant"] = "sex_mismatch"
    for row in take(PLANT["spreadsheet_float"]):
        row["nik"] = "%.5fE+15" % (int(row["nik"]) / 1e15)
        row["_meta"]["plant"] = "spreadsheet_float"
    for row in take(PLANT["kk_in_nik"]):
        row["nik"] = row["no_kk"]
        row["_meta"]["plant"] = "kk_in_nik"
    for row in take(PLANT["wrong_length"]):
        row["nik"] = row["nik"][:15] if r.random() < 0.5 else row["nik"] + str(r.randint(0, 9))
        row["_meta"]["plant"] = "wrong_length"
    for row in take(PLANT["empty_nik"]):
        row["nik"] = ""
        row["_meta"]["plant"] = "empty_nik"
    for row in take(PLANT["bad_tgl_lahir"]):
        row["tgl_lahir"] = r.choice(["00-00-0000", "1980-02-30", "-"])
        row["_meta"]["tgl_bad"] = True
        row["_meta"]["plant"] = "bad_tgl_lahir"
    for row in take(PLANT["bad_npwp"], lambda row: row["hubungan_keluarga"] == "Kepala Keluarga"):
        row["npwp"] = g.npwp(good=False)
    for row in take(PLANT["bad_phone"], with_phone):
        row["no_hp"] = "084" + row["no_hp"][3:]  # 084x is not a mobile range
    # Duplicates: exact copies of earlier rows, inserted after their originals.
    originals = take(PLANT["duplicate_rows"])
    for o in originals:
        copy = {k: v for k, v in o.items()}
        at = rows.index(o) + 1 + r.randint(0, 40)
        rows.insert(at, copy)
    return rows


# ---- the counting rules of `identitas triage`, applied to the metadata ----

def parse_tgl(s):
    for style in (0, 1):
        try:
            if style == 0 and len(s) == 10 and s[4] == "-" and s[7] == "-":
                y, m, d = int(s[0:4]), int(s[5:7]), int(s[8:10])
            elif style == 1 and len(s) == 10 and s[2] == "-" and s[5] == "-":
                d, m, y = int(s[0:2]), int(s[3:5]), int(s[6:10])
            else:
                continue
        except ValueError:
            continue
        if 1 <= m <= 12 and 1 <= d <= days_in_month(y, m) and y >= 1:
            return (y, m, d)
    return None


def expected(g, rows):
    e = {
        "reference_date": "%04d-%02d-%02d" % REFERENCE,
        "records": len(rows),
        "planted": dict(PLANT),
    }
    nik = {"values": 0, "valid": 0, "known_district": 0, "retired_district": 0,
           "unknown_district": 0, "invalid": 0, "spreadsheet_float": 0, "kk_in_nik_column": 0,
           "invalid_length": 0, "invalid_date_or_day_or_month": 0}
    cons = {"dob_compared": 0, "dob_mismatch": 0, "sex_compared": 0, "sex_mismatch": 0,
            "kk_compared": 0, "kk_same_province": 0, "kk_same_regency": 0}
    seen_nik, seen_row = set(), set()
    dup_nik = dup_rows = 0
    provinces, regencies = {}, {}
    sex = {"male": 0, "female": 0, "unknown": 0}
    years = {}
    children = 0
    ids = {k: {"values": 0, "valid": 0} for k in ("nik", "kk", "npwp", "bpjs_kesehatan", "phone", "email")}
    for row in rows:
        m = row["_meta"]
        plant = m["plant"]
        key = tuple(row[c] for c in COLUMNS)
        if key in seen_row:
            dup_rows += 1
        seen_row.add(key)
        nik_ok = False
        if row["nik"]:
            nik["values"] += 1
            if plant == "kk_in_nik":
                nik["kk_in_nik_column"] += 1
            elif plant in ("bad_nik_date", "spreadsheet_float", "wrong_length"):
                nik["invalid"] += 1
                if plant == "spreadsheet_float":
                    nik["spreadsheet_float"] += 1
                elif plant == "wrong_length":
                    nik["invalid_length"] += 1
                else:
                    nik["invalid_date_or_day_or_month"] += 1
            else:
                nik_ok = True
                nik["valid"] += 1
                code = m["nik_district"]
                if code in g.current_set:
                    nik["known_district"] += 1
                elif code in g.known:
                    nik["known_district"] += 1
                    nik["retired_district"] += 1
                else:
                    nik["unknown_district"] += 1
                if row["nik"] in seen_nik:
                    dup_nik += 1
                seen_nik.add(row["nik"])
                provinces[code[:2]] = provinces.get(code[:2], 0) + 1
                regencies[code[:4]] = regencies.get(code[:4], 0) + 1
        ids["nik"]["values"] += 1 if row["nik"] else 0
        ids["nik"]["valid"] += 1 if nik_ok else 0
        ids["kk"]["values"] += 1
        ids["kk"]["valid"] += 1
        ids["bpjs_kesehatan"]["values"] += 1
        ids["bpjs_kesehatan"]["valid"] += 1
        if row["npwp"]:
            ids["npwp"]["values"] += 1
            ids["npwp"]["valid"] += 1 if luhn_ok(row["npwp"]) else 0
        if row["no_hp"]:
            ids["phone"]["values"] += 1
            ids["phone"]["valid"] += 0 if row["no_hp"].startswith("084") else 1
        if row["email"]:
            ids["email"]["values"] += 1
            ids["email"]["valid"] += 1
        tgl = None if m.get("tgl_bad") else m.get("tgl", m["dob"])
        assert tgl == parse_tgl(row["tgl_lahir"]), (tgl, row["tgl_lahir"])
        jk_female = row["jenis_kelamin"] in ("P", "Perempuan")
        if nik_ok:
            nik_dob = m["dob"]
            if tgl is not None:
                cons["dob_compared"] += 1
                if (tgl[2], tgl[1], tgl[0] % 100) != (nik_dob[2], nik_dob[1], nik_dob[0] % 100):
                    cons["dob_mismatch"] += 1
            cons["sex_compared"] += 1
            if jk_female != m["female"]:
                cons["sex_mismatch"] += 1
            cons["kk_compared"] += 1
            kd, nd = row["no_kk"][:6], row["nik"][:6]
            cons["kk_same_province"] += 1 if kd[:2] == nd[:2] else 0
            cons["kk_same_regency"] += 1 if kd[:4] == nd[:4] else 0
        subject_dob = tgl if tgl is not None else (m["dob"] if nik_ok else None)
        sex["female" if jk_female else "male"] += 1
        if subject_dob is None:
            continue
        years[str(subject_dob[0])] = years.get(str(subject_dob[0]), 0) + 1
        if age_at(subject_dob) < 18:
            children += 1
    nik["duplicates"] = dup_nik
    nik["distinct_valid"] = len(seen_nik)
    e["nik"] = nik
    e["identifiers"] = ids
    e["consistency"] = cons
    e["duplicate_records"] = dup_rows
    e["provinces"] = dict(sorted(provinces.items()))
    e["regencies"] = dict(sorted(regencies.items()))
    e["sex"] = sex
    e["birth_years"] = dict(sorted(years.items()))
    e["children"] = children
    # Construction cross-checks: the derivation must see what was planted.
    assert nik["spreadsheet_float"] == PLANT["spreadsheet_float"] + dup_of(rows, "spreadsheet_float")
    assert nik["kk_in_nik_column"] == PLANT["kk_in_nik"] + dup_of(rows, "kk_in_nik")
    assert nik["unknown_district"] == PLANT["unknown_district"] + dup_of(rows, "unknown_district")
    assert nik["invalid_date_or_day_or_month"] == PLANT["bad_nik_date"] + dup_of(rows, "bad_nik_date")
    assert cons["sex_mismatch"] == PLANT["sex_mismatch"] + dup_of(rows, "sex_mismatch")
    assert cons["dob_mismatch"] == PLANT["dob_mismatch"] + dup_of(rows, "dob_mismatch")
    assert dup_rows == PLANT["duplicate_rows"]
    return e


def dup_of(rows, plant):
    """How many of the duplicate rows copy a row with this plant."""
    seen, n = set(), 0
    for row in rows:
        key = tuple(row[c] for c in COLUMNS)
        if key in seen and row["_meta"]["plant"] == plant:
            n += 1
        seen.add(key)
    return n


def luhn_ok(npwp):
    d = "".join(ch for ch in npwp if ch.isdigit())
    return luhn_check_digit(d[:8]) == int(d[8])


# ---- free text ----

PROSE = """LAPORAN INSIDEN (contoh sintetis, bukan data nyata)

Pada hari Kamis tim keamanan menerima laporan bahwa sebuah berkas berisi data peserta
beredar di sebuah forum. Berkas tersebut memuat kolom nama, tanggal lahir, alamat dan
nomor identitas. Salah satu contoh yang dikutip penjual adalah peserta atas nama
{name1} dengan NIK {nik1} yang tinggal di {addr1}.

Penjual juga menampilkan No. KK {kk1} beserta nomor kartu BPJS {noka1} untuk
membuktikan keaslian data. Nomor telepon yang tercantum, misalnya {phone1} dan
{phone2}, diduga masih aktif. Kontak surel {email1} dan {email2} juga ikut bocor.

Dalam tangkapan layar kedua terlihat NPWP {npwp1} milik seorang wajib pajak serta
NIK anak {nik2} (lahir {child_dob}). Seorang pegawai menghubungi pelapor melalui
{phone3}; nomor ini kami catat untuk keperluan investigasi saja.

Beberapa nilai dalam berkas jelas rusak, misalnya 3.27305E+15 yang merupakan hasil
konversi Excel, dan angka 12345 yang bukan nomor identitas. Nomor referensi tiket
internal adalah TIKET-2024-0042.

Tindak lanjut: pemberitahuan tertulis kepada subjek data dan lembaga PDP paling
lambat 3 x 24 jam sejak kegagalan pelindungan data diketahui (UU 27/2022 Pasal 46).
Penanggung jawab: {name2}, surel {email3}, NIK {nik3}.
"""


def prose(g):
    r = g.rng
    d1, d2, d3 = r.choice(g.current), r.choice(g.current), r.choice(g.current)
    child = g.date(2012, 2020)
    values = {
        "name1": "%s %s" % (r.choice(MALE), r.choice(FAMILY)),
        "name2": "%s %s" % (r.choice(FEMALE), r.choice(FAMILY)),
        "nik1": g.nik(d1, g.date(1960, 1990), False),
        "nik2": g.nik(d2, child, True),
        "nik3": g.nik(d3, g.date(1970, 1995), True),
        "kk1": g.kk(d1),
        "noka1": g.noka(),
        "phone1": g.phone(),
        "phone2": "+62 " + g.phone()[1:4] + "-" + "%04d-%04d" % (r.randint(0, 9999), r.randint(0, 9999)),
        "phone3": g.phone(),
        "email1": "peserta%d@%s" % (r.randint(1, 999), r.choice(DOMAINS)),
        "email2": "%s.%s@%s" % (r.choice(FEMALE).lower(), r.choice(FAMILY).lower(), r.choice(DOMAINS)),
        "email3": "keamanan@rs-contoh.example.id",
        "npwp1": g.npwp(),
        "addr1": "Jl. %s No. %d" % (r.choice(STREETS), r.randint(1, 99)),
        "child_dob": "%02d-%02d-%04d" % (child[2], child[1], child[0]),
    }
    text = PROSE.format(**values)
    found = {"nik": 3, "kk": 1, "bpjs_kesehatan": 1, "phone": 3, "email": 3, "npwp": 1}
    return text, found


def render():
    g, rows = build()
    rows = plant(g, rows)
    exp = expected(g, rows)
    text, found = prose(g)
    exp["prose"] = {"found": found}
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in rows:
        w.writerow([row[c] for c in COLUMNS])
    jsonl = "".join(json.dumps({c: row[c] for c in COLUMNS}, ensure_ascii=False) + "\n" for row in rows)
    return {
        "sample_leak.csv": out.getvalue(),
        "sample_leak.jsonl": jsonl,
        "sample_prose.txt": text,
        "sample_expected.json": json.dumps(exp, indent=2, sort_keys=True) + "\n",
    }


def main():
    check = "--check" in sys.argv[1:]
    files = render()
    stale = []
    for name, content in files.items():
        path = os.path.join(OUT, name)
        if check:
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    if f.read() != content:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        else:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(content)
    if check and stale:
        print("gen_sample: stale files (run python3 tools/gen_sample.py): " + ", ".join(stale))
        return 1
    if check:
        print("gen_sample: committed sample files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
