//! Leak triage: what a dumped file holds, whether it looks genuine, whom to notify.
//!
//! When a dump appears (the 2021 BPJS Kesehatan sample: 100,002 records offered as
//! "1 million"), responders have 3 × 24 hours under UU PDP (Law 27/2022, Art. 46) to
//! notify data subjects and the PDP agency. [`Triage`] reads a CSV, JSON-lines or
//! text file **once**, in constant memory, and reports counts only — never an
//! identifier:
//!
//! * records, and each identifier kind found in classified columns and in free text;
//! * the **NIK validity rate** — the share of NIK-like values that are structurally
//!   valid NIKs with a known (current or retired) district: near 100 % in a genuine
//!   population dump, low for fabricated numbers;
//! * consistency inside a record: NIK birth date (day, month, two-digit year) and sex
//!   (+40 rule) against the birth-date and sex columns; NIK and KK region agreement;
//!   a KK number copied into the NIK column;
//! * duplicates (keyed fingerprints in a bounded set, see [`distinct`]);
//! * records per province and regency of NIK registration, birth years, sex, children
//!   (under 18 at the reference date: specific data under UU PDP Art. 4);
//! * the UU PDP categories present and a plain-language summary for the notification.
//!
//! Counting rules (the generator `tools/gen_sample.py` applies the same):
//! * a record's **birth date** is its birth-date column when that parses as a real
//!   date (`YYYY-MM-DD`, `DD-MM-YYYY`, `DD/MM/YYYY`, `YYYY/MM/DD`), else the date in
//!   its valid NIK (century chosen against the reference date); its **sex** is its
//!   sex column when recognised (`L`/`P`, `Laki-laki`/`Perempuan`, `M`/`F`, …), else the NIK's;
//! * a NIK equal to the record's KK number is counted as `kk_in_nik_column`, neither
//!   valid nor invalid, and gives no region, date or sex;
//! * region, birth-year and sex counts are per record (duplicates included).
//!
//! ```
//! use identitas::triage::{Triage, TriageConfig};
//! use identitas::Date;
//!
//! let csv = "nik,nama,tgl_lahir,jenis_kelamin\n3171015708450001,Siti,1945-08-17,P\n";
//! let config = TriageConfig { reference: Date::new(2025, 6, 1).unwrap(), ..TriageConfig::default() };
//! let report = Triage::new(config).run(&mut csv.as_bytes(), &mut |_| {})?;
//! assert_eq!(report.records, 1);
//! assert_eq!(report.nik.known_district, 1);
//! assert_eq!(report.consistency.sex_mismatch, 0);
//! # Ok::<(), std::io::Error>(())
//! ```

pub mod distinct;
pub mod input;
pub mod render;
pub mod report;
pub mod text;

use std::collections::BTreeMap;
use std::io::{self, BufRead};

use crate::date::Date;
use crate::kind::Kind;
use crate::nik::{Nik, Sex};
use crate::region::{self, RegionStatus};
use crate::{bpjs, kk, nip, nitku, npwp};

use crate::record::csv::body_len;
use distinct::Distinct;
pub use input::{Field, InputFormat};
use input::{KeyCache, MAX_RECORD, Record};
pub use report::{Consistency, KindCount, NikFigures, PdpCategory, RegionCount, Report};
use text::Hit;

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(Triage => "Triage");

/// Options of a triage run.
#[derive(Debug, Clone)]
pub struct TriageConfig {
    /// Date at which ages are computed (children) and NIK centuries chosen.
    pub reference: Date,
    /// Force a format instead of detecting it.
    pub format: Option<InputFormat>,
    /// Cap of each exact duplicate set, in 8-byte slots (two sets: NIKs and records).
    /// Default 2²² slots (32 MiB each): exact up to ~3 million distinct values.
    pub dedup_max_slots: usize,
    /// Call the progress callback every this many bytes.
    pub progress_every: u64,
}

impl Default for TriageConfig {
    fn default() -> Self {
        TriageConfig {
            reference: Date::today(),
            format: None,
            dedup_max_slots: 1 << 22,
            progress_every: 16 << 20,
        }
    }
}

