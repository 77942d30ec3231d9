//! Identifiers: `_is_valid`, `_parse` into a caller-owned struct, `_format` into
//! a caller buffer, for NIK, KK, NPWP, NITKU, BPJS (card, KPJ, faskes) and NIP,
//! plus kind-generic validation of one value or a whole column.

use super::*;
use crate::bpjs::{self, BpjsError, BpjsKesehatan, FaskesCode, Kpj};
use crate::date::Date;
use crate::digits::Formatted;
use crate::kk::{self, Kk};
use crate::nik::{self, Nik, NikError, Sex};
use crate::nip::{self, Nip, NipError};
use crate::nitku::{self, Nitku, NitkuError};
use crate::npwp::{self, Npwp, NpwpError, NpwpForm};
use crate::region::RegionStatus;

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(identitas_nik => "identitas_nik", identitas_kk => "identitas_kk", identitas_npwp => "identitas_npwp", identitas_nitku => "identitas_nitku", identitas_bpjs_kesehatan => "identitas_bpjs_kesehatan", identitas_kpj => "identitas_kpj", identitas_nip => "identitas_nip");

/// `identitas_nik.sex` / `identitas_nip.sex`: male.
pub const IDENTITAS_SEX_MALE: u8 = 1;
/// `identitas_nik.sex` / `identitas_nip.sex`: female.
pub const IDENTITAS_SEX_FEMALE: u8 = 2;

/// Region status: not in any table edition the library carries.
pub const IDENTITAS_REGION_UNKNOWN: u8 = 0;
/// Region status: in the current (2025) Kemendagri table.
pub const IDENTITAS_REGION_CURRENT: u8 = 1;
/// Region status: retired (e.g. the 2022 Papua codes); NIKs issued before keep it.
pub const IDENTITAS_REGION_RETIRED: u8 = 2;

/// `identitas_npwp.form`: the old 15-digit NPWP with a check digit.
pub const IDENTITAS_NPWP_FORM_NPWP15: u8 = 1;
/// `identitas_npwp.form`: a 16-digit DJP-issued NPWP (`0` + 15 digits).
pub const IDENTITAS_NPWP_FORM_NPWP16: u8 = 2;
/// `identitas_npwp.form`: a resident's NIK used as NPWP (no check digit).
pub const IDENTITAS_NPWP_FORM_NIK: u8 = 3;

/// `identitas_npwp.check_digit` when the form has none (NIK form).
pub const IDENTITAS_NO_CHECK_DIGIT: u8 = 255;

/// `sizeof(identitas_nik)`.
pub const IDENTITAS_SIZEOF_NIK: usize = 36;
/// `sizeof(identitas_kk)`.
pub const IDENTITAS_SIZEOF_KK: usize = 32;
/// `sizeof(identitas_npwp)`.
pub const IDENTITAS_SIZEOF_NPWP: usize = 24;
/// `sizeof(identitas_nitku)`.
pub const IDENTITAS_SIZEOF_NITKU: usize = 28;
/// `sizeof(identitas_bpjs_kesehatan)`.
pub const IDENTITAS_SIZEOF_BPJS_KESEHATAN: usize = 16;
/// `sizeof(identitas_kpj)`.
pub const IDENTITAS_SIZEOF_KPJ: usize = 20;
/// `sizeof(identitas_faskes)`.
pub const IDENTITAS_SIZEOF_FASKES: usize = 12;
/// `sizeof(identitas_nip)`.
pub const IDENTITAS_SIZEOF_NIP: usize = 30;

/// A parsed NIK. Every field is written by `identitas_nik_parse`; no padding.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_nik {
    /// The 16 ASCII digits, not NUL-terminated (the raw identifier: handle with care).
    pub digits: [u8; 16],
    /// Region of first registration as a number (`317101`); names via `identitas_region_lookup`.
    pub region_code: u32,
    /// Current code of the same area when the region is retired, else 0.
    pub region_successor: u32,
    /// Birth year (latest of 20YY/19YY not after the reference date), 0 if neither fits.
    pub birth_year: u16,
    /// Serial, 1-9999.
    pub serial: u16,
    /// Province code (first two digits).
    pub province_code: u8,
    /// `IDENTITAS_SEX_MALE` or `IDENTITAS_SEX_FEMALE` (day + 40).
    pub sex: u8,
    /// Day of birth without the +40 offset, 1-31.
    pub birth_day: u8,
    /// Month of birth, 1-12.
    pub birth_month: u8,
    /// The two year digits as written.
    pub birth_year_digits: u8,
    /// 1 when the other century was just as possible (`20` = 2020 or 1920).
    pub century_ambiguous: u8,
    /// `IDENTITAS_REGION_*` of the six-digit region.
    pub region_status: u8,
    /// Always 0.
    pub reserved: u8,
}

