"""ctypes declarations of the identitas C ABI (include/identitas.h).

Every function of the header is declared here with its argtypes and restype;
python/tests/test_drift.py fails when the header and this file disagree.

The shared library is found through the environment variable IDENTITAS_LIB
(a path to the file), else in ../target/release then ../target/debug next to
the python/ directory of a checkout (what `cargo build --release --lib` makes).
"""

import ctypes
import os
import sys
from ctypes import (
    POINTER,
    Structure,
    c_char_p,
    c_int32,
    c_size_t,
    c_uint8,
    c_uint16,
    c_uint32,
    c_uint64,
    c_void_p,
)
from pathlib import Path

ABI_VERSION_MAJOR = 1
ABI_VERSION_MINOR = 2
ABI_VERSION = (ABI_VERSION_MAJOR << 16) | ABI_VERSION_MINOR

# Statuses (frozen ranges; see the header).
STATUS_OK = 0
STATUS_NULL_POINTER = 1
STATUS_BUFFER_TOO_SMALL = 2
STATUS_PANIC = 3
STATUS_INVALID_ARGUMENT = 4
STATUS_OVERLAPPING_BUFFERS = 5
STATUS_MISALIGNED_POINTER = 6
STATUS_UNKNOWN_KIND = 7
STATUS_UNSUPPORTED = 8
STATUS_OVERLAPPING_OFFSETS = 9
STATUS_EMPTY = 10
STATUS_PHONE_NOT_SHORT_NUMBER = 404
STATUS_REDACT_MISSING_KEY = 504
STATUS_STREAM_FINISHED = 507
STATUS_REDACT_INVALID_POLICY = 506
STATUS_RECORD_REJECTED = 508
STATUS_RECORD_UNKNOWN_FORMAT = 509

RECORD_CSV = 1
RECORD_JSONL = 2
RECORD_MAX_REPORTS = 1000
RECORD_FORMATS = {"csv": RECORD_CSV, "jsonl": RECORD_JSONL}
SIZEOF_MASK_SPEC = 8

ERROR_KIND_NONE = 0
ERROR_KIND_FORMAT = 1
ERROR_KIND_LENGTH = 2
ERROR_KIND_COMPONENT = 3
ERROR_KIND_CHECKSUM = 4
ERROR_KIND_USAGE = 5

KIND_NIK = 1
KIND_KK = 2
KIND_NPWP = 3
KIND_NITKU = 4
KIND_BPJS_KESEHATAN = 5
KIND_BPJS_KETENAGAKERJAAN = 6
KIND_NIP = 7
KIND_PHONE = 8
KIND_EMAIL = 9
KIND_PAYMENT_CARD = 10
KIND_SLOTS = 16

KIND_NAMES = {
    KIND_NIK: "nik",
    KIND_KK: "kk",
    KIND_NPWP: "npwp",
    KIND_NITKU: "nitku",
    KIND_BPJS_KESEHATAN: "bpjs_kesehatan",
    KIND_BPJS_KETENAGAKERJAAN: "bpjs_ketenagakerjaan",
    KIND_NIP: "nip",
    KIND_PHONE: "phone",
    KIND_EMAIL: "email",
    KIND_PAYMENT_CARD: "payment_card",
}
KIND_CODES = {name: code for code, name in KIND_NAMES.items()}

PHONE_TYPE_NAMES = {
    0: "unknown",
    1: "mobile",
    2: "fixed_line",
    3: "toll_free",
    4: "premium_rate",
    5: "shared_cost",
    6: "uan",
}
PHONE_FORMAT_E164 = 0
PHONE_FORMAT_NATIONAL = 1
PHONE_FORMAT_INTERNATIONAL = 2
SHORT_EMERGENCY = 1
SHORT_TOLL_FREE = 2
SHORT_CARRIER_SPECIFIC = 4

SEX_MALE = 1
SEX_FEMALE = 2
REGION_UNKNOWN = 0
REGION_CURRENT = 1
REGION_RETIRED = 2
REGION_STATUS_NAMES = {REGION_UNKNOWN: "unknown", REGION_CURRENT: "current", REGION_RETIRED: "retired"}
NPWP_FORM_NAMES = {1: "npwp15", 2: "npwp16", 3: "nik"}
NO_CHECK_DIGIT = 255

CONFIDENCE_NAMES = {1: "low", 2: "medium", 3: "high"}
CONFIDENCE_CODES = {name: code for code, name in CONFIDENCE_NAMES.items()}

OP_CODES = {
    "default": 0,
    "mask": 1,
    "mask_full": 2,
    "placeholder": 3,
    "numbered": 4,
    "token": 5,
    "pseudonym": 6,
    "keep": 7,
}
KEY_LEN = 32
FORMAT_MAX = 33

