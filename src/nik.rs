//! NIK (Nomor Induk Kependudukan): `PPKKCC DDMMYY SSSS`.
//!
//! Region of first registration (Kemendagri code), birth date with 40 added to
//! the day for women, and a serial from 0001. There is **no check digit**:
//! anything that adds one rejects real NIKs.
//!
//! ```
//! use identitas::{Date, Nik, Sex};
//!
//! let nik: Nik = "3171 0157 0845 0001".parse()?;
//! assert_eq!(nik.compact(), "3171015708450001");
//! assert_eq!(nik.sex(), Sex::Female);
//! assert_eq!(nik.region().district(), Some("Gambir"));
//! let born = nik.birth_date(Date::new(2025, 6, 1).unwrap()).unwrap();
//! assert_eq!(born.date.to_string(), "1945-08-17");
//! assert_eq!(format!("{nik:?}"), "Nik(317101**********)");
//! # Ok::<(), identitas::NikError>(())
//! ```

use core::fmt;
use core::str::FromStr;

use crate::date::Date;
use crate::digits::{self, FormatError};
use crate::error::ErrorKind;
use crate::region::{self, Region};

/// Why a value is not a valid NIK (or KK number, which shares the layout).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum NikError {
    /// Not written as digits with accepted separators.
    #[error(transparent)]
    Format(#[from] FormatError),
    /// Not 16 digits.
    #[error("expected 16 digits, found {digits}")]
    InvalidLength {
        /// Number of digits found.
        digits: usize,
    },
    /// The first two digits are no Indonesian province.
    #[error("unknown province code")]
    UnknownProvince,
    /// Day not in 01-31 (or 41-71 for a woman's NIK).
    #[error("day out of range")]
    InvalidDay,
    /// Month not in 01-12.
    #[error("month out of range")]
    InvalidMonth,
    /// Day and month in range, but no such calendar date (31 February).
    #[error("no such calendar date")]
    InvalidDate,
    /// The date is after the reference date in both centuries.
    #[error("date is after the reference date")]
    DateInFuture,
    /// Serial `0000`: numbering starts at 0001.
    #[error("serial 0000")]
    InvalidSerial,
    /// One digit repeated sixteen times: a dummy value.
    #[error("one repeated digit")]
    RepeatedDigits,
}

impl NikError {
    /// Stable snake_case code, as used in JSON output and the C ABI.
    pub const fn code(&self) -> &'static str {
        match self {
            NikError::Format(e) => e.code(),
            NikError::InvalidLength { .. } => "invalid_length",
            NikError::UnknownProvince => "unknown_province",
            NikError::InvalidDay => "invalid_day",
            NikError::InvalidMonth => "invalid_month",
            NikError::InvalidDate => "invalid_date",
            NikError::DateInFuture => "date_in_future",
            NikError::InvalidSerial => "invalid_serial",
            NikError::RepeatedDigits => "repeated_digits",
        }
    }

    /// The coarse class of the error.
    pub const fn kind(&self) -> ErrorKind {
        match self {
            NikError::Format(_) => ErrorKind::Format,
            NikError::InvalidLength { .. } => ErrorKind::Length,
            _ => ErrorKind::Component,
        }
    }
}

/// Sex encoded in a NIK (day + 40 for women) or NIP (digit 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Sex {
    /// Male.
    #[cfg_attr(feature = "serde", serde(rename = "M"))]
    Male,
    /// Female.
    #[cfg_attr(feature = "serde", serde(rename = "F"))]
    Female,
}

impl Sex {
    /// `"M"` or `"F"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Sex::Male => "M",
            Sex::Female => "F",
        }
    }
}

/// A birth date decoded from a two-digit year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BirthDate {
    /// The date in the century chosen against the reference date.
    pub date: Date,
    /// The other century was just as possible (e.g. `20` = 2020 or 1920).
    pub century_ambiguous: bool,
}

/// The 16 ASCII digits of a NIK or KK number, parsed from written input.
pub(crate) fn sixteen_digits(input: &[u8]) -> Result<[u8; 16], NikError> {
    if input.len() == 16 && digits::all_digits(input) {
        let mut d = [0u8; 16];
        d.copy_from_slice(input);
        return Ok(d);
    }
    let found = digits::extract::<16>(input)?;
    found.exact().ok_or(NikError::InvalidLength {
        digits: found.total(),
    })
}

