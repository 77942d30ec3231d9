//! # identitas
//!
//! Parse, validate and decode Indonesian identity numbers, correctly and fast:
//! NIK and KK numbers (region of registration, birth date with a century pivot,
//! sex, serial) with the Kemendagri 2025 region table and the retired Papua codes.
//!
//! Every parser accepts the separators people write (space, `.`, `-`, `/`,
//! NBSP), never allocates, and returns a small `Copy` value whose `Debug` masks
//! the identifier. Errors carry positions and lengths, never input bytes.
//!
//! ```
//! use identitas::{nik, Nik, RegionStatus};
//!
//! assert!(nik::is_valid(b"3171011708450001"));
//! let old_papua = Nik::parse("9109014107850001")?;
//! let region = old_papua.region();
//! assert_eq!(region.status(), RegionStatus::Retired); // Mimika moved to Papua Tengah in 2022
//! assert_eq!(region.successor(), Some(940401));
//! # Ok::<(), identitas::NikError>(())
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

#[macro_use]
mod opaque;
pub mod bpjs;
pub mod date;
pub mod digits;
pub mod error;
#[cfg(feature = "std")]
pub mod ffi;
pub mod kind;
pub mod kk;
pub mod nik;
pub mod nip;
pub mod nitku;
pub mod npwp;
pub mod phone;
#[cfg(feature = "std")]
pub mod record;
#[cfg(feature = "std")]
pub mod redact;
pub mod region;
pub mod scan;
#[cfg(feature = "serde")]
mod serde_support;
#[cfg(feature = "std")]
pub mod triage;

pub use bpjs::{BpjsError, BpjsKesehatan, FaskesCode, Kpj};
pub use date::Date;
pub use digits::{FormatError, Formatted};
pub use error::ErrorKind;
pub use kind::Kind;
pub use kk::{Kk, KkError};
pub use nik::{BirthDate, Nik, NikError, Sex};
pub use nip::{Nip, NipError};
pub use nitku::{Nitku, NitkuError};
pub use npwp::{Npwp, NpwpError, NpwpForm};
pub use phone::{Phone, PhoneError, PhoneType};
pub use region::{Region, RegionStatus};
#[cfg(feature = "std")]
pub use scan::StreamScanner;
pub use scan::{Confidence, Finding, ScanConfig, Scanner};

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
