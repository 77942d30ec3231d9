"""Tests of the Python binding (stdlib unittest only). Synthetic data only."""

import datetime
import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import identitas  # noqa: E402
from identitas import nik, kk, npwp, nitku, bpjs, nip, phone, region  # noqa: E402


class Nik(unittest.TestCase):
    def test_parse(self):
        n = nik.parse("3171011708450001")
        self.assertEqual(n.digits, "3171011708450001")
        self.assertEqual((n.sex, n.birth_day, n.birth_month, n.birth_year), ("M", 17, 8, 1945))
        self.assertEqual(n.region.district, "Gambir")
        self.assertEqual(repr(n), "Nik(317101**********)")
        f = nik.parse("32.7305.601090.0009")
        self.assertEqual((f.digits, f.sex, f.birth_date), ("3273056010900009", "F", datetime.date(1990, 10, 20)))
        p = nik.parse("9109014107850001")
        self.assertEqual((p.region_status, p.region_successor), ("retired", 940401))

    def test_reference_date(self):
        ref = datetime.date(2025, 6, 1)
        a = nik.parse("3171010101200001", reference=ref)
        self.assertEqual((a.birth_year, a.century_ambiguous), (2020, True))
        b = nik.parse("3171010101300001", reference=ref)
        self.assertEqual((b.birth_year, b.century_ambiguous), (1930, False))

    def test_errors_mirror_stdnum(self):
        cases = [
            ("3171013508450001", identitas.InvalidComponent, "invalid_day"),
            ("3171018108900001", identitas.InvalidComponent, "invalid_day"),
            ("3171011713450001", identitas.InvalidComponent, "invalid_month"),
            ("3171011708450000", identitas.InvalidComponent, "invalid_serial"),
            ("3502027102019913", identitas.InvalidComponent, "invalid_date"),
            ("0171011708450001", identitas.InvalidComponent, "unknown_province"),
            ("317101170845001", identitas.InvalidLength, "invalid_length"),
            ("31710117084500011", identitas.InvalidLength, "invalid_length"),
            ("3.17101E+15", identitas.InvalidFormat, "spreadsheet_float"),
            ("", identitas.InvalidFormat, "empty"),
        ]
        for value, cls, code in cases:
            with self.subTest(value=value):
                with self.assertRaises(cls) as cm:
                    nik.parse(value)
                self.assertIsInstance(cm.exception, identitas.ValidationError)
                self.assertIsInstance(cm.exception, ValueError)
                self.assertEqual(cm.exception.code, code)
                self.assertNotIn(value or "\0", str(cm.exception))  # no input in messages
                self.assertFalse(nik.is_valid(value))

    def test_compact_format_validate(self):
        self.assertEqual(nik.compact("3171 0117 0845 0001"), "3171011708450001")
        self.assertEqual(nik.format("3171-0117-0845-0001"), "3171011708450001")
        self.assertEqual(nik.validate("'3171011708450001"), "3171011708450001")
        self.assertTrue(nik.is_valid(b"3171011708450001"))
        with self.assertRaises(TypeError):
            nik.is_valid(3171011708450001)

    def test_batch(self):
        values = ["3171011708450001", "3171013508450001", "", "9109014107850001", "Ünïcode"]
        self.assertEqual(nik.is_valid_many(values), [True, False, False, True, False])
        errs = nik.validate_many(values)
        self.assertIsNone(errs[0])
        self.assertIsInstance(errs[1], identitas.InvalidComponent)
        self.assertIsInstance(errs[2], identitas.InvalidFormat)
        self.assertEqual(nik.is_valid_many([]), [])
        self.assertEqual(nik.is_valid_many(iter(values)), [nik.is_valid(v) for v in values])


