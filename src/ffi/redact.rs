//! Redaction: a configured redactor (opaque, immutable, thread-safe), in place
//! or into a caller buffer, and a streaming redactor.

use std::sync::OnceLock;

use super::scan::{finding_from_c, identitas_finding, identitas_scanner, scanner_or_default};
use super::*;
use crate::redact::{
    self, Key, MaskSpec, Operator, Policy, PolicyError, RedactError, RedactStream, Redactor,
};
use crate::scan::{Confidence, Finding, Scanner};

/// Operator: the kind's default (a length-preserving mask).
pub const IDENTITAS_OP_DEFAULT: i32 = 0;
/// Operator: the kind's default mask (`317101**********`).
pub const IDENTITAS_OP_MASK: i32 = 1;
/// Operator: a mask hiding every character.
pub const IDENTITAS_OP_MASK_FULL: i32 = 2;
/// Operator: a fixed placeholder (`[NIK]`); changes lengths.
pub const IDENTITAS_OP_PLACEHOLDER: i32 = 3;
/// Operator: a numbered placeholder (`[NIK_1]`, numbered per call or per stream).
pub const IDENTITAS_OP_NUMBERED: i32 = 4;
/// Operator: a keyed HMAC token (`[NIK:3f9a0c21d4e5b6a7]`); needs a key.
pub const IDENTITAS_OP_TOKEN: i32 = 5;
/// Operator: a reversible same-layout pseudonym (FF1); needs a key; length-preserving.
pub const IDENTITAS_OP_PSEUDONYM: i32 = 6;
/// Operator: leave the value as it is.
pub const IDENTITAS_OP_KEEP: i32 = 7;

/// Length of a redaction key in bytes.
pub const IDENTITAS_KEY_LEN: usize = 32;

/// How a redactor treats each kind. Zero-initialise it (or call
/// `identitas_redact_options_default`) and set what differs. No padding on
/// 32- or 64-bit targets: `sizeof` is `2 * sizeof(void *) + 72`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct identitas_redact_options {
    /// The secret key (`IDENTITAS_KEY_LEN` bytes) for tokens and pseudonyms, or NULL.
    /// Copied by `identitas_redactor_new`; the caller may wipe it afterwards.
    pub key: *const u8,
    /// Length of `key`: 0 (no key) or `IDENTITAS_KEY_LEN`.
    pub key_len: usize,
    /// `IDENTITAS_OP_*` per kind, indexed by `IDENTITAS_KIND_*` (slot 0 unused).
    pub operators: [i32; IDENTITAS_KIND_SLOTS],
    /// Findings below this `IDENTITAS_CONFIDENCE_*` are left; 0 = low (redact all).
    pub min_confidence: i32,
    /// The mask byte (ASCII punctuation or space); 0 = `'*'`.
    pub mask_char: i32,
}

const _: () = assert!(
    core::mem::size_of::<identitas_redact_options>() == 2 * core::mem::size_of::<usize>() + 72
);

/// A configured redactor (opaque): policy and scanner. Immutable after
/// `identitas_redactor_new`; share it between threads freely.
pub struct identitas_redactor {
    policy: Policy,
    scanner: Scanner,
}

/// A streaming redactor (opaque): push chunks, read redacted output, finish.
/// Used by one thread at a time (it may move between threads).
pub struct identitas_redact_stream {
    stream: RedactStream,
    output: Vec<u8>,
    read: usize,
    finished: bool,
}

// Compile-time proof that the handles may be shared between threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<identitas_redactor>();
    assert_send_sync::<identitas_scanner>();
};

pub(crate) fn redact_status(e: RedactError) -> i32 {
    match e {
        RedactError::OutOfBounds { .. } => IDENTITAS_STATUS_REDACT_OUT_OF_BOUNDS,
        RedactError::Overlap { .. } => IDENTITAS_STATUS_REDACT_OVERLAP,
        RedactError::NotLengthPreserving { .. } => IDENTITAS_STATUS_REDACT_NOT_LENGTH_PRESERVING,
        RedactError::MissingKey { .. } => IDENTITAS_STATUS_REDACT_MISSING_KEY,
    }
}

fn policy_status(_: PolicyError) -> i32 {
    IDENTITAS_STATUS_REDACT_INVALID_POLICY
}

