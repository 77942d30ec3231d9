//! NPWP (Nomor Pokok Wajib Pajak), the tax number, in its three written forms.
//!
//! * **15 digits** `TT.NNN.NNN.C-KKK.BBB` (issued until 2024, kept forever in
//!   historic data): taxpayer type `TT`, serial `NNNNNN`, check digit `C`,
//!   tax office (KPP) `KKK`, branch `BBB` (`000` = head office / single taxpayer).
//!   The check digit is Luhn over digits 1-9. DJP never published it, but every
//!   collected public NPWP passes it.
//! * **16 digits starting with `0`**: a DJP-issued NPWP (entities, government,
//!   non-resident individuals), `0` + the 15-digit layout, same check digit.
//! * **16 digits not starting with `0`**: a resident individual's NIK used as
//!   NPWP (PMK 112/2022). A NIK has **no check digit**; it is validated as a NIK.
//!   NIKs never start with `0` (province codes 11-96), so the two 16-digit forms
//!   cannot be confused.
//!
//! The two type digits are not whitelisted: new codes (41, 64) keep appearing.
//! A 15-digit NPWP of an individual cannot be converted to the NIK: only the
//! `0` prefix is mechanical.
//!
//! ```
//! use identitas::{Npwp, NpwpForm};
//!
//! let old: Npwp = "01.312.166.0-091.000".parse()?;
//! assert_eq!(old.form(), NpwpForm::Npwp15);
//! assert_eq!(old.compact(), "013121660091000");
//! assert_eq!(old.normalized(), "0013121660091000");
//! assert_eq!(old.tax_office(), Some("091"));
//!
//! let djp = Npwp::parse("0831326657201000")?;
//! assert_eq!(&*djp.format(), "083.132.665.7-201.000");
//!
//! let nik = Npwp::parse("3171011708450001")?; // a resident individual: the NIK
//! assert_eq!(nik.form(), NpwpForm::Nik);
//! assert!(nik.nik().is_some());
//!
//! assert!(Npwp::parse("01.451.869.7-054.000").is_err()); // wrong check digit
//! let warned = Npwp::parse_lenient("01.451.869.7-054.000")?;
//! assert!(!warned.check_digit_valid());
//! assert_eq!(warned.expected_check_digit(), Some(0));
//! # Ok::<(), identitas::NpwpError>(())
//! ```

use core::fmt;
use core::str::FromStr;

use crate::digits::{self, FormatError, Formatted};
use crate::error::ErrorKind;
use crate::nik::{self, Nik, NikError, ascii_str, fmt_masked};

/// Why a value is not a valid NPWP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum NpwpError {
    /// Not written as digits with accepted separators.
    #[error(transparent)]
    Format(#[from] FormatError),
    /// Neither 15 nor 16 digits.
    #[error("expected 15 or 16 digits, found {digits}")]
    InvalidLength {
        /// Number of digits found.
        digits: usize,
    },
    /// The check digit (digit 9 of the 15-digit layout) does not match.
    #[error("check digit does not match")]
    InvalidChecksum,
    /// The taxpayer digits are all zero (`00.000.000.0`): the placeholder written
    /// for "no NPWP" (e.g. on tax invoices to buyers without one), not a taxpayer.
    #[error("all-zero placeholder")]
    Placeholder,
    /// 16 digits not starting with `0`, so a NIK, but not a valid one.
    #[error("invalid NIK-form NPWP: {0}")]
    InvalidNik(NikError),
}

impl NpwpError {
    /// Stable snake_case code, as used in JSON output and the C ABI.
    ///
    /// For [`NpwpError::InvalidNik`] this is the NIK's code (`unknown_province`, ...).
    pub const fn code(&self) -> &'static str {
        match self {
            NpwpError::Format(e) => e.code(),
            NpwpError::InvalidLength { .. } => "invalid_length",
            NpwpError::InvalidChecksum => "invalid_checksum",
            NpwpError::Placeholder => "placeholder",
            NpwpError::InvalidNik(e) => e.code(),
        }
    }

    /// The coarse class of the error.
    pub const fn kind(&self) -> ErrorKind {
        match self {
            NpwpError::Format(_) => ErrorKind::Format,
            NpwpError::InvalidLength { .. } => ErrorKind::Length,
            NpwpError::InvalidChecksum => ErrorKind::Checksum,
            NpwpError::Placeholder => ErrorKind::Component,
            NpwpError::InvalidNik(e) => e.kind(),
        }
    }
}

