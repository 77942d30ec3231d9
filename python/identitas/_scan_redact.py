"""Scanning and redaction over the C ABI, with character offsets for str input."""

import ctypes
from dataclasses import dataclass
from typing import Optional

from . import _lib
from ._common import to_bytes
from .exceptions import IdentitasError, check

_CONTINUATION = bytes(range(0x80, 0xC0))


@dataclass(frozen=True)
class Finding:
    """An identifier found in text: text[start:end] (character offsets for str input)."""

    kind: str
    start: int
    end: int
    confidence: str  # "low", "medium" or "high"


def _char_offsets(data, byte_offsets):
    """Maps sorted UTF-8 byte offsets to character offsets in one pass."""
    out = {}
    pos = chars = 0
    for off in sorted(set(byte_offsets)):
        # Characters = bytes that do not continue a multi-byte sequence.
        chars += len(data[pos:off].translate(None, _CONTINUATION))
        pos = off
        out[off] = chars
    return out


def _kinds_mask(kinds):
    if kinds is None:
        return 0
    mask = 0
    for k in kinds:
        code = _lib.KIND_CODES.get(k)
        if code is None:
            raise ValueError("unknown kind %r (known: %s)" % (k, ", ".join(_lib.KIND_CODES)))
        mask |= 1 << code
    return mask


class Scanner:
    """A configured scanner (immutable, thread-safe), for the given kind names or all."""

    def __init__(self, kinds=None):
        handle = ctypes.c_void_p()
        check(_lib.lib.identitas_scanner_new(_kinds_mask(kinds), ctypes.byref(handle)))
        self._handle = handle
        self._free = _lib.lib.identitas_scanner_free

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            self._free(handle)
            self._handle = None

    def scan_bytes(self, data):
        """Findings in bytes, byte offsets."""
        data = to_bytes(data)
        count = ctypes.c_size_t()
        cap = 16
        while True:
            arr = (_lib.identitas_finding * cap)()
            st = _lib.lib.identitas_scan(self._handle, data, len(data), arr, cap, ctypes.byref(count))
            if st == _lib.STATUS_BUFFER_TOO_SMALL:
                cap = count.value
                continue
            check(st)
            return [
                Finding(
                    kind=_lib.KIND_NAMES.get(f.kind, "unknown"),
                    start=f.start,
                    end=f.end,
                    confidence=_lib.CONFIDENCE_NAMES.get(f.confidence, "low"),
                )
                for f in arr[: count.value]
            ]

    def scan(self, text):
        """Findings in text; for str, start/end are character offsets (text[start:end])."""
        if not isinstance(text, str):
            return self.scan_bytes(text)
        data = to_bytes(text)
        found = self.scan_bytes(data)
        if len(data) == len(text):  # ASCII: bytes are characters
            return found
        m = _char_offsets(data, [o for f in found for o in (f.start, f.end)])
        return [Finding(f.kind, m[f.start], m[f.end], f.confidence) for f in found]


class Policy:
    """What to do with each kind: {"nik": "placeholder", "phone": "mask_full", ...}.

    Operators: default, mask, mask_full, placeholder, numbered, token, pseudonym, keep.
    `key` (32 bytes) is needed by token and pseudonym. The default masks everything
    and keeps lengths.
    """

    def __init__(self, operators=None, key=None, min_confidence="low", mask_char="*"):
        self.operators = dict(operators or {})
        self.key = None if key is None else bytes(key)
        self.min_confidence = min_confidence
        self.mask_char = mask_char

    def _options(self):
        o = _lib.identitas_redact_options()
        check(_lib.lib.identitas_redact_options_default(ctypes.byref(o)))
        for kind, op in self.operators.items():
            if kind not in _lib.KIND_CODES:
                raise ValueError("unknown kind %r" % kind)
            if op not in _lib.OP_CODES:
                raise ValueError("unknown operator %r" % op)
            o.operators[_lib.KIND_CODES[kind]] = _lib.OP_CODES[op]
        if self.min_confidence not in _lib.CONFIDENCE_CODES:
            raise ValueError("min_confidence is low, medium or high")
        o.min_confidence = _lib.CONFIDENCE_CODES[self.min_confidence]
        if len(self.mask_char) != 1 or ord(self.mask_char) > 127:
            raise ValueError("mask_char is one ASCII character")
        o.mask_char = ord(self.mask_char)
        key_buf = None
        if self.key is not None:
            key_buf = (ctypes.c_uint8 * len(self.key)).from_buffer_copy(self.key)
            o.key = ctypes.cast(key_buf, ctypes.POINTER(ctypes.c_uint8))
            o.key_len = len(self.key)
        return o, key_buf


