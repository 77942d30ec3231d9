//! Numeric candidates: digit groups joined by the separators people write.
//!
//! Definitions (the naive reference in `naive.rs` implements the same rules independently):
//!
//! * A **group** is a maximal run of ASCII digits.
//! * A **separator run** is 1 to 3 characters from space, NBSP, `.`, `-`, `/` between two
//!   groups. It is **strong** when it holds `.`, `-` or `/` (`32.7300.010101.0001`,
//!   `02 . 433 . 917 . 8 - 011 . 000`), **weak** when only spaces (`3171 0117 0845 0001`).
//! * Two groups are **linked** by a strong run, or by a weak run when both groups have at most
//!   8 digits: `3171011708450001 0812…` are two values, `0812 3456 7890` is one.
//! * A candidate span is a sequence of linked groups that starts at a group not strongly linked
//!   to the group before it and ends at a group not strongly linked to the group after it, so
//!   digits are never cut out of a longer written number (`12-3171011708450001` is one token).
//! * A span must not touch a word character (`[A-Za-z0-9_]`), nor `-`/`/` followed by one on
//!   the left (`ORD-…`), nor `-`/`/`/`.` followed by one on the right (`…0001-A`).
//! * Phones may also start with `+` (`+62 812-3456-7890`), with `+62` and the trunk zero in
//!   brackets (`+62 (0)812-3456-7890`, a space optional on either side of `(0)`; the digits
//!   are then `620…`), or with a bracketed area code (`(021) 5550123`).
//! * Numbers written with thousands dots (`12.500.000`, `1.234.567.890.123`) are amounts.

use super::class::{DIGIT, LINK, SPACE, STRONG_SEP, WORD, at, class, digit_at, is, word};
use crate::digits::{HI, LO, byte_bits};

/// Most digits any numeric kind has (NITKU: 22).
pub(crate) const MAX_DIGITS: usize = 22;
/// Longest separator run between two groups, in characters.
pub(crate) const MAX_SEP_RUN: usize = 3;
/// Longest group a weak (space-only) separator may join.
pub(crate) const WEAK_GROUP_MAX: usize = 8;

/// How a numeric candidate is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Digits and separators only.
    Plain,
    /// A `+` before the digits: an international phone number.
    Plus,
    /// A bracketed area code `(0xx)` first: a phone number.
    Paren,
}

/// A multi-byte separator (NBSP, Unicode spaces and dashes) at `input[j]`, whose byte is `b`.
#[inline]
pub(crate) fn wide_sep(input: &[u8], j: usize, b: u8) -> Option<(usize, bool)> {
    if b < 0xC2 {
        return None;
    }
    crate::digits::wide_separator(input, j)
}

/// The multi-byte separator ending just before `input[j]`, whose byte is `b`.
#[inline]
fn wide_sep_back(input: &[u8], j: usize, b: u8) -> Option<(usize, bool)> {
    if b < 0x80 {
        return None;
    }
    crate::digits::wide_separator_back(input, j)
}

/// The link from a group ending at `e` to the next group: where that group starts and
/// whether the link is strong; `None` when no group follows a separator run of 1 to 3.
#[inline(always)]
fn link_fwd(input: &[u8], e: usize) -> Option<(usize, bool)> {
    // The common cases first: no separator, or one ASCII separator before a digit or
    // before a byte that cannot go on a separator run (`0812-5181-5339 dan`).
    let c = class(at(input, e));
    if c & LINK == 0 {
        return None;
    }
    if c & (STRONG_SEP | SPACE) != 0 {
        let c1 = class(at(input, e + 1));
        if c1 & DIGIT != 0 {
            return Some((e + 1, c & STRONG_SEP != 0));
        }
        if c1 & LINK == 0 {
            return None;
        }
    }
    let (chars, j, strong) = sep_run_fwd_general(input, e);
    ((1..=MAX_SEP_RUN).contains(&chars) && digit_at(input, j)).then_some((j, strong))
}

/// A separator run: characters, index after it, strong or not ([`link_fwd`] decides
/// the common cases without it).
#[inline(never)]
fn sep_run_fwd_general(input: &[u8], i: usize) -> (usize, usize, bool) {
    let mut j = i;
    let mut chars = 0;
    let mut strong = false;
    while chars <= MAX_SEP_RUN {
        let b = at(input, j);
        if is(b, STRONG_SEP) {
            strong = true;
            j += 1;
        } else if is(b, SPACE) {
            j += 1;
        } else if let Some((len, dash)) = wide_sep(input, j, b) {
            strong |= dash;
            j += len;
        } else {
            break;
        }
        chars += 1;
    }
    (chars, j, strong)
}

/// The separator run that ends just before `i`: characters, index of its first byte, strong.
#[inline]
pub(crate) fn sep_run_back(input: &[u8], i: usize) -> (usize, usize, bool) {
    // The common cases first: no separator, or one ASCII separator after a digit.
    let c = class(at(input, i.wrapping_sub(1)));
    if c & LINK == 0 {
        return (0, i, false);
    }
    if c & (STRONG_SEP | SPACE) != 0 && i >= 2 && digit_at(input, i - 2) {
        return (1, i - 1, c & STRONG_SEP != 0);
    }
    let mut j = i;
    let mut chars = 0;
    let mut strong = false;
    while chars <= MAX_SEP_RUN && j > 0 {
        let b = at(input, j - 1);
        if is(b, STRONG_SEP) {
            strong = true;
            j -= 1;
        } else if is(b, SPACE) {
            j -= 1;
        } else if let Some((len, dash)) = wide_sep_back(input, j, b) {
            strong |= dash;
            j -= len;
        } else {
            break;
        }
        chars += 1;
    }
    (chars, j, strong)
}

/// Digits from `i` on, counting at most `cap`.
#[inline]
pub(crate) fn digits_fwd(input: &[u8], i: usize, cap: usize) -> usize {
    let mut n = 0;
    while n < cap && digit_at(input, i + n) {
        n += 1;
    }
    n
}

