"""NPWP (tax number): 15 digits, 16 DJP digits (`0` + 15) or a NIK; NITKU in nitku."""

from dataclasses import dataclass
from typing import Optional

from . import _lib
from ._common import ascii_digits, call_parse
from ._identifier import make, masked

is_valid, validate, compact, format, is_valid_many, validate_many = make(_lib.KIND_NPWP, "npwp")


@dataclass(frozen=True, repr=False)
class Npwp:
    """A valid NPWP. repr() masks it."""

    normalized: str  # the 16-digit form
    form: str  # "npwp15", "npwp16" or "nik"
    compact: str  # the digits as written (15 or 16)
    check_digit: Optional[int]
    expected_check_digit: Optional[int]
    check_digit_valid: bool

    def __repr__(self):
        return masked("Npwp", self.compact, 6 if self.form != "nik" else 6)

    def __str__(self):
        # Masked like repr: printing or logging never shows the number; use .compact.
        return repr(self)

    @property
    def tax_type(self):
        return None if self.form == "nik" else self.normalized[1:3]

    @property
    def tax_office(self):
        return None if self.form == "nik" else self.normalized[10:13]

    @property
    def branch(self):
        return None if self.form == "nik" else self.normalized[13:16]


def parse(value, lenient=False):
    """Parses an NPWP; `lenient` accepts a wrong check digit (check_digit_valid False)."""
    fn = _lib.lib.identitas_npwp_parse_lenient if lenient else _lib.lib.identitas_npwp_parse
    s = call_parse(fn, _lib.identitas_npwp, value)
    normalized = ascii_digits(s.digits)

    def digit(d):
        return None if d == _lib.NO_CHECK_DIGIT else d

    return Npwp(
        normalized=normalized,
        form=_lib.NPWP_FORM_NAMES.get(s.form, "nik"),
        compact=normalized[16 - s.compact_len :],
        check_digit=digit(s.check_digit),
        expected_check_digit=digit(s.expected_check_digit),
        check_digit_valid=bool(s.check_digit_valid),
    )
