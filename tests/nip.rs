//! NIP: identifiers.md §6 vectors, the plausibility rules, property tests.

use identitas::{Date, ErrorKind, FormatError, Nip, NipError, Sex, nip};
use proptest::prelude::*;

#[test]
fn valid_vectors_section_6() {
    for input in [
        "19660801 198803 1 001",
        "19660801.198803.1.001",
        "196608011988031001",
        "'196608011988031001",
        "19660801-198803-1-001",
    ] {
        let n = Nip::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(n.compact(), "196608011988031001");
        assert_eq!(&*n.format(), "19660801 198803 1 001");
        assert_eq!(n.birth_date(), Date::new(1966, 8, 1).unwrap());
        assert_eq!(n.appointment_year(), 1988);
        assert_eq!(n.appointment_month(), 3);
        assert_eq!(n.sex(), Sex::Male);
        assert_eq!(n.serial(), 1);
        assert_eq!(n.age_at_appointment(), 21);
        assert!(nip::is_valid(input.as_bytes()));
        assert_eq!(input.parse::<Nip>(), Ok(n));
        assert_eq!(Nip::try_from(input), Ok(n));
    }
    let f = Nip::parse("19900229 201501 2 123").unwrap_err();
    assert_eq!(f, NipError::InvalidBirthDate, "1990 is not a leap year");
    let f = Nip::parse("19920229 201501 2 123").unwrap();
    assert_eq!(f.sex(), Sex::Female);
    assert_eq!(f.serial(), 123);
    assert_eq!(f.birth_date().to_string(), "1992-02-29");
}

#[test]
fn minimum_age_rule_is_month_precise() {
    // Born 2000-03-15: March 2018 is 18 (month precision), February 2018 is not.
    assert_eq!(
        Nip::parse("20000315 201803 1 001")
            .unwrap()
            .age_at_appointment(),
        18
    );
    assert_eq!(
        Nip::parse("20000315 201802 1 001"),
        Err(NipError::TooYoungAtAppointment)
    );
    // The lenient parser skips only this rule.
    let young = Nip::parse_lenient("20000315 201802 1 001").unwrap();
    assert_eq!(young.age_at_appointment(), 17);
    assert_eq!(
        Nip::parse_lenient("20000315 199912 1 001"),
        Err(NipError::AppointmentBeforeBirth)
    );
    assert_eq!(
        Nip::parse_lenient("20000315 200003 1 001")
            .unwrap()
            .age_at_appointment(),
        0
    );
}

#[test]
fn invalid_vectors() {
    let table: [(&str, NipError, ErrorKind, &str); 14] = [
        (
            "150307928",
            NipError::InvalidLength { digits: 9 },
            ErrorKind::Length,
            "invalid_length",
        ),
        (
            "1966080119880310011",
            NipError::InvalidLength { digits: 19 },
            ErrorKind::Length,
            "invalid_length",
        ),
        (
            "19660231 198803 1 001",
            NipError::InvalidBirthDate,
            ErrorKind::Component,
            "invalid_birth_date",
        ),
        (
            "19661301 198803 1 001",
            NipError::InvalidBirthDate,
            ErrorKind::Component,
            "invalid_birth_date",
        ),
        (
            "18990801 198803 1 001",
            NipError::InvalidBirthDate,
            ErrorKind::Component,
            "invalid_birth_date",
        ),
        (
            "19660801 198813 1 001",
            NipError::InvalidAppointment,
            ErrorKind::Component,
            "invalid_appointment",
        ),
        (
            "19660801 198800 1 001",
            NipError::InvalidAppointment,
            ErrorKind::Component,
            "invalid_appointment",
        ),
        (
            "19660801 210003 1 001",
            NipError::InvalidAppointment,
            ErrorKind::Component,
            "invalid_appointment",
        ),
        (
            "19660801 196607 1 001",
            NipError::AppointmentBeforeBirth,
            ErrorKind::Component,
            "appointment_before_birth",
        ),
        (
            "19660801 198003 1 001",
            NipError::TooYoungAtAppointment,
            ErrorKind::Component,
            "too_young_at_appointment",
        ),
        (
            "19660801 198803 3 001",
            NipError::InvalidSex,
            ErrorKind::Component,
            "invalid_sex",
        ),
        (
            "19660801 198803 0 001",
            NipError::InvalidSex,
            ErrorKind::Component,
            "invalid_sex",
        ),
        (
            "19660801 198803 1 000",
            NipError::InvalidSerial,
            ErrorKind::Component,
            "invalid_serial",
        ),
        (
            "19660801 198803 1 0O1",
            NipError::Format(FormatError::InvalidCharacter { position: 19 }),
            ErrorKind::Format,
            "invalid_character",
        ),
    ];
    for (input, err, kind, code) in table {
        assert_eq!(Nip::parse(input), Err(err), "{input}");
        assert_eq!(err.kind(), kind, "{input}");
        assert_eq!(err.code(), code, "{input}");
        assert!(!nip::is_valid(input.as_bytes()), "{input}");
    }
    // Repeated digits fail on their own: 1111-11-11 is before 1900.
    assert!(Nip::parse("111111111111111111").is_err());
}