/// Builds the policy an options struct describes.
fn policy_from(o: &identitas_redact_options) -> Result<Policy, i32> {
    let mut p = Policy::new();
    let ch = match o.mask_char {
        0 => redact::mask::DEFAULT_MASK_BYTE,
        c => u8::try_from(c).map_err(|_| IDENTITAS_STATUS_REDACT_INVALID_POLICY)?,
    };
    if o.operators[0] != 0 {
        return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
    }
    for (slot, &code) in o.operators.iter().enumerate().skip(1) {
        let kind = match kind_from_code(slot as i32) {
            Ok(k) => k,
            Err(_) if code == IDENTITAS_OP_DEFAULT => continue,
            Err(s) => return Err(s),
        };
        let op = match code {
            IDENTITAS_OP_DEFAULT | IDENTITAS_OP_MASK => Operator::Mask(MaskSpec {
                ch,
                ..MaskSpec::default_for(kind)
            }),
            IDENTITAS_OP_MASK_FULL => Operator::Mask(MaskSpec {
                ch,
                ..MaskSpec::FULL
            }),
            IDENTITAS_OP_PLACEHOLDER => Operator::Placeholder,
            IDENTITAS_OP_NUMBERED => Operator::Numbered,
            IDENTITAS_OP_TOKEN => Operator::Token,
            IDENTITAS_OP_PSEUDONYM => Operator::Pseudonym,
            IDENTITAS_OP_KEEP => Operator::Keep,
            _ => return Err(IDENTITAS_STATUS_INVALID_ARGUMENT),
        };
        p.set_operator(kind, op).map_err(policy_status)?;
    }
    p.min_confidence = match o.min_confidence {
        0 => Confidence::Low,
        c => super::scan::confidence_from_code(c)?,
    };
    if o.key_len > 0 {
        // SAFETY: the caller's contract on `identitas_redactor_new`.
        let key = unsafe { input(o.key, o.key_len) }?;
        let key = Key::from_bytes(key).map_err(|_| IDENTITAS_STATUS_REDACT_INVALID_KEY)?;
        p.set_key(&key);
    }
    if p.missing_key().is_some() {
        return Err(IDENTITAS_STATUS_REDACT_MISSING_KEY);
    }
    Ok(p)
}

/// The redactor of a handle, or the default one (mask everything) for NULL.
fn redactor_or_default<'a>(r: *const identitas_redactor) -> Result<&'a identitas_redactor, i32> {
    static DEFAULT: OnceLock<identitas_redactor> = OnceLock::new();
    if r.is_null() {
        return Ok(DEFAULT.get_or_init(|| identitas_redactor {
            policy: Policy::new(),
            scanner: Scanner::new(),
        }));
    }
    check_in(r)?;
    // SAFETY: non-null, aligned, made by `identitas_redactor_new` per the contract.
    Ok(unsafe { &*r })
}

/// Reads the caller's findings into `Vec` (checked kinds and confidences).
///
/// # Safety
/// `findings` readable for `count` entries (or NULL with 0).
unsafe fn read_findings(
    findings: *const identitas_finding,
    count: usize,
) -> Result<Vec<Finding>, i32> {
    if count == 0 {
        return Ok(Vec::new());
    }
    check_in(findings)?;
    if count > isize::MAX as usize / core::mem::size_of::<identitas_finding>() {
        return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
    }
    // SAFETY: non-null, aligned, `count` entries per the contract.
    let c = unsafe { core::slice::from_raw_parts(findings, count) };
    c.iter().map(finding_from_c).collect()
}