/// Checks the region, day/month block and serial of a NIK/KK-shaped number.
///
/// `max_day` is 71 for NIKs (women's days + 40) and 31 for KK numbers.
/// Without a reference date the date must exist in 19YY or 20YY; for any
/// reference after 2000-02-29 that is the same as the pivot rule.
pub(crate) fn check_block(
    d: &[u8; 16],
    female_offset: bool,
    reference: Option<Date>,
) -> Result<(), NikError> {
    if reference.is_none() && block_is_valid(d, female_offset) {
        return Ok(());
    }
    check_fields(d, female_offset, reference)
}

/// [`check_block`] field by field, for the precise error (no fast accept first).
#[inline]
fn check_fields(
    d: &[u8; 16],
    female_offset: bool,
    reference: Option<Date>,
) -> Result<(), NikError> {
    if !region::is_known_province(digits::two(d, 0)) {
        return Err(NikError::UnknownProvince);
    }
    let raw_day = digits::two(d, 6);
    let day = match raw_day {
        1..=31 => raw_day,
        41..=71 if female_offset => raw_day - 40,
        _ => return Err(NikError::InvalidDay),
    };
    let month = digits::two(d, 8);
    if !(1..=12).contains(&month) {
        return Err(NikError::InvalidMonth);
    }
    let yy = digits::two(d, 10);
    // The date exists in 19YY or 20YY: a 29 February needs 20YY to be a leap year
    // (19YY leap years are a subset, 1900 not being one).
    let days = crate::date::days_in_month(2000 + u16::from(yy), month);
    if day > days {
        return Err(NikError::InvalidDate);
    }
    if let Some(r) = reference {
        if Date::pivot(yy, month, day, r).is_none() {
            return Err(NikError::DateInFuture);
        }
    }
    if &d[12..16] == b"0000" {
        return Err(NikError::InvalidSerial);
    }
    if digits::is_repdigit16(d) {
        return Err(NikError::RepeatedDigits);
    }
    Ok(())
}

/// The valid days of each month as bits (bit `d` for day `d`), indexed by the month
/// field (0-99) plus 128 when the two-digit year is a leap year in 20YY: one load
/// answers day, month and 29 February together. Months 0 and 13-99 have no days.
static MONTH_DAY_BITS: [u32; 256] = month_days();

/// Builds [`MONTH_DAY_BITS`] from [`crate::date::days_in_month`].
const fn month_days() -> [u32; 256] {
    let mut out = [0u32; 256];
    let mut i = 0;
    while i < out.len() {
        // 2000 is a leap year, 2001 is not: the same rule as `check_fields`.
        let year = if i >= 128 { 2000 } else { 2001 };
        let days = crate::date::days_in_month(year, (i % 128) as u8);
        // Bits 1..=days; none for a month out of range (days = 0).
        out[i] = ((1u64 << (days + 1)) - 2) as u32;
        i += 1;
    }
    out
}

/// The same rules as [`check_block`] without a reference date, as one branch-free
/// expression: the hot path of validation and scanning. Errors are worked out
/// only when this says no. Callers pass digits only.
#[inline]
pub(crate) fn block_is_valid(d: &[u8; 16], female_offset: bool) -> bool {
    let (lo, hi) = digits::words16(d);
    let zeros = 0x3030_3030_3030_3030u64;
    values_are_valid(
        lo.wrapping_sub(zeros),
        hi.wrapping_sub(zeros),
        female_offset,
    )
}

/// [`block_is_valid`] over the digit values of the 16 digits as two little-endian
/// words: all six two-digit fields from two multiplies, no byte loads, and the
/// date from one table load.
#[inline]
fn values_are_valid(lo: u64, hi: u64, female_offset: bool) -> bool {
    let (a, b) = (digits::pairs_of_values8(lo), digits::pairs_of_values8(hi));
    let raw_day = (a >> 48) as u8;
    let day = if female_offset && raw_day > 40 {
        raw_day - 40
    } else {
        raw_day
    };
    // The month field (byte 0 of `b`) is at most 99; bits 16-17 of `b` are those of yy.
    let leap = (b >> 16) & 3 == 0;
    let days = MONTH_DAY_BITS[usize::from(b as u8 & 0x7F) | usize::from(leap) << 7];
    // Days past 31 (a KK's 32-99, a NIK's 72-99 less 40) have no bit.
    let day_ok = days.checked_shr(u32::from(day)).unwrap_or(0) & 1 != 0;
    let serial_ok = hi >> 32 != 0;
    // Of the ten one-digit-repeated numbers only 1111111111111111 passes the other
    // checks (the rest fail on province or day: `only_ones_pass_but_for_the_repeat`).
    let ones = 0x0101_0101_0101_0101;
    let repdigit = (lo ^ ones) | (hi ^ ones) == 0;
    region::is_known_province(a as u8) & day_ok & serial_ok & !repdigit
}

