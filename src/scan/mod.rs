//! Finding identifiers in bytes.
//!
//! A finding is a byte span of the input (the value as written, separators
//! inside included, labels and quotes outside), its kind and a confidence.
//!
//! ```
//! use identitas::{Confidence, Kind, Scanner};
//!
//! let text = b"Pasien NIK 3171 0117 0845 0001, HP +62 812-3456-7890, email budi@mail.co.id";
//! let found = Scanner::new().scan(text);
//! let kinds: Vec<Kind> = found.iter().map(|f| f.kind).collect();
//! assert_eq!(kinds, [Kind::Nik, Kind::Phone, Kind::Email]);
//! assert_eq!(&text[found[0].start..found[0].end], b"3171 0117 0845 0001");
//! assert_eq!(found[0].confidence, Confidence::High); // labelled "NIK"
//! ```
//!
//! # How it decides
//!
//! * **Candidates.** Digit groups joined by the separators people write (see `numeric.rs`:
//!   space, NBSP, `.`, `-`, `/`, at most three in a row; spaces join only groups of up to 8
//!   digits), `+62…`, `+62 (0)…` and `(021) …` phones, and e-mail addresses around each `@`.
//!   Digits inside longer digit runs or touching letters are never candidates.
//! * **Validation.** Every candidate goes through the parser of each kind whose length fits:
//!   NIK and KK (`crate::nik`, `crate::kk`), NPWP 15/16 (Luhn), NITKU, NIP (two real dates),
//!   BPJS Kesehatan (13 digits starting `00`, any 13 digits when labelled), phones
//!   (mobile `08…`/`62…`/`+62…`; fixed lines only bracketed, with `+62` or labelled), payment
//!   cards (Luhn and issuer ranges, see `card.rs`). Thousands-grouped amounts are skipped.
//! * **Labels.** The words just before a valid candidate (`NIK:`, `No. KK`, `"no_hp":`,
//!   `No. Kartu`, `Rp`…) or the `hint` decide between look-alikes: a 16-digit value valid as
//!   NIK and KK is a NIK unless labelled KK; a NIK labelled NPWP is an NPWP; `Rp`/`Total`/
//!   `Order` make a number no identifier. A matching label gives [`Confidence::High`].
//! * **Other scripts.** Full-width (U+FF10-FF19), Arabic-Indic (U+0660-0669) and Extended
//!   Arabic-Indic (U+06F0-06F9) digits count as the digits they display and the full-width
//!   `＠` as `@`: an input holding one is scanned through a folded copy and the findings are
//!   mapped back, so spans are the values as written (`fold.rs`; inputs without them take
//!   the plain path). The parsers (`Nik::parse`…) stay ASCII-only on purpose: they check
//!   fields a caller trusts, where another script is a data-quality problem to report.
//! * **E-mail addresses** are read through invisible characters inside them, and
//!   overlapping ones (`x@budi.santoso@gmail.com`) are one finding spanning the chain.
//! * **Overlaps.** Leftmost-longest: at each start the longest valid candidate wins and the
//!   scan goes on after it, so findings come out in order, one per span.

mod card;
mod class;
mod email;
mod engine;
#[cfg_attr(not(feature = "std"), allow(dead_code))]
pub(crate) mod fold;
mod labels;
#[cfg(test)]
mod naive;
mod numeric;
#[cfg(feature = "std")]
mod stream;
mod validate;
#[cfg(feature = "std")]
pub(crate) use validate::labelled_plain_valid;

#[cfg(feature = "std")]
pub use stream::StreamScanner;

use crate::kind::Kind;

/// How sure the scanner is that a span is what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Confidence {
    /// Structurally valid but could be something else (no label nearby).
    Low,
    /// Structurally valid and the shape is distinctive.
    Medium,
    /// Valid and confirmed by a nearby label, header or key.
    High,
}

/// One identifier found in the input: `input[start..end]` is the value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    /// What was found.
    pub kind: Kind,
    /// Byte offset of the first byte of the value.
    pub start: usize,
    /// Byte offset one past the last byte of the value.
    pub end: usize,
    /// How sure the scanner is.
    pub confidence: Confidence,
}

