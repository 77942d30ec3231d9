//! NIK: the vectors of identifiers.md §1.12 and the traps of §9 (1-12).

use identitas::{Date, FormatError, Kk, Nik, NikError, RegionStatus, Sex, kk, nik};
use proptest::prelude::*;

fn reference() -> Date {
    Date::new(2025, 6, 1).unwrap()
}

struct Valid {
    input: &'static str,
    compact: &'static str,
    province: &'static str,
    regency: &'static str,
    district: &'static str,
    status: RegionStatus,
    successor: Option<u32>,
    sex: Sex,
    born: &'static str,
    ambiguous: bool,
    serial: u16,
}

const JAKARTA: &str = "Daerah Khusus Ibukota Jakarta";
const PUSAT: &str = "Kota Administrasi Jakarta Pusat";

#[rustfmt::skip]
const VALID: &[Valid] = &[
    Valid { input: "3171011708450001", compact: "3171011708450001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1945-08-17", ambiguous: false, serial: 1 },
    Valid { input: "3171015708450001", compact: "3171015708450001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Female, born: "1945-08-17", ambiguous: false, serial: 1 },
    Valid { input: "32.7305.601090.0009", compact: "3273056010900009", province: "Jawa Barat", regency: "Kota Bandung", district: "Andir", status: RegionStatus::Current, successor: None, sex: Sex::Female, born: "1990-10-20", ambiguous: false, serial: 9 },
    Valid { input: "3276055708900002", compact: "3276055708900002", province: "Jawa Barat", regency: "Kota Depok", district: "Sukmajaya", status: RegionStatus::Current, successor: None, sex: Sex::Female, born: "1990-08-17", ambiguous: false, serial: 2 },
    // Trap 3: retired Papua codes stay valid; names are today's, with the successor code.
    Valid { input: "9109014107850001", compact: "9109014107850001", province: "Papua", regency: "Kabupaten Mimika", district: "Mimika Baru", status: RegionStatus::Retired, successor: Some(940401), sex: Sex::Female, born: "1985-07-01", ambiguous: false, serial: 1 },
    // Trap 2: Kalimantan Utara (65) is rejected by BPS-based libraries.
    Valid { input: "6571011708900001", compact: "6571011708900001", province: "Kalimantan Utara", regency: "Kota Tarakan", district: "Tarakan Barat", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1990-08-17", ambiguous: false, serial: 1 },
    Valid { input: "9271011708900001", compact: "9271011708900001", province: "Papua Barat", regency: "Kota Sorong", district: "Sorong", status: RegionStatus::Retired, successor: Some(967101), sex: Sex::Male, born: "1990-08-17", ambiguous: false, serial: 1 },
    // Trap 9: 29-02-00 exists only as 2000.
    Valid { input: "3171012902000001", compact: "3171012902000001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "2000-02-29", ambiguous: false, serial: 1 },
    // Trap 7: century pivot against the reference date, ambiguity flagged.
    Valid { input: "3171010101200001", compact: "3171010101200001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "2020-01-01", ambiguous: true, serial: 1 },
    Valid { input: "3171010101300001", compact: "3171010101300001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1930-01-01", ambiguous: false, serial: 1 },
    // Separators people write, spreadsheet apostrophe, NBSP.
    Valid { input: "3171 0117 0845 0001", compact: "3171011708450001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1945-08-17", ambiguous: false, serial: 1 },
    Valid { input: "'3171011708450001", compact: "3171011708450001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1945-08-17", ambiguous: false, serial: 1 },
    Valid { input: " 317101/170845/0001\u{a0}", compact: "3171011708450001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1945-08-17", ambiguous: false, serial: 1 },
    Valid { input: "31-71-01-17-08-45-0001", compact: "3171011708450001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1945-08-17", ambiguous: false, serial: 1 },
    // Trap 8: official placeholder dates (1 July, 31 December, the 15th) are valid.
    Valid { input: "3171013112600001", compact: "3171013112600001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1960-12-31", ambiguous: false, serial: 1 },
    Valid { input: "3171015503700001", compact: "3171015503700001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Female, born: "1970-03-15", ambiguous: false, serial: 1 },
    // Highest female day: 71 = 31st.
    Valid { input: "3171017112700001", compact: "3171017112700001", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Female, born: "1970-12-31", ambiguous: false, serial: 1 },
    Valid { input: "3171011708459999", compact: "3171011708459999", province: JAKARTA, regency: PUSAT, district: "Gambir", status: RegionStatus::Current, successor: None, sex: Sex::Male, born: "1945-08-17", ambiguous: false, serial: 9999 },
];

#[test]
fn valid_vectors_decode() {
    for v in VALID {
        let nik = Nik::parse(v.input).unwrap_or_else(|e| panic!("{}: {e}", v.input));
        assert!(nik::is_valid(v.input.as_bytes()), "{}", v.input);
        assert_eq!(nik.compact(), v.compact);
        assert_eq!(nik.format(), v.compact);
        let r = nik.region();
        assert_eq!(r.province(), Some(v.province), "{}", v.input);
        assert_eq!(r.regency(), Some(v.regency), "{}", v.input);
        assert_eq!(r.district(), Some(v.district), "{}", v.input);
        assert_eq!(r.status(), v.status, "{}", v.input);
        assert_eq!(r.successor(), v.successor, "{}", v.input);
        assert_eq!(nik.region_code(), &v.compact[..6]);
        assert_eq!(nik.sex(), v.sex, "{}", v.input);
        let born = nik.birth_date(reference()).unwrap();
        assert_eq!(born.date.to_string(), v.born, "{}", v.input);
        assert_eq!(born.century_ambiguous, v.ambiguous, "{}", v.input);
        assert_eq!(nik.serial(), v.serial);
        assert_eq!(Nik::parse_at(v.input, reference()), Ok(nik));
    }
}

#[test]
fn invalid_vectors_give_precise_errors() {
    #[rustfmt::skip]
    let cases: &[(&str, NikError)] = &[
        ("3171013508450001", NikError::InvalidDay),          // day 35
        ("3171018108900001", NikError::InvalidDay),          // day 81: python-stdnum reads the 1st
        ("3171014008900001", NikError::InvalidDay),          // day 40
        ("3171017208900001", NikError::InvalidDay),          // day 72
        ("3171010008900001", NikError::InvalidDay),          // day 00
        ("3171011713450001", NikError::InvalidMonth),        // month 13
        ("3171011700450001", NikError::InvalidMonth),        // month 00
        ("3171011708450000", NikError::InvalidSerial),       // trap 10: serial 0000
        ("3502027102019913", NikError::InvalidDate),         // libktpnik's 31 February
        ("3171013102900001", NikError::InvalidDate),         // 31 February
        ("3171012902010001", NikError::InvalidDate),         // 29 February 2001 / 1901
        ("0171011708450001", NikError::UnknownProvince),
        ("2222222222222222", NikError::UnknownProvince),     // a known dummy value
        ("1111111111111111", NikError::RepeatedDigits),      // in range, but a repdigit
        ("9999999999999999", NikError::UnknownProvince),
        ("1050245708900001", NikError::UnknownProvince),     // trap 26: an explainer's junk prefix
        ("317101170845001", NikError::InvalidLength { digits: 15 }),
        ("31710117084500011", NikError::InvalidLength { digits: 17 }),
        ("31710117084500011234", NikError::InvalidLength { digits: 20 }),
        ("", NikError::Format(FormatError::Empty)),
        ("   ", NikError::Format(FormatError::Empty)),
        ("3.17101E+15", NikError::Format(FormatError::SpreadsheetFloat)),
        ("317101170845000A", NikError::Format(FormatError::InvalidCharacter { position: 15 })),
        ("NIK 3171011708450001", NikError::Format(FormatError::InvalidCharacter { position: 0 })),
        ("3171011708450001-", NikError::Format(FormatError::InvalidSeparator { position: 16 })),
        ("3171--..0117084500 01", NikError::Format(FormatError::InvalidSeparator { position: 7 })),
        ("３１７１０１１７０８４５０００１", NikError::Format(FormatError::InvalidCharacter { position: 0 })),
    ];
    for (input, want) in cases {
        assert_eq!(Nik::parse(input), Err(*want), "{input:?}");
        assert!(!nik::is_valid(input.as_bytes()), "{input:?}");
        assert!(!want.code().is_empty());
    }
}

#[test]
fn no_check_digit_is_applied() {
    // Trap 1: changing the last digit of a valid NIK keeps it valid (only 0000 is not).
    for last in b'1'..=b'9' {
        let mut n = *b"3171011708450001";
        n[15] = last;
        assert!(nik::is_valid(&n), "{}", String::from_utf8_lossy(&n));
    }
}

#[test]
fn unknown_district_is_valid_but_unknown() {
    let nik = Nik::parse("3171991708450001").unwrap();
    let r = nik.region();
    assert_eq!(r.status(), RegionStatus::Unknown);
    assert_eq!(r.regency(), Some(PUSAT));
    assert_eq!(r.district(), None);
    // Unknown regency too: only the province is known.
    let r = Nik::parse("3199011708450001").unwrap().region();
    assert_eq!(
        (r.status(), r.province(), r.regency()),
        (RegionStatus::Unknown, Some(JAKARTA), None)
    );
}

#[test]
fn reference_date_pivot_and_future_dates() {
    let nik = Nik::parse("3171011708450001").unwrap();
    // Before 17-08-2045 the NIK is a 1945 birth; after it, 2045 is just as possible.
    let later = Date::new(2046, 1, 1).unwrap();
    let born = nik.birth_date(later).unwrap();
    assert_eq!(
        (born.date.to_string().as_str(), born.century_ambiguous),
        ("2045-08-17", true)
    );
    // A reference before both centuries' dates: in the future.
    let early = Date::new(1940, 1, 1).unwrap();
    assert_eq!(
        Nik::parse_at("3171011708450001", early),
        Err(NikError::DateInFuture)
    );
    assert_eq!(nik.birth_date(early), None);
    // 29-02-00 before 2000 could only be 1900, which has no 29 February.
    let y1999 = Date::new(1999, 12, 31).unwrap();
    assert_eq!(
        Nik::parse_at("3171012902000001", y1999),
        Err(NikError::DateInFuture)
    );
}

#[test]
fn debug_masks_and_errors_carry_no_input() {
    let nik = Nik::parse("3171015708450001").unwrap();
    assert_eq!(format!("{nik:?}"), "Nik(317101**********)");
    let err = Nik::parse("3171019908450001").unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(!text.contains("317101") && !text.contains("99"), "{text}");
}

#[test]
fn bytes_that_are_not_utf8() {
    assert!(Nik::parse_bytes(b"3171011708450001").is_ok());
    assert_eq!(
        Nik::parse_bytes(b"\xff3171011708450001"),
        Err(NikError::Format(FormatError::InvalidCharacter {
            position: 0
        }))
    );
    assert!(Nik::parse_bytes(b"3171\xc2\xa00117\xc2\xa008450001").is_ok());
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip() {
    let nik = Nik::parse("32.7305.601090.0009").unwrap();
    let json = serde_json::to_string(&nik).unwrap();
    assert_eq!(json, "\"3273056010900009\"");
    assert_eq!(serde_json::from_str::<Nik>(&json).unwrap(), nik);
    let err = serde_json::from_str::<Nik>("\"3273059910900009\"")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("3273059910900009"), "{err}");
}

/// A strategy for valid NIK digits: a known region prefix, an existing date, a non-zero serial.
fn valid_nik() -> impl Strategy<Value = String> {
    let regions = prop::sample::select(vec![
        "317101", "327305", "910901", "657101", "927101", "110101", "960101",
    ]);
    (
        regions,
        1u8..=28,
        1u8..=12,
        0u8..=99,
        prop::bool::ANY,
        1u16..=9999,
    )
        .prop_map(|(r, d, m, y, f, s)| {
            let day = if f { d + 40 } else { d };
            format!("{r}{day:02}{m:02}{y:02}{s:04}")
        })
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
        let parsed = Nik::parse_bytes(&bytes);
        prop_assert_eq!(parsed.is_ok(), nik::is_valid(&bytes));
    }

    #[test]
    fn round_trips_through_every_separator(n in valid_nik(), sep in prop::sample::select(vec![" ", ".", "-", "/", "\u{a0}", " . "])) {
        let nik = Nik::parse(&n).unwrap();
        prop_assert_eq!(nik.compact(), n.as_str());
        let written = format!("{}{sep}{}{sep}{}{sep}{}", &n[..2], &n[2..6], &n[6..12], &n[12..]);
        prop_assert_eq!(Nik::parse(&written), Ok(nik));
        prop_assert_eq!(Nik::parse(nik.format()), Ok(nik));
        let born = nik.birth_date(reference()).unwrap();
        prop_assert_eq!(born.date.day(), nik.birth_day());
        prop_assert!(born.date <= reference());
    }

    /// Any 16 digits (valid or not) written in groups with single separators
    /// (the simple scanner's shape), or with the general scanner's extras: the
    /// same NIK or the same error as the plain digits, for NIK and KK alike.
    #[test]
    fn grouped_forms_agree_with_plain_digits(
        province in 0u8..100,
        rest in "[0-9]{4}",
        day in 0u8..80,
        month in 0u8..15,
        tail in "[0-9]{6}",
        cuts in prop::collection::btree_set(1usize..16, 0..5),
        sep in prop::sample::select(vec![" ", ".", "-", "/", "\u{a0}", " . ", "\u{2013}"]),
        padded in any::<bool>(),
    ) {
        let plain = format!("{province:02}{rest}{day:02}{month:02}{tail}");
        let mut written = String::new();
        for (i, c) in plain.chars().enumerate() {
            if cuts.contains(&i) {
                written.push_str(sep);
            }
            written.push(c);
        }
        if padded {
            written = format!(" '{written} ");
        }
        prop_assert_eq!(Nik::parse(&written), Nik::parse(&plain));
        prop_assert_eq!(nik::is_valid(written.as_bytes()), Nik::parse(&plain).is_ok());
        prop_assert_eq!(Kk::parse(&written), Kk::parse(&plain));
        prop_assert_eq!(kk::is_valid(written.as_bytes()), Kk::parse(&plain).is_ok());
    }

    #[test]
    fn sex_follows_the_day_offset(n in valid_nik()) {
        let nik = Nik::parse(&n).unwrap();
        let raw: u8 = n[6..8].parse().unwrap();
        prop_assert_eq!(nik.sex() == Sex::Female, raw > 40);
    }
}
