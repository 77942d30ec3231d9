//! Labels: the words just before a value (`NIK:`, `No. KK`, `"no_hp":`, `Rp`) that say
//! what it is, or that it is no identifier at all.
//!
//! Looked at only after a candidate validates. From the value's first byte the scanner
//! skips up to [`MAX_GLUE`] glue bytes (`: = " ' ( [ { # >`, space, tab), then takes up to
//! [`MAX_LABEL`] label bytes (letters, space, `_ . - /`), lower-cases them, splits them into
//! words and matches the last three words against the table, longest phrase first, nearest
//! first. Digits stop the label (so a previous value is never read as one).

use super::class::{GLUE, LABEL, at, class, is};
use crate::digits::{LO, byte_bits, eq_byte_mask, letter_mask};
use crate::kind::Kind;

/// Most glue bytes between a label and its value.
pub(crate) const MAX_GLUE: usize = 6;
/// Most label bytes read.
pub(crate) const MAX_LABEL: usize = 32;
/// Bytes before a candidate that label detection may read.
pub(crate) const LOOK_BEHIND: usize = MAX_GLUE + MAX_LABEL + 1;

/// What a label says about the value after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// The value is of this kind.
    Kind(Kind),
    /// The value is an amount, order or reference number: not personal data.
    Negative,
}

/// Maps a normalised phrase (lower-case words joined by one space) to a label.
fn phrase(p: &[u8]) -> Option<Label> {
    use Kind::*;
    let k = match p {
        b"nik"
        | b"ktp"
        | b"ektp"
        | b"e ktp"
        | b"nomor induk kependudukan"
        | b"induk kependudukan"
        | b"kia" => Nik,
        b"kk" | b"nkk" | b"kartu keluarga" => Kk,
        b"npwp" => Npwp,
        b"nitku" => Nitku,
        b"noka" | b"bpjs" | b"no kartu" | b"nomor kartu" | b"nokartu" | b"jkn" | b"kis"
        | b"jkn kis" | b"bpjs kesehatan" | b"no peserta" | b"nomor peserta" => BpjsKesehatan,
        b"kpj" | b"bpjs ketenagakerjaan" | b"bpjs tk" | b"jamsostek" => BpjsKetenagakerjaan,
        b"nip" => Nip,
        b"hp" | b"telp" | b"tlp" | b"telepon" | b"telpon" | b"phone" | b"ponsel" | b"handphone"
        | b"wa" | b"whatsapp" | b"mobile" | b"tel" | b"msisdn" | b"kontak" => Phone,
        b"email" | b"e mail" | b"surel" | b"mail" => Email,
        b"kartu kredit" | b"credit card" | b"card number" | b"card no" | b"cc" | b"kartu debit"
        | b"debit card" | b"pan" | b"card" => PaymentCard,
        b"rp" | b"idr" | b"usd" | b"order" | b"order id" | b"invoice" | b"inv" | b"trx"
        | b"transaksi" | b"resi" | b"ref" | b"harga" | b"total" | b"saldo" | b"nominal" => {
            return Some(Label::Negative);
        }
        _ => return None,
    };
    Some(Label::Kind(k))
}

/// The label before the value starting at `s`, if any.
///
/// The glue is skipped here, inline; the words are read apart, only when a label byte
/// precedes the glue (in tables a `,` or a quote usually does not).
#[inline]
pub(crate) fn label_before(input: &[u8], s: usize) -> Option<Label> {
    match label_end(input, s) {
        0 => None,
        end => label_ending_at(input, end),
    }
}

/// Where the label bytes before the value starting at `s` end: past up to
/// [`MAX_GLUE`] glue bytes, when a label byte stands there; 0 when none does.
#[inline(always)]
fn label_end(input: &[u8], s: usize) -> usize {
    // The common cases first: no glue (tables: `,` before the value), or one space
    // between a word and the value (prose). `at` reads 0 (no class) before the start.
    let before = at(input, s.wrapping_sub(1));
    if class(before) & GLUE == 0 {
        return if class(before) & LABEL != 0 { s } else { 0 };
    }
    if before == b' ' {
        let c = class(at(input, s.wrapping_sub(2)));
        if c & GLUE == 0 {
            // No glue: the walk below would stop there (a previous value, in prose).
            return if c & LABEL != 0 { s - 1 } else { 0 };
        }
    }
    label_end_walk(input, s)
}

/// [`label_end`] by walking the glue byte by byte.
#[inline(always)]
fn label_end_walk(input: &[u8], s: usize) -> usize {
    let Some(before) = input.get(..s) else {
        return 0;
    };
    let glue = before
        .iter()
        .rev()
        .take(MAX_GLUE)
        .take_while(|&&b| is(b, GLUE))
        .count();
    let i = s - glue;
    match i.checked_sub(1).and_then(|last| before.get(last)) {
        Some(&b) if is(b, LABEL) => i,
        _ => 0,
    }
}

/// [`label_end`] as it was written first: the reference the tests hold it to.
#[cfg(test)]
fn label_end_reference(input: &[u8], s: usize) -> usize {
    let mut i = s;
    let mut glue = 0;
    while glue < MAX_GLUE && i > 0 && is(at(input, i - 1), GLUE) {
        i -= 1;
        glue += 1;
    }
    if i > 0 && is(at(input, i - 1), LABEL) {
        i
    } else {
        0
    }
}

/// True when the label before the value starting at `s` names an e-mail address: the same
/// answer as `label_before(input, s) == Some(Label::Kind(Kind::Email))`.
///
/// An address only asks whether its label is an e-mail one, and every e-mail phrase
/// (`email`, `e mail`, `mail`, `surel`) ends in `mail` or `surel`: a label window without
/// either (nearly every address in prose) needs no word reading at all.
#[inline]
pub(crate) fn email_label_before(input: &[u8], s: usize) -> bool {
    match label_end(input, s) {
        0 => false,
        end => email_label_ending_at(input, end),
    }
}

