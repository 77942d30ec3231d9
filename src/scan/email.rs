//! E-mail addresses: a practical subset of RFC 5322 (`local@domain.tld`).
//!
//! * Local part: the whole run of `[A-Za-z0-9._%+-]` before the `@` (1-64 bytes, no
//!   leading, trailing or doubled dot). A longer run is no address.
//! * Domain: the run of `[A-Za-z0-9.-]` after the `@` (at most 255 bytes) less trailing
//!   `.`/`-` (sentence punctuation); at least two labels of 1-63 bytes, none starting or
//!   ending with `-`, the last one 2+ letters (no IP literals).

use super::class::{DOMAIN, LOCAL, at, is};

/// Longest local part.
pub(crate) const MAX_LOCAL: usize = 64;
/// Longest domain.
pub(crate) const MAX_DOMAIN: usize = 255;

/// The e-mail address around the `@` at `a`, as `(start, end)`.
pub(crate) fn around(input: &[u8], a: usize) -> Option<(usize, usize)> {
    // Local part.
    let mut s = a;
    while s > 0 && is(at(input, s - 1), LOCAL) {
        if a - s == MAX_LOCAL {
            return None;
        }
        s -= 1;
    }
    let local = input.get(s..a)?;
    if local.is_empty()
        || local.first() == Some(&b'.')
        || local.last() == Some(&b'.')
        || local.windows(2).any(|w| w == b"..")
    {
        return None;
    }
    // Domain.
    let d0 = a + 1;
    let mut e = d0;
    while is(at(input, e), DOMAIN) {
        if e - d0 == MAX_DOMAIN {
            return None;
        }
        e += 1;
    }
    while e > d0 && matches!(at(input, e - 1), b'.' | b'-') {
        e -= 1;
    }
    let domain = input.get(d0..e)?;
    domain_ok(domain).then_some((s, e))
}

/// Checks the labels of a domain.
fn domain_ok(domain: &[u8]) -> bool {
    let mut labels = 0;
    let mut last: &[u8] = &[];
    for label in domain.split(|&b| b == b'.') {
        if label.is_empty()
            || label.len() > 63
            || label.first() == Some(&b'-')
            || label.last() == Some(&b'-')
        {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2 && last.len() >= 2 && last.iter().all(u8::is_ascii_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(s: &str) -> Option<&str> {
        let a = s.find('@')?;
        around(s.as_bytes(), a).map(|(x, y)| &s[x..y])
    }

    #[test]
    fn addresses() {
        assert_eq!(
            find("kirim ke budi.santoso@mail.co.id."),
            Some("budi.santoso@mail.co.id")
        );
        assert_eq!(find("'siti+x@go.id'"), Some("siti+x@go.id"));
        assert_eq!(find("a@b.c"), None);
        assert_eq!(find("a@localhost"), None);
        assert_eq!(find(".a@b.com"), None);
        assert_eq!(find("a..b@b.com"), None);
        assert_eq!(find("a@-b.com"), None);
        assert_eq!(find("a@b.com-"), Some("a@b.com"));
        assert_eq!(find("@b.com"), None);
        assert_eq!(find("a@1.2.3.4"), None);
        let long = format!("{}@x.com", "a".repeat(65));
        assert_eq!(find(&long), None);
        let ok = format!("{}@x.com", "a".repeat(64));
        assert_eq!(find(&ok).map(str::len), Some(70));
    }
}