/// True when a span may start at `s` (its first byte) as far as the left neighbour goes.
#[inline]
pub(crate) fn left_ok(input: &[u8], s: usize) -> bool {
    let (chars, j, _) = sep_run_back(input, s);
    if (1..=MAX_SEP_RUN).contains(&chars) && j > 0 && digit_at(input, j - 1) {
        return true; // another number before: a boundary between two values
    }
    if s == 0 {
        return true;
    }
    let b = at(input, s - 1);
    if is(b, WORD) {
        return false;
    }
    !(matches!(b, b'-' | b'/') && s >= 2 && is(at(input, s - 2), WORD))
}

/// One possible end of a span.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct End {
    /// Index one past the last digit, relative to the chain's first group.
    pub(crate) rel: u16,
    /// Digits in the span up to here.
    pub(crate) digits: u8,
    /// Written like a thousands-grouped amount (`12.500.000`).
    pub(crate) amount: bool,
}

/// The digits of a chain of linked groups and the places where a span may end.
pub(crate) struct Chain {
    /// Index of the first group extended from.
    pub(crate) base: usize,
    /// The digits collected so far (and eight bytes of slack for word copies).
    pub(crate) digits: [u8; MAX_DIGITS + 8],
    /// Number of digits collected.
    pub(crate) len: usize,
    /// Possible ends, shortest first.
    pub(crate) ends: [End; MAX_DIGITS],
    /// Number of possible ends.
    pub(crate) n_ends: usize,
}

impl Chain {
    /// Absolute end index of `end`.
    #[inline]
    pub(crate) fn end_of(&self, end: &End) -> usize {
        self.base + usize::from(end.rel)
    }

    pub(crate) fn new() -> Chain {
        Chain {
            base: usize::MAX,
            digits: [0; MAX_DIGITS + 8],
            len: 0,
            ends: [End::default(); MAX_DIGITS],
            n_ends: 0,
        }
    }

    /// Empties the chain for reuse (the digit buffer is not cleared: only `..len` is read).
    #[inline]
    pub(crate) fn clear(&mut self) {
        self.base = usize::MAX;
        self.len = 0;
        self.n_ends = 0;
    }

    /// Reads the digit group at `input[g..]` into the buffer after `len` digits, a word at a time:
    /// one load both finds the group's end and copies its digits. Returns the group's
    /// length, or some length above `room` when it has more than `room` digits.
    #[inline(always)]
    fn read_group(&mut self, input: &[u8], g: usize, len: usize, room: usize) -> usize {
        let mut n = 0;
        loop {
            let w = crate::digits::word_at(input, g + n);
            let m = crate::digits::non_digit_mask(w);
            let k = if m == 0 {
                8
            } else {
                (m.trailing_zeros() / 8) as usize
            };
            // In bounds while `len + n <= MAX_DIGITS` (eight bytes of slack); bytes after
            // the group are copied too, but only `..len` is ever read.
            if let Some(dst) = self.digits.get_mut(len + n..len + n + 8) {
                dst.copy_from_slice(&w.to_le_bytes());
            }
            n += k;
            if k < 8 || n > room {
                return n;
            }
        }
    }

    /// Collects the groups linked from the group starting at `g`, recording ends.
    ///
    /// `amount` is false when the chain cannot be a thousands-grouped amount at all.
    #[inline(never)] // one copy for the four callers (measured: inlining gains nothing)
    pub(crate) fn extend(&mut self, input: &[u8], g: usize, amount: bool) {
        if let Some(Ok(win)) = input.get(g..g + WINDOW + 8).map(<&WindowBytes>::try_from) {
            if self.extend_written(win, g) {
                return;
            }
        }
        self.extend_walk(input, g, amount);
    }

    /// [`Chain::extend`] past the written shapes: the window walk, else the general one.
    /// Out of line, so that the written shapes do not pay for its registers.
    #[inline(never)]
    fn extend_walk(&mut self, input: &[u8], g: usize, amount: bool) {
        // Here rather than with the written shapes: rarer, and its registers would cost them.
        if let Some(Ok(win)) = input.get(g..g + WINDOW + 8).map(<&WindowBytes>::try_from) {
            if self.extend_long_group(win, g) {
                return;
            }
        }
        if !self.extend_fast(input, g, amount) {
            self.extend_general(input, g, amount);
        }
    }

    /// The commonest written shapes, told apart by one byte of the window:
    /// [`Chain::extend_written_npwp`] and [`Chain::extend_written_phone`].
    #[inline(always)]
    fn extend_written(&mut self, win: &WindowBytes, g: usize) -> bool {
        match win.get(2..5) {
            Some([b'.', _, _]) => self.extend_written_npwp(win, g),
            Some([_, _, b'-']) => self.extend_written_phone(win, g),
            _ => false,
        }
    }

    /// [`Chain::extend_window`] for a group of more than eight digits followed by one space
    /// and another digit (`3171011708450001 0812-…`, values in a row): a space joins no
    /// group that long, so the chain is the group alone, ending before the space. Returns
    /// false, having changed nothing, for any other window.
    #[inline(always)]
    fn extend_long_group(&mut self, win: &WindowBytes, g: usize) -> bool {
        if crate::digits::non_digit_mask(word(win, 0)) != 0 {
            return false;
        }
        let m1 = crate::digits::non_digit_mask(word(win, 8));
        let m2 = crate::digits::non_digit_mask(word(win, 16));
        let n = if m1 != 0 {
            8 + m1.trailing_zeros() / 8
        } else {
            16 + m2.trailing_zeros() / 8 // 24 when all are digits
        } as usize;
        let len0 = self.len;
        if n <= WEAK_GROUP_MAX
            || len0 + n > MAX_DIGITS
            || win.get(n) != Some(&b' ')
            || !win.get(n + 1).is_some_and(u8::is_ascii_digit)
        {
            return false;
        }
        self.copy_group(win, 0, len0, n);
        self.base = g;
        self.len = len0 + n;
        // A group spans at most 22 digits.
        self.push_end(n as u32, len0 + n, false);
        true
    }

