//! The scan loop: numeric and e-mail candidates in order of start, leftmost-longest.
//!
//! At each start position the longest valid candidate wins; the next search starts after
//! it. Candidates are found by skipping to digits (word at a time) and to `@` (memchr);
//! labels are read only for candidates that already validate.

use super::class::{LINK, PREFIX, SPACE, STRONG_SEP, WORD, at, class, digit_at, find_run, is};
use super::labels::{Label, email_label_before, label_before};
use super::numeric::{
    Chain, Form, MAX_DIGITS, MIN_DIGITS, left_of_group, left_ok, paren_prefix, plus_trunk_prefix,
    short_run_end, wide_sep,
};
use super::validate::{KindSet, classify, possible_kinds, resolve_email};
use super::{Confidence, Finding, email};
use crate::kind::Kind;

/// Bytes before a start position that deciding it may read.
pub(crate) const CONTEXT_BEHIND: usize = 128;
/// Bytes from a start position on that deciding it may read.
pub(crate) const CONTEXT_AHEAD: usize = super::MAX_FINDING_LEN + 32;

// The look-behind covers labels, separator runs and e-mail local parts; the look-ahead covers
// the longest finding plus the bytes checked after it.
const _: () = assert!(CONTEXT_BEHIND > super::labels::LOOK_BEHIND + 8);
const _: () = assert!(CONTEXT_BEHIND > email::MAX_LOCAL + 8);
const _: () = assert!(CONTEXT_AHEAD > email::MAX_LOCAL + email::MAX_DOMAIN + 8);

/// What the quick look at a digit group decided.
enum Quick {
    /// No candidate starts at this group.
    Nothing,
    /// The candidate starting at this group.
    Found(Finding),
    /// Separators or a prefix around the group: the full rules must decide.
    Slow,
    /// As `Slow`, but the left side is checked already: no prefix before the group and
    /// the plain form may start there (`left_of_group` gives `(false, true)`).
    SlowRight,
}

/// What the scan of one input needs to know.
pub(crate) struct Ctx<'a> {
    pub(crate) input: &'a [u8],
    pub(crate) hint: Option<Kind>,
    pub(crate) kinds: KindSet,
}