/// Fills `*out` with the default options: every kind masked with its default
/// mask, no key, every confidence. Returns a pointer status or OK. Thread-safe.
///
/// # Safety
/// `out` must point to writable memory for an `identitas_redact_options`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_options_default(
    out: *mut identitas_redact_options,
) -> i32 {
    guard(|| {
        check_out(out)?;
        let value = identitas_redact_options {
            key: core::ptr::null(),
            key_len: 0,
            operators: [IDENTITAS_OP_DEFAULT; IDENTITAS_KIND_SLOTS],
            min_confidence: 0,
            mask_char: 0,
        };
        // SAFETY: checked non-null and aligned.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// Makes a redactor from `options` (NULL: the defaults) and the scanner
/// `scanner` (NULL: every kind; the scanner is copied, free it when you like)
/// and stores it in `*out`; free it with `identitas_redactor_free`.
///
/// Statuses: `IDENTITAS_STATUS_INVALID_ARGUMENT` (an unknown operator or
/// confidence), `IDENTITAS_STATUS_REDACT_INVALID_KEY`, `_MISSING_KEY` (a token
/// or pseudonym operator without a key), `_INVALID_POLICY` (bad mask byte), or
/// a pointer status. The key is copied. Thread-safe.
///
/// # Safety
/// `options` NULL or readable (and its `key` readable for `key_len` bytes);
/// `scanner` NULL or a live handle; `out` a writable `identitas_redactor *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redactor_new(
    options: *const identitas_redact_options,
    scanner: *const identitas_scanner,
    out: *mut *mut identitas_redactor,
) -> i32 {
    guard(|| {
        check_out(out)?;
        let policy = if options.is_null() {
            Policy::new()
        } else {
            check_in(options)?;
            // SAFETY: non-null, aligned, readable per the contract.
            policy_from(unsafe { &*options })?
        };
        let scanner = scanner_or_default(scanner)?.clone();
        let handle = Box::into_raw(Box::new(identitas_redactor { policy, scanner }));
        // SAFETY: checked non-null and aligned.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Frees a redactor made by `identitas_redactor_new` (and wipes its key); NULL does nothing.
///
/// # Safety
/// `redactor` NULL or a handle from `identitas_redactor_new`, not freed before
/// and not in use by other threads. Streams copy what they need, so freeing a
/// redactor while its streams live is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redactor_free(redactor: *mut identitas_redactor) {
    guard_with((), || {
        if !redactor.is_null() {
            // SAFETY: made by `Box::into_raw` in `identitas_redactor_new`, freed once.
            drop(unsafe { Box::from_raw(redactor) });
        }
    })
}

/// Finds and redacts identifiers in `(ptr, len)`, writing the result and a NUL
/// to `(out, cap)`; `*out_len` receives the output length without the NUL.
///
/// `redactor` NULL masks everything with the defaults. On
/// `IDENTITAS_STATUS_BUFFER_TOO_SMALL` nothing is written but `*out_len`
/// (`(NULL, 0)` is a size query; the output of length-preserving policies is
/// `len` bytes). Bytes outside findings are copied unchanged. The output must
/// not overlap the input (use `identitas_redact_in_place`). Numbered
/// placeholders are numbered within this call. Thread-safe.
///
/// # Safety
/// `redactor` NULL or live; `ptr` readable for `len` bytes (or NULL with 0);
/// `out` writable for `cap` bytes (or NULL with 0); `out_len` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact(
    redactor: *const identitas_redactor,
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard(|| {
        let r = redactor_or_default(redactor)?;
        check_out(out_len)?;
        check_buffer((ptr, len), out, cap)?;
        // SAFETY: the caller's contract.
        let v = unsafe { input(ptr, len) }?;
        let findings = r.scanner.scan(v);
        let mut text = Vec::with_capacity(v.len());
        redact::redact_into(v, &findings, &r.policy, &mut text).map_err(redact_status)?;
        // SAFETY: the caller's contract.
        unsafe { write_text(&text, (ptr, len), out, cap, out_len) }
    })
}

/// Finds and redacts identifiers in `(buf, len)` in place. Only
/// length-preserving operators (masks, pseudonyms, keep) can run in place:
/// otherwise `IDENTITAS_STATUS_REDACT_NOT_LENGTH_PRESERVING` and the buffer is
/// unchanged. `redactor` NULL masks with the defaults. Thread-safe (on distinct buffers).
///
/// # Safety
/// `redactor` NULL or live; `buf` readable and writable for `len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_in_place(
    redactor: *const identitas_redactor,
    buf: *mut u8,
    len: usize,
) -> i32 {
    guard(|| {
        let r = redactor_or_default(redactor)?;
        // SAFETY: the caller's contract.
        let v = unsafe { input_mut(buf, len) }?;
        let findings = r.scanner.scan(v);
        redact::redact_in_place(v, &findings, &r.policy).map_err(redact_status)
    })
}

/// Redacts the given findings of `(ptr, len)` into `(out, cap)` (as
/// `identitas_redact`, but with findings from `identitas_scan`, filtered or
/// made by the caller). Findings must be in bounds, sorted and disjoint
/// (`IDENTITAS_STATUS_REDACT_OUT_OF_BOUNDS`, `_OVERLAP`). Thread-safe.
///
/// # Safety
/// `redactor` NULL or live; `ptr` readable for `len` bytes (or NULL with 0);
/// `out` writable for `cap` bytes (or NULL with 0); `out_len` a writable `size_t`; `findings` readable for `count` entries (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_findings(
    redactor: *const identitas_redactor,
    ptr: *const u8,
    len: usize,
    findings: *const identitas_finding,
    count: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard(|| {
        let r = redactor_or_default(redactor)?;
        check_out(out_len)?;
        check_buffer((ptr, len), out, cap)?;
        // SAFETY: the caller's contract.
        let v = unsafe { input(ptr, len) }?;
        // SAFETY: the caller's contract.
        let f = unsafe { read_findings(findings, count) }?;
        let mut text = Vec::with_capacity(v.len());
        redact::redact_into(v, &f, &r.policy, &mut text).map_err(redact_status)?;
        // SAFETY: the caller's contract.
        unsafe { write_text(&text, (ptr, len), out, cap, out_len) }
    })
}

/// Redacts the given findings of `(buf, len)` in place (length-preserving
/// operators only); on any error the buffer is unchanged. Thread-safe.
///
/// # Safety
/// `redactor` NULL or live; `buf` readable and writable for `len` bytes (or NULL with 0); `findings` readable for `count` entries
/// (or NULL with 0) and not inside `buf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_findings_in_place(
    redactor: *const identitas_redactor,
    buf: *mut u8,
    len: usize,
    findings: *const identitas_finding,
    count: usize,
) -> i32 {
    guard(|| {
        let r = redactor_or_default(redactor)?;
        // SAFETY: the caller's contract.
        let f = unsafe { read_findings(findings, count) }?;
        // SAFETY: the caller's contract.
        let v = unsafe { input_mut(buf, len) }?;
        redact::redact_in_place(v, &f, &r.policy).map_err(redact_status)
    })
}

