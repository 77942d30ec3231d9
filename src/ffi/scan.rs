//! The scanner: findings over a caller buffer, into a caller array or a callback.

use core::ffi::c_void;
use std::sync::OnceLock;

use super::*;
use crate::scan::{Confidence, Finding, ScanConfig, Scanner, StreamScanner};

/// `identitas_finding.confidence`: valid but could be something else.
pub const IDENTITAS_CONFIDENCE_LOW: i32 = 1;
/// `identitas_finding.confidence`: valid and the shape is distinctive.
pub const IDENTITAS_CONFIDENCE_MEDIUM: i32 = 2;
/// `identitas_finding.confidence`: valid and confirmed by a nearby label.
pub const IDENTITAS_CONFIDENCE_HIGH: i32 = 3;

/// One identifier found: `input[start .. end]` is the value as written
/// (byte offsets). No padding on 32- or 64-bit targets.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_finding {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `IDENTITAS_KIND_*`.
    pub kind: i32,
    /// `IDENTITAS_CONFIDENCE_*`.
    pub confidence: i32,
}

const _: () =
    assert!(core::mem::size_of::<identitas_finding>() == 2 * core::mem::size_of::<usize>() + 8);

/// A configured scanner (opaque). Immutable: share it between threads freely.
pub struct identitas_scanner {
    pub(crate) scanner: Scanner,
}

/// Called once per finding, in order; return 0 to go on, anything else to stop.
/// It must not unwind (no C++ exceptions, no `longjmp` out of it).
pub type identitas_finding_cb =
    Option<unsafe extern "C" fn(user: *mut c_void, finding: *const identitas_finding) -> i32>;

pub(crate) fn confidence_code(c: Confidence) -> i32 {
    match c {
        Confidence::Low => IDENTITAS_CONFIDENCE_LOW,
        Confidence::Medium => IDENTITAS_CONFIDENCE_MEDIUM,
        Confidence::High => IDENTITAS_CONFIDENCE_HIGH,
    }
}

pub(crate) fn confidence_from_code(c: i32) -> Result<Confidence, i32> {
    match c {
        IDENTITAS_CONFIDENCE_LOW => Ok(Confidence::Low),
        IDENTITAS_CONFIDENCE_MEDIUM => Ok(Confidence::Medium),
        IDENTITAS_CONFIDENCE_HIGH => Ok(Confidence::High),
        _ => Err(IDENTITAS_STATUS_INVALID_ARGUMENT),
    }
}

pub(crate) fn finding_to_c(f: &Finding) -> identitas_finding {
    identitas_finding {
        start: f.start,
        end: f.end,
        kind: kind_code(f.kind),
        confidence: confidence_code(f.confidence),
    }
}

pub(crate) fn finding_from_c(f: &identitas_finding) -> Result<Finding, i32> {
    Ok(Finding {
        kind: kind_from_code(f.kind)?,
        start: f.start,
        end: f.end,
        confidence: confidence_from_code(f.confidence)?,
    })
}

/// The scanner of a handle, or the default one (every kind) for NULL.
pub(crate) fn scanner_or_default<'a>(s: *const identitas_scanner) -> Result<&'a Scanner, i32> {
    static DEFAULT: OnceLock<Scanner> = OnceLock::new();
    if s.is_null() {
        return Ok(DEFAULT.get_or_init(Scanner::new));
    }
    check_in(s)?;
    // SAFETY: non-null, aligned, made by `identitas_scanner_new` per the contract.
    Ok(unsafe { &(*s).scanner })
}

/// The scan configuration for a kind bit set (`1 << IDENTITAS_KIND_*`; 0 = every kind).
pub(crate) fn config_for(kinds: u32) -> Result<ScanConfig, i32> {
    let mut config = ScanConfig::default();
    if kinds == 0 {
        return Ok(config);
    }
    let known: u32 = Kind::ALL.iter().map(|&k| 1u32 << kind_code(k)).sum();
    if kinds & !known != 0 {
        return Err(IDENTITAS_STATUS_UNKNOWN_KIND);
    }
    for (slot, &k) in config.kinds.iter_mut().zip(Kind::ALL.iter()) {
        *slot = kinds & (1u32 << kind_code(k)) != 0;
    }
    Ok(config)
}