/// A parsed KK (family card) number. No padding.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_kk {
    /// The 16 ASCII digits, not NUL-terminated.
    pub digits: [u8; 16],
    /// Region of issue as a number.
    pub region_code: u32,
    /// Current code of the same area when the region is retired, else 0.
    pub region_successor: u32,
    /// Year the family record was entered (pivot on the reference date), 0 if none fits.
    pub issue_year: u16,
    /// Family serial, 1-9999.
    pub serial: u16,
    /// Day of the record date, 1-31.
    pub issue_day: u8,
    /// Month of the record date, 1-12.
    pub issue_month: u8,
    /// The two year digits as written.
    pub issue_year_digits: u8,
    /// `IDENTITAS_REGION_*` of the six-digit region.
    pub region_status: u8,
}

/// A parsed NPWP. No padding.
///
/// Digit layout of `digits` for the DJP forms: `[0]` the leading 0, `[1..3]`
/// taxpayer type, `[3..9]` serial, `[9]` check digit, `[10..13]` tax office,
/// `[13..16]` branch (`000` head office).
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_npwp {
    /// The 16-digit form (`0` + 15 digits, or the NIK), ASCII, not NUL-terminated.
    pub digits: [u8; 16],
    /// `IDENTITAS_NPWP_FORM_*`.
    pub form: u8,
    /// Digits as written: 15 (old form: `digits + 1`) or 16.
    pub compact_len: u8,
    /// The check digit as written, or `IDENTITAS_NO_CHECK_DIGIT` (NIK form).
    pub check_digit: u8,
    /// The check digit the taxpayer digits call for, or `IDENTITAS_NO_CHECK_DIGIT`.
    pub expected_check_digit: u8,
    /// 1 unless parsed leniently with a wrong check digit.
    pub check_digit_valid: u8,
    /// Always 0.
    pub reserved: [u8; 3],
}

/// A parsed NITKU. No padding.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_nitku {
    /// The 22 ASCII digits (16-digit NPWP + 6-digit place), not NUL-terminated.
    pub digits: [u8; 22],
    /// `IDENTITAS_NPWP_FORM_NPWP16` or `IDENTITAS_NPWP_FORM_NIK`.
    pub npwp_form: u8,
    /// 1 for place `000000`, the main place of business.
    pub is_main_place: u8,
    /// The place number, 0-999999.
    pub place: u32,
}

/// A parsed BPJS Kesehatan card number. No padding.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_bpjs_kesehatan {
    /// The 13 ASCII digits, leading zeros kept, not NUL-terminated.
    pub digits: [u8; 13],
    /// 1 when it starts with `00`, as every observed card number does.
    pub has_usual_prefix: u8,
    /// Always 0.
    pub reserved: [u8; 2],
}

/// A parsed BPJS Ketenagakerjaan KPJ number. No padding.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_kpj {
    /// The digits (`len` of them), the rest `'0'`; not NUL-terminated.
    pub digits: [u8; 16],
    /// Number of digits, 10-16.
    pub len: u8,
    /// 1 for 11 digits, the usual length.
    pub is_standard_length: u8,
    /// Always 0.
    pub reserved: [u8; 2],
}

/// A parsed BPJS faskes (health facility) code `\d{4}[A-Z]\d{3}`. No padding.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_faskes {
    /// The 8 characters, letter uppercase, not NUL-terminated: `[0..4]` office, `[4]` letter.
    pub code: [u8; 8],
    /// The facility serial (last three digits), 0-999.
    pub serial: u16,
    /// The facility letter (`'R'` for hospitals).
    pub facility_letter: u8,
    /// Always 0.
    pub reserved: u8,
}

/// A parsed NIP (civil-servant number). No padding.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_nip {
    /// The 18 ASCII digits, not NUL-terminated.
    pub digits: [u8; 18],
    /// Birth year (digits 1-4).
    pub birth_year: u16,
    /// Year of first appointment.
    pub appointment_year: u16,
    /// Serial, 1-999.
    pub serial: u16,
    /// Birth month, 1-12.
    pub birth_month: u8,
    /// Birth day, 1-31.
    pub birth_day: u8,
    /// Month of first appointment, 1-12.
    pub appointment_month: u8,
    /// `IDENTITAS_SEX_MALE` or `IDENTITAS_SEX_FEMALE`.
    pub sex: u8,
    /// Whole years of age at appointment.
    pub age_at_appointment: u8,
    /// Always 0.
    pub reserved: u8,
}

