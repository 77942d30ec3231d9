//! `identitas redact` command module, driven through `run_with`.
#![cfg(feature = "cli")]

#[allow(dead_code)]
#[path = "../src/bin/identitas/redact_cmd.rs"]
mod redact_cmd;

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

fn run(a: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = redact_cmd::run_with(&args(a), &mut &stdin[..], &mut out, &mut err);
    (code, out, String::from_utf8(err).unwrap())
}

#[test]
fn csv_from_stdin_is_sniffed_and_masked() {
    let (code, out, err) = run(&["-"], b"nik,nama\n3171011708450001,Budi\n");
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, b"nik,nama\n317101**********,****\n");
}

#[test]
fn jsonl_and_text_formats() {
    let (code, out, _) = run(
        &["--format", "jsonl", "-"],
        b"{\"no_hp\":\"081234567890\"}\n",
    );
    assert_eq!(code, 0);
    assert_eq!(out, b"{\"no_hp\":\"0812*****890\"}\n");
    let text = b"tidak ada identitas di sini\n".repeat(5000);
    let (code, out, _) = run(&["--format", "text", "-"], &text);
    assert_eq!(code, 0);
    assert_eq!(out, text);
}

#[test]
fn keys_never_from_arguments_and_errors_are_clear() {
    let (code, _, err) = run(&["--key", "00", "-"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("never taken from the command line"));
    let dir = std::env::temp_dir().join(format!("identitas-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let short = dir.join("short.key");
    std::fs::write(&short, "0011\n").unwrap();
    let (code, _, err) = run(&["--key-file", short.to_str().unwrap(), "-"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("64 hex digits"), "{err}");
    let policy = dir.join("policy.json");
    std::fs::write(&policy, r#"{"kinds": {"nik": "token"}}"#).unwrap();
    let (code, _, err) = run(&["--policy", policy.to_str().unwrap(), "-"], b"x");
    if std::env::var_os(redact_cmd::KEY_ENV).is_none() {
        assert_eq!(code, 2);
        assert!(err.contains("key"), "{err}");
    }
    let good = dir.join("good.key");
    std::fs::write(
        &good,
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",
    )
    .unwrap();
    let (code, out, err) = run(
        &[
            "--policy",
            policy.to_str().unwrap(),
            "--key-file",
            good.to_str().unwrap(),
            "--format",
            "csv",
            "-",
        ],
        b"nik\n3171011708450001\n",
    );
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("nik\n[NIK:") && !text.contains("3171011708450001"));
    std::fs::write(&policy, r#"{"kinds": {"nik": {"mask": {"lead": 16}}}}"#).unwrap();
    let (code, _, err) = run(&["--policy", policy.to_str().unwrap(), "-"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("at most 6"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn malformed_records_reported_with_line_numbers() {
    let (code, out, err) = run(&["--format", "jsonl", "-"], b"{}\n{bad\n");
    assert_eq!(code, 0);
    assert_eq!(out, b"{}\n{bad\n");
    assert!(err.contains("line 2: malformed record"), "{err}");
}