impl Ctx<'_> {
    /// The label deciding a candidate at `s`: the hint when given, else the words before it.
    #[inline]
    pub(crate) fn context(&self, s: usize) -> Option<Label> {
        match self.hint {
            Some(k) => Some(Label::Kind(k)),
            None => label_before(self.input, s),
        }
    }

    /// The confidence of an address starting at `s`: [`resolve_email`] of [`Ctx::context`],
    /// reading only whether the label is an e-mail one.
    #[inline]
    fn email_confidence(&self, s: usize) -> Confidence {
        match self.hint {
            Some(k) => resolve_email(Some(Label::Kind(k))),
            None if email_label_before(self.input, s) => {
                resolve_email(Some(Label::Kind(Kind::Email)))
            }
            None => resolve_email(None),
        }
    }

    /// [`Ctx::context`] kept out of line, for callers that may never need it.
    #[inline(never)]
    fn context_out_of_line(&self, s: usize) -> Option<Label> {
        self.context(s)
    }

    /// Longest valid span among the chain's ends, classified as `form`, starting at `s`.
    #[inline]
    fn best(&self, chain: &Chain, s: usize, form: Form) -> Option<Finding> {
        if let Some([end]) = chain.ends.get(..chain.n_ends) {
            // One end (most written values): the context is read once at most anyway.
            if end.amount && form == Form::Plain {
                return None;
            }
            let d = chain.digits.get(..usize::from(end.digits))?;
            let mut context = || self.context_out_of_line(s);
            let (kind, confidence) = classify(d, form, self.kinds, &mut context)?;
            return Some(Finding {
                kind,
                start: s,
                end: chain.end_of(end),
                confidence,
            });
        }
        let mut memo: Option<Option<Label>> = None;
        let mut context = || *memo.get_or_insert_with(|| self.context_out_of_line(s));
        for end in chain.ends.iter().take(chain.n_ends).rev() {
            if end.amount && form == Form::Plain {
                continue;
            }
            let d = chain.digits.get(..usize::from(end.digits))?;
            if let Some((kind, confidence)) = classify(d, form, self.kinds, &mut context) {
                return Some(Finding {
                    kind,
                    start: s,
                    end: chain.end_of(end),
                    confidence,
                });
            }
        }
        None
    }

    /// The common case decided from the bytes around the digit run `d..j` alone: a run
    /// with neither a separator nor a prefix next to it (most table fields, most values in
    /// prose) is a candidate by itself, so its digits go straight to [`classify`]; a run
    /// strongly linked to digits before it or touching a word character is none. Anything
    /// else is [`Quick::Slow`], for [`Ctx::at_group`]. Gives exactly what `at_group` gives.
    #[inline(always)]
    fn quick(&self, d: usize, j: usize, cursor: usize, limit: usize) -> Quick {
        let input = self.input;
        // `at` reads 0 (no class) before the input's start.
        let p = at(input, d.wrapping_sub(1));
        let cp = class(p);
        if cp & PREFIX != 0 {
            return Quick::Slow;
        }
        // The scan loop never looks before the cursor, so a plain form found here starts
        // at or after it: `cursor` is only checked in debug builds.
        debug_assert!(d >= cursor);
        if d >= limit {
            return Quick::Nothing; // no prefix form, and the plain form starts out of range
        }
        // Left: `p` is no digit (`d` starts a run).
        if cp & LINK != 0 {
            let pp = class(at(input, d.wrapping_sub(2)));
            if cp & STRONG_SEP != 0 && pp & super::class::DIGIT != 0 {
                return Quick::Nothing; // strongly linked to the digits before
            }
            if !(p == b' ' && pp & LINK == 0) {
                // A separator run may link it to digits before, but with nothing able to link
                // it to a group after it, the run alone is the candidate: of a length no kind
                // takes (`No. 119,` in an address), it is none.
                if possible_kinds(j - d, Form::Plain) & self.kinds == 0 && !is(at(input, j), LINK) {
                    return Quick::Nothing;
                }
                return Quick::Slow;
            }
        } else if cp & WORD != 0 {
            return Quick::Nothing; // touches a word on the left
        }
        // Right: `q` is no digit (`j` ends the run).
        let q = at(input, j);
        let cq = class(q);
        if cq & (LINK | WORD) != 0 {
            if cq & WORD != 0 {
                return Quick::Nothing; // touches a word on the right
            }
            let qq = class(at(input, j + 1));
            if qq & LINK != 0 {
                return Quick::SlowRight; // another group may follow
            }
            if cq & STRONG_SEP != 0 && qq & WORD != 0 {
                return Quick::Nothing; // `…0001-A`
            }
            if cq & (STRONG_SEP | SPACE) == 0 {
                return Quick::SlowRight; // a multi-byte separator
            }
        }
        // A lone group: the candidate is the run itself.
        let n = j - d;
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&n)
            || possible_kinds(n, Form::Plain) & self.kinds == 0
        {
            return Quick::Nothing;
        }
        let Some(digits) = input.get(d..j) else {
            return Quick::Nothing;
        };
        let mut context = || self.context(d);
        match classify(digits, Form::Plain, self.kinds, &mut context) {
            Some((kind, confidence)) => Quick::Found(Finding {
                kind,
                start: d,
                end: j,
                confidence,
            }),
            None => Quick::Nothing,
        }
    }

    /// The candidate decided at the group starting at `g`: first a `+`/`(` form starting at
    /// `g - 1`, then the plain form at `g`. Only starts in `cursor..limit` count.
    /// `run_end` ends the digit run at `g`; `chain` is scratch space. `left_checked`: the
    /// quick look found no prefix and a left side where the plain form may start. When no
    /// candidate can start before some later index, that index goes to `resume`.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn at_group(
        &self,
        chain: &mut Chain,
        g: usize,
        run_end: usize,
        cursor: usize,
        limit: usize,
        left_checked: bool,
        resume: &mut usize,
    ) -> Option<Finding> {
        let input = self.input;
        if !left_checked && g >= 1 && g > cursor && g - 1 < limit {
            let p = g - 1;
            let prefix = at(input, p);
            if prefix == b'+' && left_ok(input, p) {
                if let Some(g1) = plus_trunk_prefix(input, p) {
                    // `+62 (0)812…`: the digits are `620812…`, a `+` form.
                    chain.clear();
                    for (slot, &b) in chain.digits.iter_mut().zip(b"620") {
                        *slot = b;
                    }
                    chain.len = 3;
                    chain.extend(input, g1, false);
                    if let Some(f) = self.best(chain, p, Form::Plus) {
                        return Some(f);
                    }
                }
                chain.clear();
                chain.extend(input, g, false);
                if let Some(f) = self.best(chain, p, Form::Plus) {
                    return Some(f);
                }
            } else if prefix == b'(' {
                // The bracket itself delimits: `1(021) 5550123` is a phone after a `1`.
                if let Some((d0, close, g1)) = paren_prefix(input, p) {
                    chain.clear();
                    for (slot, &b) in chain.digits.iter_mut().zip(input.get(d0..close)?) {
                        *slot = b;
                    }
                    chain.len = close - d0;
                    chain.extend(input, g1, false);
                    if let Some(f) = self.best(chain, p, Form::Paren) {
                        return Some(f);
                    }
                }
            }
        }
        if g >= cursor && g < limit {
            // A lone group: no separator after it, so its span is the group itself.
            let run_end = run_end.min(g + MAX_DIGITS + 1);
            let next = at(input, run_end);
            let lone = !is(next, STRONG_SEP | SPACE) && wide_sep(input, run_end, next).is_none();
            if lone && possible_kinds(run_end - g, Form::Plain) & self.kinds == 0 {
                return None; // of a length no kind takes (more than 22 digits included)
            }
            if !left_checked {
                let (strong_link, left) = left_of_group(input, g);
                if strong_link || !left {
                    return None;
                }
            }
            if lone {
                // The chain would be this group alone, ending here if no word follows: decide
                // on the input's own bytes, without copying them.
                if is(next, WORD) {
                    return None;
                }
                let d = input.get(g..run_end)?;
                let mut context = || self.context(g);
                let (kind, confidence) = classify(d, Form::Plain, self.kinds, &mut context)?;
                return Some(Finding {
                    kind,
                    start: g,
                    end: run_end,
                    confidence,
                });
            }
            // A short second group (dates: `1985-03-12`) is worth a look at the digits
            // ahead: when too few, no chain is built.
            if !digit_at(input, run_end + 3) {
                if let Some(end) = short_run_end(input, g) {
                    *resume = end; // no chain from any group up to there reaches a kind's length
                    return None;
                }
            }
            chain.clear();
            chain.extend(input, g, true);
            if chain.len < MIN_DIGITS {
                return None; // every span of the chain is shorter than any kind (dates)
            }
            return self.best(chain, g, Form::Plain);
        }
        None
    }
}

