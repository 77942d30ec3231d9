//! Byte classes: one 256-entry table answers "digit? separator? word character?" in one load.

/// ASCII digit.
pub(crate) const DIGIT: u8 = 1;
/// One-byte separator between digit groups that binds them strongly (`.`, `-`, `/`).
pub(crate) const STRONG_SEP: u8 = 1 << 1;
/// ASCII space: a weak separator (NBSP, two bytes, is handled apart).
pub(crate) const SPACE: u8 = 1 << 2;
/// Word character (`[A-Za-z0-9_]`): a value touching one is part of a longer token.
pub(crate) const WORD: u8 = 1 << 3;
/// Character of an e-mail local part (`[A-Za-z0-9._%+-]`).
pub(crate) const LOCAL: u8 = 1 << 4;
/// Character of an e-mail domain (`[A-Za-z0-9.-]`).
pub(crate) const DOMAIN: u8 = 1 << 5;
/// Glue between a label and its value (`: = " ' ( [ { # >`, space, tab).
pub(crate) const GLUE: u8 = 1 << 6;
/// Character of a label (`[A-Za-z_ ./-]`).
pub(crate) const LABEL: u8 = 1 << 7;

const fn build() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        let mut v = 0u8;
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
        t[b] = v;
        b += 1;
    }
    t
}

/// The class bits of every byte value.
pub(crate) static CLASS: [u8; 256] = build();

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
pub(crate) fn is(b: u8, mask: u8) -> bool {
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
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= end {
        let mut w = [0u8; 8];
        if let Some(src) = input.get(i..i + 8) {
            w.copy_from_slice(src);
        }
        // Digits become 0x00..=0x09 after the xor; look for any byte below 10.
        let x = u64::from_le_bytes(w) ^ (LO * 0x30);
        if (x.wrapping_sub(LO * 10) & !x & HI) != 0 {
            break;
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
