//! One small validator per kind over bare ASCII digits, and the choice between look-alikes.
//!
//! Each numeric candidate's digits go through every parser whose length fits; the label
//! or hint (see `labels.rs`) then picks between the kinds that accept it.

use super::ScanConfig;
use super::labels::Label;
use super::numeric::Form;
use crate::kind::Kind;
use crate::phone::PhoneType;
use crate::scan::Confidence;

/// A set of kinds as bits (`1 << kind index`).
pub(crate) type KindSet = u16;

/// The bit of `k`.
#[inline(always)]
pub(crate) const fn bit(k: Kind) -> KindSet {
    1 << k as u16
}

/// NIK: the crate's own parser.
#[inline]
fn nik_valid(d: &[u8]) -> bool {
    match <&[u8; 16]>::try_from(d) {
        // Candidates are ASCII digits already: straight to the field checks.
        Ok(block) => crate::nik::block_is_valid(block, true),
        Err(_) => false,
    }
}

/// KK number: the crate's own parser.
#[inline]
fn kk_valid(d: &[u8]) -> bool {
    match <&[u8; 16]>::try_from(d) {
        Ok(block) => crate::nik::block_is_valid(block, false),
        Err(_) => false,
    }
}

/// NPWP with a check digit: 15 digits (Luhn over the first 9) or `0` + those 15
/// (`crate::npwp`). The NIK form of a 16-digit NPWP is only taken when labelled.
#[inline]
fn npwp_checked_valid(d: &[u8]) -> bool {
    // Candidates are ASCII digits already: straight to the Luhn check.
    match (d.len(), d) {
        (15, _) => crate::npwp::digits15_valid(d),
        (16, [b'0', rest @ ..]) => crate::npwp::digits15_valid(rest),
        _ => false,
    }
}

/// NITKU: a 16-digit NPWP (NIK or `0` + 15) and a 6-digit place number (`crate::nitku`).
#[inline]
fn nitku_valid(d: &[u8]) -> bool {
    crate::nitku::is_valid(d)
}

/// NIP: `YYYYMMDD YYYYMM G SSS` with real dates (`crate::nip`).
#[inline]
fn nip_valid(d: &[u8]) -> bool {
    crate::nip::is_valid(d)
}

/// What a phone candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhoneKind {
    /// Not a phone number.
    No,
    /// Mobile (`8[1-35-9]`, 9-12 national digits).
    Mobile,
    /// Fixed line: area code and subscriber.
    Fixed,
}

/// Classifies phone digits written in `form` (see identifiers.md §5.1).
#[inline]
pub(crate) fn phone_kind(d: &[u8], form: Form) -> PhoneKind {
    // Slice patterns: one length check and a few byte compares, first byte first.
    let (nsn, mobile_only) = match (form, d) {
        // `+620812…` is a frequent slip: the trunk 0 kept after the country code.
        (Form::Plus, [b'6', b'2', b'0', rest @ ..]) => (rest, false),
        (Form::Plus, [b'6', b'2', rest @ ..]) => (rest, false),
        (Form::Paren, [b'0', rest @ ..]) => (rest, false),
        (Form::Plain, [b'0', b'0', b'6', b'2', rest @ ..]) => (rest, false),
        (Form::Plain, [b'0', rest @ ..]) => (rest, false),
        // Written without `+`, only a mobile number (`8…`) is taken as one.
        (Form::Plain, [b'6', b'2', rest @ ..]) if rest.first() == Some(&b'8') => (rest, true),
        _ => return PhoneKind::No,
    };
    match nsn.first() {
        None | Some(b'0') => return PhoneKind::No,
        _ => {}
    }
    // libphonenumber's ID metadata (`crate::phone`): mobile and fixed-line numbers only;
    // toll-free, premium and service numbers are no one's personal data.
    match crate::phone::classify_nsn_digits(nsn) {
        PhoneType::Mobile => PhoneKind::Mobile,
        PhoneType::FixedLine if !mobile_only => PhoneKind::Fixed,
        _ => PhoneKind::No,
    }
}

