//! `identitas check`: validate and decode one value per line.
//!
//! A stable contract: with `--json`, exactly one JSON object per input line, in
//! order, with `kind`, `valid`, `error` (snake_case code or null) and the
//! kind's decoded fields (null when invalid). The input value itself is never echoed.

use std::io::{self, BufWriter, Write};

use identitas::{Date, Kind, Kk, Nik, Region};
use serde::Serialize;

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
pub fn run(args: &[String]) -> u8 {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("identitas check: {msg}");
            }
            eprintln!(
                "usage: identitas check [--json] [--kind auto|nik|kk|npwp|nitku|bpjs_kesehatan|bpjs_ketenagakerjaan|nip|phone] [--reference-date YYYY-MM-DD] [FILE|-]"
            );
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
            Report::error(opts.wanted, "line_too_long")
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

/// The answer for one line.
#[derive(Serialize)]
#[serde(untagged)]
enum Report {
    Nik(NikReport),
    Kk(KkReport),
    Other(Common),
}

/// Fields every report starts with.
#[derive(Serialize)]
struct Common {
    kind: &'static str,
    valid: bool,
    error: Option<&'static str>,
}

#[derive(Serialize)]
struct RegionFields {
    region_code: Option<String>,
    province: Option<&'static str>,
    regency: Option<&'static str>,
    district: Option<&'static str>,
    region_status: Option<&'static str>,
    successor_code: Option<String>,
}

impl RegionFields {
    fn none() -> Self {
        RegionFields {
            region_code: None,
            province: None,
            regency: None,
            district: None,
            region_status: None,
            successor_code: None,
        }
    }

    fn of(code: &str, r: Region) -> Self {
        RegionFields {
            region_code: Some(code.to_owned()),
            province: r.province(),
            regency: r.regency(),
            district: r.district(),
            region_status: Some(r.status().as_str()),
            successor_code: r.successor().map(|c| format!("{c:06}")),
        }
    }
}

#[derive(Serialize)]
struct NikReport {
    #[serde(flatten)]
    common: Common,
    #[serde(flatten)]
    region: RegionFields,
    birth_date: Option<String>,
    sex: Option<&'static str>,
    serial: Option<String>,
    century_ambiguous: Option<bool>,
}

#[derive(Serialize)]
struct KkReport {
    #[serde(flatten)]
    common: Common,
    #[serde(flatten)]
    region: RegionFields,
    issue_date: Option<String>,
    serial: Option<String>,
}

fn common(kind: Kind, error: Option<&'static str>) -> Common {
    Common {
        kind: kind.as_str(),
        valid: error.is_none(),
        error,
    }
}

fn nik_report(result: Result<Nik, &'static str>, reference: Date) -> Report {
    let report = match result {
        Ok(nik) => {
            let born = nik.birth_date(reference);
            NikReport {
                common: common(Kind::Nik, None),
                region: RegionFields::of(nik.region_code(), nik.region()),
                birth_date: born.map(|b| b.date.to_string()),
                sex: Some(nik.sex().as_str()),
                serial: Some(format!("{:04}", nik.serial())),
                century_ambiguous: born.map(|b| b.century_ambiguous),
            }
        }
        Err(e) => NikReport {
            common: common(Kind::Nik, Some(e)),
            region: RegionFields::none(),
            birth_date: None,
            sex: None,
            serial: None,
            century_ambiguous: None,
        },
    };
    Report::Nik(report)
}

fn kk_report(result: Result<Kk, &'static str>, reference: Date) -> Report {
    let report = match result {
        Ok(kk) => KkReport {
            common: common(Kind::Kk, None),
            region: RegionFields::of(kk.region_code(), kk.region()),
            issue_date: kk.issue_date(reference).map(|d| d.to_string()),
            serial: Some(format!("{:04}", kk.serial())),
        },
        Err(e) => KkReport {
            common: common(Kind::Kk, Some(e)),
            region: RegionFields::none(),
            issue_date: None,
            serial: None,
        },
    };
    Report::Kk(report)
}

/// Checks one value as the wanted kind (or the most plausible one for `auto`).
fn check_value(wanted: Wanted, value: &[u8], reference: Date) -> Report {
    match wanted {
        Wanted::Kind(Kind::Nik) => nik_report(
            Nik::parse_at_bytes(value, reference).map_err(|e| e.code()),
            reference,
        ),
        Wanted::Kind(Kind::Kk) => kk_report(
            Kk::parse_at_bytes(value, reference).map_err(|e| e.code()),
            reference,
        ),
        Wanted::Kind(other) => Report::Other(common(other, Some("unsupported_kind"))),
        Wanted::Auto => {
            let nik = Nik::parse_at_bytes(value, reference);
            if nik.is_err() {
                if let Ok(kk) = Kk::parse_at_bytes(value, reference) {
                    return kk_report(Ok(kk), reference);
                }
            }
            nik_report(nik.map_err(|e| e.code()), reference)
        }
    }
}

impl Report {
    /// An invalid report with the wanted kind's fields all null.
    fn error(wanted: Wanted, code: &'static str) -> Report {
        let reference = Date::today();
        match wanted {
            Wanted::Auto | Wanted::Kind(Kind::Nik) => nik_report(Err(code), reference),
            Wanted::Kind(Kind::Kk) => kk_report(Err(code), reference),
            Wanted::Kind(other) => Report::Other(common(other, Some(code))),
        }
    }

    fn common(&self) -> &Common {
        match self {
            Report::Nik(r) => &r.common,
            Report::Kk(r) => &r.common,
            Report::Other(c) => c,
        }
    }

    /// One readable line; decoded fields only, never the value itself.
    fn human(&self) -> String {
        let c = self.common();
        if let Some(e) = c.error {
            return format!("{} invalid ({e})", c.kind);
        }
        let place = |r: &RegionFields| {
            let names: Vec<&str> = [r.district, r.regency, r.province]
                .into_iter()
                .flatten()
                .collect();
            let mut s = format!(
                "region {} [{}] {}",
                r.region_code.as_deref().unwrap_or("?"),
                r.region_status.unwrap_or("?"),
                names.join(", ")
            );
            if let Some(succ) = &r.successor_code {
                s.push_str(&format!(" (now {succ})"));
            }
            s
        };
        match self {
            Report::Nik(r) => format!(
                "nik valid; {}; born {}{}; sex {}; serial {}",
                place(&r.region),
                r.birth_date.as_deref().unwrap_or("?"),
                if r.century_ambiguous == Some(true) {
                    " (century ambiguous)"
                } else {
                    ""
                },
                r.sex.unwrap_or("?"),
                r.serial.as_deref().unwrap_or("?"),
            ),
            Report::Kk(r) => format!(
                "kk valid; {}; issued {}; serial {}",
                place(&r.region),
                r.issue_date.as_deref().unwrap_or("?"),
                r.serial.as_deref().unwrap_or("?"),
            ),
            Report::Other(c) => format!("{} valid", c.kind),
        }
    }
}