const KINDS: usize = Kind::ALL.len();
const FIELDS: usize = Field::Other as usize + 1;
const FIRST_YEAR: u16 = 1900;
const YEARS: usize = 201;

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

/// The streaming aggregator (see the module documentation).
pub struct Triage {
    config: TriageConfig,
    format: InputFormat,
    bytes: u64,
    records: u64,
    malformed: u64,
    columns: Vec<(String, Field)>,
    present: [u64; FIELDS],
    column_values: [u64; KINDS],
    column_valid: [u64; KINDS],
    in_text: [u64; KINDS],
    nik: NikFigures,
    reasons: BTreeMap<&'static str, u64>,
    consistency: Consistency,
    nik_set: Distinct,
    record_set: Distinct,
    provinces: Box<[u64; 100]>,
    regencies: Vec<u64>,
    years: Box<[u64; YEARS]>,
    sex: (u64, u64, u64),
    children: u64,
    with_birth_date: u64,
    text_subjects: bool,
    scanner: crate::scan::Scanner,
    /// District status by 6-digit code, direct-mapped: a dump repeats few districts.
    districts: Vec<(u32, RegionStatus)>,
    emails: EmailMemo,
}

/// [`text::is_email`] remembering the last valid domain: an e-mail column repeats a
/// few domains, whose check then costs one comparison.
#[derive(Default)]
struct EmailMemo {
    domain: Vec<u8>,
}

impl EmailMemo {
    /// Same answer as [`text::is_email`].
    fn is_email(&mut self, v: &[u8]) -> bool {
        let Some(at) = text::email_local(v) else {
            return false;
        };
        let dom = v.get(at + 1..).unwrap_or(&[]);
        if !dom.is_empty() && dom == self.domain.as_slice() {
            return true;
        }
        let ok = text::is_email_domain(dom);
        if ok {
            self.domain.clear();
            self.domain.extend_from_slice(dom);
        }
        ok
    }
}

/// Entries of the district status cache (a power of two).
const DISTRICT_CACHE: usize = 1 << 14;

/// What one record's NIK field turned out to be.
enum NikField {
    Absent,
    /// A valid NIK and its birth date (in the century chosen against the reference).
    Valid(Nik, Date),
    Invalid(&'static str),
}

impl Triage {
    /// A fresh aggregator.
    pub fn new(config: TriageConfig) -> Triage {
        let slots = config.dedup_max_slots;
        Triage {
            format: config.format.unwrap_or(InputFormat::Text),
            config,
            bytes: 0,
            records: 0,
            malformed: 0,
            columns: Vec::new(),
            present: [0; FIELDS],
            column_values: [0; KINDS],
            column_valid: [0; KINDS],
            in_text: [0; KINDS],
            nik: NikFigures {
                duplicates_exact: true,
                ..NikFigures::default()
            },
            reasons: BTreeMap::new(),
            consistency: Consistency::default(),
            nik_set: Distinct::new(slots),
            record_set: Distinct::new(slots),
            provinces: Box::new([0; 100]),
            regencies: vec![0; 10_000],
            years: Box::new([0; YEARS]),
            sex: (0, 0, 0),
            children: 0,
            with_birth_date: 0,
            text_subjects: false,
            scanner: crate::scan::Scanner::new(),
            districts: vec![(u32::MAX, RegionStatus::Unknown); DISTRICT_CACHE],
            emails: EmailMemo::default(),
        }
    }

