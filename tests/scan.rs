//! Behaviour of the scanner: kinds, separators, labels, look-alikes, overlaps, streaming.

use identitas::Kind;
use identitas::scan::{Confidence, Finding, MAX_FINDING_LEN, ScanConfig, Scanner, StreamScanner};

/// `(kind, text, confidence)` of every finding.
fn found(input: &str) -> Vec<(Kind, String, Confidence)> {
    found_hint(input, None)
}

fn found_hint(input: &str, hint: Option<Kind>) -> Vec<(Kind, String, Confidence)> {
    let mut out = Vec::new();
    Scanner::new().scan_into(input.as_bytes(), hint, &mut out);
    out.iter()
        .map(|f| {
            (
                f.kind,
                String::from_utf8_lossy(&input.as_bytes()[f.start..f.end]).into_owned(),
                f.confidence,
            )
        })
        .collect()
}

fn kinds_texts(input: &str) -> Vec<(Kind, String)> {
    found(input).into_iter().map(|(k, t, _)| (k, t)).collect()
}

fn one(input: &str) -> (Kind, String) {
    let f = kinds_texts(input);
    assert_eq!(f.len(), 1, "{input:?}: {f:?}");
    f[0].clone()
}

fn none(input: &str) {
    let f = kinds_texts(input);
    assert!(f.is_empty(), "{input:?}: {f:?}");
}

#[test]
fn doc_example() {
    let f = found("Pasien NIK 3171 0117 0845 0001, HP +62 812-3456-7890, email budi@mail.co.id");
    assert_eq!(f.len(), 3, "{f:?}");
}

#[test]
fn every_kind_with_its_separators() {
    use Kind::*;
    for (input, kind, text) in [
        ("3171011708450001", Nik, "3171011708450001"),
        ("NIK: 3171 0117 0845 0001.", Nik, "3171 0117 0845 0001"),
        ("nik 32.7305.601090.0009", Nik, "32.7305.601090.0009"),
        ("35-02-02-51-02-01-9912 x", Nik, "35-02-02-51-02-01-9912"),
        ("'3171015708450001", Nik, "3171015708450001"),
        (
            "ktp\u{a0}3171\u{a0}0157\u{a0}0845\u{a0}0001",
            Nik,
            "3171\u{a0}0157\u{a0}0845\u{a0}0001",
        ),
        ("No. KK: 3273-05-120315-0007", Kk, "3273-05-120315-0007"),
        ("npwp 01.312.166.0-091.000", Npwp, "01.312.166.0-091.000"),
        (
            "02 . 433 . 917 . 8 - 011 . 000",
            Npwp,
            "02 . 433 . 917 . 8 - 011 . 000",
        ),
        ("083.132.665.7-201.000", Npwp, "083.132.665.7-201.000"),
        ("NPWP: 3171011708450001", Npwp, "3171011708450001"),
        ("0831326657201000000003", Nitku, "0831326657201000000003"),
        ("noka 0001944358911", BpjsKesehatan, "0001944358911"),
        ("0011336526592", BpjsKesehatan, "0011336526592"),
        ("No. Kartu: 1234567890123", BpjsKesehatan, "1234567890123"),
        ("NIP 19660801 198803 1 001", Nip, "19660801 198803 1 001"),
        ("19660801.198803.1.001", Nip, "19660801.198803.1.001"),
        ("HP 0812-3456-7890", Phone, "0812-3456-7890"),
        ("+62 812-3456-7890", Phone, "+62 812-3456-7890"),
        ("wa: 6281234567890", Phone, "6281234567890"),
        ("+62 855-1234-567", Phone, "+62 855-1234-567"),
        ("0851 5512 3456", Phone, "0851 5512 3456"),
        ("kantor (021) 5550123", Phone, "(021) 5550123"),
        ("+62 21 5550123", Phone, "+62 21 5550123"),
        ("Telp: 0274 512345", Phone, "0274 512345"),
        ("+6208123456789", Phone, "+6208123456789"),
        ("HP +62 (0)812-3456-7890.", Phone, "+62 (0)812-3456-7890"),
        ("+62(0)81234567890", Phone, "+62(0)81234567890"),
        ("telp +62 (0) 21 5550123", Phone, "+62 (0) 21 5550123"),
        ("budi.santoso@mail.co.id", Email, "budi.santoso@mail.co.id"),
        ("<a href=\"mailto:SITI_01@Go.Id\">", Email, "SITI_01@Go.Id"),
        (
            "card 4111 1111 1111 1111",
            PaymentCard,
            "4111 1111 1111 1111",
        ),
        ("5555-5555-5555-4444", PaymentCard, "5555-5555-5555-4444"),
        ("3782 822463 10005", PaymentCard, "3782 822463 10005"),
        ("KPJ 12345678901", BpjsKetenagakerjaan, "12345678901"),
    ] {
        assert_eq!(one(input), (kind, text.to_string()), "{input:?}");
    }
}

