//! What to do with each kind of finding and each class of record field.
//!
//! The default policy masks everything (length-preserving, so it can run in
//! place): identifiers with their [`MaskSpec::default_for`] mask, name,
//! address, birth-place and sex fields fully, birth dates down to the year.
//!
//! # Policy file (JSON)
//!
//! Every key is optional; what is left out keeps the default.
//!
//! ```json
//! {
//!   "kinds": {
//!     "nik": "mask",
//!     "phone": { "mask": { "lead": 3, "trail": 0, "char": "#" } },
//!     "email": "token",
//!     "npwp": "pseudonym",
//!     "kk": "numbered",
//!     "nip": "placeholder",
//!     "payment_card": "mask",
//!     "bpjs_kesehatan": "keep"
//!   },
//!   "classes": { "name": "token", "address": "drop", "birth_date": "generalize" },
//!   "columns": { "catatan_dokter": "scan", "Nama Ibu": "mask" },
//!   "min_confidence": "low",
//!   "on_malformed": "text",
//!   "max_record_bytes": 1048576
//! }
//! ```
//!
//! * `kinds`: per [`Kind`] name, an operator: `"mask"` (default mask of the
//!   kind), `{"mask": {"lead": L, "trail": T, "char": "*"}}` (at most
//!   [`max_visible`] digits shown), `"placeholder"` (`[NIK]`), `"numbered"`
//!   (`[NIK_1]`), `"token"` (keyed HMAC, needs a key), `"pseudonym"` (FF1,
//!   needs a key) or `"keep"`.
//! * `classes`: per field class (`name`, `address`, `birth_place`,
//!   `birth_date`, `sex`, `identifier`, `other`), a column action: `"scan"`,
//!   `"mask"`, `"drop"`, `"keep"`, `"token"` or `"generalize"`.
//! * `columns`: per column or key name (compared case- and separator-
//!   insensitively), a column action; overrides the class.
//! * `min_confidence`: `"low"`, `"medium"` or `"high"`: weaker findings are left.
//! * `on_malformed`: `"text"` (redact the record as free text, the default),
//!   `"drop"` (leave it out) or `"reject"` (stop with an error). Every malformed
//!   record is reported with its line number either way.
//! * `max_record_bytes`: the longest CSV/JSON-lines record held in memory.
//!
//! Keys are never part of a policy file; see [`Policy::set_key`].

use std::sync::Arc;

use super::mask::{MaskSpec, max_visible};
use super::token::{Key, Keys};
use crate::kind::Kind;
use crate::scan::Confidence;

/// What happens to a finding of some kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operator {
    /// Length-preserving mask (the default).
    Mask(MaskSpec),
    /// A fixed placeholder, `[NIK]`.
    Placeholder,
    /// A numbered placeholder, `[NIK_1]`, the same number for the same value in a run.
    Numbered,
    /// A keyed token, `[NIK:3f9a0c21d4e5b6a7]`, the same for the same person across
    /// runs and formats under one key.
    Token,
    /// A valid value of the same kind and layout, reversible with the key.
    Pseudonym,
    /// Left as it is.
    Keep,
}

impl Operator {
    /// True when the output has the length of the input (can run in place).
    pub const fn is_length_preserving(&self) -> bool {
        matches!(
            self,
            Operator::Mask(_) | Operator::Pseudonym | Operator::Keep
        )
    }

    /// True when the operator needs a secret key.
    pub const fn needs_key(&self) -> bool {
        matches!(self, Operator::Token | Operator::Pseudonym)
    }
}

/// The class of a record field, from its column or key name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldClass {
    /// Personal names (`nama`, `name`, `nama_ibu`).
    Name,
    /// Addresses (`alamat`, `address`).
    Address,
    /// Place of birth (`tempat_lahir`).
    BirthPlace,
    /// Date of birth (`tgl_lahir`, `dob`).
    BirthDate,
    /// Sex (`jenis_kelamin`, `gender`).
    Sex,
    /// A field that holds an identifier of this kind (`nik`, `no_hp`).
    Identifier(Kind),
    /// Anything else: scanned as free text.
    Other,
}

impl FieldClass {
    const NAMES: [&'static str; 7] = [
        "name",
        "address",
        "birth_place",
        "birth_date",
        "sex",
        "identifier",
        "other",
    ];

