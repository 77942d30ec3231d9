#![no_main]
//! NPWP parser invariants, strict and lenient.
use identitas::{Npwp, npwp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    identitas_fuzz::check_parser!(data, Npwp, npwp::is_valid);
    if let Ok(lenient) = Npwp::parse_bytes_lenient(data) {
        let _ = lenient.format().to_string();
    }
    if Npwp::parse_bytes(data).is_ok() {
        assert!(
            Npwp::parse_bytes_lenient(data).is_ok(),
            "strict accepts, lenient refuses"
        );
    }
});
