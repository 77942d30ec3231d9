//! Hostile and broken input: invalid UTF-8, NUL bytes, huge lines and digit runs,
//! broken JSON and CSV, mixed line ends, BOMs, non-ASCII digits, and characters an
//! attacker slips into an identifier to hide it from the scanner.
//!
//! Each disguise has its own test saying whether it is detected.
//! Sizes: `IDENTITAS_HUGE_BYTES` sets the digit-run size (default 64 MiB; the full
//! 10 GB run is `IDENTITAS_HUGE_BYTES=10000000000`, see the README's reliability section for times).
#![cfg(feature = "std")]

use identitas::record::{Format, Malformed, RecordStream};
use identitas::redact::{OnMalformed, Policy, RedactStream, Redactor};
use identitas::scan::StreamScanner;
use identitas::{Finding, Kind, Scanner};

const NIK: &str = "3171011708450001";
const NIK_MASKED: &str = "317101**********";

fn kinds(input: &[u8]) -> Vec<(Kind, usize, usize)> {
    Scanner::new()
        .scan(input)
        .iter()
        .map(|f| (f.kind, f.start, f.end))
        .collect()
}

fn redact_text(input: &[u8]) -> Vec<u8> {
    let mut r = Redactor::new(Policy::default()).unwrap();
    let mut out = Vec::new();
    r.redact_text(input, &mut out).unwrap();
    out
}

