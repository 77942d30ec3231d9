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
/// next address's local part starts inside the domain (`x@budi.santoso@gmail.com`,
/// `x@budi.santo%k@g.com`: overlapping addresses) the span goes on to the end of the
/// last address of the chain, so the masked form hides every local part; the chain
/// stops where the span would pass [`super::MAX_FINDING_LEN`].
#[inline]
pub(crate) fn around(input: &[u8], a: usize) -> Option<(usize, usize)> {
    let (start, end) = span(input, a);
    (end != 0).then_some((start, end))
}

/// [`around`] with `end == 0` for no address: a plain pair stays in registers, where an
/// `Option` of it went through memory. Inlined into the e-mail stream: with the long
/// local parts and domains out of line it is small, and the call cost more.
///
/// The common case, plain ASCII `local@domain` with no chain, is read in blocks of
/// bytes: the local part backwards, the domain forwards, every byte classified once.
/// Anything unusual goes to the byte reading; each way out returns at once (merged into
/// one `Result`, the pair went through memory).
#[inline]
fn span(input: &[u8], a: usize) -> (usize, usize) {
    let start = match local_words(input, a) {
        Ok(Some(start)) => start,
        Ok(None) => return (0, 0),
        Err(Unsure) => return bytes_span(input, a),
    };
    match domain_words(input, a + 1) {
        Ok(Some(end)) => (start, end),
        Ok(None) => (0, 0),
        Err(Unsure) => bytes_span(input, a),
    }
}

/// [`around_bytes`] as [`span`] gives it.
#[cold]
#[inline(never)]
fn bytes_span(input: &[u8], a: usize) -> (usize, usize) {
    around_bytes(input, a).unwrap_or((0, 0))
}

/// The word-at-a-time reading met something unusual: a non-ASCII byte at an edge (maybe
/// an invisible character), an `@` or another local-part character right after the
/// domain (maybe an overlapping address), a local part
/// of 32 bytes or more, a domain of 64 or more. The byte reading decides.
struct Unsure;

/// Flags of a byte for the word reading, one bit field per class. Shifting in the flags
/// of a run of bytes, the last first (`acc << 1 | flags`), leaves bit `i` of each field
/// saying whether byte `i` is of that class: one load and two operations a byte give
/// every class at once.
type Flags = [u64; 256];

/// Local-part flags: characters of a local part (`[A-Za-z0-9._%+-]`) in bits 0-31,
/// dots in bits 32-63 (32 bytes at most).
static LOCAL_FLAGS: Flags = flag_table(false);
/// Shift of the dots in [`LOCAL_FLAGS`].
const L_DOT: u32 = 32;

/// Domain flags, 16-bit fields (16 bytes at most): domain characters (`[A-Za-z0-9.-]`),
/// dots, hyphens, ASCII letters, at these shifts.
static DOMAIN_FLAGS: Flags = flag_table(true);
/// Shift of the dots in [`DOMAIN_FLAGS`].
const D_DOT: u32 = 16;
/// Shift of the hyphens in [`DOMAIN_FLAGS`].
const D_HYPHEN: u32 = 32;
/// Shift of the ASCII letters in [`DOMAIN_FLAGS`].
const D_ALPHA: u32 = 48;

/// The flags of every byte, from the byte classes of `class.rs` (`LOCAL`, `DOMAIN`).
const fn flag_table(domain_table: bool) -> Flags {
    let classes = super::class::build();
    let mut t = [0; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let dot = b == b'.';
        t[i] = if domain_table {
            (classes[i] & super::class::DOMAIN != 0) as u64
                | (dot as u64) << D_DOT
                | ((b == b'-') as u64) << D_HYPHEN
                | (b.is_ascii_alphabetic() as u64) << D_ALPHA
        } else {
            (classes[i] & super::class::LOCAL != 0) as u64 | (dot as u64) << L_DOT
        };
        i += 1;
    }
    t
}

