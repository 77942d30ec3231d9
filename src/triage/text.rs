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
pub fn is_email(v: &[u8]) -> bool {
    let Some(at) = v.iter().position(|&b| b == b'@') else {
        return false;
    };
    email_at(v, at) == Some((0, v.len()))
}

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
