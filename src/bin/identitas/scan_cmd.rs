//! `identitas scan [--json] FILE|-`: lists the identifiers found in a file or stdin.
//!
//! Streams with constant memory (a fixed read buffer through a `StreamScanner`), so inputs
//! larger than RAM work. Output never contains the values: offsets, kind, confidence and the
//! length only. Errors go to stderr with exit code 2.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};

use identitas::Confidence;
use identitas::scan::{Finding, Scanner, StreamScanner};

/// Size of the read buffer.
const BUF: usize = 256 * 1024;

const USAGE: &str = "usage: identitas scan [--json] FILE|-";

/// Runs the command; returns the process exit code (0 ok, 2 usage or I/O error).
pub fn run(args: &[String]) -> i32 {
    let mut json = false;
    let mut path: Option<&str> = None;
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            p if path.is_none() && (p == "-" || !p.starts_with('-')) => path = Some(p),
            _ => {
                eprintln!("identitas scan: unexpected argument\n{USAGE}");
                return 2;
            }
        }
    }
    let Some(path) = path else {
        eprintln!("identitas scan: missing FILE (use - for standard input)\n{USAGE}");
        return 2;
    };
    let input: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("identitas scan: cannot open {path}: {e}");
                return 2;
            }
        }
    };
    let stdout = io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    match scan_stream(input, &mut out, json) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("identitas scan: {e}");
            2
        }
    }
}

/// Scans `input` to the end, writing one line per finding to `out`.
pub fn scan_stream(mut input: impl Read, out: &mut impl Write, json: bool) -> io::Result<()> {
    let mut stream = StreamScanner::new(Scanner::new());
    let mut buf = vec![0u8; BUF];
    let mut result = Ok(());
    let mut write = |f: Finding| {
        if result.is_ok() {
            result = write_finding(out, &f, json);
        }
    };
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        stream.push(buf.get(..n).unwrap_or(&[]), &mut write);
    }
    stream.finish(&mut write);
    result?;
    out.flush()
}

fn confidence_str(c: Confidence) -> &'static str {
    match c {
        Confidence::Low => "low",
        Confidence::Medium => "medium",
        Confidence::High => "high",
    }
}

/// One line: JSON `{"kind","start","end","confidence"}` or a readable line, never the value.
fn write_finding(out: &mut impl Write, f: &Finding, json: bool) -> io::Result<()> {
    let (kind, conf) = (f.kind.as_str(), confidence_str(f.confidence));
    if json {
        writeln!(
            out,
            "{{\"kind\":\"{kind}\",\"start\":{},\"end\":{},\"confidence\":\"{conf}\"}}",
            f.start, f.end
        )
    } else {
        writeln!(
            out,
            "{}..{}\t{kind}\t{conf}\t<{} bytes redacted>",
            f.start,
            f.end,
            f.end - f.start
        )
    }
}
