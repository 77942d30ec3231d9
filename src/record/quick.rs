//! Shortcuts around the scanner for record fields, taken only where the scanner's
//! answer is known in advance, so results stay exactly those of a full scan.
//!
//! * [`may_hold_identifier`]: every numeric finding has at least
//!   [`MIN_FINDING_DIGITS`] ASCII digits joined by the separators the scanner
//!   accepts, and every e-mail finding has an `@`. A field without such a digit run,
//!   without `@` and without a byte that can start a full-width or Arabic-Indic digit
//!   or `＠` (the scanner folds those to ASCII) (most addresses: `Jl. Melati No. 12, RT 003/RW 004`, most
//!   notes) can have no finding, and triage's NIK-like count (16 digits) is empty too.
//! * [`typed_span`]: a field of an identifier column written as one value
//!   (digits, single `-` `.` `/` between groups) that is valid as the column's kind
//!   is exactly one finding of that kind with high confidence (the hint names it), and
//!   one that is not would fall back to the same span anyway when nothing else can
//!   be found in it.
//!
//! Tests compare both against the scanner (`tests/record.rs`).

use crate::kind::Kind;

/// Fewest ASCII digits a numeric finding has: a bracketed fixed line `(0xx) …` with the
/// shortest national number (7 digits) has 8; plain numbers need 9.
pub(crate) const MIN_FINDING_DIGITS: usize = 8;

/// Per byte, what it does to the digit count of the current run, packed: the low
/// byte is a mask kept of the count (0 for a byte that breaks a run), the high byte
/// is added (1 for a digit, [`MIN_FINDING_DIGITS`] for `@`, which decides at once).
/// Digits, the separators of `scan::numeric`, `+` `(` `)` and every non-ASCII byte
/// (the multi-byte spaces and dashes) keep the run; anything else breaks it.
static STEP: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            0x1FF
        } else if matches!(c, b'@' | 0xD9 | 0xDB | 0xEF) {
            // `@`, and the lead bytes of the digits and `＠` the scanner folds
            // (`scan::fold`): the field must be scanned.
            ((MIN_FINDING_DIGITS as u16) << 8) | 0xFF
        } else if c >= 0x80 || matches!(c, b' ' | b'\t' | b'.' | b'-' | b'/' | b'(' | b')' | b'+') {
            0xFF
        } else {
            0
        };
        b += 1;
    }
    t
};

/// False when the scanner can find nothing in `t`: no `@`, no lead byte of a
/// character the scanner folds, and no run of [`MIN_FINDING_DIGITS`] digits joined
/// only by separator-like bytes.
#[inline]
pub(crate) fn may_hold_identifier(t: &[u8]) -> bool {
    !surely_empty(t) && digit_run(t)
}

/// A sound shortcut of [`digit_run`], eight bytes at a time: true when `t` is ASCII
/// without `@` and no stretch of it running between words that hold a letter (any
/// byte from `:` up, each of which breaks a run) has [`MIN_FINDING_DIGITS`] digits.
/// Over-counting is allowed (other breakers are ignored), missing a run is not.
#[inline]
fn surely_empty(t: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    const MIN: u64 = MIN_FINDING_DIGITS as u64;
    // Digits since the last word holding a letter (that word's digits included).
    let mut acc = 0u64;
    // False when the run may reach the minimum (or a byte needs the exact loop).
    let mut word = |w: u64| -> bool {
        if w & H != 0 {
            return false;
        }
        // ASCII from here: `(b | 0x80) - n` keeps the high bit exactly when `b >= n`,
        // with no borrow between bytes.
        let at = !((w ^ (LO * u64::from(b'@'))) | H).wrapping_sub(LO) & H;
        let digit = !((w ^ (LO * u64::from(b'0'))) | H).wrapping_sub(LO * 10) & H;
        let letter = (w | H).wrapping_sub(LO * u64::from(b':')) & H;
        let n = (digit >> 7).wrapping_mul(LO) >> 56;
        if at != 0 || acc + n >= MIN {
            return false;
        }
        acc = if letter != 0 { n } else { acc + n };
        true
    };
    let mut chunks = t.chunks_exact(8);
    for c in chunks.by_ref() {
        if let &[a, b, c, d, e, f, g, h] = c {
            if !word(u64::from_le_bytes([a, b, c, d, e, f, g, h])) {
                return false;
            }
        }
    }
    let rest = chunks.remainder();
    if rest.is_empty() {
        return true;
    }
    // The remaining bytes with NUL padding: neither a digit, a letter nor `@`.
    word(crate::digits::word_at(t, t.len() - rest.len()))
}

