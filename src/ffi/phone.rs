//! Indonesian phone numbers: validation, parsing, normalisation and formats.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use super::*;
use crate::phone::{self, Phone, PhoneError, PhoneType};

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(identitas_phone => "identitas_phone");

/// Phone: no number of this kind has that many digits.
pub const IDENTITAS_STATUS_PHONE_INVALID_LENGTH: i32 = 401;
/// Phone: a country code other than Indonesia's +62.
pub const IDENTITAS_STATUS_PHONE_COUNTRY_CODE: i32 = 402;
/// Phone: no Indonesian number starts like this (e.g. `084x`).
pub const IDENTITAS_STATUS_PHONE_UNKNOWN_PREFIX: i32 = 403;
/// Phone: not an Indonesian short number (`identitas_phone_short`).
pub const IDENTITAS_STATUS_PHONE_NOT_SHORT_NUMBER: i32 = 404;

/// `identitas_phone.type`: not a valid number of any type (never in a parsed number).
pub const IDENTITAS_PHONE_TYPE_UNKNOWN: u8 = 0;
/// Mobile (`08…`).
pub const IDENTITAS_PHONE_TYPE_MOBILE: u8 = 1;
/// Fixed line with an area code.
pub const IDENTITAS_PHONE_TYPE_FIXED_LINE: u8 = 2;
/// Toll-free (`0800 …`).
pub const IDENTITAS_PHONE_TYPE_TOLL_FREE: u8 = 3;
/// Premium rate (`0809 …`).
pub const IDENTITAS_PHONE_TYPE_PREMIUM_RATE: u8 = 4;
/// Shared cost (`0804 …`).
pub const IDENTITAS_PHONE_TYPE_SHARED_COST: u8 = 5;
/// Universal access number (`1500 …`).
pub const IDENTITAS_PHONE_TYPE_UAN: u8 = 6;

/// `identitas_phone_format` style: E.164, `+6281234567890`.
pub const IDENTITAS_PHONE_FORMAT_E164: i32 = 0;
/// `identitas_phone_format` style: national, `0812-3456-7890`, `(021) 5550123`.
pub const IDENTITAS_PHONE_FORMAT_NATIONAL: i32 = 1;
/// `identitas_phone_format` style: international, `+62 812-3456-7890`.
pub const IDENTITAS_PHONE_FORMAT_INTERNATIONAL: i32 = 2;

/// `identitas_phone_short` flag: an emergency number (110, 112, 113, 118, 119).
pub const IDENTITAS_SHORT_EMERGENCY: u32 = 1;
/// `identitas_phone_short` flag: free to call.
pub const IDENTITAS_SHORT_TOLL_FREE: u32 = 2;
/// `identitas_phone_short` flag: works on one operator's network only.
pub const IDENTITAS_SHORT_CARRIER_SPECIFIC: u32 = 4;

/// `sizeof(identitas_phone)`.
pub const IDENTITAS_SIZEOF_PHONE: usize = 24;

/// A parsed Indonesian phone number. No padding.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct identitas_phone {
    /// The national significant number (digits after +62, no trunk 0), ASCII,
    /// `nsn_len` of them, the rest 0; not NUL-terminated.
    pub nsn: [u8; 17],
    /// Digits in `nsn`.
    pub nsn_len: u8,
    /// `IDENTITAS_PHONE_TYPE_*`.
    pub r#type: u8,
    /// 1 when the input carried the country code (`+62`, `62…`, `0062`).
    pub had_country_code: u8,
    /// 1 when the input had a trunk 0 after the country code (`+620812…`), removed.
    pub had_extra_zero: u8,
    /// Always 0.
    pub reserved: [u8; 3],
}

const _: () = assert!(core::mem::size_of::<identitas_phone>() == IDENTITAS_SIZEOF_PHONE);
const _: () = assert!(17 + 4 + 3 == IDENTITAS_SIZEOF_PHONE);

pub(crate) const fn phone_status(e: PhoneError) -> i32 {
    match e {
        PhoneError::Format(f) => format_status(f),
        PhoneError::InvalidLength { .. } => IDENTITAS_STATUS_PHONE_INVALID_LENGTH,
        PhoneError::CountryCode => IDENTITAS_STATUS_PHONE_COUNTRY_CODE,
        PhoneError::UnknownPrefix => IDENTITAS_STATUS_PHONE_UNKNOWN_PREFIX,
        PhoneError::NotShortNumber => IDENTITAS_STATUS_PHONE_NOT_SHORT_NUMBER,
    }
}

const fn type_code(t: PhoneType) -> u8 {
    match t {
        PhoneType::Mobile => IDENTITAS_PHONE_TYPE_MOBILE,
        PhoneType::FixedLine => IDENTITAS_PHONE_TYPE_FIXED_LINE,
        PhoneType::TollFree => IDENTITAS_PHONE_TYPE_TOLL_FREE,
        PhoneType::PremiumRate => IDENTITAS_PHONE_TYPE_PREMIUM_RATE,
        PhoneType::SharedCost => IDENTITAS_PHONE_TYPE_SHARED_COST,
        PhoneType::Uan => IDENTITAS_PHONE_TYPE_UAN,
        PhoneType::Unknown => IDENTITAS_PHONE_TYPE_UNKNOWN,
    }
}

