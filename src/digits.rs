//! ASCII digit and separator helpers shared by every parser.
//!
//! People write identifiers with separators between digit groups
//! (`3171 0117 0845 0001`, `32.7300.010101.0001`, `02 . 433 . 917 . 8 - 011 . 000`)
//! and spreadsheets add a leading apostrophe. [`extract`] turns such input into
//! the bare digits, or a precise error that carries positions, never input bytes.

/// Why written input could not be reduced to bare digits.
///
/// Shared by every identifier's error type. Positions are byte offsets into the
/// input; no input byte is ever copied into an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// The input was empty or only whitespace.
    #[error("empty input")]
    Empty,
    /// A byte that is neither a digit nor an accepted separator, at this byte offset.
    #[error("invalid character at byte {position}")]
    InvalidCharacter {
        /// Byte offset into the input.
        position: usize,
    },
    /// A separator where none may stand (first, last, or too many in a row), at this byte offset.
    #[error("misplaced separator at byte {position}")]
    InvalidSeparator {
        /// Byte offset into the input.
        position: usize,
    },
    /// Spreadsheet scientific notation (`3.17101E+15`): the digits are lost and cannot be repaired.
    #[error("spreadsheet float: the digits are lost")]
    SpreadsheetFloat,
}

impl FormatError {
    /// Stable snake_case code, as used in JSON output and the C ABI.
    pub const fn code(&self) -> &'static str {
        match self {
            FormatError::Empty => "empty",
            FormatError::InvalidCharacter { .. } => "invalid_character",
            FormatError::InvalidSeparator { .. } => "invalid_separator",
            FormatError::SpreadsheetFloat => "spreadsheet_float",
        }
    }
}

/// UTF-8 encoding of U+00A0 NO-BREAK SPACE.
const NBSP: [u8; 2] = [0xC2, 0xA0];

/// Longest run of separator characters accepted between two digits (`" . "`).
const MAX_SEPARATOR_RUN: usize = 3;

/// True for the single-byte separators accepted between digit groups.
#[inline]
pub const fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'.' | b'-' | b'/')
}

/// A separator written with more than one UTF-8 byte at `input[i..]`: its length
/// and whether it is strong (a dash or an invisible character, which joins digit
/// groups whatever their length) rather than weak (a space).
///
/// NBSP and the Unicode spaces and dashes word processors put between digit
/// groups: figure, punctuation, thin and hair space (U+2007-U+200A), narrow NBSP
/// (U+202F), ideographic space (U+3000); hyphen, non-breaking hyphen, figure dash,
/// en dash (U+2010-U+2013) and minus sign (U+2212). Also the invisible characters
/// an attacker (or a bidi-aware editor) can slip into a number: soft hyphen
/// (U+00AD), zero-width space, non-joiner and joiner, LRM and RLM (U+200B-U+200F),
/// bidi embeddings (U+202A-U+202E), word joiner (U+2060), bidi isolates
/// (U+2066-U+2069) and U+FEFF. Accepting them everywhere keeps a value written
/// with them from hiding from the scanner.
#[inline]
pub fn wide_separator(input: &[u8], i: usize) -> Option<(usize, bool)> {
    let b = |k: usize| input.get(i + k).copied().unwrap_or(0);
    match (b(0), b(1), b(2)) {
        (0xC2, 0xA0, _) => Some((2, false)),
        (0xC2, 0xAD, _) => Some((2, true)),
        (0xE2, 0x80, 0x87..=0x8A | 0xAF) | (0xE3, 0x80, 0x80) => Some((3, false)),
        (0xE2, 0x80, 0x8B..=0x93 | 0xAA..=0xAE)
        | (0xE2, 0x81, 0xA0 | 0xA6..=0xA9)
        | (0xE2, 0x88, 0x92)
        | (0xEF, 0xBB, 0xBF) => Some((3, true)),
        _ => None,
    }
}

/// The multi-byte separator that ends just before `input[i]`, as [`wide_separator`].
#[inline]
pub fn wide_separator_back(input: &[u8], i: usize) -> Option<(usize, bool)> {
    if i >= 2 && wide_separator(input, i - 2).is_some_and(|(len, _)| len == 2) {
        return wide_separator(input, i - 2);
    }
    if i >= 3 {
        return wide_separator(input, i - 3).filter(|&(len, _)| len == 3);
    }
    None
}

