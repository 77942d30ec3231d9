#![no_main]
//! Policy JSON and key material parsing: never panic; key errors and `Debug`
//! never show key bytes.
use identitas::redact::{Key, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = core::str::from_utf8(data) {
        if let Ok(p) = Policy::from_json(text) {
            let _ = (p.is_length_preserving(), p.missing_key());
        }
    }
    for key in [
        Key::from_file_contents(data),
        Key::from_hex(data),
        Key::from_bytes(data),
    ] {
        match key {
            Ok(k) => assert_eq!(format!("{k:?}"), "Key(<secret>)"),
            Err(e) => {
                let shown = format!("{e} {e:?}");
                assert!(
                    !identitas_fuzz::has_long_digit_run(shown.as_bytes()),
                    "error holds a digit run: {shown}"
                );
            }
        }
    }
});
