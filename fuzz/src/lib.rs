//! Helpers shared by the fuzz targets: chunkings, a fixed test key, policies,
//! and the invariants every parser must keep.
//!
//! Every check panics on a violation, which libFuzzer reports as a crash with
//! the input that caused it (saved under `fuzz/artifacts/<target>/`).

use identitas::redact::{Key, Operator, Policy};

/// A fixed, obviously synthetic key (never a real secret).
pub fn test_key() -> Key {
    let raw: Vec<u8> = (0u8..32).map(|i| i.wrapping_mul(29) ^ 0x5c).collect();
    match Key::from_bytes(&raw) {
        Ok(k) => k,
        Err(e) => panic!("test key rejected: {e}"),
    }
}

/// Splits `data` into a control byte and the payload.
pub fn split_control(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&c, rest)) => (c, rest),
        None => (0, &[]),
    }
}

/// Cuts `input` into chunks whose sizes come from `seed` (1..=64 bytes, with
/// an occasional empty or large chunk), deterministic for a given seed.
pub fn chunks(input: &[u8], seed: u8) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut state = u32::from(seed).wrapping_mul(2_654_435_761).wrapping_add(1);
    let mut pos = 0;
    while pos < input.len() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let size = match state % 16 {
            0 => 0,
            1 => 1,
            2 => 700 + (state as usize >> 8) % 1500,
            _ => 1 + (state as usize >> 8) % 64,
        };
        let end = (pos + size).min(input.len());
        out.push(&input[pos..end]);
        pos = end;
    }
    out
}

/// Which operator a control byte picks for every kind.
pub fn operator_for(control: u8) -> Operator {
    match control % 5 {
        0 | 1 => Operator::Mask(identitas::redact::MaskSpec::FULL),
        2 => Operator::Placeholder,
        3 => Operator::Token,
        _ => Operator::Pseudonym,
    }
}

/// A policy with one operator for every kind, keyed when it needs to be.
pub fn policy_with(op: Operator) -> Policy {
    let mut p = Policy::default();
    p.set_all(op);
    if op.needs_key() {
        p.set_key(&test_key());
    }
    p
}

/// True when `hay` contains `needle` (needle not empty).
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The invariants of one identifier parser, as a macro so each target stays a
/// two-liner. `$ty` has `parse_bytes`, `parse`, `compact`, `format`; `$valid`
/// is the module's `is_valid` fast path.
#[macro_export]
macro_rules! check_parser {
    ($data:expr, $ty:ty, $valid:expr) => {{
        let data: &[u8] = $data;
        let parsed = <$ty>::parse_bytes(data);
        assert_eq!(
            ($valid)(data),
            parsed.is_ok(),
            "is_valid disagrees with parse_bytes"
        );
        if let Ok(s) = core::str::from_utf8(data) {
            assert_eq!(
                <$ty>::parse(s).ok(),
                parsed.ok(),
                "parse(&str) disagrees with parse_bytes"
            );
        }
        match parsed {
            Ok(v) => {
                let compact = v.compact();
                let again = <$ty>::parse(compact).expect("compact form does not parse");
                assert_eq!(again, v, "compact round trip");
                let formatted = v.format().to_string();
                let again = <$ty>::parse(&formatted).expect("formatted form does not parse");
                assert_eq!(again.compact(), compact, "format round trip");
                // Debug never shows the whole identifier.
                let debug = format!("{v:?}");
                assert!(
                    !$crate::contains(debug.as_bytes(), compact.as_bytes()),
                    "Debug leaks the value"
                );
            }
            Err(e) => {
                // Errors carry positions and lengths, never input bytes.
                let shown = format!("{e} {e:?}");
                assert!(
                    !$crate::has_long_digit_run(shown.as_bytes()),
                    "error message holds a digit run: {shown}"
                );
            }
        }
    }};
}

/// True when `text` holds a run of 6 or more ASCII digits. Error messages may hold
/// positions and lengths (a few digits) but never an identifier, and every
/// identifier has at least 6 digits in a row once written compactly.
pub fn has_long_digit_run(text: &[u8]) -> bool {
    text.split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 6)
}
