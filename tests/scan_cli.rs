//! The `identitas scan` command module, compiled into this test directly (the binary's
//! `main.rs` wires it in).

#[allow(dead_code)]
#[path = "../src/bin/identitas/scan_cmd.rs"]
mod scan_cmd;

use std::io::Cursor;

#[test]
fn json_lines_with_offsets_and_no_values() {
    let input = b"NIK: 3171 0117 0845 0001, HP +62 812-3456-7890 a@b.co\n".repeat(5000);
    let mut out = Vec::new();
    scan_cmd::scan_stream(Cursor::new(&input), &mut out, true).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 15000);
    assert_eq!(lines[0]["kind"], "nik");
    assert_eq!(lines[0]["start"], 5);
    assert_eq!(lines[0]["end"], 24);
    assert_eq!(lines[0]["confidence"], "high");
    let last = &lines[14999];
    assert_eq!(last["kind"], "email");
    assert_eq!(last["end"].as_u64().unwrap() as usize, input.len() - 1);
    assert!(!text.contains("0845 0001") && !text.contains("a@b.co"));
}

#[test]
fn readable_lines_are_masked() {
    let mut out = Vec::new();
    scan_cmd::scan_stream(Cursor::new(b"hp 081234567890"), &mut out, false).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text, "3..15\tphone\thigh\t<12 bytes redacted>\n");
}

#[test]
fn missing_file_is_exit_2() {
    assert_eq!(scan_cmd::run(&["/nonexistent/identitas".to_string()]), 2);
    assert_eq!(scan_cmd::run(&[]), 2);
    assert_eq!(scan_cmd::run(&["--bogus".to_string(), "x".to_string()]), 2);
}
