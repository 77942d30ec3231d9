//! NPWP validation per second: `identitas::npwp::is_valid` against a regex + Luhn
//! baseline written the way a competent user would, over the same fixed-seed
//! synthetic inputs (half valid, half with a wrong check digit; 15-digit and
//! `0`-prefixed 16-digit forms; plain and formatted).

use std::hint::black_box;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use regex::bytes::Regex;

const N: usize = 4096;

fn luhn_check_digit(d8: &[u8]) -> u8 {
    let sum: u32 = d8
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let v = u32::from(b - b'0') * if i % 2 == 1 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// Synthetic NPWPs: (plain, formatted) pairs and the number of valid ones.
fn data() -> (Vec<Vec<u8>>, Vec<Vec<u8>>, usize) {
    let mut rng = Rng(0x1D3E_17A5_0000_0015);
    let (mut plain, mut formatted, mut valid) = (Vec::new(), Vec::new(), 0);
    for i in 0..N {
        let mut d: Vec<u8> = (0..15).map(|_| rng.digit()).collect();
        d[0] = b'0' + (rng.next() % 4) as u8; // type codes 0x-3x
        let good = i % 2 == 0;
        let c = luhn_check_digit(&d[..8]);
        d[8] = b'0'
            + if good {
                c
            } else {
                (c + 1 + (rng.next() % 9) as u8) % 10
            };
        valid += usize::from(good);
        let sixteen = i % 4 >= 2;
        let mut f = Vec::new();
        for (j, &b) in d.iter().enumerate() {
            match j {
                2 | 5 | 8 | 12 => f.push(b'.'),
                9 => f.push(b'-'),
                _ => {}
            }
            f.push(b);
        }
        if sixteen {
            d.insert(0, b'0');
            f.insert(0, b'0');
        }
        plain.push(d);
        formatted.push(f);
    }
    (plain, formatted, valid)
}

/// The baseline: a shape regex, then Luhn over the nine taxpayer digits.
struct RegexNpwp {
    re: Regex,
}

impl RegexNpwp {
    fn new() -> RegexNpwp {
        RegexNpwp {
            re: Regex::new(r"^0?\d{2}\.?\d{3}\.?\d{3}\.?\d-?\d{3}\.?\d{3}$").unwrap(),
        }
    }

    fn is_valid(&self, s: &[u8]) -> bool {
        if !self.re.is_match(s) {
            return false;
        }
        let mut d = [0u8; 16];
        let mut n = 0;
        for &b in s.iter().filter(|b| b.is_ascii_digit()) {
            d[n] = b;
            n += 1;
        }
        let core = if n == 16 { &d[1..10] } else { &d[..9] };
        let sum: u32 = core
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &b)| {
                let v = u32::from(b - b'0') * if i % 2 == 1 { 2 } else { 1 };
                v / 10 + v % 10
            })
            .sum();
        sum % 10 == 0
    }
}

fn bench(c: &mut Criterion) {
    let (plain, formatted, valid) = data();
    let baseline = RegexNpwp::new();
    for set in [&plain, &formatted] {
        let ours = set.iter().filter(|s| identitas::npwp::is_valid(s)).count();
        let theirs = set.iter().filter(|s| baseline.is_valid(s)).count();
        assert_eq!((ours, theirs), (valid, valid), "broken validator");
    }

    for (name, set) in [("plain", &plain), ("formatted", &formatted)] {
        let mut g = c.benchmark_group(format!("npwp_validate/{name}"));
        g.throughput(Throughput::Elements(N as u64));
        g.bench_function("identitas", |b| {
            b.iter(|| {
                set.iter()
                    .filter(|s| identitas::npwp::is_valid(black_box(s)))
                    .count()
            })
        });
        g.bench_function("regex_luhn", |b| {
            b.iter(|| {
                set.iter()
                    .filter(|s| baseline.is_valid(black_box(s)))
                    .count()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
