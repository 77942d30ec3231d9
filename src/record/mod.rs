//! CSV and JSON-lines records: column-aware redaction, streaming, one record at a time.
//!
//! Columns (CSV header) and keys (JSON) are classified from their names (see
//! [`columns`]); identifier columns pass their kind to the scanner as a hint,
//! name/address/date columns get their whole-field action, everything else is
//! scanned as free text. Output is byte-identical to the input outside
//! redacted field contents (quotes, delimiters, whitespace, key order, line
//! terminators are copied, never re-serialised). A JSON number that is
//! redacted into non-digits is written as a string.
//!
//! Memory is bounded: a record is held until its terminator (LF outside quotes
//! for CSV, LF for JSON lines) and at most [`Policy::max_record_bytes`] (1 MiB
//! by default). A longer record is reported as malformed; unless the policy
//! rejects it, it is redacted as free text (through the streaming window) up
//! to the next line feed, and record parsing resumes there.
//!
//! Malformed records are reported with the line they start on and handled as
//! [`Policy::on_malformed`] says: redacted as text, dropped, or rejected.
//!
//! ```
//! use identitas::record::{Format, RecordStream};
//! use identitas::redact::{Policy, Redactor};
//!
//! let mut s = RecordStream::new(Redactor::new(Policy::default())?, Format::Csv);
//! let mut out = Vec::new();
//! s.push(b"nik,nama,tgl_lahir\r\n3171011708450001,\"Budi, S\",1945-08-17\r\n", &mut out)?;
//! s.finish(&mut out)?;
//! assert_eq!(out, b"nik,nama,tgl_lahir\r\n317101**********,\"***** *\",1945-**-**\r\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod columns;
pub(crate) mod csv;
pub(crate) mod jsonl;

use std::collections::HashMap;

use crate::redact::stream::TextWindow;
use crate::redact::{OnMalformed, Policy, RedactError, Redactor};
use columns::ColumnPlan;

/// Record formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// RFC 4180 CSV with a header row (delimiter `,`, `;` or TAB, guessed from the header).
    Csv,
    /// One JSON value per line.
    Jsonl,
}

/// A record that could not be parsed. Carries its line, never its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed {
    /// Line (1-based) the record starts on.
    pub line: u64,
    /// What is wrong.
    pub reason: &'static str,
}

/// Why a record stream stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// Redaction failed (e.g. a missing key).
    #[error(transparent)]
    Redact(#[from] RedactError),
    /// A malformed record under `on_malformed: reject`.
    #[error("line {}: malformed record: {}", .0.line, .0.reason)]
    Rejected(Malformed),
}

/// Longest JSON key whose column plan is cached (4096 keys at most: 1 MiB in all).
const MAX_CACHED_KEY: usize = 256;

/// Most malformed-record reports kept (the count goes on).
pub const MAX_REPORTS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Records,
    /// An over-long record: redacted as text until the next line feed.
    TextToEol,
    /// An over-long record that is dropped until the next line feed.
    DropToEol,
}

/// Push-style redaction of CSV or JSON lines with bounded memory.
#[derive(Debug)]
pub struct RecordStream {
    redactor: Redactor,
    format: Format,
    buf: Vec<u8>,
    scan_pos: usize,
    in_quotes: bool,
    line: u64,
    mode: Mode,
    window: TextWindow,
    delim: u8,
    header: Option<Vec<ColumnPlan>>,
    fields: Vec<(usize, usize)>,
    values: Vec<jsonl::Value>,
    key_plans: HashMap<Vec<u8>, ColumnPlan>,
    reports: Vec<Malformed>,
    malformed: u64,
    records: u64,
}

impl RecordStream {
    /// A stream of `format` records under the redactor's policy.
    pub fn new(redactor: Redactor, format: Format) -> RecordStream {
        RecordStream {
            redactor,
            format,
            buf: Vec::new(),
            scan_pos: 0,
            in_quotes: false,
            line: 1,
            mode: Mode::Records,
            window: TextWindow::default(),
            delim: b',',
            header: None,
            fields: Vec::new(),
            values: Vec::new(),
            key_plans: HashMap::new(),
            reports: Vec::new(),
            malformed: 0,
            records: 0,
        }
    }

    /// Malformed records reported so far (the first [`MAX_REPORTS`]).
    pub fn malformed(&self) -> &[Malformed] {
        &self.reports
    }

    /// Number of malformed records so far.
    pub fn malformed_count(&self) -> u64 {
        self.malformed
    }

    /// Number of records (header included) processed so far.
    pub fn records(&self) -> u64 {
        self.records
    }

    /// The redactor.
    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    fn policy(&self) -> &Policy {
        self.redactor.policy()
    }

