//! `identitas check`: validate and decode one value per line.
//!
//! A stable contract: with `--json`, exactly one JSON object per input line, in
//! order, with `kind`, `valid`, `error` (snake_case code or null) and the
//! kind's decoded fields (all null when invalid). The input itself is never
//! echoed, except where the contract asks for a normalised form (`normalized`,
//! `e164`, `national`).

use std::io::{self, BufWriter, Write};

use identitas::{BpjsKesehatan, Date, Kind, Kk, Kpj, Nik, Nip, Nitku, Npwp, Phone, Region};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use crate::lines::{self, Line};

/// Which kind the user asked for.
#[derive(Clone, Copy)]
enum Wanted {
    Auto,
    Kind(Kind),
}

struct Options {
    json: bool,
    wanted: Wanted,
    reference: Date,
    path: Option<String>,
}

const USAGE: &str = "usage: identitas check [--json] [--kind auto|nik|kk|npwp|nitku|bpjs_kesehatan|bpjs_ketenagakerjaan|nip|phone] [--reference-date YYYY-MM-DD] [FILE|-]";

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut opts = Options {
        json: false,
        wanted: Wanted::Auto,
        reference: Date::today(),
        path: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => opts.json = true,
            "--kind" => {
                let v = it.next().ok_or("--kind needs a value")?;
                opts.wanted = match v.as_str() {
                    "auto" => Wanted::Auto,
                    name => {
                        Wanted::Kind(name.parse().map_err(|_| format!("unknown kind '{name}'"))?)
                    }
                };
            }
            "--reference-date" => {
                let v = it.next().ok_or("--reference-date needs a value")?;
                opts.reference =
                    Date::parse_iso(v).ok_or("--reference-date must be a date YYYY-MM-DD")?;
            }
            "-h" | "--help" => return Err(String::new()),
            p if !p.starts_with('-') || p == "-" => {
                if opts.path.replace(p.to_owned()).is_some() {
                    return Err("only one input file".into());
                }
            }
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    Ok(opts)
}

/// Runs the command; returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("identitas check: {msg}");
            }
            eprintln!("{USAGE}");
            return 2;
        }
    };
    match check_all(&opts) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("identitas check: {e}");
            2
        }
    }
}

fn check_all(opts: &Options) -> io::Result<()> {
    let mut input = lines::open(opts.path.as_deref())?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut line = Line {
        bytes: Vec::new(),
        truncated: false,
    };
    let mut number = 0u64;
    while lines::next_line(&mut *input, &mut line)? {
        number += 1;
        let report = if line.truncated {
            Report::invalid(kind_for(opts.wanted, b""), "line_too_long")
        } else {
            check_value(opts.wanted, &line.bytes, opts.reference)
        };
        if opts.json {
            serde_json::to_writer(&mut out, &report).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
        } else {
            writeln!(out, "{number}: {}", report.human())?;
        }
    }
    out.flush()
}

/// The answer for one line: common fields, then the kind's fields in a fixed order.
struct Report {
    kind: Kind,
    error: Option<&'static str>,
    fields: Vec<(&'static str, Value)>,
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3 + self.fields.len()))?;
        map.serialize_entry("kind", self.kind.as_str())?;
        map.serialize_entry("valid", &self.error.is_none())?;
        map.serialize_entry("error", &self.error)?;
        for (k, v) in &self.fields {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Field names of each kind, in output order (the JSON contract).
fn field_names(kind: Kind) -> &'static [&'static str] {
    const REGION: [&str; 6] = [
        "region_code",
        "province",
        "regency",
        "district",
        "region_status",
        "successor_code",
    ];
    match kind {
        Kind::Nik => &[
            REGION[0],
            REGION[1],
            REGION[2],
            REGION[3],
            REGION[4],
            REGION[5],
            "birth_date",
            "sex",
            "serial",
            "century_ambiguous",
        ],
        Kind::Kk => &[
            REGION[0],
            REGION[1],
            REGION[2],
            REGION[3],
            REGION[4],
            REGION[5],
            "issue_date",
            "serial",
        ],
        Kind::Npwp => &["normalized", "form", "tax_type", "tax_office", "branch"],
        Kind::Nitku => &["normalized", "npwp_form", "place", "main_place"],
        Kind::BpjsKesehatan => &["usual_prefix"],
        Kind::BpjsKetenagakerjaan => &["standard_length"],
        Kind::Nip => &["birth_date", "appointment", "sex", "serial"],
        Kind::Phone => &["e164", "national", "type", "operator", "area"],
        _ => &[],
    }
}

