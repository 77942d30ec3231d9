//! Length-preserving masks: each hidden character becomes the mask byte,
//! separators and layout stay, so offsets into the buffer remain valid.
//!
//! Values the scanner found written with non-ASCII digits (full-width U+FF10-FF19,
//! Arabic-Indic U+0660-0669, Extended Arabic-Indic U+06F0-06F9) are masked digit by
//! digit like ASCII ones, each hidden digit replaced by a mask of the same byte length:
//! a full-width digit by the full-width form of the mask byte (`*` -> U+FF0A FULLWIDTH
//! ASTERISK, 3 bytes), a two-byte Arabic-Indic digit by the mask byte twice (`**`).
//! Visible digits stay as written.

use crate::digits::{non_digit_mask, word_at};
use crate::kind::Kind;
use crate::scan::fold;

/// How a value is masked: how many of its digits (letters count as digits)
/// stay visible at the start and at the end, and the byte that hides the rest.
///
/// For phones, the country code or trunk prefix (`+62`, `62`, `0`) is always
/// shown and `lead`/`trail` count digits of the national number after it. For
/// e-mail addresses the whole local part is hidden and the domain shown;
/// `lead`/`trail` are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MaskSpec {
    /// Digits shown at the start.
    pub lead: u8,
    /// Digits shown at the end.
    pub trail: u8,
    /// The byte that replaces hidden characters (ASCII, not alphanumeric).
    pub ch: u8,
}

/// The byte used by default to hide characters.
pub const DEFAULT_MASK_BYTE: u8 = b'*';

impl MaskSpec {
    /// Hide everything.
    pub const FULL: MaskSpec = MaskSpec {
        lead: 0,
        trail: 0,
        ch: DEFAULT_MASK_BYTE,
    };

    /// The default mask of a kind: the most it may show (see [`max_visible`]).
    ///
    /// NIK/KK `317101**********` (region only; the date block is the most
    /// identifying part, §7.1), NPWP/NITKU first 6, BPJS last 4, phone the
    /// operator prefix and last 3 digits, payment card first 6 + last 4, NIP
    /// and e-mail local part fully hidden.
    pub const fn default_for(kind: Kind) -> MaskSpec {
        let (lead, trail) = match kind {
            Kind::Nik | Kind::Kk | Kind::Npwp | Kind::Nitku => (6, 0),
            Kind::BpjsKesehatan | Kind::BpjsKetenagakerjaan => (0, 4),
            Kind::Phone => (3, 3),
            Kind::PaymentCard => (6, 4),
            _ => (0, 0),
        };
        MaskSpec {
            lead,
            trail,
            ch: DEFAULT_MASK_BYTE,
        }
    }

    /// Digits this mask shows.
    pub const fn visible(&self) -> usize {
        self.lead as usize + self.trail as usize
    }
}

/// The most digits a mask of this kind may show (policies asking for more are refused).
pub const fn max_visible(kind: Kind) -> usize {
    match kind {
        Kind::Nik | Kind::Kk | Kind::Npwp | Kind::Nitku | Kind::Phone => 6,
        Kind::BpjsKesehatan | Kind::BpjsKetenagakerjaan => 4,
        Kind::PaymentCard => 10,
        _ => 0,
    }
}

/// `HIDDEN[b]` is 1 for ASCII letters and digits, the bytes a mask hides in numbers.
static HIDDEN: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        if (i as u8).is_ascii_alphanumeric() {
            t[i] = 1;
        }
        i += 1;
    }
    t
};

/// True for the bytes a mask hides in numbers: ASCII letters and digits.
#[inline]
fn hidden(b: u8) -> bool {
    HIDDEN[usize::from(b)] != 0
}

/// Masks `span` (a value of `kind` as written) in place.
///
/// The common written forms take an inline word-at-a-time fast path, chosen once
/// on the kind: an e-mail address with an ASCII domain of up to 15 bytes; under the
/// default masks, a phone of 8 to 16 bytes of digits and separators and a NIK of 16
/// digits. Out of line come the other ASCII addresses, values of 8 to 16 bytes and
/// ASCII values of up to 64 bytes. Every other span, and any the fast paths
/// decline, takes the general byte-by-byte mask.
#[inline(always)]
pub fn mask_in_place(kind: Kind, spec: MaskSpec, span: &mut [u8]) {
    let done = match kind {
        Kind::Email => mask_email_words(span, spec.ch),
        Kind::Phone => mask_phone_words(spec, span),
        _ => mask_nik_digits(spec, span),
    };
    if !done {
        mask_other(kind, spec, span);
    }
}

/// The spans the inlined fast paths of [`mask_in_place`] decline: short ASCII
/// values with separators, then everything else. Out of line to keep the callers' loops small.
#[inline(never)]
fn mask_other(kind: Kind, spec: MaskSpec, span: &mut [u8]) {
    let done = match kind {
        Kind::Email => mask_email_ascii(span, spec.ch),
        Kind::Phone => mask_two_words(kind, spec, span) || mask_short_ascii(kind, spec, span),
        _ => {
            mask_digit_run(spec, span)
                || mask_two_words(kind, spec, span)
                || mask_short_ascii(kind, spec, span)
        }
    };
    if !done {
        mask_general(kind, spec, span);
    }
}