/// Makes a streaming redactor with the policy and scanner of `redactor` (NULL:
/// the defaults) and stores it in `*out`; free it with `identitas_redact_stream_free`.
///
/// A value split across chunks is held back until seen whole, so it is never
/// written in clear; numbered placeholders are numbered across the stream.
/// The stream copies what it needs: `redactor` may be freed afterwards.
///
/// # Safety
/// `redactor` NULL or live; `out` a writable `identitas_redact_stream *`.
/// Thread-safe: one redactor may serve several threads at once; the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_stream_new(
    redactor: *const identitas_redactor,
    out: *mut *mut identitas_redact_stream,
) -> i32 {
    guard(|| {
        check_out(out)?;
        let r = redactor_or_default(redactor)?;
        let inner = Redactor::with_finder(r.policy.clone(), Box::new(r.scanner.clone()))
            .map_err(redact_status)?;
        let handle = Box::into_raw(Box::new(identitas_redact_stream {
            stream: RedactStream::new(inner),
            output: Vec::new(),
            read: 0,
            finished: false,
        }));
        // SAFETY: checked non-null and aligned.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// The stream of a handle, checked.
///
/// # Safety
/// `s` NULL or a live stream handle used by this thread only.
unsafe fn stream_mut<'a>(
    s: *mut identitas_redact_stream,
) -> Result<&'a mut identitas_redact_stream, i32> {
    check_out(s)?;
    // SAFETY: non-null, aligned, live and exclusive per the contract.
    Ok(unsafe { &mut *s })
}

/// Pushes a chunk; redacted output becomes readable with
/// `identitas_redact_stream_read` (some is held back until more input or
/// `identitas_redact_stream_finish`). Returns `IDENTITAS_STATUS_STREAM_FINISHED`
/// after finish, a redaction status, or a pointer status.
///
/// # Safety
/// `stream` a live handle used by one thread at a time; `ptr` readable for `len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_stream_push(
    stream: *mut identitas_redact_stream,
    ptr: *const u8,
    len: usize,
) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { stream_mut(stream) }?;
        if s.finished {
            return Err(IDENTITAS_STATUS_STREAM_FINISHED);
        }
        // SAFETY: the caller's contract.
        let chunk = unsafe { input(ptr, len) }?;
        compact_output(s);
        s.stream.push(chunk, &mut s.output).map_err(redact_status)
    })
}