/// True when the label ending at `end` (just before the glue) is an e-mail one.
#[inline(never)] // kept out of the scan loop's frame
fn email_label_ending_at(input: &[u8], end: usize) -> bool {
    match input
        .get(..end)
        .and_then(|bytes| bytes.last_chunk::<NEAR_CONTEXT>())
    {
        Some(context) if !near_runs_any(context, ends_like_email) => false,
        _ => email_label_ending_at_filtered(input, end),
    }
}

/// True when the three bytes ending `x` (read as in [`near_runs_any`]) may end the last
/// word of an e-mail phrase: `mail` or `surel`, any case (`| 0x20` lets more through).
#[inline(always)]
fn ends_like_email(x: u32) -> bool {
    const AIL: u32 = u32::from_be_bytes(*b"\0ail");
    const REL: u32 = u32::from_be_bytes(*b"\0rel");
    let folded = x & 0x00ff_ffff | 0x0020_2020;
    folded == AIL || folded == REL
}

/// [`email_label_ending_at`] past its first filter.
#[inline(never)] // the rare case: kept out of the first filter's frame
fn email_label_ending_at_filtered(input: &[u8], end: usize) -> bool {
    let Some(bytes) = input.get(..end) else {
        return false;
    };
    let padded;
    let context = match end
        .checked_sub(EMAIL_CONTEXT)
        .and_then(|from| bytes.get(from..))
        .and_then(|c| <&[u8; EMAIL_CONTEXT]>::try_from(c).ok())
    {
        Some(context) => context, // the common case: read in place
        None => {
            padded = right_aligned(input, end);
            &padded
        }
    };
    may_name_email(context) && label_ending_at_full(input, end) == Some(Label::Kind(Kind::Email))
}

/// Bytes [`may_name_email`] reads: the label window and eight before it.
const EMAIL_CONTEXT: usize = 8 + MAX_LABEL;

/// True when the last [`MAX_LABEL`] bytes of `context` may hold the end of `mail` or
/// `surel`, any case: the `l` bytes are found eight at a time (SWAR) and only they are
/// looked behind, in the eight bytes ending at them (case folding by `| 0x20` only lets
/// more through; so does looking before the window, which a word ending in it may start).
#[inline(always)]
fn may_name_email(context: &[u8; EMAIL_CONTEXT]) -> bool {
    const FOLD: u64 = LO * 0x20;
    let word = |k: usize| -> u64 {
        let mut b = [0u8; 8];
        if let Some(src) = context.get(k..k + 8) {
            b.copy_from_slice(src);
        }
        u64::from_le_bytes(b)
    };
    // The `l` bytes (any case) as one bit mask, without branches: the byte flags of lane
    // `q` (bit 7 of byte `k`) shifted down to bit `8k + q - 1`, so the lanes need no
    // compressing (see [`byte_bits`]): four lanes, four bits a byte.
    let mut ls = (1..EMAIL_CONTEXT / 8).fold(0u64, |m, q| {
        m | eq_byte_mask(word(8 * q) | FOLD, b'l') >> (8 - q)
    });
    let mut found = false;
    while ls != 0 {
        let bit = ls.trailing_zeros() as usize;
        let l = 8 * (bit % 8 + 1) + bit / 8; // the `l`: 8 to 39
        let ending = word(l - 7) | FOLD; // the eight bytes ending at it
        found |= (ending >> 32 == u64::from(u32::from_le_bytes(*b"mail")))
            | (ending >> 24 == u64::from_le_bytes(*b"surel\0\0\0"));
        ls &= ls - 1;
    }
    found
}

/// Key words: every phrase [`phrase`] knows holds at least one of them (a unit test checks),
/// so a label can only match when one of its words is one of these. Single-word phrases are
/// all here; of longer ones only one word each (`kartu` for `no kartu`, not `no`; `order`
/// for `order id`, not `id`), so common words like `no` and `id` do not pass the filter.
const VOCABULARY: &[&[u8]] = &[
    b"bpjs",
    b"card",
    b"cc",
    b"ektp",
    b"email",
    b"handphone",
    b"harga",
    b"hp",
    b"idr",
    b"inv",
    b"invoice",
    b"jamsostek",
    b"jkn",
    b"kartu",
    b"kependudukan",
    b"kia",
    b"kis",
    b"kk",
    b"kontak",
    b"kpj",
    b"ktp",
    b"mail",
    b"mobile",
    b"msisdn",
    b"nik",
    b"nip",
    b"nitku",
    b"nkk",
    b"noka",
    b"nokartu",
    b"nominal",
    b"npwp",
    b"order",
    b"pan",
    b"peserta",
    b"phone",
    b"ponsel",
    b"ref",
    b"resi",
    b"rp",
    b"saldo",
    b"surel",
    b"tel",
    b"telepon",
    b"telp",
    b"telpon",
    b"tlp",
    b"total",
    b"transaksi",
    b"trx",
    b"usd",
    b"wa",
    b"whatsapp",
];

/// For each first and last letter (any case: their low five bits), the lengths of the
/// key words with those letters, bit `len - 1` for a word of `len` letters: a word whose
/// bit is clear is no key word. Key words are 2 to 15 letters long, so bits 0 (one
/// letter) and 15 to 31 stay clear.
type WordFilter = [[u32; 32]; 32];

/// The [`WordFilter`] of `words`.
const fn word_filter(words: &[&[u8]]) -> WordFilter {
    let mut t = [[0u32; 32]; 32];
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        assert!(w.len() > 1 && w.len() < 16, "key words are short");
        t[(w[0] & 31) as usize][(w[w.len() - 1] & 31) as usize] |= 1 << (w.len() - 1);
        k += 1;
    }
    t
}

/// The filter of every key word ([`VOCABULARY`]).
static WORD_FILTER: WordFilter = word_filter(VOCABULARY);