class Redactor:
    """A configured redactor (immutable, thread-safe): policy + scanner."""

    def __init__(self, policy=None, scanner=None):
        policy = policy or Policy()
        options, key_buf = policy._options()
        handle = ctypes.c_void_p()
        st = _lib.lib.identitas_redactor_new(
            ctypes.byref(options), scanner._handle if scanner else None, ctypes.byref(handle)
        )
        if key_buf is not None:
            ctypes.memset(key_buf, 0, len(key_buf))  # the library keeps its own copy
        if st != _lib.STATUS_OK:
            raise IdentitasError(st)
        self._handle = handle
        self._free = _lib.lib.identitas_redactor_free

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            self._free(handle)
            self._handle = None

    def redact_bytes(self, data):
        """Redacts bytes; returns bytes."""
        data = to_bytes(data)
        n = ctypes.c_size_t()
        cap = len(data) + len(data) // 2 + 64
        while True:
            buf = ctypes.create_string_buffer(cap)
            st = _lib.lib.identitas_redact(self._handle, data, len(data), buf, cap, ctypes.byref(n))
            if st == _lib.STATUS_BUFFER_TOO_SMALL:
                cap = n.value + 1
                continue
            check(st)
            return buf.raw[: n.value]

    def redact(self, text):
        """Redacts text (str or bytes), returning the same type."""
        if isinstance(text, str):
            return self.redact_bytes(to_bytes(text)).decode("utf-8", "surrogatepass")
        return self.redact_bytes(text)

    def redact_in_place(self, buf):
        """Redacts a bytearray in place (length-preserving policies only)."""
        if not isinstance(buf, bytearray):
            raise TypeError("redact_in_place needs a bytearray")
        if not buf:
            return
        c = (ctypes.c_char * len(buf)).from_buffer(buf)
        check(_lib.lib.identitas_redact_in_place(self._handle, c, len(buf)))

    def stream(self):
        """A streaming redactor with this policy."""
        return RedactStream(self)


class RedactStream:
    """Push chunks, get redacted output; a value split across chunks never leaks."""

    def __init__(self, redactor=None):
        handle = ctypes.c_void_p()
        check(
            _lib.lib.identitas_redact_stream_new(
                redactor._handle if redactor else None, ctypes.byref(handle)
            )
        )
        self._handle = handle
        self._free = _lib.lib.identitas_redact_stream_free

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            self._free(handle)
            self._handle = None

    def _drain(self):
        n = _lib.lib.identitas_redact_stream_pending(self._handle)
        if n == 0:
            return b""
        buf = ctypes.create_string_buffer(n)
        got = ctypes.c_size_t()
        check(_lib.lib.identitas_redact_stream_read(self._handle, buf, n, ctypes.byref(got)))
        return buf.raw[: got.value]

    def push(self, chunk):
        """Pushes bytes; returns the redacted bytes that became ready."""
        chunk = to_bytes(chunk)
        check(_lib.lib.identitas_redact_stream_push(self._handle, chunk, len(chunk)))
        return self._drain()

    def finish(self):
        """Ends the input; returns the rest."""
        check(_lib.lib.identitas_redact_stream_finish(self._handle))
        return self._drain()


_default_scanner: Optional[Scanner] = None
_default_redactor: Optional[Redactor] = None


def scan(text, kinds=None):
    """Findings in text (character offsets for str); `kinds` limits the kind names."""
    global _default_scanner
    if kinds is not None:
        return Scanner(kinds).scan(text)
    if _default_scanner is None:
        _default_scanner = Scanner()
    return _default_scanner.scan(text)


def redact(text, policy=None):
    """Redacts identifiers in text (str or bytes) under a Policy (default: mask all)."""
    global _default_redactor
    if policy is not None:
        return Redactor(policy).redact(text)
    if _default_redactor is None:
        _default_redactor = Redactor()
    return _default_redactor.redact(text)