/// The exact test of [`may_hold_identifier`], byte by byte.
#[inline]
fn digit_run(t: &[u8]) -> bool {
    let mut run = 0u16;
    for &b in t {
        let step = STEP[usize::from(b)];
        run = (run & step) + (step >> 8);
        if run >= MIN_FINDING_DIGITS as u16 {
            return true;
        }
    }
    false
}

/// The span of `field` (whitespace trimmed) when the scanner, told the field holds
/// `kind`, would report it as one finding of `kind` with high confidence, or nothing
/// at all (then record redaction treats the same span as one value of `kind`): the
/// outcome is the same span either way. `None` when that is not certain.
#[inline]
pub(crate) fn typed_span(field: &[u8], kind: Kind) -> Option<(usize, usize)> {
    let (s, e) = match (field.first(), field.last()) {
        (Some(a), Some(z)) if !a.is_ascii_whitespace() && !z.is_ascii_whitespace() => {
            (0, field.len())
        }
        _ => {
            let s = field.iter().position(|b| !b.is_ascii_whitespace())?;
            let e = field.iter().rposition(|b| !b.is_ascii_whitespace())? + 1;
            (s, e)
        }
    };
    let v = field.get(s..e)?;
    let ok = if kind == Kind::Email {
        email_alone(v)
    } else if v.len() == 16 && crate::digits::all_digits(v) {
        // NIK, KK, NPWP16 as written in most columns: the digits are the value.
        crate::scan::labelled_plain_valid(kind, v)
    } else {
        let mut buf = [0u8; 22];
        let n = plain_digits(v, &mut buf)?;
        crate::scan::labelled_plain_valid(kind, buf.get(..n)?)
    };
    ok.then_some((s, e))
}

/// Byte classes of [`plain_digits`] and [`email_alone`].
const C_DIGIT: u8 = 1;
const C_SEP: u8 = 2;
const C_LOCAL: u8 = 4;
const C_DOMAIN: u8 = 8;
const C_AT: u8 = 16;

static FIELD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        let alnum = c.is_ascii_alphanumeric();
        let mut v = 0;
        if c.is_ascii_digit() {
            v |= C_DIGIT;
        }
        if matches!(c, b'-' | b'.' | b'/') {
            v |= C_SEP;
        }
        if alnum || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-') {
            v |= C_LOCAL;
        }
        if alnum || matches!(c, b'.' | b'-') {
            v |= C_DOMAIN;
        }
        if c == b'@' {
            v |= C_AT;
        }
        t[b] = v;
        b += 1;
    }
    t
};