/// The `@` search, set up once per scan: `memchr::memchr` goes through a function
/// pointer and builds its searcher on every call, which matters when the search itself
/// is as short as the gap between two addresses.
struct AtFinder {
    #[cfg(all(target_arch = "x86_64", feature = "std"))]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::One>,
}

impl AtFinder {
    fn new() -> AtFinder {
        AtFinder {
            #[cfg(all(target_arch = "x86_64", feature = "std"))]
            avx2: memchr::arch::x86_64::avx2::memchr::One::new(b'@'),
        }
    }

    /// Index of the first `@` in `haystack`. Haystacks under 32 bytes (near the input's
    /// end) go to `memchr`: the searcher's own path for them kept more state in the loop.
    #[inline]
    fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(all(target_arch = "x86_64", feature = "std"))]
        if let Some(one) = self.avx2.as_ref().filter(|_| haystack.len() >= 32) {
            return one.find(haystack);
        }
        memchr::memchr(b'@', haystack)
    }
}

/// The next e-mail candidate.
struct MailStream {
    pos: usize,
    cached: Option<Finding>,
    done: bool,
    at: AtFinder,
}

impl MailStream {
    #[inline]
    fn next(&mut self, cx: &Ctx<'_>, cursor: usize, limit: usize) -> Option<Finding> {
        if let Some(f) = self.cached {
            if f.start >= cursor {
                return Some(f);
            }
            self.cached = None;
        }
        if self.done {
            return None;
        }
        let input = cx.input;
        // An address starting before `limit` has its `@` at most MAX_LOCAL bytes later.
        let end = input.len().min(limit.saturating_add(email::MAX_LOCAL + 1));
        let mut i = self.pos.max(cursor);
        while i < end {
            let Some(off) = input.get(i..end).and_then(|h| self.at.find(h)) else {
                break;
            };
            let a = i + off;
            i = a + 1;
            let Some((s, e)) = email::around(input, a) else {
                continue;
            };
            if s < cursor {
                continue;
            }
            if s >= limit {
                break;
            }
            let confidence = cx.email_confidence(s);
            let f = Finding {
                kind: Kind::Email,
                start: s,
                end: e,
                confidence,
            };
            self.pos = i;
            self.cached = Some(f);
            return self.cached;
        }
        self.done = true;
        None
    }
}

/// Where findings go: to a callback, or pushed onto a vector without a call each.
pub(crate) enum Sink<'a> {
    /// Each finding is handed to the callback.
    Call(&'a mut dyn FnMut(Finding)),
    /// Each finding is pushed (what the redactor's text path wants).
    #[cfg(feature = "std")]
    Push(&'a mut Vec<Finding>),
}

impl Sink<'_> {
    #[inline(always)]
    pub(crate) fn put(&mut self, f: Finding) {
        match self {
            Sink::Call(emit) => emit(f),
            #[cfg(feature = "std")]
            Sink::Push(out) => out.push(f),
        }
    }
}

