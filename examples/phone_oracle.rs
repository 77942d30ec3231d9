//! Differential-test oracle for `tools/phone_diff.py`: reads one value per line
//! on stdin and prints, tab-separated, what identitas makes of it.
//!
//! Phone numbers: `valid <type> <e164> <national> <international> <operator|-> <area|->`
//! or `invalid <error code>`. Lines starting with `short:`: `valid <emergency 0/1>
//! <toll-free 0/1> <carrier-specific 0/1>` or `invalid <error code>`.

use std::io::{self, BufRead, BufWriter, Write};

use identitas::phone::{self, Phone};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().split(b'\n') {
        let line = line?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        if let Some(short) = line.strip_prefix(b"short:") {
            match phone::parse_short_bytes(short) {
                Ok(s) => writeln!(
                    out,
                    "valid\t{}\t{}\t{}",
                    u8::from(s.is_emergency()),
                    u8::from(s.is_toll_free()),
                    u8::from(s.is_carrier_specific())
                )?,
                Err(e) => writeln!(out, "invalid\t{}", e.code())?,
            }
            continue;
        }
        match Phone::parse_bytes(line) {
            Ok(p) => writeln!(
                out,
                "valid\t{}\t{}\t{}\t{}\t{}\t{}",
                p.number_type(),
                p.e164(),
                p.national(),
                p.international(),
                p.operator().unwrap_or("-"),
                p.area().unwrap_or("-"),
            )?,
            Err(e) => writeln!(out, "invalid\t{}", e.code())?,
        }
    }
    out.flush()
}