fn records(
    format: Format,
    policy: Policy,
    input: &[u8],
    chunk: usize,
) -> (Vec<u8>, Vec<Malformed>) {
    let mut s = RecordStream::new(Redactor::new(policy).unwrap(), format);
    let mut out = Vec::new();
    for c in input.chunks(chunk.max(1)) {
        s.push(c, &mut out).unwrap();
    }
    s.finish(&mut out).unwrap();
    (out, s.malformed().to_vec())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn env_size(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn invalid_utf8_around_identifiers_is_scanned_and_kept_byte_for_byte() {
    let input = b"\xff\xfeNIK \xc0\xaf3171011708450001\xed\xa0\x80 tel 0812-3456-7890\x80";
    assert_eq!(kinds(input), [(Kind::Nik, 8, 24), (Kind::Phone, 32, 46)]);
    let out = redact_text(input);
    assert_eq!(out.len(), input.len());
    assert_eq!(&out[..8], &input[..8]);
    assert_eq!(&out[8..24], NIK_MASKED.as_bytes());
    assert_eq!(&out[24..32], &input[24..32]);
    assert_eq!(out.last(), Some(&0x80));
}

#[test]
fn nul_bytes_are_boundaries_not_terminators() {
    let input = b"\0NIK\x003171011708450001\0\0 0812-3456-7890\0";
    assert_eq!(kinds(input), [(Kind::Nik, 5, 21), (Kind::Phone, 24, 38)]);
    let out = redact_text(input);
    assert_eq!(&out[5..21], NIK_MASKED.as_bytes());
    assert_eq!(out.iter().filter(|&&b| b == 0).count(), 5);
    // A NUL inside the number splits it: neither half is an identifier.
    assert!(kinds(b"NIK 31710117\x0008450001").is_empty());
}

#[test]
fn one_megabyte_single_lines() {
    // Text: a 1 MB line of words with a NIK in the middle and at the end.
    let mut line = "lorem ipsum ".repeat(1 << 17).into_bytes();
    line.truncate(1 << 20);
    line.extend_from_slice(format!(" NIK {NIK} ").as_bytes());
    line.extend_from_slice(&line.clone()[..1 << 19]);
    line.extend_from_slice(format!("akhir {NIK}").as_bytes());
    let out = redact_text(&line);
    assert_eq!(out.len(), line.len());
    assert!(!contains(&out, NIK.as_bytes()));
    let mut s = RedactStream::new(Redactor::new(Policy::default()).unwrap());
    let mut streamed = Vec::new();
    for c in line.chunks(65536) {
        s.push(c, &mut streamed).unwrap();
    }
    s.finish(&mut streamed).unwrap();
    assert_eq!(streamed, out);

    // A 1 MB JSON line (under the 1 MiB record limit) is a record; a 2 MB one is
    // over-long and falls back to text, still masking the NIK inside.
    for (size, over) in [(1_000_000, false), (2_000_000, true)] {
        let mut rec = format!("{{\"nik\": \"{NIK}\", \"catatan\": \"").into_bytes();
        rec.resize(size, b'x');
        rec.extend_from_slice(format!(" NIK {NIK}\"}}\n{{\"nama\": \"Budi\"}}\n").as_bytes());
        let (out, bad) = records(Format::Jsonl, Policy::default(), &rec, 65536);
        assert_eq!(bad.len(), usize::from(over), "size {size}");
        assert!(!contains(&out, NIK.as_bytes()), "size {size}");
        assert!(out.ends_with(b"{\"nama\": \"****\"}\n"));
    }
}

/// A run of digits far larger than memory would allow to hold, generated on the fly
/// and pushed through the stream scanner and the stream redactor in 1 MiB chunks.
#[test]
fn huge_digit_run_streams_in_bounded_memory() {
    let total = env_size("IDENTITAS_HUGE_BYTES", 64 << 20);
    let chunk: Vec<u8> = (0..1 << 20).map(|i| b'0' + (i % 7 + 1) as u8).collect();
    let tail = format!(" NIK {NIK}\n");
    let started = std::time::Instant::now();

    let mut scanner = StreamScanner::new(Scanner::new());
    let mut found: Vec<Finding> = Vec::new();
    let mut redact = RedactStream::new(Redactor::new(Policy::default()).unwrap());
    let mut out = Vec::with_capacity(2 << 20);
    let mut sent = 0u64;
    let mut digits_out = 0u64;
    while sent < total {
        let n = (total - sent).min(chunk.len() as u64) as usize;
        let part = &chunk[..n];
        scanner.push(part, &mut |f| found.push(f));
        redact.push(part, &mut out).unwrap();
        digits_out += out.iter().filter(|b| b.is_ascii_digit()).count() as u64;
        // Output is written out as it comes: the stream holds back a bounded amount.
        assert!(
            sent + n as u64 - digits_out <= 4 << 20,
            "stream holds too much"
        );
        out.clear();
        sent += n as u64;
    }
    scanner.push(tail.as_bytes(), &mut |f| found.push(f));
    scanner.finish(&mut |f| found.push(f));
    redact.push(tail.as_bytes(), &mut out).unwrap();
    redact.finish(&mut out).unwrap();
    digits_out += out.iter().filter(|b| b.is_ascii_digit()).count() as u64;
    // Digits inside a longer run are never identifiers; the NIK after it is.
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, Kind::Nik);
    assert_eq!(found[0].start as u64, total + 5);
    assert_eq!(
        digits_out,
        total + 6,
        "every digit of the run passes, the NIK is masked"
    );
    assert!(out.ends_with(format!(" NIK {NIK_MASKED}\n").as_bytes()));
    eprintln!(
        "huge digit run: {} bytes scanned and redacted in {:.2?}",
        total,
        started.elapsed()
    );
}

#[test]
fn deeply_nested_and_truncated_json_fall_back_to_text() {
    let mut input = Vec::new();
    input.extend_from_slice("[".repeat(100_000).as_bytes());
    input.extend_from_slice(format!("\"{NIK}\"\n").as_bytes());
    input.extend_from_slice(format!("{{\"nik\": \"{NIK}\", \"nama\": \"Bu").as_bytes());
    input.extend_from_slice(b"\n{\"a\": {\"b\": {\"c\": [1, 2, {\"no_hp\": \"0812-3456-7890\"\n");
    input.extend_from_slice(format!("{{\"nik\": {NIK}").as_bytes()); // no newline, no brace
    let (out, bad) = records(Format::Jsonl, Policy::default(), &input, 4096);
    let reasons: Vec<&str> = bad.iter().map(|m| m.reason).collect();
    assert_eq!(
        reasons,
        [
            "nested too deeply",
            "unterminated string",
            "expected ',' or '}'",
            "expected ',' or '}'"
        ]
    );
    assert_eq!(bad.iter().map(|m| m.line).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert!(!contains(&out, NIK.as_bytes()));
    assert!(!contains(&out, b"3456-7890"));
    // Under `drop` the broken lines are left out entirely.
    let mut p = Policy::default();
    p.on_malformed = OnMalformed::Drop;
    let (out, bad) = records(Format::Jsonl, p, &input, 7);
    assert_eq!(bad.len(), 4);
    assert!(out.is_empty());
}

#[test]
fn unbalanced_csv_quotes() {
    // An opening quote that never closes swallows the rest of the file into one
    // record; at the end it is malformed and redacted as text: identifiers are masked,
    // names in it are not (they cannot be found without their column).
    let input = format!("nik,nama\n\"{NIK},Budi\n3171015708450001,Ani\n");
    let (out, bad) = records(Format::Csv, Policy::default(), input.as_bytes(), 5);
    assert_eq!(
        bad,
        [Malformed {
            line: 2,
            reason: "unterminated quoted field"
        }]
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "nik,nama\n\"317101**********,Budi\n317101**********,Ani\n"
    );
    // With a 2 MB tail the record is over-long: reported, masked as text.
    let mut big = input.into_bytes();
    big.extend(std::iter::repeat_n(b'x', 2 << 20));
    big.extend_from_slice(format!("\n{NIK},Ani\n").as_bytes());
    let (out, bad) = records(Format::Csv, Policy::default(), &big, 65536);
    assert_eq!(bad[0].reason, "record longer than max_record_bytes");
    assert!(!contains(&out, NIK.as_bytes()));
    // Quotes in the middle of an unquoted field are malformed too.
    let (_, bad) = records(Format::Csv, Policy::default(), b"a,b\n\"x\"y,1\n", 3);
    assert_eq!(bad[0].reason, "character after a closing quote");
}

#[test]
fn crlf_lf_and_cr_mixes_are_kept() {
    let input = format!(
        "nik;no_hp\r\n{NIK};0812-3456-7890\n3171015708450001;+62 812 3456 7890\r\n\r\n\n{NIK};-\r"
    );
    let (out, bad) = records(Format::Csv, Policy::default(), input.as_bytes(), 3);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "nik;no_hp\r\n317101**********;0812-****-*890\n317101**********;+62 812 **** *890\r\n\r\n\n317101**********;-\r"
    );
    let text = format!("a {NIK}\r\nb {NIK}\rc {NIK}\n");
    let out = redact_text(text.as_bytes());
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("a {NIK_MASKED}\r\nb {NIK_MASKED}\rc {NIK_MASKED}\n")
    );
}

