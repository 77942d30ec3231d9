"""Shared helpers: encoding, formatting into buffers, batch calls."""

import array
import ctypes
from itertools import accumulate

from . import _lib
from .exceptions import check, error_for

_SIZE_T_CODE = next(c for c in "LQI" if array.array(c).itemsize == ctypes.sizeof(ctypes.c_size_t))


def to_bytes(value):
    """str -> UTF-8 bytes; bytes-like values as they are."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError("expected str or bytes, got %s" % type(value).__name__)


def ascii_digits(arr, n=None):
    """A ctypes uint8 array of ASCII -> str."""
    return bytes(arr[: len(arr) if n is None else n]).decode("ascii")


def call_format(fn, value):
    """Calls an identitas_*_format function into a stack buffer."""
    b = to_bytes(value)
    buf = ctypes.create_string_buffer(_lib.FORMAT_MAX)
    n = ctypes.c_size_t()
    check(fn(b, len(b), buf, _lib.FORMAT_MAX, ctypes.byref(n)))
    return buf.raw[: n.value].decode("ascii")


def call_parse(fn, struct_cls, value, *extra):
    """Calls an identitas_*_parse function; returns the filled struct or raises."""
    b = to_bytes(value)
    out = struct_cls()
    check(fn(b, len(b), *extra, ctypes.byref(out)))
    return out


def pack(values):
    """Values -> (data bytes, offsets array) in Arrow's layout."""
    encoded = [to_bytes(v) for v in values]
    data = b"".join(encoded)
    offsets = array.array(_SIZE_T_CODE, [0])
    offsets.extend(accumulate(len(e) for e in encoded))
    return data, offsets


def _addr(arr):
    return arr.buffer_info()[0] if len(arr) else None


def is_valid_many(kind, values):
    """One FFI call for a whole column: a list of bools."""
    values = list(values)
    if not values:
        return []
    data, offsets = pack(values)
    results = bytearray(len(values))
    res = (ctypes.c_uint8 * len(values)).from_buffer(results)
    check(
        _lib.lib.identitas_validate_batch(
            kind, data, len(data), _addr(offsets), len(values), ctypes.addressof(res), None
        )
    )
    return [r == 1 for r in results]


def validate_many(kind, values):
    """One FFI call for a whole column: None for a valid value, else its ValidationError."""
    values = list(values)
    if not values:
        return []
    data, offsets = pack(values)
    statuses = array.array("i", bytes(4 * len(values)))
    check(
        _lib.lib.identitas_validate_batch(
            kind, data, len(data), _addr(offsets), len(values), None, _addr(statuses)
        )
    )
    return [None if s == 0 else error_for(s) for s in statuses]
