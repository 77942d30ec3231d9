//! Redacting what the scanner finds: masks, placeholders, keyed tokens and
//! reversible structure-preserving pseudonyms, in place or into a buffer.
//!
//! * [`redact_in_place`] applies length-preserving operators (mask, pseudonym,
//!   keep) to a mutable buffer: offsets stay valid, bytes outside findings are
//!   untouched.
//! * [`redact_into`] / [`Redactor`] apply any operator, writing to a `Vec<u8>`
//!   that is byte-identical to the input outside findings.
//! * [`RedactStream`] redacts text pushed in chunks with a bounded hold-back, so
//!   a value split across chunks is never emitted in clear.
//!
//! ```
//! use identitas::redact::{self, Policy};
//! use identitas::{Confidence, Finding, Kind};
//!
//! let mut text = b"NIK 3171011708450001, hp 0812-3456-7890".to_vec();
//! let found = [
//!     Finding { kind: Kind::Nik, start: 4, end: 20, confidence: Confidence::High },
//!     Finding { kind: Kind::Phone, start: 25, end: 39, confidence: Confidence::High },
//! ];
//! redact::redact_in_place(&mut text, &found, &Policy::default())?;
//! assert_eq!(text, b"NIK 317101**********, hp 0812-****-*890");
//! # Ok::<(), identitas::redact::RedactError>(())
//! ```

pub mod fpe;
pub mod mask;
pub mod normalise;
pub mod placeholder;
pub mod policy;
#[cfg(feature = "serde")]
mod policy_json;
pub mod pseudonym;
pub mod stream;
pub mod token;

pub use mask::MaskSpec;
pub use placeholder::Numbering;
pub use policy::{ColumnAction, FieldClass, OnMalformed, Operator, Policy, PolicyError};
pub use pseudonym::PseudonymError;
pub use stream::RedactStream;
pub use token::{Key, KeyError, Keys};

use crate::kind::Kind;
use crate::scan::{Finding, Scanner};

/// Why a redaction was refused. The buffer is left untouched in every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RedactError {
    /// A finding ends past the input or starts after it ends.
    #[error("finding {index} is out of bounds")]
    OutOfBounds {
        /// Index into the findings.
        index: usize,
    },
    /// Findings are not sorted by start or overlap.
    #[error("finding {index} overlaps or precedes the previous one")]
    Overlap {
        /// Index into the findings.
        index: usize,
    },
    /// In-place redaction asked for an operator that changes lengths.
    #[error("operator for {kind} is not length-preserving")]
    NotLengthPreserving {
        /// The kind.
        kind: Kind,
    },
    /// A token or pseudonym operator was configured without a key (`None`: a column action).
    #[error("policy needs a key (token or pseudonym) but none was given")]
    MissingKey {
        /// The kind whose operator needs it.
        kind: Option<Kind>,
    },
}

/// Anything that finds identifiers: the [`Scanner`], or a stand-in in tests.
///
/// Streaming relies on locality: whether a span is reported may depend only on
/// bytes within [`crate::scan::MAX_FINDING_LEN`] before and after it.
pub trait Finder {
    /// Calls `emit` for every finding in `input`, sorted by start, not overlapping.
    fn find(&self, input: &[u8], hint: Option<Kind>, emit: &mut dyn FnMut(Finding));

    /// Appends to `out` what [`Finder::find`] emits; a finder may do it faster (the
    /// crate's scanner pushes without a call per finding).
    fn find_into(&self, input: &[u8], hint: Option<Kind>, out: &mut Vec<Finding>) {
        self.find(input, hint, &mut |f| out.push(f));
    }

    /// True when this is the crate's [`Scanner`] looking for every kind: record
    /// redaction may then skip it where its answer is known in advance (fields that
    /// cannot hold an identifier, identifier columns holding one valid value).
    fn is_default_scanner(&self) -> bool {
        false
    }
}

impl Finder for Scanner {
    fn find(&self, input: &[u8], hint: Option<Kind>, emit: &mut dyn FnMut(Finding)) {
        self.scan_with(input, hint, emit);
    }

    fn find_into(&self, input: &[u8], hint: Option<Kind>, out: &mut Vec<Finding>) {
        self.scan_into(input, hint, out);
    }

    fn is_default_scanner(&self) -> bool {
        *self.config() == crate::scan::ScanConfig::default()
    }
}