    /// [`Chain::extend_window`] on the bytes from `g`; false when it cannot decide.
    #[inline(always)]
    fn extend_fast(&mut self, input: &[u8], g: usize, amount: bool) -> bool {
        match input.get(g..g + WINDOW + 8).map(<&WindowBytes>::try_from) {
            Some(Ok(win)) => self.extend_window(win, g, amount),
            _ => self.extend_window_padded(input, g, amount),
        }
    }

    /// [`Chain::extend_window`] near the input's end: zeros past it, as `at` reads them.
    /// Kept cold although short record fields take it often: measured, that costs record
    /// streams nothing and keeps the text scan's frame small.
    #[cold]
    #[inline(never)]
    fn extend_window_padded(&mut self, input: &[u8], g: usize, amount: bool) -> bool {
        let mut win = [0u8; WINDOW + 8];
        for (d, &b) in win.iter_mut().zip(input.get(g..).unwrap_or(&[])) {
            *d = b;
        }
        self.extend_written(&win, g) || self.extend_window(&win, g, amount)
    }

    /// [`Chain::extend`] decided on bit masks of `win`, the 32 bytes from `g` (and 8 more), for
    /// the common shape (`0812-5181-5339 `, `12.345.678.9-012.000,`): the run of digits and
    /// one-byte separators from `g` ends inside the window at an ASCII byte (so no multi-byte
    /// separator and no byte past the window can change the chain), and its groups are one
    /// separator apart. Then every separator links two groups, and the masks say where the
    /// chain stops and where it may end. Returns false, having changed nothing, otherwise.
    #[inline(always)]
    fn extend_window(&mut self, win: &WindowBytes, g: usize, amount: bool) -> bool {
        let Window { digit, space, stop } = Window::read(win);
        // One past the last digit (`digit` has no bit from `stop` on), and the separators
        // between the groups: each alone, so that every one links two groups, a space weakly.
        let last = u32::BITS - digit.leading_zeros();
        let between = !digit & low_bits(last);
        if digit & 1 == 0 || between & (between << 1) != 0 {
            return false;
        }
        let weak = between & space;
        // A space joins groups of at most eight digits: the chain stops at the first space
        // next to a longer group (an end, since the link there is weak), whatever follows.
        let cut = if weak == 0 {
            0
        } else {
            let long = runs_of_nine(digit);
            weak & ((long << 9) | (long >> 1))
        };
        let stop_b = win.get(stop as usize).copied().unwrap_or(0);
        let (last, mut last_ok) = if cut != 0 {
            (cut.trailing_zeros(), true)
        } else if (stop as usize) < WINDOW && stop_b < 0x80 {
            // The stop byte ends the run: no multi-byte separator can go on. A span may end
            // after the last group unless a word touches it (as in `extend_general`;
            // `…0001-A`: a strong separator, then a word).
            let touches = last == stop
                || (last + 1 == stop && matches!(win.get(last as usize), Some(b'-' | b'/' | b'.')));
            (last, !(touches && is(stop_b, WORD)))
        } else {
            return false; // the run may go on past the window
        };
        let between = between & low_bits(last);
        self.base = g;
        // A group with more digits than fit ends the chain before it (rare: a room check
        // only when the digits up to `last` do not all fit).
        let len0 = self.len;
        let mut limit = last;
        if (digit & low_bits(last)).count_ones() as usize > MAX_DIGITS - len0 {
            limit = first_overflowing_group(digit, last, MAX_DIGITS - len0);
            last_ok = false;
        }
        // The digits, group by group.
        let mut len = len0;
        let mut starts = digit & !(digit << 1) & low_bits(limit);
        while starts != 0 {
            let p = starts.trailing_zeros();
            starts &= starts - 1;
            // `p < 32`: the shift is in range.
            let n = (!(digit >> p)).trailing_zeros() as usize;
            self.copy_group(win, p as usize, len, n);
            len += n;
        }
        self.len = len;
        // The ends: before each space that links two groups (a weak link), and after the last
        // group read.
        let shape = AmountShape::new(amount, digit, between);
        let mut spaces = weak & low_bits(limit);
        while spaces != 0 {
            let e = spaces.trailing_zeros();
            spaces &= spaces - 1;
            let digits = len0 + (digit & low_bits(e)).count_ones() as usize;
            self.push_end(e, digits, shape.ends_at(win, e));
        }
        if last_ok {
            self.push_end(last, len, shape.ends_at(win, last));
        }
        true
    }

    /// [`Chain::extend_window`] for the NPWP written `TT.NNN.NNN.C-KKK.BBB` and followed by an
    /// ASCII byte that cannot go on a chain (`,`, a line end): one per row of a leak-like
    /// table, worth its own path. Its groups are strongly linked, so the only end is after
    /// the last one (unless a word touches it), and it is no amount; the separators stand at
    /// fixed places, so the 15 digits are gathered in two words without walking the groups.
    /// Returns false, having changed nothing, for any other window.
    #[inline(always)]
    fn extend_written_npwp(&mut self, win: &WindowBytes, g: usize) -> bool {
        const T: [Template; 3] = [
            Template::new(*b"00.000.0"),
            Template::new(*b"00.0-000"),
            Template::new(*b".000????"),
        ];
        let (w0, w1, w2) = (word(win, 0), word(win, 8), word(win, 16));
        let stop = class(win.get(20).copied().unwrap_or(0));
        let len0 = self.len;
        let [t0, t1, t2] = &T;
        if !(t0.fits(w0) && t1.fits(w1) && t2.fits(w2))
            || stop & LINK != 0
            || len0 > MAX_DIGITS - 15
        {
            return false;
        }
        // Bytes 0-1, 3-5, 7-9 and 11, 13-15, 17-19 of the window, moved together.
        let lo = (w0 & 0xFFFF)
            | ((w0 >> 8) & 0x0000_00FF_FFFF_0000)
            | ((w0 >> 16) & 0x0000_FF00_0000_0000)
            | (w1 << 48);
        let hi =
            ((w1 >> 24) & 0xFF) | ((w1 >> 32) & 0xFFFF_FF00) | ((w2 << 24) & 0x00FF_FFFF_0000_0000);
        self.set_shape(g, [lo, hi], 15, (stop & WORD == 0).then_some(20));
        true
    }