#[test]
fn debug_is_masked() {
    let n = Nip::parse("19660801 198803 1 001").unwrap();
    assert_eq!(format!("{n:?}"), "Nip(******************)");
    assert!(!format!("{:?}", n.format()).contains("1966"));
    let e = Nip::parse("19660801 198803 3 001").unwrap_err();
    assert!(!format!("{e:?} {e}").contains("1966"));
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip() {
    let n = Nip::parse("19660801 198803 1 001").unwrap();
    let json = serde_json::to_string(&n).unwrap();
    assert_eq!(json, "\"196608011988031001\"");
    assert_eq!(serde_json::from_str::<Nip>(&json).unwrap(), n);
    assert!(serde_json::from_str::<Nip>("\"196608011988033001\"").is_err());
}

/// A valid NIP from its fields (written by hand, independent of the library).
fn make(y: u16, m: u8, d: u8, ty: u16, tm: u8, sex: u8, serial: u16) -> String {
    format!("{y:04}{m:02}{d:02}{ty:04}{tm:02}{sex}{serial:03}")
}

proptest! {
    #[test]
    fn round_trips(
        y in 1900u16..2070, m in 1u8..13, d in 1u8..29,
        after in 216u32..600, sex in 1u8..3, serial in 1u16..1000, style in 0u8..3,
    ) {
        let appointed = u32::from(y) * 12 + u32::from(m) - 1 + after;
        let (ty, tm) = ((appointed / 12) as u16, (appointed % 12 + 1) as u8);
        prop_assume!(ty <= 2099);
        let s = make(y, m, d, ty, tm, sex, serial);
        let input = match style {
            0 => s.clone(),
            1 => format!("{} {} {} {}", &s[..8], &s[8..14], &s[14..15], &s[15..]),
            _ => format!("{}.{}.{}.{}", &s[..8], &s[8..14], &s[14..15], &s[15..]),
        };
        let n = Nip::parse(&input).unwrap();
        prop_assert_eq!(n.compact(), s.as_str());
        prop_assert_eq!(Nip::parse(&n.format()), Ok(n));
        prop_assert_eq!(Nip::parse(n.compact()), Ok(n));
        prop_assert_eq!(u32::from(n.age_at_appointment()), after / 12);
        prop_assert_eq!(n.sex(), if sex == 2 { Sex::Female } else { Sex::Male });
        prop_assert_eq!(n.serial(), serial);
        prop_assert_eq!((n.appointment_year(), n.appointment_month()), (ty, tm));
    }

    #[test]
    fn under_18_is_rejected_but_lenient_accepts(
        y in 1950u16..2050, m in 1u8..13, after in 0u32..216,
    ) {
        let appointed = u32::from(y) * 12 + u32::from(m) - 1 + after;
        let (ty, tm) = ((appointed / 12) as u16, (appointed % 12 + 1) as u8);
        let s = make(y, m, 10, ty, tm, 1, 1);
        prop_assert_eq!(Nip::parse(&s), Err(NipError::TooYoungAtAppointment));
        prop_assert!(Nip::parse_lenient(&s).is_ok());
    }

    #[test]
    fn never_panics(b in proptest::collection::vec(any::<u8>(), 0..40)) {
        prop_assert_eq!(nip::is_valid(&b), Nip::parse_bytes(&b).is_ok());
    }

    #[test]
    fn never_panics_on_digits(s in "[0-9 .]{0,24}") {
        if let Ok(n) = Nip::parse(&s) {
            prop_assert_eq!(Nip::parse(&n.format()), Ok(n));
        }
        let _ = Nip::parse_lenient(&s);
    }
}
