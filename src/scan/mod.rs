//! Finding identifiers in bytes.
//!
//! A finding is a byte span of the input (the value as written, separators
//! inside included, labels outside), its kind and a confidence.
//! (Contract only: the scanner itself is being built; `Scanner` finds nothing yet.)

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

/// Longest span, in bytes, a finding can have (an e-mail address at most; numbers are far
/// shorter). Streaming callers hold back this many bytes so a value split across chunks is
/// seen whole.
pub const MAX_FINDING_LEN: usize = 320;

/// Which kinds to look for and how (all kinds by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanConfig {
    /// Kinds to report; others are ignored.
    pub kinds: [bool; Kind::ALL.len()],
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
    pub fn scan_with(&self, input: &[u8], hint: Option<Kind>, emit: &mut dyn FnMut(Finding)) {
        let _ = (input, hint, emit);
    }

    /// Appends the findings in `input` to `out`.
    #[cfg(feature = "std")]
    pub fn scan_into(&self, input: &[u8], hint: Option<Kind>, out: &mut Vec<Finding>) {
        self.scan_with(input, hint, &mut |f| out.push(f));
    }

    /// The findings in `input`.
    #[cfg(feature = "std")]
    pub fn scan(&self, input: &[u8]) -> Vec<Finding> {
        let mut out = Vec::new();
        self.scan_into(input, None, &mut out);
        out
    }
}
