//! Scanner throughput on leak-like CSV and on Indonesian prose, against a regex baseline.
//!
//! Data: synthetic, fixed seed. The baseline is what a competent user would write with the
//! `regex` crate: one alternation of the identifier shapes, each match checked with the
//! same validators (NIK parser, Luhn).

use std::hint::black_box;

#[path = "common/rng.rs"]
mod rng;
#[path = "common/scan_data.rs"]
mod scan_data;
use scan_data::{leak_csv, prose};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use identitas::{Kind, Scanner, nik};
use regex::bytes::Regex;

/// A competent user's regex scanner: one alternation, each match validated.
struct RegexBaseline {
    re: Regex,
}

impl RegexBaseline {
    fn new() -> RegexBaseline {
        let re = Regex::new(concat!(
            r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})",
            r"|(?P<npwp>\b\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}\b)",
            r"|(?P<phone>(?:\+62|\b62|\b0)8[1-9]\d{7,10}\b)",
            r"|(?P<nik>\b\d{16}\b)",
            r"|(?P<bpjs>\b\d{13}\b)",
            r"|(?P<card>\b(?:\d[ -]?){12,18}\d\b)",
        ))
        .unwrap();
        RegexBaseline { re }
    }

    fn scan(&self, input: &[u8]) -> usize {
        let mut n = 0;
        for c in self.re.captures_iter(input) {
            let ok = if c.name("email").is_some() || c.name("phone").is_some() {
                true
            } else if let Some(m) = c.name("npwp") {
                let d: Vec<u8> = m
                    .as_bytes()
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_digit)
                    .collect();
                identitas::digits::luhn_valid(&d[..9])
            } else if let Some(m) = c.name("nik") {
                nik::is_valid(m.as_bytes()) || identitas::digits::luhn_valid(m.as_bytes())
            } else if let Some(m) = c.name("card") {
                let d: Vec<u8> = m
                    .as_bytes()
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_digit)
                    .collect();
                identitas::digits::luhn_valid(&d)
            } else {
                c.name("bpjs")
                    .is_some_and(|m| m.as_bytes().starts_with(b"00"))
            };
            n += usize::from(ok);
        }
        n
    }
}

fn bench(c: &mut Criterion) {
    let scanner = Scanner::new();
    let baseline = RegexBaseline::new();
    let (csv, rows) = leak_csv(4 << 20);
    let (text, ids) = prose(4 << 20);

    // Check the results once, so a broken fast path cannot look fast.
    let found = scanner.scan(&csv);
    assert_eq!(found.len(), rows * 6, "six identifiers per row");
    assert!(found.iter().any(|f| f.kind == Kind::Npwp));
    assert!(found.iter().any(|f| f.kind == Kind::BpjsKesehatan));
    let in_text = scanner.scan(&text);
    assert_eq!(in_text.len(), ids, "prose findings");
    assert_eq!(baseline.scan(&csv), rows * 6, "baseline: six per row");

    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(csv.len() as u64));
    g.bench_function("leak_csv/identitas", |b| {
        b.iter(|| {
            let mut n = 0usize;
            scanner.scan_with(black_box(&csv), None, &mut |_| n += 1);
            n
        })
    });
    g.bench_function("leak_csv/regex_baseline", |b| {
        b.iter(|| baseline.scan(black_box(&csv)))
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("prose/identitas", |b| {
        b.iter(|| {
            let mut n = 0usize;
            scanner.scan_with(black_box(&text), None, &mut |_| n += 1);
            n
        })
    });
    g.bench_function("prose/regex_baseline", |b| {
        b.iter(|| baseline.scan(black_box(&text)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