/// The flags of a byte at each place of an eight-byte block, already shifted there:
/// `t[i][b]` is `flags[b] << i`. The flags of a block are then an `or` of eight loads,
/// one load and one operation a byte (shifting each in cost two operations).
type Placed = [Flags; 8];

/// [`LOCAL_FLAGS`] at each place of a block.
static LOCAL_PLACED: Placed = placed(&LOCAL_FLAGS);
/// [`DOMAIN_FLAGS`] at each place of a block.
static DOMAIN_PLACED: Placed = placed(&DOMAIN_FLAGS);

/// `flags` at each place of a block (see [`Placed`]).
const fn placed(flags: &Flags) -> Placed {
    let mut t = [[0; 256]; 8];
    let mut i = 0;
    while i < 8 {
        let mut b = 0;
        while b < 256 {
            t[i][b] = flags[b] << i;
            b += 1;
        }
        i += 1;
    }
    t
}

/// `acc` with the flags of `bytes` shifted in, the last byte first: `acc << N` with the
/// flags of byte `i` at bit `i` of each field (see [`Flags`]). `N` is 8 or 16.
#[inline(always)]
fn shift_in<const N: usize>(acc: u64, bytes: &[u8; N], table: &Placed) -> u64 {
    let block = |k: usize| {
        bytes
            .iter()
            .skip(8 * k)
            .take(8)
            .zip(table)
            .fold(0, |m, (&b, t)| m | t[usize::from(b)])
    };
    (0..N / 8).rev().fold(acc, |f, k| f << 8 | block(k))
}

/// The `N` bytes from `input[i]`, in place, or copied into `tail` with zero bytes past
/// the input's end.
#[inline(always)]
fn chunk<'a, const N: usize>(input: &'a [u8], i: usize, tail: &'a mut [u8; N]) -> &'a [u8; N] {
    match input.get(i..).and_then(<[u8]>::first_chunk) {
        Some(c) => c,
        None => {
            *tail = core::array::from_fn(|k| at(input, i + k));
            tail
        }
    }
}

/// The eight bytes before `input[end]` ([`chunk`]), zero bytes before the input's start.
#[inline(always)]
fn chunk_before<'a>(input: &'a [u8], end: usize, tail: &'a mut [u8; 8]) -> &'a [u8; 8] {
    match end.checked_sub(8) {
        Some(i) => chunk(input, i, tail),
        None => {
            *tail = core::array::from_fn(|k| (k + end).checked_sub(8).map_or(0, |i| at(input, i)));
            tail
        }
    }
}

/// The start of the local part before the `@` at `a` (`None`: no valid one), read
/// backwards eight bytes at a time into bit masks of its characters and dots. The first
/// two blocks are read apart and in place (near the input's start the byte reading
/// decides), as in [`domain_words`]: local parts of up to 15 bytes (most of them) end
/// there, and a call for the second block cost more than reading it.
#[inline(always)]
fn local_words(input: &[u8], a: usize) -> Result<Option<usize>, Unsure> {
    let before = input.get(..a).filter(|_| a < input.len()).ok_or(Unsure)?;
    let (rest, bytes) = before.split_last_chunk::<8>().ok_or(Unsure)?;
    let f = shift_in(0, bytes, &LOCAL_PLACED);
    if !f & 0xFF != 0 {
        return local_start(a, 1, bytes, f);
    }
    let Some(bytes) = rest.last_chunk::<8>() else {
        return local_words_long(input, a, 2, f);
    };
    let f = shift_in(f, bytes, &LOCAL_PLACED);
    if !f & 0xFF != 0 {
        return local_start(a, 2, bytes, f);
    }
    local_words_long(input, a, 3, f)
}

/// [`local_words`] from block `from` (counted from 1) on, past `from - 1` blocks of
/// local-part bytes whose flags are `f`.
#[inline(never)]
fn local_words_long(
    input: &[u8],
    a: usize,
    from: usize,
    mut f: u64,
) -> Result<Option<usize>, Unsure> {
    let mut tail = [0; 8];
    for k in from..5 {
        // All bytes so far are local-part characters, so none is before the input's start.
        let bytes = chunk_before(input, a.saturating_sub(8 * (k - 1)), &mut tail);
        f = shift_in(f, bytes, &LOCAL_PLACED);
        if !f & 0xFF != 0 {
            return local_start(a, k, bytes, f);
        }
    }
    Err(Unsure)
}