    fn index(self) -> usize {
        match self {
            FieldClass::Name => 0,
            FieldClass::Address => 1,
            FieldClass::BirthPlace => 2,
            FieldClass::BirthDate => 3,
            FieldClass::Sex => 4,
            FieldClass::Identifier(_) => 5,
            FieldClass::Other => 6,
        }
    }

    /// Stable snake_case name of the class (identifiers share `identifier`).
    pub fn as_str(self) -> &'static str {
        FieldClass::NAMES[self.index()]
    }
}

/// What happens to a whole record field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnAction {
    /// Scan the field for identifiers (with the column's kind as hint) and apply
    /// the kind operators; an identifier column where nothing valid is found is
    /// treated as one value of its kind, so typos are hidden too.
    Scan,
    /// Mask every non-space character.
    Mask,
    /// Empty the field.
    Drop,
    /// Leave it as it is.
    Keep,
    /// Replace the whole value with a keyed token (needs a key).
    Token,
    /// Keep only the year of a date (`1990-**-**`); other fields are masked.
    Generalize,
}

impl ColumnAction {
    /// Parses `"scan"`, `"mask"`, `"drop"`, `"keep"`, `"token"`, `"generalize"`.
    pub fn from_name(s: &str) -> Option<ColumnAction> {
        Some(match s {
            "scan" => ColumnAction::Scan,
            "mask" => ColumnAction::Mask,
            "drop" => ColumnAction::Drop,
            "keep" => ColumnAction::Keep,
            "token" => ColumnAction::Token,
            "generalize" | "generalise" => ColumnAction::Generalize,
            _ => return None,
        })
    }

    /// True when the field keeps its length.
    pub const fn is_length_preserving(&self) -> bool {
        matches!(
            self,
            ColumnAction::Scan | ColumnAction::Mask | ColumnAction::Keep | ColumnAction::Generalize
        )
    }
}

/// What happens to a record that cannot be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OnMalformed {
    /// Redact it as free text (the default: nothing is lost, nothing leaks).
    Text,
    /// Leave it out of the output (it is still reported).
    Drop,
    /// Stop with an error.
    Reject,
}

/// Why a policy was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// A mask shows more digits than the kind allows.
    #[error("mask for {kind} shows {visible} digits, at most {max} allowed")]
    TooVisible {
        /// The kind.
        kind: Kind,
        /// Digits asked for.
        visible: usize,
        /// Digits allowed.
        max: usize,
    },
    /// The mask byte is not printable ASCII punctuation or space.
    #[error("mask character must be one ASCII punctuation character")]
    MaskChar,
    /// The policy file is not valid JSON or has a wrong shape at this path.
    #[error("policy file: {0}")]
    Invalid(String),
}

/// Operators per kind, actions per field class and column, and the key.
#[derive(Clone)]
pub struct Policy {
    operators: [Operator; Kind::ALL.len()],
    classes: [ColumnAction; 7],
    columns: Vec<(String, ColumnAction)>,
    /// Findings below this confidence are left as they are.
    pub min_confidence: Confidence,
    /// What happens to records that cannot be parsed.
    pub on_malformed: OnMalformed,
    /// The longest CSV / JSON-lines record held in memory, in bytes.
    pub max_record_bytes: usize,
    keys: Option<Arc<Keys>>,
}

impl core::fmt::Debug for Policy {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Policy")
            .field("operators", &self.operators)
            .field("classes", &self.classes)
            .field("columns", &self.columns)
            .field("min_confidence", &self.min_confidence)
            .field("on_malformed", &self.on_malformed)
            .field("max_record_bytes", &self.max_record_bytes)
            .field("key", &self.keys.as_ref().map(|_| "<secret>"))
            .finish()
    }
}

/// Default bound on one CSV / JSON-lines record: 1 MiB.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 1 << 20;

/// Position of a kind in [`Kind::ALL`] (its declaration order).
#[inline]
fn kind_index(kind: Kind) -> usize {
    (kind as usize).min(Kind::ALL.len() - 1)
}

