//! Redaction throughput: in-place masking of found identifiers, the full
//! scan + redact pipeline on prose and CSV, against a regex find-and-replace
//! baseline in the same run. Synthetic data, fixed seed.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use identitas::record::{Format, RecordStream};
use identitas::redact::{self, Policy, Redactor};
use identitas::{Confidence, Finding, Kind};
use regex::bytes::Regex;

#[path = "common/redact_data.rs"]
mod redact_data;
#[path = "common/rng.rs"]
mod rng;
use redact_data::{csv, jsonl, prose};

/// What a competent regex user writes: one alternation, `replace_all` with a closure.
fn baseline_regex() -> Regex {
    Regex::new(
        r"\b\d{16}\b|\b(?:\+62|62|0)8\d{2}[- ]?\d{3,4}[- ]?\d{3,4}\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    )
    .unwrap()
}

fn baseline(re: &Regex, input: &[u8]) -> Vec<u8> {
    re.replace_all(input, |c: &regex::bytes::Captures| {
        let m = &c[0];
        if m.contains(&b'@') {
            let at = m.iter().position(|&b| b == b'@').unwrap_or(0);
            let mut v = vec![b'*'; at];
            v.extend_from_slice(&m[at..]);
            v
        } else {
            let mut v = m.to_vec();
            let mut n = 0;
            for b in v.iter_mut() {
                if b.is_ascii_digit() {
                    n += 1;
                    if n > 6 {
                        *b = b'*';
                    }
                }
            }
            v
        }
    })
    .into_owned()
}

fn findings_of(re: &Regex, input: &[u8]) -> Vec<Finding> {
    re.find_iter(input)
        .map(|m| {
            let s = m.as_bytes();
            let kind = if s.contains(&b'@') {
                Kind::Email
            } else if s.len() == 16 && s.iter().all(u8::is_ascii_digit) {
                Kind::Nik
            } else {
                Kind::Phone
            };
            Finding {
                kind,
                start: m.start(),
                end: m.end(),
                confidence: Confidence::High,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let re = baseline_regex();
    let policy = Policy::default();
    for (name, data) in [("prose", prose(1 << 20)), ("csv", csv(1 << 20))] {
        let found = findings_of(&re, &data);
        // Check once: the mask leaves no 16-digit run and keeps the length.
        let mut once = data.clone();
        redact::redact_in_place(&mut once, &found, &policy).unwrap();
        assert_eq!(once.len(), data.len());
        assert!(
            re.find_iter(&once)
                .all(|m| !m.as_bytes().iter().all(u8::is_ascii_digit))
        );
        assert!(found.len() > 1000);
        let base = baseline(&re, &data);
        assert_eq!(base.len(), data.len());

        let mut g = c.benchmark_group(format!("redact/{name}"));
        g.throughput(Throughput::Bytes(data.len() as u64));
        g.bench_function("redact_in_place (given findings)", |b| {
            b.iter_batched_ref(
                || data.clone(),
                |buf| redact::redact_in_place(buf, &found, &policy).unwrap(),
                BatchSize::LargeInput,
            )
        });
        g.bench_function("scan+redact_in_place", |b| {
            let mut r = Redactor::new(Policy::default()).unwrap();
            b.iter_batched_ref(
                || data.clone(),
                |buf| r.redact_text_in_place(buf).unwrap(),
                BatchSize::LargeInput,
            )
        });
        if name == "csv" {
            g.bench_function("record_stream (64 KiB chunks)", |b| {
                b.iter(|| {
                    let mut s =
                        RecordStream::new(Redactor::new(Policy::default()).unwrap(), Format::Csv);
                    let mut out = Vec::with_capacity(data.len());
                    for ch in data.chunks(64 * 1024) {
                        s.push(ch, &mut out).unwrap();
                    }
                    s.finish(&mut out).unwrap();
                    out
                })
            });
        }
        g.bench_function("regex baseline (find + replace_all)", |b| {
            b.iter(|| baseline(&re, &data))
        });
        g.finish();
    }

    let data = jsonl(1 << 20);
    let run = |data: &[u8]| {
        let mut s = RecordStream::new(Redactor::new(Policy::default()).unwrap(), Format::Jsonl);
        let mut out = Vec::with_capacity(data.len() + data.len() / 8);
        for ch in data.chunks(64 * 1024) {
            s.push(ch, &mut out).unwrap();
        }
        s.finish(&mut out).unwrap();
        assert_eq!(s.malformed_count(), 0);
        out
    };
    // Check once: same length (masks), every NIK masked.
    let once = run(&data);
    assert_eq!(once.len(), data.len());
    assert!(!once.windows(12).any(|w| w.iter().all(u8::is_ascii_digit)));
    let mut g = c.benchmark_group("redact/jsonl");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.bench_function("record_stream (64 KiB chunks)", |b| b.iter(|| run(&data)));
    g.bench_function("regex baseline (find + replace_all)", |b| {
        b.iter(|| baseline(&re, &data))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