/// Which of the three written forms an NPWP has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum NpwpForm {
    /// The old 15-digit NPWP with a check digit.
    Npwp15,
    /// A 16-digit DJP-issued NPWP: `0` + the 15-digit layout.
    Npwp16,
    /// A resident individual's NIK used as NPWP (no check digit).
    Nik,
}

impl NpwpForm {
    /// `"npwp15"`, `"npwp16"` or `"nik"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            NpwpForm::Npwp15 => "npwp15",
            NpwpForm::Npwp16 => "npwp16",
            NpwpForm::Nik => "nik",
        }
    }
}

impl fmt::Display for NpwpForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Separators of the 15-digit form `TT.NNN.NNN.C-KKK.BBB`.
const GROUPS_15: [(usize, u8); 5] = [(2, b'.'), (5, b'.'), (8, b'.'), (9, b'-'), (12, b'.')];
/// Separators of the 16-digit DJP form `0TT.NNN.NNN.C-KKK.BBB`.
const GROUPS_16: [(usize, u8); 5] = [(3, b'.'), (6, b'.'), (9, b'.'), (10, b'-'), (13, b'.')];

/// Checks the 9-digit taxpayer part (type, serial, check digit) of a DJP number.
///
/// Luhn with weights 1,2,1,... from the left over nine ASCII digits, eight of
/// them at once in a `u64` (SWAR): the hot path of [`is_valid`]. Agrees with
/// [`digits::luhn_valid`] (tested). Callers pass digits only.
#[inline]
fn check_core(core9: &[u8]) -> Result<(), NpwpError> {
    let [c0, c1, c2, c3, c4, c5, c6, c7, c8] = match <[u8; 9]>::try_from(core9) {
        Ok(c) => c,
        Err(_) => {
            return Err(NpwpError::InvalidLength {
                digits: core9.len(),
            });
        }
    };
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bytes 1, 3, 5, 7 (little-endian) hold the doubled digits c1, c3, c5, c7.
    const ODD: u64 = 0xFF00_FF00_FF00_FF00;
    let x = u64::from_le_bytes([c0, c1, c2, c3, c4, c5, c6, c7]).wrapping_sub(ONES * 0x30);
    let last = c8.wrapping_sub(b'0');
    if x == 0 && last == 0 {
        return Err(NpwpError::Placeholder);
    }
    // Per byte: 1 where the digit is 5 or more (v + 123 reaches bit 7; v <= 9, no carry).
    let ge5 = ((x + ONES * 123) >> 7) & ONES;
    // A doubled digit's digit sum is 2v - 9 when v >= 5; every byte stays <= 9.
    let y = x + (x & ODD) - 9 * (ge5 & ODD);
    // Horizontal byte sum (at most 72, no overflow into the top byte).
    let sum = (y.wrapping_mul(ONES) >> 56) + u64::from(last);
    if sum % 10 != 0 {
        return Err(NpwpError::InvalidChecksum);
    }
    Ok(())
}

/// True when all 16 bytes are ASCII digits (SWAR: no byte below `0` or above `9`).
#[inline]
fn all_digits16(d: &[u8; 16]) -> bool {
    const ZEROS: u128 = u128::from_le_bytes([b'0'; 16]);
    const TO_HIGH: u128 = u128::from_le_bytes([0x46; 16]); // 0x3A + 0x46 = 0x80
    const HIGH: u128 = u128::from_le_bytes([0x80; 16]);
    let x = u128::from_le_bytes(*d);
    // A byte below `0` borrows into bit 7, one above `9` carries into it, one with
    // bit 7 set keeps it; a borrow or carry only crosses bytes after a failing byte.
    (x.wrapping_sub(ZEROS) | x.wrapping_add(TO_HIGH) | x) & HIGH == 0
}

/// Little-endian `u64` of the eight bytes at `at` (0 past the end; callers check lengths).
#[inline]
fn le64(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 8).map(<[u8; 8]>::try_from) {
        Some(Ok(w)) => u64::from_le_bytes(w),
        _ => 0,
    }
}