/// Drops output already read, so the buffer does not grow without bound.
fn compact_output(s: &mut identitas_redact_stream) {
    if s.read > 0 {
        s.output.drain(..s.read);
        s.read = 0;
    }
}

/// Ends the input: everything held back is redacted and becomes readable.
/// Later pushes return `IDENTITAS_STATUS_STREAM_FINISHED`; finishing twice is OK.
///
/// # Safety
/// `stream` a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_stream_finish(
    stream: *mut identitas_redact_stream,
) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { stream_mut(stream) }?;
        if s.finished {
            return Ok(());
        }
        s.finished = true;
        compact_output(s);
        s.stream.finish(&mut s.output).map_err(redact_status)
    })
}

/// Bytes of redacted output ready to read (0 for NULL).
///
/// # Safety
/// `stream` NULL or a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_stream_pending(
    stream: *const identitas_redact_stream,
) -> usize {
    guard_with(0, || {
        if check_in(stream).is_err() {
            return 0;
        }
        // SAFETY: non-null, aligned, live per the contract.
        let s = unsafe { &*stream };
        s.output.len() - s.read
    })
}

/// Copies up to `cap` bytes of ready output to `out` (not NUL-terminated: the
/// output is a byte stream) and `*out_len` receives how many; call until it is 0.
///
/// # Safety
/// `stream` a live handle used by one thread at a time; `out` writable for `cap`
/// bytes (or NULL with 0); `out_len` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_stream_read(
    stream: *mut identitas_redact_stream,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { stream_mut(stream) }?;
        check_out(out_len)?;
        check_buffer((core::ptr::null(), 0), out, cap)?;
        let ready = &s.output[s.read..];
        let n = ready.len().min(cap);
        if n > 0 {
            // SAFETY: `out` holds `cap >= n` bytes; the stream's buffer is ours.
            unsafe { core::ptr::copy_nonoverlapping(ready.as_ptr(), out, n) };
        }
        s.read += n;
        // SAFETY: checked non-null and aligned.
        unsafe { out_len.write(n) };
        Ok(())
    })
}

/// Frees a stream (unread output is discarded); NULL does nothing.
///
/// # Safety
/// `stream` NULL or a handle from `identitas_redact_stream_new`, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_stream_free(stream: *mut identitas_redact_stream) {
    guard_with((), || {
        if !stream.is_null() {
            // SAFETY: made by `Box::into_raw` in `identitas_redact_stream_new`, freed once.
            drop(unsafe { Box::from_raw(stream) });
        }
    })
}

/// A custom mask for one kind, for `identitas_redactor_new_with_masks`:
/// `lead` characters shown at the start, `trail` at the end, the rest hidden
/// with `mask_char`. No padding: `sizeof` is `IDENTITAS_SIZEOF_MASK_SPEC`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_mask_spec {
    /// `IDENTITAS_KIND_*` this mask is for.
    pub kind: i32,
    /// Digits shown at the start (for phones: after the `+62`/`0` prefix).
    pub lead: u8,
    /// Digits shown at the end.
    pub trail: u8,
    /// The mask byte (ASCII punctuation or space); 0 = the options' `mask_char`.
    pub mask_char: u8,
    /// Must be 0.
    pub reserved: u8,
}

/// `sizeof(identitas_mask_spec)` on every target.
pub const IDENTITAS_SIZEOF_MASK_SPEC: usize = 8;

const _: () = assert!(core::mem::size_of::<identitas_mask_spec>() == IDENTITAS_SIZEOF_MASK_SPEC);

