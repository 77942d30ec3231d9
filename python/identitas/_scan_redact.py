"""Scanning and redaction over the C ABI, with character offsets for str input."""

import ctypes
import json
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


def _hint_code(hint):
    if hint is None:
        return 0
    code = _lib.KIND_CODES.get(hint)
    if code is None:
        raise ValueError("unknown kind %r (known: %s)" % (hint, ", ".join(_lib.KIND_CODES)))
    return code


def _finding(f):
    return Finding(
        kind=_lib.KIND_NAMES.get(f.kind, "unknown"),
        start=f.start,
        end=f.end,
        confidence=_lib.CONFIDENCE_NAMES.get(f.confidence, "low"),
    )


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

    def scan_bytes(self, data, hint=None):
        """Findings in bytes, byte offsets; `hint` is the kind a column/key names."""
        data = to_bytes(data)
        code = _hint_code(hint)
        count = ctypes.c_size_t()
        cap = 16
        while True:
            arr = (_lib.identitas_finding * cap)()
            st = _lib.lib.identitas_scan_hint(
                self._handle, code, data, len(data), arr, cap, ctypes.byref(count)
            )
            if st == _lib.STATUS_BUFFER_TOO_SMALL:
                cap = count.value
                continue
            check(st)
            return [_finding(f) for f in arr[: count.value]]

    def scan(self, text, hint=None):
        """Findings in text; for str, start/end are character offsets (text[start:end]).

        `hint` names the kind a CSV column or JSON key says the field holds ("kk").
        """
        if not isinstance(text, str):
            return self.scan_bytes(text, hint)
        data = to_bytes(text)
        found = self.scan_bytes(data, hint)
        if len(data) == len(text):  # ASCII: bytes are characters
            return found
        m = _char_offsets(data, [o for f in found for o in (f.start, f.end)])
        return [Finding(f.kind, m[f.start], m[f.end], f.confidence) for f in found]


class Policy:
    """What to do with each kind: {"nik": "placeholder", "phone": "mask_full", ...}.

    Operators: default, mask, mask_full, placeholder, numbered, token, pseudonym, keep.
    `key` (32 bytes) is needed by token and pseudonym. The default masks everything
    and keeps lengths. `masks` sets custom masks: {"nik": (0, 4)} shows no leading
    and 4 trailing digits; a third item is the mask character.
    """

    def __init__(self, operators=None, key=None, min_confidence="low", mask_char="*", masks=None):
        self.operators = dict(operators or {})
        self.masks = dict(masks or {})
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

    def _masks(self):
        arr = (_lib.identitas_mask_spec * max(1, len(self.masks)))()
        for i, (kind, spec) in enumerate(self.masks.items()):
            if kind not in _lib.KIND_CODES:
                raise ValueError("unknown kind %r" % kind)
            lead, trail = spec[0], spec[1]
            ch = spec[2] if len(spec) > 2 else "\0"
            if len(ch) != 1 or ord(ch) > 127:
                raise ValueError("mask character is one ASCII character")
            if not (0 <= lead <= 255 and 0 <= trail <= 255):
                raise ValueError("lead and trail are small numbers")
            arr[i].kind = _lib.KIND_CODES[kind]
            arr[i].lead, arr[i].trail, arr[i].mask_char = lead, trail, ord(ch)
        return arr, len(self.masks)


def check_policy(policy_json):
    """None when the JSON policy text (str, bytes or dict) is valid, else why not."""
    data = _policy_bytes(policy_json)
    n = ctypes.c_size_t()
    buf = ctypes.create_string_buffer(512)
    st = _lib.lib.identitas_policy_check(data, len(data), buf, len(buf), ctypes.byref(n))
    if st == _lib.STATUS_OK:
        return None
    if st == _lib.STATUS_BUFFER_TOO_SMALL:
        buf = ctypes.create_string_buffer(n.value + 1)
        st = _lib.lib.identitas_policy_check(data, len(data), buf, len(buf), ctypes.byref(n))
    if st != _lib.STATUS_REDACT_INVALID_POLICY:
        check(st)
    return buf.raw[: n.value].decode("utf-8", "replace")


