//! BPJS numbers: the Kesehatan card number, the Ketenagakerjaan KPJ number and
//! facility (faskes / PPK) codes.
//!
//! **The structural evidence is weak; read this before relying on it.**
//!
//! * A BPJS Kesehatan card number (*noka*, `noKartu`) is 13 digits. BPJS publishes
//!   no structure and **no check digit exists** (Luhn, Verhoeff, Damm and
//!   ISO 7064 all fail on public examples), so none is checked. Observed numbers
//!   start with `00`; that is reported by [`BpjsKesehatan::has_usual_prefix`],
//!   not enforced. In effect *any* 13 digits starting `00` pass: a scanner must
//!   rely on labels (`No. BPJS`, `noKartu`, `No. JKN`) and context, never on the
//!   digits alone. "BPJS number" fields often hold the 16-digit NIK instead
//!   (BPJS looks members up by NIK): [`BpjsError::NikNotCard`] says so.
//! * A BPJS Ketenagakerjaan KPJ number has no documented structure at all:
//!   opaque digits, 11 in common tools. [`Kpj`] accepts 10-16 digits and reports
//!   the usual length with [`Kpj::is_standard_length`]; the evidence is weaker still.
//! * A faskes (PPK) code such as `0301R001` identifies a health facility, not a
//!   person: 4-digit BPJS branch-office code, a facility letter (`R` is used for
//!   hospitals; other letters unverified), a 3-digit serial. It is not personal data.
//!
//! These numbers are strings: leading zeros are part of them (`0001944358911`
//! stored as an integer becomes `1944358911`, which is rejected as 10 digits).
//!
//! ```
//! use identitas::{BpjsError, BpjsKesehatan, FaskesCode, Kpj};
//!
//! let card: BpjsKesehatan = "0001944358911".parse()?;
//! assert!(card.has_usual_prefix());
//! assert_eq!(format!("{card:?}"), "BpjsKesehatan(00***********)");
//! assert_eq!(BpjsKesehatan::parse("3171011708450001"), Err(BpjsError::NikNotCard));
//!
//! assert!(Kpj::parse("12345678901")?.is_standard_length());
//!
//! let ppk = FaskesCode::parse("0301R001")?;
//! assert_eq!((ppk.office_code(), ppk.facility_letter(), ppk.serial()), ("0301", 'R', 1));
//! # Ok::<(), BpjsError>(())
//! ```

use core::fmt;
use core::str::FromStr;

use crate::digits::{self, FormatError};
use crate::error::ErrorKind;
use crate::nik::{self, ascii_str, fmt_masked};

/// Why a value is not a valid BPJS card, KPJ or faskes code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum BpjsError {
    /// Not written as digits with accepted separators (or, for a faskes code,
    /// a byte out of place, at this offset).
    #[error(transparent)]
    Format(#[from] FormatError),
    /// The wrong number of digits (13 for a card, 10-16 for a KPJ).
    #[error("wrong number of digits: {digits}")]
    InvalidLength {
        /// Number of digits found.
        digits: usize,
    },
    /// A faskes code that is not 8 characters long.
    #[error("expected 8 characters, found {chars}")]
    InvalidCodeLength {
        /// Number of bytes found after trimming.
        chars: usize,
    },
    /// A card number field holding a valid 16-digit NIK instead of the card number.
    #[error("a NIK, not a BPJS card number")]
    NikNotCard,
    /// One digit repeated throughout: a dummy value.
    #[error("one repeated digit")]
    RepeatedDigits,
}

impl BpjsError {
    /// Stable snake_case code, as used in JSON output and the C ABI.
    pub const fn code(&self) -> &'static str {
        match self {
            BpjsError::Format(e) => e.code(),
            BpjsError::InvalidLength { .. } | BpjsError::InvalidCodeLength { .. } => {
                "invalid_length"
            }
            BpjsError::NikNotCard => "nik_not_card",
            BpjsError::RepeatedDigits => "repeated_digits",
        }
    }

    /// The coarse class of the error.
    pub const fn kind(&self) -> ErrorKind {
        match self {
            BpjsError::Format(_) => ErrorKind::Format,
            BpjsError::InvalidLength { .. }
            | BpjsError::InvalidCodeLength { .. }
            | BpjsError::NikNotCard => ErrorKind::Length,
            BpjsError::RepeatedDigits => ErrorKind::Component,
        }
    }
}

/// The 13 digits of a card number.
#[inline]
fn card_digits(input: &[u8]) -> Result<[u8; 13], BpjsError> {
    if let Ok(d) = <[u8; 13]>::try_from(input) {
        // Plain 13 digits (the scanner's candidates, most fields): two overlapping words
        // check the digits and the repeated-digit rule at once.
        let (lo, hi) = (digits::word_at(&d, 0), digits::word_at(&d, 5));
        if digits::eight_digits(lo) && digits::eight_digits(hi) {
            let rep = (lo & 0xFF) * 0x0101_0101_0101_0101;
            return if lo == rep && hi == rep {
                Err(BpjsError::RepeatedDigits)
            } else {
                Ok(d)
            };
        }
    }
    let d = {
        let found = digits::extract::<16>(input)?;
        match found.total() {
            13 => {
                let mut d = [0u8; 13];
                d.copy_from_slice(found.as_bytes());
                d
            }
            16 if nik::is_valid(found.as_bytes()) => return Err(BpjsError::NikNotCard),
            n => return Err(BpjsError::InvalidLength { digits: n }),
        }
    };
    if digits::is_repdigit(&d) {
        return Err(BpjsError::RepeatedDigits);
    }
    Ok(d)
}

