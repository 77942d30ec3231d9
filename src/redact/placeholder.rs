//! Fixed placeholders (`[NIK]`) and numbered placeholders (`[NIK_1]`) that stay
//! consistent within a run: the same normalised value gets the same number.

use std::collections::HashMap;

use zeroize::Zeroize;

use crate::kind::Kind;

/// Appends the upper-case label of a kind (`NIK`, `BPJS_KESEHATAN`).
pub(crate) fn push_label(kind: Kind, out: &mut Vec<u8>) {
    out.extend(kind.as_str().bytes().map(|b| b.to_ascii_uppercase()));
}

/// Appends `[LABEL]`.
pub(crate) fn write_placeholder(kind: Kind, out: &mut Vec<u8>) {
    out.push(b'[');
    push_label(kind, out);
    out.push(b']');
}

/// Numbers handed out in one run, per kind and normalised value.
///
/// It holds each distinct normalised value once, so its memory grows with the
/// number of distinct values (not with the input size); values are wiped on drop.
#[derive(Default)]
pub struct Numbering {
    seen: HashMap<(Kind, Vec<u8>), u32>,
    next: [u32; Kind::ALL.len()],
}

impl core::fmt::Debug for Numbering {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Numbering({} values)", self.seen.len())
    }
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

impl Numbering {
    /// A fresh numbering (numbers start at 1 for each kind).
    pub fn new() -> Numbering {
        Numbering::default()
    }

    /// The number of a normalised value, assigning the next one on first sight.
    pub fn number(&mut self, kind: Kind, normalised: &[u8]) -> u32 {
        if let Some(&n) = self.seen.get(&(kind, normalised.to_vec())) {
            return n;
        }
        let slot = &mut self.next[kind_index(kind)];
        *slot += 1;
        let n = *slot;
        self.seen.insert((kind, normalised.to_vec()), n);
        n
    }

    /// Number of distinct values seen.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// True when nothing was numbered yet.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// Appends `[LABEL_n]` for the normalised value.
    pub(crate) fn write(&mut self, kind: Kind, normalised: &[u8], out: &mut Vec<u8>) {
        let n = self.number(kind, normalised);
        out.push(b'[');
        push_label(kind, out);
        out.push(b'_');
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        let mut v = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[i..]);
        out.push(b']');
    }
}

impl Drop for Numbering {
    fn drop(&mut self) {
        for ((_, mut v), _) in self.seen.drain() {
            v.zeroize();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_same_number() {
        let mut n = Numbering::new();
        let mut out = Vec::new();
        n.write(Kind::Nik, b"1", &mut out);
        n.write(Kind::Nik, b"2", &mut out);
        n.write(Kind::Nik, b"1", &mut out);
        n.write(Kind::Phone, b"1", &mut out);
        assert_eq!(out, b"[NIK_1][NIK_2][NIK_1][PHONE_1]");
        assert_eq!(n.len(), 3);
        out.clear();
        write_placeholder(Kind::BpjsKesehatan, &mut out);
        assert_eq!(out, b"[BPJS_KESEHATAN]");
    }
}
