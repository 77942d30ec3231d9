//! NIP (Nomor Induk Pegawai), the civil-servant number: `YYYYMMDD YYYYMM G SSS`.
//!
//! 18 digits (Perka BKN 22/2007): birth date, year and month of first appointment
//! (TMT CPNS), sex (`1` male, `2` female) and a serial from `001`. There is no
//! check digit. The older 9-digit NIPs (before 2008) were converted and are not
//! accepted here.
//!
//! Plausibility rules, beyond "both dates are real":
//!
//! * years 1900-2099 (a four-digit year `0001` is not a civil servant's);
//! * the appointment is not before the birth month;
//! * **minimum age 18 at appointment**, to month precision (appointment
//!   year-month ≥ birth year-month + 18 years). CPNS applicants must be at least
//!   18 (PP 98/2000 Art. 6, PP 11/2017 Art. 23) and the TMT comes after applying,
//!   so a younger age means a mis-keyed number. This is an error, not a flag,
//!   because it is the strongest evidence that 18 digits are a NIP rather than
//!   any number with a date in it; [`Nip::parse_lenient`] skips it for legacy
//!   records with corrected birth dates, and [`Nip::age_at_appointment`] exposes
//!   the age for callers with their own rule.
//!
//! ```
//! use identitas::{Nip, Sex};
//!
//! let nip: Nip = "19660801 198803 1 001".parse()?;
//! assert_eq!(nip.birth_date().to_string(), "1966-08-01");
//! assert_eq!((nip.appointment_year(), nip.appointment_month()), (1988, 3));
//! assert_eq!(nip.sex(), Sex::Male);
//! assert_eq!(nip.age_at_appointment(), 21);
//! assert_eq!(&*nip.format(), "19660801 198803 1 001");
//! assert_eq!(format!("{nip:?}"), "Nip(******************)");
//! # Ok::<(), identitas::NipError>(())
//! ```

use core::fmt;
use core::str::FromStr;

use crate::date::Date;
use crate::digits::{self, FormatError, Formatted};
use crate::error::ErrorKind;
use crate::nik::{Sex, ascii_str, fmt_masked};

/// Why a value is not a valid NIP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum NipError {
    /// Not written as digits with accepted separators.
    #[error(transparent)]
    Format(#[from] FormatError),
    /// Not 18 digits (a 9-digit value is a pre-2008 NIP).
    #[error("expected 18 digits, found {digits}")]
    InvalidLength {
        /// Number of digits found.
        digits: usize,
    },
    /// Digits 1-8 are no calendar date in 1900-2099.
    #[error("invalid birth date")]
    InvalidBirthDate,
    /// Digits 9-14 are no year-month in 1900-2099.
    #[error("invalid appointment year-month")]
    InvalidAppointment,
    /// The appointment month is before the birth month.
    #[error("appointment before birth")]
    AppointmentBeforeBirth,
    /// Appointed before the age of 18 (the legal minimum for CPNS).
    #[error("under 18 at appointment")]
    TooYoungAtAppointment,
    /// Digit 15 is neither `1` (male) nor `2` (female).
    #[error("sex digit not 1 or 2")]
    InvalidSex,
    /// Serial `000`: numbering starts at 001.
    #[error("serial 000")]
    InvalidSerial,
}

impl NipError {
    /// Stable snake_case code, as used in JSON output and the C ABI.
    pub const fn code(&self) -> &'static str {
        match self {
            NipError::Format(e) => e.code(),
            NipError::InvalidLength { .. } => "invalid_length",
            NipError::InvalidBirthDate => "invalid_birth_date",
            NipError::InvalidAppointment => "invalid_appointment",
            NipError::AppointmentBeforeBirth => "appointment_before_birth",
            NipError::TooYoungAtAppointment => "too_young_at_appointment",
            NipError::InvalidSex => "invalid_sex",
            NipError::InvalidSerial => "invalid_serial",
        }
    }

    /// The coarse class of the error.
    pub const fn kind(&self) -> ErrorKind {
        match self {
            NipError::Format(_) => ErrorKind::Format,
            NipError::InvalidLength { .. } => ErrorKind::Length,
            _ => ErrorKind::Component,
        }
    }
}

/// Minimum age, in years, at first appointment.
const MIN_AGE: u32 = 18;

/// A four-digit year at `at`, or `None` outside 1900-2099.
#[inline]
fn year(d: &[u8; 18], at: usize) -> Option<u16> {
    let y = u16::from(digits::two(d, at)) * 100 + u16::from(digits::two(d, at + 2));
    (1900..=2099).contains(&y).then_some(y)
}

/// Months since year 0 of a year-month, for age arithmetic.
#[inline]
fn months(year: u16, month: u8) -> u32 {
    u32::from(year) * 12 + u32::from(month) - 1
}