/// The 16 digits of digits in groups with single ASCII separators
/// ([`digits::extract_simple`]), with their values as two little-endian words;
/// `None` for any other input (the general scanner's job).
#[inline]
fn grouped_digits(input: &[u8]) -> Option<([u8; 16], u64, u64)> {
    let d = digits::extract_simple::<16>(input)?.exact()?;
    let (lo, hi) = digits::words16(&d);
    let zeros = 0x3030_3030_3030_3030u64;
    Some((d, lo.wrapping_sub(zeros), hi.wrapping_sub(zeros)))
}

/// Digit values of the 16 bytes as two little-endian words, when all are ASCII digits.
#[inline]
fn digit_values(d: &[u8; 16]) -> Option<(u64, u64)> {
    let (lo, hi) = digits::words16(d);
    Some((digits::digit_values8(lo)?, digits::digit_values8(hi)?))
}

/// Fast path: is `input` (written with or without separators) a valid NIK?
#[inline]
pub fn is_valid(input: &[u8]) -> bool {
    valid_block(input, true)
}

/// NIK (`female_offset`) or KK validity without copying plain 16-digit input.
#[inline]
pub(crate) fn valid_block(input: &[u8], female_offset: bool) -> bool {
    if let Ok(plain) = <&[u8; 16]>::try_from(input) {
        if let Some((lo, hi)) = digit_values(plain) {
            return values_are_valid(lo, hi, female_offset);
        }
    }
    valid_written(input, female_offset)
}

/// [`valid_block`] for written forms (see [`Nik::parse_bytes`]).
#[inline(never)]
fn valid_written(input: &[u8], female_offset: bool) -> bool {
    if let Some((_, lo, hi)) = grouped_digits(input) {
        return values_are_valid(lo, hi, female_offset);
    }
    match sixteen_digits(input) {
        Ok(d) => block_is_valid(&d, female_offset),
        Err(_) => false,
    }
}

/// A valid NIK.
///
/// `Debug` shows only the region digits; the full number needs [`Nik::compact`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nik {
    digits: [u8; 16],
}

impl Nik {
    /// Parses a NIK written with or without separators (space, `.`, `-`, `/`, NBSP).
    ///
    /// The date must exist in 19YY or 20YY (see [`Nik::parse_at`] for a reference date).
    #[inline]
    pub fn parse(input: &str) -> Result<Nik, NikError> {
        Nik::parse_bytes(input.as_bytes())
    }

    /// [`Nik::parse`] over bytes (UTF-8 or not).
    #[inline]
    pub fn parse_bytes(input: &[u8]) -> Result<Nik, NikError> {
        // Hot path: 16 plain digits, checked in words. Other written forms and
        // their errors are worked out out of line.
        if let Ok(plain) = <&[u8; 16]>::try_from(input) {
            if let Some((lo, hi)) = digit_values(plain) {
                if values_are_valid(lo, hi, true) {
                    return Ok(Nik { digits: *plain });
                }
                return Err(Nik::field_error(plain));
            }
        }
        Nik::parse_written(input)
    }

    /// [`Nik::parse_bytes`] for written forms: digits in groups with single
    /// ASCII separators take the simple scanner, anything else the general one.
    /// Cold only for code layout: the plain form is the hot one.
    #[cold]
    #[inline(never)]
    fn parse_written(input: &[u8]) -> Result<Nik, NikError> {
        let Some((digits, lo, hi)) = grouped_digits(input) else {
            return Nik::parse_general(input);
        };
        if values_are_valid(lo, hi, true) {
            Ok(Nik { digits })
        } else {
            Err(Nik::field_error(&digits))
        }
    }

