"""Drift checks: the Python declarations agree with include/identitas.h and the library."""

import ctypes
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

from identitas import _lib  # noqa: E402

HEADER = os.path.join(HERE, "..", "..", "include", "identitas.h")


def header_text():
    with open(HEADER, encoding="utf-8") as f:
        return f.read()


def prototypes(text):
    """name -> number of parameters, for every function declared in the header."""
    out = {}
    code = re.sub(r"//[^\n]*", "", text)
    for m in re.finditer(r"\b(identitas_[a-z0-9_]+)\s*\(([^;{]*?)\)\s*;", code, re.S):
        name, params = m.group(1), m.group(2).strip()
        if "(*" in params:
            params = re.sub(r"\([^()]*\)", "", params)
        out[name] = 0 if params in ("", "void") else params.count(",") + 1
    return out


def defines(text):
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"#define (IDENTITAS_\w+) (-?\d+)", text)}


class Drift(unittest.TestCase):
    def test_every_header_function_is_declared(self):
        protos = prototypes(header_text())
        self.assertGreater(len(protos), 40)
        self.assertEqual(sorted(set(protos) - set(_lib.FUNCTIONS)), [], "declared in the header, not in _lib")
        self.assertEqual(sorted(set(_lib.FUNCTIONS) - set(protos)), [], "declared in _lib, not in the header")
        for name, nparams in protos.items():
            with self.subTest(name=name):
                fn = getattr(_lib.lib, name)
                self.assertEqual(len(fn.argtypes), nparams)
                self.assertIsNotNone(fn.argtypes)

    def test_struct_sizes(self):
        d = defines(header_text())
        for name, size in _lib.SIZEOF.items():
            with self.subTest(struct=name):
                key = "IDENTITAS_SIZEOF_" + name[len("identitas_") :].upper()
                self.assertEqual(d[key], size)
                self.assertEqual(ctypes.sizeof(_lib.STRUCTS[name]), size)
        for name, size in _lib.SIZEOF_PLATFORM.items():
            self.assertEqual(ctypes.sizeof(_lib.STRUCTS[name]), size, name)
        # Every struct typedef of the header has a ctypes twin with the same fields.
        text = header_text()
        for m in re.finditer(r"typedef struct (identitas_\w+) \{(.*?)\} \1;", text, re.S):
            name, body = m.group(1), re.sub(r"//[^\n]*", "", m.group(2))
            fields = re.findall(r"(\w+)(?:\[\w+\])?;", body)
            self.assertEqual([f[0] for f in _lib.STRUCTS[name]._fields_], fields, name)

    def test_abi_versions_agree(self):
        d = defines(header_text())
        self.assertEqual(d["IDENTITAS_ABI_VERSION_MAJOR"], _lib.ABI_VERSION_MAJOR)
        self.assertEqual(d["IDENTITAS_ABI_VERSION_MINOR"], _lib.ABI_VERSION_MINOR)
        self.assertEqual(d["IDENTITAS_ABI_VERSION"], _lib.ABI_VERSION)
        self.assertEqual(_lib.lib.identitas_abi_version(), _lib.ABI_VERSION)

    def test_constants_agree(self):
        d = defines(header_text())
        checked = 0
        for attr in dir(_lib):
            if attr.isupper() and isinstance(getattr(_lib, attr), int) and "IDENTITAS_" + attr in d:
                self.assertEqual(getattr(_lib, attr), d["IDENTITAS_" + attr], attr)
                checked += 1
        self.assertGreater(checked, 25)
        for name, code in _lib.OP_CODES.items():
            self.assertEqual(d["IDENTITAS_OP_" + name.upper()], code)
        for code, name in _lib.KIND_NAMES.items():
            self.assertEqual(d["IDENTITAS_KIND_" + name.upper()], code)
        # Every status in the header has a name in the library.
        for key, value in d.items():
            if key.startswith("IDENTITAS_STATUS_"):
                self.assertNotEqual(_lib.status_str(value), "unknown_status", key)


if __name__ == "__main__":
    unittest.main()