SIZEOF = {
    "identitas_nik": 36,
    "identitas_kk": 32,
    "identitas_npwp": 24,
    "identitas_nitku": 28,
    "identitas_bpjs_kesehatan": 16,
    "identitas_kpj": 20,
    "identitas_faskes": 12,
    "identitas_nip": 30,
    "identitas_phone": 24,
    "identitas_mask_spec": 8,
}


class identitas_nik(Structure):
    _fields_ = [
        ("digits", c_uint8 * 16),
        ("region_code", c_uint32),
        ("region_successor", c_uint32),
        ("birth_year", c_uint16),
        ("serial", c_uint16),
        ("province_code", c_uint8),
        ("sex", c_uint8),
        ("birth_day", c_uint8),
        ("birth_month", c_uint8),
        ("birth_year_digits", c_uint8),
        ("century_ambiguous", c_uint8),
        ("region_status", c_uint8),
        ("reserved", c_uint8),
    ]


class identitas_kk(Structure):
    _fields_ = [
        ("digits", c_uint8 * 16),
        ("region_code", c_uint32),
        ("region_successor", c_uint32),
        ("issue_year", c_uint16),
        ("serial", c_uint16),
        ("issue_day", c_uint8),
        ("issue_month", c_uint8),
        ("issue_year_digits", c_uint8),
        ("region_status", c_uint8),
    ]


class identitas_npwp(Structure):
    _fields_ = [
        ("digits", c_uint8 * 16),
        ("form", c_uint8),
        ("compact_len", c_uint8),
        ("check_digit", c_uint8),
        ("expected_check_digit", c_uint8),
        ("check_digit_valid", c_uint8),
        ("reserved", c_uint8 * 3),
    ]


class identitas_nitku(Structure):
    _fields_ = [
        ("digits", c_uint8 * 22),
        ("npwp_form", c_uint8),
        ("is_main_place", c_uint8),
        ("place", c_uint32),
    ]


class identitas_bpjs_kesehatan(Structure):
    _fields_ = [
        ("digits", c_uint8 * 13),
        ("has_usual_prefix", c_uint8),
        ("reserved", c_uint8 * 2),
    ]


class identitas_kpj(Structure):
    _fields_ = [
        ("digits", c_uint8 * 16),
        ("len", c_uint8),
        ("is_standard_length", c_uint8),
        ("reserved", c_uint8 * 2),
    ]


class identitas_faskes(Structure):
    _fields_ = [
        ("code", c_uint8 * 8),
        ("serial", c_uint16),
        ("facility_letter", c_uint8),
        ("reserved", c_uint8),
    ]


class identitas_nip(Structure):
    _fields_ = [
        ("digits", c_uint8 * 18),
        ("birth_year", c_uint16),
        ("appointment_year", c_uint16),
        ("serial", c_uint16),
        ("birth_month", c_uint8),
        ("birth_day", c_uint8),
        ("appointment_month", c_uint8),
        ("sex", c_uint8),
        ("age_at_appointment", c_uint8),
        ("reserved", c_uint8),
    ]


class identitas_phone(Structure):
    _fields_ = [
        ("nsn", c_uint8 * 17),
        ("nsn_len", c_uint8),
        ("type", c_uint8),
        ("had_country_code", c_uint8),
        ("had_extra_zero", c_uint8),
        ("reserved", c_uint8 * 3),
    ]


class identitas_region(Structure):
    _fields_ = [
        ("province", c_char_p),
        ("regency", c_char_p),
        ("district", c_char_p),
        ("code", c_uint32),
        ("successor", c_uint32),
        ("digits", c_uint8),
        ("status", c_uint8),
        ("reserved", c_uint8 * 6),
    ]


class identitas_finding(Structure):
    _fields_ = [
        ("start", c_size_t),
        ("end", c_size_t),
        ("kind", c_int32),
        ("confidence", c_int32),
    ]


class identitas_redact_options(Structure):
    _fields_ = [
        ("key", POINTER(c_uint8)),
        ("key_len", c_size_t),
        ("operators", c_int32 * KIND_SLOTS),
        ("min_confidence", c_int32),
        ("mask_char", c_int32),
    ]


class identitas_mask_spec(Structure):
    _fields_ = [
        ("kind", c_int32),
        ("lead", c_uint8),
        ("trail", c_uint8),
        ("mask_char", c_uint8),
        ("reserved", c_uint8),
    ]


# Sizes of the structs holding pointers depend on the platform.
SIZEOF_PLATFORM = {
    "identitas_region": 3 * ctypes.sizeof(c_void_p) + 16,
    "identitas_finding": 2 * ctypes.sizeof(c_size_t) + 8,
    "identitas_redact_options": 2 * ctypes.sizeof(c_void_p) + 72,
}

