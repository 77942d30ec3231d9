"""Kemendagri region codes (the first six digits of a NIK or KK number)."""

from dataclasses import dataclass
from typing import Optional

from . import _lib
from ._common import to_bytes
from .exceptions import IdentitasError


@dataclass(frozen=True)
class Region:
    """What a 2-, 4- or 6-digit region code decodes to."""

    code: int
    digits: int
    province: Optional[str]
    regency: Optional[str]
    district: Optional[str]
    status: str  # "current", "retired" or "unknown"
    successor: Optional[int]


def _name(p):
    return None if p is None else p.decode("utf-8")


def lookup(code):
    """Looks up "32", "32.73", "327305" or "32.73.05"; ValueError when not 2/4/6 digits."""
    b = to_bytes(code)
    out = _lib.identitas_region()
    st = _lib.lib.identitas_region_lookup(b, len(b), out)
    if st == _lib.STATUS_INVALID_ARGUMENT:
        raise ValueError("a region code has 2, 4 or 6 digits")
    if st != _lib.STATUS_OK:
        raise IdentitasError(st)
    return Region(
        code=out.code,
        digits=out.digits,
        province=_name(out.province),
        regency=_name(out.regency),
        district=_name(out.district),
        status=_lib.REGION_STATUS_NAMES.get(out.status, "unknown"),
        successor=out.successor or None,
    )


def province_name(code):
    """The province name of a two-digit code, or None."""
    return _name(_lib.lib.identitas_province_name(int(code)))
