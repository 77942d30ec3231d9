//! The input layer of triage: format detection, CSV and JSON-lines records, column
//! classification by header or key name.
//!
//! CSV records are found and split by the crate's record layer
//! ([`crate::record`]: record end and field spans in one pass, eight bytes at a
//! time), straight from a reusable buffer without copying values; only a record that
//! layer declines (a stray quote, a character after a closing quote) or whose quoted
//! values hold doubled quotes is unescaped by the lenient [`split_csv`]. Memory is bounded: a record
//! longer than [`MAX_RECORD`] bytes is skipped up to the next line feed and counted
//! as malformed.

use std::io::{self, BufRead};

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(Next<'_> => "Next", RecordReader => "RecordReader", Record => "Record", KeyCache => "KeyCache");

/// Longest record (or text line) kept whole, in bytes.
pub const MAX_RECORD: usize = 1 << 20;

/// How the input is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Comma/semicolon/tab/pipe separated values with a header line.
    Csv,
    /// One JSON object per line.
    JsonLines,
    /// Free text: identifiers are found by scanning.
    Text,
}

impl InputFormat {
    /// Stable name (`csv`, `jsonl`, `text`).
    pub const fn as_str(self) -> &'static str {
        match self {
            InputFormat::Csv => "csv",
            InputFormat::JsonLines => "jsonl",
            InputFormat::Text => "text",
        }
    }

    /// Parses `csv`, `jsonl` (or `json`, `ndjson`), `text` (or `txt`).
    pub fn from_name(name: &str) -> Option<InputFormat> {
        match name {
            "csv" | "tsv" => Some(InputFormat::Csv),
            "jsonl" | "json" | "ndjson" => Some(InputFormat::JsonLines),
            "text" | "txt" => Some(InputFormat::Text),
            _ => None,
        }
    }
}

/// What a column (or JSON key) holds, judged by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// NIK.
    Nik,
    /// KK (family card) number.
    Kk,
    /// NPWP.
    Npwp,
    /// NITKU.
    Nitku,
    /// BPJS Kesehatan card number (noka).
    Bpjs,
    /// NIP.
    Nip,
    /// Phone number.
    Phone,
    /// E-mail address.
    Email,
    /// Person's name.
    Name,
    /// Date of birth.
    BirthDate,
    /// Sex.
    Sex,
    /// Address.
    Address,
    /// Relationship within the family (head, spouse, child).
    Relation,
    /// BPJS contribution payment status.
    PaymentStatus,
    /// BPJS branch office code.
    Office,
    /// Anything else: scanned as free text.
    Other,
}

impl Field {
    /// Stable snake_case name used in reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Nik => "nik",
            Field::Kk => "kk",
            Field::Npwp => "npwp",
            Field::Nitku => "nitku",
            Field::Bpjs => "bpjs_kesehatan",
            Field::Nip => "nip",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Name => "name",
            Field::BirthDate => "birth_date",
            Field::Sex => "sex",
            Field::Address => "address",
            Field::Relation => "family_relation",
            Field::PaymentStatus => "payment_status",
            Field::Office => "bpjs_office",
            Field::Other => "other",
        }
    }
}

