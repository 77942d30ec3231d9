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
}