/// Applies the caller's mask specs to a policy built from options.
///
/// # Safety
/// `masks` readable for `count` entries (or NULL with 0).
unsafe fn apply_masks(
    policy: &mut Policy,
    default_ch: i32,
    masks: *const identitas_mask_spec,
    count: usize,
) -> Result<(), i32> {
    if count == 0 {
        return Ok(());
    }
    check_in(masks)?;
    if count > IDENTITAS_KIND_SLOTS * 4 {
        return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
    }
    // SAFETY: non-null, aligned, `count` (small) entries per the contract.
    let specs = unsafe { core::slice::from_raw_parts(masks, count) };
    for m in specs {
        if m.reserved != 0 {
            return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
        }
        let kind = kind_from_code(m.kind)?;
        let ch = match (m.mask_char, default_ch) {
            (0, 0) => redact::mask::DEFAULT_MASK_BYTE,
            (0, c) => u8::try_from(c).map_err(|_| IDENTITAS_STATUS_REDACT_INVALID_POLICY)?,
            (c, _) => c,
        };
        let spec = MaskSpec {
            lead: m.lead,
            trail: m.trail,
            ch,
        };
        policy
            .set_operator(kind, Operator::Mask(spec))
            .map_err(policy_status)?;
    }
    Ok(())
}

/// Stores a new redactor handle in `*out`.
fn store_redactor(
    policy: Policy,
    scanner: *const identitas_scanner,
    out: *mut *mut identitas_redactor,
) -> Result<(), i32> {
    let scanner = scanner_or_default(scanner)?.clone();
    let handle = Box::into_raw(Box::new(identitas_redactor { policy, scanner }));
    // SAFETY: the caller checked `out` (non-null, aligned).
    unsafe { out.write(handle) };
    Ok(())
}

/// As `identitas_redactor_new`, then sets custom masks: for each of the
/// `count` entries of `masks`, the kind it names is masked showing `lead`
/// leading and `trail` trailing digits (this overrides `options.operators`
/// for that kind; a later entry for the same kind wins).
///
/// Statuses: those of `identitas_redactor_new`, plus
/// `IDENTITAS_STATUS_UNKNOWN_KIND`, `IDENTITAS_STATUS_INVALID_ARGUMENT`
/// (non-zero `reserved`, more than 64 entries) and
/// `IDENTITAS_STATUS_REDACT_INVALID_POLICY` (a mask showing more than the kind
/// allows: 6 digits for NIK/KK/NPWP/NITKU/phone, 4 for BPJS, 10 for cards, 0
/// for NIP and e-mail; or a bad mask byte). `*out` is written only on
/// success; free it with `identitas_redactor_free`. Thread-safe.
///
/// # Safety
/// `options` NULL or readable (and its `key` readable for `key_len` bytes);
/// `scanner` NULL or a live handle; `out` a writable `identitas_redactor *`; `masks` readable for `count` entries (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redactor_new_with_masks(
    options: *const identitas_redact_options,
    masks: *const identitas_mask_spec,
    count: usize,
    scanner: *const identitas_scanner,
    out: *mut *mut identitas_redactor,
) -> i32 {
    guard(|| {
        check_out(out)?;
        let (mut policy, ch) = if options.is_null() {
            (Policy::new(), 0)
        } else {
            check_in(options)?;
            // SAFETY: non-null, aligned, readable per the contract.
            let o = unsafe { &*options };
            (policy_from(o)?, o.mask_char)
        };
        // SAFETY: the caller's contract.
        unsafe { apply_masks(&mut policy, ch, masks, count) }?;
        store_redactor(policy, scanner, out)
    })
}

/// Parses a JSON policy (the format of the CLI's `--policy` file).
#[cfg(feature = "serde")]
fn policy_from_json(json: &[u8]) -> Result<Policy, PolicyError> {
    let text = core::str::from_utf8(json)
        .map_err(|e| PolicyError::Invalid(format!("not UTF-8 (byte {})", e.valid_up_to())))?;
    Policy::from_json(text)
}