    /// [`Chain::extend_window`] for a phone number written `NNNN-NNNN-NNNN` and followed by an
    /// ASCII byte that cannot go on a chain, or by a space and such a byte (`0812-5181-5339
    /// dan`): the commonest chain in prose. As for [`Chain::extend_written_npwp`], the only end
    /// is after the last group, and the 12 digits are three fixed pieces. Returns false,
    /// having changed nothing, for any other window.
    #[inline(always)]
    fn extend_written_phone(&mut self, win: &WindowBytes, g: usize) -> bool {
        const T: [Template; 2] = [Template::new(*b"0000-000"), Template::new(*b"0-0000??")];
        let (w0, w1) = (word(win, 0), word(win, 8));
        let next = win.get(14).copied().unwrap_or(0);
        let after = win.get(15).copied().unwrap_or(0);
        // The chain stops at the byte after the last group, or at the one after a space.
        let (stop, end_ok) = if next == b' ' {
            (class(after), true)
        } else {
            let c = class(next);
            (c, c & WORD == 0)
        };
        let len0 = self.len;
        let [t0, t1] = &T;
        if !(t0.fits(w0) && t1.fits(w1)) || stop & LINK != 0 || len0 > MAX_DIGITS - 12 {
            return false;
        }
        // Bytes 0-3, 5-8 and 10-13 of the window.
        let lo = (w0 & 0xFFFF_FFFF) | (word(win, 5) << 32);
        let hi = word(win, 10);
        self.set_shape(g, [lo, hi], 12, end_ok.then_some(14));
        true
    }

    /// Appends the `n` digits of a written shape starting at `g`, gathered in two words,
    /// and its one end `end` bytes after `g` (if a span may end there).
    #[inline(always)]
    fn set_shape(&mut self, g: usize, words: [u64; 2], n: usize, end: Option<u32>) {
        let len0 = self.len;
        // In bounds: the callers leave room for `n` digits, and `digits` has eight bytes of
        // slack past `MAX_DIGITS` (`len0 + 16 <= MAX_DIGITS + 4`); bytes past the `n`th are
        // never read.
        debug_assert!(len0 + 16 <= self.digits.len());
        if let Some(dst) = self.digits.get_mut(len0..len0 + 16) {
            let (a, b) = dst.split_at_mut(8);
            a.copy_from_slice(&words[0].to_le_bytes());
            b.copy_from_slice(&words[1].to_le_bytes());
        }
        self.base = g;
        self.len = len0 + n;
        if let Some(rel) = end {
            self.push_end(rel, len0 + n, false);
        }
    }

    /// Records a possible end `rel` bytes after `base`, with `digits` digits before it.
    #[inline(always)]
    fn push_end(&mut self, rel: u32, digits: usize, amount: bool) {
        if let Some(slot) = self.ends.get_mut(self.n_ends) {
            *slot = End {
                // A chain spans at most 22 digits and 21 short separator runs.
                rel: rel as u16,
                digits: digits as u8,
                amount,
            };
            self.n_ends += 1;
        }
    }

    /// Copies the `n` digits at `win[p..]` after `len` digits, eight bytes at a time (the bytes
    /// copied past them are never read: only `..len` is).
    #[inline(always)]
    fn copy_group(&mut self, win: &WindowBytes, p: usize, len: usize, n: usize) {
        let mut k = 0;
        loop {
            // In bounds: `len + n <= MAX_DIGITS` and `p + n <= WINDOW`, each with eight
            // bytes of slack.
            if let (Some(dst), Some(src)) = (
                self.digits.get_mut(len + k..len + k + 8),
                win.get(p + k..p + k + 8),
            ) {
                dst.copy_from_slice(src);
            }
            k += 8;
            if k >= n {
                return;
            }
        }
    }

    /// The reference walk, one group at a time, for any input ([`Chain::extend`] falls back
    /// on it when [`Chain::extend_window`] cannot decide).
    #[inline(never)] // apart from the window walk's registers and stack
    fn extend_general(&mut self, input: &[u8], mut g: usize, mut amount: bool) {
        let mut first = true;
        let mut len = self.len;
        // The link into the group at `g` is weak (spaces only): both groups must be short.
        let mut weak = false;
        self.base = g;
        loop {
            // Read the group's digits; one more than fits ends the chain.
            let room = MAX_DIGITS - len;
            let n = self.read_group(input, g, len, room);
            let e = g + n;
            if n > room || n == 0 || (weak && n > WEAK_GROUP_MAX) {
                break;
            }
            len += n;
            amount = amount && if first { n <= 3 } else { n == 3 };
            let b = at(input, e);
            let link = link_fwd(input, e);
            // A span may end here unless a group follows strongly or a word touches it.
            let end_ok = match link {
                Some((_, strong)) => !strong,
                None => {
                    !(is(b, WORD)
                        || (matches!(b, b'-' | b'/' | b'.') && is(at(input, e + 1), WORD)))
                }
            };
            if end_ok {
                if let Some(slot) = self.ends.get_mut(self.n_ends) {
                    *slot = End {
                        // A chain spans at most 22 digits and 21 short separator runs.
                        rel: (e - self.base) as u16,
                        digits: len as u8,
                        amount: amount && !first,
                    };
                    self.n_ends += 1;
                }
            }
            let Some((j, strong)) = link else {
                break;
            };
            if !strong && n > WEAK_GROUP_MAX {
                break;
            }
            first = false;
            weak = !strong;
            amount = amount && j == e + 1 && b == b'.';
            g = j;
        }
        self.len = len;
    }
}

