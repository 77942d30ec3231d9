//! Streaming: findings over a stream of chunks, the same as one scan of their concatenation.

use super::engine::{CONTEXT_AHEAD, Ctx, Sink, scan_range};
use super::fold::{self, Folded};
use super::validate::enabled;
use super::{AHEAD_BYTES, BEHIND_BYTES, Finding, Scanner};
use crate::kind::Kind;

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(StreamScanner => "StreamScanner");

const KEEP: usize = BEHIND_BYTES + AHEAD_BYTES + 2;

/// A push scanner over a stream of chunks of any size.
///
/// Findings come out in order with absolute byte offsets (from the first byte pushed),
/// exactly as [`Scanner::scan_with`] on the concatenation of all chunks would give them.
/// It keeps at most about 1.5 KiB whatever the input size: a value cut between two chunks is
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
        let chunk_base = self.total;
        let take = chunk.len().min(KEEP);
        self.tail
            .extend_from_slice(chunk.get(..take).unwrap_or(&[]));
        self.total += chunk.len();
        let mut folded = Folded::default();
        self.cursor = self.scan_window(&mut folded, false, emit);
        if chunk.len() > take {
            // The rest of a large chunk is scanned in place, without copying it (unless
            // it holds characters to fold).
            self.cursor = scan_part(
                self.ctx(chunk),
                &mut folded,
                chunk_base,
                self.cursor,
                false,
                emit,
            );
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
                .saturating_sub(BEHIND_BYTES)
                .max(self.tail_base);
            self.tail.drain(..keep_from - self.tail_base);
            self.tail_base = keep_from;
        }
    }

    /// Ends the stream: emits the remaining findings and resets for a new stream.
    pub fn finish(&mut self, emit: &mut dyn FnMut(Finding)) {
        let mut folded = Folded::default();
        self.scan_window(&mut folded, true, emit);
        self.tail.clear();
        self.tail_base = 0;
        self.cursor = 0;
        self.total = 0;
    }

    /// The engine's view of `input` under this stream's configuration.
    fn ctx<'a>(&self, input: &'a [u8]) -> Ctx<'a> {
        Ctx {
            input,
            hint: self.hint,
            kinds: enabled(self.scanner.config()),
        }
    }

    /// Scans the tail from the cursor on; returns the new cursor.
    fn scan_window(&self, folded: &mut Folded, last: bool, emit: &mut dyn FnMut(Finding)) -> usize {
        scan_part(
            self.ctx(&self.tail),
            folded,
            self.tail_base,
            self.cursor,
            last,
            emit,
        )
    }
}

/// Emits the findings of `cx.input` (stream bytes from `base` on) that start at or after
/// stream offset `cursor` and whose look-ahead is inside the input (all of them when
/// `last`); returns the new cursor. The input holds the engine's look-behind before
/// `cursor`, in folded bytes.
///
/// Without characters to fold this is the engine on the input's own bytes; with them, the
/// engine runs on a folded copy and both the limit (`CONTEXT_AHEAD` folded bytes before the
/// end) and the findings are mapped back to stream offsets.
fn scan_part(
    cx: Ctx<'_>,
    folded: &mut Folded,
    base: usize,
    cursor: usize,
    last: bool,
    emit: &mut dyn FnMut(Finding),
) -> usize {
    let input = cx.input;
    let from = cursor.saturating_sub(base);
    // A character cut by the end of the input is not read as what it will become: the
    // engine decides nothing that could reach it.
    let end = if last {
        input.len()
    } else {
        input.len() - partial_fold_tail(input)
    };
    if !fold::has_foldable(input) {
        let limit = if last {
            end
        } else {
            end.saturating_sub(CONTEXT_AHEAD)
        };
        if limit <= from {
            return cursor;
        }
        let mut shifted = |f| emit(shift(f, base));
        return scan_range(&cx, from, limit, &mut Sink::Call(&mut shifted)) + base;
    }
    folded.fold(input);
    let f_end = folded.to_folded(end);
    let limit = if last {
        f_end
    } else {
        f_end.saturating_sub(CONTEXT_AHEAD)
    };
    let from = folded.to_folded(from);
    if limit <= from {
        return cursor;
    }
    let fcx = Ctx {
        input: &folded.bytes,
        ..cx
    };
    let mut unfolded = |f| emit(shift(folded.unfold(f), base));
    let next = scan_range(&fcx, from, limit, &mut Sink::Call(&mut unfolded));
    folded.to_input(next) + base
}

/// Bytes at the end of `input` that may begin a character `fold.rs` folds, cut by the
/// chunk boundary (0 to 2).
#[inline]
fn partial_fold_tail(input: &[u8]) -> usize {
    match input {
        [.., 0xEF, 0xBC] => 2,
        [.., 0xEF | 0xD9 | 0xDB] => 1,
        _ => 0,
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