#[test]
fn byte_order_marks() {
    // UTF-8 BOM before text, a CSV header and the first JSON line.
    assert_eq!(
        kinds(format!("\u{feff}{NIK}").as_bytes()),
        [(Kind::Nik, 3, 19)]
    );
    let csv = format!("\u{feff}nama,nik\r\nBudi Santoso,{NIK}\r\n");
    let (out, bad) = records(Format::Csv, Policy::default(), csv.as_bytes(), 4);
    assert!(bad.is_empty());
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("\u{feff}nama,nik\r\n**** *******,{NIK_MASKED}\r\n")
    );
    // Regression: the BOM made the first JSON line malformed, so its names were only
    // redacted as free text (left in clear).
    let json = format!("\u{feff}{{\"nama\": \"Budi\", \"nik\": \"{NIK}\"}}\n");
    let (out, bad) = records(Format::Jsonl, Policy::default(), json.as_bytes(), 4);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("\u{feff}{{\"nama\": \"****\", \"nik\": \"{NIK_MASKED}\"}}\n")
    );
    // A BOM anywhere else is just a non-ASCII character: a boundary.
    let text = format!("x\u{feff}{NIK}\u{feff}");
    assert_eq!(kinds(text.as_bytes()), [(Kind::Nik, 4, 20)]);
}

#[test]
fn utf16_input_is_not_scanned() {
    // Documented limitation (README, reliability section): input must be UTF-8 or another
    // ASCII-compatible encoding. In UTF-16 every digit is followed by a NUL byte.
    let u16: Vec<u8> = format!("NIK {NIK}")
        .encode_utf16()
        .flat_map(|c| c.to_le_bytes())
        .collect();
    assert!(kinds(&u16).is_empty());
}