    /// Adds a chunk; appends every complete record, redacted, to `out`.
    pub fn push(&mut self, mut chunk: &[u8], out: &mut Vec<u8>) -> Result<(), RecordError> {
        while !chunk.is_empty() {
            match self.mode {
                Mode::Records => {
                    self.buf.extend_from_slice(chunk);
                    chunk = &[];
                    self.drain_records(out)?;
                }
                Mode::TextToEol | Mode::DropToEol => {
                    let eol = chunk.iter().position(|&b| b == b'\n');
                    let (part, rest) = match eol {
                        Some(p) => chunk.split_at(p + 1),
                        None => (chunk, &[][..]),
                    };
                    if self.mode == Mode::TextToEol {
                        self.window.push(&mut self.redactor, part, out)?;
                    }
                    if eol.is_some() {
                        if self.mode == Mode::TextToEol {
                            self.window.finish(&mut self.redactor, out)?;
                        }
                        self.line += 1;
                        self.mode = Mode::Records;
                    }
                    chunk = rest;
                }
            }
        }
        Ok(())
    }

    /// Ends the input: the last record may lack its terminator.
    pub fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), RecordError> {
        match self.mode {
            Mode::TextToEol => self.window.finish(&mut self.redactor, out)?,
            Mode::DropToEol => {}
            Mode::Records => {
                if !self.buf.is_empty() {
                    let rec = core::mem::take(&mut self.buf);
                    self.record(&rec, out)?;
                }
            }
        }
        self.buf.clear();
        self.scan_pos = 0;
        self.in_quotes = false;
        self.mode = Mode::Records;
        Ok(())
    }

    fn drain_records(&mut self, out: &mut Vec<u8>) -> Result<(), RecordError> {
        let max = self.policy().max_record_bytes;
        let mut start = 0;
        loop {
            let rest = &self.buf[start..];
            let end = match self.format {
                Format::Csv => csv::find_end(rest, self.scan_pos, &mut self.in_quotes),
                Format::Jsonl => rest
                    .iter()
                    .skip(self.scan_pos)
                    .position(|&b| b == b'\n')
                    .map(|p| self.scan_pos + p + 1),
            };
            match end {
                // A record is over-long when its line feed lies past `max`, whether it
                // arrived whole or in pieces: the outcome never depends on chunking.
                Some(e) if e - 1 <= max => {
                    let rec = self.buf[start..start + e].to_vec();
                    self.scan_pos = 0;
                    self.in_quotes = false;
                    start += e;
                    self.record(&rec, out)?;
                }
                Some(_) => match self.over_long(start, out)? {
                    Some(next) => start = next,
                    None => return Ok(()),
                },
                None => {
                    self.scan_pos = rest.len();
                    if rest.len() > max {
                        match self.over_long(start, out)? {
                            Some(next) => start = next,
                            None => return Ok(()),
                        }
                    } else {
                        break;
                    }
                }
            }
        }
        self.buf.drain(..start);
        Ok(())
    }

    /// Handles the over-long record starting at `buf[start]`: reports it, then redacts
    /// it as text (or drops it) up to the first line feed past `max_record_bytes`.
    /// Returns where record parsing resumes in `buf`, or `None` when that line feed
    /// has not arrived yet (the buffer is then empty and the mode says what to do
    /// with the bytes up to it).
    fn over_long(&mut self, start: usize, out: &mut Vec<u8>) -> Result<Option<usize>, RecordError> {
        let max = self.policy().max_record_bytes;
        let line = self.line;
        self.report(line, "record longer than max_record_bytes")?;
        let text = self.policy().on_malformed == OnMalformed::Text;
        let buf = core::mem::take(&mut self.buf);
        let held = buf.get(start..).unwrap_or(&[]);
        let eol = held
            .get(max + 1..)
            .and_then(|tail| tail.iter().position(|&b| b == b'\n'))
            .map(|p| max + 1 + p);
        let part = match eol {
            Some(p) => held.get(..=p).unwrap_or(held),
            None => held,
        };
        self.scan_pos = 0;
        self.in_quotes = false;
        self.line += part.iter().filter(|&&b| b == b'\n').count() as u64;
        if text {
            self.window.push(&mut self.redactor, part, out)?;
        }
        match eol {
            Some(p) => {
                if text {
                    self.window.finish(&mut self.redactor, out)?;
                }
                self.buf = buf;
                Ok(Some(start + p + 1))
            }
            None => {
                self.mode = if text {
                    Mode::TextToEol
                } else {
                    Mode::DropToEol
                };
                self.buf = buf;
                self.buf.clear();
                Ok(None)
            }
        }
    }

    /// Records a malformed record; errors under `reject`.
    fn report(&mut self, line: u64, reason: &'static str) -> Result<(), RecordError> {
        let m = Malformed { line, reason };
        self.malformed += 1;
        if self.reports.len() < MAX_REPORTS {
            self.reports.push(m);
        }
        if self.policy().on_malformed == OnMalformed::Reject {
            return Err(RecordError::Rejected(m));
        }
        Ok(())
    }

    /// Handles a complete record (terminator included when present).
    fn record(&mut self, rec: &[u8], out: &mut Vec<u8>) -> Result<(), RecordError> {
        let line = self.line;
        self.line += rec.iter().filter(|&&b| b == b'\n').count() as u64;
        self.records += 1;
        let r = match self.format {
            Format::Csv => self.csv_record(rec, out),
            Format::Jsonl => self.json_record(rec, out),
        };
        match r {
            Ok(()) => Ok(()),
            Err(Bad::Redact(e)) => Err(e.into()),
            Err(Bad::Malformed(reason, at)) => {
                out.truncate(at);
                self.report(line, reason)?;
                match self.policy().on_malformed {
                    OnMalformed::Drop => Ok(()),
                    _ => Ok(self.redactor.redact_text(rec, out)?),
                }
            }
        }
    }

    fn csv_record(&mut self, rec: &[u8], out: &mut Vec<u8>) -> Result<(), Bad> {
        let at = out.len();
        let body = csv::body_len(rec);
        if self.header.is_none() {
            self.delim = csv::sniff_delimiter(&rec[..body]);
            csv::parse_record(rec, self.delim, &mut self.fields)
                .map_err(|r| Bad::Malformed(r, at))?;
            let plans = self
                .fields
                .iter()
                .map(|&(s, e)| {
                    ColumnPlan::for_name(
                        &String::from_utf8_lossy(&rec[s..e]),
                        self.redactor.policy(),
                    )
                })
                .collect();
            self.header = Some(plans);
            out.extend_from_slice(rec);
            return Ok(());
        }
        if body == 0 {
            out.extend_from_slice(rec);
            return Ok(());
        }
        let mut fields = core::mem::take(&mut self.fields);
        let parsed = csv::parse_record(rec, self.delim, &mut fields);
        let r = (|| {
            parsed.map_err(|r| Bad::Malformed(r, at))?;
            let plans = self.header.as_deref().unwrap_or(&[]);
            if fields.len() != plans.len() {
                return Err(Bad::Malformed("field count differs from the header", at));
            }
            let plans = plans.to_vec();
            let mut pos = 0;
            for (&(s, e), plan) in fields.iter().zip(&plans) {
                out.extend_from_slice(&rec[pos..s]);
                self.redactor
                    .redact_field(plan.action, plan.class, plan.hint, &rec[s..e], out)
                    .map_err(Bad::Redact)?;
                pos = e;
            }
            out.extend_from_slice(&rec[pos..]);
            Ok(())
        })();
        self.fields = fields;
        r
    }

    fn json_record(&mut self, rec: &[u8], out: &mut Vec<u8>) -> Result<(), Bad> {
        let at = out.len();
        let body = csv::body_len(rec);
        if rec[..body].iter().all(u8::is_ascii_whitespace) {
            out.extend_from_slice(rec);
            return Ok(());
        }
        // A UTF-8 byte order mark before the first record (Windows tools write one)
        // is copied as it is, not taken for a malformed record.
        let bom = if self.records == 1 && rec.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let mut values = core::mem::take(&mut self.values);
        let parsed = jsonl::parse_line(&rec[bom..body.max(bom)], &mut values);
        for v in &mut values {
            v.start += bom;
            v.end += bom;
            v.key = v.key.map(|(s, e)| (s + bom, e + bom));
        }
        let r = (|| {
            parsed.map_err(|r| Bad::Malformed(r, at))?;
            let mut pos = 0;
            for v in &values {
                let plan = match v.key {
                    None => ColumnPlan::unnamed(self.redactor.policy()),
                    Some((ks, ke)) => {
                        let key = &rec[ks..ke];
                        match self.key_plans.get(key) {
                            Some(p) => *p,
                            None => {
                                let p = ColumnPlan::for_name(
                                    &String::from_utf8_lossy(key),
                                    self.redactor.policy(),
                                );
                                // Bounded cache: at most 4096 keys of at most
                                // MAX_CACHED_KEY bytes (longer keys are rare and
                                // classified each time), so memory stays bounded.
                                if self.key_plans.len() < 4096 && key.len() <= MAX_CACHED_KEY {
                                    self.key_plans.insert(key.to_vec(), p);
                                }
                                p
                            }
                        }
                    }
                };
                out.extend_from_slice(&rec[pos..v.start]);
                let vs = out.len();
                self.redactor
                    .redact_field(
                        plan.action,
                        plan.class,
                        plan.hint,
                        &rec[v.start..v.end],
                        out,
                    )
                    .map_err(Bad::Redact)?;
                let numeric =
                    out.len() > vs && out[vs..].iter().all(|b| b"-+.eE0123456789".contains(b));
                if v.number && !numeric {
                    out.insert(vs, b'"');
                    out.push(b'"');
                }
                pos = v.end;
            }
            out.extend_from_slice(&rec[pos..]);
            Ok(())
        })();
        self.values = values;
        r
    }
}

enum Bad {
    Redact(RedactError),
    /// Reason, and the output length to roll back to.
    Malformed(&'static str, usize),
}
