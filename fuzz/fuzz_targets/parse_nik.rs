#![no_main]
//! NIK parser: never panics; `is_valid` agrees with `parse_bytes`; round trips;
//! masked `Debug`; errors without input bytes. Also the reference-date entry point.
use identitas::{Date, Nik, nik};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    identitas_fuzz::check_parser!(data, Nik, nik::is_valid);
    if let Some(reference) = Date::new(2025, 6, 1) {
        let at = Nik::parse_at_bytes(data, reference);
        assert_eq!(at.is_ok(), nik::is_valid(data));
        if let Ok(n) = at {
            let _ = n.birth_date(reference);
            let _ = n.region().regency();
        }
    }
});
