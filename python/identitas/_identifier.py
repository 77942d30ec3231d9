"""Builds the per-identifier modules' functions from their C functions."""

import ctypes

from . import _lib
from ._common import call_format, is_valid_many as _ivm, to_bytes, validate_many as _vm
from .exceptions import check


def make(kind, prefix):
    """is_valid / validate / compact / format / is_valid_many / validate_many for a kind."""
    is_valid_fn = getattr(_lib.lib, "identitas_%s_is_valid" % prefix)
    format_fn = getattr(_lib.lib, "identitas_%s_format" % prefix)

    def is_valid(value):
        """True when the value is valid (written with or without separators)."""
        b = to_bytes(value)
        return is_valid_fn(b, len(b)) == 1

    def validate(value):
        """Returns the compact form, or raises a ValidationError subclass."""
        b = to_bytes(value)
        check(_lib.lib.identitas_validate(kind, b, len(b)))
        return compact(value)

    def compact(value):
        """The digits without separators (validated)."""
        return "".join(ch for ch in format(value) if ch.isalnum())

    def format(value):  # noqa: A001 - mirrors python-stdnum
        """The canonical written form (validated)."""
        return call_format(format_fn, value)

    def is_valid_many(values):
        """Checks a whole list or column in one call: a list of bools."""
        return _ivm(kind, values)

    def validate_many(values):
        """Checks a whole column in one call: None per valid value, else its ValidationError."""
        return _vm(kind, values)

    return is_valid, validate, compact, format, is_valid_many, validate_many


def masked(name, digits, shown):
    """`Name(317101**********)`: the repr never shows the whole identifier."""
    return "%s(%s%s)" % (name, digits[:shown], "*" * (len(digits) - shown))


def date_args(reference):
    """A datetime.date -> (year, month, day) for the _parse_at functions."""
    return (ctypes.c_uint16(reference.year), ctypes.c_uint8(reference.month), ctypes.c_uint8(reference.day))
