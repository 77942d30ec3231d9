"""NIK (Nomor Induk Kependudukan): parse, validate, format; batch checks.

>>> from identitas import nik
>>> n = nik.parse("32.7305.601090.0009")
>>> (n.sex, n.birth_day, n.birth_month, n.region.district)
('F', 20, 10, 'Andir')
"""

import datetime
from dataclasses import dataclass

from . import _lib, region as _region
from ._common import ascii_digits, call_parse
from ._identifier import date_args, make, masked

is_valid, validate, compact, format, is_valid_many, validate_many = make(_lib.KIND_NIK, "nik")


@dataclass(frozen=True, repr=False)
class Nik:
    """A valid NIK. repr() masks all but the region digits."""

    digits: str
    region_code: int
    region_status: str
    region_successor: int
    province_code: int
    sex: str  # "M" or "F"
    birth_day: int
    birth_month: int
    birth_year: int  # pivoted on the reference date; 0 when none fits
    birth_year_digits: int
    century_ambiguous: bool
    serial: int

    def __repr__(self):
        return masked("Nik", self.digits, 6)

    def __str__(self):
        # Masked like repr: printing or logging never shows the number; use .digits.
        return repr(self)

    @property
    def birth_date(self):
        """The NIK-encoded birth date (not an authoritative DOB), or None."""
        if not self.birth_year:
            return None
        return datetime.date(self.birth_year, self.birth_month, self.birth_day)

    @property
    def region(self):
        """The region of first registration (names, status, successor)."""
        return _region.lookup(self.digits[:6])


def parse(value, reference=None):
    """Parses a NIK; `reference` (a date) also rejects birth dates after it in both centuries."""
    if reference is None:
        s = call_parse(_lib.lib.identitas_nik_parse, _lib.identitas_nik, value)
    else:
        s = call_parse(_lib.lib.identitas_nik_parse_at, _lib.identitas_nik, value, *date_args(reference))
    return Nik(
        digits=ascii_digits(s.digits),
        region_code=s.region_code,
        region_status=_lib.REGION_STATUS_NAMES.get(s.region_status, "unknown"),
        region_successor=s.region_successor,
        province_code=s.province_code,
        sex="F" if s.sex == _lib.SEX_FEMALE else "M",
        birth_day=s.birth_day,
        birth_month=s.birth_month,
        birth_year=s.birth_year,
        birth_year_digits=s.birth_year_digits,
        century_ambiguous=bool(s.century_ambiguous),
        serial=s.serial,
    )
