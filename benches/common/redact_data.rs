//! Synthetic data of the redact bench (dense prose, CSV, JSON lines), fixed seed;
//! shared with `examples/scan_profile.rs`.
#![allow(dead_code)]

use super::rng::Rng;

const REGIONS: [&str; 6] = ["317101", "327305", "910901", "657101", "927101", "351501"];
const WORDS: [&str; 12] = [
    "pasien", "dirujuk", "ke", "poli", "dalam", "dengan", "keluhan", "demam", "batuk", "sejak",
    "hari", "kontrol",
];

fn nik(r: &mut Rng) -> String {
    let day = 1 + r.below(28) + if r.below(2) == 0 { 40 } else { 0 };
    format!(
        "{}{:02}{:02}{:02}{:04}",
        REGIONS[r.below(6) as usize],
        day,
        1 + r.below(12),
        r.below(100),
        1 + r.below(9999)
    )
}

fn phone(r: &mut Rng) -> String {
    format!("0812-{:04}-{:04}", r.below(10000), r.below(10000))
}

pub fn prose(size: usize) -> Vec<u8> {
    let mut r = Rng(42);
    let mut s = String::new();
    while s.len() < size {
        match r.below(20) {
            0 => s.push_str(&nik(&mut r)),
            1 => s.push_str(&phone(&mut r)),
            2 => s.push_str(&format!("user{}@contoh.co.id", r.below(1000))),
            _ => s.push_str(WORDS[r.below(12) as usize]),
        }
        s.push(if r.below(15) == 0 { '\n' } else { ' ' });
    }
    s.into_bytes()
}

pub fn csv(size: usize) -> Vec<u8> {
    let mut r = Rng(7);
    let mut s = String::from("nik,nama,no_hp,email,catatan\n");
    while s.len() < size {
        s.push_str(&format!(
            "{},\"{} {}\",{},user{}@contoh.co.id,{} {} {}\n",
            nik(&mut r),
            WORDS[r.below(12) as usize],
            WORDS[r.below(12) as usize],
            phone(&mut r),
            r.below(1000),
            WORDS[r.below(12) as usize],
            WORDS[r.below(12) as usize],
            WORDS[r.below(12) as usize],
        ));
    }
    s.into_bytes()
}

/// The CSV rows as JSON lines (the same values under the same keys).
pub fn jsonl(size: usize) -> Vec<u8> {
    let mut r = Rng(7);
    let mut s = String::new();
    while s.len() < size {
        s.push_str(&format!(
            "{{\"nik\": \"{}\", \"nama\": \"{} {}\", \"no_hp\": \"{}\", \"email\": \"user{}@contoh.co.id\", \"catatan\": \"{} {} {}\"}}\n",
            nik(&mut r),
            WORDS[r.below(12) as usize],
            WORDS[r.below(12) as usize],
            phone(&mut r),
            r.below(1000),
            WORDS[r.below(12) as usize],
            WORDS[r.below(12) as usize],
            WORDS[r.below(12) as usize],
        ));
    }
    s.into_bytes()
}
