//! NUL-terminated copies of the region names, built once on first use.
//!
//! The region table stores names as `&'static str` slices of one packed string
//! (no NULs). C needs NUL-terminated strings that live forever, so the first
//! lookup copies every name once into one arena and indexes it by the address
//! of the Rust slice; afterwards a lookup is a binary search, with no allocation.

use core::ffi::c_char;
use std::sync::OnceLock;

use crate::region;

struct Names {
    /// Every name followed by a NUL.
    arena: Box<[u8]>,
    /// `(address, length, offset into arena)`, sorted by address.
    index: Box<[(usize, usize, usize)]>,
}

static NAMES: OnceLock<Names> = OnceLock::new();

fn build() -> Names {
    let mut seen: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut add = |s: Option<&'static str>| {
        if let Some(s) = s {
            seen.push((s.as_ptr() as usize, s.len(), s));
        }
    };
    let mut code = [b'0'; 6];
    for (p, name) in region::provinces() {
        add(Some(name));
        code[0] = b'0' + p / 10;
        code[1] = b'0' + p % 10;
        for r in 0..100u8 {
            code[2] = b'0' + r / 10;
            code[3] = b'0' + r % 10;
            let Some(regency) = region::lookup_digits(&code[..4]) else {
                continue;
            };
            if regency.regency().is_none() {
                continue;
            }
            add(regency.regency());
            for d in 0..100u8 {
                code[4] = b'0' + d / 10;
                code[5] = b'0' + d % 10;
                if let Some(district) = region::lookup_digits(&code) {
                    add(district.district());
                }
            }
        }
    }
    seen.sort_unstable_by_key(|&(a, l, _)| (a, l));
    seen.dedup_by_key(|&mut (a, l, _)| (a, l));
    let mut arena = Vec::with_capacity(seen.iter().map(|s| s.1 + 1).sum());
    let mut index = Vec::with_capacity(seen.len());
    for (a, l, s) in seen {
        index.push((a, l, arena.len()));
        // Names never contain NUL; a NUL would only shorten the C string.
        arena.extend_from_slice(s.as_bytes());
        arena.push(0);
    }
    Names {
        arena: arena.into_boxed_slice(),
        index: index.into_boxed_slice(),
    }
}

/// The NUL-terminated copy of a region name, or NULL for `None`.
pub(crate) fn c_name(name: Option<&'static str>) -> *const c_char {
    let Some(s) = name else {
        return core::ptr::null();
    };
    let names = NAMES.get_or_init(build);
    let key = (s.as_ptr() as usize, s.len());
    match names.index.binary_search_by_key(&key, |&(a, l, _)| (a, l)) {
        Ok(i) => names.arena[names.index[i].2..].as_ptr().cast(),
        // Every name of the table was copied; an unseen slice would be a bug.
        Err(_) => core::ptr::null(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::CStr;

    #[test]
    fn every_name_is_found() {
        let r = region::lookup("910901").unwrap();
        for n in [r.province(), r.regency(), r.district()] {
            let p = c_name(n);
            assert!(!p.is_null());
            // SAFETY: a pointer into the static arena, NUL-terminated.
            let c = unsafe { CStr::from_ptr(p) };
            assert_eq!(c.to_str().ok(), n);
        }
        assert!(c_name(None).is_null());
        // A name not from the table is not invented.
        assert!(c_name(Some(String::from("x").leak())).is_null());
    }
}