/// The kinds a numeric candidate is valid as: `(always, only_if_labelled)`.
///
/// The eager form, kept for the naive reference scanner; the scanner uses [`classify`].
#[cfg(test)]
pub(crate) fn numeric_kinds(d: &[u8], form: Form) -> (KindSet, KindSet) {
    let mut strict: KindSet = 0;
    let mut labelled: KindSet = 0;
    let n = d.len();
    if (9..=16).contains(&n) || form != Form::Plain {
        match phone_kind(d, form) {
            PhoneKind::Mobile => strict |= bit(Kind::Phone),
            PhoneKind::Fixed if form != Form::Plain => strict |= bit(Kind::Phone),
            PhoneKind::Fixed => labelled |= bit(Kind::Phone),
            PhoneKind::No => {}
        }
    }
    if form != Form::Plain {
        return (strict, labelled);
    }
    match n {
        13 if crate::bpjs::is_valid_kesehatan(d) => {
            if d.starts_with(b"00") {
                strict |= bit(Kind::BpjsKesehatan);
            } else {
                labelled |= bit(Kind::BpjsKesehatan);
            }
        }
        15 if npwp_checked_valid(d) => strict |= bit(Kind::Npwp),
        16 => {
            if nik_valid(d) {
                strict |= bit(Kind::Nik);
                labelled |= bit(Kind::Npwp); // NPWP16 of a resident is the NIK
            }
            if kk_valid(d) {
                strict |= bit(Kind::Kk);
            }
            if npwp_checked_valid(d) {
                strict |= bit(Kind::Npwp);
            }
        }
        18 if nip_valid(d) => strict |= bit(Kind::Nip),
        22 if nitku_valid(d) => strict |= bit(Kind::Nitku),
        _ => {}
    }
    if (10..=16).contains(&n) && crate::bpjs::is_valid_kpj(d) {
        labelled |= bit(Kind::BpjsKetenagakerjaan); // opaque digits: only when labelled
    }
    if (12..=19).contains(&n) && super::card::is_valid_digits(d) {
        strict |= bit(Kind::PaymentCard);
    }
    (strict, labelled)
}

/// Default order between kinds valid for the same digits when no label decides
/// (`first_valid` checks them in this order).
#[cfg(test)]
const DEFAULT_ORDER: [Kind; 8] = [
    Kind::Nitku,
    Kind::Nip,
    Kind::Npwp,
    Kind::Nik,
    Kind::Kk,
    Kind::Phone,
    Kind::BpjsKesehatan,
    Kind::PaymentCard,
];

/// The kinds enabled in `config`.
#[inline]
pub(crate) fn enabled(config: &ScanConfig) -> KindSet {
    let mut set = 0;
    for (k, on) in Kind::ALL.iter().zip(config.kinds.iter()) {
        if *on {
            set |= bit(*k);
        }
    }
    set
}

/// Picks the kind and confidence of a candidate valid as `strict` (and `labelled` kinds
/// when the context names them), given the context (hint, else label). Eager form of
/// [`classify`], for the naive reference scanner.
#[cfg(test)]
pub(crate) fn resolve(
    strict: KindSet,
    labelled: KindSet,
    context: Option<Label>,
) -> Option<(Kind, Confidence)> {
    let named = match context {
        Some(Label::Negative) => return None,
        Some(Label::Kind(k)) => Some(k),
        None => None,
    };
    if let Some(k) = named {
        if (strict | labelled) & bit(k) != 0 {
            return Some((k, Confidence::High));
        }
    }
    let k = DEFAULT_ORDER.into_iter().find(|k| strict & bit(*k) != 0)?;
    if named.is_some() {
        return Some((k, Confidence::Low)); // a label for another kind: keep, but doubt
    }
    let confidence = match k {
        Kind::Nik if strict & bit(Kind::Kk) != 0 => Confidence::Low,
        Kind::Kk | Kind::BpjsKesehatan => Confidence::Low,
        _ => Confidence::Medium,
    };
    Some((k, confidence))
}

/// Is `d` (written in `form`) valid as `k`? `labelled`: the context names `k`, which admits
/// the kinds too weak to report on their own (13 digits without `00`, fixed lines written
/// bare, KPJ numbers, the NIK form of an NPWP).
#[inline]
fn kind_valid(k: Kind, d: &[u8], form: Form, labelled: bool) -> bool {
    let n = d.len();
    if k == Kind::Phone {
        return phone_valid(d, form, labelled);
    }
    if form != Form::Plain {
        return false;
    }
    match k {
        Kind::Nik => n == 16 && nik_valid(d),
        Kind::Kk => n == 16 && kk_valid(d),
        Kind::Npwp => npwp_checked_valid(d) || (labelled && n == 16 && nik_valid(d)),
        Kind::Nitku => n == 22 && nitku_valid(d),
        Kind::Nip => n == 18 && nip_valid(d),
        Kind::BpjsKesehatan => {
            (labelled || d.starts_with(b"00")) && crate::bpjs::kesehatan_digits_valid(d)
        }
        Kind::BpjsKetenagakerjaan => {
            labelled && (10..=16).contains(&n) && crate::bpjs::is_valid_kpj(d)
        }
        Kind::PaymentCard => (12..=19).contains(&n) && super::card::is_valid_digits(d),
        _ => false,
    }
}