def _policy_bytes(policy_json):
    if isinstance(policy_json, dict):
        policy_json = json.dumps(policy_json)
    return to_bytes(policy_json)


class Redactor:
    """A configured redactor (immutable, thread-safe): policy + scanner.

    Give a Policy, or `policy_json` (the CLI's policy file format, as str, bytes
    or dict) with an optional 32-byte `key` for tokens and pseudonyms. The key is
    copied by the library (and wiped on free); it is never logged.
    """

    def __init__(self, policy=None, scanner=None, policy_json=None, key=None):
        if policy is not None and policy_json is not None:
            raise ValueError("give policy or policy_json, not both")
        handle = ctypes.c_void_p()
        sc = scanner._handle if scanner else None
        if policy_json is not None:
            data = _policy_bytes(policy_json)
            key_buf = None if key is None else ctypes.create_string_buffer(bytes(key), len(key))
            st = _lib.lib.identitas_redactor_from_json(
                data, len(data), key_buf, 0 if key is None else len(key), sc, ctypes.byref(handle)
            )
            if key_buf is not None:
                ctypes.memset(key_buf, 0, len(key_buf))
            if st == _lib.STATUS_REDACT_INVALID_POLICY:
                raise ValueError("invalid policy: %s" % check_policy(data))
        else:
            policy = policy or Policy()
            options, key_buf = policy._options()
            masks, count = policy._masks()
            st = _lib.lib.identitas_redactor_new_with_masks(
                ctypes.byref(options), masks, count, sc, ctypes.byref(handle)
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


class _ByteStream:
    """Push/finish/read over an `identitas_*_stream` handle that turns bytes into bytes."""

    _prefix = ""

    def _bind(self, handle):
        lib = _lib.lib
        self._handle = handle
        self._free = getattr(lib, self._prefix + "free")
        self._pending = getattr(lib, self._prefix + "pending")
        self._read = getattr(lib, self._prefix + "read")
        self._push = getattr(lib, self._prefix + "push")
        self._finish = getattr(lib, self._prefix + "finish")

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            self._free(handle)
            self._handle = None

    def _drain(self):
        n = self._pending(self._handle)
        if n == 0:
            return b""
        buf = ctypes.create_string_buffer(n)
        got = ctypes.c_size_t()
        check(self._read(self._handle, buf, n, ctypes.byref(got)))
        return buf.raw[: got.value]

    def push(self, chunk):
        """Pushes bytes; returns the output that became ready."""
        chunk = to_bytes(chunk)
        check(self._push(self._handle, chunk, len(chunk)))
        return self._drain()

    def finish(self):
        """Ends the input; returns the rest."""
        check(self._finish(self._handle))
        return self._drain()


class RedactStream(_ByteStream):
    """Push chunks, get redacted output; a value split across chunks never leaks."""

    _prefix = "identitas_redact_stream_"

    def __init__(self, redactor=None):
        handle = ctypes.c_void_p()
        check(
            _lib.lib.identitas_redact_stream_new(
                redactor._handle if redactor else None, ctypes.byref(handle)
            )
        )
        self._bind(handle)


class ScanStream:
    """Push chunks of bytes, get findings with absolute byte offsets (from the first
    byte pushed), the same as one scan of the concatenation. Not thread-safe."""

    def __init__(self, scanner=None, hint=None):
        handle = ctypes.c_void_p()
        check(
            _lib.lib.identitas_scan_stream_new(
                scanner._handle if scanner else None, _hint_code(hint), ctypes.byref(handle)
            )
        )
        self._handle = handle
        self._free = _lib.lib.identitas_scan_stream_free

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            self._free(handle)
            self._handle = None

    def _drain(self):
        n = _lib.lib.identitas_scan_stream_pending(self._handle)
        if n == 0:
            return []
        arr = (_lib.identitas_finding * n)()
        got = ctypes.c_size_t()
        check(_lib.lib.identitas_scan_stream_read(self._handle, arr, n, ctypes.byref(got)))
        return [_finding(f) for f in arr[: got.value]]

    @property
    def offset(self):
        """Bytes pushed so far."""
        return _lib.lib.identitas_scan_stream_offset(self._handle)

    def push(self, chunk):
        """Scans the next chunk; returns the findings decided so far."""
        chunk = to_bytes(chunk)
        check(_lib.lib.identitas_scan_stream_push(self._handle, chunk, len(chunk)))
        return self._drain()

    def finish(self):
        """Ends the stream; returns the remaining findings (the stream can start again)."""
        check(_lib.lib.identitas_scan_stream_finish(self._handle))
        return self._drain()


def _format_code(format):
    code = _lib.RECORD_FORMATS.get(format)
    if code is None:
        raise ValueError("format is 'csv' or 'jsonl'")
    return code


def _as_redactor(policy):
    if policy is None or isinstance(policy, Redactor):
        return policy
    if isinstance(policy, Policy):
        return Redactor(policy)
    return Redactor(policy_json=policy)


class RecordStream(_ByteStream):
    """Column-aware redaction of CSV ("csv") or JSON lines ("jsonl"): push chunks,
    get redacted records; malformed records are counted with their line numbers."""

    _prefix = "identitas_record_stream_"

    def __init__(self, redactor=None, format="csv"):
        code = _format_code(format)
        redactor = _as_redactor(redactor)
        handle = ctypes.c_void_p()
        check(
            _lib.lib.identitas_record_stream_new(
                redactor._handle if redactor else None, code, ctypes.byref(handle)
            )
        )
        self._bind(handle)

    @property
    def records(self):
        """Records (header included) processed so far."""
        return _lib.lib.identitas_record_stream_records(self._handle)

    @property
    def malformed_count(self):
        """Malformed records met so far."""
        return _lib.lib.identitas_record_stream_malformed_count(self._handle)

    @property
    def malformed_lines(self):
        """Lines (1-based) where reported malformed records start (the first 1000)."""
        n = ctypes.c_size_t()
        st = _lib.lib.identitas_record_stream_malformed_lines(self._handle, None, 0, ctypes.byref(n))
        if st == _lib.STATUS_OK:
            return []
        arr = (ctypes.c_uint64 * n.value)()
        check(_lib.lib.identitas_record_stream_malformed_lines(self._handle, arr, n.value, ctypes.byref(n)))
        return list(arr[: n.value])


def _redact_records(data, policy, format):
    redactor = _as_redactor(policy)
    is_str = isinstance(data, str)
    raw = to_bytes(data)
    n = ctypes.c_size_t()
    cap = len(raw) + len(raw) // 2 + 64
    while True:
        buf = ctypes.create_string_buffer(cap)
        st = _lib.lib.identitas_redact_records(
            redactor._handle if redactor else None,
            _format_code(format),
            raw,
            len(raw),
            buf,
            cap,
            ctypes.byref(n),
        )
        if st == _lib.STATUS_BUFFER_TOO_SMALL:
            cap = n.value + 1
            continue
        check(st)
        out = buf.raw[: n.value]
        return out.decode("utf-8", "surrogatepass") if is_str else out


def redact_csv(data, policy=None):
    """Redacts CSV with a header row (str or bytes, same type back). `policy` is a
    Policy, a Redactor, or a JSON policy (str or dict); None masks everything."""
    return _redact_records(data, policy, "csv")


def redact_jsonl(data, policy=None):
    """Redacts JSON lines (str or bytes, same type back); `policy` as for redact_csv."""
    return _redact_records(data, policy, "jsonl")


_default_scanner: Optional[Scanner] = None
_default_redactor: Optional[Redactor] = None


def scan(text, kinds=None, hint=None):
    """Findings in text (character offsets for str); `kinds` limits the kind names,
    `hint` names the kind a column or key says the field holds."""
    global _default_scanner
    if kinds is not None:
        return Scanner(kinds).scan(text, hint)
    if _default_scanner is None:
        _default_scanner = Scanner()
    return _default_scanner.scan(text, hint)


def redact(text, policy=None):
    """Redacts identifiers in text (str or bytes) under a Policy (default: mask all)."""
    global _default_redactor
    if policy is not None:
        return Redactor(policy).redact(text)
    if _default_redactor is None:
        _default_redactor = Redactor()
    return _default_redactor.redact(text)