/// Evasion attempts that are detected today (they must stay detected).
#[test]
fn disguised_identifiers_that_are_detected() {
    let cases: &[(&str, Kind)] = &[
        ("NIK \u{200F}3171011708450001\u{200E}", Kind::Nik), // RLM/LRM around
        ("NIK \u{202A}3171011708450001\u{202C}", Kind::Nik), // LRE/PDF around
        ("NIK 3171 0117 0845 0001", Kind::Nik),
        ("NIK 3171  0117  0845  0001", Kind::Nik),
        ("NIK 3 1 7 1 0 1 1 7 0 8 4 5 0 0 0 1", Kind::Nik),
        ("NIK 3171.0117.0845.0001", Kind::Nik),
        ("NIK 3171-0117-0845-0001", Kind::Nik),
        ("NIK 3171/0117/0845/0001", Kind::Nik),
        ("NIK 3171\u{a0}0117\u{a0}0845\u{a0}0001", Kind::Nik),
        ("'3171011708450001", Kind::Nik),
        ("\"3171011708450001\"", Kind::Nik),
        ("NIK\u{0}3171011708450001", Kind::Nik),
        ("NIK=3171011708450001;", Kind::Nik),
        ("BUDI@MAIL.CO.ID", Kind::Email),
    ];
    for &(text, kind) in cases {
        let found = Scanner::new().scan(text.as_bytes());
        assert_eq!(
            found.iter().map(|f| f.kind).collect::<Vec<_>>(),
            [kind],
            "{}",
            text.escape_unicode()
        );
        let out = redact_text(text.as_bytes());
        assert!(!contains(&out, b"0845"), "{}", text.escape_unicode());
    }
}

/// Unicode spaces and dashes between digit groups (what word processors write) are
/// separators like ASCII ones: the value is found, redacted, and parses.
#[test]
fn unicode_spaces_and_dashes_are_separators() {
    let cases: &[&str] = &[
        "NIK 3171\u{2009}0117\u{2009}0845\u{2009}0001", // THIN SPACE
        "NIK 3171\u{202F}0117\u{202F}0845\u{202F}0001", // NARROW NBSP
        "NIK 3171\u{3000}0117\u{3000}0845\u{3000}0001", // IDEOGRAPHIC SPACE
        "NIK 3171\u{2013}0117\u{2013}0845\u{2013}0001", // EN DASH
        "NIK 3171\u{2011}0117\u{2011}0845\u{2011}0001", // NON-BREAKING HYPHEN
        "NIK 32\u{2212}7305\u{2212}601090\u{2212}0009", // MINUS SIGN
    ];
    for text in cases {
        let found = identitas::Scanner::new().scan(text.as_bytes());
        assert_eq!(found.len(), 1, "{}", text.escape_debug());
        let f = found[0];
        assert_eq!(
            (f.kind, f.start, f.end),
            (identitas::Kind::Nik, 4, text.len()),
            "{}",
            text.escape_debug()
        );
        assert!(
            identitas::Nik::parse(&text[4..]).is_ok(),
            "{}",
            text.escape_debug()
        );
        let out = redact_text(text.as_bytes());
        assert_eq!(out.len(), text.len());
        assert!(
            identitas::Scanner::new().scan(&out).is_empty(),
            "{}",
            text.escape_debug()
        );
    }
    // An em dash is not a separator: the groups stay apart (and too short to be anything).
    assert!(
        identitas::Scanner::new()
            .scan("NIK 3171\u{2014}0117\u{2014}0845\u{2014}0001".as_bytes())
            .is_empty()
    );
}

/// Zero-width and invisible characters inside a number join its digit groups (like a
/// dash): an attacker cannot hide a NIK or phone from the scanner with them.
#[test]
fn invisible_characters_do_not_hide_numbers() {
    let cases: &[&str] = &[
        "NIK 3171\u{200B}011708450001",     // ZERO WIDTH SPACE
        "NIK 3171\u{200C}011708450001",     // ZWNJ
        "NIK 3171\u{200D}011708450001",     // ZWJ
        "NIK 3171\u{2060}011708450001",     // WORD JOINER
        "NIK 3171\u{FEFF}011708450001",     // BOM / ZWNBSP
        "NIK 3171\u{00AD}011708450001",     // SOFT HYPHEN
        "NIK 3171\u{200E}011708450001",     // LRM inside
        "NIK 3171\u{200F}011708450001",     // RLM inside
        "tel 0812\u{200B}3456\u{200B}7890", // ZWSP in a phone
    ];
    for text in cases {
        let found = identitas::Scanner::new().scan(text.as_bytes());
        assert_eq!(found.len(), 1, "{}", text.escape_debug());
        assert_eq!(found[0].end, text.len(), "{}", text.escape_debug());
        let out = redact_text(text.as_bytes());
        assert_eq!(out.len(), text.len());
        assert!(
            identitas::Scanner::new().scan(&out).is_empty(),
            "{}",
            text.escape_debug()
        );
    }
    // Glued to more digits the value is a longer number, as it reads on screen.
    assert!(
        identitas::Scanner::new()
            .scan("1\u{200B}3171011708450001".as_bytes())
            .is_empty()
    );
}

