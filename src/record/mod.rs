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
pub(crate) mod quick;

use std::collections::HashMap;

use crate::redact::stream::TextWindow;
use crate::redact::{ColumnAction, OnMalformed, Policy, RedactError, Redactor};
use columns::ColumnPlan;

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(RecordStream => "RecordStream");

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
pub struct RecordStream {
    redactor: Redactor,
    format: Format,
    /// The start of a record whose end has not arrived yet.
    buf: Vec<u8>,
    /// CSV quote state at the end of `buf`.
    in_quotes: bool,
    line: u64,
    mode: Mode,
    window: TextWindow,
    delim: u8,
    header: Option<Vec<ColumnPlan>>,
    /// Every kind operator of the policy keeps lengths.
    ops_keep_length: bool,
    /// Every column of the header can be redacted in place (its action and the
    /// kind operators keep lengths): records are copied whole, then redacted.
    in_place: bool,
    fields: Vec<(usize, usize)>,
    values: Vec<jsonl::Value>,
    keys: KeyPlans,
    reports: Vec<Malformed>,
    malformed: u64,
    records: u64,
    /// Length of the last JSON line read by [`Self::json_line`].
    line_guess: usize,
}

impl RecordStream {
    /// A stream of `format` records under the redactor's policy.
    pub fn new(redactor: Redactor, format: Format) -> RecordStream {
        RecordStream {
            ops_keep_length: redactor.operators_keep_length(),
            redactor,
            format,
            buf: Vec::new(),
            in_quotes: false,
            line: 1,
            mode: Mode::Records,
            window: TextWindow::default(),
            delim: b',',
            header: None,
            in_place: false,
            fields: Vec::new(),
            values: Vec::new(),
            keys: KeyPlans::default(),
            reports: Vec::new(),
            malformed: 0,
            records: 0,
            line_guess: 0,
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
                    self.drain_records(chunk, out)?;
                    chunk = &[];
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
        self.in_quotes = false;
        self.mode = Mode::Records;
        Ok(())
    }

    /// The end (just past the terminator) of the record starting at `data[0]`, the
    /// search continuing from the quote state in `self.in_quotes`.
    #[inline]
    fn record_end(&mut self, data: &[u8]) -> Option<usize> {
        match self.format {
            Format::Csv => csv::find_end(data, 0, &mut self.in_quotes),
            Format::Jsonl => memchr::memchr(b'\n', data).map(|p| p + 1),
        }
    }

    /// Handles the records of `chunk`: complete records are redacted straight from
    /// the chunk, only a record cut by the chunk's end is copied (into `buf`).
    ///
    /// A record is over-long when its line feed lies past `max_record_bytes`, whether
    /// it arrives whole or in pieces: the outcome never depends on chunking.
    fn drain_records(&mut self, chunk: &[u8], out: &mut Vec<u8>) -> Result<(), RecordError> {
        let max = self.policy().max_record_bytes;
        let mut rest = chunk;
        if !self.buf.is_empty() {
            // Finish the record the previous chunks started.
            let held = self.buf.len();
            match self.record_end(rest) {
                Some(e) if held + e - 1 <= max => {
                    let (head, tail) = rest.split_at(e);
                    self.buf.extend_from_slice(head);
                    rest = tail;
                    self.in_quotes = false;
                    let rec = core::mem::take(&mut self.buf);
                    let r = self.record(&rec, out);
                    self.buf = rec;
                    self.buf.clear();
                    r?;
                }
                None if held + rest.len() <= max => {
                    self.buf.extend_from_slice(rest);
                    return Ok(());
                }
                _ => {
                    // Over-long: handle the held bytes and the chunk as one piece.
                    let mut data = core::mem::take(&mut self.buf);
                    data.extend_from_slice(rest);
                    return match self.over_long(&data, out)? {
                        Some(used) => self.drain_records(data.get(used..).unwrap_or(&[]), out),
                        None => Ok(()),
                    };
                }
            }
        }
        // Bytes from the chunk's last line feed to its end: while `rest` holds that
        // line feed, the next JSON line ends within it.
        let after_lf = match self.format {
            Format::Jsonl => memchr::memrchr(b'\n', rest).map(|p| rest.len() - p),
            Format::Csv => None,
        };
        while !rest.is_empty() {
            let lf = after_lf.and_then(|n| rest.len().checked_sub(n));
            if let Some(lf) = lf {
                if lf <= max && rest.first() == Some(&b'{') && self.records > 0 {
                    let used = self.json_line(rest.get(..=lf).unwrap_or(rest), out)?;
                    rest = rest.get(used..).unwrap_or(&[]);
                    continue;
                }
            }
            if self.format == Format::Csv && self.header.is_some() {
                // Clean records: end and fields found in one pass.
                let mut fields = core::mem::take(&mut self.fields);
                if let csv::Split::Record { end, lines, .. } =
                    csv::split(rest, self.delim, &mut fields)
                {
                    if end - 1 <= max {
                        let (rec, tail) = rest.split_at(end);
                        let r = self.csv_split_record(rec, lines, &fields, out);
                        self.fields = fields;
                        r?;
                        rest = tail;
                        continue;
                    }
                }
                self.fields = fields;
            }
            match self.record_end(rest) {
                Some(e) if e - 1 <= max => {
                    let (rec, tail) = rest.split_at(e);
                    self.in_quotes = false;
                    self.record(rec, out)?;
                    rest = tail;
                }
                None if rest.len() <= max => {
                    self.buf.extend_from_slice(rest);
                    return Ok(());
                }
                _ => match self.over_long(rest, out)? {
                    Some(used) => rest = rest.get(used..).unwrap_or(&[]),
                    None => return Ok(()),
                },
            }
        }
        Ok(())
    }

    /// Reports the over-long record starting at `data[0]` and passes it on as text
    /// (or drops it) up to the first line feed past the limit. Returns how many
    /// bytes of `data` that used, or `None` when the line goes on past `data` (the
    /// stream then stays in line mode until the next line feed).
    fn over_long(&mut self, data: &[u8], out: &mut Vec<u8>) -> Result<Option<usize>, RecordError> {
        let max = self.policy().max_record_bytes;
        let line = self.line;
        self.report(line, "record longer than max_record_bytes")?;
        let text = self.policy().on_malformed == OnMalformed::Text;
        let eol = data
            .get(max + 1..)
            .and_then(|tail| memchr::memchr(b'\n', tail))
            .map(|p| max + 1 + p);
        let part = match eol {
            Some(p) => data.get(..=p).unwrap_or(data),
            None => data,
        };
        self.in_quotes = false;
        self.line += count_lf(part);
        if text {
            self.window.push(&mut self.redactor, part, out)?;
        }
        match eol {
            Some(p) => {
                if text {
                    self.window.finish(&mut self.redactor, out)?;
                }
                Ok(Some(p + 1))
            }
            None => {
                self.mode = if text {
                    Mode::TextToEol
                } else {
                    Mode::DropToEol
                };
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
        self.line += match self.format {
            Format::Csv => count_lf(rec),
            // A line ends at its first LF.
            Format::Jsonl => u64::from(rec.last() == Some(&b'\n')),
        };
        self.records += 1;
        let r = match self.format {
            Format::Csv => self.csv_record(rec, out),
            Format::Jsonl => self.json_record(rec, out),
        };
        self.settle(r, line, rec, out)
    }

    /// Handles a complete data record already split by [`csv::split`] (`lines` line
    /// feeds, `fields` its content spans).
    fn csv_split_record(
        &mut self,
        rec: &[u8],
        lines: u64,
        fields: &[(usize, usize)],
        out: &mut Vec<u8>,
    ) -> Result<(), RecordError> {
        let line = self.line;
        self.line += lines;
        self.records += 1;
        self.in_quotes = false;
        let at = out.len();
        let r = if csv::body_len(rec) == 0 {
            out.extend_from_slice(rec);
            Ok(())
        } else {
            let plans = self.header.as_deref().unwrap_or(&[]);
            redact_fields(
                &mut self.redactor,
                plans,
                self.in_place,
                fields,
                rec,
                out,
                at,
            )
        };
        self.settle(r, line, rec, out)
    }

    /// Turns the outcome of one record into the stream's: a malformed record is
    /// reported and handled as the policy says.
    fn settle(
        &mut self,
        r: Result<(), Bad>,
        line: u64,
        rec: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), RecordError> {
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
            let plans: Vec<ColumnPlan> = self
                .fields
                .iter()
                .map(|&(s, e)| {
                    ColumnPlan::for_name(
                        &String::from_utf8_lossy(&rec[s..e]),
                        self.redactor.policy(),
                    )
                })
                .collect();
            self.in_place = self.redactor.operators_keep_length()
                && plans.iter().all(|p: &ColumnPlan| {
                    matches!(
                        p.action,
                        ColumnAction::Keep
                            | ColumnAction::Mask
                            | ColumnAction::Generalize
                            | ColumnAction::Scan
                    )
                });
            self.header = Some(plans);
            out.extend_from_slice(rec);
            return Ok(());
        }
        if body == 0 {
            out.extend_from_slice(rec);
            return Ok(());
        }
        let mut fields = core::mem::take(&mut self.fields);
        let r = match csv::parse_record(rec, self.delim, &mut fields) {
            Err(reason) => Err(Bad::Malformed(reason, at)),
            Ok(()) => {
                let plans = self.header.as_deref().unwrap_or(&[]);
                redact_fields(
                    &mut self.redactor,
                    plans,
                    self.in_place,
                    &fields,
                    rec,
                    out,
                    at,
                )
            }
        };
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
        let line = &rec[bom..body.max(bom)];
        let (parsed, pos, failed) = self.json_values(rec, bom, rec.len(), out, |sink| {
            jsonl::parse_line_into(line, sink)
        });
        parsed.map_err(|r| Bad::Malformed(r, at))?;
        self.json_finish(rec, at, pos, failed, out)
    }

    /// The JSON line at the start of `s`, which holds its line feed at or before
    /// `max_record_bytes` (and maybe more lines), neither the stream's first record
    /// nor blank: found by the parse itself ([`jsonl::parse_until_lf`]), then handled
    /// as [`Self::record`] handles it. Returns the line's length.
    fn json_line(&mut self, s: &[u8], out: &mut Vec<u8>) -> Result<usize, RecordError> {
        let line = self.line;
        self.line += 1;
        self.records += 1;
        let at = out.len();
        // The copy redacted in place starts a little longer than the last line (it
        // grows as values need, and is cut to the line at the end).
        let guess = self.line_guess + 64;
        let (end, pos, failed) =
            self.json_values(s, 0, guess, out, |sink| jsonl::parse_until_lf(s, sink));
        let (rec, r) = match end {
            Some(lf) => {
                let rec = s.get(..=lf).unwrap_or(s);
                (rec, self.json_finish(rec, at, pos, failed, out))
            }
            None => {
                // Malformed: the line alone says why (the same values went out).
                let lf = memchr::memchr(b'\n', s).unwrap_or(s.len() - 1);
                let rec = s.get(..=lf).unwrap_or(s);
                let body = rec.get(..csv::body_len(rec)).unwrap_or(rec);
                let why = jsonl::parse_line_into(body, &mut jsonl::Discard).err();
                debug_assert!(why.is_some(), "a line parses alone as up to its line feed");
                (rec, Err(Bad::Malformed(why.unwrap_or("invalid JSON"), at)))
            }
        };
        self.line_guess = rec.len();
        self.settle(r, line, rec, out)?;
        Ok(rec.len())
    }

    /// Runs `parse` with the sink that redacts values in place in a copy of `src`
    /// (first `copy` bytes copied now, the rest as values need it) when every kind
    /// operator keeps lengths, or keeps them for [`Self::json_finish`]. Returns the
    /// parse's outcome, where the in-place copy ended and the first redaction error.
    fn json_values<T>(
        &mut self,
        src: &[u8],
        bom: usize,
        copy: usize,
        out: &mut Vec<u8>,
        parse: impl FnOnce(&mut InPlace<'_>) -> T,
    ) -> (T, Option<usize>, Option<RedactError>) {
        self.keys.next = 0;
        let mut values = core::mem::take(&mut self.values);
        values.clear();
        let at = out.len();
        let in_place = self.ops_keep_length;
        if in_place {
            out.extend_from_slice(src.get(..copy).unwrap_or(src));
        }
        let mut sink = InPlace {
            redactor: &mut self.redactor,
            keys: &mut self.keys,
            rec: src,
            out,
            at,
            bom,
            rest: &mut values,
            pos: if in_place { None } else { Some(0) },
            failed: None,
        };
        let t = parse(&mut sink);
        let (pos, failed) = (sink.pos, sink.failed);
        self.values = values;
        (t, pos, failed)
    }

    /// Completes the output of a JSON line `rec` that parsed: the in-place copy cut
    /// to the line, or the values the sink kept appended one by one after `pos`.
    #[inline]
    fn json_finish(
        &mut self,
        rec: &[u8],
        at: usize,
        pos: Option<usize>,
        failed: Option<RedactError>,
        out: &mut Vec<u8>,
    ) -> Result<(), Bad> {
        if let Some(e) = failed {
            return Err(Bad::Redact(e));
        }
        let Some(mut pos) = pos else {
            // Redacted in place: the copy may have run past the line or short of it.
            let have = out.len() - at;
            if have >= rec.len() {
                out.truncate(at + rec.len());
            } else {
                out.extend_from_slice(rec.get(have..).unwrap_or(&[]));
            }
            return Ok(());
        };
        // `out` holds the line up to `pos`; the values after it are appended one
        // by one.
        let values = core::mem::take(&mut self.values);
        let r = (|| {
            for v in &values {
                let plan = self.keys.value_plan(rec, v, self.redactor.policy());
                out.extend_from_slice(&rec[pos..v.start]);
                append_value(&mut self.redactor, rec, v, plan, out)?;
                pos = v.end;
            }
            out.extend_from_slice(&rec[pos..]);
            Ok(())
        })();
        self.values = values;
        r
    }
}

/// The cache of JSON key plans.
#[derive(Default)]
struct KeyPlans {
    map: HashMap<Vec<u8>, ColumnPlan>,
    /// The keys of the last line in order, with their plans: JSON lines usually
    /// repeat their keys in the same order, so most look-ups are one compare.
    order: Vec<KeySlot>,
    /// Position in `order` of the next key expected.
    next: usize,
}

impl KeyPlans {
    /// The plan of JSON value `v` of `rec`: its key's, or the plan of unnamed fields.
    #[inline(always)]
    fn value_plan(&mut self, rec: &[u8], v: &jsonl::Value, policy: &Policy) -> ColumnPlan {
        match v.key {
            None => ColumnPlan::unnamed(policy),
            Some((ks, ke)) => self.plan(rec, ks, ke, policy),
        }
    }

    /// The plan of the JSON key `rec[ks..ke]` (raw bytes between the quotes), cached.
    #[inline(always)]
    fn plan(&mut self, rec: &[u8], ks: usize, ke: usize, policy: &Policy) -> ColumnPlan {
        let key = rec.get(ks..ke).unwrap_or(&[]);
        if let Some(slot) = self.order.get(self.next) {
            let same = slot.key.len() == key.len()
                && match key_word(rec, ks, key.len()) {
                    Some(w) => w == slot.word,
                    None => same_key(&slot.key, key),
                };
            if same {
                self.next += 1;
                return slot.plan;
            }
        }
        self.new_key(key, policy)
    }

    /// The length of the key expected next (the last line's key at this place)
    /// when `s[ks..]` holds it followed by a quote.
    #[inline(always)]
    fn expected_len(&self, s: &[u8], ks: usize) -> Option<usize> {
        let slot = self.order.get(self.next)?;
        let n = slot.key.len();
        let same = match key_word(s, ks, n) {
            Some(w) => w == slot.word,
            None => s.get(ks..ks + n).is_some_and(|k| same_key(&slot.key, k)),
        };
        (same && s.get(ks + n) == Some(&b'"')).then_some(n)
    }

    /// [`jsonl::Sink::expected_lead`]: the key length and lead length of the key
    /// expected next when `s[i..]` starts with the lead last seen for it, compared as
    /// two words.
    #[inline(always)]
    fn expected_lead(&self, s: &[u8], i: usize) -> Option<(usize, usize)> {
        let slot = self.order.get(self.next)?;
        let (lo, hi) = s.get(i..)?.first_chunk::<16>()?.split_at(8);
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        let [l0, l1] = slot.lead;
        let [m0, m1] = slot.lead_mask;
        (slot.lead_len != 0 && word(lo) & m0 == l0 && word(hi) & m1 == l1)
            .then_some((slot.key.len(), slot.lead_len))
    }

    /// Remembers `rec[key start - 1..v.start]`, the lead of a string value right
    /// after its key, for the key whose plan was just taken (when it is `v`'s).
    #[inline(never)]
    fn note_lead(&mut self, rec: &[u8], v: &jsonl::Value) {
        let Some((ks, ke)) = v.key else { return };
        let Some(slot) = self.next.checked_sub(1).and_then(|k| self.order.get_mut(k)) else {
            return;
        };
        let Some(lead) = rec.get(ks.wrapping_sub(1)..v.start) else {
            return;
        };
        if lead.len() <= 16 && same_key(&slot.key, rec.get(ks..ke).unwrap_or(&[])) {
            slot.set_lead(lead);
        }
    }

    /// The plan of the key [`Self::expected_len`] just matched: what [`Self::plan`]
    /// would return for it, without comparing again.
    #[inline(always)]
    fn take_expected(&mut self) -> Option<ColumnPlan> {
        let plan = self.order.get(self.next)?.plan;
        self.next += 1;
        Some(plan)
    }

    /// [`Self::plan`] for a key out of the last line's order.
    #[inline(never)]
    fn new_key(&mut self, key: &[u8], policy: &Policy) -> ColumnPlan {
        let p = match self.map.get(key) {
            Some(p) => *p,
            None => {
                let p = ColumnPlan::for_name(&String::from_utf8_lossy(key), policy);
                if self.map.len() < 4096 && key.len() <= MAX_CACHED_KEY {
                    self.map.insert(key.to_vec(), p);
                }
                p
            }
        };
        // Remember this line's order (bounded like the map).
        if self.order.len() < 256 && key.len() <= MAX_CACHED_KEY {
            self.order.truncate(self.next);
            self.order.push(KeySlot::new(key, p));
            self.next = self.order.len();
        }
        p
    }
}

/// Appends JSON value `v` of `rec` redacted under `plan`; a number redacted into
/// anything but a number is written as a string.
fn append_value(
    redactor: &mut Redactor,
    rec: &[u8],
    v: &jsonl::Value,
    plan: ColumnPlan,
    out: &mut Vec<u8>,
) -> Result<(), Bad> {
    let vs = out.len();
    redactor
        .redact_field(
            plan.action,
            plan.class,
            plan.hint,
            &rec[v.start..v.end],
            out,
        )
        .map_err(Bad::Redact)?;
    if v.number && !numeric(out.get(vs..).unwrap_or(&[])) {
        out.insert(vs, b'"');
        out.push(b'"');
    }
    Ok(())
}

/// Redacts the values of a JSON line as the parser finds them, in the copy of the
/// line at `out[at..]` (one pass over the line, no list of values), up to the first
/// value that changes length (a plan that rewrites it, or a number masked into a
/// string, which needs quotes): that one is appended in its place, and the values
/// after it are kept in `rest` for the caller to append one by one.
struct InPlace<'a> {
    redactor: &'a mut Redactor,
    keys: &'a mut KeyPlans,
    rec: &'a [u8],
    out: &'a mut Vec<u8>,
    at: usize,
    /// Bytes before the parsed part of `rec` (a byte order mark).
    bom: usize,
    rest: &'a mut Vec<jsonl::Value>,
    /// `None` while redacting in place; then the end in `rec` of what `out` holds.
    pos: Option<usize>,
    /// The first redaction error (reported only if the line parses: a malformed
    /// line is reported as that).
    failed: Option<RedactError>,
}

impl jsonl::Sink for InPlace<'_> {
    #[inline(always)]
    fn value(&mut self, v: jsonl::Value) {
        self.redact(v, false);
    }

    #[inline(always)]
    fn expected_key(&mut self, s: &[u8], ks: usize) -> Option<usize> {
        self.keys.expected_len(s, ks)
    }

    #[inline(always)]
    fn expected_lead(&mut self, s: &[u8], i: usize) -> Option<(usize, usize)> {
        self.keys.expected_lead(s, i)
    }

    #[inline(always)]
    fn expected_value(&mut self, v: jsonl::Value) {
        self.redact(v, true);
    }

    #[inline(always)]
    fn direct_value(&mut self, v: jsonl::Value, expected: bool) {
        if let Some(v) = self.redact(v, expected) {
            self.keys.note_lead(self.rec, &v);
        }
    }
}

impl InPlace<'_> {
    /// Redacts value `v` in place (or keeps it for the caller); `expected`: its key
    /// is the one [`KeyPlans::expected_len`] just matched. Returns `v` (positions in
    /// `rec`) when its plan came from the key order, which then ends at its key.
    #[inline(always)]
    fn redact(&mut self, mut v: jsonl::Value, expected: bool) -> Option<jsonl::Value> {
        if self.bom != 0 {
            v.start += self.bom;
            v.end += self.bom;
            v.key = v.key.map(|(s, e)| (s + self.bom, e + self.bom));
        }
        if self.pos.is_some() || self.failed.is_some() {
            self.rest.push(v);
            return None;
        }
        let known = if expected {
            self.keys.take_expected()
        } else {
            None
        };
        let plan = match known {
            Some(p) => p,
            None => self.keys.value_plan(self.rec, &v, self.redactor.policy()),
        };
        let (at, out) = (self.at, &mut *self.out);
        if out.len() < at + v.end {
            // The copy of a line whose end is not known yet (`json_line`) is short.
            let have = out.len() - at;
            let want = (v.end + 256).min(self.rec.len());
            out.extend_from_slice(self.rec.get(have..want).unwrap_or(&[]));
        }
        let field = out.get_mut(at + v.start..at + v.end)?;
        match self
            .redactor
            .redact_field_in_place(plan.action, plan.class, plan.hint, field)
        {
            Err(e) => self.failed = Some(e),
            Ok(true) if !v.number || numeric(field) => {}
            Ok(true) => {
                out.truncate(at + v.end);
                out.insert(at + v.start, b'"');
                out.push(b'"');
                self.pos = Some(v.end);
            }
            Ok(false) => {
                out.truncate(at + v.start);
                match append_value(self.redactor, self.rec, &v, plan, out) {
                    Ok(()) => self.pos = Some(v.end),
                    Err(Bad::Redact(e)) => self.failed = Some(e),
                    Err(Bad::Malformed(..)) => {}
                }
            }
        }
        Some(v)
    }
}

