//! Redaction operators, policies, pseudonyms and streaming (tests drive a naive
//! finder so they do not depend on the scanner being complete).
#![cfg(feature = "std")]

use identitas::redact::{
    self, Finder, Key, MaskSpec, Operator, Policy, PolicyError, RedactError, RedactStream, Redactor,
};
use identitas::{Confidence, Finding, Kind, nik};
use proptest::prelude::*;

/// Naive reference finder: maximal digit runs of 16 that are valid NIKs, and
/// `08` runs of 10-13 digits as phones.
struct Naive;

impl Finder for Naive {
    fn find(&self, input: &[u8], _hint: Option<Kind>, emit: &mut dyn FnMut(Finding)) {
        let mut i = 0;
        while i < input.len() {
            if !input[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let s = i;
            while i < input.len() && input[i].is_ascii_digit() {
                i += 1;
            }
            let run = &input[s..i];
            let kind = if run.len() == 16 && nik::is_valid(run) {
                Some(Kind::Nik)
            } else if (10..=13).contains(&run.len()) && run.starts_with(b"08") {
                Some(Kind::Phone)
            } else {
                None
            };
            if let Some(kind) = kind {
                emit(Finding {
                    kind,
                    start: s,
                    end: i,
                    confidence: Confidence::High,
                });
            }
        }
    }
}

fn key() -> Key {
    Key::from_hex(b"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f").unwrap()
}

fn naive(policy: Policy) -> Redactor {
    Redactor::with_finder(policy, Box::new(Naive)).unwrap()
}

fn f(kind: Kind, start: usize, end: usize) -> Finding {
    Finding {
        kind,
        start,
        end,
        confidence: Confidence::High,
    }
}

#[test]
fn in_place_is_byte_identical_outside_findings() {
    let mut buf = b"a 3171011708450001 b 0812-3456-7890 c".to_vec();
    let found = [f(Kind::Nik, 2, 18), f(Kind::Phone, 21, 35)];
    redact::redact_in_place(&mut buf, &found, &Policy::default()).unwrap();
    assert_eq!(buf, b"a 317101********** b 0812-****-*890 c");
}

#[test]
fn bad_findings_leave_buffer_untouched() {
    let orig = b"3171011708450001 x".to_vec();
    let mut buf = orig.clone();
    let p = Policy::default();
    assert_eq!(
        redact::redact_in_place(&mut buf, &[f(Kind::Nik, 0, 99)], &p),
        Err(RedactError::OutOfBounds { index: 0 })
    );
    assert_eq!(
        redact::redact_in_place(&mut buf, &[f(Kind::Nik, 0, 16), f(Kind::Nik, 10, 12)], &p),
        Err(RedactError::Overlap { index: 1 })
    );
    let mut q = Policy::default();
    q.set_operator(Kind::Nik, Operator::Placeholder).unwrap();
    assert_eq!(
        redact::redact_in_place(&mut buf, &[f(Kind::Nik, 0, 16)], &q),
        Err(RedactError::NotLengthPreserving { kind: Kind::Nik })
    );
    q.set_operator(Kind::Nik, Operator::Pseudonym).unwrap();
    assert_eq!(
        redact::redact_in_place(&mut buf, &[f(Kind::Nik, 0, 16)], &q),
        Err(RedactError::MissingKey {
            kind: Some(Kind::Nik)
        })
    );
    assert_eq!(buf, orig);
}

#[test]
fn in_place_errors_keep_their_precedence() {
    // Bounds and order are checked before operators, whatever the index; among
    // operator errors the first finding's wins; low-confidence findings count too.
    let orig = b"3171011708450001 081234567890".to_vec();
    let mut buf = orig.clone();
    let mut q = Policy::default();
    q.set_operator(Kind::Nik, Operator::Placeholder).unwrap();
    q.set_operator(Kind::Phone, Operator::Pseudonym).unwrap();
    q.min_confidence = Confidence::High;
    let low = |kind, s, e| Finding {
        confidence: Confidence::Low,
        ..f(kind, s, e)
    };
    assert_eq!(
        redact::redact_in_place(&mut buf, &[f(Kind::Nik, 0, 16), f(Kind::Phone, 17, 99)], &q),
        Err(RedactError::OutOfBounds { index: 1 })
    );
    assert_eq!(
        redact::redact_in_place(&mut buf, &[f(Kind::Nik, 0, 16), f(Kind::Phone, 10, 29)], &q),
        Err(RedactError::Overlap { index: 1 })
    );
    assert_eq!(
        redact::redact_in_place(
            &mut buf,
            &[low(Kind::Phone, 0, 16), f(Kind::Nik, 17, 29)],
            &q
        ),
        Err(RedactError::MissingKey {
            kind: Some(Kind::Phone)
        })
    );
    assert_eq!(
        redact::redact_in_place(
            &mut buf,
            &[f(Kind::Nik, 0, 16), low(Kind::Phone, 17, 29)],
            &q
        ),
        Err(RedactError::NotLengthPreserving { kind: Kind::Nik })
    );
    assert_eq!(buf, orig);
    // Below min_confidence a valid operator is not applied.
    let mut p = Policy::default();
    p.min_confidence = Confidence::High;
    redact::redact_in_place(
        &mut buf,
        &[low(Kind::Nik, 0, 16), f(Kind::Phone, 17, 29)],
        &p,
    )
    .unwrap();
    assert_eq!(buf, b"3171011708450001 0812*****890");
}

#[test]
fn masks_never_show_more_than_allowed() {
    let mut p = Policy::default();
    assert_eq!(
        p.set_operator(
            Kind::Nik,
            Operator::Mask(MaskSpec {
                lead: 6,
                trail: 4,
                ch: b'*'
            })
        ),
        Err(PolicyError::TooVisible {
            kind: Kind::Nik,
            visible: 10,
            max: 6
        })
    );
    assert_eq!(
        p.set_operator(
            Kind::Nik,
            Operator::Mask(MaskSpec {
                lead: 0,
                trail: 0,
                ch: b'1'
            })
        ),
        Err(PolicyError::MaskChar)
    );
    assert!(
        p.set_operator(
            Kind::Nik,
            Operator::Mask(MaskSpec {
                lead: 0,
                trail: 4,
                ch: b'#'
            })
        )
        .is_ok()
    );
}

#[test]
fn placeholders_numbers_and_tokens() {
    let input = b"3171011708450001 / 0812-3456-7890 / 3171 0117 0845 0001 / +62 812 3456 7890";
    let found = [
        f(Kind::Nik, 0, 16),
        f(Kind::Phone, 19, 33),
        f(Kind::Nik, 36, 55),
        f(Kind::Phone, 58, 75),
    ];
    let mut p = Policy::default();
    p.set_all(Operator::Placeholder);
    let mut out = Vec::new();
    redact::redact_into(input, &found, &p, &mut out).unwrap();
    assert_eq!(out, b"[NIK] / [PHONE] / [NIK] / [PHONE]");

    p.set_all(Operator::Numbered);
    out.clear();
    redact::redact_into(input, &found, &p, &mut out).unwrap();
    assert_eq!(out, b"[NIK_1] / [PHONE_1] / [NIK_1] / [PHONE_1]");

    p.set_all(Operator::Token);
    out.clear();
    assert_eq!(
        redact::redact_into(input, &found, &p, &mut out),
        Err(RedactError::MissingKey {
            kind: Some(Kind::Nik)
        })
    );
    p.set_key(&key());
    out.clear();
    redact::redact_into(input, &found, &p, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let parts: Vec<&str> = text.split(" / ").collect();
    assert_eq!(
        parts[0], parts[2],
        "NIK with and without separators: one token"
    );
    assert_eq!(parts[1], parts[3], "0812-… and +62 812 …: one token");
    assert!(parts[0].starts_with("[NIK:") && parts[0].len() == 5 + 16 + 1);
    assert!(!text.contains("3171011708450001"));
    // A different key gives different tokens (never a bare hash).
    let mut p2 = p.clone();
    p2.set_key(
        &Key::from_hex(&[b'7'; 63].iter().chain(b"1").copied().collect::<Vec<_>>()).unwrap(),
    );
    let mut out2 = Vec::new();
    redact::redact_into(input, &found, &p2, &mut out2).unwrap();
    assert_ne!(text.as_bytes(), &out2[..]);
}

#[test]
fn numbering_persists_across_calls_in_a_redactor() {
    let mut p = Policy::default();
    p.set_all(Operator::Numbered);
    let mut r = naive(p);
    let mut out = Vec::new();
    r.redact_text(b"3171011708450001 3171015708450001\n", &mut out)
        .unwrap();
    r.redact_text(b"3171015708450001\n", &mut out).unwrap();
    assert_eq!(out, b"[NIK_1] [NIK_2]\n[NIK_2]\n");
}

#[test]
fn pseudonyms_keep_structure_and_decrypt() {
    let mut p = Policy::default();
    p.set_all(Operator::Pseudonym);
    p.set_key(&key());
    let keys = p.keys().unwrap().clone();
    let cases: &[(Kind, &str)] = &[
        (Kind::Nik, "3171011708450001"),
        (Kind::Nik, "32.7305.601090.0009"),
        (Kind::Kk, "3171011708450001"),
        (Kind::Npwp, "01.312.166.0-091.000"),
        (Kind::Npwp, "083.132.665.7-201.000"),
        (Kind::Npwp, "3171011708450001"),
        (Kind::Nitku, "0831326657201000000003"),
        (Kind::Phone, "0812-3456-7890"),
        (Kind::Phone, "+62 855-1234-567"),
        (Kind::BpjsKesehatan, "0001944358911"),
        (Kind::PaymentCard, "4111 1111 1111 1111"),
    ];
    for &(kind, v) in cases {
        let mut b = v.as_bytes().to_vec();
        redact::redact_in_place(&mut b, &[f(kind, 0, v.len())], &p).unwrap();
        assert_ne!(b, v.as_bytes(), "{kind} {v}");
        assert_eq!(b.len(), v.len());
        // Separators stay where they were.
        for (x, y) in b.iter().zip(v.bytes()) {
            assert_eq!(x.is_ascii_digit(), y.is_ascii_digit());
        }
        redact::unpseudonymise(&keys, kind, &mut b).unwrap();
        assert_eq!(b, v.as_bytes(), "{kind} {v} round trip");
    }
    // Unsupported kinds fall back to the mask.
    let mut e = b"budi@example.com".to_vec();
    redact::redact_in_place(&mut e, &[f(Kind::Email, 0, 16)], &p).unwrap();
    assert_eq!(e, b"****@example.com");
}

#[test]
fn npwp_and_card_pseudonyms_keep_check_digits() {
    let mut k = Policy::default();
    k.set_key(&key());
    let keys = k.keys().unwrap();
    let mut n = *b"013121660091000";
    redact::pseudonymise(keys, Kind::Npwp, &mut n).unwrap();
    assert!(identitas::digits::luhn_valid(&n[..9]));
    assert_eq!(&n[..2], b"01");
    assert_eq!(&n[9..], b"091000");
    let mut c = *b"4111111111111111";
    redact::pseudonymise(keys, Kind::PaymentCard, &mut c).unwrap();
    assert!(identitas::digits::luhn_valid(&c));
    assert_eq!(&c[..6], b"411111");
    // Invalid values are refused, not silently changed.
    let mut bad = *b"014518697054000";
    assert!(redact::pseudonymise(keys, Kind::Npwp, &mut bad).is_err());
    assert_eq!(&bad, b"014518697054000");
}

#[test]
fn streaming_holds_back_split_values() {
    let input = b"rujukan NIK 3171011708450001 hp 081234567890 selesai";
    let mut one = Vec::new();
    naive(Policy::default())
        .redact_text(input, &mut one)
        .unwrap();
    assert_eq!(
        &one[..],
        &b"rujukan NIK 317101********** hp 0812*****890 selesai"[..]
    );
    for split in 0..input.len() {
        let mut s = RedactStream::new(naive(Policy::default()));
        let mut out = Vec::new();
        s.push(&input[..split], &mut out).unwrap();
        // Nothing emitted so far may contain the clear NIK prefix beyond the region.
        assert!(!out.windows(7).any(|w| w == b"1708450"));
        s.push(&input[split..], &mut out).unwrap();
        s.finish(&mut out).unwrap();
        assert_eq!(out, one, "split at {split}");
    }
}

/// A NIK generator: valid region, date and serial.
fn arb_nik() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "317101", "327305", "910901", "657101", "927101", "110101",
        ]),
        1u8..=28,
        any::<bool>(),
        1u8..=12,
        0u8..=99,
        1u16..=9999,
    )
        .prop_map(|(r, d, fem, m, y, s)| {
            format!("{r}{:02}{m:02}{y:02}{s:04}", d + if fem { 40 } else { 0 })
        })
}