/// Checks findings are in bounds, sorted and disjoint.
///
/// One branch-free pass answers for the usual valid findings; the first bad one is
/// then looked for only when there is one.
fn check_findings(len: usize, findings: &[Finding]) -> Result<(), RedactError> {
    let mut prev_end = 0;
    let mut ok = true;
    for f in findings {
        ok &= (prev_end <= f.start) & (f.start <= f.end);
        prev_end = f.end;
    }
    // In order, the ends only grow: the last one bounds them all.
    if ok & (prev_end <= len) {
        return Ok(());
    }
    first_bad_finding(len, findings)
}

/// The error of the first finding out of bounds, order or disjointness, one by one.
fn first_bad_finding(len: usize, findings: &[Finding]) -> Result<(), RedactError> {
    let mut prev_end = 0;
    for (index, f) in findings.iter().enumerate() {
        if f.start > f.end || f.end > len {
            return Err(RedactError::OutOfBounds { index });
        }
        if f.start < prev_end {
            return Err(RedactError::Overlap { index });
        }
        prev_end = f.end;
    }
    Ok(())
}

/// Applies a length-preserving operator to one value in place (any of them: the
/// callers' loops take the mask first, inline, through [`apply_inline`]).
#[inline(never)]
fn apply_in_place(policy: &Policy, kind: Kind, span: &mut [u8]) -> Result<(), RedactError> {
    match policy.operator(kind) {
        Operator::Keep => Ok(()),
        Operator::Mask(spec) => {
            mask::mask_in_place(kind, spec, span);
            Ok(())
        }
        Operator::Pseudonym => {
            let keys = policy
                .keys()
                .ok_or(RedactError::MissingKey { kind: Some(kind) })?;
            // Kinds or values without a pseudonym fall back to the default mask.
            if pseudonym::transform(keys, kind, span, true).is_err() {
                mask::mask_in_place(kind, MaskSpec::default_for(kind), span);
            }
            Ok(())
        }
        _ => Err(RedactError::NotLengthPreserving { kind }),
    }
}

/// Redacts `findings` in `buf` in place with length-preserving operators.
///
/// Everything is checked first (bounds, order, operators, key), so on error the
/// buffer is unchanged. Findings below `policy.min_confidence` are left.
pub fn redact_in_place(
    buf: &mut [u8],
    findings: &[Finding],
    policy: &Policy,
) -> Result<(), RedactError> {
    // Per-kind verdicts first, so the one pass over the findings is a lookup.
    let mut verdict = [None; Kind::ALL.len()];
    for (v, k) in verdict.iter_mut().zip(Kind::ALL) {
        let op = policy.operator(k);
        if !op.is_length_preserving() {
            *v = Some(RedactError::NotLengthPreserving { kind: k });
        } else if op.needs_key() && policy.keys().is_none() {
            *v = Some(RedactError::MissingKey { kind: Some(k) });
        }
    }
    // Bounds and order errors win over operator errors, whatever their index.
    check_findings(buf.len(), findings)?;
    if verdict.iter().any(Option::is_some) {
        if let Some(e) = findings
            .iter()
            .find_map(|f| verdict.get(kind_slot(f.kind)).copied().flatten())
        {
            return Err(e);
        }
    }
    apply_all(buf, findings, policy)
}

/// Applies the policy to checked findings (in bounds, sorted, disjoint) in place.
#[inline]
fn apply_all(buf: &mut [u8], findings: &[Finding], policy: &Policy) -> Result<(), RedactError> {
    for f in findings {
        if f.confidence < policy.min_confidence {
            continue;
        }
        if let Some(span) = buf.get_mut(f.start..f.end) {
            apply_inline(policy, f.kind, span)?;
        }
    }
    Ok(())
}

/// [`apply_in_place`] with the mask, the operator of almost every value, matched
/// here so that it is inlined into the callers' loops.
#[inline(always)]
fn apply_inline(policy: &Policy, kind: Kind, span: &mut [u8]) -> Result<(), RedactError> {
    match policy.operator(kind) {
        Operator::Mask(spec) => {
            mask::mask_in_place(kind, spec, span);
            Ok(())
        }
        _ => apply_in_place(policy, kind, span),
    }
}

/// [`redact_in_place`] for findings of a finder under a policy whose operators all
/// keep lengths (so no per-kind verdicts are needed): bounds and order are checked
/// first, nothing changes on error.
fn redact_in_place_checked(
    buf: &mut [u8],
    findings: &[Finding],
    policy: &Policy,
) -> Result<(), RedactError> {
    check_findings(buf.len(), findings)?;
    apply_all(buf, findings, policy)
}

/// Position of a kind in [`Kind::ALL`] (its declaration order).
#[inline]
fn kind_slot(kind: Kind) -> usize {
    (kind as usize).min(Kind::ALL.len() - 1)
}

