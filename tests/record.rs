//! CSV and JSON-lines records: quoting, byte identity, classification, malformed records, streaming.
#![cfg(feature = "std")]

use identitas::record::{Format, Malformed, RecordError, RecordStream};
use identitas::redact::{ColumnAction, FieldClass, OnMalformed, Policy, Redactor};
use proptest::prelude::*;

fn run(format: Format, policy: Policy, input: &[u8], chunk: usize) -> (Vec<u8>, Vec<Malformed>) {
    let mut s = RecordStream::new(Redactor::new(policy).unwrap(), format);
    let mut out = Vec::new();
    for c in input.chunks(chunk.max(1)) {
        s.push(c, &mut out).unwrap();
    }
    s.finish(&mut out).unwrap();
    (out, s.malformed().to_vec())
}

#[test]
fn csv_columns() {
    let input = b"No. KTP;Nama;alamat;no_hp;tgl_lahir;jenis_kelamin;diagnosa\n\
3171011708450001;\"Siti; A\";\"Jl. Mawar 1\nRT 02\";0812-3456-7890;20/10/1990;P;demam\r\n";
    let (out, bad) = run(Format::Csv, Policy::default(), input, 7);
    assert!(bad.is_empty());
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "No. KTP;Nama;alamat;no_hp;tgl_lahir;jenis_kelamin;diagnosa\n\
317101**********;\"***** *\";\"*** ***** *\n** **\";0812-****-*890;**/**/1990;*;demam\r\n"
    );
}

#[test]
fn csv_column_overrides_and_drop() {
    let mut p = Policy::default();
    p.set_class_action(FieldClass::Address, ColumnAction::Drop);
    p.set_column("Nama", ColumnAction::Keep);
    let (out, _) = run(Format::Csv, p, b"nama,alamat\nBudi,\"Jl. X\"\n", 3);
    assert_eq!(out, b"nama,alamat\nBudi,\"\"\n");
}

#[test]
fn csv_malformed_is_reported_and_redacted_as_text() {
    let input = b"nik,nama\n3171011708450001,\"Budi\"x\n3171011708450001,Ani\n1,2,3\n";
    let (out, bad) = run(Format::Csv, Policy::default(), input, 5);
    assert_eq!(
        bad,
        [
            Malformed {
                line: 2,
                reason: "character after a closing quote"
            },
            Malformed {
                line: 4,
                reason: "field count differs from the header"
            },
        ]
    );
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("nik,nama\n"));
    assert!(text.contains("317101**********,***\n"));
    assert!(
        text.ends_with("1,2,3\n"),
        "malformed lines are kept (scanned as text)"
    );
    let mut p = Policy::default();
    p.on_malformed = OnMalformed::Reject;
    let mut s = RecordStream::new(Redactor::new(p).unwrap(), Format::Csv);
    let mut o = Vec::new();
    let err = s.push(input, &mut o).unwrap_err();
    assert_eq!(
        err,
        RecordError::Rejected(Malformed {
            line: 2,
            reason: "character after a closing quote"
        })
    );
}

#[test]
fn jsonl_keys_and_numbers() {
    let input = br#"{"nik": 3171011708450001, "pasien": {"nama": "Budi", "no_hp": ["0812-3456-7890"]}, "tgl_lahir": "1990-10-20", "ok": true}
not json
{"catatan":"x"}"#;
    let (out, bad) = run(Format::Jsonl, Policy::default(), input, 4);
    assert_eq!(
        bad,
        [Malformed {
            line: 2,
            reason: "unexpected character"
        }]
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"nik": "317101**********", "pasien": {"nama": "****", "no_hp": ["0812-****-*890"]}, "tgl_lahir": "1990-**-**", "ok": true}
not json
{"catatan":"x"}"#
    );
}

#[test]
fn over_long_records_fall_back_to_text() {
    let mut p = Policy::default();
    p.max_record_bytes = 1024;
    let mut input = b"{\"nik\": \"".to_vec();
    input.extend(std::iter::repeat_n(b'a', 3000));
    input.extend_from_slice(b"\"}\n{\"nama\": \"Budi\"}\n");
    let (out, bad) = run(Format::Jsonl, p, &input, 100);
    assert_eq!(
        bad,
        [Malformed {
            line: 1,
            reason: "record longer than max_record_bytes"
        }]
    );
    assert_eq!(out.len(), input.len());
    assert!(out.ends_with(b"{\"nama\": \"****\"}\n"));
}

proptest! {
    #[test]
    fn csv_round_trips_unredacted_fields_and_any_chunking(
        rows in prop::collection::vec(prop::collection::vec("[a-z \",\n]{0,8}", 3), 0..6),
        chunk in 1usize..50,
        crlf in any::<bool>(),
    ) {
        // RFC 4180 writer: quote every field, double quotes.
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut csv = format!("catatan,keterangan,lain{eol}");
        for r in &rows {
            let fields: Vec<String> = r.iter().map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect();
            csv.push_str(&fields.join(","));
            csv.push_str(eol);
        }
        let (out, bad) = run(Format::Csv, Policy::default(), csv.as_bytes(), chunk);
        prop_assert!(bad.is_empty());
        // No identifiers and scan-only columns: output is the input, byte for byte.
        prop_assert_eq!(String::from_utf8(out).unwrap(), csv.clone());
        let (one, _) = run(Format::Csv, Policy::default(), csv.as_bytes(), csv.len());
        prop_assert_eq!(one, csv.into_bytes());
    }

    #[test]
    fn csv_name_column_keeps_length_under_any_quoting(name in "[A-Za-z ,\"\n]{0,20}", chunk in 1usize..30) {
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        let csv = format!("nama,nik\n{quoted},3171011708450001\n");
        let (out, bad) = run(Format::Csv, Policy::default(), csv.as_bytes(), chunk);
        prop_assert!(bad.is_empty());
        prop_assert_eq!(out.len(), csv.len());
        let text = String::from_utf8(out).unwrap();
        prop_assert!(text.ends_with(",317101**********\n"));
        prop_assert!(!text[9..].chars().any(|c| c.is_ascii_alphabetic()));
    }
}

