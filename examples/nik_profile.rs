//! Profiling harness: the NIK bench's plain loop (parse + validate + region), for
//! callgrind instruction counts per NIK.
//! `cargo run --release --example nik_profile -- [rounds] [plain|sep]`
#[path = "../benches/common/nik_data.rs"]
mod nik_data;
#[path = "../benches/common/rng.rs"]
mod rng;
use identitas::Nik;
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100);
    let separators = args.get(2).map(String::as_str) == Some("sep");
    let data = nik_data::synthetic(&nik_data::district_codes(), 10_000, separators);
    let mut known = 0;
    for _ in 0..rounds {
        known += black_box(&data)
            .iter()
            .filter_map(|s| Nik::parse(s).ok())
            .filter(|n| n.region().district().is_some())
            .count();
    }
    println!(
        "{} NIKs, {known} valid with a known district",
        rounds * data.len()
    );
}