/// Redacts the fields (content spans of `rec`) of one CSV record under their
/// column plans, copying everything between them.
///
/// `in_place`: every plan keeps lengths, so the record is copied whole (one large
/// copy) and its fields redacted where they landed.
fn redact_fields(
    redactor: &mut Redactor,
    plans: &[ColumnPlan],
    in_place: bool,
    fields: &[(usize, usize)],
    rec: &[u8],
    out: &mut Vec<u8>,
    at: usize,
) -> Result<(), Bad> {
    if fields.len() != plans.len() {
        return Err(Bad::Malformed("field count differs from the header", at));
    }
    if in_place {
        out.extend_from_slice(rec);
        let copy = out.get_mut(at..).unwrap_or(&mut []);
        for (&(s, e), plan) in fields.iter().zip(plans) {
            let Some(field) = copy.get_mut(s..e) else {
                continue;
            };
            let done = redactor
                .redact_field_in_place(plan.action, plan.class, plan.hint, field)
                .map_err(Bad::Redact)?;
            debug_assert!(done, "in-place plans only");
        }
        return Ok(());
    }
    out.reserve(rec.len());
    let mut pos = 0;
    for (&(s, e), plan) in fields.iter().zip(plans) {
        out.extend_from_slice(rec.get(pos..s).unwrap_or(&[]));
        redactor
            .redact_field(
                plan.action,
                plan.class,
                plan.hint,
                rec.get(s..e).unwrap_or(&[]),
                out,
            )
            .map_err(Bad::Redact)?;
        pos = e;
    }
    out.extend_from_slice(rec.get(pos..).unwrap_or(&[]));
    Ok(())
}