#[test]
fn look_alikes_are_not_found() {
    for input in [
        "Rp 12.500.000",
        "Rp 1.234.567.890.123",
        "+63 (0)812-3456-7890",
        "+62 (0)841-2345-6789",
        "+62 (1)812-3456-7890",
        "+62 (0)",
        "total 3.171.011.708.450.001",
        "Total: Rp 3171011708450001",
        "Order ID: 3171011708450001",
        "ORD-3171011708450001",
        "INV/2024/3171011708450001",
        "A3171011708450001",
        "3171011708450001X",
        "3171011708450001-A",
        "id_3171011708450001",
        "123171011708450001999",
        "12-3171011708450001",
        "3171011708450001.5",
        "1234567890123456",
        "3171013508450001",
        "3171018108900001",
        "3171011713450001",
        "3171011708450000",
        "0171011708450001",
        "2222222222222222",
        "17-08-1945",
        "2024-01-15T10:30:00Z",
        "2024-01-15 10:30:00",
        "20240115103000",
        "1700000000000",
        "192.168.100.200",
        "10.100.200.150:8080",
        "v3.171.011.708",
        "1.2.3",
        "2.16.840.1.113883",
        "08412345678",
        "0800 1234567",
        "62215550123",
        "021-5550123",
        "01.451.869.7-054.000",
        "4111 1111 1111 1112",
        "a@b.c",
        "user@localhost",
        "1234 5678 9012 3456",
        "3.17101E+15",
    ] {
        none(input);
    }
}

#[test]
fn labels_decide_between_look_alikes() {
    use Confidence::*;
    use Kind::*;
    // Valid as NIK and KK: a NIK unless labelled KK.
    let both = "3171011708450001";
    assert_eq!(found(both), [(Nik, both.into(), Low)]);
    assert_eq!(found(&format!("NIK: {both}")), [(Nik, both.into(), High)]);
    assert_eq!(found(&format!("No. KK {both}")), [(Kk, both.into(), High)]);
    assert_eq!(
        found(&format!("Nomor Kartu Keluarga: {both}")),
        [(Kk, both.into(), High)]
    );
    assert_eq!(
        found(&format!("{{\"no_kk\":\"{both}\"}}")),
        [(Kk, both.into(), High)]
    );
    assert_eq!(found(&format!("NPWP {both}")), [(Npwp, both.into(), High)]);
    // Female day: cannot be a KK.
    let woman = "3171015708450001";
    assert_eq!(found(woman), [(Nik, woman.into(), Medium)]);
    assert_eq!(
        found(&format!("No. KK {woman}")),
        [(Nik, woman.into(), Low)]
    );
    // BPJS fields often hold a NIK: found as NIK.
    assert_eq!(
        found(&format!("No. BPJS: {woman}")),
        [(Nik, woman.into(), Low)]
    );
    // 13 digits: BPJS only when starting 00 or labelled.
    assert_eq!(
        found("0001944358911"),
        [(BpjsKesehatan, "0001944358911".into(), Low)]
    );
    assert_eq!(
        found("noka: 0001944358911"),
        [(BpjsKesehatan, "0001944358911".into(), High)]
    );
    assert!(found("1944358911123").is_empty());
    assert_eq!(
        found("No. BPJS 1944358911123"),
        [(BpjsKesehatan, "1944358911123".into(), High)]
    );
    // Phones.
    assert_eq!(
        found("HP: 081234567890"),
        [(Phone, "081234567890".into(), High)]
    );
    assert_eq!(
        found("081234567890"),
        [(Phone, "081234567890".into(), Medium)]
    );
    assert!(found("0274512345").is_empty()); // fixed line, unlabelled, bare
    assert_eq!(
        found("Telp. 0274512345"),
        [(Phone, "0274512345".into(), High)]
    );
    // Card vs NIK: a NIK unless labelled card.
    let jcb_nik = "3528011708450006";
    let f = found(jcb_nik);
    assert_eq!(f[0].0, Nik, "{f:?}");
    assert_eq!(found(&format!("kartu kredit {jcb_nik}"))[0].0, PaymentCard);
    // Email labels.
    assert_eq!(found("email: a.b@c.id"), [(Email, "a.b@c.id".into(), High)]);
}

