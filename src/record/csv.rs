//! RFC 4180 CSV records as byte spans: quoted fields, doubled quotes, embedded
//! newlines, CRLF or LF. Nothing is re-serialised, so bytes outside redacted
//! field contents are copied as they were.

/// Finds the end of the record that starts at `buf[0]`, continuing a search that
/// stopped at `from` with the quote state `in_quotes`. Returns the index just
/// past the terminating LF.
pub(crate) fn find_end(buf: &[u8], from: usize, in_quotes: &mut bool) -> Option<usize> {
    let mut i = from;
    loop {
        let rest = buf.get(i..)?;
        if *in_quotes {
            // Inside quotes only the next quote matters (a doubled quote toggles twice).
            let p = memchr::memchr(b'"', rest)?;
            *in_quotes = false;
            i += p + 1;
        } else {
            let p = memchr::memchr2(b'"', b'\n', rest)?;
            if rest.get(p) == Some(&b'\n') {
                return Some(i + p + 1);
            }
            *in_quotes = true;
            i += p + 1;
        }
    }
}

/// Length of `rec` without its line terminator (LF or CRLF).
pub(crate) fn body_len(rec: &[u8]) -> usize {
    let mut n = rec.len();
    if n > 0 && rec[n - 1] == b'\n' {
        n -= 1;
        if n > 0 && rec[n - 1] == b'\r' {
            n -= 1;
        }
    }
    n
}

/// Splits one record (terminator included or not) into the content spans of its
/// fields (inside the quotes for quoted fields).
pub(crate) fn parse_record(
    rec: &[u8],
    delim: u8,
    fields: &mut Vec<(usize, usize)>,
) -> Result<(), &'static str> {
    fields.clear();
    let len = body_len(rec);
    let rec = &rec[..len];
    let mut pos = 0;
    loop {
        if rec.get(pos) == Some(&b'"') {
            let mut i = pos + 1;
            let close = loop {
                let Some(q) = rec.get(i..).and_then(|r| memchr::memchr(b'"', r)) else {
                    return Err("unterminated quoted field");
                };
                i += q;
                if rec.get(i + 1) == Some(&b'"') {
                    i += 2;
                } else {
                    break i;
                }
            };
            fields.push((pos + 1, close));
            match rec.get(close + 1) {
                None => return Ok(()),
                Some(&b) if b == delim => pos = close + 2,
                Some(_) => return Err("character after a closing quote"),
            }
        } else {
            let end = rec
                .get(pos..)
                .and_then(|r| memchr::memchr(delim, r))
                .map_or(len, |p| pos + p);
            fields.push((pos, end));
            if end == len {
                return Ok(());
            }
            pos = end + 1;
        }
    }
}

/// How [`split`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    /// A whole record.
    Record {
        /// Index just past the terminating LF.
        end: usize,
        /// Line feeds in the record, terminator included.
        lines: u64,
        /// A quoted field holds a doubled quote.
        doubled: bool,
    },
    /// No terminator in the data (the record may go on in the next chunk).
    Incomplete,
    /// Not a clean record (a quote inside an unquoted field, a character after a
    /// closing quote): [`find_end`] and [`parse_record`] decide.
    Slow,
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `data[at..]` as a little-endian word (NUL-padded past the end).
#[inline(always)]
fn load(data: &[u8], at: usize) -> u64 {
    match data.get(at..at + 8) {
        Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => tail_word(data, at),
    }
}

/// Candidate positions (high bits) of the delimiter (repeated in `pd`), `"` and LF in
/// the eight bytes at `data[at..]` (NUL-padded past the end). When `below` is not 0
/// (a delimiter below `-`: `,` or TAB), it holds a byte above all three, repeated,
/// and one test flags every byte under it (spaces, `+`, CR too). The borrow-based
/// tests are exact for the lowest match and may flag a byte just above a real one:
/// callers check each candidate's byte.
#[inline(always)]
fn word_mask(data: &[u8], at: usize, pd: u64, below: u64) -> u64 {
    let w = load(data, at);
    if below != 0 {
        return w.wrapping_sub(below) & !w & HI;
    }
    let zero = |x: u64| x.wrapping_sub(LO) & !x;
    (zero(w ^ pd) | zero(w ^ (LO * u64::from(b'"'))) | zero(w ^ (LO * u64::from(b'\n')))) & HI
}

