//! KK numbers: identifiers.md §2 and trap 11.

use identitas::{Date, Kk, KkError, Nik, RegionStatus, kk};
use proptest::prelude::*;

fn reference() -> Date {
    Date::new(2025, 6, 1).unwrap()
}

#[test]
fn decodes_region_issue_date_and_serial() {
    let kk = Kk::parse("3273-05-120315-0007").unwrap();
    assert_eq!(kk.compact(), "3273051203150007");
    assert_eq!(kk.region_code(), "327305");
    assert_eq!(kk.region().district(), Some("Andir"));
    assert_eq!(
        kk.issue_date(reference()).unwrap().to_string(),
        "2015-03-12"
    );
    assert_eq!(kk.serial(), 7);
    assert_eq!(format!("{kk:?}"), "Kk(327305**********)");
}

#[test]
fn no_female_offset_in_a_kk() {
    // Trap 11: day 41-71 marks a woman's NIK, never a KK number.
    assert!(Nik::parse("3276055708900002").is_ok());
    assert_eq!(Kk::parse("3276055708900002"), Err(KkError::InvalidDay));
    assert!(!kk::is_valid(b"3276055708900002"));
}

#[test]
fn invalid_kk_numbers() {
    #[rustfmt::skip]
    let cases: &[(&str, KkError)] = &[
        ("3273053203150007", KkError::InvalidDay),
        ("3273051213150007", KkError::InvalidMonth),
        ("3273053002150007", KkError::InvalidDate),
        ("3273051203150000", KkError::InvalidSerial),
        ("0173051203150007", KkError::UnknownProvince),
        ("327305120315007", KkError::InvalidLength { digits: 15 }),
        ("1111111111111111", KkError::RepeatedDigits),
    ];
    for (input, want) in cases {
        assert_eq!(Kk::parse(input), Err(*want), "{input}");
        assert!(!kk::is_valid(input.as_bytes()));
    }
}

#[test]
fn retired_region_and_future_issue_dates() {
    let kk = Kk::parse("9201011203150001").unwrap();
    assert_eq!(kk.region().status(), RegionStatus::Retired);
    assert_eq!(
        Kk::parse_at("3273051203300007", Date::new(1920, 1, 1).unwrap()),
        Err(KkError::DateInFuture)
    );
}

proptest! {
    #[test]
    fn never_panics(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
        prop_assert_eq!(Kk::parse_bytes(&bytes).is_ok(), kk::is_valid(&bytes));
    }

    #[test]
    fn every_valid_kk_with_a_plain_day_is_also_a_nik(d in 1u8..=28, m in 1u8..=12, y in 0u8..=99, s in 1u16..=9999) {
        let n = format!("327305{d:02}{m:02}{y:02}{s:04}");
        let kk = Kk::parse(&n).unwrap();
        prop_assert!(Nik::parse(&n).is_ok());
        prop_assert_eq!(Kk::parse(kk.format()), Ok(kk));
    }
}