/// Length of the separator starting at `input[i]` (1, or 2-3 for Unicode spaces and dashes), or 0.
#[inline]
fn separator_len(input: &[u8], i: usize) -> usize {
    match input.get(i) {
        Some(&b) if is_separator(b) => 1,
        Some(&b) if b >= 0xC2 => wide_separator(input, i).map_or(0, |(len, _)| len),
        _ => 0,
    }
}

/// Trims ASCII whitespace, NBSP and one leading spreadsheet apostrophe; returns the byte range kept.
pub fn trim(input: &[u8]) -> (usize, usize) {
    let mut start = 0;
    let mut end = input.len();
    loop {
        if start < end && input[start].is_ascii_whitespace() {
            start += 1;
        } else if start + 1 < end && input[start..start + 2] == NBSP {
            start += 2;
        } else {
            break;
        }
    }
    loop {
        if end > start && input[end - 1].is_ascii_whitespace() {
            end -= 1;
        } else if end >= start + 2 && input[end - 2..end] == NBSP {
            end -= 2;
        } else {
            break;
        }
    }
    if start < end && input[start] == b'\'' {
        start += 1;
    }
    (start, end)
}

/// Digits collected from written input: the first `N` ASCII digits and the total count.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Digits<const N: usize> {
    buf: [u8; N],
    len: usize,
    total: usize,
}

impl<const N: usize> Digits<N> {
    /// The collected ASCII digits.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Number of digits collected (at most `N`).
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Number of digits in the input, also those beyond `N`: the length to report.
    #[inline]
    pub fn total(&self) -> usize {
        self.total
    }

    /// The digits as a fixed array when the input had exactly `N` of them.
    #[inline]
    pub fn exact(&self) -> Option<[u8; N]> {
        (self.total == N).then_some(self.buf)
    }

