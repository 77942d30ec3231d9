//! Synthetic NIKs for the NIK bench and its profiling harness: fixed seed, about 80%
//! valid, plain or written with separators. Never real people.
#![allow(dead_code)] // each user takes what it needs

use identitas::region;

use super::rng::Rng;

/// Every six-digit district code the table knows (current and retired).
pub fn district_codes() -> Vec<String> {
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

pub fn synthetic(codes: &[String], n: usize, separators: bool) -> Vec<String> {
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