/// NUL-terminated copies of operator and area names, made once per name
/// (a bounded set: the generated tables) and kept for the life of the process.
fn c_static(name: Option<&'static str>) -> *const c_char {
    type Interned = RwLock<HashMap<(usize, usize), Box<[u8]>>>;
    static NAMES: OnceLock<Interned> = OnceLock::new();
    let Some(s) = name else {
        return core::ptr::null();
    };
    let key = (s.as_ptr() as usize, s.len());
    let names = NAMES.get_or_init(|| RwLock::new(HashMap::new()));
    if let Ok(map) = names.read() {
        if let Some(b) = map.get(&key) {
            return b.as_ptr().cast();
        }
    }
    let Ok(mut map) = names.write() else {
        return core::ptr::null();
    };
    let b = map.entry(key).or_insert_with(|| {
        let mut v = Vec::with_capacity(s.len() + 1);
        v.extend_from_slice(s.as_bytes());
        v.push(0);
        v.into_boxed_slice()
    });
    // The boxed bytes never move or drop: the map lives in a static.
    b.as_ptr().cast()
}

fn parse(v: &[u8]) -> Result<Phone, i32> {
    Phone::parse_bytes(v).map_err(phone_status)
}

/// 1 when `(ptr, len)` is a valid Indonesian phone number (any written form:
/// `+62 812-3456-7890`, `0812…`, `62812…`, `(021) 5550123`), else 0 (0 on misuse). Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_phone_is_valid(ptr: *const u8, len: usize) -> i32 {
    guard_with(0, || {
        // SAFETY: the caller's contract.
        match unsafe { input(ptr, len) } {
            Ok(v) => i32::from(phone::is_valid(v)),
            Err(_) => 0,
        }
    })
}

/// Parses a phone number into `*out`. Statuses: format (1x), 4xx, pointer statuses. Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_phone`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_phone_parse(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_phone,
) -> i32 {
    guard(|| {
        check_out(out)?;
        // SAFETY: the caller's contract.
        let p = parse(unsafe { input(ptr, len) }?)?;
        let d = p.nsn().as_bytes();
        let mut nsn = [0u8; 17];
        let n = d.len().min(17);
        nsn[..n].copy_from_slice(&d[..n]);
        let value = identitas_phone {
            nsn,
            nsn_len: n as u8,
            r#type: type_code(p.number_type()),
            had_country_code: u8::from(p.had_country_code()),
            had_extra_zero: u8::from(p.had_extra_zero()),
            reserved: [0; 3],
        };
        // SAFETY: checked non-null and aligned.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// Normalises a phone number to E.164 (`+6281234567890`) into `(out, cap)`
/// with a NUL; `*out_len` gets the length. As `identitas_nik_format` otherwise.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_phone_normalize(
    ptr: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { identitas_phone_format(ptr, len, IDENTITAS_PHONE_FORMAT_E164, out, cap, out_len) }
}

/// Writes a phone number in `style` (`IDENTITAS_PHONE_FORMAT_*`) and a NUL into
/// `(out, cap)`; an unknown style is `IDENTITAS_STATUS_INVALID_ARGUMENT`.
/// `IDENTITAS_FORMAT_MAX` bytes always suffice. As `identitas_nik_format` otherwise.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` to `cap` writable bytes (or be NULL with `cap == 0`); `out_len` to a writable `size_t`.
/// Callable from any thread at any time (no shared state); the memory passed in
/// must not be written by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_phone_format(
    ptr: *const u8,
    len: usize,
    style: i32,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard(|| {
        check_out(out_len)?;
        check_buffer((ptr, len), out, cap)?;
        // SAFETY: the caller's contract.
        let p = parse(unsafe { input(ptr, len) }?)?;
        let f = match style {
            IDENTITAS_PHONE_FORMAT_E164 => p.e164(),
            IDENTITAS_PHONE_FORMAT_NATIONAL => p.national(),
            IDENTITAS_PHONE_FORMAT_INTERNATIONAL => p.international(),
            _ => return Err(IDENTITAS_STATUS_INVALID_ARGUMENT),
        };
        // SAFETY: the caller's contract; `f` is our own copy.
        unsafe { write_text(f.as_bytes(), (ptr, len), out, cap, out_len) }
    })
}

/// The operator originally allocated a mobile number's prefix (not today's
/// brand), or the area of a fixed-line number: a static NUL-terminated string,
/// never freed; NULL when invalid, unlisted, or another type. Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_phone_origin(ptr: *const u8, len: usize) -> *const c_char {
    guard_with(core::ptr::null(), || {
        // SAFETY: the caller's contract.
        let Ok(v) = (unsafe { input(ptr, len) }) else {
            return core::ptr::null();
        };
        match Phone::parse_bytes(v) {
            Ok(p) => c_static(p.operator().or_else(|| p.area())),
            Err(_) => core::ptr::null(),
        }
    })
}

/// Checks an Indonesian short number written on its own (`112`, `1 1 9`,
/// `14000`) and stores its `IDENTITAS_SHORT_*` flags in `*out_flags`.
/// Returns `IDENTITAS_STATUS_PHONE_NOT_SHORT_NUMBER` when it is none. Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out_flags` a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_phone_short(
    ptr: *const u8,
    len: usize,
    out_flags: *mut u32,
) -> i32 {
    guard(|| {
        check_out(out_flags)?;
        // SAFETY: the caller's contract.
        let v = unsafe { input(ptr, len) }?;
        let s = phone::parse_short_bytes(v).map_err(phone_status)?;
        let flags = (u32::from(s.is_emergency()) * IDENTITAS_SHORT_EMERGENCY)
            | (u32::from(s.is_toll_free()) * IDENTITAS_SHORT_TOLL_FREE)
            | (u32::from(s.is_carrier_specific()) * IDENTITAS_SHORT_CARRIER_SPECIFIC);
        // SAFETY: checked non-null and aligned.
        unsafe { out_flags.write(flags) };
        Ok(())
    })
}