    /// Reads `reader` to the end and returns the report.
    ///
    /// `progress` is called with the bytes read so far every
    /// [`TriageConfig::progress_every`] bytes and once at the end.
    pub fn run(
        mut self,
        reader: &mut dyn BufRead,
        progress: &mut dyn FnMut(u64),
    ) -> io::Result<Report> {
        let format = match self.config.format {
            Some(f) => f,
            None => detect_format(reader)?,
        };
        self.format = format;
        self.text_subjects = format == InputFormat::Text;
        let mut line = Vec::with_capacity(4096);
        let mut rec = Record::default();
        let every = self.config.progress_every.max(1);
        let mut next_progress = every;
        let mut tick = |bytes: u64| {
            if bytes >= next_progress {
                progress(bytes);
                next_progress = bytes + every;
            }
        };
        match format {
            InputFormat::Csv => {
                let mut rd = input::RecordReader::new(true);
                let header = match rd.next(reader)? {
                    input::Next::End => return Ok(self.finish()),
                    input::Next::TooLong(n) => {
                        self.bytes += n;
                        Vec::new()
                    }
                    input::Next::Record(r) => {
                        self.bytes += r.len() as u64;
                        r.get(..body_len(r)).unwrap_or(&[]).to_vec()
                    }
                };
                let header = header.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&header);
                let delim = input::guess_delimiter(header).unwrap_or(b',');
                input::split_csv(header, delim, &mut rec);
                let mut fields = Vec::with_capacity(rec.fields.len());
                for i in 0..rec.fields.len() {
                    let name = String::from_utf8_lossy(rec.value(i)).trim().to_owned();
                    let f = input::classify(name.as_bytes());
                    fields.push(f);
                    self.columns.push((name, f));
                }
                let field_of = |col: usize| fields.get(col).copied().unwrap_or(Field::Other);
                let mut spans = Vec::with_capacity(fields.len() + 1);
                loop {
                    let (r, split) = match rd.next_split(reader, delim, &mut spans)? {
                        (input::Next::End, _) => break,
                        (input::Next::TooLong(n), _) => {
                            self.bytes += n;
                            tick(self.bytes);
                            self.records += 1;
                            self.malformed += 1;
                            continue;
                        }
                        (input::Next::Record(r), split) => (r, split),
                    };
                    self.bytes += r.len() as u64;
                    tick(self.bytes);
                    let body = r.get(..body_len(r)).unwrap_or(&[]);
                    if body.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    if split || input::csv_spans(body, delim, &mut spans) {
                        let values = spans
                            .iter()
                            .enumerate()
                            .map(|(i, &(s, e))| (field_of(i), body.get(s..e).unwrap_or(&[])));
                        self.add_record(body, values);
                    } else {
                        input::split_csv(body, delim, &mut rec);
                        let values = rec
                            .fields
                            .iter()
                            .enumerate()
                            .map(|(i, f)| (field_of(f.2), rec.value(i)));
                        self.add_record(body, values);
                    }
                }
            }
            InputFormat::JsonLines => {
                let mut keys = KeyCache::default();
                while let Some(n) = input::read_line(reader, &mut line, MAX_RECORD)? {
                    self.bytes += n;
                    tick(self.bytes);
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    if n as usize > MAX_RECORD + 2 || !input::split_json(&line, &mut keys, &mut rec)
                    {
                        self.records += 1;
                        self.malformed += 1;
                        continue;
                    }
                    self.record(&rec, &line, &|col| keys.field(col));
                }
                self.columns = keys
                    .keys
                    .iter()
                    .map(|(k, f)| (String::from_utf8_lossy(k).into_owned(), *f))
                    .collect();
            }
            InputFormat::Text => {
                while let Some(n) = input::read_line(reader, &mut line, MAX_RECORD)? {
                    self.bytes += n;
                    tick(self.bytes);
                    self.scan_text(&line);
                }
            }
        }
        progress(self.bytes);
        Ok(self.finish())
    }