/// Classifies a column header or JSON key (case, spaces, `_`, `-`, `.` ignored).
pub fn classify(name: &[u8]) -> Field {
    let mut norm = [0u8; 32];
    let mut n = 0;
    for &b in name {
        if b.is_ascii_alphanumeric() {
            if n == norm.len() {
                return Field::Other;
            }
            norm[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    match &norm[..n] {
        b"nik"
        | b"noktp"
        | b"ktp"
        | b"nomorktp"
        | b"nomornik"
        | b"niknya"
        | b"nikpeserta"
        | b"nomorindukkependudukan"
        | b"nonik" => Field::Nik,
        b"nokk"
        | b"kk"
        | b"nkk"
        | b"nomorkk"
        | b"nomorkartukeluarga"
        | b"kartukeluarga"
        | b"nokartukeluarga" => Field::Kk,
        b"npwp" | b"nonpwp" | b"nomornpwp" => Field::Npwp,
        b"nitku" => Field::Nitku,
        b"noka" | b"nokartu" | b"nobpjs" | b"bpjs" | b"nokartubpjs" | b"nomorbpjs"
        | b"nomorkartu" | b"nokis" | b"nojkn" => Field::Bpjs,
        b"nip" | b"nipbaru" => Field::Nip,
        b"nohp" | b"hp" | b"phone" | b"telp" | b"telepon" | b"notelp" | b"notelepon"
        | b"nomorhp" | b"handphone" | b"mobile" | b"phonenumber" | b"nowa" | b"whatsapp" => {
            Field::Phone
        }
        b"email" | b"surel" | b"mail" | b"emailaddress" => Field::Email,
        b"nama" | b"name" | b"namalengkap" | b"namapeserta" | b"fullname" => Field::Name,
        b"tgllahir" | b"tanggallahir" | b"dob" | b"birthdate" | b"dateofbirth" | b"tgllhr" => {
            Field::BirthDate
        }
        b"jeniskelamin" | b"jk" | b"sex" | b"gender" | b"kelamin" => Field::Sex,
        b"alamat" | b"address" | b"alamatlengkap" => Field::Address,
        b"hubungankeluarga" | b"hubungan" | b"shdk" | b"statushubungan" => Field::Relation,
        b"statusbayar" | b"statuspembayaran" | b"statusiuran" => Field::PaymentStatus,
        b"kodekantor" | b"kantorcabang" | b"kdkantor" => Field::Office,
        _ => Field::Other,
    }
}

/// Guesses the format from the first bytes of the input.
///
/// `{` first means JSON lines; a first line split by one delimiter into at least
/// three fields, with a second line split the same way (or no second line yet)
/// means CSV, as does a two-column header followed by lines split the same way;
/// anything else is text.
pub fn detect(head: &[u8]) -> InputFormat {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.first() == Some(&b'{') {
        return InputFormat::JsonLines;
    }
    let mut lines = head.split(|&b| b == b'\n');
    let first = lines.next().unwrap_or(&[]);
    let Some(delim) = guess_delimiter(first) else {
        return InputFormat::Text;
    };
    let want = count_outside_quotes(first, delim);
    match lines.next() {
        Some(second) if !second.is_empty() && lines.next().is_some() => {
            if count_outside_quotes(second, delim) == want {
                InputFormat::Csv
            } else {
                InputFormat::Text
            }
        }
        _ if want >= 2 => InputFormat::Csv,
        _ => InputFormat::Text,
    }
}

/// The delimiter splitting a header line into the most fields (at least two), if any.
pub fn guess_delimiter(line: &[u8]) -> Option<u8> {
    [b',', b';', b'\t', b'|']
        .into_iter()
        .map(|d| (count_outside_quotes(line, d), d))
        .filter(|&(n, _)| n >= 1)
        .max_by_key(|&(n, _)| n)
        .map(|(_, d)| d)
}

fn count_outside_quotes(line: &[u8], delim: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delim && !quoted {
            n += 1;
        }
    }
    n
}

/// Bytes asked of the reader per refill.
const REFILL: usize = 64 << 10;

/// What [`RecordReader::next`] found.
pub enum Next<'a> {
    /// One record with its terminator (if any).
    Record(&'a [u8]),
    /// A record longer than [`MAX_RECORD`], skipped up to the next line feed: the bytes skipped.
    TooLong(u64),
    /// End of input.
    End,
}

/// Splits a byte stream into CSV records (line feeds inside quotes do not end a
/// record) or lines, in a buffer of at most [`MAX_RECORD`] plus one refill.
pub struct RecordReader {
    buf: Vec<u8>,
    /// Start of the unread data in `buf`.
    pos: usize,
    /// How far past `pos` the search for the record end has already looked.
    scanned: usize,
    in_quotes: bool,
    csv: bool,
    eof: bool,
    /// Bytes of the reader's own buffer lent out as the last record, to consume.
    lent: usize,
}

impl RecordReader {
    /// A reader of CSV records (`csv`) or of lines.
    pub fn new(csv: bool) -> RecordReader {
        RecordReader {
            buf: Vec::with_capacity(REFILL * 2),
            pos: 0,
            scanned: 0,
            in_quotes: false,
            csv,
            eof: false,
            lent: 0,
        }
    }

    /// The next record (terminator included).
    pub fn next<'a>(&'a mut self, src: &mut dyn BufRead) -> io::Result<Next<'a>> {
        loop {
            let avail = self.buf.get(self.pos..).unwrap_or(&[]);
            let end = if self.csv {
                crate::record::csv::find_end(avail, self.scanned, &mut self.in_quotes)
            } else {
                avail
                    .get(self.scanned..)
                    .and_then(|r| memchr::memchr(b'\n', r))
                    .map(|p| self.scanned + p + 1)
            };
            let len = match end {
                Some(e) => e,
                None if self.eof && avail.is_empty() => return Ok(Next::End),
                None if self.eof => avail.len(),
                None if avail.len() > MAX_RECORD => return self.skip_long(src),
                None => {
                    self.scanned = avail.len();
                    self.refill(src)?;
                    continue;
                }
            };
            let start = self.pos;
            self.pos += len;
            self.scanned = 0;
            self.in_quotes = false;
            return Ok(Next::Record(
                self.buf.get(start..start + len).unwrap_or(&[]),
            ));
        }
    }

    /// The next record, with the content spans of its fields in `spans` when the
    /// second value is true (a clean record without doubled quotes, found and split in
    /// one pass by the record layer); when false, `spans` is undefined and the
    /// caller splits the record itself. Records and their ends are those of
    /// [`RecordReader::next`].
    ///
    /// While its own buffer is empty it splits straight from the reader's buffer
    /// (`fill_buf`) and hands out records borrowed from it, consumed on the next
    /// call: only a record straddling the end of the reader's buffer is copied.
    pub fn next_split<'a>(
        &'a mut self,
        src: &'a mut dyn BufRead,
        delim: u8,
        spans: &mut Vec<(usize, usize)>,
    ) -> io::Result<(Next<'a>, bool)> {
        if self.lent > 0 {
            src.consume(self.lent);
            self.lent = 0;
        }
        if self.csv && self.pos >= self.buf.len() && !self.eof {
            self.buf.clear();
            self.pos = 0;
            self.scanned = 0;
            self.in_quotes = false;
            let found = match fill(src)? {
                [] => None,
                chunk => match crate::record::csv::split(chunk, delim, spans) {
                    crate::record::csv::Split::Record { end, doubled, .. } => Some((end, doubled)),
                    _ => None,
                },
            };
            if let Some((end, doubled)) = found {
                // The reader's buffer is unchanged until consumed: the same bytes.
                // (A reader breaking that contract gets a shorter record, never a panic.)
                let chunk = fill(src)?;
                let rec = chunk.get(..end).unwrap_or(chunk);
                self.lent = rec.len();
                return Ok((Next::Record(rec), !doubled));
            }
        }
        if self.csv && self.scanned == 0 && !self.in_quotes {
            let avail = self.buf.get(self.pos..).unwrap_or(&[]);
            if let crate::record::csv::Split::Record { end, doubled, .. } =
                crate::record::csv::split(avail, delim, spans)
            {
                let start = self.pos;
                self.pos += end;
                let rec = self.buf.get(start..start + end).unwrap_or(&[]);
                return Ok((Next::Record(rec), !doubled));
            }
        }
        Ok((self.next(src)?, false))
    }

    /// Drops the over-long record in the buffer and the input up to the next line feed.
    fn skip_long<'a>(&'a mut self, src: &mut dyn BufRead) -> io::Result<Next<'a>> {
        let mut skipped = (self.buf.len() - self.pos) as u64;
        self.buf.clear();
        self.pos = 0;
        self.scanned = 0;
        self.in_quotes = false;
        loop {
            let chunk = match src.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                self.eof = true;
                return Ok(Next::TooLong(skipped));
            }
            let (used, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            src.consume(used);
            skipped += used as u64;
            if done {
                return Ok(Next::TooLong(skipped));
            }
        }
    }

    /// Moves the unread data to the front and appends up to [`REFILL`] bytes (CSV:
    /// up to the first line feed).
    fn refill(&mut self, src: &mut dyn BufRead) -> io::Result<()> {
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let mut added = 0;
        while added < REFILL {
            let chunk = match src.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                self.eof = true;
                break;
            }
            let mut take = chunk.len().min(REFILL - added);
            // CSV: copy up to the next line feed only, so that once the record
            // straddling the reader's buffer is out, [`RecordReader::next_split`]
            // borrows from the reader again.
            let line_end = if self.csv {
                memchr::memchr(b'\n', &chunk[..take]).map(|i| i + 1)
            } else {
                None
            };
            if let Some(e) = line_end {
                take = e;
            }
            self.buf.extend_from_slice(&chunk[..take]);
            src.consume(take);
            added += take;
            if line_end.is_some() {
                break;
            }
        }
        Ok(())
    }
}

