//! Records: CSV and JSON lines redacted column by column, as a stream handle
//! (push, read, finish, malformed-record reports) or in one call.

use super::redact::{identitas_redactor, redact_status, redactor_parts};
use super::*;
use crate::record::{Format, RecordError, RecordStream};
use crate::redact::Redactor;

/// Record format: RFC 4180 CSV with a header row (delimiter `,`, `;` or TAB,
/// guessed from the header).
pub const IDENTITAS_RECORD_CSV: i32 = 1;
/// Record format: JSON lines (one JSON value per line).
pub const IDENTITAS_RECORD_JSONL: i32 = 2;

/// A record redaction stream (opaque): push chunks of CSV or JSON lines, read
/// the redacted records, finish. Columns (CSV header) and keys (JSON) are
/// classified from their names: identifier columns are scanned with their kind
/// as a hint, name/address/birth-date columns get their whole-field action,
/// the rest is scanned as free text. Bytes outside redacted values are copied
/// unchanged. Memory is bounded by the policy's `max_record_bytes` plus the
/// output not yet read. Used by one thread at a time (it may move between threads).
pub struct identitas_record_stream {
    stream: RecordStream,
    output: Vec<u8>,
    read: usize,
    finished: bool,
}

fn format_from_code(code: i32) -> Result<Format, i32> {
    match code {
        IDENTITAS_RECORD_CSV => Ok(Format::Csv),
        IDENTITAS_RECORD_JSONL => Ok(Format::Jsonl),
        _ => Err(IDENTITAS_STATUS_RECORD_UNKNOWN_FORMAT),
    }
}

fn record_status(e: RecordError) -> i32 {
    match e {
        RecordError::Redact(e) => redact_status(e),
        RecordError::Rejected(_) => IDENTITAS_STATUS_RECORD_REJECTED,
    }
}

/// A Rust record stream with the policy and scanner of a redactor handle.
fn new_stream(redactor: *const identitas_redactor, format: i32) -> Result<RecordStream, i32> {
    let format = format_from_code(format)?;
    let (policy, scanner) = redactor_parts(redactor)?;
    let inner =
        Redactor::with_finder(policy.clone(), Box::new(scanner.clone())).map_err(redact_status)?;
    Ok(RecordStream::new(inner, format))
}

/// Makes a record stream for `format` (`IDENTITAS_RECORD_*`) with the policy
/// and scanner of `redactor` (NULL: the defaults) and stores it in `*out`;
/// free it with `identitas_record_stream_free`. The stream copies what it
/// needs: `redactor` may be freed afterwards.
///
/// Returns `IDENTITAS_STATUS_RECORD_UNKNOWN_FORMAT`, a redaction status, or a
/// pointer status; `*out` is written only on success. Thread-safe.
///
/// # Safety
/// `redactor` NULL or live; `out` a writable `identitas_record_stream *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_new(
    redactor: *const identitas_redactor,
    format: i32,
    out: *mut *mut identitas_record_stream,
) -> i32 {
    guard(|| {
        check_out(out)?;
        let stream = new_stream(redactor, format)?;
        let handle = Box::into_raw(Box::new(identitas_record_stream {
            stream,
            output: Vec::new(),
            read: 0,
            finished: false,
        }));
        // SAFETY: checked non-null and aligned.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// The record stream of a handle, checked.
///
/// # Safety
/// `s` NULL or a live stream handle used by this thread only.
unsafe fn record_mut<'a>(
    s: *mut identitas_record_stream,
) -> Result<&'a mut identitas_record_stream, i32> {
    check_out(s)?;
    // SAFETY: non-null, aligned, live and exclusive per the contract.
    Ok(unsafe { &mut *s })
}

/// The record stream of a handle for reading, or `None`.
///
/// # Safety
/// `s` NULL or a live stream handle.
unsafe fn record_ref<'a>(s: *const identitas_record_stream) -> Option<&'a identitas_record_stream> {
    check_in(s).ok()?;
    // SAFETY: non-null, aligned, live per the contract.
    Some(unsafe { &*s })
}

/// Drops output already read.
fn compact(s: &mut identitas_record_stream) {
    if s.read > 0 {
        s.output.drain(..s.read);
        s.read = 0;
    }
}

/// Pushes a chunk (records may be cut anywhere); every complete record
/// becomes readable, redacted, with `identitas_record_stream_read`.
///
/// Returns `IDENTITAS_STATUS_STREAM_FINISHED` after finish or after an
/// earlier error, `IDENTITAS_STATUS_RECORD_REJECTED` (a malformed record
/// under `"on_malformed": "reject"`), a redaction status, or a pointer
/// status. After an error the stream accepts no more input; output made
/// before it stays readable.
///
/// # Safety
/// `stream` a live handle used by one thread at a time; `ptr` readable for
/// `len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_push(
    stream: *mut identitas_record_stream,
    ptr: *const u8,
    len: usize,
) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { record_mut(stream) }?;
        if s.finished {
            return Err(IDENTITAS_STATUS_STREAM_FINISHED);
        }
        // SAFETY: the caller's contract.
        let chunk = unsafe { input(ptr, len) }?;
        compact(s);
        s.stream.push(chunk, &mut s.output).map_err(|e| {
            s.finished = true;
            record_status(e)
        })
    })
}

/// Ends the input: the last record (which may lack its line terminator) is
/// redacted and becomes readable. Later pushes return
/// `IDENTITAS_STATUS_STREAM_FINISHED`; finishing twice is OK. Statuses as
/// `identitas_record_stream_push`.
///
/// # Safety
/// `stream` a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_finish(
    stream: *mut identitas_record_stream,
) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { record_mut(stream) }?;
        if s.finished {
            return Ok(());
        }
        s.finished = true;
        compact(s);
        s.stream.finish(&mut s.output).map_err(record_status)
    })
}