/// The start of the local part before the `@` at `a` once block `k` (counted from 1)
/// of `bytes` holds the byte before it: `f` has the flags of the `8 * k` bytes before `a`.
#[inline(always)]
fn local_start(a: usize, k: usize, bytes: &[u8; 8], f: u64) -> Result<Option<usize>, Unsure> {
    let other = !f & 0xFF;
    let j = 63usize.saturating_sub(other.leading_zeros() as usize); // the byte before the run
    if bytes.get(j).is_none_or(|&b| b >= 0x80) {
        return Err(Unsure);
    }
    let n = 8 * k - j - 1; // the local part's length
    let d = f >> L_DOT >> (j + 1); // bit i: byte `a - n + i` is a dot
    // Empty, a dot first or last, or `..`.
    let bad = n == 0 || d & 1 != 0 || d >> (n - 1) != 0 || d & (d >> 1) != 0;
    Ok((!bad).then_some(a - n))
}

/// The end of the domain starting at `d0` (`None`: no valid one), read forwards 16
/// bytes at a time into bit masks of its dots, hyphens and letters. The first block is
/// read apart: most domains end in it, and then no masks are carried between blocks.
#[inline(always)]
fn domain_words(input: &[u8], d0: usize) -> Result<Option<usize>, Unsure> {
    // Near the input's end the byte reading decides: a copy of the bytes here would be
    // a second path through the block, which costs the common case more than it saves.
    let bytes = input
        .get(d0..)
        .and_then(<[u8]>::first_chunk::<16>)
        .ok_or(Unsure)?;
    let f = shift_in(0, bytes, &DOMAIN_PLACED);
    let field = |shift: u32| f >> shift & 0xFFFF;
    let (dots, hyphens, alpha) = (field(D_DOT), field(D_HYPHEN), field(D_ALPHA));
    if !f & 0xFFFF == 0 {
        return domain_words_long(input, d0, dots, hyphens, alpha);
    }
    let j = (!f & 0xFFFF).trailing_zeros() as usize; // the byte after the run
    let next = bytes.get(j).copied().unwrap_or(0);
    Ok(run_end(next, j, dots, hyphens, alpha)?.map(|end| d0 + end))
}

/// [`domain_words`] past a first block of 16 domain bytes, whose masks are given.
#[inline(never)]
fn domain_words_long(
    input: &[u8],
    d0: usize,
    mut dots: u64,
    mut hyphens: u64,
    mut alpha: u64,
) -> Result<Option<usize>, Unsure> {
    for k in 1..4 {
        let mut tail = [0; 16];
        let bytes = chunk(input, d0 + 16 * k, &mut tail);
        let f = shift_in(0, bytes, &DOMAIN_PLACED);
        let field = |shift: u32| (f >> shift & 0xFFFF) << (16 * k);
        dots |= field(D_DOT);
        hyphens |= field(D_HYPHEN);
        alpha |= field(D_ALPHA);
        let other = !f & 0xFFFF;
        if other == 0 {
            continue;
        }
        let j = other.trailing_zeros() as usize; // the byte after the run
        let next = bytes.get(j).copied().unwrap_or(0);
        return Ok(run_end(next, 16 * k + j, dots, hyphens, alpha)?.map(|end| d0 + end));
    }
    Err(Unsure)
}
/// [`domain_end`] of a run of `n` domain bytes followed by the byte `next`, unless that
/// byte may be an invisible character or lead to the `@` of an overlapping address.
#[inline(always)]
fn run_end(
    next: u8,
    n: usize,
    dots: u64,
    hyphens: u64,
    alpha: u64,
) -> Result<Option<usize>, Unsure> {
    if UNSURE_AFTER_DOMAIN[usize::from(next)] {
        return Err(Unsure);
    }
    Ok(domain_end(n, dots, hyphens, alpha))
}