/// Makes a scanner for the kinds in the bit set `kinds` (`1u << IDENTITAS_KIND_NIK | ...`;
/// 0 means every kind) and stores it in `*out`; free it with `identitas_scanner_free`.
///
/// Returns `IDENTITAS_STATUS_UNKNOWN_KIND` for a bit that names no kind, or a
/// pointer status; `*out` is written only on success. Thread-safe.
///
/// # Safety
/// `out` must point to a writable `identitas_scanner *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scanner_new(
    kinds: u32,
    out: *mut *mut identitas_scanner,
) -> i32 {
    guard(|| {
        check_out(out)?;
        let scanner = Scanner::with_config(config_for(kinds)?);
        let handle = Box::into_raw(Box::new(identitas_scanner { scanner }));
        // SAFETY: checked non-null and aligned.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Frees a scanner made by `identitas_scanner_new`; NULL does nothing.
///
/// # Safety
/// `scanner` must be NULL or a handle from `identitas_scanner_new` not freed
/// before and not in use by another thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scanner_free(scanner: *mut identitas_scanner) {
    guard_with((), || {
        if !scanner.is_null() {
            // SAFETY: made by `Box::into_raw` in `identitas_scanner_new`, freed once.
            drop(unsafe { Box::from_raw(scanner) });
        }
    })
}

/// Finds identifiers in `(ptr, len)` and writes up to `cap` findings to `out`,
/// sorted by start, not overlapping; `*out_count` receives how many there are.
///
/// `scanner` NULL uses the default scanner (every kind). When more than `cap`
/// are found, the first `cap` are written, `*out_count` is the total and the
/// status is `IDENTITAS_STATUS_BUFFER_TOO_SMALL` (`(NULL, 0)` is a count
/// query). No allocation. Thread-safe.
///
/// # Safety
/// `scanner` NULL or a live handle; `ptr` readable for `len` bytes (or NULL
/// with 0); `out` writable for `cap` findings (or NULL with 0); `out_count` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan(
    scanner: *const identitas_scanner,
    ptr: *const u8,
    len: usize,
    out: *mut identitas_finding,
    cap: usize,
    out_count: *mut usize,
) -> i32 {
    // SAFETY: the caller's contract.
    guard(|| unsafe { scan_to_array(scanner, None, ptr, len, out, cap, out_count) })
}

/// As `identitas_scan`, for a field known to hold one kind of value: `hint`
/// is the `IDENTITAS_KIND_*` a CSV column or JSON key names (0 = no hint, the
/// same as `identitas_scan`). The hint decides between look-alikes (a
/// 16-digit value in a `no_kk` column is a KK, not a NIK) and raises
/// confidence. Returns `IDENTITAS_STATUS_UNKNOWN_KIND` for a bad hint, else as
/// `identitas_scan`. No allocation. Thread-safe.
///
/// # Safety
/// `scanner` NULL or a live handle; `ptr` readable for `len` bytes (or NULL
/// with 0); `out` writable for `cap` findings (or NULL with 0); `out_count` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_hint(
    scanner: *const identitas_scanner,
    hint: i32,
    ptr: *const u8,
    len: usize,
    out: *mut identitas_finding,
    cap: usize,
    out_count: *mut usize,
) -> i32 {
    guard(|| {
        let hint = hint_from_code(hint)?;
        // SAFETY: the caller's contract.
        unsafe { scan_to_array(scanner, hint, ptr, len, out, cap, out_count) }
    })
}

/// The kind of a hint code: 0 is no hint.
pub(crate) fn hint_from_code(hint: i32) -> Result<Option<Kind>, i32> {
    match hint {
        0 => Ok(None),
        c => kind_from_code(c).map(Some),
    }
}

/// Checks a caller findings array `(out, cap)` against the input range.
fn check_findings_out(
    input: (*const u8, usize),
    out: *mut identitas_finding,
    cap: usize,
) -> Result<(), i32> {
    if cap > 0 {
        check_out(out)?;
    }
    let bytes = cap
        .checked_mul(core::mem::size_of::<identitas_finding>())
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or(IDENTITAS_STATUS_INVALID_ARGUMENT)?;
    if overlaps(input.0, input.1, out.cast(), bytes) {
        return Err(IDENTITAS_STATUS_OVERLAPPING_BUFFERS);
    }
    Ok(())
}