/// Longest span a finding can have, in bytes of ASCII text (an e-mail address at most;
/// numbers are far shorter). Written in full-width digits (3 bytes each, which the scanner
/// folds) a span takes up to three times as many bytes; streaming callers size their
/// hold-back windows for that.
pub const MAX_FINDING_LEN: usize = 320;

/// Most input bytes one character the scanner folds takes (full-width forms, `fold.rs`).
#[cfg(feature = "std")] // the streams and records
pub(crate) const FOLD_MAX: usize = 3;
/// Input bytes before a start position that deciding it may read, in any script.
#[cfg(feature = "std")] // the streams and records
pub(crate) const BEHIND_BYTES: usize = FOLD_MAX * engine::CONTEXT_BEHIND;
/// Input bytes from a start position on that deciding it may read, in any script.
#[cfg(feature = "std")] // the streams and records
pub(crate) const AHEAD_BYTES: usize = FOLD_MAX * engine::CONTEXT_AHEAD;

/// Which kinds to look for and how (all kinds by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanConfig {
    /// Kinds to report, indexed like [`Kind::ALL`]; others are ignored.
    pub kinds: [bool; Kind::ALL.len()],
}

impl ScanConfig {
    /// Only the given kinds.
    pub fn only(kinds: &[Kind]) -> ScanConfig {
        let mut on = [false; Kind::ALL.len()];
        for (slot, k) in on.iter_mut().zip(Kind::ALL) {
            *slot = kinds.contains(&k);
        }
        ScanConfig { kinds: on }
    }
}

impl Default for ScanConfig {
    fn default() -> Self {
        ScanConfig {
            kinds: [true; Kind::ALL.len()],
        }
    }
}

/// A configured scanner: immutable, cheap to share between threads.
#[derive(Debug, Clone, Default)]
pub struct Scanner {
    config: ScanConfig,
}

impl Scanner {
    /// A scanner for every kind.
    pub fn new() -> Scanner {
        Scanner::default()
    }

    /// A scanner with the given configuration.
    pub fn with_config(config: ScanConfig) -> Scanner {
        Scanner { config }
    }

    /// The configuration.
    pub fn config(&self) -> &ScanConfig {
        &self.config
    }

    /// Calls `emit` for every finding in `input`, in order of `start`, without overlaps.
    ///
    /// `hint` is the kind a surrounding structure (CSV column, JSON key) says the
    /// field holds; it decides between look-alikes and raises confidence.
    ///
    /// Full-width and Arabic-Indic digits and the full-width `＠` are read as their
    /// ASCII forms (see the module docs); spans are always offsets into `input`.
    pub fn scan_with(&self, input: &[u8], hint: Option<Kind>, emit: &mut dyn FnMut(Finding)) {
        self.scan_to(input, hint, &mut engine::Sink::Call(emit));
    }

    /// The scan of [`Scanner::scan_with`] and [`Scanner::scan_into`].
    fn scan_to(&self, input: &[u8], hint: Option<Kind>, sink: &mut engine::Sink<'_>) {
        let kinds = validate::enabled(&self.config);
        #[cfg(feature = "std")]
        if fold::has_foldable(input) {
            let mut folded = fold::Folded::default();
            folded.fold(input);
            let cx = engine::Ctx {
                input: &folded.bytes,
                hint,
                kinds,
            };
            let mut unfold = |f| sink.put(folded.unfold(f));
            engine::scan_range(
                &cx,
                0,
                folded.bytes.len(),
                &mut engine::Sink::Call(&mut unfold),
            );
            return;
        }
        let cx = engine::Ctx { input, hint, kinds };
        engine::scan_range(&cx, 0, input.len(), sink);
    }

    /// Appends the findings in `input` to `out`.
    #[cfg(feature = "std")]
    pub fn scan_into(&self, input: &[u8], hint: Option<Kind>, out: &mut Vec<Finding>) {
        self.scan_to(input, hint, &mut engine::Sink::Push(out));
    }

    /// The findings in `input`.
    #[cfg(feature = "std")]
    pub fn scan(&self, input: &[u8]) -> Vec<Finding> {
        let mut out = Vec::new();
        self.scan_into(input, None, &mut out);
        out
    }
}