/// [`kind_valid`] for a phone: mobile numbers always, fixed lines when written with a
/// prefix or labelled. [`first_valid`] calls it directly, without `kind_valid`'s dispatch
/// on the kind. Like the other validators, inlined into the out-of-line copies of
/// `first_valid` (the scan loop makes one call per candidate).
#[inline]
fn phone_valid(d: &[u8], form: Form, labelled: bool) -> bool {
    match phone_kind(d, form) {
        PhoneKind::Mobile => true,
        PhoneKind::Fixed => form != Form::Plain || labelled,
        PhoneKind::No => false,
    }
}

/// Whether the scanner, told by a label (or a column) that the plain digits `d` are
/// `k`, reports them as `k` with high confidence: the labelled branch of [`classify`].
/// Record redaction uses it to skip the scanner for a typed column's plain value.
#[cfg(feature = "std")]
#[inline]
pub(crate) fn labelled_plain_valid(k: Kind, d: &[u8]) -> bool {
    possible_kinds(d.len(), Form::Plain) & bit(k) != 0 && kind_valid(k, d, Form::Plain, true)
}

/// Kinds whose length rules admit `n` digits written in `form` (labelled or not): the
/// same length gates as [`numeric_kinds`].
#[inline(always)]
pub(crate) fn possible_kinds(n: usize, form: Form) -> KindSet {
    if form != Form::Plain {
        return bit(Kind::Phone);
    }
    // One load: every scanned candidate asks.
    match PLAIN_KINDS.get(n) {
        Some(&set) => set,
        None => 0,
    }
}

/// [`possible_kinds`] of plain digits, by length (none above NITKU's 22 digits).
static PLAIN_KINDS: [KindSet; 23] = {
    let mut t = [0; 23];
    let mut n = 0;
    while n < t.len() {
        t[n] = plain_kinds(n);
        n += 1;
    }
    t
};

/// Kinds whose length rules admit `n` plain digits.
const fn plain_kinds(n: usize) -> KindSet {
    let mut set = 0;
    if 9 <= n && n <= 16 {
        set |= bit(Kind::Phone);
    }
    match n {
        13 => set |= bit(Kind::BpjsKesehatan),
        15 => set |= bit(Kind::Npwp),
        16 => set |= bit(Kind::Nik) | bit(Kind::Kk) | bit(Kind::Npwp),
        18 => set |= bit(Kind::Nip),
        22 => set |= bit(Kind::Nitku),
        _ => {}
    }
    if 10 <= n && n <= 16 {
        set |= bit(Kind::BpjsKetenagakerjaan);
    }
    if 12 <= n && n <= 19 {
        set |= bit(Kind::PaymentCard);
    }
    set
}

/// Kinds that may be valid only when labelled: a cheap superset, to skip label look-ups.
#[inline]
fn maybe_labelled(d: &[u8], form: Form) -> KindSet {
    let n = d.len();
    let mut set = 0;
    if form == Form::Plain {
        if (9..=12).contains(&n) && d.first() == Some(&b'0') {
            set |= bit(Kind::Phone);
        }
        if n == 13 {
            set |= bit(Kind::BpjsKesehatan);
        }
        if (10..=16).contains(&n) {
            set |= bit(Kind::BpjsKetenagakerjaan);
        }
        if n == 16 {
            set |= bit(Kind::Npwp);
        }
    }
    set
}

/// The first kind in the default order (NITKU, NIP, NPWP, NIK, KK, phone, BPJS
/// Kesehatan, payment card) among `possible` that the ASCII digits `d` are
/// valid as without a label: the checks written out in that order, each behind its length,
/// the cheap prefix tests inline before the parsers.
#[inline(always)]
fn first_valid(d: &[u8], form: Form, possible: KindSet) -> Option<Kind> {
    first_id(d, form, possible).or_else(|| first_other(d, form, possible))
}

