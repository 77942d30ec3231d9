//! Scanner throughput on leak-like CSV and on Indonesian prose, against a regex baseline.
//!
//! Data: synthetic, fixed seed. The baseline is what a competent user would write with the
//! `regex` crate: one alternation of the identifier shapes, each match checked with the
//! same validators (NIK parser, Luhn).

use std::hint::black_box;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use identitas::{Kind, Scanner, nik};
use regex::bytes::Regex;

fn luhn_digit(prefix: &str) -> u8 {
    // Check digit that makes prefix + digit pass Luhn.
    (0..10u8)
        .find(|c| identitas::digits::luhn_valid(format!("{prefix}{c}").as_bytes()))
        .unwrap()
}

fn nik(r: &mut Rng, female: bool) -> String {
    let prov = r.pick(&["31", "32", "33", "35", "36", "51", "64", "73", "91", "92"]);
    let day = 1 + r.below(28) + if female { 40 } else { 0 };
    format!(
        "{prov}{:02}{:02}{day:02}{:02}{:02}{:04}",
        1 + r.below(20),
        1 + r.below(20),
        1 + r.below(12),
        r.below(100),
        1 + r.below(9000)
    )
}

fn npwp(r: &mut Rng) -> String {
    let head = format!("{:02}{}", r.below(100), r.digits(6));
    let c = luhn_digit(&head);
    format!(
        "{}.{}.{}.{c}-{}.000",
        &head[..2],
        &head[2..5],
        &head[5..8],
        r.digits(3)
    )
}

const NAMES: &[&str] = &[
    "Budi Santoso",
    "Siti Aminah",
    "Agus Salim",
    "Dewi Lestari",
    "Rina Wati",
    "Joko Widodo",
    "Putri Ayu",
    "Bambang Susilo",
    "Nur Hidayah",
    "Eko Prasetyo",
];
const STREETS: &[&str] = &[
    "Jl. Merdeka",
    "Jl. Sudirman",
    "Jl. Diponegoro",
    "Jl. Gatot Subroto",
    "Gg. Mawar",
];

/// Leak-like CSV: every row full of identifiers.
fn leak_csv(bytes: usize) -> (Vec<u8>, usize) {
    let mut r = Rng(SEED);
    let mut out = String::from("noka,nik,nama,tgl_lahir,alamat,no_hp,email,no_kk,npwp\n");
    let mut rows = 0;
    while out.len() < bytes {
        let name = r.pick(NAMES);
        let user: String = name.to_lowercase().replace(' ', ".");
        let female = r.below(2) == 0;
        out.push_str(&format!(
            "00{},{},{name},{}-{:02}-{:02},\"{} No. {}, RT {:03}/RW {:03}\",08{}{},{user}{}@{},{},{}\n",
            r.digits(11),
            nik(&mut r, female),
            1950 + r.below(60),
            1 + r.below(12),
            1 + r.below(28),
            r.pick(STREETS),
            1 + r.below(200),
            1 + r.below(20),
            1 + r.below(20),
            r.pick(&["12", "13", "21", "52", "57", "77", "95"]),
            r.digits(8),
            r.below(1000),
            r.pick(&["gmail.com", "yahoo.co.id", "mail.go.id"]),
            nik(&mut r, false),
            npwp(&mut r),
        ));
        rows += 1;
    }
    (out.into_bytes(), rows)
}

/// The fixed seed.
const SEED: u64 = 0x5eed_1d3a_7e57_0001;

/// Indonesian prose with few digits and the odd identifier.
fn prose(bytes: usize) -> (Vec<u8>, usize) {
    const WORDS: &[&str] = &[
        "yang",
        "dan",
        "di",
        "ini",
        "itu",
        "dengan",
        "untuk",
        "tidak",
        "dari",
        "dalam",
        "akan",
        "pada",
        "juga",
        "saya",
        "ke",
        "karena",
        "tersebut",
        "bisa",
        "ada",
        "mereka",
        "lebih",
        "pemerintah",
        "kesehatan",
        "pelayanan",
        "masyarakat",
        "rumah",
        "sakit",
        "pasien",
        "peserta",
        "program",
        "daerah",
        "kabupaten",
        "provinsi",
        "menurut",
        "kepala",
        "dinas",
        "data",
        "pribadi",
        "perlindungan",
        "undang-undang",
        "tahun",
        "bulan",
        "hari",
        "sudah",
    ];
    let mut r = Rng(SEED ^ 0xabcdef);
    let mut out = String::new();
    let mut ids = 0;
    let mut sentence = 0;
    while out.len() < bytes {
        let n = 8 + r.below(14);
        for i in 0..n {
            let w = r.pick(WORDS);
            if i == 0 {
                let mut c = w.chars();
                let first = c.next().unwrap().to_uppercase().collect::<String>();
                out.push_str(&first);
                out.push_str(c.as_str());
            } else {
                out.push(' ');
                out.push_str(w);
            }
        }
        sentence += 1;
        match sentence % 40 {
            7 => out.push_str(&format!(" pada tahun {}", 1990 + r.below(35))),
            19 => out.push_str(&format!(
                " sebesar Rp {}.{:03}.000",
                1 + r.below(99),
                r.below(1000)
            )),
            31 => {
                out.push_str(&format!(", NIK {}", nik(&mut r, true)));
                ids += 1;
            }
            _ => {}
        }
        out.push_str(if r.below(5) == 0 { ".\n" } else { ". " });
    }
    (out.into_bytes(), ids)
}

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