/// The body of `identitas_scan` and `identitas_scan_hint`.
///
/// # Safety
/// As `identitas_scan`.
unsafe fn scan_to_array(
    scanner: *const identitas_scanner,
    hint: Option<Kind>,
    ptr: *const u8,
    len: usize,
    out: *mut identitas_finding,
    cap: usize,
    out_count: *mut usize,
) -> Result<(), i32> {
    let s = scanner_or_default(scanner)?;
    check_out(out_count)?;
    check_findings_out((ptr, len), out, cap)?;
    // SAFETY: the caller's contract.
    let input = unsafe { input(ptr, len) }?;
    let mut n = 0usize;
    s.scan_with(input, hint, &mut |f| {
        if n < cap {
            // SAFETY: `n < cap` findings fit; checked non-null and aligned.
            unsafe { out.add(n).write(finding_to_c(&f)) };
        }
        n += 1;
    });
    // SAFETY: checked non-null and aligned.
    unsafe { out_count.write(n) };
    if n > cap {
        return Err(IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    }
    Ok(())
}

/// Calls `callback(user, &finding)` for every finding in `(ptr, len)`, in
/// order; stops calling when it returns non-zero. The finding pointer is valid
/// only during the call. `scanner` NULL uses the default scanner. No allocation.
/// Returns `IDENTITAS_STATUS_NULL_POINTER` for a NULL callback. Thread-safe
/// (the callback runs on the calling thread).
///
/// # Safety
/// `scanner` NULL or a live handle; `ptr` readable for `len` bytes (or NULL
/// with 0); `callback` safe to call with `user`, and it must not unwind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_each(
    scanner: *const identitas_scanner,
    ptr: *const u8,
    len: usize,
    callback: identitas_finding_cb,
    user: *mut c_void,
) -> i32 {
    guard(|| {
        let s = scanner_or_default(scanner)?;
        let cb = callback.ok_or(IDENTITAS_STATUS_NULL_POINTER)?;
        // SAFETY: the caller's contract.
        let input = unsafe { input(ptr, len) }?;
        let mut stopped = false;
        s.scan_with(input, None, &mut |f| {
            if !stopped {
                let c = finding_to_c(&f);
                // SAFETY: the caller vouches for the callback and `user`.
                stopped = unsafe { cb(user, &c) } != 0;
            }
        });
        Ok(())
    })
}

/// A streaming scanner (opaque): push chunks of any size, read findings with
/// absolute byte offsets (from the first byte pushed), the same findings one
/// `identitas_scan` of the concatenation would give. Holds about 1.5 KiB of
/// input plus the findings not yet read. Used by one thread at a time (it may
/// move between threads).
pub struct identitas_scan_stream {
    stream: StreamScanner,
    found: Vec<identitas_finding>,
    read: usize,
}