/// The default mask of a NIK (or KK, NPWP: the same mask) written as its 16
/// digits: bytes 6 to 15 are hidden, one blended word and one stored
/// (`317101**********`). Declines (false) other spans and masks.
#[inline(always)]
fn mask_nik_digits(spec: MaskSpec, span: &mut [u8]) -> bool {
    const DEFAULT: MaskSpec = MaskSpec::default_for(Kind::Nik);
    if spec != DEFAULT || span.len() != 16 {
        return false;
    }
    let (a, b) = (load8(span, 0), load8(span, 8));
    if !digits_only(a) | !digits_only(b) {
        return false;
    }
    let stars = LO * u64::from(DEFAULT_MASK_BYTE);
    let shown = low_bytes(6);
    store8(span, 0, (a & shown) | (stars & !shown));
    store8(span, 8, stars);
    true
}

/// The mask of a value of another kind than phone or e-mail written as 8 to 16
/// ASCII digits (a NIK, KK, NPWP as usually written): every byte counts, so the
/// hidden bytes are those from `lead` to `len - trail` (all of them when that
/// leaves nothing between), written as one or two words. Declines (false) other spans.
#[inline(always)]
fn mask_digit_run(spec: MaskSpec, span: &mut [u8]) -> bool {
    let n = span.len();
    if !(8..=16).contains(&n) {
        return false;
    }
    if !digits_only(load8(span, 0)) | !digits_only(load8(span, n - 8)) {
        return false;
    }
    let (lead, trail) = (usize::from(spec.lead), usize::from(spec.trail));
    let (s, e) = if lead + trail < n {
        (lead, n - trail)
    } else {
        (0, n)
    };
    fill_short(span, s, e, spec.ch);
    true
}

/// True when all eight bytes of `w` are ASCII digits. Subtracting `0` from each
/// byte borrows (bit 7 set) at the lowest byte below `0`, adding 0x46 carries into
/// bit 7 at the lowest between `9` and 0x80; below that byte nothing carries.
#[inline(always)]
fn digits_only(w: u64) -> bool {
    (w | w.wrapping_sub(LO * 0x30) | w.wrapping_add(LO * 0x46)) & HI == 0
}

/// Writes `ch` over `span[s..e]` of a span of 8 to 16 bytes (`s <= e`): two
/// overlapping words when the range is 8 bytes or more, else one blended word.
#[inline(always)]
fn fill_short(span: &mut [u8], s: usize, e: usize, ch: u8) {
    let word = (LO * u64::from(ch)).to_le_bytes();
    if e >= s + 8 {
        for at in [s, e - 8] {
            if let Some(d) = span.get_mut(at..at + 8) {
                d.copy_from_slice(&word);
            }
        }
    } else {
        let at = s.min(span.len().saturating_sub(8));
        blend(span, at, low_bytes(e - at) & !low_bytes(s - at), ch);
    }
}

/// [`mask_two_words`] for a phone under the default mask, inlined into the
/// callers' loops with the mask's lead and trail as constants. Declines (false)
/// other masks: [`mask_other`] takes them.
#[inline(always)]
fn mask_phone_words(spec: MaskSpec, span: &mut [u8]) -> bool {
    const DEFAULT: MaskSpec = MaskSpec::default_for(Kind::Phone);
    spec == DEFAULT && (mask_phone_dashed(span) || mask_two_words(Kind::Phone, DEFAULT, span))
}

/// The default mask of a national phone written `0812-3456-7890` (any separators
/// from below 0x40 that are not digits, not `0062-...`): the trunk
/// `0`, the three digits after it and the last three stay, so bytes 5 to 8 and 10
/// are hidden (`0812-****-*890`). Declines (false) other spans.
#[inline(always)]
fn mask_phone_dashed(span: &mut [u8]) -> bool {
    /// Bytes 4 and 9 of the span: the separators (in words from 0 and from 6).
    const SEP_A: u64 = 0x80 << 32;
    const SEP_B: u64 = 0x80 << 24;
    /// The hidden bytes 5-8 and 10, in the words from 0 and from 6.
    const HIDE_A: u64 = 0xFFFFFF << 40;
    const HIDE_B: u64 = 0xFF_00FF_FFFF;
    if span.len() != 14 {
        return false;
    }
    let (a, b) = (load8(span, 0), load8(span, 6));
    // The prefix is the trunk `0` alone unless the digits start `0062` (see [`phone_skip`]).
    let head = a as u32;
    if non_digit_mask(a) != SEP_A
        || non_digit_mask(b) != SEP_B
        || (a | b) & (LO * 0xC0) != 0
        || head as u8 != b'0'
        || head == u32::from_le_bytes(*b"0062")
    {
        return false;
    }
    let ch = LO * u64::from(DEFAULT_MASK_BYTE);
    store8(span, 0, (a & !HIDE_A) | (ch & HIDE_A));
    store8(span, 6, (b & !HIDE_B) | (ch & HIDE_B));
    true
}

/// Writes the little-endian word `w` at `span[at..at + 8]` (nothing past the end).
#[inline(always)]
fn store8(span: &mut [u8], at: usize, w: u64) {
    if let Some(d) = span.get_mut(at..at + 8) {
        d.copy_from_slice(&w.to_le_bytes());
    }
}

/// The mask of any span: the visible lead is skipped going forward, the visible
/// trail going backward, and only the bytes between are touched.
fn mask_general(kind: Kind, spec: MaskSpec, span: &mut [u8]) {
    // Every folded character has a byte from 0x80 up: an ASCII span (most values)
    // skips the `memchr3`, whose set-up costs more than a short span's whole mask.
    if !span.is_ascii() && fold::has_foldable(span) {
        mask_folded(kind, spec, span);
        return;
    }
    match kind {
        Kind::Email => {
            let at = memchr::memrchr(b'@', span).unwrap_or(span.len());
            // Nothing of the local part survives, not even dots or plus tags.
            if let Some(local) = span.get_mut(..at) {
                local.fill(spec.ch);
            }
        }
        Kind::Phone => {
            let skip = phone_skip(span);
            mask_digits(span, skip, spec);
        }
        _ => mask_digits(span, 0, spec),
    }
}