/// A column or key name reduced to lower-case ASCII letters and digits
/// (`"No. KTP"` -> `"noktp"`), for case- and separator-insensitive matching.
pub fn normalise_column(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Default for Policy {
    fn default() -> Policy {
        let mut operators = [Operator::Keep; Kind::ALL.len()];
        for (o, k) in operators.iter_mut().zip(Kind::ALL) {
            *o = Operator::Mask(MaskSpec::default_for(k));
        }
        let mut classes = [ColumnAction::Mask; 7];
        classes[FieldClass::BirthDate.index()] = ColumnAction::Generalize;
        classes[FieldClass::Identifier(Kind::Nik).index()] = ColumnAction::Scan;
        classes[FieldClass::Other.index()] = ColumnAction::Scan;
        Policy {
            operators,
            classes,
            columns: Vec::new(),
            min_confidence: Confidence::Low,
            on_malformed: OnMalformed::Text,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            keys: None,
        }
    }
}

impl Policy {
    /// The default policy: mask everything, length-preserving.
    pub fn new() -> Policy {
        Policy::default()
    }

    /// The operator for a kind.
    pub fn operator(&self, kind: Kind) -> Operator {
        self.operators[kind_index(kind)]
    }

    /// Sets the operator for a kind; refuses masks that show too much.
    pub fn set_operator(&mut self, kind: Kind, op: Operator) -> Result<(), PolicyError> {
        if let Operator::Mask(spec) = op {
            let max = max_visible(kind);
            if spec.visible() > max {
                return Err(PolicyError::TooVisible {
                    kind,
                    visible: spec.visible(),
                    max,
                });
            }
            if !(spec.ch.is_ascii_punctuation() || spec.ch == b' ') {
                return Err(PolicyError::MaskChar);
            }
        }
        self.operators[kind_index(kind)] = op;
        Ok(())
    }

    /// Sets one operator for every kind (masks use each kind's default).
    pub fn set_all(&mut self, op: Operator) {
        for (o, k) in self.operators.iter_mut().zip(Kind::ALL) {
            *o = match op {
                Operator::Mask(_) => Operator::Mask(MaskSpec::default_for(k)),
                other => other,
            };
        }
    }

    /// The action for a field class.
    pub fn class_action(&self, class: FieldClass) -> ColumnAction {
        self.classes[class.index()]
    }

    /// Sets the action for a field class.
    pub fn set_class_action(&mut self, class: FieldClass, action: ColumnAction) {
        self.classes[class.index()] = action;
    }

    /// Sets the action for a column or key name (case/separator-insensitive).
    pub fn set_column(&mut self, name: &str, action: ColumnAction) {
        let n = normalise_column(name);
        self.columns.retain(|(c, _)| *c != n);
        self.columns.push((n, action));
    }

    /// The action set for this exact column name, if any (name already normalised).
    pub fn column_override(&self, normalised: &str) -> Option<ColumnAction> {
        self.columns
            .iter()
            .find(|(c, _)| c == normalised)
            .map(|&(_, a)| a)
    }

    /// Sets the secret key used by tokens and pseudonyms.
    pub fn set_key(&mut self, key: &Key) {
        self.keys = Some(Arc::new(Keys::new(key)));
    }

    /// The derived keys, when a key was set.
    pub fn keys(&self) -> Option<&Keys> {
        self.keys.as_deref()
    }

    /// The first kind whose operator needs a key, or a class/column needing one
    /// (reported as `None` inside `Some`), when no key is set.
    pub fn missing_key(&self) -> Option<Option<Kind>> {
        if self.keys.is_some() {
            return None;
        }
        if let Some(k) = Kind::ALL
            .into_iter()
            .find(|&k| self.operator(k).needs_key())
        {
            return Some(Some(k));
        }
        let token = |a: &ColumnAction| *a == ColumnAction::Token;
        if self.classes.iter().any(token) || self.columns.iter().any(|(_, a)| token(a)) {
            return Some(None);
        }
        None
    }

    /// True when every operator and action keeps lengths, so text and records can
    /// be redacted in place.
    pub fn is_length_preserving(&self) -> bool {
        self.operators.iter().all(Operator::is_length_preserving)
            && self.classes.iter().all(ColumnAction::is_length_preserving)
            && self.columns.iter().all(|(_, a)| a.is_length_preserving())
    }

    /// Reads a policy file (format in the module docs).
    #[cfg(feature = "cli")]
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        super::policy_json::parse(text)
    }
}