/// The NIK written in another script: full-width (U+FF10-FF19), Arabic-Indic
/// (U+0660-0669) or Extended Arabic-Indic (U+06F0-06F9) digits.
fn script(ascii: &str, zero: u32) -> String {
    ascii
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(zero + (c as u32 - '0' as u32)).unwrap(),
            c => c,
        })
        .collect()
}

const FULL_WIDTH: u32 = 0xFF10;
const ARABIC_INDIC: u32 = 0x0660;
const EXT_ARABIC_INDIC: u32 = 0x06F0;

fn redact_with(policy: Policy, input: &[u8]) -> Vec<u8> {
    let mut r = Redactor::new(policy).unwrap();
    let mut out = Vec::new();
    r.redact_text(input, &mut out).unwrap();
    out
}

fn keyed(op: identitas::redact::Operator) -> Policy {
    let mut p = Policy::default();
    p.set_key(&identitas::redact::Key::from_bytes(&(1..=32).collect::<Vec<u8>>()).unwrap());
    p.set_all(op);
    p
}

/// Non-ASCII digits are read as the digits they display: found (span = the value as
/// written), labels before them count, every operator redacts them. Parsers stay ASCII-only.
#[test]
fn non_ascii_digits_are_found_and_redacted() {
    use identitas::Confidence;
    for zero in [FULL_WIDTH, ARABIC_INDIC, EXT_ARABIC_INDIC] {
        for written in [NIK, "3171 0117 0845 0001", "3171.0117.0845.0001"] {
            let value = script(written, zero);
            let text = format!("NIK: {value}, lain");
            let found = Scanner::new().scan(text.as_bytes());
            assert_eq!(found.len(), 1, "{}", text.escape_unicode());
            let f = found[0];
            assert_eq!((f.kind, f.confidence), (Kind::Nik, Confidence::High));
            assert_eq!(&text[f.start..f.end], value, "span is the value as written");
            // Parsers are strict: the caller hands them fields, not free text.
            assert!(identitas::Nik::parse(&value).is_err());

            // Mask: same length, region visible as written, the rest hidden.
            let out = String::from_utf8(redact_text(text.as_bytes())).unwrap();
            assert_eq!(out.len(), text.len());
            assert!(
                out.starts_with(&format!("NIK: {}", script("317101", zero))[..]) || written != NIK
            );
            assert!(Scanner::new().scan(out.as_bytes()).is_empty(), "{out}");
            let hidden: usize = out.matches('\u{FF0A}').count() + out.matches("**").count();
            assert!(hidden >= 10, "{out}");
            // Twice changes nothing.
            assert_eq!(redact_text(out.as_bytes()), out.as_bytes());

            // Placeholder, token and pseudonym.
            let ph = redact_with(
                keyed(identitas::redact::Operator::Placeholder),
                text.as_bytes(),
            );
            assert_eq!(ph, b"NIK: [NIK], lain");
            let tok = redact_with(keyed(identitas::redact::Operator::Token), text.as_bytes());
            let tok_ascii = redact_with(
                keyed(identitas::redact::Operator::Token),
                format!("NIK: {written}, lain").as_bytes(),
            );
            assert_eq!(tok, tok_ascii, "a NIK gets one token in every script");
            let ps = redact_with(
                keyed(identitas::redact::Operator::Pseudonym),
                text.as_bytes(),
            );
            assert_eq!(ps.len(), text.len());
            let ps = String::from_utf8(ps).unwrap();
            assert_ne!(ps, text);
            let pseudo = &ps[f.start..f.end];
            // Written in the same script, and a valid NIK once folded.
            let folded: String = pseudo
                .chars()
                .map(|c| match c as u32 {
                    x if (zero..zero + 10).contains(&x) => char::from_u32(x - zero + 0x30).unwrap(),
                    _ => c,
                })
                .collect();
            assert!(identitas::Nik::parse(&folded).is_ok(), "{folded}");
            assert!(!pseudo.bytes().any(|b| b.is_ascii_digit()), "{pseudo}");
        }
    }
    // Mixed ASCII and non-ASCII digits in one value count too.
    let mixed = format!(
        "3171{}0845{}",
        script("0117", FULL_WIDTH),
        script("0001", ARABIC_INDIC)
    );
    assert_eq!(kinds(mixed.as_bytes()), [(Kind::Nik, 0, mixed.len())]);
    let out = redact_text(mixed.as_bytes());
    assert_eq!(out.len(), mixed.len());
    assert!(Scanner::new().scan(&out).is_empty());
    // Phones too, with their prefix shown.
    let phone = script("0812-3456-7890", FULL_WIDTH);
    let out = String::from_utf8(redact_text(format!("HP {phone}").as_bytes())).unwrap();
    assert_eq!(
        out,
        format!(
            "HP {}",
            script("0812-", FULL_WIDTH)
                + "\u{FF0A}".repeat(4).as_str()
                + "-\u{FF0A}"
                + &script("890", FULL_WIDTH)
        )
    );
    // Glued to more digits of any script the value is a longer number.
    assert!(kinds(format!("{}{NIK}", script("1", FULL_WIDTH)).as_bytes()).is_empty());
    assert!(kinds(format!("{NIK}{}", script("1", ARABIC_INDIC)).as_bytes()).is_empty());
}