    /// True when no digit was collected.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Collects the digits of `input`, accepting separators only between digits.
///
/// Surrounding whitespace and a leading `'` are ignored. The first `N` digits are
/// kept; [`Digits::total`] counts them all so callers can report the length.
#[inline]
pub fn extract<const N: usize>(input: &[u8]) -> Result<Digits<N>, FormatError> {
    match extract_simple::<N>(input) {
        Some(found) => Ok(found),
        None => extract_general(input),
    }
}

/// Byte classes for [`extract_simple`]: 4 digit, 1 ASCII separator, 3 anything else.
static SIMPLE_CLASS: [u8; 256] = {
    let mut t = [3u8; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_digit() {
            t[b] = 4;
        } else if is_separator(b as u8) {
            t[b] = 1;
        }
        b += 1;
    }
    t
};

/// The common written form without the general scanner: digits with single
/// ASCII separators between them, nothing before the first digit or after the
/// last (`32.7301 170845-0001`), at most 63 bytes. `None` for anything else,
/// which [`extract_general`] then handles (it gives the same digits for every
/// input accepted here, and the errors).
///
/// Branch-free per byte: each byte is stored at the next digit slot and the slot
/// advances only on a digit, so a separator is overwritten by the next digit.
#[inline]
pub fn extract_simple<const N: usize>(input: &[u8]) -> Option<Digits<N>> {
    const SCRATCH: usize = 64;
    if N > SCRATCH || input.len() >= SCRATCH {
        return None;
    }
    let mut scratch = [0u8; SCRATCH];
    let mut total = 0usize;
    // Bits 0-1 of `bad` flag a byte that is neither digit nor separator (class
    // 3 & (prev | 2) >= 2) or a separator after a separator (1 & prev); bit 2
    // picks up digits after digits and is ignored.
    let mut bad = 0u8;
    let mut prev = 1u8; // a leading separator is not simple
    for &b in input {
        let class = SIMPLE_CLASS[usize::from(b)];
        bad |= class & (prev | 2);
        prev = class;
        // `total` < 64: at most one digit per byte of a shorter input.
        scratch[total & (SCRATCH - 1)] = b;
        total += usize::from(class >> 2);
    }
    // Empty input leaves `prev` at 1, like a trailing separator.
    if (bad | prev) & 3 != 0 {
        return None;
    }
    let mut buf = [0u8; N];
    buf.copy_from_slice(&scratch[..N]);
    // Slots past the last digit are still 0: every separator's slot was taken by
    // a later digit, the last byte being one.
    Some(Digits {
        buf,
        len: total.min(N),
        total,
    })
}

/// [`extract`] by the general scanner: trimming, Unicode separators, runs of up
/// to three separators, spreadsheet floats, and the precise errors.
pub fn extract_general<const N: usize>(input: &[u8]) -> Result<Digits<N>, FormatError> {
    let (start, end) = trim(input);
    let body = input.get(start..end).unwrap_or(&[]);
    if body.is_empty() {
        return Err(FormatError::Empty);
    }
    let mut buf = [0u8; N];
    let (mut len, mut total) = (0usize, 0usize);
    let mut run = 0usize; // separator characters since the last digit
    let mut run_start = 0usize;
    let mut i = 0usize;
    while let Some(&b) = body.get(i) {
        if b.is_ascii_digit() {
            if let Some(slot) = buf.get_mut(len) {
                *slot = b;
                len += 1;
            }
            total += 1;
            run = 0;
            i += 1;
            continue;
        }
        let sep = separator_len(body, i);
        if sep == 0 {
            if looks_like_float(body) {
                return Err(FormatError::SpreadsheetFloat);
            }
            return Err(FormatError::InvalidCharacter {
                position: start + i,
            });
        }
        if run == 0 {
            run_start = i;
        }
        run += 1;
        if total == 0 || run > MAX_SEPARATOR_RUN {
            return Err(FormatError::InvalidSeparator {
                position: start + i,
            });
        }
        i += sep;
    }
    if run > 0 {
        return Err(FormatError::InvalidSeparator {
            position: start + run_start,
        });
    }
    Ok(Digits { buf, len, total })
}

/// True for `d.dddE+dd`-shaped text, the way spreadsheets print long numbers.
pub(crate) fn looks_like_float(s: &[u8]) -> bool {
    let Some(e) = s.iter().position(|&b| b == b'e' || b == b'E') else {
        return false;
    };
    let (mantissa, exp) = (&s[..e], &s[e + 1..]);
    let exp = exp.strip_prefix(b"+").unwrap_or(exp);
    !mantissa.is_empty()
        && mantissa
            .iter()
            .all(|&b| b.is_ascii_digit() || b == b'.' || b == b',')
        && !exp.is_empty()
        && exp.iter().all(u8::is_ascii_digit)
}

/// Value of two ASCII digits (`b"42"` -> 42). Callers pass digits only.
#[inline]
pub const fn two(d: &[u8], at: usize) -> u8 {
    (d[at] - b'0') * 10 + (d[at + 1] - b'0')
}

/// Value of up to nine ASCII digits.
#[inline]
pub fn value(d: &[u8]) -> u32 {
    d.iter()
        .fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0'))
}

/// True when every byte is the same (`1111111111111111`): a dummy value, not an identifier.
#[inline]
pub fn is_repdigit(d: &[u8]) -> bool {
    match d.split_first() {
        Some((&first, rest)) => rest.iter().fold(true, |same, &b| same & (b == first)),
        None => false,
    }
}

/// [`is_repdigit`] for 16 bytes in two word compares (the NIK/KK hot path).
#[inline]
pub fn is_repdigit16(d: &[u8; 16]) -> bool {
    let (a, b) = words16(d);
    a == b && a == (a & 0xFF) * 0x0101_0101_0101_0101
}

/// True when every byte is an ASCII digit.
#[inline]
pub fn all_digits(d: &[u8]) -> bool {
    let mut words = d.chunks_exact(8);
    let whole = words.by_ref().all(|w| {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        eight_digits(u64::from_le_bytes(b))
    });
    whole && words.remainder().iter().all(u8::is_ascii_digit)
}

/// The bytes `input[i..]` as a little-endian word, zero bytes past the end: the load
/// of every word-at-a-time reader, which never reads out of bounds.
#[inline(always)]
pub(crate) fn word_at(input: &[u8], i: usize) -> u64 {
    let n = input.len();
    if i < n && n >= 8 {
        // Eight bytes from `i`, or the last eight shifted down so that `input[i]`
        // comes first: no branch on how much is left.
        let at = i.min(n - 8);
        if let Some(w) = input.get(at..at + 8) {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            return u64::from_le_bytes(b) >> (8 * (i - at));
        }
    }
    let mut w = 0u64;
    for (k, &b) in input.get(i..).unwrap_or(&[]).iter().take(8).enumerate() {
        w |= u64::from(b) << (8 * k);
    }
    w
}

/// The 16 bytes as two little-endian words (bytes 0-7, bytes 8-15).
#[inline]
pub fn words16(d: &[u8; 16]) -> (u64, u64) {
    let x = u128::from_le_bytes(*d);
    (x as u64, (x >> 64) as u64)
}

/// Digit values of a little-endian word of eight bytes (each byte minus `'0'`),
/// when all eight are ASCII digits.
///
/// A byte below `0` sets bit 7 when `0x30` is taken away, one from `:` to `0x7F`
/// when `0x76` is then added, one from `0x80` up in one of the two; borrows and
/// carries only start at a failing byte, so the lowest failing byte is always seen.
#[inline]
pub const fn digit_values8(w: u64) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = w.wrapping_sub(ONES * 0x30);
    if (x | x.wrapping_add(ONES * 0x76)) & (ONES * 0x80) == 0 {
        Some(x)
    } else {
        None
    }
}

