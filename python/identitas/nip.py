"""NIP (civil-servant number): `YYYYMMDD YYYYMM G SSS`."""

import datetime
from dataclasses import dataclass

from . import _lib
from ._common import ascii_digits, call_parse
from ._identifier import make, masked

is_valid, validate, compact, format, is_valid_many, validate_many = make(_lib.KIND_NIP, "nip")


@dataclass(frozen=True, repr=False)
class Nip:
    """A valid NIP. repr() masks every digit (the first eight are a birth date)."""

    digits: str
    birth_date: datetime.date
    appointment_year: int
    appointment_month: int
    sex: str
    age_at_appointment: int
    serial: int

    def __repr__(self):
        return masked("Nip", self.digits, 0)

    def __str__(self):
        # Masked like repr: printing or logging never shows the number; use .digits.
        return repr(self)


def parse(value):
    """Parses a NIP."""
    s = call_parse(_lib.lib.identitas_nip_parse, _lib.identitas_nip, value)
    return Nip(
        digits=ascii_digits(s.digits),
        birth_date=datetime.date(s.birth_year, s.birth_month, s.birth_day),
        appointment_year=s.appointment_year,
        appointment_month=s.appointment_month,
        sex="F" if s.sex == _lib.SEX_FEMALE else "M",
        age_at_appointment=s.age_at_appointment,
        serial=s.serial,
    )
