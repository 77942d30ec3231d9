//! Streaming: findings over a stream of chunks, the same as one scan of their concatenation.

use super::engine::{CONTEXT_AHEAD, CONTEXT_BEHIND, Ctx, scan_range};
use super::validate::enabled;
use super::{Finding, Scanner};
use crate::kind::Kind;

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(StreamScanner => "StreamScanner");

/// Bytes the stream keeps between pushes: context before the next start plus look-ahead.
const KEEP: usize = CONTEXT_BEHIND + CONTEXT_AHEAD;

/// A push scanner over a stream of chunks of any size.
///
/// Findings come out in order with absolute byte offsets (from the first byte pushed),
/// exactly as [`Scanner::scan_with`] on the concatenation of all chunks would give them.
/// It keeps at most about 1 KiB whatever the input size: a value cut between two chunks is
/// decided once enough bytes after it have arrived, or at [`StreamScanner::finish`].
///
/// ```
/// use identitas::scan::{Scanner, StreamScanner};
///
/// let mut stream = StreamScanner::new(Scanner::new());
/// let mut found = Vec::new();
/// for chunk in [&b"NIK: 3171 0117"[..], b" 0845 0001, HP 0812-3456-7890"] {
///     stream.push(chunk, &mut |f| found.push(f));
/// }
/// stream.finish(&mut |f| found.push(f));
/// assert_eq!((found[0].start, found[0].end), (5, 24));
/// assert_eq!(found.len(), 2);
/// ```
#[derive(Clone)]
pub struct StreamScanner {
    scanner: Scanner,
    hint: Option<Kind>,
    /// The last bytes of the stream: `tail[0]` is stream byte `tail_base`.
    tail: Vec<u8>,
    tail_base: usize,
    /// Every finding starting before this offset has been emitted.
    cursor: usize,
    /// Bytes pushed so far.
    total: usize,
}

impl StreamScanner {
    /// A stream scanner with `scanner`'s configuration.
    pub fn new(scanner: Scanner) -> StreamScanner {
        StreamScanner::with_hint(scanner, None)
    }

    /// A stream scanner for a stream that holds one kind of value (see [`Scanner::scan_with`]).
    pub fn with_hint(scanner: Scanner, hint: Option<Kind>) -> StreamScanner {
        StreamScanner {
            scanner,
            hint,
            tail: Vec::with_capacity(2 * KEEP),
            tail_base: 0,
            cursor: 0,
            total: 0,
        }
    }

    /// Bytes pushed so far: the offset the next chunk starts at.
    pub fn offset(&self) -> usize {
        self.total
    }

    /// Every byte before this offset is final: no finding emitted later starts or ends
    /// before it. A streaming redactor can write out bytes up to here.
    pub fn safe_offset(&self) -> usize {
        self.cursor.min(self.total)
    }

    /// Scans the next chunk; emits the findings that can already be decided.
    pub fn push(&mut self, chunk: &[u8], emit: &mut dyn FnMut(Finding)) {
        let kinds = enabled(self.scanner.config());
        let chunk_base = self.total;
        let take = chunk.len().min(KEEP);
        self.tail
            .extend_from_slice(chunk.get(..take).unwrap_or(&[]));
        self.total += chunk.len();
        let tail_end = self.tail_base + self.tail.len();
        // Starts whose look-ahead is inside the tail.
        let limit = tail_end.saturating_sub(CONTEXT_AHEAD);
        if limit > self.cursor {
            let cx = Ctx {
                input: &self.tail,
                hint: self.hint,
                kinds,
            };
            let base = self.tail_base;
            self.cursor = scan_range(&cx, self.cursor - base, limit - base, &mut |f| {
                emit(shift(f, base))
            }) + base;
        }
        if chunk.len() > take {
            // The rest of a large chunk is scanned in place, without copying it.
            let limit = self.total - CONTEXT_AHEAD;
            if limit > self.cursor {
                let cx = Ctx {
                    input: chunk,
                    hint: self.hint,
                    kinds,
                };
                self.cursor = scan_range(
                    &cx,
                    self.cursor - chunk_base,
                    limit - chunk_base,
                    &mut |f| emit(shift(f, chunk_base)),
                ) + chunk_base;
            }
            let keep_from = chunk.len() - KEEP;
            self.tail.clear();
            self.tail
                .extend_from_slice(chunk.get(keep_from..).unwrap_or(&[]));
            self.tail_base = chunk_base + keep_from;
        } else {
            let tail_end = self.tail_base + self.tail.len();
            let keep_from = self
                .cursor
                .min(tail_end.saturating_sub(CONTEXT_AHEAD))
                .saturating_sub(CONTEXT_BEHIND)
                .max(self.tail_base);
            self.tail.drain(..keep_from - self.tail_base);
            self.tail_base = keep_from;
        }
    }

    /// Ends the stream: emits the remaining findings and resets for a new stream.
    pub fn finish(&mut self, emit: &mut dyn FnMut(Finding)) {
        let cx = Ctx {
            input: &self.tail,
            hint: self.hint,
            kinds: enabled(self.scanner.config()),
        };
        let base = self.tail_base;
        if self.total > self.cursor {
            scan_range(&cx, self.cursor - base, self.total - base, &mut |f| {
                emit(shift(f, base))
            });
        }
        self.tail.clear();
        self.tail_base = 0;
        self.cursor = 0;
        self.total = 0;
    }
}

/// The finding moved by `base` bytes.
#[inline]
fn shift(f: Finding, base: usize) -> Finding {
    Finding {
        start: f.start + base,
        end: f.end + base,
        ..f
    }
}
