#![no_main]
//! BPJS Kesehatan card, KPJ and faskes code parsers.
use identitas::{BpjsKesehatan, FaskesCode, Kpj, bpjs};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    identitas_fuzz::check_parser!(data, BpjsKesehatan, bpjs::is_valid_kesehatan);
    identitas_fuzz::check_parser!(data, Kpj, bpjs::is_valid_kpj);
    if let Ok(f) = FaskesCode::parse_bytes(data) {
        let shown = f.to_string();
        assert!(
            FaskesCode::parse(&shown).is_ok(),
            "faskes Display round trip"
        );
        let _ = format!("{f:?}");
    }
});