/// The 15 digits of the mask `TT.NNN.NNN.C-KKK.BBB` (exactly 20 bytes), as the
/// little-endian `u128` of `0` + 15 digits; `None` when a separator is not in place.
///
/// Word loads and shifts instead of byte copies: the digits stay in registers.
/// Digits are not checked here.
#[inline]
fn unmask20(m: &[u8]) -> Option<u128> {
    if m.len() != 20 {
        return None;
    }
    // Bytes 0-7 `TT.NNN.N`, 8-15 `NN.C-KKK`, 12-19 `-KKK.BBB`.
    let (w0, w1, w2) = (le64(m, 0), le64(m, 8), le64(m, 12));
    let separators_ok = w0 & 0x00FF_0000_00FF_0000 == 0x002E_0000_002E_0000
        && w1 & 0x0000_00FF_00FF_0000 == 0x0000_002D_002E_0000
        && w2 & 0x0000_00FF_0000_0000 == 0x0000_002E_0000_0000;
    if !separators_ok {
        return None;
    }
    let (w0, w1, w2) = (u128::from(w0), u128::from(w1), u128::from(w2));
    Some(
        u128::from(b'0')
            | (w0 & 0xFFFF) << 8 // TT -> 1-2
            | (w0 & 0xFFFF_FF00_0000) // NNN stays at 3-5
            | (w0 >> 56) << 48 // N -> 6
            | (w1 & 0xFFFF) << 56 // NN -> 7-8
            | ((w1 >> 24) & 0xFF) << 72 // C -> 9
            | ((w1 >> 40) & 0xFF_FFFF) << 80 // KKK -> 10-12
            | (w2 >> 40) << 104, // BBB -> 13-15
    )
}

/// Canonical shapes without the general separator scanner: 15 or 16 plain digits,
/// `TT.NNN.NNN.C-KKK.BBB` or `0TT.NNN.NNN.C-KKK.BBB`. `None` means "use the scanner".
#[inline]
fn fast_digits(input: &[u8]) -> Option<([u8; 16], NpwpForm)> {
    let mut d = [b'0'; 16];
    let form = match input.len() {
        15 => {
            d[1..].copy_from_slice(input);
            NpwpForm::Npwp15
        }
        16 => {
            d.copy_from_slice(input);
            form16(&d)
        }
        20 => {
            d = unmask20(input)?.to_le_bytes();
            NpwpForm::Npwp15
        }
        21 => {
            let (&first, rest) = input.split_first()?;
            d = unmask20(rest)?.to_le_bytes();
            d[0] = first;
            form16(&d)
        }
        _ => return None,
    };
    all_digits16(&d).then_some((d, form))
}

/// The digits of written input, right-aligned in 16 bytes (`0` + 15 for the old form).
#[inline]
fn npwp_digits(input: &[u8]) -> Result<([u8; 16], NpwpForm), NpwpError> {
    if let Some(found) = fast_digits(input) {
        return Ok(found);
    }
    let mut d = [b'0'; 16];
    let found = digits::extract::<16>(input)?;
    match found.total() {
        15 => {
            d[1..].copy_from_slice(found.as_bytes());
            Ok((d, NpwpForm::Npwp15))
        }
        16 => {
            d.copy_from_slice(found.as_bytes());
            Ok((d, form16(&d)))
        }
        n => Err(NpwpError::InvalidLength { digits: n }),
    }
}

/// The form of 16 digits: a leading `0` means DJP-issued, anything else a NIK.
#[inline]
fn form16(d: &[u8; 16]) -> NpwpForm {
    if d[0] == b'0' {
        NpwpForm::Npwp16
    } else {
        NpwpForm::Nik
    }
}

/// Fast path: is `input` (written with or without separators) a valid NPWP in any form?
#[inline]
pub fn is_valid(input: &[u8]) -> bool {
    match valid_canonical(input) {
        Some(valid) => valid,
        None => valid_general(input),
    }
}

/// [`is_valid`] for 15 bytes the caller knows are ASCII digits (the scanner's
/// candidates): the Luhn check of [`valid_plain15`] without checking the digits again.
#[inline]
pub(crate) fn digits15_valid(d: &[u8]) -> bool {
    debug_assert!(digits::all_digits(d));
    match (d.len(), d.get(8)) {
        (15, Some(&ninth)) => core_valid(
            digits::word_at(d, 0).wrapping_sub(0x3030_3030_3030_3030),
            u64::from(ninth.wrapping_sub(b'0')),
        ),
        _ => false,
    }
}