    /// Adds one record: `rec` holds its values, `raw` its bytes as read (for duplicates),
    /// `field_of` classifies a column number.
    pub fn record(&mut self, rec: &Record, raw: &[u8], field_of: &dyn Fn(usize) -> Field) {
        let values = rec
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| (field_of(f.2), rec.value(i)));
        self.add_record(raw, values);
    }

    /// Adds one record from its raw bytes and its `(class, value)` pairs.
    fn add_record<'v>(&mut self, raw: &[u8], values: impl Iterator<Item = (Field, &'v [u8])>) {
        self.records += 1;
        self.record_set.add(raw);
        let mut nik_field = NikField::Absent;
        let mut kk_digits: Option<kk::Kk> = None;
        let mut birth: Option<Date> = None;
        let mut sex: Option<Sex> = None;
        for (f, v) in values {
            let v = trim(v);
            if v.is_empty() {
                continue;
            }
            if let Some(p) = self.present.get_mut(f as usize) {
                *p += 1;
            }
            match f {
                Field::Nik => {
                    // The fast parse, then the reference date: same rules as `parse_at_bytes`.
                    nik_field = match Nik::parse_bytes(v) {
                        Ok(n) => match n.birth_date(self.config.reference) {
                            Some(b) => NikField::Valid(n, b.date),
                            None => NikField::Invalid("date_in_future"),
                        },
                        Err(e) => NikField::Invalid(e.code()),
                    };
                }
                Field::Kk => {
                    kk_digits = kk::Kk::parse_bytes(v).ok();
                    self.count_column(Kind::Kk, kk_digits.is_some());
                }
                Field::Npwp => self.count_column(Kind::Npwp, npwp::is_valid(v)),
                Field::Nitku => self.count_column(Kind::Nitku, nitku::is_valid(v)),
                Field::Bpjs => self.count_column(Kind::BpjsKesehatan, bpjs::is_valid_kesehatan(v)),
                Field::Nip => self.count_column(Kind::Nip, nip::is_valid(v)),
                Field::Phone => self.count_column(Kind::Phone, crate::phone::is_valid(v)),
                Field::Email => {
                    let ok = self.emails.is_email(v);
                    self.count_column(Kind::Email, ok);
                }
                Field::BirthDate => birth = parse_date(v),
                Field::Sex => sex = parse_sex(v),
                Field::Other | Field::Address => self.scan_text(v),
                _ => {}
            }
        }
        let mut nik_birth = None;
        let nik = match nik_field {
            NikField::Absent => None,
            NikField::Valid(n, b) => {
                self.column_values[kind_index(Kind::Nik)] += 1;
                self.nik.values += 1;
                if kk_digits.is_some_and(|k| k.as_bytes() == n.as_bytes()) {
                    self.nik.kk_in_nik_column += 1;
                    None
                } else {
                    self.column_valid[kind_index(Kind::Nik)] += 1;
                    self.valid_nik(&n);
                    nik_birth = Some(b);
                    Some(n)
                }
            }
            NikField::Invalid(code) => {
                self.column_values[kind_index(Kind::Nik)] += 1;
                self.nik.values += 1;
                self.invalid_nik(code);
                None
            }
        };
        let c = &mut self.consistency;
        if let Some(n) = nik {
            if let Some(b) = birth {
                c.dob_compared += 1;
                let same = b.day() == n.birth_day()
                    && b.month() == n.birth_month()
                    && (b.year() % 100) as u8 == n.birth_year_digits();
                c.dob_mismatch += u64::from(!same);
            }
            if let Some(s) = sex {
                c.sex_compared += 1;
                c.sex_mismatch += u64::from(s != n.sex());
            }
            if let Some(k) = kk_digits {
                c.kk_compared += 1;
                let (a, b) = (n.as_bytes(), k.as_bytes());
                c.kk_same_province += u64::from(a[..2] == b[..2]);
                c.kk_same_regency += u64::from(a[..4] == b[..4]);
            }
        }
        self.subject(birth.or(nik_birth), sex.or(nik.map(|n| n.sex())));
    }

    fn count_column(&mut self, kind: Kind, valid: bool) {
        let i = kind_index(kind);
        self.column_values[i] += 1;
        self.column_valid[i] += u64::from(valid);
    }

    fn valid_nik(&mut self, n: &Nik) {
        self.nik.valid += 1;
        let d = n.as_bytes();
        let code = (0..6).fold(0u32, |a, i| a * 10 + u32::from(d[i].wrapping_sub(b'0')));
        let slot = (code.wrapping_mul(0x9E37_79B9) >> 18) as usize % DISTRICT_CACHE;
        let status = match self.districts.get(slot) {
            Some(&(c, st)) if c == code => st,
            _ => {
                let st = n.region().status();
                if let Some(e) = self.districts.get_mut(slot) {
                    *e = (code, st);
                }
                st
            }
        };
        match status {
            RegionStatus::Current => self.nik.known_district += 1,
            RegionStatus::Retired => {
                self.nik.known_district += 1;
                self.nik.retired_district += 1;
            }
            RegionStatus::Unknown => self.nik.unknown_district += 1,
        }
        self.nik_set.add(n.as_bytes());
        let d = n.as_bytes();
        let prov = usize::from(crate::digits::two(d, 0));
        let reg = prov * 100 + usize::from(crate::digits::two(d, 2));
        if let Some(p) = self.provinces.get_mut(prov) {
            *p += 1;
        }
        if let Some(r) = self.regencies.get_mut(reg) {
            *r += 1;
        }
    }

    fn invalid_nik(&mut self, code: &'static str) {
        self.nik.invalid += 1;
        *self.reasons.entry(code).or_insert(0) += 1;
    }

    fn subject(&mut self, birth: Option<Date>, sex: Option<Sex>) {
        match sex {
            Some(Sex::Male) => self.sex.0 += 1,
            Some(Sex::Female) => self.sex.1 += 1,
            None => self.sex.2 += 1,
        }
        let Some(b) = birth else { return };
        self.with_birth_date += 1;
        if let Some(y) = self
            .years
            .get_mut(usize::from(b.year().wrapping_sub(FIRST_YEAR)))
        {
            *y += 1;
        }
        if age(b, self.config.reference) < 18 {
            self.children += 1;
        }
    }

    /// Scans free text (a text line or an unclassified column) for identifiers.
    pub fn scan_text(&mut self, t: &[u8]) {
        // Most addresses and notes hold no 8-digit run and no `@`: nothing to find.
        if !crate::record::quick::may_hold_identifier(t) {
            return;
        }
        let scanner = std::mem::take(&mut self.scanner);
        text::find(&scanner, t, &mut |hit, s, e| {
            self.text_hit(hit, t.get(s..e).unwrap_or(&[]))
        });
        self.scanner = scanner;
    }

    fn text_hit(&mut self, hit: Hit, span: &[u8]) {
        match hit {
            Hit::Found(Kind::Nik) => {
                self.in_text[kind_index(Kind::Nik)] += 1;
                self.nik.values += 1;
                if let Ok(n) = Nik::parse_bytes(span) {
                    self.valid_nik(&n);
                    if self.text_subjects {
                        let b = n.birth_date(self.config.reference).map(|b| b.date);
                        self.subject(b, Some(n.sex()));
                    }
                }
            }
            Hit::Found(k) => self.in_text[kind_index(k)] += 1,
            Hit::InvalidNikLike => {
                self.nik.values += 1;
                let code = Nik::parse_bytes(span).err().map_or("invalid", |e| e.code());
                self.invalid_nik(code);
            }
        }
    }

    /// The report of everything read so far.
    pub fn finish(mut self) -> Report {
        self.nik_set.flush();
        self.record_set.flush();
        let nik = &mut self.nik;
        nik.invalid_reasons = self.reasons.iter().map(|(k, v)| (*k, *v)).collect();
        nik.validity_rate = report::ratio(nik.known_district, nik.values);
        nik.distinct = self.nik_set.distinct();
        nik.duplicates = self.nik_set.duplicates();
        nik.duplicates_exact = self.nik_set.is_exact();
        let mut identifiers = Vec::new();
        for (i, k) in Kind::ALL.iter().enumerate() {
            let kc = KindCount {
                kind: k.as_str(),
                column_values: self.column_values[i],
                column_valid: self.column_valid[i],
                in_text: self.in_text[i],
            };
            if kc.column_values + kc.in_text > 0 {
                identifiers.push(kc);
            }
        }
        let mut provinces: Vec<RegionCount> = self
            .provinces
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(code, &count)| RegionCount {
                code: code as u32,
                name: region::province_name(code as u8),
                count,
            })
            .collect();
        provinces.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
        let mut regencies: Vec<RegionCount> = self
            .regencies
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(code, &count)| {
                let digits = format!("{code:04}");
                RegionCount {
                    code: code as u32,
                    name: region::lookup_digits(digits.as_bytes()).and_then(|r| r.regency()),
                    count,
                }
            })
            .collect();
        regencies.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
        let birth_years = self
            .years
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(i, &c)| (FIRST_YEAR + i as u16, c))
            .collect();
        let duplicate_records = self.record_set.duplicates();
        let subjects_estimate = if self.format == InputFormat::Text {
            self.nik.distinct
        } else {
            self.records - duplicate_records
        };
        let mut report = Report {
            format: self.format.as_str(),
            reference_date: self.config.reference,
            bytes: self.bytes,
            records: self.records,
            malformed_records: self.malformed,
            columns: self
                .columns
                .iter()
                .map(|(n, f)| (safe_name(n), f.as_str()))
                .collect(),
            identifiers,
            nik: self.nik.clone(),
            consistency: self.consistency.clone(),
            duplicate_records,
            duplicate_records_exact: self.record_set.is_exact(),
            provinces,
            regencies,
            birth_years,
            sex: self.sex,
            children: self.children,
            with_birth_date: self.with_birth_date,
            subjects_estimate,
            pdp: Vec::new(),
            summary: String::new(),
        };
        report.pdp = self.categories(&report);
        report.summary = render::summary(&report);
        report
    }

    fn categories(&self, r: &Report) -> Vec<PdpCategory> {
        let has = |f: Field| self.present[f as usize] > 0;
        let kind_found = |k: &str| r.kind(k).is_some_and(|c| c.column_valid + c.in_text > 0);
        let mut out = Vec::new();
        let mut add = |code, label, specific, yes: bool| {
            if yes {
                out.push(PdpCategory {
                    code,
                    label,
                    specific,
                });
            }
        };
        let nik_valid = r.nik.valid > 0;
        add("full_name", "full name", false, has(Field::Name));
        add("sex", "sex", false, has(Field::Sex) || nik_valid);
        add(
            "birth_date",
            "date of birth",
            false,
            has(Field::BirthDate) || nik_valid,
        );
        add("address", "address", false, has(Field::Address));
        add(
            "nik",
            "national identity number (NIK)",
            false,
            r.nik.values > 0,
        );
        add("kk", "family card number (KK)", false, kind_found("kk"));
        add(
            "family",
            "family relationships",
            false,
            has(Field::Relation),
        );
        add("phone", "phone number", false, kind_found("phone"));
        add("email", "e-mail address", false, kind_found("email"));
        add(
            "nip",
            "civil-servant number (NIP)",
            false,
            kind_found("nip"),
        );
        add(
            "children",
            "children's data (people under 18)",
            true,
            r.children > 0,
        );
        add(
            "health",
            "health data (BPJS Kesehatan membership)",
            true,
            kind_found("bpjs_kesehatan") || has(Field::PaymentStatus) || has(Field::Office),
        );
        add(
            "financial",
            "personal financial data (NPWP tax number, payment cards)",
            true,
            kind_found("npwp") || kind_found("nitku") || kind_found("payment_card"),
        );
        out
    }
}

