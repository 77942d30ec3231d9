//! `Debug` never prints identifiers: parsed values mask them, and types that hold
//! input bytes (streams, C ABI result structs) print only their name.

use identitas::ffi::{identitas_nik, identitas_nik_parse, identitas_phone, identitas_phone_parse};
use identitas::record::{Format, RecordStream};
use identitas::redact::{Policy, RedactStream, Redactor};
use identitas::{Scanner, StreamScanner};

const NIK: &[u8] = b"3171011708450001";
const PHONE: &[u8] = b"081234567890";

fn assert_clean(text: &str) {
    for secret in ["3171011708450001", "1708450001", "81234567890", "34567890"] {
        assert!(!text.contains(secret), "leaked in {text}");
        // A derived Debug prints byte arrays as numbers: `[51, 49, 55, …]`.
        let bytes = format!("{:?}", &secret.as_bytes()[..6]);
        assert!(
            !text.contains(bytes.trim_matches(['[', ']'])),
            "leaked as bytes in {text}"
        );
    }
}

#[test]
fn c_abi_structs_do_not_print_their_digits() {
    let mut nik = identitas_nik::default();
    // SAFETY: valid input slice and a writable struct.
    assert_eq!(
        unsafe { identitas_nik_parse(NIK.as_ptr(), NIK.len(), &mut nik) },
        0
    );
    assert_eq!(&nik.digits, NIK);
    assert_clean(&format!("{nik:?}"));
    let mut phone = identitas_phone::default();
    // SAFETY: as above.
    assert_eq!(
        unsafe { identitas_phone_parse(PHONE.as_ptr(), PHONE.len(), &mut phone) },
        0
    );
    assert_clean(&format!("{phone:?}"));
}

#[test]
fn streams_holding_input_do_not_print_it() {
    // Pushed without a line end, the value is held back inside each stream.
    let text = b"NIK 3171011708450001 HP 081234567890";
    let mut redact = RedactStream::new(Redactor::new(Policy::default()).unwrap());
    let mut out = Vec::new();
    redact.push(text, &mut out).unwrap();
    assert_clean(&format!("{redact:?}"));

    let mut records = RecordStream::new(Redactor::new(Policy::default()).unwrap(), Format::Csv);
    records
        .push(b"nik,no_hp\n3171011708450001,081234567890", &mut out)
        .unwrap();
    assert_clean(&format!("{records:?}"));

    let mut scan = StreamScanner::new(Scanner::new());
    scan.push(text, &mut |_| {});
    assert_clean(&format!("{scan:?}"));
}
