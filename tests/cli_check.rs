//! `identitas check`: the JSON-lines contract other tools rely on.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn check(args: &[&str], input: &[u8]) -> (Vec<Value>, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_identitas"))
        .arg("check")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines = if args.contains(&"--json") {
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    } else {
        text.lines().map(|l| Value::String(l.to_owned())).collect()
    };
    (lines, out.status.code().unwrap())
}

#[test]
fn one_object_per_line_in_order() {
    let input =
        b"3171011708450001\n9109014107850001\r\n3171013508450001\n\xff\xfe\n\n3171010101200001\n";
    let (rows, code) = check(
        &["--json", "--kind", "nik", "--reference-date", "2025-06-01"],
        input,
    );
    assert_eq!(code, 0);
    assert_eq!(rows.len(), 6);
    let r = &rows[0];
    assert_eq!(r["kind"], "nik");
    assert_eq!(r["valid"], true);
    assert_eq!(r["error"], Value::Null);
    assert_eq!(r["region_code"], "317101");
    assert_eq!(r["province"], "Daerah Khusus Ibukota Jakarta");
    assert_eq!(r["regency"], "Kota Administrasi Jakarta Pusat");
    assert_eq!(r["district"], "Gambir");
    assert_eq!(r["region_status"], "current");
    assert_eq!(r["successor_code"], Value::Null);
    assert_eq!(r["birth_date"], "1945-08-17");
    assert_eq!(r["sex"], "M");
    assert_eq!(r["serial"], "0001");
    assert_eq!(r["century_ambiguous"], false);

    assert_eq!(rows[1]["region_status"], "retired");
    assert_eq!(rows[1]["successor_code"], "940401");
    assert_eq!(rows[1]["sex"], "F");
    assert_eq!(rows[2]["valid"], false);
    assert_eq!(rows[2]["error"], "invalid_day");
    assert_eq!(rows[2]["birth_date"], Value::Null);
    assert_eq!(rows[3]["error"], "invalid_character");
    assert_eq!(rows[4]["error"], "empty");
    assert_eq!(rows[5]["birth_date"], "2020-01-01");
    assert_eq!(rows[5]["century_ambiguous"], true);
}

#[test]
fn output_never_echoes_the_input() {
    let (rows, _) = check(&["--json"], b"3171011708450001\n3171019908450001\n");
    for r in rows {
        let text = r.to_string();
        assert!(
            !text.contains("3171011708450001") && !text.contains("3171019908450001"),
            "{text}"
        );
    }
}

#[test]
fn kk_and_auto_and_unsupported_kinds() {
    let (rows, _) = check(
        &["--json", "--kind", "kk", "--reference-date", "2025-06-01"],
        b"3273051203150007\n3276055708900002\n",
    );
    assert_eq!(rows[0]["kind"], "kk");
    assert_eq!(rows[0]["issue_date"], "2015-03-12");
    assert_eq!(rows[0]["region_status"], "current");
    assert_eq!(rows[1]["error"], "invalid_day");
    // auto: a value valid as both is a NIK; a KK-only value (none exists) would be a KK.
    let (rows, _) = check(&["--json", "--kind", "auto"], b"3273051203150007\n");
    assert_eq!(rows[0]["kind"], "nik");
}

#[test]
fn long_lines_and_bad_arguments() {
    let mut input = vec![b'1'; 5000];
    input.push(b'\n');
    input.extend_from_slice(b"3171011708450001\n");
    let (rows, code) = check(&["--json"], &input);
    assert_eq!(code, 0);
    assert_eq!(rows[0]["error"], "line_too_long");
    assert_eq!(rows[1]["valid"], true);
    let (_, code) = check(&["--kind", "passport"], b"");
    assert_eq!(code, 2);
    let (_, code) = check(&["--reference-date", "2025-02-30"], b"");
    assert_eq!(code, 2);
}

#[test]
fn readable_output_without_json() {
    let (lines, _) = check(
        &["--reference-date", "2025-06-01"],
        b"3171011708450001\n31710117084500\n",
    );
    let first = lines[0].as_str().unwrap();
    assert!(
        first.contains("Gambir") && first.contains("1945-08-17"),
        "{first}"
    );
    assert!(!first.contains("3171011708450001"));
    assert!(lines[1].as_str().unwrap().contains("invalid_length"));
}

#[test]
fn tax_bpjs_and_nip_kinds() {
    let input =
        b"01.312.166.0-091.000\n083.132.665.7-201.000\n3171011708450001\n01.451.869.7-054.000\n";
    let (rows, _) = check(&["--json", "--kind", "npwp"], input);
    assert_eq!(rows[0]["form"], "npwp15");
    assert_eq!(rows[0]["normalized"], "0013121660091000");
    assert_eq!(rows[0]["tax_office"], "091");
    assert_eq!(rows[1]["form"], "npwp16");
    assert_eq!(rows[1]["normalized"], "0831326657201000");
    assert_eq!(rows[2]["form"], "nik");
    assert_eq!(rows[3]["valid"], false);
    assert_eq!(rows[3]["error"], "invalid_checksum");
    assert_eq!(rows[3]["form"], Value::Null);

    let input = b"0831326657201000000003\n0001944358911\n19660801 198803 1 001\n";
    let (rows, _) = check(&["--json"], input);
    assert_eq!(
        (&rows[0]["kind"], &rows[0]["place"], &rows[0]["main_place"]),
        (&"nitku".into(), &"000003".into(), &false.into())
    );
    assert_eq!(
        (&rows[1]["kind"], &rows[1]["usual_prefix"]),
        (&"bpjs_kesehatan".into(), &true.into())
    );
    assert_eq!(rows[2]["kind"], "nip");
    assert_eq!(rows[2]["birth_date"], "1966-08-01");
    assert_eq!(rows[2]["appointment"], "1988-03");
}

#[test]
fn phone_kind() {
    let input = b"+62 812-3456-7890\n(021) 5550123\n08412345678\n";
    let (rows, _) = check(&["--json"], input);
    assert_eq!(rows[0]["kind"], "phone");
    assert_eq!(rows[0]["e164"], "+6281234567890");
    assert_eq!(rows[0]["national"], "0812-3456-7890");
    assert_eq!(rows[0]["type"], "mobile");
    assert_eq!(rows[0]["operator"], "Telkomsel");
    assert_eq!(rows[1]["type"], "fixed_line");
    assert_eq!(rows[1]["e164"], "+62215550123");
    assert!(rows[1]["area"].is_string());
    assert_eq!(rows[2]["valid"], false);
    assert_eq!(rows[2]["e164"], Value::Null);
}