/// Fast path: is `input` a structurally valid BPJS Kesehatan card number (13 digits)?
///
/// Weak evidence on its own: see the module documentation.
#[inline]
pub fn is_valid_kesehatan(input: &[u8]) -> bool {
    card_digits(input).is_ok()
}

/// [`is_valid_kesehatan`] for bytes the caller knows are ASCII digits (the scanner's
/// candidates): 13 of them, not one repeated. Two overlapping word compares, no copy
/// and no `Result` through memory.
#[inline]
pub(crate) fn kesehatan_digits_valid(d: &[u8]) -> bool {
    debug_assert!(digits::all_digits(d));
    match <&[u8; 13]>::try_from(d) {
        Ok(d) => {
            let (lo, hi) = (digits::word_at(d, 0), digits::word_at(d, 5));
            let rep = (lo & 0xFF) * 0x0101_0101_0101_0101;
            lo != rep || hi != rep
        }
        Err(_) => false,
    }
}

/// A BPJS Kesehatan (JKN-KIS) card number: 13 digits, no check digit.
///
/// `Debug` shows only the first two digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BpjsKesehatan {
    digits: [u8; 13],
}

impl BpjsKesehatan {
    /// Parses a card number written with or without separators.
    pub fn parse(input: &str) -> Result<BpjsKesehatan, BpjsError> {
        BpjsKesehatan::parse_bytes(input.as_bytes())
    }

    /// [`BpjsKesehatan::parse`] over bytes.
    pub fn parse_bytes(input: &[u8]) -> Result<BpjsKesehatan, BpjsError> {
        card_digits(input).map(|digits| BpjsKesehatan { digits })
    }

    /// The 13 digits, leading zeros kept (the raw identifier).
    pub fn compact(&self) -> &str {
        ascii_str(&self.digits)
    }

    /// The canonical written form: 13 plain digits, as on the card and in VClaim.
    pub fn format(&self) -> &str {
        self.compact()
    }

    /// True when the number starts with `00`, as every observed card number does.
    /// Other numbers are accepted (the rule is unpublished) but deserve a warning.
    pub fn has_usual_prefix(&self) -> bool {
        self.digits[..2] == *b"00"
    }

    /// The 13 ASCII digits.
    pub fn as_bytes(&self) -> &[u8; 13] {
        &self.digits
    }
}

impl fmt::Debug for BpjsKesehatan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_masked(f, "BpjsKesehatan", &self.digits, 2)
    }
}

/// Shortest and longest accepted KPJ.
const KPJ_LEN: core::ops::RangeInclusive<usize> = 10..=16;
/// The length community tools and forms ask for.
const KPJ_STANDARD_LEN: usize = 11;

/// Fast path: is `input` a structurally valid KPJ number (10-16 digits)?
#[inline]
pub fn is_valid_kpj(input: &[u8]) -> bool {
    Kpj::parse_bytes(input).is_ok()
}

/// A BPJS Ketenagakerjaan KPJ (Kartu Peserta Jamsostek) number: opaque digits.
///
/// 11 digits is the usual length; 10-16 are accepted because some tools allow
/// them and no structure is documented, so 13 or 16 digits may as well be a
/// BPJS Kesehatan card or a NIK: decide by the field's label, not the digits.
/// `Debug` masks every digit.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kpj {
    digits: [u8; 16],
    len: u8,
}

impl Kpj {
    /// Parses a KPJ number written with or without separators.
    pub fn parse(input: &str) -> Result<Kpj, BpjsError> {
        Kpj::parse_bytes(input.as_bytes())
    }

    /// [`Kpj::parse`] over bytes.
    pub fn parse_bytes(input: &[u8]) -> Result<Kpj, BpjsError> {
        let found = digits::extract::<16>(input)?;
        let n = found.total();
        if !KPJ_LEN.contains(&n) {
            return Err(BpjsError::InvalidLength { digits: n });
        }
        if digits::is_repdigit(found.as_bytes()) {
            return Err(BpjsError::RepeatedDigits);
        }
        let mut digits = [b'0'; 16];
        digits[..n].copy_from_slice(found.as_bytes());
        Ok(Kpj {
            digits,
            len: n as u8,
        })
    }

    /// The digits, leading zeros kept (the raw identifier).
    pub fn compact(&self) -> &str {
        ascii_str(self.as_bytes())
    }

    /// The canonical written form: the plain digits.
    pub fn format(&self) -> &str {
        self.compact()
    }