use crate::digits::{HI, LO, byte_bits, eq_byte_mask, letter_mask};

/// The e-mail mask of a span of 16 bytes or more whose last `@` is among its last
/// 16 bytes (a domain of up to 15), all of those ASCII: everything before that `@`
/// is hidden. The last two words are searched at once. Declines (false) other
/// spans, [`mask_email_ascii`] searches further.
#[inline(always)]
fn mask_email_words(span: &mut [u8], ch: u8) -> bool {
    let n = span.len();
    let Some(tail) = span.last_chunk::<16>() else {
        return false;
    };
    let lo = u64::from_le_bytes(*tail.first_chunk::<8>().unwrap_or(&[0; 8]));
    let hi = u64::from_le_bytes(*tail.last_chunk::<8>().unwrap_or(&[0; 8]));
    if (lo | hi) & HI != 0 {
        return false;
    }
    // ASCII bytes: `0x80 - x` keeps bit 7 exactly where `x` is 0, with no borrow.
    let at_mask = |w: u64| HI.wrapping_sub(w ^ (LO * u64::from(b'@'))) & HI;
    let (in_lo, in_hi) = (at_mask(lo), at_mask(hi));
    let (word, found) = match (in_lo, in_hi) {
        (_, 1..) => (n - 8, in_hi),
        (1.., 0) => (n - 16, in_lo),
        (0, 0) => return false,
    };
    let at = word + (63 - found.leading_zeros() as usize) / 8;
    if at < 8 {
        blend(span, 0, low_bytes(at), ch);
    } else {
        fill_range(span, 0, at, ch);
    }
    true
}

/// The e-mail mask of an ASCII span: everything before the last `@`. Searches back
/// from the end a word at a time (the domain is short, so the `@` is near), and
/// declines (false) when a byte from 0x80 up is met before the `@`: a full-width
/// `＠` there would be the last one. Bytes before the `@` are hidden whatever they are.
#[inline]
fn mask_email_ascii(span: &mut [u8], ch: u8) -> bool {
    // The bytes not searched yet: all of them, then shorter by a word each time.
    let mut rest: &[u8] = span;
    let at = loop {
        let (start, w) = match rest.split_last_chunk::<8>() {
            Some((head, last)) => (head.len(), u64::from_le_bytes(*last)),
            // The first word (zeros past a short span's end): its bytes from
            // `rest.len()` on were searched already, and hold neither `@` nor a byte
            // from 0x80 up.
            None => (0, word_at(span, 0)),
        };
        if w & HI != 0 {
            return false;
        }
        let found = eq_byte_mask(w, b'@');
        if found != 0 {
            break start + (63 - found.leading_zeros() as usize) / 8;
        }
        if start == 0 {
            // No `@`: all of it is hidden.
            break span.len();
        }
        rest = rest.get(..start).unwrap_or(&[]);
    };
    fill_range(span, 0, at, ch);
    true
}

/// The mask of a span of 8 to 16 bytes of digits and ASCII punctuation or spaces
/// (no letters) whose visible ends are all digits (`3171011708450001`;
/// `0812-5181-5339`, whose lead `0812` holds the phone prefix and whose trail is
/// `339`). Two words, overlapping when the span is shorter than 16 bytes, hold all
/// of it. The ends being the first and last digits, the hidden bytes are the digits
/// between. Declines (false) other spans, before writing anything.
#[inline(always)]
fn mask_two_words(kind: Kind, spec: MaskSpec, span: &mut [u8]) -> bool {
    let n = span.len();
    if !(8..=16).contains(&n) {
        return false;
    }
    let skip = if kind == Kind::Phone {
        // `0` then another digit, or a first digit without a prefix (see [`phone_skip`]).
        match span.first() {
            Some(b'0') if matches!(span.get(1), Some(b'1'..=b'9')) => 1,
            Some(b'1'..=b'5' | b'7'..=b'9') => 0,
            _ => return false,
        }
    } else {
        0
    };
    let p = skip + usize::from(spec.lead);
    let trail = usize::from(spec.trail);
    if p > 8 || trail > 8 || p + trail > n {
        return false;
    }
    // Word `a` holds bytes 0..8, word `b` bytes n - 8..n (`o` is where it starts).
    let o = n - 8;
    let (a, b) = (load8(span, 0), load8(span, o));
    let (digits_a, digits_b) = (!non_digit_mask(a) & HI, !non_digit_mask(b) & HI);
    // Digits only (a NIK as usually written) need no more checks; otherwise a byte
    // from 0x40 up (bit 6 or 7 set) is a letter, a folded digit's or something else
    // to decline, and the visible ends must be all digits.
    if digits_a & digits_b != HI {
        if (a | b) & (LO * 0xC0) != 0 {
            return false;
        }
        let head = low_bytes(p) & HI;
        let tail = !low_bytes(8 - trail) & HI;
        if digits_a & head != head || digits_b & tail != tail {
            return false;
        }
    }
    // In byte positions of each word: the digits from `p` up to `q = n - trail`.
    let mut hide_a = digits_a & !low_bytes(p) & low_bytes(n - trail);
    let mut hide_b = digits_b & !low_bytes(p.saturating_sub(o)) & low_bytes(8 - trail);
    if hide_a | hide_b == 0 {
        // Nothing between: too short to show anything, all after the prefix is hidden.
        hide_a = digits_a & !low_bytes(skip);
        hide_b = digits_b & !low_bytes(skip.saturating_sub(o));
    }
    // Where the words overlap both hide the same bytes, so the second store agrees.
    blend(span, 0, (hide_a >> 7) * 0xFF, spec.ch);
    blend(span, o, (hide_b >> 7) * 0xFF, spec.ch);
    true
}

