//! Rendering a [`Report`]: readable text, JSON, and a self-contained HTML page.
//!
//! The HTML page has inline CSS and SVG charts only (no script, no network
//! resource), so it opens offline in any browser.

use core::fmt::Write as _;

use super::report::Report;

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A share as a percentage with one decimal (`95.3%`).
pub fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn join(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// What the NIK validity rate says about the file.
pub fn verdict(r: &Report) -> String {
    let n = &r.nik;
    if n.values == 0 {
        return "No NIK values were found, so genuineness cannot be judged from NIKs.".into();
    }
    let rate = percent(n.validity_rate);
    let what = if n.validity_rate >= 0.9 {
        "consistent with genuine population data, not fabricated numbers"
    } else if n.validity_rate >= 0.5 {
        "partly genuine-looking, partly corrupted or fabricated"
    } else {
        "mostly not genuine NIKs: fabricated or badly corrupted"
    };
    format!(
        "{rate} of {} NIK-like values are structurally valid NIKs with a known district: {what}.",
        thousands(n.values)
    )
}

/// The plain-language paragraph for the breach notification.
pub fn summary(r: &Report) -> String {
    let mut s = String::new();
    if r.format == "text" {
        let found: u64 = r.identifiers.iter().map(|k| k.in_text).sum();
        let _ = write!(
            s,
            "This text contains {} identifiers, naming about {} people by NIK. ",
            thousands(found),
            thousands(r.subjects_estimate)
        );
    } else {
        let _ = write!(
            s,
            "This file holds {} records, about {} people once {} duplicate records are removed. ",
            thousands(r.records),
            thousands(r.subjects_estimate),
            thousands(r.duplicate_records)
        );
    }
    let general: Vec<&str> = r
        .pdp
        .iter()
        .filter(|c| !c.specific)
        .map(|c| c.label)
        .collect();
    let specific: Vec<String> = r
        .pdp
        .iter()
        .filter(|c| c.specific)
        .map(|c| {
            if c.code == "children" {
                format!(
                    "{} ({} records, {} of those with a birth date)",
                    c.label,
                    thousands(r.children),
                    percent(r.children_share())
                )
            } else {
                c.label.to_owned()
            }
        })
        .collect();
    if !general.is_empty() {
        let _ = write!(s, "Exposed personal data: {}. ", join(&general));
    }
    if !specific.is_empty() {
        let specific: Vec<&str> = specific.iter().map(String::as_str).collect();
        let _ = write!(
            s,
            "It includes specific personal data under UU PDP Art. 4: {}. ",
            join(&specific)
        );
    }
    s.push_str(&verdict(r));
    s.push_str(
        " Under UU PDP Art. 46 the controller must notify the data subjects and the PDP agency \
         in writing within 3 x 24 hours, stating which data were exposed, when and how, and the \
         handling and recovery steps.",
    );
    s
}

/// Readable text report.
pub fn text(r: &Report) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "identitas triage: {} records ({}, {} bytes), reference date {}",
        thousands(r.records),
        r.format,
        thousands(r.bytes),
        r.reference_date_string()
    );
    if r.malformed_records > 0 {
        let _ = writeln!(
            o,
            "  unreadable records: {}",
            thousands(r.malformed_records)
        );
    }
    if !r.columns.is_empty() {
        let cols: Vec<String> = r.columns.iter().map(|(n, f)| format!("{n}={f}")).collect();
        let _ = writeln!(o, "  columns: {}", cols.join(", "));
    }
    let _ = writeln!(
        o,
        "\nIdentifiers            in columns (valid)       in free text"
    );
    for k in &r.identifiers {
        let _ = writeln!(
            o,
            "  {:<20} {:>10} ({:>10})   {:>10}",
            k.kind,
            thousands(k.column_values),
            thousands(k.column_valid),
            thousands(k.in_text)
        );
    }
    let n = &r.nik;
    let _ = writeln!(o, "\nNIK validity: {}", verdict(r));
    let _ = writeln!(
        o,
        "  valid {}: known district {} (of which retired Papua codes {}), unknown district {}",
        thousands(n.valid),
        thousands(n.known_district),
        thousands(n.retired_district),
        thousands(n.unknown_district)
    );
    let reasons: Vec<String> = n
        .invalid_reasons
        .iter()
        .map(|(k, v)| format!("{k} {}", thousands(*v)))
        .collect();
    let _ = writeln!(
        o,
        "  invalid {}: {}",
        thousands(n.invalid),
        reasons.join(", ")
    );
    let _ = writeln!(
        o,
        "  KK number in the NIK column: {}",
        thousands(n.kk_in_nik_column)
    );
    let c = &r.consistency;
    let _ = writeln!(o, "\nConsistency within records");
    let _ = writeln!(
        o,
        "  NIK birth date vs birth date: {} of {} differ",
        thousands(c.dob_mismatch),
        thousands(c.dob_compared)
    );
    let _ = writeln!(
        o,
        "  NIK sex vs sex column:        {} of {} differ",
        thousands(c.sex_mismatch),
        thousands(c.sex_compared)
    );
    let _ = writeln!(
        o,
        "  NIK vs KK region:             same province {}, same regency {} of {}",
        thousands(c.kk_same_province),
        thousands(c.kk_same_regency),
        thousands(c.kk_compared)
    );
    let approx = |exact: bool| if exact { "" } else { " (estimated)" };
    let _ = writeln!(
        o,
        "\nDuplicates: {} duplicate records{}; {} distinct valid NIKs, {} repeated{}",
        thousands(r.duplicate_records),
        approx(r.duplicate_records_exact),
        thousands(n.distinct),
        thousands(n.duplicates),
        approx(n.duplicates_exact)
    );
    let _ = writeln!(
        o,
        "\nProvinces of NIK registration (top 10 of {})",
        r.provinces.len()
    );
    for p in r.provinces.iter().take(10) {
        let _ = writeln!(
            o,
            "  {:02} {:<34} {:>10}",
            p.code,
            p.name.unwrap_or("(unknown)"),
            thousands(p.count)
        );
    }
    let _ = writeln!(o, "\nRegencies (top 10 of {})", r.regencies.len());
    for p in r.regencies.iter().take(10) {
        let _ = writeln!(
            o,
            "  {:04} {:<34} {:>10}",
            p.code,
            p.name.unwrap_or("(unknown)"),
            thousands(p.count)
        );
    }
    let _ = writeln!(o, "\nBirth years (by decade)");
    let mut decades: Vec<(u16, u64)> = Vec::new();
    for &(y, c) in &r.birth_years {
        match decades.last_mut() {
            Some(d) if d.0 == y / 10 * 10 => d.1 += c,
            _ => decades.push((y / 10 * 10, c)),
        }
    }
    for (d, c) in decades {
        let _ = writeln!(o, "  {d}s {:>10}", thousands(c));
    }
    let _ = writeln!(
        o,
        "\nSex: male {}, female {}, unknown {}",
        thousands(r.sex.0),
        thousands(r.sex.1),
        thousands(r.sex.2)
    );
    let _ = writeln!(
        o,
        "Children (under 18 at {}): {} ({} of records with a birth date)",
        r.reference_date_string(),
        thousands(r.children),
        percent(r.children_share())
    );
    let general: Vec<&str> = r
        .pdp
        .iter()
        .filter(|c| !c.specific)
        .map(|c| c.label)
        .collect();
    let specific: Vec<&str> = r
        .pdp
        .iter()
        .filter(|c| c.specific)
        .map(|c| c.label)
        .collect();
    let _ = writeln!(o, "\nUU PDP categories");
    let _ = writeln!(o, "  general:  {}", general.join("; "));
    let _ = writeln!(
        o,
        "  specific: {}",
        if specific.is_empty() {
            "none found".to_owned()
        } else {
            specific.join("; ")
        }
    );
    let _ = writeln!(
        o,
        "\nSummary for the notification (3 x 24 hours, UU PDP Art. 46)"
    );
    for line in wrap(&r.summary, 88) {
        let _ = writeln!(o, "  {line}");
    }
    o
}

fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for w in s.split_whitespace() {
        if !cur.is_empty() && cur.len() + 1 + w.len() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn json_str(o: &mut String, s: &str) {
    o.push('"');
    for ch in s.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
}

fn json_opt(o: &mut String, s: Option<&str>) {
    match s {
        Some(s) => json_str(o, s),
        None => o.push_str("null"),
    }
}

/// The report as one JSON object (stable field names, see the CLI documentation).
pub fn json(r: &Report) -> String {
    let mut o = String::with_capacity(8192);
    o.push('{');
    o.push_str("\"format\":");
    json_str(&mut o, r.format);
    let _ = write!(
        o,
        ",\"reference_date\":\"{}\",\"bytes\":{},\"records\":{},\"malformed_records\":{}",
        r.reference_date_string(),
        r.bytes,
        r.records,
        r.malformed_records
    );
    o.push_str(",\"columns\":[");
    for (i, (name, f)) in r.columns.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"name\":");
        json_str(&mut o, name);
        o.push_str(",\"class\":");
        json_str(&mut o, f);
        o.push('}');
    }
    o.push_str("],\"identifiers\":{");
    for (i, k) in r.identifiers.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        let _ = write!(
            o,
            "\"{}\":{{\"column_values\":{},\"column_valid\":{},\"in_text\":{}}}",
            k.kind, k.column_values, k.column_valid, k.in_text
        );
    }
    let n = &r.nik;
    let _ = write!(
        o,
        "}},\"nik\":{{\"values\":{},\"valid\":{},\"known_district\":{},\"retired_district\":{},\
         \"unknown_district\":{},\"invalid\":{},\"kk_in_nik_column\":{},\"validity_rate\":{:.6},\
         \"distinct\":{},\"duplicates\":{},\"duplicates_exact\":{},\"invalid_reasons\":{{",
        n.values,
        n.valid,
        n.known_district,
        n.retired_district,
        n.unknown_district,
        n.invalid,
        n.kk_in_nik_column,
        n.validity_rate,
        n.distinct,
        n.duplicates,
        n.duplicates_exact
    );
    for (i, (k, v)) in n.invalid_reasons.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        let _ = write!(o, "\"{k}\":{v}");
    }
    let c = &r.consistency;
    let _ = write!(
        o,
        "}}}},\"consistency\":{{\"dob_compared\":{},\"dob_mismatch\":{},\"sex_compared\":{},\
         \"sex_mismatch\":{},\"kk_compared\":{},\"kk_same_province\":{},\"kk_same_regency\":{}}}",
        c.dob_compared,
        c.dob_mismatch,
        c.sex_compared,
        c.sex_mismatch,
        c.kk_compared,
        c.kk_same_province,
        c.kk_same_regency
    );
    let _ = write!(
        o,
        ",\"duplicate_records\":{},\"duplicate_records_exact\":{}",
        r.duplicate_records, r.duplicate_records_exact
    );
    for (key, list, width) in [
        ("provinces", &r.provinces, 2),
        ("regencies", &r.regencies, 4),
    ] {
        let _ = write!(o, ",\"{key}\":[");
        for (i, p) in list.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            let _ = write!(o, "{{\"code\":\"{:0width$}\",\"name\":", p.code);
            json_opt(&mut o, p.name);
            let _ = write!(o, ",\"count\":{}}}", p.count);
        }
        o.push(']');
    }
    o.push_str(",\"birth_years\":{");
    for (i, (y, c)) in r.birth_years.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        let _ = write!(o, "\"{y}\":{c}");
    }
    let _ = write!(
        o,
        "}},\"sex\":{{\"male\":{},\"female\":{},\"unknown\":{}}},\"children\":{},\
         \"with_birth_date\":{},\"children_share\":{:.6},\"subjects_estimate\":{}",
        r.sex.0,
        r.sex.1,
        r.sex.2,
        r.children,
        r.with_birth_date,
        r.children_share(),
        r.subjects_estimate
    );
    o.push_str(",\"pdp\":{\"general\":[");
    for (spec, key) in [(false, "general"), (true, "specific")] {
        if spec {
            o.push_str("],\"");
            o.push_str(key);
            o.push_str("\":[");
        }
        let mut first = true;
        for cat in r.pdp.iter().filter(|c| c.specific == spec) {
            if !first {
                o.push(',');
            }
            first = false;
            json_str(&mut o, cat.code);
        }
    }
    o.push_str("],\"notification_deadline_hours\":72},\"summary\":");
    json_str(&mut o, &r.summary);
    o.push_str("}\n");
    o
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const CSS: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;\
max-width:1100px;color:#1d2433;background:#fff;padding:0 1em}h1{font-size:1.6em;margin:.2em 0}\
h2{font-size:1.15em;margin:1.6em 0 .5em;border-bottom:2px solid #e3e7ef;padding-bottom:.2em}\
.cards{display:flex;flex-wrap:wrap;gap:.8em}.card{flex:1 1 180px;background:#f3f6fb;border-radius:8px;\
padding:.7em 1em;border-left:5px solid #3566c8}.card.warn{border-color:#d9822b}.card.bad{border-color:#c23b3b}\
.card b{display:block;font-size:1.7em}.card span{color:#556}table{border-collapse:collapse;width:100%}\
td,th{padding:.25em .6em;border-bottom:1px solid #e3e7ef;text-align:left}td.n{text-align:right;\
font-variant-numeric:tabular-nums}.summary{background:#fff8e6;border:1px solid #f0d9a6;border-radius:8px;\
padding:.8em 1.1em}.tag{display:inline-block;padding:.1em .6em;margin:.15em;border-radius:1em;\
background:#e8eefb}.tag.s{background:#fbe3e3;color:#8a1f1f;font-weight:600}svg text{font:12px sans-serif;fill:#334}";

/// A self-contained HTML page (inline CSS and SVG, no scripts).
pub fn html(r: &Report) -> String {
    let mut o = String::with_capacity(32 * 1024);
    let n = &r.nik;
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
    o.push_str("<title>identitas triage report</title><style>");
    o.push_str(CSS);
    o.push_str("</style></head><body>\n");
    let _ = write!(
        o,
        "<h1>Leak triage report</h1><p>Input format <b>{}</b>, {} bytes, reference date {}. \
         Counts only: no identifier is shown.</p>",
        r.format,
        thousands(r.bytes),
        r.reference_date_string()
    );
    let rate_class = if n.values == 0 || n.validity_rate >= 0.9 {
        ""
    } else if n.validity_rate >= 0.5 {
        " warn"
    } else {
        " bad"
    };
    o.push_str("<div class=\"cards\">");
    let card = |o: &mut String, id: &str, class: &str, value: String, label: &str| {
        let _ = write!(
            o,
            "<div class=\"card{class}\"><b id=\"{id}\">{}</b><span>{}</span></div>",
            esc(&value),
            esc(label)
        );
    };
    card(&mut o, "records", "", thousands(r.records), "records");
    card(
        &mut o,
        "subjects",
        "",
        thousands(r.subjects_estimate),
        "people (estimate)",
    );
    card(
        &mut o,
        "nik-validity",
        rate_class,
        percent(n.validity_rate),
        "NIK validity rate",
    );
    card(
        &mut o,
        "children",
        if r.children > 0 { " warn" } else { "" },
        thousands(r.children),
        "children under 18",
    );
    card(
        &mut o,
        "duplicates",
        "",
        thousands(r.duplicate_records),
        "duplicate records",
    );
    o.push_str("</div>\n<h2>Summary for the notification</h2><p class=\"summary\" id=\"summary\">");
    o.push_str(&esc(&r.summary));
    o.push_str("</p>\n<h2>UU PDP categories</h2><p>");
    for c in &r.pdp {
        let _ = write!(
            o,
            "<span class=\"tag{}\">{}{}</span>",
            if c.specific { " s" } else { "" },
            if c.specific { "specific: " } else { "" },
            esc(c.label)
        );
    }
    o.push_str("</p>\n<h2>Identifiers</h2><table><tr><th>kind</th><th>values in columns</th><th>valid</th><th>found in free text</th></tr>");
    for k in &r.identifiers {
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            k.kind,
            thousands(k.column_values),
            thousands(k.column_valid),
            thousands(k.in_text)
        );
    }
    o.push_str("</table>\n<h2>NIK validity</h2><table>");
    let row = |o: &mut String, id: &str, label: &str, v: u64| {
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=\"n\" id=\"{id}\">{}</td></tr>",
            esc(label),
            thousands(v)
        );
    };
    row(&mut o, "nik-values", "NIK-like values", n.values);
    row(&mut o, "nik-valid", "structurally valid", n.valid);
    row(
        &mut o,
        "nik-known",
        "valid, known district",
        n.known_district,
    );
    row(
        &mut o,
        "nik-retired",
        "valid, retired Papua district code",
        n.retired_district,
    );
    row(
        &mut o,
        "nik-unknown",
        "valid, district in no table",
        n.unknown_district,
    );
    row(&mut o, "nik-invalid", "invalid", n.invalid);
    for (k, v) in &n.invalid_reasons {
        row(
            &mut o,
            &format!("nik-invalid-{k}"),
            &format!("  invalid: {k}"),
            *v,
        );
    }
    row(
        &mut o,
        "kk-in-nik",
        "KK number in the NIK column",
        n.kk_in_nik_column,
    );
    o.push_str("</table>\n<h2>Consistency within records</h2><table>");
    let c = &r.consistency;
    let _ = write!(
        o,
        "<tr><td>NIK birth date differs from the birth date</td><td class=\"n\" id=\"dob-mismatch\">{}</td><td>of {}</td></tr>\
         <tr><td>NIK sex differs from the sex column</td><td class=\"n\" id=\"sex-mismatch\">{}</td><td>of {}</td></tr>\
         <tr><td>NIK and KK in the same province</td><td class=\"n\">{}</td><td>of {}</td></tr>\
         <tr><td>NIK and KK in the same regency</td><td class=\"n\">{}</td><td>of {}</td></tr></table>",
        thousands(c.dob_mismatch),
        thousands(c.dob_compared),
        thousands(c.sex_mismatch),
        thousands(c.sex_compared),
        thousands(c.kk_same_province),
        thousands(c.kk_compared),
        thousands(c.kk_same_regency),
        thousands(c.kk_compared)
    );
    o.push_str("<h2>Records per province of NIK registration</h2>\n");
    province_bars(&mut o, r);
    o.push_str("<h2>Birth years</h2>\n");
    year_histogram(&mut o, r);
    let _ = write!(
        o,
        "<p>Sex: male <b id=\"sex-male\">{}</b>, female <b id=\"sex-female\">{}</b>, unknown {}. \
         Children under 18: {} ({} of records with a birth date).</p>",
        thousands(r.sex.0),
        thousands(r.sex.1),
        thousands(r.sex.2),
        thousands(r.children),
        percent(r.children_share())
    );
    o.push_str("<h2>Top regencies</h2><table><tr><th>code</th><th>regency / city</th><th>records</th></tr>");
    for p in r.regencies.iter().take(15) {
        let _ = write!(
            o,
            "<tr><td>{:04}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            p.code,
            esc(p.name.unwrap_or("(unknown)")),
            thousands(p.count)
        );
    }
    o.push_str("</table>\n<p style=\"color:#778;margin-top:2em\">Generated by identitas triage. \
                Duplicates are counted with keyed fingerprints; no value is stored or shown.</p>\n</body></html>\n");
    o
}

fn province_bars(o: &mut String, r: &Report) {
    let rows = &r.provinces;
    if rows.is_empty() {
        o.push_str("<p>No valid NIK.</p>");
        return;
    }
    let max = rows.iter().map(|p| p.count).max().unwrap_or(1).max(1);
    let (label_w, bar_w, row_h) = (230.0, 560.0, 20.0);
    let h = rows.len() as f64 * row_h + 10.0;
    let _ = write!(
        o,
        "<svg id=\"province-chart\" width=\"{}\" height=\"{h}\" viewBox=\"0 0 {} {h}\" role=\"img\" aria-label=\"records per province\">",
        label_w + bar_w + 90.0,
        label_w + bar_w + 90.0
    );
    for (i, p) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 5.0;
        let w = (p.count as f64 / max as f64 * bar_w).max(1.0);
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{:02} {}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"#3566c8\"></rect>\
             <text x=\"{:.1}\" y=\"{}\">{}</text>",
            label_w - 6.0,
            y + 13.0,
            p.code,
            esc(p.name.unwrap_or("(unknown)")),
            row_h - 5.0,
            label_w + w + 5.0,
            y + 13.0,
            thousands(p.count)
        );
    }
    o.push_str("</svg>\n");
}

