//! NPWP and NITKU: identifiers.md §3 vectors, traps 13-16 and 18, property tests.
//! All numbers are synthetic or from the reference's public test vectors.

use identitas::{
    ErrorKind, FormatError, Nik, NikError, Nitku, NitkuError, Npwp, NpwpError, NpwpForm, nitku,
    npwp,
};
use proptest::prelude::*;

/// Luhn check digit for eight taxpayer digits (independent of the library's code).
fn check_digit(d8: &[u8]) -> u8 {
    let sum: u32 = d8
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let v = u32::from(b - b'0') * if i % 2 == 1 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// A valid 15-digit NPWP from the 8 taxpayer digits and 6 trailing digits.
fn make15(d8: &str, tail: &str) -> String {
    format!("{d8}{}{tail}", check_digit(d8.as_bytes()))
}

#[test]
fn valid_vectors_section_3_5() {
    // (input, form, compact, normalized, format)
    let table = [
        (
            "01.312.166.0-091.000",
            NpwpForm::Npwp15,
            "013121660091000",
            "0013121660091000",
            "01.312.166.0-091.000",
        ),
        (
            "013121660091000",
            NpwpForm::Npwp15,
            "013121660091000",
            "0013121660091000",
            "01.312.166.0-091.000",
        ),
        (
            "02 . 433 . 917 . 8 - 011 . 000",
            NpwpForm::Npwp15,
            "024339178011000",
            "0024339178011000",
            "02.433.917.8-011.000",
        ),
        (
            "083.132.665.7-201.000",
            NpwpForm::Npwp16,
            "0831326657201000",
            "0831326657201000",
            "083.132.665.7-201.000",
        ),
        (
            "0831326657201000",
            NpwpForm::Npwp16,
            "0831326657201000",
            "0831326657201000",
            "083.132.665.7-201.000",
        ),
        (
            "3171011708450001",
            NpwpForm::Nik,
            "3171011708450001",
            "3171011708450001",
            "3171011708450001",
        ),
        (
            "3171 0117 0845 0001",
            NpwpForm::Nik,
            "3171011708450001",
            "3171011708450001",
            "3171011708450001",
        ),
        (
            "'01.312.166.0-091.000",
            NpwpForm::Npwp15,
            "013121660091000",
            "0013121660091000",
            "01.312.166.0-091.000",
        ),
    ];
    for (input, form, compact, normalized, formatted) in table {
        let n = Npwp::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(n.form(), form, "{input}");
        assert_eq!(n.compact(), compact, "{input}");
        assert_eq!(n.normalized(), normalized, "{input}");
        assert_eq!(&*n.format(), formatted, "{input}");
        assert!(n.check_digit_valid(), "{input}");
        assert!(npwp::is_valid(input.as_bytes()), "{input}");
        assert_eq!(input.parse::<Npwp>(), Ok(n));
        assert_eq!(Npwp::try_from(input), Ok(n));
    }
}

#[test]
fn decodes_the_15_digit_layout() {
    let n = Npwp::parse("01.312.166.0-091.000").unwrap();
    assert_eq!(n.tax_type(), Some("01"));
    assert_eq!(n.serial(), Some("312166"));
    assert_eq!(n.check_digit(), Some(0));
    assert_eq!(n.expected_check_digit(), Some(0));
    assert_eq!(n.tax_office(), Some("091"));
    assert_eq!(n.branch(), Some("000"));
    assert_eq!(n.is_head_office(), Some(true));
    assert_eq!(n.nik(), None);

    let djp = Npwp::parse("0831326657201000").unwrap();
    assert_eq!(djp.tax_type(), Some("83"));
    assert_eq!(djp.serial(), Some("132665"));
    assert_eq!(djp.check_digit(), Some(7));
    assert_eq!(djp.tax_office(), Some("201"));
    assert_eq!(djp.branch(), Some("000"));

    let branch = Npwp::parse(&make15("01312166", "091002")).unwrap();
    assert_eq!(branch.branch(), Some("002"));
    assert_eq!(branch.is_head_office(), Some(false));
}

#[test]
fn worked_example_check_digit() {
    // identifiers.md §3.2: 02.183.241.5 — the digit is 5.
    assert_eq!(make15("02183241", "054000"), "021832415054000");
    assert!(Npwp::parse("02.183.241.5-054.000").is_ok());
    assert_eq!(
        Npwp::parse("02.183.241.4-054.000"),
        Err(NpwpError::InvalidChecksum)
    );
}

#[test]
fn nik_form_has_no_check_digit() {
    // Trap 13: no Luhn on NIK-based NPWPs. This NIK fails Luhn but is a valid NIK.
    let nik = "3171011708450001";
    assert!(!luhn(nik.as_bytes()));
    let n = Npwp::parse(nik).unwrap();
    assert_eq!(n.form(), NpwpForm::Nik);
    assert_eq!(n.nik(), Some(Nik::parse(nik).unwrap()));
    assert_eq!(n.tax_type(), None);
    assert_eq!(n.serial(), None);
    assert_eq!(n.check_digit(), None);
    assert_eq!(n.expected_check_digit(), None);
    assert_eq!(n.tax_office(), None);
    assert_eq!(n.branch(), None);
    assert_eq!(n.is_head_office(), None);
    assert_eq!(Npwp::from(Nik::parse(nik).unwrap()), n);
    // NIK rules still apply.
    assert_eq!(
        Npwp::parse("0171011708450001").map(|n| n.form()),
        Err(NpwpError::InvalidChecksum),
        "a leading 0 is the DJP form, checked with Luhn"
    );
    assert_eq!(
        Npwp::parse("3171018108900001"),
        Err(NpwpError::InvalidNik(NikError::InvalidDay))
    );
    assert_eq!(
        Npwp::parse("2222222222222222").unwrap_err().code(),
        "unknown_province"
    );
}

fn luhn(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let v = u32::from(b - b'0') * if i % 2 == 1 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    sum % 10 == 0
}

#[test]
fn type_codes_are_not_whitelisted() {
    // Trap 13: codes 41, 64 and any other two digits are accepted.
    for tt in 0..100u32 {
        let s = make15(&format!("{tt:02}312166"), "091000");
        let n = Npwp::parse(&s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(n.tax_type(), Some(&*format!("{tt:02}")));
    }
}

#[test]
fn sixteen_digits_are_not_always_nik() {
    // Trap 14: a leading 0 means DJP-issued; 15 digits are kept as written.
    assert_eq!(
        Npwp::parse("0831326657201000").unwrap().form(),
        NpwpForm::Npwp16
    );
    let old = Npwp::parse("013121660091000").unwrap();
    assert_eq!(old.compact().len(), 15);
    assert_eq!(old.to_sixteen().form(), NpwpForm::Npwp16);
    assert_eq!(old.to_sixteen().compact(), "0013121660091000");
    assert_eq!(
        Npwp::parse("0013121660091000").unwrap(),
        old.to_sixteen(),
        "0 + old 15 digits is the same taxpayer"
    );
}

#[test]
fn sixteen_digit_format_is_not_the_15_digit_mask() {
    // Trap 15: python-stdnum prints 08.313.266.5-720.1000.
    let f = Npwp::parse("0831326657201000").unwrap().format();
    assert_eq!(&*f, "083.132.665.7-201.000");
    assert_ne!(&*f, "08.313.266.5-720.1000");
}

#[test]
fn invalid_vectors() {
    let table: [(&str, NpwpError, ErrorKind, &str); 12] = [
        (
            "01.451.869.7-054.000",
            NpwpError::InvalidChecksum,
            ErrorKind::Checksum,
            "invalid_checksum",
        ),
        (
            "0831326658201000",
            NpwpError::InvalidChecksum,
            ErrorKind::Checksum,
            "invalid_checksum",
        ),
        (
            "12345678901234",
            NpwpError::InvalidLength { digits: 14 },
            ErrorKind::Length,
            "invalid_length",
        ),
        (
            "08313266572010001",
            NpwpError::InvalidLength { digits: 17 },
            ErrorKind::Length,
            "invalid_length",
        ),
        (
            "00.000.000.0-000.000",
            NpwpError::Placeholder,
            ErrorKind::Component,
            "placeholder",
        ),
        (
            "0000000000000000",
            NpwpError::Placeholder,
            ErrorKind::Component,
            "placeholder",
        ),
        (
            "",
            NpwpError::Format(FormatError::Empty),
            ErrorKind::Format,
            "empty",
        ),
        (
            "01.312.166.0-O91.000",
            NpwpError::Format(FormatError::InvalidCharacter { position: 13 }),
            ErrorKind::Format,
            "invalid_character",
        ),
        (
            "01.312.166.0-091.000-",
            NpwpError::Format(FormatError::InvalidSeparator { position: 20 }),
            ErrorKind::Format,
            "invalid_separator",
        ),
        (
            "1.31216E+13",
            NpwpError::Format(FormatError::SpreadsheetFloat),
            ErrorKind::Format,
            "spreadsheet_float",
        ),
        (
            // Trap 18: the leading 0 of a 15-digit NPWP lost as an integer.
            "13121660091000",
            NpwpError::InvalidLength { digits: 14 },
            ErrorKind::Length,
            "invalid_length",
        ),
        (
            "3171011713450001",
            NpwpError::InvalidNik(NikError::InvalidMonth),
            ErrorKind::Component,
            "invalid_month",
        ),
    ];
    for (input, err, kind, code) in table {
        assert_eq!(Npwp::parse(input), Err(err), "{input}");
        assert_eq!(err.kind(), kind, "{input}");
        assert_eq!(err.code(), code, "{input}");
        assert!(!npwp::is_valid(input.as_bytes()), "{input}");
    }
}

#[test]
fn lenient_mode_reports_the_check_digit() {
    let n = Npwp::parse_lenient("01.451.869.7-054.000").unwrap();
    assert!(!n.check_digit_valid());
    assert_eq!(n.check_digit(), Some(7));
    assert_eq!(n.expected_check_digit(), Some(0));
    assert_eq!(&*n.format(), "01.451.869.7-054.000");
    let ok = Npwp::parse_lenient("01.312.166.0-091.000").unwrap();
    assert!(ok.check_digit_valid());
    assert_eq!(ok, Npwp::parse("013121660091000").unwrap());
    // Other rules still apply.
    assert_eq!(
        Npwp::parse_lenient("00.000.000.0-000.000"),
        Err(NpwpError::Placeholder)
    );
    assert_eq!(
        Npwp::parse_bytes_lenient(b"3171018108900001"),
        Err(NpwpError::InvalidNik(NikError::InvalidDay))
    );
    assert_eq!(
        Npwp::parse_lenient("1234"),
        Err(NpwpError::InvalidLength { digits: 4 })
    );
}

#[test]
fn debug_is_masked() {
    let cases = [
        ("01.312.166.0-091.000", "Npwp(01*************)"),
        ("0831326657201000", "Npwp(083*************)"),
        ("3171011708450001", "Npwp(317101**********)"),
    ];
    for (input, shown) in cases {
        assert_eq!(format!("{:?}", Npwp::parse(input).unwrap()), shown);
    }
    let f = Npwp::parse("0831326657201000").unwrap().format();
    assert!(!format!("{f:?}").contains("132"));
    let e = Npwp::parse("01.451.869.7-054.000").unwrap_err();
    assert!(!format!("{e:?} {e}").contains("451"));
}

#[test]
fn form_names() {
    assert_eq!(NpwpForm::Npwp15.as_str(), "npwp15");
    assert_eq!(NpwpForm::Npwp16.as_str(), "npwp16");
    assert_eq!(NpwpForm::Nik.to_string(), "nik");
}

// ---------------------------------------------------------------- NITKU

#[test]
fn nitku_vectors() {
    let main = Nitku::parse("0831326657201000000000").unwrap();
    assert_eq!(main.npwp().normalized(), "0831326657201000");
    assert_eq!(main.npwp().form(), NpwpForm::Npwp16);
    assert_eq!(main.place(), 0);
    assert_eq!(main.place_code(), "000000");
    assert!(main.is_main_place());
    assert_eq!(main.compact(), "0831326657201000000000");
    assert_eq!(main.format(), "0831326657201000000000");
    assert_eq!(&*main.format_grouped(), "083.132.665.7-201.000 000000");

    let third = Nitku::parse("0831326657201000000003").unwrap();
    assert_eq!(third.place(), 3);
    assert!(!third.is_main_place());
    assert_ne!(third, main, "trap 16: the place digits matter");
    assert_eq!(third.npwp(), main.npwp());

    let nik = Nitku::parse("3171011708450001 000012").unwrap();
    assert_eq!(nik.npwp().form(), NpwpForm::Nik);
    assert_eq!(nik.place(), 12);
    assert_eq!(&*nik.format_grouped(), "3171011708450001 000012");
    assert_eq!(Nitku::parse(&nik.format_grouped()), Ok(nik));
    assert!(nitku::is_valid(b"0831326657201000000003"));
    assert_eq!("3171011708450001000012".parse::<Nitku>(), Ok(nik));
    assert_eq!(Nitku::try_from("3171011708450001000012"), Ok(nik));
}

#[test]
fn nitku_is_never_truncated() {
    // Trap 16: 16 digits are an NPWP, not a NITKU; 22 digits never parse as an NPWP.
    assert_eq!(
        Nitku::parse("0831326657201000"),
        Err(NitkuError::InvalidLength { digits: 16 })
    );
    assert_eq!(
        Npwp::parse("0831326657201000000003"),
        Err(NpwpError::InvalidLength { digits: 22 })
    );
    assert_eq!(
        Nitku::parse("08313266572010000000031"),
        Err(NitkuError::InvalidLength { digits: 23 })
    );
}

#[test]
fn nitku_invalid() {
    let bad_check = Nitku::parse("0831326658201000000000").unwrap_err();
    assert_eq!(
        bad_check,
        NitkuError::InvalidNpwp(NpwpError::InvalidChecksum)
    );
    assert_eq!(bad_check.kind(), ErrorKind::Checksum);
    assert_eq!(bad_check.code(), "invalid_checksum");
    let bad_nik = Nitku::parse("3171018108900001000000").unwrap_err();
    assert_eq!(bad_nik.code(), "invalid_day");
    assert_eq!(bad_nik.kind(), ErrorKind::Component);
    assert_eq!(Nitku::parse("x").unwrap_err().kind(), ErrorKind::Format);
    assert!(!nitku::is_valid(b"0831326658201000000000"));
    let lenient = Nitku::parse_lenient("0831326658201000000000").unwrap();
    assert!(!lenient.npwp().check_digit_valid());
}

#[test]
fn nitku_from_parts() {
    let old = Npwp::parse("01.312.166.0-091.000").unwrap();
    let n = Nitku::new(old, 7).unwrap();
    assert_eq!(n.compact(), "0013121660091000000007");
    assert_eq!(n.npwp().form(), NpwpForm::Npwp16);
    assert_eq!(Nitku::parse(n.compact()), Ok(n));
    assert_eq!(Nitku::new(old, 1_000_000), None);
    assert_eq!(Nitku::new(old, 999_999).unwrap().place(), 999_999);
}

#[test]
fn nitku_debug_is_masked() {
    let n = Nitku::parse("0831326657201000000003").unwrap();
    assert_eq!(format!("{n:?}"), "Nitku(083*******************)");
    let n = Nitku::parse("3171011708450001000003").unwrap();
    assert_eq!(format!("{n:?}"), "Nitku(317101****************)");
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip() {
    for s in ["013121660091000", "0831326657201000", "3171011708450001"] {
        let n = Npwp::parse(s).unwrap();
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, format!("\"{s}\""));
        assert_eq!(serde_json::from_str::<Npwp>(&json).unwrap(), n);
    }
    assert!(serde_json::from_str::<Npwp>("\"014518697054000\"").is_err());
    assert_eq!(
        serde_json::to_string(&NpwpForm::Npwp15).unwrap(),
        "\"npwp15\""
    );
    let n = Nitku::parse("0831326657201000000003").unwrap();
    let json = serde_json::to_string(&n).unwrap();
    assert_eq!(json, "\"0831326657201000000003\"");
    assert_eq!(serde_json::from_str::<Nitku>(&json).unwrap(), n);
    let err = serde_json::from_str::<Npwp>("\"01.451.869.7-054.000\"").unwrap_err();
    assert!(!err.to_string().contains("451"));
}

// ---------------------------------------------------------------- properties

fn valid15() -> impl Strategy<Value = String> {
    ("[0-9]{8}", "[0-9]{6}").prop_filter_map("placeholder", |(d8, tail)| {
        (d8 != "00000000").then(|| make15(&d8, &tail))
    })
}

/// Written forms of digits: plain, the official mask, or spaced groups.
fn written(digits: &str, style: u8) -> String {
    let b = digits.as_bytes();
    match (style, b.len()) {
        (1, 15) => format!(
            "{}.{}.{}.{}-{}.{}",
            &digits[..2],
            &digits[2..5],
            &digits[5..8],
            &digits[8..9],
            &digits[9..12],
            &digits[12..]
        ),
        (2, _) => digits
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" "),
        _ => digits.to_string(),
    }
}

proptest! {
    #[test]
    fn npwp15_round_trips(s in valid15(), style in 0u8..3) {
        let input = written(&s, style);
        let n = Npwp::parse(&input).unwrap();
        prop_assert_eq!(n.form(), NpwpForm::Npwp15);
        prop_assert_eq!(n.compact(), s.as_str());
        prop_assert_eq!(Npwp::parse(n.compact()), Ok(n));
        prop_assert_eq!(Npwp::parse(&n.format()), Ok(n));
        let sixteen = format!("0{s}");
        let djp = Npwp::parse(&sixteen).unwrap();
        prop_assert_eq!(djp, n.to_sixteen());
        prop_assert_eq!(Npwp::parse(&djp.format()), Ok(djp));
        prop_assert!(npwp::is_valid(input.as_bytes()));
        let nitku = format!("{sixteen}{:06}", s.len());
        prop_assert!(Nitku::parse(&nitku).is_ok());
    }

    #[test]
    fn one_wrong_digit_in_the_core_is_caught(s in valid15(), at in 0usize..9, delta in 1u8..10) {
        let mut b = s.into_bytes();
        b[at] = b'0' + (b[at] - b'0' + delta) % 10;
        prop_assume!(b[..9] != *b"000000000");
        prop_assert_eq!(Npwp::parse_bytes(&b), Err(NpwpError::InvalidChecksum));
        prop_assert!(!Npwp::parse_bytes_lenient(&b).unwrap().check_digit_valid());
    }

    #[test]
    fn is_valid_agrees_with_a_naive_oracle(s in "[0-9]{15,16}") {
        let b = s.as_bytes();
        let expected = match (b.len(), b[0]) {
            (15, _) => b[..9] != *b"000000000" && luhn(&b[..9]),
            (16, b'0') => b[1..10] != *b"000000000" && luhn(&b[1..10]),
            _ => Nik::parse(&s).is_ok(),
        };
        prop_assert_eq!(npwp::is_valid(b), expected);
        prop_assert_eq!(Npwp::parse(&s).is_ok(), expected);
    }

    /// Padding with spaces moves every input off the fast path (15/16/20/21 bytes)
    /// onto the general scanner: both must agree, also on mutated canonical forms.
    #[test]
    fn fast_path_agrees_with_the_scanner(
        s in valid15(),
        style in 0u8..3,
        sixteen in any::<bool>(),
        at in 0usize..21,
        with in prop::sample::select(vec![b'0', b'5', b'9', b'.', b'-', b' ', b'/', b'a', 0xFF]),
        mutate in any::<bool>(),
    ) {
        let digits = if sixteen { format!("0{s}") } else { s };
        let mut input = if style == 1 && sixteen {
            format!("0{}", written(&digits[1..], 1))
        } else {
            written(&digits, style)
        }
        .into_bytes();
        if mutate && at < input.len() {
            input[at] = with;
        }
        let mut padded = b" ".to_vec();
        padded.extend_from_slice(&input);
        padded.push(b' ');
        // Error positions shift with the padding; codes must not.
        prop_assert_eq!(
            Npwp::parse_bytes(&input).map_err(|e| e.code()),
            Npwp::parse_bytes(&padded).map_err(|e| e.code())
        );
        prop_assert_eq!(npwp::is_valid(&input), npwp::is_valid(&padded));
    }

    /// Any 15 digits (mostly a wrong check digit), in the canonical shapes the
    /// in-place validator takes (15/16 plain, the 20/21-byte masks), possibly
    /// with one byte changed: it agrees with the scanner and with parsing.
    #[test]
    fn in_place_validator_agrees_with_the_scanner(
        d in "[0-9]{15}",
        sixteen in any::<bool>(),
        first in prop::sample::select(vec![b'0', b'1', b'3']),
        masked in any::<bool>(),
        at in 0usize..21,
        with in prop::sample::select(vec![b'0', b'7', b'.', b'-', b' ', b'/', b':', 0x2F, 0x80]),
        mutate in any::<bool>(),
    ) {
        let mut input = written(&d, if masked { 1 } else { 0 }).into_bytes();
        if sixteen {
            input.insert(0, first);
        }
        if mutate && at < input.len() {
            input[at] = with;
        }
        let mut padded = b" ".to_vec();
        padded.extend_from_slice(&input);
        padded.push(b' ');
        let ok = npwp::is_valid(&input);
        prop_assert_eq!(ok, npwp::is_valid(&padded));
        prop_assert_eq!(ok, Npwp::parse_bytes(&input).is_ok());
    }

    #[test]
    fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..40)) {
        let ok = npwp::is_valid(&b);
        prop_assert_eq!(Npwp::parse_bytes(&b).is_ok(), ok);
        let _ = Npwp::parse_bytes_lenient(&b);
        let _ = nitku::is_valid(&b);
        let _ = Nitku::parse_bytes(&b);
    }

    #[test]
    fn never_panics_on_near_misses(s in "[0-9 .\\-/']{0,30}") {
        if let Ok(n) = Npwp::parse(&s) {
            prop_assert_eq!(Npwp::parse(&n.format()), Ok(n));
        }
        if let Ok(n) = Nitku::parse(&s) {
            prop_assert_eq!(Nitku::parse(n.format()), Ok(n));
            prop_assert_eq!(Nitku::parse(&n.format_grouped()), Ok(n));
        }
    }
}