class OtherIdentifiers(unittest.TestCase):
    def test_kk(self):
        k = kk.parse("3273-05-120315-0007", reference=datetime.date(2025, 6, 1))
        self.assertEqual((k.issue_date, k.serial), (datetime.date(2015, 3, 12), 7))
        self.assertFalse(kk.is_valid("3273055708900002"))

    def test_npwp(self):
        self.assertEqual(npwp.format("013121660091000"), "01.312.166.0-091.000")
        self.assertEqual(npwp.format("0831326657201000"), "083.132.665.7-201.000")
        self.assertEqual(npwp.compact("02 . 433 . 917 . 8 - 011 . 000"), "024339178011000")
        with self.assertRaises(identitas.InvalidChecksum):
            npwp.validate("01.451.869.7-054.000")
        p = npwp.parse("01.451.869.7-054.000", lenient=True)
        self.assertEqual((p.check_digit, p.expected_check_digit, p.check_digit_valid), (7, 0, False))
        self.assertEqual(npwp.parse("3171011708450001").form, "nik")
        with self.assertRaises(identitas.InvalidLength):
            npwp.parse("12345678901234")

    def test_nitku(self):
        t = nitku.parse("0831326657201000000003")
        self.assertEqual((t.place, t.is_main_place, t.npwp_form), (3, False, "npwp16"))
        self.assertTrue(nitku.is_valid("0831326657201000000000"))

    def test_bpjs(self):
        self.assertTrue(bpjs.is_valid("0001944358911"))
        self.assertEqual(bpjs.parse("0001944358911").digits, "0001944358911")
        with self.assertRaises(identitas.InvalidLength) as cm:
            bpjs.parse("3171011708450001")
        self.assertEqual(cm.exception.code, "nik_not_card")
        self.assertEqual(bpjs.kpj_parse("12345678901").digits, "12345678901")
        f = bpjs.faskes_parse("0301r001")
        self.assertEqual((f.code, f.office_code, f.facility_letter, f.serial), ("0301R001", "0301", "R", 1))

    def test_nip(self):
        n = nip.parse("19660801 198803 2 001")
        self.assertEqual((n.birth_date, n.appointment_year, n.sex), (datetime.date(1966, 8, 1), 1988, "F"))
        self.assertEqual(nip.format("196608011988031001"), "19660801 198803 1 001")
        self.assertEqual(repr(n), "Nip(" + "*" * 18 + ")")


class Phones(unittest.TestCase):
    def test_phone(self):
        p = phone.parse("+62 812-3456-7890")
        self.assertEqual((p.nsn, p.type, p.had_country_code, p.e164), ("81234567890", "mobile", True, "+6281234567890"))
        self.assertIsNotNone(p.origin)
        self.assertEqual(repr(p), "Phone(812********)")
        self.assertEqual(phone.normalize("0812-3456-7890"), "+6281234567890")
        self.assertEqual(phone.format("6281234567890"), "0812-3456-7890")
        self.assertEqual(phone.format("081234567890", "international"), "+62 812-3456-7890")
        self.assertEqual(phone.parse("(021) 5550123").type, "fixed_line")
        self.assertTrue(phone.parse("+620812345678").had_extra_zero)
        with self.assertRaises(identitas.InvalidComponent) as cm:
            phone.parse("08412345678")
        self.assertEqual(cm.exception.code, "unknown_prefix")
        with self.assertRaises(identitas.InvalidLength):
            phone.parse("08123")
        self.assertIn("emergency", phone.short_number("112"))
        self.assertEqual(phone.is_valid_many(["0812-3456-7890", "08412345678"]), [True, False])


class Regions(unittest.TestCase):
    def test_lookup(self):
        r = region.lookup("32.73.05")
        self.assertEqual((r.province, r.regency, r.district, r.status), ("Jawa Barat", "Kota Bandung", "Andir", "current"))
        r = region.lookup("920104")
        self.assertEqual((r.status, r.successor), ("retired", 960102))
        self.assertEqual(region.lookup("317199").status, "unknown")
        with self.assertRaises(ValueError):
            region.lookup("123")
        self.assertEqual(region.province_name(65), "Kalimantan Utara")
        self.assertIsNone(region.province_name(22))