/// The digits of `v` when it is digit groups joined by single `-` `.` `/`, starts and
/// ends with a digit, holds at most 22 digits, and cannot be a thousands-grouped amount
/// (a first group of 1-3 digits followed by others): the scanner's chain over it then
/// has one possible end, the whole value.
#[inline]
fn plain_digits(v: &[u8], buf: &mut [u8; 22]) -> Option<usize> {
    if v.len() > 2 * buf.len() {
        return None;
    }
    let mut n = 0usize;
    let mut first = 0usize;
    // The previous byte was a digit (a separator needs one before it).
    let mut prev_digit = false;
    for &b in v {
        let c = FIELD_CLASS[usize::from(b)];
        if c & C_DIGIT != 0 {
            *buf.get_mut(n)? = b;
            n += 1;
            prev_digit = true;
        } else if c & C_SEP != 0 && prev_digit {
            if first == 0 {
                first = n;
            }
            prev_digit = false;
        } else {
            return None;
        }
    }
    if !prev_digit || (first != 0 && first <= 3) {
        return None;
    }
    Some(n)
}
/// True when `v` is `local@domain` with one `@`, a local part of e-mail characters,
/// a domain of domain characters not ending in `.` or `-`, and fewer than
/// [`MIN_FINDING_DIGITS`] digits: the scanner then finds the whole value as an
/// address or nothing (no number in it can be a finding).
#[inline]
fn email_alone(v: &[u8]) -> bool {
    let mut at = None;
    let mut digits = 0usize;
    // The class every byte must have: local-part characters before the `@`, domain after.
    let mut need = C_LOCAL;
    for (i, &b) in v.iter().enumerate() {
        let c = FIELD_CLASS[usize::from(b)];
        digits += usize::from(c & C_DIGIT);
        if c & need == 0 {
            if c & C_AT == 0 || at.is_some() {
                return false;
            }
            at = Some(i);
            need = C_DOMAIN;
        }
    }
    let Some(a) = at else { return false };
    a > 0
        && a + 1 < v.len()
        && !matches!(v.last(), Some(b'.' | b'-'))
        && digits < MIN_FINDING_DIGITS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time shortcut never hides a field the exact loop would scan.
    #[test]
    fn surely_empty_is_sound() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let alphabet = b"0123456789 ./-()+,aZ:@\t\xC2\xEF;";
        let (mut empty, mut scanned) = (0, 0);
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 40) as usize;
            let digits_only = x % 3 == 0;
            let t: Vec<u8> = (0..len)
                .map(|k| {
                    let r = (x >> (k % 60)) as usize ^ k.wrapping_mul(0x9E37);
                    if digits_only && r % 4 != 0 {
                        b'0' + (r % 10) as u8
                    } else {
                        alphabet[r % alphabet.len()]
                    }
                })
                .collect();
            let exact = digit_run(&t);
            if surely_empty(&t) {
                empty += 1;
                assert!(!exact, "{t:?}");
            }
            scanned += usize::from(exact);
            assert_eq!(may_hold_identifier(&t), exact, "{t:?}");
        }
        assert!(empty > 10_000 && scanned > 10_000, "{empty} {scanned}");
        for t in [
            &b"12345678"[..],
            b"abcdefg 12345678",
            b"a1234567 8",
            b"1234 5678",
            b"Jl. 1234-5678 x",
            b"x.1234567/8",
        ] {
            assert!(!surely_empty(t) && may_hold_identifier(t), "{t:?}");
        }
    }

    #[test]
    fn shapes() {
        assert!(!may_hold_identifier(b"Jl. Melati No. 123, RT 005/RW 003"));
        assert!(!may_hold_identifier(b"1234567 abc 1234567"));
        assert!(may_hold_identifier(b"hp 0812-3456"));
        assert!(may_hold_identifier(b"a@b"));
        assert!(may_hold_identifier(b"(021) 5550123"));
        assert_eq!(typed_span(b" 3171011708450001 ", Kind::Nik), Some((1, 17)));
        assert_eq!(typed_span(b"0812-3456-7890", Kind::Phone), Some((0, 14)));
        assert_eq!(typed_span(b"12.345.678", Kind::Phone), None);
        assert_eq!(typed_span(b"0812--3456-7890", Kind::Phone), None);
        assert_eq!(
            typed_span(b"user12@contoh.co.id", Kind::Email),
            Some((0, 19))
        );
        assert_eq!(typed_span(b"u@x.co.", Kind::Email), None);
        assert_eq!(typed_span(b"081234567890@x.co", Kind::Email), None);
    }
}
