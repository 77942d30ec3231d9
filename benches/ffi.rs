//! Cost of crossing the C boundary: NIK `is_valid` and `parse` through the
//! `extern "C"` functions (pointer checks, panic guard, struct fill) against
//! the same Rust calls, with a `regex`-crate validator as the baseline, in one run.
//!
//! Data: 10,000 synthetic NIKs from a fixed seed, about 3/4 valid. Every
//! variant must agree on the count of valid values before anything is timed.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use identitas::ffi::{
    IDENTITAS_KIND_NIK, identitas_nik, identitas_nik_is_valid, identitas_nik_parse,
    identitas_validate_batch,
};
use identitas::{Nik, nik};
use regex::bytes::Regex;

/// xorshift64*: a tiny fixed-seed generator, enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const REGIONS: [&str; 8] = [
    "317101", "327305", "910901", "657101", "927101", "110101", "350202", "960102",
];

fn synthetic(n: usize) -> Vec<Vec<u8>> {
    let mut rng = Rng(0xF_F1);
    (0..n)
        .map(|_| {
            let region = REGIONS[rng.below(REGIONS.len() as u64) as usize];
            let mut day = 1 + rng.below(28);
            if rng.below(8) == 0 {
                day = 32 + rng.below(8); // out of the scheme
            }
            if rng.below(2) == 1 {
                day += 40;
            }
            let months = if rng.below(16) == 0 { 15 } else { 12 };
            let month = 1 + rng.below(months);
            let s = format!(
                "{region}{day:02}{month:02}{:02}{:04}",
                rng.below(100),
                1 + rng.below(9998)
            );
            s.into_bytes()
        })
        .collect()
}

/// What a competent user writes with `regex` (the layout plus day/month ranges).
fn regex_validator() -> Regex {
    Regex::new(
        r"^(1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[1-6])\d{4}(0[1-9]|[12]\d|3[01]|4[1-9]|[56]\d|7[01])(0[1-9]|1[0-2])\d{2}(\d{3}[1-9]|\d{2}[1-9]\d|\d[1-9]\d{2}|[1-9]\d{3})$",
    )
    .unwrap()
}

fn c_is_valid(v: &[u8]) -> bool {
    // SAFETY: a valid slice.
    unsafe { identitas_nik_is_valid(v.as_ptr(), v.len()) == 1 }
}

fn c_parse(v: &[u8], out: &mut identitas_nik) -> bool {
    // SAFETY: a valid slice and struct.
    unsafe { identitas_nik_parse(v.as_ptr(), v.len(), out) == 0 }
}

fn bench(c: &mut Criterion) {
    let data = synthetic(10_000);
    let re = regex_validator();
    let rust_valid = data.iter().filter(|v| nik::is_valid(v)).count();
    let c_valid = data.iter().filter(|v| c_is_valid(v)).count();
    let mut out = identitas_nik::default();
    let parsed = data.iter().filter(|v| c_parse(v, &mut out)).count();
    assert_eq!(rust_valid, c_valid);
    assert_eq!(rust_valid, parsed);
    assert!(rust_valid > 5_000 && rust_valid < 9_500, "{rust_valid}");
    // The regex has no calendar (31 February), so it may accept a few more.
    let regex_valid = data.iter().filter(|v| re.is_match(v)).count();
    assert!(regex_valid >= rust_valid && regex_valid - rust_valid < 200);

    let concat: Vec<u8> = data.concat();
    let offsets: Vec<usize> = (0..=data.len()).map(|i| i * 16).collect();
    let mut results = vec![0u8; data.len()];

    let mut g = c.benchmark_group("ffi_nik");
    g.throughput(Throughput::Elements(data.len() as u64));
    g.bench_function("is_valid/rust", |b| {
        b.iter(|| data.iter().filter(|v| nik::is_valid(black_box(v))).count())
    });
    g.bench_function("is_valid/c_abi", |b| {
        b.iter(|| data.iter().filter(|v| c_is_valid(black_box(v))).count())
    });
    g.bench_function("is_valid/c_abi_batch", |b| {
        b.iter(|| {
            // SAFETY: arrays of the declared sizes.
            let st = unsafe {
                identitas_validate_batch(
                    IDENTITAS_KIND_NIK,
                    concat.as_ptr(),
                    concat.len(),
                    offsets.as_ptr(),
                    data.len(),
                    results.as_mut_ptr(),
                    core::ptr::null_mut(),
                )
            };
            assert_eq!(st, 0);
            black_box(&results);
        })
    });
    g.bench_function("is_valid/regex_baseline", |b| {
        b.iter(|| data.iter().filter(|v| re.is_match(black_box(v))).count())
    });
    g.bench_function("parse/rust", |b| {
        b.iter(|| {
            data.iter()
                .filter_map(|v| Nik::parse_bytes(black_box(v)).ok())
                .map(|n| u32::from(n.birth_day()) + n.region().code())
                .fold(0u32, u32::wrapping_add)
        })
    });
    g.bench_function("parse/c_abi", |b| {
        let mut out = identitas_nik::default();
        b.iter(|| {
            let mut sum = 0u32;
            for v in &data {
                if c_parse(black_box(v), &mut out) {
                    sum = sum.wrapping_add(u32::from(out.birth_day) + out.region_code);
                }
            }
            sum
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