const _: () = {
    use core::mem::size_of;
    assert!(size_of::<identitas_nik>() == IDENTITAS_SIZEOF_NIK);
    assert!(size_of::<identitas_kk>() == IDENTITAS_SIZEOF_KK);
    assert!(size_of::<identitas_npwp>() == IDENTITAS_SIZEOF_NPWP);
    assert!(size_of::<identitas_nitku>() == IDENTITAS_SIZEOF_NITKU);
    assert!(size_of::<identitas_bpjs_kesehatan>() == IDENTITAS_SIZEOF_BPJS_KESEHATAN);
    assert!(size_of::<identitas_kpj>() == IDENTITAS_SIZEOF_KPJ);
    assert!(size_of::<identitas_faskes>() == IDENTITAS_SIZEOF_FASKES);
    assert!(size_of::<identitas_nip>() == IDENTITAS_SIZEOF_NIP);
    // No padding: the fields add up to the size.
    assert!(16 + 4 + 4 + 2 + 2 + 8 == IDENTITAS_SIZEOF_NIK);
    assert!(16 + 4 + 4 + 2 + 2 + 4 == IDENTITAS_SIZEOF_KK);
    assert!(16 + 5 + 3 == IDENTITAS_SIZEOF_NPWP);
    assert!(22 + 2 + 4 == IDENTITAS_SIZEOF_NITKU);
    assert!(13 + 1 + 2 == IDENTITAS_SIZEOF_BPJS_KESEHATAN);
    assert!(16 + 2 + 2 == IDENTITAS_SIZEOF_KPJ);
    assert!(8 + 2 + 2 == IDENTITAS_SIZEOF_FASKES);
    assert!(18 + 6 + 6 == IDENTITAS_SIZEOF_NIP);
};

/// Status of a NIK/KK error.
pub(crate) const fn nik_status(e: NikError) -> i32 {
    match e {
        NikError::Format(f) => format_status(f),
        NikError::InvalidLength { .. } => IDENTITAS_STATUS_NIK_INVALID_LENGTH,
        NikError::UnknownProvince => IDENTITAS_STATUS_NIK_UNKNOWN_PROVINCE,
        NikError::InvalidDay => IDENTITAS_STATUS_NIK_INVALID_DAY,
        NikError::InvalidMonth => IDENTITAS_STATUS_NIK_INVALID_MONTH,
        NikError::InvalidDate => IDENTITAS_STATUS_NIK_INVALID_DATE,
        NikError::DateInFuture => IDENTITAS_STATUS_NIK_DATE_IN_FUTURE,
        NikError::InvalidSerial => IDENTITAS_STATUS_NIK_INVALID_SERIAL,
        NikError::RepeatedDigits => IDENTITAS_STATUS_NIK_REPEATED_DIGITS,
    }
}

/// Status of an NPWP error (a bad NIK-form NPWP reports the NIK's status).
pub(crate) const fn npwp_status(e: NpwpError) -> i32 {
    match e {
        NpwpError::Format(f) => format_status(f),
        NpwpError::InvalidLength { .. } => IDENTITAS_STATUS_NPWP_INVALID_LENGTH,
        NpwpError::InvalidChecksum => IDENTITAS_STATUS_NPWP_INVALID_CHECKSUM,
        NpwpError::Placeholder => IDENTITAS_STATUS_NPWP_PLACEHOLDER,
        NpwpError::InvalidNik(n) => nik_status(n),
    }
}

/// Status of a NITKU error (a bad NPWP part reports the NPWP's status).
pub(crate) const fn nitku_status(e: NitkuError) -> i32 {
    match e {
        NitkuError::Format(f) => format_status(f),
        NitkuError::InvalidLength { .. } => IDENTITAS_STATUS_NITKU_INVALID_LENGTH,
        NitkuError::InvalidNpwp(n) => npwp_status(n),
    }
}

/// Status of a BPJS error.
pub(crate) const fn bpjs_status(e: BpjsError) -> i32 {
    match e {
        BpjsError::Format(f) => format_status(f),
        BpjsError::InvalidLength { .. } => IDENTITAS_STATUS_BPJS_INVALID_LENGTH,
        BpjsError::InvalidCodeLength { .. } => IDENTITAS_STATUS_BPJS_INVALID_CODE_LENGTH,
        BpjsError::NikNotCard => IDENTITAS_STATUS_BPJS_NIK_NOT_CARD,
        BpjsError::RepeatedDigits => IDENTITAS_STATUS_BPJS_REPEATED_DIGITS,
    }
}

/// Status of a NIP error.
pub(crate) const fn nip_status(e: NipError) -> i32 {
    match e {
        NipError::Format(f) => format_status(f),
        NipError::InvalidLength { .. } => IDENTITAS_STATUS_NIP_INVALID_LENGTH,
        NipError::InvalidBirthDate => IDENTITAS_STATUS_NIP_INVALID_BIRTH_DATE,
        NipError::InvalidAppointment => IDENTITAS_STATUS_NIP_INVALID_APPOINTMENT,
        NipError::AppointmentBeforeBirth => IDENTITAS_STATUS_NIP_APPOINTMENT_BEFORE_BIRTH,
        NipError::TooYoungAtAppointment => IDENTITAS_STATUS_NIP_TOO_YOUNG_AT_APPOINTMENT,
        NipError::InvalidSex => IDENTITAS_STATUS_NIP_INVALID_SEX,
        NipError::InvalidSerial => IDENTITAS_STATUS_NIP_INVALID_SERIAL,
    }
}

