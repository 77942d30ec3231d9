//! NIK parse + validate + region lookup, against a `regex`-crate baseline in the same run.
//!
//! Data: 10,000 synthetic NIKs from a fixed seed, about 80% valid, written
//! plain (as in a database column) and, in a second group, with separators
//! (as typed in forms). Both sides must agree on the count of valid NIKs with
//! a known district before anything is timed.

use std::collections::{HashMap, HashSet};
use std::hint::black_box;

#[path = "common/nik_data.rs"]
mod nik_data;
#[path = "common/rng.rs"]
mod rng;
use nik_data::{district_codes, synthetic};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use identitas::{Nik, nik, region};
use regex::Regex;

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