    /// Why 16 digits that failed [`block_is_valid`] are not a NIK.
    ///
    /// Inlined and free of side effects: a caller that drops the error
    /// (`.ok()`, `.is_ok()`) does not compute it.
    #[inline]
    fn field_error(d: &[u8; 16]) -> NikError {
        match check_fields(d, true, None) {
            Err(e) => e,
            // Unreachable: the fast check and the field checks agree (tested).
            Ok(()) => NikError::InvalidDate,
        }
    }

    /// [`Nik::parse_bytes`] off the hot path: separators, or an error to explain.
    #[cold]
    #[inline(never)]
    fn parse_general(input: &[u8]) -> Result<Nik, NikError> {
        let digits = sixteen_digits(input)?;
        check_block(&digits, true, None)?;
        Ok(Nik { digits })
    }

    /// Parses and also rejects birth dates after `reference` in both centuries.
    pub fn parse_at(input: &str, reference: Date) -> Result<Nik, NikError> {
        Nik::parse_at_bytes(input.as_bytes(), reference)
    }

    /// [`Nik::parse_at`] over bytes.
    pub fn parse_at_bytes(input: &[u8], reference: Date) -> Result<Nik, NikError> {
        let digits = sixteen_digits(input)?;
        check_block(&digits, true, Some(reference))?;
        Ok(Nik { digits })
    }

    /// The 16 digits without separators (the raw identifier: handle with care).
    pub fn compact(&self) -> &str {
        ascii_str(&self.digits)
    }

    /// The canonical written form: 16 plain digits, as printed on the card.
    pub fn format(&self) -> &str {
        self.compact()
    }

    /// The 16 ASCII digits.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.digits
    }

    /// The six-digit region code (`PPKKCC`).
    pub fn region_code(&self) -> &str {
        ascii_str(&self.digits[..6])
    }

    /// Two-digit province code.
    pub fn province_code(&self) -> u8 {
        digits::two(&self.digits, 0)
    }

    /// Names, status and successor of the region of first registration.
    #[inline]
    pub fn region(&self) -> Region {
        region_of(&self.digits)
    }

    /// Sex: day 41-71 means female.
    pub fn sex(&self) -> Sex {
        if digits::two(&self.digits, 6) > 40 {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// Day of birth (1-31), without the +40 offset.
    pub fn birth_day(&self) -> u8 {
        digits::two(&self.digits, 6) % 40
    }

    /// Month of birth (1-12).
    pub fn birth_month(&self) -> u8 {
        digits::two(&self.digits, 8)
    }

    /// The two year digits as written.
    pub fn birth_year_digits(&self) -> u8 {
        digits::two(&self.digits, 10)
    }

    /// Birth date: the latest of 20YY/19YY not after `reference`, flagged when ambiguous.
    ///
    /// This is the date keyed in when the NIK was made, not an authoritative
    /// birth date; 1 July, 31 December and the 15th are official placeholders.
    pub fn birth_date(&self, reference: Date) -> Option<BirthDate> {
        let (date, century_ambiguous) = Date::pivot(
            self.birth_year_digits(),
            self.birth_month(),
            self.birth_day(),
            reference,
        )?;
        Some(BirthDate {
            date,
            century_ambiguous,
        })
    }

    /// The four-digit serial (1-9999).
    pub fn serial(&self) -> u16 {
        digits::value(&self.digits[12..]) as u16
    }
}

/// Region of the first six digits (unknown at worst: six digits always give a region).
#[inline]
pub(crate) fn region_of(d: &[u8; 16]) -> Region {
    let a = digits::pairs8(digits::words16(d).0);
    region::lookup_district(a as u8, (a >> 16) as u8, (a >> 32) as u8)
}

/// The ASCII digits as `&str` (they are always ASCII).
pub(crate) fn ascii_str(d: &[u8]) -> &str {
    core::str::from_utf8(d).unwrap_or("")
}

/// Writes `Name(PPKKCC**********)`: region digits shown, the rest masked.
pub(crate) fn fmt_masked(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    d: &[u8],
    shown: usize,
) -> fmt::Result {
    f.write_str(name)?;
    f.write_str("(")?;
    f.write_str(ascii_str(&d[..shown.min(d.len())]))?;
    for _ in shown.min(d.len())..d.len() {
        f.write_str("*")?;
    }
    f.write_str(")")
}

impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_masked(f, "Nik", &self.digits, 6)
    }
}

