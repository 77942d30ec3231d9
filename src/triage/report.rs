//! The triage report: counts only, never an identifier.

use crate::date::Date;

/// Values of one identifier kind found in columns and in free text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindCount {
    /// Stable kind name (`nik`, `npwp`, …).
    pub kind: &'static str,
    /// Non-empty values in columns of this kind.
    pub column_values: u64,
    /// Of those, the structurally valid ones.
    pub column_valid: u64,
    /// Valid values found by scanning free text and unclassified columns.
    pub in_text: u64,
}

/// NIK-specific figures: the genuineness signal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NikFigures {
    /// NIK-like values: non-empty values of NIK columns plus 16-digit runs in text.
    pub values: u64,
    /// Structurally valid NIKs (KK numbers in a NIK column excluded).
    pub valid: u64,
    /// Valid, with a district in the current or retired Kemendagri table.
    pub known_district: u64,
    /// Valid, with a retired (pre-2022 Papua) district code.
    pub retired_district: u64,
    /// Valid, with a province and regency but a district in no table.
    pub unknown_district: u64,
    /// Not valid NIKs (KK numbers in a NIK column excluded).
    pub invalid: u64,
    /// Invalid values by reason (`invalid_day`, `spreadsheet_float`, …), sorted by name.
    pub invalid_reasons: Vec<(&'static str, u64)>,
    /// NIK column values equal to the record's KK number.
    pub kk_in_nik_column: u64,
    /// `known_district / values`: near 1 for a genuine dump, low for made-up numbers.
    pub validity_rate: f64,
    /// Distinct valid NIKs (exact while `duplicates_exact`).
    pub distinct: u64,
    /// Valid NIKs repeating an earlier one.
    pub duplicates: u64,
    /// False once the bounded fingerprint set overflowed (estimates from then on).
    pub duplicates_exact: bool,
}

/// Agreement between fields of one record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Consistency {
    /// Records with a valid NIK and a readable birth date.
    pub dob_compared: u64,
    /// Of those, NIK day/month/two-digit year differs from the birth date.
    pub dob_mismatch: u64,
    /// Records with a valid NIK and a readable sex.
    pub sex_compared: u64,
    /// Of those, the NIK's sex (+40 rule) differs.
    pub sex_mismatch: u64,
    /// Records with a valid NIK and a valid KK number.
    pub kk_compared: u64,
    /// Of those, same province in both.
    pub kk_same_province: u64,
    /// Of those, same regency in both.
    pub kk_same_regency: u64,
}

/// A count per region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionCount {
    /// Code (`31` or `3171`).
    pub code: u32,
    /// Name, when the code is known.
    pub name: Option<&'static str>,
    /// Records.
    pub count: u64,
}

/// One UU PDP category found in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdpCategory {
    /// Stable name (`full_name`, `children`, `health`, …).
    pub code: &'static str,
    /// Plain description.
    pub label: &'static str,
    /// True for "specific" personal data (UU PDP Art. 4(2)); false for general data.
    pub specific: bool,
}

/// Everything `identitas triage` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Input format used (`csv`, `jsonl`, `text`).
    pub format: &'static str,
    /// Reference date for ages.
    pub reference_date: Date,
    /// Bytes read.
    pub bytes: u64,
    /// Records read (CSV rows after the header, JSON lines; text lines for text).
    pub records: u64,
    /// Records that could not be read (bad JSON, over-long).
    pub malformed_records: u64,
    /// Columns (or JSON keys) and what they were classified as.
    pub columns: Vec<(String, &'static str)>,
    /// Per identifier kind.
    pub identifiers: Vec<KindCount>,
    /// NIK figures.
    pub nik: NikFigures,
    /// Cross-field checks.
    pub consistency: Consistency,
    /// Records identical to an earlier one.
    pub duplicate_records: u64,
    /// False once the record fingerprint set overflowed.
    pub duplicate_records_exact: bool,
    /// Records per province of NIK registration, largest first.
    pub provinces: Vec<RegionCount>,
    /// Records per regency of NIK registration, largest first.
    pub regencies: Vec<RegionCount>,
    /// Records per birth year (birth date column, else the NIK), ascending.
    pub birth_years: Vec<(u16, u64)>,
    /// Records by sex (sex column, else the NIK): male, female, unknown.
    pub sex: (u64, u64, u64),
    /// Records of people under 18 at the reference date.
    pub children: u64,
    /// Records with a known birth date (the base of the children share).
    pub with_birth_date: u64,
    /// Estimated data subjects: records minus duplicate records.
    pub subjects_estimate: u64,
    /// UU PDP categories present.
    pub pdp: Vec<PdpCategory>,
    /// Plain-language summary for the breach notification.
    pub summary: String,
}

impl Report {
    /// The count of one identifier kind, by name.
    pub fn kind(&self, name: &str) -> Option<&KindCount> {
        self.identifiers.iter().find(|k| k.kind == name)
    }

    /// Share of records with a known birth date that are children (0 when none).
    pub fn children_share(&self) -> f64 {
        ratio(self.children, self.with_birth_date)
    }

    /// True when specific (sensitive) personal data is present.
    pub fn has_specific_data(&self) -> bool {
        self.pdp.iter().any(|c| c.specific)
    }
}

/// `a / b`, 0 when `b` is 0.
pub(crate) fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}