pub(crate) const fn region_status_code(s: RegionStatus) -> u8 {
    match s {
        RegionStatus::Current => IDENTITAS_REGION_CURRENT,
        RegionStatus::Retired => IDENTITAS_REGION_RETIRED,
        RegionStatus::Unknown => IDENTITAS_REGION_UNKNOWN,
    }
}

const fn sex_code(s: Sex) -> u8 {
    match s {
        Sex::Male => IDENTITAS_SEX_MALE,
        Sex::Female => IDENTITAS_SEX_FEMALE,
    }
}

const fn form_code(f: NpwpForm) -> u8 {
    match f {
        NpwpForm::Npwp15 => IDENTITAS_NPWP_FORM_NPWP15,
        NpwpForm::Npwp16 => IDENTITAS_NPWP_FORM_NPWP16,
        NpwpForm::Nik => IDENTITAS_NPWP_FORM_NIK,
    }
}

fn reference_date(year: u16, month: u8, day: u8) -> Result<Date, i32> {
    Date::new(year, month, day).ok_or(IDENTITAS_STATUS_INVALID_ARGUMENT)
}

fn nik_struct(n: &Nik, reference: Date) -> identitas_nik {
    let region = n.region();
    let born = n.birth_date(reference);
    identitas_nik {
        digits: *n.as_bytes(),
        region_code: region.code(),
        region_successor: region.successor().unwrap_or(0),
        birth_year: born.map_or(0, |b| b.date.year()),
        serial: n.serial(),
        province_code: n.province_code(),
        sex: sex_code(n.sex()),
        birth_day: n.birth_day(),
        birth_month: n.birth_month(),
        birth_year_digits: n.birth_year_digits(),
        century_ambiguous: u8::from(born.is_some_and(|b| b.century_ambiguous)),
        region_status: region_status_code(region.status()),
        reserved: 0,
    }
}

fn kk_struct(k: &Kk, reference: Date) -> identitas_kk {
    let region = k.region();
    let d = k.as_bytes();
    identitas_kk {
        digits: *d,
        region_code: region.code(),
        region_successor: region.successor().unwrap_or(0),
        issue_year: k.issue_date(reference).map_or(0, |x| x.year()),
        serial: k.serial(),
        issue_day: crate::digits::two(d, 6),
        issue_month: crate::digits::two(d, 8),
        issue_year_digits: crate::digits::two(d, 10),
        region_status: region_status_code(region.status()),
    }
}

fn npwp_struct(n: &Npwp) -> identitas_npwp {
    identitas_npwp {
        digits: *n.as_bytes(),
        form: form_code(n.form()),
        compact_len: n.compact().len() as u8,
        check_digit: n.check_digit().unwrap_or(IDENTITAS_NO_CHECK_DIGIT),
        expected_check_digit: n.expected_check_digit().unwrap_or(IDENTITAS_NO_CHECK_DIGIT),
        check_digit_valid: u8::from(n.check_digit_valid()),
        reserved: [0; 3],
    }
}

fn nitku_struct(n: &Nitku) -> identitas_nitku {
    identitas_nitku {
        digits: *n.as_bytes(),
        npwp_form: form_code(n.npwp().form()),
        is_main_place: u8::from(n.is_main_place()),
        place: n.place(),
    }
}

fn bpjs_struct(b: &BpjsKesehatan) -> identitas_bpjs_kesehatan {
    identitas_bpjs_kesehatan {
        digits: *b.as_bytes(),
        has_usual_prefix: u8::from(b.has_usual_prefix()),
        reserved: [0; 2],
    }
}

fn kpj_struct(k: &Kpj) -> identitas_kpj {
    let mut digits = [b'0'; 16];
    let d = k.as_bytes();
    digits[..d.len()].copy_from_slice(d);
    identitas_kpj {
        digits,
        len: d.len() as u8,
        is_standard_length: u8::from(k.is_standard_length()),
        reserved: [0; 2],
    }
}

fn faskes_struct(f: &FaskesCode) -> identitas_faskes {
    let mut code = [0u8; 8];
    code.copy_from_slice(f.as_str().as_bytes());
    identitas_faskes {
        code,
        serial: f.serial(),
        facility_letter: code[4],
        reserved: 0,
    }
}

fn nip_struct(n: &Nip) -> identitas_nip {
    let b = n.birth_date();
    identitas_nip {
        digits: *n.as_bytes(),
        birth_year: b.year(),
        appointment_year: n.appointment_year(),
        serial: n.serial(),
        birth_month: b.month(),
        birth_day: b.day(),
        appointment_month: n.appointment_month(),
        sex: sex_code(n.sex()),
        age_at_appointment: n.age_at_appointment(),
        reserved: 0,
    }
}

