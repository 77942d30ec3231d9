//! Non-ASCII digits and the full-width at sign, folded to ASCII before scanning.
//!
//! A number written with full-width digits (U+FF10-FF19, what Japanese and Chinese
//! input methods and some PDF extractions produce), Arabic-Indic digits (U+0660-0669) or
//! Extended Arabic-Indic digits (U+06F0-06F9, Persian/Urdu) displays as the number and
//! NFKC folds it to ASCII, so an attacker - or a word processor - could otherwise hide
//! an identifier from the scanner with it. The same holds for U+FF20 FULLWIDTH
//! COMMERCIAL AT (`＠`) in an e-mail address.
//!
//! The scanner therefore runs a pre-stage: when the input holds one of these characters,
//! it scans a folded copy (each such character replaced by its ASCII digit or `@`) and
//! maps the findings back, so a finding's span is the value *as written* in the input
//! (`３１７１…` is 48 bytes). Mixed values (`3171０１１７…`) count too, and labels before
//! them work as for ASCII values. Inputs without these characters take the plain path
//! unchanged: the check is a `memchr3` for the lead bytes `0xEF`, `0xD9`, `0xDB`.
//!
//! The parsers (`Nik::parse` and the others) stay ASCII-only on purpose: a value handed
//! to a parser is a field the caller chose to trust, and silently accepting another
//! script there would hide data-quality problems; the scanner's job is the opposite,
//! not to miss anything a reader would see as the number. Without the `std` feature
//! (no allocator) the pre-stage is off and only ASCII digits are read.

