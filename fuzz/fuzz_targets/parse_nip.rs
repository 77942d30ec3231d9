#![no_main]
//! NIP parser invariants, strict and lenient.
use identitas::{Nip, nip};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    identitas_fuzz::check_parser!(data, Nip, nip::is_valid);
    if let Ok(s) = core::str::from_utf8(data) {
        let _ = Nip::parse_lenient(s);
    }
});
