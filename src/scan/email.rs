//! E-mail addresses: a practical subset of RFC 5322 (`local@domain.tld`).
//!
//! * Local part: the whole run of `[A-Za-z0-9._%+-]` before the `@` (1-64 bytes, no
//!   leading, trailing or doubled dot). A longer run is no address.
//! * Domain: the run of `[A-Za-z0-9.-]` after the `@` (at most 255 bytes) less trailing
//!   `.`/`-` (sentence punctuation); at least two labels of 1-63 bytes, none starting or
//!   ending with `-`, the last one 2+ letters (no IP literals).

use super::class::{DOMAIN, LOCAL, at, is};

/// Longest local part, in bytes as written.
pub(crate) const MAX_LOCAL: usize = 64;
/// Longest domain, in bytes as written.
pub(crate) const MAX_DOMAIN: usize = 255;

/// The invisible character (zero-width, bidi control, soft hyphen, U+FEFF) starting at
/// `input[i]`: its length. The same set the numeric scanner sees through.
#[inline]
fn invisible_at(input: &[u8], i: usize) -> Option<usize> {
    let b0 = at(input, i);
    if b0 < 0xC2 {
        return None;
    }
    match (b0, at(input, i + 1), at(input, i + 2)) {
        (0xC2, 0xAD, _) => Some(2),
        (0xE2, 0x80, 0x8B..=0x8F | 0xAA..=0xAE)
        | (0xE2, 0x81, 0xA0 | 0xA6..=0xA9)
        | (0xEF, 0xBB, 0xBF) => Some(3),
        _ => None,
    }
}

/// The invisible character ending just before `input[i]`: its length.
#[inline]
fn invisible_before(input: &[u8], i: usize) -> Option<usize> {
    if at(input, i.wrapping_sub(1)) < 0x80 {
        return None;
    }
    [2, 3]
        .into_iter()
        .find(|&len| i >= len && invisible_at(input, i - len) == Some(len))
}

/// The e-mail address around the `@` at `a`, as `(start, end)`.
///
/// Invisible characters (U+200B-200F, U+202A-202E, U+2060, U+2066-2069, U+FEFF, soft
/// hyphen) inside the address are read through, so `budi\u{200B}@mail.co.id` is found;
/// they are part of the span (and of the byte limits) but not of the address. When the
/// domain runs straight into another `@` (`x@budi.santoso@gmail.com`, overlapping
/// addresses) the span goes on to the end of the last address of the chain, so the
/// masked form hides every local part; the chain stops where the span would pass
/// [`super::MAX_FINDING_LEN`].
pub(crate) fn around(input: &[u8], a: usize) -> Option<(usize, usize)> {
    match local_ascii(input, a) {
        Local::Start(start) => chain(input, a, start),
        Local::No => None,
        Local::Invisible => around_general(input, a),
    }
}

/// What the fast read of a local part found.
enum Local {
    /// A valid local part of ASCII bytes starting here.
    Start(usize),
    /// No valid local part.
    No,
    /// An invisible character borders or sits in it: the general reading decides.
    Invisible,
}

/// The local part before the `@` at `a` when it is plain ASCII (the common case): one
/// backward pass over at most `MAX_LOCAL + 1` bytes, one table lookup each.
#[inline(always)]
fn local_ascii(input: &[u8], a: usize) -> Local {
    let lo = a.saturating_sub(MAX_LOCAL + 1);
    let Some(window) = input.get(lo..a) else {
        return Local::No;
    };
    let mut n = 0;
    let mut doubled = false;
    let mut dot_after = false;
    for &b in window.iter().rev() {
        if !is(b, LOCAL) {
            if b >= 0x80 {
                return Local::Invisible; // maybe an invisible character
            }
            break;
        }
        let dot = b == b'.';
        doubled |= dot & dot_after;
        dot_after = dot;
        n += 1;
    }
    if n > MAX_LOCAL {
        return Local::No; // a longer local part
    }
    if n == 0 || doubled || dot_after || at(input, a - 1) == b'.' {
        return Local::No; // empty, `..`, or a dot first or last
    }
    Local::Start(a - n)
}