/// The folded form of the character starting at `input[i]`: its ASCII byte (a digit
/// or `@`) and its length in bytes, when it is one of the characters this module folds.
#[inline]
pub(crate) fn fold_at(input: &[u8], i: usize) -> Option<(u8, usize)> {
    let b0 = *input.get(i)?;
    let b1 = *input.get(i + 1)?;
    match (b0, b1) {
        // U+0660-0669: D9 A0..A9.
        (0xD9, 0xA0..=0xA9) => Some((b'0' + (b1 - 0xA0), 2)),
        // U+06F0-06F9: DB B0..B9.
        (0xDB, 0xB0..=0xB9) => Some((b'0' + (b1 - 0xB0), 2)),
        // U+FF10-FF19: EF BC 90..99; U+FF20: EF BC A0.
        (0xEF, 0xBC) => match *input.get(i + 2)? {
            b2 @ 0x90..=0x99 => Some((b'0' + (b2 - 0x90), 3)),
            0xA0 => Some((b'@', 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The non-ASCII digit starting at `input[i]`: its value as an ASCII digit and its length.
#[inline]
pub(crate) fn digit_at(input: &[u8], i: usize) -> Option<(u8, usize)> {
    fold_at(input, i).filter(|&(b, _)| b != b'@')
}

/// Writes the digit `ascii` (`b'0'..=b'9'`) over `slot`, in the script of the
/// non-ASCII digit `slot` holds now (same length). Returns false, leaving `slot`
/// alone, when it holds no such digit.
pub(crate) fn write_digit_like(slot: &mut [u8], ascii: u8) -> bool {
    let d = ascii.wrapping_sub(b'0');
    if d > 9 || digit_at(slot, 0).is_none() {
        return false;
    }
    match slot {
        [0xD9, b1, ..] => *b1 = 0xA0 + d,
        [0xDB, b1, ..] => *b1 = 0xB0 + d,
        [0xEF, 0xBC, b2, ..] => *b2 = 0x90 + d,
        _ => return false,
    }
    true
}

/// Index of the first character at or after `from` that folds, if any.
#[inline]
pub(crate) fn find_foldable(input: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(off) = input
        .get(i..)
        .and_then(|h| memchr::memchr3(0xEF, 0xD9, 0xDB, h))
    {
        let p = i + off;
        if fold_at(input, p).is_some() {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// True when `input` holds a character this module folds.
#[inline]
pub(crate) fn has_foldable(input: &[u8]) -> bool {
    find_foldable(input, 0).is_some()
}

#[cfg(feature = "std")]
pub(crate) use folded::Folded;

#[cfg(feature = "std")]
mod folded {
    use std::vec::Vec;

    use super::{find_foldable, fold_at};
    use crate::scan::Finding;

    /// A folded copy of an input and the map from its offsets back to the input's.
    #[derive(Default)]
    pub(crate) struct Folded {
        /// The folded bytes.
        pub(crate) bytes: Vec<u8>,
        /// One entry per folded character, in order: its index in `bytes` and the
        /// input offset just after it.
        points: Vec<(usize, usize)>,
    }

    impl Folded {
        /// Folds `input` into `self` (reusing its buffers).
        pub(crate) fn fold(&mut self, input: &[u8]) {
            self.bytes.clear();
            self.points.clear();
            self.bytes.reserve(input.len());
            let mut pos = 0;
            while let Some(p) = find_foldable(input, pos) {
                self.bytes
                    .extend_from_slice(input.get(pos..p).unwrap_or(&[]));
                let Some((b, len)) = fold_at(input, p) else {
                    break;
                };
                self.points.push((self.bytes.len(), p + len));
                self.bytes.push(b);
                pos = p + len;
            }
            self.bytes
                .extend_from_slice(input.get(pos..).unwrap_or(&[]));
        }

        /// The input offset of folded offset `f` (a character boundary maps to the
        /// boundary of the character as written).
        pub(crate) fn to_input(&self, f: usize) -> usize {
            // The last folded character before `f`.
            let k = self.points.partition_point(|&(fi, _)| fi < f);
            match k.checked_sub(1).and_then(|k| self.points.get(k)) {
                Some(&(fi, end)) => end + (f - fi - 1),
                None => f,
            }
        }

        /// A finding in the folded bytes, as a finding in the input.
        #[inline]
        pub(crate) fn unfold(&self, f: Finding) -> Finding {
            Finding {
                start: self.to_input(f.start),
                end: self.to_input(f.end),
                ..f
            }
        }

        /// The folded offset of input offset `o` (inside a folded character: that
        /// character's folded offset).
        pub(crate) fn to_folded(&self, o: usize) -> usize {
            // The last folded character ending at or before `o`.
            let k = self.points.partition_point(|&(_, end)| end <= o);
            let (base_f, base_o) = match k.checked_sub(1).and_then(|k| self.points.get(k)) {
                Some(&(fi, end)) => (fi + 1, end),
                None => (0, 0),
            };
            let f = base_f + (o - base_o);
            // `o` may sit inside the next folded character.
            match self.points.get(k) {
                Some(&(fi, _)) if f > fi => fi,
                _ => f,
            }
        }
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    #[test]
    fn folds_digits_and_at_sign() {
        let s = "a３1\u{663}\u{6F9}＠x\u{FF0A}\u{FEFF}\u{65F}";
        let mut f = Folded::default();
        f.fold(s.as_bytes());
        assert_eq!(f.bytes, "a3139@x\u{FF0A}\u{FEFF}\u{65F}".as_bytes());
        // Offsets map back to character boundaries as written.
        let orig: Vec<usize> = (0..=f.bytes.len()).map(|i| f.to_input(i)).collect();
        assert_eq!(&orig[..7], &[0, 1, 4, 5, 7, 9, 12]);
        assert_eq!(*orig.last().unwrap(), s.len());
        for (i, &o) in orig.iter().enumerate() {
            assert_eq!(f.to_folded(o), i);
        }
        assert_eq!(f.to_folded(2), 1); // inside `３`
        assert!(!has_foldable(
            "NIK 3171 \u{FEFF}\u{FF0A}\u{65F}\u{6FA}".as_bytes()
        ));
        assert!(has_foldable("\u{FF19}".as_bytes()));
        assert_eq!(fold_at(b"\xEF\xBC", 0), None);
    }

    #[test]
    fn digits_are_rewritten_in_their_own_script() {
        let mut s = "３\u{661}\u{6F2}".as_bytes().to_vec();
        assert!(write_digit_like(&mut s[0..3], b'7'));
        assert!(write_digit_like(&mut s[3..5], b'0'));
        assert!(write_digit_like(&mut s[5..7], b'9'));
        assert_eq!(s, "７\u{660}\u{6F9}".as_bytes());
        assert!(!write_digit_like(&mut [b'1'], b'2'));
        assert!(!write_digit_like(&mut "＠".as_bytes().to_vec(), b'2'));
    }
}
