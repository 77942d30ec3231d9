"""identitas: parse, validate, find and redact Indonesian identity numbers.

A stdlib-only ctypes binding over the identitas C library (the Rust crate's
cdylib). No pip install needed: put python/ on sys.path and build the library
(`cargo build --release --lib`), or point IDENTITAS_LIB at it.

>>> import identitas
>>> identitas.nik.is_valid("3171 0117 0845 0001")
True
>>> identitas.npwp.format("013121660091000")
'01.312.166.0-091.000'
"""

from . import _lib
from . import bpjs, kk, nik, nip, nitku, npwp, phone, region
from ._scan_redact import (
    Finding,
    Policy,
    RecordStream,
    RedactStream,
    Redactor,
    Scanner,
    ScanStream,
    check_policy,
    redact,
    redact_csv,
    redact_jsonl,
    scan,
)
from .exceptions import (
    IdentitasError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

__all__ = [
    "Finding",
    "IdentitasError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "Policy",
    "RecordStream",
    "RedactStream",
    "Redactor",
    "ScanStream",
    "Scanner",
    "ValidationError",
    "abi_version",
    "bpjs",
    "check_policy",
    "kk",
    "library_path",
    "nik",
    "nip",
    "nitku",
    "npwp",
    "phone",
    "redact",
    "redact_csv",
    "redact_jsonl",
    "region",
    "scan",
    "version",
]


def version():
    """The library's version string."""
    return _lib.lib.identitas_version().decode("ascii")


def abi_version():
    """The library's ABI version as (major, minor)."""
    v = _lib.lib.identitas_abi_version()
    return (v >> 16, v & 0xFFFF)


def library_path():
    """The path of the shared library in use."""
    return str(_lib.LIB_PATH)
