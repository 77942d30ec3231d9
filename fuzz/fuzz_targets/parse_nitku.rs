#![no_main]
//! NITKU parser invariants, strict and lenient.
use identitas::{Nitku, nitku};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    identitas_fuzz::check_parser!(data, Nitku, nitku::is_valid);
    if let Ok(s) = core::str::from_utf8(data) {
        if let Ok(v) = Nitku::parse_lenient(s) {
            let _ = v.format_grouped().to_string();
        }
    }
});