/// [`pairs8`] over digit values (bytes 0-9, as from [`digit_values8`]).
#[inline]
pub const fn pairs_of_values8(x: u64) -> u64 {
    // Each byte times 10 stays <= 90 (no carry); the next byte's digit added gives <= 99.
    (x.wrapping_mul(10).wrapping_add(x >> 8)) & 0x00FF_00FF_00FF_00FF
}

/// Values of the four two-digit pairs in a little-endian word of eight ASCII
/// digits, in bytes 0, 2, 4 and 6 (`b"31710117"` -> 31, 71, 1, 17); the odd bytes are 0.
///
/// One multiply instead of four [`two`] calls. Callers pass digits only.
#[inline]
pub const fn pairs8(w: u64) -> u64 {
    pairs_of_values8(w.wrapping_sub(0x3030_3030_3030_3030))
}

/// True when all eight bytes of `w` are ASCII digits (high nibble 3, low nibble 0-9).
#[inline]
pub const fn eight_digits(w: u64) -> bool {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    // Adding 6 pushes 0x3A-0x3F into 0x40-0x45; no carry crosses bytes whose high nibble is 3.
    (w & HIGH) | (((w.wrapping_add(0x0606_0606_0606_0606)) & HIGH) >> 4) == 0x3333_3333_3333_3333
}

/// One in each byte of a word.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// Bit 7 of each byte of a word: where the byte masks below flag a byte.
pub(crate) const HI: u64 = LO * 0x80;

/// Bit 7 of each byte of `w` set where that byte is not an ASCII digit (exact per
/// byte: no carry crosses bytes). Shared by the word-at-a-time digit readers of the
/// scanner and the phone parser.
#[inline(always)]
pub(crate) const fn non_digit_mask(w: u64) -> u64 {
    let x = w ^ (LO * 0x30); // digits become 0..=9
    let t = (x & !HI) + LO * (0x80 - 10); // bit 7 set where the low 7 bits are >= 10
    (t | x) & HI
}

/// Bit 7 of each byte of `w` set where that byte is `b` (exact per byte).
#[inline(always)]
pub(crate) const fn eq_byte_mask(w: u64, b: u8) -> u64 {
    let x = w ^ (LO * b as u64);
    !((x & !HI).wrapping_add(!HI) | x) & HI
}

/// Bit 7 of each byte of `w` set where that byte is an ASCII letter (exact per byte).
#[inline(always)]
pub(crate) const fn letter_mask(w: u64) -> u64 {
    // Each byte with bits 7 and 5 set (lower case) is 0xA0 to 0xFF: less `a`, it is 0x3F
    // to 0x9E, and a letter's is 0x80 to 0x99. Neither subtraction borrows across bytes.
    let from_a = (w | (LO * 0xA0)).wrapping_sub(LO * b'a' as u64); // bit 7: at least `a`
    let past_z = from_a.wrapping_sub(LO * 26); // bit 7: past `z`
    from_a & !(past_z | w) & HI // and an ASCII byte
}