/// The eight bytes `span[at..at + 8]` as a little-endian word (0 past the end).
#[inline(always)]
fn load8(span: &[u8], at: usize) -> u64 {
    span.get(at..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map_or(0, |w| u64::from_le_bytes(*w))
}

/// The mask of an ASCII span of at most 64 bytes (a phone or NIK written with
/// separators): one pass makes bit masks of its digits and alphanumerics (bit `i`
/// for byte `i`), the visible ones are cleared from the low and high ends of the
/// latter, and what is left is written a word at a time. Declines (false) other spans.
#[inline]
fn mask_short_ascii(kind: Kind, spec: MaskSpec, span: &mut [u8]) -> bool {
    if span.len() > 64 {
        return false;
    }
    let (mut digits, mut alnum, mut high) = (0u64, 0u64, 0u64);
    let mut i = 0;
    while i < span.len() {
        let w = word_at(span, i);
        high |= w;
        let nd = non_digit_mask(w);
        digits |= u64::from(byte_bits(!nd & HI)) << i;
        alnum |= u64::from(byte_bits((!nd & HI) | letter_mask(w))) << i;
        i += 8;
    }
    if high & HI != 0 {
        return false;
    }
    let skip = if kind == Kind::Phone {
        phone_skip_bits(span, digits)
    } else {
        0
    };
    let body = (alnum.count_ones() as usize).saturating_sub(skip);
    let (lead, trail) = if spec.visible() >= body {
        (0, 0)
    } else {
        (usize::from(spec.lead), usize::from(spec.trail))
    };
    let hide = clear_high(clear_low(alnum, skip + lead), trail);
    write_bits(span, hide, spec.ch);
    true
}

/// [`phone_skip`] from the bit mask of the span's digits (bit `i` for byte `i`).
#[inline]
fn phone_skip_bits(span: &[u8], digits: u64) -> usize {
    use super::normalise::{PHONE_HEAD, phone_prefix_len_of};
    // The usual national form `08..`: a `0` not followed by another (`0062`).
    let digit = |m: u64| (m != 0).then(|| span.get(m.trailing_zeros() as usize).copied())?;
    let second = digits & digits.wrapping_sub(1);
    match digit(digits) {
        Some(b'0') if digit(second) != Some(b'0') => return 1,
        Some(b'1'..=b'5' | b'7'..=b'9') => return 0,
        _ => {}
    }
    let mut head = [0u8; PHONE_HEAD];
    let mut n = 0usize;
    let mut rest = digits;
    while rest != 0 && n < PHONE_HEAD {
        if let (Some(slot), Some(&b)) = (head.get_mut(n), span.get(rest.trailing_zeros() as usize))
        {
            *slot = b;
        }
        rest &= rest - 1;
        n += 1;
    }
    phone_prefix_len_of(head.get(..n).unwrap_or(&[]), digits.count_ones() as usize)
}

/// `m` without its `n` lowest set bits.
#[inline]
fn clear_low(mut m: u64, n: usize) -> u64 {
    for _ in 0..n {
        m &= m.wrapping_sub(1);
    }
    m
}

/// `m` without its `n` highest set bits.
#[inline]
fn clear_high(mut m: u64, n: usize) -> u64 {
    for _ in 0..n {
        if m == 0 {
            break;
        }
        m ^= 1 << (63 - m.leading_zeros());
    }
    m
}

/// A word with its `n` low bytes all ones (all of it from 8 up).
#[inline]
fn low_bytes(n: usize) -> u64 {
    /// `LOW_BYTES[n]`: the low `n` bytes set.
    const LOW_BYTES: [u64; 8] = {
        let mut t = [0u64; 8];
        let mut n = 1;
        while n < 8 {
            t[n] = (1u64 << (8 * n)) - 1;
            n += 1;
        }
        t
    };
    LOW_BYTES.get(n).copied().unwrap_or(!0)
}

/// `SPREAD[b]`: bit `k` of `b` widened to all of byte `k`.
static SPREAD: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut k = 0;
        while k < 8 {
            if b & (1 << k) != 0 {
                t[b] |= 0xFF << (8 * k);
            }
            k += 1;
        }
        b += 1;
    }
    t
};

/// Writes `ch` over the bytes of `span` (at most 64) whose bit is set in `m`, a
/// word at a time: each word keeps its other bytes. The last word overlaps the one
/// before instead of running past the end (writing `ch` twice changes nothing).
#[inline]
fn write_bits(span: &mut [u8], m: u64, ch: u8) {
    let n = span.len();
    if n < 8 {
        let mut rest = m;
        while rest != 0 {
            if let Some(b) = span.get_mut(rest.trailing_zeros() as usize) {
                *b = ch;
            }
            rest &= rest - 1;
        }
        return;
    }
    let mut i = 0;
    while i < n {
        let at = i.min(n - 8);
        let bits = (m >> at) & 0xFF;
        if bits != 0 {
            blend(span, at, SPREAD[bits as usize], ch);
        }
        i += 8;
    }
}