/// Validates one value of a kind, fully (the status says why it is invalid).
pub(crate) fn validate_kind(kind: Kind, v: &[u8]) -> Result<(), i32> {
    match kind {
        Kind::Nik => Nik::parse_bytes(v).map(drop).map_err(nik_status),
        Kind::Kk => Kk::parse_bytes(v).map(drop).map_err(nik_status),
        Kind::Npwp => Npwp::parse_bytes(v).map(drop).map_err(npwp_status),
        Kind::Nitku => Nitku::parse_bytes(v).map(drop).map_err(nitku_status),
        Kind::BpjsKesehatan => BpjsKesehatan::parse_bytes(v).map(drop).map_err(bpjs_status),
        Kind::BpjsKetenagakerjaan => Kpj::parse_bytes(v).map(drop).map_err(bpjs_status),
        Kind::Nip => Nip::parse_bytes(v).map(drop).map_err(nip_status),
        Kind::Phone => crate::phone::Phone::parse_bytes(v)
            .map(drop)
            .map_err(super::phone::phone_status),
        _ => Err(IDENTITAS_STATUS_UNKNOWN_KIND),
    }
}

/// The fast validity check of a kind; `None` for kinds without a validator.
pub(crate) fn is_valid_fn(kind: Kind) -> Option<fn(&[u8]) -> bool> {
    Some(match kind {
        Kind::Nik => nik::is_valid,
        Kind::Kk => kk::is_valid,
        Kind::Npwp => npwp::is_valid,
        Kind::Nitku => nitku::is_valid,
        Kind::BpjsKesehatan => bpjs::is_valid_kesehatan,
        Kind::BpjsKetenagakerjaan => bpjs::is_valid_kpj,
        Kind::Nip => nip::is_valid,
        Kind::Phone => crate::phone::is_valid,
        _ => return None,
    })
}

/// The canonical written form of one value of a kind.
fn format_kind(kind: Kind, v: &[u8]) -> Result<Formatted, i32> {
    let text = match kind {
        Kind::Nik => return ascii(Nik::parse_bytes(v).map_err(nik_status)?.format()),
        Kind::Kk => return ascii(Kk::parse_bytes(v).map_err(nik_status)?.format()),
        Kind::Npwp => Npwp::parse_bytes(v).map_err(npwp_status)?.format(),
        Kind::Nitku => return ascii(Nitku::parse_bytes(v).map_err(nitku_status)?.format()),
        Kind::BpjsKesehatan => {
            return ascii(BpjsKesehatan::parse_bytes(v).map_err(bpjs_status)?.format());
        }
        Kind::BpjsKetenagakerjaan => {
            return ascii(Kpj::parse_bytes(v).map_err(bpjs_status)?.format());
        }
        Kind::Nip => Nip::parse_bytes(v).map_err(nip_status)?.format(),
        _ => return Err(IDENTITAS_STATUS_UNKNOWN_KIND),
    };
    Ok(text)
}

fn ascii(s: &str) -> Result<Formatted, i32> {
    Formatted::from_ascii(s.as_bytes()).ok_or(IDENTITAS_STATUS_PANIC)
}

/// Shared body of the `_format` exports.
///
/// # Safety
/// The export's contract: `(ptr, len)` readable, `(out, cap)` writable, `out_len` writable.
unsafe fn format_export(
    kind: Kind,
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), i32> {
    check_out(out_len)?;
    check_buffer((ptr, len), out, cap)?;
    // SAFETY: the caller's contract.
    let v = unsafe { input(ptr, len) }?;
    let f = format_kind(kind, v)?;
    // SAFETY: the caller's contract; `f` is our own copy.
    unsafe { write_text(f.as_bytes(), (ptr, len), out, cap, out_len) }
}

/// Shared body of the `_parse` exports: checks `out`, parses, writes the struct.
///
/// # Safety
/// `(ptr, len)` readable; `out` NULL or pointing to writable memory for a `T`.
unsafe fn parse_export<T>(
    ptr: *const u8,
    len: usize,
    out: *mut T,
    parse: impl FnOnce(&[u8]) -> Result<T, i32>,
) -> Result<(), i32> {
    check_out(out)?;
    // SAFETY: the caller's contract.
    let v = unsafe { input(ptr, len) }?;
    let value = parse(v)?;
    // SAFETY: checked non-null and aligned; writable per the contract.
    unsafe { out.write(value) };
    Ok(())
}

/// Shared body of the `_is_valid` exports: 1 or 0, and 0 on misuse.
///
/// # Safety
/// `(ptr, len)` readable.
unsafe fn is_valid_export(ptr: *const u8, len: usize, f: fn(&[u8]) -> bool) -> i32 {
    guard_with(0, || {
        // SAFETY: the caller's contract.
        match unsafe { input(ptr, len) } {
            Ok(v) => i32::from(f(v)),
            Err(_) => 0,
        }
    })
}

/// 1 when `(ptr, len)` is a valid NIK (with or without separators), else 0.
///
/// The fast path: no struct, no error detail (use `identitas_nik_parse` for why).
/// Returns 0 for `NULL` with a length. Thread-safe.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nik_is_valid(ptr: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { is_valid_export(ptr, len, nik::is_valid) }
}