/// The reader's buffer, filled if empty (retrying interrupted reads).
fn fill(src: &mut dyn BufRead) -> io::Result<&[u8]> {
    loop {
        match src.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    src.fill_buf()
}

/// Splits a CSV record body (terminator removed) into the spans of its values
/// with the record layer. False when the lenient [`split_csv`] must do it: the
/// record layer rejects the record, or a quoted value holds a doubled quote.
pub fn csv_spans(body: &[u8], delim: u8, spans: &mut Vec<(usize, usize)>) -> bool {
    if crate::record::csv::parse_record(body, delim, spans).is_err() {
        return false;
    }
    spans.iter().all(|&(s, e)| {
        s == 0
            || body.get(s - 1) != Some(&b'"')
            || memchr::memchr(b'"', body.get(s..e).unwrap_or(&[])).is_none()
    })
}

/// Reads one line (without `\n` / `\r\n`) into `buf`, keeping at most `max` bytes.
///
/// Returns `None` at the end of input, else the number of bytes consumed
/// (including those dropped beyond `max`).
pub fn read_line(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Option<u64>> {
    buf.clear();
    let mut consumed = 0u64;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            if consumed == 0 {
                return Ok(None);
            }
            break;
        }
        let (part, used, done) = match memchr_nl(chunk) {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        let room = max.saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        reader.consume(used);
        consumed += used as u64;
        if done {
            break;
        }
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(consumed))
}

#[inline]
fn memchr_nl(b: &[u8]) -> Option<usize> {
    find_byte(b, b'\n')
}

/// Position of the first `needle` in `hay`, eight bytes at a time (SWAR).
#[inline]
pub fn find_byte(hay: &[u8], needle: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * u64::from(needle);
    let mut words = hay.chunks_exact(8);
    let mut at = 0;
    for w in words.by_ref() {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        let x = u64::from_le_bytes(b) ^ pattern;
        let found = x.wrapping_sub(LO) & !x & HI;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&c| c == needle)
        .map(|i| at + i)
}

/// One record: unescaped field values stored back to back, with their ranges.
#[derive(Default)]
pub struct Record {
    /// The bytes of all values.
    pub data: Vec<u8>,
    /// `(start, end, column index)` of each value in `data`.
    pub fields: Vec<(usize, usize, usize)>,
}

impl Record {
    fn clear(&mut self) {
        self.data.clear();
        self.fields.clear();
    }

    /// The value of field `i`.
    pub fn value(&self, i: usize) -> &[u8] {
        self.fields
            .get(i)
            .and_then(|&(s, e, _)| self.data.get(s..e))
            .unwrap_or(&[])
    }
}

/// Splits a CSV record (possibly several physical lines) into `rec`.
///
/// Fields may be quoted with `"`, with `""` for a quote inside; a stray quote in
/// an unquoted field is kept as data.
pub fn split_csv(line: &[u8], delim: u8, rec: &mut Record) {
    rec.clear();
    let mut i = 0;
    let mut col = 0;
    loop {
        let start = rec.data.len();
        if line.get(i) == Some(&b'"') {
            i += 1;
            while i < line.len() {
                let b = line[i];
                if b == b'"' {
                    if line.get(i + 1) == Some(&b'"') {
                        rec.data.push(b'"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                rec.data.push(b);
                i += 1;
            }
            // Anything between the closing quote and the delimiter is kept.
            while i < line.len() && line[i] != delim {
                rec.data.push(line[i]);
                i += 1;
            }
        } else {
            let rest = line.get(i..).unwrap_or(&[]);
            let len = find_byte(rest, delim).unwrap_or(rest.len());
            rec.data.extend_from_slice(&rest[..len]);
            i += len;
        }
        rec.fields.push((start, rec.data.len(), col));
        col += 1;
        if i >= line.len() {
            break;
        }
        i += 1; // the delimiter
        if i == line.len() {
            let at = rec.data.len();
            rec.fields.push((at, at, col));
            break;
        }
    }
}

/// True when `line` ends inside a quoted field (the record continues on the next line).
pub fn open_quote(line: &[u8]) -> bool {
    line.iter().filter(|&&b| b == b'"').count() % 2 == 1
}

/// Parses one flat JSON object into `rec`, classifying keys through `keys`.
///
/// String, number, boolean and null values are kept (strings unescaped, `\uXXXX`
/// decoded); nested objects and arrays are kept as their raw text, to be scanned.
/// Returns false when the line is not a JSON object.
pub fn split_json(line: &[u8], keys: &mut KeyCache, rec: &mut Record) -> bool {
    rec.clear();
    let mut p = JsonCursor { s: line, i: 0 };
    p.ws();
    if !p.eat(b'{') {
        return false;
    }
    p.ws();
    if p.eat(b'}') {
        return true;
    }
    let mut key = Vec::new();
    loop {
        p.ws();
        key.clear();
        if !p.string(&mut key) {
            return false;
        }
        p.ws();
        if !p.eat(b':') {
            return false;
        }
        p.ws();
        let col = keys.column(&key);
        let start = rec.data.len();
        match p.peek() {
            Some(b'"') => {
                if !p.string(&mut rec.data) {
                    return false;
                }
            }
            Some(b'{') | Some(b'[') => {
                let from = p.i;
                if !p.skip_nested() {
                    return false;
                }
                rec.data.extend_from_slice(&line[from..p.i]);
            }
            Some(_) => {
                let from = p.i;
                while let Some(b) = p.peek() {
                    if b == b',' || b == b'}' || b.is_ascii_whitespace() {
                        break;
                    }
                    p.i += 1;
                }
                let raw = &line[from..p.i];
                if raw != b"null" {
                    rec.data.extend_from_slice(raw);
                }
            }
            None => return false,
        }
        rec.fields.push((start, rec.data.len(), col));
        p.ws();
        if p.eat(b',') {
            continue;
        }
        return p.eat(b'}');
    }
}

struct JsonCursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl JsonCursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn ws(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.i += 1;
        }
    }
    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn hex4(&mut self) -> Option<u32> {
        let h = self.s.get(self.i..self.i + 4)?;
        let mut v = 0u32;
        for &c in h {
            v = v * 16 + char::from(c).to_digit(16)?;
        }
        self.i += 4;
        Some(v)
    }
    /// Reads a JSON string (cursor on the opening quote) and appends its value.
    fn string(&mut self, out: &mut Vec<u8>) -> bool {
        if !self.eat(b'"') {
            return false;
        }
        loop {
            let rest = self.s.get(self.i..).unwrap_or(&[]);
            let plain = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .unwrap_or(rest.len());
            out.extend_from_slice(&rest[..plain]);
            self.i += plain;
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return true;
                }
                Some(b'\\') => {
                    self.i += 1;
                    let Some(e) = self.peek() else { return false };
                    self.i += 1;
                    let c = match e {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => {
                            let Some(hi) = self.hex4() else { return false };
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                self.i += 2;
                                let Some(lo) = self.hex4() else { return false };
                                0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
                            } else {
                                hi
                            };
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        other => char::from(other),
                    };
                    let mut tmp = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
                }
                _ => return false,
            }
        }
    }
    fn skip_nested(&mut self) -> bool {
        let mut depth = 0usize;
        let mut scratch = Vec::new();
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    scratch.clear();
                    if !self.string(&mut scratch) {
                        return false;
                    }
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.i += 1;
                        return true;
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        false
    }
}