/// [`around`] reading invisible characters in and around the local part.
fn around_general(input: &[u8], a: usize) -> Option<(usize, usize)> {
    // Local part, read backwards once: its length, a doubled dot, its first byte.
    let mut s = a;
    let mut start = a; // start of the first visible character
    let mut doubled = false;
    let mut dot_after = false; // the visible character after `s` is a dot
    let mut last: Option<u8> = None; // the visible character just before the `@`
    while s > 0 {
        let b = at(input, s - 1);
        let len = if is(b, LOCAL) {
            1
        } else if let Some(len) = invisible_before(input, s) {
            len
        } else {
            break;
        };
        if a - s + len > MAX_LOCAL {
            if len == 1 {
                return None; // a longer local part
            }
            break; // invisible padding before the address is not part of it
        }
        s -= len;
        if len == 1 {
            let dot = b == b'.';
            doubled |= dot && dot_after;
            dot_after = dot;
            last.get_or_insert(b);
            start = s;
        }
    }
    if last.is_none() || doubled || dot_after || last == Some(b'.') {
        return None; // empty, `..`, or a dot first or last
    }
    chain(input, a, start)
}

/// The span of the address whose local part starts at `start` and whose `@` is at `a`,
/// with the addresses chained to it.
#[inline(always)]
fn chain(input: &[u8], a: usize, start: usize) -> Option<(usize, usize)> {
    let (mut e, mut chained) = domain(input, a + 1, a + 1 + MAX_DOMAIN)?;
    // Overlapping addresses: the domain is the next address's local part.
    while chained {
        let d0 = e + 1;
        let cap = (start + super::MAX_FINDING_LEN).min(d0 + MAX_DOMAIN);
        match domain(input, d0, cap) {
            Some((next, more)) => {
                e = next;
                chained = more;
            }
            None => break,
        }
    }
    Some((start, e))
}

/// The domain starting at `d0` and ending at most at `cap`: its end (trailing `.`, `-`
/// and invisible characters left out) and whether it runs straight into an `@`.
#[inline(always)]
fn domain(input: &[u8], d0: usize, cap: usize) -> Option<(usize, bool)> {
    // The common case, an ASCII domain: one pass to its end, one over its labels.
    let stop = cap.min(input.len());
    if let Some(run) = input.get(d0..stop) {
        let n = run
            .iter()
            .position(|&b| !is(b, DOMAIN))
            .unwrap_or(run.len());
        let e = d0 + n;
        let next = at(input, e);
        if !is(next, DOMAIN) && next < 0xC2 {
            let mut end = e;
            while end > d0 && matches!(at(input, end - 1), b'.' | b'-') {
                end -= 1;
            }
            let chained = end == e && next == b'@';
            let visible = input.get(d0..end)?;
            return domain_ok_ascii(visible).then_some((end, chained));
        }
        if is(next, DOMAIN) && e >= cap {
            return None; // longer than `cap`
        }
    }
    domain_general(input, d0, cap)
}

/// [`domain`] reading invisible characters in the domain.
fn domain_general(input: &[u8], d0: usize, cap: usize) -> Option<(usize, bool)> {
    let mut e = d0;
    let mut end = d0; // after the last visible byte that is not `.` or `-`
    loop {
        let b = at(input, e);
        let len = if is(b, DOMAIN) {
            1
        } else if let Some(len) = invisible_at(input, e) {
            len
        } else {
            break;
        };
        if e + len > cap {
            return None;
        }
        e += len;
        if len == 1 && !matches!(b, b'.' | b'-') {
            end = e;
        }
    }
    let chained = end == e && at(input, e) == b'@';
    // Domain characters are ASCII, invisible ones are not: the visible domain is the
    // ASCII bytes of the span.
    let visible = input.get(d0..end)?.iter().copied().filter(u8::is_ascii);
    domain_ok(visible).then_some((end, chained))
}

/// [`domain_ok`] for a domain of ASCII bytes: the last label (2-63 letters) read from the
/// end, then only the dots of the others, whose byte just before and after tell their ends.
#[inline(always)]
fn domain_ok_ascii(domain: &[u8]) -> bool {
    let Some(dot) = domain.iter().rposition(|&b| b == b'.') else {
        return false; // one label
    };
    let last = domain.get(dot + 1..).unwrap_or(&[]);
    if !(2..=63).contains(&last.len()) || !last.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    // Every other label ends at a dot: 1-63 bytes, no `-` at either end.
    let mut start = 0;
    for (i, &b) in domain.iter().enumerate().take(dot + 1) {
        if b == b'.' {
            let ok = (1..=63).contains(&(i - start))
                && domain.get(start) != Some(&b'-')
                && domain.get(i.wrapping_sub(1)) != Some(&b'-');
            if !ok {
                return false;
            }
            start = i + 1;
        }
    }
    true
}