/// Writes `ch` over `span[s..e]`: whole words when the range is 8 bytes or more
/// (the last one overlapping), else one blended word, else byte by byte.
#[inline]
fn fill_range(span: &mut [u8], s: usize, e: usize, ch: u8) {
    let n = span.len();
    let Some(r) = span.get_mut(s..e) else { return };
    let len = r.len();
    if len >= 8 {
        let word = [ch; 8];
        let mut k = 0;
        while k + 8 < len {
            if let Some(d) = r.get_mut(k..k + 8) {
                d.copy_from_slice(&word);
            }
            k += 8;
        }
        if let Some(d) = r.get_mut(len - 8..) {
            d.copy_from_slice(&word);
        }
    } else if n >= 8 {
        let at = s.min(n - 8);
        let bytes = low_bytes(e - at) & !low_bytes(s - at);
        blend(span, at, bytes, ch);
    } else {
        for b in r {
            *b = ch;
        }
    }
}

/// Writes `ch` over the bytes of `span[at..at + 8]` where `bytes` is 0xFF.
#[inline(always)]
fn blend(span: &mut [u8], at: usize, bytes: u64, ch: u8) {
    if let Some(d) = span.get_mut(at..at + 8) {
        let mut b = [0u8; 8];
        b.copy_from_slice(d);
        let w = u64::from_le_bytes(b);
        let w = (w & !bytes) | ((LO * u64::from(ch)) & bytes);
        d.copy_from_slice(&w.to_le_bytes());
    }
}

/// [`mask_in_place`] for a span holding non-ASCII digits or the full-width `＠`:
/// the same rules, reading each such character as one digit (or `@`).
fn mask_folded(kind: Kind, spec: MaskSpec, span: &mut [u8]) {
    use super::normalise::{PHONE_HEAD, phone_prefix_len_of};
    if kind == Kind::Email {
        // Everything before the last `@` or `＠`.
        let mut at = span.len();
        let mut i = 0;
        while i < span.len() {
            match fold::fold_at(span, i) {
                Some((b'@', len)) => {
                    at = i;
                    i += len;
                }
                Some((_, len)) => i += len,
                None => {
                    if span.get(i) == Some(&b'@') {
                        at = i;
                    }
                    i += 1;
                }
            }
        }
        if let Some(local) = span.get_mut(..at) {
            local.fill(spec.ch);
        }
        return;
    }
    // The characters a mask hides: (digit or letter as ASCII, offset, length).
    let unit = |span: &[u8], i: usize| -> (Option<u8>, usize) {
        match fold::digit_at(span, i) {
            Some((d, len)) => (Some(d), len),
            None => {
                let b = span.get(i).copied().unwrap_or(0);
                (hidden(b).then_some(b), 1)
            }
        }
    };
    // First pass: how many there are, and the phone prefix from the leading digits.
    let mut head = [0u8; PHONE_HEAD];
    let (mut total, mut digits) = (0usize, 0usize);
    let mut i = 0;
    while i < span.len() {
        let (c, len) = unit(span, i);
        if let Some(c) = c {
            total += 1;
            if c.is_ascii_digit() {
                if let Some(slot) = head.get_mut(digits) {
                    *slot = c;
                }
                digits += 1;
            }
        }
        i += len;
    }
    let skip = if kind == Kind::Phone {
        phone_prefix_len_of(head.get(..digits.min(PHONE_HEAD)).unwrap_or(&[]), digits)
    } else {
        0
    };
    let body = total.saturating_sub(skip);
    let (lead, trail) = if spec.visible() >= body {
        (0, 0)
    } else {
        (usize::from(spec.lead), usize::from(spec.trail))
    };
    let wide = wide_mask(spec.ch);
    // Second pass: hide the ones outside the prefix, lead and trail.
    let (mut k, mut i) = (0usize, 0usize);
    while i < span.len() {
        let (c, len) = unit(span, i);
        if c.is_some() {
            let pos = k;
            k += 1;
            let shown = pos < skip || pos - skip < lead || pos - skip >= body - trail;
            if !shown {
                if let Some(slot) = span.get_mut(i..i + len) {
                    match len {
                        3 => slot.copy_from_slice(&wide),
                        _ => slot.fill(spec.ch),
                    }
                }
            }
        }
        i += len;
    }
}

/// The three UTF-8 bytes that hide a full-width digit: the full-width form of the mask
/// byte (U+FF01-FF5E for `!`-`~`), or the mask byte three times for other bytes.
fn wide_mask(ch: u8) -> [u8; 3] {
    if (0x21..=0x7E).contains(&ch) {
        let cp = 0xFEE0u32 + u32::from(ch);
        [
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]
    } else {
        [ch; 3]
    }
}

/// Digits of a written phone number before its national number (see
/// [`super::normalise::phone_prefix_len`]), reading only as far as needed.
#[inline]
fn phone_skip(span: &[u8]) -> usize {
    use super::normalise::{PHONE_HEAD, phone_prefix_len_of};
    let mut head = [0u8; PHONE_HEAD];
    let mut n = 0usize;
    let mut i = 0usize;
    while n < PHONE_HEAD {
        let Some(&b) = span.get(i) else { break };
        i += 1;
        if b.is_ascii_digit() {
            if let Some(slot) = head.get_mut(n) {
                *slot = b;
            }
            n += 1;
        }
    }
    // Only a `62` prefix depends on the digit count (more than 9).
    if head.starts_with(b"62") {
        for &b in span.get(i..).unwrap_or(&[]) {
            if n > 9 {
                break;
            }
            n += usize::from(b.is_ascii_digit());
        }
    }
    phone_prefix_len_of(head.get(..n.min(PHONE_HEAD)).unwrap_or(&[]), n)
}