/// Checks every field; `min_age` enables the minimum-age rule.
fn check(d: &[u8; 18], min_age: bool) -> Result<Date, NipError> {
    let birth_year = year(d, 0).ok_or(NipError::InvalidBirthDate)?;
    let birth_month = digits::two(d, 4);
    let birth =
        Date::new(birth_year, birth_month, digits::two(d, 6)).ok_or(NipError::InvalidBirthDate)?;
    let tmt_year = year(d, 8).ok_or(NipError::InvalidAppointment)?;
    let tmt_month = digits::two(d, 12);
    if !(1..=12).contains(&tmt_month) {
        return Err(NipError::InvalidAppointment);
    }
    let born = months(birth_year, birth_month);
    let appointed = months(tmt_year, tmt_month);
    if appointed < born {
        return Err(NipError::AppointmentBeforeBirth);
    }
    if min_age && appointed - born < MIN_AGE * 12 {
        return Err(NipError::TooYoungAtAppointment);
    }
    if !matches!(d[14], b'1' | b'2') {
        return Err(NipError::InvalidSex);
    }
    if &d[15..] == b"000" {
        return Err(NipError::InvalidSerial);
    }
    Ok(birth)
}

/// The 18 digits of written input.
#[inline]
fn nip_digits(input: &[u8]) -> Result<[u8; 18], NipError> {
    if input.len() == 18 && digits::all_digits(input) {
        let mut d = [0u8; 18];
        d.copy_from_slice(input);
        return Ok(d);
    }
    let found = digits::extract::<18>(input)?;
    found.exact().ok_or(NipError::InvalidLength {
        digits: found.total(),
    })
}

/// Fast path: is `input` (written with or without separators) a valid NIP?
#[inline]
pub fn is_valid(input: &[u8]) -> bool {
    match nip_digits(input) {
        Ok(d) => check(&d, true).is_ok(),
        Err(_) => false,
    }
}

/// A valid NIP. `Debug` masks every digit (the first eight are a birth date).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip {
    digits: [u8; 18],
    birth: Date,
}

impl Nip {
    /// Parses a NIP written with or without separators
    /// (`19660801 198803 1 001`, `19660801.198803.1.001`, plain).
    pub fn parse(input: &str) -> Result<Nip, NipError> {
        Nip::parse_bytes(input.as_bytes())
    }

    /// [`Nip::parse`] over bytes.
    pub fn parse_bytes(input: &[u8]) -> Result<Nip, NipError> {
        let digits = nip_digits(input)?;
        let birth = check(&digits, true)?;
        Ok(Nip { digits, birth })
    }

    /// Like [`Nip::parse`] without the minimum-age rule (every other rule applies).
    pub fn parse_lenient(input: &str) -> Result<Nip, NipError> {
        let digits = nip_digits(input.as_bytes())?;
        let birth = check(&digits, false)?;
        Ok(Nip { digits, birth })
    }

    /// The 18 digits without separators (the raw identifier).
    pub fn compact(&self) -> &str {
        ascii_str(&self.digits)
    }

    /// The canonical written form `19660801 198803 1 001`.
    pub fn format(&self) -> Formatted {
        match Formatted::grouped(&self.digits, &[(8, b' '), (14, b' '), (15, b' ')]) {
            Some(f) => f,
            // 18 ASCII digits and 3 spaces always fit.
            None => unreachable!("a NIP always fits a Formatted"),
        }
    }

    /// The 18 ASCII digits.
    pub fn as_bytes(&self) -> &[u8; 18] {
        &self.digits
    }

    /// Birth date (digits 1-8).
    pub fn birth_date(&self) -> Date {
        self.birth
    }

    /// Year of first appointment (TMT CPNS).
    pub fn appointment_year(&self) -> u16 {
        u16::from(digits::two(&self.digits, 8)) * 100 + u16::from(digits::two(&self.digits, 10))
    }

    /// Month of first appointment (1-12).
    pub fn appointment_month(&self) -> u8 {
        digits::two(&self.digits, 12)
    }

    /// Whole years of age at appointment, to month precision (birth month vs TMT month).
    pub fn age_at_appointment(&self) -> u8 {
        let b = self.birth_date();
        let born = months(b.year(), b.month());
        let appointed = months(self.appointment_year(), self.appointment_month());
        (appointed.saturating_sub(born) / 12).min(255) as u8
    }

    /// Sex (digit 15).
    pub fn sex(&self) -> Sex {
        if self.digits[14] == b'2' {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// The three-digit serial (1-999).
    pub fn serial(&self) -> u16 {
        digits::value(&self.digits[15..]) as u16
    }
}

impl fmt::Debug for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_masked(f, "Nip", &self.digits, 0)
    }
}

impl FromStr for Nip {
    type Err = NipError;
    fn from_str(s: &str) -> Result<Nip, NipError> {
        Nip::parse(s)
    }
}

impl TryFrom<&str> for Nip {
    type Error = NipError;
    fn try_from(s: &str) -> Result<Nip, NipError> {
        Nip::parse(s)
    }
}

/// Serialises as the 18 plain digits.
#[cfg(feature = "serde")]
impl serde::Serialize for Nip {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.compact())
    }
}

/// Deserialises with the strict [`Nip::parse`].
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Nip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Nip, D::Error> {
        d.deserialize_str(crate::serde_support::ParseVisitor::<Nip>::new("a NIP"))
    }
}