/// Checks the labels of a domain in one pass: every label 1-63 bytes, not starting or
/// ending with `-`; at least two labels; the last one 2+ letters.
#[inline(always)]
fn domain_ok(domain: impl Iterator<Item = u8>) -> bool {
    let mut labels = 0;
    let mut len = 0usize;
    let mut first = 0u8;
    let mut prev = 0u8;
    let mut letters = true;
    let label_ok =
        |len: usize, first: u8, last: u8| (1..=63).contains(&len) && first != b'-' && last != b'-';
    for b in domain {
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

    #[test]
    fn invisible_characters_are_read_through() {
        for s in [
            "budi\u{200B}@mail.co.id",
            "bu\u{200C}di@mail.co.id",
            "budi@\u{2060}mail.co.id",
            "budi\u{FEFF}@mail\u{AD}.co.id",
            "budi\u{200F}@mail.co.id",
        ] {
            assert_eq!(find(s), Some(s), "{}", s.escape_debug());
        }
        // Leading and trailing ones are not part of the span.
        assert_eq!(
            find("x \u{200B}budi@mail.co.id\u{200B}."),
            Some("budi@mail.co.id")
        );
        assert_eq!(find("\u{200B}@mail.co.id"), None);
        assert_eq!(find("a.\u{200B}.b@mail.co.id"), None);
        assert_eq!(find("a.\u{200B}@mail.co.id"), None);
        // The byte limits count them inside an address, not as padding before it.
        let long = format!("{}\u{200B}@x.com", "a".repeat(62));
        assert_eq!(find(&long), None);
        let padded = format!("{}budi@mail.co.id", "\u{200B}".repeat(30));
        assert_eq!(find(&padded), Some("budi@mail.co.id"));
    }

    #[test]
    fn fast_local_part_agrees_with_the_general_reading() {
        // Every string over a small alphabet (dots, invisible and other non-ASCII
        // characters, long runs) with an `@`: the ASCII fast path and the general
        // reading give the same address.
        let parts = [
            "a",
            ".",
            "-",
            "\u{200B}",
            "é",
            " ",
            "b.c",
            &"x".repeat(30),
            "\u{AD}",
            "+",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..6 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(parts[(seed % parts.len() as u64) as usize]);
            }
            let a = s.len();
            s.push_str("@mail.co.id");
            let b = s.as_bytes();
            assert_eq!(around(b, a), around_general(b, a), "{}", s.escape_debug());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn ascii_domain_check_agrees_with_the_general_one(
            d in "([a-z]{0,3}|[0-9]|-|[a-z]{62,64}){0,4}(\\.([a-z0-9-]{0,3}|[a-z]{62,64})){0,4}"
        ) {
            let d = d.as_bytes();
            proptest::prop_assert_eq!(domain_ok_ascii(d), domain_ok(d.iter().copied()));
        }
    }

    #[test]
    fn overlapping_addresses_are_one_span() {
        assert_eq!(
            find("x@budi.santoso@gmail.com"),
            Some("x@budi.santoso@gmail.com")
        );
        assert_eq!(find("a@b.co@c.co@d.com."), Some("a@b.co@c.co@d.com"));
        // No chain through a trailing dot or into a broken address.
        assert_eq!(find("x@budi.santoso.@gmail.com"), Some("x@budi.santoso"));
        assert_eq!(find("x@budi.santoso@"), Some("x@budi.santoso"));
        assert_eq!(find("x@budi.santoso@a"), Some("x@budi.santoso"));
        // A chain stops before passing the longest finding.
        let mut chain = String::from("x");
        for _ in 0..40 {
            chain.push_str("@abcdef.co");
        }
        let got = find(&chain).unwrap();
        assert!(got.len() <= crate::scan::MAX_FINDING_LEN, "{}", got.len());
        assert!(got.len() > 300);
    }
}
