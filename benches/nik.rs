//! NIK parse + validate + region lookup, against a `regex`-crate baseline in the same run.
//!
//! Data: 10,000 synthetic NIKs from a fixed seed, about 80% valid, written
//! plain (as in a database column) and, in a second group, with separators
//! (as typed in forms). Both sides must agree on the count of valid NIKs with
//! a known district before anything is timed.

use std::collections::{HashMap, HashSet};
use std::hint::black_box;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use identitas::{Nik, nik, region};
use regex::Regex;

/// Every six-digit district code the table knows (current and retired).
fn district_codes() -> Vec<String> {
    let mut codes = Vec::new();
    for (p, _) in region::provinces() {
        for r in 1..100 {
            for d in 1..100 {
                let code = format!("{p:02}{r:02}{d:02}");
                if region::lookup(&code).and_then(|x| x.district()).is_some() {
                    codes.push(code);
                }
            }
        }
    }
    codes
}

fn synthetic(codes: &[String], n: usize, separators: bool) -> Vec<String> {
    let mut rng = Rng(0x1d3_7a5);
    (0..n)
        .map(|_| {
            let code = &codes[rng.below(codes.len() as u64) as usize];
            let female = rng.below(2) == 1;
            let mut day = 1 + rng.below(28);
            if rng.below(10) == 0 {
                day = 29 + rng.below(12); // some impossible days
            }
            let day = if female { day + 40 } else { day };
            let months = if rng.below(20) == 0 { 14 } else { 12 };
            let month = 1 + rng.below(months);
            let year = rng.below(100);
            let serials = if rng.below(30) == 0 { 1 } else { 3000 };
            let serial = rng.below(serials);
            let plain = format!("{code}{day:02}{month:02}{year:02}{serial:04}");
            if separators {
                format!(
                    "{}.{} {}-{}",
                    &plain[..2],
                    &plain[2..6],
                    &plain[6..12],
                    &plain[12..]
                )
            } else {
                plain
            }
        })
        .collect()
}

/// What a competent user writes with `regex`: strip separators, match the shape,
/// check the ranges and the calendar, look the district up in a map.
struct RegexBaseline {
    shape: Regex,
    provinces: HashSet<String>,
    districts: HashMap<String, &'static str>,
}

impl RegexBaseline {
    fn new(codes: &[String]) -> Self {
        let shape = Regex::new(r"^(\d{2})(\d{4})([0-7]\d)(0[1-9]|1[0-2])(\d{2})(\d{4})$").unwrap();
        let provinces = region::provinces()
            .map(|(c, _)| format!("{c:02}"))
            .collect();
        let districts = codes
            .iter()
            .map(|c| (c.clone(), region::lookup(c).unwrap().district().unwrap()))
            .collect();
        RegexBaseline {
            shape,
            provinces,
            districts,
        }
    }

    /// The district name of a valid NIK, `None` when invalid or unknown.
    fn district(&self, input: &str) -> Option<&'static str> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-' | '/'))
            .collect();
        let caps = self.shape.captures(&compact)?;
        if !self.provinces.contains(&caps[1]) || &caps[6] == "0000" {
            return None;
        }
        let raw_day: u32 = caps[3].parse().ok()?;
        let day = if raw_day > 40 { raw_day - 40 } else { raw_day };
        let month: u32 = caps[4].parse().ok()?;
        let yy: u32 = caps[5].parse().ok()?;
        let leap = |y: u32| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        let days = [
            31,
            if leap(2000 + yy) || leap(1900 + yy) {
                29
            } else {
                28
            },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        if day == 0 || day > days[month as usize - 1] || (32..=40).contains(&raw_day) {
            return None;
        }
        self.districts.get(&compact[..6]).copied()
    }
}

fn bench(c: &mut Criterion) {
    let codes = district_codes();
    let baseline = RegexBaseline::new(&codes);
    for (group, separators) in [("nik plain", false), ("nik with separators", true)] {
        let data = synthetic(&codes, 10_000, separators);
        let ours = |data: &[String]| {
            data.iter()
                .filter_map(|s| Nik::parse(s).ok())
                .filter(|n| n.region().district().is_some())
                .count()
        };
        let theirs = |data: &[String]| {
            data.iter()
                .filter(|s| baseline.district(s).is_some())
                .count()
        };
        let (a, b) = (ours(&data), theirs(&data));
        assert_eq!(a, b, "identitas and the regex baseline disagree");
        assert!(
            a > data.len() / 2 && a < data.len(),
            "synthetic data should mix valid and invalid NIKs"
        );

        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(data.len() as u64));
        g.bench_function("identitas parse+validate+region", |bch| {
            bch.iter(|| ours(black_box(&data)))
        });
        g.bench_function("identitas is_valid", |bch| {
            bch.iter(|| {
                black_box(&data)
                    .iter()
                    .filter(|s| nik::is_valid(s.as_bytes()))
                    .count()
            })
        });
        g.bench_function("regex baseline parse+validate+region", |bch| {
            bch.iter(|| theirs(black_box(&data)))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