/// A full-width NIK cut at every byte offset (inside its 3-byte digits too) comes out
/// of the stream scanner and the stream redactor as from the one-shot ones.
#[test]
fn full_width_nik_at_every_chunk_boundary() {
    let value = script("3171 0117 0845 0001", FULL_WIDTH);
    let text = format!("pasien NIK {value} dirujuk, email budi\u{FF11}\u{FF20}mail.co.id.\n");
    let input = text.as_bytes();
    let whole = Scanner::new().scan(input);
    assert_eq!(
        whole.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [Kind::Nik, Kind::Email]
    );
    let once = redact_text(input);
    assert!(!contains(&once, script("0845", FULL_WIDTH).as_bytes()));
    for cut in 0..=input.len() {
        let mut stream = StreamScanner::new(Scanner::new());
        let mut found = Vec::new();
        stream.push(&input[..cut], &mut |f| found.push(f));
        stream.push(&input[cut..], &mut |f| found.push(f));
        stream.finish(&mut |f| found.push(f));
        assert_eq!(found, whole, "cut {cut}");
        let mut r = RedactStream::new(Redactor::new(Policy::default()).unwrap());
        let mut out = Vec::new();
        r.push(&input[..cut], &mut out).unwrap();
        r.push(&input[cut..], &mut out).unwrap();
        r.finish(&mut out).unwrap();
        assert_eq!(out, once, "cut {cut}");
    }
    // One byte at a time, and behind a long prefix so the windows slide.
    let mut long = "x ".repeat(3000).into_bytes();
    long.extend_from_slice(input);
    long.extend_from_slice("y ".repeat(3000).as_bytes());
    let whole = Scanner::new().scan(&long);
    let once = redact_text(&long);
    for chunk in [1, 2, 3, 7, 64, 1000] {
        let mut stream = StreamScanner::new(Scanner::new());
        let mut found = Vec::new();
        let mut r = RedactStream::new(Redactor::new(Policy::default()).unwrap());
        let mut out = Vec::new();
        for c in long.chunks(chunk) {
            stream.push(c, &mut |f| found.push(f));
            r.push(c, &mut out).unwrap();
        }
        stream.finish(&mut |f| found.push(f));
        r.finish(&mut out).unwrap();
        assert_eq!(found, whole, "chunk {chunk}");
        assert_eq!(out, once, "chunk {chunk}");
    }
    // A run of full-width digits far longer than the windows: nothing in it is a value.
    let run = script(&"12345678".repeat(200), FULL_WIDTH);
    let mut stream = StreamScanner::new(Scanner::new());
    let mut found = Vec::new();
    for c in run.as_bytes().chunks(100) {
        stream.push(c, &mut |f| found.push(f));
    }
    stream.push(format!(" {value}").as_bytes(), &mut |f| found.push(f));
    stream.finish(&mut |f| found.push(f));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].start, run.len() + 1);
}

