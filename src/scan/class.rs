//! Byte classes: one 256-entry table answers "digit? separator? word character?" in one load.

use crate::digits::{HI, LO, non_digit_mask};

/// The class bits of a byte.
pub(crate) type Class = u16;

/// ASCII digit.
pub(crate) const DIGIT: Class = 1;
/// One-byte separator between digit groups that binds them strongly (`.`, `-`, `/`).
pub(crate) const STRONG_SEP: Class = 1 << 1;
/// ASCII space: a weak separator (NBSP, two bytes, is handled apart).
pub(crate) const SPACE: Class = 1 << 2;
/// Word character (`[A-Za-z0-9_]`): a value touching one is part of a longer token.
pub(crate) const WORD: Class = 1 << 3;
/// Character of an e-mail local part (`[A-Za-z0-9._%+-]`).
pub(crate) const LOCAL: Class = 1 << 4;
/// Character of an e-mail domain (`[A-Za-z0-9.-]`).
pub(crate) const DOMAIN: Class = 1 << 5;
/// Glue between a label and its value (`: = " ' ( [ { # >`, space, tab).
pub(crate) const GLUE: Class = 1 << 6;
/// Character of a label (`[A-Za-z_ ./-]`).
pub(crate) const LABEL: Class = 1 << 7;
/// Non-ASCII byte: may start or continue a multi-byte separator (NBSP, Unicode spaces).
pub(crate) const HIGH: Class = 1 << 8;
/// `+` or `(`: may start a phone number written before its first digit group.
pub(crate) const PREFIX: Class = 1 << 9;
/// Bytes that may continue a number written with separators: a byte of none of these
/// classes ends a digit group's chain for sure.
pub(crate) const LINK: Class = DIGIT | STRONG_SEP | SPACE | HIGH;

pub(super) const fn build() -> [Class; 256] {
    let mut t = [0; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        let mut v: Class = 0;
        let alpha = c.is_ascii_alphabetic();
        let digit = c.is_ascii_digit();
        if digit {
            v |= DIGIT;
        }
        if matches!(c, b'.' | b'-' | b'/') {
            v |= STRONG_SEP;
        }
        if c == b' ' {
            v |= SPACE;
        }
        if alpha || digit || c == b'_' {
            v |= WORD;
        }
        if alpha || digit || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-') {
            v |= LOCAL;
        }
        if alpha || digit || matches!(c, b'.' | b'-') {
            v |= DOMAIN;
        }
        if matches!(
            c,
            b' ' | b'\t' | b':' | b'=' | b'"' | b'\'' | b'(' | b'[' | b'{' | b'#' | b'>'
        ) {
            v |= GLUE;
        }
        if alpha || matches!(c, b'_' | b' ' | b'.' | b'-' | b'/') {
            v |= LABEL;
        }
        if c >= 0x80 {
            v |= HIGH;
        }
        if matches!(c, b'+' | b'(') {
            v |= PREFIX;
        }
        t[b] = v;
        b += 1;
    }
    t
}

/// The class bits of every byte value.
pub(crate) static CLASS: [Class; 256] = build();

/// The class bits of byte `b`.
#[inline(always)]
pub(crate) fn class(b: u8) -> Class {
    CLASS[usize::from(b)]
}

/// Byte at `i`, or 0 outside the input: 0 is in no class, so the input's ends behave like
/// any other non-word byte (the same as a NUL byte in the input would).
#[inline(always)]
pub(crate) fn at(input: &[u8], i: usize) -> u8 {
    match input.get(i) {
        Some(&b) => b,
        None => 0,
    }
}

/// True when byte `b` has any of the class bits in `mask`.
#[inline(always)]
pub(crate) fn is(b: u8, mask: Class) -> bool {
    CLASS[usize::from(b)] & mask != 0
}

/// True when `input[i]` is an ASCII digit.
#[inline(always)]
pub(crate) fn digit_at(input: &[u8], i: usize) -> bool {
    at(input, i).is_ascii_digit()
}