/// A CSV or JSON-lines field value: identifiers, names, quotes, delimiters, newlines.
fn arb_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("3171011708450001".to_string()),
        Just("0812-3456-7890".to_string()),
        Just("budi@contoh.co.id".to_string()),
        "[a-z ,;\"\n]{0,10}",
        "[0-9]{0,18}",
    ]
}

fn csv_row(cells: &[String], eol: &str, broken: bool) -> String {
    let fields: Vec<String> = cells
        .iter()
        .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
        .collect();
    let mut row = fields.join(",");
    if broken {
        // A character after a closing quote: a malformed record.
        row.push('x');
    }
    row.push_str(eol);
    row
}

proptest! {
    /// Records cut anywhere by chunk boundaries (inside quotes, between CR and LF)
    /// give the same output and the same malformed-record lines as one push.
    #[test]
    fn csv_chunking_never_changes_output_or_reports(
        rows in prop::collection::vec((prop::collection::vec(arb_cell(), 4), any::<bool>(), 0u8..8), 0..8),
        chunk in 1usize..64,
    ) {
        let mut csv = String::from("nik,nama,no_hp,catatan\r\n");
        for (cells, crlf, broken) in &rows {
            csv.push_str(&csv_row(cells, if *crlf { "\r\n" } else { "\n" }, *broken == 0));
        }
        let (one, bad_one) = run(Format::Csv, Policy::default(), csv.as_bytes(), csv.len().max(1));
        let (out, bad) = run(Format::Csv, Policy::default(), csv.as_bytes(), chunk);
        prop_assert_eq!(&out, &one);
        prop_assert_eq!(bad, bad_one);
        // Masks keep lengths, so unless a record was malformed and rescanned as
        // text the output has the input's length.
        prop_assert_eq!(out.len(), csv.len());
        prop_assert!(!String::from_utf8_lossy(&out).contains("3171011708450001"));
    }

    #[test]
    fn jsonl_chunking_never_changes_output_or_reports(
        rows in prop::collection::vec((arb_cell(), arb_cell(), any::<bool>()), 0..8),
        chunk in 1usize..64,
    ) {
        let mut text = String::new();
        for (a, b, broken) in &rows {
            let line = serde_json::json!({"nik": a, "x": {"no_hp": b}}).to_string();
            text.push_str(&line);
            if *broken {
                text.push_str(" x");
            }
            text.push('\n');
        }
        let (one, bad_one) = run(Format::Jsonl, Policy::default(), text.as_bytes(), text.len().max(1));
        let (out, bad) = run(Format::Jsonl, Policy::default(), text.as_bytes(), chunk);
        prop_assert_eq!(&out, &one);
        prop_assert_eq!(bad, bad_one);
        prop_assert!(!String::from_utf8_lossy(&out).contains("3171011708450001"));
    }
}

#[test]
fn over_long_csv_record_split_across_chunks_falls_back_to_text() {
    let mut p = Policy::default();
    p.max_record_bytes = 64;
    let mut input = b"catatan,nik\n\"".to_vec();
    input.extend(b"kontrol NIK 3171011708450001 ".repeat(10));
    input.extend_from_slice(b"\",x\nbaik,3171011708450001\n");
    // Chunks shorter than the record: it is seen unfinished and over-long.
    for chunk in [1, 7, 50, 64, 65, 200] {
        let (out, bad) = run(Format::Csv, p.clone(), &input, chunk);
        assert_eq!(
            bad,
            [Malformed {
                line: 2,
                reason: "record longer than max_record_bytes"
            }],
            "chunk {chunk}"
        );
        assert_eq!(out.len(), input.len(), "chunk {chunk}");
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("3171011708450001"), "chunk {chunk}: {text}");
        assert!(text.ends_with("baik,317101**********\n"), "chunk {chunk}");
    }
}

#[test]
fn jsonl_keys_in_any_order_keep_their_plans() {
    // Key plans are cached by line order; lines that reorder, drop or rename keys
    // must still get each key's own plan.
    let input = br#"{"nik": "3171011708450001", "nama": "Budi"}
{"nama": "Ani", "nik": "3171011708450001"}
{"nama": "Sari"}
{"x": {"nik": "3171011708450001"}, "nama": ["Dewi", "Rina"], "alamat": "Jl. Mawar"}
{"nik2": "budi", "nik": "1234"}
"#;
    let (out, bad) = run(Format::Jsonl, Policy::default(), input, 5);
    assert!(bad.is_empty());
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"nik": "317101**********", "nama": "****"}
{"nama": "***", "nik": "317101**********"}
{"nama": "****"}
{"x": {"nik": "317101**********"}, "nama": ["****", "****"], "alamat": "*** *****"}
{"nik2": "budi", "nik": "****"}
"#
    );
}