/// Masks alphanumerics of `span` after the first `skip` ones, showing `spec.lead`
/// at the start and `spec.trail` at the end of the rest; when the rest has no
/// more than `lead + trail` of them, all of the rest is hidden.
#[inline(always)]
fn mask_digits(span: &mut [u8], skip: usize, spec: MaskSpec) {
    let front = skip + usize::from(spec.lead);
    let trail = usize::from(spec.trail);
    if crate::digits::all_digits(span) {
        // Digits only (a NIK as usually written): every byte counts, no walking.
        let len = span.len();
        let hide = if len > front + trail {
            span.get_mut(front..len - trail)
        } else {
            span.get_mut(skip..)
        };
        if let Some(h) = hide {
            h.fill(spec.ch);
        }
        return;
    }
    // `p`: just past the `front`-th alphanumeric.
    let mut p = 0usize;
    let mut seen = 0usize;
    while seen < front {
        let Some(&b) = span.get(p) else { break };
        seen += usize::from(hidden(b));
        p += 1;
    }
    // `q`: the first of the last `trail` alphanumerics (never before `p`).
    let mut q = span.len();
    let mut back = 0usize;
    while back < trail && q > p {
        q -= 1;
        back += usize::from(span.get(q).copied().is_some_and(hidden));
    }
    let mut masked = 0usize;
    if seen == front && back == trail {
        if let Some(mid) = span.get_mut(p..q) {
            masked = mask_alnum(mid, spec.ch);
        }
    }
    if masked == 0 {
        // Too short to show anything: hide every alphanumeric after the prefix.
        let mut p = 0usize;
        let mut seen = 0usize;
        while seen < skip {
            let Some(&b) = span.get(p) else { return };
            seen += usize::from(hidden(b));
            p += 1;
        }
        if let Some(rest) = span.get_mut(p..) {
            mask_alnum(rest, spec.ch);
        }
    }
}

/// Replaces every alphanumeric of `span` with `ch`; returns how many there were.
#[inline]
fn mask_alnum(span: &mut [u8], ch: u8) -> usize {
    let mut n = 0usize;
    for b in span.iter_mut() {
        let h = HIDDEN[usize::from(*b)];
        n += usize::from(h);
        if h != 0 {
            *b = ch;
        }
    }
    n
}

/// Masks every byte of a whole field except ASCII whitespace (names, addresses).
pub fn mask_field(span: &mut [u8], ch: u8) {
    for b in span.iter_mut() {
        if !b.is_ascii_whitespace() {
            *b = ch;
        }
    }
}

