"""BPJS numbers: Kesehatan card (13 digits), Ketenagakerjaan KPJ, faskes codes.

The card functions are at module level (`bpjs.is_valid`, `bpjs.parse`); KPJ
ones are prefixed `kpj_`.
"""

from dataclasses import dataclass

from . import _lib
from ._common import ascii_digits, call_parse
from ._identifier import make, masked

is_valid, validate, compact, format, is_valid_many, validate_many = make(
    _lib.KIND_BPJS_KESEHATAN, "bpjs_kesehatan"
)
(
    kpj_is_valid,
    kpj_validate,
    kpj_compact,
    kpj_format,
    kpj_is_valid_many,
    kpj_validate_many,
) = make(_lib.KIND_BPJS_KETENAGAKERJAAN, "kpj")


@dataclass(frozen=True, repr=False)
class BpjsKesehatan:
    """A BPJS Kesehatan card number. repr() shows only the first two digits."""

    digits: str
    has_usual_prefix: bool

    def __repr__(self):
        return masked("BpjsKesehatan", self.digits, 2)

    def __str__(self):
        # Masked like repr: printing or logging never shows the number; use .digits.
        return repr(self)


@dataclass(frozen=True, repr=False)
class Kpj:
    """A BPJS Ketenagakerjaan KPJ number. repr() masks it."""

    digits: str
    is_standard_length: bool

    def __repr__(self):
        return masked("Kpj", self.digits, 0)

    def __str__(self):
        # Masked like repr: printing or logging never shows the number; use .digits.
        return repr(self)


@dataclass(frozen=True)
class Faskes:
    """A health-facility code (not personal data)."""

    code: str
    facility_letter: str
    serial: int

    @property
    def office_code(self):
        return self.code[:4]


def parse(value):
    """Parses a BPJS Kesehatan card number."""
    s = call_parse(_lib.lib.identitas_bpjs_kesehatan_parse, _lib.identitas_bpjs_kesehatan, value)
    return BpjsKesehatan(digits=ascii_digits(s.digits), has_usual_prefix=bool(s.has_usual_prefix))


def kpj_parse(value):
    """Parses a KPJ number."""
    s = call_parse(_lib.lib.identitas_kpj_parse, _lib.identitas_kpj, value)
    return Kpj(digits=ascii_digits(s.digits, s.len), is_standard_length=bool(s.is_standard_length))


def faskes_parse(value):
    """Parses a faskes code `\\d{4}[A-Z]\\d{3}`."""
    s = call_parse(_lib.lib.identitas_faskes_parse, _lib.identitas_faskes, value)
    return Faskes(code=ascii_digits(s.code), facility_letter=chr(s.facility_letter), serial=s.serial)