/// Makes a streaming scanner with the kinds of `scanner` (NULL: every kind;
/// copied, free it when you like) and the `hint` of `identitas_scan_hint` (0:
/// none) and stores it in `*out`; free it with `identitas_scan_stream_free`.
///
/// Returns `IDENTITAS_STATUS_UNKNOWN_KIND` for a bad hint or a pointer
/// status; `*out` is written only on success. Thread-safe.
///
/// # Safety
/// `scanner` NULL or live; `out` a writable `identitas_scan_stream *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_stream_new(
    scanner: *const identitas_scanner,
    hint: i32,
    out: *mut *mut identitas_scan_stream,
) -> i32 {
    guard(|| {
        check_out(out)?;
        let hint = hint_from_code(hint)?;
        let scanner = scanner_or_default(scanner)?.clone();
        let handle = Box::into_raw(Box::new(identitas_scan_stream {
            stream: StreamScanner::with_hint(scanner, hint),
            found: Vec::new(),
            read: 0,
        }));
        // SAFETY: checked non-null and aligned.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// The scan stream of a handle, checked.
///
/// # Safety
/// `s` NULL or a live stream handle used by this thread only.
unsafe fn scan_stream_mut<'a>(
    s: *mut identitas_scan_stream,
) -> Result<&'a mut identitas_scan_stream, i32> {
    check_out(s)?;
    // SAFETY: non-null, aligned, live and exclusive per the contract.
    Ok(unsafe { &mut *s })
}

/// Drops findings already read, so the queue does not grow without bound.
fn compact_found(s: &mut identitas_scan_stream) {
    if s.read > 0 {
        s.found.drain(..s.read);
        s.read = 0;
    }
}

/// Scans the next chunk; findings that can already be decided are queued for
/// `identitas_scan_stream_read` (a value cut between chunks is decided when
/// enough of what follows has arrived, or at finish). Returns a pointer status or OK.
///
/// # Safety
/// `stream` a live handle used by one thread at a time; `ptr` readable for
/// `len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_stream_push(
    stream: *mut identitas_scan_stream,
    ptr: *const u8,
    len: usize,
) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { scan_stream_mut(stream) }?;
        // SAFETY: the caller's contract.
        let chunk = unsafe { input(ptr, len) }?;
        compact_found(s);
        let found = &mut s.found;
        s.stream.push(chunk, &mut |f| found.push(finding_to_c(&f)));
        Ok(())
    })
}

/// Ends the stream: the remaining findings are queued. The handle then starts
/// a new stream (offsets from 0 again) if pushed to; findings not yet read
/// stay readable.
///
/// # Safety
/// `stream` a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_stream_finish(stream: *mut identitas_scan_stream) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { scan_stream_mut(stream) }?;
        compact_found(s);
        let found = &mut s.found;
        s.stream.finish(&mut |f| found.push(finding_to_c(&f)));
        Ok(())
    })
}

/// Findings queued and not yet read (0 for NULL).
///
/// # Safety
/// `stream` NULL or a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_stream_pending(
    stream: *const identitas_scan_stream,
) -> usize {
    guard_with(0, || {
        if check_in(stream).is_err() {
            return 0;
        }
        // SAFETY: non-null, aligned, live per the contract.
        let s = unsafe { &*stream };
        s.found.len() - s.read
    })
}

/// Bytes pushed since the stream (re)started: the offset the next chunk starts at (0 for NULL).
///
/// # Safety
/// `stream` NULL or a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_stream_offset(
    stream: *const identitas_scan_stream,
) -> usize {
    guard_with(0, || {
        if check_in(stream).is_err() {
            return 0;
        }
        // SAFETY: non-null, aligned, live per the contract.
        unsafe { &*stream }.stream.offset()
    })
}

/// Moves up to `cap` queued findings, in order, to `out`; `*out_count`
/// receives how many were written. Call until it is 0 (or size `out` with
/// `identitas_scan_stream_pending`). Returns a pointer status or OK.
///
/// # Safety
/// `stream` a live handle used by one thread at a time; `out` writable for
/// `cap` findings (or NULL with 0); `out_count` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_stream_read(
    stream: *mut identitas_scan_stream,
    out: *mut identitas_finding,
    cap: usize,
    out_count: *mut usize,
) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { scan_stream_mut(stream) }?;
        check_out(out_count)?;
        check_findings_out((core::ptr::null(), 0), out, cap)?;
        let ready = s.found.get(s.read..).unwrap_or(&[]);
        let n = ready.len().min(cap);
        if n > 0 {
            // SAFETY: `out` holds `cap >= n` findings; the queue is ours.
            unsafe { core::ptr::copy_nonoverlapping(ready.as_ptr(), out, n) };
        }
        s.read += n;
        // SAFETY: checked non-null and aligned.
        unsafe { out_count.write(n) };
        Ok(())
    })
}

/// Frees a streaming scanner (unread findings are discarded); NULL does nothing.
///
/// # Safety
/// `stream` NULL or a handle from `identitas_scan_stream_new`, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_scan_stream_free(stream: *mut identitas_scan_stream) {
    guard_with((), || {
        if !stream.is_null() {
            // SAFETY: made by `Box::into_raw` in `identitas_scan_stream_new`, freed once.
            drop(unsafe { Box::from_raw(stream) });
        }
    })
}