/// Where the run of digits and ASCII separators starting at `g` ends, when no chain from
/// any group in it can reach [`MIN_DIGITS`] digits, seen from the next 16 bytes alone:
/// they hold the end of the run, an ASCII byte ends it (no multi-byte separator can go on),
/// and it holds fewer digits than that. A chain never leaves that run, and no `+` or `(`
/// form starts inside it, so the scan may go on at its end. Dates (`1985-03-12,`) are
/// dismissed here without walking their groups; otherwise `None` (walk the chain).
#[inline]
pub(crate) fn short_run_end(input: &[u8], g: usize) -> Option<usize> {
    // Sixteen bytes at once but near the input's end.
    let (w0, w1) = match input.get(g..).and_then(<[u8]>::first_chunk::<16>) {
        Some(b) => crate::digits::words16(b),
        None => (
            crate::digits::word_at(input, g),
            crate::digits::word_at(input, g + 8),
        ),
    };
    let ((digit0, stop0), (digit1, stop1)) = (digits_and_stops(w0), digits_and_stops(w1));
    let (stop, digits_before) = if stop0 != 0 {
        let below = (stop0 & stop0.wrapping_neg()) - 1; // the bytes before the first stop
        (stop0.trailing_zeros() / 8, (digit0 & below).count_ones())
    } else if stop1 != 0 {
        let below = (stop1 & stop1.wrapping_neg()) - 1;
        let n = digit0.count_ones() + (digit1 & below).count_ones();
        (8 + stop1.trailing_zeros() / 8, n)
    } else {
        return None; // the run goes on past the 16 bytes
    };
    let end = g + stop as usize;
    (at(input, end) < 0x80 && (digits_before as usize) < MIN_DIGITS).then_some(end)
}

/// Bit 7 of each byte of `w` set where that byte is a digit, and where it ends a run of digits
/// and ASCII separators (neither a digit nor space, `.`, `-`, `/`): exact per byte. Digits
/// and `-./` are 0x2D-0x39, so the range tests share their sums.
#[inline(always)]
fn digits_and_stops(w: u64) -> (u64, u64) {
    let low = w & !HI;
    let below_colon = !(low + LO * (0x80 - 0x3A)) & !w & HI;
    let dash_to_nine = (low + LO * (0x80 - 0x2D)) & below_colon;
    let digits = (low + LO * (0x80 - 0x30)) & below_colon;
    (digits, HI & !(dash_to_nine | space_mask(w)))
}

/// Bit 7 of each byte of `w` set where that byte is a space (exact per byte).
#[inline(always)]
fn space_mask(w: u64) -> u64 {
    crate::digits::eq_byte_mask(w, b' ')
}

/// Bytes [`Chain::extend_window`] decides on.
const WINDOW: usize = 32;

/// The window and eight more bytes, which group copies of eight bytes may read.
type WindowBytes = [u8; WINDOW + 8];

/// One bit per byte of a window (byte `k`, bit `k`): its digits and spaces before the first
/// byte that is neither a digit nor a one-byte separator, and that byte's index (the stop).
struct Window {
    digit: u32,
    space: u32,
    stop: u32,
}

impl Window {
    /// The masks of the first [`WINDOW`] bytes of `win`, read a word at a time up to the stop
    /// byte (`stop` is [`WINDOW`] when every byte is a digit or a separator).
    #[inline(always)]
    fn read(win: &WindowBytes) -> Window {
        let (mut digit, mut space) = (0u32, 0u32);
        for k in 0..WINDOW / 8 {
            let mut b = [0u8; 8];
            if let Some(src) = win.get(8 * k..8 * k + 8) {
                b.copy_from_slice(src);
            }
            let w = u64::from_le_bytes(b);
            // Digits and `-./` are 0x2D-0x39: the range tests on the low seven bits (at least
            // `-`, at least `0`, above `9`) are shared between the digit and stop masks.
            let low = w & !HI;
            let below_colon = !(low + LO * (0x80 - 0x3A)) & !w & HI;
            let dash_to_nine = (low + LO * (0x80 - 0x2D)) & below_colon;
            let digits = (low + LO * (0x80 - 0x30)) & below_colon;
            let spaces = space_mask(w);
            let stop = HI & !(dash_to_nine | spaces);
            if stop != 0 {
                let below = (stop & stop.wrapping_neg()) - 1; // the bytes before the stop
                return Window {
                    digit: digit | byte_bits(digits & below) << (8 * k),
                    space: space | byte_bits(spaces & below) << (8 * k),
                    stop: (8 * k) as u32 + stop.trailing_zeros() / 8,
                };
            }
            digit |= byte_bits(digits) << (8 * k);
            space |= byte_bits(spaces) << (8 * k);
        }
        Window {
            digit,
            space,
            stop: WINDOW as u32,
        }
    }
}

/// Whether a span of a window chain ends a thousands-grouped amount (`12.500.000`): its first
/// group has 1 to 3 digits, every later one 3, each after a `.`.
struct AmountShape {
    /// The chain may be an amount at all, and its first group is short enough.
    possible: bool,
    /// Length of the first group.
    first: u32,
    /// The separators between the chain's groups.
    between: u32,
}

impl AmountShape {
    #[inline(always)]
    fn new(amount: bool, digit: u32, between: u32) -> AmountShape {
        let first = (!digit).trailing_zeros();
        AmountShape {
            possible: amount && first <= 3,
            first,
            between,
        }
    }

    /// Whether the span up to `e` (a group's end) is an amount: separators every fourth byte
    /// from the first group's end (three digits between them), each a `.`.
    #[inline(always)]
    fn ends_at(&self, win: &WindowBytes, e: u32) -> bool {
        if !self.possible {
            return false;
        }
        let mut seps = self.between & low_bits(e);
        if seps == 0
            || seps != (0x1111_1111 << self.first) & low_bits(e)
            || (e - self.first) % 4 != 0
        {
            return false;
        }
        while seps != 0 {
            if win.get(seps.trailing_zeros() as usize) != Some(&b'.') {
                return false;
            }
            seps &= seps - 1;
        }
        true
    }
}

/// A word's worth of a written shape: `0` for any digit, `?` for any byte, and bytes that
/// must be as they are (separators).
struct Template {
    /// The shape's bytes (`0` for a digit, 0 for any byte).
    bytes: u64,
    /// Added to each byte XOR the shape (bit 7 cleared): carries into bit 7 when a digit's
    /// byte is past `9` (0x76) or a fixed byte is not itself (0x7F); 0 for any byte.
    add: u64,
    /// 0xFF for each byte checked, 0 for any byte.
    mask: u64,
}