/// First index `>= from` and `< end` holding an ASCII digit (word-at-a-time skip).
#[inline]
pub(crate) fn find_digit(input: &[u8], from: usize, end: usize) -> Option<usize> {
    let end = end.min(input.len());
    let mut i = from;
    // The next eight bytes first: in tables the next digit is usually near.
    if i + 8 <= end {
        let mut w = [0u8; 8];
        if let Some(src) = input.get(i..i + 8) {
            w.copy_from_slice(src);
        }
        let digits = !non_digit_mask(u64::from_le_bytes(w)) & HI;
        if digits != 0 {
            return Some(i + (digits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    // Then 32 bytes a round while no digit is in sight (the common case in prose); the
    // exact word loop below finds the digit in a round that has one.
    while i + 32 <= end {
        let Some(chunk) = input.get(i..i + 32) else {
            break;
        };
        let (a0, a1, a2, a3) = (
            any_digit(word(chunk, 0)),
            any_digit(word(chunk, 8)),
            any_digit(word(chunk, 16)),
            any_digit(word(chunk, 24)),
        );
        if a0 | a1 | a2 | a3 != 0 {
            // A word's lowest flagged byte is its first digit: borrows only run upwards.
            let (k, m) = match (a0, a1, a2) {
                (0, 0, 0) => (24, a3),
                (0, 0, _) => (16, a2),
                (0, _, _) => (8, a1),
                _ => (0, a0),
            };
            return Some(i + k + (m.trailing_zeros() / 8) as usize);
        }
        i += 32;
    }
    while i + 8 <= end {
        let mut w = [0u8; 8];
        if let Some(src) = input.get(i..i + 8) {
            w.copy_from_slice(src);
        }
        let digits = !non_digit_mask(u64::from_le_bytes(w)) & HI;
        if digits != 0 {
            return Some(i + (digits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    while i < end {
        if digit_at(input, i) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The first digit run starting at or after `from` and before `end`: its start and end, as
/// [`find_digit`] then `digit_run_end` give them (a run reaching back before `from` is cut
/// at `from`). In tables the next run is usually within eight bytes: one word then gives
/// its start and, for a short run, its end.
#[inline(always)]
pub(crate) fn find_run(input: &[u8], from: usize, end: usize) -> Option<(usize, usize)> {
    let mut i = from;
    if from + 8 <= end {
        if let Some(src) = input.get(from..from + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(src);
            let nd = non_digit_mask(u64::from_le_bytes(w));
            let digits = !nd & HI;
            if digits != 0 {
                let first = digits.trailing_zeros();
                let d = from + (first / 8) as usize;
                // The non-digits after the run's first digit, in this word.
                let after = nd & (u64::MAX << first);
                let j = if after != 0 {
                    from + (after.trailing_zeros() / 8) as usize
                } else {
                    digit_run_end_uncapped(input, from + 8)
                };
                return Some((d, j));
            }
            i = from + 8;
        }
    }
    let d = find_digit(input, i, end)?;
    Some((d, digit_run_end_uncapped(input, d + 1)))
}

/// End of the digit run at `i` (`i` itself when `input[i]` is no digit): `digit_run_end`
/// without a cap, which the scan loop does not need.
#[inline(always)]
fn digit_run_end_uncapped(input: &[u8], i: usize) -> usize {
    let mut j = i;
    while let Some(src) = input.get(j..j + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(src);
        let m = non_digit_mask(u64::from_le_bytes(w));
        if m != 0 {
            return j + (m.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while digit_at(input, j) {
        j += 1;
    }
    j
}

/// The eight bytes of `b` at `k` as a little-endian word: all zeros unless all eight are
/// in `b` (for fixed windows, where `k + 8` is always in bounds).
#[inline(always)]
pub(crate) fn word(b: &[u8], k: usize) -> u64 {
    let mut w = [0u8; 8];
    if let Some(src) = b.get(k..k + 8) {
        w.copy_from_slice(src);
    }
    u64::from_le_bytes(w)
}

/// Non-zero exactly when some byte of `w` is an ASCII digit; the lowest flagged byte is the
/// first digit (which later ones are flagged is not exact: a borrow may mark bytes after it).
#[inline(always)]
fn any_digit(w: u64) -> u64 {
    let x = w ^ (LO * 0x30); // digits become 0..=9
    x.wrapping_sub(LO * 10) & !x & (LO * 0x80)
}

/// End of the digit run starting at `i` (`i` itself when `input[i]` is no digit), at most
/// `i + cap`: word at a time. The reference for [`find_run`] and the chain walk's tests.
#[cfg(test)]
pub(crate) fn digit_run_end(input: &[u8], i: usize, cap: usize) -> usize {
    let stop = input.len().min(i.saturating_add(cap));
    let mut j = i;
    while let Some(w) = input.get(j..j + 8) {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        let m = non_digit_mask(u64::from_le_bytes(b));
        if m != 0 {
            return (j + (m.trailing_zeros() / 8) as usize).min(stop);
        }
        j += 8;
        if j >= stop {
            return stop;
        }
    }
    while j < stop && digit_at(input, j) {
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs() {
        for b in 0..=255u8 {
            let mut w = [b'5'; 8];
            w[3] = b;
            let m = non_digit_mask(u64::from_le_bytes(w));
            assert_eq!(m != 0, !b.is_ascii_digit(), "{b}");
        }
        let s = b"x0123456789012345678901y";
        assert_eq!(digit_run_end(s, 0, 99), 0);
        assert_eq!(digit_run_end(s, 1, 99), 23);
        assert_eq!(digit_run_end(s, 1, 5), 6);
        assert_eq!(digit_run_end(s, 1, 8), 9);
        assert_eq!(digit_run_end(s, 1, 9), 10);
        assert_eq!(digit_run_end(s, 20, 99), 23);
        assert_eq!(digit_run_end(b"12345678", 0, 99), 8);
        assert_eq!(digit_run_end(b"123456789", 0, 99), 9);
        assert_eq!(digit_run_end(b"", 0, 99), 0);
        let t = b"abcdefghijklmnop7qrstuvwxyz9";
        assert_eq!(find_digit(t, 0, t.len()), Some(16));
        assert_eq!(find_digit(t, 17, t.len()), Some(27));
        assert_eq!(find_digit(t, 0, 16), None);
        assert_eq!(find_digit(t, 3, 17), Some(16));
        assert_eq!(find_digit(b"/:09", 0, 4), Some(2));
        // The lowest flagged byte of `any_digit` is the first digit, for any bytes.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Bias towards digits and their neighbours in the byte order.
            let mut w = seed;
            for k in 0..8 {
                if (seed >> (k + 40)) & 1 == 1 {
                    let b = 0x2E + ((seed >> (8 * k)) % 14) as u8; // `.` to `;`
                    w = (w & !(0xFF << (8 * k))) | (u64::from(b) << (8 * k));
                }
            }
            let first = w.to_le_bytes().iter().position(u8::is_ascii_digit);
            let m = any_digit(w);
            let got = (m != 0).then(|| (m.trailing_zeros() / 8) as usize);
            assert_eq!(got, first, "{w:016x}");
        }
        // Every position, start and end against a byte-at-a-time search.
        let mut buf = [b'x'; 40];
        for p in 0..40 {
            buf[p] = b'0' + (p % 10) as u8;
            for from in 0..=40 {
                for end in [from, 17, 24, 33, 40] {
                    let want = (from..end.min(40)).find(|&i| buf[i].is_ascii_digit());
                    assert_eq!(find_digit(&buf, from, end), want, "{p} {from} {end}");
                }
            }
            buf[p] = if p % 2 == 0 { b'/' } else { b':' };
        }
    }
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        // `find_run` is `find_digit` then `digit_run_end`, from any start and end.
        #[test]
        fn find_run_agrees_with_find_digit_and_run_end(
            s in proptest::collection::vec(proptest::sample::select(b"0123456789/:a ".to_vec()), 0..120),
            from in 0usize..130,
            end in 0usize..130,
        ) {
            let input = &s[..];
            let want = find_digit(input, from, end).map(|d| (d, digit_run_end(input, d + 1, usize::MAX)));
            proptest::prop_assert_eq!(find_run(input, from, end), want);
        }
    }
}