#[test]
fn hint_acts_as_label() {
    use Confidence::*;
    use Kind::*;
    let both = "3171011708450001";
    assert_eq!(found_hint(both, Some(Kk)), [(Kk, both.into(), High)]);
    assert_eq!(found_hint(both, Some(Nik)), [(Nik, both.into(), High)]);
    assert_eq!(found_hint(both, Some(Phone)), [(Nik, both.into(), Low)]);
    assert_eq!(
        found_hint("1944358911123", Some(BpjsKesehatan)),
        [(BpjsKesehatan, "1944358911123".into(), High)]
    );
    assert_eq!(
        found_hint("0274 512345", Some(Phone)),
        [(Phone, "0274 512345".into(), High)]
    );
}

#[test]
fn several_values_in_a_row() {
    use Kind::*;
    assert_eq!(
        kinds_texts("3171011708450001 081234567890 3273051203150007"),
        [
            (Nik, "3171011708450001".into()),
            (Phone, "081234567890".into()),
            (Nik, "3273051203150007".into())
        ]
    );
    assert_eq!(
        kinds_texts("3171 0117 0845 0001 0812 3456 7890"),
        [
            (Nik, "3171 0117 0845 0001".into()),
            (Phone, "0812 3456 7890".into())
        ]
    );
    assert_eq!(
        kinds_texts("0011336526592,3171015708450001,budi@x.id,6281234567890"),
        [
            (BpjsKesehatan, "0011336526592".into()),
            (Nik, "3171015708450001".into()),
            (Email, "budi@x.id".into()),
            (Phone, "6281234567890".into())
        ]
    );
    // The e-mail address is longer and starts at the same byte: one finding.
    assert_eq!(
        kinds_texts("081234567890@s.whatsapp.net"),
        [(Email, "081234567890@s.whatsapp.net".into())]
    );
    assert_eq!(
        kinds_texts("\"3171015708450001\""),
        [(Nik, "3171015708450001".into())]
    );
}

#[test]
fn findings_are_ordered_and_disjoint() {
    let text = "NIK 3171015708450001 HP +62 812 3456 7890 (021) 5550123 e a@b.co 4111111111111111";
    let f = Scanner::new().scan(text.as_bytes());
    assert_eq!(f.len(), 5, "{f:?}");
    for w in f.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn config_limits_kinds() {
    let s = Scanner::with_config(ScanConfig::only(&[Kind::Email]));
    let f = s.scan(b"3171015708450001 a@b.co");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, Kind::Email);
    let s = Scanner::with_config(ScanConfig::only(&[Kind::Phone]));
    assert!(s.scan(b"3171015708450001").is_empty());
}

#[test]
fn non_utf8_input() {
    let mut input = vec![0xff, 0xfe, b' '];
    input.extend_from_slice(b"NIK:3171015708450001");
    input.extend_from_slice(&[0xc3, 0x28, 0xa0, b' ']);
    input.extend_from_slice(b"x@y.id\x80\x00 0812-3456-7890\xc2");
    let f = Scanner::new().scan(&input);
    let kinds: Vec<Kind> = f.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::Nik, Kind::Email, Kind::Phone]);
}

fn stream_all(input: &[u8], cuts: &[usize]) -> Vec<Finding> {
    let mut s = StreamScanner::new(Scanner::new());
    let mut out = Vec::new();
    let mut prev = 0;
    for &c in cuts {
        s.push(&input[prev..c], &mut |f| out.push(f));
        prev = c;
    }
    s.push(&input[prev..], &mut |f| out.push(f));
    s.finish(&mut |f| out.push(f));
    out
}

