//! Peak memory of `identitas redact` while streaming a large input (text and CSV).
//!
//! The input size comes from `IDENTITAS_BIG_BYTES` (default 256 MiB per format
//! with `cargo test --release`, 64 MiB in a debug build, where the unoptimised
//! child is slow; set `IDENTITAS_BIG_BYTES=2147483648` for the 2 GB check of
//! issue 4). The input is generated on the fly into the child's stdin, the
//! output is checked as it is read (same length, no clear NIK), and the child's
//! peak resident set (`VmHWM` in `/proc/<pid>/status`) is polled until it
//! exits: it must stay under 32 MiB. Measured on a loaded 2-core box, both formats in parallel:
//! debug build 64 MiB about 25 s; release build 256 MiB about 7 s, 2 GiB about
//! 35 s, peak RSS about 2.7 MiB either way.
#![cfg(all(feature = "cli", target_os = "linux"))]

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

const LIMIT_KIB: u64 = 32 * 1024;

fn big_bytes() -> usize {
    std::env::var("IDENTITAS_BIG_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            64 << 20
        } else {
            256 << 20
        })
}

/// `VmHWM` of a live process, in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One block of synthetic input (about 64 KiB), repeated to the size wanted.
fn block(csv: bool) -> Vec<u8> {
    let mut s = String::new();
    let mut i = 0u32;
    while s.len() < 64 * 1024 {
        let serial = 1 + i % 9000;
        let nik = format!("3171015708{:02}{serial:04}", 45 + i % 50);
        if csv {
            s.push_str(&format!(
                "{nik},\"Budi, {i}\",0812-{:04}-{:04},pasien{i}@contoh.co.id,kontrol \"ulang\"\n",
                i % 10000,
                (i * 7) % 10000
            ));
        } else {
            s.push_str(&format!(
                "pasien NIK {nik} hp 0812{:08} email user{i}@contoh.co.id dirujuk ke poli\n",
                i * 13
            ));
        }
        i += 1;
    }
    s.into_bytes()
}

fn stream_through_cli(csv: bool) {
    let size = big_bytes();
    let header: &[u8] = if csv {
        b"nik,nama,no_hp,email,catatan\n"
    } else {
        b""
    };
    let unit = block(csv);
    let format = if csv { "csv" } else { "text" };
    let mut child = Command::new(env!("CARGO_BIN_EXE_identitas"))
        .args(["redact", "--format", format, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn identitas");
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let mut written = 0usize;
        stdin.write_all(header).expect("write header");
        written += header.len();
        while written < size {
            stdin.write_all(&unit).expect("write input");
            written += unit.len();
        }
        written
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        let mut total = 0usize;
        // A clear NIK is 16 digits in a row; the default mask leaves at most 6.
        let mut run = 0usize;
        let mut longest = 0usize;
        loop {
            let n = stdout.read(&mut buf).expect("read output");
            if n == 0 {
                break;
            }
            for &b in &buf[..n] {
                run = if b.is_ascii_digit() { run + 1 } else { 0 };
                if run > longest {
                    longest = run;
                }
            }
            total += n;
        }
        (total, longest)
    });
    let mut peak = 0u64;
    loop {
        if let Some(kib) = peak_kib(pid) {
            peak = peak.max(kib);
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = child.wait().expect("wait");
    let written = writer.join().expect("writer");
    let (read, longest) = reader.join().expect("reader");
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut err).ok();
    }
    assert!(status.success(), "{format}: {err}");
    assert_eq!(read, written, "{format}: the default policy keeps lengths");
    assert!(longest < 16, "{format}: a clear NIK reached the output");
    assert!(peak > 0, "{format}: VmHWM was never read");
    // Shown with --nocapture: the figure the issue asks about.
    eprintln!("{format}: {written} bytes streamed, peak RSS {peak} KiB");
    assert!(
        peak < LIMIT_KIB,
        "{format}: peak RSS {peak} KiB over {LIMIT_KIB} KiB for {written} bytes"
    );
}

#[test]
fn text_streams_in_constant_memory() {
    stream_through_cli(false);
}

#[test]
fn csv_streams_in_constant_memory() {
    stream_through_cli(true);
}
