//! Structure-preserving, reversible pseudonyms (FF1 under the derived key).
//!
//! The pseudonym of a value is a *valid* value of the same kind, written in the
//! same layout (separators kept, same length), that the key holder can turn back:
//!
//! * NIK: region, birth year and sex stay; day, month and serial are encrypted
//!   (as one index below 12 × 31 × 9999, cycle-walked until the date exists and
//!   the NIK is valid). KK: the same without the sex offset.
//! * Phone: country code/trunk prefix and the first three national digits
//!   (operator or area code) stay; the remaining six or more digits are encrypted.
//! * NPWP (15 digits or `0` + 15): type code, tax office and branch stay; the
//!   six-digit serial is encrypted and the check digit recomputed. A 16-digit
//!   NPWP not starting with `0` is a NIK and treated as one. NITKU: its first 16
//!   digits as an NPWP, the place-of-business suffix kept.
//! * BPJS numbers: the first two digits stay, the rest is encrypted.
//! * Payment cards: the first six digits (IIN) stay, the middle is encrypted and
//!   the Luhn digit recomputed.
//!
//! Digits written as full-width or Arabic-Indic characters are read as their values
//! and the pseudonym's digits are written back in the same script (same length).
//!
//! NIP and e-mail addresses have no pseudonym ([`PseudonymError::Unsupported`]).
//! Cycle walking keeps encryption a permutation of the valid values, so
//! decryption walks back the same way.

use super::fpe::Ff1;
use super::token::Keys;
use crate::date::Date;
use crate::digits;
use crate::kind::Kind;
use crate::nik;

/// Why a value could not be pseudonymised or restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PseudonymError {
    /// This kind has no structure-preserving pseudonym.
    #[error("no pseudonym for this kind")]
    Unsupported,
    /// The value is not a valid value of its kind (or has too few digits to encrypt).
    #[error("value is not valid for its kind")]
    Invalid,
}

/// Most digits handled in one value.
const MAX_DIGITS: usize = 24;

/// Number of (month, day, serial) combinations in the NIK index.
const NIK_DOMAIN: u32 = 12 * 31 * 9999;

/// The digits of a value and where they sit in the written form.
struct Digits {
    d: [u8; MAX_DIGITS],
    at: [usize; MAX_DIGITS],
    n: usize,
}

impl Digits {
    fn of(span: &[u8]) -> Result<Digits, PseudonymError> {
        let mut out = Digits {
            d: [0; MAX_DIGITS],
            at: [0; MAX_DIGITS],
            n: 0,
        };
        let mut i = 0;
        while let Some(&b) = span.get(i) {
            let (digit, len) = match crate::scan::fold::digit_at(span, i) {
                Some((d, len)) => (Some(d), len),
                None => (b.is_ascii_digit().then_some(b), 1),
            };
            if let Some(d) = digit {
                if out.n == MAX_DIGITS {
                    return Err(PseudonymError::Invalid);
                }
                out.d[out.n] = d;
                out.at[out.n] = i;
                out.n += 1;
            }
            i += len;
        }
        Ok(out)
    }

    fn digits(&self) -> &[u8] {
        &self.d[..self.n]
    }

    /// Writes the digits back where they were read, each in its script as written.
    fn write_back(&self, span: &mut [u8]) {
        for k in 0..self.n {
            let Some(slot) = span.get_mut(self.at[k]..) else {
                continue;
            };
            if !crate::scan::fold::write_digit_like(slot, self.d[k]) {
                if let Some(b) = slot.first_mut() {
                    *b = self.d[k];
                }
            }
        }
    }
}

/// Encrypts (`enc`) or decrypts numerals (ASCII digits) in place, as FF1 radix 10.
fn ff1_digits(ff1: &Ff1, tweak: &[u8], ascii: &mut [u8], enc: bool) -> Result<(), PseudonymError> {
    let mut x = [0u8; MAX_DIGITS];
    let n = ascii.len();
    for (o, &b) in x.iter_mut().zip(ascii.iter()) {
        *o = b - b'0';
    }
    let r = if enc {
        ff1.encrypt(tweak, &mut x[..n])
    } else {
        ff1.decrypt(tweak, &mut x[..n])
    };
    r.map_err(|_| PseudonymError::Invalid)?;
    for (o, &v) in ascii.iter_mut().zip(x.iter()) {
        *o = b'0' + v;
    }
    Ok(())
}

