//! Canonical forms of found values, so one person gets one token or number
//! whatever way the value was written (`0812-3456-7890` = `+62 812 3456 7890`).

use crate::kind::Kind;

/// Appends the canonical form of `value` (a value of `kind` as written) to `out`.
///
/// Numbers keep their digits (letters upper-cased); phones become `62` + the
/// national significant number; e-mail addresses are lower-cased (ASCII).
/// Full-width and Arabic-Indic digits and the full-width `＠` count as their ASCII
/// forms, so `３１７１…` gets the token of `3171…`.
pub fn normalise_into(kind: Kind, value: &[u8], out: &mut Vec<u8>) {
    if crate::scan::fold::has_foldable(value) {
        let mut folded = crate::scan::fold::Folded::default();
        folded.fold(value);
        normalise_into(kind, &folded.bytes, out);
        return;
    }
    match kind {
        Kind::Email => out.extend(value.iter().map(u8::to_ascii_lowercase)),
        Kind::Phone => {
            let start = out.len();
            out.extend(value.iter().copied().filter(u8::is_ascii_digit));
            let skip = phone_prefix_len(&out[start..]);
            out.drain(start..start + skip);
            out.splice(start..start, *b"62");
        }
        _ => out.extend(
            value
                .iter()
                .filter(|b| b.is_ascii_alphanumeric())
                .map(u8::to_ascii_uppercase),
        ),
    }
}

/// Digits before a phone's national significant number: `0062`, `62` (and a stray
/// trunk `0` after it, `+620812…`), or the trunk `0`.
pub fn phone_prefix_len(digits: &[u8]) -> usize {
    let head = digits.get(..PHONE_HEAD).unwrap_or(digits);
    phone_prefix_len_of(head, digits.len())
}

/// Leading digits that decide [`phone_prefix_len`].
pub(crate) const PHONE_HEAD: usize = 5;

/// [`phone_prefix_len`] from the first [`PHONE_HEAD`] digits (`head`) and the digit count.
#[inline]
pub(crate) fn phone_prefix_len_of(head: &[u8], count: usize) -> usize {
    let base = if head.starts_with(b"0062") {
        4
    } else if head.starts_with(b"62") && count > 9 {
        2
    } else if head.starts_with(b"0") {
        return 1;
    } else {
        return 0;
    };
    if head.get(base) == Some(&b'0') {
        base + 1
    } else {
        base
    }
}

/// The name under which tokens of a normalised value are keyed. A 16-digit NPWP
/// that does not start with `0` is a NIK (PMK 112/2022), so it shares the NIK domain.
pub fn token_domain(kind: Kind, normalised: &[u8]) -> Kind {
    match kind {
        Kind::Npwp if normalised.len() == 16 && normalised.first() != Some(&b'0') => Kind::Nik,
        k => k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(kind: Kind, v: &str) -> String {
        let mut out = Vec::new();
        normalise_into(kind, v.as_bytes(), &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn phones_share_one_form() {
        for v in [
            "0812-3456-7890",
            "+62 812 3456 7890",
            "6281234567890",
            "+62 (0)812-3456-7890",
            "0062 812 3456 7890",
        ] {
            assert_eq!(n(Kind::Phone, v), "6281234567890", "{v}");
        }
        assert_eq!(n(Kind::Phone, "(021) 5550123"), "62215550123");
    }

    #[test]
    fn numbers_and_emails() {
        assert_eq!(n(Kind::Nik, "3171 0117.0845-0001"), "3171011708450001");
        assert_eq!(
            n(Kind::Email, "Budi.S@Example.CO.ID"),
            "budi.s@example.co.id"
        );
        assert_eq!(token_domain(Kind::Npwp, b"3171011708450001"), Kind::Nik);
        // Non-ASCII digits and the full-width at sign normalise to ASCII.
        assert_eq!(
            n(Kind::Nik, "\u{FF13}\u{FF11}71 0117.0845-000\u{661}"),
            "3171011708450001"
        );
        assert_eq!(n(Kind::Phone, "\u{6F0}812-3456-7890"), "6281234567890");
        assert_eq!(
            n(Kind::Email, "Budi\u{FF11}\u{FF20}Mail.co.id"),
            "budi1@mail.co.id"
        );
        assert_eq!(token_domain(Kind::Npwp, b"0831326657201000"), Kind::Npwp);
    }
}
