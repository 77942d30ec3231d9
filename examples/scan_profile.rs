//! Profiling harness: scans the bench data once (for callgrind instruction counts).
//! `cargo run --release --example scan_profile -- csv|prose|rprose|rcsv|rjsonl|pat:STRING [bytes] [time|print|hash]`
//! scans; `rec:csv|rec:jsonl [bytes] [time|hash]` runs a record stream (64 KiB chunks) over the
//! redact bench data, `inplace:csv|inplace:prose [bytes] [time|hash]` scans and redacts it in place (`hash`: a
//! digest of the output bytes); `given:all|nik|phone|email [bytes]` redacts in place the
//! findings (of one kind) scanned before.
#[path = "../benches/common/redact_data.rs"]
mod redact_data;
#[path = "../benches/common/rng.rs"]
mod rng;
#[path = "../benches/common/scan_data.rs"]
mod scan_data;
use identitas::Scanner;
use scan_data::{leak_csv, prose};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("csv");
    let bytes: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1 << 20);
    if let Some(rest) = which.strip_prefix("given:") {
        given_run(rest, bytes);
        return;
    }
    if let Some(rest) = which
        .strip_prefix("rec:")
        .or(which.strip_prefix("inplace:"))
    {
        redact_run(which.starts_with("rec:"), rest, bytes);
        return;
    }
    let data = if which == "csv" {
        leak_csv(bytes).0
    } else if which == "rprose" {
        redact_data::prose(bytes)
    } else if which == "prose" {
        prose(bytes).0
    } else if which == "rcsv" {
        redact_data::csv(bytes)
    } else if which == "rjsonl" {
        redact_data::jsonl(bytes)
    } else if let Some(p) = which.strip_prefix("pat:") {
        p.bytes().cycle().take(bytes).collect()
    } else {
        panic!("csv|prose|rprose|rcsv|rjsonl|pat:X");
    };
    let s = Scanner::new();
    if args.get(3).map(String::as_str) == Some("hash") {
        // A digest of every finding, to compare the scanner's output across versions.
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        let mut n = 0usize;
        s.scan_with(&data, None, &mut |f| {
            let line = format!("{:?} {} {} {:?};", f.kind, f.start, f.end, f.confidence);
            for b in line.bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
            n += 1;
        });
        println!("{n} findings, digest {h:016x}");
        return;
    }
    if args.get(3).map(String::as_str) == Some("print") {
        use std::io::Write;
        std::io::stdout().write_all(&data).unwrap();
        return;
    }
    if args.get(3).map(String::as_str) == Some("time") {
        // Wall clock: findings to a callback (`scan_with`), and pushed onto a reused
        // vector (`scan_into`).
        let mut found = Vec::new();
        for round in 0..3 {
            let t = std::time::Instant::now();
            for _ in 0..20 {
                let mut n = 0usize;
                s.scan_with(std::hint::black_box(&data), None, &mut |_| n += 1);
                std::hint::black_box(n);
            }
            let a = t.elapsed();
            let t = std::time::Instant::now();
            for _ in 0..20 {
                found.clear();
                s.scan_into(std::hint::black_box(&data), None, &mut found);
                std::hint::black_box(found.len());
            }
            let b = t.elapsed();
            let gbs = |d: std::time::Duration| 20.0 * data.len() as f64 / d.as_secs_f64() / 1e9;
            println!(
                "round {round}: scan_with {:.2} GB/s, scan_into {:.2} GB/s",
                gbs(a),
                gbs(b)
            );
        }
        return;
    }
    let mut n = 0usize;
    s.scan_with(std::hint::black_box(&data), None, &mut |_| n += 1);
    println!("{} bytes, {n} findings", data.len());
}

/// The redact bench pipelines once: a record stream, or scan + redact in place.
fn redact_run(stream: bool, which: &str, bytes: usize) {
    use identitas::record::Format;
    let (data, format) = match which {
        "csv" => (redact_data::csv(bytes), Format::Csv),
        "jsonl" => (redact_data::jsonl(bytes), Format::Jsonl),
        _ => (redact_data::prose(bytes), Format::Csv),
    };
    if std::env::args().nth(3).as_deref() == Some("time") {
        // Wall clock, best of 40 runs (the minimum shrugs off other load).
        let best = (0..40)
            .map(|_| {
                let copy = data.clone();
                let t = std::time::Instant::now();
                work(stream, format, copy);
                t.elapsed()
            })
            .min()
            .unwrap_or_default();
        println!("best {:.3} ms", best.as_secs_f64() * 1e3);
        return;
    }
    let out = work(stream, format, data);
    if std::env::args().nth(3).as_deref() == Some("hash") {
        // A digest of the output bytes, to compare the redaction across versions.
        let h = out.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        println!("{} bytes out, digest {h:016x}", out.len());
        return;
    }
    println!("{bytes} bytes, {} out", out.len());
}

/// `redact_in_place` alone over the findings of the prose data (scanned before, outside
/// `work`); `given:nik|phone|email` keeps findings of that kind only, to cost each mask.
fn given_run(which: &str, bytes: usize) {
    use identitas::redact::{self, Policy};
    let mut data = redact_data::prose(bytes);
    let mut found = Vec::new();
    Scanner::new().scan_with(&data, None, &mut |f| found.push(f));
    found.retain(|f| which == "all" || format!("{:?}", f.kind).eq_ignore_ascii_case(which));
    #[inline(never)]
    fn work(data: &mut [u8], found: &[identitas::Finding], policy: &Policy) {
        redact::redact_in_place(std::hint::black_box(data), found, policy).unwrap();
    }
    if std::env::args().nth(3).as_deref() == Some("print") {
        for f in found.iter().take(5) {
            println!("{:?}", String::from_utf8_lossy(&data[f.start..f.end]));
        }
    }
    work(&mut data, &found, &Policy::default());
    println!("{} findings given", found.len());
}

/// The measured part (callgrind: `--toggle-collect='*work*'` leaves data generation out).
#[inline(never)]
fn work(stream: bool, format: identitas::record::Format, mut data: Vec<u8>) -> Vec<u8> {
    use identitas::record::RecordStream;
    use identitas::redact::{Policy, Redactor};
    let mut r = Redactor::new(Policy::default()).unwrap();
    if !stream {
        r.redact_text_in_place(std::hint::black_box(&mut data))
            .unwrap();
        return data;
    }
    let mut s = RecordStream::new(r, format);
    let mut out = Vec::with_capacity(data.len());
    for ch in std::hint::black_box(&data).chunks(64 * 1024) {
        s.push(ch, &mut out).unwrap();
    }
    s.finish(&mut out).unwrap();
    out
}