/// Applies the pseudonym (`enc`) or its inverse to a value written in `span`.
pub(crate) fn transform(
    keys: &Keys,
    kind: Kind,
    span: &mut [u8],
    enc: bool,
) -> Result<(), PseudonymError> {
    let mut d = Digits::of(span)?;
    let n = d.n;
    match kind {
        Kind::Nik | Kind::Kk if n == 16 => {
            nik_like(&keys.ff1, &mut d.d[..16], kind == Kind::Nik, enc)?
        }
        Kind::Npwp if n == 16 && d.d[0] != b'0' => nik_like(&keys.ff1, &mut d.d[..16], true, enc)?,
        Kind::Npwp if n == 15 => npwp15(&keys.ff1, &mut d.d[..15], enc)?,
        Kind::Npwp if n == 16 => npwp15(&keys.ff1, &mut d.d[1..16], enc)?,
        Kind::Nitku if n == 22 && d.d[0] == b'0' => npwp15(&keys.ff1, &mut d.d[1..16], enc)?,
        Kind::Nitku if n == 22 => nik_like(&keys.ff1, &mut d.d[..16], true, enc)?,
        Kind::Phone => {
            let skip = super::normalise::phone_prefix_len(d.digits());
            let keep = skip + 3;
            if n < keep + 6 {
                return Err(PseudonymError::Invalid);
            }
            let mut tweak = [0u8; 16];
            tweak[..5].copy_from_slice(b"phone");
            tweak[5..8].copy_from_slice(&d.d[skip..keep]);
            let (_, rest) = d.d[..n].split_at_mut(keep);
            ff1_digits(&keys.ff1, &tweak[..8], rest, enc)?;
        }
        Kind::BpjsKesehatan | Kind::BpjsKetenagakerjaan if n >= 8 => {
            let mut tweak = [0u8; 8];
            tweak[..4].copy_from_slice(b"bpjs");
            tweak[4] = if kind == Kind::BpjsKesehatan {
                b'k'
            } else {
                b't'
            };
            tweak[5..7].copy_from_slice(&d.d[..2]);
            ff1_digits(&keys.ff1, &tweak[..7], &mut d.d[2..n], enc)?;
        }
        Kind::PaymentCard if (13..=19).contains(&n) => {
            if !digits::luhn_valid(d.digits()) {
                return Err(PseudonymError::Invalid);
            }
            let mut tweak = [0u8; 10];
            tweak[..4].copy_from_slice(b"card");
            tweak[4..10].copy_from_slice(&d.d[..6]);
            ff1_digits(&keys.ff1, &tweak, &mut d.d[6..n - 1], enc)?;
            d.d[n - 1] = b'0';
            d.d[n - 1] = b'0' + digits::luhn_check_digit(&d.d[..n - 1]);
        }
        Kind::Nip | Kind::Email => return Err(PseudonymError::Unsupported),
        _ => return Err(PseudonymError::Invalid),
    }
    d.write_back(span);
    Ok(())
}

/// NIK/KK: keeps region, year and sex; permutes (month, day, serial) among the valid ones.
fn nik_like(ff1: &Ff1, d: &mut [u8], female_offset: bool, enc: bool) -> Result<(), PseudonymError> {
    let mut arr = [0u8; 16];
    arr.copy_from_slice(d);
    if nik::check_block(&arr, female_offset, None).is_err() {
        return Err(PseudonymError::Invalid);
    }
    let raw_day = digits::two(&arr, 6);
    let offset = if raw_day > 40 { 40 } else { 0 };
    let day = raw_day - offset;
    let month = digits::two(&arr, 8);
    let serial = digits::value(&arr[12..16]);
    let mut idx = ((u32::from(month) - 1) * 31 + u32::from(day) - 1) * 9999 + (serial - 1);
    let mut tweak = [0u8; 12];
    tweak[..3].copy_from_slice(b"nik");
    tweak[3..9].copy_from_slice(&arr[..6]);
    tweak[9..11].copy_from_slice(&arr[10..12]);
    tweak[11] = offset;
    for _ in 0..10_000 {
        let mut x = [0u8; 7];
        let mut v = idx;
        for o in x.iter_mut().rev() {
            *o = b'0' + (v % 10) as u8;
            v /= 10;
        }
        ff1_digits(ff1, &tweak, &mut x, enc)?;
        idx = digits::value(&x);
        if idx >= NIK_DOMAIN {
            continue;
        }
        let serial = idx % 9999 + 1;
        let md = idx / 9999;
        let (month, day) = ((md / 31 + 1) as u8, (md % 31 + 1) as u8);
        let yy = digits::two(&arr, 10);
        let exists = Date::new(2000 + u16::from(yy), month, day).is_some()
            || Date::new(1900 + u16::from(yy), month, day).is_some();
        if !exists {
            continue;
        }
        let mut cand = arr;
        put2(&mut cand[6..8], day + offset);
        put2(&mut cand[8..10], month);
        put2(&mut cand[12..14], (serial / 100) as u8);
        put2(&mut cand[14..16], (serial % 100) as u8);
        if nik::check_block(&cand, female_offset, None).is_ok() {
            d.copy_from_slice(&cand);
            return Ok(());
        }
    }
    Err(PseudonymError::Invalid)
}

fn put2(out: &mut [u8], v: u8) {
    out[0] = b'0' + v / 10;
    out[1] = b'0' + v % 10;
}

/// 15-digit NPWP core: keeps type code, tax office and branch; encrypts the serial.
fn npwp15(ff1: &Ff1, d: &mut [u8], enc: bool) -> Result<(), PseudonymError> {
    if d.len() != 15 || !digits::luhn_valid(&d[..9]) {
        return Err(PseudonymError::Invalid);
    }
    let mut tweak = [0u8; 12];
    tweak[..4].copy_from_slice(b"npwp");
    tweak[4..6].copy_from_slice(&d[..2]);
    tweak[6..12].copy_from_slice(&d[9..15]);
    ff1_digits(ff1, &tweak, &mut d[2..8], enc)?;
    d[8] = b'0';
    d[8] = b'0' + digits::luhn_check_digit(&d[..8]);
    Ok(())
}