fn arb_text() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            arb_nik().prop_map(String::into_bytes),
            "[a-z ,.\n]{0,12}".prop_map(String::into_bytes),
            "08[1-9][0-9]{8,9}".prop_map(String::into_bytes),
            Just(b" ".to_vec()),
        ],
        0..40,
    )
    .prop_map(|parts| parts.join(&b' '))
}

proptest! {
    #[test]
    fn mask_keeps_length_and_is_idempotent_and_leaves_no_valid_nik(text in arb_text()) {
        let mut r = naive(Policy::default());
        let mut once = text.clone();
        r.redact_text_in_place(&mut once).unwrap();
        prop_assert_eq!(once.len(), text.len());
        let mut twice = once.clone();
        r.redact_text_in_place(&mut twice).unwrap();
        prop_assert_eq!(&twice, &once);
        let mut left = Vec::new();
        Naive.find(&once, None, &mut |f| left.push(f));
        prop_assert!(left.is_empty());
        // Outside findings, bytes are unchanged.
        let mut found = Vec::new();
        Naive.find(&text, None, &mut |f| found.push(f));
        let mut pos = 0;
        for f in &found {
            prop_assert_eq!(&once[pos..f.start], &text[pos..f.start]);
            pos = f.end;
        }
        prop_assert_eq!(&once[pos..], &text[pos..]);
    }

    #[test]
    fn streaming_equals_one_shot(text in arb_text(), cuts in prop::collection::vec(0usize..2000, 0..8), numbered in any::<bool>()) {
        let mut p = Policy::default();
        if numbered {
            p.set_all(Operator::Numbered);
        }
        let mut one = Vec::new();
        naive(p.clone()).redact_text(&text, &mut one).unwrap();
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(text.len())).collect();
        cuts.sort_unstable();
        let mut s = RedactStream::new(naive(p));
        let mut out = Vec::new();
        let mut prev = 0;
        for c in cuts {
            s.push(&text[prev..c], &mut out).unwrap();
            prev = c;
        }
        s.push(&text[prev..], &mut out).unwrap();
        s.finish(&mut out).unwrap();
        prop_assert_eq!(out, one);
    }

    #[test]
    fn streaming_long_inputs_in_small_chunks(reps in 1usize..60, chunk in 1usize..700) {
        let unit = b"pasien NIK 3171015708450001 telp 081234567890; ".repeat(reps);
        let mut one = Vec::new();
        naive(Policy::default()).redact_text(&unit, &mut one).unwrap();
        let mut s = RedactStream::new(naive(Policy::default()));
        let mut out = Vec::new();
        for c in unit.chunks(chunk) {
            s.push(c, &mut out).unwrap();
        }
        s.finish(&mut out).unwrap();
        prop_assert_eq!(out, one);
    }

    #[test]
    fn nik_pseudonym_is_valid_same_region_year_sex_and_decrypts(v in arb_nik()) {
        prop_assume!(nik::is_valid(v.as_bytes()));
        let mut p = Policy::default();
        p.set_key(&key());
        let keys = p.keys().unwrap();
        let mut b = v.clone().into_bytes();
        redact::pseudonymise(keys, Kind::Nik, &mut b).unwrap();
        let orig = identitas::Nik::parse(&v).unwrap();
        let ps = identitas::Nik::parse_bytes(&b).unwrap();
        prop_assert_eq!(ps.region_code(), orig.region_code());
        prop_assert_eq!(ps.birth_year_digits(), orig.birth_year_digits());
        prop_assert_eq!(ps.sex(), orig.sex());
        redact::unpseudonymise(keys, Kind::Nik, &mut b).unwrap();
        prop_assert_eq!(b, v.into_bytes());
    }

    #[test]
    fn redaction_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200), a in 0usize..220, b in 0usize..220, k in 0usize..10) {
        let kind = Kind::ALL[k];
        let mut p = Policy::default();
        p.set_key(&key());
        let (s, e) = (a.min(b), a.max(b));
        let found = [f(kind, s, e)];
        for op in [Operator::Pseudonym, Operator::Mask(MaskSpec::default_for(kind)), Operator::Token, Operator::Numbered] {
            p.set_operator(kind, op).unwrap();
            let mut buf = bytes.clone();
            let _ = redact::redact_in_place(&mut buf, &found, &p);
            let mut out = Vec::new();
            let _ = redact::redact_into(&bytes, &found, &p, &mut out);
        }
    }
}
