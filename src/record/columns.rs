//! Classifying columns and JSON keys from their names (Indonesian and English,
//! case- and separator-insensitive: `No. KTP`, `no_ktp`, `NoKTP` are one name).

use crate::kind::Kind;
use crate::redact::{ColumnAction, FieldClass, Policy, policy::normalise_column};

/// Normalised names (see [`normalise_column`]) and their class.
const TABLE: &[(&str, FieldClass)] = &[
    // Identifiers.
    ("nik", FieldClass::Identifier(Kind::Nik)),
    ("noktp", FieldClass::Identifier(Kind::Nik)),
    ("nomorktp", FieldClass::Identifier(Kind::Nik)),
    ("ktp", FieldClass::Identifier(Kind::Nik)),
    ("nonik", FieldClass::Identifier(Kind::Nik)),
    ("nomornik", FieldClass::Identifier(Kind::Nik)),
    ("nomorindukkependudukan", FieldClass::Identifier(Kind::Nik)),
    ("nikibu", FieldClass::Identifier(Kind::Nik)),
    ("nationalid", FieldClass::Identifier(Kind::Nik)),
    ("idnumber", FieldClass::Identifier(Kind::Nik)),
    ("sim", FieldClass::Identifier(Kind::Nik)),
    ("nokk", FieldClass::Identifier(Kind::Kk)),
    ("kk", FieldClass::Identifier(Kind::Kk)),
    ("nkk", FieldClass::Identifier(Kind::Kk)),
    ("nomorkk", FieldClass::Identifier(Kind::Kk)),
    ("nomorkartukeluarga", FieldClass::Identifier(Kind::Kk)),
    ("familycard", FieldClass::Identifier(Kind::Kk)),
    ("npwp", FieldClass::Identifier(Kind::Npwp)),
    ("nonpwp", FieldClass::Identifier(Kind::Npwp)),
    ("nomornpwp", FieldClass::Identifier(Kind::Npwp)),
    ("taxid", FieldClass::Identifier(Kind::Npwp)),
    ("nitku", FieldClass::Identifier(Kind::Nitku)),
    ("noka", FieldClass::Identifier(Kind::BpjsKesehatan)),
    ("nokartu", FieldClass::Identifier(Kind::BpjsKesehatan)),
    ("nobpjs", FieldClass::Identifier(Kind::BpjsKesehatan)),
    ("bpjs", FieldClass::Identifier(Kind::BpjsKesehatan)),
    ("nomorbpjs", FieldClass::Identifier(Kind::BpjsKesehatan)),
    ("nojkn", FieldClass::Identifier(Kind::BpjsKesehatan)),
    ("nokis", FieldClass::Identifier(Kind::BpjsKesehatan)),
    ("kpj", FieldClass::Identifier(Kind::BpjsKetenagakerjaan)),
    ("nokpj", FieldClass::Identifier(Kind::BpjsKetenagakerjaan)),
    ("nip", FieldClass::Identifier(Kind::Nip)),
    ("nohp", FieldClass::Identifier(Kind::Phone)),
    ("hp", FieldClass::Identifier(Kind::Phone)),
    ("nohandphone", FieldClass::Identifier(Kind::Phone)),
    ("handphone", FieldClass::Identifier(Kind::Phone)),
    ("telp", FieldClass::Identifier(Kind::Phone)),
    ("notelp", FieldClass::Identifier(Kind::Phone)),
    ("telepon", FieldClass::Identifier(Kind::Phone)),
    ("notelepon", FieldClass::Identifier(Kind::Phone)),
    ("nomortelepon", FieldClass::Identifier(Kind::Phone)),
    ("nomorhp", FieldClass::Identifier(Kind::Phone)),
    ("nowa", FieldClass::Identifier(Kind::Phone)),
    ("whatsapp", FieldClass::Identifier(Kind::Phone)),
    ("phone", FieldClass::Identifier(Kind::Phone)),
    ("phonenumber", FieldClass::Identifier(Kind::Phone)),
    ("mobile", FieldClass::Identifier(Kind::Phone)),
    ("telephone", FieldClass::Identifier(Kind::Phone)),
    ("email", FieldClass::Identifier(Kind::Email)),
    ("surel", FieldClass::Identifier(Kind::Email)),
    ("alamatemail", FieldClass::Identifier(Kind::Email)),
    ("emailaddress", FieldClass::Identifier(Kind::Email)),
    ("cardnumber", FieldClass::Identifier(Kind::PaymentCard)),
    ("nokartukredit", FieldClass::Identifier(Kind::PaymentCard)),
    ("creditcard", FieldClass::Identifier(Kind::PaymentCard)),
    // Names.
    ("nama", FieldClass::Name),
    ("name", FieldClass::Name),
    ("namalengkap", FieldClass::Name),
    ("fullname", FieldClass::Name),
    ("firstname", FieldClass::Name),
    ("lastname", FieldClass::Name),
    ("namapasien", FieldClass::Name),
    ("namapeserta", FieldClass::Name),
    ("namaibu", FieldClass::Name),
    ("namaibukandung", FieldClass::Name),
    ("namaayah", FieldClass::Name),
    ("mothername", FieldClass::Name),
    ("patientname", FieldClass::Name),
    // Addresses.
    ("alamat", FieldClass::Address),
    ("alamatlengkap", FieldClass::Address),
    ("alamatrumah", FieldClass::Address),
    ("address", FieldClass::Address),
    ("street", FieldClass::Address),
    ("jalan", FieldClass::Address),
    ("rtrw", FieldClass::Address),
    // Birth.
    ("tempatlahir", FieldClass::BirthPlace),
    ("placeofbirth", FieldClass::BirthPlace),
    ("birthplace", FieldClass::BirthPlace),
    ("tgllahir", FieldClass::BirthDate),
    ("tanggallahir", FieldClass::BirthDate),
    ("tgllhr", FieldClass::BirthDate),
    ("dob", FieldClass::BirthDate),
    ("dateofbirth", FieldClass::BirthDate),
    ("birthdate", FieldClass::BirthDate),
    ("birthday", FieldClass::BirthDate),
    // Sex.
    ("jeniskelamin", FieldClass::Sex),
    ("jk", FieldClass::Sex),
    ("kelamin", FieldClass::Sex),
    ("gender", FieldClass::Sex),
    ("sex", FieldClass::Sex),
];