/// Findings of different kinds never overlap; the first to start wins (README,
/// "Overlaps between kinds"): a phone whose last group runs into an address takes the
/// address's local part, while an address whose local part is a whole phone number is
/// the address.
#[test]
fn number_running_into_an_address_is_the_number() {
    let text = b"(022) 1234 002@mail.co.id 081234567890@mail.co.id";
    let want = [
        (Kind::Phone, 0, 14),  // `(022) 1234 002`
        (Kind::Email, 26, 49), // `081234567890@mail.co.id`
    ];
    assert_eq!(kinds(text), want);
    let out = redact_text(text);
    assert!(!contains(&out, b"081234567890"));
    assert!(!contains(&out[..14], b"1234"), "the phone is masked");
}

/// E-mail addresses hidden with a full-width at sign or an invisible character, and
/// overlapping addresses: redaction leaves no address in clear.
#[test]
fn disguised_and_overlapping_emails() {
    let cases: &[(&str, &str)] = &[
        // (input, what the finding spans)
        ("budi\u{FF20}mail.co.id", "budi\u{FF20}mail.co.id"),
        ("budi\u{200B}@mail.co.id", "budi\u{200B}@mail.co.id"),
        (
            "bu\u{200D}di@mail\u{200B}.co.id",
            "bu\u{200D}di@mail\u{200B}.co.id",
        ),
        ("budi@\u{2060}mail.co.id", "budi@\u{2060}mail.co.id"),
        (
            "budi\u{FEFF}\u{200F}@mail.co.id",
            "budi\u{FEFF}\u{200F}@mail.co.id",
        ),
        (
            "kirim ke \u{200B}budi@mail.co.id\u{200B}.",
            "budi@mail.co.id",
        ),
        // Overlapping: one finding for the chain, masked up to its last `@`.
        ("x@budi.santoso@gmail.com", "x@budi.santoso@gmail.com"),
        (
            "a@b.co@budi.santoso@gmail.com",
            "a@b.co@budi.santoso@gmail.com",
        ),
        // The next local part goes on past the domain (found by the fuzzer: the
        // second address was left in clear).
        ("x@budi.santoso%k@gmail.com", "x@budi.santoso%k@gmail.com"),
        ("x@budi.santoso-@gmail.com.", "x@budi.santoso-@gmail.com"),
        (
            "x@budi.santoso\u{200B}+k@gmail.com",
            "x@budi.santoso\u{200B}+k@gmail.com",
        ),
    ];
    for &(text, span) in cases {
        let found = Scanner::new().scan(text.as_bytes());
        assert_eq!(found.len(), 1, "{}", text.escape_debug());
        assert_eq!(found[0].kind, Kind::Email);
        assert_eq!(
            &text[found[0].start..found[0].end],
            span,
            "{}",
            text.escape_debug()
        );
        let out = redact_text(text.as_bytes());
        assert_eq!(out.len(), text.len());
        assert!(
            !contains(&out, b"budi"),
            "{}",
            String::from_utf8_lossy(&out)
        );
        assert!(
            !contains(&out, b"santoso"),
            "{}",
            String::from_utf8_lossy(&out)
        );
        assert!(
            Scanner::new().scan(&out).is_empty(),
            "{}",
            String::from_utf8_lossy(&out)
        );
        assert_eq!(redact_text(&out), out, "idempotent");
    }
    assert_eq!(
        redact_text(b"x@budi.santoso@gmail.com"),
        b"**************@gmail.com"
    );
    // Zero-width padding before an address is not part of it and does not hide it.
    let padded = format!("{}budi@mail.co.id", "\u{200B}".repeat(40));
    let found = Scanner::new().scan(padded.as_bytes());
    assert_eq!((found[0].start, found[0].end), (120, padded.len()));
}

