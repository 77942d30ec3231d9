#![no_main]
//! Scanner: never panics; findings are in bounds, non-empty, sorted and
//! disjoint; the same with a hint and with a subset of kinds; a kind-restricted
//! scan only reports enabled kinds.
use identitas::{Kind, ScanConfig, Scanner};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (control, input) = identitas_fuzz::split_control(data);
    let hint = Kind::ALL.get(usize::from(control % 16)).copied();
    let enabled: Vec<Kind> = Kind::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| control == 0 || (control >> (i % 8)) & 1 == 1)
        .map(|(_, k)| k)
        .collect();
    for scanner in [
        Scanner::new(),
        Scanner::with_config(ScanConfig::only(&enabled)),
    ] {
        for hint in [None, hint] {
            let mut found = Vec::new();
            scanner.scan_into(input, hint, &mut found);
            let mut prev_end = 0;
            for f in &found {
                assert!(f.start < f.end, "empty finding");
                assert!(f.end <= input.len(), "finding out of bounds");
                assert!(f.start >= prev_end, "findings overlap or are unsorted");
                assert!(
                    f.end - f.start <= identitas::scan::MAX_FINDING_LEN,
                    "finding too long"
                );
                assert!(
                    scanner.config().kinds
                        [Kind::ALL.iter().position(|&k| k == f.kind).unwrap_or(0)],
                    "disabled kind reported"
                );
                prev_end = f.end;
            }
        }
    }
});
