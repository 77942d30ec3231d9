//! Phone parse + classify throughput, against a `regex` baseline in the same run.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use identitas::phone::{Phone, PhoneType};
use regex::Regex;
use std::hint::black_box;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// Synthetic numbers in the written forms of identifiers.md §5.1, 10% invalid.
fn data() -> Vec<String> {
    let mut rng = Rng(0x0006_2812_3456_7890);
    let mobile = [
        "811", "812", "813", "821", "852", "855", "857", "859", "878", "881", "895",
    ];
    let areas = ["21", "22", "31", "274", "361", "411", "711"];
    (0..10_000)
        .map(|_| match rng.below(10) {
            0..=2 => {
                let p = mobile[rng.below(mobile.len() as u64) as usize];
                format!("0{p}-{}-{}", rng.digits(4), rng.digits(4))
            }
            3 | 4 => {
                let p = mobile[rng.below(mobile.len() as u64) as usize];
                format!("+62 {p} {} {}", rng.digits(4), rng.digits(3))
            }
            5 => {
                let p = mobile[rng.below(mobile.len() as u64) as usize];
                format!("62{p}{}", rng.digits(8))
            }
            6 => {
                let a = areas[rng.below(areas.len() as u64) as usize];
                format!("(0{a}) 5{}", rng.digits(6))
            }
            7 => {
                let a = areas[rng.below(areas.len() as u64) as usize];
                format!("+62 {a} 5{}", rng.digits(6))
            }
            8 => format!("0800 {}", rng.digits(7)),
            _ => format!("0841-{}-{}", rng.digits(4), rng.digits(4)),
        })
        .collect()
}

/// How a competent user writes it with `regex`: strip separators, take off the
/// country code or trunk 0, then test libphonenumber's type patterns in its order.
struct RegexBaseline {
    prefix: Regex,
    types: Vec<(Regex, PhoneType)>,
    buf: String,
}

impl RegexBaseline {
    fn new() -> RegexBaseline {
        let anchored = |p: &str| Regex::new(&format!("^(?:{p})$")).unwrap();
        RegexBaseline {
            prefix: Regex::new(r"^(?:\+62|0062|62|0)?(\d{5,17})$").unwrap(),
            types: vec![
                (anchored(r"809\d{7}"), PhoneType::PremiumRate),
                (
                    anchored(r"00(?:1803\d{5,11}|7803\d{7})|(?:177\d|800)\d{5,7}"),
                    PhoneType::TollFree,
                ),
                (anchored(r"804\d{7}"), PhoneType::SharedCost),
                (anchored(r"(?:1500|8071\d{3})\d{3}"), PhoneType::Uan),
                (
                    anchored(
                        r"2[124]\d{7,8}|619\d{8}|2(?:1(?:14|500)|2\d{3})\d{3}|61\d{5,8}|(?:2(?:[35][1-4]|6[0-8]|7[1-6]|8\d|9[1-8])|3(?:1|[25][1-8]|3[1-68]|4[1-3]|6[1-3568]|7[0-469]|8\d)|4(?:0[1-589]|1[01347-9]|2[0-36-8]|3[0-24-68]|43|5[1-378]|6[1-5]|7[134]|8[1245])|5(?:1[1-35-9]|2[25-8]|3[124-9]|4[1-3589]|5[1-46]|6[1-8])|6(?:[25]\d|3[1-69]|4[1-6])|7(?:02|[125][1-9]|[36]\d|4[1-8]|7[0-36-9])|9(?:0[12]|1[013-8]|2[0-479]|5[125-8]|6[23679]|7[159]|8[01346]))\d{5,8}",
                    ),
                    PhoneType::FixedLine,
                ),
                (anchored(r"8[1-35-9]\d{7,10}"), PhoneType::Mobile),
            ],
            buf: String::with_capacity(32),
        }
    }

    fn classify(&mut self, s: &str) -> PhoneType {
        self.buf.clear();
        self.buf.extend(
            s.trim()
                .chars()
                .filter(|c| !matches!(c, ' ' | '-' | '.' | '/' | '(' | ')')),
        );
        let Some(caps) = self.prefix.captures(&self.buf) else {
            return PhoneType::Unknown;
        };
        let nsn = &caps[1];
        self.types
            .iter()
            .find(|(re, _)| re.is_match(nsn))
            .map_or(PhoneType::Unknown, |&(_, t)| t)
    }
}

fn ours(data: &[String]) -> [usize; 7] {
    let mut counts = [0usize; 7];
    for s in data {
        let t = Phone::parse(s).map_or(PhoneType::Unknown, |p| p.number_type());
        counts[t as usize] += 1;
    }
    counts
}

fn baseline(re: &mut RegexBaseline, data: &[String]) -> [usize; 7] {
    let mut counts = [0usize; 7];
    for s in data {
        counts[re.classify(s) as usize] += 1;
    }
    counts
}

fn bench(c: &mut Criterion) {
    let data = data();
    let mut re = RegexBaseline::new();
    // Check once: both agree, and the mix is what was generated.
    let want = ours(&data);
    assert_eq!(want, baseline(&mut re, &data));
    assert!(want[PhoneType::Mobile as usize] > 5_000 && want[PhoneType::Unknown as usize] > 500);

    let mut g = c.benchmark_group("phone");
    g.throughput(Throughput::Elements(data.len() as u64));
    g.bench_function("identitas_parse_classify", |b| {
        b.iter(|| ours(black_box(&data)))
    });
    g.bench_function("regex_baseline", |b| {
        b.iter(|| baseline(&mut re, black_box(&data)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