fn year_histogram(o: &mut String, r: &Report) {
    let (Some(first), Some(last)) = (r.birth_years.first(), r.birth_years.last()) else {
        o.push_str("<p>No birth dates.</p>");
        return;
    };
    let (y0, y1) = (first.0, last.0);
    let span = usize::from(y1 - y0) + 1;
    let max = r.birth_years.iter().map(|x| x.1).max().unwrap_or(1).max(1);
    let (w, h, left, bottom) = (1000.0, 260.0, 40.0, 30.0);
    let bw = (w - left) / span as f64;
    let child_from = r.reference_date.year().saturating_sub(18);
    let _ = write!(
        o,
        "<svg id=\"birth-year-chart\" width=\"{w}\" height=\"{}\" viewBox=\"0 0 {w} {}\" role=\"img\" aria-label=\"birth-year histogram\">",
        h + bottom,
        h + bottom
    );
    let _ = write!(
        o,
        "<line x1=\"{left}\" y1=\"{h}\" x2=\"{w}\" y2=\"{h}\" stroke=\"#889\"></line>\
         <text x=\"0\" y=\"12\">{}</text><text x=\"0\" y=\"{h}\">0</text>",
        thousands(max)
    );
    for &(y, c) in &r.birth_years {
        let x = left + f64::from(y - y0) * bw;
        let bh = c as f64 / max as f64 * (h - 10.0);
        let fill = if y >= child_from {
            "#d9822b"
        } else {
            "#3566c8"
        };
        let _ = write!(
            o,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{fill}\"><title>{y}: {c}</title></rect>",
            h - bh,
            (bw - 1.0).max(1.0)
        );
    }
    let mut y = y0.div_ceil(10) * 10;
    while y <= y1 {
        let x = left + f64::from(y - y0) * bw;
        let _ = write!(o, "<text x=\"{x:.1}\" y=\"{}\">{y}</text>", h + 18.0);
        y += 10;
    }
    o.push_str("</svg><p style=\"color:#556\">Orange: born in or after ");
    let _ = write!(
        o,
        "{child_from} (children at the reference date may be among them).</p>"
    );
}

impl Report {
    /// The reference date as `YYYY-MM-DD`.
    pub fn reference_date_string(&self) -> String {
        let d = self.reference_date;
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(percent(0.9531), "95.3%");
        assert_eq!(join(&["a", "b", "c"]), "a, b and c");
        assert_eq!(esc("<a&\"'>"), "&lt;a&amp;&quot;&#39;&gt;");
    }
}