/// A key of [`KeyPlans::order`] with its plan.
struct KeySlot {
    key: Vec<u8>,
    /// [`key_word`] of the key, 0 for keys longer than a word.
    word: u64,
    plan: ColumnPlan,
    /// The last lead seen before a string value of this key (quote, key, quote,
    /// colon and whitespace, quote; at most 16 bytes) as two words, zero past
    /// `lead_len` (0: none yet).
    lead: [u64; 2],
    /// Ones over the lead's bytes in `lead`.
    lead_mask: [u64; 2],
    lead_len: usize,
}

impl KeySlot {
    fn new(key: &[u8], plan: ColumnPlan) -> KeySlot {
        let mut padded = [0u8; 16];
        if let Some(head) = padded.get_mut(..key.len()) {
            head.copy_from_slice(key);
        }
        KeySlot {
            key: key.to_vec(),
            word: key_word(&padded, 0, key.len()).unwrap_or(0),
            plan,
            lead: [0; 2],
            lead_mask: [0; 2],
            lead_len: 0,
        }
    }

    /// Takes `lead` (at most 16 bytes) as the lead [`KeyPlans::expected_lead`] looks for.
    fn set_lead(&mut self, lead: &[u8]) {
        let (mut bytes, mut ones) = ([0u8; 16], [0u8; 16]);
        if let (Some(b), Some(o)) = (bytes.get_mut(..lead.len()), ones.get_mut(..lead.len())) {
            b.copy_from_slice(lead);
            o.fill(0xFF);
        } else {
            return;
        }
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        let (b0, b1) = bytes.split_at(8);
        let (o0, o1) = ones.split_at(8);
        self.lead = [word(b0), word(b1)];
        self.lead_mask = [word(o0), word(o1)];
        self.lead_len = lead.len();
    }
}