/// Makes a redactor from a JSON policy text (the format of the CLI's
/// `--policy` file: `kinds`, `classes`, `columns`, `min_confidence`,
/// `on_malformed`, `max_record_bytes`) and stores it in `*out`; free it with
/// `identitas_redactor_free`.
///
/// `(key, key_len)` is the secret key for tokens and pseudonyms:
/// `IDENTITAS_KEY_LEN` bytes, or `(NULL, 0)` for none. The library copies it
/// into memory it wipes on free and never logs it; the caller may wipe its copy
/// afterwards. `scanner` NULL finds every kind (the scanner is copied).
///
/// Statuses: `IDENTITAS_STATUS_REDACT_INVALID_POLICY` (not UTF-8, not JSON, a
/// wrong shape, a mask showing too much; `identitas_policy_check` says why),
/// `_INVALID_KEY`, `_MISSING_KEY` (a token or pseudonym without a key),
/// `IDENTITAS_STATUS_UNSUPPORTED` (built without the `serde` feature), or a
/// pointer status. `*out` is written only on success. Thread-safe.
///
/// # Safety
/// `json` readable for `len` bytes (or NULL with 0); `key` readable for
/// `key_len` bytes (or NULL with 0); `scanner` NULL or live; `out` a writable
/// `identitas_redactor *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redactor_from_json(
    json: *const u8,
    len: usize,
    key: *const u8,
    key_len: usize,
    scanner: *const identitas_scanner,
    out: *mut *mut identitas_redactor,
) -> i32 {
    guard(|| {
        check_out(out)?;
        // SAFETY: the caller's contract.
        let text = unsafe { input(json, len) }?;
        // SAFETY: the caller's contract.
        let key = unsafe { input(key, key_len) }?;
        #[cfg(feature = "serde")]
        {
            let mut policy = policy_from_json(text).map_err(policy_status)?;
            if !key.is_empty() {
                let key = Key::from_bytes(key).map_err(|_| IDENTITAS_STATUS_REDACT_INVALID_KEY)?;
                policy.set_key(&key);
            }
            if policy.missing_key().is_some() {
                return Err(IDENTITAS_STATUS_REDACT_MISSING_KEY);
            }
            store_redactor(policy, scanner, out)
        }
        #[cfg(not(feature = "serde"))]
        {
            let _ = (text, key, scanner);
            Err(IDENTITAS_STATUS_UNSUPPORTED)
        }
    })
}

/// Checks a JSON policy text and explains what is wrong with it: writes the
/// message (short English, naming the JSON path; never key material, never
/// input data) and a NUL into `(out, cap)`, `*out_len` receiving its length
/// (0, and an empty string when `cap > 0`, for a valid policy).
///
/// Returns `IDENTITAS_STATUS_OK` for a valid policy,
/// `IDENTITAS_STATUS_REDACT_INVALID_POLICY` for an invalid one (the message
/// is written when it fits), `IDENTITAS_STATUS_BUFFER_TOO_SMALL` when the
/// message does not fit (`(NULL, 0)` is a size query),
/// `IDENTITAS_STATUS_UNSUPPORTED` without the `serde` feature, or a pointer
/// status. Keys are not checked here. Thread-safe.
///
/// # Safety
/// `json` readable for `len` bytes (or NULL with 0); `out` writable for `cap`
/// bytes (or NULL with 0); `out_len` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_policy_check(
    json: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard(|| {
        check_out(out_len)?;
        check_buffer((json, len), out, cap)?;
        // SAFETY: the caller's contract.
        let text = unsafe { input(json, len) }?;
        #[cfg(feature = "serde")]
        {
            let Err(e) = policy_from_json(text) else {
                // Valid: an empty string when there is room, OK even for `(NULL, 0)`.
                // SAFETY: checked non-null and aligned; `out` holds `cap > 0` bytes.
                unsafe {
                    out_len.write(0);
                    if cap > 0 {
                        out.write(0);
                    }
                }
                return Ok(());
            };
            let message = e.to_string();
            // SAFETY: the caller's contract; the message is ours.
            unsafe { write_text(message.as_bytes(), (json, len), out, cap, out_len) }?;
            Err(IDENTITAS_STATUS_REDACT_INVALID_POLICY)
        }
        #[cfg(not(feature = "serde"))]
        {
            let _ = text;
            Err(IDENTITAS_STATUS_UNSUPPORTED)
        }
    })
}

/// The redactor behind a handle (for other FFI modules), NULL giving the default.
pub(crate) fn redactor_parts<'a>(
    r: *const identitas_redactor,
) -> Result<(&'a Policy, &'a Scanner), i32> {
    let r = redactor_or_default(r)?;
    Ok((&r.policy, &r.scanner))
}
