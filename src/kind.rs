//! The kinds of identifier the library knows, with their stable names.

use core::fmt;
use core::str::FromStr;

/// A kind of identifier (or other personal data) that can be parsed or found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Kind {
    /// NIK, the national identity number.
    Nik,
    /// KK, the family card number.
    Kk,
    /// NPWP, the tax number (15 digits, or 16 starting with 0).
    Npwp,
    /// NITKU, the 22-digit place-of-business tax number.
    Nitku,
    /// BPJS Kesehatan card number (13 digits).
    BpjsKesehatan,
    /// BPJS Ketenagakerjaan KPJ number.
    BpjsKetenagakerjaan,
    /// NIP, the civil-servant number (18 digits).
    Nip,
    /// Indonesian phone number.
    Phone,
    /// E-mail address.
    Email,
    /// Payment card number (Luhn + IIN ranges).
    PaymentCard,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 10] = [
        Kind::Nik,
        Kind::Kk,
        Kind::Npwp,
        Kind::Nitku,
        Kind::BpjsKesehatan,
        Kind::BpjsKetenagakerjaan,
        Kind::Nip,
        Kind::Phone,
        Kind::Email,
        Kind::PaymentCard,
    ];

    /// Stable snake_case name, as used on the command line, in JSON and in the C ABI.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Nik => "nik",
            Kind::Kk => "kk",
            Kind::Npwp => "npwp",
            Kind::Nitku => "nitku",
            Kind::BpjsKesehatan => "bpjs_kesehatan",
            Kind::BpjsKetenagakerjaan => "bpjs_ketenagakerjaan",
            Kind::Nip => "nip",
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::PaymentCard => "payment_card",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name is not one of [`Kind::as_str`]'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind")]
pub struct UnknownKind;

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Kind, UnknownKind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(UnknownKind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
        }
        assert_eq!("NIK".parse::<Kind>(), Err(UnknownKind));
    }
}