/// The class of a column or key from its name; [`FieldClass::Other`] when unknown.
pub fn classify(name: &str) -> FieldClass {
    classify_normalised(&normalise_column(name))
}

fn classify_normalised(n: &str) -> FieldClass {
    TABLE
        .iter()
        .find(|(k, _)| *k == n)
        .map_or(FieldClass::Other, |&(_, c)| c)
}

/// How one column is handled: its class, scanner hint and action under a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnPlan {
    /// Class from the name.
    pub class: FieldClass,
    /// Kind passed to the scanner.
    pub hint: Option<Kind>,
    /// What happens to the field.
    pub action: ColumnAction,
}

impl ColumnPlan {
    /// The plan for a column name under `policy` (a per-column override wins).
    pub fn for_name(name: &str, policy: &Policy) -> ColumnPlan {
        let n = normalise_column(name);
        let class = classify_normalised(&n);
        let hint = match class {
            FieldClass::Identifier(k) => Some(k),
            _ => None,
        };
        let action = policy
            .column_override(&n)
            .unwrap_or_else(|| policy.class_action(class));
        ColumnPlan {
            class,
            hint,
            action,
        }
    }

    /// The plan for fields without a name (no header, extra fields): scan as text.
    pub fn unnamed(policy: &Policy) -> ColumnPlan {
        ColumnPlan {
            class: FieldClass::Other,
            hint: None,
            action: policy.class_action(FieldClass::Other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(classify("NIK"), FieldClass::Identifier(Kind::Nik));
        assert_eq!(classify("No. KTP"), FieldClass::Identifier(Kind::Nik));
        assert_eq!(classify("no_hp"), FieldClass::Identifier(Kind::Phone));
        assert_eq!(classify("Tgl-Lahir"), FieldClass::BirthDate);
        assert_eq!(classify("jenis kelamin"), FieldClass::Sex);
        assert_eq!(
            classify("NOKA"),
            FieldClass::Identifier(Kind::BpjsKesehatan)
        );
        assert_eq!(classify("nama"), FieldClass::Name);
        assert_eq!(classify("Alamat"), FieldClass::Address);
        assert_eq!(classify("diagnosa"), FieldClass::Other);
    }
}
