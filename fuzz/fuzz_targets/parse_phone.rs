#![no_main]
//! Phone parser: `is_valid` agrees with `parse_bytes`; every output form parses
//! back to the same number; `Debug` masks; short numbers never panic.
use identitas::{Phone, phone};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = Phone::parse_bytes(data);
    assert_eq!(phone::is_valid(data), parsed.is_ok(), "is_valid disagrees");
    if let Ok(s) = core::str::from_utf8(data) {
        assert_eq!(Phone::parse(s).ok(), parsed.ok(), "parse(&str) disagrees");
    }
    if let Ok(p) = parsed {
        for form in [p.e164(), p.national(), p.international()] {
            let again = Phone::parse(form.as_str()).expect("output form does not parse");
            assert_eq!(again.nsn(), p.nsn(), "output form round trip");
        }
        let debug = format!("{p:?}");
        assert!(
            !identitas_fuzz::contains(debug.as_bytes(), p.nsn().as_bytes()),
            "Debug leaks"
        );
        let _ = (p.operator(), p.area(), p.number_type());
    } else if let Err(e) = parsed {
        let shown = format!("{e} {e:?}");
        assert!(
            !identitas_fuzz::has_long_digit_run(shown.as_bytes()),
            "error holds a digit run: {shown}"
        );
    }
    if let Ok(s) = phone::parse_short_bytes(data) {
        let _ = (s.as_str(), s.is_emergency(), s.is_toll_free());
    }
});
