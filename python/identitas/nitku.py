"""NITKU: 22 digits, a 16-digit NPWP and a 6-digit place of business."""

from dataclasses import dataclass

from . import _lib
from ._common import ascii_digits, call_parse
from ._identifier import make, masked

is_valid, validate, compact, format, is_valid_many, validate_many = make(_lib.KIND_NITKU, "nitku")


@dataclass(frozen=True, repr=False)
class Nitku:
    """A valid NITKU. repr() masks it."""

    digits: str
    npwp_form: str
    place: int
    is_main_place: bool

    def __repr__(self):
        return masked("Nitku", self.digits, 6)

    def __str__(self):
        # Masked like repr: printing or logging never shows the number; use .digits.
        return repr(self)


def parse(value):
    """Parses a NITKU."""
    s = call_parse(_lib.lib.identitas_nitku_parse, _lib.identitas_nitku, value)
    return Nitku(
        digits=ascii_digits(s.digits),
        npwp_form=_lib.NPWP_FORM_NAMES.get(s.npwp_form, "nik"),
        place=s.place,
        is_main_place=bool(s.is_main_place),
    )