impl FromStr for Nik {
    type Err = NikError;
    fn from_str(s: &str) -> Result<Nik, NikError> {
        Nik::parse(s)
    }
}

impl TryFrom<&str> for Nik {
    type Error = NikError;
    fn try_from(s: &str) -> Result<Nik, NikError> {
        Nik::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Nik {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.compact())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Nik {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Nik, D::Error> {
        d.deserialize_str(crate::serde_support::ParseVisitor::<Nik>::new("a NIK"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every valid KK number is a valid NIK: the scanner skips the KK check after a
    /// failed NIK check.
    #[test]
    fn every_kk_number_is_a_nik() {
        let mut d = *b"3171015708450001";
        for province in 0..100u8 {
            for day in 0..100u8 {
                for month in 0..100u8 {
                    let yy = [0u8, 1, 4, 23, 96][usize::from(day % 5)];
                    for (at, v) in [(0, province), (6, day), (8, month), (10, yy)] {
                        d[at] = b'0' + v / 10;
                        d[at + 1] = b'0' + v % 10;
                    }
                    if block_is_valid(&d, false) {
                        assert!(block_is_valid(&d, true), "{d:?}");
                    }
                }
            }
        }
    }

    /// The fast check tests only `1111111111111111` for a repeated digit: every other
    /// repeated digit must fail on another field.
    #[test]
    fn only_ones_pass_but_for_the_repeat() {
        for digit in b'0'..=b'9' {
            let d = [digit; 16];
            for female_offset in [true, false] {
                let e = check_fields(&d, female_offset, None).unwrap_err();
                if digit == b'1' {
                    assert_eq!(e, NikError::RepeatedDigits);
                } else {
                    assert_ne!(e, NikError::RepeatedDigits, "{digit}");
                }
                assert!(!block_is_valid(&d, female_offset));
            }
        }
    }

    proptest::proptest! {
        /// The fast check (one table load for the date) and the field checks agree on
        /// any 16 digits, valid-looking ones weighted up.
        #[test]
        fn fast_check_agrees_with_field_checks_on_any_digits(
            d in proptest::string::string_regex(
                "[0-9]{16}|[1-9][0-9]{5}[0-7][0-9][01][0-9][0-9]{6}|([0-9])[0-9]{5}(29|69)02[0-9]{6}"
            ).unwrap(),
            female_offset: bool,
        ) {
            let d: [u8; 16] = d.as_bytes().try_into().unwrap();
            let fields = check_fields(&d, female_offset, None);
            proptest::prop_assert_eq!(block_is_valid(&d, female_offset), fields.is_ok());
        }
    }

    /// The branch-free check and the field-by-field errors agree on every
    /// province, day and month code, in leap and common years, for NIK and KK.
    #[test]
    fn fast_check_agrees_with_field_errors() {
        let mut d = *b"3171015708450001";
        let mut checked = 0;
        for female_offset in [true, false] {
            for province in 0..100u8 {
                for (day, month) in (0..100u8).flat_map(|a| (0..100u8).map(move |b| (a, b))) {
                    let yy = [0u8, 1, 4, 23, 96][usize::from(province % 5)];
                    for (at, v) in [(0, province), (6, day), (8, month), (10, yy)] {
                        d[at] = b'0' + v / 10;
                        d[at + 1] = b'0' + v % 10;
                    }
                    let fast = block_is_valid(&d, female_offset);
                    let fields = check_fields(&d, female_offset, None);
                    assert_eq!(fast, fields.is_ok(), "{d:?} {female_offset}");
                    assert_eq!(check_block(&d, female_offset, None), fields);
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 2 * 100 * 100 * 100);
        for (s, e) in [
            (b"3171015708450000", Some(NikError::InvalidSerial)),
            (b"1111111111111111", Some(NikError::RepeatedDigits)),
            (b"3171012902000001", None),
            (b"3171012902010001", Some(NikError::InvalidDate)),
            (b"3171016902040001", None),
        ] {
            assert_eq!(block_is_valid(s, true), e.is_none());
            assert_eq!(check_fields(s, true, None).err(), e);
            assert_eq!(Nik::parse_bytes(s).err(), e);
        }
    }
}