/// Parses a NIK into `*out`; the birth year is pivoted on today's date (UTC).
///
/// `out` is caller-owned and written only on success. Returns
/// `IDENTITAS_STATUS_OK`, a format status (1x), a NIK status (1xx),
/// `IDENTITAS_STATUS_NULL_POINTER` (`out` NULL, or `ptr` NULL with a length) or
/// `IDENTITAS_STATUS_MISALIGNED_POINTER`. Thread-safe.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` must point to writable memory for an `identitas_nik`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nik_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_nik,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                let n = Nik::parse_bytes(v).map_err(nik_status)?;
                Ok(nik_struct(&n, Date::today()))
            })
        }
    })
}

/// Parses a NIK and rejects birth dates after the reference date
/// `year-month-day` in both centuries (`IDENTITAS_STATUS_NIK_DATE_IN_FUTURE`);
/// the birth year is pivoted on that date. A reference that is no calendar
/// date gives `IDENTITAS_STATUS_INVALID_ARGUMENT`. Otherwise as `identitas_nik_parse`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` must point to writable memory for an `identitas_nik`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nik_parse_at(
    ptr: *const u8,
    len: usize,
    year: u16,
    month: u8,
    day: u8,
    out: *mut identitas_nik,
) -> i32 {
    guard(|| {
        let reference = reference_date(year, month, day)?;
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                let n = Nik::parse_at_bytes(v, reference).map_err(nik_status)?;
                Ok(nik_struct(&n, reference))
            })
        }
    })
}

/// Writes the canonical form of a NIK (16 plain digits) and a NUL into `out`.
///
/// `*out_len` receives the length without the NUL (also when the status is
/// `IDENTITAS_STATUS_BUFFER_TOO_SMALL`; `(NULL, 0)` is a size query).
/// `IDENTITAS_FORMAT_MAX` bytes always suffice. The output must not overlap
/// the input. Thread-safe.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nik_format(
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: forwarded contract.
    guard(|| unsafe { format_export(Kind::Nik, ptr, len, out, cap, out_len) })
}

/// 1 when `(ptr, len)` is a valid KK number, else 0 (0 on misuse). Thread-safe.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_kk_is_valid(ptr: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { is_valid_export(ptr, len, kk::is_valid) }
}

/// Parses a KK number into `*out`; the issue year is pivoted on today's date.
/// Statuses as `identitas_nik_parse` (KK numbers share the 1xx codes). Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_kk`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_kk_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_kk,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                let k = Kk::parse_bytes(v).map_err(nik_status)?;
                Ok(kk_struct(&k, Date::today()))
            })
        }
    })
}

/// Parses a KK number, rejecting record dates after `year-month-day`.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_kk`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_kk_parse_at(
    ptr: *const u8,
    len: usize,
    year: u16,
    month: u8,
    day: u8,
    out: *mut identitas_kk,
) -> i32 {
    guard(|| {
        let reference = reference_date(year, month, day)?;
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                let k = Kk::parse_at_bytes(v, reference).map_err(nik_status)?;
                Ok(kk_struct(&k, reference))
            })
        }
    })
}

/// Writes the canonical form of a KK number (16 digits) and a NUL; as `identitas_nik_format`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_kk_format(
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: forwarded contract.
    guard(|| unsafe { format_export(Kind::Kk, ptr, len, out, cap, out_len) })
}

/// 1 when `(ptr, len)` is a valid NPWP (15 digits, 16 DJP digits or a NIK), else 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_npwp_is_valid(ptr: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { is_valid_export(ptr, len, npwp::is_valid) }
}

/// Parses an NPWP into `*out`. Statuses: format (1x), 2xx, or a NIK status
/// (1xx) for an invalid NIK-form NPWP. Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_npwp`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_npwp_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_npwp,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                Ok(npwp_struct(&Npwp::parse_bytes(v).map_err(npwp_status)?))
            })
        }
    })
}

/// Parses an NPWP accepting a wrong check digit (`check_digit_valid = 0`), the
/// "warn only" mode for historic data. Otherwise as `identitas_npwp_parse`.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_npwp`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_npwp_parse_lenient(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_npwp,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                Ok(npwp_struct(
                    &Npwp::parse_bytes_lenient(v).map_err(npwp_status)?,
                ))
            })
        }
    })
}

/// Writes the canonical form of an NPWP (`01.312.166.0-091.000`,
/// `083.132.665.7-201.000`, or 16 plain digits for a NIK) and a NUL; as
/// `identitas_nik_format`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_npwp_format(
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: forwarded contract.
    guard(|| unsafe { format_export(Kind::Npwp, ptr, len, out, cap, out_len) })
}

/// 1 when `(ptr, len)` is a valid NITKU (22 digits), else 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nitku_is_valid(ptr: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { is_valid_export(ptr, len, nitku::is_valid) }
}

/// Parses a NITKU into `*out`. Statuses: format, `IDENTITAS_STATUS_NITKU_INVALID_LENGTH`,
/// or the NPWP/NIK status of its first 16 digits. Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_nitku`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nitku_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_nitku,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                Ok(nitku_struct(&Nitku::parse_bytes(v).map_err(nitku_status)?))
            })
        }
    })
}