/// Emits the findings of `input` whose start lies in `from..limit`, in order, without
/// overlaps; returns the position after the last decision (at least `limit`).
///
/// The caller guarantees `CONTEXT_BEHIND` bytes before `from` (or the input's start) and
/// `CONTEXT_AHEAD` bytes after `limit` (or the input's true end) are in `input`.
pub(crate) fn scan_range(cx: &Ctx<'_>, from: usize, limit: usize, sink: &mut Sink<'_>) -> usize {
    let email_on = cx.kinds & super::validate::bit(Kind::Email) != 0;
    let numeric_on = cx.kinds & !super::validate::bit(Kind::Email) != 0;
    let mut mail = MailStream {
        pos: from,
        cached: None,
        done: !email_on,
        at: AtFinder::new(),
    };
    // The next address starting at or after the cursor.
    let mut next_mail = mail.next(cx, from, limit);
    let mut cursor = from;
    if numeric_on {
        let input = cx.input;
        let mut chain = Chain::new();
        // Group starts up to `limit` (a `+` at `limit - 1` belongs to a group at `limit`).
        let end = input.len().min(limit.saturating_add(1));
        let mut i = from;
        while let Some((d, mut j)) = find_run(input, i, end) {
            // `d` starts a run unless the search started inside one.
            if d > i || d == 0 || !digit_at(input, d - 1) {
                let chain = &mut chain;
                let found = match cx.quick(d, j, cursor, limit) {
                    Quick::Nothing => None,
                    Quick::Found(f) => Some(f),
                    Quick::Slow => cx.at_group(chain, d, j, cursor, limit, false, &mut j),
                    Quick::SlowRight => cx.at_group(chain, d, j, cursor, limit, true, &mut j),
                };
                if let Some(f) = found {
                    // Addresses starting first, or at the same place and ending later, go first.
                    while let Some(m) = next_mail {
                        if m.start > f.start || (m.start == f.start && m.end <= f.end) {
                            break;
                        }
                        sink.put(m);
                        cursor = m.end;
                        next_mail = mail.next(cx, cursor, limit);
                    }
                    if f.start >= cursor {
                        sink.put(f);
                        cursor = f.end;
                        if next_mail.is_some_and(|m| m.start < cursor) {
                            next_mail = mail.next(cx, cursor, limit);
                        }
                    }
                    // The search goes on after the candidate's first digit and the cursor.
                    j = (d + 1).max(cursor);
                }
            }
            i = j;
        }
    }
    while let Some(m) = next_mail {
        sink.put(m);
        cursor = m.end;
        next_mail = mail.next(cx, cursor, limit);
    }
    cursor.max(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        // `Ctx::quick` gives what `Ctx::at_group`, its reference, gives wherever it decides
        // (a candidate or none), and `SlowRight` only where the left side is as checked.
        #[test]
        fn quick_agrees_with_at_group(
            s in "([0-9]{1,17}|[ .\\-/]{1,2}|\u{a0}|[a-zA-Z_]|[,;:()+@\"]|No\\. ){0,12}",
            cut in 0usize..3,
            hint in proptest::option::of(proptest::sample::select(vec![Kind::Nik, Kind::Phone])),
        ) {
            let input = s.as_bytes();
            let kinds = super::super::validate::enabled(&super::super::ScanConfig::default());
            let cx = Ctx { input, hint, kinds };
            let mut chain = Chain::new();
            for d in 0..input.len() {
                if !digit_at(input, d) || (d > 0 && digit_at(input, d - 1)) {
                    continue;
                }
                let mut j = d;
                while digit_at(input, j) {
                    j += 1;
                }
                let limit = [input.len(), d, d + 1][cut];
                let mut resume = j;
                let want = cx.at_group(&mut chain, d, j, 0, limit, false, &mut resume);
                match cx.quick(d, j, 0, limit) {
                    Quick::Nothing => proptest::prop_assert_eq!(want, None, "{:?} {}", s, d),
                    Quick::Found(f) => proptest::prop_assert_eq!(want, Some(f), "{:?} {}", s, d),
                    Quick::SlowRight => {
                        let mut checked = j;
                        let got = cx.at_group(&mut chain, d, j, 0, limit, true, &mut checked);
                        proptest::prop_assert_eq!(got, want, "{:?} {}", s, d);
                        proptest::prop_assert_eq!(checked, resume, "{:?} {}", s, d);
                    }
                    Quick::Slow => {}
                }
            }
        }
    }
}