    /// True for 11 digits, the usual length; other lengths deserve a warning.
    pub fn is_standard_length(&self) -> bool {
        usize::from(self.len) == KPJ_STANDARD_LEN
    }

    /// The ASCII digits.
    pub fn as_bytes(&self) -> &[u8] {
        &self.digits[..usize::from(self.len)]
    }
}

impl fmt::Debug for Kpj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_masked(f, "Kpj", self.as_bytes(), 0)
    }
}

/// A BPJS health-facility (faskes / PPK) code: `\d{4}[A-Z]\d{3}`, e.g. `0301R001`.
///
/// It names a facility, not a person, so `Debug` shows it. Lowercase letters are
/// accepted and stored uppercase; no separators are accepted inside the code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaskesCode {
    bytes: [u8; 8],
}

impl FaskesCode {
    /// Parses a faskes code (surrounding whitespace ignored).
    pub fn parse(input: &str) -> Result<FaskesCode, BpjsError> {
        FaskesCode::parse_bytes(input.as_bytes())
    }

    /// [`FaskesCode::parse`] over bytes.
    pub fn parse_bytes(input: &[u8]) -> Result<FaskesCode, BpjsError> {
        let (start, end) = digits::trim(input);
        let body = input.get(start..end).unwrap_or_default();
        if body.is_empty() {
            return Err(FormatError::Empty.into());
        }
        if body.len() != 8 {
            return Err(BpjsError::InvalidCodeLength { chars: body.len() });
        }
        let mut bytes = [0u8; 8];
        for (i, (&b, slot)) in body.iter().zip(bytes.iter_mut()).enumerate() {
            let ok = if i == 4 {
                b.is_ascii_alphabetic()
            } else {
                b.is_ascii_digit()
            };
            if !ok {
                return Err(FormatError::InvalidCharacter {
                    position: start + i,
                }
                .into());
            }
            *slot = b.to_ascii_uppercase();
        }
        Ok(FaskesCode { bytes })
    }

    /// The code, letter uppercase.
    pub fn as_str(&self) -> &str {
        ascii_str(&self.bytes)
    }

    /// The 4-digit BPJS branch-office code (`0301`).
    pub fn office_code(&self) -> &str {
        ascii_str(&self.bytes[..4])
    }

    /// The facility letter (`R` for hospitals; other letters' meanings unverified).
    pub fn facility_letter(&self) -> char {
        char::from(self.bytes[4])
    }

    /// The 3-digit facility serial (0-999).
    pub fn serial(&self) -> u16 {
        digits::value(&self.bytes[5..]) as u16
    }
}

/// Shown in full: a facility code is not personal data.
impl fmt::Debug for FaskesCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FaskesCode({})", self.as_str())
    }
}

impl fmt::Display for FaskesCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! str_impls {
    ($ty:ident, $expecting:literal, $ser:ident) => {
        impl FromStr for $ty {
            type Err = BpjsError;
            fn from_str(s: &str) -> Result<$ty, BpjsError> {
                $ty::parse(s)
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = BpjsError;
            fn try_from(s: &str) -> Result<$ty, BpjsError> {
                $ty::parse(s)
            }
        }

        /// Serialises as the plain string.
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.$ser())
            }
        }

        /// Deserialises through the parser.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                d.deserialize_str(crate::serde_support::ParseVisitor::<$ty>::new($expecting))
            }
        }
    };
}

str_impls!(BpjsKesehatan, "a BPJS Kesehatan card number", compact);
str_impls!(Kpj, "a BPJS Ketenagakerjaan KPJ number", compact);
str_impls!(FaskesCode, "a BPJS faskes code", as_str);

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn kesehatan_digits_fast_path_agrees_with_the_parser(
            d in proptest::string::string_regex("(00)?[0-9]{0,16}").unwrap()
        ) {
            let d = d.as_bytes();
            proptest::prop_assert_eq!(kesehatan_digits_valid(d), is_valid_kesehatan(d));
        }

        #[test]
        fn kesehatan_digits_fast_path_agrees_near_repeated_digits(
            rep in 0u8..10, at in 0usize..14, other in 0u8..10
        ) {
            // One digit repeated 13 times, one position (or none) changed.
            let mut d = [b'0' + rep; 13];
            if let Some(slot) = d.get_mut(at) {
                *slot = b'0' + other;
            }
            proptest::prop_assert_eq!(kesehatan_digits_valid(&d), is_valid_kesehatan(&d));
        }
    }

    #[test]
    fn kesehatan_digits_edges() {
        assert!(kesehatan_digits_valid(b"0012020521995"));
        assert!(kesehatan_digits_valid(b"0000000000001"));
        assert!(kesehatan_digits_valid(b"1000000000000"));
        assert!(!kesehatan_digits_valid(b"0000000000000"));
        assert!(!kesehatan_digits_valid(b"7777777777777"));
        assert!(!kesehatan_digits_valid(b"001202052199"));
        assert!(!kesehatan_digits_valid(b"00120205219951"));
    }
}