/// The bytes after a domain's run that leave it to the byte reading (see [`run_end`]):
/// maybe the start of an invisible character (`>= 0xC2`), an `@` or another local-part
/// character. One load where three tests were.
static UNSURE_AFTER_DOMAIN: [bool; 256] = {
    let classes = super::class::build();
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0xC2 || b == b'@' as usize || classes[b] & LOCAL != 0;
        b += 1;
    }
    t
};

/// The length of a domain whose run of domain bytes is `n < 64` long, with the given
/// bit masks of dots, hyphens and letters (bit i: byte i), once the trailing dots and
/// hyphens are left out; `None` when its labels break the rules of [`domain_ok`].
#[inline(always)]
fn domain_end(n: usize, dots: u64, hyphens: u64, alpha: u64) -> Option<usize> {
    let run = (1u64 << n) - 1;
    let end = 64 - (run & !(dots | hyphens)).leading_zeros() as usize;
    let inside = (1u64 << end) - 1; // the domain less its trailing `.`/`-`
    let (d, h) = (dots & inside, hyphens & inside);
    let last = 63usize.checked_sub(d.leading_zeros() as usize)?; // the last dot
    // Labels are under 64 bytes. The last is 2+ letters; the others are not empty (no dot
    // first or after a dot) and neither start nor end with `-`.
    let (starts, ends) = (d << 1 | 1, d >> 1);
    let ok = end >= last + 3
        && (inside & !alpha) >> (last + 1) == 0
        && (starts & (d | h)) | (ends & h) == 0;
    ok.then_some(end)
}

/// [`around`] a byte at a time: the reading of every case, the reference of the word
/// reading in tests.
#[cold]
#[inline(never)]
fn around_bytes(input: &[u8], a: usize) -> Option<(usize, usize)> {
    chain(input, a, local_part(input, a)?)
}

/// The start of the local part before the `@` at `a` (`None`: no valid one).
fn local_part(input: &[u8], a: usize) -> Option<usize> {
    match local_ascii(input, a) {
        Local::Start(start) => Some(start),
        Local::No => None,
        Local::Invisible => local_general(input, a),
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

/// [`local_part`] reading invisible characters in and around the local part.
fn local_general(input: &[u8], a: usize) -> Option<usize> {
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
    let empty = last.is_none() || doubled || dot_after || last == Some(b'.');
    (!empty).then_some(start) // not empty, no `..`, no dot first or last
}

/// The span of the address whose local part starts at `start` and whose `@` is at `a`,
/// with the addresses overlapping it.
#[inline(always)]
fn chain(input: &[u8], a: usize, start: usize) -> Option<(usize, usize)> {
    let cap = start + super::MAX_FINDING_LEN;
    let (mut end, mut run) = domain(input, a + 1, a + 1 + MAX_DOMAIN)?;
    while let Some(next) = overlapping_at(input, end, run, cap) {
        let d0 = next + 1;
        match domain(input, d0, cap.min(d0 + MAX_DOMAIN)) {
            Some((e, r)) => (end, run) = (e, r),
            None => break,
        }
    }
    Some((start, end))
}

/// The `@` of the next address when its local part starts before `end`, the end of this
/// address (`run`: the end of its domain's run, trailing `.`, `-` and invisible
/// characters included). Such an address (`x@budi.santoso@gmail.com`,
/// `x@budi.santo%k@g.com`) is hidden by this one, so the span goes on to its end: the
/// masked form then leaves no local part in clear. `None` past `cap`.
#[inline(always)]
fn overlapping_at(input: &[u8], end: usize, run: usize, cap: usize) -> Option<usize> {
    let mut i = run;
    while at(input, i) != b'@' {
        i += if is(at(input, i), LOCAL) {
            1
        } else {
            invisible_at(input, i)?
        };
        if i >= cap {
            return None;
        }
    }
    (local_part(input, i)? < end).then_some(i)
}

/// The domain starting at `d0` and ending at most at `cap`: its end (trailing `.`, `-`
/// and invisible characters left out) and the end of its run (with them).
#[inline(always)]
fn domain(input: &[u8], d0: usize, cap: usize) -> Option<(usize, usize)> {
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
            let visible = input.get(d0..end)?;
            return domain_ok_ascii(visible).then_some((end, e));
        }
        if is(next, DOMAIN) && e >= cap {
            return None; // longer than `cap`
        }
    }
    domain_general(input, d0, cap)
}

