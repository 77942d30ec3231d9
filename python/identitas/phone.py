"""Indonesian phone numbers: validate, parse, normalise to E.164, format; batch checks."""

import ctypes
from dataclasses import dataclass
from typing import Optional

from . import _lib
from ._common import call_parse, is_valid_many as _ivm, to_bytes, validate_many as _vm
from .exceptions import check, error_for


@dataclass(frozen=True, repr=False)
class Phone:
    """A valid phone number. repr() shows only the first three NSN digits."""

    nsn: str  # national significant number: digits after +62, no trunk 0
    type: str  # "mobile", "fixed_line", "toll_free", ...
    had_country_code: bool
    had_extra_zero: bool
    origin: Optional[str]  # original operator (mobile) or area (fixed line)

    def __repr__(self):
        return "Phone(%s%s)" % (self.nsn[:3], "*" * (len(self.nsn) - 3))

    @property
    def e164(self):
        return "+62" + self.nsn


def is_valid(value):
    """True for a valid Indonesian phone number in any written form."""
    b = to_bytes(value)
    return _lib.lib.identitas_phone_is_valid(b, len(b)) == 1


def _format(value, style):
    b = to_bytes(value)
    buf = ctypes.create_string_buffer(_lib.FORMAT_MAX)
    n = ctypes.c_size_t()
    check(_lib.lib.identitas_phone_format(b, len(b), style, buf, _lib.FORMAT_MAX, ctypes.byref(n)))
    return buf.raw[: n.value].decode("ascii")


def normalize(value):
    """E.164 form, `+6281234567890` (raises a ValidationError when invalid)."""
    return _format(value, _lib.PHONE_FORMAT_E164)


compact = normalize
validate = normalize


def format(value, style="national"):  # noqa: A001 - mirrors python-stdnum
    """`national` (0812-3456-7890), `international` (+62 812-3456-7890) or `e164`."""
    styles = {
        "national": _lib.PHONE_FORMAT_NATIONAL,
        "international": _lib.PHONE_FORMAT_INTERNATIONAL,
        "e164": _lib.PHONE_FORMAT_E164,
    }
    if style not in styles:
        raise ValueError("style is national, international or e164")
    return _format(value, styles[style])


def parse(value):
    """Parses a phone number."""
    s = call_parse(_lib.lib.identitas_phone_parse, _lib.identitas_phone, value)
    b = to_bytes(value)
    origin = _lib.lib.identitas_phone_origin(b, len(b))
    return Phone(
        nsn=bytes(s.nsn[: s.nsn_len]).decode("ascii"),
        type=_lib.PHONE_TYPE_NAMES.get(s.type, "unknown"),
        had_country_code=bool(s.had_country_code),
        had_extra_zero=bool(s.had_extra_zero),
        origin=None if origin is None else origin.decode("utf-8"),
    )


def short_number(value):
    """Flags of a short number (`112`): a set of "emergency", "toll_free", "carrier_specific"."""
    b = to_bytes(value)
    flags = ctypes.c_uint32()
    st = _lib.lib.identitas_phone_short(b, len(b), ctypes.byref(flags))
    if st != _lib.STATUS_OK:
        raise error_for(st)
    names = {
        _lib.SHORT_EMERGENCY: "emergency",
        _lib.SHORT_TOLL_FREE: "toll_free",
        _lib.SHORT_CARRIER_SPECIFIC: "carrier_specific",
    }
    return {name for bit, name in names.items() if flags.value & bit}


def is_valid_many(values):
    """Checks a whole column in one call: a list of bools."""
    return _ivm(_lib.KIND_PHONE, values)


def validate_many(values):
    """Checks a whole column in one call: None per valid value, else its ValidationError."""
    return _vm(_lib.KIND_PHONE, values)