/// `1(021) 5550123`: a fixed-line number glued to a digit before its bracketed area
/// code: the bracketed area code delimits the number by itself, so the phone is found.
#[test]
fn glued_paren_phone_is_redacted() {
    let out = redact_text(b"1(021) 5550123");
    assert!(
        !contains(&out, b"5550123"),
        "{}",
        String::from_utf8_lossy(&out)
    );
}

/// Forms deliberately not treated as one identifier (documented decisions).
#[test]
fn deliberate_non_matches() {
    for text in [
        "NIK:3171011708450001a",      // touching a letter: part of a longer token
        "a3171011708450001",          // idem
        "NIK 3171O11708450001",       // letter O for zero: not a number
        "NIK 3171\t0117\t0845\t0001", // TAB separates columns, not digit groups
        "NIK 3171,0117,0845,0001",    // comma separates values
        "NIK 3171_0117_0845_0001",    // underscore is a word character
        "NIK 1000548071101713",       // bytes reversed (RLO display trick) - not a NIK
    ] {
        assert!(kinds(text.as_bytes()).is_empty(), "{text}");
    }
}

/// Regression (found by the `records` fuzz target): a complete record longer than
/// `max_record_bytes` was accepted when it arrived in one push but reported as
/// over-long when it arrived in pieces, so output depended on chunking.
#[test]
fn record_limit_does_not_depend_on_chunking() {
    let input = format!(
        "{{\"nik\": \"{NIK}\", \"nama\": \"Budi\", \"a\": [1, {{\"no_hp\": 6281234567890}}], \"x\": null}}\n\
         {{\"catatan\": \"NIK 3171015708450001\", \"n\": {NIK}}}\n[1,2,{{\"k\":true}}]\n"
    );
    let mut p = Policy::default();
    p.max_record_bytes = 64;
    let (whole, bad_whole) = records(Format::Jsonl, p.clone(), input.as_bytes(), usize::MAX);
    for chunk in [1, 5, 63, 64, 65, 100] {
        let (out, bad) = records(Format::Jsonl, p.clone(), input.as_bytes(), chunk);
        assert_eq!(out, whole, "chunk {chunk}");
        assert_eq!(bad, bad_whole, "chunk {chunk}");
    }
    assert_eq!(bad_whole.len(), 1);
    assert_eq!(bad_whole[0].line, 1);
    // CSV: a quoted newline inside an over-long record.
    let csv = format!(
        "catatan,nik\n\"{}\n{}\",{NIK}\nok,{NIK}\n",
        "a".repeat(70),
        "b".repeat(10)
    );
    let (whole, bad_whole) = records(Format::Csv, p.clone(), csv.as_bytes(), usize::MAX);
    for chunk in [1, 3, 50, 64, 80] {
        let (out, bad) = records(Format::Csv, p.clone(), csv.as_bytes(), chunk);
        assert_eq!(out, whole, "csv chunk {chunk}");
        assert_eq!(bad, bad_whole, "csv chunk {chunk}");
    }
    assert!(!contains(&whole, NIK.as_bytes()));
}

/// The longest values in bytes are e-mail addresses written in full-width digits
/// (3 bytes each): the stream redactor's hold-back window must cover them whole, or
/// a split would let it decide on a truncated view and emit part of one in clear.
#[test]
fn long_full_width_email_in_any_chunking() {
    let fw = |n: usize| -> String {
        (0..n)
            .map(|i| char::from_u32(0xFF10 + (i % 10) as u32).unwrap())
            .collect()
    };
    let address = format!("{}@{}.{}.{}.id", fw(60), fw(60), fw(60), fw(60));
    let filler = "kata ".repeat(400);
    let text = format!("{filler}surel {address} selesai {filler}");
    let input = text.as_bytes();
    assert!(address.len() > 700);
    let one = redact_text(input);
    assert!(!contains(&one, address.as_bytes()), "found in one pass");
    for chunk in [1, 13, 64, 100, 333, 700, 1000] {
        let mut s = RedactStream::new(Redactor::new(Policy::default()).unwrap());
        let mut out = Vec::new();
        for c in input.chunks(chunk) {
            s.push(c, &mut out).unwrap();
        }
        s.finish(&mut out).unwrap();
        assert_eq!(out, one, "chunks of {chunk}");
    }
}