/// Column numbers and classes of the JSON keys seen so far (bounded).
#[derive(Default)]
pub struct KeyCache {
    /// `(key, field)` in order of first appearance; the index is the column number.
    pub keys: Vec<(Vec<u8>, Field)>,
}

/// Most distinct JSON keys remembered; further keys share one "other" column.
const MAX_KEYS: usize = 256;

impl KeyCache {
    /// Column number of `key`, adding it when new.
    pub fn column(&mut self, key: &[u8]) -> usize {
        if let Some(i) = self.keys.iter().position(|(k, _)| k == key) {
            return i;
        }
        if self.keys.len() >= MAX_KEYS {
            return MAX_KEYS;
        }
        self.keys.push((key.to_vec(), classify(key)));
        self.keys.len() - 1
    }

    /// Class of column `i`.
    pub fn field(&self, i: usize) -> Field {
        self.keys.get(i).map_or(Field::Other, |k| k.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_trailing_empty() {
        let mut r = Record::default();
        split_csv(b"a,\"b,\"\"c\"\"\",,d,", b',', &mut r);
        let v: Vec<&[u8]> = (0..r.fields.len()).map(|i| r.value(i)).collect();
        assert_eq!(v, [&b"a"[..], b"b,\"c\"", b"", b"d", b""]);
    }

    /// The reader's buffer stays within one record cap plus refills whatever the
    /// input: an unterminated 3 MiB quoted field is skipped to the next line feed
    /// and the records after it are read whole.
    #[test]
    fn record_reader_memory_is_bounded() {
        let mut data = b"a,\"".to_vec();
        data.extend(std::iter::repeat_n(b'x', 3 << 20));
        data.extend_from_slice(b"\nnext,1\r\n");
        for i in 0..200_000u32 {
            data.extend_from_slice(format!("\"q,{i}\",\"multi\nline\",{i}\n").as_bytes());
        }
        data.extend_from_slice(b"last,no-terminator");
        let mut rd = RecordReader::new(true);
        let mut src = &data[..];
        let (mut records, mut long, mut bytes) = (0u64, 0u64, 0u64);
        loop {
            match rd.next(&mut src).unwrap() {
                Next::End => break,
                Next::TooLong(n) => {
                    long += 1;
                    bytes += n;
                }
                Next::Record(r) => {
                    records += 1;
                    bytes += r.len() as u64;
                    if records == 1 {
                        assert_eq!(r, b"next,1\r\n");
                    }
                }
            }
            assert!(rd.buf.capacity() <= 2 * (MAX_RECORD + 2 * REFILL));
        }
        assert_eq!((long, records, bytes), (1, 200_002, data.len() as u64));
        let mut lines = RecordReader::new(false);
        let mut src = &b"a\"b\nc\n"[..];
        assert!(matches!(
            lines.next(&mut src).unwrap(),
            Next::Record(b"a\"b\n")
        ));
        assert!(matches!(
            lines.next(&mut src).unwrap(),
            Next::Record(b"c\n")
        ));
        assert!(matches!(lines.next(&mut src).unwrap(), Next::End));
    }

    #[test]
    fn csv_spans_fall_back_for_doubled_quotes() {
        let mut s = Vec::new();
        assert!(csv_spans(b"a,\"b,c\",d", b',', &mut s));
        assert_eq!(s, [(0, 1), (3, 6), (8, 9)]);
        assert!(!csv_spans(b"a,\"b\"\"c\"", b',', &mut s));
        assert!(!csv_spans(b"a,\"b\"x,c", b',', &mut s));
    }

    #[test]
    fn json_values() {
        let mut r = Record::default();
        let mut k = KeyCache::default();
        assert!(split_json(
            br#"{"nik": 3171011708450001, "nama":"A\u0042\"", "x": {"y":[1,"}"]}, "n": null}"#,
            &mut k,
            &mut r
        ));
        assert_eq!(r.value(0), b"3171011708450001");
        assert_eq!(r.value(1), b"AB\"");
        assert_eq!(r.value(2), br#"{"y":[1,"}"]}"#);
        assert_eq!(r.value(3), b"");
        assert_eq!(k.field(0), Field::Nik);
        assert!(!split_json(b"[1,2]", &mut k, &mut r));
        assert!(!split_json(b"{\"a\":", &mut k, &mut r));
    }

    #[test]
    fn swar_find_matches_position() {
        let hay = b"abc,def\n,,xyz0123456789\n\x80\xff,";
        for n in [b',', b'\n', b'z', b'9', 0x80, 0xff, b'Q'] {
            for s in 0..hay.len() {
                let h = &hay[s..];
                assert_eq!(find_byte(h, n), h.iter().position(|&c| c == n));
            }
        }
    }

    #[test]
    fn detection() {
        assert_eq!(detect(b"  {\"a\":1}\n"), InputFormat::JsonLines);
        assert_eq!(detect(b"nik,nama,alamat\n1,2,3\n4,5,6\n"), InputFormat::Csv);
        assert_eq!(detect(b"nik;nama;alamat\n"), InputFormat::Csv);
        assert_eq!(
            detect(b"Laporan, bukan tabel, sama sekali.\nBaris kedua saja\nketiga\n"),
            InputFormat::Text
        );
        assert_eq!(classify(b"No_KK"), Field::Kk);
        assert_eq!(classify(b"Tgl Lahir"), Field::BirthDate);
        assert_eq!(classify(b"keterangan"), Field::Other);
    }
}
