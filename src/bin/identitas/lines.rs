//! Reading input one line at a time with a bound on memory.

use std::io::{self, BufRead};

/// Lines longer than this are not identifiers; only their length is kept.
pub const MAX_LINE: usize = 1024;

/// One input line: its first [`MAX_LINE`] bytes (without `\r\n`) and whether it was longer.
pub struct Line {
    pub bytes: Vec<u8>,
    pub truncated: bool,
}

/// Reads the next line into `line`; returns `Ok(false)` at the end of input.
///
/// Memory stays bounded by [`MAX_LINE`] however long the line is.
pub fn next_line(reader: &mut dyn BufRead, line: &mut Line) -> io::Result<bool> {
    line.bytes.clear();
    line.truncated = false;
    let mut seen_any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        seen_any = true;
        let (chunk, done) = match memchr_newline(buf) {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        let room = MAX_LINE.saturating_sub(line.bytes.len());
        if chunk.len() > room {
            line.truncated = true;
        }
        line.bytes
            .extend_from_slice(&chunk[..chunk.len().min(room)]);
        let consumed = done.unwrap_or(buf.len());
        reader.consume(consumed);
        if done.is_some() {
            break;
        }
    }
    if line.bytes.last() == Some(&b'\r') && !line.truncated {
        line.bytes.pop();
    }
    Ok(seen_any)
}

fn memchr_newline(buf: &[u8]) -> Option<usize> {
    buf.iter().position(|&b| b == b'\n')
}

/// Opens `path` (or stdin for `-` / no path) as a buffered reader.
pub fn open(path: Option<&str>) -> io::Result<Box<dyn BufRead>> {
    match path {
        None | Some("-") => Ok(Box::new(io::BufReader::with_capacity(1 << 16, io::stdin()))),
        Some(p) => Ok(Box::new(io::BufReader::with_capacity(
            1 << 16,
            std::fs::File::open(p)?,
        ))),
    }
}