/// Writes the canonical form of a NITKU (22 plain digits) and a NUL; as `identitas_nik_format`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nitku_format(
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: forwarded contract.
    guard(|| unsafe { format_export(Kind::Nitku, ptr, len, out, cap, out_len) })
}

/// 1 when `(ptr, len)` is a structurally valid BPJS Kesehatan card number (13 digits), else 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_bpjs_kesehatan_is_valid(ptr: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { is_valid_export(ptr, len, bpjs::is_valid_kesehatan) }
}

/// Parses a BPJS Kesehatan card number into `*out`. Statuses: format, 3xx
/// (`IDENTITAS_STATUS_BPJS_NIK_NOT_CARD` when the field holds a NIK). Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_bpjs_kesehatan`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_bpjs_kesehatan_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_bpjs_kesehatan,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                Ok(bpjs_struct(
                    &BpjsKesehatan::parse_bytes(v).map_err(bpjs_status)?,
                ))
            })
        }
    })
}

/// Writes a BPJS Kesehatan card number (13 plain digits) and a NUL; as `identitas_nik_format`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_bpjs_kesehatan_format(
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: forwarded contract.
    guard(|| unsafe { format_export(Kind::BpjsKesehatan, ptr, len, out, cap, out_len) })
}

/// 1 when `(ptr, len)` is a structurally valid KPJ number (10-16 digits), else 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_kpj_is_valid(ptr: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { is_valid_export(ptr, len, bpjs::is_valid_kpj) }
}

/// Parses a BPJS Ketenagakerjaan KPJ number into `*out`. Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_kpj`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_kpj_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_kpj,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                Ok(kpj_struct(&Kpj::parse_bytes(v).map_err(bpjs_status)?))
            })
        }
    })
}

/// Writes a KPJ number (plain digits) and a NUL; as `identitas_nik_format`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_kpj_format(
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: forwarded contract.
    guard(|| unsafe { format_export(Kind::BpjsKetenagakerjaan, ptr, len, out, cap, out_len) })
}

/// Parses a BPJS faskes (facility) code `\d{4}[A-Z]\d{3}` into `*out`
/// (surrounding whitespace ignored, letter stored uppercase). Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_faskes`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_faskes_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_faskes,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                Ok(faskes_struct(
                    &FaskesCode::parse_bytes(v).map_err(bpjs_status)?,
                ))
            })
        }
    })
}

/// 1 when `(ptr, len)` is a valid NIP (18 digits, dates and sex digit checked), else 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nip_is_valid(ptr: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { is_valid_export(ptr, len, nip::is_valid) }
}

/// Parses a NIP into `*out`. Statuses: format, 6xx. Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_nip`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nip_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_nip,
) -> i32 {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe {
            parse_export(ptr, len, out, |v| {
                Ok(nip_struct(&Nip::parse_bytes(v).map_err(nip_status)?))
            })
        }
    })
}

/// Writes the canonical form of a NIP (`19660801 198803 1 001`) and a NUL; as
/// `identitas_nik_format`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_nip_format(
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: forwarded contract.
    guard(|| unsafe { format_export(Kind::Nip, ptr, len, out, cap, out_len) })
}

/// 1 when `(ptr, len)` is a valid value of `kind` (`IDENTITAS_KIND_*`), else 0
/// (also for kinds without a validator and on misuse). Thread-safe.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_is_valid(kind: i32, ptr: *const u8, len: usize) -> i32 {
    let Some(f) = kind_from_code(kind).ok().and_then(is_valid_fn) else {
        return 0;
    };
    // SAFETY: forwarded contract.
    unsafe { is_valid_export(ptr, len, f) }
}

/// Validates one value of `kind`: `IDENTITAS_STATUS_OK` or the status saying why
/// not; `IDENTITAS_STATUS_UNKNOWN_KIND` for a kind without a validator. Thread-safe.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_validate(kind: i32, ptr: *const u8, len: usize) -> i32 {
    guard(|| {
        let kind = kind_from_code(kind)?;
        // SAFETY: forwarded contract.
        let v = unsafe { input(ptr, len) }?;
        validate_kind(kind, v)
    })
}

