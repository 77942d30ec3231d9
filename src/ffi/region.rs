//! Region lookups: Kemendagri codes to static NUL-terminated names.

use super::ids::region_status_code;
use super::names::c_name;
use super::*;
use crate::region;

/// What a region code decodes to. Names are static NUL-terminated strings
/// (never freed) or NULL when that level is unknown. No padding on 32- or
/// 64-bit targets: `sizeof` is `3 * sizeof(void *) + 16`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct identitas_region {
    /// Province name, or NULL.
    pub province: *const c_char,
    /// Regency or city name (4- and 6-digit codes), or NULL.
    pub regency: *const c_char,
    /// District (kecamatan) name (6-digit codes), or NULL.
    pub district: *const c_char,
    /// The code as a number (`327305`).
    pub code: u32,
    /// Current code covering the same area when retired (same digit count), else 0.
    pub successor: u32,
    /// Digits in the code: 2, 4 or 6.
    pub digits: u8,
    /// `IDENTITAS_REGION_*` of the most precise level.
    pub status: u8,
    /// Always 0.
    pub reserved: [u8; 6],
}

const _: () = assert!(
    core::mem::size_of::<identitas_region>() == 3 * core::mem::size_of::<*const c_char>() + 16
);

/// Looks up a region code written as 2, 4 or 6 digits, with or without dots
/// (`"32"`, `"32.73"`, `"327305"`, `"32.73.05"`), into `*out`.
///
/// An unknown code is not an error: `status` is `IDENTITAS_REGION_UNKNOWN` and
/// the names of the known levels are set. Returns `IDENTITAS_STATUS_INVALID_ARGUMENT`
/// when the input is not 2, 4 or 6 digits, or a pointer status. The first call
/// builds the name table once (about 150 KB); later calls never allocate. Thread-safe.
///
/// # Safety
/// `ptr` readable for `len` bytes (or NULL with 0); `out` writable for an `identitas_region`
/// (NULL gives `IDENTITAS_STATUS_NULL_POINTER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn identitas_region_lookup(
    ptr: *const u8,
    len: usize,
    out: *mut identitas_region,
) -> i32 {
    guard(|| {
        check_out(out)?;
        // SAFETY: the caller's contract.
        let v = unsafe { input(ptr, len) }?;
        let text = core::str::from_utf8(v).map_err(|_| IDENTITAS_STATUS_INVALID_ARGUMENT)?;
        let r = region::lookup(text).ok_or(IDENTITAS_STATUS_INVALID_ARGUMENT)?;
        let value = identitas_region {
            province: c_name(r.province()),
            regency: c_name(r.regency()),
            district: c_name(r.district()),
            code: r.code(),
            successor: r.successor().unwrap_or(0),
            digits: r.digits(),
            status: region_status_code(r.status()),
            reserved: [0; 6],
        };
        // SAFETY: checked non-null and aligned; writable per the contract.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// The name of a two-digit province code (`32` -> `"Jawa Barat"`): a static
/// NUL-terminated string, never freed, or NULL for an unknown code. Thread-safe.
///
/// # Safety
/// No pointer arguments: safe to call from any thread at any time. The result
/// is NULL for an unknown code, else a static string: never free or write it.
#[unsafe(no_mangle)]
pub extern "C" fn identitas_province_name(code: u32) -> *const c_char {
    guard_with(core::ptr::null(), || {
        u8::try_from(code)
            .ok()
            .and_then(region::province_name)
            .map_or(core::ptr::null(), |n| c_name(Some(n)))
    })
}