/// The first half of [`first_valid`]: the structured identifiers (NITKU, NIP, NPWP,
/// NIK, KK).
#[inline(always)]
fn first_id(d: &[u8], form: Form, possible: KindSet) -> Option<Kind> {
    let on = |k: Kind| possible & bit(k) != 0;
    let n = d.len();
    if form == Form::Plain {
        match n {
            22 if on(Kind::Nitku) && nitku_valid(d) => return Some(Kind::Nitku),
            18 if on(Kind::Nip) && nip_valid(d) => return Some(Kind::Nip),
            15 | 16 => {
                if on(Kind::Npwp) && (n == 15 || d.first() == Some(&b'0')) && npwp_checked_valid(d)
                {
                    return Some(Kind::Npwp);
                }
                if n == 16 {
                    if on(Kind::Nik) && nik_valid(d) {
                        return Some(Kind::Nik);
                    }
                    // Every valid KK number is a valid NIK (the same fields, fewer days):
                    // after a NIK check fails, the KK check would too.
                    if on(Kind::Kk) && !on(Kind::Nik) && kk_valid(d) {
                        return Some(Kind::Kk);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The second half of [`first_valid`]: phone, BPJS Kesehatan, payment card.
#[inline(always)]
fn first_other(d: &[u8], form: Form, possible: KindSet) -> Option<Kind> {
    let on = |k: Kind| possible & bit(k) != 0;
    if on(Kind::Phone) && phone_valid(d, form, false) {
        return Some(Kind::Phone);
    }
    if form != Form::Plain {
        return None;
    }
    if on(Kind::BpjsKesehatan) && d.starts_with(b"00") && crate::bpjs::kesehatan_digits_valid(d) {
        return Some(Kind::BpjsKesehatan);
    }
    if on(Kind::PaymentCard) && super::card::is_valid_digits(d) {
        return Some(Kind::PaymentCard);
    }
    None
}

/// [`first_valid`] out of line: one call per candidate, its validators inlined (inlined
/// into the scan loop instead, they made it slower). The lengths of the common
/// identifiers (16: NIK, KK, NPWP; 15: NPWP; 13: BPJS; 12: phone) get their own copy,
/// where the length is a constant and the checks for other lengths are gone; plain
/// digits find theirs in [`PLAIN_FIRST_VALID`] by their number.
#[inline(always)]
fn first_valid_out_of_line(d: &[u8], form: Form, possible: KindSet) -> Option<Kind> {
    if form == Form::Plain {
        if let Some(f) = PLAIN_FIRST_VALID.get(d.len()) {
            return f(d, possible);
        }
    }
    first_valid_any(d, form, possible)
}

/// A copy of [`first_valid`] for plain digits.
type FirstValid = fn(&[u8], KindSet) -> Option<Kind>;

/// The copy of [`first_valid`] for plain digits, by their number: one indirect call
/// (fewer instructions than the jump table of a `match`).
static PLAIN_FIRST_VALID: [FirstValid; 23] = {
    let mut t: [FirstValid; 23] = [first_valid_any_plain; 23];
    t[16] = first_valid_plain::<16>;
    t[15] = first_valid_plain::<15>;
    // No structured identifier has 13 or 12 digits (`first_id` is `None`): straight to
    // the second half.
    t[13] = first_other_plain::<13>;
    t[12] = first_other_plain::<12>;
    t
};

/// [`first_valid`] of plain digits of another length.
fn first_valid_any_plain(d: &[u8], possible: KindSet) -> Option<Kind> {
    first_valid_any(d, Form::Plain, possible)
}

/// [`first_valid`] of `N` plain digits.
#[inline(never)]
fn first_valid_plain<const N: usize>(d: &[u8], possible: KindSet) -> Option<Kind> {
    debug_assert_eq!(d.len(), N, "PLAIN_FIRST_VALID entry of another length");
    let d: &[u8; N] = d.try_into().ok()?;
    if let Some(k) = first_id(d, Form::Plain, possible) {
        return Some(k);
    }
    // Out of line, so that the identifier checks above need no stack frame.
    first_other_plain::<N>(d.as_slice(), possible)
}

/// [`first_other`] of `N` plain digits.
#[inline(never)]
fn first_other_plain<const N: usize>(d: &[u8], possible: KindSet) -> Option<Kind> {
    debug_assert_eq!(d.len(), N, "PLAIN_FIRST_VALID entry of another length");
    let d: &[u8; N] = d.try_into().ok()?;
    first_other(d, Form::Plain, possible)
}

/// [`first_valid`] of any other candidate.
#[inline(never)]
fn first_valid_any(d: &[u8], form: Form, possible: KindSet) -> Option<Kind> {
    first_valid(d, form, possible)
}

/// The fast path of [`numeric_kinds`] + [`resolve`]: validates lazily, in order of
/// preference, and reads the context only when it can change the answer. The naive
/// reference scanner uses the eager pair, so the tests check that both agree.
///
/// `d` holds ASCII digits only (the scanner copies them from digit runs).
#[inline(always)]
pub(crate) fn classify<F: FnMut() -> Option<Label>>(
    d: &[u8],
    form: Form,
    kinds: KindSet,
    context: &mut F,
) -> Option<(Kind, Confidence)> {
    // Dispatch on the digit count first: most candidates (dates, house numbers, amounts)
    // have a length no kind takes, and each length admits only a few kinds.
    let possible = possible_kinds(d.len(), form) & kinds;
    if possible == 0 {
        return None;
    }
    let winner = first_valid_out_of_line(d, form, possible);
    if winner.is_none() && maybe_labelled(d, form) & kinds == 0 {
        return None;
    }
    let named = match context() {
        Some(Label::Negative) => return None,
        Some(Label::Kind(k)) => Some(k),
        None => None,
    };
    if let Some(k) = named {
        if possible & bit(k) != 0 && kind_valid(k, d, form, true) {
            return Some((k, Confidence::High));
        }
    }
    let k = winner?;
    if named.is_some() {
        return Some((k, Confidence::Low));
    }
    let confidence = match k {
        // A valid NIK is a valid KK number exactly when its day field has no female
        // offset (`kk_valid_given_nik`), so the KK parser need not run again.
        Kind::Nik if kinds & bit(Kind::Kk) != 0 && kk_valid_given_nik(d) => Confidence::Low,
        Kind::Kk | Kind::BpjsKesehatan => Confidence::Low,
        _ => Confidence::Medium,
    };
    Some((k, confidence))
}

/// For digits already valid as a NIK: are they valid as a KK number too? Both parsers check
/// the same fields (`crate::nik::valid_block`); the KK's day has no female offset, so a valid
/// NIK is a valid KK number exactly when its day field is at most 40. A valid NIK's day
/// is 01-31 or 41-71, so its first digit alone tells: 0-3.
#[inline]
fn kk_valid_given_nik(d: &[u8]) -> bool {
    d.get(6).is_some_and(|&tens| tens <= b'3')
}

/// Kind and confidence of an e-mail address in the given context.
#[inline]
pub(crate) fn resolve_email(context: Option<Label>) -> Confidence {
    match context {
        Some(Label::Kind(Kind::Email)) => Confidence::High,
        _ => Confidence::Medium,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn kk_given_nik_agrees_with_the_kk_parser(
            d in proptest::string::string_regex("(3[1-6]|51|9[1-2])[0-9]{4}[0-7][0-9](0[1-9]|1[0-2])[0-9]{6}").unwrap()
        ) {
            let d = d.as_bytes();
            if nik_valid(d) {
                proptest::prop_assert_eq!(kk_valid_given_nik(d), kk_valid(d));
            } else {
                proptest::prop_assert!(!kk_valid(d));
            }
        }
    }

    /// [`phone_kind`] as first written, with prefix stripping: the reference for its slice
    /// patterns.
    fn phone_kind_reference(d: &[u8], form: Form) -> PhoneKind {
        let (nsn, mobile_only) = match form {
            Form::Plus => match d.strip_prefix(b"62") {
                Some(rest) => (rest.strip_prefix(b"0").unwrap_or(rest), false),
                None => return PhoneKind::No,
            },
            Form::Paren => match d.strip_prefix(b"0") {
                Some(rest) => (rest, false),
                None => return PhoneKind::No,
            },
            Form::Plain => {
                if let Some(rest) = d.strip_prefix(b"0062") {
                    (rest, false)
                } else if let Some(rest) = d.strip_prefix(b"62") {
                    (rest, true)
                } else if let Some(rest) = d.strip_prefix(b"0") {
                    (rest, false)
                } else {
                    return PhoneKind::No;
                }
            }
        };
        match nsn.first() {
            None | Some(b'0') => return PhoneKind::No,
            Some(&b) if mobile_only && b != b'8' => return PhoneKind::No,
            _ => {}
        }
        match crate::phone::classify_nsn_digits(nsn) {
            PhoneType::Mobile => PhoneKind::Mobile,
            PhoneType::FixedLine if !mobile_only => PhoneKind::Fixed,
            _ => PhoneKind::No,
        }
    }

    proptest::proptest! {
        #[test]
        fn phone_kind_agrees_with_prefix_stripping(
            d in proptest::string::string_regex("(0|00|006|0062|6|62|620|0620|8)?[0-9]{0,14}").unwrap(),
            form in proptest::sample::select(vec![Form::Plain, Form::Plus, Form::Paren]),
        ) {
            let d = d.as_bytes();
            proptest::prop_assert_eq!(phone_kind(d, form), phone_kind_reference(d, form));
        }
    }

    #[test]
    fn no_structured_identifier_may_have_12_or_13_digits() {
        // `PLAIN_FIRST_VALID` sends these lengths past `first_id`.
        for n in [12, 13] {
            assert_eq!(
                plain_kinds(n)
                    & (bit(Kind::Nik)
                        | bit(Kind::Kk)
                        | bit(Kind::Npwp)
                        | bit(Kind::Nip)
                        | bit(Kind::Nitku)),
                0
            );
        }
    }

    /// Values of every kind the table's copies handle (and lengths around them).
    const VALID_VALUES: [&[u8]; 8] = [
        b"3171011708450001",
        b"3171015708450001",
        b"0831326657201000",
        b"013121660091000",
        b"0001944358911",
        b"081234567890",
        b"196608011988031001",
        b"4111111111111111",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// Every entry of `PLAIN_FIRST_VALID` answers as `first_valid` (a wrong entry
        /// would drop every candidate of its length).
        #[test]
        fn plain_table_agrees_with_first_valid(
            base in proptest::sample::select(VALID_VALUES.to_vec()),
            random in "[0-9]{0,23}",
            use_random in proptest::bool::weighted(0.3),
            edit in proptest::option::of((0usize..24, b'0'..=b'9')),
            possible in proptest::prelude::any::<KindSet>(),
        ) {
            let mut d = if use_random { random.into_bytes() } else { base.to_vec() };
            if let Some((i, b)) = edit {
                if let Some(slot) = d.get_mut(i) {
                    *slot = b;
                }
            }
            let possible = possible & possible_kinds(d.len(), Form::Plain);
            proptest::prop_assert_eq!(
                first_valid_out_of_line(&d, Form::Plain, possible),
                first_valid(&d, Form::Plain, possible)
            );
        }
    }

    #[test]
    fn plain_table_finds_each_valid_value() {
        for d in VALID_VALUES {
            let possible = possible_kinds(d.len(), Form::Plain);
            let want = first_valid(d, Form::Plain, possible);
            assert!(want.is_some(), "{}", String::from_utf8_lossy(d));
            assert_eq!(first_valid_out_of_line(d, Form::Plain, possible), want);
        }
    }

    #[test]
    fn no_kind_below_min_digits() {
        use super::super::numeric::MIN_DIGITS;
        for n in 0..MIN_DIGITS {
            assert_eq!(possible_kinds(n, Form::Plain), 0, "{n}");
        }
        assert_ne!(possible_kinds(MIN_DIGITS, Form::Plain), 0);
        // The table covers every length a kind takes.
        for n in PLAIN_KINDS.len()..64 {
            assert_eq!(plain_kinds(n), 0, "{n}");
        }
    }

    #[test]
    fn validators() {
        assert!(npwp_checked_valid(b"013121660091000"));
        assert!(npwp_checked_valid(b"024339178011000"));
        assert!(!npwp_checked_valid(b"014518697054000"));
        assert!(npwp_checked_valid(b"0831326657201000"));
        assert!(nitku_valid(b"0831326657201000000000"));
        assert!(nitku_valid(b"3171011708450001000001"));
        assert!(nip_valid(b"196608011988031001"));
        assert!(!nip_valid(b"196608011988033001"));
        assert!(!nip_valid(b"196608011970031001"));
        assert!(!nip_valid(b"196608011988031000"));
        assert_eq!(phone_kind(b"081234567890", Form::Plain), PhoneKind::Mobile);
        assert_eq!(phone_kind(b"6281234567890", Form::Plain), PhoneKind::Mobile);
        assert_eq!(phone_kind(b"6281234567890", Form::Plus), PhoneKind::Mobile);
        assert_eq!(phone_kind(b"62081234567890", Form::Plus), PhoneKind::Mobile);
        assert_eq!(phone_kind(b"08412345678", Form::Plain), PhoneKind::No);
        assert_eq!(phone_kind(b"0215550123", Form::Paren), PhoneKind::Fixed);
        assert_eq!(phone_kind(b"62215550123", Form::Plain), PhoneKind::No);
        assert_eq!(phone_kind(b"08001234567", Form::Plain), PhoneKind::No);
    }
}