/// The `len` bytes at `s[start..]` (a key of one to eight bytes) as one number,
/// bytes past them zeroed: a key compare is then one compare of two numbers, not a
/// byte loop. `None` for other lengths or when fewer than eight bytes are left
/// (keys are followed by at least `":` and a value, so that is rare).
#[inline]
fn key_word(s: &[u8], start: usize, len: usize) -> Option<u64> {
    if !(1..=8).contains(&len) {
        return None;
    }
    let w = s.get(start..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*w) & (u64::MAX >> (64 - 8 * len)))
}

/// `a == b` for short keys without a `bcmp` call, whose set-up costs more than
/// comparing a few bytes.
#[inline]
fn same_key(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// True when a redacted JSON number is still one (non-empty, number characters only).
#[inline]
fn numeric(v: &[u8]) -> bool {
    !v.is_empty() && v.iter().all(|b| b"-+.eE0123456789".contains(b))
}

/// Longest JSON key whose plan is cached: long unique keys must not pile up in memory.
const MAX_CACHED_KEY: usize = 256;

/// Line feeds in `b`.
#[inline]
fn count_lf(b: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', b).count() as u64
}

enum Bad {
    Redact(RedactError),
    /// Reason, and the output length to roll back to.
    Malformed(&'static str, usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8], chunk: usize) -> (Vec<u8>, Vec<&'static str>) {
        let mut s = RecordStream::new(Redactor::new(Policy::default()).unwrap(), Format::Jsonl);
        let mut out = Vec::new();
        for c in input.chunks(chunk) {
            s.push(c, &mut out).unwrap();
        }
        s.finish(&mut out).unwrap();
        (out, s.malformed().iter().map(|m| m.reason).collect())
    }

    /// Members taken whole by the lead last seen for their key give what a fresh
    /// stream (no cached keys or leads) gives per line, whatever the spacing around
    /// colons, the value that follows (strings, numbers, nested values, broken
    /// strings) and the keys (escaped, long, empty) do from line to line.
    #[test]
    fn cached_leads_agree_with_fresh_streams() {
        let keys = [
            "nik",
            "nama",
            "no_hp",
            "email",
            "catatan",
            "k",
            "",
            "n\\\"k",
            "a\\\\",
            "nomor_ponsel_x",
        ];
        let colons = [":", ": ", " : ", ":\t", ":  ", "\t:"];
        let values = [
            "\"3171011708450001\"",
            "\"Budi Santoso 0812-3456-7890\"",
            "\"user1@contoh.co.id\"",
            "3171011708450001",
            "{\"nik\": \"3171011708450001\"}",
            "[\"0812-3456-7890\", 1]",
            "\"\"",
            "\"kontrol\\\" 3171011708450001\"",
            "\"broken",
            "tru",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m) as usize
        };
        let (mut input, mut expected, mut reasons) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..6000 {
            let mut line = String::from("{");
            // Mostly the same keys and spacing as the line before, as real streams.
            let same = next(4) != 0;
            for k in 0..1 + next(5) {
                if k > 0 {
                    line.push_str(if next(3) == 0 { "," } else { ", " });
                }
                let key = if same {
                    keys[k % keys.len()]
                } else {
                    keys[next(keys.len() as u64)]
                };
                let colon = if same {
                    ": "
                } else {
                    colons[next(colons.len() as u64)]
                };
                let value = if next(8) == 0 {
                    values[next(values.len() as u64)]
                } else {
                    values[k % 3]
                };
                line.push_str(&format!("\"{key}\"{colon}{value}"));
            }
            // Line ends the parser must stop at: escaped, inside a string, after
            // a carriage return; and lines it does not read (blank, not an object).
            line.push_str(["}\n", "}\n", "}\n", "}\r\n", "\\\n", "\n", "} \t\n"][next(7)]);
            if next(20) == 0 {
                line =
                    [" \n", "\n", "[1, \"0812-3456-7890\"]\n", " {\"nik\": 1}\n"][next(4)].into();
            }
            let (out, bad) = run(line.as_bytes(), line.len());
            expected.extend(out);
            reasons.extend(bad);
            input.extend_from_slice(line.as_bytes());
        }
        assert!(reasons.len() > 100, "{}", reasons.len());
        for chunk in [1 << 20, 4096, 97, 7] {
            let (out, bad) = run(&input, chunk);
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&expected)
            );
            // Reports are kept up to MAX_REPORTS.
            assert_eq!(bad[..], reasons[..bad.len()]);
        }
    }
}