/// Checks a column of values in one call. Value `i` is
/// `data[offsets[i] .. offsets[i + 1]]` (`offsets` has `count + 1`
/// non-decreasing entries, the last at most `data_len`: Arrow's layout).
///
/// `results[i]` receives 1 or 0 (valid or not) when `statuses` is NULL, and
/// `statuses[i]` receives the full status of each value when `results` is NULL;
/// exactly one of them must be given (for `count > 0`). Everything is checked
/// before anything is written: offsets (`IDENTITAS_STATUS_INVALID_ARGUMENT`), an
/// output array sharing a byte with `offsets` (`IDENTITAS_STATUS_OVERLAPPING_OFFSETS`)
/// or with `data` (`IDENTITAS_STATUS_OVERLAPPING_BUFFERS`). `data` and `offsets`
/// may overlap each other (both are only read).
/// Returns `IDENTITAS_STATUS_OK`, `IDENTITAS_STATUS_UNKNOWN_KIND`, or a pointer
/// status. Thread-safe: no shared state; concurrent calls may share the inputs,
/// never an output array.
///
/// # Safety
/// `data` readable for `data_len` bytes (or NULL with 0); `offsets` readable
/// for `count + 1` `size_t` (may be NULL when `count == 0`); `results` writable
/// for `count` bytes or `statuses` for `count` `int32_t`; none of them modified
/// by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_validate_batch(
    kind: i32,
    data: *const u8,
    data_len: usize,
    offsets: *const usize,
    count: usize,
    results: *mut u8,
    statuses: *mut i32,
) -> i32 {
    guard(|| {
        let kind = kind_from_code(kind)?;
        let fast = is_valid_fn(kind).ok_or(IDENTITAS_STATUS_UNKNOWN_KIND)?;
        // SAFETY: the caller's contract.
        let data = unsafe { input(data, data_len) }?;
        if count == 0 {
            return Ok(());
        }
        if results.is_null() == statuses.is_null() {
            return Err(if results.is_null() {
                IDENTITAS_STATUS_NULL_POINTER
            } else {
                IDENTITAS_STATUS_INVALID_ARGUMENT
            });
        }
        check_in(offsets)?;
        let n = count
            .checked_add(1)
            .ok_or(IDENTITAS_STATUS_INVALID_ARGUMENT)?;
        if n > isize::MAX as usize / core::mem::size_of::<usize>() {
            return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
        }
        // The output array, checked against both inputs before any slice of it exists.
        let (out_ptr, out_bytes) = if results.is_null() {
            check_out(statuses)?;
            if count > isize::MAX as usize / 4 {
                return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
            }
            (statuses as *const u8, count * 4)
        } else {
            (results as *const u8, count)
        };
        if (out_ptr as usize).checked_add(out_bytes).is_none() {
            return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
        }
        let offsets_bytes = n * core::mem::size_of::<usize>();
        if overlaps(out_ptr, out_bytes, offsets as *const u8, offsets_bytes) {
            return Err(IDENTITAS_STATUS_OVERLAPPING_OFFSETS);
        }
        if overlaps(out_ptr, out_bytes, data.as_ptr(), data.len()) {
            return Err(IDENTITAS_STATUS_OVERLAPPING_BUFFERS);
        }
        // SAFETY: non-null, aligned, `count + 1` entries per the contract, not written
        // through any output (checked above).
        let offsets = unsafe { core::slice::from_raw_parts(offsets, n) };
        let mut prev = offsets.first().copied().unwrap_or(0);
        for &o in offsets {
            if o < prev || o > data.len() {
                return Err(IDENTITAS_STATUS_INVALID_ARGUMENT);
            }
            prev = o;
        }
        let value = |i: usize| &data[offsets[i]..offsets[i + 1]];
        if !results.is_null() {
            // SAFETY: `count` writable bytes per the contract, disjoint from the inputs.
            let out = unsafe { input_mut(results, count) }?;
            for (i, slot) in out.iter_mut().enumerate() {
                *slot = u8::from(fast(value(i)));
            }
        } else {
            // SAFETY: non-null, aligned, `count` writable entries per the contract,
            // disjoint from the inputs.
            let out = unsafe { core::slice::from_raw_parts_mut(statuses, count) };
            for (i, slot) in out.iter_mut().enumerate() {
                *slot = match validate_kind(kind, value(i)) {
                    Ok(()) => IDENTITAS_STATUS_OK,
                    Err(s) => s,
                };
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_kinds_match_rust_error_kinds() {
        let niks: [&[u8]; 8] = [
            b"",
            b"31710117084500x1",
            b"317101170845001",
            b"0171011708450001",
            b"3171013508450001",
            b"3171011713450001",
            b"3171011708450000",
            b"3502027102019913",
        ];
        for v in niks {
            let e = Nik::parse_bytes(v).unwrap_err();
            assert_eq!(status_kind(nik_status(e)), error_kind_code(e.kind()));
        }
        for v in [
            &b"01.451.869.7-054.000"[..],
            b"12345678901234",
            b"000000000000000",
            b"3171013508450001",
        ] {
            let e = Npwp::parse_bytes(v).unwrap_err();
            assert_eq!(status_kind(npwp_status(e)), error_kind_code(e.kind()));
        }
        for v in [&b"3171011708450001"[..], b"00113365265a2", b"1111111111111"] {
            let e = BpjsKesehatan::parse_bytes(v).unwrap_err();
            assert_eq!(status_kind(bpjs_status(e)), error_kind_code(e.kind()));
        }
        for v in [&b"196608011988031000"[..], b"196613011988031001", b"12"] {
            let e = Nip::parse_bytes(v).unwrap_err();
            assert_eq!(status_kind(nip_status(e)), error_kind_code(e.kind()));
        }
    }
}
