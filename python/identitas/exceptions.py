"""Exceptions, mirroring python-stdnum's: ValidationError and its four subclasses.

The class comes from the Rust error's kind() (identitas_status_kind); `code`
is the stable snake_case name (``"invalid_day"``), `status` the C status.
Messages never contain the input value.
"""

from . import _lib


class IdentitasError(Exception):
    """A misuse of the library or a failure that is not about a value's validity."""

    def __init__(self, status, message=None):
        self.status = status
        self.code = _lib.status_str(status)
        super().__init__(message or self.code)


class ValidationError(ValueError):
    """The value is not valid (base class, as in python-stdnum)."""

    def __init__(self, status, message=None):
        self.status = status
        self.code = _lib.status_str(status)
        super().__init__(message or self.code.replace("_", " "))


class InvalidFormat(ValidationError):
    """Not written as digits with accepted separators."""


class InvalidLength(ValidationError):
    """The wrong number of digits."""


class InvalidComponent(ValidationError):
    """A field (region, date, serial, type) is out of range."""


class InvalidChecksum(ValidationError):
    """A check digit does not match."""


_BY_KIND = {
    _lib.ERROR_KIND_FORMAT: InvalidFormat,
    _lib.ERROR_KIND_LENGTH: InvalidLength,
    _lib.ERROR_KIND_COMPONENT: InvalidComponent,
    _lib.ERROR_KIND_CHECKSUM: InvalidChecksum,
}


def error_for(status):
    """The exception for a non-OK status."""
    cls = _BY_KIND.get(_lib.lib.identitas_status_kind(status))
    if cls is None:
        return IdentitasError(status)
    return cls(status)


def check(status):
    """Raises the exception for a non-OK status."""
    if status != _lib.STATUS_OK:
        raise error_for(status)