/// True when the word of `len` letters (1 to 32) from `first` to `last` may be a key word.
#[cfg(test)]
fn maybe_vocabulary(len: usize, first: u8, last: u8) -> bool {
    maybe_key_word(len.wrapping_sub(1), first, last)
}

/// [`maybe_vocabulary`] of a word whose last letter is `span` (0 to 31) bytes after its
/// first.
#[inline(always)]
fn maybe_key_word(span: usize, first: u8, last: u8) -> bool {
    let lengths = WORD_FILTER
        .get(usize::from(first & 31))
        .and_then(|row| row.get(usize::from(last & 31)))
        .copied()
        .unwrap_or(0);
    lengths >> (span & 31) & 1 != 0
}

/// The label whose bytes end at `end` (just before the glue).
///
/// Most values have ordinary words before them (prose), so the last three words first go
/// through the vocabulary filter alone; only when one of them may be a key word are the
/// label bytes read in full, from the same letter mask.
///
/// Before that, the three nearest words are looked up by their last three letters alone
/// ([`near_runs_maybe`]): cheaper, and in prose it rejects nearly every value's words.
#[inline(never)] // kept out of the callers: most candidates have no label
fn label_ending_at(input: &[u8], end: usize) -> Option<Label> {
    match input
        .get(..end)
        .and_then(|bytes| bytes.last_chunk::<NEAR_CONTEXT>())
    {
        Some(context) if !near_runs_maybe(context) => None,
        _ => label_ending_at_filtered(input, end),
    }
}

/// [`label_ending_at`] past its first filter: the vocabulary filter, then the label.
#[inline(never)] // the rarer case: kept out of the first filter's frame
fn label_ending_at_filtered(input: &[u8], end: usize) -> Option<Label> {
    let Some(window) = window_in_place(input, end) else {
        return label_ending_at_padded(input, end);
    };
    let letters = letter_bits(window);
    if !runs_maybe(window, letters) {
        return None;
    }
    label_from_letters(input, end, letters)
}

/// [`label_in_window`] of the window [`label_ending_at`] read, given its letters but
/// perhaps not those of its first lane (fewer live values across the filter).
#[inline(never)] // the rare case: kept out of the filter's frame
fn label_from_letters(input: &[u8], end: usize, letters: u32) -> Option<Label> {
    let window = window_in_place(input, end)?;
    label_in_window(input, end, window, letters | lane_letters(window, 0))
}

/// Bits of a [`pair_hash`]: the [`TRIGRAMS`] table has `1 << PAIR_BITS` entries.
const PAIR_BITS: u32 = 9;

/// The hash of bytes 1 and 2 of `x` (the two bytes before the last), each folded to its
/// low five bits, which are the same for a letter in either case.
#[inline(always)]
const fn pair_hash(x: u32) -> usize {
    ((x & 0x001f_1f00).wrapping_mul(0x9E37_79B1) >> (32 - PAIR_BITS)) as usize
}

/// Key word endings: for the [`pair_hash`] of the two bytes before a word's last letter,
/// bit `last & 31` set when a key word may end in those three bytes (its last three
/// letters; a two-letter word after any byte). `x & 31` picks the bit of the last byte
/// in either case.
type Trigrams = [u32; 1 << PAIR_BITS];

/// The [`Trigrams`] of `words`.
const fn trigrams(words: &[&[u8]]) -> Trigrams {
    let mut t = [0u32; 1 << PAIR_BITS];
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        let n = w.len();
        assert!(n > 1, "key words have two letters or more");
        let last = w[n - 1] as u32 & 31;
        // The byte before the last two: any (folded) for a two-letter word.
        let (mut before, to) = if n > 2 {
            (w[n - 3] as u32, w[n - 3] as u32 + 1)
        } else {
            (0, 32)
        };
        while before < to {
            t[pair_hash(before << 16 | (w[n - 2] as u32) << 8)] |= 1 << last;
            before += 1;
        }
        k += 1;
    }
    t
}

/// The trigrams of every key word ([`VOCABULARY`]).
static TRIGRAMS: Trigrams = trigrams(VOCABULARY);

/// True when the three bytes ending `x` read big-endian (the last in its low byte; its
/// high byte is not read) may end a key word.
#[inline(always)]
fn maybe_key_trigram(x: u32) -> bool {
    TRIGRAMS
        .get(pair_hash(x))
        .is_some_and(|&lasts| lasts >> (x & 31) & 1 != 0)
}

/// Bytes [`near_runs_maybe`] reads: the label window and three before it.
const NEAR_CONTEXT: usize = MAX_LABEL + 3;

/// The first filter of [`label_ending_at`]: `false` when none of the last three letter
/// runs of the label window (the last [`MAX_LABEL`] bytes of `context`) may be a key word,
/// judged by the three bytes ending each (no run starts needed; a run of two letters at
/// the window's start may take a byte before it, which a two-letter word allows).
///
/// The letters of the window's last 16 bytes are read first: in prose they mostly hold
/// three run ends, the last three runs' ends.
#[inline(always)]
fn near_runs_maybe(context: &[u8; NEAR_CONTEXT]) -> bool {
    near_runs_any(context, maybe_key_trigram)
}

/// True when one of the last three letter runs of the label window (the last
/// [`MAX_LABEL`] bytes of `context`) may end as `may_end` says, given the three bytes
/// ending the run read big-endian (the last in the low byte; the high byte is the one
/// before them). See [`near_runs_maybe`].
#[inline(always)]
fn near_runs_any(context: &[u8; NEAR_CONTEXT], may_end: impl Fn(u32) -> bool) -> bool {
    let lane = |q: usize| {
        let mut b = [0u8; 8];
        if let Some(chunk) = context.get(3 + 8 * q..11 + 8 * q) {
            b.copy_from_slice(chunk);
        }
        byte_bits(letter_mask(u64::from_le_bytes(b)))
    };
    let mut letters = (lane(3) << 8 | lane(2)) << 16; // bit `i`: window byte `i`
    let mut ends = letters & !(letters >> 1);
    if ends.count_ones() < 3 {
        letters |= lane(1) << 8 | lane(0);
        ends = letters & !(letters >> 1);
    }
    for _ in 0..3 {
        // With fewer than three runs, the window's first byte is looked up in their place:
        // a needless look-up, never a missed one.
        let end = (ends | 1).ilog2() as usize;
        // Window bytes `end - 3` to `end`.
        let Some(&bytes) = context
            .get(end..end + 4)
            .and_then(|b| <&[u8; 4]>::try_from(b).ok())
        else {
            return true;
        };
        if may_end(u32::from_be_bytes(bytes)) {
            return true;
        }
        ends ^= 1 << end;
    }
    false
}

