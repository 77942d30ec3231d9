//! The naive reference scanner: slow and obviously right, used as a test oracle.
//!
//! It tries every `(start, end)` span of the input, longest first at each start, through
//! a direct reading of the rules documented in `numeric.rs` and `email.rs` (written again
//! here over a forward tokenisation, sharing none of the fast code's skipping), then the
//! same parsers, labels and resolution. The fast scanner must agree with it exactly.

use std::vec::Vec;

use proptest::prelude::*;

use super::labels::{Label, label_before};
use super::numeric::Form;
use super::validate::{KindSet, enabled, numeric_kinds, resolve, resolve_email};
use super::{Finding, MAX_FINDING_LEN, ScanConfig, Scanner};
use crate::kind::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// A maximal digit run.
    Digits { start: usize, end: usize },
    /// A maximal separator run: characters, any strong one.
    Sep {
        start: usize,
        end: usize,
        chars: usize,
        strong: bool,
    },
    /// Any other byte.
    Other { at: usize },
}

fn sep_len(input: &[u8], i: usize) -> Option<(usize, bool)> {
    match input.get(i..) {
        Some([b' ', ..]) => Some((1, false)),
        Some([b'.' | b'-' | b'/', ..]) => Some((1, true)),
        Some([0xC2, 0xA0, ..]) => Some((2, false)),
        // Unicode spaces: U+2007-U+200A, U+202F, U+3000.
        Some([0xE2, 0x80, 0x87..=0x8A | 0xAF, ..] | [0xE3, 0x80, 0x80, ..]) => Some((3, false)),
        // Unicode dashes: U+2010-U+2013, U+2212.
        Some([0xE2, 0x80, 0x90..=0x93, ..] | [0xE2, 0x88, 0x92, ..]) => Some((3, true)),
        // Invisible characters join like dashes: U+00AD, U+200B-U+200F, U+202A-U+202E,
        // U+2060, U+2066-U+2069, U+FEFF.
        Some([0xC2, 0xAD, ..]) => Some((2, true)),
        Some(
            [0xE2, 0x80, 0x8B..=0x8F | 0xAA..=0xAE, ..]
            | [0xE2, 0x81, 0xA0 | 0xA6..=0xA9, ..]
            | [0xEF, 0xBB, 0xBF, ..],
        ) => Some((3, true)),
        _ => None,
    }
}

fn tokenize(input: &[u8]) -> (Vec<Tok>, Vec<usize>) {
    let mut toks = Vec::new();
    let mut index = vec![0; input.len() + 1];
    let mut i = 0;
    while i < input.len() {
        let start = i;
        let tok = if input[i].is_ascii_digit() {
            while i < input.len() && input[i].is_ascii_digit() {
                i += 1;
            }
            Tok::Digits { start, end: i }
        } else if sep_len(input, i).is_some() {
            let mut chars = 0;
            let mut strong = false;
            while let Some((n, st)) = sep_len(input, i) {
                i += n;
                chars += 1;
                strong |= st;
            }
            Tok::Sep {
                start,
                end: i,
                chars,
                strong,
            }
        } else {
            i += 1;
            Tok::Other { at: start }
        };
        for slot in &mut index[start..i] {
            *slot = toks.len();
        }
        toks.push(tok);
    }
    index[input.len()] = toks.len();
    (toks, index)
}

struct Naive<'a> {
    input: &'a [u8],
    toks: Vec<Tok>,
    index: Vec<usize>,
    hint: Option<Kind>,
    kinds: KindSet,
}

fn word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn domain_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