/// Generalises a date field to its year: the first run of four digits stays, all
/// other alphanumerics are masked (`1990-10-20` -> `1990-**-**`). Without a
/// four-digit year everything is masked.
pub fn generalise_date(span: &mut [u8], ch: u8) {
    let mut year: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < span.len() {
        if span[i].is_ascii_digit() {
            let s = i;
            while i < span.len() && span[i].is_ascii_digit() {
                i += 1;
            }
            if i - s == 4 && year.is_none() {
                year = Some((s, i));
            }
        } else {
            i += 1;
        }
    }
    for (j, b) in span.iter_mut().enumerate() {
        let keep = year.is_some_and(|(s, e)| (s..e).contains(&j));
        if !keep && hidden(*b) {
            *b = ch;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward two-pass mask the one-pass version must equal.
    fn reference(kind: Kind, spec: MaskSpec, span: &mut [u8]) {
        let skip = match kind {
            Kind::Email => {
                let at = span.iter().rposition(|&b| b == b'@').unwrap_or(span.len());
                for b in &mut span[..at] {
                    *b = spec.ch;
                }
                return;
            }
            Kind::Phone => {
                let digits: Vec<u8> = span.iter().copied().filter(u8::is_ascii_digit).collect();
                crate::redact::normalise::phone_prefix_len(&digits[..digits.len().min(16)])
            }
            _ => 0,
        };
        let total = span.iter().filter(|&&b| hidden(b)).count();
        let body = total.saturating_sub(skip);
        let (lead, trail) = if spec.visible() >= body {
            (0, 0)
        } else {
            (usize::from(spec.lead), usize::from(spec.trail))
        };
        let mut i = 0usize;
        for b in span.iter_mut() {
            if !hidden(*b) {
                continue;
            }
            let pos = i;
            i += 1;
            if pos < skip {
                continue;
            }
            let k = pos - skip;
            if k < lead || k >= body - trail {
                continue;
            }
            *b = spec.ch;
        }
    }

    proptest! {
        #[test]
        fn one_pass_mask_equals_reference(
            span in prop::collection::vec(prop_oneof![
                Just(b'0'), Just(b'6'), Just(b'2'), Just(b'8'), 0x30u8..0x3a,
                Just(b'-'), Just(b' '), Just(b'@'), Just(b'+'), Just(b'a'), any::<u8>(),
            ], 0..40),
            k in 0usize..Kind::ALL.len(),
            lead in 0u8..8,
            trail in 0u8..8,
        ) {
            // The reference reads ASCII only; random bytes can write a folded digit
            // (`DB B1`), which is masked as a digit (see `folded_mask_agrees_with_ascii_mask`).
            prop_assume!(!fold::has_foldable(&span));
            let kind = Kind::ALL[k];
            let spec = MaskSpec { lead, trail, ch: b'#' };
            let mut fast = span.clone();
            mask_in_place(kind, spec, &mut fast);
            let mut slow = span.clone();
            reference(kind, spec, &mut slow);
            prop_assert_eq!(fast, slow);
        }
    }

    /// Pieces of written values: runs of digits (phone prefixes among them), the
    /// separators, letters, `@` and `＠`, and folded or other non-ASCII characters,
    /// so that spans reach every fast path of [`mask_in_place`] and its edges.
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            8 => prop::collection::vec(0x30u8..0x3a, 1..9),
            2 => prop_oneof![Just(b"0".to_vec()), Just(b"08".to_vec()), Just(b"62".to_vec()),
                             Just(b"+62".to_vec()), Just(b"0062".to_vec()), Just(b"00".to_vec())],
            4 => prop_oneof![Just(b"-".to_vec()), Just(b" ".to_vec()), Just(b".".to_vec()),
                             Just(b"/".to_vec()), Just(b"(".to_vec())],
            2 => prop::collection::vec(prop_oneof![Just(b'a'), Just(b'Z'), Just(b'k')], 1..4),
            2 => prop_oneof![Just(b"@".to_vec()), Just("＠".as_bytes().to_vec()),
                             Just(b"user.x".to_vec()), Just(b"contoh.co.id".to_vec())],
            1 => prop_oneof![Just("３".as_bytes().to_vec()), Just("٣".as_bytes().to_vec()),
                             Just("é".as_bytes().to_vec()), Just(vec![0xFF]),
                             Just(b"[".to_vec()), Just(b"`".to_vec()), Just(b"{".to_vec())],
        ]
    }

    fn pieces() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(piece(), 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Every fast path agrees with the general mask, on spans of every shape
        /// (folded digits and `＠` included) and every kind, lead and trail.
        #[test]
        fn fast_paths_equal_general_mask(
            span in pieces(),
            k in 0usize..Kind::ALL.len(),
            lead in 0u8..10,
            trail in 0u8..10,
        ) {
            let kind = Kind::ALL[k];
            let spec = MaskSpec { lead, trail, ch: b'#' };
            let mut fast = span.clone();
            mask_in_place(kind, spec, &mut fast);
            let mut slow = span.clone();
            mask_general(kind, spec, &mut slow);
            prop_assert_eq!(&fast, &slow);
            if span.is_ascii() {
                let mut reference_mask = span.clone();
                reference(kind, spec, &mut reference_mask);
                prop_assert_eq!(fast, reference_mask);
            }
        }
    }

    /// A byte of a phone or NIK as written, or something close to one.
    fn value_byte() -> impl Strategy<Value = u8> {
        prop_oneof![
            40 => 0x30u8..0x3a,
            2 => prop_oneof![Just(b'-'), Just(b' '), Just(b'.'), Just(b'/'), Just(0u8)],
            1 => prop_oneof![Just(b'a'), Just(b'@'), Just(b'?'), Just(0x80u8), any::<u8>()],
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        /// The fast paths for the shapes most values take (a dashed national phone
        /// `0812-3456-7890`, a run of 8 to 16 digits) agree with the general mask,
        /// under the default masks (their constants) and any other.
        #[test]
        fn common_shapes_equal_general_mask(
            first in prop_oneof![Just(b'0'), 0x30u8..0x3a, any::<u8>()],
            rest in prop::collection::vec(value_byte(), 5..18),
            dashed in any::<bool>(),
            seps in (prop_oneof![Just(b'-'), 0u8..0x40], prop_oneof![Just(b'-'), 0u8..0x40]),
            kind in prop_oneof![Just(Kind::Phone), Just(Kind::Nik),
                                (0usize..Kind::ALL.len()).prop_map(|k| Kind::ALL[k])],
            default in any::<bool>(),
            lead in 0u8..8,
            trail in 0u8..8,
        ) {
            let mut span = vec![first];
            span.extend_from_slice(&rest);
            if dashed && span.len() >= 14 {
                span.truncate(14);
                (span[4], span[9]) = seps;
            }
            let spec = if default {
                MaskSpec::default_for(kind)
            } else {
                MaskSpec { lead, trail, ch: b'#' }
            };
            let mut fast = span.clone();
            mask_in_place(kind, spec, &mut fast);
            let mut slow = span.clone();
            mask_general(kind, spec, &mut slow);
            prop_assert_eq!(&fast, &slow);
        }
    }

    proptest! {
        /// Spans of digits only (the shortcut in `mask_digits`) agree with the reference.
        #[test]
        fn digit_only_mask_equals_reference(
            span in prop::collection::vec(0x30u8..0x3a, 0..30),
            k in 0usize..Kind::ALL.len(),
            lead in 0u8..8,
            trail in 0u8..8,
        ) {
            let kind = Kind::ALL[k];
            let spec = MaskSpec { lead, trail, ch: b'#' };
            let mut fast = span.clone();
            mask_in_place(kind, spec, &mut fast);
            let mut slow = span.clone();
            reference(kind, spec, &mut slow);
            prop_assert_eq!(fast, slow);
        }
    }

    fn m(kind: Kind, v: &str) -> String {
        let mut b = v.as_bytes().to_vec();
        mask_in_place(kind, MaskSpec::default_for(kind), &mut b);
        String::from_utf8(b).unwrap()
    }

    #[test]
    fn defaults() {
        assert_eq!(m(Kind::Nik, "3171011708450001"), "317101**********");
        assert_eq!(m(Kind::Nik, "32.7305.601090.0009"), "32.7305.******.****");
        assert_eq!(m(Kind::Kk, "3171 0117 0845 0001"), "3171 01** **** ****");
        assert_eq!(
            m(Kind::Npwp, "01.312.166.0-091.000"),
            "01.312.1**.*-***.***"
        );
        assert_eq!(m(Kind::BpjsKesehatan, "0001944358911"), "*********8911");
        assert_eq!(m(Kind::Phone, "0812-3456-7890"), "0812-****-*890");
        assert_eq!(m(Kind::Phone, "+62 812 3456 7890"), "+62 812 **** *890");
        assert_eq!(
            m(Kind::PaymentCard, "4111 1111 1111 1111"),
            "4111 11** **** 1111"
        );
        assert_eq!(
            m(Kind::Email, "budi.s+x@example.co.id"),
            "********@example.co.id"
        );
        assert_eq!(
            m(Kind::Nip, "19660801 198803 1 001"),
            "******** ****** * ***"
        );
    }

    /// Dashed phones whose prefix is not the trunk `0` alone agree with the general mask.
    #[test]
    fn dashed_phone_prefixes() {
        for v in [
            "0062-8123-4567",
            "0006-8123-4567",
            "0012-3456-7890",
            "6281-2345-6789",
        ] {
            let mut fast = v.as_bytes().to_vec();
            let spec = MaskSpec::default_for(Kind::Phone);
            mask_in_place(Kind::Phone, spec, &mut fast);
            let mut slow = v.as_bytes().to_vec();
            mask_general(Kind::Phone, spec, &mut slow);
            assert_eq!(fast, slow, "{v}");
        }
    }

    #[test]
    fn non_ascii_digits_are_masked_with_same_length_marks() {
        let fw = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(0xFF10 + (c as u32 - 0x30)).unwrap(),
                    '*' => '\u{FF0A}',
                    c => c,
                })
                .collect()
        };
        let ar = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(0x660 + (c as u32 - 0x30)).unwrap(),
                    c => c,
                })
                .collect()
        };
        assert_eq!(
            m(Kind::Nik, &fw("3171011708450001")),
            fw("317101**********")
        );
        assert_eq!(
            m(Kind::Nik, &fw("3171 0117 0845 0001")),
            fw("3171 01** **** ****")
        );
        // Two-byte digits become two mask bytes.
        assert_eq!(
            m(Kind::Nik, &ar("3171011708450001")),
            format!("{}{}", ar("317101"), "**".repeat(10))
        );
        // Mixed: each digit keeps its own script; phones keep their prefix.
        let mixed = format!("3171{}08450001", fw("0117"));
        assert_eq!(m(Kind::Nik, &mixed), format!("3171{}********", fw("01**")));
        assert_eq!(m(Kind::Phone, &fw("0812-3456-7890")), fw("0812-****-*890"));
        assert_eq!(
            m(Kind::Phone, &fw("+62 812 3456 7890")),
            fw("+62 812 **** *890")
        );
        // E-mail: the local part before the last `@` or `＠` is hidden, bytewise.
        assert_eq!(m(Kind::Email, "budi１@mail.co.id"), "*******@mail.co.id");
        assert_eq!(m(Kind::Email, "budi＠mail.co.id"), "****＠mail.co.id");
        let mut b = fw("3171011708450001").into_bytes();
        let spec = MaskSpec {
            lead: 0,
            trail: 0,
            ch: b'#',
        };
        mask_in_place(Kind::Nik, spec, &mut b);
        assert_eq!(String::from_utf8(b).unwrap(), "＃".repeat(16));
    }

    proptest! {
        /// A value with non-ASCII digits masks like its ASCII form, mark for mark.
        #[test]
        fn folded_mask_agrees_with_ascii_mask(
            span in prop::collection::vec(prop_oneof![
                0x30u8..0x3a, Just(b'-'), Just(b' '), Just(b'+'), Just(b'a'),
            ], 0..30),
            wide in prop::collection::vec(0u8..3, 30),
            k in 0usize..Kind::ALL.len(),
            lead in 0u8..8,
            trail in 0u8..8,
        ) {
            let kind = Kind::ALL[k];
            prop_assume!(kind != Kind::Email);
            let spec = MaskSpec { lead, trail, ch: b'*' };
            let mut ascii = span.clone();
            mask_in_place(kind, spec, &mut ascii);
            // The same value with some digits written as full-width or Arabic-Indic.
            let mut written = String::new();
            let mut expect = String::new();
            for ((&b, &a), &w) in span.iter().zip(&ascii).zip(&wide) {
                let c = char::from(b);
                match (c.is_ascii_digit(), w) {
                    (true, 1) => {
                        written.push(char::from_u32(0xFF10 + u32::from(b - b'0')).unwrap());
                        expect.push(if a == b'*' { '\u{FF0A}' } else { written.chars().last().unwrap() });
                    }
                    (true, 2) => {
                        let d = char::from_u32(0x660 + u32::from(b - b'0')).unwrap();
                        written.push(d);
                        if a == b'*' { expect.push_str("**") } else { expect.push(d) }
                    }
                    _ => {
                        written.push(c);
                        expect.push(char::from(a));
                    }
                }
            }
            let mut got = written.clone().into_bytes();
            mask_in_place(kind, spec, &mut got);
            prop_assert_eq!(String::from_utf8(got).unwrap(), expect);
        }
    }

    #[test]
    fn short_values_are_fully_hidden() {
        let mut b = *b"12345";
        mask_in_place(
            Kind::PaymentCard,
            MaskSpec::default_for(Kind::PaymentCard),
            &mut b,
        );
        assert_eq!(&b, b"*****");
    }

    #[test]
    fn fields_and_dates() {
        let mut b = *b"Budi Santoso";
        mask_field(&mut b, b'*');
        assert_eq!(&b, b"**** *******");
        for (i, o) in [
            ("1990-10-20", "1990-**-**"),
            ("20/10/1990", "**/**/1990"),
            ("20 Okt 1990", "** *** 1990"),
            ("20-10-90", "**-**-**"),
        ] {
            let mut b = i.as_bytes().to_vec();
            generalise_date(&mut b, b'*');
            assert_eq!(String::from_utf8(b).unwrap(), o);
        }
    }
}
