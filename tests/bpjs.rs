//! BPJS numbers: identifiers.md §4 vectors, traps 17-18, property tests.

use identitas::{BpjsError, BpjsKesehatan, ErrorKind, FaskesCode, FormatError, Kpj, bpjs};
use proptest::prelude::*;

#[test]
fn card_vectors_section_4_1() {
    for s in ["0011336526592", "0003814312013", "0001944358911"] {
        let c = BpjsKesehatan::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(c.compact(), s);
        assert_eq!(c.format(), s);
        assert!(c.has_usual_prefix());
        assert!(bpjs::is_valid_kesehatan(s.as_bytes()));
        assert_eq!(s.parse::<BpjsKesehatan>(), Ok(c));
        assert_eq!(BpjsKesehatan::try_from(s), Ok(c));
    }
    // Separators and spreadsheet apostrophes are accepted; leading zeros kept.
    let c = BpjsKesehatan::parse("'0001 9443 5891 1").unwrap();
    assert_eq!(c.compact(), "0001944358911");
}

#[test]
fn no_check_digit_and_prefix_is_only_a_flag() {
    // Every last digit is accepted: no check digit exists (trap 17).
    for last in 0..10 {
        let s = format!("000194435891{last}");
        assert!(BpjsKesehatan::parse(&s).is_ok(), "{s}");
    }
    let unusual = BpjsKesehatan::parse("1234567890123").unwrap();
    assert!(!unusual.has_usual_prefix());
    assert!(
        !BpjsKesehatan::parse("0134567890123")
            .unwrap()
            .has_usual_prefix()
    );
}

#[test]
fn card_invalid() {
    let table: [(&str, BpjsError, ErrorKind, &str); 7] = [
        // Trap 17/18: leading zeros lost as an integer.
        (
            "1944358911",
            BpjsError::InvalidLength { digits: 10 },
            ErrorKind::Length,
            "invalid_length",
        ),
        (
            "00019443589112",
            BpjsError::InvalidLength { digits: 14 },
            ErrorKind::Length,
            "invalid_length",
        ),
        // Trap 17: the field holds the NIK.
        (
            "3171011708450001",
            BpjsError::NikNotCard,
            ErrorKind::Length,
            "nik_not_card",
        ),
        (
            "3171018108900001",
            BpjsError::InvalidLength { digits: 16 },
            ErrorKind::Length,
            "invalid_length",
        ),
        (
            "0000000000000",
            BpjsError::RepeatedDigits,
            ErrorKind::Component,
            "repeated_digits",
        ),
        (
            "000194435891A",
            BpjsError::Format(FormatError::InvalidCharacter { position: 12 }),
            ErrorKind::Format,
            "invalid_character",
        ),
        (
            "1.94436E+09",
            BpjsError::Format(FormatError::SpreadsheetFloat),
            ErrorKind::Format,
            "spreadsheet_float",
        ),
    ];
    for (input, err, kind, code) in table {
        assert_eq!(BpjsKesehatan::parse(input), Err(err), "{input}");
        assert_eq!(err.kind(), kind);
        assert_eq!(err.code(), code);
        assert!(!bpjs::is_valid_kesehatan(input.as_bytes()));
    }
}