#[test]
fn fast_path_shapes_fall_back_correctly() {
    // Lengths 15/16/20/21 that are not plain digits or the exact mask still go
    // through the general separator scanner.
    let valid = [
        "013121660-091000",
        "0 13121660091000",
        "013.121.660-091.000",
        "01.312.166.0/091.000",
        "01 312 166 0 091 000",
        "0 831326657201000",
        "0831.3266.5720.1000",
        "01.312.166.0..091.000",
    ];
    for s in valid {
        assert!(npwp::is_valid(s.as_bytes()), "{s}");
        assert!(Npwp::parse(s).is_ok(), "{s}");
    }
    let invalid = [
        ("01.312.166.0-09A.000", "invalid_character"),
        ("01.312.166.0-091.00", "invalid_length"),
        ("01.312.166.0-091.0000", "invalid_checksum"), // 16 digits: 0 + 131216600...
        ("013121660091000x", "invalid_character"),
        ("01312166009100\u{e9}", "invalid_character"),
        // The 16-digit mask with a non-zero first digit is a NIK, checked as one.
        ("223.121.660.0-091.000", "unknown_province"),
    ];
    for (s, code) in invalid {
        assert!(!npwp::is_valid(s.as_bytes()), "{s}");
        assert_eq!(Npwp::parse(s).unwrap_err().code(), code, "{s}");
    }
}