impl Template {
    const fn new(t: [u8; 8]) -> Template {
        let (mut bytes, mut add, mut mask) = (0u64, 0u64, 0u64);
        let mut k = 0;
        while k < 8 {
            let (b, a, m) = match t[k] {
                b'?' => (0, 0, 0),
                b'0' => (b'0', 0x76, 0xFF),
                c => (c, 0x7F, 0xFF),
            };
            bytes |= (b as u64) << (8 * k);
            add |= (a as u64) << (8 * k);
            mask |= (m as u64) << (8 * k);
            k += 1;
        }
        Template { bytes, add, mask }
    }

    /// Whether the bytes of `w` fit the shape: each digit place an ASCII digit, each fixed
    /// byte itself (exact per byte: the sums stay below 0x100, no carry crosses bytes).
    #[inline(always)]
    const fn fits(&self, w: u64) -> bool {
        let x = (w ^ self.bytes) & self.mask;
        (((x & !HI) + self.add) | x) & HI == 0
    }
}

/// The low `n` bits set (`n <= 32`).
#[inline(always)]
fn low_bits(n: u32) -> u32 {
    ((1u64 << n) - 1) as u32
}

/// Start of the first group of `digit` (below `last`) whose digits, counted from the first
/// group's, pass `room`.
#[cold]
fn first_overflowing_group(digit: u32, last: u32, room: usize) -> u32 {
    let mut starts = digit & !(digit << 1) & low_bits(last);
    let mut count = 0;
    while starts != 0 {
        let p = starts.trailing_zeros();
        starts &= starts - 1;
        count += (!(digit >> p)).trailing_zeros() as usize;
        if count > room {
            return p;
        }
    }
    last
}

/// The bits of `m` that start a run of nine set bits (a group of more than eight digits).
#[inline(always)]
fn runs_of_nine(m: u32) -> u32 {
    let two = m & (m >> 1);
    let four = two & (two >> 2);
    let eight = four & (four >> 4);
    eight & (m >> 8)
}

/// Fewest digits any numeric kind has (a 9-digit phone number): a shorter chain is no
/// candidate (`possible_kinds` admits nothing below it, a unit test checks).
pub(crate) const MIN_DIGITS: usize = 9;

/// Where a span may start relative to the group at `s`: `(strongly linked to digits
/// before, left_ok)`, reading the separator run before it once.
#[inline]
pub(crate) fn left_of_group(input: &[u8], s: usize) -> (bool, bool) {
    let (chars, j, strong) = sep_run_back(input, s);
    if (1..=MAX_SEP_RUN).contains(&chars) && j > 0 && digit_at(input, j - 1) {
        return (strong, true);
    }
    if s == 0 {
        return (false, true);
    }
    let b = at(input, s - 1);
    if is(b, WORD) {
        return (false, false);
    }
    let ok = !(matches!(b, b'-' | b'/') && s >= 2 && is(at(input, s - 2), WORD));
    (false, ok)
}

/// Recognises `(0xx)` or `(0xx) ` at `s` (the bracket): the area code's digits range and the
/// start of the group after it.
#[inline]
pub(crate) fn paren_prefix(input: &[u8], s: usize) -> Option<(usize, usize, usize)> {
    if at(input, s) != b'(' || at(input, s + 1) != b'0' {
        return None;
    }
    let n = digits_fwd(input, s + 1, 5);
    if !(2..=4).contains(&n) {
        return None;
    }
    let close = s + 1 + n;
    if at(input, close) != b')' {
        return None;
    }
    let mut g = close + 1;
    if at(input, g) == b' ' {
        g += 1;
    }
    if !digit_at(input, g) {
        return None;
    }
    Some((s + 1, close, g))
}

