//! The embedded region table against the reference CSVs in ../shared/data/regions.
//!
//! The CSVs are not part of the crate (the table is generated from the pinned
//! registry package by tools/gen_regions.py); this test proves both agree, name
//! for name. It is skipped, loudly, when the shared folder is not beside the repo.

use std::path::PathBuf;

use identitas::RegionStatus;
use identitas::region::{lookup, province_name};

fn shared(name: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/regions")
        .join(name);
    std::fs::read_to_string(path).ok()
}

/// Splits a CSV line with optional RFC 4180 quotes (names here rarely need them).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                out.last_mut().unwrap().push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

fn rows(name: &str) -> Option<Vec<Vec<String>>> {
    let text = shared(name)?;
    Some(
        text.lines()
            .skip(1)
            .filter(|l| !l.is_empty())
            .map(fields)
            .collect(),
    )
}

#[test]
fn every_current_code_and_name_matches() {
    let (Some(provinces), Some(regencies), Some(districts)) = (
        rows("provinces.csv"),
        rows("regencies.csv"),
        rows("districts.csv"),
    ) else {
        eprintln!("SKIPPED: ../shared/data/regions not found");
        return;
    };
    assert_eq!(
        (provinces.len(), regencies.len(), districts.len()),
        (38, 514, 7285)
    );
    for p in &provinces {
        assert_eq!(
            province_name(p[0].parse().unwrap()),
            Some(p[1].as_str()),
            "{}",
            p[0]
        );
    }
    for r in &regencies {
        let got = lookup(&r[0]).unwrap();
        assert_eq!(
            (got.regency(), got.status()),
            (Some(r[2].as_str()), RegionStatus::Current),
            "{}",
            r[0]
        );
    }
    for d in &districts {
        let got = lookup(&d[0]).unwrap();
        assert_eq!(got.province(), Some(d[1].as_str()), "{}", d[0]);
        assert_eq!(got.regency(), Some(d[2].as_str()), "{}", d[0]);
        assert_eq!(got.district(), Some(d[3].as_str()), "{}", d[0]);
        assert_eq!(
            (got.status(), got.successor()),
            (RegionStatus::Current, None),
            "{}",
            d[0]
        );
    }
}

#[test]
fn every_retired_code_points_to_its_successor() {
    let (Some(regs), Some(dists)) = (rows("retired_regencies.csv"), rows("retired_districts.csv"))
    else {
        eprintln!("SKIPPED: ../shared/data/regions not found");
        return;
    };
    assert_eq!((regs.len(), dists.len()), (26, 594));
    for row in regs.iter().chain(&dists) {
        let old = lookup(&row[0]).unwrap();
        let new = lookup(&row[1]).unwrap();
        let succ: u32 = row[1].replace('.', "").parse().unwrap();
        assert_eq!(
            (old.status(), old.successor()),
            (RegionStatus::Retired, Some(succ)),
            "{}",
            row[0]
        );
        assert_eq!(new.status(), RegionStatus::Current, "{}", row[1]);
        // Names of a retired code are its successor's (the same area today).
        assert_eq!(
            (old.regency(), old.district()),
            (new.regency(), new.district()),
            "{}",
            row[0]
        );
        assert_eq!(old.province(), province_name(row[0][..2].parse().unwrap()));
    }
}

/// Every six-digit code, known or not: the levels found are consistent with each
/// other and with the four-digit lookup, and the counts match the table's.
#[test]
fn every_six_digit_code_is_consistent() {
    use identitas::region::{lookup_digits, table_counts};
    let (_, regencies, districts, retired_regencies, retired_districts) = table_counts();
    let (mut known_districts, mut known_regencies, mut retired) = (0, 0, 0);
    for code4 in 0..10_000u32 {
        let four = format!("{code4:04}");
        let r4 = lookup_digits(four.as_bytes()).unwrap();
        known_regencies += usize::from(r4.regency().is_some());
        for suffix in 0..100u32 {
            let six = format!("{code4:04}{suffix:02}");
            let r = lookup_digits(six.as_bytes()).unwrap();
            assert_eq!(r.code(), code4 * 100 + suffix);
            assert_eq!(
                (r.regency(), r.province()),
                (r4.regency(), r4.province()),
                "{six}"
            );
            match r.status() {
                RegionStatus::Unknown => {
                    assert_eq!((r.district(), r.successor()), (None, None), "{six}")
                }
                RegionStatus::Current => {
                    assert_eq!(r4.status(), RegionStatus::Current, "{six}");
                    assert!(r.district().is_some_and(|n| !n.is_empty()), "{six}");
                    assert_eq!(r.successor(), None, "{six}");
                    known_districts += 1;
                }
                RegionStatus::Retired => {
                    assert_eq!(r4.status(), RegionStatus::Retired, "{six}");
                    let succ = r.successor().unwrap();
                    assert_eq!(succ / 100, r4.successor().unwrap(), "{six}");
                    let new = lookup_digits(format!("{succ:06}").as_bytes()).unwrap();
                    assert_eq!(new.status(), RegionStatus::Current, "{six}");
                    assert_eq!(r.district(), new.district(), "{six}");
                    assert!(r.district().is_some(), "{six}");
                    retired += 1;
                }
            }
        }
    }
    assert_eq!(known_regencies, regencies + retired_regencies);
    assert_eq!((known_districts, retired), (districts, retired_districts));
}