impl Naive<'_> {
    fn context(&self, s: usize) -> Option<Label> {
        match self.hint {
            Some(k) => Some(Label::Kind(k)),
            None => label_before(self.input, s),
        }
    }

    fn byte(&self, i: usize) -> u8 {
        self.input.get(i).copied().unwrap_or(0)
    }

    fn len_of(&self, t: usize) -> usize {
        match self.toks.get(t) {
            Some(Tok::Digits { start, end }) => end - start,
            _ => 0,
        }
    }

    fn is_digits(&self, t: usize) -> bool {
        matches!(self.toks.get(t), Some(Tok::Digits { .. }))
    }

    /// A short separator run between two digit tokens at token `t`: `Some(strong)`.
    fn short_sep(&self, t: usize) -> Option<bool> {
        match self.toks.get(t) {
            Some(&Tok::Sep { chars, strong, .. }) if (1..=3).contains(&chars) => Some(strong),
            _ => None,
        }
    }

    /// Length of the invisible character (zero-width, bidi control, soft hyphen, BOM)
    /// starting at `i`.
    fn invisible(&self, i: usize) -> Option<usize> {
        let rest = self.input.get(i..)?;
        let invisible: [&[u8]; 17] = [
            "\u{AD}".as_bytes(),
            "\u{200B}".as_bytes(),
            "\u{200C}".as_bytes(),
            "\u{200D}".as_bytes(),
            "\u{200E}".as_bytes(),
            "\u{200F}".as_bytes(),
            "\u{202A}".as_bytes(),
            "\u{202B}".as_bytes(),
            "\u{202C}".as_bytes(),
            "\u{202D}".as_bytes(),
            "\u{202E}".as_bytes(),
            "\u{2060}".as_bytes(),
            "\u{2066}".as_bytes(),
            "\u{2067}".as_bytes(),
            "\u{2068}".as_bytes(),
            "\u{2069}".as_bytes(),
            "\u{FEFF}".as_bytes(),
        ];
        invisible
            .iter()
            .find(|c| rest.starts_with(c))
            .map(|c| c.len())
    }

    /// The visible bytes of `input[from..to]` if it holds only `ok` bytes and invisible
    /// characters.
    fn visible(&self, from: usize, to: usize, ok: fn(u8) -> bool) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut i = from;
        while i < to {
            if ok(self.byte(i)) {
                out.push(self.byte(i));
                i += 1;
            } else {
                i += self.invisible(i)?;
            }
        }
        (i == to).then_some(out)
    }

    /// End of the run of domain characters and invisible ones starting at `d0`.
    fn domain_run(&self, d0: usize) -> usize {
        let mut i = d0;
        loop {
            if domain_char(self.byte(i)) && i < self.input.len() {
                i += 1;
            } else if let Some(len) = self.invisible(i) {
                i += len;
            } else {
                return i;
            }
        }
    }

    fn domain_valid(domain: &[u8]) -> bool {
        let labels: Vec<&[u8]> = domain.split(|&b| b == b'.').collect();
        labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty() && l.len() <= 63 && !l.starts_with(b"-") && !l.ends_with(b"-")
            })
            && labels
                .last()
                .is_some_and(|l| l.len() >= 2 && l.iter().all(u8::is_ascii_alphabetic))
    }

    /// True when `input[s..a]` is the local part of an address whose `@` is at `a`.
    fn local_ok(&self, s: usize, a: usize) -> bool {
        // Starts with a visible character, at most 64 bytes as written.
        let Some(local) = self.visible(s, a, local_char) else {
            return false;
        };
        if !local_char(self.byte(s))
            || a - s > 64
            || local.is_empty()
            || local.starts_with(b".")
            || local.ends_with(b".")
            || local.windows(2).any(|w| w == b"..")
        {
            return false;
        }
        // Maximal on the left: invisible characters before it (within the 64 bytes)
        // lead to no local character.
        let mut p = s;
        while let Some(len) = (2..=3).find(|&l| p >= l && self.invisible(p - l) == Some(l)) {
            if a - (p - len) > 64 {
                break;
            }
            p -= len;
        }
        !(p > 0 && local_char(self.input[p - 1]))
    }

    /// An address `local@domain`, or a chain of overlapping ones `local@d1@d2…@dn`
    /// (the local part of the address of each further `@` starts inside the domain
    /// before it), read through invisible characters inside it.
    fn email(&self, s: usize, e: usize) -> Option<Finding> {
        let span = &self.input[s..e];
        let a = s + span.iter().position(|&b| b == b'@')?;
        if !self.local_ok(s, a) {
            return None;
        }
        // Domains, split at each `@`.
        let mut d0 = a + 1;
        let mut first = true;
        loop {
            let run = self.domain_run(d0);
            let cap = if first {
                d0 + 255
            } else {
                (s + MAX_FINDING_LEN).min(d0 + 255)
            };
            if run > cap {
                return None;
            }
            let at = span[d0 - s..]
                .iter()
                .position(|&b| b == b'@')
                .map(|k| d0 + k);
            match at {
                Some(next) => {
                    // A middle domain: its run less trailing `.`, `-` and invisible
                    // characters, overlapped by the next address's local part.
                    let end = (d0 + 1..=run).rev().find(|&end| {
                        let last = self.input[end - 1];
                        domain_char(last)
                            && last != b'.'
                            && last != b'-'
                            && self
                                .visible(end, run, domain_char)
                                .is_some_and(|rest| rest.iter().all(|&b| b == b'.' || b == b'-'))
                    })?;
                    let d = self.visible(d0, end, domain_char)?;
                    if !Self::domain_valid(&d) {
                        return None;
                    }
                    let local = (d0..next).find(|&t| self.local_ok(t, next))?;
                    if local >= end {
                        return None; // the next address does not overlap this one
                    }
                    d0 = next + 1;
                    first = false;
                }
                None => {
                    // The last domain: its run less trailing `.`, `-` and invisible
                    // characters ends at `e`.
                    let d = self.visible(d0, e, domain_char)?;
                    if e <= d0 || !domain_char(self.input[e - 1]) || !Self::domain_valid(&d) {
                        return None;
                    }
                    let rest = self.visible(e, run, domain_char)?;
                    if rest.iter().any(|&b| b != b'.' && b != b'-') {
                        return None;
                    }
                    break;
                }
            }
        }
        if self.kinds & (1 << Kind::Email as u16) == 0 {
            return None;
        }
        Some(Finding {
            kind: Kind::Email,
            start: s,
            end: e,
            confidence: resolve_email(self.context(s)),
        })
    }

    /// `+62 (0)` (spaces optional) at `s`, then a digit token: where that token starts.
    fn trunk_form(&self, s: usize) -> Option<usize> {
        let rest = self.input.get(s..)?;
        for head in [&b"+62 (0) "[..], b"+62 (0)", b"+62(0) ", b"+62(0)"] {
            if rest.starts_with(head) && self.byte(s + head.len()).is_ascii_digit() {
                return Some(s + head.len());
            }
        }
        None
    }

    fn numeric(&self, s: usize, e: usize) -> Option<Finding> {
        let input = self.input;
        let (form, mut digits, ds) = match input[s] {
            b'0'..=b'9' => (Form::Plain, Vec::new(), s),
            b'+' => match self.trunk_form(s) {
                Some(g) => (Form::Plus, b"620".to_vec(), g),
                None => (Form::Plus, Vec::new(), s + 1),
            },
            b'(' => {
                let t = self.index[s + 1];
                let Some(&Tok::Digits { start, end }) = self.toks.get(t) else {
                    return None;
                };
                if start != s + 1 || !(2..=4).contains(&(end - start)) || input[start] != b'0' {
                    return None;
                }
                if self.byte(end) != b')' {
                    return None;
                }
                let g = if self.byte(end + 1) == b' ' {
                    end + 2
                } else {
                    end + 1
                };
                (Form::Paren, input[start..end].to_vec(), g)
            }
            _ => return None,
        };
        if ds >= e || !input[ds].is_ascii_digit() || !input[e - 1].is_ascii_digit() {
            return None;
        }
        // Whole tokens: digits, short separator runs, digits...
        let (t0, t1) = (self.index[ds], self.index[e - 1]);
        let first = self.toks[t0];
        let last = self.toks[t1];
        if !matches!(first, Tok::Digits { start, .. } if start == ds)
            || !matches!(last, Tok::Digits { end, .. } if end == e)
        {
            return None;
        }
        let mut groups = Vec::new();
        let mut seps = Vec::new();
        for t in t0..=t1 {
            match self.toks[t] {
                Tok::Digits { start, end } => {
                    groups.push(end - start);
                    digits.extend_from_slice(&input[start..end]);
                }
                Tok::Sep {
                    start,
                    end,
                    chars,
                    strong,
                } => {
                    if !(1..=3).contains(&chars) {
                        return None;
                    }
                    let (before, after) = (self.len_of(t - 1), self.len_of(t + 1));
                    if !strong && (before > 8 || after > 8) {
                        return None;
                    }
                    seps.push(&input[start..end]);
                }
                Tok::Other { .. } => return None,
            }
        }
        if digits.len() > 22 {
            return None;
        }
        // Left of the span.
        if form == Form::Plain
            && t0 >= 2
            && self.is_digits(t0 - 2)
            && self.short_sep(t0 - 1) == Some(true)
        {
            return None; // strongly joined to the digits before
        }
        let left_linked = if form == Form::Plain {
            t0 >= 2 && self.is_digits(t0 - 2) && self.short_sep(t0 - 1).is_some()
        } else {
            // The byte before `+`/`(` is the end of a short separator run after digits.
            let t = if s == 0 {
                None
            } else {
                Some(self.index[s - 1])
            };
            t.is_some_and(|t| t >= 1 && self.is_digits(t - 1) && self.short_sep(t).is_some())
        };
        // A bracket delimits by itself: `1(021) 5550123`.
        if form != Form::Paren && !left_linked && s > 0 {
            let b = input[s - 1];
            if word(b) || (matches!(b, b'-' | b'/') && s >= 2 && word(input[s - 2])) {
                return None;
            }
        }
        // Right of the span.
        let right_linked = self.short_sep(t1 + 1).is_some() && self.is_digits(t1 + 2);
        if right_linked && self.short_sep(t1 + 1) == Some(true) {
            return None;
        }
        if !right_linked {
            let b = self.byte(e);
            if word(b) || (matches!(b, b'-' | b'/' | b'.') && word(self.byte(e + 1))) {
                return None;
            }
        }
        // Thousands-grouped amounts.
        if form == Form::Plain
            && groups.len() >= 2
            && seps.iter().all(|s| *s == b".")
            && (1..=3).contains(&groups[0])
            && groups[1..].iter().all(|&g| g == 3)
        {
            return None;
        }
        let (strict, labelled) = numeric_kinds(&digits, form);
        let (strict, labelled) = (strict & self.kinds, labelled & self.kinds);
        if strict | labelled == 0 {
            return None;
        }
        let (kind, confidence) = resolve(strict, labelled, self.context(s))?;
        Some(Finding {
            kind,
            start: s,
            end: e,
            confidence,
        })
    }

    fn span(&self, s: usize, e: usize) -> Option<Finding> {
        if self.input[s..e].contains(&b'@') {
            self.email(s, e)
        } else {
            self.numeric(s, e)
        }
    }
}

