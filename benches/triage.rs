//! `identitas triage` throughput on a leak-like CSV, against a `regex`-crate baseline.
//!
//! Data: ~8 MB of BPJS-dump-like CSV (13 columns, quoted addresses) generated in memory
//! from a fixed seed, with real district codes, ~5 % invalid NIKs and some duplicates.
//! The baseline is what a competent responder would write in an hour with `regex`:
//! split lines, pick the NIK column with a shape regex, check the province and count
//! per province with a HashMap, plus a HashSet of NIK strings for duplicates. It does a
//! fraction of triage's work; both must agree on the number of NIK-shaped values first.

use std::collections::{HashMap, HashSet};
use std::hint::black_box;

#[path = "common/rng.rs"]
mod rng;
#[path = "common/triage_data.rs"]
mod triage_data;
use triage_data::leak_csv;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use identitas::Date;
use identitas::region;
use identitas::triage::{InputFormat, Triage, TriageConfig};
use regex::bytes::Regex;

fn triage(data: &[u8]) -> identitas::triage::Report {
    let config = TriageConfig {
        reference: Date::new(2025, 6, 1).unwrap(),
        format: Some(InputFormat::Csv),
        ..TriageConfig::default()
    };
    Triage::new(config)
        .run(&mut &data[..], &mut |_| {})
        .unwrap()
}

fn regex_baseline(data: &[u8], re: &Regex) -> (u64, u64, usize) {
    let mut shaped = 0u64;
    let mut known_province = 0u64;
    let mut per_province: HashMap<Vec<u8>, u64> = HashMap::new();
    let mut seen: HashSet<Vec<u8>> = HashSet::new();
    for line in data.split(|&b| b == b'\n').skip(1) {
        let Some(field) = line.split(|&b| b == b',').nth(1) else {
            continue;
        };
        if let Some(c) = re.captures(field) {
            shaped += 1;
            let prov = &c[1];
            if region::lookup_digits(prov).is_some_and(|r| r.province().is_some()) {
                known_province += 1;
                *per_province.entry(prov.to_vec()).or_insert(0) += 1;
            }
            seen.insert(field.to_vec());
        }
    }
    (shaped, known_province, seen.len())
}

fn bench(c: &mut Criterion) {
    let data = leak_csv(8 << 20);
    let re = Regex::new(r"^(\d{2})(\d{2})(\d{2})([0-7]\d)([01]\d)(\d{2})(\d{4})$").unwrap();
    let report = triage(&data);
    let (shaped, _, distinct) = regex_baseline(&data, &re);
    // Day 35 passes the baseline's shape regex but not triage: compare the shapes.
    let invalid_day = report
        .nik
        .invalid_reasons
        .iter()
        .find(|r| r.0 == "invalid_day")
        .map_or(0, |r| r.1);
    assert_eq!(report.nik.values, shaped, "both see every NIK value");
    assert!(report.nik.validity_rate > 0.9 && invalid_day > 0);
    assert!(report.duplicate_records > 0 && (distinct as u64) < shaped);
    let mut g = c.benchmark_group("triage");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.bench_function("identitas_triage_csv", |b| {
        b.iter(|| black_box(triage(black_box(&data))))
    });
    g.bench_function("regex_baseline_nik_column", |b| {
        b.iter(|| black_box(regex_baseline(black_box(&data), &re)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
