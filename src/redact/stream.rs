//! Streaming redaction of text: push chunks, get redacted output, `finish()`.
//!
//! The stream keeps at most [`HOLD_BACK`] unprocessed bytes plus
//! [`LEFT_CONTEXT`] already-emitted bytes (for the scanner's look-behind) and
//! the current chunk, whatever the input size. A value split across chunks is
//! held back until it is seen whole, so it is never emitted in clear; with a
//! local finder (see [`super::Finder`]) the output equals one-shot redaction for
//! every chunking.

use super::{RedactError, Redactor};
use crate::scan::{Finding, MAX_FINDING_LEN};

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(TextWindow => "TextWindow", RedactStream => "RedactStream");

/// Bytes held back at the end of the buffer: a finding up to [`MAX_FINDING_LEN`]
/// characters plus the scanner's right context, counted for values written in 3-byte
/// characters (full-width digits, which the scanner folds to ASCII).
pub const HOLD_BACK: usize = crate::scan::AHEAD_BYTES;

/// Already-emitted bytes kept before the unprocessed ones, so the scanner sees
/// the same left context as in one pass.
pub const LEFT_CONTEXT: usize = 2 * MAX_FINDING_LEN;

const _: () = assert!(LEFT_CONTEXT >= crate::scan::BEHIND_BYTES);
const _: () = assert!(HOLD_BACK >= 3 * MAX_FINDING_LEN);

/// The scanning window shared by text and record streams.
#[derive(Default)]
pub(crate) struct TextWindow {
    pending: Vec<u8>,
    /// `pending[..emitted]` is left context, already written out.
    emitted: usize,
    findings: Vec<Finding>,
    local: Vec<Finding>,
}

impl TextWindow {
    /// Bytes buffered but not yet written out.
    pub(crate) fn unprocessed(&self) -> usize {
        self.pending.len() - self.emitted
    }

    pub(crate) fn push(
        &mut self,
        r: &mut Redactor,
        chunk: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), RedactError> {
        self.pending.extend_from_slice(chunk);
        if self.unprocessed() >= 2 * HOLD_BACK {
            self.process(r, false, out)?;
        }
        Ok(())
    }

    pub(crate) fn finish(
        &mut self,
        r: &mut Redactor,
        out: &mut Vec<u8>,
    ) -> Result<(), RedactError> {
        self.process(r, true, out)?;
        self.pending.clear();
        self.emitted = 0;
        Ok(())
    }

    fn process(
        &mut self,
        r: &mut Redactor,
        last: bool,
        out: &mut Vec<u8>,
    ) -> Result<(), RedactError> {
        let len = self.pending.len();
        let mut commit = if last {
            len
        } else {
            len.saturating_sub(HOLD_BACK)
        };
        if commit <= self.emitted {
            return Ok(());
        }
        self.findings.clear();
        r.finder_ref()
            .find_into(&self.pending, None, &mut self.findings);
        // Never cut a finding: stop before one that straddles the commit point.
        for f in &self.findings {
            if f.start < commit && f.end > commit && f.start >= self.emitted {
                commit = f.start;
                break;
            }
        }
        self.local.clear();
        for f in &self.findings {
            if f.end <= self.emitted || f.start >= commit {
                continue;
            }
            // A finding reaching back into emitted bytes (a non-local finder)
            // still has its new part redacted.
            let start = f.start.max(self.emitted);
            self.local.push(Finding {
                start: start - self.emitted,
                end: f.end.min(commit) - self.emitted,
                ..*f
            });
        }
        let local = core::mem::take(&mut self.local);
        let res = r.redact_into(&self.pending[self.emitted..commit], &local, out);
        self.local = local;
        res?;
        let keep_from = commit.saturating_sub(LEFT_CONTEXT);
        self.pending.drain(..keep_from);
        self.emitted = commit - keep_from;
        Ok(())
    }
}

/// A push-style text redactor with bounded memory.
///
/// ```
/// use identitas::redact::{Policy, RedactStream, Redactor};
///
/// let mut s = RedactStream::new(Redactor::new(Policy::default())?);
/// let mut out = Vec::new();
/// s.push(b"pasien dengan NIK 3171011708", &mut out)?;
/// s.push(b"450001 dirujuk", &mut out)?;
/// s.finish(&mut out)?;
/// assert_eq!(out.len(), 42);
/// # Ok::<(), identitas::redact::RedactError>(())
/// ```
pub struct RedactStream {
    redactor: Redactor,
    window: TextWindow,
}

impl RedactStream {
    /// A stream over a configured redactor.
    pub fn new(redactor: Redactor) -> RedactStream {
        RedactStream {
            redactor,
            window: TextWindow::default(),
        }
    }

    /// Adds a chunk; appends to `out` whatever can be emitted safely.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) -> Result<(), RedactError> {
        self.window.push(&mut self.redactor, chunk, out)
    }

    /// Ends the input: appends the rest. The stream can then be reused.
    pub fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), RedactError> {
        self.window.finish(&mut self.redactor, out)
    }

    /// The redactor (policy, numbering).
    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// Gives the redactor back.
    pub fn into_redactor(self) -> Redactor {
        self.redactor
    }
}