/// Bytes of redacted output ready to read (0 for NULL).
///
/// # Safety
/// `stream` NULL or a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_pending(
    stream: *const identitas_record_stream,
) -> usize {
    // SAFETY: the caller's contract.
    guard_with(0, || {
        unsafe { record_ref(stream) }.map_or(0, |s| s.output.len() - s.read)
    })
}

/// Copies up to `cap` bytes of ready output to `out` (not NUL-terminated) and
/// `*out_len` receives how many; call until it is 0. Returns a pointer status or OK.
///
/// # Safety
/// `stream` a live handle used by one thread at a time; `out` writable for
/// `cap` bytes (or NULL with 0); `out_len` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_read(
    stream: *mut identitas_record_stream,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard(|| {
        // SAFETY: the caller's contract.
        let s = unsafe { record_mut(stream) }?;
        check_out(out_len)?;
        check_buffer((core::ptr::null(), 0), out, cap)?;
        let ready = s.output.get(s.read..).unwrap_or(&[]);
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

/// Records (the CSV header included) processed so far (0 for NULL).
///
/// # Safety
/// `stream` NULL or a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_records(
    stream: *const identitas_record_stream,
) -> u64 {
    // SAFETY: the caller's contract.
    guard_with(0, || {
        unsafe { record_ref(stream) }.map_or(0, |s| s.stream.records())
    })
}

/// Malformed records met so far (0 for NULL): unbalanced quotes, a wrong
/// field count, invalid JSON, a record over `max_record_bytes`. They were
/// redacted as text, dropped or rejected as the policy's `on_malformed` says.
///
/// # Safety
/// `stream` NULL or a live handle used by one thread at a time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_malformed_count(
    stream: *const identitas_record_stream,
) -> u64 {
    // SAFETY: the caller's contract.
    guard_with(0, || {
        unsafe { record_ref(stream) }.map_or(0, |s| s.stream.malformed_count())
    })
}

/// Writes the 1-based line numbers where the reported malformed records
/// start (the first `IDENTITAS_RECORD_MAX_REPORTS`; the count goes on) to
/// `(out, cap)`, in order; `*out_count` receives how many there are. More
/// than `cap`: the first `cap` are written and the status is
/// `IDENTITAS_STATUS_BUFFER_TOO_SMALL` (`(NULL, 0)` is a count query).
/// The reports never carry record contents.
///
/// # Safety
/// `stream` a live handle used by one thread at a time; `out` writable for
/// `cap` values (or NULL with 0); `out_count` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_malformed_lines(
    stream: *const identitas_record_stream,
    out: *mut u64,
    cap: usize,
    out_count: *mut usize,
) -> i32 {
    guard(|| {
        check_in(stream)?;
        // SAFETY: non-null, aligned, live per the contract.
        let s = unsafe { &*stream };
        check_out(out_count)?;
        if cap > 0 {
            check_out(out)?;
        }
        if cap > isize::MAX as usize / 8 {
            return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
        }
        let reports = s.stream.malformed();
        for (i, m) in reports.iter().take(cap).enumerate() {
            // SAFETY: `i < cap` values fit; checked non-null and aligned.
            unsafe { out.add(i).write(m.line) };
        }
        // SAFETY: checked non-null and aligned.
        unsafe { out_count.write(reports.len()) };
        if reports.len() > cap {
            return Err(IDENTITAS_STATUS_BUFFER_TOO_SMALL);
        }
        Ok(())
    })
}

/// Frees a record stream (unread output is discarded); NULL does nothing.
///
/// # Safety
/// `stream` NULL or a handle from `identitas_record_stream_new`, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_record_stream_free(stream: *mut identitas_record_stream) {
    guard_with((), || {
        if !stream.is_null() {
            // SAFETY: made by `Box::into_raw` in `identitas_record_stream_new`, freed once.
            drop(unsafe { Box::from_raw(stream) });
        }
    })
}

/// Redacts a whole CSV or JSON-lines text (`format` = `IDENTITAS_RECORD_*`)
/// in one call, as a record stream would, writing the result and a NUL to
/// `(out, cap)`; `*out_len` receives the length without the NUL.
///
/// `redactor` NULL uses the defaults. On `IDENTITAS_STATUS_BUFFER_TOO_SMALL`
/// nothing is written but `*out_len` (`(NULL, 0)` is a size query; the call
/// redacts everything each time, so size generously, e.g. `len + len / 2 + 64`,
/// rather than query first). Malformed-record reports need the stream handle.
/// Statuses as `identitas_record_stream_push`, plus
/// `IDENTITAS_STATUS_OVERLAPPING_BUFFERS`. Thread-safe.
///
/// # Safety
/// `redactor` NULL or live; `ptr` readable for `len` bytes (or NULL with 0);
/// `out` writable for `cap` bytes (or NULL with 0); `out_len` a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_redact_records(
    redactor: *const identitas_redactor,
    format: i32,
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard(|| {
        check_out(out_len)?;
        check_buffer((ptr, len), out, cap)?;
        let mut stream = new_stream(redactor, format)?;
        // SAFETY: the caller's contract.
        let v = unsafe { input(ptr, len) }?;
        let mut text = Vec::with_capacity(v.len());
        stream.push(v, &mut text).map_err(record_status)?;
        stream.finish(&mut text).map_err(record_status)?;
        // SAFETY: the caller's contract.
        unsafe { write_text(&text, (ptr, len), out, cap, out_len) }
    })
}

/// Most malformed-record line numbers a record stream keeps.
pub const IDENTITAS_RECORD_MAX_REPORTS: usize = 1000;

const _: () = assert!(IDENTITAS_RECORD_MAX_REPORTS == crate::record::MAX_REPORTS);