/// [`is_valid`] for any input, through the digit scanner.
#[inline(never)]
fn valid_general(input: &[u8]) -> bool {
    match npwp_digits(input) {
        Ok((d, NpwpForm::Nik)) => nik::is_valid(&d),
        Ok((d, _)) => check_core(&d[1..10]).is_ok(),
        Err(_) => false,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Luhn digit sum of the digit values (bytes 0-9) in `x`: bytes in `single`
/// count once, bytes in `double` are doubled and reduced to one digit
/// (`2v - 9` from 5 up). Masks are `0xFF` per selected byte. At most 72.
#[inline]
const fn luhn_sum8(x: u64, single: u64, double: u64) -> u64 {
    let d = x & double;
    // Per byte: bit 7 set when the digit is 5 or more (v + 123, no carry for v <= 9).
    let ge5 = ((d + ONES * 123) >> 7) & ONES & double;
    let y = (x & single) + (d << 1) - 9 * ge5;
    y.wrapping_mul(ONES) >> 56
}

/// Validity of the nine taxpayer digits as values, given as the word of the
/// first eight and the ninth: Luhn, and not the all-zero placeholder.
#[inline]
const fn core_valid(first8: u64, ninth: u64) -> bool {
    const ODD: u64 = 0xFF00_FF00_FF00_FF00; // c1, c3, c5, c7 are doubled
    let sum = luhn_sum8(first8, !ODD, ODD) + ninth;
    sum % 10 == 0 && (first8 | ninth) != 0
}

/// Digit values of the eight bytes at `at`, when all are ASCII digits.
#[inline]
fn values_at(input: &[u8], at: usize) -> Option<u64> {
    let w = input.get(at..at + 8)?;
    digits::digit_values8(u64::from_le_bytes(w.try_into().ok()?))
}

/// [`is_valid`] without the scanner for the canonical shapes: 15 or 16 plain
/// digits, `TT.NNN.NNN.C-KKK.BBB` and `0TT.NNN.NNN.C-KKK.BBB`, checked and
/// Luhn-summed in place, eight bytes at a time. `None`: another shape.
#[inline]
fn valid_canonical(input: &[u8]) -> Option<bool> {
    match input.len() {
        15 => valid_plain15(input),
        16 if input.first() == Some(&b'0') => valid_plain15(input.get(1..)?),
        16 => {
            // All digits: the NIK form (checked by the NIK fast path).
            let plain = <&[u8; 16]>::try_from(input).ok()?;
            digits::all_digits(plain).then(|| nik::is_valid(plain))
        }
        20 => valid_masked20(input),
        21 if input.first() == Some(&b'0') => valid_masked20(input.get(1..)?),
        _ => None,
    }
}

/// 15 plain digits (two overlapping words), `None` when not all are digits.
#[inline]
fn valid_plain15(d: &[u8]) -> Option<bool> {
    let (a, b) = (values_at(d, 0)?, values_at(d, 7)?);
    Some(core_valid(a, (b >> 8) & 0xFF))
}

/// The 20-byte mask `TT.NNN.NNN.C-KKK.BBB`: separators in place, digits
/// elsewhere; `None` otherwise. The Luhn masks pick the nine taxpayer digits
/// where they stand (bytes 0 1 3 4 5 7 8 9 11, doubled at 1 4 7 9).
#[inline]
fn valid_masked20(m: &[u8]) -> Option<bool> {
    if m.len() != 20 {
        return None;
    }
    let (w0, w1, w2) = (le64(m, 0), le64(m, 8), le64(m, 12));
    // Separators: bytes 2 and 6 `.`; 10 `.` and 12 `-`; 16 `.`.
    const S0: u64 = 0x00FF_0000_00FF_0000;
    const S1: u64 = 0x0000_00FF_00FF_0000;
    const S2: u64 = 0x0000_00FF_0000_0000;
    let separators_ok = w0 & S0 == 0x002E_0000_002E_0000
        && w1 & S1 == 0x0000_002D_002E_0000
        && w2 & S2 == 0x0000_002E_0000_0000;
    if !separators_ok {
        return None;
    }
    // A separator byte becomes `0` so the words can be checked as all digits
    // (w2, bytes 12-19, starts with the `-` checked in w1).
    const S2_ALL: u64 = S2 | 0xFF;
    let zeros = ONES * 0x30;
    let x0 = ((w0 & !S0) | (zeros & S0)).wrapping_sub(zeros);
    let x1 = ((w1 & !S1) | (zeros & S1)).wrapping_sub(zeros);
    let x2 = ((w2 & !S2_ALL) | (zeros & S2_ALL)).wrapping_sub(zeros);
    // As digits::digit_values8, the three words at once.
    let high = |x: u64| x | x.wrapping_add(ONES * 0x76);
    if (high(x0) | high(x1) | high(x2)) & (ONES * 0x80) != 0 {
        return None;
    }
    const SINGLE0: u64 = 0x0000_FF00_FF00_00FF; // bytes 0, 3, 5
    const DOUBLE0: u64 = 0xFF00_00FF_0000_FF00; // bytes 1, 4, 7
    const SINGLE1: u64 = 0x0000_0000_FF00_00FF; // bytes 8, 11
    const DOUBLE1: u64 = 0x0000_0000_0000_FF00; // byte 9
    let sum = luhn_sum8(x0, SINGLE0, DOUBLE0) + luhn_sum8(x1, SINGLE1, DOUBLE1);
    let core = (x0 & (SINGLE0 | DOUBLE0)) | (x1 & (SINGLE1 | DOUBLE1));
    Some(sum % 10 == 0 && core != 0)
}

/// A valid NPWP (15-digit, 16-digit DJP, or NIK form).
///
/// `Debug` shows only the type code (or the NIK's region); the full number needs
/// [`Npwp::compact`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Npwp {
    /// Always 16 digits: the old 15-digit form is stored with a leading `0`.
    digits: [u8; 16],
    form: NpwpForm,
    check_ok: bool,
}

impl Npwp {
    /// Parses an NPWP written with or without separators (space, `.`, `-`, `/`, NBSP).
    ///
    /// 15 digits and 16 digits starting with `0` must pass the check digit;
    /// other 16 digits must be a valid NIK.
    pub fn parse(input: &str) -> Result<Npwp, NpwpError> {
        Npwp::parse_bytes(input.as_bytes())
    }

    /// [`Npwp::parse`] over bytes (UTF-8 or not).
    pub fn parse_bytes(input: &[u8]) -> Result<Npwp, NpwpError> {
        let (d, form) = npwp_digits(input)?;
        Npwp::from_digits(d, form, false)
    }

    /// Like [`Npwp::parse`], but a wrong check digit is accepted and reported by
    /// [`Npwp::check_digit_valid`] ("warn only": DJP never published the algorithm,
    /// and legacy data holds typos). Every other rule still applies.
    pub fn parse_lenient(input: &str) -> Result<Npwp, NpwpError> {
        Npwp::parse_bytes_lenient(input.as_bytes())
    }

    /// [`Npwp::parse_lenient`] over bytes.
    pub fn parse_bytes_lenient(input: &[u8]) -> Result<Npwp, NpwpError> {
        let (d, form) = npwp_digits(input)?;
        Npwp::from_digits(d, form, true)
    }

    /// Validates 16 digits (NIK form or `0` + 15) as the 16-digit part of a NITKU.
    pub(crate) fn from_sixteen(d: [u8; 16], lenient: bool) -> Result<Npwp, NpwpError> {
        Npwp::from_digits(d, form16(&d), lenient)
    }

    fn from_digits(digits: [u8; 16], form: NpwpForm, lenient: bool) -> Result<Npwp, NpwpError> {
        let check_ok = match form {
            NpwpForm::Nik => {
                Nik::parse_bytes(&digits).map_err(NpwpError::InvalidNik)?;
                true
            }
            NpwpForm::Npwp15 | NpwpForm::Npwp16 => match check_core(&digits[1..10]) {
                Ok(()) => true,
                Err(NpwpError::InvalidChecksum) if lenient => false,
                Err(e) => return Err(e),
            },
        };
        Ok(Npwp {
            digits,
            form,
            check_ok,
        })
    }

    /// Which written form this NPWP has.
    pub fn form(&self) -> NpwpForm {
        self.form
    }

    /// The digits as written, without separators: 15 or 16 (the raw identifier).
    pub fn compact(&self) -> &str {
        match self.form {
            NpwpForm::Npwp15 => ascii_str(&self.digits[1..]),
            _ => ascii_str(&self.digits),
        }
    }

    /// The 16-digit form used since 2024: `0` + the 15 digits, or the NIK.
    pub fn normalized(&self) -> &str {
        ascii_str(&self.digits)
    }

    /// The canonical written form: `01.312.166.0-091.000` (15 digits),
    /// `083.132.665.7-201.000` (16-digit DJP), or 16 plain digits (NIK).
    pub fn format(&self) -> Formatted {
        let made = match self.form {
            NpwpForm::Npwp15 => Formatted::grouped(&self.digits[1..], &GROUPS_15),
            NpwpForm::Npwp16 => Formatted::grouped(&self.digits, &GROUPS_16),
            NpwpForm::Nik => Formatted::from_ascii(&self.digits),
        };
        match made {
            Some(f) => f,
            // 16 ASCII digits and 5 separators always fit the 32-byte buffer.
            None => unreachable!("an NPWP always fits a Formatted"),
        }
    }

    /// The two-digit taxpayer type code (not whitelisted); `None` for the NIK form.
    pub fn tax_type(&self) -> Option<&str> {
        self.djp().map(|d| ascii_str(&d[1..3]))
    }

    /// The six-digit taxpayer serial; `None` for the NIK form.
    pub fn serial(&self) -> Option<&str> {
        self.djp().map(|d| ascii_str(&d[3..9]))
    }

    /// The check digit as written; `None` for the NIK form (a NIK has none).
    pub fn check_digit(&self) -> Option<u8> {
        self.djp().map(|d| d[9] - b'0')
    }

    /// The check digit the taxpayer digits call for; `None` for the NIK form.
    pub fn expected_check_digit(&self) -> Option<u8> {
        self.djp().map(|d| digits::luhn_check_digit(&d[1..9]))
    }

    /// False only for a value from [`Npwp::parse_lenient`] whose check digit is wrong.
    pub fn check_digit_valid(&self) -> bool {
        self.check_ok
    }

    /// The three-digit tax office (KPP) of first registration; `None` for the NIK form.
    pub fn tax_office(&self) -> Option<&str> {
        self.djp().map(|d| ascii_str(&d[10..13]))
    }

    /// The three-digit branch status (`000` head office); `None` for the NIK form.
    pub fn branch(&self) -> Option<&str> {
        self.djp().map(|d| ascii_str(&d[13..16]))
    }

    /// True for branch `000`: head office or single taxpayer. `None` for the NIK form.
    pub fn is_head_office(&self) -> Option<bool> {
        self.djp().map(|d| &d[13..16] == b"000")
    }

    /// The NIK of a NIK-form NPWP.
    pub fn nik(&self) -> Option<Nik> {
        match self.form {
            NpwpForm::Nik => Nik::parse_bytes(&self.digits).ok(),
            _ => None,
        }
    }

    /// The same NPWP in a 16-digit form: a 15-digit one becomes `0` + 15 ([`NpwpForm::Npwp16`]).
    pub fn to_sixteen(self) -> Npwp {
        let form = match self.form {
            NpwpForm::Npwp15 => NpwpForm::Npwp16,
            other => other,
        };
        Npwp { form, ..self }
    }

    /// The 16 digits of [`Npwp::normalized`] as bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.digits
    }

    /// The 16 digits when the number has the DJP layout.
    fn djp(&self) -> Option<&[u8; 16]> {
        match self.form {
            NpwpForm::Nik => None,
            _ => Some(&self.digits),
        }
    }
}