/// Index of the first `"` or LF in `data[from..]`: a few words eight bytes at a
/// time (most quoted values are short), then `memchr2`.
#[inline(always)]
fn quote_or_lf(data: &[u8], from: usize) -> Option<usize> {
    let zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let mut at = from;
    for _ in 0..8 {
        if at >= data.len() {
            return None;
        }
        let w = load(data, at);
        // The lowest flagged byte of each test is a real match, so the lowest of both is.
        let m = zero(w ^ (LO * u64::from(b'"'))) | zero(w ^ (LO * u64::from(b'\n')));
        if m != 0 {
            return Some(at + (m.trailing_zeros() / 8) as usize).filter(|&p| p < data.len());
        }
        at += 8;
    }
    let p = memchr::memchr2(b'"', b'\n', data.get(at..)?)?;
    Some(at + p)
}

/// The last (short) word at `data[at..]`, NUL-padded.
#[cold]
fn tail_word(data: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    for (d, s) in a.iter_mut().zip(data.get(at..).unwrap_or(&[])) {
        *d = *s;
    }
    u64::from_le_bytes(a)
}

/// Finds the end of the record starting at `data[0]` and the content spans of its
/// fields in one pass (the fast path of [`find_end`] + [`parse_record`], with the
/// same results on the records it accepts).
///
/// Unquoted fields are read eight bytes at a time; a quoted field is skipped to its
/// closing quote with `memchr`. Clean records only: quotes open a field and close
/// it before a delimiter or the line end; anything else is [`Split::Slow`].
pub(crate) fn split(data: &[u8], delim: u8, fields: &mut Vec<(usize, usize)>) -> Split {
    fields.clear();
    let pd = LO * u64::from(delim);
    let below = if delim < b'-' {
        LO * u64::from(delim.max(b'"') + 1)
    } else {
        0
    };
    let mut start = 0usize;
    let mut lines = 1u64;
    let mut doubled = false;
    'field: loop {
        if data.get(start) == Some(&b'"') {
            let mut i = start + 1;
            let close = loop {
                let Some(q) = quote_or_lf(data, i) else {
                    return Split::Incomplete;
                };
                if data.get(q) == Some(&b'\n') {
                    lines += 1;
                    i = q + 1;
                } else if data.get(q + 1) == Some(&b'"') {
                    doubled = true;
                    i = q + 2;
                } else {
                    break q;
                }
            };
            fields.push((start + 1, close));
            match data.get(close + 1) {
                Some(&b) if b == delim => {
                    start = close + 2;
                    continue 'field;
                }
                Some(b'\n') => {
                    return Split::Record {
                        end: close + 2,
                        lines,
                        doubled,
                    };
                }
                Some(b'\r') if data.get(close + 2) == Some(&b'\n') => {
                    return Split::Record {
                        end: close + 3,
                        lines,
                        doubled,
                    };
                }
                None => return Split::Incomplete,
                Some(_) => return Split::Slow,
            }
        }
        // Unquoted fields, word by word from the field's start.
        let mut pos = start;
        loop {
            let mut m = word_mask(data, pos, pd, below);
            while m != 0 {
                let p = pos + (m.trailing_zeros() / 8) as usize;
                m &= m - 1;
                let b = data.get(p).copied().unwrap_or(0);
                if b == delim {
                    fields.push((start, p));
                    start = p + 1;
                } else if b == b'\n' {
                    let end = if p > start && data.get(p - 1) == Some(&b'\r') {
                        p - 1
                    } else {
                        p
                    };
                    fields.push((start, end));
                    return Split::Record {
                        end: p + 1,
                        lines,
                        doubled,
                    };
                } else if b == b'"' {
                    // A quote opening the field (the mask flags it like any quote).
                    if p == start {
                        continue 'field;
                    }
                    return Split::Slow;
                }
            }
            pos += 8;
            if pos >= data.len() {
                return Split::Incomplete;
            }
        }
    }
}