class ScanAndRedact(unittest.TestCase):
    def test_char_offsets(self):
        from identitas._scan_redact import _char_offsets

        text = "ñama: é 3171011708450001 ✓"
        data = text.encode("utf-8")
        start = data.index(b"3171")
        m = _char_offsets(data, [start, start + 16])
        self.assertEqual(text[m[start] : m[start + 16]], "3171011708450001")

    def test_scan_returns_character_offsets(self):
        text = "Pasién Ñ: NIK 3171011708450001, ok ✓"
        for f in identitas.scan(text):
            self.assertGreaterEqual(f.start, 0)
            self.assertLessEqual(f.end, len(text))
            self.assertIn(f.kind, identitas._lib.KIND_CODES)
        self.assertEqual(identitas.scan(""), [])
        with self.assertRaises(ValueError):
            identitas.scan("x", kinds=["nope"])

    def test_scan_and_redact_real_text(self):
        text = "Pasién Ñ, NIK 3171 0117 0845 0001, HP +62 812-3456-7890 ✓"
        found = identitas.scan(text)
        self.assertEqual([f.kind for f in found], ["nik", "phone"])
        self.assertEqual(text[found[0].start : found[0].end], "3171 0117 0845 0001")
        self.assertEqual(text[found[1].start : found[1].end], "+62 812-3456-7890")
        self.assertEqual(found[0].confidence, "high")
        self.assertEqual([f.kind for f in identitas.scan(text, kinds=["phone"])], ["phone"])
        red = identitas.redact(text)
        self.assertEqual(len(red), len(text))
        self.assertNotIn("0845", red)
        self.assertTrue(red.startswith("Pasién Ñ, NIK 3171 01** **** ****, HP +62 812-"))
        placeholder = identitas.redact(text, identitas.Policy({"nik": "placeholder", "phone": "numbered"}))
        self.assertEqual(placeholder, "Pasién Ñ, NIK [NIK], HP [PHONE_1] ✓")
        buf = bytearray(text.encode())
        identitas.Redactor().redact_in_place(buf)
        self.assertEqual(buf.decode(), red)

    def test_redact_keeps_text_without_findings(self):
        self.assertEqual(identitas.redact("tidak ada nomor, ü"), "tidak ada nomor, ü")
        self.assertEqual(identitas.redact(b"bytes"), b"bytes")
        buf = bytearray(b"kontrol")
        identitas.Redactor().redact_in_place(buf)
        self.assertEqual(buf, b"kontrol")

    def test_policies(self):
        with self.assertRaises(identitas.IdentitasError) as cm:
            identitas.Redactor(identitas.Policy({"nik": "token"}))
        self.assertEqual(cm.exception.code, "missing_key")
        key = bytes((i * 37 + 11) % 256 for i in range(32))
        identitas.Redactor(identitas.Policy({"nik": "token"}, key=key))
        with self.assertRaises(ValueError):
            identitas.Policy({"nik": "shred"})._options()
        with self.assertRaises(identitas.IdentitasError):
            identitas.Redactor(identitas.Policy(mask_char="a"))

    def test_stream_equals_one_shot(self):
        text = "".join("baris %d: NIK 3171011708450001 hp 0812-3456-7890\n" % i for i in range(300)).encode()
        one = identitas.redact(text)
        s = identitas.RedactStream()
        out = b"".join(s.push(text[i : i + 77]) for i in range(0, len(text), 77)) + s.finish()
        self.assertEqual(out, one)

    def test_threads_share_a_redactor(self):
        r = identitas.Redactor()
        errors = []

        def work():
            try:
                for _ in range(200):
                    assert r.redact("catatan 123") == "catatan 123"
            except Exception as e:  # pragma: no cover
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