impl From<Nik> for Npwp {
    /// A resident individual's NPWP is their NIK.
    fn from(nik: Nik) -> Npwp {
        Npwp {
            digits: *nik.as_bytes(),
            form: NpwpForm::Nik,
            check_ok: true,
        }
    }
}

impl fmt::Debug for Npwp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.form {
            NpwpForm::Npwp15 => fmt_masked(f, "Npwp", &self.digits[1..], 2),
            NpwpForm::Npwp16 => fmt_masked(f, "Npwp", &self.digits, 3),
            NpwpForm::Nik => fmt_masked(f, "Npwp", &self.digits, 6),
        }
    }
}

impl FromStr for Npwp {
    type Err = NpwpError;
    fn from_str(s: &str) -> Result<Npwp, NpwpError> {
        Npwp::parse(s)
    }
}

impl TryFrom<&str> for Npwp {
    type Error = NpwpError;
    fn try_from(s: &str) -> Result<Npwp, NpwpError> {
        Npwp::parse(s)
    }
}

/// Serialises as [`Npwp::compact`] (the form as written is kept).
#[cfg(feature = "serde")]
impl serde::Serialize for Npwp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.compact())
    }
}

/// Deserialises with the strict [`Npwp::parse`].
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Npwp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Npwp, D::Error> {
        d.deserialize_str(crate::serde_support::ParseVisitor::<Npwp>::new("an NPWP"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn digits15_fast_path_agrees_with_is_valid(
            d in proptest::string::string_regex("(000000000)?[0-9]{0,16}").unwrap()
        ) {
            let d = d.as_bytes();
            let expected = d.len() == 15 && is_valid(d);
            proptest::prop_assert_eq!(digits15_valid(d), expected);
        }
    }

    #[test]
    fn unmask_takes_the_fast_path() {
        let le = |s: &[u8; 16]| u128::from_le_bytes(*s);
        assert_eq!(
            unmask20(b"01.312.166.0-091.000"),
            Some(le(b"0013121660091000"))
        );
        assert_eq!(
            unmask20(b"98.765.432.1-012.345"),
            Some(le(b"0987654321012345"))
        );
        assert_eq!(
            fast_digits(b"083.132.665.7-201.000"),
            Some((*b"0831326657201000", NpwpForm::Npwp16))
        );
        assert_eq!(
            fast_digits(b"01.312.166.0-091.000"),
            Some((*b"0013121660091000", NpwpForm::Npwp15))
        );
        for bad in [
            &b"01.312.166.0.091.000"[..],
            b"01.312.166-0-091.000",
            b"01-312.166.0-091.000",
            b"01.312.166.0-091-000",
            b"01.312.166.0-091.00",
        ] {
            assert_eq!(unmask20(bad), None);
        }
        assert_eq!(fast_digits(b"01.312.166.0-091.00a"), None);
    }

    #[test]
    fn swar_digit_check() {
        assert!(all_digits16(b"0123456789012345"));
        for bad in [b'/', b':', b' ', 0x80, 0xB9, 0xFF, 0, b'a'] {
            for at in 0..16 {
                let mut d = *b"9999999999999999";
                d[at] = bad;
                assert!(!all_digits16(&d), "{bad:#x} at {at}");
                let mut d = *b"0000000000000000";
                d[at] = bad;
                assert!(!all_digits16(&d), "{bad:#x} at {at}");
            }
        }
    }

    #[test]
    fn straight_line_luhn_agrees() {
        let mut x = 0x1234_5678_9abc_def1u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut d = [0u8; 9];
            let mut y = x;
            for slot in &mut d {
                *slot = b'0' + (y % 10) as u8;
                y /= 10;
            }
            let fast = check_core(&d);
            let slow = if d == *b"000000000" {
                Err(NpwpError::Placeholder)
            } else if digits::luhn_valid(&d) {
                Ok(())
            } else {
                Err(NpwpError::InvalidChecksum)
            };
            assert_eq!(fast, slow);
        }
    }

    #[test]
    fn check_digit_formula_agrees_with_luhn() {
        assert_eq!(digits::luhn_check_digit(b"02183241"), 5);
        assert_eq!(digits::luhn_check_digit(b"01451869"), 0);
        for n in 0..2000u32 {
            let mut d = [b'0'; 9];
            let mut x = n.wrapping_mul(2_654_435_761) % 100_000_000;
            for i in (0..8).rev() {
                d[i] = b'0' + (x % 10) as u8;
                x /= 10;
            }
            d[8] = b'0' + digits::luhn_check_digit(&d[..8]);
            assert!(digits::luhn_valid(&d));
        }
    }
}
