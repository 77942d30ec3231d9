//! Profiling harness: triages the triage bench's leak-like CSV once (for callgrind
//! instruction counts). `cargo run --release --example triage_profile -- [bytes] [runs]`
#[path = "../benches/common/rng.rs"]
mod rng;
#[path = "../benches/common/triage_data.rs"]
mod triage_data;
use identitas::Date;
use identitas::triage::{InputFormat, Triage, TriageConfig};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(8 << 20);
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let data = triage_data::leak_csv(bytes);
    for _ in 0..runs {
        let t = std::time::Instant::now();
        let config = TriageConfig {
            reference: Date::new(2025, 6, 1).unwrap(),
            format: Some(InputFormat::Csv),
            ..TriageConfig::default()
        };
        let r = Triage::new(config)
            .run(&mut std::hint::black_box(&data[..]), &mut |_| {})
            .unwrap();
        let s = t.elapsed().as_secs_f64();
        println!(
            "{} bytes, {} records, {} NIK valid, {} duplicate records: {:.0} MiB/s",
            data.len(),
            r.records,
            r.nik.valid,
            r.duplicate_records,
            data.len() as f64 / s / (1 << 20) as f64
        );
    }
}
