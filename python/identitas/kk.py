"""KK (family card) numbers: same shape as a NIK, the date is the record date."""

import datetime
from dataclasses import dataclass

from . import _lib, region as _region
from ._common import ascii_digits, call_parse
from ._identifier import date_args, make, masked

is_valid, validate, compact, format, is_valid_many, validate_many = make(_lib.KIND_KK, "kk")


@dataclass(frozen=True, repr=False)
class Kk:
    """A valid KK number. repr() masks all but the region digits."""

    digits: str
    region_code: int
    region_status: str
    region_successor: int
    issue_day: int
    issue_month: int
    issue_year: int
    issue_year_digits: int
    serial: int

    def __repr__(self):
        return masked("Kk", self.digits, 6)

    def __str__(self):
        # Masked like repr: printing or logging never shows the number; use .digits.
        return repr(self)

    @property
    def issue_date(self):
        """Date the family record was entered, or None."""
        if not self.issue_year:
            return None
        return datetime.date(self.issue_year, self.issue_month, self.issue_day)

    @property
    def region(self):
        """The region of issue."""
        return _region.lookup(self.digits[:6])


def parse(value, reference=None):
    """Parses a KK number; `reference` rejects record dates after it."""
    if reference is None:
        s = call_parse(_lib.lib.identitas_kk_parse, _lib.identitas_kk, value)
    else:
        s = call_parse(_lib.lib.identitas_kk_parse_at, _lib.identitas_kk, value, *date_args(reference))
    return Kk(
        digits=ascii_digits(s.digits),
        region_code=s.region_code,
        region_status=_lib.REGION_STATUS_NAMES.get(s.region_status, "unknown"),
        region_successor=s.region_successor,
        issue_day=s.issue_day,
        issue_month=s.issue_month,
        issue_year=s.issue_year,
        issue_year_digits=s.issue_year_digits,
        serial=s.serial,
    )