impl Report {
    /// An invalid report with the kind's fields all null.
    fn invalid(kind: Kind, error: &'static str) -> Report {
        let fields = field_names(kind)
            .iter()
            .map(|&k| (k, Value::Null))
            .collect();
        Report {
            kind,
            error: Some(error),
            fields,
        }
    }

    fn valid(kind: Kind, fields: Vec<(&'static str, Value)>) -> Report {
        debug_assert_eq!(
            fields.iter().map(|f| f.0).collect::<Vec<_>>(),
            field_names(kind)
        );
        Report {
            kind,
            error: None,
            fields,
        }
    }

    /// One readable line: decoded fields only, never the value or its normalised forms.
    fn human(&self) -> String {
        if let Some(e) = self.error {
            return format!("{} invalid ({e})", self.kind);
        }
        let hidden = ["normalized", "e164", "national", "international"];
        let shown: Vec<String> = self
            .fields
            .iter()
            .filter(|(k, v)| !v.is_null() && !hidden.contains(k))
            .map(|(k, v)| match v {
                Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect();
        format!("{} valid; {}", self.kind, shown.join("; "))
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

fn opt_text(s: Option<impl Into<String>>) -> Value {
    s.map_or(Value::Null, text)
}

fn region_fields(code: &str, r: Region) -> Vec<(&'static str, Value)> {
    vec![
        ("region_code", text(code)),
        ("province", opt_text(r.province())),
        ("regency", opt_text(r.regency())),
        ("district", opt_text(r.district())),
        ("region_status", text(r.status().as_str())),
        (
            "successor_code",
            opt_text(r.successor().map(|c| format!("{c:06}"))),
        ),
    ]
}

fn nik_report(nik: &Nik, reference: Date) -> Report {
    let born = nik.birth_date(reference);
    let mut f = region_fields(nik.region_code(), nik.region());
    f.push(("birth_date", opt_text(born.map(|b| b.date.to_string()))));
    f.push(("sex", text(nik.sex().as_str())));
    f.push(("serial", text(format!("{:04}", nik.serial()))));
    f.push((
        "century_ambiguous",
        born.map_or(Value::Null, |b| Value::Bool(b.century_ambiguous)),
    ));
    Report::valid(Kind::Nik, f)
}

fn kk_report(kk: &Kk, reference: Date) -> Report {
    let mut f = region_fields(kk.region_code(), kk.region());
    f.push((
        "issue_date",
        opt_text(kk.issue_date(reference).map(|d| d.to_string())),
    ));
    f.push(("serial", text(format!("{:04}", kk.serial()))));
    Report::valid(Kind::Kk, f)
}

fn npwp_report(npwp: &Npwp) -> Report {
    Report::valid(
        Kind::Npwp,
        vec![
            ("normalized", text(npwp.normalized())),
            ("form", text(npwp.form().as_str())),
            ("tax_type", opt_text(npwp.tax_type())),
            ("tax_office", opt_text(npwp.tax_office())),
            ("branch", opt_text(npwp.branch())),
        ],
    )
}

/// Checks `value` as `kind`.
fn check_as(kind: Kind, value: &[u8], reference: Date) -> Report {
    let result = match kind {
        Kind::Nik => Nik::parse_at_bytes(value, reference)
            .map(|n| nik_report(&n, reference))
            .map_err(|e| e.code()),
        Kind::Kk => Kk::parse_at_bytes(value, reference)
            .map(|k| kk_report(&k, reference))
            .map_err(|e| e.code()),
        Kind::Npwp => Npwp::parse_bytes(value)
            .map(|n| npwp_report(&n))
            .map_err(|e| e.code()),
        Kind::Nitku => Nitku::parse_bytes(value)
            .map(|n| {
                Report::valid(
                    Kind::Nitku,
                    vec![
                        ("normalized", text(n.compact())),
                        ("npwp_form", text(n.npwp().form().as_str())),
                        ("place", text(n.place_code())),
                        ("main_place", Value::Bool(n.is_main_place())),
                    ],
                )
            })
            .map_err(|e| e.code()),
        Kind::BpjsKesehatan => BpjsKesehatan::parse_bytes(value)
            .map(|c| {
                Report::valid(
                    kind,
                    vec![("usual_prefix", Value::Bool(c.has_usual_prefix()))],
                )
            })
            .map_err(|e| e.code()),
        Kind::BpjsKetenagakerjaan => Kpj::parse_bytes(value)
            .map(|k| {
                Report::valid(
                    kind,
                    vec![("standard_length", Value::Bool(k.is_standard_length()))],
                )
            })
            .map_err(|e| e.code()),
        Kind::Nip => Nip::parse_bytes(value)
            .map(|n| {
                Report::valid(
                    Kind::Nip,
                    vec![
                        ("birth_date", text(n.birth_date().to_string())),
                        (
                            "appointment",
                            text(format!(
                                "{:04}-{:02}",
                                n.appointment_year(),
                                n.appointment_month()
                            )),
                        ),
                        ("sex", text(n.sex().as_str())),
                        ("serial", text(format!("{:03}", n.serial()))),
                    ],
                )
            })
            .map_err(|e| e.code()),
        Kind::Phone => Phone::parse_bytes(value)
            .map(|p| {
                Report::valid(
                    Kind::Phone,
                    vec![
                        ("e164", text(p.e164().as_str())),
                        ("national", text(p.national().as_str())),
                        ("type", text(p.number_type().as_str())),
                        ("operator", opt_text(p.operator())),
                        ("area", opt_text(p.area())),
                    ],
                )
            })
            .map_err(|e| e.code()),
        _ => Err("unsupported_kind"),
    };
    result.unwrap_or_else(|code| Report::invalid(kind, code))
}

/// The most plausible kind for `value` from its shape: digit count, leading
/// digits and separators. A 16-digit value valid as both NIK and KK is a NIK.
fn kind_for(wanted: Wanted, value: &[u8]) -> Kind {
    if let Wanted::Kind(k) = wanted {
        return k;
    }
    let trimmed = value.trim_ascii();
    let digits: Vec<u8> = trimmed.iter().copied().filter(u8::is_ascii_digit).collect();
    let phone_like = trimmed.first().is_some_and(|&b| b == b'+' || b == b'(')
        || digits.starts_with(b"08")
        || digits.starts_with(b"628");
    match digits.len() {
        15 => Kind::Npwp,
        16 if digits[0] == b'0' => Kind::Npwp,
        16 => Kind::Nik,
        18 => Kind::Nip,
        22 => Kind::Nitku,
        13 if digits.starts_with(b"00") => Kind::BpjsKesehatan,
        _ if phone_like => Kind::Phone,
        11 => Kind::BpjsKetenagakerjaan,
        _ => Kind::Nik,
    }
}

/// Checks one value as the wanted kind (or the most plausible one for `auto`).
fn check_value(wanted: Wanted, value: &[u8], reference: Date) -> Report {
    let kind = kind_for(wanted, value);
    let report = check_as(kind, value, reference);
    if matches!(wanted, Wanted::Auto) && kind == Kind::Nik && report.error.is_some() {
        let kk = check_as(Kind::Kk, value, reference);
        if kk.error.is_none() {
            return kk;
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_picks_kinds_by_shape() {
        let k = |s: &str| kind_for(Wanted::Auto, s.as_bytes());
        assert_eq!(k("01.312.166.0-091.000"), Kind::Npwp);
        assert_eq!(k("0831326657201000"), Kind::Npwp);
        assert_eq!(k("3171011708450001"), Kind::Nik);
        assert_eq!(k("19660801 198803 1 001"), Kind::Nip);
        assert_eq!(k("0831326657201000000000"), Kind::Nitku);
        assert_eq!(k("0001944358911"), Kind::BpjsKesehatan);
        assert_eq!(k("+62 812-3456-7890"), Kind::Phone);
        assert_eq!(k("0812-3456-7890"), Kind::Phone);
        assert_eq!(k("12345678901"), Kind::BpjsKetenagakerjaan);
    }

    #[test]
    fn every_kind_has_its_fields_when_invalid() {
        for kind in Kind::ALL {
            let r = check_as(kind, b"x", Date::new(2025, 6, 1).unwrap());
            assert!(r.error.is_some());
            assert_eq!(r.fields.len(), field_names(kind).len());
        }
    }
}