/// The [`MAX_LABEL`] bytes ending at `end`, when the input holds as many.
#[inline(always)]
fn window_in_place(input: &[u8], end: usize) -> Option<&[u8; MAX_LABEL]> {
    end.checked_sub(MAX_LABEL)
        .and_then(|from| input.get(from..end))
        .and_then(|w| w.try_into().ok())
}

/// [`label_ending_at`] near the input's start (or past its end: no label). Cold for the
/// text scan's sake; record fields, which take it often, measured no slower.
#[cold]
#[inline(never)]
fn label_ending_at_padded(input: &[u8], end: usize) -> Option<Label> {
    input.get(..end)?;
    let window = right_aligned(input, end);
    let letters = letter_bits(&window);
    if !runs_maybe(&window, letters) {
        return None;
    }
    label_in_window(input, end, &window, letters | lane_letters(&window, 0))
}

/// The bytes before `end` (fewer than `N`: the input's start) right-aligned in `N` bytes,
/// zeros (no letters, no label bytes) before them.
#[inline(always)]
fn right_aligned<const N: usize>(input: &[u8], end: usize) -> [u8; N] {
    let mut buf = [0u8; N];
    let bytes = input.get(..end).unwrap_or(&[]);
    for (dst, src) in buf.iter_mut().rev().zip(bytes.iter().rev()) {
        *dst = *src;
    }
    buf
}

/// True when one of the last three letter runs of `window` may be a key word, from the
/// bit mask of its letters ([`letter_bits`]).
///
/// Those runs hold the last three words of any label ending there (a byte that ends the
/// label only adds runs), so `false` means [`label_ending_at_full`] finds no label either.
/// The highest run end and run start always belong to one run: two bit scans and one
/// table look-up a run. Empty masks scan to bit 0 (`| 1`), a one-letter run, no key word.
#[inline(always)]
fn runs_maybe(window: &[u8; MAX_LABEL], letters: u32) -> bool {
    let mut ends = letters & !(letters >> 1); // a letter with no letter after it
    let mut starts = letters & !(letters << 1); // a letter with no letter before it
    for _ in 0..3 {
        let last = (ends | 1).ilog2() as usize;
        let first = (starts | 1).ilog2() as usize;
        let (Some(&l), Some(&f)) = (window.get(last), window.get(first)) else {
            return false;
        };
        if maybe_key_word(last.wrapping_sub(first), f, l) {
            return true;
        }
        ends ^= 1 << last;
        starts ^= 1 << first;
    }
    false
}

/// The ASCII letters of `window` as bits, bit `i` for `window[i]`, or at least those of
/// the last three letter runs (all a caller reads).
///
/// Lane after lane from the top, as one chain: as independent lanes the compiler would
/// vectorise them into emulated 64-bit multiplies, which costs more. The first lane is
/// read only when the three others do not hold three runs that start after their first
/// byte (in prose they mostly do).
#[inline(always)]
fn letter_bits(window: &[u8; MAX_LABEL]) -> u32 {
    let mut letters = lane_letters(window, 3);
    letters = letters << 8 | lane_letters(window, 2);
    letters = letters << 8 | lane_letters(window, 1);
    let starts_after_first_byte = letters & !(letters << 1) & !1;
    letters <<= 8;
    if starts_after_first_byte.count_ones() < 3 {
        letters |= lane_letters(window, 0);
    }
    letters
}

/// The ASCII letters of the eight bytes of `window` from `8 * q` as bits.
#[inline(always)]
fn lane_letters(window: &[u8; MAX_LABEL], q: usize) -> u32 {
    let mut b = [0u8; 8];
    if let Some(chunk) = window.get(8 * q..8 * q + 8) {
        b.copy_from_slice(chunk);
    }
    byte_bits(letter_mask(u64::from_le_bytes(b)))
}

/// [`label_ending_at`] without the word filter first: the label bytes read in full.
///
/// The label bytes are the [`LABEL`] bytes before `end`, at most [`MAX_LABEL`]; their
/// words are their letter runs, less the first when [`MAX_LABEL`] cut the label bytes
/// off (it may be the end of a longer word). The last three words are matched against
/// the table, longest phrase first, nearest first.
#[inline(never)] // the rare case: kept out of the filter's frame
fn label_ending_at_full(input: &[u8], end: usize) -> Option<Label> {
    let bytes = input.get(..end)?;
    let padded;
    let window = match window_in_place(bytes, end) {
        Some(window) => window,
        None => {
            padded = right_aligned(input, end);
            &padded
        }
    };
    let letters = (0..4)
        .rev()
        .fold(0, |m, q| m << 8 | lane_letters(window, q));
    label_in_window(input, end, window, letters)
}

/// [`label_ending_at_full`] of the `window` ending at `end`, whose letters are `letters`.
#[inline(always)]
fn label_in_window(
    input: &[u8],
    end: usize,
    window: &[u8; MAX_LABEL],
    letters: u32,
) -> Option<Label> {
    let (words, count) = last_words(input, end, window, letters);
    match_phrases(window, &words, count)
}

