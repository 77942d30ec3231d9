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
    // Local part, read backwards once: its length, a doubled dot, its first byte.
    let mut s = a;
    let mut doubled = false;
    let mut dot_after = false; // the byte at `s` is a dot
    while s > 0 {
        let b = at(input, s - 1);
        if !is(b, LOCAL) {
            break;
        }
        if a - s == MAX_LOCAL {
            return None;
        }
        let dot = b == b'.';
        doubled |= dot && dot_after;
        dot_after = dot;
        s -= 1;
    }
    if s == a || doubled || dot_after || at(input, a - 1) == b'.' {
        return None; // empty, `..`, or a dot first or last
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

/// Checks the labels of a domain in one pass: every label 1-63 bytes, not starting or
/// ending with `-`; at least two labels; the last one 2+ letters.
fn domain_ok(domain: &[u8]) -> bool {
    let mut labels = 0;
    let mut len = 0usize;
    let mut first = 0u8;
    let mut prev = 0u8;
    let mut letters = true;
    let label_ok =
        |len: usize, first: u8, last: u8| (1..=63).contains(&len) && first != b'-' && last != b'-';
    for &b in domain {
        if b == b'.' {
            if !label_ok(len, first, prev) {
                return false;
            }
            labels += 1;
            len = 0;
            letters = true;
        } else {
            if len == 0 {
                first = b;
            }
            len += 1;
            letters &= b.is_ascii_alphabetic();
        }
        prev = b;
    }
    label_ok(len, first, prev) && labels >= 1 && len >= 2 && letters
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
        assert_eq!(find("a.@b.com"), None);
        assert_eq!(find("x a.b.c@b.com"), Some("a.b.c@b.com"));
        assert_eq!(find("a@b..com"), None);
        assert_eq!(find("a@b-.com"), None);
        assert_eq!(find("a@b.c1"), None);
        assert_eq!(find("a@b.c"), None);
        assert_eq!(find("a@b-c.d-e.co"), Some("a@b-c.d-e.co"));
        let label = "d".repeat(63);
        assert_eq!(
            find(&format!("a@{label}.com")).map(str::len),
            Some(2 + 63 + 4)
        );
        assert_eq!(find(&format!("a@{label}d.com")), None);
        let ok = format!("{}@x.com", "a".repeat(64));
        assert_eq!(find(&ok).map(str::len), Some(70));
    }
}