STRUCTS = {
    cls.__name__: cls
    for cls in (
        identitas_nik,
        identitas_kk,
        identitas_npwp,
        identitas_nitku,
        identitas_bpjs_kesehatan,
        identitas_kpj,
        identitas_faskes,
        identitas_nip,
        identitas_phone,
        identitas_region,
        identitas_finding,
        identitas_redact_options,
        identitas_mask_spec,
    )
}

_bytes = ctypes.c_char_p  # const uint8_t *: Python bytes pass as-is
_out_bytes = c_void_p  # uint8_t * buffers
_size_p = POINTER(c_size_t)
_handle = c_void_p  # opaque handles and handle pointers
FINDING_CB = ctypes.CFUNCTYPE(c_int32, c_void_p, POINTER(identitas_finding))

_parse = [_bytes, c_size_t]
_format = [_bytes, c_size_t, _out_bytes, c_size_t, _size_p]
_parse_at = [_bytes, c_size_t, c_uint16, c_uint8, c_uint8]

# name -> (restype, argtypes): every function of include/identitas.h.
FUNCTIONS = {
    "identitas_abi_version": (c_uint32, []),
    "identitas_version": (c_char_p, []),
    "identitas_status_str": (c_char_p, [c_int32]),
    "identitas_status_kind": (c_int32, [c_int32]),
    "identitas_nik_is_valid": (c_int32, _parse),
    "identitas_nik_parse": (c_int32, _parse + [POINTER(identitas_nik)]),
    "identitas_nik_parse_at": (c_int32, _parse_at + [POINTER(identitas_nik)]),
    "identitas_nik_format": (c_int32, _format),
    "identitas_kk_is_valid": (c_int32, _parse),
    "identitas_kk_parse": (c_int32, _parse + [POINTER(identitas_kk)]),
    "identitas_kk_parse_at": (c_int32, _parse_at + [POINTER(identitas_kk)]),
    "identitas_kk_format": (c_int32, _format),
    "identitas_npwp_is_valid": (c_int32, _parse),
    "identitas_npwp_parse": (c_int32, _parse + [POINTER(identitas_npwp)]),
    "identitas_npwp_parse_lenient": (c_int32, _parse + [POINTER(identitas_npwp)]),
    "identitas_npwp_format": (c_int32, _format),
    "identitas_nitku_is_valid": (c_int32, _parse),
    "identitas_nitku_parse": (c_int32, _parse + [POINTER(identitas_nitku)]),
    "identitas_nitku_format": (c_int32, _format),
    "identitas_bpjs_kesehatan_is_valid": (c_int32, _parse),
    "identitas_bpjs_kesehatan_parse": (c_int32, _parse + [POINTER(identitas_bpjs_kesehatan)]),
    "identitas_bpjs_kesehatan_format": (c_int32, _format),
    "identitas_kpj_is_valid": (c_int32, _parse),
    "identitas_kpj_parse": (c_int32, _parse + [POINTER(identitas_kpj)]),
    "identitas_kpj_format": (c_int32, _format),
    "identitas_faskes_parse": (c_int32, _parse + [POINTER(identitas_faskes)]),
    "identitas_nip_is_valid": (c_int32, _parse),
    "identitas_nip_parse": (c_int32, _parse + [POINTER(identitas_nip)]),
    "identitas_nip_format": (c_int32, _format),
    "identitas_phone_is_valid": (c_int32, _parse),
    "identitas_phone_parse": (c_int32, _parse + [POINTER(identitas_phone)]),
    "identitas_phone_normalize": (c_int32, _format),
    "identitas_phone_format": (c_int32, [_bytes, c_size_t, c_int32, _out_bytes, c_size_t, _size_p]),
    "identitas_phone_origin": (c_char_p, _parse),
    "identitas_phone_short": (c_int32, _parse + [POINTER(c_uint32)]),
    "identitas_is_valid": (c_int32, [c_int32] + _parse),
    "identitas_validate": (c_int32, [c_int32] + _parse),
    "identitas_validate_batch": (
        c_int32,
        [c_int32, _bytes, c_size_t, c_void_p, c_size_t, c_void_p, c_void_p],
    ),
    "identitas_redact_options_default": (c_int32, [POINTER(identitas_redact_options)]),
    "identitas_redactor_new": (
        c_int32,
        [POINTER(identitas_redact_options), _handle, POINTER(c_void_p)],
    ),
    "identitas_redactor_free": (None, [_handle]),
    "identitas_redact": (c_int32, [_handle] + _format),
    "identitas_redact_in_place": (c_int32, [_handle, c_void_p, c_size_t]),
    "identitas_redact_findings": (
        c_int32,
        [_handle, _bytes, c_size_t, POINTER(identitas_finding), c_size_t, _out_bytes, c_size_t, _size_p],
    ),
    "identitas_redact_findings_in_place": (
        c_int32,
        [_handle, c_void_p, c_size_t, POINTER(identitas_finding), c_size_t],
    ),
    "identitas_redact_stream_new": (c_int32, [_handle, POINTER(c_void_p)]),
    "identitas_redact_stream_push": (c_int32, [_handle, _bytes, c_size_t]),
    "identitas_redact_stream_finish": (c_int32, [_handle]),
    "identitas_redact_stream_pending": (c_size_t, [_handle]),
    "identitas_redact_stream_read": (c_int32, [_handle, _out_bytes, c_size_t, _size_p]),
    "identitas_redact_stream_free": (None, [_handle]),
    "identitas_region_lookup": (c_int32, _parse + [POINTER(identitas_region)]),
    "identitas_province_name": (c_char_p, [c_uint32]),
    "identitas_scanner_new": (c_int32, [c_uint32, POINTER(c_void_p)]),
    "identitas_scanner_free": (None, [_handle]),
    "identitas_scan": (
        c_int32,
        [_handle, _bytes, c_size_t, POINTER(identitas_finding), c_size_t, _size_p],
    ),
    "identitas_scan_each": (c_int32, [_handle, _bytes, c_size_t, FINDING_CB, c_void_p]),
    "identitas_scan_hint": (
        c_int32,
        [_handle, c_int32, _bytes, c_size_t, POINTER(identitas_finding), c_size_t, _size_p],
    ),
    "identitas_scan_stream_new": (c_int32, [_handle, c_int32, POINTER(c_void_p)]),
    "identitas_scan_stream_push": (c_int32, [_handle, _bytes, c_size_t]),
    "identitas_scan_stream_finish": (c_int32, [_handle]),
    "identitas_scan_stream_pending": (c_size_t, [_handle]),
    "identitas_scan_stream_offset": (c_size_t, [_handle]),
    "identitas_scan_stream_read": (c_int32, [_handle, POINTER(identitas_finding), c_size_t, _size_p]),
    "identitas_scan_stream_free": (None, [_handle]),
    "identitas_redactor_new_with_masks": (
        c_int32,
        [POINTER(identitas_redact_options), POINTER(identitas_mask_spec), c_size_t, _handle, POINTER(c_void_p)],
    ),
    "identitas_redactor_from_json": (
        c_int32,
        [_bytes, c_size_t, c_void_p, c_size_t, _handle, POINTER(c_void_p)],
    ),
    "identitas_policy_check": (c_int32, _format),
    "identitas_record_stream_new": (c_int32, [_handle, c_int32, POINTER(c_void_p)]),
    "identitas_record_stream_push": (c_int32, [_handle, _bytes, c_size_t]),
    "identitas_record_stream_finish": (c_int32, [_handle]),
    "identitas_record_stream_pending": (c_size_t, [_handle]),
    "identitas_record_stream_read": (c_int32, [_handle, _out_bytes, c_size_t, _size_p]),
    "identitas_record_stream_records": (c_uint64, [_handle]),
    "identitas_record_stream_malformed_count": (c_uint64, [_handle]),
    "identitas_record_stream_malformed_lines": (c_int32, [_handle, POINTER(c_uint64), c_size_t, _size_p]),
    "identitas_record_stream_free": (None, [_handle]),
    "identitas_redact_records": (c_int32, [_handle, c_int32] + _format),
}