/// [`domain`] reading invisible characters in the domain.
fn domain_general(input: &[u8], d0: usize, cap: usize) -> Option<(usize, usize)> {
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
    // Domain characters are ASCII, invisible ones are not: the visible domain is the
    // ASCII bytes of the span.
    let visible = input.get(d0..end)?.iter().copied().filter(u8::is_ascii);
    domain_ok(visible).then_some((end, e))
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
            let general = local_general(b, a).and_then(|start| chain(b, a, start));
            assert_eq!(around(b, a), general, "{}", s.escape_debug());
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
    fn flags_agree_with_the_byte_classes() {
        for b in 0..=255u8 {
            let (l, d) = (LOCAL_FLAGS[usize::from(b)], DOMAIN_FLAGS[usize::from(b)]);
            let want = [
                (l, 0, is(b, LOCAL)),
                (l, L_DOT, b == b'.'),
                (d, 0, is(b, DOMAIN)),
                (d, D_DOT, b == b'.'),
                (d, D_HYPHEN, b == b'-'),
                (d, D_ALPHA, b.is_ascii_alphabetic()),
            ];
            for (f, shift, yes) in want {
                assert_eq!(f >> shift & 1, u64::from(yes), "{b:#x} {shift}");
            }
            let unsure = b >= 0xC2 || b == b'@' || is(b, LOCAL);
            assert_eq!(UNSURE_AFTER_DOMAIN[usize::from(b)], unsure, "{b:#x}");
            assert_eq!(
                l.count_ones() + d.count_ones(),
                want.iter().filter(|w| w.2).count() as u32
            );
        }
    }

    #[test]
    fn placed_flags_are_the_flags_shifted() {
        for (table, flags) in [
            (&LOCAL_PLACED, &LOCAL_FLAGS),
            (&DOMAIN_PLACED, &DOMAIN_FLAGS),
        ] {
            for (i, t) in table.iter().enumerate() {
                for b in 0..256 {
                    assert_eq!(t[b], flags[b] << i);
                }
            }
        }
        // Shifting a block in at once is shifting its bytes in one by one, the last first.
        let bytes = *b"a.b-c_1@x.Y%+ \xc3\x80z";
        let one_by_one = |acc: u64, bytes: &[u8], flags: &Flags| {
            bytes
                .iter()
                .rev()
                .fold(acc, |acc, &b| acc << 1 | flags[usize::from(b)])
        };
        for acc in [0, 0xFF, 0x00FF_00FF, 0x0101_0101] {
            let (b8, b16) = (
                bytes.first_chunk::<8>().unwrap(),
                bytes.first_chunk::<16>().unwrap(),
            );
            assert_eq!(
                shift_in(acc, b8, &LOCAL_PLACED),
                one_by_one(acc, b8, &LOCAL_FLAGS)
            );
            assert_eq!(
                shift_in(acc, b16, &DOMAIN_PLACED),
                one_by_one(acc, b16, &DOMAIN_FLAGS)
            );
        }
    }

    #[test]
    fn chunks_stop_at_the_input_ends() {
        let s = b"0123456789abcdefghij";
        for end in 0..=s.len() {
            let input = &s[..end];
            for i in 0..=end + 17 {
                let want: Vec<u8> = (i..i + 16).map(|k| at(input, k)).collect();
                assert_eq!(chunk::<16>(input, i, &mut [0; 16]).to_vec(), want);
            }
            for e in 0..=end {
                let want: Vec<u8> = (e as isize - 8..e as isize)
                    .map(|k| usize::try_from(k).map_or(0, |k| at(input, k)))
                    .collect();
                assert_eq!(chunk_before(input, e, &mut [0; 8]).to_vec(), want);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn word_reading_agrees_with_the_byte_reading(
            pieces in proptest::collection::vec(
                "([a-c]{1,3}|[A-Z0-9]|\\.|-|@|\\.(id|co|c1)|-\\.co|[a-c]?\\.?@[a-c]{1,2}\\.(co|id)|[_+%]|\u{200B}|\u{AD}|\u{FEFF}|é|\u{80}|[ ,\"\r]|[a-z0-9.]{6,17}|[a-z]{60,70})",
                0..20,
            ),
        ) {
            let s = pieces.concat();
            let b = s.as_bytes();
            // At every `@`, in the whole input and cut short on either side (the
            // word loads past the input's ends).
            for a in (0..b.len()).filter(|&a| b[a] == b'@') {
                // The cuts around 8 and 16 bytes meet the blocks' edges.
                let starts = [0, 3, 9, 16, 17].map(|k| a.saturating_sub(k));
                for start in starts {
                    let ends = [b.len(), a + 1].into_iter().chain(
                        [9, 16, 17, 18].map(|k| (a + k).min(b.len())),
                    );
                    for end in ends {
                        let input = &b[start..end];
                        proptest::prop_assert_eq!(
                            around(input, a - start),
                            around_bytes(input, a - start),
                            "{:?} {} {} {}", s, a, start, end
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn word_reading_agrees_at_the_block_edges() {
        // Local parts and domains of every length up to past two blocks, with one or two
        // dots (or hyphens) at every place, after and before every kind of byte.
        let marks = |n: usize, fill: u8, mark: u8| {
            let mut all = vec![vec![fill; n]];
            for i in 0..n {
                for j in i..n {
                    let mut v = vec![fill; n];
                    v[i] = mark;
                    v[j] = mark;
                    all.push(v);
                }
            }
            all
        };
        let check = |s: &[u8]| {
            let a = s.iter().position(|&b| b == b'@').unwrap();
            assert_eq!(
                around(s, a),
                around_bytes(s, a),
                "{}",
                String::from_utf8_lossy(s)
            );
        };
        let befores: [&[u8]; 5] = [b"", b",", b" ", "é".as_bytes(), b"x,_"];
        for n in 1..=20 {
            for local in marks(n, b'a', b'.') {
                for before in befores {
                    check(&[before, &local, b"@mail.go.id,x"].concat());
                    check(&[before, &local, b"@mail.go.id, and then more text"].concat());
                }
            }
        }
        let afters: [&[u8]; 6] = [b"", b",", b"@b.co", b"%", "é".as_bytes(), b"-,"];
        for n in 1..=20 {
            for mark in [b'.', b'-'] {
                for domain in marks(n, b'b', mark) {
                    for after in afters {
                        for tail in [&b""[..], b" and then more text, past a block"] {
                            let local: &[u8] = b"x,budi.santoso364@";
                            check(&[local, &domain, b".id", after, tail].concat());
                            check(&[b"x,budi@", &domain[..], after, tail].concat());
                        }
                    }
                }
            }
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
        // The next local part may go on past the domain (the fuzzer's case: the
        // address after `x@` was left in clear), through `.`, `-` and invisible
        // characters too; it must be valid and start inside the address.
        for s in [
            "x@budi.santo%k@g.com",
            "x@budi.santo-@g.com",
            "x@budi.santo_a+b@g.com",
            "x@budi.co\u{200B}@g.com",
            "x@budi.co%k@g.com@h.id",
            "x@budi.co%.k@g.com",
        ] {
            assert_eq!(find(s), Some(s), "{}", s.escape_debug());
        }
        assert_eq!(find("x@budi.co% k@g.com"), Some("x@budi.co"));
        assert_eq!(find("x@budi.co%k.@g.com"), Some("x@budi.co"));
        let long = format!("x@budi.co%{}@g.com", "k".repeat(60));
        assert_eq!(find(&long), Some("x@budi.co"), "local part over 64 bytes");
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