/// The reference scan: on the folded input when it holds non-ASCII digits or `＠`
/// (see `fold.rs`), with the findings mapped back.
pub(crate) fn scan(config: &ScanConfig, input: &[u8], hint: Option<Kind>) -> Vec<Finding> {
    if super::fold::has_foldable(input) {
        let mut folded = super::fold::Folded::default();
        folded.fold(input);
        return scan_ascii(config, &folded.bytes, hint)
            .into_iter()
            .map(|f| folded.unfold(f))
            .collect();
    }
    scan_ascii(config, input, hint)
}

fn scan_ascii(config: &ScanConfig, input: &[u8], hint: Option<Kind>) -> Vec<Finding> {
    let (toks, index) = tokenize(input);
    let n = Naive {
        input,
        toks,
        index,
        hint,
        kinds: enabled(config),
    };
    let mut out = Vec::new();
    let mut s = 0;
    while s < input.len() {
        let longest = (s + 1..=input.len().min(s + MAX_FINDING_LEN))
            .rev()
            .find_map(|e| n.span(s, e));
        match longest {
            Some(f) => {
                out.push(f);
                s = f.end;
            }
            None => s += 1,
        }
    }
    out
}

/// Pieces that make inputs full of near-misses.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    let fixed: Vec<&'static [u8]> = vec![
        b"3171011708450001",
        b"3171015708450001",
        b"3273051203150007",
        b"3171 0117 0845 0001",
        b"32.7305.601090.0009",
        b"01.312.166.0-091.000",
        b"083.132.665.7-201.000",
        b"0831326657201000000003",
        b"0001944358911",
        b"19660801 198803 1 001",
        b"0812-3456-7890",
        b"+62 812-3456-7890",
        b"+62 (0)812-3456-7890",
        b"+62(0) 21 5550123",
        b"(0)",
        b"+62 ",
        b"6281234567890",
        b"(021) 5550123",
        b"4111 1111 1111 1111",
        b"3528011708450006",
        b"budi.s@mail.co.id",
        b"a@b.co",
        "budi\u{200B}@mail.co.id".as_bytes(),
        b"x@budi.santo%k@g.com",
        b"%k",
        b"-@",
        b"x@budi.santoso@gmail.com",
        "\u{200B}".as_bytes(),
        "\u{FF13}\u{FF11}\u{FF17}\u{FF11}\u{FF10}\u{FF11}\u{FF11}\u{FF17}\u{FF10}\u{FF18}\u{FF14}\u{FF15}\u{FF10}\u{FF10}\u{FF10}\u{FF11}".as_bytes(),
        "\u{FF10}".as_bytes(),
        "\u{FF19}".as_bytes(),
        "\u{FF20}".as_bytes(),
        "\u{663}".as_bytes(),
        "\u{6F1}".as_bytes(),
        b"\xef\xbc",
        b"NIK: ",
        b"No. KK ",
        b"HP ",
        b"Rp ",
        b"noka ",
        b"\"nik\":\"",
        b"kartu kredit ",
        b"NPWP ",
        b"Telp. ",
        b"order ",
        b"email ",
        b"12.500.000",
        b"2024-01-15",
        b" ",
        b"  ",
        b".",
        b"-",
        b"/",
        b",",
        b"\n",
        b"@",
        b"+",
        b"(",
        b")",
        b"'",
        b"\"",
        b":",
        b"_",
        b"\xc2\xa0",
        b"\xc2",
        b"\xa0",
        b"\xe2\x80\x89",
        b"\xe2\x80\x93",
        b"\xe2\x80",
        b"\x80\x93",
        b"\xe2\x80\x94",
        b"\xe2\x80\x8b",
        b"\xc2\xad",
        b"\xef\xbb\xbf",
        b"\xe2\x81\xa0",
        b"\xff",
        b"x",
        b"ID",
        b"..",
        b" - ",
    ];
    prop_oneof![
        4 => proptest::sample::select(fixed).prop_map(|s| s.to_vec()),
        4 => grouped(),
        2 => "[0-9]{1,20}".prop_map(String::into_bytes),
        1 => "[0-9 .-]{1,24}".prop_map(String::into_bytes),
        1 => "[a-z0-9._@+-]{1,12}".prop_map(String::into_bytes),
        1 => proptest::collection::vec(any::<u8>(), 1..6),
    ]
}