/// The last three words of the label bytes ending `window` (which ends at `end`; its
/// letters are `letters`), nearest first, as the window positions of their first and
/// last letters, and how many there are.
///
/// The letter runs come from the top as in [`runs_maybe`]; the bytes between them must be
/// label bytes, else the label starts after them.
#[inline(always)]
fn last_words(
    input: &[u8],
    end: usize,
    window: &[u8; MAX_LABEL],
    letters: u32,
) -> ([(usize, usize); 3], usize) {
    let label_bytes = |from: usize, to: usize| {
        window
            .get(from..to)
            .is_some_and(|gap| gap.iter().all(|&b| is(b, LABEL)))
    };
    let mut ends = letters & !(letters >> 1);
    let mut starts = letters & !(letters << 1);
    let mut words = [(0, 0); 3];
    let mut count = 0usize;
    let mut top = MAX_LABEL; // the bytes from `top` on are label bytes
    // A fourth run tells that the first run, cut off or not, is none of the last three.
    while count < 4 {
        if ends == 0 {
            // No more runs: were all the window's bytes label bytes, cut off by it?
            let cut =
                label_bytes(0, top) && end > MAX_LABEL && is(at(input, end - MAX_LABEL - 1), LABEL);
            if cut {
                count = count.saturating_sub(1); // its first run is no word
            }
            break;
        }
        let last = ends.ilog2() as usize;
        let first = (starts | 1).ilog2() as usize;
        if !label_bytes(last + 1, top) {
            break; // the label bytes start above this run
        }
        if let Some(word) = words.get_mut(count) {
            *word = (first, last);
        }
        count += 1;
        top = first;
        ends ^= 1 << last;
        starts ^= 1 << first;
    }
    (words, count.min(3))
}

/// The label of the phrases the `count` words (nearest first) make, longest first,
/// nearest first; only phrases holding a possible key word are looked up.
#[inline(always)]
fn match_phrases(
    window: &[u8; MAX_LABEL],
    words: &[(usize, usize); 3],
    count: usize,
) -> Option<Label> {
    // The window in lower case (`| 0x20` lower-cases letters; other bytes are either
    // outside the words or overwritten), one space in each one-byte gap between words:
    // then most phrases are slices of it.
    let mut lower = *window;
    for b in lower.iter_mut() {
        *b |= 0x20;
    }
    let mut one_space = 0u32; // bit `k`: one byte between words `k + 1` and `k`
    let mut key = 0u32; // bit `k`: word `k` may be a key word
    for (k, &(first, last)) in words.iter().enumerate().take(count) {
        if maybe_key_word(
            last.wrapping_sub(first),
            at(window, first),
            at(window, last),
        ) {
            key |= 1 << k;
        }
        if let Some(&(near_first, _)) = k.checked_sub(1).and_then(|near| words.get(near)) {
            if last + 2 == near_first {
                if let Some(gap) = lower.get_mut(last + 1) {
                    *gap = b' ';
                }
                one_space |= 1 << (k - 1);
            }
        }
    }
    for &(near, far) in PHRASES_TO_TRY.get(count)?.iter() {
        if key & ((2 << far) - (1 << near)) == 0 {
            continue; // every phrase holds a key word
        }
        let joined = (1 << far) - (1 << near); // the gaps inside the phrase
        let label = if one_space & joined == joined {
            lower
                .get(words.get(far)?.0..=words.get(near)?.1)
                .and_then(phrase)
        } else {
            spelt_out(&lower, words.get(near..=far)?)
        };
        if label.is_some() {
            return label;
        }
    }
    None
}

/// For each number of words, the phrases to try as (nearest, farthest) word (0 the
/// nearest): longest first, nearest first.
const PHRASES_TO_TRY: [&[(usize, usize)]; 4] = [
    &[],
    &[(0, 0)],
    &[(0, 1), (0, 0), (1, 1)],
    &[(0, 2), (0, 1), (1, 2), (0, 0), (1, 1), (2, 2)],
];

/// [`phrase`] of `words` (nearest first) of `lower`, joined by one space.
#[cold]
#[inline(never)]
fn spelt_out(lower: &[u8; MAX_LABEL], words: &[(usize, usize)]) -> Option<Label> {
    let mut text = [0u8; MAX_LABEL + 2];
    let mut len = 0;
    for &(first, last) in words.iter().rev() {
        let gap = usize::from(len > 0);
        let word = lower.get(first..=last)?;
        text.get_mut(len..len + gap)?.fill(b' ');
        text.get_mut(len + gap..len + gap + word.len())?
            .copy_from_slice(word);
        len += gap + word.len();
    }
    text.get(..len).and_then(phrase)
}