/// The bit-7 flags of a word's bytes (no other bits set) as eight bits, byte `k` to
/// bit `k`: the multiply moves each flag to its own bit of the top byte, without carries.
#[inline(always)]
pub(crate) const fn byte_bits(m: u64) -> u32 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// Luhn (mod 10, weights 1-2 from the right) over ASCII digits: the NPWP and payment-card check.
pub fn luhn_valid(d: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &b) in d.iter().rev().enumerate() {
        let mut v = u32::from(b - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// The Luhn check digit (0-9) to append to the ASCII digits `payload`.
pub fn luhn_check_digit(payload: &[u8]) -> u8 {
    let mut sum = 0u32;
    for (i, &b) in payload.iter().rev().enumerate() {
        let mut v = u32::from(b - b'0');
        if i % 2 == 0 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    ((10 - sum % 10) % 10) as u8
}

/// Formats ASCII digits into `out` with `sep` after the digit counts in `groups`.
///
/// Returns the written length. `out` must hold `digits.len() + groups.len()` bytes.
pub fn group_into(digits: &[u8], groups: &[(usize, u8)], out: &mut [u8]) -> usize {
    let mut o = 0;
    let mut g = groups.iter().peekable();
    for (i, &b) in digits.iter().enumerate() {
        if let Some(&&(at, sep)) = g.peek() {
            if at == i {
                out[o] = sep;
                o += 1;
                g.next();
            }
        }
        out[o] = b;
        o += 1;
    }
    o
}

/// A short formatted identifier held on the stack (no allocation): derefs to `&str`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Formatted {
    buf: [u8; 32],
    len: u8,
}

impl Formatted {
    /// Builds from ASCII bytes; returns `None` when longer than 32 bytes or not ASCII.
    pub fn from_ascii(bytes: &[u8]) -> Option<Formatted> {
        if bytes.len() > 32 || !bytes.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 32];
        buf[..bytes.len()].copy_from_slice(bytes);
        Some(Formatted {
            buf,
            len: bytes.len() as u8,
        })
    }

    /// Formats ASCII digits with separators inserted before the given digit positions
    /// (see [`group_into`]); `None` when the result would exceed 32 bytes.
    pub fn grouped(digits: &[u8], groups: &[(usize, u8)]) -> Option<Formatted> {
        if digits.len() + groups.len() > 32 || !digits.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 32];
        let len = group_into(digits, groups, &mut buf);
        Some(Formatted {
            buf,
            len: len as u8,
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or("")
    }
}

impl core::ops::Deref for Formatted {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl core::fmt::Display for Formatted {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Masked on purpose: a formatted identifier is still personal data.
impl core::fmt::Debug for Formatted {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Formatted(<{} bytes>)", self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(s: &str) -> Result<String, FormatError> {
        extract::<20>(s.as_bytes()).map(|d| String::from_utf8(d.as_bytes().to_vec()).unwrap())
    }

    /// Every offset of every short input: the bytes from `i`, zeros past the end.
    #[test]
    fn word_at_reads_in_bounds_and_pads_with_zeros() {
        let bytes: Vec<u8> = (1..=20).collect();
        for n in 0..=bytes.len() {
            let input = &bytes[..n];
            for i in 0..n + 10 {
                let mut want = [0u8; 8];
                for (k, w) in want.iter_mut().enumerate() {
                    *w = input.get(i + k).copied().unwrap_or(0);
                }
                assert_eq!(word_at(input, i), u64::from_le_bytes(want), "{n} {i}");
            }
        }
    }

    #[test]
    fn accepts_written_forms() {
        assert_eq!(ex("3171 0117 0845 0001").unwrap(), "3171011708450001");
        assert_eq!(ex("32.7300.010101.0001").unwrap(), "3273000101010001");
        assert_eq!(ex("35-02-02-71-02-01-9913").unwrap(), "3502027102019913");
        assert_eq!(ex("'3171011708450001").unwrap(), "3171011708450001");
        assert_eq!(
            ex("  3171/0117\u{a0}0845 0001 \n").unwrap(),
            "3171011708450001"
        );
        assert_eq!(
            ex("02 . 433 . 917 . 8 - 011 . 000").unwrap(),
            "024339178011000"
        );
        assert_eq!(ex("\u{a0}12\u{a0}").unwrap(), "12");
        assert_eq!(
            ex("3171\u{2009}0117\u{202f}0845\u{3000}0001").unwrap(),
            "3171011708450001"
        );
        assert_eq!(ex("31\u{2013}71\u{2011}01\u{2212}17").unwrap(), "31710117");
        assert_eq!(
            ex("31\u{2014}71"),
            Err(FormatError::InvalidCharacter { position: 2 })
        );
    }

    #[test]
    fn rejects_bad_forms() {
        assert_eq!(ex(""), Err(FormatError::Empty));
        assert_eq!(ex("  '"), Err(FormatError::Empty));
        assert_eq!(
            ex("31x1"),
            Err(FormatError::InvalidCharacter { position: 2 })
        );
        assert_eq!(
            ex("-3171"),
            Err(FormatError::InvalidSeparator { position: 0 })
        );
        assert_eq!(
            ex("3171-"),
            Err(FormatError::InvalidSeparator { position: 4 })
        );
        assert_eq!(
            ex("31 .-. 71"),
            Err(FormatError::InvalidSeparator { position: 5 })
        );
        assert_eq!(ex("3.17101E+15"), Err(FormatError::SpreadsheetFloat));
        assert_eq!(ex("3,17101e15"), Err(FormatError::SpreadsheetFloat));
        let long = extract::<4>(b"123456").unwrap();
        assert_eq!(
            (long.as_bytes(), long.total(), long.exact()),
            (&b"1234"[..], 6, None)
        );
        assert_eq!(extract::<4>(b"12 34").unwrap().exact(), Some(*b"1234"));
    }

    #[test]
    fn swar_digit_check_is_exact() {
        for b in 0u8..=255 {
            for at in 0..8 {
                let mut w = *b"01234567";
                w[at] = b;
                assert_eq!(all_digits(&w), b.is_ascii_digit(), "byte {b:#x} at {at}");
            }
        }
        for b in 0u8..=255 {
            for at in 0..8 {
                for fill in [b'0', b'9'] {
                    let mut w = [fill; 8];
                    w[at] = b;
                    let v = digit_values8(u64::from_le_bytes(w));
                    assert_eq!(v.is_some(), b.is_ascii_digit(), "byte {b:#x} at {at}");
                    if let Some(v) = v {
                        assert_eq!(v.to_le_bytes()[at], b - b'0');
                    }
                }
            }
        }
        // Two failing bytes: a borrow or carry from the lower one must not hide the upper one.
        for (x, y) in [(b'/', b':'), (0xFF, b'/'), (b':', 0x80), (0x00, 0xFF)] {
            for i in 0..8 {
                for j in 0..8 {
                    let mut w = *b"55555555";
                    w[i] = x;
                    w[j] = y;
                    assert!(digit_values8(u64::from_le_bytes(w)).is_none());
                }
            }
        }
        assert!(all_digits(b"3171011708450001"));
        assert!(!all_digits(b"317101170845000:"));
        assert!(all_digits(b""));
        assert!(is_repdigit16(b"1111111111111111"));
        assert!(!is_repdigit16(b"1111111111111112"));
        assert!(!is_repdigit16(b"2111111111111111"));
    }

    /// Inputs built from digits and every kind of separator or junk byte.
    fn written_input() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            &b"0"[..],
            b"3",
            b"9",
            b"17",
            b"0845",
            b" ",
            b".",
            b"-",
            b"/",
            b"'",
            b"\t",
            b"e",
            b"E+",
            b",",
            b":",
            b"\xc2\xa0",
            b"\xe2\x80\x93",
            b"\xff",
        ]);
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    /// Everything a `Digits` holds (it has no `Debug`, on purpose).
    type View = Result<(Vec<u8>, usize, usize), FormatError>;

    fn view<const N: usize>(r: Result<Digits<N>, FormatError>) -> View {
        r.map(|d| (d.buf.to_vec(), d.len, d.total))
    }

    proptest::proptest! {
        #[test]
        fn simple_path_agrees_with_the_general_scanner(input in written_input()) {
            let general = view(extract_general::<16>(&input));
            if let Some(simple) = extract_simple::<16>(&input) {
                proptest::prop_assert_eq!(view(Ok(simple)), general.clone());
            }
            proptest::prop_assert_eq!(view(extract::<16>(&input)), general);
            proptest::prop_assert_eq!(view(extract::<6>(&input)), view(extract_general::<6>(&input)));
            proptest::prop_assert_eq!(view(extract::<32>(&input)), view(extract_general::<32>(&input)));
        }

        #[test]
        fn simple_path_takes_grouped_digits(
            groups in proptest::collection::vec("[0-9]{1,6}", 1..7),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", ".", "-", "/"]), 6),
        ) {
            let mut s = String::new();
            for (i, g) in groups.iter().enumerate() {
                if i > 0 {
                    s.push_str(seps[i - 1]);
                }
                s.push_str(g);
            }
            let simple = extract_simple::<16>(s.as_bytes());
            proptest::prop_assert!(simple.is_some(), "{}", s);
            let simple = view(simple.ok_or(FormatError::Empty));
            proptest::prop_assert_eq!(simple.clone(), view(extract_general::<16>(s.as_bytes())));
            let digits: String = groups.concat();
            let (buf, len, total) = simple.unwrap();
            proptest::prop_assert_eq!(total, digits.len());
            proptest::prop_assert_eq!(&buf[..len], &digits.as_bytes()[..digits.len().min(16)]);
        }
    }

    #[test]
    fn simple_path_edges() {
        for s in [
            &b""[..],
            b" 1",
            b"1 ",
            b"1  2",
            b"1\xc2\xa02",
            b"'1",
            b"1e5",
            b"-1",
        ] {
            assert!(extract_simple::<16>(s).is_none(), "{s:?}");
        }
        let long = [b'7'; 63];
        assert_eq!(extract_simple::<16>(&long).map(|d| d.total()), Some(63));
        assert!(extract_simple::<16>(&[b'7'; 64]).is_none());
        assert_eq!(extract::<16>(&[b'7'; 64]).map(|d| d.total()), Ok(64));
    }

    #[test]
    fn pairs8_agrees_with_two() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut d = [0u8; 16];
            let mut y = x;
            for slot in &mut d {
                *slot = b'0' + (y % 10) as u8;
                y = (y / 10) ^ x.rotate_left(17);
            }
            let (lo, hi) = words16(&d);
            assert!(eight_digits(lo) && eight_digits(hi));
            let (a, b) = (pairs8(lo), pairs8(hi));
            for k in 0..4 {
                assert_eq!((a >> (16 * k)) as u8, two(&d, 2 * k));
                assert_eq!((b >> (16 * k)) as u8, two(&d, 8 + 2 * k));
            }
            assert_eq!(a & 0xFF00_FF00_FF00_FF00, 0);
        }
        assert_eq!(
            pairs8(u64::from_le_bytes(*b"31710117")),
            0x0011_0001_0047_001F
        );
    }

    #[test]
    fn luhn_matches_known_values() {
        assert!(luhn_valid(b"021832415"));
        assert!(luhn_valid(b"013121660"));
        assert!(!luhn_valid(b"014518697"));
        assert!(luhn_valid(b"4111111111111111"));
        assert_eq!(luhn_check_digit(b"02183241"), 5);
        assert_eq!(luhn_check_digit(b"411111111111111"), 1);
        for payload in [&b"0"[..], b"7992739871", b"01451869", b"37828224631000"] {
            let mut full = payload.to_vec();
            full.push(b'0' + luhn_check_digit(payload));
            assert!(luhn_valid(&full));
        }
    }

    #[test]
    fn grouping() {
        let mut out = [0u8; 32];
        let n = group_into(
            b"013121660091000",
            &[(2, b'.'), (5, b'.'), (8, b'.'), (9, b'-'), (12, b'.')],
            &mut out,
        );
        assert_eq!(&out[..n], b"01.312.166.0-091.000");
        let f = Formatted::grouped(b"0812345678", &[(4, b'-')]).unwrap();
        assert_eq!(&*f, "0812-345678");
        assert!(Formatted::from_ascii(&[b'1'; 33]).is_none());
    }
}
