//! Phone numbers: identifiers.md §5.4 vectors, traps 19-20, property tests.

use identitas::phone::{self, Phone, PhoneError, PhoneType};
use identitas::{ErrorKind, FormatError};
use proptest::prelude::*;

/// (input, type, E.164, national, international, operator, area)
type Row = (
    &'static str,
    PhoneType,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

#[rustfmt::skip]
const VALID: &[Row] = &[
    // §5.4
    ("+62 812-3456-7890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("081234567890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("6281234567890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("+62 855-1234-567", PhoneType::Mobile, "+628551234567", "0855-1234-567", "+62 855-1234-567", Some("Indosat"), None),
    ("0851-5512-3456", PhoneType::Mobile, "+6285155123456", "0851-5512-3456", "+62 851-5512-3456", Some("Telkomsel"), None),
    ("(021) 5550123", PhoneType::FixedLine, "+62215550123", "(021) 5550123", "+62 21 5550123", None, Some("Jabodetabek")),
    ("0274 512345", PhoneType::FixedLine, "+62274512345", "(0274) 512345", "+62 274 512345", None, Some("Yogyakarta")),
    ("0800 1234567", PhoneType::TollFree, "+628001234567", "0800 1234567", "+62 800 1234567", None, None),
    ("1500 400", PhoneType::Uan, "+621500400", "1 500 400", "+62 1 500 400", None, None),
    ("+620812345678", PhoneType::Mobile, "+62812345678", "0812-345-678", "+62 812-345-678", Some("Telkomsel"), None),
    // Written forms of the brief.
    ("0812-3456-7890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("+62 812 3456 7890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("0062 812 3456 7890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("008 62 812 3456 7890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("+62 (0)812-3456-7890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("'081234567890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("0812.3456/7890", PhoneType::Mobile, "+6281234567890", "0812-3456-7890", "+62 812-3456-7890", Some("Telkomsel"), None),
    ("+62 21 5551234", PhoneType::FixedLine, "+62215551234", "(021) 5551234", "+62 21 5551234", None, Some("Jabodetabek")),
    ("(021) 5551234", PhoneType::FixedLine, "+62215551234", "(021) 5551234", "+62 21 5551234", None, Some("Jabodetabek")),
    // Trap 19: 2-digit vs 3-digit area codes, original operators, 13-digit mobiles.
    ("022 7654321", PhoneType::FixedLine, "+62227654321", "(022) 7654321", "+62 22 7654321", None, Some("Bandung/Cimahi")),
    ("031 8765432", PhoneType::FixedLine, "+62318765432", "(031) 8765432", "+62 31 8765432", None, Some("Surabaya")),
    ("061 4567890", PhoneType::FixedLine, "+62614567890", "(061) 4567890", "+62 61 4567890", None, Some("Medan")),
    ("0361 234567", PhoneType::FixedLine, "+62361234567", "(0361) 234567", "+62 361 234567", None, Some("Denpasar")),
    ("0899-1234-5678", PhoneType::Mobile, "+6289912345678", "0899-1234-5678", "+62 899-1234-5678", Some("Tri"), None),
    ("0817-1234-5678", PhoneType::Mobile, "+6281712345678", "0817-1234-5678", "+62 817-1234-5678", Some("XL"), None),
    ("0831-1234-5678", PhoneType::Mobile, "+6283112345678", "0831-1234-5678", "+62 831-1234-5678", Some("AXIS"), None),
    ("0881-1234-5678", PhoneType::Mobile, "+6288112345678", "0881-1234-5678", "+62 881-1234-5678", Some("Smartfren"), None),
    ("0828-1234-5678", PhoneType::Mobile, "+6282812345678", "0828-1234-5678", "+62 828-1234-5678", None, None),
    ("0812-3456-78901", PhoneType::Mobile, "+62812345678901", "0812-3456-78901", "+62 812-3456-78901", Some("Telkomsel"), None),
    // Trap 20: 08 numbers that are not mobile.
    ("0804 123 4567", PhoneType::SharedCost, "+628041234567", "0804 123 4567", "+62 804 123 4567", None, None),
    ("0809 1234567", PhoneType::PremiumRate, "+628091234567", "0809 1 234 567", "+62 809 1 234 567", None, None),
    ("08071 123456", PhoneType::Uan, "+628071123456", "0807 1 123 456", "+62 807 1 123 456", None, None),
];

#[test]
fn valid_vectors() {
    for &(input, ty, e164, national, intl, operator, area) in VALID {
        let p = Phone::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(p.number_type(), ty, "{input}");
        assert_eq!(&*p.e164(), e164, "{input}");
        assert_eq!(&*p.national(), national, "{input}");
        assert_eq!(&*p.international(), intl, "{input}");
        assert_eq!(p.operator(), operator, "{input}");
        assert_eq!(p.area(), area, "{input}");
        assert!(phone::is_valid(input.as_bytes()), "{input}");
        assert_eq!(Phone::parse(e164), Ok(p), "{input}");
        assert_eq!(Phone::parse(&p.national()), Ok(p), "{input}");
        assert_eq!(Phone::parse(&p.international()), Ok(p), "{input}");
    }
}

#[test]
fn provenance_flags() {
    let p = Phone::parse("+620812345678").unwrap();
    assert!(p.had_extra_zero() && p.had_country_code());
    let p = Phone::parse("+62 (0)812-3456-7890").unwrap();
    assert!(p.had_extra_zero());
    let p = Phone::parse("0812-3456-7890").unwrap();
    assert!(!p.had_extra_zero() && !p.had_country_code());
    let p = Phone::parse("6281234567890").unwrap();
    assert!(!p.had_extra_zero() && p.had_country_code());
}

#[test]
fn invalid_vectors() {
    let cases: &[(&str, PhoneError)] = &[
        ("08412345678", PhoneError::UnknownPrefix), // 084x unallocated (trap 19)
        ("0841-2345-6789", PhoneError::UnknownPrefix),
        ("0812345", PhoneError::InvalidLength { digits: 6 }),
        (
            "0812-3456-7890-123",
            PhoneError::InvalidLength { digits: 14 },
        ),
        ("+1 650 253 0000", PhoneError::CountryCode),
        ("+65 6123 4567", PhoneError::CountryCode),
        ("+0812345678", PhoneError::CountryCode),
        ("+62", PhoneError::InvalidLength { digits: 2 }),
        ("112", PhoneError::UnknownPrefix), // short codes need parse_short
        ("", PhoneError::Format(FormatError::Empty)),
        (
            "0812 3456 789x",
            PhoneError::Format(FormatError::InvalidCharacter { position: 13 }),
        ),
        (
            "0812 --- 3456",
            PhoneError::Format(FormatError::InvalidSeparator { position: 7 }),
        ),
        (
            "(0812 3456",
            PhoneError::Format(FormatError::InvalidSeparator { position: 0 }),
        ),
        (
            "6.28123E+12",
            PhoneError::Format(FormatError::SpreadsheetFloat),
        ),
    ];
    for (input, want) in cases {
        assert_eq!(Phone::parse(input), Err(*want), "{input}");
        assert!(!phone::is_valid(input.as_bytes()), "{input}");
    }
    assert_eq!(PhoneError::UnknownPrefix.code(), "unknown_prefix");
    assert_eq!(PhoneError::UnknownPrefix.kind(), ErrorKind::Component);
    assert_eq!(
        PhoneError::InvalidLength { digits: 3 }.kind(),
        ErrorKind::Length
    );
    assert_eq!(
        PhoneError::Format(FormatError::Empty).kind(),
        ErrorKind::Format
    );
    // Errors never echo the input.
    let msg = Phone::parse("0841-2345-6789").unwrap_err().to_string();
    assert!(!msg.contains("0841") && !msg.contains("6789"), "{msg}");
}

#[test]
fn trap_20_fixed_and_special_not_mobile() {
    for s in [
        "021 5550123",
        "0800 1234567",
        "0804 123 4567",
        "0809 1234567",
        "08071 123456",
    ] {
        assert_ne!(
            Phone::parse(s).unwrap().number_type(),
            PhoneType::Mobile,
            "{s}"
        );
    }
    // libphonenumber's reading of a bare 62… that is also a valid national number.
    let p = Phone::parse("62215550123").unwrap();
    assert_eq!(&*p.national(), "(0622) 15550123");
    // Same for a 9-digit mobile NSN behind a bare 62: it reads as a 0628 fixed line.
    let p = Phone::parse("62811000000").unwrap();
    assert_eq!(p.number_type(), PhoneType::FixedLine);
    assert_eq!(
        Phone::parse("+62811000000").unwrap().number_type(),
        PhoneType::Mobile
    );
}

#[test]
fn short_numbers() {
    for s in ["110", "112", "113", "118", "119"] {
        let n = phone::parse_short(s).unwrap();
        assert!(n.is_emergency() && n.is_toll_free(), "{s}");
        assert_eq!(n.as_str(), s);
    }
    let n = phone::parse_short("14000").unwrap();
    assert!(!n.is_emergency());
    assert!(phone::parse_short("71400").unwrap().is_carrier_specific());
    for s in ["111", "123", "0112", "+62 112", "08123456789"] {
        assert_eq!(
            phone::parse_short(s),
            Err(PhoneError::NotShortNumber),
            "{s}"
        );
    }
}

#[test]
fn classify_and_type_names() {
    assert_eq!(phone::classify_nsn(b"81234567890"), PhoneType::Mobile);
    assert_eq!(phone::classify_nsn(b"8412345678"), PhoneType::Unknown);
    assert_eq!(phone::classify_nsn(b""), PhoneType::Unknown);
    assert_eq!(phone::classify_nsn(b"81x"), PhoneType::Unknown);
    let names = [
        (PhoneType::Mobile, "mobile"),
        (PhoneType::FixedLine, "fixed_line"),
        (PhoneType::TollFree, "toll_free"),
        (PhoneType::PremiumRate, "premium_rate"),
        (PhoneType::SharedCost, "shared_cost"),
        (PhoneType::Uan, "uan"),
        (PhoneType::Unknown, "unknown"),
    ];
    for (t, s) in names {
        assert_eq!(t.as_str(), s);
        assert_eq!(t.to_string(), s);
    }
}

#[test]
fn debug_is_masked() {
    let p = Phone::parse("0812-3456-7890").unwrap();
    let d = format!("{p:?}");
    assert_eq!(d, "Phone(812********)");
    assert!(!format!("{:?}", p.e164()).contains("3456"));
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip() {
    let p = Phone::parse("0812-3456-7890").unwrap();
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(json, "\"+6281234567890\"");
    assert_eq!(serde_json::from_str::<Phone>(&json).unwrap(), p);
    assert_eq!(
        serde_json::to_string(&PhoneType::FixedLine).unwrap(),
        "\"fixed_line\""
    );
    let err = serde_json::from_str::<Phone>("\"0841-2345-6789\"")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("0841"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        let r = Phone::parse_bytes(&bytes);
        prop_assert_eq!(r.is_ok(), phone::is_valid(&bytes));
        let _ = phone::parse_short_bytes(&bytes);
    }

    #[test]
    fn never_panics_on_phone_like_text(s in "[+(]{0,2}[0-9 ().\\-/]{0,30}") {
        if let Ok(p) = Phone::parse(&s) {
            prop_assert_eq!(Phone::parse(&p.e164()), Ok(p));
        }
    }

    #[test]
    fn mobile_round_trip(prefix in prop::sample::select(vec!["811", "812", "813", "821", "852", "855", "857", "859", "877", "878", "881", "895", "899"]),
                         rest in "[0-9]{6,9}") {
        let national = format!("0{prefix}{rest}");
        let p = Phone::parse(&national).unwrap();
        prop_assert_eq!(p.number_type(), PhoneType::Mobile);
        prop_assert_eq!(&*p.e164(), format!("+62{prefix}{rest}"));
        prop_assert!(p.operator().is_some());
        for form in [p.e164(), p.national(), p.international()] {
            let again = Phone::parse(&form).unwrap();
            prop_assert_eq!(again, p);
            prop_assert_eq!(again.e164(), p.e164());
        }
        // A bare 62 is the country code only where the digits are no valid national
        // number as written (libphonenumber's rule): always from 10 NSN digits on.
        if rest.len() >= 7 {
            prop_assert_eq!(Phone::parse(&format!("62{prefix}{rest}")), Ok(p));
        }
        prop_assert_eq!(Phone::parse(&format!("+620{prefix}{rest}")).map(|q| q.had_extra_zero()), Ok(true));
    }

    #[test]
    fn fixed_round_trip(area in prop::sample::select(vec!["21", "22", "24", "31", "61", "274", "361", "411", "711", "967"]),
                        rest in "[1-9][0-9]{6}") {
        let p = Phone::parse(&format!("(0{area}) {rest}")).unwrap();
        prop_assert_eq!(p.number_type(), PhoneType::FixedLine);
        prop_assert!(p.area().is_some());
        prop_assert_eq!(Phone::parse(&p.e164()), Ok(p));
        prop_assert_eq!(Phone::parse(&p.national()), Ok(p));
    }
}