fn detect_format(reader: &mut dyn BufRead) -> io::Result<InputFormat> {
    loop {
        match reader.fill_buf() {
            Ok(b) => return Ok(input::detect(b)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// A column name fit to print: a "header" with many digits is probably a data row
/// of a headerless file, so its digits are masked; long names are cut.
fn safe_name(name: &str) -> String {
    let digits = name.bytes().filter(u8::is_ascii_digit).count();
    let masked: String = if digits >= 5 {
        name.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    } else {
        name.to_owned()
    };
    masked.chars().take(40).collect()
}

/// Bytes that may start or end something [`crate::digits::trim`] removes: ASCII
/// whitespace, `'`, and the bytes of U+00A0 (`C2 A0`).
static EDGE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_whitespace() || c == b'\'' || c == 0xC2 || c == 0xA0;
        b += 1;
    }
    t
};

#[inline]
fn trim(v: &[u8]) -> &[u8] {
    match (v.first(), v.last()) {
        (Some(&a), Some(&z)) if EDGE[usize::from(a)] || EDGE[usize::from(z)] => {}
        _ => return v,
    }
    let (s, e) = crate::digits::trim(v);
    v.get(s..e).unwrap_or(&[])
}

/// Completed years from `birth` to `reference` (0 when born after it).
pub fn age(birth: Date, reference: Date) -> u16 {
    let years = reference.year().saturating_sub(birth.year());
    if (reference.month(), reference.day()) < (birth.month(), birth.day()) {
        years.saturating_sub(1)
    } else {
        years
    }
}

/// Parses a birth date written `YYYY-MM-DD`, `DD-MM-YYYY`, `DD/MM/YYYY` or
/// `YYYY/MM/DD` (a time after a space or `T` is ignored). `None` unless it is a real date.
pub fn parse_date(v: &[u8]) -> Option<Date> {
    let b: &[u8; 10] = v.first_chunk()?;
    let sep = |c: u8| c == b'-' || c == b'/' || c == b'.';
    // Where the year, month and day start.
    let (y, m, d) = if sep(b[4]) && sep(b[7]) {
        (0, 5, 8)
    } else if sep(b[2]) && sep(b[5]) {
        (6, 3, 0)
    } else {
        return None;
    };
    let digit = |i: usize| b.get(i).map_or(10, |c| c.wrapping_sub(b'0'));
    let ds = [
        digit(y),
        digit(y + 1),
        digit(y + 2),
        digit(y + 3),
        digit(m),
        digit(m + 1),
        digit(d),
        digit(d + 1),
    ];
    if ds.iter().any(|&x| x > 9) {
        return None;
    }
    let [y0, y1, y2, y3, m0, m1, d0, d1] = ds.map(u16::from);
    let year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
    Date::new(year, (m0 * 10 + m1) as u8, (d0 * 10 + d1) as u8)
}

/// Recognises a sex value: `L`, `P`, `Laki-laki`, `Perempuan`, `Pria`, `Wanita`,
/// `M`, `F`, `Male`, `Female` (any case).
pub fn parse_sex(v: &[u8]) -> Option<Sex> {
    // Most sex columns hold one letter.
    if let [c] = v {
        return match c.to_ascii_lowercase() {
            b'l' | b'm' => Some(Sex::Male),
            b'p' | b'f' | b'w' => Some(Sex::Female),
            _ => None,
        };
    }
    let mut buf = [0u8; 12];
    let n = v.len();
    if n > buf.len() {
        return None;
    }
    for (o, b) in buf.iter_mut().zip(v) {
        *o = b.to_ascii_lowercase();
    }
    match &buf[..n] {
        b"l" | b"m" | b"laki-laki" | b"laki laki" | b"lakilaki" | b"laki" | b"pria" | b"male" => {
            Some(Sex::Male)
        }
        b"p" | b"f" | b"w" | b"perempuan" | b"wanita" | b"female" => Some(Sex::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_sexes_ages() {
        assert_eq!(parse_date(b"1945-08-17"), Date::new(1945, 8, 17));
        assert_eq!(parse_date(b"17-08-1945"), Date::new(1945, 8, 17));
        assert_eq!(parse_date(b"17/08/1945 00:00"), Date::new(1945, 8, 17));
        assert_eq!(parse_date(b"1980-02-30"), None);
        assert_eq!(parse_date(b"00-00-0000"), None);
        assert_eq!(parse_date(b"-"), None);
        assert_eq!(parse_date(b"1945.08.17"), Date::new(1945, 8, 17));
        assert_eq!(parse_date(b"1945/08/1x"), None);
        assert_eq!(parse_date(b"19a5-08-17"), None);
        assert_eq!(parse_date(b"2000-02-29"), Date::new(2000, 2, 29));
        assert_eq!(parse_date(b"1900-02-29"), None);
        assert_eq!(parse_sex(b"Perempuan"), Some(Sex::Female));
        assert_eq!(parse_sex(b"L"), Some(Sex::Male));
        assert_eq!(parse_sex(b"x"), None);
        let r = Date::new(2025, 6, 1).unwrap();
        assert_eq!(age(Date::new(2007, 6, 1).unwrap(), r), 18);
        assert_eq!(age(Date::new(2007, 6, 2).unwrap(), r), 17);
    }

    /// The digit-array `parse_date` and the one-letter `parse_sex` path agree with
    /// the straightforward versions they replaced.
    #[test]
    fn date_and_sex_agree_with_oracles() {
        fn date_oracle(v: &[u8]) -> Option<Date> {
            let b: [u8; 10] = v.get(..10)?.try_into().ok()?;
            let num = |r: core::ops::Range<usize>| {
                b.get(r)?.iter().try_fold(0u16, |acc, &c| {
                    let d = c.wrapping_sub(b'0');
                    (d < 10).then(|| acc * 10 + u16::from(d))
                })
            };
            let sep = |c: u8| c == b'-' || c == b'/' || c == b'.';
            let (y, m, d) = if sep(b[4]) && sep(b[7]) {
                (num(0..4)?, num(5..7)?, num(8..10)?)
            } else if sep(b[2]) && sep(b[5]) {
                (num(6..10)?, num(3..5)?, num(0..2)?)
            } else {
                return None;
            };
            Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
        }
        let alphabet = b"0123456789-/.: x";
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut v = Vec::new();
        let mut valid = 0;
        for _ in 0..300_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // A date-shaped value (day 00-39, month 00-19), then perhaps one byte changed
            // and a length change.
            let (y, m, d) = (x % 10_000, (x >> 14) % 20, (x >> 19) % 40);
            let sep = b"-/."[(x >> 25) as usize % 3] as char;
            let text = if (x >> 27) % 2 == 0 {
                format!("{y:04}{sep}{m:02}{sep}{d:02}")
            } else {
                format!("{d:02}{sep}{m:02}{sep}{y:04}")
            };
            v.clear();
            v.extend_from_slice(text.as_bytes());
            if (x >> 28) % 3 == 0 {
                let at = (x >> 30) as usize % v.len();
                v[at] = alphabet[(x >> 34) as usize % alphabet.len()];
            }
            match (x >> 38) % 4 {
                0 => v.truncate((x >> 40) as usize % 11),
                1 => v.extend_from_slice(b" 00:00"),
                _ => {}
            }
            let got = parse_date(&v);
            valid += usize::from(got.is_some());
            assert_eq!(got, date_oracle(&v), "{v:?}");
        }
        assert!(valid > 50_000, "{valid}");
        fn sex_oracle(v: &[u8]) -> Option<Sex> {
            let lower = v.to_ascii_lowercase();
            match &lower[..] {
                b"l" | b"m" | b"laki-laki" | b"laki laki" | b"lakilaki" | b"laki" | b"pria"
                | b"male" => Some(Sex::Male),
                b"p" | b"f" | b"w" | b"perempuan" | b"wanita" | b"female" => Some(Sex::Female),
                _ => None,
            }
        }
        for b in 0..=255u8 {
            assert_eq!(parse_sex(&[b]), sex_oracle(&[b]), "{b}");
        }
        for v in ["", "LAKI-LAKI", "Perempuan", "lp", "wanita ", "Female"] {
            assert_eq!(parse_sex(v.as_bytes()), sex_oracle(v.as_bytes()), "{v}");
        }
    }

    /// The memo answers as `is_email` whatever came before: valid and invalid local
    /// parts and domains, repeated and alternating.
    #[test]
    fn email_memo_agrees() {
        let locals = ["a", "budi.s42", ".a", "", "a b", "x@y"];
        let domains = [
            "gmail.com",
            "gmail.co",
            "gmail..com",
            "",
            "gmail.c",
            "yahoo.co.id",
            "a-.id",
        ];
        let mut values = Vec::new();
        for l in locals {
            for d in domains {
                values.push(format!("{l}@{d}"));
                values.push(format!("{l}{d}"));
            }
        }
        let mut memo = EmailMemo::default();
        // In order (runs of one local part), reversed, and by a stride mixing domains.
        let n = values.len();
        let orders = (0..n).chain((0..n).rev()).chain((0..n).map(|i| i * 5 % n));
        for i in orders {
            let v = values[i].as_bytes();
            assert_eq!(memo.is_email(v), text::is_email(v), "{}", values[i]);
        }
    }
}