/// [`label_ending_at_full`] as it was written first, byte by byte: the reference the
/// tests hold it to.
#[cfg(test)]
fn label_ending_at_reference(input: &[u8], end: usize) -> Option<Label> {
    // Label bytes, read backwards once; on the way, each of the last three words (runs of
    // letters; only they can form a label) is looked up in the vocabulary filter, so
    // ordinary words before a value (prose) cost no more.
    let mut maybe = false;
    let mut word_len = 0;
    let mut word_last = 0u8;
    let mut word_first = 0u8;
    let mut runs = 0;
    let window = input.get(end.saturating_sub(MAX_LABEL)..end)?;
    let mut n = 0;
    for &b in window.iter().rev() {
        if !is(b, LABEL) {
            break;
        }
        if b.is_ascii_alphabetic() {
            if word_len == 0 {
                word_last = b;
            }
            word_first = b;
            word_len += 1;
        } else if word_len > 0 {
            maybe |= maybe_vocabulary(word_len, word_first, word_last);
            word_len = 0;
            runs += 1;
            if runs == 3 && !maybe {
                // Only the last three words can form a label.
                return None;
            }
        }
        n += 1;
    }
    let i = end - n;
    if word_len > 0 {
        maybe |= maybe_vocabulary(word_len, word_first, word_last);
    }
    if n == 0 || !maybe {
        return None; // `,` or a quote before the value (tables), or no label word (prose)
    }
    let capped = n == MAX_LABEL && i > 0 && is(at(input, i - 1), LABEL);
    let seg = input.get(i..end)?;
    // Normalise into words.
    let mut buf = [0u8; MAX_LABEL];
    let mut len = 0;
    let mut starts = [0usize; MAX_LABEL];
    let mut words = 0;
    let mut in_word = false;
    let mut skip_first = capped; // a cut-off first word is not a word
    for &b in seg {
        if b.is_ascii_alphabetic() {
            if !in_word {
                if len > 0 && !skip_first {
                    if let Some(x) = buf.get_mut(len) {
                        *x = b' ';
                    }
                    len += 1;
                }
                if !skip_first {
                    if let Some(x) = starts.get_mut(words) {
                        *x = len;
                    }
                    words += 1;
                }
                in_word = true;
            }
            if !skip_first {
                if let Some(x) = buf.get_mut(len) {
                    *x = b.to_ascii_lowercase();
                }
                len += 1;
            }
        } else {
            if in_word {
                skip_first = false;
            }
            in_word = false;
        }
    }
    if words == 0 {
        return None;
    }
    let text = buf.get(..len)?;
    let first = words.saturating_sub(3);
    // Longest phrase first, nearest first.
    for size in (1..=words - first).rev() {
        for w in (first..=words - size).rev() {
            let from = starts.get(w).copied().unwrap_or(0);
            let to = match starts.get(w + size) {
                Some(&next) if w + size < words => next - 1,
                _ => len,
            };
            if let Some(l) = text.get(from..to).and_then(phrase) {
                return Some(l);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Option<Label> {
        label_before(s.as_bytes(), s.len())
    }

    /// The phrases [`phrase`] matches (kept in step with it).
    const PHRASES: &[&str] = &[
        "nik",
        "ktp",
        "ektp",
        "e ktp",
        "nomor induk kependudukan",
        "induk kependudukan",
        "kia",
        "kk",
        "nkk",
        "kartu keluarga",
        "npwp",
        "nitku",
        "noka",
        "bpjs",
        "no kartu",
        "nomor kartu",
        "nokartu",
        "jkn",
        "kis",
        "jkn kis",
        "bpjs kesehatan",
        "no peserta",
        "nomor peserta",
        "kpj",
        "bpjs ketenagakerjaan",
        "bpjs tk",
        "jamsostek",
        "nip",
        "hp",
        "telp",
        "tlp",
        "telepon",
        "telpon",
        "phone",
        "ponsel",
        "handphone",
        "wa",
        "whatsapp",
        "mobile",
        "tel",
        "msisdn",
        "kontak",
        "email",
        "e mail",
        "surel",
        "mail",
        "kartu kredit",
        "credit card",
        "card number",
        "card no",
        "cc",
        "kartu debit",
        "debit card",
        "pan",
        "card",
        "rp",
        "idr",
        "usd",
        "order",
        "order id",
        "invoice",
        "inv",
        "trx",
        "transaksi",
        "resi",
        "ref",
        "harga",
        "total",
        "saldo",
        "nominal",
    ];

    #[test]
    fn vocabulary_holds_every_phrase_word() {
        for p in PHRASES {
            assert!(phrase(p.as_bytes()).is_some(), "{p}");
            let key = p
                .split(' ')
                .find(|w| VOCABULARY.contains(&w.as_bytes()))
                .unwrap_or_else(|| panic!("no key word in {p:?}"));
            let b = key.as_bytes();
            let (f, l) = (b[0], b[b.len() - 1]);
            assert!(maybe_vocabulary(b.len(), f, l), "{key}");
            assert!(
                maybe_vocabulary(b.len(), f.to_ascii_uppercase(), l.to_ascii_uppercase()),
                "{key}"
            );
        }
        // Ordinary words mostly miss the filter (what makes it worth having).
        let prose = [
            "pasien", "dirujuk", "ke", "poli", "dalam", "dengan", "keluhan", "demam",
        ];
        let misses = prose
            .iter()
            .filter(|w| {
                let b = w.as_bytes();
                !maybe_vocabulary(b.len(), b[0], b[b.len() - 1])
            })
            .count();
        assert!(misses >= 6, "{misses}");
        // Labels after ordinary words still count; ordinary words alone are none.
        assert_eq!(l("pasien dengan NIK "), Some(Label::Kind(Kind::Nik)));
        assert_eq!(l("pasien dirujuk ke poli "), None);
        assert_eq!(l("budi@contoh.co.id "), None);
        assert_eq!(l("No. KTP "), Some(Label::Kind(Kind::Nik)));
        assert_eq!(l("Order ID: "), Some(Label::Negative));
        assert_eq!(
            l("x nomor induk kependudukan "),
            Some(Label::Kind(Kind::Nik))
        );
    }

    /// Each word followed by its separator, as one string.
    fn joined(words: &[String], seps: &[String]) -> String {
        words
            .iter()
            .zip(seps)
            .flat_map(|(w, sep)| [w.as_str(), sep.as_str()])
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn word_filter_first_changes_nothing(
            words in proptest::collection::vec(
                "(nik|kk|No|kartu|keluarga|bpjs|tk|Rp|order|id|e|mail|pasien|dalam|ke|hari|3171|x_y|NIK|peserta)",
                0..8,
            ),
            seps in proptest::collection::vec("[ ._/:,-]{0,2}", 8),
        ) {
            let s = joined(&words, &seps);
            let b = s.as_bytes();
            for end in 0..=b.len() {
                proptest::prop_assert_eq!(label_ending_at(b, end), label_ending_at_full(b, end), "{:?} {}", s, end);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn email_label_agrees_with_the_full_label(
            words in proptest::collection::vec(
                "(email|E-Mail|mail|MAIL|surel|Surel|sure|mai|ail|rel|e|nik|kartu|pasien|kontrol|x@y|3171|surelmail)",
                0..8,
            ),
            seps in proptest::collection::vec("[ ._/:,=\"-]{0,3}", 8),
        ) {
            let s = joined(&words, &seps);
            let b = s.as_bytes();
            for end in 0..=b.len() {
                let want = label_before(b, end) == Some(Label::Kind(Kind::Email));
                proptest::prop_assert_eq!(email_label_before(b, end), want, "{:?} {}", s, end);
            }
        }
    }

    /// Words of the label phrases that are no key words, and ordinary words, some close
    /// to key words (same first and last letter, or a key word inside).
    const OTHER_WORDS: &[&str] = &[
        "nomor",
        "induk",
        "keluarga",
        "no",
        "kesehatan",
        "ketenagakerjaan",
        "tk",
        "e",
        "kredit",
        "credit",
        "number",
        "debit",
        "id",
        "pasien",
        "dirujuk",
        "ke",
        "poli",
        "dalam",
        "dengan",
        "keluhan",
        "demam",
        "kakak",
        "nikah",
        "mailbox",
        "surelx",
        "xnik",
        "hap",
        "nak",
        "kek",
        "x",
        "ab",
        "total",
        "wkwk",
        "pasienpasienpasienpasien",
        "kependudukanx",
    ];
    /// What may stand between words: separators, glue, digits, non-ASCII bytes.
    const BETWEEN: &[&[u8]] = &[
        b" ",
        b"",
        b".",
        b"_",
        b"-",
        b"/",
        b": ",
        b"=",
        b"\"",
        b"'",
        b",",
        b"\n",
        b"  ",
        b"\xc2\xa0",
        b"\xc3\xa9",
        b"\xff",
        b"3171",
        b"0",
        b"@",
        b"(",
        b"#",
        b" . ",
        b"\t",
        b"`",
        b"{",
        b"~",
        b"[",
        b"^",
    ];

    /// Text from `parts`: (word index, case bits, separator index) each.
    fn mixed_text(parts: &[(usize, u32, usize)]) -> Vec<u8> {
        let mut out = Vec::new();
        for &(w, case, sep) in parts {
            let word: &[u8] = match VOCABULARY.get(w) {
                Some(k) => k,
                None => OTHER_WORDS[(w - VOCABULARY.len()) % OTHER_WORDS.len()].as_bytes(),
            };
            for (k, &b) in word.iter().enumerate() {
                out.push(if case >> (k % 32) & 1 != 0 {
                    b.to_ascii_uppercase()
                } else {
                    b
                });
            }
            out.extend_from_slice(BETWEEN[sep % BETWEEN.len()]);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The fast paths give what reading the label in full gives, at every end, on text
        /// mixing key words (any case), other words, separators, digits and non-ASCII bytes.
        #[test]
        fn fast_paths_agree_with_the_full_label(
            parts in proptest::collection::vec(
                (0..VOCABULARY.len() + OTHER_WORDS.len(), proptest::prelude::any::<u32>(), 0..BETWEEN.len() * 3),
                0..14,
            ),
        ) {
            let b = mixed_text(&parts);
            for end in 0..=b.len() + 1 {
                let full = label_ending_at_full(&b, end);
                proptest::prop_assert_eq!(full, label_ending_at_reference(&b, end), "{:?} {}", b, end);
                proptest::prop_assert_eq!(label_ending_at(&b, end), full, "{:?} {}", b, end);
                proptest::prop_assert_eq!(
                    email_label_ending_at(&b, end),
                    full == Some(Label::Kind(Kind::Email)),
                    "{:?} {}", b, end
                );
                proptest::prop_assert_eq!(label_end(&b, end), label_end_reference(&b, end));
                let want = match label_end_reference(&b, end) {
                    0 => None,
                    e => label_ending_at_full(&b, e),
                };
                proptest::prop_assert_eq!(label_before(&b, end), want);
                proptest::prop_assert_eq!(
                    email_label_before(&b, end),
                    want == Some(Label::Kind(Kind::Email))
                );
            }
        }
    }

    #[test]
    fn trigrams_hold_every_key_word() {
        for w in VOCABULARY {
            for case in 0..4u32 {
                let word: Vec<u8> = w
                    .iter()
                    .enumerate()
                    .map(|(k, &b)| {
                        if case >> (k % 2) & 1 != 0 {
                            b.to_ascii_uppercase()
                        } else {
                            b
                        }
                    })
                    .collect();
                for before in 0..=255u8 {
                    let mut t = vec![before; 4];
                    t.extend_from_slice(&word);
                    let last4: [u8; 4] = t[t.len() - 4..].try_into().unwrap();
                    assert!(maybe_key_trigram(u32::from_be_bytes(last4)), "{t:?}");
                }
            }
        }
        // Ordinary words mostly miss (what makes the filter worth having).
        let prose = [
            "pasien", "dirujuk", "ke", "poli", "dalam", "dengan", "keluhan", "demam", "batuk",
            "sejak", "hari", "kontrol",
        ];
        let misses = prose
            .iter()
            .filter(|w| {
                let t = format!("  {w}");
                let last4: [u8; 4] = t.as_bytes()[t.len() - 4..].try_into().unwrap();
                !maybe_key_trigram(u32::from_be_bytes(last4))
            })
            .count();
        assert!(misses >= 10, "{misses}");
    }

    #[test]
    fn email_words_end_like_email() {
        for w in ["mail", "email", "surel"] {
            for case in 0..32u32 {
                let word: Vec<u8> = w
                    .bytes()
                    .enumerate()
                    .map(|(k, b)| {
                        if case >> k & 1 != 0 {
                            b.to_ascii_uppercase()
                        } else {
                            b
                        }
                    })
                    .collect();
                let last4: [u8; 4] = word[word.len() - 4..].try_into().unwrap();
                assert!(ends_like_email(u32::from_be_bytes(last4)), "{word:?}");
            }
        }
        for w in [b" ail", b"mai ", b"surl", b"kail"] {
            let x = u32::from_be_bytes(*w);
            assert_eq!(ends_like_email(x), w.ends_with(b"ail"), "{w:?}");
        }
    }

    /// Glue forms between a label and its value.
    const GLUES: &[&str] = &[
        "", " ", ": ", ":", "=", " = ", "\": \"", "\":\"", "\" : ", " : ", "#", "(", "'", ":\t",
        "  ", "[", "{\"", ">", " (", ":\u{a0}", "\n",
    ];
    /// What joins the words of a phrase.
    const PHRASE_SEPS: &[&str] = &[" ", "_", ".", "-", "/", "", ". ", "  "];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// Every phrase, any case, its words joined any way, in every glue form, after
        /// ordinary words: the label read before a value agrees with the references.
        #[test]
        fn every_label_in_every_glue_form(
            prefix in proptest::collection::vec(0..OTHER_WORDS.len(), 0..8),
            which in 0..PHRASES.len(),
            case in proptest::prelude::any::<u32>(),
            sep in 0..PHRASE_SEPS.len(),
            glue in 0..GLUES.len(),
        ) {
            let mut text = String::new();
            for &w in &prefix {
                text.push_str(OTHER_WORDS[w]);
                text.push(' ');
            }
            let phrase_text = PHRASES[which].replace(' ', PHRASE_SEPS[sep]);
            for (k, c) in phrase_text.chars().enumerate() {
                text.push(if case >> (k % 32) & 1 != 0 { c.to_ascii_uppercase() } else { c });
            }
            text.push_str(GLUES[glue]);
            let s = text.len();
            text.push_str("3171011908004782");
            let b = text.as_bytes();
            let want = match label_end_reference(b, s) {
                0 => None,
                e => label_ending_at_reference(b, e),
            };
            proptest::prop_assert_eq!(label_before(b, s), want, "{:?}", text);
            proptest::prop_assert_eq!(
                email_label_before(b, s),
                want == Some(Label::Kind(Kind::Email)),
                "{:?}", text
            );
            if PHRASE_SEPS[sep] == " " && GLUES[glue] == ": " {
                proptest::prop_assert_eq!(want, phrase(PHRASES[which].as_bytes()), "{:?}", text);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Long random text of letters, separators and digits: every fast path agrees with
        /// reading the label in full, at every end.
        #[test]
        fn random_text_agrees_with_the_full_label(
            text in "[a-zA-Z ._/:=0-9\"-]{0,100}",
        ) {
            let b = text.as_bytes();
            for end in 0..=b.len() {
                let full = label_ending_at_full(b, end);
                proptest::prop_assert_eq!(label_ending_at(b, end), full, "{:?} {}", text, end);
                proptest::prop_assert_eq!(
                    email_label_ending_at(b, end),
                    full == Some(Label::Kind(Kind::Email)),
                    "{:?} {}", text, end
                );
                proptest::prop_assert_eq!(full, label_ending_at_reference(b, end), "{:?} {}", text, end);
            }
        }
    }

    #[test]
    fn email_window_filter() {
        for w in [
            "mail",
            "E-MAIL",
            "x surel",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaasurel",
            "mailaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ] {
            assert!(may_name_email(&right_aligned(w.as_bytes(), w.len())), "{w}");
        }
        for w in [
            "",
            "kontrol poli keluhan dalam",
            "mal",
            "sure l",
            "ail",
            "rel",
        ] {
            assert!(
                !may_name_email(&right_aligned(w.as_bytes(), w.len())),
                "{w}"
            );
        }
        // The `l` at every place of the window: every lane and byte of the mask.
        for l in 8..EMAIL_CONTEXT {
            for word in [&b"mail"[..], b"surel"] {
                let mut context = [b'x'; EMAIL_CONTEXT];
                context[l + 1 - word.len()..=l].copy_from_slice(word);
                assert!(may_name_email(&context), "{l}");
                context[l] = b'k';
                assert!(!may_name_email(&context), "{l}");
            }
        }
    }

    #[test]
    fn byte_masks_are_exact() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                for other in [b'x', b'0', 0xFF, b'`', b'{'] {
                    let mut w = [other; 8];
                    w[pos] = b;
                    let flags = letter_mask(u64::from_le_bytes(w));
                    let want: u64 = (0..8)
                        .filter(|&k| w[k].is_ascii_alphabetic())
                        .map(|k| 0x80u64 << (8 * k))
                        .sum();
                    assert_eq!(flags, want, "{b} at {pos} among {other}");
                }
            }
        }
        for bits in 0..=255u32 {
            let m: u64 = (0..8)
                .filter(|k| bits >> k & 1 != 0)
                .map(|k| 0x80u64 << (8 * k))
                .sum();
            assert_eq!(byte_bits(m), bits);
        }
    }

    #[test]
    fn labels() {
        assert_eq!(l("NIK: "), Some(Label::Kind(Kind::Nik)));
        assert_eq!(l("No. KTP "), Some(Label::Kind(Kind::Nik)));
        assert_eq!(l("Nomor Kartu Keluarga: "), Some(Label::Kind(Kind::Kk)));
        assert_eq!(l("No. Kartu "), Some(Label::Kind(Kind::BpjsKesehatan)));
        assert_eq!(l("no kartu kredit "), Some(Label::Kind(Kind::PaymentCard)));
        assert_eq!(l("{\"no_hp\":\""), Some(Label::Kind(Kind::Phone)));
        assert_eq!(l("\"nik\" : "), Some(Label::Kind(Kind::Nik)));
        assert_eq!(l("nik_pasien="), Some(Label::Kind(Kind::Nik)));
        assert_eq!(l("Total Rp "), Some(Label::Negative));
        assert_eq!(l("3171011708450001 HP "), Some(Label::Kind(Kind::Phone)));
        assert_eq!(l("nama: Budi, "), None);
        assert_eq!(l(""), None);
        assert_eq!(l("kakak "), None);
        assert_eq!(
            l("BPJS Ketenagakerjaan: "),
            Some(Label::Kind(Kind::BpjsKetenagakerjaan))
        );
        assert_eq!(l("NIK Ibu: "), Some(Label::Kind(Kind::Nik)));
    }
}