fn sample() -> Vec<u8> {
    let mut text = Vec::new();
    for i in 0..3 {
        text.extend_from_slice(
            format!(
                "{i}: NIK 3171 0117 0845 0001; No. KK 3273-05-120315-0007, HP +62 812-3456-7890, \
                 email budi.{i}@mail.co.id; npwp 01.312.166.0-091.000 Rp 12.500.000 noka 0001944358911\n"
            )
            .as_bytes(),
        );
    }
    text.extend_from_slice(&[0xc2, 0xa0]);
    text.extend_from_slice(b"3171\xc2\xa00157\xc2\xa00845\xc2\xa00001 x");
    text
}

#[test]
fn stream_matches_one_shot_at_every_cut() {
    let text = sample();
    let whole = Scanner::new().scan(&text);
    assert!(whole.len() >= 19, "{}", whole.len());
    for cut in 0..=text.len() {
        assert_eq!(stream_all(&text, &[cut]), whole, "cut at {cut}");
    }
    for a in (0..text.len()).step_by(7) {
        for b in (a..text.len()).step_by(13) {
            assert_eq!(stream_all(&text, &[a, b]), whole, "cuts at {a}, {b}");
        }
    }
}

#[test]
fn stream_byte_by_byte_and_big_chunks() {
    let text = sample();
    let whole = Scanner::new().scan(&text);
    let cuts: Vec<usize> = (1..text.len()).collect();
    assert_eq!(stream_all(&text, &cuts), whole);
    // A long input in big chunks: offsets are absolute.
    let mut big = Vec::new();
    while big.len() < 200_000 {
        big.extend_from_slice(&text);
        big.extend_from_slice(b" lorem ipsum dolor sit amet ".repeat(37).as_slice());
    }
    let whole = Scanner::new().scan(&big);
    for chunk in [MAX_FINDING_LEN, 1000, 4096, 65536, 150_000] {
        let cuts: Vec<usize> = (chunk..big.len()).step_by(chunk).collect();
        assert_eq!(stream_all(&big, &cuts), whole, "chunk {chunk}");
    }
}

#[test]
fn stream_is_reusable_and_reports_offsets() {
    let mut s = StreamScanner::new(Scanner::new());
    let mut out = Vec::new();
    s.push(b"HP 081234567890 ", &mut |f| out.push(f));
    assert_eq!(s.offset(), 16);
    assert!(s.safe_offset() <= 16);
    s.finish(&mut |f| out.push(f));
    assert_eq!(out.len(), 1);
    assert_eq!((out[0].start, out[0].end), (3, 15));
    s.push(b"081234567890", &mut |f| out.push(f));
    s.finish(&mut |f| out.push(f));
    assert_eq!((out[1].start, out[1].end), (0, 12));
}

#[test]
fn bracketed_area_code_after_a_glued_character() {
    // The bracket delimits by itself: a `1` (or a letter) glued before `(021)` does not
    // hide the phone number after it (it was left in clear by redaction).
    for (input, want) in [
        ("1(021) 5550123", "(021) 5550123"),
        ("Telp 1(021) 5550123", "(021) 5550123"),
        ("x(021)5550123.", "(021)5550123"),
        ("62(0274) 512345", "(0274) 512345"),
    ] {
        assert_eq!(one(input), (Kind::Phone, want.to_string()), "{input:?}");
    }
    // The digits after the bracket still must not run into a word.
    none("1(021) 5550123x");
    none("1(021)");
}

#[test]
fn digits_spaced_one_by_one() {
    // Every digit a group (an evasion): still one value, whatever the work per start.
    assert_eq!(
        one("NIK 3 1 7 1 0 1 1 7 0 8 4 5 0 0 0 1"),
        (Kind::Nik, "3 1 7 1 0 1 1 7 0 8 4 5 0 0 0 1".to_string())
    );
    assert_eq!(
        one("NIK 31 71 01 17 08 45 00 01"),
        (Kind::Nik, "31 71 01 17 08 45 00 01".to_string())
    );
}