/// Guesses the delimiter from a header line: the most frequent of `,` `;` TAB
/// outside quotes (`,` on a tie or when none occurs).
pub(crate) fn sniff_delimiter(line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut q = false;
    for &b in line {
        match b {
            b'"' => q = !q,
            b',' if !q => counts[0] += 1,
            b';' if !q => counts[1] += 1,
            b'\t' if !q => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(rec: &str) -> Result<Vec<String>, &'static str> {
        let mut f = Vec::new();
        parse_record(rec.as_bytes(), b',', &mut f)?;
        Ok(f.iter().map(|&(s, e)| rec[s..e].to_string()).collect())
    }

    #[test]
    fn rfc4180() {
        assert_eq!(spans("a,b,c\r\n").unwrap(), ["a", "b", "c"]);
        assert_eq!(
            spans("a,\"b,\"\"x\"\"\",\r\n").unwrap(),
            ["a", "b,\"\"x\"\"", ""]
        );
        assert_eq!(spans("\"multi\nline\",2\n").unwrap(), ["multi\nline", "2"]);
        assert_eq!(spans("").unwrap(), [""]);
        assert_eq!(spans("\"open,1\n"), Err("unterminated quoted field"));
        assert_eq!(spans("\"a\"b,1"), Err("character after a closing quote"));
        let mut q = false;
        assert_eq!(find_end(b"\"a\nb\",c\nnext", 0, &mut q), Some(8));
        assert_eq!(sniff_delimiter(b"nik;nama;\"a,b\""), b';');
        assert_eq!(sniff_delimiter(b"nik"), b',');
    }

    /// The one-pass splitter agrees with `find_end` + `parse_record` on every record
    /// it accepts, and declines only what it must.
    #[test]
    fn split_agrees_with_find_end_and_parse_record() {
        split_agrees(b',', b"a,\"\n\r;x", 7);
        // The other delimiters: TAB takes the one-test path, `;` and `|` the three-test one.
        split_agrees(b'\t', b"a\t\"\n\r, ", 6);
        split_agrees(b';', b"a;\"\n\r,0", 6);
        split_agrees(b'|', b"|\"\n\r\t", 6);
    }

    fn split_agrees(delim: u8, alphabet: &[u8], max_len: u32) {
        let mut data = Vec::new();
        let (mut fast, mut slow) = (0, 0);
        for len in 0..=max_len {
            for mut n in 0..alphabet.len().pow(len) {
                data.clear();
                for _ in 0..len {
                    data.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                check(&data, delim, &mut fast, &mut slow);
            }
        }
        // Longer records (several words, long quoted values), mostly plain bytes.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            data.clear();
            for k in 0..(x % 120) {
                let r = (x >> (k % 50)) as usize;
                let plain = b"abc 0123+-.@";
                data.push(if r % 5 == 0 {
                    alphabet[(r / 5) % alphabet.len()]
                } else {
                    plain[(r / 5) % plain.len()]
                });
            }
            check(&data, delim, &mut fast, &mut slow);
        }
        assert!(fast > 1000 && slow > 500, "{fast} {slow}");
    }

    fn check(data: &[u8], delim: u8, fast: &mut u32, slow: &mut u32) {
        let mut spans = Vec::new();
        let mut q = false;
        let end = find_end(data, 0, &mut q);
        match split(data, delim, &mut spans) {
            Split::Record {
                end: e,
                lines,
                doubled,
            } => {
                *fast += 1;
                assert_eq!(Some(e), end, "{data:?}");
                let rec = &data[..e];
                let mut want = Vec::new();
                assert_eq!(parse_record(rec, delim, &mut want), Ok(()), "{data:?}");
                assert_eq!(spans, want, "{data:?}");
                let want_lines = rec.iter().filter(|&&b| b == b'\n').count() as u64;
                assert_eq!(lines, want_lines, "{data:?}");
                let has_doubled = spans
                    .iter()
                    .any(|&(s, e)| s > 0 && rec[s - 1] == b'"' && rec[s..e].contains(&b'"'));
                assert_eq!(doubled, has_doubled, "{data:?}");
            }
            Split::Incomplete => assert_eq!(end, None, "{data:?}"),
            Split::Slow => *slow += 1,
        }
    }
}