/// A valid value's digits cut into groups at random places with random separators.
fn grouped() -> impl Strategy<Value = Vec<u8>> {
    let compact: Vec<&'static [u8]> = vec![
        b"3171011708450001",
        b"3171015708450001",
        b"3273051203150007",
        b"013121660091000",
        b"0831326657201000",
        b"0831326657201000000003",
        b"0001944358911",
        b"196608011988031001",
        b"081234567890",
        b"6281234567890",
        b"0215550123",
        b"4111111111111111",
        b"378282246310005",
        b"12345678901",
        b"1234567890123",
    ];
    let seps: Vec<&'static [u8]> = vec![
        b" ",
        b" ",
        b".",
        b"-",
        b"/",
        b"\xc2\xa0",
        b"\xe2\x80\xaf",
        b"\xe3\x80\x80",
        b"\xe2\x80\x91",
        b"\xe2\x88\x92",
        b" \xe2\x80\x93 ",
        b"\xe2\x80\x8b",
        b"\xe2\x80\x8f",
        b" . ",
        b" - ",
        b"  ",
        b"    ",
        b".-",
        b"",
    ];
    (
        proptest::sample::select(compact),
        proptest::collection::vec((1usize..12, proptest::sample::select(seps)), 0..6),
    )
        .prop_map(|(digits, cuts)| {
            let mut out = Vec::new();
            let mut at = 0;
            for (len, sep) in cuts {
                let next = (at + len).min(digits.len());
                out.extend_from_slice(&digits[at..next]);
                at = next;
                if at < digits.len() {
                    out.extend_from_slice(sep);
                }
            }
            out.extend_from_slice(&digits[at..]);
            out
        })
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn hint() -> impl Strategy<Value = Option<Kind>> {
    prop_oneof![
        4 => Just(None),
        1 => proptest::sample::select(Kind::ALL.to_vec()).prop_map(Some),
    ]
}