def _candidates():
    env = os.environ.get("IDENTITAS_LIB")
    if env:
        yield Path(env)
        return
    if sys.platform == "win32":
        name = "identitas.dll"
    elif sys.platform == "darwin":
        name = "libidentitas.dylib"
    else:
        name = "libidentitas.so"
    checkout = Path(__file__).resolve().parent.parent.parent
    for profile in ("release", "debug"):
        yield checkout / "target" / profile / name


def _load():
    tried = []
    for path in _candidates():
        tried.append(str(path))
        if path.is_file():
            return ctypes.CDLL(str(path)), path
    raise ImportError(
        "identitas: shared library not found (tried %s); build it with "
        "`cargo build --release --lib` or set IDENTITAS_LIB" % ", ".join(tried)
    )


lib, LIB_PATH = _load()
for _name, (_res, _args) in FUNCTIONS.items():
    _fn = getattr(lib, _name)
    _fn.restype = _res
    _fn.argtypes = _args

if lib.identitas_abi_version() >> 16 != ABI_VERSION_MAJOR:
    raise ImportError(
        "identitas: library ABI %#x does not match the binding's %#x"
        % (lib.identitas_abi_version(), ABI_VERSION)
    )


def status_str(status):
    """The snake_case name of a status code."""
    return lib.identitas_status_str(status).decode("ascii")