#[test]
fn kpj() {
    let k = Kpj::parse("12345678901").unwrap();
    assert!(k.is_standard_length());
    assert_eq!(k.compact(), "12345678901");
    assert_eq!(k.format(), "12345678901");
    let k = Kpj::parse("0012 3456 789").unwrap();
    assert_eq!(k.compact(), "00123456789", "leading zeros kept");
    for n in [10usize, 12, 15, 16] {
        let s: String = (0..n).map(|i| char::from(b'0' + (i % 10) as u8)).collect();
        let k = Kpj::parse(&s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert!(!k.is_standard_length());
        assert_eq!(k.as_bytes().len(), n);
        assert!(bpjs::is_valid_kpj(s.as_bytes()));
    }
    assert_eq!(
        Kpj::parse("123456789"),
        Err(BpjsError::InvalidLength { digits: 9 })
    );
    assert_eq!(
        Kpj::parse("12345678901234567"),
        Err(BpjsError::InvalidLength { digits: 17 })
    );
    assert_eq!(Kpj::parse("11111111111"), Err(BpjsError::RepeatedDigits));
    assert_eq!(
        Kpj::parse("").unwrap_err(),
        BpjsError::Format(FormatError::Empty)
    );
    assert_eq!("12345678901".parse::<Kpj>(), Kpj::try_from("123 4567 8901"));
}

#[test]
fn faskes_codes() {
    let table = [
        ("0301R001", "0301", 'R', 1),
        ("0301U049", "0301", 'U', 49),
        ("0138U020", "0138", 'U', 20),
        ("0174B009", "0174", 'B', 9),
        (" 0301r001 ", "0301", 'R', 1),
    ];
    for (input, office, letter, serial) in table {
        let f = FaskesCode::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(f.office_code(), office);
        assert_eq!(f.facility_letter(), letter);
        assert_eq!(f.serial(), serial);
        assert_eq!(FaskesCode::parse(f.as_str()), Ok(f));
        assert_eq!(f.to_string(), f.as_str());
    }
    assert_eq!(
        FaskesCode::parse("0301R01"),
        Err(BpjsError::InvalidCodeLength { chars: 7 })
    );
    assert_eq!(
        FaskesCode::parse("0301 R001"),
        Err(BpjsError::InvalidCodeLength { chars: 9 })
    );
    assert_eq!(
        FaskesCode::parse("03011001"),
        Err(BpjsError::Format(FormatError::InvalidCharacter {
            position: 4
        }))
    );
    assert_eq!(
        FaskesCode::parse(" 0301RR01"),
        Err(BpjsError::Format(FormatError::InvalidCharacter {
            position: 6
        }))
    );
    assert_eq!(
        FaskesCode::parse("  "),
        Err(BpjsError::Format(FormatError::Empty))
    );
    assert_eq!(
        FaskesCode::parse("0301R001").unwrap().to_string(),
        "0301R001"
    );
    assert_eq!(
        "0301R001".parse::<FaskesCode>(),
        FaskesCode::try_from("0301R001")
    );
    // A facility code, not personal data: Debug shows it.
    assert_eq!(
        format!("{:?}", FaskesCode::parse("0301R001").unwrap()),
        "FaskesCode(0301R001)"
    );
}

#[test]
fn debug_is_masked() {
    let c = BpjsKesehatan::parse("0011336526592").unwrap();
    assert_eq!(format!("{c:?}"), "BpjsKesehatan(00***********)");
    let k = Kpj::parse("12345678901").unwrap();
    assert_eq!(format!("{k:?}"), "Kpj(***********)");
    let e = BpjsKesehatan::parse("00113365265920").unwrap_err();
    assert!(!format!("{e:?} {e}").contains("1133"));
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip() {
    let c = BpjsKesehatan::parse("0001944358911").unwrap();
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(json, "\"0001944358911\"", "a string: leading zeros kept");
    assert_eq!(serde_json::from_str::<BpjsKesehatan>(&json).unwrap(), c);
    assert!(serde_json::from_str::<BpjsKesehatan>("1944358911").is_err());
    let k = Kpj::parse("12345678901").unwrap();
    let json = serde_json::to_string(&k).unwrap();
    assert_eq!(serde_json::from_str::<Kpj>(&json).unwrap(), k);
    let f = FaskesCode::parse("0301R001").unwrap();
    let json = serde_json::to_string(&f).unwrap();
    assert_eq!(json, "\"0301R001\"");
    assert_eq!(serde_json::from_str::<FaskesCode>(&json).unwrap(), f);
}

proptest! {
    #[test]
    fn card_round_trips(s in "00[0-9]{11}") {
        prop_assume!(s != "0000000000000");
        let c = BpjsKesehatan::parse(&s).unwrap();
        prop_assert_eq!(c.compact(), s.as_str());
        prop_assert!(c.has_usual_prefix());
        prop_assert_eq!(BpjsKesehatan::parse(c.format()), Ok(c));
    }

    #[test]
    fn kpj_round_trips(s in "[0-9]{10,16}") {
        prop_assume!(!s.bytes().all(|b| b == s.as_bytes()[0]));
        let k = Kpj::parse(&s).unwrap();
        prop_assert_eq!(k.compact(), s.as_str());
        prop_assert_eq!(k.is_standard_length(), s.len() == 11);
        prop_assert_eq!(Kpj::parse(k.format()), Ok(k));
    }

    #[test]
    fn faskes_round_trips(s in "[0-9]{4}[A-Za-z][0-9]{3}") {
        let f = FaskesCode::parse(&s).unwrap();
        prop_assert_eq!(f.as_str(), s.to_ascii_uppercase());
        prop_assert_eq!(FaskesCode::parse(f.as_str()), Ok(f));
    }

    /// The 13-byte fast path gives what the general reader gives for the same value
    /// behind a spreadsheet apostrophe (repeated digits, one odd byte, any digits).
    #[test]
    fn thirteen_byte_fast_path_agrees(
        d in b'0'..=b'9',
        other in prop_oneof![b'0'..=b'9', Just(b' '), Just(b'A')],
        at in 0usize..13,
        free in "[0-9]{13}",
        plain in any::<bool>(),
    ) {
        let s: String = if plain {
            free
        } else {
            (0..13)
                .map(|i| char::from(if i == at { other } else { d }))
                .collect()
        };
        // Error positions differ by the apostrophe; the verdict and the value must not.
        let general = BpjsKesehatan::parse(&format!("'{s}"));
        let fast = BpjsKesehatan::parse(&s);
        prop_assert_eq!(fast.ok(), general.ok());
        prop_assert_eq!(
            fast == Err(BpjsError::RepeatedDigits),
            general == Err(BpjsError::RepeatedDigits)
        );
        prop_assert_eq!(bpjs::is_valid_kesehatan(s.as_bytes()), general.is_ok());
    }

    #[test]
    fn never_panics(b in proptest::collection::vec(any::<u8>(), 0..40)) {
        prop_assert_eq!(bpjs::is_valid_kesehatan(&b), BpjsKesehatan::parse_bytes(&b).is_ok());
        prop_assert_eq!(bpjs::is_valid_kpj(&b), Kpj::parse_bytes(&b).is_ok());
        let _ = FaskesCode::parse_bytes(&b);
    }

    #[test]
    fn never_panics_on_near_misses(s in "[0-9A-Z .\\-']{0,24}") {
        if let Ok(c) = BpjsKesehatan::parse(&s) {
            prop_assert_eq!(c.compact().len(), 13);
        }
        if let Ok(k) = Kpj::parse(&s) {
            prop_assert!((10..=16).contains(&k.compact().len()));
        }
        if let Ok(f) = FaskesCode::parse(&s) {
            prop_assert_eq!(FaskesCode::parse(f.as_str()), Ok(f));
        }
    }
}