/// Redacts `findings` of `input` into `out` (appended) with any operator.
///
/// Numbered placeholders are numbered within this call; use a [`Redactor`] to
/// keep numbers across calls.
pub fn redact_into(
    input: &[u8],
    findings: &[Finding],
    policy: &Policy,
    out: &mut Vec<u8>,
) -> Result<(), RedactError> {
    let mut numbering = Numbering::new();
    let mut scratch = Vec::new();
    redact_core(input, findings, policy, &mut numbering, &mut scratch, out)
}

fn redact_core(
    input: &[u8],
    findings: &[Finding],
    policy: &Policy,
    numbering: &mut Numbering,
    scratch: &mut Vec<u8>,
    out: &mut Vec<u8>,
) -> Result<(), RedactError> {
    check_findings(input.len(), findings)?;
    for f in findings {
        if policy.operator(f.kind).needs_key() && policy.keys().is_none() {
            return Err(RedactError::MissingKey { kind: Some(f.kind) });
        }
    }
    out.reserve(input.len());
    let mut pos = 0;
    for f in findings {
        if f.confidence < policy.min_confidence {
            continue;
        }
        out.extend_from_slice(&input[pos..f.start]);
        write_value(
            policy,
            numbering,
            scratch,
            f.kind,
            &input[f.start..f.end],
            out,
        )?;
        pos = f.end;
    }
    out.extend_from_slice(&input[pos..]);
    Ok(())
}

/// Appends the redacted form of one value of `kind`.
fn write_value(
    policy: &Policy,
    numbering: &mut Numbering,
    scratch: &mut Vec<u8>,
    kind: Kind,
    value: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), RedactError> {
    let op = policy.operator(kind);
    if op.is_length_preserving() {
        let at = out.len();
        out.extend_from_slice(value);
        return apply_inline(policy, kind, &mut out[at..]);
    }
    scratch.clear();
    normalise::normalise_into(kind, value, scratch);
    match op {
        Operator::Placeholder => placeholder::write_placeholder(kind, out),
        Operator::Numbered => numbering.write(kind, scratch, out),
        Operator::Token => {
            let keys = policy
                .keys()
                .ok_or(RedactError::MissingKey { kind: Some(kind) })?;
            token::write_token(keys, kind, scratch, out);
        }
        _ => out.extend_from_slice(value),
    }
    Ok(())
}

/// A redactor with its policy, finder and per-run state (placeholder numbers).
pub struct Redactor {
    policy: Policy,
    finder: Box<dyn Finder + Send + Sync>,
    numbering: Numbering,
    scratch: Vec<u8>,
    findings: Vec<Finding>,
    /// The finder is the default scanner (see [`Finder::is_default_scanner`]).
    default_scanner: bool,
}

impl core::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Redactor")
            .field("policy", &self.policy)
            .field("numbering", &self.numbering)
            .finish_non_exhaustive()
    }
}

impl Redactor {
    /// A redactor using the default [`Scanner`]; fails when the policy needs a key it lacks.
    pub fn new(policy: Policy) -> Result<Redactor, RedactError> {
        Redactor::with_finder(policy, Box::new(Scanner::new()))
    }

