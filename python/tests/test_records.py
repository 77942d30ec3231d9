"""ABI 1.1 in Python: record redaction, JSON policies, custom masks, hints, streaming scans."""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

import identitas  # noqa: E402
from identitas import IdentitasError  # noqa: E402

CSV = "nik,nama\n3171011708450001,\"Budi\"x\n3171011708450001,Ani\n1,2,3\n"
CSV_WANT = "nik,nama\n317101**********,\"Budi\"x\n317101**********,***\n1,2,3\n"
KEY = bytes((i * 73 + 5) % 256 for i in range(32))


class Records(unittest.TestCase):
    def test_redact_csv_str_and_bytes(self):
        self.assertEqual(identitas.redact_csv(CSV), CSV_WANT)
        self.assertEqual(identitas.redact_csv(CSV.encode()), CSV_WANT.encode())
        self.assertEqual(identitas.redact_csv(""), "")

    def test_redact_jsonl(self):
        out = identitas.redact_jsonl('{"nik": 3171011708450001, "nama": "Budi"}\n')
        self.assertEqual(out, '{"nik": "317101**********", "nama": "****"}\n')

    def test_policies_as_dict_json_policy_redactor(self):
        want = "nik,nama\n[NIK],Ani\n"
        data = "nik,nama\n3171011708450001,Ani\n"
        pol = {"kinds": {"nik": "placeholder"}, "classes": {"name": "keep"}}
        self.assertEqual(identitas.redact_csv(data, pol), want)
        import json

        self.assertEqual(identitas.redact_csv(data, json.dumps(pol)), want)
        self.assertEqual(identitas.redact_csv(data, identitas.Redactor(policy_json=pol)), want)
        out = identitas.redact_csv(data, identitas.Policy({"nik": "placeholder"}))
        self.assertEqual(out, "nik,nama\n[NIK],***\n")

    def test_stream_any_chunking_and_reports(self):
        for size in (1, 4, 100):
            s = identitas.RecordStream(format="csv")
            out = b""
            raw = CSV.encode()
            for i in range(0, len(raw), size):
                out += s.push(raw[i : i + size])
            out += s.finish()
            self.assertEqual(out.decode(), CSV_WANT, size)
            self.assertEqual(s.malformed_count, 2)
            self.assertEqual(s.malformed_lines, [2, 4])
            self.assertEqual(s.records, 4)
        with self.assertRaises(IdentitasError) as cm:
            s.push(b"x")
        self.assertEqual(cm.exception.code, "stream_finished")
        clean = identitas.RecordStream(format="jsonl")
        clean.push('{"a": 1}\n')
        clean.finish()
        self.assertEqual(clean.malformed_lines, [])

    def test_reject_and_bad_format(self):
        with self.assertRaises(IdentitasError) as cm:
            identitas.redact_csv(CSV, {"on_malformed": "reject"})
        self.assertEqual(cm.exception.code, "record_rejected")
        with self.assertRaises(ValueError):
            identitas.RecordStream(format="xml")


class Policies(unittest.TestCase):
    def test_json_policy_with_key(self):
        r = identitas.Redactor(policy_json={"kinds": {"nik": "token"}}, key=KEY)
        self.assertTrue(r.redact("NIK 3171011708450001").startswith("NIK [NIK:"))
        with self.assertRaises(IdentitasError) as cm:
            identitas.Redactor(policy_json={"kinds": {"nik": "token"}})
        self.assertEqual(cm.exception.code, "missing_key")
        with self.assertRaises(IdentitasError) as cm:
            identitas.Redactor(policy_json={"kinds": {"nik": "token"}}, key=KEY[:31])
        self.assertEqual(cm.exception.code, "invalid_key")

    def test_invalid_policy_explains(self):
        with self.assertRaises(ValueError) as cm:
            identitas.Redactor(policy_json='{"colour": 1}')
        self.assertIn("unknown key", str(cm.exception))
        self.assertIsNone(identitas.check_policy("{}"))
        self.assertIn("not JSON", identitas.check_policy("{"))
        with self.assertRaises(ValueError):
            identitas.Redactor(policy=identitas.Policy(), policy_json="{}")

    def test_custom_masks(self):
        r = identitas.Redactor(identitas.Policy(masks={"nik": (0, 4), "phone": (0, 2, "#")}))
        self.assertEqual(
            r.redact("NIK 3171011708450001 HP 081234567890"),
            "NIK ************0001 HP 0#########90",
        )
        with self.assertRaises(IdentitasError) as cm:
            identitas.Redactor(identitas.Policy(masks={"nik": (7, 0)}))
        self.assertEqual(cm.exception.code, "invalid_policy")
        with self.assertRaises(ValueError):
            identitas.Policy(masks={"bogus": (0, 0)})._masks()


class Scanning(unittest.TestCase):
    def test_hint(self):
        self.assertEqual(identitas.scan("3171012208450001")[0].kind, "nik")
        self.assertEqual(identitas.scan("3171012208450001", hint="kk")[0].kind, "kk")
        self.assertEqual(identitas.Scanner().scan(b"3171012208450001", hint="kk")[0].kind, "kk")
        with self.assertRaises(ValueError):
            identitas.scan("1", hint="passport")

    def test_stream_matches_one_shot(self):
        text = ("NIK: 3171 0117 0845 0001, HP 0812-3456-7890; lagi 3171011708450001. " * 3).encode()
        whole = identitas.Scanner().scan_bytes(text)
        self.assertEqual(len(whole), 9)
        for size in (1, 5, 1000):
            s = identitas.ScanStream()
            got = []
            for i in range(0, len(text), size):
                got += s.push(text[i : i + size])
            self.assertEqual(s.offset, len(text))
            got += s.finish()
            self.assertEqual(got, whole, size)
            self.assertEqual(s.offset, 0)
        s = identitas.ScanStream(identitas.Scanner(["phone"]), hint="phone")
        s.push(text)
        self.assertEqual({f.kind for f in s.finish()}, {"phone"})


if __name__ == "__main__":
    unittest.main()
