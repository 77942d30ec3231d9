//! Finding identifiers in bytes.
//!
//! A finding is a byte span of the input (the value as written, separators
//! inside included, labels outside), its kind and a confidence.
//! (Contract only; the scanner itself is being built.)

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
