//! Finding identifiers in free text (prose files, unclassified columns).
//!
//! Valid identifiers come from the crate's [`Scanner`]. One more pass finds what the
//! scanner rightly ignores but triage must count: 16-digit runs that are no valid NIK
//! (and not labelled KK, not a DJP NPWP), for the NIK validity rate.

use crate::kind::Kind;
use crate::scan::Scanner;
use crate::{kk, nik, npwp};

/// One thing found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A valid identifier of this kind.
    Found(Kind),
    /// 16 digits not labelled as a KK and not a DJP NPWP, but not a valid NIK:
    /// counts towards the NIK validity rate.
    InvalidNikLike,
}

/// How far back a label may stand before a value.
const LABEL_WINDOW: usize = 24;

/// Calls `emit` for every identifier found in `text` (with its byte span), then for
/// every invalid NIK-like value.
pub fn find(scanner: &Scanner, text: &[u8], emit: &mut dyn FnMut(Hit, usize, usize)) {
    scanner.scan_with(text, None, &mut |f| {
        emit(Hit::Found(f.kind), f.start, f.end)
    });
    find_invalid_nik_like(text, emit);
}

/// The 16-digit runs that are no valid NIK, KK (when labelled) or DJP NPWP.
fn find_invalid_nik_like(text: &[u8], emit: &mut dyn FnMut(Hit, usize, usize)) {
    // A NIK-like run needs 16 digits of `text` (the `62` of `+62` included): most
    // fields (addresses, names) have far fewer, and counting them is cheap.
    if text.iter().filter(|b| b.is_ascii_digit()).count() < 16 {
        return;
    }
    let mut i = 0;
    let n = text.len();
    while i < n {
        let b = text[i];
        if b == b'@' {
            // Skip an e-mail address (its digits are no NIK).
            i = email_at(text, i).map_or(i + 1, |(_, e)| e);
            continue;
        }
        let plus = b == b'+' && text.get(i + 1) == Some(&b'6') && text.get(i + 2) == Some(&b'2');
        if !(b.is_ascii_digit() || plus) || (i > 0 && is_word(text[i - 1])) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = [0u8; 24];
        let mut nd = 0usize;
        let mut j = i;
        if plus {
            j += 3;
            digits[0] = b'6';
            digits[1] = b'2';
            nd = 2;
            if text.get(j) == Some(&b' ') && text.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
        }
        while j < n {
            let c = text[j];
            if c.is_ascii_digit() {
                if nd < digits.len() {
                    digits[nd] = c;
                }
                nd += 1;
                j += 1;
            } else if (c == b'.' || c == b'-')
                && text.get(j + 1).is_some_and(u8::is_ascii_digit)
                && j > start
                && text[j - 1].is_ascii_digit()
            {
                j += 1;
            } else {
                break;
            }
        }
        let end = j;
        i = end.max(start + 1);
        if end < n && (text[end].is_ascii_alphabetic() || text[end] == b'@') {
            continue; // part of a word or an e-mail local part
        }
        if nd > digits.len() {
            continue;
        }
        if let Some(Hit::InvalidNikLike) = classify(&digits[..nd], text, start) {
            emit(Hit::InvalidNikLike, start, end);
        }
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn classify(d: &[u8], text: &[u8], start: usize) -> Option<Hit> {
    match d.len() {
        16 if d[0] == b'0' => npwp::is_valid(d).then_some(Hit::Found(Kind::Npwp)),
        16 => {
            if labelled_kk(text, start) && kk::is_valid(d) {
                Some(Hit::Found(Kind::Kk))
            } else if nik::is_valid(d) {
                Some(Hit::Found(Kind::Nik))
            } else {
                Some(Hit::InvalidNikLike)
            }
        }
        _ => None,
    }
}

fn labelled_kk(text: &[u8], start: usize) -> bool {
    let from = start.saturating_sub(LABEL_WINDOW);
    let before = text.get(from..start).unwrap_or(&[]);
    before.windows(2).any(|w| w == b"KK")
        || before
            .windows(8)
            .any(|w| w.eq_ignore_ascii_case(b"keluarga"))
}

/// True for an Indonesian mobile number given as digits: `08…`, `62 8…`
/// (10-13 digits with the trunk `0`) with an allocated prefix `08[1-35-9]`.
///
/// A quick shape check without operator tables; triage validates phone columns with
/// [`crate::phone`] and phones in text with the scanner.
pub fn is_mobile(d: &[u8]) -> bool {
    let national = if let Some(rest) = d.strip_prefix(b"62") {
        rest
    } else if let Some(rest) = d.strip_prefix(b"0") {
        rest
    } else {
        return false;
    };
    let national = national.strip_prefix(b"0").unwrap_or(national); // +620812… data-entry error
    (9..=12).contains(&national.len())
        && national[0] == b'8'
        && matches!(national[1], b'1'..=b'3' | b'5'..=b'9')
}

/// The span of an e-mail address around the `@` at `at`.
fn email_at(text: &[u8], at: usize) -> Option<(usize, usize)> {
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    let mut s = at;
    while s > 0 && local(text[s - 1]) && at - s < 64 {
        s -= 1;
    }
    while s < at && text[s] == b'.' {
        s += 1;
    }
    let mut e = at + 1;
    while e < text.len() && domain(text[e]) && e - at < 255 {
        e += 1;
    }
    while e > at + 1 && matches!(text[e - 1], b'.' | b'-') {
        e -= 1;
    }
    let dom = text.get(at + 1..e)?;
    let tld = dom.rsplit(|&b| b == b'.').next()?;
    let ok = s < at
        && dom.contains(&b'.')
        && tld.len() >= 2
        && tld.iter().all(u8::is_ascii_alphabetic)
        && !dom.starts_with(b".")
        && !dom.windows(2).any(|w| w == b"..");
    ok.then_some((s, e))
}

/// True when `v` (a whole field) is a plausible e-mail address.
///
/// The same rule as an address found in free text, checked forward in
/// one pass: a local part of 1-64 of `A-Za-z0-9._%+-` not starting with `.`; a
/// domain of at most 254 of `A-Za-z0-9.-`, holding a `.`, without `..`, not
/// starting with `.` nor ending with `.` or `-`, whose last label (the TLD) is
/// two or more letters.
pub fn is_email(v: &[u8]) -> bool {
    email_local(v).is_some_and(|at| is_email_domain(v.get(at + 1..).unwrap_or(&[])))
}

/// The position of the `@` ending a valid local part at the start of `v` (see
/// [`is_email`]), if there is one.
pub(crate) fn email_local(v: &[u8]) -> Option<usize> {
    // The local part: the run of local-part characters, which must end at the `@`
    // (`@` is none of them, so this is the first `@`).
    let local = v
        .iter()
        .position(|&b| EMAIL_CLASS[usize::from(b)] & E_LOCAL == 0)
        .unwrap_or(v.len());
    let ok = v.get(local) == Some(&b'@') && local > 0 && local <= 64 && v[0] != b'.';
    ok.then_some(local)
}

/// The domain rule of [`is_email`], for the bytes after the `@`.
pub(crate) fn is_email_domain(dom: &[u8]) -> bool {
    if dom.len() > 254 || dom.first() == Some(&b'.') {
        return false;
    }
    let mut dots = 0usize;
    let mut prev = 0u8;
    // Length of the label after the last dot, and whether it is letters only.
    let mut tld_len = 0usize;
    let mut tld_alpha = true;
    for &b in dom {
        let c = EMAIL_CLASS[usize::from(b)];
        if b == b'.' {
            if prev == b'.' {
                return false;
            }
            dots += 1;
            tld_len = 0;
            tld_alpha = true;
        } else if c & E_DOMAIN == 0 {
            return false;
        } else {
            tld_len += 1;
            tld_alpha &= c & E_ALPHA != 0;
        }
        prev = b;
    }
    dots > 0 && tld_len >= 2 && tld_alpha
}

const E_LOCAL: u8 = 1;
/// Domain characters other than the dot: letters, digits, `-`.
const E_DOMAIN: u8 = 2;
const E_ALPHA: u8 = 4;

/// Byte classes of [`is_email`].
static EMAIL_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        let mut v = 0;
        if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-') {
            v |= E_LOCAL;
        }
        if c.is_ascii_alphanumeric() || c == b'-' {
            v |= E_DOMAIN;
        }
        if c.is_ascii_alphabetic() {
            v |= E_ALPHA;
        }
        t[b] = v;
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<Hit> {
        let mut v = Vec::new();
        find(&Scanner::new(), t.as_bytes(), &mut |h, _, _| v.push(h));
        v
    }

    #[test]
    fn finds_by_shape_and_label() {
        use Hit::Found;
        assert_eq!(
            kinds("NIK 3171011708450001, No. KK 3171011203150007, hp +62 812-3456-7890."),
            [Found(Kind::Nik), Found(Kind::Kk), Found(Kind::Phone)]
        );
        assert_eq!(
            kinds("NPWP 01.312.166.0-091.000 kartu 0001944358911 a.b@mail.co.id"),
            [
                Found(Kind::Npwp),
                Found(Kind::BpjsKesehatan),
                Found(Kind::Email)
            ]
        );
        assert_eq!(kinds("3171013508450001"), [Hit::InvalidNikLike]);
        assert!(
            kinds("3.17101E+15 12345 TIKET-2024-0042 08412345678 x3171011708450001").is_empty()
        );
    }

    /// The one-pass `is_email` agrees with `email_at` spanning the whole value,
    /// on every string up to 6 bytes over an alphabet of the decisive bytes and on
    /// longer shapes around the length limits.
    #[test]
    fn is_email_matches_email_at() {
        let oracle = |v: &[u8]| {
            v.iter()
                .position(|&b| b == b'@')
                .is_some_and(|at| email_at(v, at) == Some((0, v.len())))
        };
        let alphabet = b"a.@-1_Z+";
        let mut v = Vec::new();
        for len in 0..=6u32 {
            for mut n in 0..alphabet.len().pow(len) {
                v.clear();
                for _ in 0..len {
                    v.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                assert_eq!(
                    is_email(&v),
                    oracle(&v),
                    "{:?}",
                    String::from_utf8_lossy(&v)
                );
            }
        }
        for l in [1, 63, 64, 65] {
            for d in [250, 251, 252, 253, 254, 255] {
                for tail in [&b".com"[..], b".c", b".co-", b".co1", b"..co"] {
                    let mut v = vec![b'x'; l];
                    v.push(b'@');
                    v.extend(std::iter::repeat_n(b'd', d - tail.len()));
                    v.extend_from_slice(tail);
                    assert_eq!(is_email(&v), oracle(&v), "{l} {d}");
                }
            }
        }
    }

    #[test]
    fn mobile_rule() {
        assert!(is_mobile(b"081234567890"));
        assert!(is_mobile(b"6281234567890"));
        assert!(!is_mobile(b"08412345678"));
        assert!(!is_mobile(b"0215550123"));
        assert!(is_email(b"a.b@c.co.id"));
        assert!(!is_email(b"a@b"));
        assert!(!is_email(b"@b.com"));
    }
}