    /// A redactor with another finder (a configured scanner, or a test double).
    pub fn with_finder(
        policy: Policy,
        finder: Box<dyn Finder + Send + Sync>,
    ) -> Result<Redactor, RedactError> {
        if let Some(kind) = policy.missing_key() {
            return Err(RedactError::MissingKey { kind });
        }
        Ok(Redactor {
            default_scanner: finder.is_default_scanner(),
            policy,
            finder,
            numbering: Numbering::new(),
            scratch: Vec::new(),
            findings: Vec::new(),
        })
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Placeholder numbers handed out so far.
    pub fn numbering(&self) -> &Numbering {
        &self.numbering
    }

    pub(crate) fn finder_ref(&self) -> &(dyn Finder + Send + Sync) {
        &*self.finder
    }

    /// Runs the finder over `input`.
    pub fn find_into(&self, input: &[u8], hint: Option<Kind>, out: &mut Vec<Finding>) {
        self.finder.find_into(input, hint, out);
    }

    /// Redacts given findings of `input` into `out`, numbering consistently across calls.
    pub fn redact_into(
        &mut self,
        input: &[u8],
        findings: &[Finding],
        out: &mut Vec<u8>,
    ) -> Result<(), RedactError> {
        redact_core(
            input,
            findings,
            &self.policy,
            &mut self.numbering,
            &mut self.scratch,
            out,
        )
    }

    /// Finds and redacts identifiers in free text, appending to `out`.
    pub fn redact_text(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<(), RedactError> {
        let mut findings = core::mem::take(&mut self.findings);
        findings.clear();
        self.find_into(input, None, &mut findings);
        let r = self.redact_into(input, &findings, out);
        self.findings = findings;
        r
    }

    /// Finds and redacts identifiers in place (length-preserving policies only).
    pub fn redact_text_in_place(&mut self, buf: &mut [u8]) -> Result<(), RedactError> {
        let mut findings = core::mem::take(&mut self.findings);
        findings.clear();
        self.find_into(buf, None, &mut findings);
        let r = redact_in_place(buf, &findings, &self.policy);
        self.findings = findings;
        r
    }

    /// The findings of one record field: the finder's, or what it is known to answer
    /// (nothing in a field that cannot hold an identifier; the whole value in an
    /// identifier column holding one valid value of its kind).
    #[inline]
    fn scan_field(&self, field: &[u8], hint: Option<Kind>, findings: &mut Vec<Finding>) {
        use crate::record::quick;
        if self.default_scanner {
            if let Some(kind) = hint {
                if let Some((start, end)) = quick::typed_span(field, kind) {
                    findings.push(Finding {
                        kind,
                        start,
                        end,
                        confidence: crate::scan::Confidence::High,
                    });
                    return;
                }
            }
            if !quick::may_hold_identifier(field) {
                return;
            }
        }
        self.find_into(field, hint, findings);
    }

    /// True when every operator of the policy keeps lengths, so fields under
    /// length-preserving column actions can be redacted in place.
    pub(crate) fn operators_keep_length(&self) -> bool {
        Kind::ALL
            .iter()
            .all(|&k| self.policy.operator(k).is_length_preserving())
    }

    /// Redacts one record field in place under a length-preserving column action
    /// (`Keep`, `Mask`, `Generalize`, or `Scan` when [`Self::operators_keep_length`]),
    /// with the result [`Self::redact_field`] would append. Returns false, leaving
    /// `field` as it is, for any other action.
    ///
    /// Inlined into the record loops for the common cases (masked columns, fields the
    /// scanner's answer is known for); the rest is [`Self::scan_field_in_place`].
    #[inline]
    pub(crate) fn redact_field_in_place(
        &mut self,
        action: ColumnAction,
        class: FieldClass,
        hint: Option<Kind>,
        field: &mut [u8],
    ) -> Result<bool, RedactError> {
        let ch = mask::DEFAULT_MASK_BYTE;
        match action {
            ColumnAction::Keep => {}
            ColumnAction::Mask => mask::mask_field(field, ch),
            ColumnAction::Generalize => {
                if class == FieldClass::BirthDate {
                    mask::generalise_date(field, ch);
                } else {
                    mask::mask_field(field, ch);
                }
            }
            ColumnAction::Scan => {
                if self.default_scanner {
                    use crate::record::quick;
                    match hint {
                        // One valid value of the column's kind: one high-confidence finding.
                        Some(kind) => {
                            if let Some((s, e)) = quick::typed_span(field, kind) {
                                if let Some(span) = field.get_mut(s..e) {
                                    apply_inline(&self.policy, kind, span)?;
                                }
                                return Ok(true);
                            }
                        }
                        // Free text that cannot hold an identifier: nothing found, no
                        // column kind to fall back on.
                        None => {
                            if !quick::may_hold_identifier(field) {
                                return Ok(true);
                            }
                        }
                    }
                }
                self.scan_field_in_place(hint, field)?;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The `Scan` action of [`Self::redact_field_in_place`] through the finder.
    #[inline(never)]
    fn scan_field_in_place(
        &mut self,
        hint: Option<Kind>,
        field: &mut [u8],
    ) -> Result<(), RedactError> {
        let findings = self.field_findings(field, hint);
        let r = redact_in_place_checked(field, &findings, &self.policy);
        self.findings = findings;
        r
    }

    /// What a `Scan` field hides, in the reusable findings buffer (give it back after
    /// use): the scanner's findings or, when it finds nothing in a column named for a
    /// kind, the whole trimmed value (typos and wrong lengths are still personal data).
    fn field_findings(&mut self, field: &[u8], hint: Option<Kind>) -> Vec<Finding> {
        let mut findings = core::mem::take(&mut self.findings);
        findings.clear();
        self.scan_field(field, hint, &mut findings);
        if let (true, Some(kind)) = (findings.is_empty(), hint) {
            let (s, e) = trim_range(field);
            if holds_value(field.get(s..e).unwrap_or(&[])) {
                findings.push(Finding {
                    kind,
                    start: s,
                    end: e,
                    confidence: crate::scan::Confidence::High,
                });
            }
        }
        findings
    }

    /// Redacts one record field under a column action, appending to `out`.
    ///
    /// `hint` is the kind the column's name says the field holds.
    pub fn redact_field(
        &mut self,
        action: ColumnAction,
        class: FieldClass,
        hint: Option<Kind>,
        field: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), RedactError> {
        let ch = mask::DEFAULT_MASK_BYTE;
        let at = out.len();
        match action {
            ColumnAction::Keep => out.extend_from_slice(field),
            ColumnAction::Drop => {}
            ColumnAction::Mask => {
                out.extend_from_slice(field);
                mask::mask_field(&mut out[at..], ch);
            }
            ColumnAction::Generalize => {
                out.extend_from_slice(field);
                if class == FieldClass::BirthDate {
                    mask::generalise_date(&mut out[at..], ch);
                } else {
                    mask::mask_field(&mut out[at..], ch);
                }
            }
            ColumnAction::Token => {
                let keys = self
                    .policy
                    .keys()
                    .ok_or(RedactError::MissingKey { kind: hint })?;
                let text = trim_ascii(field);
                if text.is_empty() {
                    out.extend_from_slice(field);
                    return Ok(());
                }
                self.scratch.clear();
                // Case- and space-insensitive: "Budi  Santoso" = "budi santoso".
                let mut space = false;
                for &b in text {
                    if b.is_ascii_whitespace() {
                        space = true;
                        continue;
                    }
                    if space && !self.scratch.is_empty() {
                        self.scratch.push(b' ');
                    }
                    space = false;
                    self.scratch.push(b.to_ascii_lowercase());
                }
                let label = match class {
                    FieldClass::Identifier(k) => k.as_str(),
                    c => c.as_str(),
                };
                let mut domain = [0u8; 32];
                let dl = label.len().min(26);
                domain[..6].copy_from_slice(b"field/");
                domain[6..6 + dl].copy_from_slice(&label.as_bytes()[..dl]);
                let mac = keys.mac(&domain[..6 + dl], &self.scratch);
                out.push(b'[');
                out.extend(label.bytes().map(|b| b.to_ascii_uppercase()));
                out.push(b':');
                for b in &mac[..token::TOKEN_HEX / 2] {
                    out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
                }
                out.push(b']');
            }
            ColumnAction::Scan => {
                let findings = self.field_findings(field, hint);
                let r = if findings.is_empty() {
                    out.extend_from_slice(field);
                    Ok(())
                } else {
                    self.redact_into(field, &findings, out)
                };
                self.findings = findings;
                r?;
            }
        }
        Ok(())
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether a field of an identifier column holds something to hide when the scanner
/// found no valid value in it: any ASCII letter or digit, or a digit of another
/// script that the scanner folds (`３１７１` is still part of a NIK).
fn holds_value(field: &[u8]) -> bool {
    field.iter().any(u8::is_ascii_alphanumeric) || crate::scan::fold::has_foldable(field)
}

fn trim_range(b: &[u8]) -> (usize, usize) {
    let s = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let e = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(s, |e| e + 1);
    (s, e.max(s))
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let (s, e) = trim_range(b);
    &b[s..e]
}

/// Restores a pseudonymised value in place (the inverse of the `pseudonym` operator).
pub fn unpseudonymise(keys: &Keys, kind: Kind, value: &mut [u8]) -> Result<(), PseudonymError> {
    pseudonym::transform(keys, kind, value, false)
}

/// Pseudonymises one value in place (what the `pseudonym` operator does, without
/// the mask fallback).
pub fn pseudonymise(keys: &Keys, kind: Kind, value: &mut [u8]) -> Result<(), PseudonymError> {
    pseudonym::transform(keys, kind, value, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::Confidence;
    use proptest::prelude::*;

    proptest! {
        /// Findings in and out of order and bounds (huge offsets among them).
        #[test]
        fn check_findings_agrees_with_reference(
            spans in prop::collection::vec(
                (prop_oneof![8 => 0usize..40, 1 => Just(usize::MAX), 1 => any::<usize>()],
                 prop_oneof![8 => 0usize..40, 1 => Just(usize::MAX), 1 => any::<usize>()]),
                0..8),
            len in 0usize..45,
        ) {
            let findings: Vec<Finding> = spans
                .iter()
                .map(|&(start, end)| Finding { kind: Kind::Nik, start, end, confidence: Confidence::High })
                .collect();
            prop_assert_eq!(check_findings(len, &findings), first_bad_finding(len, &findings));
        }
    }
}
