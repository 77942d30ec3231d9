//! KK number (Nomor Kartu Keluarga): `PPKKCC DDMMYY SSSS`.
//!
//! Same shape as a NIK, but the date is the day the family record was entered
//! (no +40 for women) and the number changes on family events: never use it as
//! a person key. No check digit is known.
//!
//! ```
//! use identitas::{Date, Kk};
//!
//! let kk = Kk::parse("3273-05-120315-0007")?;
//! assert_eq!(kk.region_code(), "327305");
//! assert_eq!(kk.issue_date(Date::new(2025, 6, 1).unwrap()).unwrap().to_string(), "2015-03-12");
//! assert!(Kk::parse("3273055708900002").is_err()); // day 57: a woman's NIK, never a KK
//! # Ok::<(), identitas::KkError>(())
//! ```

use core::fmt;
use core::str::FromStr;

use crate::date::Date;
use crate::digits;
use crate::nik::{ascii_str, check_block, fmt_masked, region_of, sixteen_digits};
use crate::region::Region;

/// Why a value is not a valid KK number (the NIK errors; the day has no +40 form).
pub type KkError = crate::nik::NikError;

/// Fast path: is `input` a valid KK number?
#[inline]
pub fn is_valid(input: &[u8]) -> bool {
    crate::nik::valid_block(input, false)
}

/// A valid KK (family card) number. `Debug` shows only the region digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kk {
    digits: [u8; 16],
}

impl Kk {
    /// Parses a KK number written with or without separators.
    pub fn parse(input: &str) -> Result<Kk, KkError> {
        Kk::parse_bytes(input.as_bytes())
    }

    /// [`Kk::parse`] over bytes.
    pub fn parse_bytes(input: &[u8]) -> Result<Kk, KkError> {
        let digits = sixteen_digits(input)?;
        check_block(&digits, false, None)?;
        Ok(Kk { digits })
    }

    /// Parses and also rejects issue dates after `reference` in both centuries.
    pub fn parse_at(input: &str, reference: Date) -> Result<Kk, KkError> {
        Kk::parse_at_bytes(input.as_bytes(), reference)
    }

    /// [`Kk::parse_at`] over bytes.
    pub fn parse_at_bytes(input: &[u8], reference: Date) -> Result<Kk, KkError> {
        let digits = sixteen_digits(input)?;
        check_block(&digits, false, Some(reference))?;
        Ok(Kk { digits })
    }

    /// The 16 digits without separators.
    pub fn compact(&self) -> &str {
        ascii_str(&self.digits)
    }

    /// The canonical written form: 16 plain digits.
    pub fn format(&self) -> &str {
        self.compact()
    }

    /// The 16 ASCII digits.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.digits
    }

    /// The six-digit region code of issue.
    pub fn region_code(&self) -> &str {
        ascii_str(&self.digits[..6])
    }

    /// Names, status and successor of the region of issue.
    pub fn region(&self) -> Region {
        region_of(&self.digits)
    }

    /// Date the family record was entered: the latest of 20YY/19YY not after `reference`.
    pub fn issue_date(&self, reference: Date) -> Option<Date> {
        let d = &self.digits;
        Date::pivot(
            digits::two(d, 10),
            digits::two(d, 8),
            digits::two(d, 6),
            reference,
        )
        .map(|(date, _)| date)
    }

    /// The four-digit family serial (1-9999).
    pub fn serial(&self) -> u16 {
        digits::value(&self.digits[12..]) as u16
    }
}

impl fmt::Debug for Kk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_masked(f, "Kk", &self.digits, 6)
    }
}

impl FromStr for Kk {
    type Err = KkError;
    fn from_str(s: &str) -> Result<Kk, KkError> {
        Kk::parse(s)
    }
}

impl TryFrom<&str> for Kk {
    type Error = KkError;
    fn try_from(s: &str) -> Result<Kk, KkError> {
        Kk::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Kk {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.compact())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Kk {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kk, D::Error> {
        d.deserialize_str(crate::serde_support::ParseVisitor::<Kk>::new("a KK number"))
    }
}