fn fast(config: &ScanConfig, input: &[u8], hint: Option<Kind>) -> Vec<Finding> {
    let mut out = Vec::new();
    Scanner::with_config(config.clone()).scan_into(input, hint, &mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn fast_agrees_with_naive(input in input(), hint in hint()) {
        let config = ScanConfig::default();
        prop_assert_eq!(fast(&config, &input, hint), scan(&config, &input, hint));
    }

    #[test]
    fn fast_agrees_with_naive_on_any_bytes(input in proptest::collection::vec(any::<u8>(), 0..200)) {
        let config = ScanConfig::default();
        prop_assert_eq!(fast(&config, &input, None), scan(&config, &input, None));
    }

    #[test]
    fn fast_agrees_with_naive_per_kind(input in input(), k in proptest::sample::select(Kind::ALL.to_vec())) {
        let config = ScanConfig::only(&[k]);
        prop_assert_eq!(fast(&config, &input, None), scan(&config, &input, None));
    }

    #[test]
    fn stream_agrees_with_one_shot(input in input(), cuts in proptest::collection::vec(any::<usize>(), 0..6)) {
        let whole = fast(&ScanConfig::default(), &input, None);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (input.len() + 1)).collect();
        cuts.sort_unstable();
        let mut stream = super::StreamScanner::new(Scanner::new());
        let mut out = Vec::new();
        let mut prev = 0;
        for c in cuts {
            stream.push(&input[prev..c], &mut |f| out.push(f));
            prev = c;
        }
        stream.push(&input[prev..], &mut |f| out.push(f));
        stream.finish(&mut |f| out.push(f));
        prop_assert_eq!(out, whole);
    }
}