/// Recognises `+62 (0)` at `s` (the `+`), each space optional, followed by a digit: the
/// start of the group after the bracket. The candidate's digits are then `620` and the
/// groups from there.
#[inline]
pub(crate) fn plus_trunk_prefix(input: &[u8], s: usize) -> Option<usize> {
    if at(input, s) != b'+' || at(input, s + 1) != b'6' || at(input, s + 2) != b'2' {
        return None;
    }
    let mut i = s + 3;
    if at(input, i) == b' ' {
        i += 1;
    }
    if input.get(i..i + 3) != Some(b"(0)") {
        return None;
    }
    i += 3;
    if at(input, i) == b' ' {
        i += 1;
    }
    digit_at(input, i).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::super::class::digit_run_end;
    use super::*;

    /// The chain walk written plainly (byte copies, `digit_run_end`), as `extend` was
    /// before it read groups a word at a time: the fast walk must agree with it.
    fn extend_plain(chain: &mut Chain, input: &[u8], mut g: usize, mut amount: bool) {
        let mut groups = 0usize;
        let mut weak = false;
        chain.base = g;
        loop {
            let room = MAX_DIGITS - chain.len;
            let e = digit_run_end(input, g, room + 1);
            let n = e - g;
            if n > room || n == 0 || (weak && n > WEAK_GROUP_MAX) {
                return;
            }
            for k in 0..n {
                chain.digits[chain.len + k] = input[g + k];
            }
            chain.len += n;
            groups += 1;
            amount = amount && if groups == 1 { n <= 3 } else { n == 3 };
            let (chars, j, strong) = sep_run_fwd_general(input, e);
            let next_is_group = (1..=MAX_SEP_RUN).contains(&chars) && digit_at(input, j);
            let b = at(input, e);
            let end_ok = if next_is_group {
                !strong
            } else {
                !(is(b, WORD) || (matches!(b, b'-' | b'/' | b'.') && is(at(input, e + 1), WORD)))
            };
            if end_ok && chain.n_ends < MAX_DIGITS {
                chain.ends[chain.n_ends] = End {
                    rel: (e - chain.base) as u16,
                    digits: chain.len as u8,
                    amount: amount && groups >= 2,
                };
                chain.n_ends += 1;
            }
            if !next_is_group || (!strong && n > WEAK_GROUP_MAX) {
                return;
            }
            weak = !strong;
            amount = amount && j == e + 1 && b == b'.';
            g = j;
        }
    }

    fn summary(c: &Chain) -> (Vec<u8>, Vec<(u16, u8, bool)>) {
        let ends = c.ends[..c.n_ends]
            .iter()
            .map(|e| (e.rel, e.digits, e.amount))
            .collect();
        (c.digits[..c.len].to_vec(), ends)
    }

    #[test]
    fn digit_and_stop_masks_are_exact() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                for fill in [b'1', b' ', b'x', 0xC2] {
                    let mut w = [fill; 8];
                    w[pos] = b;
                    let (digits, stops) = digits_and_stops(u64::from_le_bytes(w));
                    let flag = |yes: bool| if yes { 0x80u64 << (8 * pos) } else { 0 };
                    let lane = 0xFFu64 << (8 * pos);
                    assert_eq!(digits & lane, flag(b.is_ascii_digit()), "{b} at {pos}");
                    let stop = !b.is_ascii_digit() && !is(b, STRONG_SEP | SPACE);
                    assert_eq!(stops & lane, flag(stop), "{b} at {pos}");
                }
            }
        }
    }

    /// The window walk on the shapes it decides and those it hands over, against the general
    /// walk: cuts at a space next to a long group, a full buffer, amounts, words after the
    /// chain, runs of two separators (the cases the proptest below first found).
    #[test]
    fn window_walk_edge_cases() {
        let cases: [&[u8]; 40] = [
            b"0812-5181-5339 demam",
            b"52.104.102.0-561.000,",
            b"52.104.102.0-561.000A",
            b"52.104.102.0-561.000 1",
            b"52.104.102.0-561.000.1",
            b"52.104.102.0-561.000\xC2\xA01",
            b"52.104.102.0-561.0001",
            b"52.104.102.0/561.000,",
            b"552.104.102.0-561.000,",
            b"0812-5181-5339",
            b"0812-5181-5339x",
            b"0812-5181-5339 1",
            b"0812-5181-5339  x",
            b"0812-5181-5339. x",
            b"0812-5181-5339\xC2\xA0x",
            b"0812-5181-53390",
            b"0812-5181-5339 3171011708450001",
            b"0812-5181-5339 317101170",
            b"0812-5181-5339 31710117 x",
            b"3171011708450001 0812-5181-5339",
            b"317101170 1",
            b"31710117 1",
            b"3171011708450001  1",
            b"3171011708450001 A",
            b"3171011708450001000000 1",
            b"31710117084500010000000 1",
            b"3171011908004782 0812-5181-5339 batuk",
            b"0812-5181-5339 3171011908004782 batuk",
            b"0812 5181 5339 0812 4515 8054 0812",
            b"0812-5181-5339 0812-4515-8054 dan",
            b"12.500.000 dan",
            b"1.234.567.890.123",
            b"3171011708450001-A",
            b"3171011708450001/",
            b"0- 000000000",
            b"0000000000 -0",
            b"12 34 567890123 4",
            b"1234567890123456789012345",
            b"0812\xC2\xA05181 5339",
            b"08125181533",
        ];
        for input in cases {
            for g in 0..input.len() {
                for (pre, amount) in [(0, true), (0, false), (3, false), (7, false), (8, false)] {
                    let (mut fast, mut general) = (Chain::new(), Chain::new());
                    for c in [&mut fast, &mut general] {
                        c.clear();
                        c.len = pre;
                        c.digits[..pre].copy_from_slice(&b"62021555"[..pre]);
                    }
                    fast.extend(input, g, amount);
                    general.extend_general(input, g, amount);
                    assert_eq!(summary(&fast), summary(&general), "{input:?} {g}");
                    assert_eq!(fast.base, general.base);
                }
            }
        }
    }

    /// The shapes the window walk exists for do not fall back.
    #[test]
    fn window_walk_decides_the_common_shapes() {
        let cases: [&[u8]; 5] = [
            b"0812-5181-5339 demam",
            b"52.104.102.0-561.000,",
            b"3171011908004782 0812-5181-5339 batuk",
            b"0812 5181 5339",
            b"12.500.000",
        ];
        for input in cases {
            let mut c = Chain::new();
            c.clear();
            assert!(c.extend_fast(input, 0, true), "{input:?}");
        }
    }

    #[test]
    fn template_fit_is_exact() {
        let t = Template::new(*b"0.?0-0?0");
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut w = *b"1.x2-3y4";
                w[pos] = b;
                let want = match pos {
                    1 => b == b'.',
                    4 => b == b'-',
                    2 | 6 => true,
                    _ => b.is_ascii_digit(),
                };
                assert_eq!(t.fits(u64::from_le_bytes(w)), want, "{b} at {pos}");
            }
        }
    }

    /// The written shapes' own paths take the shapes they exist for (else they would be
    /// dead code, which the agreement tests cannot see).
    #[test]
    fn written_shapes_take_their_own_path() {
        let pad = |s: &[u8]| {
            let mut win = [0u8; WINDOW + 8];
            win[..s.len()].copy_from_slice(s);
            win
        };
        let mut c = Chain::new();
        c.clear();
        assert!(c.extend_written_npwp(&pad(b"52.104.102.0-561.000,"), 0));
        assert_eq!(
            summary(&c),
            (b"521041020561000".to_vec(), vec![(20, 15, false)])
        );
        c.clear();
        assert!(c.extend_written_phone(&pad(b"0812-5181-5339 dan"), 0));
        assert_eq!(
            summary(&c),
            (b"081251815339".to_vec(), vec![(14, 12, false)])
        );
        c.clear();
        assert!(c.extend_long_group(&pad(b"3171011708450001 0812"), 0));
        assert_eq!(
            summary(&c),
            (b"3171011708450001".to_vec(), vec![(16, 16, false)])
        );
        c.clear();
        assert!(!c.extend_long_group(&pad(b"31710117 0812"), 0));
        assert!(!c.extend_written_phone(&pad(b"0812-5181-5339 1"), 0));
        assert!(!c.extend_written_npwp(&pad(b"52.104.102.0-561.000 1"), 0));
        assert_eq!((c.len, c.n_ends), (0, 0));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Near misses of the written shapes that have their own paths (a byte changed,
        /// dropped or added, what follows them), against the general walk.
        #[test]
        fn written_shapes_agree_with_general_walk(
            s in concat!(
                "([0-9]{2}\\.[0-9]{3}\\.[0-9]{3}\\.[0-9]-[0-9]{3}\\.[0-9]{3}|[0-9]{4}-[0-9]{4}-[0-9]{4}",
                "|[0-9]{1,3}[.\\-/ ]?[0-9]{2,4}[.\\- ][0-9]{3}[.\\-][0-9]{1,2}[\\-.][0-9]{3}[. ]?[0-9]{2,4}",
                "|[0-9]{3,5}[\\- ][0-9]{3,5}[\\-. ]?[0-9]{3,5}|[0-9]{7,23})",
                "([ ,.\\-/A_+]|\u{a0}|[0-9]){0,3}([0-9]{0,10}[ \\-]?[0-9]{0,10})",
            ),
            pre in 0usize..10,
            amount in proptest::bool::ANY,
        ) {
            // Near the input's end (a padded window) and far from it (the input's own bytes).
            let far = format!("{s}{}", "\n".repeat(WINDOW + 8));
            for input in [s.as_bytes(), far.as_bytes()] {
                for g in 0..=s.len() {
                    let (mut fast, mut general) = (Chain::new(), Chain::new());
                    for c in [&mut fast, &mut general] {
                        c.clear();
                        c.len = pre;
                        c.digits[..pre].copy_from_slice(&b"620215550"[..pre]);
                    }
                    fast.extend(input, g, amount);
                    general.extend_general(input, g, amount);
                    proptest::prop_assert_eq!(summary(&fast), summary(&general), "{:?} {}", s, g);
                    proptest::prop_assert_eq!(fast.base, general.base);
                }
            }
        }

        #[test]
        fn separator_fast_cases_agree_with_the_general_read(
            s in "[0-9 .\\-/xA,]{0,6}(\u{a0}|\u{2013})?[0-9 .\\-/x]{0,3}",
        ) {
            let input = s.as_bytes();
            for i in 0..=input.len() {
                let (chars, j, strong) = sep_run_fwd_general(input, i);
                let want = ((1..=MAX_SEP_RUN).contains(&chars) && digit_at(input, j)).then_some((j, strong));
                proptest::prop_assert_eq!(link_fwd(input, i), want, "{:?} {}", s, i);
            }
        }

        #[test]
        fn short_run_end_only_when_every_chain_in_it_is_short(
            s in "[0-9]{1,5}([ .\\-/x,]{1,3}[0-9]{1,5}|\u{a0}[0-9]{1,3}){0,5}[ .\\-/x,A+(]{0,2}",
            from in 0usize..6,
        ) {
            let input = s.as_bytes();
            let g = from.min(input.len());
            if let Some(end) = short_run_end(input, g) {
                // The run ends at an ASCII byte that is neither a digit nor a separator.
                let b = at(input, end);
                proptest::prop_assert!(b < 0x80 && !digit_at(input, end), "{:?} {}", s, g);
                proptest::prop_assert!(!matches!(b, b' ' | b'.' | b'-' | b'/'), "{:?} {}", s, g);
                // No chain from any group start in the run is long enough.
                for g2 in g..end {
                    if g2 == g || !digit_at(input, g2 - 1) {
                        let mut c = Chain::new();
                        c.clear();
                        c.extend(input, g2, true);
                        proptest::prop_assert!(c.len < MIN_DIGITS, "{:?} {} {}", s, g, g2);
                    }
                }
            }
        }

        #[test]
        fn window_walk_agrees_with_general_walk(
            s in "([0-9]{1,10}|[ .\\-/]{1,4}|\u{a0}|\u{2013}|\u{2212}|[a-zA-Z_]|[,;:()+@]){0,16}",
            pre in 0usize..5,
            amount in proptest::bool::ANY,
        ) {
            let input = s.as_bytes();
            for g in 0..=input.len() {
                let (mut window, mut general) = (Chain::new(), Chain::new());
                for c in [&mut window, &mut general] {
                    c.clear();
                    c.len = pre;
                    c.digits[..pre].copy_from_slice(&b"0274"[..pre]);
                }
                general.extend_general(input, g, amount);
                if window.extend_fast(input, g, amount) {
                    proptest::prop_assert_eq!(summary(&window), summary(&general), "{:?} {}", s, g);
                    proptest::prop_assert_eq!(window.base, general.base);
                }
                // Whichever way `extend` goes.
                window.clear();
                window.len = pre;
                window.digits[..pre].copy_from_slice(&b"0274"[..pre]);
                window.extend(input, g, amount);
                proptest::prop_assert_eq!(summary(&window), summary(&general), "{:?} {}", s, g);
            }
        }

        #[test]
        fn word_walk_agrees_with_plain_walk(
            s in "[0-9]{0,12}([ .\\-/x]{1,4}[0-9]{1,12}|\u{a0}[0-9]{1,5}){0,8}[ .\\-/xA]{0,2}",
            from in 0usize..8,
            pre in 0usize..5,
            amount in proptest::bool::ANY,
        ) {
            let input = s.as_bytes();
            let g = from.min(input.len());
            let (mut fast, mut plain) = (Chain::new(), Chain::new());
            // A prefix already in the buffer, as the `+62 (0)` and `(021)` forms leave it.
            for c in [&mut fast, &mut plain] {
                c.clear();
                c.len = pre;
                c.digits[..pre].copy_from_slice(&b"0274"[..pre]);
            }
            fast.extend(input, g, amount);
            extend_plain(&mut plain, input, g, amount);
            proptest::prop_assert_eq!(summary(&fast), summary(&plain));
            proptest::prop_assert_eq!(fast.base, plain.base);
        }
    }
}
